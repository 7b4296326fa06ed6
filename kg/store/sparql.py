"""A remote store: any SPARQL 1.1 server over HTTP (Oxigraph server, Virtuoso, or a generic one).

Queries go through SPARQLWrapper (the SPARQL 1.1 Protocol; JSON results for SELECT/ASK, Turtle
for CONSTRUCT/DESCRIBE) and come back as rdflib terms in a :class:`~kg.store.base.QueryResult`,
equal to what the local backends answer. Writes are SPARQL 1.1 Update requests
(``DROP SILENT GRAPH`` then ``INSERT DATA``) sent with urllib, because SPARQLWrapper gives no
access to the HTTP status and installs a process-wide opener for digest authentication.

Opening
-------
``open_store(URL)`` with URL options in its query string (removed before the URL is used)::

    http://127.0.0.1:7878?flavour=oxigraph          # /query, /update, /store under the root
    http://127.0.0.1:8890/sparql?flavour=virtuoso   # /sparql, updates on /sparql-auth (digest)
    https://example.org/sparql?update=https://example.org/update     # generic (the default)

``flavour`` (``oxigraph``, ``virtuoso``, ``generic``), ``update`` (update endpoint: a URL or a
path on the same server), ``gsp`` (Graph Store endpoint), ``timeout`` (seconds, default 300),
``max_rows`` (the server's row cap, for Virtuoso), ``auth`` (``digest`` or ``basic``),
``exclude`` (a graph left out of :meth:`~SparqlStore.graphs`, sync and dump; repeatable). Other
query parameters stay on the endpoint URL.

Virtuoso keeps its own system graphs (about 2.5k triples) among the named graphs, so that
``GRAPH ?g`` patterns see them. They are hidden on the server with graph-level security
(:meth:`kg.store.servers.VirtuosoServer.hide_system_graphs`, whose SQL ``docs/stores.md``
gives for a Virtuoso of your own); the client also leaves them out of ``graphs()``. Virtuoso's
``define input:named-graph-exclude`` pragma is not used: with it, ``GRAPH <iri> { … }`` matches
nothing (checked on 7.2.5).

Credentials are never part of the URL (a password there is refused): they come from the
arguments of :class:`SparqlStore`, else the environment (``KG_SPARQL_USER``,
``KG_SPARQL_PASSWORD``), else the credentials file (``KG_SPARQL_CREDENTIALS`` or
``~/.config/regional-relations-kg/credentials.toml``), a TOML table per server::

    ["http://127.0.0.1:8890"]        # the origin, or a full endpoint URL
    user = "dba"
    password = "…"
    auth = "digest"                  # optional

Atomicity
---------
- ``oxigraph`` and ``generic``: a batch is ONE update request. Oxigraph server runs a request
  in one transaction (checked: a request whose last operation fails leaves no trace), and
  SPARQL 1.1 Update says a request SHOULD be atomic, so the batch is all or nothing where the
  server honours that.
- ``virtuoso``: Virtuoso commits each operation of a request on its own (checked: an
  ``INSERT DATA`` before a failing operation stays written), and large ``INSERT DATA``
  operations are slow to parse, so a batch is sent graph by graph in requests of at most
  ``request_triples`` triples (a graph bigger than that spans several). If a request fails, the
  requests before it stay written: a replaced graph is then either new, old, or (the one being
  written) partly new, and the error (KG305) says so. Writing the same batch again gives the
  store it should have had (replace semantics), so a failed batch is repaired by re-running it.
  Triples with blank nodes all go in the first request, so that a blank node keeps its identity,
  as an ``INSERT { … } WHERE {}`` (Virtuoso refuses blank nodes in ``INSERT DATA``).

Errors: the server cannot be reached or does not answer in time → ``KG306``; an HTTP error →
``KG305`` with the status and the start of the body (a query the server rejects as malformed,
400, → ``KG405``); an answer cut short (Virtuoso's ``ResultSetMaxRows`` cap or an "anytime"
partial answer) → ``KG305``, never a silently short answer.

Example
-------
>>> store = SparqlStore("http://127.0.0.1:7878", flavour="oxigraph")   # doctest: +SKIP
>>> store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").to_dicts()  # doctest: +SKIP
[{'n': 437}]
"""

from __future__ import annotations

import ast
import json
import os
import re
import socket
import tomllib
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace as dc_replace
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, SPARQLWrapper, TURTLE, URLENCODED
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError, EndPointNotFound, QueryBadFormed, SPARQLWrapperException, Unauthorized,
    URITooLong,
)

from kg.errors import Errors, QueryError, StoreError
from kg.rdf.namespaces import PREFIXES
from kg.store.base import QueryResult, Store, Triple, prepare_batch, register_store
from kg.store.oxigraph import from_ox, to_ox

__all__ = ["SparqlStore", "Flavour", "FLAVOURS", "credentials_file", "find_credentials"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_STATUS = {QueryBadFormed: 400, Unauthorized: 401, EndPointNotFound: 404, URITooLong: 414,
           EndPointInternalError: 500}
_OPTIONS = ("flavour", "update", "gsp", "timeout", "max_rows", "auth", "exclude")


@dataclass(frozen=True)
class Flavour:
    """What differs between SPARQL servers: endpoint paths, atomicity, auth, hidden graphs.

    ``query``/``update``/``gsp`` are paths relative to the server root (None: the URL as given);
    ``atomic``: one update request is one transaction (a batch is then one request);
    ``request_triples``: most triples per update request when not atomic; ``max_rows``: the
    server's default row cap; ``exclude``: graphs the server keeps for itself (left out of
    :meth:`SparqlStore.graphs`).
    """

    name: str
    query: str | None = None
    update: str | None = None
    gsp: str | None = None
    atomic: bool = True
    request_triples: int | None = None
    auth: str = "basic"
    max_rows: int | None = None
    exclude: tuple[str, ...] = ()
    update_needs_auth: bool = False


#: The known flavours (see the module docstring).
FLAVOURS: dict[str, Flavour] = {
    "oxigraph": Flavour("oxigraph", query="/query", update="/update", gsp="/store"),
    "virtuoso": Flavour(
        "virtuoso", query="/sparql", update="/sparql-auth", gsp="/sparql-graph-crud-auth",
        atomic=False, request_triples=10_000, auth="digest", max_rows=10_000,
        update_needs_auth=True,
        exclude=("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                 "http://www.w3.org/2002/07/owl#", "http://localhost:8890/sparql",
                 "http://localhost:8890/DAV/")),
    "generic": Flavour("generic"),
}


# -- credentials -----------------------------------------------------------------------------------

def credentials_file() -> Path:
    """Where credentials are read: ``$KG_SPARQL_CREDENTIALS``, else
    ``$XDG_CONFIG_HOME/regional-relations-kg/credentials.toml`` (``~/.config`` by default)."""
    if os.environ.get("KG_SPARQL_CREDENTIALS"):
        return Path(os.environ["KG_SPARQL_CREDENTIALS"]).expanduser()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "regional-relations-kg" / "credentials.toml"


def find_credentials(endpoint: str) -> tuple[str | None, str | None, str | None]:
    """``(user, password, auth)`` for ``endpoint`` from the environment, else the credentials file.

    The file's tables are looked up by the endpoint URL, then by its origin
    (``scheme://host:port``). Returns Nones when nothing is configured.
    """
    user, password = os.environ.get("KG_SPARQL_USER"), os.environ.get("KG_SPARQL_PASSWORD")
    if user or password:
        return user, password, os.environ.get("KG_SPARQL_AUTH")
    path = credentials_file()
    if not path.is_file():
        return None, None, None
    if os.name == "posix" and path.stat().st_mode & 0o077:
        warnings.warn(f"{path} can be read by other users: chmod 600 it", stacklevel=3)
    try:
        tables = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise StoreError(Errors.E302, url=endpoint, detail=f"cannot read {path}: {err}") from err
    parts = urllib.parse.urlsplit(endpoint)
    for key in (endpoint, f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{parts.hostname}"):
        entry = tables.get(key) or tables.get(key.rstrip("/"))
        if isinstance(entry, dict):
            return entry.get("user"), entry.get("password"), entry.get("auth")
    return None, None, None


# -- terms -----------------------------------------------------------------------------------------

def _json_term(value: Mapping[str, str] | None) -> Node | None:
    """A term of the SPARQL JSON results format as an rdflib term, as the local backends give it.

    ``xsd:string`` and ``rdf:langString`` literals come back plain (``Literal("x")``,
    ``Literal("x", lang=…)``), as rdflib and :func:`kg.store.oxigraph.from_ox` write them;
    Virtuoso's ``typed-literal`` is a literal with a datatype.
    """
    if value is None:
        return None
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        lang, datatype = value.get("xml:lang"), value.get("datatype")
        if lang:
            return Literal(text, lang=lang)
        if datatype and datatype not in (_XSD_STRING, _LANG_STRING):
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    raise ValueError(f"unsupported term in an answer: {value!r}")


def _sparql(term: Node) -> str:
    """A term written for SPARQL (Oxigraph's N-Triples writer escapes what must be escaped)."""
    return str(to_ox(term))


def _ntriples(triples: Iterable[Triple]) -> str:
    quads = (ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples)
    return ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _has_bnode(triple: Triple) -> bool:
    return isinstance(triple[0], BNode) or isinstance(triple[2], BNode)


_PREFIX_DECL = re.compile(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?\s*:")
_TRAILING_LIMIT = re.compile(r"(?is)\bLIMIT\s+(\d+)(\s+OFFSET\s+\d+)?\s*$")


def _excerpt(body: bytes | str, size: int = 200) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = " ".join(text.split())
    return text[:size] + ("…" if len(text) > size else "") or "(empty body)"


def _wrapper_body(err: SPARQLWrapperException) -> str:
    """The server's body kept (as a bytes repr) in a SPARQLWrapper exception's message."""
    text = str(err)
    if "Response:\n" in text:
        raw = text.split("Response:\n", 1)[1]
        try:
            value = ast.literal_eval(raw)
            return _excerpt(value)
        except (ValueError, SyntaxError):
            return _excerpt(raw)
    return _excerpt(getattr(err, "msg", text))


class _CutAnswer(StoreError):
    """An answer the server cut at its row cap (KG305); :meth:`SparqlStore.select_all` pages then."""


_SORTED_PAGE = 10_000  # Virtuoso refuses ORDER BY … LIMIT above MaxSortedTopRows (10,000 by default)


# -- the store -------------------------------------------------------------------------------------

@dataclass
class _Endpoints:
    query: str
    update: str
    gsp: str | None
    params: list[tuple[str, str]] = field(default_factory=list)


class SparqlStore(Store):
    """Named graphs on a remote SPARQL 1.1 server (see the module docstring).

    Parameters
    ----------
    endpoint: the server URL: its root (Oxigraph) or its query endpoint (Virtuoso, generic).
    flavour: ``oxigraph``, ``virtuoso`` or ``generic``.
    update_endpoint, gsp_endpoint: override the flavour's (a full URL, or a path on the server).
    user, password, auth: credentials (else from the environment or the credentials file).
    timeout: seconds to wait for one answer.
    max_rows: the server's row cap (answers that reach it are errors); the flavour's by default.
    request_triples: most triples per update request where a batch cannot be one request.
    exclude: graphs left out of :meth:`graphs` (Virtuoso's system graphs by default).
    read_only: refuse writes.
    url: how the store is named in messages (the endpoint by default).
    """

    scheme = "http"
    local = False

    def __init__(self, endpoint: str, *, flavour: str = "generic", update_endpoint: str | None = None,
                 gsp_endpoint: str | None = None, user: str | None = None, password: str | None = None,
                 auth: str | None = None, timeout: float = 300.0, max_rows: int | None = None,
                 request_triples: int | None = None, exclude: Iterable[str] | None = None,
                 read_only: bool = False, url: str | None = None) -> None:
        if flavour not in FLAVOURS:
            raise StoreError(Errors.E302, url=endpoint,
                             detail=f"unknown flavour {flavour!r}; known: {', '.join(FLAVOURS)}")
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(Errors.E301, url=endpoint)
        if parts.password:
            raise StoreError(Errors.E302, url=_redact(endpoint), detail="a password in the URL is "
                             "refused: use KG_SPARQL_PASSWORD or the credentials file")
        self.flavour = FLAVOURS[flavour]
        if request_triples is not None:
            self.flavour = dc_replace(self.flavour, request_triples=request_triples)
        self.endpoints = _endpoints(endpoint, self.flavour, update_endpoint, gsp_endpoint)
        self.url = url or _redact(endpoint)
        self.read_only = read_only
        self.timeout = float(timeout)
        self.max_rows = max_rows if max_rows is not None else self.flavour.max_rows
        self.exclude = tuple(self.flavour.exclude if exclude is None else exclude)
        found_user, found_password, found_auth = (None, None, None)
        if user is None and password is None:
            found_user, found_password, found_auth = find_credentials(self.endpoints.query)
        self.user = user if user is not None else (parts.username or found_user)
        self._password = password if password is not None else found_password
        self.auth = (auth or found_auth or self.flavour.auth).lower()
        if self.auth not in ("basic", "digest"):
            raise StoreError(Errors.E302, url=self.url, detail=f"unknown auth {self.auth!r} (basic, digest)")
        if self.flavour.update_needs_auth and self.user is None and update_endpoint is None:
            self.endpoints.update = self.endpoints.query  # anonymous: updates will be refused (E305)
        self._opener: urllib.request.OpenerDirector | None = None
        self.requests = 0  # update requests sent (tests check that a batch is one request)

    @classmethod
    def from_url(cls, url: str, location: str, *, create: bool = True,
                 read_only: bool = False) -> SparqlStore:
        """Open from an ``http(s)://`` URL whose query string may hold the options above."""
        endpoint, options = _split_options(url)
        kwargs: dict[str, Any] = {}
        try:
            if "timeout" in options:
                kwargs["timeout"] = float(options["timeout"][-1])
            if "max_rows" in options:
                kwargs["max_rows"] = int(options["max_rows"][-1])
        except ValueError as err:
            raise StoreError(Errors.E302, url=_redact(url), detail=f"bad option: {err}") from err
        if "exclude" in options:
            kwargs["exclude"] = [*FLAVOURS.get(options.get("flavour", ["generic"])[-1],
                                               FLAVOURS["generic"]).exclude, *options["exclude"]]
        return cls(endpoint, flavour=options.get("flavour", ["generic"])[-1],
                   update_endpoint=options.get("update", [None])[-1],
                   gsp_endpoint=options.get("gsp", [None])[-1], auth=options.get("auth", [None])[-1],
                   read_only=read_only, url=_redact(url), **kwargs)

    # -- HTTP -----------------------------------------------------------------------------------
    def _auth_opener(self) -> urllib.request.OpenerDirector:
        if self._opener is None:
            handlers: list[urllib.request.BaseHandler] = []
            if self.user is not None and self._password is not None:
                manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                for target in {self.endpoints.query, self.endpoints.update, self.endpoints.gsp}:
                    if target:
                        manager.add_password(None, target, self.user, self._password)
                handler = (urllib.request.HTTPDigestAuthHandler if self.auth == "digest"
                           else urllib.request.HTTPBasicAuthHandler)
                handlers.append(handler(manager))
            self._opener = urllib.request.build_opener(*handlers)
        return self._opener

    def _send(self, request: urllib.request.Request) -> tuple[int, dict[str, str], bytes]:
        """Send ``request``; HTTP errors → E305, no connection or no answer in time → E306."""
        target = request.full_url.split("?", 1)[0]
        try:
            with self._auth_opener().open(request, timeout=self.timeout) as answer:
                return answer.status, dict(answer.headers.items()), answer.read()
        except urllib.error.HTTPError as err:
            body = err.read() if err.fp is not None else b""
            raise StoreError(Errors.E305, url=target, status=err.code, detail=_excerpt(body)) from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise StoreError(Errors.E306, url=target, detail=str(reason)) from err

    def _update(self, text: str) -> None:
        """POST one SPARQL Update request (``application/sparql-update``)."""
        request = urllib.request.Request(self.endpoints.update, data=text.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        self.requests += 1
        self._send(request)

    def ping(self) -> bool:
        """True when the server answers ``ASK {}`` (else E305/E306)."""
        return self.query("ASK {}").ask is True

    # -- reading --------------------------------------------------------------------------------
    def _prologue(self, sparql: str) -> str:
        """The project's prefixes that the query does not declare, then the query.

        The local backends know the project's prefixes (``rr:``, ``id:``…) without a
        declaration, so the remote one declares them for the server.
        """
        declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(sparql)}
        lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
        return "\n".join(lines) + "\n" + sparql

    def query(self, sparql: str) -> QueryResult:
        wrapper = SPARQLWrapper(self.endpoints.query)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # an unknown form: the server decides
            wrapper.setQuery(sparql)
        form = wrapper.queryType
        if wrapper.isSparqlUpdateRequest():
            raise QueryError(Errors.E405, name="SPARQL", detail=f"{form} is an update, not a query")
        wrapper.queryString = self._prologue(sparql)  # after setQuery: its form sniffing stays right
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setOnlyConneg(True)
        wrapper.setReturnFormat(JSON if form in ("SELECT", "ASK") else TURTLE)
        wrapper.setTimeout(int(self.timeout))
        for name, value in self.endpoints.params:
            wrapper.addParameter(name, value)
        if self.user is not None and self._password is not None and not self.flavour.update_needs_auth:
            wrapper.setHTTPAuth(self.auth.upper())
            wrapper.setCredentials(self.user, self._password)
        headers, body = self._ask(wrapper)
        self._check_complete(headers)
        try:
            if form in ("CONSTRUCT", "DESCRIBE"):
                return self._graph_answer(body, headers)
            return self._table_answer(json.loads(body), headers, sparql)
        except StoreError:
            raise
        except (ValueError, KeyError, TypeError, SyntaxError) as err:
            raise StoreError(Errors.E305, url=self.endpoints.query, status="200",
                             detail=f"unreadable answer: {err}") from err

    def _ask(self, wrapper: SPARQLWrapper) -> tuple[dict[str, str], bytes]:
        target = self.endpoints.query
        try:
            answer = wrapper.query()
            return dict(answer.info()), answer.response.read()
        except QueryBadFormed as err:
            raise QueryError(Errors.E405, name="SPARQL",
                             detail=f"{target} refused it (400): {_wrapper_body(err)}") from err
        except SPARQLWrapperException as err:
            status = _STATUS.get(type(err), "an error")
            raise StoreError(Errors.E305, url=target, status=status, detail=_wrapper_body(err)) from err
        except urllib.error.HTTPError as err:
            body = err.read() if err.fp is not None else b""
            raise StoreError(Errors.E305, url=target, status=err.code, detail=_excerpt(body)) from err
        except (urllib.error.URLError, OSError, socket.timeout) as err:
            raise StoreError(Errors.E306, url=target, detail=str(getattr(err, "reason", err))) from err

    def _check_complete(self, headers: Mapping[str, str]) -> None:
        """Virtuoso marks an "anytime" answer cut by its time limit with ``X-SQL-State``."""
        lower = {k.lower(): v for k, v in headers.items()}
        if "x-sql-state" in lower:
            raise StoreError(Errors.E305, url=self.endpoints.query, status="200 with a partial answer",
                             detail=f"{lower['x-sql-state']}: {_excerpt(lower.get('x-sql-message', ''))}"
                                    " — raise MaxQueryExecutionTime in the server's virtuoso.ini")

    def _check_rows(self, rows: int, headers: Mapping[str, str], sparql: str | None) -> None:
        """An answer that reached the server's row cap was cut: refuse it (KG305)."""
        lower = {k.lower(): v for k, v in headers.items()}
        cap = int(lower["x-sparql-maxrows"]) if lower.get("x-sparql-maxrows", "").isdigit() else self.max_rows
        if cap is None or rows < cap:
            return
        own_limit = _TRAILING_LIMIT.search(sparql or "")
        if own_limit and int(own_limit.group(1)) <= cap:
            return  # the query asked for at most that many rows itself
        raise _CutAnswer(Errors.E305, url=self.endpoints.query, status="200 with a cut answer",
                         detail=f"{rows} rows reached the server's cap of {cap} (Virtuoso's "
                                "ResultSetMaxRows): raise it, or page with LIMIT/OFFSET")

    def _table_answer(self, doc: dict, headers: Mapping[str, str], sparql: str) -> QueryResult:
        if "boolean" in doc:
            return QueryResult.from_ask(bool(doc["boolean"]))
        names = list(doc["head"].get("vars", []))
        rows = [tuple(_json_term(binding.get(name)) for name in names)
                for binding in doc["results"]["bindings"]]
        self._check_rows(len(rows), headers, sparql)
        return QueryResult(vars=names, rows=rows)

    def _graph_answer(self, body: bytes, headers: Mapping[str, str]) -> QueryResult:
        content_type = {k.lower(): v for k, v in headers.items()}.get("content-type", "text/turtle")
        fmt = (ox.RdfFormat.N_TRIPLES if "n-triples" in content_type
               else ox.RdfFormat.RDF_XML if "rdf+xml" in content_type else ox.RdfFormat.TURTLE)
        graph = Graph()
        for triple in ox.parse(body, format=fmt):
            graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
        self._check_rows(len(graph), {}, None)
        return QueryResult.from_graph(graph)

    def select_all(self, select: str, order: str, page: int | None = None) -> Iterator[tuple]:
        """Rows of a SELECT, even when they are more than the server's row cap.

        The query is sent as it is; if its answer reaches the cap (Virtuoso's 10,000 rows by
        default), it is sent again in pages (``ORDER BY order LIMIT … OFFSET …``, at most
        10,000 rows a page: Virtuoso's ``MaxSortedTopRows``).
        """
        if page is None:
            try:
                yield from self.query(select).rows
                return
            except _CutAnswer:
                pass
        size = min(page or _SORTED_PAGE, self.max_rows or _SORTED_PAGE, _SORTED_PAGE)
        offset = 0
        while True:
            rows = self.query(f"{select}\nORDER BY {order}\nLIMIT {size} OFFSET {offset}").rows
            yield from rows
            if len(rows) < size:
                return
            offset += size

    def graph_counts(self) -> dict[URIRef, int]:
        """Triples per named graph, in one query (paged under a row cap); ``exclude`` left out."""
        rows = self.select_all("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                               "?g")
        hidden = set(self.exclude)
        return {g: int(n) for g, n in rows if isinstance(g, URIRef) and str(g) not in hidden}

    def graphs(self) -> list[URIRef]:
        # not SELECT DISTINCT ?g: Virtuoso answers it from its list of graph names, ignoring
        # graph-level security, so it would list the system graphs that security hides
        return sorted(self.graph_counts())

    def has_graph(self, graph: URIRef) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {_sparql(graph)} {{ ?s ?p ?o }} }}").ask)

    def graph_value(self, graph: URIRef, subject: Node, predicate: URIRef) -> Node | None:
        if isinstance(subject, BNode):
            return None  # a server's blank node cannot be named in a query
        rows = self.query(f"SELECT ?o WHERE {{ GRAPH {_sparql(graph)} {{ {_sparql(subject)} "
                          f"{_sparql(predicate)} ?o }} }}").rows
        return min((row[0] for row in rows), key=lambda term: term.n3(), default=None)

    def count_triples(self, graph: URIRef | None = None) -> int:
        target = "?g" if graph is None else _sparql(graph)
        answer = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {target} {{ ?s ?p ?o }} }}")
        return int(answer.rows[0][0])

    def read_graphs(self, graphs: Iterable[URIRef], counts: Mapping[URIRef, int] | None = None,
                    rows_per_query: int = 50_000) -> Iterator[tuple[URIRef, list[Triple]]]:
        """The triples of each graph in ``graphs``, several graphs per query (for sync and dump).

        Graphs are packed into ``VALUES ?g {…}`` blocks of at most ``rows_per_query`` triples
        (by ``counts``, fetched when not given); a graph bigger than that is paged on its own.
        """
        graphs = list(graphs)
        counts = counts if counts is not None else self.graph_counts()
        # below the cap: Virtuoso flags an answer of exactly ``max_rows`` rows as cut
        limit = min(rows_per_query, self.max_rows - 1 if self.max_rows else rows_per_query)
        block: list[URIRef] = []
        size = 0
        for graph in graphs + [None]:
            n = counts.get(graph, 0) if graph is not None else 0
            if block and (graph is None or size + n > limit or len(block) >= 1000):
                yield from self._read_block(block)
                block, size = [], 0
            if graph is None:
                break
            if n > limit:
                triples = [(s, p, o) for s, p, o in self.select_all(
                    f"SELECT ?s ?p ?o WHERE {{ GRAPH {_sparql(graph)} {{ ?s ?p ?o }} }}", "?s ?p ?o")]
                yield graph, triples
            else:
                block.append(graph)
                size += n

    def _read_block(self, block: list[URIRef]) -> Iterator[tuple[URIRef, list[Triple]]]:
        values = " ".join(_sparql(g) for g in block)
        rows = self.query(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} "
                          f"GRAPH ?g {{ ?s ?p ?o }} }}").rows
        out: dict[URIRef, list[Triple]] = {g: [] for g in block}
        for g, s, p, o in rows:
            out[g].append((s, p, o))
        yield from out.items()

    def dump(self, out: BinaryIO, fmt: str) -> None:
        """Write the named graphs (read back graph by graph) with Oxigraph's serialisers."""
        self._check_dump_format(fmt)
        if fmt == "turtle":
            union: set[ox.Triple] = set()
            for _graph, triples in self.read_graphs(self.graphs()):
                union.update(ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples)
            ox.serialize(sorted(union, key=str), out, format=ox.RdfFormat.TURTLE,
                         prefixes={p: str(ns) for p, ns in PREFIXES.items()})
            return
        form = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(graph))
                 for graph, triples in self.read_graphs(self.graphs()) for s, p, o in triples]
        ox.serialize(quads, out, format=form, prefixes={p: str(ns) for p, ns in PREFIXES.items()})

    # -- writing --------------------------------------------------------------------------------
    def write_batch(self, replace: Mapping[URIRef, Iterable[Triple]],
                    add: Mapping[URIRef, Iterable[Triple]] = {}) -> None:  # noqa: B006
        self._check_writable()
        try:
            replace_rows, add_rows = prepare_batch(replace, add)
            requests = self.plan_batch(replace_rows, add_rows)
        except Exception as err:
            raise StoreError(Errors.E304, url=self.url, detail=str(err)) from err
        for number, text in enumerate(requests):
            try:
                self._update(text)
            except StoreError as err:
                if len(requests) > 1 and number > 0:
                    err.args = (f"{err.args[0]} — requests 1–{number} of {len(requests)} of this batch "
                                "were written: write the same batch again to repair the store",)
                elif self.flavour.atomic:
                    err.args = (f"{err.args[0]} — the batch was one request: nothing changed",)
                raise

    def plan_batch(self, replace: Mapping[URIRef, list[Triple]],
                   add: Mapping[URIRef, list[Triple]]) -> list[str]:
        """The update requests that write a checked batch (one, unless the flavour is not atomic)."""
        order: list[tuple[URIRef, bool, list[Triple]]] = [(g, True, t) for g, t in replace.items()]
        order += [(g, False, t) for g, t in add.items()]
        if self.flavour.atomic or self.flavour.request_triples is None:
            drops = [f"DROP SILENT GRAPH {_sparql(g)}" for g, dropped, _ in order if dropped]
            inserts = _insert_data([(g, t) for g, _, t in order])
            return [" ;\n".join(drops + ([inserts] if inserts else []))] if drops or inserts else []
        return self._chunked(order, self.flavour.request_triples)

    @staticmethod
    def _chunked(order: list[tuple[URIRef, bool, list[Triple]]], limit: int) -> list[str]:
        """Requests of at most about ``limit`` triples, graph by graph, each graph dropped just
        before its first triples; every triple with a blank node goes in the first request."""
        requests: list[str] = []
        ops: list[str] = []
        pending: list[tuple[URIRef, list[Triple]]] = []
        size = 0
        dropped: set[URIRef] = set()
        replaced = {graph for graph, is_replace, _ in order if is_replace}

        def drop(graph: URIRef) -> None:
            if graph in replaced and graph not in dropped:
                ops.append(f"DROP SILENT GRAPH {_sparql(graph)}")
                dropped.add(graph)

        def flush() -> None:
            nonlocal ops, pending, size
            if pending:
                ops.append(_insert_data(pending))
            if ops:
                requests.append(" ;\n".join(ops))
            ops, pending, size = [], [], 0

        blank_groups = []
        for graph, _, triples in order:  # the first request: blank nodes keep their identity
            blank = [t for t in triples if _has_bnode(t)]
            if blank:
                drop(graph)
                blank_groups.append((graph, blank))
                size += len(blank)
        if blank_groups:  # Virtuoso refuses blank nodes in INSERT DATA; a template makes them fresh
            ops.append(_insert_data(blank_groups).replace("INSERT DATA {", "INSERT {", 1) + " WHERE {}")
        for graph, _, triples in order:
            if graph not in dropped and size >= limit:
                flush()
            drop(graph)
            rest = [t for t in triples if not _has_bnode(t)]
            while rest:
                if size >= limit:
                    flush()
                room = limit - size
                pending.append((graph, rest[:room]))
                size += len(rest[:room])
                rest = rest[room:]
        flush()
        return requests

    def drop_graph(self, graph: URIRef) -> None:
        self._check_writable()
        self._update(f"DROP SILENT GRAPH {_sparql(graph)}")

    def close(self) -> None:
        self._opener = None


#: Most triples in one ``GRAPH <g> { … }`` block: Virtuoso 7.2's SPARQL parser runs out of stack
#: ("SP030 … memory exhausted") at about 4,990 triples in one block, while a request of many
#: blocks of the same graph is fine; SPARQL allows a graph's block to repeat.
BLOCK_TRIPLES = 2_000


def _insert_data(groups: Iterable[tuple[URIRef, list[Triple]]]) -> str:
    blocks = [f"GRAPH {_sparql(g)} {{\n{_ntriples(t[i:i + BLOCK_TRIPLES])}}}"
              for g, t in groups for i in range(0, len(t), BLOCK_TRIPLES)]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}" if blocks else ""


# -- URLs ------------------------------------------------------------------------------------------

def _redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def _split_options(url: str) -> tuple[str, dict[str, list[str]]]:
    """The endpoint URL without our options, and the options (``flavour``, ``update``…)."""
    parts = urllib.parse.urlsplit(url)
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    options: dict[str, list[str]] = {}
    kept = []
    for name, value in pairs:
        if name in _OPTIONS:
            options.setdefault(name, []).append(value)
        else:
            kept.append((name, value))
    endpoint = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(kept)))
    return endpoint, options


def _endpoints(endpoint: str, flavour: Flavour, update: str | None, gsp: str | None) -> _Endpoints:
    """The query, update and Graph Store endpoints of a server URL under ``flavour``."""
    parts = urllib.parse.urlsplit(endpoint)
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    if ":" in parts.hostname:  # IPv6 literal
        netloc = f"[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
    origin = f"{parts.scheme}://{netloc}"
    path = parts.path.rstrip("/")
    params = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    if flavour.query is not None:
        # the URL may be the server root or one of its endpoints: find the root
        root = path
        for known in (flavour.query, flavour.update, flavour.gsp, "/sparql", "/query"):
            if known and root.endswith(known):
                root = root[: -len(known)]
                break
        query = origin + root + flavour.query
        default_update = origin + root + (flavour.update or flavour.query)
        default_gsp = origin + root + flavour.gsp if flavour.gsp else None
    else:
        query = origin + (path or "/")
        default_update, default_gsp = query, None

    def resolve(value: str | None, default: str | None) -> str | None:
        if value is None:
            return default
        return value if "://" in value else origin + "/" + value.lstrip("/")

    return _Endpoints(query=query, update=resolve(update, default_update) or query,
                      gsp=resolve(gsp, default_gsp), params=params)


register_store("http", SparqlStore)
register_store("https", SparqlStore)
