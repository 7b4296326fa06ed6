"""Validation for ingest: each broken shape family is reported against its article with the failing
fact, good graphs pass, a batch is judged graph by graph, and the bundled examples conform."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.facts import (Actor, ActorKind, Article, ArticleFacts, Event, EventDate, Mention, Office,
                      Provenance, Sentence, content_key)
from kg.rdf.build import actor_triples, build_article
from kg.rdf.namespaces import ID, OFFICE, PLOVER, PLOVER_MODE, RDF, RDFS, RR, SDO, TOPIC, XSD

pytest.importorskip("pyshacl", reason="SHACL validation needs pyshacl")

from kg.rdf import validation  # noqa: E402 — after the skip above
from kg.rdf.validation import validate_article, validate_batch, validate_store  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

IRAN = Actor("IRN", ActorKind.COUNTRY, "Iran", "ایران", country="IRN", wikidata="Q794")
TKM = Actor("TKM", ActorKind.COUNTRY, "Turkmenistan", "ترکمنستان", country="TKM")
PEZESHKIAN = Actor("person:masoud-pezeshkian", ActorKind.PERSON, "Masoud Pezeshkian", "مسعود پزشکیان",
                   country="IRN", offices=(Office("head-of-state", "IRN", "President of Iran",
                                                  "رئیس‌جمهور ایران", date(2024, 7, 28)),))
# Found by a role pattern ("the ambassador of Turkmenistan"), so described in the article graph.
ENVOY = Actor("person:tkm-ambassador", ActorKind.PERSON, "Ambassador of Turkmenistan", "سفیر ترکمنستان",
              country="TKM", offices=(Office("ambassador", "TKM", "Ambassador of Turkmenistan"),))
REFERENCE = [t for actor in (IRAN, TKM, PEZESHKIAN) for t in actor_triples(actor)]


def article(article_id: str = "seed", text: str = "پزشکیان با سفیر ترکمنستان دیدار کرد.",
            envoy: Actor = ENVOY):
    """The graph of a one-event article: Pezeshkian (gazetteer) meets an envoy (role pattern)."""
    facts = ArticleFacts(Article(id=article_id, lang="fa", title="تیتر", text=text),
                         key=content_key("تیتر\n" + text),
                         normalised_title="تیتر", normalised_text="تیتر\n" + text,
                         sentences=[Sentence(0, "تیتر", 0, 4, "تیتر", is_title=True),
                                    Sentence(1, text, 5, 5 + len(text), text)])
    host = Mention(PEZESHKIAN, "پزشکیان", 1, 0, 7)
    guest = Mention(envoy, "سفیر ترکمنستان", 1, 10, 24, via="role-pattern")
    facts.mentions = [host, guest]
    facts.events = [Event("CONSULT", (guest,), (host,), Provenance(article_id, 1, "kg.extract.events/0.1.0", 0.8),
                          mode="visit", topics=("gas",), date=EventDate(date(2025, 2, 10), "exact"),
                          trigger="دیدار")]
    return build_article(facts)


def _node(graph, kind: str) -> URIRef:
    return next(s for s, p, o in graph.triples if p == RDF.type and o == RR[kind])


def _replace(triples, node, prop, *values):
    return [t for t in triples if not (t[0] == node and t[1] == prop)] + [(node, prop, v) for v in values]


# family → (change to the article graph, text the failing fact must contain)
BREAKS = {
    "event category": (lambda g: _replace(g.triples, _node(g, "Event"), RR.category, PLOVER.MEET),
                       "rr:category plover:MEET"),
    "event mode": (lambda g: _replace(g.triples, _node(g, "Event"), RR.mode, TOPIC.gas), "rr:mode topic:gas"),
    "event topic": (lambda g: _replace(g.triples, _node(g, "Event"), RR.topic, PLOVER_MODE.phone),
                    "rr:topic mode:phone"),
    "event actor": (lambda g: _replace(g.triples, _node(g, "Event"), RR.actor), "rr:actor (none)"),
    "event participants": (lambda g: _replace(g.triples, _node(g, "Event"), RR.participant, ENVOY_IRI),
                           "rr:recipient id:person/masoud-pezeshkian"),
    "event date": (lambda g: _replace(g.triples, _node(g, "Event"), RR.date, Literal("10 Feb")),
                   'rr:date "10 Feb"'),
    "event confidence": (lambda g: _replace(g.triples, _node(g, "Event"), RR.confidence,
                                            Literal("1.5", datatype=XSD.decimal)),
                         'rr:confidence "1.5"^^xsd:decimal'),
    "event evidence": (lambda g: _replace(g.triples, _node(g, "Event"), RR.evidence), "rr:evidence (none)"),
    "mention side": (lambda g: _replace(g.triples, _node(g, "Mention"), RR.side, Literal("both")),
                     'rr:side "both"'),
    "article id": (lambda g: _replace(g.triples, _node(g, "Article"), RR.contentKey, Literal("a"), Literal("b")),
                   'rr:contentKey "a", "b"'),
    "sentence index": (lambda g: _replace(g.triples, _node(g, "Sentence"), RR["index"], Literal(-1)),
                       'rr:index "-1"^^xsd:integer'),
    "person by pattern": (lambda g: _replace(g.triples, ENVOY_IRI, RDFS.label), "rdfs:label (none)"),
    "office held": (lambda g: _replace(g.triples, _node(g, "OfficeHolding"), RR.role, PLOVER.CONSULT),
                    "rr:role plover:CONSULT"),
}
ENVOY_IRI = ID["person/tkm-ambassador"]


def test_good_article_graph_has_no_violations():
    graph = article()
    assert validate_article(graph.triples, REFERENCE) == []
    assert validate_article(graph.triples) == []
    assert validate_batch({graph.iri: graph.triples}, REFERENCE) == {}


@pytest.mark.parametrize("family", sorted(BREAKS))
def test_broken_shape_family_is_reported_with_its_article_and_fact(family):
    change, fact = BREAKS[family]
    graph = article()
    found = validate_batch({graph.iri: change(graph)}, REFERENCE)
    assert list(found) == [graph.iri]
    violations = found[graph.iri]
    assert all(v.article == "seed" and v.is_violation for v in violations)
    assert any(fact in v.fact for v in violations), [v.fact for v in violations]
    message = str(next(v for v in violations if fact in v.fact).error())
    assert message.startswith("[KG201] article seed: ") and fact in message


def test_batch_blames_only_the_broken_article():
    good, other = article("good"), article("other", text="پزشکیان سفیر ترکمنستان را پذیرفت.")
    broken = article("broken", text="پزشکیان و سفیر ترکمنستان گفت‌وگو کردند.")
    triples = _replace(broken.triples, _node(broken, "Event"), RR.category)
    found = validate_batch({good.iri: good.triples, broken.iri: triples, other.iri: other.triples}, REFERENCE)
    assert list(found) == [broken.iri]
    assert [(v.article, v.fact) for v in found[broken.iri]] == [
        ("broken", f"id:event/{broken.key}-0 rr:category (none)")]


def test_two_articles_describing_one_person_are_judged_apart():
    # Each article alone gives the envoy one country; together they would give two (maxCount 1).
    envoy_elsewhere = Actor(ENVOY.key, ActorKind.PERSON, ENVOY.name_en, ENVOY.name_fa, country="IRN")
    first, second = article("first"), article("second", text="سفیر دیگر آمد.", envoy=envoy_elsewhere)
    assert validate_batch({first.iri: first.triples, second.iri: second.triples}, REFERENCE) == {}


def test_batch_finds_what_validating_with_the_whole_reference_finds():
    from kg.rdf.ontology import validate

    graph = article()
    triples = _replace(graph.triples, _node(graph, "Event"), RR.mode, TOPIC.gas, PLOVER_MODE.phone)
    triples = _replace(triples, _node(graph, "Mention"), RR.text)
    found = validate_batch({graph.iri: triples}, REFERENCE)[graph.iri]
    _, _, whole = validate(triples + REFERENCE)
    assert {(v.focus, v.path, v.constraint, v.value) for v in found} == {
        (r["focus"], r["path"], r["constraint"], r["value"]) for r in whole}


def test_a_broken_reference_is_not_blamed_on_the_article():
    reference = [t for t in REFERENCE if t[1] != RR.iso3]  # Iran without its code
    graph = article()
    assert validate_batch({graph.iri: graph.triples}, reference) == {}
    found = validate_batch({ID["graph/actors"]: reference})
    assert [v.fact for v in found[ID["graph/actors"]]] == ["id:actor/IRN rr:iso3 (none)", "id:actor/TKM rr:iso3 (none)"]


def test_each_sparql_constraint_is_parsed_once_per_process():
    validation._parsed.cache_clear()
    graphs = [article(f"a{i}", text=f"متن {i}") for i in range(4)]
    validate_batch({g.iri: g.triples for g in graphs}, REFERENCE)
    info = validation._parsed.cache_info()
    assert info.misses == 2 and info.hits >= 6  # two sh:sparql constraints, one event per article


def test_office_role_shows_in_prefixed_names():
    assert validation.render_term(OFFICE["foreign-minister"]) == "office:foreign-minister"
    assert validation.render_term(Literal("x", lang="fa")) == '"x"@fa'
    assert validation.render_term(URIRef("urn:x:y")) == "<urn:x:y>"
    assert validation.render_term(SDO.headline) == "schema:headline"


@pytest.fixture(scope="module")
def examples_store():
    from kg.ingest import ingest
    from kg.store import open_store

    with open_store("memory:") as store:
        report = ingest([EXAMPLES], store, validate=False)
        assert report.ok, report.errors
        yield store


def test_bundled_examples_conform(examples_store):
    report = validate_store(examples_store)
    assert report.ok, report.errors()
    assert report.results == {}
    assert report.graphs == 11  # ten articles and the actors graph
    assert report.triples == examples_store.count_triples() - examples_store.count_triples(
        ID["graph/ontology"]) - examples_store.count_triples(ID["graph/meta"])


def test_validate_store_names_the_broken_article(tmp_path):
    from kg.store import open_store

    good, broken = article("good"), article("broken", text="متن دیگر")
    triples = _replace(broken.triples, _node(broken, "Event"), RR.date, Literal("2025-02-10"))
    with open_store("memory:") as store:
        store.write_batch({good.iri: good.triples, broken.iri: triples, ID["graph/actors"]: REFERENCE})
        report = validate_store(store, chunk=1)
    assert not report.ok and report.graphs == 3
    assert report.errors() == [
        f'[KG201] article broken: the graph does not conform to the shapes: An event has at most one '
        f'rr:date, an xsd:date. (id:event/{broken.key}-0 rr:date "2025-02-10")']
