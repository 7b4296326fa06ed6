"""Reading articles: ``.txt`` (with optional front matter), ``.jsonl`` and ``.html``, files or folders."""

from kg.io.readers import SUFFIXES, parse_date, read_articles, read_file

__all__ = ["read_articles", "read_file", "parse_date", "SUFFIXES"]
