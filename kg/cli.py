"""The ``kg`` command: thin — it parses options, calls the public functions and prints.

Nothing imports this module; notebooks call the same functions directly.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.errors import Errors, KGError

__all__ = ["app", "main"]

app = typer.Typer(help="regional-relations-kg: news about international relations → a knowledge graph.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
console = Console()
err_console = Console(stderr=True)

DEFAULT_STORE = "kg-store"
StoreOption = Annotated[str, typer.Option("--store", "-s", help="Store: a folder (embedded Oxigraph), 'memory:', or a SPARQL endpoint URL.")]


def _open(url: str, *, read_only: bool = False, create: bool = True):
    from kg.store import open_store

    return open_store(url, read_only=read_only, create=create)


def _progress(label: str) -> Progress:
    """A bar on standard error, shown only on a terminal (so that pipes and tests stay clean)."""
    return Progress(SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err_console, transient=True,
                    disable=not err_console.is_terminal)


def _fail(exc: Exception) -> None:
    err_console.print(f"[red]error:[/red] {exc}", highlight=False)
    raise typer.Exit(code=1)


def _parse_day(value: Optional[str], option: str = "--date") -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(KGError(Errors.E009, path=option, value=value))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .jsonl, .html) or folders of them.")],
    store: StoreOption = DEFAULT_STORE,
    lang: Annotated[Optional[str], typer.Option(help="Language of plain-text/HTML files (fa, en); detected if not given.")] = None,
    date_: Annotated[Optional[str], typer.Option("--date", help="Publication date of plain-text/HTML files, YYYY-MM-DD.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per atomic write (0: the whole input at once).")] = 0,
    validate: Annotated[bool, typer.Option(help="Check each article graph against the SHACL shapes before writing it.")] = True,
) -> None:
    """Read articles, extract events and actors, and write one named graph per article."""
    from kg.ingest import ingest as run_ingest

    day = _parse_day(date_)
    try:
        with _open(store) as kg_store, Progress(
            SpinnerColumn(), TextColumn("[bold]reading and extracting"), BarColumn(),
            MofNCompleteColumn(), TimeElapsedColumn(), console=err_console, transient=True,
            disable=not err_console.is_terminal,
        ) as progress:
            task = progress.add_task("ingest", total=None)
            report = run_ingest(paths, kg_store, lang=lang, day=day, batch_size=batch_size,
                                progress=lambda n: progress.update(task, completed=n), validate=validate)
    except KGError as exc:
        _fail(exc)
    for line in report.errors:
        err_console.print(f"[yellow]skipped:[/yellow] {line}", highlight=False)
    for line in report.notes:
        err_console.print(f"[dim]note: {line}[/dim]", highlight=False)
    console.print(f"ingested {report.graphs_written} article(s), {report.events} event(s), "
                  f"{report.triples_written} triple(s) into {store}"
                  + (f"; {len(report.errors)} problem(s) reported above" if report.errors else ""))


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A named query (see 'kg queries') or a .rq file.")],
    store: StoreOption = DEFAULT_STORE,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value, repeatable.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | json")] = "table",
    limit: Annotated[int, typer.Option(help="Rows to show in a table (0: all).")] = 50,
    iris: Annotated[bool, typer.Option("--iris", help="Show IRI columns in tables too.")] = False,
    example: Annotated[bool, typer.Option("--example", help="Bind the query's example values (see 'kg queries'); --param overrides them.")] = False,
) -> None:
    """Run a named SPARQL query with bound parameters.

    Example: kg query cooperation --param country=TKM --format csv
    """
    from kg.queries import get_query, run_query

    values = {}
    if example:
        try:
            values.update(get_query(name).example)
        except KGError as exc:
            _fail(exc)
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            _fail(KGError(Errors.E901, detail=f"--param {item!r} is not key=value"))
        values[key.strip()] = value
    try:
        with _open(store, read_only=True) as kg_store:
            result = run_query(kg_store, name, values)
    except KGError as exc:
        _fail(exc)
    _print_result(result, fmt, limit, title=name, iris=iris)


def _print_result(result, fmt: str, limit: int, title: str, iris: bool = False) -> None:
    if fmt == "csv":
        result.to_csv(sys.stdout)
    elif fmt == "json":
        result.to_json(sys.stdout)
        sys.stdout.write("\n")
    elif fmt == "table":
        rows = result.to_dicts()
        # Tables are for people: columns that hold only IRIs are left out unless asked for.
        shown = [v for v in result.vars if iris or not rows or
                 not all(str(r.get(v) or "").startswith(("http://", "https://")) for r in rows)] or result.vars
        table = Table(title=f"{title} ({len(rows)} rows)", show_lines=False)
        for var in shown:
            table.add_column(var, overflow="fold")
        for row in rows[: limit or None]:
            table.add_row(*(_cell(row.get(v)) for v in shown))
        console.print(table)
    else:
        _fail(KGError(Errors.E501, fmt=fmt, known="table, csv, json"))


def _cell(value: object) -> str:
    """A table cell: IRIs shortened to prefixed names (``id:person/masoud-pezeshkian``)."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(("http://", "https://")):
        from kg.rdf.namespaces import PREFIXES

        best = max((ns for ns in PREFIXES.values() if text.startswith(str(ns))), key=lambda ns: len(str(ns)), default=None)
        if best is not None:
            prefix = next(name for name, ns in PREFIXES.items() if ns == best)
            return f"{prefix}:{text[len(str(best)):]}"
    return text


@app.command("queries")
def list_queries() -> None:
    """List the named queries: what each answers, its parameters and an example call."""
    from kg.queries import load_queries

    # One block per query rather than a table: parameter help and example calls are too long for
    # the columns of a terminal, and an example is easier to copy when it is not wrapped.
    for q in load_queries().values():
        console.print(f"[bold]{q.name}[/bold]: {q.title}", highlight=False, soft_wrap=True)
        for p in q.params:
            kind = p.kind if p.required else f"{p.kind}, optional"
            console.print(f"    --param {p.name}=… ({kind})" + (f": {p.help}" if p.help else ""),
                          highlight=False, soft_wrap=True, markup=False)
        console.print(f"    example: {_example_call(q)}", highlight=False, soft_wrap=True, markup=False)


def _example_call(q) -> str:
    """``kg query NAME -p a=b …`` for a query's example values (``--example`` binds the same)."""
    return " ".join(["kg query", q.name, *(f"-p {key}={value}" for key, value in q.example)])


#: ``kg export`` formats: PLOVER records, RDF dumps (kg.export), the network and JSON-LD
#: (kg.graph_export); and the file suffixes that choose one when --format is not given.
_SUFFIX_FORMATS = {".jsonl": "plover", ".trig": "trig", ".nq": "nq", ".ttl": "ttl", ".jsonld": "jsonld",
                   ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}


def _export_formats() -> list[str]:
    from kg.export import RDF_FORMATS
    from kg.graph_export import EXPORT_FORMATS

    return ["plover", *RDF_FORMATS, *EXPORT_FORMATS]


def _export_format(fmt: Optional[str], out: Optional[Path]) -> str:
    """The format asked for, else the one of the output file's suffix, else PLOVER."""
    known = _export_formats()
    if fmt is not None:
        if fmt not in known:
            raise KGError(Errors.E501, fmt=fmt, known=", ".join(known))
        return fmt
    if out is None:
        return "plover"
    suffix = out.suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        raise KGError(Errors.E504, path=out, suffix=suffix, known=", ".join(known))
    return _SUFFIX_FORMATS[suffix]


@app.command()
def export(
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="plover (JSON lines) | trig | nq | ttl | jsonld | graphml | gexf | csv (edge list); by default the --out suffix decides (.jsonl .trig .nq .ttl .jsonld .graphml .gexf .csv), else plover.")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file (default: standard output).")] = None,
    store: StoreOption = DEFAULT_STORE,
    level: Annotated[Optional[str], typer.Option(help="graphml, gexf, csv: actor | state (people folded into their states).")] = None,
    lang: Annotated[str, typer.Option(help="graphml, gexf, csv: language of node labels (en, fa).")] = "en",
    article: Annotated[Optional[str], typer.Option(help="jsonld: only this article's graph (its id).")] = None,
    actor: Annotated[Optional[str], typer.Option(help="jsonld: only the events of this actor (a key such as IRN).")] = None,
) -> None:
    """Export PLOVER JSON records, the RDF (TriG, N-Quads, Turtle, JSON-LD) or the network.

    PLOVER records are one event per line; the network (GraphML, GEXF, CSV edge list) is the
    actor interaction graph. --format chooses, else the suffix of --out.

    Example: kg export -o network.graphml --level state
    """
    try:
        chosen = _export_format(fmt, out)
        with _open(store, read_only=True, create=False) as kg_store:
            count, unit = _export(kg_store, chosen, out, level=level, lang=lang, article=article, actor=actor)
    except KGError as exc:
        _fail(exc)
    if unit:
        err_console.print(f"{count} {unit} ({chosen})" + (f" in {out}" if out else ""), highlight=False)


def _export(kg_store, fmt: str, out: Optional[Path], **options) -> tuple[int, str]:
    """Write one export format; return what was counted (records, edges, triples) or (0, '')."""
    from kg.export import RDF_FORMATS, dump_rdf, write_plover
    from kg.graph_export import export_graph

    if fmt == "plover":
        if out is None:
            return write_plover(kg_store, sys.stdout), "PLOVER record(s)"
        with out.open("w", encoding="utf-8") as handle:
            return write_plover(kg_store, handle), "PLOVER record(s)"
    if fmt in RDF_FORMATS:
        if out is None:
            dump_rdf(kg_store, sys.stdout.buffer, fmt)
        else:
            with out.open("wb") as handle:
                dump_rdf(kg_store, handle, fmt)
        return 0, ""
    target = out if out is not None else sys.stdout.buffer
    # export_graph refuses an option that does not belong to the format (KG403): pass what was given.
    level = {"level": options["level"]} if options["level"] else {}
    count = export_graph(kg_store, target, fmt, lang=options["lang"], article=options["article"],
                         actor=options["actor"], **level)
    return count, "triple(s)" if fmt == "jsonld" else "edge(s)"


@app.command()
def analyze(
    store: StoreOption = DEFAULT_STORE,
    top: Annotated[int, typer.Option(help="How many actors and dyads to show.")] = 10,
    level: Annotated[str, typer.Option(help="actor | state (people folded into their states)")] = "actor",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | json")] = "table",
    ego: Annotated[Optional[str], typer.Option(help="Also list the nearest partners of this actor (a key such as IRN).")] = None,
    lang: Annotated[str, typer.Option(help="Language of the labels: en or fa.")] = "en",
) -> None:
    """Build the actor interaction network and print the most central actors and strongest dyads.

    Example: kg analyze --level state --ego IRN --format json
    """
    from kg.analytics.measures import summary

    if fmt not in ("table", "csv", "json"):
        _fail(KGError(Errors.E501, fmt=fmt, known="table, csv, json"))
    try:
        with _open(store, read_only=True) as kg_store:
            result = summary(kg_store, top=top, level=level, lang=lang, ego=ego)
    except KGError as exc:
        _fail(exc)
    _print_summary(result, fmt)


def _print_summary(result: dict, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    for name, rows in result.items():
        if not isinstance(rows, list) or not rows:
            if fmt == "table":
                console.print(f"{name}: {rows}")
            continue
        if fmt == "csv":
            import csv

            sys.stdout.write(f"# {name}\n")
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
            continue
        table = Table(title=name)
        for column in rows[0]:
            table.add_column(str(column), overflow="fold")
        for row in rows:
            table.add_row(*(f"{v:.4f}" if isinstance(v, float) else str(v) for v in row.values()))
        console.print(table)


@app.command()
def viz(
    kind: Annotated[str, typer.Argument(help="network | timeline | heatmap")] = "network",
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file: .png, .svg or .pdf; for the network also .html (an interactive, offline page).")] = Path("network.png"),
    store: StoreOption = DEFAULT_STORE,
    lang: Annotated[str, typer.Option(help="Label language: fa or en.")] = "fa",
    level: Annotated[Optional[str], typer.Option(help="actor (people and states) or state (people folded into their states); each figure has its own default.")] = None,
    color_by: Annotated[Optional[str], typer.Option("--color-by", help="Network node colour: community or country.")] = None,
    size_by: Annotated[Optional[str], typer.Option("--size-by", help="Network node size: pagerank, degree or betweenness.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Only events on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Only events on or before this day (YYYY-MM-DD).")] = None,
    category: Annotated[Optional[list[str]], typer.Option(help="Only this PLOVER category (repeatable), e.g. CONSULT.")] = None,
    quad: Annotated[Optional[list[int]], typer.Option(help="Only this quad class (repeatable): 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")] = None,
    topic: Annotated[Optional[list[str]], typer.Option(help="Only events in this domain (repeatable), e.g. energy; not for the heat map.")] = None,
) -> None:
    """Draw a figure of the graph (the interaction network by default) or an interactive page.

    For the network, an --out ending in .html writes one offline page (pan, zoom, filters).

    Example: kg viz network --out graph.html --lang en --level state --since 2020-01-01
    """
    from kg.viz import draw

    options = {"level": level, "color_by": color_by, "size_by": size_by,
               "since": _parse_day(since, "--since"), "until": _parse_day(until, "--until"), "categories": category,
               "quad_classes": quad, "topics": topic}
    options = {name: value for name, value in options.items() if value not in (None, [])}
    try:
        with _open(store, read_only=True) as kg_store:
            path = draw(kind, kg_store, out, lang=lang, **options)
    except KGError as exc:
        _fail(exc)
    console.print(f"wrote {path or out}")


@app.command()
def demo(
    store: StoreOption = DEFAULT_STORE,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the network figure.")] = Path("kg-network.png"),
) -> None:
    """The main job: ingest the bundled examples, query them and draw the network.

    Prints who called whom and who cooperates in what, and writes the interaction network figure.
    """
    from kg.resources import examples_dir

    ingest([examples_dir()], store=store, lang=None, date_=None, batch_size=0, validate=True)
    for name in ("who-called", "cooperation"):
        query(name, store=store, param=None, fmt="table", limit=0, iris=False)
    viz("network", out=out, store=store, lang="fa")


@app.command()
def stats(store: StoreOption = DEFAULT_STORE) -> None:
    """Graphs, triples, articles, events and actors of a store."""
    query("stats", store=store, param=None, fmt="table", limit=0, iris=False)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Folder of gold files (<lang>/<name>.json).")],
    store: StoreOption = DEFAULT_STORE,
    corpus: Annotated[Optional[list[Path]], typer.Option(help="Extract the gold's articles from these files/folders instead of reading a store.")] = None,
    predictions: Annotated[Optional[Path], typer.Option(help="Score a PLOVER JSONL file instead of a store.")] = None,
    mistakes: Annotated[int, typer.Option(help="Show this many missed or spurious events.")] = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
) -> None:
    """Score the graph's events against gold annotations: event, dyad and topic F1."""
    from kg.evaluate import evaluate_articles, load_gold, score

    try:
        gold_records = load_gold(gold)
        if corpus:
            scores = evaluate_articles(gold_records, corpus)
        elif predictions:
            lines = predictions.read_text(encoding="utf-8").splitlines()
            scores = score(gold_records, [json.loads(line) for line in lines if line.strip()])
        else:
            from kg.export import plover_records

            with _open(store, read_only=True) as kg_store:
                scores = score(gold_records, list(plover_records(kg_store)))
    except KGError as exc:
        _fail(exc)
    if fmt == "json":
        sys.stdout.write(json.dumps({"articles": scores.articles, "scores": scores.rows(),
                                     "mistakes": scores.mistakes[:mistakes]}, ensure_ascii=False, default=list) + "\n")
        return
    table = Table(title=f"{scores.articles} gold article(s)")
    for column in ("measure", "precision", "recall", "f1", "tp", "predicted", "gold"):
        table.add_column(column, justify="right")
    for row in scores.rows():
        table.add_row(*(str(row[c]) for c in ("measure", "precision", "recall", "f1", "tp", "predicted", "gold")))
    console.print(table)
    for miss in scores.mistakes[:mistakes]:
        console.print(f"{miss['kind']:>15}  {miss['article']}  {miss['event']}  {'-'.join(miss['parties'])}")


_CREDENTIALS = ("Credentials are never given on the command line: they come from KG_SPARQL_USER and "
                "KG_SPARQL_PASSWORD, else the credentials file (KG_SPARQL_CREDENTIALS, or "
                "~/.config/regional-relations-kg/credentials.toml; see docs/stores.md).")
ServerOption = "A SPARQL server with its options, e.g. http://127.0.0.1:7878?flavour=oxigraph or http://127.0.0.1:8890/sparql?flavour=virtuoso."


def _sync(copy, src_url: str, dst_url: str, *, src_local: bool, **options) -> None:
    """Open both stores, copy with a progress bar (kg.store.sync does the work), print the report."""
    try:
        with _open(src_url, read_only=True, create=not src_local) as src, _open(dst_url) as dst, \
                _progress("copying graphs") as progress:
            task = progress.add_task("sync", total=None)
            report = copy(src, dst, progress=lambda done, total: progress.update(task, completed=done, total=total),
                          **options)
    except KGError as exc:
        _fail(exc)
    console.print(str(report), highlight=False, soft_wrap=True)


@app.command("push")
def push_command(
    to: Annotated[str, typer.Option("--to", help=ServerOption)],
    store: StoreOption = DEFAULT_STORE,
    resume: Annotated[bool, typer.Option("--resume/--no-resume", help="Skip graphs the server already holds unchanged (--no-resume copies every graph).")] = True,
    prune: Annotated[bool, typer.Option("--prune", help="Also drop the server's graphs that the store does not have (a mirror).")] = False,
    verify: Annotated[str, typer.Option(help="How resume decides a graph is unchanged: hash (same triples) or count (same number, faster).")] = "hash",
) -> None:
    """Copy the store's named graphs to a SPARQL server, each replacing the graph of that name.

    Running it again finishes an interrupted push.

    Example: kg push --to 'http://127.0.0.1:7878?flavour=oxigraph' --store kg-store
    """
    from kg.store.sync import push

    _sync(push, store, to, src_local=True, resume=resume, prune=prune, verify=verify)


push_command.__doc__ = f"{push_command.__doc__.rstrip()}\n\n    {_CREDENTIALS}\n"


@app.command("pull")
def pull_command(
    from_: Annotated[str, typer.Option("--from", help=ServerOption)],
    store: StoreOption = DEFAULT_STORE,
    resume: Annotated[bool, typer.Option("--resume/--no-resume", help="Skip graphs the store already holds unchanged.")] = True,
    prune: Annotated[bool, typer.Option("--prune", help="Also drop the store's graphs that the server does not have.")] = False,
) -> None:
    """Copy a SPARQL server's named graphs into the store (a folder is created if need be).

    Example: kg pull --from 'http://127.0.0.1:7878?flavour=oxigraph' --store copy-store
    """
    from kg.store.sync import pull

    _sync(pull, from_, store, src_local=False, resume=resume, prune=prune)


pull_command.__doc__ = f"{pull_command.__doc__.rstrip()}\n\n    {_CREDENTIALS}\n"


@app.command("serve")
def serve_command(
    store: StoreOption = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback exposes the graph to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0: any free port).")] = 7879,
) -> None:
    """Serve the store read-only: a query page at / and the SPARQL protocol at /query, until Ctrl-C.

    Example: kg serve --store kg-store --port 7879, then open http://127.0.0.1:7879/
    """
    from kg.serve import serve

    try:
        serve(store, host, port)
    except KGError as exc:
        _fail(exc)
    except OSError as exc:  # the port is taken, or the address is not this machine's
        _fail(KGError(Errors.E902, host=host, port=port, detail=exc.strerror or str(exc)))


@app.command()
def validate(store: StoreOption = DEFAULT_STORE) -> None:
    """Check every article graph and the actors graph against the SHACL shapes.

    Prints one line per failing fact (article, message, the fact) and exits with status 1 when a
    graph does not conform; warnings are printed but do not fail.

    Example: kg validate --store kg-store
    """
    from kg.rdf.validation import validate_store

    try:
        with _open(store, read_only=True, create=False) as kg_store:
            report = validate_store(kg_store)
    except KGError as exc:
        _fail(exc)
    failing = 0
    for graph in sorted(report.results):
        found = report.results[graph]
        failing += any(v.is_violation for v in found)
        for violation in found:
            prefix = "" if violation.is_violation else f"{violation.severity.lower()}: "
            console.print(f"{prefix}{violation.error()}", highlight=False, soft_wrap=True)
    checked = f"{report.graphs} graph(s), {report.triples} triple(s) checked in {report.seconds:.1f} s"
    if report.ok:
        console.print(f"{checked}: all conform to the shapes", highlight=False)
        return
    console.print(f"{checked}: {failing} graph(s) do not conform", highlight=False)
    raise typer.Exit(code=1)


@app.command()
def infer(
    store: StoreOption = DEFAULT_STORE,
    drop: Annotated[bool, typer.Option("--drop", help="Remove id:graph/inferred instead of building it.")] = False,
) -> None:
    """Materialise what the ontology implies (OWL 2 RL) into the graph id:graph/inferred.

    The graph is replaced whole each run; e.g. a person's event also rr:involves their state.

    Example: kg infer --store kg-store; kg infer --drop
    """
    import time

    from kg.reason import drop_inferred
    from kg.reason import infer as run_infer

    problems: list[str] = []
    started = time.perf_counter()
    try:
        with _open(store, create=False) as kg_store:
            count = drop_inferred(kg_store) if drop else run_infer(kg_store, problems=problems)
    except KGError as exc:
        _fail(exc)
    for problem in problems:
        err_console.print(f"[yellow]inconsistency:[/yellow] {problem}", highlight=False)
    seconds = time.perf_counter() - started
    if drop:
        console.print(f"dropped id:graph/inferred ({count} triple(s)) from {store}", highlight=False)
    else:
        console.print(f"wrote {count} triple(s) to id:graph/inferred in {seconds:.1f} s", highlight=False)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
