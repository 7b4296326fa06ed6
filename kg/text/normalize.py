"""Normalise article text once, at the edge, and remember where every character came from.

For Persian: Arabic ي/ى/ك → Persian ی/ک; Persian and Arabic-Indic digits → ASCII digits (so dates
and numbers parse one way); tatweel, diacritics, ZWJ and BOM removed; every kind of space → one
space; stray ZWNJs (doubled, or next to a space) removed; lost ZWNJs restored word by word
(:mod:`kg.text.zwnj`). For English: spaces only.

The result keeps an alignment to the original string, so a sentence found in the normalised text
can be quoted as it was read (provenance keeps the original).

Example
-------
>>> n = normalise("همكاريها در ۲۲ بهمن", "fa")
>>> n.text
'همکاری\u200cها در 22 بهمن'
>>> n.original_span(0, 10)
(0, 9)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text.zwnj import ZWNJ, ZwnjRestorer

__all__ = ["Normalised", "normalise"]

_CHAR_MAP = {
    "ي": "ی", "ى": "ی", "ئ": "ئ", "ك": "ک", "ۀ": "ه\u200cی",
    **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")},
    **{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\r": "",
    "\u200d": "", "\ufeff": "", "\u0640": "", "\u200e": "", "\u200f": "", "\u202a": "", "\u202b": "",
    "\u202c": "",
}
_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670]")
_WORD = re.compile(r"[^\W\d_]+")  # letters of any script; Arabic punctuation (، ؛ ؟) is not \w


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text and, for each of its characters, the index of its source character."""

    text: str
    source: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the source string that ``text[start:end]`` came from."""
        if start >= end or not self.origin:
            position = self.origin[start] if start < len(self.origin) else len(self.source)
            return position, position
        return self.origin[start], self.origin[end - 1] + 1

    def original(self, start: int, end: int) -> str:
        """The source text behind ``text[start:end]``."""
        a, b = self.original_span(start, end)
        return self.source[a:b]


def normalise(text: str, lang: str) -> Normalised:
    """Normalise ``text`` written in ``lang`` (see the module docstring for what changes)."""
    chars, origin = _map_chars(text, persian=lang != "en")
    chars, origin = _squeeze_spaces(chars, origin)
    if lang != "en":
        chars, origin = _restore_zwnj(chars, origin)
    return Normalised("".join(chars), text, tuple(origin))


def _map_chars(text: str, persian: bool) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if persian and _DIACRITICS.match(char):
            continue
        mapped = _CHAR_MAP.get(char, char) if persian else (" " if char in "\u00a0\t" else char)
        for piece in mapped:
            chars.append(piece)
            origin.append(index)
    return chars, origin


def _squeeze_spaces(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """One space between words, no spaces at line ends, no ZWNJ beside a space or another ZWNJ."""
    out: list[str] = []
    where: list[int] = []
    for char, index in zip(chars, origin):
        if char == " " and (not out or out[-1] in " \n"):
            continue
        if char == ZWNJ and (not out or out[-1] in f" \n{ZWNJ}"):
            continue
        if char in " \n" and out and out[-1] == ZWNJ:
            out.pop(), where.pop()
        if char == "\n" and out and out[-1] == " ":
            out.pop(), where.pop()
        out.append(char)
        where.append(index)
    while out and out[-1] in " \n":
        out.pop(), where.pop()
    return out, where


def _restore_zwnj(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    text = "".join(chars)
    restorer = ZwnjRestorer.default()
    out: list[str] = []
    where: list[int] = []
    last = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        if end < len(text) and text[end] == ZWNJ or start > 0 and text[start - 1] == ZWNJ:
            continue  # part of a word that kept its ZWNJ
        restored = restorer.restore(match.group(0))
        if restored == match.group(0):
            continue
        out.extend(chars[last:start])
        where.extend(origin[last:start])
        position = start
        for char in restored:
            out.append(char)
            where.append(origin[position] if position < end else origin[end - 1])
            if char != ZWNJ:
                position += 1
        last = end
    out.extend(chars[last:])
    where.extend(origin[last:])
    return out, where
