"""A local, read-only SPARQL endpoint over a store, with a query page for the browser.

``serve("kg-store")`` opens the store read-only and answers on http://127.0.0.1:7879:

- ``/`` — a page (one HTML file, no CDN, works offline): a textarea, the named queries of
  ``queries/*.rq`` to start from, a results table;
- ``/query`` (also ``/sparql``) — the SPARQL 1.1 Protocol: ``GET ?query=…`` or ``POST`` (form or
  ``application/sparql-query``); SELECT/ASK as JSON (``application/sparql-results+json``) or CSV
  (``text/csv``), CONSTRUCT as Turtle or N-Triples (as a JSON table when JSON is asked for);
- ``/queries`` — the named queries as JSON (name, title, description, params, text);
- ``/update`` — refused (403): the endpoint is read-only.

Why not ``oxigraph serve-read-only``: that binary is an optional extra (``pip install
oxigraph``), its page loads YASGUI, and it would not serve the other backends; this module needs
only the standard library's ``http.server`` and answers from any :class:`~kg.store.Store`.
Queries run in the store's own engine (Oxigraph for a folder).

Example
-------
>>> server = make_server("memory:", port=0)          # port 0: any free port
>>> server.server_address[0]
'127.0.0.1'
>>> server.server_close(); server.store.close()
"""

from __future__ import annotations

import io
import json
import sys
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import KGError, QueryError
from kg.store import Store, open_store

__all__ = ["serve", "make_server", "PAGE"]

#: The query page served at ``/``.
PAGE = Path(__file__).with_name("serve.html")
_MAX_BODY = 1 << 20  # a query of more than 1 MiB is refused
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "regional-relations-kg"

    # -- routes ---------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 (http.server's names)
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(200, PAGE.read_bytes(), "text/html; charset=utf-8")
        elif url.path in ("/query", "/sparql"):
            query = urllib.parse.parse_qs(url.query).get("query", [None])[0]
            self._answer(query)
        elif url.path == "/queries":
            self._send(200, json.dumps(_named_queries(), ensure_ascii=False).encode("utf-8"),
                       "application/json; charset=utf-8")
        elif url.path == "/update":
            self._refuse_update()
        else:
            self._send(404, b"not found: try / or /query\n", "text/plain; charset=utf-8")

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            self._send(413, b"request too large\n", "text/plain; charset=utf-8")
            return
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        if url.path == "/update":
            self._refuse_update()
            return
        if url.path not in ("/query", "/sparql"):
            self._send(404, b"not found\n", "text/plain; charset=utf-8")
            return
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if content_type == "application/sparql-query":
            query = body
        elif "update" in urllib.parse.parse_qs(body):
            self._refuse_update()
            return
        else:
            query = urllib.parse.parse_qs(body).get("query", [None])[0]
        self._answer(query)

    # -- answers --------------------------------------------------------------------------------
    def _answer(self, query: str | None) -> None:
        if not query:
            self._send(400, b"missing query parameter\n", "text/plain; charset=utf-8")
            return
        start = time.perf_counter()
        try:
            result = self.server.store.query(query)
        except QueryError as err:
            self._send(400, f"{err}\n".encode(), "text/plain; charset=utf-8")
            return
        except KGError as err:
            self._send(500, f"{err}\n".encode(), "text/plain; charset=utf-8")
            return
        accept = self.headers.get("Accept") or ""
        elapsed = f"{time.perf_counter() - start:.3f}"
        if result.kind == "CONSTRUCT" and "json" not in accept:
            fmt, mime = (("nt", "application/n-triples") if "n-triples" in accept
                         else ("turtle", "text/turtle"))
            data = result.graph.serialize(format=fmt, encoding="utf-8")
        elif "text/csv" in accept:
            text = io.StringIO(newline="")
            result.to_csv(text)
            data, mime = text.getvalue().encode("utf-8"), "text/csv; charset=utf-8"
        else:
            text = io.StringIO()
            result.to_json(text)
            data, mime = text.getvalue().encode("utf-8"), "application/sparql-results+json"
        self._send(200, data, mime, {"X-Query-Seconds": elapsed})

    def _refuse_update(self) -> None:
        self._send(403, b"this endpoint is read-only: updates are refused\n", "text/plain; charset=utf-8")

    def _send(self, status: int, data: bytes, mime: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status, HTTPStatus(status).phrase)
        self.send_header("Content-Type", mime)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        if self.server.verbose:
            super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    store: Store
    verbose: bool = False


def _named_queries() -> list[dict]:
    from kg.queries import load_queries

    return [{"name": q.name, "title": q.title, "description": q.description, "text": q.text,
             "params": [{"name": p.name, "kind": p.kind, "required": p.required, "help": p.help}
                        for p in q.params]}
            for q in load_queries().values()]


def make_server(store: str | Path | Store, host: str = "127.0.0.1", port: int = 7879, *,
                verbose: bool = False) -> ThreadingHTTPServer:
    """An HTTP server answering SPARQL over ``store`` (a Store, or a URL/path opened read-only).

    Call ``serve_forever()`` on it (in a thread for tests), then ``shutdown()``,
    ``server_close()`` and ``server.store.close()``. ``port=0`` takes any free port
    (``server.server_address[1]`` says which).
    """
    opened = store if isinstance(store, Store) else open_store(store, read_only=True, create=False)
    try:
        server = _Server((host, port), _Handler)
    except OSError:
        if not isinstance(store, Store):
            opened.close()
        raise
    server.store = opened
    server.verbose = verbose
    return server


def serve(store_path: str | Path, host: str = "127.0.0.1", port: int = 7879, *, verbose: bool = True) -> None:
    """Serve ``store_path`` read-only until interrupted (Ctrl-C), then close the store.

    Binds loopback by default: another host exposes the whole graph to the network, without
    authentication (a warning is printed).
    """
    server = make_server(store_path, host, port, verbose=verbose)
    if host not in _LOOPBACK:
        print(f"warning: serving {store_path} on {host}: anyone who can reach it can read the graph",
              file=sys.stderr)
    name, bound = server.server_address[:2]
    print(f"Serving {store_path} read-only on http://{name}:{bound}/ (SPARQL at /query); Ctrl-C stops",
          file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.store.close()
