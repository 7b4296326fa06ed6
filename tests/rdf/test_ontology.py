"""The ontology files: they parse, every term is labelled in English and Persian, and the PLOVER,
topic and office schemes hold what the rest of the toolkit relies on."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.extract.lexicons import load_topics, load_triggers, read_tsv
from kg.extract.phrases import compact
from kg.extract.topics import TopicFinder
from kg.rdf import ontology
from kg.rdf.namespaces import (
    OFFICE, PLOVER, PLOVER_CONTEXT, PLOVER_MODE, PROV, RR, SDO, TOPIC, WD, category_iri, context_iri, mode_iri,
    role_iri, topic_iri,
)
from kg.resources import ontology_dir

ONTOLOGY_IRI = URIRef("https://w3id.org/rrkg/ontology")
ARABIC_YEH_KAF = re.compile("[\u064a\u0643]")

# The manual's category sections (and its summary table) give these quad classes.
QUAD_CLASSES = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

# The cooperation-domain keys of the project's facts-and-evaluation document (parent: children).
TOPIC_TREE = {
    "economy": ["trade", "investment", "finance", "industry", "mining", "agriculture", "tourism", "free-zones"],
    "energy": ["oil", "gas", "electricity", "renewables"],
    "transport": ["rail", "road", "maritime", "aviation", "transit"],
    "culture": ["art", "media", "sport", "religion"],
    "science": ["education", "technology"],
    "health": [],
    "environment": ["water"],
    "security": ["defence", "counterterrorism", "border", "nuclear", "cyber", "drugs"],
    "diplomacy": ["consular", "parliamentary", "humanitarian", "legal"],
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return ontology.ontology_graph()


def _labels(graph: Graph, node: URIRef, prop: URIRef) -> set[str]:
    return {o.language for o in graph.objects(node, prop) if isinstance(o, Literal) and o.language}


def _terms(graph: Graph) -> list[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return sorted({s for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(RR))})


def _concepts(graph: Graph) -> list[URIRef]:
    return sorted(set(graph.subjects(RDF.type, SKOS.Concept)))


# -- files -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*ontology.ONTOLOGY_FILES, ontology.SHAPES_FILE])
def test_ontology_file_parses_as_turtle(name):
    graph = Graph().parse(ontology_dir() / name, format="turtle")
    assert len(graph) > 50


def test_ontology_declares_its_version_and_licence(graph):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert graph.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef("https://w3id.org/rrkg/ontology/0.2.0")
    assert str(graph.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.2.0"
    assert "LICENSE-2.0" in str(graph.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/license")))


def test_ontology_version_matches_the_package():
    from kg import ONTOLOGY_VERSION

    assert str(ontology.ontology_graph().value(ONTOLOGY_IRI, OWL.versionInfo)) == ONTOLOGY_VERSION


def test_shapes_are_not_in_the_ontology_graph(graph):
    assert not any(str(s).startswith("https://w3id.org/rrkg/shapes") for s in graph.subjects())


def test_ontology_graph_is_a_fresh_copy_each_time():
    first = ontology.ontology_graph()
    first.add((RR.Event, RDFS.label, Literal("spoiled")))
    assert (RR.Event, RDFS.label, Literal("spoiled")) not in ontology.ontology_graph()


def test_broken_ontology_file_raises_kg202(tmp_path, monkeypatch):
    for name in ontology.ONTOLOGY_FILES:
        (tmp_path / name).write_text((ontology_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "topics.ttl").write_text("topic:gas a skos:Concept", encoding="utf-8")  # no prefixes, no dot
    monkeypatch.setattr(ontology, "ontology_dir", lambda: tmp_path)
    ontology._ontology.cache_clear()
    try:
        with pytest.raises(ontology.KGError, match=r"\[KG202\].*topics\.ttl"):
            ontology.ontology_graph()
    finally:
        ontology._ontology.cache_clear()


# -- classes and properties ------------------------------------------------------------------------


def test_model_classes_and_properties_are_declared(graph):
    classes = {"Actor", "Country", "Person", "Organization", "Group", "Event", "Article", "Sentence",
               "Mention", "OfficeHolding", "Extraction"}
    properties = {
        "category", "altCategory", "mode", "context", "topic", "participant", "actor", "recipient",
        "date", "dateCertainty", "trigger", "mention", "evidence", "confidence", "extractor",
        "refersTo", "text", "side", "originalText", "index", "sentence", "mentions", "articleId",
        "contentKey", "source", "extractorVersion", "iso3", "acronym", "wikidata", "country", "member",
        "memberOf", "holds", "role", "officeOf", "start", "end", "quadClass", "cameoCode",
        "ontologyVersion", "score", "modeOf", "involves", "actorIn", "interactsWith",
    }
    declared = {str(t).removeprefix(str(RR)) for t in _terms(graph)}
    assert classes | properties <= declared
    for name in ("Country", "Person", "Organization", "Group"):
        assert (RR[name], RDFS.subClassOf, RR.Actor) in graph


def test_every_class_and_property_is_labelled_and_defined_in_english_and_persian(graph):
    for term in _terms(graph):
        assert {"en", "fa"} <= _labels(graph, term, RDFS.label), term
        assert {"en", "fa"} <= _labels(graph, term, RDFS.comment), term


def test_actor_and_recipient_are_participants_and_members_are_inverse(graph):
    assert (RR.actor, RDFS.subPropertyOf, RR.participant) in graph
    assert (RR.recipient, RDFS.subPropertyOf, RR.participant) in graph
    assert (RR.member, OWL.inverseOf, RR.memberOf) in graph
    assert (RR.wikidata, RDFS.subPropertyOf, SKOS.exactMatch) in graph


def test_alignments_never_make_our_classes_equivalent_to_external_ones(graph):
    assert not list(graph.triples((None, OWL.equivalentClass, None)))
    assert (RR.Person, RDFS.subClassOf, SDO.Person) in graph
    assert (RR.Article, RDFS.subClassOf, SDO.NewsArticle) in graph
    assert (RR.Country, SKOS.closeMatch, URIRef("http://www.wikidata.org/entity/Q6256")) in graph


@pytest.mark.parametrize("vocabulary", [
    "https://schema.org/", "http://www.w3.org/ns/prov#", "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "http://www.w3.org/ns/org#", "http://www.wikidata.org/entity/",
])
def test_our_terms_are_aligned_with_each_external_vocabulary(graph, vocabulary):
    links = (RDFS.subClassOf, RDFS.subPropertyOf, SKOS.closeMatch, SKOS.exactMatch)
    aligned = {(s, o) for p in links for s, o in graph.subject_objects(p)
               if str(s).startswith("https://w3id.org/rrkg/") and str(o).startswith(vocabulary)}
    assert len(aligned) >= 2, aligned


def test_prov_sem_and_schema_carry_provenance_dates_and_offices(graph):
    assert (RR.Extraction, RDFS.subClassOf, PROV.Activity) in graph
    assert (RR.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom) in graph
    assert (RR.date, RDFS.subPropertyOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp")) in graph
    assert {(RR.start, SDO.startDate), (RR.end, SDO.endDate)} <= set(graph.subject_objects(RDFS.subPropertyOf))


def test_office_roles_match_generic_wikidata_positions(graph):
    matches = {str(s).removeprefix(str(OFFICE)): str(o).removeprefix(str(WD))
               for s, o in graph.subject_objects(SKOS.closeMatch) if str(s).startswith(str(OFFICE))}
    assert matches["head-of-state"] == "Q48352" and matches["foreign-minister"] == "Q7330070"
    assert all(re.fullmatch(r"Q[1-9][0-9]*", qid) for qid in matches.values())


def test_owl_rl_reasoning_types_instances_without_merging_classes():
    owlrl = pytest.importorskip("owlrl")
    data = ontology.ontology_graph()
    iran = URIRef("https://w3id.org/rrkg/id/actor/IRN")
    data.add((iran, RDF.type, RR.Country))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(data)
    assert (iran, RDF.type, SDO.Country) in data
    assert (iran, RDF.type, RR.Actor) in data
    assert (iran, RDF.type, RR.Person) not in data
    assert (RR.Country, OWL.equivalentClass, SDO.Country) not in data
    assert not list(data.subjects(RDF.type, OWL.Nothing))


# -- SKOS concepts ---------------------------------------------------------------------------------


def test_every_concept_has_labels_and_definitions_in_english_and_persian(graph):
    concepts = _concepts(graph)
    assert len(concepts) > 150
    for concept in concepts:
        assert {"en", "fa"} <= _labels(graph, concept, SKOS.prefLabel), concept
        assert {"en", "fa"} <= _labels(graph, concept, SKOS.definition), concept
        assert graph.value(concept, SKOS.notation) is not None, concept


def test_every_scheme_and_the_ontology_are_named_and_described_in_english_and_persian(graph):
    schemes = list(graph.subjects(RDF.type, SKOS.ConceptScheme))
    assert set(ontology.SCHEMES.values()) <= set(schemes)
    for scheme in schemes:
        assert {"en", "fa"} <= _labels(graph, scheme, SKOS.prefLabel), scheme
        assert {"en", "fa"} <= _labels(graph, scheme, SKOS.definition), scheme
    assert {"en", "fa"} <= _labels(graph, ONTOLOGY_IRI, DCTERMS.title)
    assert {"en", "fa"} <= _labels(graph, ONTOLOGY_IRI, DCTERMS.description)


def test_every_concept_is_in_exactly_one_scheme(graph):
    schemes = set(ontology.SCHEMES.values())
    for concept in _concepts(graph):
        found = set(graph.objects(concept, SKOS.inScheme))
        assert len(found) == 1 and found <= schemes, concept


def test_persian_text_is_normalised(graph):
    for _, _, literal in graph:
        if isinstance(literal, Literal) and literal.language == "fa":
            text = str(literal)
            assert not ARABIC_YEH_KAF.search(text), text  # Persian ی and ک, not Arabic ي and ك
            assert "\u200c\u200c" not in text and "  " not in text and text == text.strip(), text


# -- PLOVER ----------------------------------------------------------------------------------------


def test_plover_has_the_sixteen_categories_with_their_quad_classes():
    assert ontology.category_quad_class() == QUAD_CLASSES
    assert set(ontology.concept_labels("categories")) == set(QUAD_CLASSES)


def test_category_iris_are_minted_by_namespaces(graph):
    for category in QUAD_CLASSES:
        assert (category_iri(category), SKOS.inScheme, PLOVER["categories"]) in graph


def test_category_scores_are_positive_for_cooperation_and_negative_for_conflict():
    scores, quads = ontology.category_scores(), ontology.category_quad_class()
    assert set(scores) == set(QUAD_CLASSES)
    assert all(-10 <= s <= 10 for s in scores.values())
    assert all(scores[c] > 0 for c, q in quads.items() if q <= 2)
    assert all(scores[c] <= 0 for c, q in quads.items() if q >= 3)
    assert scores["AID"] == 10.0 and scores["ASSAULT"] == -9.0 and scores["CONSULT"] == 2.5


def _cameo_to_plover(graph: Graph, code: str) -> str | None:
    """The category of a CAMEO code: the one whose listed code is its longest prefix."""
    best = ("", None)
    for concept, _, listed in graph.triples((None, RR.cameoCode, None)):
        if (concept, SKOS.inScheme, PLOVER.categories) not in graph:
            continue  # modes and contexts list exact codes, not prefixes
        if code.startswith(str(listed)) and len(str(listed)) > len(best[0]):
            best = (str(listed), str(graph.value(concept, SKOS.notation)))
    return best[1]


@pytest.mark.parametrize(("code", "category"), [
    ("036", "AGREE"), ("042", "CONSULT"), ("057", "SUPPORT"), ("061", "COOPERATE"), ("073", "AID"),
    ("081", "CONCEDE"), ("0813", "RETREAT"), ("0841", "RETREAT"), ("091", "ACCUSE"), ("112", "ACCUSE"),
    ("106", "REQUEST"), ("125", "REJECT"), ("138", "THREATEN"), ("141", "PROTEST"), ("152", "MOBILIZE"),
    ("161", "SANCTION"), ("163", "COERCE"), ("173", "COERCE"), ("1712", "ASSAULT"), ("183", "ASSAULT"),
    ("190", "ASSAULT"), ("204", "ASSAULT"), ("010", None), ("021", None),
])
def test_cameo_codes_map_to_categories_by_longest_prefix(graph, code, category):
    assert _cameo_to_plover(graph, code) == category


@pytest.mark.parametrize(("concept", "codes"), [
    (PLOVER_MODE.phone, {"041"}), (PLOVER_MODE.visit, {"042", "043"}), (PLOVER_MODE["third-party"], {"044"}),
    (PLOVER_CONTEXT.intelligence, {"0314", "064", "1014", "1214"}), (PLOVER_CONTEXT.asylum, {"075"}),
])
def test_modes_and_contexts_carry_the_cameo_rows_that_name_them(graph, concept, codes):
    assert {str(c) for c in graph.objects(concept, RR.cameoCode)} == codes


def test_cameo_code_of_a_mode_falls_under_a_category_of_that_mode(graph):
    checked = 0
    for mode in graph.subjects(SKOS.inScheme, PLOVER.modes):
        categories = {str(graph.value(c, SKOS.notation)) for c in graph.objects(mode, RR.modeOf)}
        for code in graph.objects(mode, RR.cameoCode):
            assert _cameo_to_plover(graph, str(code)) in categories, (mode, code)
            checked += 1
    assert checked > 100


def test_consult_has_the_four_manual_modes():
    consult = {m for m, cats in ontology.mode_categories().items() if "CONSULT" in cats}
    assert consult == {"visit", "third-party", "multilateral", "phone"}


def test_every_mode_belongs_to_a_category_and_shared_names_are_one_concept():
    modes = ontology.mode_categories()
    assert len(modes) == 59
    assert all(cats and set(cats) <= set(QUAD_CLASSES) for cats in modes.values())
    assert modes["restrict"] == ("COERCE", "THREATEN")
    assert modes["withdraw"] == ("RETREAT", "SANCTION")


def test_mode_and_context_iris_are_lower_case_hyphenated_notations(graph):
    pattern = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
    for scheme, mint in (("modes", mode_iri), ("contexts", context_iri)):
        keys = ontology.concept_labels(scheme)
        assert keys
        for key in keys:
            assert pattern.match(key), key
            assert (mint(key), SKOS.inScheme, ontology.SCHEMES[scheme]) in graph
    assert str(context_iri("natural-resource")).startswith(str(PLOVER_CONTEXT))
    assert str(mode_iri("phone")).startswith(str(PLOVER_MODE))


def test_contexts_keep_the_manual_spelling_as_hidden_label(graph):
    assert graph.value(context_iri("natural-resource"), SKOS.hiddenLabel) == Literal("natural_resource")
    assert {"economic", "environment", "diplomatic", "military", "health", "cbrn"} <= set(
        ontology.concept_labels("contexts"))


def test_every_mode_of_the_trigger_lexicon_is_a_mode_of_its_category():
    modes = ontology.mode_categories()
    for trigger in load_triggers("fa"):
        if trigger.mode:
            assert trigger.category in modes.get(trigger.mode, ()), (trigger.line, trigger.mode)


# -- topics ----------------------------------------------------------------------------------------


def test_every_topic_key_is_in_the_scheme_with_its_parent():
    expected = {parent: None for parent in TOPIC_TREE}
    expected |= {child: parent for parent, children in TOPIC_TREE.items() for child in children}
    assert ontology.topic_parents() == expected


def test_topic_narrower_mirrors_broader(graph):
    for child, parent in ontology.topic_parents().items():
        if parent:
            assert (topic_iri(parent), SKOS.narrower, topic_iri(child)) in graph
        else:
            assert (topic_iri(child), SKOS.topConceptOf, TOPIC["scheme"]) in graph


def test_topic_contexts_are_plover_contexts():
    contexts = ontology.topic_contexts()
    assert set(contexts.values()) <= set(ontology.concept_labels("contexts"))
    assert contexts["economy"] == "economic" and contexts["diplomacy"] == "diplomatic"
    assert contexts["environment"] == "environment" and "culture" not in contexts


def test_lookups_hand_out_copies():
    ontology.topic_parents()["gas"] = "spoiled"
    assert ontology.topic_parents()["gas"] == "energy"


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unknown scheme"):
        ontology.concept_labels("colours")


# -- topic lexicon ---------------------------------------------------------------------------------


def _lexicon_rows() -> list[dict[str, str]]:
    return [row for _, row in read_tsv(ontology_dir() / "lexicons" / "topics.tsv")]


def test_topic_lexicon_keys_exist_in_the_scheme():
    keys = set(ontology.topic_parents())
    for row in _lexicon_rows():
        assert row["topic"] in keys, row
        assert row["lang"] in ("fa", "en"), row


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_each_top_level_domain_has_eight_phrases_per_language(lang):
    parents = ontology.topic_parents()
    counts = {top: 0 for top in TOPIC_TREE}
    for word in load_topics(lang):
        counts[parents[word.topic] or word.topic] += 1
    assert all(count >= 8 for count in counts.values()), counts


def test_topic_lexicon_lists_each_phrase_once():
    seen: dict[tuple[str, str], str] = {}
    for row in _lexicon_rows():
        key = (row["lang"], compact(row["phrase"]))
        assert key not in seen, (row, seen.get(key))
        seen[key] = row["topic"]


def test_topic_lexicon_persian_is_normalised():
    for row in _lexicon_rows():
        if row["lang"] == "fa":
            assert not ARABIC_YEH_KAF.search(row["phrase"]), row
            assert row["phrase"] == row["phrase"].strip() and "  " not in row["phrase"], row


@pytest.mark.parametrize(("text", "topics"), [
    ("همکاری در زمینه‌های حمل و نقل، انرژی و تبادل گاز", ("transport", "energy", "gas")),
    ("گسترش همکاریهای اقتصادی و زیستمحیطی", ("economy", "environment")),  # ZWNJ lost
    ("تفاهم‌نامه همکاری در زمینه حمل و نقل دریایی و گردشگری", ("maritime", "tourism")),
    ("صادرات گاز ترکمنستان به قزاقستان", ("gas",)),
    ("آژانس بین‌المللی انرژی اتمی", ("nuclear",)),
])
def test_topic_lexicon_finds_stated_domains(text, topics):
    assert TopicFinder(load_topics("fa")).find(text) == topics


@pytest.mark.parametrize("text", [
    "مسعود پزشکیان، رئیس‌جمهور ایران",  # «پزشکی» + «ان» would read the name as medicine
    "همه در امن و امان هستند",  # «وام» across a space
    "نان و پنیر",  # «نانو» across a space
    "آبان ماه و آسمان آبی",  # bare «آب»
    "تقویت امنیت و ثبات در منطقه",  # a general wish, not a stated domain
    "حجم تجارت به مرز یک میلیارد",  # «مرز» as "the mark of" — trade only
])
def test_topic_lexicon_avoids_known_false_domains(text):
    found = TopicFinder(load_topics("fa")).find(text)
    assert found in ((), ("trade",)), found


def test_english_topic_lexicon_avoids_source_attributions():
    finder = TopicFinder(load_topics("en"))
    assert finder.find("State media reported that the UN Security Council met") == ()
    assert finder.find("They agreed to expand gas exports and railway links") == ("gas", "rail")


# -- offices ---------------------------------------------------------------------------------------


def test_office_scheme_has_the_role_keys():
    roles = set(ontology.concept_labels("offices"))
    assert {
        "head-of-state", "head-of-government", "foreign-minister", "supreme-leader", "national-leader",
        "vice-president", "first-vice-president", "speaker", "defence-minister", "ambassador",
        "minister", "spokesperson", "government-spokesperson", "secretary-general", "director-general",
        "crown-prince",
    } <= roles


def test_office_roles_are_minted_by_namespaces_and_grouped(graph):
    assert (role_iri("foreign-minister"), SKOS.broader, role_iri("minister")) in graph
    assert ontology.concept_labels("offices")["head-of-state"] == {"en": "head of state", "fa": "رئیس کشور"}


@pytest.mark.parametrize("name", ["offices.tsv", "office-titles.tsv"])
def test_every_role_of_the_gazetteer_is_in_the_office_scheme(name):
    path = ontology_dir() / "gazetteer" / name
    if not path.exists():
        pytest.skip(f"no {name} in this checkout")
    roles = set(ontology.concept_labels("offices"))
    assert {row["role"] for _, row in read_tsv(path) if row.get("role")} <= roles


def test_every_topic_of_the_gold_fixtures_is_in_the_scheme():
    import json
    from pathlib import Path

    keys = set(ontology.topic_parents())
    gold = sorted((Path(__file__).parents[1] / "fixtures" / "gold").rglob("*.json"))
    assert gold
    for path in gold:
        for event in json.loads(path.read_text(encoding="utf-8")).get("events", []):
            assert set(event.get("topics") or []) <= keys, (path.name, event.get("topics"))
