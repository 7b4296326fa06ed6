"""Split a line of normalised text into sentences, keeping offsets.

A sentence ends at ``. ! ? ؟ …`` (or ``!``/``؟`` runs) followed by a space or the end of the line —
not inside numbers (``3.5``), initials and abbreviations (``U.S.``, ``Dr.``), nor before a closing
quote or bracket, which stays with its sentence. Lines are never joined.

Example
-------
>>> line = "ظریف گفت. لاوروف افزود: 3.5 درصد؟ بله"
>>> [line[s:e] for s, e in split_sentences(line)]
['ظریف گفت.', 'لاوروف افزود: 3.5 درصد؟', 'بله']
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_END = re.compile(r"[.!?؟…]+[»\"'”’)\]]*(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Dr|Mr|Mrs|Ms|St|No|Jr|vs|etc))\.$")


def split_sentences(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``line``, spaces trimmed."""
    spans = []
    start = 0
    for match in _END.finditer(line):
        if match.group(0) == "." and _ABBREVIATION.search(line, 0, match.end()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(line)))
    trimmed = []
    for a, b in spans:
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed
