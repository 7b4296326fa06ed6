"""An ingest killed with SIGKILL leaves the embedded store readable and consistent, and running
it again completes it without duplicates; the store records the ontology version it was written
with.

The child process ingests the bundled examples two articles per batch and kills itself (a real
``kill -9``: no ``finally``, no flush) either between two batches or in the middle of a bulk
write, after half of the batch's N-Quads reached the database.
"""

from __future__ import annotations

import subprocess
from contextlib import nullcontext
import sys
from pathlib import Path

import pytest
from rdflib import Literal

from kg import ONTOLOGY_VERSION
from kg.ingest import ingest
from kg.queries import run_query
from kg.rdf.namespaces import ID, META_GRAPH, PROV, RR
from kg.store import open_store
from kg.store.sync import graph_digest, read_graphs

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

KILLED_INGEST = """
import os, signal, sys
from kg.ingest import ingest
from kg.store import open_store
import kg.store.oxigraph as oxi

folder, examples, where = sys.argv[1], sys.argv[2], sys.argv[3]
store = open_store(folder)

def kill():
    os.kill(os.getpid(), signal.SIGKILL)

def progress(records):
    if where == "between" and records == 5:          # batches 1 and 2 written, 3 being read
        kill()

if where == "inside":                                 # every batch on the bulk path; the 2nd dies half-way
    store.bulk_threshold = 1
    inner, loads = store._ox, []
    class Dying:
        def bulk_load(self, data, **options):
            loads.append(1)
            if len(loads) == 2:
                lines = data.splitlines(keepends=True)
                inner.bulk_load(b"".join(lines[: len(lines) // 2]), **options)
                inner.flush()
                kill()
            inner.bulk_load(data, **options)
        def __getattr__(self, name):
            return getattr(inner, name)
    store._ox = Dying()
ingest([examples], store, batch_size=2, progress=progress, validate=False)
"""


# when each extraction ran: the only triples two ingests of the same input do not share
TIMES = {PROV.startedAtTime, PROV.endedAtTime, PROV.generatedAtTime}


def contents(store) -> dict:
    """Graph → (triple count, digest of its triples but the run times; blank nodes made equal)."""
    return {graph: (len(triples), graph_digest(t for t in triples if t[1] not in TIMES))
            for graph, triples in read_graphs(store, store.graphs())}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The examples ingested without interruption."""
    with open_store(tmp_path_factory.mktemp("clean") / "kg") as store:
        ingest([EXAMPLES], store, batch_size=2, validate=False)
        return contents(store)


@pytest.mark.parametrize("where", ["between", "inside"])
def test_killed_ingest_leaves_whole_graphs_and_running_it_again_completes_it(
        tmp_path: Path, clean: dict, where: str) -> None:
    folder = tmp_path / "kg"
    done = subprocess.run([sys.executable, "-c", KILLED_INGEST, str(folder), str(EXAMPLES), where],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == -9, done.stderr[-2000:]

    with pytest.warns(UserWarning, match="interrupted") if where == "inside" else nullcontext():
        store = open_store(folder)       # a writer opens it: a cut bulk write is rolled back
    with store:
        assert run_query(store, "stats").rows          # readable
        after_kill = contents(store)
        assert after_kill                              # the first batch survived
        assert len(after_kill) < len(clean)            # ... and not everything
        for graph, digest in after_kill.items():       # consistent: every graph whole
            assert clean[graph] == digest, graph

        ingest([EXAMPLES], store, batch_size=2, validate=False)
        assert contents(store) == clean                # complete, nothing twice
        assert store.count_triples() == sum(count for count, _ in clean.values())


def test_the_store_records_the_ontology_version_it_was_written_with(tmp_path: Path) -> None:
    with open_store(tmp_path / "kg") as store:
        ingest([EXAMPLES / "shoigu-akar-idlib.fa.txt"], store, validate=False)
        assert store.graph_value(META_GRAPH, ID["store"], RR.ontologyVersion) == Literal(ONTOLOGY_VERSION)

