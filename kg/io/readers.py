"""Read news articles from ``.txt``, ``.jsonl`` and ``.html`` files and folders of them.

Readers yield :class:`kg.facts.Article` records and, for input that cannot be read, a
:class:`kg.errors.ReadError` in its place, so that a batch reports every bad file or record with its
location and goes on with the rest.

Example
-------
>>> from pathlib import Path
>>> items = list(read_articles([Path("examples")]))          # doctest: +SKIP
>>> [type(i).__name__ for i in items][:1]                    # doctest: +SKIP
['Article']
"""

from __future__ import annotations

import json
from dataclasses import replace
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from kg.errors import Errors, ReadError
from kg.facts import Article
from kg.io.html import html_to_text

__all__ = ["read_articles", "read_file", "parse_date", "SUFFIXES"]

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
_REQUIRED_JSONL = ("id", "text")


def read_articles(paths: Iterable[Path | str], *, lang: str | None = None,
                  day: date | None = None) -> Iterator[Article | ReadError]:
    """Read every article under ``paths`` (files, or folders searched recursively).

    Parameters
    ----------
    paths: files or folders; folders are walked in sorted order for files with a known suffix.
    lang: language of plain-text and HTML files when known (``fa``, ``en``); detected otherwise.
    day: publication date of plain-text and HTML files (JSONL records carry their own; a
        ``.txt`` file may carry its own in a front-matter block, see :func:`_front_matter`).

    Yields
    ------
    An ``Article`` per article read, or a ``ReadError`` naming the file (and line) that failed.
    """
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()):
                yield from read_file(child, lang=lang, day=day)
        elif path.exists():
            yield from read_file(path, lang=lang, day=day)
        else:
            yield ReadError(Errors.E008, path=str(path))


def read_file(path: Path, *, lang: str | None = None,
              day: date | None = None) -> Iterator[Article | ReadError]:
    """Read one file by its suffix; see :func:`read_articles`."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield ReadError(Errors.E007, path=str(path))
        return
    text = _read_text(path)
    if isinstance(text, ReadError):
        yield text
        return
    if suffix == ".jsonl":
        yield from _jsonl_articles(path, text)
    elif suffix in (".html", ".htm"):
        title, body = html_to_text(text)
        yield _plain_article(path, title, body, lang, day)
    else:
        meta, text = _front_matter(text)
        try:
            day = parse_date(meta["date"], where=str(path)) if "date" in meta else day
        except ReadError as exc:
            yield exc
            return
        title, _, body = text.strip().partition("\n")
        article = _plain_article(path, meta.get("title") or title.strip(), body.strip(),
                                 meta.get("lang") or lang, day)
        if meta.get("url") or meta.get("source") or meta.get("id"):
            article = replace(article, url=meta.get("url") or None, source=meta.get("source") or None,
                              id=meta.get("id") or article.id)
        yield article


def parse_date(value: object, *, where: str = "") -> date | None:
    """Parse an ISO date or date-time (``2020-02-29`` or ``2020-02-29 17:00:00``); None stays None."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            raise ReadError(Errors.E009, path=where, value=text) from None


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Optional metadata block at the top of a plain-text article, as static site generators use::

        ---
        date: 2025-02-11
        source: irna
        ---
        Title line
        Body …

    Keys: ``id``, ``title``, ``date``, ``lang``, ``url``, ``source``. Without the block, the file is
    all article (first non-empty line the title).
    """
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[number + 1:])
        key, sep, value = line.partition(":")
        if not sep:
            return {}, text  # not a metadata block after all
        meta[key.strip().lower()] = value.strip()
    return {}, text


def _read_text(path: Path) -> str | ReadError:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ReadError(Errors.E001, path=str(path), detail=exc.strerror or str(exc))
    if not raw.strip():
        return ReadError(Errors.E002, path=str(path))
    if b"\x00" in raw[:4096]:
        return ReadError(Errors.E004, path=str(path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadError(Errors.E003, path=str(path), offset=exc.start, detail=exc.reason)


def _plain_article(path: Path, title: str, body: str, lang: str | None, day: date | None) -> Article:
    from kg.text import detect_lang

    article_id = path.name.removesuffix(path.suffix)
    return Article(id=article_id, lang=lang or detect_lang(f"{title}\n{body}"), title=title,
                   text=body, date=day, location=str(path))


def _jsonl_articles(path: Path, text: str) -> Iterator[Article | ReadError]:
    from kg.text import detect_lang

    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("a JSON object per line is expected")
        except ValueError as exc:
            yield ReadError(Errors.E005, path=str(path), line=number, detail=str(exc))
            continue
        missing = [name for name in _REQUIRED_JSONL if not str(record.get(name) or "").strip()]
        if missing:
            yield ReadError(Errors.E006, path=str(path), line=number, detail=", ".join(missing))
            continue
        try:
            day = parse_date(record.get("date"), where=where)
        except ReadError as exc:
            yield exc
            continue
        title = str(record.get("title") or "").strip()
        body = str(record["text"]).strip()
        yield Article(
            id=str(record["id"]), lang=record.get("lang") or detect_lang(f"{title}\n{body}"),
            title=title, text=body, date=day, url=record.get("url") or None,
            source=record.get("source") or None, location=where,
        )
