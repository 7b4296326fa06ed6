"""open_store and the backend registry."""

from __future__ import annotations

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


def test_http_urls_wait_for_a_remote_backend() -> None:
    if "http" in registered_stores():
        pytest.skip("a remote backend is registered")
    with pytest.raises(StoreError) as info:
        open_store("http://localhost:7878/query")
    assert info.value.code == "KG301"


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
