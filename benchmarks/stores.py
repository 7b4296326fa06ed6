"""Benchmark: load rate and query latency of every store backend on a synthetic graph shaped like ours.

The graph follows ``docs/graph-model.md``: one named graph per article (the article, its sentences,
3–6 events with category, mode, topics, actors, recipients, participants, date, confidence,
evidence and mentions; now and then a person found by a role pattern, described in the article
graph), the actors graph (states with ISO codes, persons acting for them, IGOs and groups with
members) and the metadata graph. Actors' activity follows a Zipf law; CONSULT is the most
common category, a third of CONSULT events are phone calls.

Backends, each loaded its fastest way, then every ``queries/*.rq`` is run ``--runs`` times and
the median latency printed: without parameters when it requires none, and with the values of its
``# example:`` line (the generated graph holds IRN, TKM and foreign ministers, so that every
query has answers):

- ``rdflib``: the in-memory store (the baseline), ``write_batch``;
- ``oxigraph``: the embedded store in a folder, ``write_batch`` (its bulk path for new graphs:
  N-Quads to ``bulk_load``), and the path before it (``to_ox`` + ``bulk_extend``) for comparison;
- ``oxigraph-server``: ``oxigraph load`` of an N-Quads file (offline), then ``oxigraph serve``;
- ``virtuoso``: Virtuoso's bulk loader (``ld_dir``, ``rdf_loader_run``, ``checkpoint``).

For the two servers the rate of ``write_batch`` over HTTP is also measured on a sample (the
first ``--http-sample`` triples, written under other graph names and dropped again).

rdflib's SPARQL engine collapses on joins at this size, so each of its query runs is cut after
``--rdflib-timeout`` seconds (in a forked child) and printed as ``>N s``.

Run (1M triples: about ten minutes on two cores)::

    python benchmarks/stores.py                       # 1M triples, every backend found
    python benchmarks/stores.py --triples 100000 --backends oxigraph,virtuoso
    python benchmarks/stores.py --triples 10000000 --backends oxigraph,oxigraph-server,virtuoso --once-above 20
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from kg.queries import bind, load_queries  # noqa: E402
from kg.rdf.namespaces import (  # noqa: E402
    ACTORS_GRAPH, META_GRAPH, PROV, RDF, RDFS, RR, SDO, XSD, actor_iri, article_iri, category_iri,
    event_iri, graph_iri, mention_iri, mode_iri, office_iri, person_iri, role_iri, sentence_iri, topic_iri,
    wikidata_iri,
)
from kg.store import open_store  # noqa: E402
from kg.store.base import prepare_batch  # noqa: E402
from kg.store.oxigraph import to_ox  # noqa: E402
from kg.store.sync import batches  # noqa: E402
from kg.store.servers import OxigraphServer, VirtuosoServer, find_oxigraph, find_virtuoso  # noqa: E402

BACKENDS = ("rdflib", "oxigraph", "oxigraph-server", "virtuoso")
CATEGORY_WEIGHTS = {"CONSULT": 30, "AGREE": 15, "SUPPORT": 12, "COOPERATE": 6, "AID": 3, "CONCEDE": 1,
                    "RETREAT": 1, "REQUEST": 8, "ACCUSE": 9, "REJECT": 4, "THREATEN": 3, "SANCTION": 3,
                    "PROTEST": 2, "MOBILIZE": 1, "COERCE": 1, "ASSAULT": 1}
MODES = ("phone", "visit", "multilateral", "third-party")
TOPICS = ("energy", "gas", "oil", "trade", "transport", "security", "nuclear", "environment", "water",
          "health", "culture", "education", "finance", "agriculture", "tourism", "border")


# -- the synthetic graph ------------------------------------------------------------------------------

def actors_graph(rng: random.Random, states: int = 80, persons: int = 160, igos: int = 24):
    """The actors graph and the actor IRIs with their activity weights.

    The states are IRN, TKM (the codes the queries' ``# example:`` lines name) and S02…; Iran is
    the most active actor, as in Persian news. Persons come in pairs per state, its foreign
    ministers one after the other (2018-08-01 to 2021-08-25, then from 2021-08-25 on), so that
    ``who-held-office`` has an answer for every state and date.
    """
    triples, actors = [], []
    codes = ["IRN", "TKM"] + [f"S{i:02d}" for i in range(2, states)]
    for code in codes:
        node = actor_iri(code)
        triples += [(node, RDF.type, RR.Country), (node, RDFS.label, Literal(f"State {code}", lang="en")),
                    (node, RDFS.label, Literal(f"کشور {code}", lang="fa")), (node, RR.iso3, Literal(code)),
                    (node, RR.wikidata, wikidata_iri(f"Q{1000 + len(actors)}"))]
        actors.append(node)
    for i in range(persons):
        slug, code = f"person-{i:03d}", codes[(i // 2) % len(codes)]
        node, state = person_iri(slug), actor_iri(code)
        triples += [(node, RDF.type, RR.Person), (node, RDFS.label, Literal(f"Person {i}", lang="en")),
                    (node, RDFS.label, Literal(f"شخص {i}", lang="fa")), (node, RR.country, state)]
        start, end = ("2018-08-01", "2021-08-25") if i % 2 == 0 else ("2021-08-25", None)
        holding = office_iri(slug, "foreign-minister", code, start)
        triples += [(node, RR.holds, holding), (holding, RDF.type, RR.OfficeHolding),
                    (holding, RR.role, role_iri("foreign-minister")), (holding, RR.officeOf, state),
                    (holding, RDFS.label, Literal(f"Foreign minister of {code}", lang="en")),
                    (holding, RDFS.label, Literal(f"وزیر امور خارجه {code}", lang="fa")),
                    (holding, RR.start, Literal(start, datatype=XSD.date))]
        if end:
            triples.append((holding, RR.end, Literal(end, datatype=XSD.date)))
        actors.append(node)
    for i in range(igos):
        code = f"G{i:02d}"
        node = actor_iri(code)
        kind = RR.Group if i % 3 == 0 else RR.Organization
        triples += [(node, RDF.type, kind), (node, RDFS.label, Literal(f"Group {code}", lang="en")),
                    (node, RR.acronym, Literal(code))]
        triples += [(node, RR.member, actor_iri(c)) for c in rng.sample(codes, 5)]
        actors.append(node)
    weights = [1 / (rank + 1) ** 0.9 for rank in range(1, len(actors))]
    rng.shuffle(weights)
    weights.insert(0, 1.0)  # IRN: rank 1
    return triples, actors, weights


def article_graph(rng: random.Random, key: str, actors: list, weights: list, day: date) -> list:
    """One article graph: the article, its sentences, 3–6 events with mentions."""
    doc = article_iri(key)
    sentences = rng.randint(4, 8)
    triples = [(doc, RDF.type, RR.Article), (doc, RDF.type, SDO.NewsArticle), (doc, RDF.type, PROV.Entity),
               (doc, RR.articleId, Literal(f"article-{key[-8:]}")), (doc, RR.contentKey, Literal(key)),
               (doc, SDO.headline, Literal(f"خبر {key[-6:]}", lang="fa")), (doc, SDO.inLanguage, Literal("fa")),
               (doc, SDO.datePublished, Literal(day.isoformat(), datatype=XSD.date)),
               (doc, RR.source, Literal("bench")), (doc, RR.extractorVersion, Literal("0.1.0"))]
    for i in range(sentences):
        node = sentence_iri(key, i)
        triples += [(doc, RR.sentence, node), (node, RDF.type, RR.Sentence), (node, RR["index"], Literal(i)),
                    (node, RR.text, Literal(f"جمله {i} از خبر {key[-6:]}", lang="fa"))]
    categories, category_weights = zip(*CATEGORY_WEIGHTS.items())
    mentioned = set()
    for number in range(1, rng.randint(3, 6) + 1):
        node = event_iri(key, number)
        category = rng.choices(categories, category_weights)[0]
        actor, recipient = rng.choices(actors, weights, k=2)
        if rng.random() < 0.05:  # a person found by a role pattern, described in this graph only
            actor = person_iri(f"pattern-{key[-6:]}-{number}")
            triples += [(actor, RDF.type, RR.Person), (actor, RDFS.label, Literal("سفیر", lang="fa")),
                        (actor, RR.country, rng.choice(actors[:80]))]
        sides = [(RR.actor, actor)] + ([(RR.recipient, recipient)] if recipient != actor else [])
        triples += [(node, RDF.type, RR.Event), (node, RR.category, category_iri(category)),
                    (node, RR.date, Literal((day - timedelta(days=rng.randint(0, 2))).isoformat(), datatype=XSD.date)),
                    (node, RR.dateCertainty, Literal("relative")), (node, RR.trigger, Literal("گفت‌وگو")),
                    (node, RR.confidence, Literal(f"0.{rng.randint(5, 9)}", datatype=XSD.decimal)),
                    (node, RR.extractor, Literal("kg.extract.events/0.1.0")), (node, PROV.wasDerivedFrom, doc),
                    (node, RR.evidence, sentence_iri(key, rng.randrange(sentences)))]
        if category == "CONSULT":
            triples.append((node, RR.mode, mode_iri("phone" if rng.random() < 0.35 else rng.choice(MODES))))
        triples += [(node, RR.topic, topic_iri(t)) for t in rng.sample(TOPICS, rng.choice((0, 1, 1, 2)))]
        for j, (side, who) in enumerate(sides):
            mention = mention_iri(key, number, j)
            triples += [(node, side, who), (node, RR.participant, who), (node, RR.mention, mention),
                        (mention, RDF.type, RR.Mention), (mention, RR.refersTo, who),
                        (mention, RR.side, Literal("actor" if side == RR.actor else "recipient"))]
            mentioned.add(who)
    triples += [(doc, RR.mentions, who) for who in sorted(mentioned)]
    return triples


def synthetic_graphs(target: int, seed: int = 7) -> dict[URIRef, list]:
    """Named graphs of about ``target`` triples in all."""
    rng = random.Random(seed)
    actor_triples, actors, weights = actors_graph(rng)
    graphs = {META_GRAPH: [(URIRef(str(graph_iri("store")).replace("graph/", "")), RR.ontologyVersion,
                            Literal("0.1.0"))],
              ACTORS_GRAPH: actor_triples}
    total, n = len(actor_triples) + 1, 0
    start = date(2020, 1, 1)
    while total < target:
        key = f"{rng.getrandbits(128):032x}"
        triples = article_graph(rng, key, actors, weights, start + timedelta(days=rng.randrange(5 * 365)))
        graphs[graph_iri(key)] = triples
        total += len(triples)
        n += 1
    return graphs


def graph_batches(graphs: dict, size: int = 50_000):
    """kg.store.sync's batching over a dict of graphs (the same batches ``kg push`` writes)."""
    return batches(graphs.items(), size)


def write_nquads(graphs: dict, path: Path) -> None:
    quads = (ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(g))
             for g, triples in graphs.items() for s, p, o in triples)
    with open(path, "wb") as out:
        ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)


# -- measuring --------------------------------------------------------------------------------------

def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _child(store, text: str, pipe) -> None:
    began = time.perf_counter()
    rows = len(store.query(text))
    pipe.send((time.perf_counter() - began, rows))


def time_query(store, text: str, timeout: float | None) -> tuple[float | None, int | None]:
    """(seconds, rows) of one run; (None, None) when cut after ``timeout`` (run in a forked child)."""
    if timeout is None:
        began = time.perf_counter()
        rows = len(store.query(text))
        return time.perf_counter() - began, rows
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(store, text, child))
    process.start()
    if parent.poll(timeout):
        seconds, rows = parent.recv()
        process.join()
        return seconds, rows
    process.kill()
    process.join()
    return None, None


def query_variants(names: str = "") -> list[tuple[str, str]]:
    """(label, SPARQL) of every named query (or of those in the comma-separated ``names``):
    without parameters when it requires none, and with its ``# example:`` values
    (``events[category=consult]``) when it has an example line."""
    variants = []
    wanted = set(filter(None, names.split(",")))
    for query in load_queries().values():
        if wanted and query.name not in wanted:
            continue
        if not any(p.required for p in query.params):
            variants.append((query.name, query.text))
        if query.example:
            label = " ".join(f"{k}={v}" for k, v in query.example)
            variants.append((f"{query.name}[{label}]", bind(query, dict(query.example))))
    return variants


def measure_queries(name: str, store, runs: int, timeout: float | None, names: str = "",
                    once_above: float = float("inf")) -> dict:
    """query label → (median seconds or None, rows, note)."""
    out = {}
    for label, text in query_variants(names):
        times, rows = [], None
        for _ in range(runs):
            seconds, count = time_query(store, text, timeout)
            if seconds is None:
                break
            times.append(seconds)
            rows = count
            if seconds > once_above:  # a slow query is timed once: its median would cost minutes
                break
        if times:
            out[label] = (statistics.median(times), rows, "")
            log(f"{name} {label}: {statistics.median(times):.3f} s median of {len(times)}, {rows} rows")
        else:
            out[label] = (None, None, f">{timeout:g} s")
            log(f"{name} {label}: cut after {timeout:g} s")
    return out


def http_write_rate(store, graphs: dict, sample: int) -> tuple[float, int]:
    """write_batch over HTTP of the first ``sample`` triples under other graph names, then dropped."""
    renamed, count = {}, 0
    for graph, triples in graphs.items():
        if count >= sample:
            break
        renamed[URIRef(f"urn:bench:http:{graph}")] = triples
        count += len(triples)
    began = time.perf_counter()
    for batch in graph_batches(renamed, 20_000):
        store.write_batch(batch)
    seconds = time.perf_counter() - began
    for graph in renamed:
        store.drop_graph(graph)
    return seconds, count


def legacy_load(graphs: dict, folder: Path, total: int) -> str:
    """The embedded load as it was before the N-Quads fast path (checked batch, ``to_ox`` term by
    term, ``Store.bulk_extend``), into another folder: the "before" of the load figure."""
    store = ox.Store(str(folder))
    began = time.perf_counter()
    for batch in graph_batches(graphs):
        replace, add = prepare_batch(batch, {})
        store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(g))
                          for g, triples in replace.items() for s, p, o in triples)
    seconds = time.perf_counter() - began
    del store
    shutil.rmtree(folder, ignore_errors=True)
    return (f"oxigraph before the fast path (prepare_batch, to_ox, bulk_extend): {seconds:.1f} s = "
            f"{total / seconds:,.0f} triples/s")


# -- the run ----------------------------------------------------------------------------------------

def measure_backend(name: str, args: argparse.Namespace, work: Path) -> dict:
    """Load and query one backend (in a process of its own, see :func:`run`)."""
    graphs = synthetic_graphs(args.triples)
    total = sum(map(len, graphs.values()))
    gc.collect()
    gc.freeze()  # the generated graph is input, not work: keep the collector off its million tuples
    nquads = work / "data.nq"
    result: dict = {"extra": []}
    server = None
    timeout = None
    try:
        if name == "rdflib":
            store = open_store("memory:")
            began = time.perf_counter()
            for batch in graph_batches(graphs):
                store.write_batch(batch)
            result["load"] = ("write_batch (rdflib addN)", time.perf_counter() - began)
            timeout = args.rdflib_timeout
        elif name == "oxigraph":
            store = open_store(work / "embedded")
            began = time.perf_counter()
            for batch in graph_batches(graphs):
                store.write_batch(batch)
            result["load"] = ("write_batch (N-Quads bulk_load)", time.perf_counter() - began)
            result["extra"].append(legacy_load(graphs, work / "embedded-before", total))
            log(result["extra"][-1])
        elif name == "oxigraph-server":
            began = time.perf_counter()
            OxigraphServer.load(work / "oxigraph-server", [nquads])
            result["load"] = ("oxigraph load (offline)", time.perf_counter() - began)
            server = OxigraphServer(work / "oxigraph-server").start()
            store = server.open_store()
        elif name == "virtuoso":
            server = VirtuosoServer(work / "virtuoso", buffers=args.virtuoso_buffers).start()
            shutil.copy(nquads, server.load_dir / "data.nq")
            began = time.perf_counter()
            server.bulk_load()
            result["load"] = ("ld_dir + rdf_loader_run + checkpoint", time.perf_counter() - began)
            store = server.open_store()
        else:
            raise SystemExit(f"unknown backend {name!r}; known: {', '.join(BACKENDS)}")
        log(f"{name}: loaded in {result['load'][1]:.1f} s ({total / result['load'][1]:,.0f} triples/s)")
        counted = store.count_triples()
        if counted != total:
            result["extra"].append(f"! {name} holds {counted:,} triples, not {total:,}")
        if server is not None and args.http_sample:
            seconds, count = http_write_rate(store, graphs, args.http_sample)
            result["extra"].append(f"{name}: write_batch over HTTP, {count:,} triples in 20k-triple batches: "
                                   f"{seconds:.1f} s = {count / seconds:,.0f} triples/s")
            log(result["extra"][-1])
        result["latencies"] = measure_queries(name, store, args.runs, timeout, args.queries, args.once_above)
        store.close()
    finally:
        if server is not None:
            server.stop()
    return result


def run(args: argparse.Namespace) -> None:
    """Each backend in a fresh process (the same seeded graph, made again), so that one backend's
    memory and garbage do not slow the next one down; the N-Quads file is written once."""
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kg-bench-stores-"))
    work.mkdir(parents=True, exist_ok=True)
    wanted = [b for b in args.backends.split(",") if b]
    missing = {"oxigraph-server": find_oxigraph() is None, "virtuoso": find_virtuoso() is None}
    for name in [b for b in wanted if missing.get(b)]:
        log(f"{name}: not installed, skipped")
        wanted.remove(name)
    log(f"generating about {args.triples:,} triples")
    graphs = synthetic_graphs(args.triples)
    total, count = sum(map(len, graphs.values())), len(graphs)
    log(f"{total:,} triples in {count:,} named graphs")
    if {"oxigraph-server", "virtuoso"} & set(wanted):
        write_nquads(graphs, work / "data.nq")
    del graphs
    results = {}
    try:
        for name in wanted:
            command = [sys.executable, __file__, "--one", name, "--work", str(work), "--triples", str(args.triples),
                       "--runs", str(args.runs), "--rdflib-timeout", str(args.rdflib_timeout),
                       "--http-sample", str(args.http_sample), "--virtuoso-buffers", str(args.virtuoso_buffers),
                       "--queries", args.queries, "--once-above", str(args.once_above)]
            done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
            results[name] = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report(total, count, {n: tuple(r["load"]) for n, r in results.items()},
           {n: {q: tuple(v) for q, v in r["latencies"].items()} for n, r in results.items()},
           [line for r in results.values() for line in r["extra"]], args)


def report(total: int, graphs: int, loads: dict, latencies: dict, extra: list, args) -> None:
    names = list(loads)
    once = f", once when the first run took over {args.once_above:g} s" if args.once_above != float("inf") else ""
    print(f"\nStores benchmark: {total:,} triples in {graphs:,} named graphs; queries: median of "
          f"{args.runs} runs{once} (rdflib runs cut after {args.rdflib_timeout:g} s)")
    print(f"{os.cpu_count()} cores, load average at the end {os.getloadavg()[0]:.1f} / {os.getloadavg()[1]:.1f} / "
          f"{os.getloadavg()[2]:.1f} (other work on the machine slows every backend)\n")
    rates = {n: total / loads[n][1] for n in names}
    best = max(rates.values())
    base = rates.get("rdflib")
    print(f"{'LOAD':<17}{'method':<38}{'seconds':>9}{'triples/s':>12}{'vs rdflib':>11}{'vs fastest':>12}")
    for n in names:
        vs_base = f"{rates[n] / base:.2f}x" if base else "-"
        print(f"{n:<17}{loads[n][0]:<38}{loads[n][1]:>9.1f}{rates[n]:>12,.0f}{vs_base:>11}"
              f"{rates[n] / best:>11.2f}x")
    for line in extra:
        print(line)
    queries = sorted({q for per in latencies.values() for q in per})
    w = max(map(len, queries + ["QUERY (s)"])) + 2
    print(f"\n{'QUERY (s)':<{w}}" + "".join(f"{n:>18}" for n in names) + f"{'fastest':>18}")
    for q in queries:
        cells, measured = [], {n: latencies[n][q][0] for n in names if latencies[n][q][0] is not None}
        fastest = min(measured, key=measured.get) if measured else None
        for n in names:
            seconds, rows, note = latencies[n][q]
            cells.append(f"{note:>18}" if seconds is None else f"{seconds:>12.3f} {rows:>5}")
        print(f"{q:<{w}}" + "".join(cells) + f"{fastest or '-':>18}")
    print(f"\n{'RATIO':<{w}}" + "".join(f"{n:>18}" for n in names))
    for q in queries:
        measured = {n: latencies[n][q][0] for n in names if latencies[n][q][0] is not None}
        fastest = min(measured.values()) if measured else None
        base_s = latencies.get("rdflib", {}).get(q, (None,))[0]
        cells = []
        for n in names:
            s = latencies[n][q][0]
            if s is None:
                cells.append(f"{'-':>18}")
                continue
            cut = "rdflib" in latencies and base_s is None
            vs_base = f"{s / base_s:.3f}" if base_s else (f"<{s / args.rdflib_timeout:.3f}" if cut else "-")
            cells.append(f"{vs_base + ' / ' + f'{s / fastest:.1f}':>18}")
        print(f"{q:<{w}}" + "".join(cells))
    print("(each cell: latency / rdflib latency, latency / fastest latency; '<x': rdflib was cut, so the "
          "ratio is below x)")
    print("\nGOALS")
    if "oxigraph" in rates:
        ok = rates["oxigraph"] >= 300_000
        print(f"  embedded load >= 300,000 triples/s: {rates['oxigraph']:,.0f} -> {'met' if ok else 'NOT met'}")
    for n in names:
        slow = [q for q in queries if latencies[n][q][0] is not None and
                latencies[n][q][0] > 2 * min(latencies[m][q][0] for m in names if latencies[m][q][0] is not None)]
        cut = [q for q in queries if latencies[n][q][0] is None]
        print(f"  {n}: within 2x of the fastest on {len(queries) - len(slow) - len(cut)}/{len(queries)} queries"
              + (f"; slower: {', '.join(slow)}" if slow else "") + (f"; cut: {', '.join(cut)}" if cut else ""))
    rows = {q: {n: latencies[n][q][1] for n in names if latencies[n][q][1] is not None} for q in queries}
    differ = {q: r for q, r in rows.items() if len(set(r.values())) > 1}
    if differ:
        print("  ROW COUNTS DIFFER: " + "; ".join(f"{q}: {r}" for q, r in differ.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--backends", default=",".join(BACKENDS), help=f"comma-separated: {', '.join(BACKENDS)}")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rdflib-timeout", type=float, default=60.0)
    parser.add_argument("--http-sample", type=int, default=100_000,
                        help="triples written over HTTP to measure write_batch on the servers (0: skip)")
    parser.add_argument("--virtuoso-buffers", type=int, default=100_000, help="NumberOfBuffers (8 KiB pages)")
    parser.add_argument("--once-above", type=float, default=float("inf"),
                        help="seconds: a query whose first run takes longer is timed once (for 10M)")
    parser.add_argument("--queries", default="", help="comma-separated query names (default: all)")
    parser.add_argument("--keep", help="keep the stores and data in this folder")
    parser.add_argument("--one", help=argparse.SUPPRESS)   # child: measure this backend, print JSON
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_backend(args.one, args, Path(args.work))))
    else:
        run(args)


if __name__ == "__main__":
    main()
