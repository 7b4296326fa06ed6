"""Benchmark: analytics on a synthetic graph of 100k events in the embedded Oxigraph store.

The graph is shaped like ours (``docs/graph-model.md``): about 200 actors (states, persons acting
for them, organisations, groups) whose activity follows a Zipf law, the 16 PLOVER categories in
news-like proportions (CONSULT most), 1–2 topics per event from a scheme of 40 with parents, dates
over five years, four events per article graph. It is written with the store's ``write_batch``
(in batches, which the Oxigraph store sends to its bulk path), then each analytics step is timed.

Run (about two minutes on two cores)::

    python benchmarks/analytics_projection.py            # 100k events, a temporary store
    python benchmarks/analytics_projection.py --events 20000 --keep /tmp/kg-bench

Betweenness is exact (all sources) when the graph is small enough, and also estimated from
``--k`` sampled sources (networkx's sampling) to show the cost of each.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from rdflib import Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from kg.analytics.measures import (  # noqa: E402
    betweenness, community_sets, dyad_domain_profile, dyad_scores, pagerank, strongest_dyads,
    weighted_degree,
)
from kg.analytics.projections import actor_domain_graph, interaction_graph, time_slices  # noqa: E402
from kg.rdf.namespaces import (  # noqa: E402
    ACTORS_GRAPH, ONTOLOGY_GRAPH, PROV, RDF, RDFS, RR, SKOS, XSD, actor_iri, article_iri,
    category_iri, event_iri, graph_iri, topic_iri,
)
from kg.store import open_store  # noqa: E402

# Rough shares of categories in regional diplomatic news (cooperation dominates).
CATEGORY_WEIGHTS = {"CONSULT": 30, "AGREE": 15, "SUPPORT": 12, "COOPERATE": 6, "AID": 3, "CONCEDE": 1,
                    "RETREAT": 1, "REQUEST": 8, "ACCUSE": 9, "REJECT": 4, "THREATEN": 3, "SANCTION": 3,
                    "PROTEST": 2, "MOBILIZE": 1, "COERCE": 1, "ASSAULT": 1}


def synthetic_actors(rng: random.Random, states: int = 60, persons: int = 120, igos: int = 20):
    """(key, kind, country) of the actors; keys look like ours (``S07``, ``person:p012``, ``G03``)."""
    out = [(f"S{i:02d}", "Country", None) for i in range(states)]
    out += [(f"person:p{i:03d}", "Person", f"S{rng.randrange(states):02d}") for i in range(persons)]
    out += [(f"G{i:02d}", "Group" if i % 4 == 0 else "Organization", None) for i in range(igos)]
    return out


def actor_triples(actors) -> list:
    triples = []
    for key, kind, country in actors:
        node = actor_iri(key)
        triples += [(node, RDF.type, RR[kind]), (node, RDF.type, RR.Actor),
                    (node, RDFS.label, Literal(f"Actor {key}", lang="en")),
                    (node, RDFS.label, Literal(f"کنشگر {key}", lang="fa"))]
        if kind == "Country":
            triples.append((node, RR.iso3, Literal(key)))
        elif kind == "Person":
            triples.append((node, RR.country, actor_iri(country)))
        else:
            triples.append((node, RR.acronym, Literal(key)))
    return triples


def topic_scheme(count: int = 40) -> tuple[list[str], list]:
    keys = [f"t{i:02d}" for i in range(count)]
    triples = []
    for i, key in enumerate(keys):
        node = topic_iri(key)
        triples += [(node, RDF.type, SKOS.Concept), (node, SKOS.prefLabel, Literal(f"Topic {key}", lang="en"))]
        if i >= 8:  # eight parents, the rest narrower
            triples.append((node, SKOS.broader, topic_iri(keys[i % 8])))
    return keys, triples


def article_triples(key: str, events: list) -> list:
    article = article_iri(key)
    triples = [(article, RDF.type, RR.Article)]
    for number, (category, actors, recipients, topics, day) in enumerate(events):
        node = event_iri(key, number)
        triples += [(node, RDF.type, RR.Event), (node, RR.category, category_iri(category)),
                    (node, RR.date, Literal(day, datatype=XSD.date)), (node, PROV.wasDerivedFrom, article)]
        for side, parties in (("actor", actors), ("recipient", recipients)):
            for party in parties:
                triples += [(node, RR[side], actor_iri(party)), (node, RR.participant, actor_iri(party))]
        triples += [(node, RR.topic, topic_iri(t)) for t in topics]
    return triples


def synthetic_events(rng: random.Random, n: int, actors, topics: list[str]):
    keys = [key for key, *_ in actors]
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(keys))]  # Zipf-like activity
    rng.shuffle(weights)
    categories, category_weights = zip(*CATEGORY_WEIGHTS.items())
    start, days = date(2020, 1, 1), 5 * 365
    for _ in range(n):
        a, b = rng.choices(keys, weights, k=2)
        while b == a:
            b = rng.choices(keys, weights)[0]
        category = rng.choices(categories, category_weights)[0]
        joint = category == "AGREE" and rng.random() < 0.3  # «X and Y agreed»: no recipient
        yield (category, (a, b) if joint else (a,), () if joint else (b,),
               tuple(rng.sample(topics, rng.choice((1, 1, 2)))), start + timedelta(days=rng.randrange(days)))


def load(store, n_events: int, seed: int, per_article: int = 4, batch_articles: int = 5000) -> int:
    """Write the synthetic graph; returns the number of triples written."""
    rng = random.Random(seed)
    actors = synthetic_actors(rng)
    topics, scheme = topic_scheme()
    store.write_batch({ACTORS_GRAPH: actor_triples(actors), ONTOLOGY_GRAPH: scheme})
    written = len(scheme)
    batch: dict = {}
    events = list(synthetic_events(rng, n_events, actors, topics))
    for start in range(0, len(events), per_article):
        key = f"bench{start // per_article:06d}"
        batch[graph_iri(key)] = article_triples(key, events[start:start + per_article])
        if len(batch) >= batch_articles:
            written += sum(map(len, batch.values()))
            store.write_batch(batch)
            batch = {}
    if batch:
        written += sum(map(len, batch.values()))
        store.write_batch(batch)
    return written


def timed(rows: list, step: str, function, note: str = ""):
    began = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - began
    rows.append((step, seconds, note(result) if callable(note) else note))
    print(f"  {step:<44} {seconds:8.2f} s  {rows[-1][2]}", file=sys.stderr, flush=True)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--k", type=int, default=64, help="sampled sources for approximate betweenness")
    parser.add_argument("--exact-max-nodes", type=int, default=400,
                        help="also run exact betweenness up to this many nodes")
    parser.add_argument("--keep", type=Path, help="build the store in this folder and keep it")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    rows: list = []
    with open_store(str(folder / "store")) as store:
        timed(rows, f"write {args.events:,} events", lambda: load(store, args.events, args.seed),
                        lambda n: f"{n:,} triples")
        graph = timed(rows, "projection: interaction_graph (actor)", lambda: interaction_graph(store),
                      lambda g: f"{g.number_of_nodes()} nodes, {g.number_of_edges():,} edges")
        state = timed(rows, "projection: interaction_graph (state)",
                      lambda: interaction_graph(store, level="state"),
                      lambda g: f"{g.number_of_nodes()} nodes, {g.number_of_edges():,} edges")
        timed(rows, "projection: filtered (quad 3-4, 1 year)",
              lambda: interaction_graph(store, quad_classes=[3, 4], since="2022-01-01", until="2022-12-31"),
              lambda g: f"{g.graph['events']:,} events")
        timed(rows, "projection: filtered (topic t00 + narrower)",
              lambda: interaction_graph(store, topics=["t00"]), lambda g: f"{g.graph['events']:,} events")
        timed(rows, "projection: actor_domain_graph", lambda: actor_domain_graph(store),
              lambda g: f"{g.number_of_edges():,} edges")
        timed(rows, "projection: time_slices (month)", lambda: time_slices(store, "month"),
              lambda s: f"{len(s)} slices")
        timed(rows, "weighted degree", lambda: weighted_degree(graph))
        timed(rows, "pagerank (scipy)", lambda: pagerank(graph))
        if graph.number_of_nodes() <= args.exact_max_nodes:
            timed(rows, "betweenness (exact)", lambda: betweenness(graph), "all sources")
        timed(rows, f"betweenness (k={args.k} sampled sources)", lambda: betweenness(graph, k=args.k),
              "approximate")
        timed(rows, "louvain communities (seed 42)", lambda: community_sets(graph),
              lambda c: f"{len(c)} communities")
        timed(rows, "strongest dyads (state)", lambda: strongest_dyads(state, top=None),
              lambda r: f"{len(r):,} dyads")
        timed(rows, "dyad scores by month (state, store)", lambda: dyad_scores(store),
              lambda r: f"{len(r):,} rows")
        timed(rows, "dyad domain profile (state, store)", lambda: dyad_domain_profile(store),
              lambda r: f"{len(r):,} rows")
    total = sum(seconds for _, seconds, _ in rows)
    print(f"\nanalytics on {args.events:,} synthetic events, embedded Oxigraph in {folder}")
    print(f"{'step':<44} {'seconds':>8}  note")
    print("-" * 78)
    for step, seconds, note in rows:
        print(f"{step:<44} {seconds:8.2f}  {note}")
    print("-" * 78)
    print(f"{'total':<44} {total:8.2f}")
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
