"""Named SPARQL queries (``queries/*.rq``) and safe parameter binding.

A named query is a SPARQL file whose first lines are a ``#`` header::

    # name: who-called
    # title: Phone calls — who called whom, and when
    # description: one line or more of what it answers
    #   (an indented ``#`` line continues the field above it)
    # param: country  iso3  optional  Only calls with this state as a party (e.g. IRN)
    # param: since    date  optional  Only calls on or after this date (YYYY-MM-DD)

A ``param`` line gives the parameter's name (also the SPARQL variable it binds), its kind, whether
it is ``required`` or ``optional``, and a help text. Binding never pastes user text into SPARQL:
each value is parsed by its kind into an rdflib term (see :data:`KINDS`), written as a SPARQL term
(IRIs checked, strings escaped) and injected as ``VALUES ?name { term }`` right after the opening
brace of the outermost WHERE clause, so that it joins with the whole pattern (aggregates too) on
any SPARQL 1.1 engine. A parameter left out adds no VALUES block: the query must then leave the
variable free. Write queries so that this works: bind a parameter variable with a required triple
pattern (``?e rr:category ?category``), or use it only in filters
(``FILTER(!BOUND(?since) || ?date >= ?since)``); never bind it only inside an OPTIONAL, where a
given value would survive the OPTIONAL failing.

Example
-------
>>> query = get_query("who-called")
>>> [p.name for p in query.params]
['country', 'since', 'until']
>>> "VALUES ?country { <https://w3id.org/rrkg/id/actor/IRN> }" in bind(query, {"country": "IRN"})
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import Errors, QueryError
from kg.facts import PLOVER_CATEGORIES
from kg.rdf.namespaces import PREFIXES, actor_iri, category_iri, topic_iri
from kg.resources import queries_dir
from kg.store.base import QueryResult, Store, is_valid_iri

__all__ = ["Param", "NamedQuery", "KINDS", "load_queries", "get_query", "bind", "run_query",
           "parse_value", "sparql_term"]


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter of a named query: ``name`` is also the SPARQL variable it binds."""

    name: str
    kind: str
    required: bool
    help: str = ""


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A SPARQL query read from a ``.rq`` file with its header."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None
    #: Parameter values that make a meaningful call (the optional ``# example:`` header line); when
    #: given, it names every required parameter, so tests and benchmarks can run the query.
    example: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


# -- parameter kinds ----------------------------------------------------------------------------

_ACTOR_KEY = re.compile(r"^[A-Z][A-Z0-9-]{1,15}$")      # IRN, UN, CASPIAN, …
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT = re.compile(r"^[+-]?\d{1,18}$")
_TOPIC = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_PREFIXED = re.compile(r"^([a-z][a-z0-9]*):([^/].*)?$")


def _iso3(value: str) -> Node:
    key = value.strip().upper()
    if not _ACTOR_KEY.match(key):
        raise ValueError(value)
    return actor_iri(key)


def _date(value: str) -> Node:
    if not _DATE.match(value.strip()):
        raise ValueError(value)
    return Literal(date.fromisoformat(value.strip()))


def _int(value: str) -> Node:
    if not _INT.match(value.strip()):
        raise ValueError(value)
    return Literal(int(value))


_UNICODE_ESCAPE = re.compile(r"\\[uU]")


def _string(value: str) -> Node:
    # rdflib's SPARQL parser decodes \uXXXX before it reads strings, even after an escaped
    # backslash, so such a value would reach rdflib changed (still inside the literal): refuse it.
    if _UNICODE_ESCAPE.search(value):
        raise ValueError(value)
    return Literal(value)


def _iri(value: str) -> Node:
    """An absolute IRI, or a prefixed name of the graph model (``id:actor/IRN``, ``wd:Q794``)."""
    text = value.strip()
    match = _PREFIXED.match(text)
    if match and match.group(1) in PREFIXES:
        text = str(PREFIXES[match.group(1)]) + (match.group(2) or "")
    if not is_valid_iri(text):
        raise ValueError(value)
    return URIRef(text)


def _category(value: str) -> Node:
    name = value.strip().upper()
    if name not in PLOVER_CATEGORIES:
        raise ValueError(value)
    return category_iri(name)


def _topic(value: str) -> Node:
    key = value.strip().lower()
    if not _TOPIC.match(key):
        raise ValueError(value)
    return topic_iri(key)


#: Parameter kinds: name → parser from the user's text to an rdflib term (ValueError if invalid).
KINDS: dict[str, Callable[[str], Node]] = {
    "iso3": _iso3,          # IRN, or an IGO/group key (UN, CASPIAN) → id:actor/… IRI
    "date": _date,          # YYYY-MM-DD → xsd:date literal
    "int": _int,            # → xsd:integer literal
    "string": _string,      # → plain literal (any text but a backslash before u/U)
    "iri": _iri,            # absolute IRI or graph-model prefixed name → IRI
    "category": _category,  # one of the 16 PLOVER categories → plover:… IRI
    "topic": _topic,        # topic key (gas, oil-and-gas) → topic:… IRI
}


def parse_value(kind: str, value: str) -> Node:
    """Parse ``value`` as a parameter of ``kind`` (ValueError when it is not one).

    >>> parse_value("iso3", "irn"), parse_value("date", "2025-02-10").n3()
    (rdflib.term.URIRef('https://w3id.org/rrkg/id/actor/IRN'), '"2025-02-10"^^<http://www.w3.org/2001/XMLSchema#date>')
    """
    return KINDS[kind](value)


def sparql_term(term: Node) -> str:
    """``term`` written as SPARQL: rdflib's ``.n3()``, but plain strings escaped by hand.

    rdflib writes a string holding a newline in triple quotes and gets some endings wrong (a
    value ending in ``\\"`` yields unparseable SPARQL), so plain and language-tagged strings are
    written on one line with the four escapes SPARQL's STRING_LITERAL2 needs.

    >>> print(sparql_term(Literal('say "hi"\\n')))
    "say \\"hi\\"\\n"
    """
    if isinstance(term, Literal) and term.datatype is None:
        escaped = (str(term).replace("\\", "\\\\").replace('"', '\\"')
                   .replace("\n", "\\n").replace("\r", "\\r"))
        return f'"{escaped}"' + (f"@{term.language}" if term.language else "")
    if isinstance(term, URIRef) and not is_valid_iri(term):
        raise ValueError(f"invalid IRI {str(term)!r}")
    return term.n3()


# -- reading .rq files --------------------------------------------------------------------------

_HEADER = re.compile(r"^#\s?(name|title|description|param|example)\s*:\s*(.*)$")
_PARAM_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _read(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {"name": [], "title": [], "description": [], "example": []}
    params: list[Param] = []
    last: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match:
            key, value = match.groups()
            last = key
            if key == "param":
                params.append(_param(path, value.strip()))
            else:
                fields[key].append(value.strip())
        elif last in fields and line[1:].strip():
            fields[last].append(line[1:].strip())  # continuation of the field above
    name = " ".join(fields["name"]) or path.stem
    if name != path.stem:
        raise QueryError(Errors.E405, name=name, detail=f"{path}: the header name must be the file name")
    for param in params:
        if not re.search(rf"\?{param.name}\b", text):
            raise QueryError(Errors.E405, name=name,
                             detail=f"{path}: parameter {param.name!r} is not a variable of the query")
    example = _example(path, " ".join(fields["example"]), params)
    return NamedQuery(name=name, title=" ".join(fields["title"]),
                      description=" ".join(fields["description"]), params=tuple(params),
                      text=text, path=path, example=example)


def _example(path: Path, spec: str, params: list[Param]) -> tuple[tuple[str, str], ...]:
    """``name=value name=value`` of the ``# example:`` line, checked against the parameters."""
    pairs = tuple(tuple(item.split("=", 1)) for item in spec.split())
    names = {p.name for p in params}
    bad = [item for item in pairs if len(item) != 2 or item[0] not in names]
    missing = [p.name for p in params if spec and p.required and p.name not in dict(pairs)]
    if bad or missing:
        raise QueryError(Errors.E405, name=path.stem,
                         detail=f"{path}: the example line must give NAME=VALUE for parameters of the "
                                f"query, every required one included (bad: {bad}, missing: {missing})")
    return pairs


def _param(path: Path, spec: str) -> Param:
    parts = spec.split(maxsplit=3)
    if (len(parts) < 3 or not _PARAM_NAME.match(parts[0]) or parts[1] not in KINDS
            or parts[2] not in ("required", "optional")):
        raise QueryError(Errors.E405, name=path.stem,
                         detail=f"{path}: bad param line {spec!r}: expected 'NAME KIND required|optional "
                                f"HELP' with KIND one of {', '.join(KINDS)}")
    return Param(parts[0], parts[1], parts[2] == "required", parts[3] if len(parts) > 3 else "")


def load_queries(folder: str | Path | None = None) -> dict[str, NamedQuery]:
    """Every ``*.rq`` query in ``folder`` (the package's ``queries/`` by default), by name.

    >>> sorted(load_queries())[:3]
    ['actors', 'cooperation', 'events']
    """
    root = Path(folder) if folder is not None else queries_dir()
    return {q.name: q for q in (_read(p) for p in sorted(root.glob("*.rq")))}


def get_query(name_or_path: str | Path) -> NamedQuery:
    """A named query by name (``who-called``) or by the path of a ``.rq`` file.

    Raises :class:`~kg.errors.QueryError` ``KG401`` when there is no such query.
    """
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or text.endswith(".rq") or "/" in text:
        path = Path(text)
        if not path.is_file():
            raise QueryError(Errors.E401, name=text, known=f"no file {path}")
        return _read(path)
    queries = load_queries()
    if text not in queries:
        raise QueryError(Errors.E401, name=text, known=", ".join(sorted(queries)))
    return queries[text]


# -- binding -------------------------------------------------------------------------------------

def bind(query: NamedQuery, values: Mapping[str, str | None]) -> str:
    """The query's SPARQL with ``values`` bound as VALUES blocks (see the module docstring).

    ``None`` values count as not given. Raises :class:`~kg.errors.QueryError`: ``KG402`` unknown
    parameter, ``KG403`` a value that is not of the parameter's kind, ``KG404`` a required one
    missing.

    >>> q = get_query("events")
    >>> "VALUES ?category { <https://w3id.org/rrkg/plover/CONSULT> }" in bind(q, {"category": "consult"})
    True
    """
    known = ", ".join(p.name for p in query.params) or "no parameters"
    blocks: list[str] = []
    for name, value in values.items():
        param = query.param(name)
        if param is None:
            raise QueryError(Errors.E402, name=query.name, param=name, known=known)
        if value is None:
            continue
        try:
            term = sparql_term(parse_value(param.kind, str(value)))
        except ValueError as err:
            raise QueryError(Errors.E403, name=query.name, param=name, value=value,
                             kind=param.kind) from err
        blocks.append(f"VALUES ?{name} {{ {term} }}")
    for param in query.params:
        if param.required and values.get(param.name) is None:
            raise QueryError(Errors.E404, name=query.name, param=param.name)
    if not blocks:
        return query.text
    at = _where_brace(query)
    return query.text[:at + 1] + "\n  " + "\n  ".join(blocks) + query.text[at + 1:]


# Tokens the scan must step over whole, so that braces and keywords inside them do not count.
_SKIP = re.compile(r'''
    \#[^\n]*                                  # comment
  | """(?:[^"\\]|\\.|"(?!""))*"""             # long strings
  | \'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
  | "(?:[^"\\\n]|\\.)*"                      # short strings
  | '(?:[^'\\\n]|\\.)*'
  | <[^<>"{}|^`\\\x00-\x20]*>                 # IRIs (a "<" followed by a space is less-than)
  | [?$][A-Za-z0-9_]+                         # variables (?where is not WHERE)
  | [A-Za-z0-9_-]*:[A-Za-z0-9_.\\/%-]*        # prefixed names (ex:where is not WHERE)
''', re.X | re.S)
_WHERE = re.compile(r"(?<![A-Za-z0-9_])WHERE(?![A-Za-z0-9_])", re.I)


def _where_brace(query: NamedQuery) -> int:
    """Offset of the opening brace of the outermost WHERE clause (or of ``SELECT … {``)."""
    text = query.text
    depth, pos, after_where, first_brace = 0, 0, False, None
    while pos < len(text):
        skip = _SKIP.match(text, pos)
        if skip:
            pos = skip.end()
            continue
        char = text[pos]
        if char == "{":
            if depth == 0 and after_where:
                return pos
            if depth == 0 and first_brace is None:
                first_brace = pos
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and _WHERE.match(text, pos):
            after_where = True
            pos += 5
            continue
        pos += 1
    form = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", _SKIP.sub(" ", text), re.I)
    if first_brace is not None and form and form.group(1).upper() in ("SELECT", "ASK"):
        return first_brace
    raise QueryError(Errors.E405, name=query.name, detail="cannot find the outermost WHERE clause")


def run_query(store: Store, name_or_path: str | Path | NamedQuery,
              values: Mapping[str, str | None] | None = None) -> QueryResult:
    """Bind ``values`` to a named query and run it in ``store``'s engine.

    >>> from kg.store import open_store
    >>> with open_store("memory:") as store:
    ...     run_query(store, "stats").to_dicts()
    [{'graphs': 0, 'articles': 0, 'events': 0, 'actors': 0, 'triples': 0}]
    """
    query = name_or_path if isinstance(name_or_path, NamedQuery) else get_query(name_or_path)
    return store.query(bind(query, values or {}))
