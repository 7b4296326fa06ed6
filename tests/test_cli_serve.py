"""kg serve: started in a subprocess on a free port, it answers SPARQL at /query."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store.servers import free_port

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "pezeshkian-berdimuhamedov-caspian.fa.txt"
runner = CliRunner()
EVENTS = "PREFIX rr: <https://w3id.org/rrkg/ontology#> SELECT (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e a rr:Event } }"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("serve") / "store")
    result = runner.invoke(app, ["ingest", str(ARTICLE), "--store", path])
    assert result.exit_code == 0, result.output
    return path


def _get(url: str) -> dict:
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return _get(url)
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_cli_serve_answers_sparql_on_query(store):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", store, "--port", str(port)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": EVENTS})
        answer = _wait_for(url, process)
        assert int(answer["results"]["bindings"][0]["n"]["value"]) > 0
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err.decode("utf-8")


def test_cli_serve_on_a_taken_port_is_a_numbered_error(store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--store", store, "--port", str(port)])
    assert result.exit_code == 1 and "KG902" in result.output and str(port) in result.output
