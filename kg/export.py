"""Exports of what the graph holds: PLOVER-style JSON records and RDF dumps.

PLOVER records (one JSON object per line, one per event) follow
``../shared/docs/facts-and-evaluation.md``; they are read back from the store with SPARQL, so they
show the graph — not the extractor's memory — and other event-data tools (and ``kg eval``) can read
them.

Example
-------
>>> import io                                             # doctest: +SKIP
>>> out = io.StringIO(); write_plover(store, out)         # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import IO, BinaryIO

from kg.errors import Errors, KGError

__all__ = ["plover_records", "write_plover", "dump_rdf", "RDF_FORMATS"]

RDF_FORMATS = {"trig": "trig", "nq": "nquads", "nquads": "nquads", "ttl": "turtle", "turtle": "turtle"}

_PREFIXES = """
PREFIX rr: <https://w3id.org/rrkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

_EVENTS = _PREFIXES + """
SELECT ?event ?article ?date ?category ?mode ?confidence ?text WHERE {
  GRAPH ?g {
    ?event a rr:Event ; rr:category ?cat ; rr:confidence ?confidence ; prov:wasDerivedFrom ?a .
    ?a rr:articleId ?article .
    OPTIONAL { ?event rr:date ?date }
    OPTIONAL { ?event rr:mode ?m }
    OPTIONAL { ?event rr:evidence ?s . ?s rr:index ?index ; rr:originalText ?text .
               FILTER NOT EXISTS { ?event rr:evidence ?s2 . ?s2 rr:index ?i2 . FILTER(?i2 < ?index) } }
  }
  BIND(STRAFTER(STR(?cat), "/plover/") AS ?category)
  BIND(STRAFTER(STR(?m), "/mode/") AS ?mode)
} ORDER BY ?article ?event
"""

_CONCEPTS = _PREFIXES + """
SELECT ?event ?kind ?key WHERE {
  GRAPH ?g {
    { ?event rr:topic ?c . BIND("topics" AS ?kind) } UNION { ?event rr:context ?c . BIND("context" AS ?kind) }
    UNION { ?event rr:altCategory ?c . BIND("alt" AS ?kind) }
  }
  BIND(REPLACE(STR(?c), "^.*/", "") AS ?key)
} ORDER BY ?event ?kind ?key
"""

_MENTIONS = _PREFIXES + """
SELECT ?event ?mention ?side ?text ?actor ?name ?type ?code ?country ?organization ?wikidata
       ?acts_for ?acts_for_iso ?acts_for_code WHERE {
  GRAPH ?g { ?event rr:mention ?mention . ?mention rr:side ?side ; rr:text ?text ; rr:refersTo ?actor . }
  OPTIONAL { GRAPH ?gm { ?mention rr:actsFor ?acts_for }
             OPTIONAL { GRAPH ?gf { ?acts_for rr:iso3 ?acts_for_iso } }
             OPTIONAL { GRAPH ?gf2 { ?acts_for rr:acronym ?acts_for_code } } }
  OPTIONAL { GRAPH ?ga { ?actor rdfs:label ?name . FILTER(LANGMATCHES(LANG(?name), "en")) } }
  OPTIONAL { GRAPH ?gt { ?actor a ?type . FILTER(?type IN (rr:Country, rr:Person, rr:Organization, rr:Group)) } }
  OPTIONAL { GRAPH ?gc { ?actor rr:iso3|rr:acronym ?code } }
  OPTIONAL { GRAPH ?gp { ?actor rr:country ?c . } GRAPH ?gi { ?c rr:iso3 ?country } }
  OPTIONAL { GRAPH ?go { ?actor rr:memberOf ?o . } GRAPH ?gk { ?o rr:acronym ?organization } }
  OPTIONAL { GRAPH ?gw { ?actor rr:wikidata ?wd } BIND(STRAFTER(STR(?wd), "/entity/") AS ?wikidata) }
} ORDER BY ?event ?mention
"""


def plover_records(store) -> Iterator[dict]:
    """Every event of the store as a PLOVER-style record (dicts ready for ``json.dumps``)."""
    concepts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in store.query(_CONCEPTS).to_dicts():
        concepts[row["event"]][row["kind"]].append(row["key"])
    parties: dict[str, dict[str, dict[str, dict]]] = defaultdict(lambda: {"actor": {}, "recipient": {}})
    for row in store.query(_MENTIONS).to_dicts():
        side = parties[row["event"]][row["side"]]
        side.setdefault(row["actor"], _party(row))
    for row in store.query(_EVENTS).to_dicts():
        event = row["event"]
        yield {
            "id": event,
            "article": row["article"],
            "date": _iso(row.get("date")),
            "event": row["category"],
            "alt_events": concepts[event]["alt"],
            "mode": row.get("mode") or None,
            "context": concepts[event]["context"],
            "topics": concepts[event]["topics"],
            "actor": list(parties[event]["actor"].values()),
            "recipient": list(parties[event]["recipient"].values()),
            "text": row.get("text") or "",
            "confidence": float(row["confidence"]),
        }


def _party(row: dict) -> dict:
    if row.get("acts_for"):  # the party on the article's day wins over the actor's one rr:country
        row = {**row, "country": row.get("acts_for_iso"),
               "organization": None if row.get("acts_for") == row["actor"] else row.get("acts_for_code")}
    party = {"text": row["text"], "name": row.get("name") or row["actor"].rsplit("/", 1)[-1]}
    kind = (row.get("type") or "").rsplit("#", 1)[-1]
    if kind in ("Organization", "Group"):
        party["group"] = row.get("code")
        if row.get("country"):  # a group that governs a state is coded as that state too
            party["country"] = row["country"]
    elif kind == "Person":
        if row.get("country"):
            party["country"] = row["country"]
        elif row.get("organization"):
            party["group"] = row["organization"]
    else:
        party["country"] = row.get("code")
    if row.get("wikidata"):
        party["wikidata"] = row["wikidata"]
    return party


def _iso(value: object) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value else None)


def write_plover(store, out: IO[str]) -> int:
    """Write PLOVER records as JSON lines; returns how many."""
    count = 0
    for record in plover_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def dump_rdf(store, out: BinaryIO, fmt: str) -> None:
    """Dump the store as TriG, N-Quads or Turtle (the union of its graphs)."""
    if fmt not in RDF_FORMATS:
        raise KGError(Errors.E501, fmt=fmt, known=", ".join(sorted(RDF_FORMATS)))
    store.dump(out, RDF_FORMATS[fmt])
