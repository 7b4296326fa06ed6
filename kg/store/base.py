"""The store interface: where the knowledge graph lives, whatever engine holds it.

A :class:`Store` is a set of named graphs (one per article, plus ``id:graph/actors``, the ontology
and store metadata, see ``docs/graph-model.md``) that is written in atomic batches and queried with
SPARQL in the store's *own* engine. Backends register themselves by name, rdflib-plugin style, and
:func:`open_store` picks one from a URL: ``memory:``, ``oxigraph:DIR`` or a plain folder path
(Oxigraph, the default), later ``http(s)://…`` for a remote SPARQL endpoint.

Query answers come back as a :class:`QueryResult` holding rdflib terms, so that callers never see
which engine answered.

Example
-------
>>> from rdflib import URIRef, Literal
>>> g, s, p = URIRef("urn:ex:g"), URIRef("urn:ex:s"), URIRef("urn:ex:p")
>>> with open_store("memory:") as store:
...     store.write_batch({g: [(s, p, Literal(1))]})
...     store.count_triples(g), store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }").to_dicts()
(1, [{'o': 1}])
"""

from __future__ import annotations

import csv
import json
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import Errors, StoreError

__all__ = [
    "Triple", "Store", "QueryResult", "StoreFactory",
    "register_store", "registered_stores", "open_store",
    "is_valid_iri", "check_triple", "prepare_batch", "DUMP_FORMATS",
]

Triple = tuple[Node, Node, Node]

#: Formats :meth:`Store.dump` writes: ``turtle`` is the union of all named graphs.
DUMP_FORMATS = ("trig", "nquads", "turtle")

# The characters an IRIREF may not hold (SPARQL 1.1 / Turtle grammar), plus a required scheme.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*$")


def is_valid_iri(value: str) -> bool:
    """True when ``value`` is an absolute IRI that can be written between ``<`` and ``>``.

    This is the check the SPARQL and Turtle grammars make (a scheme, then no spaces, control
    characters or any of ``<>"{}|^`\\``); it is enough to make an IRI safe to serialise.

    >>> is_valid_iri("https://w3id.org/rrkg/id/actor/IRN"), is_valid_iri("http://a b"), is_valid_iri("IRN")
    (True, False, False)
    """
    return bool(_IRI.match(value))


# rdflib's term classes are ABCs, so isinstance() on them is slow; most terms are of the exact class.
_EXACT = {URIRef: URIRef, BNode: BNode, Literal: Literal}


def _term_class(term: object) -> type | None:
    cls = _EXACT.get(type(term))
    if cls is None:
        cls = next((c for c in (URIRef, BNode, Literal) if isinstance(term, c)), None)
    return cls


def check_triple(triple: object) -> Triple:
    """Return ``triple`` when it is a well-formed RDF triple of rdflib terms, else raise ValueError.

    Every backend runs this first, so that a batch a backend would refuse is refused by all of them.
    """
    if type(triple) is not tuple or len(triple) != 3:
        if not isinstance(triple, tuple) or len(triple) != 3:
            raise ValueError(f"not a triple: {triple!r}")
    s, p, o = triple
    s_class, p_class, o_class = _term_class(s), _term_class(p), _term_class(o)
    if s_class is not URIRef and s_class is not BNode:
        raise ValueError(f"subject must be an IRI or blank node: {s!r}")
    if p_class is not URIRef:
        raise ValueError(f"predicate must be an IRI: {p!r}")
    if o_class is None:
        raise ValueError(f"object must be an IRI, blank node or literal: {o!r}")
    if s_class is URIRef and not _IRI.match(s):
        raise ValueError(f"invalid IRI {str(s)!r}")
    if not _IRI.match(p):
        raise ValueError(f"invalid IRI {str(p)!r}")
    if o_class is URIRef:
        if not _IRI.match(o):
            raise ValueError(f"invalid IRI {str(o)!r}")
    elif o_class is Literal and o.datatype is not None and not _IRI.match(o.datatype):
        raise ValueError(f"invalid datatype IRI {str(o.datatype)!r}")
    return s, p, o


def prepare_batch(replace: Mapping[URIRef, Iterable[Triple]],
                  add: Mapping[URIRef, Iterable[Triple]]) -> tuple[dict[URIRef, list[Triple]],
                                                                    dict[URIRef, list[Triple]]]:
    """Read and check a whole batch before anything is written (the first half of atomicity).

    Iterables are consumed here, so an error raised while producing triples surfaces before the
    store is touched. Blank nodes are relabelled to fresh ones, as when a file is loaded: a blank
    node of a batch never joins with one already in the store (SPARQL ``INSERT DATA`` semantics,
    which every backend then shares).

    Returns ``(replace, add)`` as dicts of lists of checked triples.
    """
    fresh: dict[BNode, BNode] = {}

    def read(mapping: Mapping[URIRef, Iterable[Triple]]) -> dict[URIRef, list[Triple]]:
        out: dict[URIRef, list[Triple]] = {}
        for graph, triples in mapping.items():
            if not isinstance(graph, URIRef) or not is_valid_iri(graph):
                raise ValueError(f"graph name must be an IRI: {graph!r}")
            rows = out.setdefault(graph, [])
            for triple in triples:
                s, p, o = check_triple(triple)
                if _term_class(s) is BNode:
                    s = fresh.setdefault(s, BNode())
                if _term_class(o) is BNode:
                    o = fresh.setdefault(o, BNode())
                rows.append((s, p, o))
        return out

    return read(replace), read(add)


def _python_value(term: Node | None) -> Any:
    """A term as a plain Python value: IRIs as str, literals as int/float/bool/date/str."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, Literal):  # ill-typed or unknown datatype: keep the lexical form
            return str(value)
        return value
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _json_term(term: Node) -> dict[str, str]:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


@dataclass
class QueryResult:
    """The answer to a SPARQL query, as rdflib terms (backend-independent).

    ``kind`` is ``SELECT``, ``ASK`` or ``CONSTRUCT`` (DESCRIBE answers count as CONSTRUCT).
    SELECT: ``vars`` and ``rows`` (tuples aligned with ``vars``, ``None`` for unbound).
    ASK: ``ask``. CONSTRUCT: ``graph``, and also ``rows`` of ``(subject, predicate, object)``
    sorted, so that a CONSTRUCT answer prints and exports as a table too.

    Example
    -------
    >>> r = QueryResult(vars=["n"], rows=[(Literal(3),)])
    >>> len(r), r.to_dicts()
    (1, [{'n': 3}])
    """

    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    ask: bool | None = None
    graph: Graph | None = None
    kind: str = "SELECT"

    @classmethod
    def from_graph(cls, graph: Graph) -> QueryResult:
        """A CONSTRUCT answer: the graph, and its triples as sorted rows."""
        rows = sorted(graph, key=lambda t: tuple(x.n3() for x in t))
        return cls(vars=["subject", "predicate", "object"], rows=rows, graph=graph, kind="CONSTRUCT")

    @classmethod
    def from_ask(cls, answer: bool) -> QueryResult:
        return cls(ask=bool(answer), kind="ASK")

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Node | None, ...]]:
        return iter(self.rows)

    def __bool__(self) -> bool:
        return bool(self.ask) if self.kind == "ASK" else bool(self.rows)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values (str for IRIs; int, float, date, str for literals)."""
        return [{name: _python_value(term) for name, term in zip(self.vars, row)} for row in self.rows]

    def to_csv(self, out: TextIO) -> None:
        """Write the SPARQL 1.1 CSV results format (IRIs and literals as their plain text).

        Open ``out`` with ``newline=''``; an ASK answer is written as one column ``boolean``.
        """
        writer = csv.writer(out)
        if self.kind == "ASK":
            writer.writerows([["boolean"], ["true" if self.ask else "false"]])
            return
        writer.writerow(self.vars)
        for row in self.rows:
            writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t))
                             for t in row])

    def to_json(self, out: TextIO) -> None:
        """Write the SPARQL 1.1 Query Results JSON format (``head``/``results`` or ``boolean``)."""
        if self.kind == "ASK":
            doc: dict[str, Any] = {"head": {}, "boolean": bool(self.ask)}
        else:
            bindings = [{name: _json_term(t) for name, t in zip(self.vars, row) if t is not None}
                        for row in self.rows]
            doc = {"head": {"vars": list(self.vars)}, "results": {"bindings": bindings}}
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")


class Store(ABC):
    """A set of named graphs written in atomic batches and queried in the store's own engine.

    Subclasses set ``scheme`` (the URL scheme they register under) and ``local`` (True when the
    data lives in this process or on this machine's disk, so tests may create scratch stores).
    """

    scheme: str = ""
    local: bool = True
    url: str
    read_only: bool = False

    # -- writing --------------------------------------------------------------------------------
    @abstractmethod
    def write_batch(self, replace: Mapping[URIRef, Iterable[Triple]],
                    add: Mapping[URIRef, Iterable[Triple]] = {}) -> None:  # noqa: B006 (read only)
        """Write one batch, all of it or nothing.

        Every graph in ``replace`` is cleared and set to the given triples; the triples of ``add``
        are added to their graphs (which keep what they held). On any error nothing has changed
        and :class:`~kg.errors.StoreError` ``KG304`` is raised.

        Parameters
        ----------
        replace: graph IRI → triples that will be its whole content (an empty iterable drops it).
        add: graph IRI → triples to add to it.

        Example
        -------
        >>> from rdflib import URIRef, Literal
        >>> g, s, p = URIRef("urn:ex:g"), URIRef("urn:ex:s"), URIRef("urn:ex:p")
        >>> with open_store("memory:") as store:
        ...     store.write_batch({g: [(s, p, Literal(1))]})
        ...     store.write_batch({g: [(s, p, Literal(2))]})     # replaces
        ...     store.write_batch({}, add={g: [(s, p, Literal(3))]})
        ...     sorted(row["o"] for row in store.query("SELECT ?o { GRAPH ?g { ?s ?p ?o } }").to_dicts())
        [2, 3]
        """

    @abstractmethod
    def drop_graph(self, graph: URIRef) -> None:
        """Remove a named graph and its triples (no error when it does not exist)."""

    # -- reading --------------------------------------------------------------------------------
    @abstractmethod
    def graphs(self) -> list[URIRef]:
        """The named graphs holding at least one triple, sorted."""

    @abstractmethod
    def has_graph(self, graph: URIRef) -> bool:
        """True when named graph ``graph`` holds at least one triple."""

    @abstractmethod
    def graph_value(self, graph: URIRef, subject: Node, predicate: URIRef) -> Node | None:
        """One object of ``subject predicate ?o`` in ``graph`` (the smallest, for determinism)."""

    @abstractmethod
    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL 1.1 SELECT, ASK or CONSTRUCT query in the store's own engine.

        Raises :class:`~kg.errors.QueryError` ``KG405`` when the engine refuses the query.
        """

    @abstractmethod
    def count_triples(self, graph: URIRef | None = None) -> int:
        """Triples in ``graph``, or in all named graphs (a triple in two graphs counts twice)."""

    @abstractmethod
    def dump(self, out: BinaryIO, fmt: str) -> None:
        """Write the named graphs to a binary stream: ``trig``, ``nquads`` or ``turtle`` (union)."""

    # -- life cycle -----------------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None:
        """Release the store (its files and locks); the object is unusable afterwards."""

    @classmethod
    def from_url(cls, url: str, location: str, *, create: bool = True, read_only: bool = False) -> Store:
        """Open the store ``url`` names; ``location`` is what follows the scheme (see open_store)."""
        raise NotImplementedError(f"{cls.__name__} cannot be opened from a URL")

    @classmethod
    def scratch_url(cls, folder: Path) -> str:
        """A URL for a new, empty store of this kind inside ``folder`` (for tests and benchmarks)."""
        return f"{cls.scheme}:{folder / cls.scheme}"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read-only" if self.read_only else ""
        return f"<{type(self).__name__} {self.url}{mode}>"

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(Errors.E302, url=self.url, detail="opened read-only, cannot write")

    def _check_dump_format(self, fmt: str) -> None:
        if fmt not in DUMP_FORMATS:
            raise StoreError(Errors.E302, url=self.url,
                             detail=f"unknown dump format {fmt!r}; known: {', '.join(DUMP_FORMATS)}")


# ---------------------------------------------------------------------------------------------
# Registry: backends register a factory under a name that is also their URL scheme.

StoreFactory = type[Store] | Callable[..., Store]
_REGISTRY: dict[str, StoreFactory] = {}
_DEFAULT = "oxigraph"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]+):(.*)$", re.S)


def register_store(name: str, factory: StoreFactory) -> None:
    """Make ``name:`` URLs open with ``factory``.

    ``factory`` is a :class:`Store` subclass (its :meth:`Store.from_url` opens the store; its
    ``local`` and :meth:`Store.scratch_url` let tests run on every local backend) or any callable
    ``factory(url, location, create=…, read_only=…)``. ``location`` is the part after ``name:``
    (for http(s) the whole URL). A later registration under the same name replaces the earlier
    one, so a plugin may override a built-in backend.
    """
    _REGISTRY[name.lower()] = factory


def registered_stores() -> dict[str, StoreFactory]:
    """The registered backends by name (a copy)."""
    return dict(_REGISTRY)


def open_store(url_or_path: str | Path, *, create: bool = True, read_only: bool = False) -> Store:
    """Open the store at ``url_or_path``.

    ``memory:`` → an empty in-memory store; ``oxigraph:DIR`` or a folder path → the embedded
    Oxigraph store in DIR (created when ``create``); ``http(s)://…`` → the remote SPARQL backend
    once one is registered. ``read_only`` opens without taking the writer's lock.

    Raises :class:`~kg.errors.StoreError`: ``KG301`` unknown kind, ``KG302`` cannot open,
    ``KG303`` another writer holds the store.

    >>> open_store("memory:")
    <MemoryStore memory:>
    """
    if isinstance(url_or_path, Path):
        return _open(_DEFAULT, str(url_or_path), str(url_or_path), create, read_only)
    text = str(url_or_path).strip()
    match = _SCHEME.match(text)
    if match is None:  # no scheme (or a one-letter drive): a folder path
        return _open(_DEFAULT, text, text, create, read_only)
    scheme, rest = match.group(1).lower(), match.group(2)
    if scheme in ("http", "https"):
        return _open(scheme, text, text, create, read_only)
    return _open(scheme, text, rest, create, read_only)


def _open(name: str, url: str, location: str, create: bool, read_only: bool) -> Store:
    factory = _REGISTRY.get(name)
    if factory is None:
        # E301 names the URL; a remote (http) backend simply is not available yet in this version.
        raise StoreError(Errors.E301, url=url)
    if isinstance(factory, type) and issubclass(factory, Store):
        return factory.from_url(url, location, create=create, read_only=read_only)
    return factory(url, location, create=create, read_only=read_only)
