"""The ontology and its SKOS schemes as graphs, the lookups the toolkit derives from them, validation.

The vocabulary lives in Turtle files of the ontology folder (see ``ontology/README.md``):
``rrk.ttl`` (OWL classes and properties), ``plover.ttl`` (PLOVER categories, modes, contexts),
``topics.ttl`` (cooperation domains), ``offices.ttl`` (office roles) and ``shapes.ttl`` (SHACL).
Code that needs a fact of the vocabulary — the parent of a topic, the quad class of a category, the
Persian label of a role — asks this module rather than repeating the fact, so the Turtle files stay
the one place where it is stated.

Parsing is done once per process (the files are package data and do not change while it runs);
:func:`ontology_graph` and :func:`shapes_graph` hand out copies, so a caller may add to them freely.

Example
-------
>>> category_quad_class()["CONSULT"]
1
>>> topic_parents()["gas"]
'energy'
>>> concept_labels("offices")["foreign-minister"]["fa"]
'وزیر امور خارجه'
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path
from typing import TypeVar

from rdflib import ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH, SKOS
from rdflib.term import Node

from kg.errors import Errors, KGError
from kg.rdf.namespaces import OFFICE, PLOVER, PREFIXES, RR, TOPIC
from kg.resources import ontology_dir

__all__ = [
    "ONTOLOGY_FILES", "SHAPES_FILE", "SCHEMES",
    "ontology_graph", "shapes_graph", "concept_labels", "topic_parents", "topic_contexts",
    "category_quad_class", "category_scores", "mode_categories", "validate",
]

#: Files of the ontology graph (``id:graph/ontology``), in the ontology folder.
ONTOLOGY_FILES: tuple[str, ...] = ("rrk.ttl", "plover.ttl", "topics.ttl", "offices.ttl")
#: The SHACL shapes, kept out of the ontology graph.
SHAPES_FILE = "shapes.ttl"
#: Short names of the SKOS concept schemes.
SCHEMES: dict[str, URIRef] = {
    "categories": PLOVER["categories"],
    "modes": PLOVER["modes"],
    "contexts": PLOVER["contexts"],
    "topics": TOPIC["scheme"],
    "offices": OFFICE["scheme"],
}

Triple = tuple[Node, Node, Node]
_T = TypeVar("_T")


def _cached_copy(func: Callable[[], dict[str, _T]]) -> Callable[[], dict[str, _T]]:
    """Compute a lookup once; hand each caller its own copy, so no caller can spoil the cache."""
    cached = cache(func)

    @wraps(func)
    def wrapper() -> dict[str, _T]:
        return dict(cached())

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper


def ontology_graph() -> Graph:
    """The ontology and SKOS schemes: every file of :data:`ONTOLOGY_FILES` in one graph.

    Returns
    -------
    A new :class:`rdflib.Graph` (a copy of the parsed files, with the project's prefixes bound).

    Raises
    ------
    KGError
        ``KG202`` when a file is missing or is not valid Turtle.

    Example
    -------
    >>> from kg.rdf.namespaces import RR, OWL, RDF
    >>> (RR.Event, RDF.type, OWL.Class) in ontology_graph()
    True
    """
    return _copy(_ontology())


def shapes_graph() -> Graph:
    """The SHACL shapes (``shapes.ttl``) as a new graph."""
    return _copy(_shapes())


def concept_labels(scheme: str | URIRef) -> dict[str, dict[str, str]]:
    """English and Persian labels of every concept of a scheme, by key.

    Parameters
    ----------
    scheme: a short name of :data:`SCHEMES` (``categories``, ``modes``, ``contexts``, ``topics``,
        ``offices``) or the scheme's IRI.

    Returns
    -------
    ``{key: {"en": label, "fa": label}}`` sorted by key; the key is the concept's ``skos:notation``
    (``CONSULT``, ``phone``, ``natural-resource``, ``gas``, ``head-of-state``).

    Example
    -------
    >>> concept_labels("categories")["CONSULT"]
    {'en': 'consult', 'fa': 'رایزنی'}
    """
    graph = _ontology()
    labels: dict[str, dict[str, str]] = {}
    for concept in _members(_scheme_iri(scheme)):
        by_lang = {str(label.language): str(label) for label in graph.objects(concept, SKOS.prefLabel)
                   if isinstance(label, Literal) and label.language}
        labels[_key(concept)] = {lang: by_lang.get(lang, "") for lang in ("en", "fa")}
    return dict(sorted(labels.items()))


@_cached_copy
def topic_parents() -> dict[str, str | None]:
    """Parent key of every cooperation domain (``None`` for a top-level domain).

    Example
    -------
    >>> topic_parents()["rail"], topic_parents()["transport"]
    ('transport', None)
    """
    graph = _ontology()
    parents: dict[str, str | None] = {}
    for concept in _members(SCHEMES["topics"]):
        broader = sorted(_key(b) for b in graph.objects(concept, SKOS.broader))
        parents[_key(concept)] = broader[0] if broader else None
    return dict(sorted(parents.items()))


@_cached_copy
def topic_contexts() -> dict[str, str]:
    """The PLOVER context implied by each cooperation domain (``rr:context`` of the topic).

    Domains without a PLOVER counterpart (culture, art, media, sport, education) are absent.

    Example
    -------
    >>> topic_contexts()["gas"], topic_contexts()["border"]
    ('natural-resource', 'territory')
    """
    return _one_key_per_concept(SCHEMES["topics"], RR.context)


@_cached_copy
def category_quad_class() -> dict[str, int]:
    """PLOVER quad class (1–4) of each category: 1 verbal cooperation … 4 material conflict.

    Example
    -------
    >>> category_quad_class()["SANCTION"]
    4
    """
    return {key: int(value) for key, value in _literal_per_concept(SCHEMES["categories"], RR.quadClass).items()}


@_cached_copy
def category_scores() -> dict[str, float]:
    """PLOVER cooperation–conflict score (−10 … +10) of each category, from the manual's table.

    Example
    -------
    >>> category_scores()["AID"], category_scores()["ASSAULT"]
    (10.0, -9.0)
    """
    return {key: float(value) for key, value in _literal_per_concept(SCHEMES["categories"], RR.score).items()}


@_cached_copy
def mode_categories() -> dict[str, tuple[str, ...]]:
    """The categories each PLOVER mode belongs to (``rr:modeOf``), e.g. ``restrict`` → THREATEN, COERCE.

    Example
    -------
    >>> mode_categories()["phone"]
    ('CONSULT',)
    """
    graph = _ontology()
    return dict(sorted((_key(mode), tuple(sorted(_key(c) for c in graph.objects(mode, RR.modeOf))))
                       for mode in _members(SCHEMES["modes"])))


def validate(data: Graph | Iterable[Triple]) -> tuple[bool, str, list[dict[str, str]]]:
    """Check a graph against the SHACL shapes, with the ontology and schemes mixed in.

    The shapes check that categories, modes, topics and roles belong to their schemes and that nodes
    are instances of classes (sub-classes included), so the ontology's ``skos:inScheme`` and
    ``rdfs:subClassOf`` triples are added to (a copy of) the data before validating — only those, to
    keep it quick. No inference is made; warnings do not make the graph non-conforming.

    A call costs about 20 ms whatever the data's size (pySHACL parses the shapes' two SPARQL
    constraints on every call), and 0.3 s for the 6,900 triples of the whole gazetteer: validate a
    batch of articles in one call rather than one call per article.

    Parameters
    ----------
    data: an rdflib ``Graph`` (a ``Dataset`` counts as the union of its graphs) or any iterable of
        triples, such as the ``triples`` of a :class:`kg.rdf.build.ArticleGraph`.

    Returns
    -------
    ``(conforms, report_text, results)``: whether the data conforms; pySHACL's text report; one dict
    per result with ``focus``, ``path``, ``value``, ``message``, ``severity`` (``Violation``,
    ``Warning``, ``Info``) and ``constraint`` (e.g. ``MinCountConstraintComponent``), as strings
    (empty when absent), sorted.

    Example
    -------
    >>> conforms, text, results = validate(Graph())
    >>> conforms, results
    (True, [])
    """
    from pyshacl import validate as shacl_validate  # imported here: it takes a second to import

    union = Graph()
    union += _validation_context()
    if isinstance(data, ConjunctiveGraph):
        union.addN((s, p, o, union) for s, p, o, _ in data.quads((None, None, None, None)))
    else:
        union.addN((s, p, o, union) for s, p, o in (data.triples((None, None, None))
                                                     if isinstance(data, Graph) else data))
    conforms, report, text = shacl_validate(union, shacl_graph=_shapes(), inference="none",
                                            allow_warnings=True, inplace=True)
    return bool(conforms), str(text), _results(report)


# -- parsing -----------------------------------------------------------------------------------


@cache
def _ontology() -> Graph:
    graph = _bound(Graph())
    for name in ONTOLOGY_FILES:
        _parse_into(graph, ontology_dir() / name)
    return graph


@cache
def _validation_context() -> Graph:
    """The triples of the ontology that the shapes read: scheme membership and the class tree."""
    context = Graph()
    for prop in (SKOS.inScheme, RDFS.subClassOf):
        context += _ontology().triples((None, prop, None))
    return context


@cache
def _shapes() -> Graph:
    return _parse_into(_bound(Graph()), ontology_dir() / SHAPES_FILE)


def _parse_into(graph: Graph, path: Path) -> Graph:
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise KGError(Errors.E202, path=path, detail="no such file") from exc
    except Exception as exc:  # noqa: BLE001 — rdflib raises several parser exception types
        raise KGError(Errors.E202, path=path, detail=f"{type(exc).__name__}: {exc}") from exc
    return graph


def _bound(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _copy(graph: Graph) -> Graph:
    copy = _bound(Graph())
    for prefix, namespace in graph.namespaces():  # keep the files' own prefixes (sem:, org:, …)
        copy.bind(prefix, namespace, override=False)
    copy += graph
    return copy


# -- lookups -----------------------------------------------------------------------------------


def _scheme_iri(scheme: str | URIRef) -> URIRef:
    if isinstance(scheme, URIRef):
        return scheme
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; known: {', '.join(SCHEMES)}")
    return SCHEMES[scheme]


def _members(scheme: URIRef) -> list[URIRef]:
    return sorted(c for c in _ontology().subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef))


def _key(concept: Node) -> str:
    """A concept's key: its skos:notation, else the last segment of its IRI."""
    notation = _ontology().value(concept, SKOS.notation)
    return str(notation) if notation is not None else str(concept).rstrip("/").rsplit("/", 1)[-1]


def _literal_per_concept(scheme: URIRef, prop: URIRef) -> dict[str, Literal]:
    graph = _ontology()
    return {_key(c): value for c in _members(scheme)
            if isinstance(value := graph.value(c, prop), Literal)}


def _one_key_per_concept(scheme: URIRef, prop: URIRef) -> dict[str, str]:
    graph = _ontology()
    found: dict[str, str] = {}
    for concept in _members(scheme):
        values = sorted(_key(v) for v in graph.objects(concept, prop))
        if values:
            found[_key(concept)] = values[0]
    return found


# -- validation report -------------------------------------------------------------------------


def _results(report: Graph) -> list[dict[str, str]]:
    def text(node: Node | None) -> str:
        return "" if node is None else str(node)

    def local(node: Node | None) -> str:
        return text(node).rsplit("#", 1)[-1]

    results = []
    for result in set(report.objects(None, SH.result)):
        results.append({
            "focus": text(report.value(result, SH.focusNode)),
            "path": text(report.value(result, SH.resultPath)),
            "value": text(report.value(result, SH.value)),
            "message": " ".join(sorted(str(m) for m in report.objects(result, SH.resultMessage))),
            "severity": local(report.value(result, SH.resultSeverity)),
            "constraint": local(report.value(result, SH.sourceConstraintComponent)),
        })
    return sorted(results, key=lambda r: tuple(r.values()))
