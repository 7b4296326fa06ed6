"""Prepare an article for extraction: normalise once, drop boilerplate, split sentences.

The one entry point the pipeline calls. The normalised body is the title, a newline, and the kept
lines of the text; sentence 0 is the title. Every sentence keeps its span of the original article
(title + newline + text as read) for provenance.

Example
-------
>>> from kg.facts import Article
>>> p = prepare(Article(id="a", lang="fa", title="عنوان", text="عنوان\\nهمکاریها ادامه دارد. READ x"))
>>> [s.text.replace("\u200c", "+") for s in p.sentences]
['عنوان', 'همکاری+ها ادامه دارد.', 'READ x']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.facts import Article, Sentence
from kg.text.boilerplate import BoilerplateRules
from kg.text.normalize import normalise
from kg.text.sentences import split_sentences

__all__ = ["Prepared", "prepare"]


@dataclass
class Prepared:
    """An article ready for extraction."""

    title: str
    body: str
    sentences: list[Sentence] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def prepare(article: Article) -> Prepared:
    """Normalise ``article``, drop its boilerplate lines and split it into sentences."""
    source = f"{article.title}\n{article.text}"
    norm = normalise(source, article.lang)
    lines = norm.text.split("\n")
    starts = _line_starts(lines)
    title = lines[0].strip() if article.title.strip() else ""
    rules = BoilerplateRules.default()
    kept = rules.clean(lines[1:], title=title)
    body_parts: list[str] = [title]
    sentences: list[Sentence] = []
    if title:
        a, b = norm.to_original(starts[0], starts[0] + len(lines[0]))
        sentences.append(Sentence(0, title, 0, len(title), source[a:b], is_title=True))
    cursor = len(title) + 1
    for line in kept:
        line_start = starts[line.number + 1] + line.offset  # offset of the kept text in norm.text
        for s, e in split_sentences(line.text):
            a, b = norm.to_original(line_start + s, line_start + e)
            sentences.append(Sentence(len(sentences), line.text[s:e], cursor + s, cursor + e,
                                      source[a:b], is_bullet=line.bullet))
        body_parts.append(line.text)
        cursor += len(line.text) + 1
    return Prepared(title, "\n".join(body_parts), sentences, rules.dropped(lines[1:], title))


def _line_starts(lines: list[str]) -> list[int]:
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    return starts
