"""Provenance of an article graph (PROV-O): one extraction activity per text, which used the article,
generated its events and ended at the time of extraction; re-ingesting replaces it, never adds one."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from rdflib import Literal

from kg import __version__
from kg.facts import (Actor, ActorKind, Article, ArticleFacts, Event, Mention, Provenance, Sentence,
                      content_key)
from kg.rdf.build import build_article
from kg.rdf.namespaces import PROV, RDF, RR, XSD, article_iri, event_iri, extraction_iri
from kg.store import open_store

TEXT = "پزشکیان با رئیس‌جمهور ترکمنستان تلفنی گفت‌وگو کرد."
IRAN = Actor("IRN", ActorKind.COUNTRY, "Iran", "ایران", country="IRN")
TKM = Actor("TKM", ActorKind.COUNTRY, "Turkmenistan", "ترکمنستان", country="TKM")


def _facts() -> ArticleFacts:
    key = content_key("تیتر\n" + TEXT)
    facts = ArticleFacts(Article(id="call", lang="fa", title="تیتر", text=TEXT, date=date(2025, 2, 11)),
                         key=key, normalised_title="تیتر", normalised_text="تیتر\n" + TEXT,
                         sentences=[Sentence(0, "تیتر", 0, 4, "تیتر", is_title=True),
                                    Sentence(1, TEXT, 5, 5 + len(TEXT), TEXT)])
    iran, tkm = Mention(IRAN, "پزشکیان", 1, 0, 7), Mention(TKM, "ترکمنستان", 1, 22, 31)
    facts.mentions = [iran, tkm]
    facts.events = [Event("CONSULT", (iran,), (tkm,), Provenance("call", 1, "kg.extract.events/0.1.0", 0.9),
                          mode="phone"),
                    Event("SUPPORT", (iran,), (tkm,), Provenance("call", 1, "kg.extract.events/0.1.0", 0.7))]
    return facts


def _times(triples) -> list:
    return [o for s, p, o in triples if p == PROV.endedAtTime]


def test_extraction_used_the_article_and_generated_every_event():
    facts = _facts()
    triples = set(build_article(facts).triples)
    activity = extraction_iri(facts.key)
    assert {(activity, RDF.type, RR.Extraction), (activity, RDF.type, PROV.Activity),
            (activity, PROV.used, article_iri(facts.key))} <= triples
    assert {(event_iri(facts.key, n), PROV.wasGeneratedBy, activity) for n in (0, 1)} <= triples
    [agent] = [o for s, p, o in triples if s == activity and p == PROV.wasAssociatedWith]
    assert (agent, RDF.type, PROV.SoftwareAgent) in triples and str(agent).endswith(f"/software/{__version__}")


def test_time_of_extraction_is_written_in_utc():
    tehran = timezone(timedelta(hours=3, minutes=30))
    triples = build_article(_facts(), extracted_at=datetime(2025, 2, 11, 12, 0, tzinfo=tehran)).triples
    [when] = _times(triples)
    assert when.datatype == XSD.dateTime
    assert when.toPython() == datetime(2025, 2, 11, 8, 30, tzinfo=timezone.utc)
    assert str(when).endswith("+00:00")


def test_time_of_extraction_defaults_to_now():
    before = datetime.now(timezone.utc).replace(microsecond=0)
    [when] = _times(build_article(_facts()).triples)
    assert before <= when.toPython() <= datetime.now(timezone.utc)


def test_without_a_timestamp_the_same_facts_give_the_same_triples():
    facts = _facts()
    first = build_article(facts, timestamp=False).triples
    assert _times(first) == []
    assert first == build_article(facts, timestamp=False).triples


def test_reingesting_replaces_the_extraction_time_instead_of_adding_one():
    facts = _facts()
    earlier, later = (datetime(2025, 2, 11, h, tzinfo=timezone.utc) for h in (8, 9))
    with open_store("memory:") as store:
        for when in (earlier, later):
            graph = build_article(facts, extracted_at=when)
            store.write_batch({graph.iri: graph.triples})
        count = store.count_triples()
        rows = store.query("PREFIX prov: <http://www.w3.org/ns/prov#> "
                           "SELECT ?a ?t WHERE { GRAPH ?g { ?a prov:endedAtTime ?t } }")
        answer = [(str(a), t) for a, t in rows.rows]
    assert answer == [(str(extraction_iri(facts.key)), Literal(later, datatype=XSD.dateTime))]
    assert count == len(build_article(facts, extracted_at=earlier).triples)


def test_every_ingested_event_has_its_extraction_and_time():
    from pathlib import Path

    from kg.ingest import ingest

    examples = Path(__file__).resolve().parents[2] / "examples"
    with open_store("memory:") as store:
        started = datetime.now(timezone.utc).replace(microsecond=0)
        assert ingest([examples], store).ok
        rows = store.query("""
            PREFIX prov: <http://www.w3.org/ns/prov#>  PREFIX rr: <https://w3id.org/rrkg/ontology#>
            SELECT ?event ?time WHERE {
              GRAPH ?g { ?event a rr:Event .
                         OPTIONAL { ?event prov:wasGeneratedBy ?x . ?x prov:used ?article ;
                                           prov:endedAtTime ?time .
                                    ?event prov:wasDerivedFrom ?article } }
            }""").rows
    assert len(rows) > 10
    assert all(time is not None and time.toPython() >= started for _, time in rows)
