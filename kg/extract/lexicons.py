"""Load the extraction lexicons: TSV data files in ``ontology/lexicons/``.

A lexicon is data, not code: one entry per line, a header row naming the columns, ``#`` comment
lines. A malformed line raises ``KG101`` with its file and line number.

| file                  | one line is                                                   |
|-----------------------|---------------------------------------------------------------|
| ``triggers-<lang>.tsv`` | an event trigger: PLOVER category, mode, phrase, roles, …   |
| ``cues-<lang>.tsv``     | a cue word: negation, future, recipient preposition, …       |
| ``topics.tsv``          | a domain word: topic key, language, phrase                   |

Example
-------
>>> triggers = load_triggers("fa")
>>> any(t.category == "CONSULT" and t.mode == "phone" for t in triggers)
True
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import Errors, KGError
from kg.facts import PLOVER_CATEGORIES
from kg.resources import ontology_dir

__all__ = ["read_tsv", "Trigger", "Cue", "TopicWord", "load_triggers", "load_cues", "load_topics",
           "PLOVER_CATEGORIES", "ROLE_SCHEMES"]

ROLE_SCHEMES = ("with", "visit", "host", "to", "joint")


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event trigger of the lexicon (see the header of ``triggers-fa.tsv``)."""

    category: str
    mode: str | None
    phrase: str
    roles: str
    confidence: float
    alt: tuple[str, ...]
    example: str
    line: int

    @property
    def has_gap(self) -> bool:
        """True when the phrase has gaps (``…``) and is matched word by word."""
        return "…" in self.phrase


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word: ``kind`` says what it does (see ``cues-fa.tsv``), ``value`` an argument."""

    kind: str
    phrase: str
    value: str


@dataclass(frozen=True, slots=True)
class TopicWord:
    """A word or phrase that states a cooperation domain."""

    topic: str
    lang: str
    phrase: str


def read_tsv(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV lexicon as ``(line number, {column: value})``, comments and blanks skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KGError(Errors.E101, path=path, line=0, detail=str(exc)) from exc
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise KGError(Errors.E101, path=path, line=number,
                          detail=f"{len(cells)} cells for {len(header)} columns")
        cells += [""] * (len(header) - len(cells))
        rows.append((number, {name: cell.strip() for name, cell in zip(header, cells)}))
    return rows


@cache
def load_triggers(lang: str, folder: Path | None = None) -> tuple[Trigger, ...]:
    """The trigger lexicon of ``lang``; empty when the language has none yet."""
    path = (folder or ontology_dir() / "lexicons") / f"triggers-{lang}.tsv"
    if not path.exists():
        return ()
    triggers = []
    for number, row in read_tsv(path):
        category = row.get("category", "").upper()
        if category not in PLOVER_CATEGORIES:
            raise KGError(Errors.E101, path=path, line=number, detail=f"unknown PLOVER category {category!r}")
        roles = row.get("roles") or "to"
        if roles not in ROLE_SCHEMES:
            raise KGError(Errors.E101, path=path, line=number, detail=f"unknown roles {roles!r}")
        try:
            confidence = float(row.get("confidence") or 0.7)
        except ValueError:
            raise KGError(Errors.E101, path=path, line=number, detail="confidence is not a number") from None
        alt = tuple(a.strip().upper() for a in (row.get("alt") or "").split("|") if a.strip())
        if not row.get("phrase"):
            raise KGError(Errors.E101, path=path, line=number, detail="empty phrase")
        triggers.append(Trigger(category, row.get("mode") or None, row["phrase"], roles, confidence,
                                alt, row.get("example", ""), number))
    return tuple(triggers)


@cache
def load_cues(lang: str, folder: Path | None = None) -> tuple[Cue, ...]:
    """The cue lexicon of ``lang``; empty when the language has none yet."""
    path = (folder or ontology_dir() / "lexicons") / f"cues-{lang}.tsv"
    if not path.exists():
        return ()
    return tuple(Cue(row["kind"], row["phrase"], row.get("value", "")) for _, row in read_tsv(path)
                 if row.get("kind") and row.get("phrase"))


@cache
def load_topics(lang: str, folder: Path | None = None) -> tuple[TopicWord, ...]:
    """Domain words of ``lang`` from ``topics.tsv``."""
    path = (folder or ontology_dir() / "lexicons") / "topics.tsv"
    if not path.exists():
        return ()
    words = []
    for number, row in read_tsv(path):
        if not row.get("topic") or not row.get("phrase"):
            raise KGError(Errors.E101, path=path, line=number, detail="topic and phrase are required")
        if row.get("lang", lang) == lang:
            words.append(TopicWord(row["topic"], lang, row["phrase"]))
    return tuple(words)

