"""Prepare an article for extraction: normalise once, drop boilerplate, split sentences.

The one entry point the pipeline calls. The article as read is ``title + "\\n" + text`` (newlines
inside a title read as spaces); it is normalised once (:func:`kg.text.normalise`), its boilerplate
lines are dropped (:mod:`kg.text.boilerplate`) and what is left is split into sentences
(:mod:`kg.text.sentences`). The body is the normalised title, a newline, and the kept lines joined
by newlines (bullet marks and blank lines gone). Sentence 0 is the title (``is_title``) when the
article has one. Every sentence keeps its offsets in the body and the same span of the article as
read (``original``), mapped through every rewrite, for provenance.

Example
-------
>>> from kg.facts import Article
>>> p = prepare(Article(id="a", lang="fa", title="عنوان خبر",
...                     text="عنوان خبر\\n• همكاريها ادامه دارد. READ x\\nREAD خبر دیگر"))
>>> [(s.text.replace("\\u200c", "+"), s.original, s.is_bullet) for s in p.sentences]
[('عنوان خبر', 'عنوان خبر', False), ('همکاری+ها ادامه دارد.', 'همكاريها ادامه دارد.', True), ('READ x', 'READ x', True)]
>>> p.dropped
['عنوان خبر', 'READ خبر دیگر']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.facts import Article, Sentence
from kg.text.align import Alignment, rewrite
from kg.text.boilerplate import Boilerplate
from kg.text.normalize import normalise
from kg.text.sentences import split_sentences

__all__ = ["Prepared", "prepare"]


@dataclass
class Prepared:
    """An article ready for extraction.

    ``title``: the normalised title; ``body``: normalised title + ``\\n`` + cleaned text;
    ``sentences``: offsets into ``body``, sentence 0 the title; ``dropped``: boilerplate lines;
    ``original``: the article as read (``title + "\\n" + text``); ``alignment`` maps ``body``
    offsets back to it.
    """

    title: str
    body: str
    sentences: list[Sentence] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    original: str = ""
    alignment: Alignment = field(default_factory=Alignment, repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of :attr:`original` that ``body[start:end]`` came from."""
        return self.alignment.to_original(start, end)


def prepare(article: Article, *, boilerplate: Boilerplate | None = None) -> Prepared:
    """Normalise ``article``, drop its boilerplate lines and split it into sentences.

    Parameters
    ----------
    article: the article as read; ``article.lang`` picks the normalisation (``en`` or Persian).
    boilerplate: rules to use instead of the package's ``boilerplate.tsv``.

    Returns
    -------
    A :class:`Prepared` (see its fields).
    """
    title_line = article.title.replace("\r", " ").replace("\n", " ")
    original = f"{title_line}\n{article.text}"
    norm = normalise(original, article.lang)
    title_end = norm.text.find("\n")
    title_end = len(norm.text) if title_end < 0 else title_end
    title = norm.text[:title_end]
    cleaned = (boilerplate or Boilerplate.default()).clean(norm.text, title, start=title_end + 1)
    body, stage = rewrite(norm.text, _edits(norm.text, title_end, cleaned.lines))
    alignment = norm.alignment.then(stage)
    sentences: list[Sentence] = []
    if title:
        sentences.append(_sentence(0, body, 0, title_end, original, alignment, is_title=True))
    position = title_end + 1
    for line in cleaned.lines:
        length = line.end - line.start
        for start, end in split_sentences(body, position, position + length):
            sentences.append(_sentence(len(sentences), body, start, end, original, alignment,
                                       is_bullet=line.bullet))
        position += length + 1
    return Prepared(title, body, sentences, cleaned.dropped, original, alignment)


def _edits(text: str, title_end: int, lines) -> list[tuple[int, int, str]]:
    """Edits that turn the normalised text into the body: every gap between the title and the
    kept lines becomes one newline; what follows the last kept line goes."""
    edits: list[tuple[int, int, str]] = []
    previous = title_end
    for line in lines:
        edits.append((previous, line.start, "\n"))
        previous = line.end
    if lines:
        edits.append((previous, len(text), ""))
    else:
        edits.append((title_end, len(text), "\n"))
    return [edit for edit in edits if text[edit[0]:edit[1]] != edit[2]]


def _sentence(index: int, body: str, start: int, end: int, original: str, alignment: Alignment,
              *, is_title: bool = False, is_bullet: bool = False) -> Sentence:
    ostart, oend = alignment.to_original(start, end)
    return Sentence(index, body[start:end], start, end, original[ostart:oend],
                    is_title=is_title, is_bullet=is_bullet)
