"""Extraction throughput and memory over a JSONL corpus, on one core.

    python benchmarks/extract_throughput.py ../shared/corpus/fa-irnews.jsonl [--limit N]

Prints articles per second for each stage (reading, text preparation, the whole extraction, and
extraction + RDF building) and the peak memory after each quarter of the corpus, so that growth
with the number of articles shows. The baseline ratio is against reading alone.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.errors import KGError  # noqa: E402
from kg.extract.pipeline import extract  # noqa: E402
from kg.io import read_articles  # noqa: E402
from kg.rdf.build import build_article  # noqa: E402
from kg.text import prepare  # noqa: E402


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()

    start = time.perf_counter()
    articles = [a for a in read_articles([args.corpus]) if not isinstance(a, KGError)]
    if args.limit:
        articles = articles[: args.limit]
    read_s = time.perf_counter() - start
    n = len(articles)
    extract(articles[0])  # load lexicons and compile matchers once, outside the timing

    timings = {"read": read_s}
    start = time.perf_counter()
    for article in articles:
        prepare(article)
    timings["prepare (normalise, boilerplate, sentences)"] = time.perf_counter() - start

    memory = []
    events = 0
    start = time.perf_counter()
    for i, article in enumerate(articles, start=1):
        events += len(extract(article).events)
        if i % max(1, n // 4) == 0:
            memory.append((i, rss_mib()))
    timings["extract (whole pipeline)"] = time.perf_counter() - start

    start = time.perf_counter()
    triples = 0
    for article in articles:
        triples += len(build_article(extract(article)).triples)
    timings["extract + build RDF"] = time.perf_counter() - start

    print(f"{n} articles from {args.corpus.name}, {events} events, {triples} triples; one process, one core")
    print(f"{'stage':48} {'seconds':>8} {'articles/s':>11} {'× read':>8}")
    for stage, seconds in timings.items():
        rate = n / seconds if seconds else float("inf")
        print(f"{stage:48} {seconds:8.2f} {rate:11.0f} {seconds / read_s:8.1f}")
    print("peak memory (MiB) after:", ", ".join(f"{i} articles {m:.0f}" for i, m in memory))


if __name__ == "__main__":
    main()
