"""Drop the lines of a scraped page that are not the article, and mark bullet items.

Driven by ``ontology/lexicons/boilerplate.tsv`` (``drop`` a line, ``stop`` at a related-posts block,
``bullet`` marks), plus one rule that needs the article: a body line that repeats the title.

Example
-------
>>> rules = BoilerplateRules.default()
>>> [(l.text, l.bullet) for l in rules.clean(["T", "متن.", "• بند", "READ خبر دیگر", "نوشته‌های مشابه", "x"], title="T")]
[('متن.', False), ('بند', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.resources import ontology_dir

__all__ = ["BoilerplateRules", "Line"]


@dataclass(frozen=True, slots=True)
class Line:
    """A kept line: its text, its offset in the input line (after a bullet mark), and whether it
    was a bullet item; ``number`` is its index among the input lines."""

    number: int
    text: str
    offset: int
    bullet: bool


class BoilerplateRules:
    """Compiled drop/stop/bullet rules."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.drop = [re.compile(p) for k, p in rows if k == "drop"]
        self.stop = [re.compile(p) for k, p in rows if k == "stop"]
        self.bullets = [re.compile(p) for k, p in rows if k == "bullet"]

    @classmethod
    @cache
    def default(cls) -> BoilerplateRules:
        from kg.extract.lexicons import read_tsv

        rows = read_tsv(ontology_dir() / "lexicons" / "boilerplate.tsv")
        return cls([(row["kind"], row["pattern"]) for _, row in rows])

    def clean(self, lines: list[str], title: str = "") -> list[Line]:
        """The article's lines without boilerplate; bullet marks stripped (offsets kept)."""
        kept: list[Line] = []
        title_key = _key(title)
        for number, line in enumerate(lines):
            text = line.strip()
            if not text:
                continue
            if any(rule.match(text) for rule in self.stop):
                break
            if any(rule.match(text) for rule in self.drop) or (title_key and _key(text) == title_key):
                continue
            offset = len(line) - len(line.lstrip())
            bullet = False
            for rule in self.bullets:
                mark = rule.match(text)
                if mark and mark.end() < len(text):
                    offset += mark.end()
                    text = text[mark.end():]
                    bullet = True
                    break
            kept.append(Line(number, text, offset, bullet))
        return kept

    def dropped(self, lines: list[str], title: str = "") -> list[str]:
        """The lines :meth:`clean` leaves out (for reports and tests)."""
        kept = {line.number for line in self.clean(lines, title)}
        return [line for i, line in enumerate(lines) if i not in kept and line.strip()]


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)
