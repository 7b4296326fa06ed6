"""Restore the zero-width non-joiners (ZWNJ, U+200C) that web text loses.

Scraped Persian writes ``همکاریها``, ``میکند``, ``رئیسجمهور`` where edited text has ``همکاری‌ها``,
``می‌کند``, ``رئیس‌جمهور``. Downstream matching tolerates both, but words, labels and provenance
should read right. hazm's normaliser restores under half of them (``../shared/docs/persian.md``), so
this restorer is driven by word-form data learned from text that keeps its ZWNJs
(``scripts/learn_zwnj.py`` → ``ontology/lexicons/zwnj-forms.tsv`` and ``fa-words.tsv``), plus two
general rules for words the data has not seen: the verbal prefix «می/نمی» and the plural, comparative
and clitic suffixes. A word the data has seen written without a ZWNJ is never touched.

Example
-------
>>> restorer = ZwnjRestorer.default()
>>> [restorer.restore(w) for w in ("همکاریها", "میکند", "رئیسجمهور", "تهران", "میز")]
['همکاری\u200cها', 'می\u200cکند', 'رئیس\u200cجمهور', 'تهران', 'میز']
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.resources import ontology_dir

__all__ = ["ZwnjRestorer", "ZWNJ"]

ZWNJ = "\u200c"
# Letters that do not join the next one: a ZWNJ after them changes nothing, so writers omit it.
_NON_JOINING = set("اآأإدذرزژوؤة")
_PREFIXES = ("نمی", "می")
_SUFFIXES = ("هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "ها",
             "ترین", "تر")
# Clitics that take a ZWNJ after a final «ه» (خانه‌ای، داشته‌اند، گفته‌ام).
_AFTER_HE = ("ایم", "اید", "اند", "ای", "ام", "ات", "اش", "ی")


class ZwnjRestorer:
    """Restores ZWNJs in single words from learned forms and affix rules."""

    def __init__(self, forms: dict[str, str], words: set[str]) -> None:
        self.forms = forms
        self.words = words
        self.stems = {form.split(ZWNJ, 1)[1].replace(ZWNJ, "") for form in forms.values()
                      if form.startswith(("می" + ZWNJ, "نمی" + ZWNJ))}

    @classmethod
    @cache
    def default(cls) -> ZwnjRestorer:
        folder = ontology_dir() / "lexicons"
        return cls(_read_forms(folder / "zwnj-forms.tsv"), _read_words(folder / "fa-words.tsv"))

    def restore(self, word: str) -> str:
        """``word`` with its ZWNJs; unchanged when it has one already or is a known plain word."""
        if ZWNJ in word or word in self.words or len(word) < 3:
            return word
        if word in self.forms:
            return self.forms[word]
        return self._by_prefix(word) or self._by_suffix(word) or word

    def _known(self, part: str) -> str | None:
        if part in self.words:
            return part
        return self.forms.get(part)

    def _by_prefix(self, word: str) -> str | None:
        for prefix in _PREFIXES:
            rest = word[len(prefix):]
            if word.startswith(prefix) and len(rest) >= 2 and (rest in self.stems or rest in self.words):
                return prefix + ZWNJ + (self.forms.get(rest) or rest)
        return None

    def _by_suffix(self, word: str) -> str | None:
        for suffix in _SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 2 and stem[-1] not in _NON_JOINING:
                known = self._known(stem) or self._by_prefix(stem)
                if known:
                    return known + ZWNJ + suffix
        if word.endswith(_AFTER_HE):
            for clitic in _AFTER_HE:
                stem = word[: -len(clitic)]
                if word.endswith(clitic) and stem.endswith("ه") and len(stem) >= 3:
                    known = self._known(stem) or self._by_prefix(stem)
                    if known:
                        return known + ZWNJ + clitic
        return None


def _read_forms(path: Path) -> dict[str, str]:
    forms = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "stripped\t")):
                stripped, form, *_ = line.split("\t")
                forms[stripped] = form
    return forms


def _read_words(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {line for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#") and line != "word"}
