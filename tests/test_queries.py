"""Named queries on the mini graph, on every local backend, with the same expected answers;
safe parameter binding (kinds, errors, SPARQL injection)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.queries import KINDS, bind, get_query, load_queries, run_query, sparql_term
from kg.store import Store, open_store, registered_stores

MINI_GRAPH = Path(__file__).resolve().parent / "fixtures" / "mini-graph.trig"
LOCAL_BACKENDS = sorted(name for name, factory in registered_stores().items()
                        if isinstance(factory, type) and factory.local)
ID = "https://w3id.org/rrkg/id/"
K1, K2, K3 = "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "1b2c3d4e5f60718293a4b5c6d7e8f90a", "2c3d4e5f60718293a4b5c6d7e8f90a1b"


@pytest.fixture(scope="module")
def mini_batch() -> dict[URIRef, list]:
    dataset = Dataset()
    dataset.parse(MINI_GRAPH, format="trig")
    return {g.identifier: list(g) for g in dataset.graphs() if isinstance(g.identifier, URIRef) and len(g)}


@pytest.fixture(params=LOCAL_BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path, mini_batch) -> Iterator[Store]:
    """The mini graph in a store of each registered local backend."""
    with open_store(registered_stores()[request.param].scratch_url(tmp_path)) as opened:
        opened.write_batch(mini_batch)
        yield opened


def table(store: Store, name: str, *columns: str, **values: str) -> list[tuple]:
    return [tuple(row[c] for c in columns) for row in run_query(store, name, values).to_dicts()]


# -- the queries ---------------------------------------------------------------------------------

def test_load_queries_reads_every_header() -> None:
    queries = load_queries()
    assert sorted(queries) == ["actors", "cooperation", "events", "events-of-state", "stats", "timeline",
                               "who-called", "who-held-office"]
    assert all(q.title and q.description for q in queries.values())
    assert [(p.name, p.kind, p.required) for p in queries["who-called"].params] == [
        ("country", "iso3", False), ("since", "date", False), ("until", "date", False)]
    assert queries["timeline"].example == (("a", "IRN"), ("b", "TKM"))
    assert all(q.example for q in queries.values() if any(p.required for p in q.params))


def test_load_queries_refuses_an_example_without_a_required_parameter(tmp_path) -> None:
    (tmp_path / "pair.rq").write_text("# name: pair\n# param: a  iso3  required  One\n"
                                      "# example: b=TKM\nSELECT ?a WHERE { ?a ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="KG405.*example"):
        load_queries(tmp_path)


def test_stats_counts_the_mini_graph(store: Store) -> None:
    assert run_query(store, "stats").to_dicts() == [
        {"graphs": 5, "articles": 3, "events": 10, "actors": 12, "triples": 437}]


WHO_CALLED = [
    ("baku-visit", date(2025, 1, 5), "Azerbaijan", "جمهوری آذربایجان", "AZE", "Sergey Lavrov", "سرگئی لاوروف", "RUS"),
    ("seed", date(2025, 2, 10), "Masoud Pezeshkian", "مسعود پزشکیان", "IRN",
     "Serdar Berdimuhamedov", "سردار بردی\u200cمحمدوف", "TKM"),
    ("caspian-summit", date(2025, 3, 1), "Abbas Araghchi", "عباس عراقچی", "IRN", "Sergey Lavrov", "سرگئی لاوروف", "RUS"),
]
WHO_COLUMNS = ("article", "date", "caller_en", "caller_fa", "caller_party", "callee_en", "callee_fa", "callee_party")


def test_who_called_lists_phone_calls_by_date(store: Store) -> None:
    assert table(store, "who-called", *WHO_COLUMNS) == WHO_CALLED
    first = run_query(store, "who-called").to_dicts()[0]
    assert (first["caller"], first["event"]) == (ID + "actor/AZE", ID + f"event/{K3}-1")


@pytest.mark.parametrize(("values", "articles"), [
    ({"country": "TKM"}, ["seed"]),
    ({"country": "rus"}, ["baku-visit", "caspian-summit"]),
    ({"country": "UN"}, []),
    ({"since": "2025-02-10"}, ["seed", "caspian-summit"]),
    ({"until": "2025-02-10"}, ["baku-visit", "seed"]),
    ({"country": "IRN", "since": "2025-03-01", "until": "2025-03-01"}, ["caspian-summit"]),
])
def test_who_called_parameters_filter(store: Store, values: dict, articles: list) -> None:
    assert [row[0] for row in table(store, "who-called", "article", **values)] == articles


COOPERATION = [
    ("AZE", "RUS", "energy", 2, 2), ("IRN", "TKM", "gas", 2, 1),
    ("AZE", "IRN", "energy", 1, 1), ("AZE", "IRN", "environment", 1, 1), ("AZE", "IRN", "trade", 1, 1),
    ("AZE", "RUS", "environment", 1, 1), ("AZE", "RUS", "trade", 1, 1), ("CASPIAN", "UN", "environment", 1, 1),
    ("IRN", "RUS", "energy", 1, 1), ("IRN", "RUS", "environment", 1, 1), ("IRN", "RUS", "security", 1, 1),
    ("IRN", "TKM", "energy", 1, 1),
]
COOP_COLUMNS = ("party_a", "party_b", "domain", "events", "articles")


def test_cooperation_counts_pairs_per_domain(store: Store) -> None:
    # K2-3 (ACCUSE) is not cooperative and K3-4 has no topic: neither counts.
    assert table(store, "cooperation", *COOP_COLUMNS) == COOPERATION


@pytest.mark.parametrize(("values", "expected"), [
    ({"country": "TKM"}, [r for r in COOPERATION if "TKM" in r[:2]]),
    ({"country": "UN"}, [("CASPIAN", "UN", "environment", 1, 1)]),
    ({"topic": "trade"}, [r for r in COOPERATION if r[2] == "trade"]),
    ({"country": "IRN", "topic": "energy"}, [("AZE", "IRN", "energy", 1, 1), ("IRN", "RUS", "energy", 1, 1),
                                              ("IRN", "TKM", "energy", 1, 1)]),
])
def test_cooperation_parameters_filter(store: Store, values: dict, expected: list) -> None:
    assert table(store, "cooperation", *COOP_COLUMNS, **values) == expected


def test_events_is_a_flat_table_of_every_event(store: Store) -> None:
    rows = {row["event"].rsplit("/", 1)[1]: row for row in run_query(store, "events").to_dicts()}
    assert list(rows) == [f"{K3}-{i}" for i in (1, 2, 3, 4)] + [f"{K2}-{i}" for i in (1, 2, 3, 4)] + \
        [f"{K1}-{i}" for i in (1, 2)]
    call = rows[f"{K1}-1"]
    assert call == {
        "article": "seed", "event": ID + f"event/{K1}-1",
        "category": "https://w3id.org/rrkg/plover/CONSULT", "mode": "https://w3id.org/rrkg/plover/mode/phone",
        "actors": "Masoud Pezeshkian (IRN)", "recipients": "Serdar Berdimuhamedov (TKM)",
        "topics": "energy gas", "date": date(2025, 2, 10), "confidence": 0.9,
        "evidence": "مسعود پزشکیان دیروز در تماس تلفنی با سردار بردی‌محمدوف درباره گاز گفت‌وگو کرد."}
    multilateral = rows[f"{K2}-2"]
    assert (multilateral["actors"], multilateral["recipients"], multilateral["topics"]) == (
        "Azerbaijan (AZE); Iran (IRN); Russia (RUS)", "", "energy environment")
    assert rows[f"{K2}-4"]["actors"] == "علی علیزاده (AZE)"  # a person found by pattern: Persian label
    assert (rows[f"{K2}-4"]["date"], rows[f"{K3}-4"]["topics"]) == (None, "")


@pytest.mark.parametrize(("values", "events"), [
    ({"category": "consult"}, [f"{K3}-1", f"{K3}-3", f"{K2}-1", f"{K2}-4", f"{K1}-1"]),
    ({"country": "TKM"}, [f"{K1}-1", f"{K1}-2"]),
    ({"country": "CASPIAN"}, [f"{K3}-3"]),
    ({"article": "seed"}, [f"{K1}-1", f"{K1}-2"]),
    ({"category": "CONSULT", "country": "AZE", "article": "caspian-summit"}, [f"{K2}-4"]),
    ({"article": "no-such-article"}, []),
])
def test_events_parameters_filter(store: Store, values: dict, events: list) -> None:
    assert [e.rsplit("/", 1)[1] for (e,) in table(store, "events", "event", **values)] == events


def test_actors_lists_every_actor_with_its_party(store: Store) -> None:
    rows = table(store, "actors", "actor", "type", "label_en", "party", "country", "wikidata", "events")
    assert len(rows) == 12
    by_iri = {row[0].removeprefix(ID): row[1:] for row in rows}
    assert by_iri["actor/IRN"] == ("Country", "Iran", "IRN", None, "Q794", 3)
    assert by_iri["actor/KAZ"] == ("Country", "Kazakhstan", "KAZ", None, "Q232", 0)
    assert by_iri["actor/CASPIAN"] == ("Group", "Caspian littoral states", "CASPIAN", None, None, 1)
    assert by_iri["actor/UN"] == ("Organization", "United Nations", "UN", None, "Q1065", 2)
    assert by_iri["person/masoud-pezeshkian"] == ("Person", "Masoud Pezeshkian", "IRN", "IRN", "Q5952389", 1)
    pattern_person = [row for iri, row in by_iri.items() if iri.startswith("person/u")]
    assert pattern_person == [("Person", None, "AZE", "AZE", None, 1)]
    assert [row[1] for row in rows] == sorted(row[1] for row in rows)


def test_actors_type_parameter(store: Store) -> None:
    assert [r[0] for r in table(store, "actors", "label_en", type="Organization")] == ["United Nations"]
    assert len(table(store, "actors", "actor", type="Person")) == 5
    assert table(store, "actors", "actor", type="person") == []  # exact type names


def test_an_actor_described_in_several_graphs_gives_one_row(store: Store) -> None:
    rdfs_label, rr = URIRef("http://www.w3.org/2000/01/rdf-schema#label"), "https://w3id.org/rrkg/ontology#"
    person = URIRef(ID + "person/u0639-0644-06cc-0639-0644-06cc-0632-0627-062f-0647")
    lavrov = URIRef(ID + "person/sergey-lavrov")
    extra = {URIRef(ID + f"graph/extra{i}"): [
        (person, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(rr + "Person")),
        (person, rdfs_label, Literal("علی علیزاده", lang="fa")),
        (person, URIRef(rr + "country"), URIRef(ID + "actor/AZE")),
        (lavrov, rdfs_label, Literal(f"Sergei Lavrov {i}", lang="en"))] for i in range(3)}
    before = {name: run_query(store, name).to_dicts() for name in ("cooperation", "events", "actors")}
    store.write_batch(extra)
    assert len(run_query(store, "who-called")) == 3
    assert table(store, "who-called", "callee_en")[0] == ("Sergei Lavrov 0",)  # the smallest label
    assert run_query(store, "cooperation").to_dicts() == before["cooperation"]
    assert len(run_query(store, "events")) == 10
    assert len(run_query(store, "actors")) == 12


def test_party_is_the_state_or_igo_an_actor_acts_for(store: Store) -> None:
    """graph-model.md: the party is the code of rr:country|rr:memberOf, else the actor's own code."""
    rr, rdf_type = "https://w3id.org/rrkg/ontology#", URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    guterres, taliban, afg = URIRef(ID + "person/antonio-guterres"), URIRef(ID + "actor/TALIBAN"), URIRef(ID + "actor/AFG")
    key, event = "3d4e5f60718293a4b5c6d7e8f90a1b2c", URIRef(ID + "event/3d4e5f60718293a4b5c6d7e8f90a1b2c-1")
    doc = URIRef(ID + f"article/{key}")
    actors = [(guterres, rdf_type, URIRef(rr + "Person")), (guterres, label, Literal("António Guterres", lang="en")),
              (guterres, URIRef(rr + "memberOf"), URIRef(ID + "actor/UN")),
              (taliban, rdf_type, URIRef(rr + "Group")), (taliban, label, Literal("Taliban", lang="en")),
              (taliban, URIRef(rr + "acronym"), Literal("TALIBAN")), (taliban, URIRef(rr + "country"), afg),
              (afg, rdf_type, URIRef(rr + "Country")), (afg, label, Literal("Afghanistan", lang="en")),
              (afg, URIRef(rr + "iso3"), Literal("AFG"))]
    article = [(doc, rdf_type, URIRef(rr + "Article")), (doc, URIRef(rr + "articleId"), Literal("kabul")),
               (event, rdf_type, URIRef(rr + "Event")),
               (event, URIRef(rr + "category"), URIRef("https://w3id.org/rrkg/plover/CONSULT")),
               (event, URIRef(rr + "mode"), URIRef("https://w3id.org/rrkg/plover/mode/phone")),
               (event, URIRef(rr + "topic"), URIRef("https://w3id.org/rrkg/topic/security")),
               (event, URIRef(rr + "actor"), guterres), (event, URIRef(rr + "recipient"), taliban),
               (event, URIRef(rr + "participant"), guterres), (event, URIRef(rr + "participant"), taliban),
               (event, URIRef(rr + "date"), Literal(date(2025, 4, 1))),
               (event, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), doc)]
    store.write_batch({URIRef(ID + f"graph/{key}"): article}, add={URIRef(ID + "graph/actors"): actors})
    assert table(store, "who-called", "article", "caller_party", "callee_party", country="AFG") == [
        ("kabul", "UN", "AFG")]
    assert table(store, "cooperation", *COOP_COLUMNS, country="UN", topic="security") == [
        ("AFG", "UN", "security", 1, 1)]
    assert table(store, "events", "actors", "recipients", country="AFG") == [
        ("António Guterres (UN)", "Taliban (AFG)")]
    parties = dict(table(store, "actors", "label_en", "party"))
    assert (parties["António Guterres"], parties["Taliban"]) == ("UN", "AFG")


# -- binding -------------------------------------------------------------------------------------

def test_bind_puts_values_after_the_outermost_where_brace() -> None:
    text = bind(get_query("cooperation"), {"country": "IRN", "topic": "gas"})
    head, _, body = text.partition("WHERE {")
    assert "VALUES" not in head
    assert body.lstrip().startswith("VALUES ?country { <https://w3id.org/rrkg/id/actor/IRN> }\n"
                                    "  VALUES ?topic { <https://w3id.org/rrkg/topic/gas> }")


def test_bind_without_values_leaves_the_query_as_written() -> None:
    query = get_query("events")
    assert bind(query, {}) == bind(query, {"country": None}) == query.text


def test_unknown_parameter_is_kg402() -> None:
    with pytest.raises(QueryError) as info:
        bind(get_query("who-called"), {"contry": "IRN"})
    assert info.value.code == "KG402" and "country, since, until" in str(info.value)


def test_missing_required_parameter_is_kg404(tmp_path: Path) -> None:
    path = tmp_path / "by-article.rq"
    path.write_text("# name: by-article\n# param: article string required The article id\n"
                    "SELECT ?e WHERE { GRAPH ?g { ?e ?p ?article } }\n")
    with pytest.raises(QueryError) as info:
        bind(get_query(path), {})
    assert info.value.code == "KG404"


@pytest.mark.parametrize(("kind", "value"), [
    ("iso3", "I"), ("iso3", "Iran!"), ("date", "2025-13-01"), ("date", "10/02/2025"), ("int", "1.5"),
    ("iri", "not an iri"), ("iri", "http://a b"), ("string", "a \\u0022 b"), ("category", "HUG"), ("topic", "Gas Oil"),
])
def test_invalid_values_are_kg403(kind: str, value: str, tmp_path: Path) -> None:
    query = one_param_query(tmp_path, kind)
    with pytest.raises(QueryError) as info:
        bind(query, {"x": value})
    assert info.value.code == "KG403"


def one_param_query(folder: Path, kind: str):
    path = folder / f"param-{kind}.rq"
    path.write_text(f"# name: param-{kind}\n# param: x {kind} optional a {kind}\n"
                    "SELECT ?x (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?x\n")
    return get_query(path)


@pytest.mark.parametrize(("kind", "value", "term"), [
    ("iso3", "irn", URIRef(ID + "actor/IRN")),
    ("iso3", "CASPIAN", URIRef(ID + "actor/CASPIAN")),
    ("date", "2025-02-10", Literal(date(2025, 2, 10))),
    ("int", "-7", Literal(-7)),
    ("string", 'a "quoted"\nline', Literal('a "quoted"\nline')),
    ("iri", "https://example.org/x#y", URIRef("https://example.org/x#y")),
    ("iri", "wd:Q794", URIRef("http://www.wikidata.org/entity/Q794")),
    ("category", "assault", URIRef("https://w3id.org/rrkg/plover/ASSAULT")),
    ("topic", "oil-and-gas", URIRef("https://w3id.org/rrkg/topic/oil-and-gas")),
])
def test_each_kind_binds_the_term_it_parses(kind: str, value: str, term, tmp_path: Path) -> None:
    assert set(KINDS) >= {kind}
    assert f"VALUES ?x {{ {sparql_term(term)} }}" in bind(one_param_query(tmp_path, kind), {"x": value})


INJECTIONS = {
    "iso3": ["IRN> } ; DROP ALL #", "IRN }  UNION { ?s ?p ?o"],
    "date": ['2025-01-01"^^<x> } #', "2025-01-01 } #"],
    "int": ["1 } ; DROP ALL #", "1) }"],
    "iri": ["http://x> } DROP ALL { <http://y", "http://x>\n}#"],
    "category": ["CONSULT> } #", "CONSULT }"],
    "topic": ["gas> } #", "gas }"],
    "string": ['seed" } ; DROP ALL #', 'seed"\n} UNION { ?s ?p ?o } #', 'x\\" } #', 'x\n\\"', "\\u0022 } #"],
}


@pytest.mark.parametrize(("kind", "value"), [(k, v) for k, values in INJECTIONS.items() for v in values])
def test_sparql_injection_is_refused_or_harmless(store: Store, kind: str, value: str, tmp_path: Path) -> None:
    before = store.count_triples()
    try:
        text = bind(one_param_query(tmp_path, kind), {"x": value})
    except QueryError as err:
        assert err.code == "KG403"  # refused
        return
    assert kind == "string"
    rows = store.query(text).to_dicts()   # harmless: one literal, matched against nothing
    assert [row["x"] for row in rows] == [value]
    assert store.count_triples() == before


def test_injection_through_a_real_query_matches_nothing(store: Store) -> None:
    assert table(store, "events", "event", article='seed" } UNION { ?event ?p ?o } #') == []


# -- reading query files ---------------------------------------------------------------------------

def test_get_query_by_unknown_name_is_kg401() -> None:
    with pytest.raises(QueryError) as info:
        get_query("who-phoned")
    assert info.value.code == "KG401" and "who-called" in str(info.value)


@pytest.mark.parametrize(("header", "message"), [
    ("# name: other\n", "file name"),
    ("# name: bad\n# param: x colour optional a colour\n", "bad param line"),
    ("# name: bad\n# param: y string optional not used below\n", "not a variable"),
])
def test_bad_headers_are_kg405(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "bad.rq"
    path.write_text(header + "SELECT ?x WHERE { ?x ?p ?o }\n")
    with pytest.raises(QueryError, match=message) as info:
        get_query(path)
    assert info.value.code == "KG405"


@pytest.mark.parametrize(("body", "opening"), [
    # WHERE in a comment, an IRI, a variable, a string and a prefixed name, before the real one
    ('# WHERE { is not here\nPREFIX ex: <http://ex/WHERE>\nSELECT ?where (CONCAT("WHERE {", ?x) AS ?s)\n'
     "FROM ex:where\nWHERE { ?x ?p ?o }", "\nWHERE {"),
    ("SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } } FILTER (?x != <http://x>) }", "SELECT ?x WHERE {"),
    ("CONSTRUCT { ?x <http://p> ?o } WHERE { ?x ?p ?o }", "} WHERE {"),
    ("SELECT * { ?x ?p ?o }", "SELECT * {"),
])
def test_values_go_into_the_outermost_where_group(tmp_path: Path, body: str, opening: str) -> None:
    path = tmp_path / "q.rq"
    path.write_text("# name: q\n# param: x iri optional x\n" + body + "\n")
    text = bind(get_query(path), {"x": "http://ex/a"})
    assert text.count("VALUES ?x") == 1
    assert text[:text.index("VALUES ?x")].rstrip() == text[:text.index(opening) + len(opening)]
    prepareQuery(text)  # still valid SPARQL
