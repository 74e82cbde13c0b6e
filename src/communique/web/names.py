"""How the web shows an entity: its name as written, the Latin form the knowledge base has, a
country's Chinese name, and the links to an actor's page and to a dyad."""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import quote

COUNTRY = r"^[A-Za-z]{3}$"


@cache
def _latin_names() -> dict[str, str]:
    from communique.knowledge import read_table

    return {row["id"]: row["latin"] for row in read_table("people")
            if row.get("id") and row.get("latin")}


def latin(entity_id: str | None) -> str | None:
    """The Latin form of a person's name where the knowledge base has one."""
    try:
        return _latin_names().get(entity_id or "")
    except Exception:  # noqa: BLE001 - a missing table must not break a page
        return None


def country_name(code: str | None) -> str | None:
    """A country's Chinese name (``VNM`` → 越南); None when unknown."""
    from communique.knowledge import country_names

    try:
        return country_names().get((code or "").upper())
    except Exception:  # noqa: BLE001
        return None


def label(entity_id: str, name: str | None, org: str | None, country: str | None) -> str:
    """What to call an entity: the person's name, else the organisation, else the country."""
    if name or org:
        return name or org or ""
    if entity_id.startswith("country:"):
        return country_name(country) or country or entity_id
    return entity_id.split(":", 1)[-1]


def is_country(code: str) -> bool:
    return re.match(COUNTRY, code) is not None


def actor_url(entity_id: str, lang: str = "en") -> str:
    return f"/actors/{quote(entity_id, safe=':')}" + ("?lang=zh" if lang == "zh" else "")


def dyad_url(a: str, b: str, lang: str = "en") -> str:
    """The dyad page of two countries, two actors, or an actor and a country."""
    a, b = (x.upper() if is_country(x) else x for x in (a, b))
    return (f"/dyad/{quote(a, safe=':')}/{quote(b, safe=':')}"
            + ("?lang=zh" if lang == "zh" else ""))


def entity_view(row: Any) -> dict[str, Any]:
    """An entity row (id, kind, name, org, country, …) as a dict with its label and Latin form."""
    d = dict(row._mapping) if hasattr(row, "_mapping") else dict(row)
    d["label"] = label(d["id"], d.get("name"), d.get("org"), d.get("country"))
    d["latin"] = latin(d["id"])
    return d
