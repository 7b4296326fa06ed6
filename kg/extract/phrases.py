"""Find lexicon phrases in normalised text, tolerant of the ways Persian web text writes them.

Every lexicon (gazetteer names, office titles, event triggers, domain words, cue words) is a list of
phrases with a payload. :class:`PhraseMatcher` compiles them into one regular expression shaped as a
trie, so matching a sentence costs one pass of Python's C regex engine whatever the lexicon's size
(thousands of names), which keeps extraction above 200 articles per second per core.

Tolerance, without making the lexicon list every spelling:
- where a phrase has a space, a ZWNJ or a hyphen, the text may have any of them or none
  (``رئیس‌جمهور`` matches ``رئیس جمهور`` and ``رئیسجمهور``): web text loses ZWNJs and writers
  vary; elsewhere the letters must be contiguous, so «وام» does not match «و امان»;
- a phrase starts and ends at word boundaries (a ZWNJ counts as one);
- with ``suffixes=True`` a Persian plural/ezafe/adjective suffix may follow (``همکاری`` matches
  ``همکاری‌های``), which suits domain words and triggers but not names; a phrase in Latin script
  instead takes the English inflections of its first and last word (``condemn`` matches
  ``condemned``, ``call on`` matches ``calling on``; see :func:`english_forms`), so an English
  lexicon lists base forms and only irregular ones (``met``, ``held talks``).

Hand-written because no maintained package offers a trie regex with this separator tolerance; the
trie-to-regex idea is the classic one (as in the ``trieregex`` recipe).

Example
-------
>>> m = PhraseMatcher([("رئیس‌جمهور", "president"), ("رئیس", "head")])
>>> [(x.text, x.payloads) for x in m.find("رئیس جمهور ایران")]
[('رئیس جمهور', ('president',))]
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

__all__ = ["PhraseMatcher", "Match", "compact", "english_forms", "SEPARATORS", "WORD_SUFFIXES"]

ZWNJ = "\u200c"
SEPARATORS = " \u200c-"
_SEP_CLASS = "[ \u200c\\-]?"
_SEP_RE = re.compile("[ \u200c\\-]+")
# Suffixes that may follow a domain word or trigger noun: plural, ezafe, adjective, indefinite,
# comparative, possessive. The regex tries them longest first.
WORD_SUFFIXES = ("هایی", "هایش", "هایشان", "های", "ها", "یی", "ای", "ی", "ان", "ات", "تر", "ترین",
                 "اش", "یش", "شان", "یشان", "مان", "یمان")
_SUFFIX_GROUP = "(?:[\u200c ]?(?:" + "|".join(sorted(WORD_SUFFIXES, key=len, reverse=True)) + "))?"
# A word character for boundaries: letters and digits of any script (ZWNJ is not one).
_START = r"(?<![\w])"
_END = r"(?![\w])"


def compact(text: str) -> str:
    """The key of a phrase or of matched text: separators removed, lower-cased (for Latin)."""
    return _SEP_RE.sub("", text).lower()


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found in a text: its span, the text as it stands, and every payload of its phrase."""

    start: int
    end: int
    text: str
    payloads: tuple[Hashable, ...]


class PhraseMatcher:
    """Longest-match, non-overlapping finder of many phrases.

    Parameters
    ----------
    entries: ``(phrase, payload)`` pairs; a phrase may appear several times with other payloads.
    suffixes: allow a Persian word suffix after a phrase, or the English inflections of a Latin
        phrase (see module docstring).
    ignore_case: match Latin letters case-insensitively (English names, acronyms are kept exact by
        listing them with ``ignore_case=False`` in a matcher of their own).
    """

    def __init__(self, entries: Iterable[tuple[str, Hashable]], *, suffixes: bool = False,
                 ignore_case: bool = True) -> None:
        self._payloads: dict[str, list[Hashable]] = {}
        self._units: set[tuple[str, ...]] = set()
        inflected: list[tuple[str, Hashable]] = []
        for phrase, payload in entries:
            if suffixes and _LATIN.search(phrase):
                inflected += [(form, payload) for form in _inflected_phrases(phrase.strip())]
            self._add(phrase, payload)
        # A listed phrase wins over another phrase's inflected form («talks» listed as a noun).
        listed = set(self._payloads)
        for form, payload in inflected:
            if compact(form) not in listed:
                self._add(form, payload)
        self._suffixes = suffixes
        self._regex = self._compile(self._phrase_units(), suffixes, ignore_case)

    def _add(self, phrase: str, payload: Hashable) -> None:
        key = compact(phrase.strip())
        if not key:
            return
        self._units.add(_units(phrase.strip().lower()))
        bucket = self._payloads.setdefault(key, [])
        if payload not in bucket:
            bucket.append(payload)

    def _phrase_units(self) -> list[tuple[str, ...]]:
        return sorted(self._units)

    @staticmethod
    def _compile(phrases: list[tuple[str, ...]], suffixes: bool, ignore_case: bool) -> re.Pattern[str] | None:
        if not phrases:
            return None
        body = _trie_regex(_build_trie(phrases))
        tail = _SUFFIX_GROUP if suffixes else ""
        flags = re.IGNORECASE if ignore_case else 0
        return re.compile(f"{_START}(?:{body}){tail}{_END}", flags)

    def __len__(self) -> int:
        return len(self._payloads)

    def find(self, text: str) -> list[Match]:
        """Every non-overlapping longest match in ``text``, left to right."""
        if self._regex is None:
            return []
        found = []
        for hit in self._regex.finditer(text):
            payloads = self._lookup(hit.group(0))
            if payloads:
                found.append(Match(hit.start(), hit.end(), hit.group(0), payloads))
        return found

    def _lookup(self, matched: str) -> tuple[Hashable, ...]:
        key = compact(matched)
        if key in self._payloads:
            return tuple(self._payloads[key])
        if self._suffixes:
            for suffix in sorted(WORD_SUFFIXES, key=len, reverse=True):
                if key.endswith(suffix) and key[: -len(suffix)] in self._payloads:
                    return tuple(self._payloads[key[: -len(suffix)]])
        return ()


_SEP_UNIT = "\x00"
_LATIN = re.compile("[A-Za-z]")
_VOWELS = "aeiou"


def english_forms(word: str) -> set[str]:
    """A word and its regular English inflections: -s/-es/-ies, -ed/-d/-ied, -ing, with the
    silent ``e`` dropped and a final consonant doubled where spelling may do it.

    Over-generation is harmless (``visitted`` never occurs in text); irregular forms (``met``,
    ``held``) are listed in the lexicon. Words shorter than three letters or not plain ASCII letters
    are left alone.

    >>> sorted(english_forms("urge"))
    ['urge', 'urged', 'urges', 'urging']
    >>> {"banned", "banning", "bans"} <= english_forms("ban")
    True
    """
    w = word.lower()
    if len(w) < 3 or not (w.isascii() and w.isalpha()):
        return {word}
    forms = {w}
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(w + "es")
    if w.endswith("y") and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
        return forms
    if not w.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(w + "s")
    if w.endswith("e"):
        forms |= {w + "d", (w if w.endswith("ee") else w[:-1]) + "ing"}
        return forms
    forms |= {w + "ed", w + "ing"}
    if w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


def _inflected_phrases(phrase: str) -> set[str]:
    """Forms of a Latin phrase with its first and its last word inflected (``hold talks`` →
    ``holding talks``; ``call for`` → ``called for``)."""
    words = phrase.split()
    if not words:
        return set()
    if len(words) == 1:
        return english_forms(words[0])
    return {" ".join([first, *words[1:-1], last])
            for first in english_forms(words[0]) for last in english_forms(words[-1])}


def _units(phrase: str) -> tuple[str, ...]:
    """A phrase as trie units: its letters, and one separator unit where it has spaces/ZWNJs/hyphens.

    The compound infix «و» (``حمل‌ونقل``, ``گفت‌وگو``) is written joined or spaced («حمل و نقل»):
    a «و» with a separator on one side may have one on the other side too.
    """
    units = [_SEP_UNIT if part.isspace() or part in SEPARATORS else part
             for part in re.findall(r"[ \u200c\-]+|.", phrase)]
    out: list[str] = []
    for i, unit in enumerate(units):
        out.append(unit)
        if unit == "و" and 0 < i < len(units) - 1:
            before, after = units[i - 1] == _SEP_UNIT, units[i + 1] == _SEP_UNIT
            if before and not after:
                out.append(_SEP_UNIT)
            elif after and not before:
                out.insert(len(out) - 1, _SEP_UNIT)
    return tuple(out)


def _build_trie(keys: list[tuple[str, ...]]) -> dict:
    """A trie over phrase units; a separator unit becomes an optional separator in the regex."""
    root: dict = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = True
    return root


def _trie_regex(node: dict) -> str:
    """Regex for a trie node: one alternative per next unit (a letter, or an optional separator)."""
    branches = []
    terminal = "" in node
    for char in sorted((c for c in node if c), key=lambda c: -len(node[c])):
        child = node[char]
        head = _SEP_CLASS if char == _SEP_UNIT else re.escape(char)
        branches.append(head + _trie_regex(child))
    if not branches:
        return ""
    if len(branches) == 1 and not terminal:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if terminal else group
