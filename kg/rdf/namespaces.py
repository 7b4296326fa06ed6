"""Namespaces and IRI minting: the one place where the graph's IRIs are made.

Vocabulary (``RR``): ``https://w3id.org/rrkg/ontology#``; instances live under
``https://w3id.org/rrkg/id/``; SKOS concepts under ``https://w3id.org/rrkg/{plover,topic,office}/``.

| thing                 | IRI                                          |
|-----------------------|----------------------------------------------|
| article graph         | ``id/graph/<content key>``                   |
| article               | ``id/article/<content key>``                 |
| sentence              | ``id/article/<content key>/s<index>``        |
| event                 | ``id/event/<content key>-<n>``               |
| mention in an event   | ``id/event/<content key>-<n>/m<j>``          |
| extraction (activity) | ``id/extraction/<content key>``              |
| the extractor (agent) | ``id/software/<version>``                    |
| state / IGO / group   | ``id/actor/<ISO3 or acronym>``               |
| person                | ``id/person/<slug>``                         |
| office held           | ``id/office/<person slug>/<role>-<country>-<start>`` |
| PLOVER category       | ``plover/<CATEGORY>``                        |
| PLOVER mode / context | ``plover/mode/<mode>``, ``plover/context/<context>`` |
| domain (topic)        | ``topic/<key>``                              |
| office role           | ``office/<role>``                            |

Example
-------
>>> str(actor_iri("IRN"))
'https://w3id.org/rrkg/id/actor/IRN'
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

__all__ = [
    "BASE", "RR", "ID", "PLOVER", "PLOVER_MODE", "PLOVER_CONTEXT", "TOPIC", "OFFICE", "WD",
    "RDF", "RDFS", "OWL", "SKOS", "PROV", "XSD", "SDO", "DCTERMS",
    "ONTOLOGY_GRAPH", "ACTORS_GRAPH", "META_GRAPH", "PREFIXES",
    "graph_iri", "article_iri", "sentence_iri", "event_iri", "mention_iri", "extraction_iri",
    "software_iri", "actor_iri",
    "person_iri", "office_iri", "category_iri", "mode_iri", "context_iri", "topic_iri",
    "role_iri", "wikidata_iri", "slug",
]

BASE = "https://w3id.org/rrkg/"
RR = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
PLOVER = Namespace(BASE + "plover/")
PLOVER_MODE = Namespace(BASE + "plover/mode/")
PLOVER_CONTEXT = Namespace(BASE + "plover/context/")
TOPIC = Namespace(BASE + "topic/")
OFFICE = Namespace(BASE + "office/")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_GRAPH = ID["graph/ontology"]
ACTORS_GRAPH = ID["graph/actors"]
META_GRAPH = ID["graph/meta"]

PREFIXES: dict[str, Namespace] = {
    "rr": RR, "id": ID, "plover": PLOVER, "mode": PLOVER_MODE, "context": PLOVER_CONTEXT,
    "topic": TOPIC, "office": OFFICE, "wd": WD, "skos": SKOS, "prov": PROV, "schema": SDO,
    "xsd": XSD, "rdfs": RDFS, "owl": OWL, "dcterms": DCTERMS,
}

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def slug(text: str) -> str:
    """An ASCII slug for IRIs: ``'Masoud Pezeshkian'`` → ``'masoud-pezeshkian'``.

    Non-Latin names keep their letters percent-free by transliterating nothing: they are encoded
    as their code points (``u0645...``) so that any name yields a valid, stable IRI segment.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = _SAFE.sub("-", folded.strip().lower()).strip("-")
    if folded:
        return folded
    return "u" + "-".join(f"{ord(ch):04x}" for ch in text.strip() if not ch.isspace())


def graph_iri(key: str) -> URIRef:
    return ID[f"graph/{key}"]


def article_iri(key: str) -> URIRef:
    return ID[f"article/{key}"]


def sentence_iri(key: str, index: int) -> URIRef:
    return ID[f"article/{key}/s{index}"]


def event_iri(key: str, number: int) -> URIRef:
    return ID[f"event/{key}-{number}"]


def mention_iri(key: str, number: int, mention: int) -> URIRef:
    return ID[f"event/{key}-{number}/m{mention}"]


def extraction_iri(key: str) -> URIRef:
    """IRI of the extraction that made an article's graph: one per content key, not per run, so
    that ingesting the text again replaces the activity (and its time) instead of adding one."""
    return ID[f"extraction/{key}"]


def software_iri(version: str) -> URIRef:
    """IRI of the toolkit at one version, the PROV software agent of its extractions."""
    return ID[f"software/{_SAFE.sub('-', version)}"]


def actor_iri(key: str) -> URIRef:
    """IRI of an actor by its key: ``IRN`` → ``id/actor/IRN``; ``person:x`` → ``id/person/x``."""
    if key.startswith("person:"):
        return person_iri(key.split(":", 1)[1])
    return ID[f"actor/{_SAFE.sub('-', key)}"]


def person_iri(person_slug: str) -> URIRef:
    return ID[f"person/{person_slug}"]


def office_iri(person_slug: str, role: str, country: str, start: str | None) -> URIRef:
    return ID[f"office/{person_slug}/{role}-{country}-{start or 'unknown'}"]


def category_iri(category: str) -> URIRef:
    return PLOVER[category.upper()]


def mode_iri(mode: str) -> URIRef:
    return PLOVER_MODE[mode]


def context_iri(context: str) -> URIRef:
    return PLOVER_CONTEXT[context]


def topic_iri(key: str) -> URIRef:
    return TOPIC[key]


def role_iri(role: str) -> URIRef:
    return OFFICE[role]


def wikidata_iri(qid: str) -> URIRef:
    return WD[qid]
