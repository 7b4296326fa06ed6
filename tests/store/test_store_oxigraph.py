"""The embedded Oxigraph store: persistence, the writer's lock, read-only, the bulk path."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.errors import StoreError
from kg.store import OxigraphStore, open_store

EX = "urn:example:"
G1, G2, G3 = URIRef(EX + "g1"), URIRef(EX + "g2"), URIRef(EX + "g3")
S, P = URIRef(EX + "s"), URIRef(EX + "p")
REPO = Path(__file__).resolve().parents[2]


def holding_writer(folder: Path) -> subprocess.Popen:
    """Another process that opens ``folder`` for writing and waits for a line on stdin."""
    code = textwrap.dedent(f"""
        import sys
        from kg.store import open_store
        store = open_store({str(folder)!r})
        print("open", flush=True)
        sys.stdin.readline()
        store.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def release(proc: subprocess.Popen) -> None:
    proc.stdin.write("\n")
    proc.stdin.flush()
    proc.wait(timeout=30)


def test_open_store_on_a_folder_path_is_oxigraph(tmp_path: Path) -> None:
    for target in (tmp_path / "a", str(tmp_path / "b"), f"oxigraph:{tmp_path / 'c'}"):
        with open_store(target) as store:
            assert isinstance(store, OxigraphStore)


def test_reopened_store_keeps_its_data(tmp_path: Path, mini_batch) -> None:
    with open_store(tmp_path / "kg") as store:
        store.write_batch(mini_batch)
    with open_store(tmp_path / "kg", create=False) as store:
        assert store.count_triples() == 437
        assert store.graphs() == sorted(mini_batch)


def test_open_without_create_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="KG302.*no store"):
        open_store(tmp_path / "missing", create=False)


def test_open_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a database")
    with pytest.raises(StoreError, match="KG302.*not empty"):
        open_store(tmp_path)


def test_second_writer_in_this_process_gets_kg303(tmp_path: Path) -> None:
    with open_store(tmp_path / "kg"):
        with pytest.raises(StoreError) as info:
            open_store(tmp_path / "kg")
    assert info.value.code == "KG303"
    with open_store(tmp_path / "kg"):  # closing released the lock
        pass


def test_second_writer_in_another_process_gets_kg303(tmp_path: Path) -> None:
    open_store(tmp_path / "kg").close()
    proc = holding_writer(tmp_path / "kg")
    try:
        with pytest.raises(StoreError) as info:
            open_store(tmp_path / "kg")
        assert info.value.code == "KG303"
    finally:
        release(proc)


def test_read_only_is_refused_while_another_process_writes(tmp_path: Path) -> None:
    open_store(tmp_path / "kg").close()
    proc = holding_writer(tmp_path / "kg")
    try:
        with pytest.raises(StoreError, match="KG303"):
            open_store(tmp_path / "kg", read_only=True)
    finally:
        release(proc)
    with open_store(tmp_path / "kg", read_only=True):  # the writer has gone
        pass


def test_read_only_is_refused_while_this_process_writes(tmp_path: Path) -> None:
    with open_store(tmp_path / "kg"):
        with pytest.raises(StoreError, match="KG303"):
            open_store(tmp_path / "kg", read_only=True)


def test_read_only_stores_read_together(tmp_path: Path, mini_batch) -> None:
    with open_store(tmp_path / "kg") as store:
        store.write_batch(mini_batch)
    with open_store(tmp_path / "kg", read_only=True) as one, open_store(tmp_path / "kg", read_only=True) as two:
        assert one.count_triples() == two.count_triples() == 437


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="KG302"):
        open_store(tmp_path / "missing", read_only=True)


def test_oxigraph_update_is_one_transaction(tmp_path: Path) -> None:
    """What write_batch relies on: a failing operation undoes the earlier ones of its request."""
    with OxigraphStore(tmp_path / "kg") as store:
        store.write_batch({G1: [(S, P, Literal(1))]})
        with pytest.raises(RuntimeError):
            store.inner.update(f"DROP GRAPH <{G1}> ; INSERT DATA {{ GRAPH <{G2}> {{ <{S}> <{P}> 2 }} }} ;"
                               f" DROP GRAPH <{EX}missing>")
        assert store.graphs() == [G1]


class FailingBulk:
    """A pyoxigraph store whose bulk load writes half of its N-Quads lines, then fails."""

    def __init__(self, inner: ox.Store) -> None:
        self.inner = inner
        self.called = False

    def bulk_load(self, data: bytes, **options) -> None:
        self.called = True
        lines = data.splitlines(keepends=True)
        self.inner.bulk_load(b"".join(lines[: len(lines) // 2]), **options)
        raise OSError("disk full")

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def test_bulk_write_failure_is_undone(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "kg") as store:
        store.bulk_threshold = 10
        store.write_batch({G1: [(S, P, Literal(1))]})
        before = (store.graphs(), store.count_triples())
        store._ox = FailingBulk(store._ox)
        many = [(S, P, Literal(i)) for i in range(100)]
        with pytest.raises(StoreError, match="KG304.*disk full"):
            store.write_batch({G2: many}, add={G3: many})
        assert store._ox.called
        store._ox = store._ox.inner
        assert (store.graphs(), store.count_triples()) == before


# A writer killed (SIGKILL) in the middle of a bulk write: its bulk_load writes half of the
# batch, then the process kills itself, leaving what a kill -9 or a power cut leaves on disk.
KILLED_WRITER = """
import os, signal, sys
from rdflib import Literal, URIRef
from kg.store import open_store
import kg.store.oxigraph as oxi

class KilledMidway:
    def __init__(self, inner):
        self.inner = inner
    def bulk_load(self, data, **options):
        lines = data.splitlines(keepends=True)
        self.inner.bulk_load(b"".join(lines[: len(lines) // 2]), **options)
        self.inner.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    def __getattr__(self, name):
        return getattr(self.inner, name)

store = open_store(sys.argv[1])
ex = "urn:example:"
store.write_batch({URIRef(ex + "g1"): [(URIRef(ex + "s"), URIRef(ex + "p"), Literal(1))]})
store._ox = KilledMidway(store._ox)
store.write_batch({URIRef(ex + f"new{g}"): [(URIRef(ex + "s"), URIRef(ex + "p"), Literal(i))
                                            for i in range(20_000)] for g in range(3)})
"""


def test_a_writer_killed_in_a_bulk_write_leaves_the_store_as_before_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "kg"
    done = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(folder)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    # a reader that comes first sees the half-written graphs, and is told which they are
    with pytest.warns(UserWarning, match="interrupted"):
        reader = OxigraphStore(folder, read_only=True)
    with reader:
        assert reader.interrupted == [URIRef(EX + f"new{g}") for g in range(3)]
        assert 0 < reader.count_triples() - 1 < 60_000
    # the next writer drops them: the store is what it was before the batch
    with pytest.warns(UserWarning, match="were dropped"):
        writer = OxigraphStore(folder)
    with writer:
        assert writer.graphs() == [G1]
        assert writer.count_triples() == 1
        assert writer.interrupted == [URIRef(EX + f"new{g}") for g in range(3)]
    with OxigraphStore(folder) as again:
        assert again.interrupted == []


def test_bulk_path_writes_big_batches_of_new_graphs(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "kg") as store:
        store.bulk_threshold = 10
        store.write_batch({G1: [(S, P, Literal(1))]})
        store.write_batch({G2: [(S, P, Literal(i)) for i in range(100)]},
                          add={G1: [(S, P, Literal(i)) for i in range(20)]})
        assert (store.count_triples(G1), store.count_triples(G2)) == (20, 100)
        store.write_batch({G2: [(S, P, Literal(i)) for i in range(10)]})  # replace: the update path
        assert store.count_triples(G2) == 10


def test_dataset_gives_rdflib_access_to_the_same_data(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "kg") as store:
        store.write_batch({G1: [(S, P, Literal(1))]})
        assert list(store.dataset.graph(G1).objects(S, P)) == [Literal(1)]
    with open_store(tmp_path / "kg"):  # the dataset did not keep the folder locked
        pass


def test_closed_store_says_so(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "kg")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.graphs()
