"""Cooperation domains a sentence names (energy, gas, transport, culture, …).

One component of the extraction pipeline, driven by ``ontology/lexicons/topics.tsv``: every phrase
states one key of the domain scheme (``ontology/topics.ttl``). When a sentence names both a domain and
one of its sub-domains («انرژی و تبادل گاز»), both are kept: the text states both.

Rows marked ``not-domain`` in the lexicon's ``use`` column are phrases in which a domain word names a
force, a person or a state's own affair («نیروهای مسلح», «حمله نظامی», «امنیت ملی», «تروریست‌ها»):
the annotation guidelines give a conflict event a topic only when the text names the domain at stake,
not for the nature of the act. Matched longest first, such a phrase swallows the word inside it and
states nothing.

Example
-------
>>> finder = TopicFinder.default("fa")
>>> finder.find("همکاری در زمینه‌های حمل و نقل، انرژی و تبادل گاز")
('transport', 'energy', 'gas')
>>> finder.find("حمله نظامی ارتش به مواضع نیروهای مسلح")
()
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from kg.extract.lexicons import TopicWord, load_topics, read_tsv
from kg.extract.phrases import PhraseMatcher, compact
from kg.resources import ontology_dir

__all__ = ["TopicFinder", "NOT_DOMAIN", "not_domain_phrases"]

#: Value of the lexicon's ``use`` column for a phrase that states no domain.
NOT_DOMAIN = "not-domain"


class TopicFinder:
    """Finds domain words of one language.

    Parameters
    ----------
    words: the lexicon's phrases with their domain key.
    not_domain: phrases (of ``words`` or not) that state no domain; matched like the others so that,
        being longer, they take the words inside them out of the text.
    """

    def __init__(self, words: Iterable[TopicWord], not_domain: Iterable[str] = ()) -> None:
        blocked = {compact(p) for p in not_domain}
        entries = [(w.phrase, None if compact(w.phrase) in blocked else w.topic) for w in words]
        entries += [(p, None) for p in not_domain]
        self._matcher = PhraseMatcher(entries, suffixes=True)

    @classmethod
    @cache
    def default(cls, lang: str) -> TopicFinder:
        """The finder over the bundled lexicon, with its ``not-domain`` rows."""
        return cls(load_topics(lang), not_domain_phrases(lang))

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
                if key is not None:
                    keys.setdefault(str(key), None)
        return tuple(keys)


@cache
def not_domain_phrases(lang: str, folder: Path | None = None) -> tuple[str, ...]:
    """Phrases of ``lang`` that the topic lexicon marks ``not-domain`` (its ``use`` column).

    >>> "نیروهای مسلح" in not_domain_phrases("fa")
    True
    """
    path = (folder or ontology_dir() / "lexicons") / "topics.tsv"
    if not path.exists():
        return ()
    return tuple(row["phrase"] for _, row in read_tsv(path)
                 if (row.get("use") or "").strip() == NOT_DOMAIN and row.get("lang", lang) == lang)
