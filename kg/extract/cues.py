"""Cue words around a trigger: negation, speculation, future, and the prepositions that mark roles.

One component of the extraction pipeline, driven by ``ontology/lexicons/cues-<lang>.tsv``. It answers
small questions the event assembler asks about a sentence: is the clause of this trigger negated or
hypothetical? Which preposition stands right before this mention? Does the sentence point back to
the last meeting («در این دیدار»)?

Example
-------
>>> cues = CueFinder.default("fa")
>>> cues.is_negated("دو وزیر با یکدیگر دیدار نکردند", 10, 15)
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from kg.extract.lexicons import Cue, load_cues
from kg.extract.phrases import PhraseMatcher

__all__ = ["CueFinder", "clause_bounds"]

_CLAUSE = re.compile(r"[،؛;:.!?؟\n]|\s(?:اما|ولی|که)\s")  # not «و»: it joins names as often as clauses
_NEGATION_WINDOW = 40  # characters after a trigger in which its verb stands
_PREP_WINDOW = 12
# «را» within two words after a mention, no comma between: «ایران اقدام آمریکا را محکوم کرد».
_OBJECT_MARKER = re.compile(r"[\s\u200c]*(?:[^\s،,.]+[\s\u200c]+){0,2}?را(?!\w)")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``start:end``: from the last break before it to the next break after."""
    left = 0
    for match in _CLAUSE.finditer(text, 0, start):
        left = match.end()
    right_match = _CLAUSE.search(text, end)
    return left, right_match.start() if right_match else len(text)


class CueFinder:
    """Looks up cue words of one language in sentences."""

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        by_kind: dict[str, list[Cue]] = defaultdict(list)
        for cue in cues:
            by_kind[cue.kind].append(cue)
        self._matchers = {kind: PhraseMatcher((c.phrase, c.value or c.phrase) for c in items)
                          for kind, items in by_kind.items()}
        self._preps = {**{c.phrase: c.value for c in by_kind["recipient"]},
                       **{c.phrase: "location" for c in by_kind["location"]},
                       **{c.phrase: "about" for c in by_kind["about"]}}
        self._before = {kind: PhraseMatcher((c.phrase, c.phrase) for c in by_kind[kind])
                        for kind in ("place-head", "delegation")}
        self._prep_matcher = PhraseMatcher((p, p) for p in self._preps)

    @classmethod
    @cache
    def default(cls, lang: str) -> CueFinder:
        return cls(load_cues(lang))

    def _has(self, kind: str, text: str) -> bool:
        matcher = self._matchers.get(kind)
        return bool(matcher and matcher.find(text))

    def is_negated(self, text: str, start: int, end: int) -> bool:
        """True when a negative verb closes the trigger's clause (within a few words after it)."""
        _, right = clause_bounds(text, start, end)
        return self._has("negation", text[end:min(right, end + _NEGATION_WINDOW)]) or \
            self._has("negation", text[max(0, start - 12):start])

    def is_hypothetical(self, text: str, start: int, end: int) -> bool:
        """True when the clause of the trigger is conditional or speculative; a main clause that
        ends in «که» governs it too («فکر نمی‌کنم که …»)."""
        left, right = clause_bounds(text, start, end)
        if text[max(0, left - 4):left].strip(" \u200c").endswith("که"):
            left = clause_bounds(text, max(0, left - 5), max(0, left - 4))[0]
        return self._has("hypothetical", text[left:right])

    def is_future(self, text: str, start: int, end: int) -> bool:
        """True when the clause announces an act to come («قرار است», «خواهد»)."""
        left, right = clause_bounds(text, start, end)
        return self._has("future", text[left:right])

    def refers_back(self, text: str) -> bool:
        """True when the sentence points back to the last meeting or call."""
        return self._has("back-reference", text)

    def preposition_before(self, text: str, start: int) -> str | None:
        """The role of the preposition right before ``start`` (``with``, ``to``, ``location``…)."""
        window = text[max(0, start - _PREP_WINDOW):start]
        hits = [h for h in self._prep_matcher.find(window) if not window[h.end:].strip(" \u200c")]
        return self._preps.get(hits[-1].payloads[0]) if hits else None

    def is_not_trigger(self, text: str, start: int, end: int) -> bool:
        """True when the trigger stands inside a phrase that reports no event («به دعوت»)."""
        matcher = self._matchers.get("not-trigger")
        return bool(matcher) and any(h.start < end and start < h.end for h in matcher.find(text))

    def place_head_before(self, text: str, start: int) -> bool:
        """True when the word right before ``start`` makes a state name a place, an issue or a
        source, not a party («تحولات سوریه», «سواحل ونزوئلا», «خبرگزاری فرانسه»)."""
        return self._word_before("place-head", text, start)

    def delegation_before(self, text: str, start: int) -> bool:
        """True when a delegation noun stands right before ``start`` («هیات روسی»)."""
        return self._word_before("delegation", text, start)

    def refers_to_dyad(self, text: str) -> bool:
        """True when the sentence speaks of "the two countries" («دو کشور», «طرفین»)."""
        return self._has("dyad-reference", text)

    def _word_before(self, kind: str, text: str, start: int) -> bool:
        window = text[max(0, start - 16):start]
        return any(not window[h.end:].strip(" \u200c") for h in self._before[kind].find(window))

    def object_after(self, text: str, end: int) -> bool:
        """True when the mention ending at ``end`` is followed by «را» (a direct object)."""
        return _OBJECT_MARKER.match(text, end) is not None
