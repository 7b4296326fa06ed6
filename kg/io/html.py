"""Article text out of a saved news web page.

Written on the standard library's ``html.parser`` rather than adding a dependency: we only need the
title and the text of paragraph-like blocks, in order, without scripts, styles, navigation,
headers, footers, forms and asides — the page furniture that a reader does not see as the article.

Example
-------
>>> html_to_text("<title>T</title><nav>menu</nav><p>One.</p><p>Two.</p>")
('T', 'One.\\nTwo.')
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["html_to_text"]

_SKIP = {"script", "style", "nav", "header", "footer", "form", "aside", "noscript", "svg",
         "button", "iframe", "select"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "blockquote", "div", "br", "tr", "section", "article"}


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCKS:
            self._flush()
            self._in_h1 = tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self._flush()
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif self._skip_depth == 0:
            if self._in_h1:
                self.h1 += data
            self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(html: str) -> tuple[str, str]:
    """Return ``(title, text)`` of a web page; the text has one block (paragraph, item) per line.

    The ``<h1>`` wins over ``<title>`` (which often carries the site's name); a first block equal to
    the title is dropped.
    """
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    title = " ".join((parser.h1 or parser.title).split())
    blocks = parser.blocks
    if blocks and blocks[0] == title:
        blocks = blocks[1:]
    return title, "\n".join(blocks)
