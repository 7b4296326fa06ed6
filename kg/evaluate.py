"""Score extracted events against gold annotations (event, dyad and topic F1).

The contract is ``../shared/docs/facts-and-evaluation.md``:

- **event F1** — a predicted record matches a gold one of the same article when its category is
  among the gold categories and its set of state parties is the same (predictions deduplicated on
  category + party set first; records are paired one to one by a maximum matching, so the order
  of records does not matter);
- **dyad F1** — the same, ignoring the category (both sides deduplicated on party set);
- **topic F1** — per article and party set, the union of topics, compared key by key; a parent key
  predicted for a child key counts half.

Scores are micro-averaged over articles. Gold files are ``<dir>/<lang>/<name>.json`` (one article
each); predictions are PLOVER-style records (``kg export --format plover``).

Example
-------
>>> gold = [{"article": "a", "events": [{"event": ["CONSULT"], "actors": ["IRN", "OMN"], "topics": ["gas"]}]}]
>>> pred = [{"article": "a", "event": "CONSULT", "actor": [{"country": "IRN"}],
...          "recipient": [{"country": "OMN"}], "topics": ["energy"]}]
>>> s = score(gold, pred, parents={"gas": "energy"})
>>> (s.event.f1, s.dyad.f1, s.topic.f1)
(1.0, 1.0, 0.5)
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import Errors, ReadError

__all__ = ["PRF", "Scores", "score", "load_gold", "state_parties"]

PartySet = tuple[str, ...]


@dataclass
class PRF:
    """Counts and precision/recall/F1 of one measure."""

    tp: float = 0.0
    predicted: float = 0.0
    gold: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> dict:
        return {"measure": name, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


@dataclass
class Scores:
    """Event, dyad and topic scores, and per-article mistakes for error analysis."""

    event: PRF = field(default_factory=PRF)
    dyad: PRF = field(default_factory=PRF)
    topic: PRF = field(default_factory=PRF)
    articles: int = 0
    mistakes: list[dict] = field(default_factory=list)

    def rows(self) -> list[dict]:
        return [self.event.row("event"), self.dyad.row("dyad"), self.topic.row("topic")]


def state_parties(record: Mapping) -> PartySet:
    """Sorted state parties of a PLOVER record (``country`` of every actor and recipient)."""
    codes = {p.get("country") for side in ("actor", "recipient") for p in record.get(side) or []}
    return tuple(sorted(c for c in codes if c))


def load_gold(folder: Path) -> list[dict]:
    """Every gold file under ``folder`` (``<lang>/<name>.json``, or JSON files directly in it)."""
    files = sorted(Path(folder).rglob("*.json"))
    gold = []
    for path in files:
        try:
            gold.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise ReadError(Errors.E005, path=str(path), line=1, detail=str(exc)) from exc
    return gold


def score(gold: Iterable[Mapping], predicted: Iterable[Mapping], *,
          parents: Mapping[str, str | None] | None = None) -> Scores:
    """Compare predictions with gold, article by article (only articles in the gold count).

    Parameters
    ----------
    gold: gold article records (``{"article", "events": [...]}``).
    predicted: PLOVER-style event records (``{"article", "event", "actor", "recipient", "topics"}``).
    parents: topic key → parent key (for half credit); from the topic scheme when None.
    """
    parents = parents if parents is not None else _topic_parents()
    by_article: dict[str, list[Mapping]] = defaultdict(list)
    for record in predicted:
        by_article[str(record.get("article"))].append(record)
    scores = Scores()
    for article in gold:
        name = str(article["article"])
        scores.articles += 1
        _score_article(name, article.get("events") or [], by_article.get(name, []), parents, scores)
    return scores


def _score_article(name: str, gold_events: list[Mapping], preds: list[Mapping],
                   parents: Mapping[str, str | None], scores: Scores) -> None:
    predicted = sorted({(r.get("event"), state_parties(r)) for r in preds}, key=lambda x: (x[0] or "", x[1]))
    gold = [(set(e.get("event") or []), tuple(sorted(e.get("actors") or []))) for e in gold_events]
    pairs = _max_matching(len(predicted), len(gold), lambda i, j: predicted[i][0] in gold[j][0]
                          and predicted[i][1] == gold[j][1])
    matched_pred, matched_gold = set(pairs), set(pairs.values())
    misses = [{"article": name, "kind": "false-positive", "event": predicted[i][0], "parties": predicted[i][1]}
              for i in range(len(predicted)) if i not in matched_pred]
    misses += [{"article": name, "kind": "missed", "event": sorted(gold[i][0]), "parties": gold[i][1]}
               for i in range(len(gold)) if i not in matched_gold]
    scores.event.tp += len(matched_gold)
    scores.event.predicted += len(predicted)
    scores.event.gold += len(gold)
    scores.mistakes += misses

    pred_dyads = {parties for _, parties in predicted}
    gold_dyads = {parties for _, parties in gold}
    scores.dyad.tp += len(pred_dyads & gold_dyads)
    scores.dyad.predicted += len(pred_dyads)
    scores.dyad.gold += len(gold_dyads)

    pred_topics: dict[PartySet, set[str]] = defaultdict(set)
    for record in preds:
        pred_topics[state_parties(record)].update(record.get("topics") or [])
    gold_topics: dict[PartySet, set[str]] = defaultdict(set)
    for event in gold_events:
        gold_topics[tuple(sorted(event.get("actors") or []))].update(event.get("topics") or [])
    for parties in set(pred_topics) | set(gold_topics):
        tp = _topic_matches(gold_topics.get(parties, set()), pred_topics.get(parties, set()), parents)
        scores.topic.tp += tp
        scores.topic.predicted += len(pred_topics.get(parties, set()))
        scores.topic.gold += len(gold_topics.get(parties, set()))


def _max_matching(n_left: int, n_right: int, fits) -> dict[int, int]:
    """Maximum one-to-one matching (augmenting paths; articles have a handful of events), so the
    score does not depend on the order of records: left index → right index."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in range(n_right):
            if j not in seen and fits(i, j):
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(n_left):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _topic_matches(gold: set[str], predicted: set[str], parents: Mapping[str, str | None]) -> float:
    exact = gold & predicted
    credit = float(len(exact))
    open_gold = gold - exact
    for key in predicted - exact:
        child = next((g for g in sorted(open_gold) if parents.get(g) == key), None)
        if child is not None:
            credit += 0.5
            open_gold.discard(child)
    return credit


def _topic_parents() -> dict[str, str | None]:
    from kg.rdf.ontology import topic_parents

    return topic_parents()


def evaluate_articles(gold: list[dict], paths: Iterable[Path | str]) -> Scores:
    """Ingest the gold's articles found under ``paths`` into a memory store and score them.

    Articles are picked by id (a JSONL ``id``, or a ``.txt`` file's name); the rest is not read
    into the store, so scoring a 40-article gold set over a 5,000-article corpus stays quick.
    """
    from kg.export import plover_records
    from kg.extract.pipeline import extract
    from kg.ingest import reference_graphs
    from kg.io.readers import read_articles
    from kg.rdf.build import build_article
    from kg.store import open_store

    wanted = {str(g["article"]) for g in gold}
    with open_store("memory:") as store:
        graphs = reference_graphs()
        for item in read_articles(paths):
            if not isinstance(item, ReadError) and item.id in wanted:
                built = build_article(extract(item))
                graphs[built.iri] = built.triples
        store.write_batch(graphs)
        predicted = list(plover_records(store))
    return score(gold, predicted)
