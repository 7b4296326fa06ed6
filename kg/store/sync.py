"""Copy named graphs between stores: push a local store to a SPARQL server, pull one back.

A graph is copied whole, with replace semantics (``write_batch``), so copying is idempotent: an
interrupted push is finished by running it again. With ``resume`` (the default) graphs that the
destination already holds unchanged are skipped: same triple count, and (``verify="hash"``) the
same content digest, computed on both sides from the triples read back. ``verify="count"``
trusts equal counts and reads nothing, for a quick resume of a big push.

The digest is SHA-256 of the graph's sorted N-Triples lines with every blank node written as
``_:b``: it does not depend on blank node labels (which differ between stores), at the price of
not seeing a change in how blank nodes connect. A server that rewrites literals (Virtuoso
writes ``"0.90"^^xsd:decimal`` back as ``"0.9"``) makes such graphs look changed: they are copied
again, which is slow but never wrong.

Example
-------
>>> from kg.store import open_store
>>> from rdflib import URIRef, Literal
>>> src, dst = open_store("memory:"), open_store("memory:")
>>> src.write_batch({URIRef("urn:ex:g"): [(URIRef("urn:ex:s"), URIRef("urn:ex:p"), Literal(1))]})
>>> push(src, dst).copied, push(src, dst).skipped
([rdflib.term.URIRef('urn:ex:g')], [rdflib.term.URIRef('urn:ex:g')])
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from rdflib import BNode, URIRef

from kg.errors import Errors, StoreError
from kg.store.base import Store, Triple
from kg.store.oxigraph import to_ox

__all__ = ["SyncReport", "push", "pull", "graph_counts", "read_graphs", "graph_digest", "batches"]

Progress = Callable[[int, int], None]


@dataclass
class SyncReport:
    """What a push or pull did: graphs copied, skipped (already there), dropped (``prune``)."""

    copied: list[URIRef] = field(default_factory=list)
    skipped: list[URIRef] = field(default_factory=list)
    dropped: list[URIRef] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        rate = f", {self.triples / self.seconds:,.0f} triples/s" if self.seconds and self.triples else ""
        return (f"{len(self.copied)} graphs copied ({self.triples:,} triples), {len(self.skipped)} "
                f"skipped, {len(self.dropped)} dropped in {self.seconds:.1f} s{rate}")


def graph_counts(store: Store) -> dict[URIRef, int]:
    """Triples per named graph of ``store`` (one query on a server, exact counts locally)."""
    counts = getattr(store, "graph_counts", None)
    if callable(counts):
        return counts()
    return {graph: store.count_triples(graph) for graph in store.graphs()}


def read_graphs(store: Store, graphs: Iterable[URIRef],
                counts: Mapping[URIRef, int] | None = None) -> Iterator[tuple[URIRef, list[Triple]]]:
    """``(graph, triples)`` for each graph: several graphs per request on a server, else a
    CONSTRUCT per graph in the store's own engine."""
    reader = getattr(store, "read_graphs", None)
    if callable(reader):
        yield from reader(graphs, counts)
        return
    for graph in graphs:
        answer = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        yield graph, list(answer.graph) if answer.graph is not None else []


def graph_digest(triples: Iterable[Triple]) -> str:
    """SHA-256 of the sorted N-Triples lines, blank nodes all written ``_:b`` (see module doc)."""
    lines = sorted(" ".join("_:b" if isinstance(term, BNode) else str(to_ox(term)) for term in triple)
                   for triple in triples)
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def push(src: Store, dst: Store, *, resume: bool = True, verify: str = "hash",
         graphs: Iterable[URIRef] | None = None, batch_triples: int = 50_000, prune: bool = False,
         progress: Progress | None = None) -> SyncReport:
    """Copy the named graphs of ``src`` into ``dst``, each replacing the graph of that name.

    Parameters
    ----------
    src, dst: the stores (any backends).
    resume: skip graphs ``dst`` already holds unchanged (see ``verify``).
    verify: ``"hash"`` (same count and same digest) or ``"count"`` (same count).
    graphs: copy only these graphs (all of ``src``'s by default).
    batch_triples: graphs are written in batches of about this many triples; each batch is one
        ``write_batch`` (atomic where ``dst`` is, see ``docs/stores.md``).
    prune: also drop the graphs of ``dst`` that ``src`` does not have (a mirror).
    progress: called as ``progress(graphs_done, graphs_to_copy)`` after each batch.

    Returns
    -------
    SyncReport

    Example
    -------
    ``push(open_store("data/kg", read_only=True), open_store("http://127.0.0.1:7878?flavour=oxigraph"))``
    """
    if verify not in ("hash", "count"):
        raise StoreError(Errors.E302, url=dst.url, detail=f"verify must be 'hash' or 'count', not {verify!r}")
    start = time.perf_counter()
    report = SyncReport()
    src_counts = graph_counts(src)
    if graphs is not None:
        wanted = set(graphs)
        src_counts = {g: n for g, n in src_counts.items() if g in wanted}
    dst_counts = graph_counts(dst) if resume or prune else {}
    todo = _changed(src, dst, src_counts, dst_counts, verify) if resume else sorted(src_counts)
    report.skipped = sorted(set(src_counts) - set(todo))
    done = 0
    for batch in batches(read_graphs(src, todo, src_counts), batch_triples):
        dst.write_batch(batch)
        report.copied.extend(batch)
        report.triples += sum(map(len, batch.values()))
        done += len(batch)
        if progress is not None:
            progress(done, len(todo))
    if prune:
        for graph in sorted(set(dst_counts) - set(src_counts)):
            dst.drop_graph(graph)
            report.dropped.append(graph)
    report.seconds = time.perf_counter() - start
    return report


def pull(src: Store, dst: Store, **options) -> SyncReport:
    """Copy a server's graphs (``src``) into a local store (``dst``): :func:`push` the other way.

    ``pull(open_store("http://127.0.0.1:8890/sparql?flavour=virtuoso"), open_store("data/kg"))``
    """
    return push(src, dst, **options)


def _changed(src: Store, dst: Store, src_counts: Mapping[URIRef, int], dst_counts: Mapping[URIRef, int],
             verify: str) -> list[URIRef]:
    """The graphs of ``src`` that ``dst`` lacks or holds differently, sorted."""
    differ = {g for g, n in src_counts.items() if dst_counts.get(g) != n}
    same = sorted(set(src_counts) - differ)
    if verify == "hash" and same:
        src_digest = {g: graph_digest(t) for g, t in read_graphs(src, same, src_counts)}
        dst_digest = {g: graph_digest(t) for g, t in read_graphs(dst, same, dst_counts)}
        differ |= {g for g in same if src_digest.get(g) != dst_digest.get(g)}
    return sorted(differ)


def batches(graphs: Iterable[tuple[URIRef, list[Triple]]], size: int) -> Iterator[dict[URIRef, list[Triple]]]:
    """Whole graphs grouped into ``write_batch`` mappings of about ``size`` triples each (a graph is
    never split, so a batch may exceed ``size`` by its last graph).

    >>> [list(b) for b in batches([("g1", [1, 2]), ("g2", [3]), ("g3", [4, 5])], 3)]
    [['g1', 'g2'], ['g3']]
    """
    batch: dict[URIRef, list[Triple]] = {}
    count = 0
    for graph, triples in graphs:
        batch[graph] = triples
        count += len(triples)
        if count >= size:
            yield batch
            batch, count = {}, 0
    if batch:
        yield batch
