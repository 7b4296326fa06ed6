"""The SHACL shapes: a graph written as docs/graph-model.md shows conforms, and each constraint
family rejects data that breaks it."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, datetime, timezone

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, SH, XSD

from kg.rdf.namespaces import ID, OFFICE, PLOVER, PLOVER_CONTEXT, PLOVER_MODE, RR, TOPIC

pytest.importorskip("pyshacl", reason="SHACL validation needs pyshacl")

from kg.rdf.ontology import shapes_graph, validate  # noqa: E402 — after the skip above

KEY = "0123456789abcdef0123456789abcdef"
ARTICLE = ID[f"article/{KEY}"]
EVENT = ID[f"event/{KEY}-1"]
MENTION = ID[f"event/{KEY}-1/m0"]
SENTENCE = ID[f"article/{KEY}/s1"]
IRAN = ID["actor/IRN"]
PEZESHKIAN = ID["person/masoud-pezeshkian"]
BERDIMUHAMEDOV = ID["person/gurbanguly-berdimuhamedov"]
HOLDING = ID["office/masoud-pezeshkian/head-of-state-IRN-2024-07-28"]
EXTRACTION = ID[f"extraction/{KEY}"]

# The article graph and the actors it uses, as docs/graph-model.md writes them.
VALID = f"""
@prefix rr: <https://w3id.org/rrkg/ontology#> .   @prefix id: <https://w3id.org/rrkg/id/> .
@prefix plover: <https://w3id.org/rrkg/plover/> .  @prefix mode: <https://w3id.org/rrkg/plover/mode/> .
@prefix context: <https://w3id.org/rrkg/plover/context/> .  @prefix topic: <https://w3id.org/rrkg/topic/> .
@prefix office: <https://w3id.org/rrkg/office/> .  @prefix wd: <http://www.wikidata.org/entity/> .
@prefix schema: <https://schema.org/> .  @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .  @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

id:article/{KEY} a rr:Article, schema:NewsArticle, prov:Entity ;
    rr:articleId "seed" ; rr:contentKey "{KEY}" ;
    schema:headline "پزشکیان: ایران حامی گسترش همکاری‌ها میان کشورهای حاشیه دریای خزر"@fa ;
    schema:inLanguage "fa" ; schema:datePublished "2025-02-11"^^xsd:date ;
    schema:url "https://example.org/seed"^^xsd:anyURI ; rr:source "tabnak" ; rr:extractorVersion "0.1.0" ;
    rr:sentence id:article/{KEY}/s0, id:article/{KEY}/s1 ;
    rr:mentions id:actor/IRN, id:person/masoud-pezeshkian, id:person/gurbanguly-berdimuhamedov .

id:article/{KEY}/s0 a rr:Sentence ; rr:index 0 ;
    rr:text "پزشکیان: ایران حامی گسترش همکاری‌ها"@fa ; rr:originalText "پزشکیان: ایران حامی گسترش همکاریها"@fa .
id:article/{KEY}/s1 a rr:Sentence ; rr:index 1 ;
    rr:text "این سخنان در یک تماس تلفنی با رهبر ملی ترکمنستان بیان شد."@fa ;
    rr:originalText "این سخنان در یک تماس تلفنی با رهبر ملی ترکمنستان بیان شد."@fa .

id:event/{KEY}-1 a rr:Event ;
    rr:category plover:CONSULT ; rr:altCategory plover:SUPPORT ; rr:mode mode:phone ;
    rr:context context:economic ; rr:topic topic:gas, topic:energy ;
    rr:actor id:person/masoud-pezeshkian ; rr:recipient id:person/gurbanguly-berdimuhamedov ;
    rr:participant id:person/masoud-pezeshkian, id:person/gurbanguly-berdimuhamedov ;
    rr:date "2025-02-10"^^xsd:date ; rr:dateCertainty "relative" ; rr:trigger "تماس تلفنی"@fa ;
    rr:mention id:event/{KEY}-1/m0, id:event/{KEY}-1/m1 ;
    rr:evidence id:article/{KEY}/s1 ; rr:confidence 0.9 ; rr:extractor "kg.extract.events/0.1.0" ;
    prov:wasDerivedFrom id:article/{KEY} ; prov:wasGeneratedBy id:extraction/{KEY} .

id:extraction/{KEY} a rr:Extraction, prov:Activity ; prov:used id:article/{KEY} ;
    prov:endedAtTime "2025-02-11T08:30:00Z"^^xsd:dateTime ; rr:extractorVersion "0.1.0" ;
    prov:wasAssociatedWith <https://w3id.org/rrkg/id/software/0.1.0> .
<https://w3id.org/rrkg/id/software/0.1.0> a prov:SoftwareAgent ; rdfs:label "regional-relations-kg 0.1.0" .

id:event/{KEY}-1/m0 a rr:Mention ; rr:refersTo id:person/masoud-pezeshkian ;
    rr:text "مسعود پزشکیان" ; rr:side "actor" .
id:event/{KEY}-1/m1 a rr:Mention ; rr:refersTo id:person/gurbanguly-berdimuhamedov ;
    rr:text "قربانقلی بردیمحمدوف" ; rr:side "recipient" .

id:actor/IRN a rr:Country, rr:Actor ; rdfs:label "Iran"@en, "ایران"@fa ; rr:iso3 "IRN" ; rr:wikidata wd:Q794 .
id:actor/TKM a rr:Country, rr:Actor ; rdfs:label "Turkmenistan"@en, "ترکمنستان"@fa ; rr:iso3 "TKM" .
id:actor/CASPIAN a rr:Group, rr:Actor ; rdfs:label "Caspian littoral states"@en ; rr:acronym "CASPIAN" ;
    rr:member id:actor/IRN, id:actor/TKM .
id:person/masoud-pezeshkian a rr:Person, rr:Actor ;
    rdfs:label "Masoud Pezeshkian"@en, "مسعود پزشکیان"@fa ; rr:wikidata wd:Q5952389 ;
    rr:country id:actor/IRN ; rr:holds id:office/masoud-pezeshkian/head-of-state-IRN-2024-07-28 .
id:office/masoud-pezeshkian/head-of-state-IRN-2024-07-28 a rr:OfficeHolding ;
    rr:role office:head-of-state ; rr:officeOf id:actor/IRN ;
    rdfs:label "President of Iran"@en, "رئیس‌جمهور ایران"@fa ; rr:start "2024-07-28"^^xsd:date .
id:person/gurbanguly-berdimuhamedov a rr:Person, rr:Actor ;
    rdfs:label "Gurbanguly Berdimuhamedov"@en ; rr:country id:actor/TKM .
"""
# Turtle's prefixed names cannot hold a "/" (id:article/K), so those are written out as IRIs.
VALID = re.sub(r"\bid:([A-Za-z0-9/_-]+)", lambda m: f"<{ID[m.group(1)]}>", VALID)


@pytest.fixture
def graph() -> Graph:
    return Graph().parse(data=VALID, format="turtle")


def _set(node: URIRef, prop: URIRef, *values) -> Callable[[Graph], None]:
    """A change that replaces every value of ``prop`` on ``node`` by ``values``."""
    def change(g: Graph) -> None:
        g.remove((node, prop, None))
        for value in values:
            g.add((node, prop, value))
    return change


def _add(node: URIRef, prop: URIRef, value) -> Callable[[Graph], None]:
    return lambda g: g.add((node, prop, value))


def _remove(node: URIRef, prop: URIRef, value=None) -> Callable[[Graph], None]:
    return lambda g: g.remove((node, prop, value))


def _violations(g: Graph) -> set[tuple[str, str]]:
    conforms, _, results = validate(g)
    found = {(r["path"], r["constraint"]) for r in results if r["severity"] == "Violation"}
    assert conforms == (not found)
    return found


def test_graph_as_in_the_graph_model_conforms(graph):
    conforms, text, results = validate(graph)
    assert conforms, text
    assert results == []


def test_graph_from_the_builder_conforms():
    from kg.facts import (Actor, ActorKind, Article, ArticleFacts, Event, EventDate, Mention, Office,
                          Provenance, Sentence)
    from kg.rdf.build import actor_triples, build_article

    iran = Actor("IRN", ActorKind.COUNTRY, "Iran", "ایران", country="IRN", wikidata="Q794")
    tkm = Actor("TKM", ActorKind.COUNTRY, "Turkmenistan", "ترکمنستان", country="TKM")
    person = Actor("person:masoud-pezeshkian", ActorKind.PERSON, "Masoud Pezeshkian", "مسعود پزشکیان",
                   country="IRN", offices=(Office("head-of-state", "IRN", "President of Iran",
                                                  "رئیس‌جمهور ایران", date(2024, 7, 28)),))
    text = "پزشکیان در تماس تلفنی با ترکمنستان گفت‌وگو کرد."
    facts = ArticleFacts(Article(id="seed", lang="fa", title="تیتر", text=text), key=KEY,
                         normalised_title="تیتر", normalised_text="تیتر\n" + text,
                         sentences=[Sentence(0, "تیتر", 0, 4, "تیتر", is_title=True),
                                    Sentence(1, text, 5, 5 + len(text), text)])
    facts.mentions = [Mention(person, "پزشکیان", 1, 0, 8), Mention(tkm, "ترکمنستان", 1, 30, 39)]
    facts.events = [Event("CONSULT", (facts.mentions[0],), (facts.mentions[1],),
                          Provenance("seed", 1, "kg.extract.events/0.1.0", 0.9), mode="phone",
                          contexts=("economic",), topics=("gas",), date=EventDate(date(2025, 2, 10), "relative"),
                          trigger="تماس تلفنی", alt_categories=("SUPPORT",))]
    triples = build_article(facts).triples + [t for a in (iran, tkm, person) for t in actor_triples(a)]
    conforms, text, _ = validate(triples)
    assert conforms, text


def test_validate_reads_a_dataset_as_the_union_of_its_graphs(graph):
    dataset = Dataset()
    article, actors = dataset.graph(ID["graph/" + KEY]), dataset.graph(ID["graph/actors"])
    reference = tuple(str(ID[kind]) for kind in ("actor/", "person/", "office/"))
    for triple in graph:
        (actors if str(triple[0]).startswith(reference) else article).add(triple)
    conforms, text, _ = validate(dataset)
    assert conforms, text


def test_an_article_graph_alone_conforms_when_its_actors_live_elsewhere(graph):
    for actor in (IRAN, PEZESHKIAN, BERDIMUHAMEDOV, ID["actor/TKM"], ID["actor/CASPIAN"], HOLDING):
        graph.remove((actor, None, None))
    conforms, text, _ = validate(graph)
    assert conforms, text


def test_results_carry_the_english_message_of_the_shape(graph):
    graph.remove((EVENT, RR.category, None))
    conforms, text, results = validate(graph)
    assert not conforms and "rr:category" in text
    assert results == [{
        "focus": str(EVENT), "path": str(RR.category), "value": "",
        "message": "An event has exactly one rr:category, a concept of plover:categories.",
        "severity": "Violation", "constraint": "MinCountConstraintComponent",
    }]


BREAKS = {
    # event: category
    "no category": (_remove(EVENT, RR.category), RR.category, "MinCount"),
    "two categories": (_add(EVENT, RR.category, PLOVER.AGREE), RR.category, "MaxCount"),
    "category not in the scheme": (_set(EVENT, RR.category, PLOVER.MEET), RR.category, "Node"),
    "mode used as a category": (_set(EVENT, RR.category, PLOVER_MODE.phone), RR.category, "Node"),
    "alt category not a category": (_set(EVENT, RR.altCategory, TOPIC.gas), RR.altCategory, "Node"),
    # event: parties
    "no actor": (_remove(EVENT, RR.actor), RR.actor, "MinCount"),
    "no participant": (_remove(EVENT, RR.participant), RR.participant, "MinCount"),
    "participant is a literal": (_add(EVENT, RR.participant, Literal("Iran")), RR.participant, "Node"),
    "actor is a literal": (_set(EVENT, RR.actor, Literal("Iran")), RR.actor, "Node"),
    "recipient is not an actor": (_set(EVENT, RR.recipient, ARTICLE), RR.recipient, "Node"),
    "participants not materialised": (_remove(EVENT, RR.participant, BERDIMUHAMEDOV), None, "SPARQL"),
    "mention on the wrong side": (_set(MENTION, RR.side, Literal("recipient")), None, "SPARQL"),
    # event: mode, contexts, topics
    "two modes": (_add(EVENT, RR.mode, PLOVER_MODE.visit), RR.mode, "MaxCount"),
    "context used as a mode": (_set(EVENT, RR.mode, PLOVER_CONTEXT.economic), RR.mode, "Node"),
    "topic used as a context": (_set(EVENT, RR.context, TOPIC.economy), RR.context, "Node"),
    "unknown topic": (_set(EVENT, RR.topic, TOPIC["pipelines"]), RR.topic, "Node"),
    # event: date
    "date as a string": (_set(EVENT, RR.date, Literal("2025-02-10")), RR.date, "Datatype"),
    "two dates": (_add(EVENT, RR.date, Literal(date(2025, 2, 9))), RR.date, "MaxCount"),
    "two date certainties": (_add(EVENT, RR.dateCertainty, Literal("exact")), RR.dateCertainty, "MaxCount"),
    "unknown date certainty": (_set(EVENT, RR.dateCertainty, Literal("probably")), RR.dateCertainty, "In"),
    # event: confidence
    "no confidence": (_remove(EVENT, RR.confidence), RR.confidence, "MinCount"),
    "two confidences": (_add(EVENT, RR.confidence, Literal("0.5", datatype=XSD.decimal)), RR.confidence, "MaxCount"),
    "confidence above one": (_set(EVENT, RR.confidence, Literal("1.5", datatype=XSD.decimal)), RR.confidence, "MaxInclusive"),
    "confidence below zero": (_set(EVENT, RR.confidence, Literal("-0.1", datatype=XSD.decimal)), RR.confidence, "MinInclusive"),
    "confidence as a string": (_set(EVENT, RR.confidence, Literal("0.9")), RR.confidence, "Datatype"),
    # event: provenance
    "no evidence": (_remove(EVENT, RR.evidence), RR.evidence, "MinCount"),
    "evidence not a sentence": (_set(EVENT, RR.evidence, ARTICLE), RR.evidence, "Class"),
    "not derived from an article": (_remove(EVENT, PROV.wasDerivedFrom), PROV.wasDerivedFrom, "QualifiedMinCount"),
    "derived from two articles": (lambda g: (g.add((ID["article/other"], RDF.type, RR.Article)),
                                             g.add((EVENT, PROV.wasDerivedFrom, ID["article/other"]))),
                                  PROV.wasDerivedFrom, "QualifiedMaxCount"),
    "no extractor": (_remove(EVENT, RR.extractor), RR.extractor, "MinCount"),
    "two extractors": (_add(EVENT, RR.extractor, Literal("other/0.2")), RR.extractor, "MaxCount"),
    "extractor as a number": (_set(EVENT, RR.extractor, Literal(1)), RR.extractor, "Datatype"),
    "generated by two activities": (_add(EVENT, PROV.wasGeneratedBy, ID["extraction/other"]),
                                    PROV.wasGeneratedBy, "MaxCount"),
    "generated by an article": (_set(EVENT, PROV.wasGeneratedBy, ARTICLE), PROV.wasGeneratedBy, "Class"),
    "mention not a mention": (_add(EVENT, RR.mention, SENTENCE), RR.mention, "Class"),
    # mentions
    "mention refers to nothing": (_remove(MENTION, RR.refersTo), RR.refersTo, "MinCount"),
    "mention without text": (_remove(MENTION, RR.text), RR.text, "MinCount"),
    "mention on no known side": (_set(MENTION, RR.side, Literal("both")), RR.side, "In"),
    "mention on no side": (_remove(MENTION, RR.side), RR.side, "MinCount"),
    "mention on both sides": (_add(MENTION, RR.side, Literal("recipient")), RR.side, "MaxCount"),
    "mention with two texts": (_add(MENTION, RR.text, Literal("پزشکیان")), RR.text, "MaxCount"),
    "mention refers to two actors": (_add(MENTION, RR.refersTo, IRAN), RR.refersTo, "MaxCount"),
    "mention refers to a literal": (_set(MENTION, RR.refersTo, Literal("Pezeshkian")), RR.refersTo, "Node"),
    # articles and sentences
    "article without id": (_remove(ARTICLE, RR.articleId), RR.articleId, "MinCount"),
    "article with two ids": (_add(ARTICLE, RR.articleId, Literal("copy")), RR.articleId, "MaxCount"),
    "article id as a number": (_set(ARTICLE, RR.articleId, Literal(7)), RR.articleId, "Datatype"),
    "content key as a number": (_set(ARTICLE, RR.contentKey, Literal(7)), RR.contentKey, "Datatype"),
    "article in two languages": (_add(ARTICLE, SDO.inLanguage, Literal("en")), SDO.inLanguage, "MaxCount"),
    "article sentence not a sentence": (_add(ARTICLE, RR.sentence, EVENT), RR.sentence, "Class"),
    "sentence without index": (_remove(SENTENCE, RR["index"]), RR["index"], "MinCount"),
    "sentence with two indexes": (_add(SENTENCE, RR["index"], Literal(2)), RR["index"], "MaxCount"),
    "sentence index as a string": (_set(SENTENCE, RR["index"], Literal("1")), RR["index"], "Datatype"),
    "sentence without text": (_remove(SENTENCE, RR.text), RR.text, "MinCount"),
    "sentence with two texts": (_add(SENTENCE, RR.text, Literal("دیگر", lang="fa")), RR.text, "MaxCount"),
    # extraction (PROV activity)
    "extraction of no article": (_remove(EXTRACTION, PROV.used), PROV.used, "MinCount"),
    "extraction of two articles": (lambda g: (g.add((ID["article/other"], RDF.type, RR.Article)),
                                              g.add((EXTRACTION, PROV.used, ID["article/other"]))),
                                   PROV.used, "MaxCount"),
    "extraction used a sentence": (_set(EXTRACTION, PROV.used, SENTENCE), PROV.used, "Class"),
    "extraction ended twice": (_add(EXTRACTION, PROV.endedAtTime, Literal(datetime(2025, 2, 12, tzinfo=timezone.utc))),
                               PROV.endedAtTime, "MaxCount"),
    "extraction time as a date": (_set(EXTRACTION, PROV.endedAtTime, Literal(date(2025, 2, 11))),
                                  PROV.endedAtTime, "Datatype"),
    "extraction of two versions": (_add(EXTRACTION, RR.extractorVersion, Literal("0.2.0")),
                                   RR.extractorVersion, "MaxCount"),
    "extraction by two agents": (lambda g: (g.add((ID["software/0.2.0"], RDF.type, PROV.SoftwareAgent)),
                                            g.add((EXTRACTION, PROV.wasAssociatedWith, ID["software/0.2.0"]))),
                                 PROV.wasAssociatedWith, "MaxCount"),
    "extraction by a person": (_set(EXTRACTION, PROV.wasAssociatedWith, PEZESHKIAN), PROV.wasAssociatedWith, "Class"),
    "extraction version as a number": (_set(EXTRACTION, RR.extractorVersion, Literal(1)),
                                       RR.extractorVersion, "Datatype"),
    "article with two content keys": (_add(ARTICLE, RR.contentKey, Literal("other")), RR.contentKey, "MaxCount"),
    "article without language": (_remove(ARTICLE, SDO.inLanguage), SDO.inLanguage, "MinCount"),
    "sentence with a negative index": (_set(SENTENCE, RR["index"], Literal(-1)), RR["index"], "MinInclusive"),
    # actors
    "lower-case ISO code": (_set(IRAN, RR.iso3, Literal("irn")), RR.iso3, "Pattern"),
    "country without ISO code": (_remove(IRAN, RR.iso3), RR.iso3, "MinCount"),
    "country with two ISO codes": (_add(IRAN, RR.iso3, Literal("IRA")), RR.iso3, "MaxCount"),
    "country without English label": (_remove(IRAN, RDFS.label, Literal("Iran", lang="en")), RDFS.label, "QualifiedMinCount"),
    "country without Persian label": (_remove(IRAN, RDFS.label, Literal("ایران", lang="fa")), RDFS.label, "QualifiedMinCount"),
    "person without label": (_remove(PEZESHKIAN, RDFS.label), RDFS.label, "MinCount"),
    "person of two countries": (_add(PEZESHKIAN, RR.country, ID["actor/TKM"]), RR.country, "MaxCount"),
    "person's country a literal": (_set(PEZESHKIAN, RR.country, Literal("IRN")), RR.country, "NodeKind"),
    "person holds a sentence": (_add(PEZESHKIAN, RR.holds, SENTENCE), RR.holds, "Class"),
    # offices
    "role not an office role": (_set(HOLDING, RR.role, PLOVER.CONSULT), RR.role, "Node"),
    "office without role": (_remove(HOLDING, RR.role), RR.role, "MinCount"),
    "office with two roles": (_add(HOLDING, RR.role, OFFICE["foreign-minister"]), RR.role, "MaxCount"),
    "office of nobody": (_remove(HOLDING, RR.officeOf), RR.officeOf, "MinCount"),
    "office of two states": (_add(HOLDING, RR.officeOf, ID["actor/TKM"]), RR.officeOf, "MaxCount"),
    "office of a literal": (_set(HOLDING, RR.officeOf, Literal("Iran")), RR.officeOf, "Node"),
    "office started twice": (_add(HOLDING, RR.start, Literal(date(2024, 7, 29))), RR.start, "MaxCount"),
    "office ended twice": (_set(HOLDING, RR.end, Literal(date(2025, 1, 1)), Literal(date(2026, 1, 1))),
                           RR.end, "MaxCount"),
    "office end as a string": (_set(HOLDING, RR.end, Literal("2025-01-01")), RR.end, "Datatype"),
    "office ends before it starts": (_add(HOLDING, RR.end, Literal(date(2020, 1, 1))), RR.start, "LessThanOrEquals"),
    "office start as a string": (_set(HOLDING, RR.start, Literal("2024-07-28")), RR.start, "Datatype"),
}


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_broken_graph_is_rejected_by_its_constraint(case):
    path, constraint = BREAKS[case][1:]
    found = {(r["path"], r["constraint"]) for r in _broken(case)}
    assert (str(path) if path else "", f"{constraint}ConstraintComponent") in found, found


def test_every_constraint_of_every_shape_is_broken_by_a_case():
    # A constraint added to shapes.ttl without a case in BREAKS fails here, by its message.
    found = [r for case in BREAKS for r in _broken(case)]
    missing = [message for target, path, constraint, message in _constraints()
               if not any(r["target"] == target and r["path"] == path and r["constraint"] == constraint
                          and r["message"].startswith(message.split("{")[0]) for r in found)]
    assert missing == []


@functools.cache
def _broken(case: str) -> tuple[dict[str, str], ...]:
    """Violations of the valid graph once BREAKS[case] is applied, each with the target class of
    its focus node (validated once per case, shared by the two tests above)."""
    graph = Graph().parse(data=VALID, format="turtle")
    BREAKS[case][0](graph)
    conforms, _, results = validate(graph)
    targets = {str(c) for c in shapes_graph().objects(None, SH.targetClass)}
    violations = tuple({**r, "target": next((str(t) for t in graph.objects(URIRef(r["focus"]), RDF.type)
                                             if str(t) in targets), "")}
                       for r in results if r["severity"] == "Violation")
    assert conforms == (not violations)
    return violations


_COMPONENTS = {"minCount": "MinCount", "maxCount": "MaxCount", "class": "Class", "node": "Node",
               "datatype": "Datatype", "in": "In", "pattern": "Pattern", "nodeKind": "NodeKind",
               "minInclusive": "MinInclusive", "maxInclusive": "MaxInclusive",
               "lessThanOrEquals": "LessThanOrEquals", "qualifiedMinCount": "QualifiedMinCount",
               "qualifiedMaxCount": "QualifiedMaxCount"}


def _constraints() -> list[tuple[str, str, str, str]]:
    """(target class, path, constraint component, message) of every constraint of a targeted
    shape in shapes.ttl; SPARQL constraints have no path."""
    shapes = shapes_graph()
    found = []
    for shape, target in shapes.subject_objects(SH.targetClass):
        for prop in shapes.objects(shape, SH.property):
            path, message = str(shapes.value(prop, SH.path)), str(shapes.value(prop, SH.message))
            found += [(str(target), path, f"{name}ConstraintComponent", message)
                      for key, name in _COMPONENTS.items() if (prop, SH[key], None) in shapes]
        for constraint in shapes.objects(shape, SH.sparql):
            found.append((str(target), "", "SPARQLConstraintComponent",
                          str(shapes.value(constraint, SH.message))))
    return found


def test_office_that_ends_when_it_starts_conforms(graph):
    graph.add((HOLDING, RR.end, Literal(date(2024, 7, 28))))
    assert _violations(graph) == set()


def test_valid_graph_still_conforms_under_rdfs_inference(graph):
    # rr:evidence is a sub-property of prov:wasDerivedFrom: inferred values must not break the shapes.
    from pyshacl import validate as shacl_validate

    from kg.rdf.ontology import ontology_graph, shapes_graph

    data = ontology_graph()
    data += graph
    conforms, _, text = shacl_validate(data, shacl_graph=shapes_graph(), inference="rdfs")
    assert conforms, text


def test_reference_graph_of_the_gazetteer_conforms():
    gazetteer_data = pytest.importorskip("kg.extract.gazetteer_data")
    from kg.rdf.build import reference_triples

    gazetteer = gazetteer_data.load_gazetteer()
    actors = [*gazetteer.countries.values(), *gazetteer.organizations.values(),
              *gazetteer.groups.values(), *gazetteer.persons.values()]
    conforms, text, _ = validate(reference_triples(actors))
    assert conforms, text
