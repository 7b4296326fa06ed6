"""What stands behind an edge of the network: each event's article, date and evidence sentence.

The projections (:mod:`kg.analytics.projections`) keep only what the measures need; a reader who
asks *why* two actors are linked needs the events themselves: their PLOVER category, date, the
article that reports them and the sentence that states them. :func:`event_details` reads these
with one SPARQL SELECT in the store's own engine; :func:`category_labels` reads the PLOVER
categories' names in Persian and English from the store's ontology.

Example
-------
>>> from kg.store import open_store
>>> with open_store("memory:") as store:       # an empty store: no events, no ontology
...     event_details(store), category_labels(store)
({}, {})
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from rdflib import Literal, URIRef

from kg.rdf.namespaces import PLOVER, PREFIXES, RDF

__all__ = ["EventDetail", "event_details", "category_labels"]

_PROLOG = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in {**PREFIXES, "rdf": RDF}.items())
_PLOVER = str(PLOVER)


@dataclass(frozen=True, slots=True)
class EventDetail:
    """One event as a reader sees it.

    ``evidence`` is the first sentence (lowest ``rr:index``) the event cites; ``article`` the
    article's ``rr:articleId``; ``headline`` and ``url`` are '' when the graph has none.
    """

    iri: str
    category: str
    date: date | None = None
    article: str = ""
    headline: str = ""
    url: str = ""
    evidence: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the date as ``YYYY-MM-DD`` or None)."""
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        return out


_DETAILS_QUERY = """{prolog}
SELECT ?event ?category ?date ?article ?headline ?url ?index ?text WHERE {{
  {values}
  GRAPH ?g {{
    ?event a rr:Event ; rr:category ?category .
    OPTIONAL {{ ?event rr:date ?date }}
    OPTIONAL {{ ?event prov:wasDerivedFrom ?a .
               OPTIONAL {{ ?a rr:articleId ?article }}
               OPTIONAL {{ ?a schema:headline ?headline }}
               OPTIONAL {{ ?a schema:url ?url }} }}
    OPTIONAL {{ ?event rr:evidence ?sentence . ?sentence rr:index ?index ; rr:text ?text }}
  }}
}}"""


def _day(term: Any) -> date | None:
    value = term.toPython() if isinstance(term, Literal) else None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(term)[:10]) if term is not None else None
    except ValueError:
        return None


def event_details(store, events: Iterable[str] | None = None) -> dict[str, EventDetail]:
    """Category, date, article and evidence of ``events`` (IRIs), or of every event when None.

    One SELECT; an event with several evidence sentences keeps the first, several dates the
    earliest, several headlines the smallest (so the answer does not depend on row order).

    Parameters
    ----------
    store: a :class:`~kg.store.Store`.
    events: event IRIs (as strings); IRIs the store does not hold are left out of the answer.

    Returns
    -------
    dict
        event IRI → :class:`EventDetail`.
    """
    wanted = None if events is None else sorted(set(map(str, events)))
    if wanted == []:
        return {}
    values = "" if wanted is None else \
        "VALUES ?event { " + " ".join(URIRef(iri).n3() for iri in wanted) + " }"
    result = store.query(_DETAILS_QUERY.format(prolog=_PROLOG, values=values))
    found: dict[str, dict[str, Any]] = {}
    for row in result.to_dicts():
        iri = row["event"]
        best = found.setdefault(iri, {"iri": iri, "category": str(row["category"])[len(_PLOVER):]})
        _keep_min(best, "date", _day(row.get("date")) if row.get("date") is not None else None)
        for name in ("article", "headline", "url"):
            _keep_min(best, name, None if row.get(name) is None else str(row[name]))
        if row.get("text") is not None:
            index = int(row["index"])
            if "index" not in best or index < best["index"]:
                best["index"], best["evidence"] = index, str(row["text"])
    return {iri: EventDetail(**{k: v for k, v in info.items() if k != "index"})
            for iri, info in sorted(found.items())}


def _keep_min(found: dict[str, Any], name: str, value: Any) -> None:
    if value is not None and (found.get(name) is None or value < found[name]):
        found[name] = value


_LABELS_QUERY = """{prolog}
SELECT ?category ?label WHERE {{
  GRAPH ?g {{ ?category skos:inScheme plover:categories ; skos:prefLabel ?label }}
}}"""


def category_labels(store) -> dict[str, tuple[str, str]]:
    """PLOVER category name → (English label, Persian label) from the store's ontology.

    A category without a label in a language gets '' there; a store without the ontology gives
    an empty dict (callers show the category's name instead).
    """
    found: dict[str, dict[str, set[str]]] = {}
    for category, text in store.query(_LABELS_QUERY.format(prolog=_PROLOG)).rows:
        name = str(category)[len(_PLOVER):]
        if "/" in name:
            continue
        lang = (getattr(text, "language", None) or "en").lower()
        found.setdefault(name, {}).setdefault(lang, set()).add(str(text))
    return {name: (min(v.get("en", ()), default=""), min(v.get("fa", ()), default=""))
            for name, v in sorted(found.items())}
