"""PLOVER records take a person's or group's party from the mention (rr:actsFor: the office held,
or the rule, on the article's day), not from the actor's one undated rr:country."""

from __future__ import annotations

from datetime import date

from kg.export import plover_records
from kg.facts import (Actor, ActorKind, Article, ArticleFacts, Event, Mention, Provenance, Sentence,
                      content_key)
from kg.rdf.build import build_article, reference_triples
from kg.rdf.namespaces import ID
from kg.store import open_store

TEXT = "رهبر طالبان با نماینده آمریکا دیدار کرد."
USA = Actor("USA", ActorKind.COUNTRY, "United States", "آمریکا", country="USA")
AFG = Actor("AFG", ActorKind.COUNTRY, "Afghanistan", "افغانستان", country="AFG")
# the gazetteer's actor: the leader of a group that governs Afghanistan from 2021-08-15
LEADER_NOW = Actor("person:leader", ActorKind.PERSON, "The Leader", "رهبر", country="AFG")
# the same person as extraction resolved him on a 2019 article: acting for the group
LEADER_2019 = Actor("person:leader", ActorKind.PERSON, "The Leader", "رهبر", organization="TALIBAN")
TALIBAN = Actor("TALIBAN", ActorKind.GROUP, "Taliban", "طالبان", country="AFG")


def _store(leader: Actor):
    facts = ArticleFacts(Article(id="talks", lang="fa", title="", text=TEXT, date=date(2019, 2, 25)),
                         key=content_key(TEXT), normalised_title="", normalised_text=TEXT,
                         sentences=[Sentence(0, TEXT, 0, len(TEXT), TEXT)])
    guest, host = Mention(leader, "رهبر طالبان", 0, 0, 11), Mention(USA, "آمریکا", 0, 21, 27)
    facts.mentions = [guest, host]
    facts.events = [Event("CONSULT", (guest,), (host,), Provenance("talks", 0, "test", 0.9))]
    graph = build_article(facts, timestamp=False)
    store = open_store("memory:")
    store.write_batch({graph.iri: graph.triples,
                       ID["graph/actors"]: reference_triples([USA, AFG, LEADER_NOW, TALIBAN])})
    return store


def test_export_party_is_the_one_of_the_articles_day():
    [record] = plover_records(_store(LEADER_2019))
    [actor] = record["actor"]
    assert actor.get("group") == "TALIBAN" and "country" not in actor


def test_export_party_follows_the_office_held_that_day():
    [record] = plover_records(_store(LEADER_NOW))
    [actor] = record["actor"]
    assert actor["country"] == "AFG" and [r["country"] for r in record["recipient"]] == ["USA"]
