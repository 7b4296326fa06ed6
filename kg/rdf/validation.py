"""SHACL validation of article graphs, fast enough for ingest, and of a whole store.

The shapes (``ontology/shapes.ttl``) are checked by pySHACL. Two things make a plain pySHACL call
slow, and this module avoids both:

- pySHACL hands the text of each SPARQL constraint to ``Graph.query`` once *per focus node*, and
  rdflib parses it every time (~30 ms a parse, two constraints per event: about a second for ten
  articles). The data graph given to pySHACL here is a :class:`rdflib.Graph` whose ``query`` parses
  each query text once per process (:func:`_parsed`); the answers are the same.
- Validating the whole actors graph with each batch re-checks 6,900 reference triples that have not
  changed. Only the part of the reference that the batch reaches is added: starting from every node
  of the article graphs, the triples of each node are followed to their objects (the actors named,
  their offices, the classes they are typed with). The shapes only ever read outgoing triples
  (simple paths, ``sh:class``, SPARQL patterns from ``$this``), so this gives each article node the
  same answer as validating it with the whole reference.

The graphs of a batch are validated together, in as few pySHACL calls as possible: graphs that
describe no node in common go in one call (usually the whole batch); a graph that describes a node
another graph also describes (a person found by role pattern in two articles) goes in another call,
so that no graph is judged with another's triples. Each result is then attributed to the graph whose
triples have its focus node as subject. Results whose focus node only the reference describes are
dropped: the reference is checked on its own by :func:`validate_store`.

Example
-------
>>> from rdflib import Literal
>>> from kg.rdf.namespaces import ID, RR, RDF, PLOVER
>>> event = ID["event/k-1"]
>>> found = validate_article([(event, RDF.type, RR.Event), (event, RR.category, PLOVER.MEET)])
>>> [v.fact for v in found if v.path.endswith("category")]
['id:event/k-1 rr:category plover:MEET']
>>> print(found[0].error())
[KG201] article id:graph/article: the graph does not conform to the shapes: An event is prov:wasDerivedFrom exactly one rr:Article. (id:event/k-1 prov:wasDerivedFrom (none))
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from kg.errors import Errors, ValidationError
from kg.rdf.namespaces import ACTORS_GRAPH, ID, PREFIXES, RR

__all__ = ["Violation", "StoreValidation", "validate_article", "validate_batch", "validate_store",
           "render_term"]

Triple = tuple[Node, Node, Node]

#: Article graphs read from a store per query and validated per pySHACL call by validate_store.
STORE_CHUNK = 200


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, traced to the graph and article it belongs to.

    ``focus``, ``path``, ``value`` are IRIs or literals as text (empty when absent); ``severity`` is
    ``Violation``, ``Warning`` or ``Info``; ``constraint`` the SHACL component without its namespace
    (``MinCountConstraintComponent``); ``fact`` the failing fact in prefixed names, e.g.
    ``id:event/K-1 rr:category plover:MEET`` (for a missing value: ``… rr:category (none)``).
    """

    graph: str
    article: str
    focus: str
    path: str
    value: str
    message: str
    severity: str
    constraint: str
    fact: str

    @property
    def is_violation(self) -> bool:
        """True for a result of severity sh:Violation (a graph with one is not written)."""
        return self.severity == "Violation"

    def error(self) -> ValidationError:
        """This result as the KG201 error the CLI prints: ``[KG201] article <id>: … (<fact>)``."""
        return ValidationError(Errors.E201, article=self.article or render_term(URIRef(self.graph)),
                               detail=f"{self.message} ({self.fact})")

    def __str__(self) -> str:
        return f"{self.message} ({self.fact})"


@dataclass
class StoreValidation:
    """What :func:`validate_store` found: graphs checked and the results of each non-conforming one."""

    graphs: int = 0
    triples: int = 0
    seconds: float = 0.0
    results: dict[URIRef, list[Violation]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no graph has a result of severity Violation."""
        return not any(v.is_violation for found in self.results.values() for v in found)

    def errors(self) -> list[str]:
        """One ``[KG201] …`` line per result, graph by graph."""
        return [str(v.error()) for graph in sorted(self.results) for v in self.results[graph]]


def validate_article(triples: Iterable[Triple], actor_graph: Iterable[Triple] | None = None) -> list[Violation]:
    """Check one article graph against the shapes.

    Parameters
    ----------
    triples: the article graph's triples (e.g. ``kg.rdf.build.build_article(facts).triples``).
    actor_graph: triples of the actors graph that the article refers to, if at hand; an article's
        actors are accepted by their IRIs when it is not given.

    Returns
    -------
    The results, sorted (empty when the graph conforms).
    """
    rows = list(triples)
    key = next((str(o) for s, p, o in rows if p == RR.contentKey), "article")
    iri = ID[f"graph/{key}"]
    return validate_batch({iri: rows}, actor_graph or ()).get(iri, [])


def validate_batch(graphs: Mapping[URIRef, Iterable[Triple]],
                   reference: Iterable[Triple] = ()) -> dict[URIRef, list[Violation]]:
    """Check a batch of article graphs against the shapes, in as few pySHACL calls as possible.

    Parameters
    ----------
    graphs: graph IRI → the triples of that article graph.
    reference: the actors graph (or any triples the article graphs may refer to); it is trusted,
        only the part the batch reaches is read.

    Returns
    -------
    graph IRI → its results, sorted, for every graph with at least one result; a graph absent from
    the answer conforms. Skip a graph when any of its results ``is_violation``.

    Example
    -------
    >>> from kg.rdf.namespaces import RDF
    >>> found = validate_batch({ID["graph/k"]: [(ID["article/k"], RDF.type, RR.Article)]})
    >>> [v.fact for v in found[ID["graph/k"]]]
    ['id:article/k schema:inLanguage (none)', 'id:article/k rr:articleId (none)', 'id:article/k rr:contentKey (none)']
    """
    batch = {iri: list(triples) for iri, triples in graphs.items()}
    if not batch:
        return {}
    index = _Index(reference)
    found: dict[URIRef, list[Violation]] = {}
    for group in _disjoint_groups(batch):
        found.update(_validate_group({iri: batch[iri] for iri in group}, index))
    return {iri: found[iri] for iri in batch if iri in found}


def validate_store(store, *, chunk: int = STORE_CHUNK) -> StoreValidation:
    """Check every article graph of a store, and its actors graph, against the shapes.

    Article graphs are the named graphs holding an ``rr:Article``; they are read ``chunk`` at a time
    (one SPARQL query each) and validated with the actors graph as reference. The actors graph is
    then validated on its own (its results are listed under ``id:graph/actors``).

    Parameters
    ----------
    store: an open :class:`kg.store.Store`.
    chunk: article graphs per query and per pySHACL call.

    Returns
    -------
    A :class:`StoreValidation`; ``ok`` says whether everything conforms, ``errors()`` gives the
    KG201 lines to print.
    """
    started = time.perf_counter()
    report = StoreValidation()
    reference = _graph_triples(store, ACTORS_GRAPH)
    articles = [row[0] for row in store.query(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a a <{RR.Article}> }} }} ORDER BY ?g").rows]
    for start in range(0, len(articles), chunk):
        batch = _graphs_triples(store, articles[start:start + chunk])
        report.graphs += len(batch)
        report.triples += sum(len(rows) for rows in batch.values())
        report.results.update(validate_batch(batch, reference))
    if reference:
        report.graphs += 1
        report.triples += len(reference)
        report.results.update(validate_batch({ACTORS_GRAPH: reference}))
    report.seconds = time.perf_counter() - started
    return report


# -- one pySHACL call ----------------------------------------------------------------------------


class _ParsedOnce(Graph):
    """A graph whose SPARQL queries are parsed once per process (see the module docstring)."""

    def query(self, query_object, *args, **kwargs):  # type: ignore[override]
        if isinstance(query_object, str):
            query_object = _parsed(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=256)
def _parsed(text: str):
    return prepareQuery(text)


def _validate_group(group: dict[URIRef, list[Triple]], index: _Index) -> dict[URIRef, list[Violation]]:
    """One pySHACL call for graphs that share no subject; results traced to their graph."""
    from pyshacl import validate as shacl_validate  # imported here: it takes a second to import

    owner = {s: iri for iri, rows in group.items() for s, _, _ in rows}
    data = _ParsedOnce()
    for rows in group.values():
        data.addN((s, p, o, data) for s, p, o in rows)
    data.addN((s, p, o, data) for s, p, o in index.reached_from(data))
    conforms, report, _ = shacl_validate(data, shacl_graph=_shapes(), inference="none",
                                         allow_warnings=True, inplace=True)
    if conforms:
        return {}
    articles = {iri: next((str(o) for s, p, o in rows if p == RR.articleId), "") for iri, rows in group.items()}
    found: dict[URIRef, set[Violation]] = defaultdict(set)
    for result in report.objects(None, SH.result):
        focus = report.value(result, SH.focusNode)
        iri = owner.get(focus)
        if iri is not None:
            found[iri].add(_violation(report, result, data, iri, articles[iri]))
    return {iri: sorted(rows, key=_order) for iri, rows in found.items()}


def _violation(report: Graph, result: Node, data: Graph, iri: URIRef, article: str) -> Violation:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    severity = report.value(result, SH.resultSeverity)
    constraint = report.value(result, SH.sourceConstraintComponent)
    return Violation(
        graph=str(iri), article=article, focus=_text(focus), path=_text(path) if isinstance(path, URIRef) else "",
        value=_text(value),
        message=" ".join(sorted(str(m) for m in report.objects(result, SH.resultMessage))),
        severity=_text(severity).rsplit("#", 1)[-1], constraint=_text(constraint).rsplit("#", 1)[-1],
        fact=_fact(data, focus, path, value))


def _fact(data: Graph, focus: Node, path: Node | None, value: Node | None) -> str:
    """The failing fact: the triple of the result, or what the focus node states for the path."""
    if isinstance(path, URIRef):
        if value is not None:
            objects = [value]
        else:  # min/max count, qualified counts: show what is there
            objects = sorted(data.objects(focus, path), key=render_term)
        shown = ", ".join(render_term(o) for o in objects) if objects else "(none)"
        return f"{render_term(focus)} {render_term(path)} {shown}"
    if value is not None:  # a SPARQL constraint: the triples linking the focus node to the value
        stated = sorted(render_term(p) for p in data.predicates(focus, value))
        return f"{render_term(focus)} {'|'.join(stated) or '…'} {render_term(value)}"
    return render_term(focus)


def _order(v: Violation) -> tuple:
    return v.focus, v.path, v.constraint, v.value, v.message


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)


# -- which graphs go together, which reference triples they reach ---------------------------------


def _disjoint_groups(batch: dict[URIRef, list[Triple]]) -> list[list[URIRef]]:
    """Split the batch's graphs into groups whose graphs describe no common subject (first fit)."""
    groups: list[tuple[list[URIRef], set[Node]]] = []
    for iri, rows in batch.items():
        subjects = {s for s, _, _ in rows}
        for members, taken in groups:
            if taken.isdisjoint(subjects):
                members.append(iri)
                taken |= subjects
                break
        else:
            groups.append(([iri], set(subjects)))
    return [members for members, _ in groups]


class _Index:
    """Triples of the reference and of the ontology's validation context, by subject."""

    def __init__(self, reference: Iterable[Triple]) -> None:
        self.by_subject: dict[Node, list[Triple]] = defaultdict(list)
        for triple in reference:
            self.by_subject[triple[0]].append(triple)
        for subject, rows in _context().items():
            self.by_subject[subject].extend(rows)

    def reached_from(self, data: Graph) -> list[Triple]:
        """Reference triples reachable from the nodes of ``data`` by following triples forwards."""
        seen: set[Node] = set()
        todo = [n for triple in data for n in (triple[0], triple[2]) if not isinstance(n, Literal)]
        out: list[Triple] = []
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for triple in self.by_subject.get(node, ()):
                out.append(triple)
                if not isinstance(triple[2], Literal):
                    todo.append(triple[2])
        return out


@cache
def _context() -> dict[Node, list[Triple]]:
    """The ontology triples the shapes read (scheme membership, the class tree), by subject."""
    from kg.rdf.ontology import ontology_graph

    by_subject: dict[Node, list[Triple]] = defaultdict(list)
    graph = ontology_graph()
    for prop in (SKOS.inScheme, RDFS.subClassOf):
        for triple in graph.triples((None, prop, None)):
            by_subject[triple[0]].append(triple)
    return dict(by_subject)


@cache
def _shapes() -> Graph:
    from kg.rdf.ontology import shapes_graph

    return shapes_graph()


# -- reading a store ------------------------------------------------------------------------------


def _graph_triples(store, graph: URIRef) -> list[Triple]:
    answer = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return list(answer.graph) if answer.graph is not None else []


def _graphs_triples(store, graphs: list[URIRef]) -> dict[URIRef, list[Triple]]:
    values = " ".join(f"<{g}>" for g in graphs)
    answer = store.query(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
    out: dict[URIRef, list[Triple]] = {g: [] for g in graphs}
    for g, s, p, o in answer.rows:
        out[g].append((s, p, o))
    return out


# -- showing terms --------------------------------------------------------------------------------

_NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
_LOCAL = re.compile(r"^[^\s<>\"{}|^`\\]*$")


def render_term(term: Node) -> str:
    """A term as short text: IRIs in the graph model's prefixed names (``id:event/K-1``, ``rr:date``,
    ``plover:MEET``), literals in Turtle (``"2025-02-10"^^xsd:date``).

    >>> render_term(ID["actor/IRN"]), render_term(Literal("0.9", datatype=XSD.decimal))
    ('id:actor/IRN', '"0.9"^^xsd:decimal')
    """
    if isinstance(term, URIRef):
        text = str(term)
        for namespace, prefix in _NAMESPACES:
            if text.startswith(namespace) and _LOCAL.match(text[len(namespace):]):
                return f"{prefix}:{text[len(namespace):]}"
        return f"<{text}>"
    if isinstance(term, Literal):
        if term.datatype is not None:
            return f'"{term}"^^{render_term(term.datatype)}'
        return f'"{term}"' + (f"@{term.language}" if term.language else "")
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)
