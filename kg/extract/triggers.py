"""Find event triggers in a sentence: the words that say what happened (PLOVER category, mode).

One component of the extraction pipeline, driven by ``ontology/lexicons/triggers-<lang>.tsv``.
Contiguous phrases go through one :class:`~kg.extract.phrases.PhraseMatcher`; phrases with gaps
(``قصد … همکاری``) become small regular expressions whose gaps stay inside one clause.

Example
-------
>>> finder = TriggerFinder.default("fa")
>>> [(h.trigger.category, h.trigger.mode) for h in finder.find("ظریف در تماس تلفنی با لاوروف گفت")]
[('CONSULT', 'phone')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicons import Trigger, load_triggers
from kg.extract.phrases import WORD_SUFFIXES, PhraseMatcher

__all__ = ["TriggerFinder", "TriggerHit"]

_MAX_GAP_WORDS = 6
_CLAUSE_BREAK = "،؛:.!?؟\n"


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found at ``start:end`` of a sentence."""

    trigger: Trigger
    start: int
    end: int
    text: str


class TriggerFinder:
    """Finds the triggers of one language's lexicon in normalised sentences."""

    def __init__(self, triggers: tuple[Trigger, ...]) -> None:
        plain = [t for t in triggers if not t.has_gap]
        self._plain = PhraseMatcher(((t.phrase, t) for t in plain), suffixes=True)
        # Each gapped phrase's longest literal word: a sentence without it cannot match, so the
        # regular expression is not run (most sentences have none of them).
        self._gapped = [(t, _gap_regex(t.phrase), max(t.phrase.replace("…", " ").split(), key=len))
                        for t in triggers if t.has_gap]

    @classmethod
    @cache
    def default(cls, lang: str) -> TriggerFinder:
        return cls(load_triggers(lang))

    def find(self, text: str) -> list[TriggerHit]:
        """Triggers in ``text``; overlapping gapped and plain hits are all kept (events dedupe)."""
        matches = self._plain.find(text)
        hits = [TriggerHit(p, m.start, m.end, m.text) for m in matches for p in m.payloads[:1]]
        # A phrase listed under several categories (rare) yields one hit per category.
        hits += [TriggerHit(p, m.start, m.end, m.text) for m in matches
                 for p in m.payloads[1:] if p.category != m.payloads[0].category]
        for trigger, regex, word in self._gapped:
            if word not in text:
                continue
            for match in regex.finditer(text):
                hits.append(TriggerHit(trigger, match.start(), match.end(), match.group(0)))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def _gap_regex(phrase: str) -> re.Pattern[str]:
    """``قصد … همکاری`` → words in order with up to six words of one clause between them."""
    suffix = "(?:[\u200c ]?(?:" + "|".join(sorted(WORD_SUFFIXES, key=len, reverse=True)) + "))?"
    parts = []
    for chunk in phrase.split("…"):
        words = chunk.split()
        parts.append("[ \u200c]?".join(re.escape(w) for w in words) + suffix)
    gap = rf"(?:[ \u200c]+[^\s{re.escape(_CLAUSE_BREAK)}]+){{0,{_MAX_GAP_WORDS}}}?[ \u200c]+"
    return re.compile(r"(?<!\w)" + gap.join(parts) + r"(?!\w)")
