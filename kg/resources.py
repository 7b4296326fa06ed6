"""Where the package's data lives: the ontology, lexicons, gazetteers, named queries, examples.

In a wheel they are installed as ``kg/_data/<name>``; in a source checkout (editable install or
tests run from the repository) they are the top-level folders ``ontology/``, ``queries/`` and
``examples/``. Code asks this module and never builds such paths itself.

Example
-------
>>> data_dir("queries").name
'queries'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["data_dir", "data_file", "ontology_dir", "queries_dir", "examples_dir"]

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder of package data ``name`` (``ontology``, ``queries``, ``examples``)."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"package data folder {name!r} not found beside {_PACKAGE}")


def data_file(name: str, *parts: str) -> Path:
    """A file inside package data folder ``name``, e.g. ``data_file('ontology', 'rrk.ttl')``."""
    return data_dir(name).joinpath(*parts)


def ontology_dir() -> Path:
    """The ontology folder (OWL, SKOS schemes, shapes, gazetteers, lexicons)."""
    return data_dir("ontology")


def queries_dir() -> Path:
    """The folder of named SPARQL queries (``*.rq``)."""
    return data_dir("queries")


def examples_dir() -> Path:
    """The bundled example articles."""
    return data_dir("examples")
