"""Fixtures: the analytics tests' small graph (``tests/analytics/small_graph.py``) in a memory store."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.store import open_store

# One small graph serves both test folders; its module lives beside the analytics tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analytics"))
from small_graph import graphs  # noqa: E402


@pytest.fixture(scope="module")
def store():
    with open_store("memory:") as kg_store:
        kg_store.write_batch(graphs())
        yield kg_store
