"""kg validate: a store built from an example conforms; one fact removed on purpose fails, named."""

from pathlib import Path

import pytest
from rdflib import URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.namespaces import PROV, RR
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "pezeshkian-berdimuhamedov-caspian.fa.txt"
runner = CliRunner()


@pytest.fixture
def store(tmp_path) -> str:
    path = str(tmp_path / "store")
    result = runner.invoke(app, ["ingest", str(ARTICLE), "--store", path])
    assert result.exit_code == 0, result.output
    return path


def _drop_source_of_one_event(path: str) -> URIRef:
    """Remove ``prov:wasDerivedFrom`` of one event (the shapes want exactly one); return the event."""
    with open_store(path) as kg_store:
        graph, event = kg_store.query(
            f"SELECT ?g ?e WHERE {{ GRAPH ?g {{ ?e a <{RR.Event}> }} }} ORDER BY ?e LIMIT 1").rows[0]
        triples = list(kg_store.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").graph)
        kept = [t for t in triples if not (t[0] == event and t[1] == PROV.wasDerivedFrom)]
        assert len(kept) == len(triples) - 1
        kg_store.write_batch({graph: kept})
    return event


def test_cli_validate_passes_a_store_built_by_ingest(store):
    result = runner.invoke(app, ["validate", "--store", store])
    assert result.exit_code == 0, result.output
    assert "all conform to the shapes" in result.output


def test_cli_validate_names_the_article_and_the_failing_fact(store):
    event = _drop_source_of_one_event(store)
    result = runner.invoke(app, ["validate", "--store", store])
    assert result.exit_code == 1
    short = "id:" + str(event).rsplit("/id/", 1)[1]
    line = next(line for line in result.output.splitlines() if "KG201" in line)
    assert "pezeshkian-berdimuhamedov-caspian.fa" in line             # the article
    assert f"{short} prov:wasDerivedFrom (none)" in line                # the failing fact
    assert "1 graph(s) do not conform" in result.output


def test_cli_validate_a_missing_store_is_a_numbered_error(tmp_path):
    result = runner.invoke(app, ["validate", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "[KG3" in result.output
    assert not (tmp_path / "nowhere").exists()
