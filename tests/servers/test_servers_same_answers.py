"""The same named queries (queries/*.rq) give the same answers on rdflib memory, embedded
Oxigraph, Oxigraph server and Virtuoso over the mini graph; store reads agree; parameters cannot
inject SPARQL on any backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError
from kg.queries import load_queries, run_query
from kg.store import Store, open_store
from kg.store.base import QueryResult

from conftest import BACKENDS, clear

pytestmark = pytest.mark.server

ID = "https://w3id.org/rrkg/id/"
ACTORS = URIRef(ID + "graph/actors")

# every named query that needs no parameter, without any; and the parameter sets of
# tests/test_queries.py and tests/test_ontology_queries.py
CASES = [(name, {}) for name, query in sorted(load_queries().items())
         if not any(param.required for param in query.params)] + [
    ("who-called", {"country": "IRN"}), ("who-called", {"country": "rus", "since": "2025-02-10"}),
    ("who-called", {"until": "2025-02-10"}), ("cooperation", {"country": "UN"}),
    ("cooperation", {"country": "IRN", "topic": "energy"}), ("events", {"category": "consult"}),
    ("events", {"country": "CASPIAN"}), ("events", {"article": "seed"}), ("actors", {"type": "Person"}),
    ("who-held-office", {"role": "foreign-minister", "country": "IRN", "date": "2020-01-17"}),
    ("events-of-state", {"country": "TKM"}), ("events-of-state", {"country": "CASPIAN"}),
    ("timeline", {"a": "IRN", "b": "TKM"}), ("timeline", {"a": "IRN", "b": "RUS", "since": "2025-01-01"}),
]


@pytest.fixture(scope="module")
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           mini_batch) -> Iterator[dict[str, Store | str]]:
    """The mini graph in each backend, or the reason the backend is missing."""
    stores: dict[str, Store | str] = {}
    for name in BACKENDS:
        try:
            if name == "memory":
                store = open_store("memory:")
            elif name == "oxigraph":
                store = open_store(tmp_path_factory.mktemp("embedded") / "kg")
            else:
                fixture = "oxigraph_server" if name == "oxigraph-server" else "virtuoso_server"
                store = clear(request.getfixturevalue(fixture).open_store())
        except pytest.skip.Exception as reason:
            stores[name] = str(reason)
            continue
        store.write_batch(mini_batch)
        stores[name] = store
    yield stores
    for store in stores.values():
        if isinstance(store, Store):
            store.close()


def backend(loaded: dict, name: str) -> Store:
    store = loaded[name]
    if isinstance(store, str):
        pytest.skip(store)
    return store


def answer(result: QueryResult) -> tuple:
    return result.kind, result.vars, result.rows, result.ask


# Wrong answers found on Virtuoso 7.2.5, where rdflib and Oxigraph agree. `events` without
# parameters: the actor lists (an OPTIONAL grouped GROUP_CONCAT subquery) come out wrong when
# the topics block (another OPTIONAL grouped subquery) is in the same query; each block alone is
# right, and any parameter makes it right. `cooperation` with country=IRN and topic=energy: the
# IRN–RUS row is missing on some server starts and not others (same data, same query; not
# ThreadsPerQuery). `timeline` IRN–RUS since 2025-01-01: differed once in a clean-clone CI run
# on a loaded machine and in none of 9 runs after it (alone, by file, whole folder); the diff
# was not kept, so the failure message now prints both answers. Not strict, since it comes and
# goes; docs/stores.md lists them.
VIRTUOSO_WRONG = {("events", ()), ("cooperation", (("country", "IRN"), ("topic", "energy"))),
                  ("timeline", (("a", "IRN"), ("b", "RUS"), ("since", "2025-01-01")))}


@pytest.mark.parametrize("name", BACKENDS[1:])
@pytest.mark.parametrize(("query", "values"), CASES, ids=[f"{q}-{'-'.join(v.values()) or 'all'}" for q, v in CASES])
def test_named_query_gives_the_same_answer_as_rdflib(request, loaded, name: str, query: str,
                                                     values: dict) -> None:
    if name == "virtuoso" and (query, tuple(values.items())) in VIRTUOSO_WRONG:
        request.applymarker(pytest.mark.xfail(reason="Virtuoso 7.2.5 answers it wrongly (see above)"))
    expected = answer(run_query(backend(loaded, "memory"), query, values))
    assert expected[2] or values, "a case without rows proves little"
    got = answer(run_query(backend(loaded, name), query, values))
    assert got == expected, "\n".join(["rdflib:", *map(str, expected[2]), f"{name}:", *map(str, got[2])])


@pytest.mark.parametrize("name", BACKENDS[1:])
def test_store_reads_agree(loaded, name: str) -> None:
    memory, store = backend(loaded, "memory"), backend(loaded, name)
    assert store.graphs() == memory.graphs()
    assert store.count_triples() == memory.count_triples() == 437
    assert [store.count_triples(g) for g in store.graphs()] == [memory.count_triples(g) for g in memory.graphs()]
    assert store.has_graph(ACTORS) and not store.has_graph(URIRef(ID + "graph/none"))
    iran, label = URIRef(ID + "actor/IRN"), URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    assert store.graph_value(ACTORS, iran, label) == memory.graph_value(ACTORS, iran, label) == Literal("Iran", lang="en")


@pytest.mark.parametrize("name", BACKENDS[1:])
def test_construct_and_ask_agree(loaded, name: str) -> None:
    construct = f"CONSTRUCT {{ ?s rdfs:label ?l }} WHERE {{ GRAPH <{ACTORS}> {{ ?s rdfs:label ?l }} }}"
    ask = "ASK { GRAPH ?g { ?e rr:category plover:ACCUSE } }"   # project prefixes need no declaration
    for text in (construct, ask):
        assert answer(backend(loaded, name).query(text)) == answer(backend(loaded, "memory").query(text))


def test_virtuoso_keeps_its_system_graphs_out_of_the_answers(loaded) -> None:
    store = backend(loaded, "virtuoso")
    assert not any("openlinksw" in g or "localhost:8890" in g for g in store.graphs())
    assert run_query(store, "stats").to_dicts()[0]["graphs"] == 5


INJECTIONS = [("events", "article", 'seed" } UNION { ?event ?p ?o } #'),
              ("events", "article", 'x\\" } ; DROP ALL #'),
              ("events", "article", 'seed"\n} UNION { ?s ?p ?o } #'),
              ("who-called", "country", "IRN> } ; DROP ALL #"),
              ("who-called", "since", "2025-01-01\"^^<x> } #"),
              ("cooperation", "topic", "gas> } UNION { ?s ?p ?o } #")]


@pytest.mark.parametrize("name", BACKENDS)
def test_parameters_cannot_inject_sparql(loaded, name: str) -> None:
    store = backend(loaded, name)
    for query, param, value in INJECTIONS:
        try:
            rows = run_query(store, query, {param: value}).rows
        except QueryError as err:
            assert err.code == "KG403", (query, value)    # refused by its kind
        else:
            assert rows == [], (query, value)            # a literal that matches nothing
    assert store.count_triples() == 437


@pytest.mark.parametrize("name", BACKENDS)
def test_strings_come_back_unchanged(loaded, name: str, tmp_path: Path) -> None:
    text = 'quote " backslash \\ newline \n tab \t ZWNJ \u200c فارسی 🙂'
    rows = backend(loaded, name).query(
        "SELECT ?x WHERE { VALUES ?x { \"" + text.replace("\\", "\\\\").replace('"', '\\"')
        .replace("\n", "\\n").replace("\t", "\\t") + "\" } }").rows
    assert rows == [(Literal(text),)]
