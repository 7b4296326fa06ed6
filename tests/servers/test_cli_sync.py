"""kg push / kg pull against a real Oxigraph server: copy, resume, mirror, copy back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.store import open_store
from kg.store.sync import graph_counts, graph_digest, read_graphs

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
EXTRA = URIRef("urn:example:only-on-the-server")


def _digests(url: str) -> dict:
    with open_store(url, read_only=True) as kg_store:
        return {g: graph_digest(t) for g, t in read_graphs(kg_store, sorted(graph_counts(kg_store)))}


def _report(output: str) -> tuple[int, int, int]:
    """(copied, skipped, dropped) from the line kg push/pull prints (kg.store.sync.SyncReport)."""
    match = re.search(r"(\d+) graphs copied .*?(\d+) skipped, (\d+) dropped", output)
    assert match, output
    return tuple(int(n) for n in match.groups())


@pytest.fixture
def server_url(oxigraph_server) -> str:
    """The session's Oxigraph server, emptied (other tests share it)."""
    with oxigraph_server.open_store() as kg_store:
        for graph in kg_store.graphs():
            kg_store.drop_graph(graph)
    return oxigraph_server.store_url


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("cli-sync") / "store")
    result = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--store", path])
    assert result.exit_code == 0, result.output
    return path


def test_cli_push_copies_then_resumes_and_pull_copies_back(local, server_url, tmp_path):
    graphs = len(_digests(local))
    first = runner.invoke(app, ["push", "--to", server_url, "--store", local])
    assert first.exit_code == 0, first.output
    assert _report(first.output) == (graphs, 0, 0)
    assert _digests(server_url) == _digests(local)

    again = runner.invoke(app, ["push", "--to", server_url, "--store", local])
    assert again.exit_code == 0 and _report(again.output) == (0, graphs, 0)

    copy = str(tmp_path / "copy")
    pulled = runner.invoke(app, ["pull", "--from", server_url, "--store", copy])
    assert pulled.exit_code == 0 and _report(pulled.output) == (graphs, 0, 0)
    assert _digests(copy) == _digests(local)


def test_cli_push_no_resume_copies_all_and_prune_mirrors(local, server_url):
    graphs = len(_digests(local))
    assert runner.invoke(app, ["push", "--to", server_url, "--store", local]).exit_code == 0
    with open_store(server_url) as server:
        server.write_batch({EXTRA: [(URIRef("urn:example:s"), URIRef("urn:example:p"), Literal(1))]})

    every = runner.invoke(app, ["push", "--to", server_url, "--store", local, "--no-resume"])
    assert every.exit_code == 0 and _report(every.output) == (graphs, 0, 0)
    assert EXTRA in _digests(server_url)                     # without --prune, extra graphs stay

    mirror = runner.invoke(app, ["push", "--to", server_url, "--store", local, "--prune"])
    assert mirror.exit_code == 0 and _report(mirror.output) == (0, graphs, 1)
    assert _digests(server_url) == _digests(local)


def test_cli_push_to_an_unreachable_server_is_a_numbered_error(local):
    from kg.store.servers import free_port

    result = runner.invoke(app, ["push", "--to", f"http://127.0.0.1:{free_port()}?flavour=oxigraph",
                                 "--store", local])
    assert result.exit_code == 1 and "KG306" in result.output


def test_cli_push_has_no_password_option():
    result = runner.invoke(app, ["push", "--help"])
    assert result.exit_code == 0 and "KG_SPARQL_PASSWORD" in result.output
    assert "--password" not in result.output and "--user" not in result.output


def test_cli_push_reaches_a_server_from_a_fresh_process(local, server_url):
    """As a user runs it: nothing in the process has imported the SPARQL backend beforehand."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "kg.cli", "push", "--to", server_url, "--store", local],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _report(done.stdout)[0] == len(_digests(local))
