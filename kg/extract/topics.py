"""Cooperation domains a sentence names (energy, gas, transport, culture, …).

One component of the extraction pipeline, driven by ``ontology/lexicons/topics.tsv``: every phrase
states one key of the domain scheme (``ontology/topics.ttl``). When a sentence names both a domain and
one of its sub-domains («انرژی و تبادل گاز»), both are kept: the text states both.

Example
-------
>>> finder = TopicFinder.default("fa")
>>> finder.find("همکاری در زمینه‌های حمل و نقل، انرژی و تبادل گاز")   # doctest: +SKIP
('transport', 'energy', 'gas')
"""

from __future__ import annotations

from functools import cache

from kg.extract.lexicons import TopicWord, load_topics
from kg.extract.phrases import PhraseMatcher

__all__ = ["TopicFinder"]


class TopicFinder:
    """Finds domain words of one language."""

    def __init__(self, words: tuple[TopicWord, ...]) -> None:
        self._matcher = PhraseMatcher(((w.phrase, w.topic) for w in words), suffixes=True)

    @classmethod
    @cache
    def default(cls, lang: str) -> TopicFinder:
        return cls(load_topics(lang))

    def find(self, text: str, skip: list[tuple[int, int]] = ()) -> tuple[str, ...]:
        """Topic keys named in ``text``, in order of first appearance, without repeats.

        ``skip`` lists spans whose words are names, not domains (an actor mention such as
        «وزیر دفاع» or «شورای امنیت» names a person or a body, not the domain it contains).
        """
        keys: dict[str, None] = {}
        for match in self._matcher.find(text):
            if any(a <= match.start < b for a, b in skip):
                continue
            for key in match.payloads:
                keys.setdefault(str(key), None)
        return tuple(keys)
