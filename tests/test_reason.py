"""Reasoning: what the ontology implies is written to the inferred graph — sub-classes,
sub-properties, inverses, the state of a person's events — only what is new, rebuilt whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO

from kg.rdf.namespaces import ACTORS_GRAPH, ID, PLOVER, RR
from kg.store import Store, open_store

owlrl = pytest.importorskip("owlrl", reason="reasoning needs owlrl")

from kg.reason import INFERRED_GRAPH, drop_inferred, entailments, infer  # noqa: E402 — after the skip above

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
KEY = "0123456789abcdef0123456789abcdef"
EVENT, ARTICLE = ID[f"event/{KEY}-0"], ID[f"article/{KEY}"]
IRAN, TKM, CASPIAN = ID["actor/IRN"], ID["actor/TKM"], ID["actor/CASPIAN"]
PEZESHKIAN, BERDIMUHAMEDOV = ID["person/masoud-pezeshkian"], ID["person/gurbanguly-berdimuhamedov"]

ACTORS = [
    (IRAN, RDF.type, RR.Country), (IRAN, RR.iso3, Literal("IRN")),
    (TKM, RDF.type, RR.Country), (TKM, RR.iso3, Literal("TKM")),
    (CASPIAN, RDF.type, RR.Group), (CASPIAN, RR.member, IRAN), (CASPIAN, RR.member, TKM),
    (PEZESHKIAN, RDF.type, RR.Person), (PEZESHKIAN, RR.country, IRAN),
    (BERDIMUHAMEDOV, RDF.type, RR.Person), (BERDIMUHAMEDOV, RR.country, TKM),
]
# A phone call of the two presidents, participants materialised as the builder writes them.
ARTICLE_GRAPH = [
    (ARTICLE, RDF.type, RR.Article),
    (EVENT, RDF.type, RR.Event), (EVENT, RR.category, PLOVER.CONSULT), (EVENT, PROV.wasDerivedFrom, ARTICLE),
    (EVENT, RR.actor, PEZESHKIAN), (EVENT, RR.recipient, BERDIMUHAMEDOV),
    (EVENT, RR.participant, PEZESHKIAN), (EVENT, RR.participant, BERDIMUHAMEDOV),
]


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path) -> Iterator[Store]:
    with open_store("memory:" if request.param == "memory" else str(tmp_path / "kg")) as opened:
        opened.write_batch({ACTORS_GRAPH: ACTORS, ID[f"graph/{KEY}"]: ARTICLE_GRAPH})
        yield opened


def inferred(store: Store) -> set[tuple]:
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}").rows
    return set(rows)


def test_a_persons_events_are_also_their_states_events(store):
    infer(store)
    found = inferred(store)
    assert {(EVENT, RR.involves, IRAN), (EVENT, RR.involves, TKM)} <= found
    assert {(EVENT, RR.involves, PEZESHKIAN), (EVENT, RR.involves, BERDIMUHAMEDOV)} <= found


def test_sub_classes_sub_properties_and_inverses_are_materialised(store):
    infer(store)
    found = inferred(store)
    assert (IRAN, RDF.type, SDO.Country) in found and (IRAN, RDF.type, RR.Actor) in found
    assert (PEZESHKIAN, RDF.type, PROV.Agent) in found
    assert (EVENT, URIRef(SEM + "hasActor"), PEZESHKIAN) in found       # rr:participant ⊑ sem:hasActor
    assert (IRAN, RR.memberOf, CASPIAN) in found                       # owl:inverseOf rr:member


def test_only_new_triples_go_to_the_inferred_graph(store):
    count = infer(store)
    found = inferred(store)
    assert count == len(found) == store.count_triples(INFERRED_GRAPH) > 0
    assert not found & set(ACTORS + ARTICLE_GRAPH)
    assert (EVENT, RR.participant, PEZESHKIAN) not in found            # asserted already


def test_reasoners_bookkeeping_is_left_out(store):
    infer(store)
    found = inferred(store)
    assert not [t for t in found if any(isinstance(x, BNode) for x in t)]
    assert not [t for t in found if t[1] == RDF.type and t[2] == OWL.Thing]
    assert not [t for t in found if t[0] == t[2] and t[1] in (OWL.sameAs, RDFS.subClassOf)]
    assert not [t for t in found if str(t[0]).startswith(str(OWL))]


def test_the_inferred_graph_is_rebuilt_whole(store):
    first = infer(store)
    assert infer(store) == first and store.count_triples(INFERRED_GRAPH) == first  # not inferred from itself
    store.write_batch({ID[f"graph/{KEY}"]: []})                                     # the article goes
    infer(store)
    assert not [t for t in inferred(store) if t[0] == EVENT]


def test_the_inferred_graph_can_be_dropped_and_rebuilt_the_same(store):
    written = infer(store)
    first = inferred(store)
    asserted = store.count_triples() - written
    assert drop_inferred(store) == written
    assert not store.has_graph(INFERRED_GRAPH) and store.count_triples() == asserted
    assert (EVENT, RR.involves, IRAN) not in set(store.query(
        f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}").rows)
    assert drop_inferred(store) == 0                                   # nothing left to drop
    assert infer(store) == written and inferred(store) == first


def test_asserted_graphs_are_not_changed(store):
    before = store.count_triples(ACTORS_GRAPH), store.count_triples(ID[f"graph/{KEY}"])
    infer(store)
    assert (store.count_triples(ACTORS_GRAPH), store.count_triples(ID[f"graph/{KEY}"])) == before


def test_an_inconsistency_is_reported_not_written():
    problems: list[str] = []
    with open_store("memory:") as store:
        store.write_batch({ACTORS_GRAPH: ACTORS + [(CASPIAN, RDF.type, RR.Person)]})
        infer(store, problems=problems)
        assert not [t for t in inferred(store) if "agent-ont" in str(t[1])]
    assert len(problems) == 1 and "Person" in problems[0] and str(CASPIAN) in problems[0]


def test_a_group_governing_a_state_is_not_made_a_person():
    taliban, afghanistan = ID["actor/TALIBAN"], ID["actor/AFG"]
    found = entailments([(taliban, RDF.type, RR.Group), (taliban, RR.country, afghanistan)])
    assert (taliban, RDF.type, RR.Person) not in found.triples and not found.inconsistencies
    assert (afghanistan, RDF.type, RR.Country) in found.triples                 # the range of rr:country


def test_actor_and_recipient_interact_both_ways_but_co_actors_do_not():
    third = ID["person/third"]
    asserted = [*ACTORS, *ARTICLE_GRAPH, (third, RDF.type, RR.Person), (EVENT, RR.actor, third),
                (EVENT, RR.participant, third)]
    found = set(entailments(asserted).triples)
    assert {(PEZESHKIAN, RR.actorIn, EVENT), (PEZESHKIAN, RR.interactsWith, BERDIMUHAMEDOV),
            (BERDIMUHAMEDOV, RR.interactsWith, PEZESHKIAN)} <= found              # inverse, chain, symmetric
    assert (PEZESHKIAN, RR.interactsWith, third) not in found and (third, RR.interactsWith, PEZESHKIAN) not in found


def test_symmetric_and_transitive_properties_of_an_ontology_are_applied():
    ex = "urn:example:"
    ontology = Graph()
    ontology.add((URIRef(ex + "borders"), RDF.type, OWL.SymmetricProperty))
    ontology.add((URIRef(ex + "within"), RDF.type, OWL.TransitiveProperty))
    a, b, c = URIRef(ex + "a"), URIRef(ex + "b"), URIRef(ex + "c")
    found = entailments([(a, URIRef(ex + "borders"), b), (a, URIRef(ex + "within"), b),
                         (b, URIRef(ex + "within"), c)], ontology=ontology)
    assert set(found.triples) == {(b, URIRef(ex + "borders"), a), (a, URIRef(ex + "within"), c)}


def test_bundled_examples_infer_the_state_of_each_official(tmp_path: Path):
    from kg.ingest import ingest

    with open_store("memory:") as store:
        ingest([Path(__file__).resolve().parent.parent / "examples"], store)
        problems: list[str] = []
        assert infer(store, problems=problems) > 0 and problems == []
        # every event with a participant who acts for a state involves that state
        missing = store.query(f"""
            PREFIX rr: <{RR}>
            SELECT ?event ?state WHERE {{
              GRAPH ?g {{ ?event rr:participant ?p }} GRAPH ?a {{ ?p rr:country ?state }}
              FILTER NOT EXISTS {{ GRAPH <{INFERRED_GRAPH}> {{ ?event rr:involves ?state }} }}
            }}""")
        assert len(missing) == 0, missing.rows
