"""PLOVER categories as numbers: their quad class and their cooperation–conflict score.

The default table is data, ``ontology/lexicons/plover-scores.tsv`` (from the PLOVER manual; its
header says where each number comes from). When the store holds an ontology that gives a category
``rr:quadClass`` or ``rr:score``, those values win, so that an analysis follows the graph's own
ontology.

Example
-------
>>> table = load_scores()
>>> table["CONSULT"].quad_class, table["CONSULT"].score, table["ASSAULT"].score
(1, 2.5, -9.0)
>>> sorted(categories_of([4], table))
['ASSAULT', 'COERCE', 'MOBILIZE', 'PROTEST']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType

from kg.errors import Errors, KGError
from kg.extract.lexicons import read_tsv
from kg.rdf.namespaces import PLOVER
from kg.resources import ontology_dir

__all__ = ["CategoryInfo", "QUAD_CLASSES", "load_scores", "category_table", "categories_of",
           "is_cooperative", "is_conflictual"]

#: The four PLOVER quad classes by their number.
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation",
                3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    """A PLOVER category's quad class (1–4) and score (−10 conflict … +10 cooperation)."""

    category: str
    quad_class: int
    score: float | None


def is_cooperative(info: CategoryInfo) -> bool:
    """True for the cooperation quads (1 verbal, 2 material)."""
    return info.quad_class in (1, 2)


def is_conflictual(info: CategoryInfo) -> bool:
    """True for the conflict quads (3 verbal, 4 material)."""
    return info.quad_class in (3, 4)


@cache
def load_scores(path: Path | None = None) -> Mapping[str, CategoryInfo]:
    """The default table: category name → :class:`CategoryInfo`, read from ``plover-scores.tsv``.

    Raises :class:`~kg.errors.KGError` ``KG101`` on a malformed line.
    """
    path = path or ontology_dir() / "lexicons" / "plover-scores.tsv"
    table: dict[str, CategoryInfo] = {}
    for number, row in read_tsv(path):
        try:
            info = CategoryInfo(row["category"].upper(), int(row["quad_class"]), float(row["score"]))
        except (KeyError, ValueError) as exc:
            raise KGError(Errors.E101, path=path, line=number, detail=f"bad row {row}: {exc}") from exc
        if info.quad_class not in QUAD_CLASSES:
            raise KGError(Errors.E101, path=path, line=number, detail=f"quad class {info.quad_class} not in 1–4")
        table[info.category] = info
    return MappingProxyType(table)  # cached: read-only


_ONTOLOGY_QUERY = """
PREFIX rr: <{rr}>
SELECT ?category ?quad ?score WHERE {{
  GRAPH ?g {{ ?category rr:quadClass ?quad . OPTIONAL {{ ?category rr:score ?score }} }}
}}
"""


def category_table(store=None) -> dict[str, CategoryInfo]:
    """The default table, overridden by ``rr:quadClass`` / ``rr:score`` the store's ontology gives.

    Parameters
    ----------
    store: a :class:`~kg.store.Store`, or None for the default table alone.
    """
    table = dict(load_scores())
    if store is None:
        return table
    from kg.rdf.namespaces import RR

    for row in store.query(_ONTOLOGY_QUERY.format(rr=RR)).to_dicts():
        iri = str(row["category"])
        if not iri.startswith(str(PLOVER)) or "/" in iri[len(str(PLOVER)):]:
            continue  # modes and contexts live under plover/ too; categories are one segment
        name = iri[len(str(PLOVER)):].upper()
        try:
            quad = int(row["quad"])
            score = float(row["score"]) if row.get("score") is not None else None
        except (TypeError, ValueError):
            continue  # an ill-typed value in the ontology: keep the default
        old = table.get(name)
        table[name] = replace(old, quad_class=quad, score=old.score if score is None else score) \
            if old else CategoryInfo(name, quad, score)
    return table


def categories_of(quad_classes: Iterable[int], table: Mapping[str, CategoryInfo] | None = None) -> set[str]:
    """Names of the categories whose quad class is one of ``quad_classes``."""
    wanted = set(quad_classes)
    return {name for name, info in (table or load_scores()).items() if info.quad_class in wanted}
