"""Map spans of a rewritten text back to the text it was made from.

Normalisation, ZWNJ restoration and boilerplate removal each rewrite a text: they delete marks,
collapse spaces, insert ZWNJs, drop lines. Provenance needs the original wording of every sentence,
so each rewrite records its edits (only those that change the length: a same-length replacement
such as ``ي`` → ``ی`` keeps every offset). An :class:`Alignment` is the chain of such records and
maps a span of the last text back to the first one, lazily and by binary search, so a pipeline pays
for the mapping only when it asks for a span (a few dozen times per article).

Hand-written because the mapping must follow our own edits exactly; general diff libraries
(``difflib``) would rediscover them slowly and not always the same way.

Example
-------
>>> text, stage = rewrite("a  b\\u0640c", [(1, 3, " "), (4, 5, "")])
>>> text
'a bc'
>>> Alignment((stage,)).to_original(2, 4)
(3, 6)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["Stage", "Alignment", "rewrite", "substitute"]

Edit = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Stage:
    """The length-changing edits of one rewrite, sorted and not overlapping.

    ``in_start[k]``/``in_end[k]`` is the span of edit ``k`` in the input; ``out_start[k]`` where
    its replacement starts in the output and ``out_len[k]`` its length.
    """

    in_start: tuple[int, ...] = ()
    in_end: tuple[int, ...] = ()
    out_start: tuple[int, ...] = ()
    out_len: tuple[int, ...] = ()

    def back_start(self, pos: int) -> int:
        """Input offset where the output character at ``pos`` came from (deleted text skipped)."""
        k = bisect_right(self.out_start, pos) - 1
        if k < 0:
            return pos
        offset = pos - self.out_start[k]
        if offset < self.out_len[k]:
            return self.in_start[k] + min(offset, self.in_end[k] - self.in_start[k])
        return self.in_end[k] + offset - self.out_len[k]

    def back_end(self, pos: int) -> int:
        """Input offset that ends the input text of the output characters before ``pos``."""
        k = bisect_left(self.out_start, pos) - 1
        if k < 0:
            return pos
        offset = pos - self.out_start[k]
        if offset < self.out_len[k]:
            return self.in_start[k] + min(offset, self.in_end[k] - self.in_start[k])
        if offset == self.out_len[k]:
            return self.in_end[k]
        return self.in_end[k] + offset - self.out_len[k]


@dataclass(frozen=True, slots=True)
class Alignment:
    """A chain of stages, first to last; maps spans of the last text to the first."""

    stages: tuple[Stage, ...] = ()

    def then(self, stage: Stage) -> Alignment:
        """This alignment followed by one more rewrite (an empty stage changes nothing)."""
        return self if not stage.in_start else Alignment((*self.stages, stage))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the first text that span ``[start, end)`` of the last text came from.

        An empty span maps to an empty span; an inserted character (a restored ZWNJ) maps to the
        empty span where it was inserted.
        """
        if end <= start:
            for stage in reversed(self.stages):
                start = stage.back_start(start)
            return start, start
        for stage in reversed(self.stages):
            start, end = stage.back_start(start), stage.back_end(end)
        return start, max(start, end)


def rewrite(text: str, edits: Iterable[Edit]) -> tuple[str, Stage]:
    """Apply sorted, non-overlapping ``(start, end, replacement)`` edits to ``text``.

    Returns the new text and the :class:`Stage` that maps it back (same-length edits are applied
    but not recorded: they move no offset).
    """
    parts: list[str] = []
    in_start: list[int] = []
    in_end: list[int] = []
    out_start: list[int] = []
    out_len: list[int] = []
    done = 0
    shift = 0
    for start, end, replacement in edits:
        parts.append(text[done:start])
        parts.append(replacement)
        done = end
        if len(replacement) != end - start:
            in_start.append(start)
            in_end.append(end)
            out_start.append(start + shift)
            out_len.append(len(replacement))
            shift += len(replacement) - (end - start)
    if not parts:
        return text, Stage()
    parts.append(text[done:])
    stage = Stage(tuple(in_start), tuple(in_end), tuple(out_start), tuple(out_len))
    return "".join(parts), stage


def substitute(pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None],
               text: str) -> tuple[str, Stage]:
    """Like ``pattern.sub(replace, text)``, recording the edits; ``replace`` may return ``None``
    (or the matched text) to leave a match as it is."""
    edits: list[Edit] = []
    for match in pattern.finditer(text):
        replacement = replace(match)
        if replacement is not None and replacement != match.group():
            edits.append((match.start(), match.end(), replacement))
    if not edits:
        return text, Stage()
    return rewrite(text, edits)

