"""Reasoning: materialise what the ontology implies into one named graph, ``id:graph/inferred``.

The store's graphs state facts as the extractor and the gazetteer found them; the ontology
(``ontology/rrk.ttl``) says more: a state is also a ``schema:Country`` and a ``prov:Agent``, every
``rr:actor`` is an ``rr:participant`` and a ``sem:hasActor``, ``rr:member`` and ``rr:memberOf`` are
inverse, an event ``rr:involves`` each participant and the state each participant acts for
(``owl:propertyChainAxiom (rr:participant rr:country)``: a person's events are also their state's
events), and the actor and the recipient of an event ``rr:interactsWith`` each other (a symmetric
property with the chain ``rr:actorIn rr:recipient``, ``rr:actorIn`` being the inverse of
``rr:actor``). :func:`infer` computes those consequences with owlrl's OWL 2 RL rules and writes the new
ones to ``id:graph/inferred``, replaced whole on each run (:func:`drop_inferred` removes it), so that
queries may use them without a reasoner and without the asserted graphs ever being changed.

Why OWL 2 RL alone, and not owlrl's RDFS + OWL RL combination: the OWL 2 RL rule set already holds
the RDFS rules that matter here (sub-class, sub-property, domain, range: cax-sco, prp-spo1, prp-dom,
prp-rng); the combination adds only RDFS's axiomatic consequences (every node an ``rdfs:Resource``,
every predicate an ``rdf:Property``, literals typed), which this module would drop anyway, at 2.7
times the time (3.5 s against 9.5 s for the bundled examples with the whole gazetteer).

What is kept of the closure (:func:`entailments`): triples that are not asserted in any graph nor in
the ontology, minus the reasoner's bookkeeping — anything with a blank node (list cells, owlrl's
error notes), statements about RDF, RDFS, OWL and XSD terms themselves, reflexive ``owl:sameAs``,
``rdfs:subClassOf``, ``rdfs:subPropertyOf``, ``owl:equivalentClass`` and ``owl:equivalentProperty``,
and ``rdf:type owl:Thing`` (true of everything). Inconsistencies that owlrl finds (an individual of
two disjoint classes) are returned as messages, not written.

Example
-------
>>> from kg.rdf.namespaces import ID, RR, RDF
>>> event, person, iran = ID["event/k-0"], ID["person/p"], ID["actor/IRN"]
>>> found = entailments([(event, RDF.type, RR.Event), (event, RR.actor, person),
...                      (person, RR.country, iran)])
>>> (event, RR.involves, iran) in found.triples, (event, RR.participant, person) in found.triples
(True, True)
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from kg.rdf.namespaces import ID

__all__ = ["INFERRED_GRAPH", "Entailments", "entailments", "infer", "drop_inferred"]

Triple = tuple[Node, Node, Node]

#: The named graph of materialised consequences (replaced whole by each :func:`infer`).
INFERRED_GRAPH = ID["graph/inferred"]

_BUILT_IN = tuple(str(ns) for ns in (RDF, RDFS, OWL, XSD))
_REFLEXIVE_NOISE = {OWL.sameAs, RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty}


@dataclass
class Entailments:
    """What reasoning added: the new triples, owlrl's inconsistency messages, and the time taken."""

    triples: list[Triple] = field(default_factory=list)
    inconsistencies: list[str] = field(default_factory=list)
    seconds: float = 0.0


def entailments(asserted: Iterable[Triple], ontology: Graph | None = None) -> Entailments:
    """The consequences of ``asserted`` under the ontology and OWL 2 RL that it does not state.

    Parameters
    ----------
    asserted: the data's triples (article graphs, actors graph, …).
    ontology: the vocabulary to reason with; the package's ontology (``kg.rdf.ontology.ontology_graph``)
        when None.

    Returns
    -------
    An :class:`Entailments`: new triples, sorted, with the bookkeeping listed in the module
    docstring removed; inconsistency messages, sorted.
    """
    import owlrl  # imported here: only reasoning needs it

    from kg.rdf.ontology import ontology_graph

    started = time.perf_counter()
    graph = Graph()
    graph += ontology if ontology is not None else ontology_graph()
    graph.addN((s, p, o, graph) for s, p, o in asserted)
    before = set(graph)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    errors = sorted(str(message) for message in graph.objects(None, owlrl.Namespaces.ERRNS.error))
    new = sorted((t for t in graph if t not in before and _kept(t)), key=lambda t: tuple(x.n3() for x in t))
    return Entailments(new, errors, time.perf_counter() - started)


def infer(store, *, problems: list[str] | None = None) -> int:
    """Materialise the ontology's consequences of a store into ``id:graph/inferred``.

    Every named graph but the inferred one is read (one SPARQL CONSTRUCT) and reasoned over in
    memory with the package's ontology; the inferred graph is then replaced whole by the new
    triples, in one atomic batch: running it twice gives the same graph, and what an earlier run
    inferred from since-deleted articles goes away.

    Parameters
    ----------
    store: an open, writable :class:`kg.store.Store`.
    problems: when given, owlrl's inconsistency messages are appended to it (e.g. "Disjoint classes
        … have a common individual …").

    Returns
    -------
    The number of triples written to ``id:graph/inferred``.

    Example
    -------
    >>> from kg.store import open_store
    >>> from kg.rdf.namespaces import RR, RDF
    >>> with open_store("memory:") as store:
    ...     store.write_batch({ID["graph/k"]: [(ID["actor/IRN"], RDF.type, RR.Country)]})
    ...     infer(store) > 0, store.has_graph(INFERRED_GRAPH)
    (True, True)
    """
    answer = store.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{INFERRED_GRAPH}>) }}")
    asserted = answer.graph if answer.graph is not None else Graph()
    found = entailments(asserted)
    if problems is not None:
        problems.extend(found.inconsistencies)
    store.write_batch({INFERRED_GRAPH: found.triples})
    return len(found.triples)


def drop_inferred(store) -> int:
    """Drop ``id:graph/inferred``, leaving only what was asserted; :func:`infer` rebuilds it.

    Parameters
    ----------
    store: an open, writable :class:`kg.store.Store`.

    Returns
    -------
    The number of triples dropped (0 when there was no inferred graph).

    Example
    -------
    >>> from kg.store import open_store
    >>> from kg.rdf.namespaces import RR, RDF
    >>> with open_store("memory:") as store:
    ...     store.write_batch({ID["graph/k"]: [(ID["actor/IRN"], RDF.type, RR.Country)]})
    ...     dropped = drop_inferred(store), infer(store) > 0, drop_inferred(store) > 0
    ...     dropped, store.has_graph(INFERRED_GRAPH)
    ((0, True, True), False)
    """
    count = store.count_triples(INFERRED_GRAPH)
    store.drop_graph(INFERRED_GRAPH)
    return count


def _kept(triple: Triple) -> bool:
    """False for the reasoner's bookkeeping (see the module docstring)."""
    s, p, o = triple
    if not isinstance(s, URIRef) or isinstance(o, BNode):
        return False
    if str(s).startswith(_BUILT_IN):
        return False
    if s == o and p in _REFLEXIVE_NOISE:
        return False
    if p == RDF.type and o == OWL.Thing:
        return False
    return not isinstance(o, Literal) or p != RDF.type
