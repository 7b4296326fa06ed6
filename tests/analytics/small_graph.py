"""A small knowledge graph written per docs/graph-model.md, for the analytics and drawing tests.

Five states (IRN, TKM, RUS, TUR, OMN), the group CASPIAN, six persons who act for them, and
fourteen events in eight article graphs. What the tests rely on, at state level:

    IRN → TKM  4 events (a call by the presidents, a joint AGREE, a SUPPORT, a call to TKM)
    TKM → IRN  1 event  (the joint AGREE: an event without recipient links its actors both ways)
    RUS → TUR  3 events (CONSULT, ACCUSE, SANCTION)   TUR → RUS  1 event (THREATEN)
    IRN → OMN  1, OMN → IRN 1, IRN → CASPIAN 1, IRN → RUS 1 (undated)
    Pezeshkian → Araghchi (both IRN): an edge at actor level, a dropped self-loop at state level.
"""

from __future__ import annotations

from datetime import date

from rdflib import Literal

from kg.rdf.namespaces import (
    ACTORS_GRAPH, ONTOLOGY_GRAPH, PROV, RDF, RDFS, RR, SKOS, XSD, actor_iri, article_iri,
    category_iri, event_iri, graph_iri, topic_iri,
)

STATES = {
    "IRN": ("Iran", "ایران"), "TKM": ("Turkmenistan", "ترکمنستان"), "RUS": ("Russia", "روسیه"),
    "TUR": ("Türkiye", "ترکیه"), "OMN": ("Oman", "عمان"),
}
PERSONS = {
    "person:masoud-pezeshkian": ("Masoud Pezeshkian", "مسعود پزشکیان", "IRN"),
    "person:abbas-araghchi": ("Abbas Araghchi", "عباس عراقچی", "IRN"),
    "person:serdar-berdimuhamedov": ("Serdar Berdimuhamedov", "سردار بردی‌محمدوف", "TKM"),
    "person:sergei-shoigu": ("Sergei Shoigu", "سرگئی شویگو", "RUS"),
    "person:hulusi-akar": ("Hulusi Akar", "خلوصی آکار", "TUR"),
    "person:badr-albusaidi": ("Badr Albusaidi", "بدر البوسعیدی", "OMN"),
}
PEZESHKIAN, ARAGHCHI = "person:masoud-pezeshkian", "person:abbas-araghchi"
SERDAR, SHOIGU, AKAR, ALBUSAIDI = ("person:serdar-berdimuhamedov", "person:sergei-shoigu",
                                   "person:hulusi-akar", "person:badr-albusaidi")

# article key → (date or None, [(category, actors, recipients, topics)])
ARTICLES = {
    "a1": (date(2025, 2, 10), [("CONSULT", [PEZESHKIAN], [SERDAR], ["gas", "energy"]),
                               ("AGREE", ["IRN", "TKM"], [], ["transport"])]),
    "a2": (date(2025, 2, 20), [("SUPPORT", ["IRN"], ["TKM"], ["trade"])]),
    "a3": (date(2025, 3, 5), [("CONSULT", [SHOIGU], [AKAR], ["security"]),
                              ("ACCUSE", ["RUS"], ["TUR"], ["security"])]),
    "a4": (date(2025, 3, 15), [("CONSULT", [ARAGHCHI], [ALBUSAIDI], ["diplomacy"]),
                               ("COOPERATE", ["OMN"], ["IRN"], ["trade"])]),
    "a5": (date(2025, 4, 1), [("CONSULT", ["IRN"], ["CASPIAN"], ["environment"]),
                              ("THREATEN", ["TUR"], ["RUS"], [])]),
    "a6": (None, [("CONSULT", ["IRN"], ["RUS"], ["oil"])]),
    "a7": (date(2024, 11, 3), [("REQUEST", [PEZESHKIAN], [ARAGHCHI], ["nuclear"])]),
    "a8": (date(2025, 4, 20), [("SANCTION", ["RUS"], ["TUR"], ["trade"]),
                               ("CONSULT", [PEZESHKIAN], ["TKM"], ["gas"])]),
}

# The domain scheme, as far as the tests need it: gas and oil are narrower than energy.
TOPICS = {"energy": ("Energy", "انرژی", None), "gas": ("Gas", "گاز", "energy"),
          "oil": ("Oil", "نفت", "energy"), "transport": ("Transport", "حمل‌ونقل", None),
          "trade": ("Trade", "تجارت", None), "security": ("Security", "امنیت", None)}


def actor_triples() -> list:
    out = []
    for code, (en, fa) in STATES.items():
        node = actor_iri(code)
        out += [(node, RDF.type, RR.Country), (node, RDF.type, RR.Actor), (node, RR.iso3, Literal(code)),
                (node, RDFS.label, Literal(en, lang="en")), (node, RDFS.label, Literal(fa, lang="fa"))]
    group = actor_iri("CASPIAN")
    out += [(group, RDF.type, RR.Group), (group, RR.acronym, Literal("CASPIAN")),
            (group, RDFS.label, Literal("Caspian littoral states", lang="en")),
            (group, RDFS.label, Literal("کشورهای حاشیه دریای خزر", lang="fa"))]
    out += [(group, RR.member, actor_iri(code)) for code in ("IRN", "RUS", "TKM")]
    for key, (en, fa, country) in PERSONS.items():
        node = actor_iri(key)
        out += [(node, RDF.type, RR.Person), (node, RR.country, actor_iri(country)),
                (node, RDFS.label, Literal(en, lang="en")), (node, RDFS.label, Literal(fa, lang="fa"))]
    return out


def ontology_triples() -> list:
    out = []
    for key, (en, fa, broader) in TOPICS.items():
        node = topic_iri(key)
        out += [(node, RDF.type, SKOS.Concept), (node, SKOS.notation, Literal(key)),
                (node, SKOS.prefLabel, Literal(en, lang="en")), (node, SKOS.prefLabel, Literal(fa, lang="fa"))]
        if broader:
            out.append((node, SKOS.broader, topic_iri(broader)))
    return out


def article_triples(key: str) -> list:
    day, events = ARTICLES[key]
    article = article_iri(key)
    out = [(article, RDF.type, RR.Article)]
    for number, (category, actors, recipients, topics) in enumerate(events):
        node = event_iri(key, number)
        out += [(node, RDF.type, RR.Event), (node, RR.category, category_iri(category)),
                (node, PROV.wasDerivedFrom, article)]
        for side, parties in (("actor", actors), ("recipient", recipients)):
            for party in parties:
                out += [(node, RR[side], actor_iri(party)), (node, RR.participant, actor_iri(party))]
        out += [(node, RR.topic, topic_iri(topic)) for topic in topics]
        if day:
            out.append((node, RR.date, Literal(day, datatype=XSD.date)))
    return out


def graphs() -> dict:
    """Graph IRI → triples: the whole small knowledge graph, ready for ``store.write_batch``."""
    out = {ACTORS_GRAPH: actor_triples(), ONTOLOGY_GRAPH: ontology_triples()}
    out.update({graph_iri(key): article_triples(key) for key in ARTICLES})
    return out
