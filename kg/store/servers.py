"""Start and stop real SPARQL servers on this machine (Oxigraph server, Virtuoso) for tests and
benchmarks: a free loopback port, a bounded wait until the server answers, clean shutdown.

These are helpers for throwaway servers that this process owns, not for running a production
server. Both are context managers::

    with OxigraphServer(tmp / "ox") as server:          # oxigraph serve --location … --bind …
        store = server.open_store()                       # a SparqlStore on it (flavour oxigraph)
    with VirtuosoServer(tmp / "virtuoso") as server:      # virtuoso-t +configfile … +wait
        store = server.open_store()                       # flavour virtuoso, digest auth as dba

What was found to work here, and the traps they avoid, is in ``docs/stores.md``: Virtuoso's
packaged service does not start in containers, so ``virtuoso-t`` runs with an ini generated from
the packaged one (database files in our folder, both ports on 127.0.0.1, ``DirsAllowed`` with the
folder bulk loads read, ``ResultSetMaxRows`` raised and anytime queries off); the ``dba``
password (``dba`` on a new database) is changed at once with ``USER_SET_PASSWORD``; ``isql-vt``
exits 0 when a statement fails, so its output is read for ``*** Error``.

``isql-vt`` takes the password as a command-line argument (it has no other way), so it is visible
to local users while isql runs: acceptable for a loopback test server, and the reason these
helpers are not for servers that hold anything of value.

Example
-------
>>> with OxigraphServer() as server:            # doctest: +SKIP
...     server.open_store().query("ASK {}").ask
True
"""

from __future__ import annotations

import configparser
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from kg.errors import Errors, StoreError

__all__ = [
    "OxigraphServer", "VirtuosoServer", "free_port", "find_oxigraph", "find_virtuoso",
    "VIRTUOSO_TEMPLATE",
]

#: The packaged ini that :class:`VirtuosoServer` copies (Debian's ``virtuoso-opensource``).
VIRTUOSO_TEMPLATE = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on at ``host`` right now (the OS picks it).

    Another process could take it before the server binds it; the servers below retry with a new
    port when their start fails.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _which(name: str) -> str | None:
    """``name`` on PATH, else beside this Python (a venv's bin) or in the user scripts folder.

    ``pip install oxigraph`` puts its binary in the scripts folder of the Python it installs
    into, which is not always on PATH (a venv not activated, ``pip install --user``).
    """
    found = shutil.which(name)
    if found:
        return found
    folders = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    try:
        folders.append(Path(sysconfig.get_path("scripts", f"{os.name}_user")))
    except KeyError:  # pragma: no cover - no user scheme
        pass
    for folder in folders:
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def find_oxigraph() -> str | None:
    """Path of the ``oxigraph`` binary (``pip install oxigraph``), or None."""
    return _which("oxigraph")


def find_virtuoso() -> tuple[str, str] | None:
    """Paths of ``virtuoso-t`` and its isql (``isql-vt`` on Debian, ``isql`` in a source build)."""
    server = _which("virtuoso-t")
    isql = _which("isql-vt") or (_which("isql") if server else None)
    return (server, isql) if server and isql else None


def _wait_http(url: str, deadline: float, process: subprocess.Popen | None = None,
               log: Path | None = None) -> None:
    """Poll ``url`` until it answers 200, the process dies or the deadline passes (E306)."""
    last = "no answer yet"
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise StoreError(Errors.E306, url=url, detail=f"the server exited with code "
                             f"{process.returncode}{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except urllib.error.HTTPError as err:
            last = f"HTTP {err.code}"
        except (urllib.error.URLError, OSError) as err:
            last = str(getattr(err, "reason", err))
        time.sleep(0.05)
    raise StoreError(Errors.E306, url=url, detail=f"not ready in time ({last}){_tail(log)}")


def _tail(log: Path | None, lines: int = 5) -> str:
    if log is None or not log.is_file():
        return ""
    text = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-lines:]
    return "; log: " + " | ".join(text) if text else ""


class _Server:
    """Life cycle shared by the servers: a folder (temporary unless given), start, stop."""

    host = "127.0.0.1"

    def __init__(self, folder: str | Path | None, port: int | None, timeout: float) -> None:
        self._own_folder = folder is None
        self.folder = Path(tempfile.mkdtemp(prefix="kg-server-")) if folder is None else Path(folder)
        self.port = port
        self.timeout = timeout
        self.process: subprocess.Popen | None = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def stop(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _cleanup(self) -> None:
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _stop_process(self) -> None:
        """SIGTERM the process we started, SIGKILL it if it lingers."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


class OxigraphServer(_Server):
    """``oxigraph serve`` on a database folder, bound to a free port of 127.0.0.1.

    Parameters
    ----------
    location: the database folder (created when missing); a temporary folder, removed at
        :meth:`stop`, when None.
    port: the port to bind; a free one when None.
    read_only: run ``oxigraph serve-read-only`` (no updates; other readers may share the folder).
    timeout: seconds to wait for the server to answer.
    binary: the ``oxigraph`` executable (found with :func:`find_oxigraph` when None).

    ``url`` is the server's base URL (``http://127.0.0.1:PORT``, which serves ``/query``,
    ``/update`` and ``/store``); ``store_url`` is the same with ``?flavour=oxigraph`` for
    :func:`~kg.store.open_store`.
    """

    def __init__(self, location: str | Path | None = None, port: int | None = None, *,
                 read_only: bool = False, timeout: float = 30.0, binary: str | None = None) -> None:
        super().__init__(location, port, timeout)
        self.read_only = read_only
        self.binary = binary or find_oxigraph()
        self.log = self.folder.parent / f"{self.folder.name}.oxigraph.log"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def store_url(self) -> str:
        return f"{self.url}?flavour=oxigraph"

    def start(self) -> OxigraphServer:
        """Start the server and wait until ``/query?query=ASK{}`` answers (E306 if it does not)."""
        if self.binary is None:
            raise StoreError(Errors.E302, url="oxigraph serve",
                             detail="the oxigraph binary is not installed (pip install oxigraph)")
        self.folder.mkdir(parents=True, exist_ok=True)
        fixed = self.port is not None
        for attempt in range(1 if fixed else 3):
            if not fixed:
                self.port = free_port(self.host)
            command = [self.binary, "serve-read-only" if self.read_only else "serve",
                       "--location", str(self.folder), "--bind", f"{self.host}:{self.port}"]
            with open(self.log, "wb") as log:
                self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                                stdin=subprocess.DEVNULL)
            try:
                _wait_http(f"{self.url}/query?query=ASK%7B%7D",
                           time.monotonic() + self.timeout, self.process, self.log)
                return self
            except StoreError:
                self._stop_process()
                if attempt == (0 if fixed else 2) or "Address already in use" not in _tail(self.log):
                    raise
        return self  # pragma: no cover

    def stop(self) -> None:
        """Stop the server (SIGTERM) and remove the folder if it was temporary."""
        self._stop_process()
        self._cleanup()
        self.log.unlink(missing_ok=True)

    def open_store(self, **options):
        """A :class:`~kg.store.sparql.SparqlStore` on this server (flavour ``oxigraph``)."""
        from kg.store.sparql import SparqlStore

        return SparqlStore(self.url, flavour="oxigraph", read_only=self.read_only, **options)

    @staticmethod
    def load(location: str | Path, files: Iterable[str | Path], *, graph: str | None = None,
             binary: str | None = None, timeout: float | None = None) -> None:
        """Bulk-load RDF files into the database at ``location`` with ``oxigraph load`` (offline).

        Only while no server holds the folder (RocksDB's lock). N-Quads/TriG files keep their
        graphs; ``graph`` names the graph of N-Triples/Turtle files. Raises E302 on failure.
        """
        binary = binary or find_oxigraph()
        if binary is None:
            raise StoreError(Errors.E302, url=str(location), detail="the oxigraph binary is not installed")
        command = [binary, "load", "--location", str(location), "--file", *map(str, files)]
        if graph is not None:
            command += ["--graph", graph]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise StoreError(Errors.E302, url=str(location),
                             detail=f"oxigraph load failed: {done.stderr.strip()[-500:]}")


class VirtuosoServer(_Server):
    """Virtuoso Open Source (``virtuoso-t``) with its database in a folder, on free loopback ports.

    Parameters
    ----------
    directory: the database folder (created when missing); temporary, removed at :meth:`stop`,
        when None. Bulk loads read from ``directory/load`` (:attr:`load_dir`).
    port: the HTTP port (``/sparql``, ``/sparql-auth``); free when None. The SQL port (isql) is
        another free port.
    password: the new ``dba`` password (random when None); the server is never left with ``dba``.
        A database that already exists keeps the password it was given: pass that one.
    max_rows: ``ResultSetMaxRows``, the row cap of one answer (Virtuoso's default of 10,000
        truncates answers silently).
    buffers: ``NumberOfBuffers`` (8 KiB pages held in memory; 10,000 is the packaged value,
        about 85,000 per GB of RAM to give).
    timeout: seconds to wait for the server to come up.
    template: the ini to start from.

    ``url`` is the query endpoint (``http://127.0.0.1:PORT/sparql``); :meth:`open_store` gives a
    :class:`~kg.store.sparql.SparqlStore` with the ``dba`` credentials for updates.
    """

    user = "dba"

    def __init__(self, directory: str | Path | None = None, port: int | None = None, *,
                 password: str | None = None, max_rows: int = 1_000_000, buffers: int = 10_000,
                 timeout: float = 60.0, template: str | Path = VIRTUOSO_TEMPLATE) -> None:
        super().__init__(directory, port, timeout)
        self.password = password or secrets.token_hex(12)
        self.max_rows = max_rows
        self.buffers = buffers
        self.template = Path(template)
        self.sql_port: int | None = None
        self.pid: int | None = None
        binaries = find_virtuoso()
        self.binary, self.isql_binary = binaries if binaries else (None, None)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/sparql"

    @property
    def store_url(self) -> str:
        return f"{self.url}?flavour=virtuoso"

    @property
    def load_dir(self) -> Path:
        """The folder :meth:`bulk_load` may read (listed in ``DirsAllowed``)."""
        return self.folder / "load"

    @property
    def ini(self) -> Path:
        return self.folder / "virtuoso.ini"

    @property
    def log(self) -> Path:
        return self.folder / "virtuoso.log"

    # -- configuration --------------------------------------------------------------------------
    def write_ini(self) -> Path:
        """The packaged ini with our paths, ports and limits (see the module docstring)."""
        if not self.template.is_file():
            raise StoreError(Errors.E302, url="virtuoso", detail=f"no ini template at {self.template}")
        ini = configparser.ConfigParser(strict=False, interpolation=None, inline_comment_prefixes=(";",))
        ini.optionxform = str  # keep Virtuoso's CamelCase keys
        ini.read(self.template, encoding="utf-8")
        db = self.folder
        ini["Database"].update({
            "DatabaseFile": str(db / "virtuoso.db"), "ErrorLogFile": str(self.log),
            "LockFile": str(db / "virtuoso.lck"), "TransactionFile": str(db / "virtuoso.trx"),
            "xa_persistent_file": str(db / "virtuoso.pxa")})
        ini["TempDatabase"].update({"DatabaseFile": str(db / "virtuoso-temp.db"),
                                    "TransactionFile": str(db / "virtuoso-temp.trx")})
        allowed = [d.strip() for d in ini["Parameters"].get("DirsAllowed", ".").split(",")]
        ini["Parameters"].update({
            "ServerPort": f"{self.host}:{self.sql_port}",
            "DirsAllowed": ", ".join([*allowed, str(self.load_dir)]),
            "NumberOfBuffers": str(self.buffers),
            "MaxDirtyBuffers": str(self.buffers * 3 // 4)})
        ini["HTTPServer"]["ServerPort"] = f"{self.host}:{self.port}"
        # answers are never cut silently: no row cap below max_rows, no anytime (partial) answers
        ini["SPARQL"].update({"ResultSetMaxRows": str(self.max_rows), "MaxQueryExecutionTime": "0",
                              "MaxQueryCostEstimationTime": "0"})
        with open(self.ini, "w", encoding="utf-8") as out:
            ini.write(out)
        return self.ini

    # -- life cycle -----------------------------------------------------------------------------
    def start(self) -> VirtuosoServer:
        """Start Virtuoso, change the ``dba`` password, wait until ``/sparql`` answers."""
        if self.binary is None or self.isql_binary is None:
            raise StoreError(Errors.E302, url="virtuoso", detail="virtuoso-t/isql-vt are not installed "
                             "(apt-get install virtuoso-opensource)")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.load_dir.mkdir(exist_ok=True)
        fresh = not (self.folder / "virtuoso.db").exists()
        fixed = self.port is not None
        for attempt in range(1 if fixed else 3):
            if not fixed:
                self.port = free_port(self.host)
            self.sql_port = free_port(self.host)
            self.write_ini()
            # +wait: the launcher returns once the server (a daemon) is online, or failed
            done = subprocess.run([self.binary, "+configfile", str(self.ini), "+wait"], cwd=self.folder,
                                  capture_output=True, text=True, timeout=self.timeout,
                                  stdin=subprocess.DEVNULL)
            self.pid = self._read_pid(wait=5.0 if done.returncode == 0 else 0.0)
            if done.returncode == 0 and self.pid is not None:
                break
            if self.pid is not None:  # up, but not as it should be: stop it before trying again
                self.stop_server()
            if attempt == (0 if fixed else 2) or "in use" not in _tail(self.log, 20).lower():
                raise StoreError(Errors.E306, url=self.url, detail=f"virtuoso-t failed to start "
                                 f"(exit {done.returncode}){_tail(self.log)}")
        try:
            if fresh:
                self.isql(f"USER_SET_PASSWORD('dba', '{self.password}');", password="dba")
            _wait_http(f"{self.url}?query=ASK%7B%7D", time.monotonic() + self.timeout, log=self.log)
            if fresh:
                self.hide_system_graphs()
        except Exception:
            self.stop()
            raise
        return self

    def _read_pid(self, wait: float = 0.0) -> int | None:
        """The server's pid: ``VIRT_PID=N`` in its lock file, else the log line ``Server online at
        …(pid N)`` of this start (either may come a moment after ``+wait`` returns)."""
        deadline = time.monotonic() + wait
        lock = self.folder / "virtuoso.lck"
        while True:
            if lock.is_file():
                text = lock.read_text(encoding="utf-8", errors="replace").strip()
                if text.startswith("VIRT_PID=") and text[9:].isdigit():
                    return int(text[9:])
            if self.log.is_file():
                for line in reversed(self.log.read_text(encoding="utf-8", errors="replace").splitlines()):
                    if "Server online at" in line and f":{self.sql_port} (pid " in line:
                        return int(line.rsplit("(pid ", 1)[1].rstrip(")"))
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)

    def stop(self) -> None:
        """Shut the server down (``isql -K``; SIGKILL of its pid if that fails); clean up."""
        self.stop_server()
        self._cleanup()

    def stop_server(self) -> None:
        """Shut the server down, keeping its folder (``isql -K``, SIGKILL of its pid if need be)."""
        if self.pid is not None:
            try:
                subprocess.run([self.isql_binary, f"{self.host}:{self.sql_port}", self.user,
                                self.password, "-K"], capture_output=True, timeout=30,
                               stdin=subprocess.DEVNULL)
            except (OSError, subprocess.TimeoutExpired):
                pass
            if not _wait_gone(self.pid, 20):
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                _wait_gone(self.pid, 5)
            self.pid = None

    # -- administration -------------------------------------------------------------------------
    def isql(self, sql: str, *, password: str | None = None, timeout: float | None = None) -> str:
        """Run SQL statements (``;``-terminated) with ``isql-vt`` as ``dba``; return its output.

        Raises E302 when isql reports ``*** Error`` (it exits 0 even then).
        """
        command = [self.isql_binary, f"{self.host}:{self.sql_port}", self.user,
                   password or self.password]
        done = subprocess.run(command, input=sql + "\n", capture_output=True, text=True,
                              timeout=timeout or self.timeout)
        output = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in output:
            error = output[output.find("*** Error"):] if "*** Error" in output else output
            raise StoreError(Errors.E302, url=self.url, detail=f"isql: {error.strip()[:500]}")
        return output

    def system_graphs(self) -> list[str]:
        """The graphs of a new database: Virtuoso's own (``virtrdf#``, ``ldp#``, service
        descriptions), read over HTTP before anything else is written."""
        query = urllib.parse.quote("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        request = urllib.request.Request(f"{self.url}?query={query}",
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=self.timeout) as answer:
            doc = json.load(answer)
        return sorted(b["g"]["value"] for b in doc["results"]["bindings"])

    def hide_system_graphs(self, graphs: Iterable[str] | None = None) -> None:
        """Make Virtuoso's own graphs unreadable for anonymous SPARQL (graph-level security).

        They join the group of private graphs, which ``nobody`` may not read, while every other
        graph stays readable: ``GRAPH ?g`` patterns then see only the data. (``SELECT DISTINCT
        ?g`` alone still lists their names: Virtuoso answers it from its list of graphs.)
        """
        group = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"
        sql = [f"DB.DBA.RDF_GRAPH_GROUP_CREATE ('{group}', 1);"]
        sql += [f"DB.DBA.RDF_GRAPH_GROUP_INS ('{group}', '{graph}');"
                for graph in (self.system_graphs() if graphs is None else graphs)]
        sql += ["DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);",
                "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 1);", "checkpoint;"]
        self.isql("\n".join(sql))

    def bulk_load(self, folder: str | Path | None = None, pattern: str = "*.nq",
                  graph: str = "urn:kg:bulk-default", *, timeout: float = 3600) -> None:
        """Bulk-load files with Virtuoso's loader: ``ld_dir``, ``rdf_loader_run``, ``checkpoint``.

        ``folder`` (default :attr:`load_dir`) must be in ``DirsAllowed``; N-Quads/TriG files keep
        their graphs, ``graph`` is where triples of N-Triples/Turtle files go. Raises E302 when a
        file failed to load (``DB.DBA.LOAD_LIST.ll_error``).
        """
        folder = Path(folder or self.load_dir).resolve()
        self.isql(f"DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE '{folder}/%';\n"
                  f"ld_dir('{folder}', '{pattern}', '{graph}');\n"
                  "rdf_loader_run();\ncheckpoint;", timeout=timeout)
        errors = self.isql(f"SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE "
                           f"'{folder}/%' AND ll_error IS NOT NULL;")
        if "0 Rows." not in errors:
            raise StoreError(Errors.E302, url=self.url, detail=f"bulk load failed: {errors[-500:]}")

    def open_store(self, **options):
        """A :class:`~kg.store.sparql.SparqlStore` on this server (flavour ``virtuoso``, as dba)."""
        from kg.store.sparql import SparqlStore

        return SparqlStore(self.url, flavour="virtuoso", user=self.user, password=self.password,
                           max_rows=self.max_rows, **options)


def _wait_gone(pid: int, seconds: float) -> bool:
    """True once process ``pid`` has exited (a daemon we started, not our child)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if _is_zombie(pid):
            return True
        time.sleep(0.1)
    return False


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return False
