"""Facts → triples: one named graph per article, and the reference data of the actors it uses.

The mapping is the contract of ``docs/graph-model.md``; IRIs come only from
:mod:`kg.rdf.namespaces`. The builder knows nothing of how facts were found nor where the triples go.

Example
-------
>>> from kg.facts import Article, ArticleFacts
>>> facts = ArticleFacts(Article(id="a", lang="fa", title="t", text="x"), key="k",
...                      normalised_title="t", normalised_text="t\\nx")
>>> graph = build_article(facts)
>>> str(graph.iri)
'https://w3id.org/rrkg/id/graph/k'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg import __version__
from kg.facts import Actor, ActorKind, ArticleFacts, Event, Mention
from kg.rdf.namespaces import (
    PROV, RDF, RDFS, RR, SDO, XSD, actor_iri, article_iri, category_iri, context_iri,
    event_iri, extraction_iri, graph_iri, software_iri, mention_iri, mode_iri, office_iri, role_iri, sentence_iri, topic_iri,
    wikidata_iri,
)

__all__ = ["ArticleGraph", "build_article", "actor_triples", "reference_triples"]

Triple = tuple[Node, Node, Node]


@dataclass
class ArticleGraph:
    """The triples of one article's named graph."""

    iri: URIRef
    key: str
    article_id: str
    triples: list[Triple] = field(default_factory=list)


def build_article(facts: ArticleFacts, *, extracted_at: datetime | None = None,
                  timestamp: bool = True) -> ArticleGraph:
    """Build the named graph of one article's facts.

    Provenance follows PROV-O: the graph holds one extraction activity (``rr:Extraction``,
    ``id:extraction/<content key>``) that ``prov:used`` the article, ended at the time of
    extraction (``prov:endedAtTime``), was carried out by the toolkit at its version (a
    ``prov:SoftwareAgent``, ``prov:wasAssociatedWith``) and generated every event
    (``prov:wasGeneratedBy``). Its IRI
    comes from the content key, not from the time, so ingesting the same text again replaces the
    activity and its time along with the rest of the graph: the store never holds two extractions
    of one text.

    Parameters
    ----------
    facts: what extraction found.
    extracted_at: time of extraction; now (UTC, to the second) when None and ``timestamp``.
    timestamp: False leaves the time out, so that the same facts always give the same triples
        (for tests and comparisons).

    Returns
    -------
    An :class:`ArticleGraph`: the article graph's IRI and triples.
    """
    if extracted_at is None and timestamp:
        extracted_at = datetime.now(timezone.utc).replace(microsecond=0)
    out = ArticleGraph(graph_iri(facts.key), facts.key, facts.article.id)
    add = out.triples.append
    article = article_iri(facts.key)
    lang = facts.article.lang
    _article_triples(add, facts, article, lang)
    _extraction_triples(add, facts.key, article, extracted_at if timestamp else None)
    for event_number, event in enumerate(facts.events):
        _event_triples(add, facts.key, event_number, event, article, lang)
    from_patterns = {m.actor.key for m in facts.mentions if m.via == "role-pattern"}
    for actor in facts.actors:
        add((article, RR.mentions, actor_iri(actor.key)))
        # A person found only by a role pattern is this article's claim, so it lives in its graph;
        # gazetteer actors are reference data of the actors graph (see reference_triples).
        if actor.key in from_patterns:
            out.triples.extend(actor_triples(actor))
    return out


def reference_triples(actors: Iterable[Actor]) -> list[Triple]:
    """Triples of the actors graph (``id:graph/actors``): every gazetteer actor's reference data."""
    return [triple for actor in actors for triple in actor_triples(actor)]


def _article_triples(add, facts: ArticleFacts, article: URIRef, lang: str) -> None:
    source = facts.article
    add((article, RDF.type, RR.Article))
    add((article, RDF.type, SDO.NewsArticle))
    add((article, RDF.type, PROV.Entity))
    add((article, RR.articleId, Literal(source.id)))
    add((article, RR.contentKey, Literal(facts.key)))
    add((article, SDO.inLanguage, Literal(lang)))
    add((article, RR.extractorVersion, Literal(__version__)))
    if facts.normalised_title:
        add((article, SDO.headline, Literal(facts.normalised_title, lang=lang)))
    if source.date:
        add((article, SDO.datePublished, Literal(source.date, datatype=XSD.date)))
    if source.url:
        add((article, SDO.url, Literal(source.url, datatype=XSD.anyURI)))
    if source.source:
        add((article, RR.source, Literal(source.source)))
    cited = {i for e in facts.events for i in (e.sentences or (e.provenance.sentence,))}
    for sentence in facts.sentences:
        if sentence.index not in cited and not sentence.is_title:
            continue  # keep the graph small: only sentences that are evidence, and the title
        node = sentence_iri(facts.key, sentence.index)
        add((article, RR.sentence, node))
        add((node, RDF.type, RR.Sentence))
        add((node, RR['index'], Literal(sentence.index)))
        add((node, RR.text, Literal(sentence.text, lang=lang)))
        add((node, RR.originalText, Literal(sentence.original, lang=lang)))


def _extraction_triples(add, key: str, article: URIRef, extracted_at: datetime | None) -> None:
    activity = extraction_iri(key)
    add((activity, RDF.type, RR.Extraction))
    add((activity, RDF.type, PROV.Activity))
    add((activity, PROV.used, article))
    add((activity, RR.extractorVersion, Literal(__version__)))
    agent = software_iri(__version__)
    add((activity, PROV.wasAssociatedWith, agent))
    add((agent, RDF.type, PROV.SoftwareAgent))
    add((agent, RDFS.label, Literal(f"regional-relations-kg {__version__}")))
    if extracted_at is not None:
        when = extracted_at if extracted_at.tzinfo else extracted_at.replace(tzinfo=timezone.utc)
        add((activity, PROV.endedAtTime, Literal(when.astimezone(timezone.utc), datatype=XSD.dateTime)))


def _event_triples(add, key: str, number: int, event: Event, article: URIRef, lang: str) -> None:
    node = event_iri(key, number)
    add((node, RDF.type, RR.Event))
    add((node, RR.category, category_iri(event.category)))
    for alt in event.alt_categories:
        if alt != event.category:
            add((node, RR.altCategory, category_iri(alt)))
    if event.mode:
        add((node, RR.mode, mode_iri(event.mode)))
    for context in event.contexts:
        add((node, RR.context, context_iri(context)))
    for topic in event.topics:
        add((node, RR.topic, topic_iri(topic)))
    for side, mentions in (("actor", event.actors), ("recipient", event.recipients)):
        for mention in mentions:
            add((node, RR[side], actor_iri(mention.actor.key)))
            add((node, RR.participant, actor_iri(mention.actor.key)))
    for j, mention in enumerate((*event.actors, *event.recipients)):
        _mention_triples(add, mention_iri(key, number, j), node, mention,
                         "actor" if j < len(event.actors) else "recipient")
    if event.date:
        add((node, RR.date, Literal(event.date.value, datatype=XSD.date)))
        add((node, RR.dateCertainty, Literal(event.date.certainty)))
    if event.trigger:
        add((node, RR.trigger, Literal(event.trigger, lang=lang)))
    for index in event.sentences or (event.provenance.sentence,):
        add((node, RR.evidence, sentence_iri(key, index)))
    add((node, RR.confidence, Literal(Decimal(str(event.provenance.confidence)), datatype=XSD.decimal)))
    add((node, RR.extractor, Literal(event.provenance.extractor)))
    add((node, PROV.wasDerivedFrom, article))
    add((node, PROV.wasGeneratedBy, extraction_iri(key)))


def _mention_triples(add, node: URIRef, event: URIRef, mention: Mention, side: str) -> None:
    add((event, RR.mention, node))
    add((node, RDF.type, RR.Mention))
    add((node, RR.refersTo, actor_iri(mention.actor.key)))
    add((node, RR.text, Literal(mention.text)))
    add((node, RR.side, Literal(side)))
    if mention.actor.kind is not ActorKind.COUNTRY:
        # the party on the article's day (offices and rule change; rr:country is one value)
        add((node, RR.actsFor, actor_iri(mention.actor.party)))


def actor_triples(actor: Actor) -> Iterable[Triple]:
    """Reference triples of an actor: type, labels in fa and en, codes, Wikidata, offices, members."""
    node = actor_iri(actor.key)
    yield node, RDF.type, RR[actor.kind.value]
    yield node, RDF.type, RR.Actor
    if actor.name_en:
        yield node, RDFS.label, Literal(actor.name_en, lang="en")
    if actor.name_fa:
        yield node, RDFS.label, Literal(actor.name_fa, lang="fa")
    if actor.wikidata:
        yield node, RR.wikidata, wikidata_iri(actor.wikidata)
    if actor.kind is ActorKind.COUNTRY:
        yield node, RR.iso3, Literal(actor.key)
    elif actor.kind in (ActorKind.ORGANIZATION, ActorKind.GROUP):
        yield node, RR.acronym, Literal(actor.key)
    if actor.kind is not ActorKind.COUNTRY and actor.country:
        yield node, RR.country, actor_iri(actor.country)
    if actor.organization:
        yield node, RR.memberOf, actor_iri(actor.organization)
    for member in actor.members:
        yield node, RR.member, actor_iri(member)
    person_slug = actor.key.split(":", 1)[1] if actor.key.startswith("person:") else actor.key
    for office in actor.offices:
        holding = office_iri(person_slug, office.role, office.country,
                             office.start.isoformat() if office.start else None)
        yield node, RR.holds, holding
        yield holding, RDF.type, RR.OfficeHolding
        yield holding, RR.role, role_iri(office.role)
        yield holding, RR.officeOf, actor_iri(office.country)
        if office.title_en:
            yield holding, RDFS.label, Literal(office.title_en, lang="en")
        if office.title_fa:
            yield holding, RDFS.label, Literal(office.title_fa, lang="fa")
        if office.start:
            yield holding, RR.start, Literal(office.start, datatype=XSD.date)
        if office.end:
            yield holding, RR.end, Literal(office.end, datatype=XSD.date)
