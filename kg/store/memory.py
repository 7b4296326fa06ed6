"""The in-memory store: an rdflib ``Dataset`` (the baseline backend, for tests and small data).

Everything runs in rdflib, including SPARQL: correct, but its engine slows down sharply on joins
over more than some 10k triples (see ``/work/shared/docs/servers.md``); use the Oxigraph store
for real collections.

Example
-------
>>> from rdflib import URIRef, Literal
>>> store = MemoryStore()
>>> store.write_batch({URIRef("urn:ex:g"): [(URIRef("urn:ex:s"), URIRef("urn:ex:p"), Literal("x"))]})
>>> store.graphs(), store.count_triples()
([rdflib.term.URIRef('urn:ex:g')], 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import Errors, QueryError, StoreError
from kg.rdf.namespaces import PREFIXES
from kg.store.base import QueryResult, Store, Triple, prepare_batch

__all__ = ["MemoryStore"]

_PREFIXES = {prefix: URIRef(str(ns)) for prefix, ns in PREFIXES.items()}
_RDFLIB_FORMATS = {"trig": "trig", "nquads": "nquads"}


class MemoryStore(Store):
    """Named graphs in an rdflib ``Dataset`` held in memory; gone when the process ends.

    ``dataset`` is the rdflib Dataset itself, for code that wants rdflib's API (read it, do not
    write it behind the store's back).
    """

    scheme = "memory"
    local = True

    def __init__(self, url: str = "memory:", *, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        self.dataset = Dataset(default_union=False)
        for prefix, namespace in _PREFIXES.items():
            self.dataset.bind(prefix, namespace)

    @classmethod
    def from_url(cls, url: str, location: str, *, create: bool = True,
                 read_only: bool = False) -> MemoryStore:
        """``memory:`` opens a new, empty store each time."""
        if location.strip("/"):
            raise StoreError(Errors.E301, url=url)
        return cls(url="memory:", read_only=read_only)

    @classmethod
    def scratch_url(cls, folder: Path) -> str:
        return "memory:"

    # -- writing --------------------------------------------------------------------------------
    def write_batch(self, replace: Mapping[URIRef, Iterable[Triple]],
                    add: Mapping[URIRef, Iterable[Triple]] = {}) -> None:  # noqa: B006
        self._check_writable()
        try:
            replace_rows, add_rows = prepare_batch(replace, add)
        except Exception as err:
            raise StoreError(Errors.E304, url=self.url, detail=str(err)) from err
        # rdflib's memory store has no transactions: keep the touched graphs and put them back
        # if anything fails half-way.
        backup = {g: list(self._triples(g)) for g in {*replace_rows, *add_rows}}
        try:
            for graph, triples in replace_rows.items():
                self._set(graph, triples, clear=True)
            for graph, triples in add_rows.items():
                self._set(graph, triples, clear=False)
        except Exception as err:
            for graph, triples in backup.items():
                self._set(graph, triples, clear=True)
            raise StoreError(Errors.E304, url=self.url, detail=str(err)) from err

    def _set(self, graph: URIRef, triples: list[Triple], clear: bool) -> None:
        if clear:
            self.dataset.remove_graph(graph)
        if triples:
            context = self.dataset.graph(graph)
            context.addN((s, p, o, context) for s, p, o in triples)

    def drop_graph(self, graph: URIRef) -> None:
        self._check_writable()
        self.dataset.remove_graph(graph)

    # -- reading --------------------------------------------------------------------------------
    def _view(self, graph: URIRef) -> Graph:
        # A view on one graph that does not register it (``Dataset.graph`` would; rdflib 7.6's
        # ``Dataset.get_graph`` scans every graph and fails on a missing one).
        return Graph(store=self.dataset.store, identifier=graph)

    def _triples(self, graph: URIRef) -> Iterable[Triple]:
        return self._view(graph).triples((None, None, None))

    def graphs(self) -> list[URIRef]:
        return sorted(g.identifier for g in self.dataset.graphs()
                      if g.identifier != DATASET_DEFAULT_GRAPH_ID and isinstance(g.identifier, URIRef)
                      and len(g))

    def has_graph(self, graph: URIRef) -> bool:
        return self.count_triples(graph) > 0

    def graph_value(self, graph: URIRef, subject: Node, predicate: URIRef) -> Node | None:
        objects = self._view(graph).objects(subject, predicate)
        return min(objects, key=lambda term: term.n3(), default=None)

    def count_triples(self, graph: URIRef | None = None) -> int:
        # rdflib's Memory store keeps per-graph triple sets, so len() is exact and O(1); a SPARQL
        # COUNT in rdflib's engine would walk every triple.
        if graph is not None:
            return len(self._view(graph))
        return sum(len(g) for g in self.dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID)

    def query(self, sparql: str) -> QueryResult:
        try:
            result = self.dataset.query(sparql, initNs=_PREFIXES)
            if result.type == "ASK":
                return QueryResult.from_ask(bool(result.askAnswer))
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                return QueryResult.from_graph(result.graph)
            names = [str(v) for v in result.vars]
            return QueryResult(vars=names, rows=[tuple(row) for row in result])
        except Exception as err:  # rdflib raises pyparsing and assorted evaluation errors
            raise QueryError(Errors.E405, name="SPARQL", detail=f"{type(err).__name__}: {err}") from err

    def dump(self, out: BinaryIO, fmt: str) -> None:
        self._check_dump_format(fmt)
        if fmt == "turtle":
            union = Graph()
            for prefix, namespace in _PREFIXES.items():
                union.bind(prefix, namespace)
            for graph in self.graphs():
                union += self.dataset.graph(graph)
            union.serialize(destination=out, format="turtle", encoding="utf-8")
            return
        dataset = Dataset()
        for prefix, namespace in _PREFIXES.items():
            dataset.bind(prefix, namespace)
        for graph in self.graphs():  # named graphs only, as the Oxigraph store writes them
            context = dataset.graph(graph)
            context.addN((s, p, o, context) for s, p, o in self._triples(graph))
        dataset.serialize(destination=out, format=_RDFLIB_FORMATS[fmt], encoding="utf-8")

    def close(self) -> None:
        self.dataset = Dataset()
