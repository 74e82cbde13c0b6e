"""Read the knowledge base: versioned data files in ``communique/kb``, loaded once per process.

Every table is UTF-8 TSV: lines starting with ``#`` are comments, the first other line names the
columns, empty cells are None and ``|`` separates the values of a list cell.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def kb_version() -> str:
    return resources.files("communique.kb").joinpath("VERSION").read_text("utf-8").strip()


@cache
def read_table(name: str) -> tuple[dict[str, str | None], ...]:
    """Rows of ``kb/<name>.tsv`` as dicts; cached, so every caller shares one read."""
    text = resources.files("communique.kb").joinpath(f"{name}.tsv").read_text("utf-8")
    rows: list[dict[str, str | None]] = []
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append({h: (c.strip() or None) for h, c in zip(header, cells, strict=False)})
    return tuple(rows)


def split_list(cell: str | None) -> list[str]:
    """The values of a ``|``-separated list cell."""
    return [v.strip() for v in cell.split("|") if v.strip()] if cell else []


@cache
def country_names() -> dict[str, str]:
    """ISO alpha-3 code → the country's Chinese name (``VNM`` → 越南), from the countries table."""
    return {row["code"]: row["name"] for row in read_table("countries")
            if row.get("code") and row.get("name")}
