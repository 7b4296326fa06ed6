"""Ingest: one named graph per article, idempotent, bad input reported, batches atomic."""

import shutil
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.ingest import ingest
from kg.rdf.namespaces import ACTORS_GRAPH, META_GRAPH, ONTOLOGY_GRAPH
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BAD = ROOT / "tests" / "fixtures" / "bad"


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    url = "memory:" if request.param == "memory" else str(tmp_path / "store")
    with open_store(url) as s:
        yield s


def test_ingest_writes_one_graph_per_article_plus_reference_graphs(store):
    report = ingest([EXAMPLES], store)
    assert report.ok and report.articles == report.graphs_written == 10
    graphs = set(store.graphs())
    assert {ONTOLOGY_GRAPH, ACTORS_GRAPH, META_GRAPH} <= graphs
    assert len(graphs) == 10 + 3


def test_ingest_twice_leaves_the_triple_count_unchanged(store):
    ingest([EXAMPLES], store)
    before = store.count_triples()
    ingest([EXAMPLES], store)
    assert store.count_triples() == before


def test_ingest_same_text_under_another_name_is_the_same_graph(store, tmp_path):
    seed = EXAMPLES / "pezeshkian-berdimuhamedov-caspian.fa.txt"
    copy = tmp_path / "copy.txt"
    shutil.copy(seed, copy)
    ingest([seed], store)
    before = (len(store.graphs()), store.count_triples())
    ingest([copy], store)
    assert len(store.graphs()) == before[0]


def test_ingest_reports_bad_files_and_goes_on(store, tmp_path):
    for name in ("empty.txt", "latin1.txt", "binary.txt"):
        shutil.copy(BAD / name, tmp_path / name)
    shutil.copy(EXAMPLES / "pezeshkian-berdimuhamedov-caspian.fa.txt", tmp_path / "good.txt")
    report = ingest([tmp_path], store)
    assert report.graphs_written == 1
    assert len(report.errors) == 3
    assert all(("empty.txt" in e or "latin1.txt" in e or "binary.txt" in e) for e in report.errors)


def test_ingest_failed_batch_changes_nothing(store, monkeypatch):
    ingest([EXAMPLES / "fa-irnews-sample.jsonl"], store)
    before = store.count_triples()

    import kg.ingest as module
    real = module.build_article

    def broken(facts):
        graph = real(facts)
        graph.triples.append(("not a term", None, None))  # a triple no store accepts
        return graph

    monkeypatch.setattr(module, "build_article", broken)
    with pytest.raises(StoreError):
        ingest([EXAMPLES / "pezeshkian-berdimuhamedov-caspian.fa.txt"], store, validate=False)
    assert store.count_triples() == before


def test_ingest_article_that_breaks_the_shapes_is_reported_and_not_written(store, monkeypatch):
    from kg.rdf.namespaces import RR

    import kg.ingest as module
    real = module.build_article

    def without_category(facts):
        graph = real(facts)
        if facts.article.id == "pezeshkian-berdimuhamedov-caspian.fa":
            graph.triples = [t for t in graph.triples if t[1] != RR.category]
        return graph

    monkeypatch.setattr(module, "build_article", without_category)
    report = ingest([EXAMPLES], store)
    assert report.graphs_written == 9
    [error] = report.errors
    assert "KG201" in error and "pezeshkian-berdimuhamedov-caspian.fa" in error and "category" in error


def test_ingest_the_same_text_twice_in_a_batch_is_written_once(store, tmp_path):
    seed = EXAMPLES / "pezeshkian-berdimuhamedov-caspian.fa.txt"
    shutil.copy(seed, tmp_path / "a.txt")
    shutil.copy(seed, tmp_path / "b.txt")
    report = ingest([tmp_path], store)
    assert report.ok and report.graphs_written == 1
    assert report.notes == ["article b: same text as a, kept once"]
