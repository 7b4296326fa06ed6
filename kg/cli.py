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

app = typer.Typer(help="regional-relations-kg: news about international relations → a knowledge graph.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
console = Console()
err_console = Console(stderr=True)

DEFAULT_STORE = "kg-store"
StoreOption = Annotated[str, typer.Option("--store", "-s", help="Store: a folder (embedded Oxigraph), 'memory:', or a SPARQL endpoint URL.")]


def _open(url: str, *, read_only: bool = False):
    from kg.store import open_store

    return open_store(url, read_only=read_only)


def _fail(exc: Exception) -> None:
    err_console.print(f"[red]error:[/red] {exc}", highlight=False)
    raise typer.Exit(code=1)


def _parse_day(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(KGError(Errors.E009, path="--date", value=value))


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
) -> None:
    """Run a named SPARQL query with bound parameters."""
    from kg.queries import run_query

    values = {}
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
    """List the named queries with what they answer and their parameters."""
    from kg.queries import load_queries

    table = Table(title="named queries")
    for column in ("name", "answers", "parameters"):
        table.add_column(column, overflow="fold")
    for q in load_queries().values():
        params = ", ".join(f"{p.name} ({p.kind}{'' if p.required else ', optional'})" for p in q.params)
        table.add_row(q.name, q.title, params)
    console.print(table)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="plover | trig | nq | ttl")] = "plover",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file (default: standard output).")] = None,
    store: StoreOption = DEFAULT_STORE,
) -> None:
    """Export PLOVER-style JSON records (one event per line) or dump the graph as RDF."""
    from kg.export import RDF_FORMATS, dump_rdf, write_plover

    try:
        with _open(store, read_only=True) as kg_store:
            if fmt == "plover":
                handle = out.open("w", encoding="utf-8") if out else sys.stdout
                try:
                    count = write_plover(kg_store, handle)
                finally:
                    if out:
                        handle.close()
                err_console.print(f"{count} PLOVER record(s)")
            elif fmt in RDF_FORMATS:
                if out:
                    with out.open("wb") as handle:
                        dump_rdf(kg_store, handle, fmt)
                else:
                    dump_rdf(kg_store, sys.stdout.buffer, fmt)
            else:
                raise KGError(Errors.E501, fmt=fmt, known="plover, " + ", ".join(sorted(RDF_FORMATS)))
    except KGError as exc:
        _fail(exc)


@app.command()
def analyze(
    store: StoreOption = DEFAULT_STORE,
    top: Annotated[int, typer.Option(help="How many actors and dyads to show.")] = 10,
    level: Annotated[str, typer.Option(help="actor | state (people folded into their states)")] = "actor",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | json")] = "table",
) -> None:
    """Build the actor interaction network and print the most central actors and strongest dyads."""
    from kg.analytics.measures import summary

    try:
        with _open(store, read_only=True) as kg_store:
            result = summary(kg_store, top=top, level=level)
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
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file: .png, .svg or .pdf.")] = Path("network.png"),
    store: StoreOption = DEFAULT_STORE,
    lang: Annotated[str, typer.Option(help="Label language: fa or en.")] = "fa",
) -> None:
    """Draw a figure of the graph (the interaction network by default)."""
    from kg.viz import draw

    try:
        with _open(store, read_only=True) as kg_store:
            path = draw(kind, kg_store, out, lang=lang)
    except KGError as exc:
        _fail(exc)
    console.print(f"wrote {path or out}")


@app.command()
def demo(
    store: StoreOption = DEFAULT_STORE,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the network figure.")] = Path("kg-network.png"),
) -> None:
    """The main job: ingest the bundled examples, print who called whom and who cooperates in what,
    and draw the interaction network."""
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


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
