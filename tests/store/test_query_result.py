"""QueryResult: the same rdflib terms from every backend, and its CSV/JSON/dict exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError
from kg.store import QueryResult, Store

PEZESHKIAN = "https://w3id.org/rrkg/id/person/masoud-pezeshkian"
EVENT = "https://w3id.org/rrkg/id/event/0a1b2c3d4e5f60718293a4b5c6d7e8f9-1"
SELECT = f"""
SELECT ?actor ?label ?date ?confidence ?index ?missing WHERE {{
  GRAPH ?g {{ <{EVENT}> rr:actor ?actor ; rr:date ?date ; rr:confidence ?confidence ; rr:evidence ?s .
              ?s rr:index ?index }}
  GRAPH ?ga {{ ?actor rdfs:label ?label FILTER (LANG(?label) = "fa") }}
  OPTIONAL {{ ?actor rr:nothing ?missing }}
}}"""


def test_select_answers_are_rdflib_terms(mini_store: Store) -> None:
    result = mini_store.query(SELECT)
    assert result.kind == "SELECT" and len(result) == 1
    assert result.vars == ["actor", "label", "date", "confidence", "index", "missing"]
    actor, label, day, confidence, index, missing = result.rows[0]
    assert actor == URIRef(PEZESHKIAN)
    assert label == Literal("مسعود پزشکیان", lang="fa")
    assert day == Literal(date(2025, 2, 10))
    assert float(confidence) == pytest.approx(0.9)
    assert index == Literal(1)
    assert missing is None


def test_to_dicts_gives_plain_python_values(mini_store: Store) -> None:
    assert mini_store.query(SELECT).to_dicts() == [{
        "actor": PEZESHKIAN, "label": "مسعود پزشکیان", "date": date(2025, 2, 10),
        "confidence": 0.9, "index": 1, "missing": None}]


def test_plain_strings_come_back_without_a_datatype(mini_store: Store) -> None:
    rows = mini_store.query('SELECT ?id WHERE { GRAPH ?g { ?a rr:articleId ?id } } ORDER BY ?id').rows
    assert rows == [(Literal("baku-visit"),), (Literal("caspian-summit"),), (Literal("seed"),)]


def test_to_csv_writes_the_sparql_csv_format(mini_store: Store) -> None:
    out = io.StringIO(newline="")
    mini_store.query(SELECT).to_csv(out)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["actor", "label", "date", "confidence", "index", "missing"],
        [PEZESHKIAN, "مسعود پزشکیان", "2025-02-10", "0.9", "1", ""]]


def test_to_json_writes_the_sparql_json_format(mini_store: Store) -> None:
    out = io.StringIO()
    mini_store.query(SELECT).to_json(out)
    doc = json.loads(out.getvalue())
    assert doc["head"]["vars"][:2] == ["actor", "label"]
    binding = doc["results"]["bindings"][0]
    assert binding["actor"] == {"type": "uri", "value": PEZESHKIAN}
    assert binding["label"] == {"type": "literal", "value": "مسعود پزشکیان", "xml:lang": "fa"}
    assert binding["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert "missing" not in binding


def test_ask_answers(mini_store: Store) -> None:
    yes = mini_store.query("ASK { GRAPH ?g { ?e a rr:Event } }")
    no = mini_store.query("ASK { GRAPH ?g { ?e a rr:Nothing } }")
    assert (yes.kind, yes.ask, bool(yes), no.ask, bool(no)) == ("ASK", True, True, False, False)
    out = io.StringIO()
    yes.to_json(out)
    assert json.loads(out.getvalue()) == {"head": {}, "boolean": True}


def test_construct_answers_are_a_graph_and_sorted_rows(mini_store: Store) -> None:
    result = mini_store.query("CONSTRUCT { ?a rr:iso3 ?code } WHERE { GRAPH ?g { ?a rr:iso3 ?code } }")
    assert result.kind == "CONSTRUCT" and len(result.graph) == 5
    assert [str(row[2]) for row in result.rows] == ["AZE", "IRN", "KAZ", "RUS", "TKM"]


def test_a_bad_query_raises_kg405(mini_store: Store) -> None:
    with pytest.raises(QueryError) as info:
        mini_store.query("SELECT ?x WHERE { ?x ")
    assert info.value.code == "KG405"


def test_query_result_alone() -> None:
    result = QueryResult(vars=["n"], rows=[(Literal(2),), (None,)])
    assert result.to_dicts() == [{"n": 2}, {"n": None}]
    assert list(result) == [(Literal(2),), (None,)]
