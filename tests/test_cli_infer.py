"""kg infer: after it, a person's event is also their state's (rr:involves); --drop takes it back."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.reason import INFERRED_GRAPH
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "pezeshkian-berdimuhamedov-caspian.fa.txt"
runner = CliRunner()

PEZESHKIAN_EVENT_INVOLVES_IRAN = """
PREFIX rr: <https://w3id.org/rrkg/ontology#>
ASK {
  GRAPH ?g { ?event a rr:Event ; rr:actor|rr:recipient <https://w3id.org/rrkg/id/person/masoud-pezeshkian> }
  GRAPH ?inferred { ?event rr:involves <https://w3id.org/rrkg/id/actor/IRN> }
}"""


@pytest.fixture
def store(tmp_path) -> str:
    path = str(tmp_path / "store")
    result = runner.invoke(app, ["ingest", str(ARTICLE), "--store", path])
    assert result.exit_code == 0, result.output
    return path


def _ask(path: str, sparql: str) -> bool:
    with open_store(path, read_only=True) as kg_store:
        return bool(kg_store.query(sparql))


def _has_inferred(path: str) -> bool:
    with open_store(path, read_only=True) as kg_store:
        return kg_store.has_graph(INFERRED_GRAPH)


def test_cli_infer_makes_a_persons_event_the_states_and_drop_removes_it(store):
    assert not _ask(store, PEZESHKIAN_EVENT_INVOLVES_IRAN)
    result = runner.invoke(app, ["infer", "--store", store])
    assert result.exit_code == 0, result.output
    assert "triple(s) to id:graph/inferred in" in result.output and " s" in result.output
    assert int(result.output.split("wrote ")[1].split()[0]) > 0
    assert _ask(store, PEZESHKIAN_EVENT_INVOLVES_IRAN) and _has_inferred(store)

    dropped = runner.invoke(app, ["infer", "--drop", "--store", store])
    assert dropped.exit_code == 0 and "dropped id:graph/inferred" in dropped.output
    assert not _ask(store, PEZESHKIAN_EVENT_INVOLVES_IRAN) and not _has_inferred(store)
