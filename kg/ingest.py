"""Ingest: article files → facts → one named graph per article → a store, batch by batch.

The one function the CLI and the notebooks call. Each batch is written atomically (all its graphs or
none); bad files and records are reported with their location and the rest goes on; ingesting the
same input again replaces each article's graph with the same triples, so nothing changes.

Example
-------
>>> from kg.store import open_store                           # doctest: +SKIP
>>> with open_store("memory:") as store:                      # doctest: +SKIP
...     report = ingest(["examples"], store)
...     report.articles > 0
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from pathlib import Path

from rdflib import Literal, URIRef

from kg import ONTOLOGY_VERSION, __version__
from kg.errors import Errors, KGError, ValidationError
from kg.extract.gazetteer_data import load_gazetteer
from kg.extract.pipeline import extract
from kg.facts import Article, ArticleFacts
from kg.io.readers import read_articles
from kg.rdf.build import ArticleGraph, build_article, reference_triples
from kg.rdf.namespaces import ACTORS_GRAPH, ID, META_GRAPH, ONTOLOGY_GRAPH, RR

__all__ = ["IngestReport", "ingest", "reference_graphs", "extract_all"]


@dataclass
class IngestReport:
    """What an ingest did: counts, and one line per problem (with its file, line or article)."""

    articles: int = 0
    events: int = 0
    graphs_written: int = 0
    triples_written: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def reference_graphs() -> dict:
    """The ontology, actors and metadata graphs that every ingest (re)writes."""
    from kg.rdf.ontology import ontology_graph

    gazetteer = load_gazetteer()
    actors = [*gazetteer.countries.values(), *gazetteer.organizations.values(),
              *gazetteer.groups.values(), *gazetteer.persons.values()]
    store_node = ID["store"]
    meta = [(store_node, RR.ontologyVersion, Literal(ONTOLOGY_VERSION)),
            (store_node, RR.extractorVersion, Literal(__version__))]
    return {ONTOLOGY_GRAPH: list(ontology_graph()), ACTORS_GRAPH: reference_triples(actors), META_GRAPH: meta}


def extract_all(articles: Iterable[Article], report: IngestReport) -> Iterator[ArticleFacts]:
    """Facts of each article; an article whose extraction fails is reported and skipped."""
    for article in articles:
        try:
            yield extract(article)
        except KGError as exc:
            report.errors.append(str(exc))
        except Exception as exc:  # noqa: BLE001 — one bad article must not stop the batch
            report.errors.append(str(KGError(Errors.E103, article=article.location or article.id,
                                             detail=f"{type(exc).__name__}: {exc}")))


def ingest(paths: Iterable[Path | str], store, *, lang: str | None = None, day: date | None = None,
           batch_size: int = 0, progress: Callable[[int], None] | None = None,
           validate: bool = True) -> IngestReport:
    """Read, extract and write every article under ``paths`` into ``store``.

    Parameters
    ----------
    paths: files or folders (``.txt``, ``.jsonl``, ``.html``).
    store: an open :class:`kg.store.Store`.
    lang, day: language and publication date of plain-text/HTML files (JSONL records carry theirs).
    batch_size: articles per atomic write; 0 writes everything in one batch.
    progress: called with the number of records read so far (for a progress bar).
    validate: check each batch against the SHACL shapes; an article whose graph violates them is
        reported (KG201, with the failing fact) and not written.

    Returns
    -------
    An :class:`IngestReport`; problems are listed in ``errors``, never raised for one bad input.
    """
    report = IngestReport()
    articles = _articles(read_articles(paths, lang=lang, day=day), report, progress)
    facts = extract_all(articles, report)
    reference = reference_graphs()
    first = True
    while True:
        chunk = list(islice(facts, batch_size or None))
        if not chunk and not first:
            break
        graphs = _distinct([build_article(f) for f in chunk], report)
        written = {(g.article_id, g.key) for g in graphs}
        chunk = [f for f in chunk if (f.article.id, f.key) in written]
        if validate and graphs:
            rejected = invalid_articles(graphs, reference[ACTORS_GRAPH])
            report.errors.extend(rejected.values())
            kept = [i for i, g in enumerate(graphs) if g.iri not in rejected]
            graphs, chunk = [graphs[i] for i in kept], [chunk[i] for i in kept]
        replace = {g.iri: g.triples for g in graphs}
        if first:
            replace.update(reference)
        store.write_batch(replace)
        report.graphs_written += len(graphs)
        report.triples_written += sum(len(g.triples) for g in graphs)
        report.events += sum(len(f.events) for f in chunk)
        first = False
        if not batch_size or not chunk:
            break
    return report


def _distinct(graphs: list[ArticleGraph], report: IngestReport) -> list[ArticleGraph]:
    """One graph per text: a record whose text repeats an earlier one of the batch (the same
    article under another id) is noted and not written twice."""
    seen: dict[str, str] = {}
    kept = []
    for graph in graphs:
        if graph.key in seen:
            report.notes.append(f"article {graph.article_id}: same text as {seen[graph.key]}, kept once")
            continue
        seen[graph.key] = graph.article_id
        kept.append(graph)
    return kept


def invalid_articles(graphs: list[ArticleGraph], actors: list) -> dict:
    """Article graphs of a batch that violate the SHACL shapes → a KG201 message each.

    One pySHACL call for the whole batch (a call costs ~20 ms whatever its size); each violation
    is traced back to the article graph whose triples have its focus node as subject.
    """
    from kg.rdf.ontology import validate

    conforms, _, results = validate(chain(actors, *(g.triples for g in graphs)))
    if conforms:
        return {}
    owner = {s: g for g in graphs for s, _, _ in g.triples}
    problems: dict = {}
    for result in results:
        graph = owner.get(URIRef(result["focus"])) if result["severity"] == "Violation" else None
        if graph is not None and graph.iri not in problems:
            fact = f"{result['focus']} {result['path']} {result['value']}".strip()
            problems[graph.iri] = str(ValidationError(Errors.E201, article=graph.article_id,
                                                      detail=f"{result['message']} ({fact})"))
    return problems


def _articles(items: Iterable, report: IngestReport,
              progress: Callable[[int], None] | None) -> Iterator[Article]:
    for count, item in enumerate(items, start=1):
        if progress:
            progress(count)
        if isinstance(item, KGError):
            report.errors.append(str(item))
            continue
        report.articles += 1
        yield item


def graphs_of(facts: Iterable[ArticleFacts]) -> list[ArticleGraph]:
    """Article graphs of already extracted facts (for notebooks and tests)."""
    return [build_article(f) for f in facts]
