"""open_store and the backend registry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.store import MemoryStore, open_store, register_store, registered_stores
from kg.store import base


def test_memory_url_opens_a_new_empty_store() -> None:
    with open_store("memory:") as one, open_store("memory:") as two:
        assert isinstance(one, MemoryStore) and one is not two
        assert one.graphs() == []


@pytest.mark.parametrize("url", ["nosuch:thing", "memory:/some/folder", "oxigraph:"])
def test_unknown_or_malformed_store_urls_are_refused(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert info.value.code in ("KG301", "KG302")


def test_http_urls_open_the_sparql_backend_without_importing_it() -> None:
    # run in a fresh interpreter: importing kg.store alone must register the server backend
    code = ("import kg.store as s; print(sorted(s.registered_stores())); "
            "print(type(s.open_store('http://127.0.0.1:9/query')).__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:2] == ["['http', 'https', 'memory', 'oxigraph']", "SparqlStore"]


def test_register_store_adds_a_backend_by_url_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))
    opened = []

    def factory(url: str, location: str, *, create: bool, read_only: bool) -> MemoryStore:
        opened.append((url, location, create, read_only))
        return MemoryStore(url=url)

    register_store("scratch", factory)
    with open_store("scratch:somewhere", read_only=True) as store:
        assert store.url == "scratch:somewhere"
    assert opened == [("scratch:somewhere", "somewhere", True, True)]


def test_every_local_backend_can_make_a_scratch_store(tmp_path: Path) -> None:
    for name, factory in registered_stores().items():
        if isinstance(factory, type) and factory.local:
            with open_store(factory.scratch_url(tmp_path)) as store:
                assert store.graphs() == [], name
