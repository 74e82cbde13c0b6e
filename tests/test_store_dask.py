"""``ingest --dask``: extraction on a local Dask cluster of several processes."""

from __future__ import annotations

import pytest
from test_store import corpus, dump

from communique.store import open_store
from communique.store.ingest import ingest

distributed = pytest.importorskip("distributed")


def test_ingest_on_a_local_dask_cluster_equals_a_local_run(tmp_path):
    import cloudpickle
    import conftest

    cloudpickle.register_pickle_by_value(conftest)
    items = corpus() * 2
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None, worker_dashboard_address=None) \
                as cluster, distributed.Client(cluster) as client:
            with open_store(tmp_path / "dask.db") as st:
                summary = ingest(st, ["x"], read=conftest.list_reader(items),
                                 extract=conftest.fake_extract, dask=client, batch_size=2)
                on_dask = dump(st)
            with open_store(tmp_path / "dask2.db") as st:
                ingest(st, ["x"], read=conftest.list_reader(items),
                       extract=conftest.fake_extract, dask=cluster.scheduler_address)
                by_address = dump(st)
    finally:
        cloudpickle.unregister_pickle_by_value(conftest)
    with open_store(tmp_path / "local.db") as st:
        ingest(st, ["x"], read=conftest.list_reader(items), extract=conftest.fake_extract)
        local = dump(st)
    assert summary.stored == 4 and summary.skipped == 6
    assert on_dask == by_address == local
