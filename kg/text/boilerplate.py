"""Drop the lines of a scraped page that are not the article, and mark bullet items.

Driven by ``ontology/lexicons/boilerplate.tsv``: ``drop`` a line («READ …», «بیشتر بخوانید: …»,
share/print/tag lines, lines without a letter), ``stop`` at a related-posts heading («نوشته‌های مشابه»,
«مطالب مرتبط») and drop everything after it, strip ``bullet`` marks (•, ▪, -, *, «1.») and remember
that the line was a bullet. One rule needs the article itself: a body line that repeats the title.

Works on normalised text and returns spans into it, so the caller can keep its alignment to the
original (see :func:`kg.text.prepare.prepare`).

Example
-------
>>> text = "پزشکیان: همکاری\\n\\nپزشکیان: همکاری\\n• بند اول\\nREAD خبر دیگر\\nنوشته‌های مشابه\\nx"
>>> cleaned = Boilerplate.default().clean(text, title="پزشکیان: همکاری", start=text.index("\\n") + 1)
>>> [(text[l.start:l.end], l.bullet) for l in cleaned.lines]
[('بند اول', True)]
>>> cleaned.dropped
['پزشکیان: همکاری', 'READ خبر دیگر', 'نوشته\\u200cهای مشابه', 'x']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import Errors, KGError
from kg.resources import ontology_dir
from kg.text.script import ARABIC_LETTERS

__all__ = ["Boilerplate", "Rule", "KeptLine", "Cleaned"]

_KINDS = ("drop", "stop", "bullet")
_SEPARATOR_IN_PATTERN = re.compile(f"(?<=[{ARABIC_LETTERS}])[ \u200c](?=[{ARABIC_LETTERS}])")
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of ``boilerplate.tsv``: what to do with a line that starts with ``pattern``."""

    kind: str
    pattern: re.Pattern[str]
    max_words: int | None = None

    def matches(self, line: str, words: int | None = None) -> re.Match[str] | None:
        """The match at the start of ``line`` (trimmed), if the rule applies to it; ``words`` is
        the line's word count when the caller knows it."""
        if self.max_words is not None:
            if (len(line.split()) if words is None else words) > self.max_words:
                return None
        return self.pattern.match(line)


@dataclass(frozen=True, slots=True)
class KeptLine:
    """A kept line: its span in the cleaned text (bullet mark and spaces trimmed off)."""

    start: int
    end: int
    bullet: bool = False


@dataclass
class Cleaned:
    """What :meth:`Boilerplate.clean` keeps (``lines``) and drops (``dropped``, as written)."""

    lines: list[KeptLine] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


class Boilerplate:
    """Compiled boilerplate rules.

    Parameters
    ----------
    rules: the rules in file order; stop rules are tried first, then drop rules, then bullet marks.
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        # stop rules first: «Related articles» ends the article even though «Related …» alone is a
        # droppable link line
        self._lines = [r for r in rules if r.kind == "stop"] + [r for r in rules if r.kind == "drop"]
        self._bullets = [r for r in rules if r.kind == "bullet"]

    @classmethod
    @cache
    def default(cls) -> Boilerplate:
        """The rules of ``ontology/lexicons/boilerplate.tsv``, loaded once."""
        return cls.from_tsv(ontology_dir() / "lexicons" / "boilerplate.tsv")

    @classmethod
    def from_tsv(cls, path: Path) -> Boilerplate:
        """Read rules from a TSV file with columns ``kind, pattern, max_words[, note]``."""
        rules: list[Rule] = []
        header = True
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            cells = line.split("\t")
            if len(cells) < 2 or cells[0] not in _KINDS:
                raise KGError(Errors.E101, path=str(path), line=number,
                              detail=f"expected kind ({'/'.join(_KINDS)}) and pattern")
            try:
                pattern = re.compile(_SEPARATOR_IN_PATTERN.sub("[\u200c ]?", cells[1]))
                max_words = int(cells[2]) if len(cells) > 2 and cells[2].strip() else None
            except (re.error, ValueError) as exc:
                raise KGError(Errors.E101, path=str(path), line=number, detail=str(exc)) from None
            rules.append(Rule(cells[0], pattern, max_words))
        return cls(rules)

    def clean(self, text: str, title: str = "", start: int = 0) -> Cleaned:
        """Keep the article lines of ``text[start:]``; spans refer to ``text``.

        Parameters
        ----------
        text: normalised text, lines separated by ``\\n``.
        title: the article's normalised title; a line that repeats it is dropped.
        start: where the lines to clean begin (after the title line, say).
        """
        cleaned = Cleaned()
        title_key = _NOT_WORD.sub("", title)
        position = start
        stopped = False
        for line in text[start:].split("\n"):
            line_start, position = position, position + len(line) + 1
            trimmed = line.strip()
            if not trimmed:
                continue
            if stopped:
                cleaned.dropped.append(trimmed)
                continue
            verdict = self._verdict(trimmed, title_key)
            if verdict == "stop":
                stopped = True
            if verdict:
                cleaned.dropped.append(trimmed)
                continue
            lead = len(line) - len(line.lstrip())
            kept_start, bullet = line_start + lead, False
            for rule in self._bullets:
                mark = rule.matches(trimmed)
                if mark and mark.end() > 0:
                    rest = trimmed[mark.end():]
                    if not _NOT_WORD.sub("", rest):
                        cleaned.dropped.append(trimmed)  # an empty bullet
                        kept_start = -1
                    else:
                        kept_start += mark.end() + len(rest) - len(rest.lstrip())
                        bullet = True
                    break
            if kept_start >= 0:
                cleaned.lines.append(KeptLine(kept_start, line_start + lead + len(trimmed), bullet))
        return cleaned

    def _verdict(self, line: str, title_key: str) -> str | None:
        """``drop``, ``stop`` or None for a trimmed line."""
        if title_key and len(line) >= len(title_key) and _NOT_WORD.sub("", line) == title_key:
            return "drop"
        words = line.count(" ") + 1
        for rule in self._lines:
            if rule.matches(line, words):
                return rule.kind
        return None
