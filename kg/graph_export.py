"""Export the interaction network for other tools: GraphML, GEXF (Gephi), a CSV edge list, JSON-LD.

=========  ==================================================================================
format     what is written
=========  ==================================================================================
graphml    the interaction graph (:func:`~kg.analytics.projections.interaction_graph`), for
           networkx, igraph, yEd, Cytoscape
gexf       the same for Gephi (the node's ``label`` attribute is its label in ``lang``)
csv        one row per directed edge: source, target, weight, categories, source_label,
           target_label
jsonld     a subgraph of the RDF itself — one article, one actor's events, or everything but the
           ontology — CONSTRUCTed with SPARQL and written by rdflib with a compact ``@context``
           of the project's prefixes (:data:`kg.rdf.namespaces.PREFIXES`)
=========  ==================================================================================

The graph writers of networkx accept only plain values: node ids and attributes that are rdflib
terms, dates, lists or dicts break them (networkx issue #3663). :func:`plain_graph` therefore
makes a copy with string ids and scalar attributes: lists become space-separated text, a
category count ``{"AGREE": 1, "CONSULT": 2}`` becomes ``"AGREE:1;CONSULT:2"``, dates ISO text;
numbers stay numbers so that Gephi can size and filter by them. With ``measures=True`` nodes
also get ``pagerank``, ``events`` (weighted degree) and ``community`` (Louvain, seed 42).

Example
-------
>>> import tempfile, pathlib
>>> import networkx as nx
>>> from kg.analytics.projections import EventRecord, build_interaction_graph
>>> graph = build_interaction_graph([EventRecord("e1", "CONSULT", None, ("IRN",), ("TKM",))], {})
>>> out = write_graph(graph, pathlib.Path(tempfile.mkdtemp()) / "net.graphml", "graphml")
>>> back = nx.read_graphml(out)
>>> back["IRN"]["TKM"]["weight"], back["IRN"]["TKM"]["categories"]
(1, 'CONSULT:1')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import IO, Any

import networkx as nx
from rdflib import Graph, URIRef

from kg.analytics.measures import community_sets, label, pagerank, weighted_degree
from kg.analytics.projections import interaction_graph
from kg.errors import Errors, KGError, QueryError
from kg.rdf.namespaces import (
    ACTORS_GRAPH, META_GRAPH, ONTOLOGY_GRAPH, PREFIXES, RDF, actor_iri,
)

__all__ = ["GRAPH_FORMATS", "EXPORT_FORMATS", "plain_graph", "write_graph", "jsonld_context",
           "jsonld_graph", "write_jsonld", "export_graph"]

#: Formats of :func:`write_graph` (the interaction graph).
GRAPH_FORMATS = ("graphml", "gexf", "csv")
#: Formats of :func:`export_graph` (``kg export --format``).
EXPORT_FORMATS = (*GRAPH_FORMATS, "jsonld")

_CSV_FIELDS = ("source", "target", "weight", "categories", "source_label", "target_label")
_PROLOG = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in {**PREFIXES, "rdf": RDF}.items())


# -- the interaction graph as GraphML, GEXF, CSV -------------------------------------------------

def _plain(value: Any) -> str | int | float | bool | None:
    """A value GraphML and GEXF can hold (None: leave the attribute out)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return str(value)  # an rdflib Literal or URIRef is a str subclass: plain text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return ";".join(f"{k}:{v}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return " ".join(str(v) for v in (sorted(value) if isinstance(value, (set, frozenset)) else value))
    return str(value)  # an rdflib term, a Path, …: its text


def _attributes(data: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k): v for k, v in ((k, _plain(v)) for k, v in data.items()) if v is not None}


def plain_graph(graph: nx.Graph, *, lang: str = "en", measures: bool = False) -> nx.Graph:
    """A copy of ``graph`` that networkx's GraphML and GEXF writers accept.

    Node ids become strings; attributes become str, int, float or bool (see the module
    docstring); each node gets ``label`` (its label in ``lang``). Graph attributes that are not
    scalars (``event_categories``) are left out.

    Parameters
    ----------
    graph: an interaction graph (or any networkx graph).
    lang: the language of the ``label`` attribute (``en`` or ``fa``).
    measures: also add ``pagerank``, ``events`` and ``community`` to the nodes.
    """
    out = graph.__class__()
    out.graph.update({k: v for k, v in _attributes(graph.graph).items() if isinstance(graph.graph[k], (str, int, float, bool))})
    extra: dict[str, dict[str, Any]] = {str(n): {} for n in graph}
    if measures and graph.number_of_nodes():
        ranks = {row["node"]: row["pagerank"] for row in pagerank(graph)}
        degree = {row["node"]: row["events"] for row in weighted_degree(graph)}
        for number, members in enumerate(community_sets(graph), start=1):
            for node in members:
                extra[str(node)] = {"pagerank": ranks[node], "events": degree[node], "community": number}
    for node, data in graph.nodes(data=True):
        out.add_node(str(node), **_attributes(data), label=label(data, str(node), lang), **extra[str(node)])
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(keys=True, data=True):
            out.add_edge(str(u), str(v), key=str(key), **_attributes(data))
    else:
        for u, v, data in graph.edges(data=True):
            out.add_edge(str(u), str(v), **_attributes(data))
    return out


def _open_text(out: Path | str | IO) -> tuple[IO[str], bool]:
    if isinstance(out, (str, Path)):
        return Path(out).open("w", encoding="utf-8", newline=""), True
    if isinstance(out, io.TextIOBase):
        return out, False
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True), False


def _write_csv(graph: nx.Graph, out: Path | str | IO, lang: str) -> None:
    handle, close = _open_text(out)
    try:
        writer = csv.DictWriter(handle, fieldnames=_CSV_FIELDS)
        writer.writeheader()
        edges = graph.edges(data=True)
        for u, v, data in sorted(edges, key=lambda e: (str(e[0]), str(e[1]))):
            categories = data.get("categories") or ({data["category"]: 1} if "category" in data else {})
            writer.writerow({"source": u, "target": v, "weight": data.get("weight", 1),
                             "categories": _plain(categories) or "",
                             "source_label": label(graph.nodes[u], str(u), lang),
                             "target_label": label(graph.nodes[v], str(v), lang)})
    finally:
        if close:
            handle.close()
        elif isinstance(handle, io.TextIOWrapper) and not isinstance(out, io.TextIOBase):
            handle.detach()  # leave the caller's binary stream open


def _check_format(fmt: str, known: tuple[str, ...]) -> None:
    if fmt not in known:
        raise KGError(Errors.E501, fmt=fmt, known=", ".join(known))


def write_graph(graph: nx.Graph, out: Path | str | IO, fmt: str, *, lang: str = "en",
                measures: bool = True) -> Path | None:
    """Write ``graph`` as ``graphml``, ``gexf`` or ``csv`` to a path or an open file.

    Parameters
    ----------
    graph: an interaction graph (:func:`~kg.analytics.projections.interaction_graph`).
    out: a path (its folder is created), or a binary file (GraphML, GEXF, CSV) or text file (CSV).
    fmt: one of :data:`GRAPH_FORMATS`.
    lang: the language of node labels (``label`` in GraphML and GEXF; the CSV's label columns).
    measures: add ``pagerank``, ``events`` and ``community`` to the nodes (GraphML, GEXF).

    Returns the path written (None for a file object). Raises ``KG501`` for an unknown format,
    ``KG502`` when the file cannot be written.
    """
    _check_format(fmt, GRAPH_FORMATS)
    path = Path(out) if isinstance(out, (str, Path)) else None
    try:
        if path is not None and path.parent != Path(""):
            path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "csv":
            _write_csv(graph, out, lang)
        elif fmt == "graphml":
            nx.write_graphml(plain_graph(graph, lang=lang, measures=measures), out, encoding="utf-8")
        else:
            nx.write_gexf(plain_graph(graph, lang=lang, measures=measures), out, encoding="utf-8")
    except OSError as exc:
        raise KGError(Errors.E502, path=path or out, detail=str(exc)) from exc
    return path


# -- JSON-LD of a subgraph ------------------------------------------------------------------------

def jsonld_context() -> dict[str, str]:
    """The compact ``@context``: the project's prefixes (``rr``, ``plover``, ``schema``, …)."""
    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def _one_iri(store, query: str, param: str, value: str, kind: str) -> URIRef:
    rows = store.query(_PROLOG + query).rows
    if not rows:
        raise QueryError(Errors.E403, name="export", param=param, value=value, kind=kind)
    return URIRef(str(min(str(row[0]) for row in rows)))


def _article_graph(store, article: str) -> URIRef:
    """The named graph of an article given by its ``rr:articleId``, content key or IRI."""
    from rdflib import Literal

    text = Literal(article).n3()
    iri = URIRef(article).n3() if "://" in article else "<urn:none>"
    return _one_iri(store, f"""SELECT ?g WHERE {{
        {{ GRAPH ?g {{ ?a a rr:Article ; rr:articleId ?id }} FILTER(STR(?id) = {text}) }}
        UNION {{ GRAPH ?g {{ ?a a rr:Article ; rr:contentKey ?id }} FILTER(STR(?id) = {text}) }}
        UNION {{ VALUES ?a {{ {iri} }} GRAPH ?g {{ ?a a rr:Article }} }} }}""",
                    "article", article, "article id, content key or IRI of the store")


def _article_query(graph: URIRef) -> str:
    return f"""CONSTRUCT {{ ?s ?p ?o . ?x ?xp ?xo }} WHERE {{
  {{ GRAPH {graph.n3()} {{ ?s ?p ?o }} }}
  UNION
  {{ GRAPH {graph.n3()} {{ ?a rr:mentions ?x }}
     GRAPH {ACTORS_GRAPH.n3()} {{ ?x ?xp ?xo .
       FILTER(?xp IN (rdf:type, rdfs:label, rr:iso3, rr:acronym, rr:country, rr:memberOf, rr:wikidata)) }} }}
}}"""


def _actor_query(store, actor: str) -> str:
    node = URIRef(actor) if "://" in actor else actor_iri(actor)
    _one_iri(store, f"SELECT ?x WHERE {{ GRAPH ?g {{ {node.n3()} ?p ?x }} }} LIMIT 1", "actor", actor,
             "actor key or IRI of the store")
    # The actor's events: those it takes part in, and those of the persons who act for it.
    return f"""CONSTRUCT {{ {node.n3()} ?ap ?ao . ?event ?p ?o . ?who ?wp ?wo }} WHERE {{
  {{ GRAPH ?h {{ {node.n3()} ?ap ?ao }} }}
  UNION
  {{ {{ GRAPH ?g {{ ?event rr:participant {node.n3()} }} }}
     UNION {{ GRAPH ?k {{ ?person rr:country|rr:memberOf {node.n3()} }} GRAPH ?g {{ ?event rr:participant ?person }} }}
     GRAPH ?g {{ ?event a rr:Event ; ?p ?o }} }}
  UNION
  {{ {{ GRAPH ?g {{ ?event rr:participant {node.n3()} }} }}
     UNION {{ GRAPH ?k {{ ?person rr:country|rr:memberOf {node.n3()} }} GRAPH ?g {{ ?event rr:participant ?person }} }}
     GRAPH ?g {{ ?event a rr:Event ; rr:participant ?who }}
     GRAPH ?w {{ ?who ?wp ?wo . FILTER(?wp IN (rdf:type, rdfs:label)) }} }}
}}"""


def _everything_query() -> str:
    return f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({ONTOLOGY_GRAPH.n3()}, {META_GRAPH.n3()}))
}}"""


def jsonld_graph(store, *, article: str | None = None, actor: str | None = None) -> Graph:
    """The subgraph :func:`write_jsonld` writes, as an rdflib :class:`~rdflib.Graph`.

    - ``article`` (its ``rr:articleId``, content key or IRI): every triple of the article's
      graph, and the type, labels and codes of the actors it mentions;
    - ``actor`` (a key such as ``IRN`` or ``person:masoud-pezeshkian``, or an IRI): what the
      store says about the actor, every triple of the events it or a person acting for it takes
      part in, and the type and labels of those events' participants;
    - neither: every article graph and the actors graph (not the ontology, not the metadata).

    Raises ``KG403`` when both are given or when the store does not hold the one asked for.
    """
    if article is not None and actor is not None:
        raise QueryError(Errors.E403, name="export", param="actor", value=actor,
                         kind="option here: give article or actor, not both")
    if article is not None:
        query = _article_query(_article_graph(store, article))
    elif actor is not None:
        query = _actor_query(store, actor)
    else:
        query = _everything_query()
    graph = Graph()
    found = store.query(_PROLOG + query).graph
    if found is not None:
        for triple in found:
            graph.add(triple)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def write_jsonld(store, out: Path | str | IO, *, article: str | None = None,
                 actor: str | None = None) -> int:
    """Write a subgraph of the store (see :func:`jsonld_graph`) as JSON-LD; return its triples.

    The document is compacted with :func:`jsonld_context` (``"rr:category": {"@id":
    "plover:CONSULT"}``); rdflib reads it back to the same triples.

    >>> write_jsonld(store, "iran.jsonld", actor="IRN")      # doctest: +SKIP
    412
    """
    graph = jsonld_graph(store, article=article, actor=actor)
    text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    path = Path(out) if isinstance(out, (str, Path)) else None
    try:
        if path is not None:
            if path.parent != Path(""):
                path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text + "\n", encoding="utf-8")
        elif isinstance(out, io.TextIOBase):
            out.write(text + "\n")
        else:
            out.write((text + "\n").encode("utf-8"))
    except OSError as exc:
        raise KGError(Errors.E502, path=path or out, detail=str(exc)) from exc
    return len(graph)


# -- what the CLI calls ---------------------------------------------------------------------------

def export_graph(store, out: Path | str | IO, fmt: str, *, lang: str = "en", measures: bool = True,
                 article: str | None = None, actor: str | None = None,
                 **projection_options: Any) -> int:
    """``kg export --format graphml|gexf|csv|jsonld``: write the store's network or RDF subgraph.

    Parameters
    ----------
    store: a :class:`~kg.store.Store`.
    out: a path, or an open binary file (standard output).
    fmt: one of :data:`EXPORT_FORMATS`.
    lang: the language of node labels (graph formats).
    measures: add centrality and community to the nodes (GraphML, GEXF).
    article, actor: for ``jsonld``, which subgraph (see :func:`jsonld_graph`).
    projection_options: for the graph formats, the options of
        :func:`~kg.analytics.projections.interaction_graph`: ``level``, ``categories``,
        ``quad_classes``, ``since``, ``until``, ``topics``, ``multi``.

    Returns the number of edges (graph formats) or triples (``jsonld``) written.
    Raises ``KG501`` for an unknown format, ``KG403`` for a bad option, ``KG502`` when it
    cannot write.
    """
    _check_format(fmt, EXPORT_FORMATS)
    if fmt == "jsonld":
        if projection_options:
            name = sorted(projection_options)[0]
            raise QueryError(Errors.E403, name="export", param=name, value=projection_options[name],
                             kind="option of the jsonld export (it takes article or actor)")
        return write_jsonld(store, out, article=article, actor=actor)
    if article is not None or actor is not None:
        raise QueryError(Errors.E403, name="export", param="article" if article else "actor",
                         value=article or actor, kind=f"option of the {fmt} export (jsonld only)")
    graph = interaction_graph(store, **{k: v for k, v in projection_options.items() if v is not None})
    write_graph(graph, out, fmt, lang=lang, measures=measures)
    return graph.number_of_edges()
