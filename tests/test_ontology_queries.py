"""Ontology queries: who held an office on a day, a state's events with its officials', the
timeline of a dyad — on the mini graph and on the ingested examples, on the memory and embedded
Oxigraph stores, with the same answers; and the same answers once the inferred graph is written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import PROV

from kg.queries import get_query, run_query
from kg.rdf.namespaces import ID, ONTOLOGY_GRAPH, PLOVER, RDF, RR, XSD
from kg.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
MINI_GRAPH = ROOT / "tests" / "fixtures" / "mini-graph.trig"
EXAMPLES = ROOT / "examples"
SEED = "pezeshkian-berdimuhamedov-caspian.fa"
BACKENDS = ["memory", "oxigraph"]


def _open(backend: str, folder: Path) -> Store:
    return open_store("memory:" if backend == "memory" else str(folder / "kg"))


@pytest.fixture(scope="module")
def mini_batch() -> dict[URIRef, list]:
    """The mini graph, with the ontology graph (for quad classes) as an ingest writes it."""
    from kg.rdf.ontology import ontology_graph

    dataset = Dataset()
    dataset.parse(MINI_GRAPH, format="trig")
    batch = {g.identifier: list(g) for g in dataset.graphs() if isinstance(g.identifier, URIRef) and len(g)}
    batch[ONTOLOGY_GRAPH] = list(ontology_graph())
    return batch


@pytest.fixture(params=BACKENDS)
def mini(request, tmp_path, mini_batch) -> Iterator[Store]:
    with _open(request.param, tmp_path) as store:
        store.write_batch(mini_batch)
        yield store


@pytest.fixture(scope="module", params=BACKENDS)
def examples(request, tmp_path_factory) -> Iterator[Store]:
    """The bundled examples ingested (with the gazetteer's actors graph) into each backend."""
    from kg.ingest import ingest

    with _open(request.param, tmp_path_factory.mktemp("examples")) as store:
        report = ingest([EXAMPLES], store)
        assert report.ok, report.errors
        yield store


def table(store: Store, name: str, columns: tuple[str, ...], **values: str) -> list[tuple]:
    return [tuple(row[c] for c in columns) for row in run_query(store, name, values).to_dicts()]


# -- headers ---------------------------------------------------------------------------------------


def test_headers_declare_the_parameters():
    assert [(p.name, p.kind, p.required) for p in get_query("who-held-office").params] == [
        ("role", "string", False), ("country", "iso3", False), ("date", "date", False)]
    assert [(p.name, p.kind, p.required) for p in get_query("events-of-state").params] == [
        ("country", "iso3", True)]
    assert [(p.name, p.kind, p.required) for p in get_query("timeline").params] == [
        ("a", "iso3", True), ("b", "iso3", True), ("since", "date", False), ("until", "date", False)]


# -- who held an office ----------------------------------------------------------------------------

OFFICE = ("person_en", "person_fa", "role_key", "office_of", "start", "end")


def test_who_was_irans_foreign_minister_on_17_january_2020(examples):
    assert table(examples, "who-held-office", OFFICE, role="foreign-minister", country="IRN", date="2020-01-17") == [
        ("Mohammad Javad Zarif", "محمدجواد ظریف", "foreign-minister", "IRN", date(2013, 8, 15), date(2021, 8, 24))]


@pytest.mark.parametrize(("day", "minister"), [
    ("2013-08-14", "Ali Akbar Salehi"), ("2013-08-15", "Mohammad Javad Zarif"),
    ("2021-08-24", "Mohammad Javad Zarif"), ("2021-08-25", "Hossein Amir-Abdollahian"),
    ("2025-02-10", "Abbas Araghchi"),  # an office still held has no end
])
def test_first_and_last_days_in_office_both_count(examples, day, minister):
    rows = table(examples, "who-held-office", ("person_en",), role="foreign-minister", country="irn", date=day)
    assert rows == [(minister,)]


def test_a_states_heads_are_listed_in_order_of_taking_office(examples):
    assert table(examples, "who-held-office", ("person_en", "start", "end"), role="head-of-state", country="TKM") == [
        ("Gurbanguly Berdimuhamedov", date(2007, 2, 14), date(2022, 3, 18)),
        ("Serdar Berdimuhamedov", date(2022, 3, 19), None)]


def test_heads_of_state_on_a_day_across_states(mini):
    assert table(mini, "who-held-office", ("person_en", "office_of", "title_en"), role="head-of-state",
                 date="2025-01-01") == [
        ("Serdar Berdimuhamedov", "TKM", "President of Turkmenistan"),
        ("Masoud Pezeshkian", "IRN", "President of Iran")]


def test_a_day_before_anyone_took_office_finds_nobody(mini):
    assert table(mini, "who-held-office", ("person_en",), role="foreign-minister", date="1990-01-01") == []


# -- events of a state -----------------------------------------------------------------------------

EVENTS = ("date", "article", "category", "role", "via_en")


def test_events_of_a_state_include_its_officials(mini):
    assert table(mini, "events-of-state", EVENTS, country="TKM") == [
        (date(2025, 2, 10), "seed", "CONSULT", "recipient", "Serdar Berdimuhamedov"),
        (date(2025, 2, 10), "seed", "AGREE", "recipient", "Turkmenistan")]


def test_events_of_a_state_include_a_person_found_by_pattern_and_list_undated_last(mini):
    rows = table(mini, "events-of-state", ("date", "article", "category", "role", "via_fa"), country="AZE")
    assert rows[-1] == (None, "caspian-summit", "CONSULT", "actor", "علی علیزاده")
    assert [r[:3] for r in rows[:-1]] == [
        (date(2025, 1, 5), "baku-visit", "CONSULT"), (date(2025, 1, 6), "baku-visit", "SUPPORT"),
        (date(2025, 1, 6), "baku-visit", "COOPERATE"), (date(2025, 3, 2), "caspian-summit", "COOPERATE")]


def test_events_of_an_organisation(mini):
    assert table(mini, "events-of-state", ("article", "category", "role"), country="UN") == [
        ("baku-visit", "CONSULT", "recipient"), ("caspian-summit", "ACCUSE", "recipient")]


def test_which_events_involve_turkmenistan_its_officials_included(examples):
    rows = run_query(examples, "events-of-state", {"country": "TKM"}).to_dicts()
    via_persons = {r["via_en"] for r in rows if r["via"] != ID["actor/TKM"]}
    assert "Gurbanguly Berdimuhamedov" in via_persons
    assert {(r["article"], r["category"]) for r in rows} >= {(SEED, "CONSULT")}
    # every row is Turkmenistan itself or someone acting for it
    countries = {r["actor"]: r["country"] for r in run_query(examples, "actors").to_dicts()}
    assert all(r["via"] == ID["actor/TKM"] or countries[r["via"]] == "TKM" for r in rows), rows


# -- timeline of a dyad ----------------------------------------------------------------------------

TIMELINE = ("date", "article", "category", "quad_class", "direction", "topics")


def test_timeline_of_a_dyad_through_its_presidents_and_as_states(mini):
    assert table(mini, "timeline", TIMELINE, a="IRN", b="TKM") == [
        (date(2025, 2, 10), "seed", "CONSULT", 1, "a->b", "energy gas"),
        (date(2025, 2, 10), "seed", "AGREE", 1, "a->b", "gas")]
    assert [r[4] for r in table(mini, "timeline", TIMELINE, a="TKM", b="IRN")] == ["b->a", "b->a"]


def test_timeline_is_ordered_by_date_with_talks_between_actors_as_mutual(mini):
    assert table(mini, "timeline", TIMELINE, a="RUS", b="AZE") == [
        (date(2025, 1, 5), "baku-visit", "CONSULT", 1, "mutual", "energy"),
        (date(2025, 1, 6), "baku-visit", "SUPPORT", 1, "a->b", "trade"),
        (date(2025, 1, 6), "baku-visit", "COOPERATE", 2, "a->b", ""),
        (date(2025, 3, 2), "caspian-summit", "COOPERATE", 2, "mutual", "energy environment")]


def test_timeline_leaves_out_undated_events_and_keeps_to_since_and_until(mini):
    # the Azerbaijani ambassador's visit to Araghchi has no date
    assert [r[2] for r in table(mini, "timeline", TIMELINE, a="IRN", b="AZE")] == ["COOPERATE"]
    assert [r[0] for r in table(mini, "timeline", TIMELINE, a="RUS", b="AZE", since="2025-01-06",
                                until="2025-01-06")] == [date(2025, 1, 6), date(2025, 1, 6)]


def test_co_actors_of_an_event_with_a_recipient_are_no_dyad(mini):
    # "Iran and Russia accused the UN": Iran–Russia is not a dyad of it, Russia–UN is.
    key = "3c4d5e6f708192a3b4c5d6e7f8091a2b"
    event, doc = ID[f"event/{key}-1"], ID[f"article/{key}"]
    iran, russia, un = ID["actor/IRN"], ID["actor/RUS"], ID["actor/UN"]
    mini.write_batch({ID[f"graph/{key}"]: [
        (doc, RDF.type, RR.Article), (doc, RR.articleId, Literal("joint")),
        (event, RDF.type, RR.Event), (event, RR.category, PLOVER.ACCUSE), (event, PROV.wasDerivedFrom, doc),
        (event, RR.date, Literal("2025-04-01", datatype=XSD.date)),
        (event, RR.actor, iran), (event, RR.actor, russia), (event, RR.recipient, un),
        (event, RR.participant, iran), (event, RR.participant, russia), (event, RR.participant, un)]})
    assert "joint" not in [r[1] for r in table(mini, "timeline", TIMELINE, a="IRN", b="RUS")]
    assert table(mini, "timeline", TIMELINE, a="RUS", b="UN") == [(date(2025, 4, 1), "joint", "ACCUSE", 3, "a->b", "")]


def test_ingested_seed_article_on_the_timeline(examples):
    rows = run_query(examples, "timeline", {"a": "IRN", "b": "TKM"}).to_dicts()
    assert rows and all(r["article"] == SEED and r["quad_class"] in (1, 2, 3, 4) for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


# -- with the inferred graph -----------------------------------------------------------------------


def test_answers_are_the_same_once_the_inferred_graph_is_written(mini):
    from kg.reason import INFERRED_GRAPH, infer

    cases = [("events-of-state", {"country": "AZE"}), ("events-of-state", {"country": "CASPIAN"}),
             ("timeline", {"a": "RUS", "b": "AZE"}), ("timeline", {"a": "CASPIAN", "b": "UN"}),
             ("who-held-office", {})]
    before = [run_query(mini, name, values).to_dicts() for name, values in cases]
    assert infer(mini) > 0 and mini.has_graph(INFERRED_GRAPH)
    assert [run_query(mini, name, values).to_dicts() for name, values in cases] == before
