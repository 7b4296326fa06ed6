"""Normalise article text once, at the edge, and remember where every character came from.

Persian (``fa``, and any language but ``en``; for ``ar`` the letters, digits, marks and spaces are
normalised the same way, but no ZWNJ is restored nor ezafe joined: those are Persian spelling):

- Arabic letter forms → Persian: ``ي ى`` → ``ی``, ``ك ڪ`` → ``ک``, ``ە ہ ھ`` → ``ه``, ``ٱ`` → ``ا``;
  ``ة`` and the hamza forms (``أ ؤ ئ ء``) stay.
- ``ۀ`` and ``هٔ`` (heh with the ezafe hamza) → ``ه``, the spelling most news text uses; a separate
  ezafe ``ی`` after ``ه`` («همه ی») is joined with a ZWNJ («همه‌ی»).
- **All digits → ASCII** ``0-9`` (Persian ``۰-۹`` and Arabic-Indic ``٠-٩``), ``٫`` → ``.``,
  ``٬`` → ``,``, ``٪`` → ``%``: numbers and dates then parse one way downstream.
- Removed: diacritics (harakat, tanwin, superscript alef), tatweel ``ـ``, ZWJ, bidi controls, BOM.
- Spaces: every kind (tab, NBSP, thin, …) → one space; runs collapsed; none at line ends; ``\\r\\n``
  → ``\\n``.
- ZWNJ: a soft hyphen or zero-width space used in its place becomes one; a ZWNJ next to a space, a
  line end, a non-letter or another ZWNJ is removed, and so is one after a letter that never joins
  (``ا د ذ ر ز ژ و``…): there it changes nothing on screen, and dropping it gives every visible
  spelling one form («کشور‌ها» = «کشورها»).
- Lost ZWNJs restored word by word (:mod:`kg.text.zwnj`), and «می کند», «همکاری ها» joined.

English (``en``): spaces as above, curly quotes → ASCII quotes, soft hyphens and zero-width
characters removed.

Every rewrite that changes lengths is recorded (:mod:`kg.text.align`), so a span of the normalised
text maps back to the original string: provenance quotes the text as it was read.

Example
-------
>>> n = normalise("همكاريها در ۲۲ بهمن", "fa")
>>> n.text == "همکاری\\u200cها در 22 بهمن"
True
>>> n.to_original(0, 9)        # «همکاری‌ها» has a ZWNJ the original lacks
(0, 8)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text.align import Alignment, Stage, rewrite, substitute
from kg.text.script import ARABIC_LETTERS, NON_JOINING, ZWNJ
from kg.text.zwnj import ZwnjRestorer

__all__ = ["Normalised", "normalise"]

_SPACES = "\t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
          "\u202f\u205f\u3000"
_QUOTES = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'"}
_COMMON = {**{ch: " " for ch in _SPACES}, "\u2028": "\n", "\u2029": "\n", **_QUOTES}
_FA_TABLE = str.maketrans({
    **_COMMON,
    "ي": "ی", "ى": "ی", "ك": "ک", "ڪ": "ک", "ە": "ه", "ہ": "ه", "ھ": "ه", "ۀ": "ه", "ٱ": "ا",
    **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")},
    **{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
    "٫": ".", "٬": ",", "٪": "%",
    "\u00ad": ZWNJ, "\u200b": ZWNJ,
})
_EN_TABLE = str.maketrans(_COMMON)
# str.translate looks up every character; finding the few that change with a regex is faster.
_FA_CHANGES = re.compile("[" + "".join(re.escape(chr(c)) for c in _FA_TABLE) + "]")
_EN_CHANGES = re.compile("[" + "".join(re.escape(chr(c)) for c in _EN_TABLE) + "]")

# Marks to delete; each is glued to the character before it, so that span ends keep it.
_FA_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200d\u200e\u200f\u061c\u202a-\u202e"
                       "\u2066-\u2069\ufeff]+")
_EN_MARKS = re.compile("[\u00ad\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")
_CR = re.compile("\r\n?")
_L = f"[{ARABIC_LETTERS}]"
# Runs of spaces/ZWNJs that may need a change: at a line's ends, two or more characters, or a
# ZWNJ after a non-joining letter, not after a letter, or not before one. A single space between
# words (the common case) is not matched, so the scan costs one pass of the regex engine.
_SPACING = re.compile(
    f"(?m)^[ \u200c]+|[ \u200c]+$|\u200c[ \u200c]+| [ \u200c]+"
    f"|\u200c(?<=[{NON_JOINING}]\u200c)|\u200c(?<!{_L}\u200c)|\u200c(?!{_L})"
)
_EZAFE = re.compile(f"(?<=ه) (?=ی(?![{ARABIC_LETTERS}\u200c]))")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text, the original it came from, and the alignment between them.

    ``text`` is the normalised string; ``original`` the string given to :func:`normalise`.
    """

    text: str
    original: str
    alignment: Alignment = Alignment()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span ``(ostart, oend)`` of :attr:`original` that ``text[start:end]`` came from.

        Example
        -------
        >>> n = normalise("a\\u00a0\\u00a0 b", "en")
        >>> n.text, n.to_original(2, 3)
        ('a b', (4, 5))
        """
        return self.alignment.to_original(start, end)

    def original_text(self, start: int, end: int) -> str:
        """The original wording of ``text[start:end]``."""
        ostart, oend = self.to_original(start, end)
        return self.original[ostart:oend]


def normalise(text: str, lang: str, *, restore_zwnj: bool = True) -> Normalised:
    """Normalise ``text`` written in ``lang`` (see the module docstring for every change).

    Parameters
    ----------
    text: the text as read.
    lang: ``en`` for English; anything else is treated as Persian/Arabic script (``ar``: without
        the Persian ZWNJ and ezafe steps).
    restore_zwnj: restore lost ZWNJs (Persian only); off, for instance, to measure restoration.

    Returns
    -------
    A :class:`Normalised` with ``.text`` and ``.to_original(start, end)``.

    Example
    -------
    >>> normalise("میکند  ، گسترده‌ تر", "fa").text == "می\\u200cکند ، گسترده\\u200cتر"
    True
    """
    persian = lang != "en"
    stages: list[Stage] = []
    current = _translate(text, persian)
    if "\r" in current:
        current = _apply(_CR, lambda m: "\n", current, stages)
    current = _apply_stage(_delete_marks(_FA_MARKS if persian else _EN_MARKS, current), stages)
    current = _apply(_SPACING, _spacing, current, stages)
    if persian and lang != "ar":
        if "ه ی" in current:
            current = _EZAFE.sub(ZWNJ, current)  # same length: no offset moves
        if restore_zwnj:
            current, restored = ZwnjRestorer.default().restore_text(current)
            stages.extend(restored)
    return Normalised(current, text, Alignment(tuple(stages)))


def _apply(pattern: re.Pattern[str], replace, text: str, stages: list[Stage]) -> str:
    return _apply_stage(substitute(pattern, replace, text), stages)


def _apply_stage(result: tuple[str, Stage], stages: list[Stage]) -> str:
    text, stage = result
    if stage.in_start:
        stages.append(stage)
    return text


def _translate(text: str, persian: bool) -> str:
    """One-for-one character changes (letters, digits, spaces, quotes): no offset moves."""
    changes, table = (_FA_CHANGES, _FA_TABLE) if persian else (_EN_CHANGES, _EN_TABLE)
    return changes.sub(lambda match: table[ord(match.group())], text)


def _delete_marks(pattern: re.Pattern[str], text: str) -> tuple[str, Stage]:
    edits = []
    for match in pattern.finditer(text):
        start = match.start()
        if start and text[start - 1] != "\n" and (not edits or edits[-1][1] < start):
            edits.append((start - 1, match.end(), text[start - 1]))
        else:
            edits.append((start, match.end(), ""))
    return rewrite(text, edits) if edits else (text, Stage())


def _spacing(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if before == "\n" or after == "\n":
        return ""
    if " " in match.group():
        return " "
    if _is_letter(after) and _is_letter(before) and before not in NON_JOINING:
        return ZWNJ
    return ""


def _is_letter(char: str) -> bool:
    return _LETTER_RE.match(char) is not None


_LETTER_RE = re.compile(_L)
