"""Split normalised text into sentences, keeping their offsets.

A sentence ends at a line break or at ``. ! ? ؟ …`` (runs of them too: «؟!», «...») followed by
a space, a line end or the text's end; closing quotes and brackets after the mark (``»``, ``"``,
``)``) stay with their sentence. Not a sentence end:

- a point inside a number (``3.5``, ``1,200.75``): the next character is no space;
- a point after an initial or an abbreviation (``U.S.``, ``J. Smith``, ``Dr.``, ``e.g.``); the
  abbreviations are English titles and Latin shorthand, a closed list of the language;
- a point between two one-letter Persian abbreviations (``ه.ش``, ``ق.م``);
- any mark followed by a lower-case Latin letter (``priority ... to``): English sentences start
  with a capital.

Scraped Persian often drops the space after a full stop («کرد.وی گفت»): a point between two Persian
words of two letters or more ends a sentence there too.

Hand-written: sentence splitters on the registries (pysbd, nltk's Punkt) need models or rules for
English only, and Persian news needs the few rules above.

Example
-------
>>> text = "ظریف گفت: «همکاری ادامه دارد.» لاوروف افزود 3.5 درصد؟ بله"
>>> [text[s:e] for s, e in split_sentences(text)]
['ظریف گفت: «همکاری ادامه دارد.»', 'لاوروف افزود 3.5 درصد؟', 'بله']
"""

from __future__ import annotations

import re

from kg.text.script import ARABIC_LETTERS

__all__ = ["split_sentences", "ABBREVIATIONS"]

# English abbreviations after which a point does not end a sentence (compared lower-cased).
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "maj", "sgt", "capt",
    "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "amb", "inc", "ltd", "co", "corp",
    "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "no", "nos", "vol", "fig", "dept", "univ",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mt", "ft", "ave", "est",
})
_L = f"[{ARABIC_LETTERS}]"
_CLOSERS = "»\"'”’)\\]}›"
_END = re.compile(
    f"[.!?؟…]+[{_CLOSERS}]*(?=\\s|$)"                 # a mark before a space or the end
    f"|(?<={_L}{_L})\\.(?={_L}{_L})"                  # «کرد.وی»: a point between two words
    "|\n"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text[start:end]``, spaces trimmed off.

    Parameters
    ----------
    text: normalised text (one line or many).
    start, end: the part of ``text`` to split; offsets returned refer to ``text`` itself.

    Example
    -------
    >>> split_sentences("Mr. Smith met U.S. officials. Talks went on.")
    [(0, 29), (30, 44)]
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _END.finditer(text, start, end):
        if match.group() != "\n" and (_lower_follows(text, match.end(), end)
                                       or _abbreviation(text, begin, match)):
            continue
        spans.append((begin, match.end() if match.group() != "\n" else match.start()))
        begin = match.end()
    spans.append((begin, end))
    return [span for span in (_trim(text, a, b) for a, b in spans) if span[1] > span[0]]


def _abbreviation(text: str, begin: int, match: re.Match[str]) -> bool:
    """True when the point of ``match`` closes an initial or an abbreviation, not a sentence."""
    if not match.group().startswith(".") or match.group().startswith(".."):
        return False
    word = _WORD_BEFORE.search(text, begin, match.start() + 1)
    if word is None:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True                                   # an initial: «J. Smith»
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
        return _continues_lower(text, match.end())    # «U.S.»: ends a sentence before a capital
    return token.lower() in ABBREVIATIONS


def _lower_follows(text: str, position: int, end: int) -> bool:
    """True when the next word starts with a lower-case Latin letter."""
    while position < end and text[position] == " ":
        position += 1
    return position < end and "a" <= text[position] <= "z"


def _continues_lower(text: str, position: int) -> bool:
    rest = text[position:position + 3].lstrip()
    return not rest or not rest[0].isupper() or rest[0] == "I"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
