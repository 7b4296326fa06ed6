"""Numbered, greppable error messages.

Every error the toolkit reports to a user carries a code ``KGnnn`` so that it can be searched for in
the docs, the code and the issue tracker. Codes are grouped by layer:

- KG0xx reading input          - KG1xx text and extraction
- KG2xx RDF and ontology       - KG3xx stores
- KG4xx queries                - KG5xx analytics, drawing, export
- KG9xx configuration

Example
-------
>>> err = KGError(Errors.E001, path="a.txt", detail="not UTF-8")
>>> str(err)
'[KG001] a.txt: cannot read the file: not UTF-8'
"""

from __future__ import annotations

__all__ = ["Errors", "KGError", "ReadError", "StoreError", "QueryError", "ValidationError"]


class Errors:
    """Message templates; ``str.format`` fields are filled from the error's keyword arguments."""

    # reading
    E001 = "{path}: cannot read the file: {detail}"
    E002 = "{path}: the file is empty"
    E003 = "{path}: not valid UTF-8 text (byte {offset}): {detail}"
    E004 = "{path}: looks like binary data, not text"
    E005 = "{path}:{line}: malformed JSON record: {detail}"
    E006 = "{path}:{line}: record lacks a required field: {detail}"
    E007 = "{path}: unsupported input (expected .txt, .jsonl, .html or a folder of them)"
    E008 = "{path}: no such file or folder"
    E009 = "{path}: invalid date {value!r} (expected YYYY-MM-DD)"
    # text and extraction
    E101 = "lexicon {path}:{line}: {detail}"
    E102 = "gazetteer {path}:{line}: {detail}"
    E103 = "article {article}: extraction failed: {detail}"
    # rdf / ontology
    E201 = "article {article}: the graph does not conform to the shapes: {detail}"
    E202 = "ontology file {path} cannot be parsed: {detail}"
    # stores
    E301 = "unknown store {url!r}: expected 'memory:', a folder path, 'oxigraph:DIR' or an http(s) SPARQL endpoint"
    E302 = "store {url}: {detail}"
    E303 = "store {url} is locked by another writer: {detail}"
    E304 = "store {url}: the batch was not written, nothing changed: {detail}"
    E305 = "SPARQL server {url} answered {status}: {detail}"
    E306 = "SPARQL server {url} cannot be reached: {detail}"
    # queries
    E401 = "unknown query {name!r}; known: {known}"
    E402 = "query {name}: unknown parameter {param!r}; it takes: {known}"
    E403 = "query {name}: parameter {param} = {value!r} is not a valid {kind}"
    E404 = "query {name}: missing required parameter {param!r}"
    E405 = "query {name}: {detail}"
    # analytics, drawing, export
    E501 = "unknown export format {fmt!r}; known: {known}"
    E502 = "cannot write {path}: {detail}"
    E503 = "unknown figure kind {kind!r}; known: {known}"
    E504 = "{path}: cannot tell the export format from the suffix {suffix!r}; give --format (one of {known})"
    # configuration
    E901 = "{detail}"
    E902 = "cannot serve on {host}:{port}: {detail}"


class KGError(Exception):
    """An error for the user: a numbered message with its location."""

    def __init__(self, template: str, **fields: object) -> None:
        self.code = next((name.replace("E", "KG", 1) for name, value in vars(Errors).items()
                          if value is template), "KG000")
        self.fields = fields
        try:
            message = template.format(**fields)
        except (KeyError, IndexError):
            message = f"{template} {fields}"
        super().__init__(f"[{self.code}] {message}")


class ReadError(KGError):
    """An input file or record cannot be read; the rest of the batch goes on."""


class StoreError(KGError):
    """A store cannot be opened, read or written."""


class QueryError(KGError):
    """A named query or its parameters are wrong."""


class ValidationError(KGError):
    """A graph does not conform to the SHACL shapes."""
