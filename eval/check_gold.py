"""Check gold annotation files against the annotation guidelines, and count what they hold.

Why: gold files are written by hand; a typo in an ISO code, an unsorted actor list, a topic key
that does not exist or an evidence sentence that is not in the article silently lowers every score
measured against them. This script finds such slips before they are committed.

Checks, per file: the fields of the guidelines' format; categories from PLOVER (1–2 per record);
``mode`` only a PLOVER CONSULT mode (or null); ``actors`` sorted, unique ISO 3166-1 alpha-3 codes;
``topics`` keys of the cooperation-domain scheme; ISO dates; no two records with the same
(categories, party set); and, when the article text can be found, that ``evidence`` occurs in it
(compared after folding whitespace, ZWNJ and Arabic ي/ك).

Article texts are looked up by id in ``examples/*.jsonl``, ``examples/*.txt`` (id = file name
without ``.txt``), ``tests/fixtures/articles/*.jsonl`` and, when present, the corpora of
``../shared/corpus`` (or ``$KG_SHARED/corpus``).

Usage
-----
    python eval/check_gold.py tests/fixtures/gold eval/dev/gold eval/test/gold

Example
-------
>>> problems_in({"article": "x", "lang": "fa", "date": None, "events": [
...     {"event": ["CONSULT"], "mode": "phone", "actors": ["TKM", "IRN"], "groups": [],
...      "persons": [], "topics": ["gas"], "date": None, "evidence": "…"}]}, texts={})
['event 1: actors not sorted/unique: TKM, IRN']
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

__all__ = ["CATEGORIES", "CONSULT_MODES", "TOPICS", "fold", "load_texts", "problems_in", "main"]

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CATEGORIES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
CONSULT_MODES = frozenset({"phone", "visit", "third-party", "multilateral"})
TOPIC_TREE = {
    "economy": ("trade", "investment", "finance", "industry", "mining", "agriculture", "tourism",
                "free-zones"),
    "energy": ("oil", "gas", "electricity", "renewables"),
    "transport": ("rail", "road", "maritime", "aviation", "transit"),
    "culture": ("art", "media", "sport", "religion"),
    "science": ("education", "technology"),
    "health": (),
    "environment": ("water",),
    "security": ("defence", "counterterrorism", "border", "nuclear", "cyber", "drugs"),
    "diplomacy": ("consular", "parliamentary", "humanitarian", "legal"),
}
TOPICS = frozenset(TOPIC_TREE) | frozenset(child for kids in TOPIC_TREE.values() for child in kids)
FIELDS = ("event", "mode", "actors", "groups", "persons", "topics", "date", "evidence")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ة": "ه", "\u200c": "", "\u200f": "",
                       "\u200e": "", "ـ": ""})


def fold(text: str) -> str:
    """Text with ZWNJ/tatweel removed, Arabic letters folded, whitespace collapsed (for matching)."""
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip()


def _jsonl(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and "id" in record:
                yield record


def load_texts() -> dict[str, str]:
    """Map article id → folded ``title + text`` for every article source that is present."""
    texts: dict[str, str] = {}
    sources = list((REPO / "examples").glob("*.jsonl"))
    sources += list((REPO / "tests" / "fixtures" / "articles").glob("*.jsonl"))
    shared = Path(os.environ.get("KG_SHARED", REPO.parent / "shared")) / "corpus"
    sources += sorted(shared.glob("*.jsonl")) if shared.is_dir() else []
    for path in sources:
        for record in _jsonl(path):
            texts[record["id"]] = fold(f"{record.get('title') or ''}\n{record.get('text') or ''}")
    for path in (REPO / "examples").glob("*.txt"):
        texts[path.name[: -len(".txt")]] = fold(path.read_text(encoding="utf-8"))
    return texts


def _event_problems(number: int, event: dict, text: str | None) -> list[str]:
    where = f"event {number}"
    problems = [f"{where}: missing {name}" for name in FIELDS if name not in event]
    if problems:
        return problems
    categories = event["event"]
    if not (1 <= len(categories) <= 2) or not set(categories) <= CATEGORIES:
        problems.append(f"{where}: bad categories {categories}")
    if event["mode"] is not None and ("CONSULT" not in categories or event["mode"] not in CONSULT_MODES):
        problems.append(f"{where}: bad mode {event['mode']!r} for {categories}")
    actors = event["actors"]
    if actors != sorted(set(actors)) or not all(re.fullmatch(r"[A-Z]{3}", a) for a in actors):
        problems.append(f"{where}: actors not sorted/unique: {', '.join(actors)}")
    if not actors and not event["groups"]:
        problems.append(f"{where}: no parties")
    unknown = set(event["topics"]) - TOPICS
    if unknown:
        problems.append(f"{where}: unknown topics {sorted(unknown)}")
    if event["date"] is not None and not _ISO_DATE.match(event["date"]):
        problems.append(f"{where}: bad date {event['date']!r}")
    if not event["evidence"]:
        problems.append(f"{where}: empty evidence")
    elif text is not None and fold(event["evidence"]) not in text:
        problems.append(f"{where}: evidence not in article: {event['evidence'][:60]}…")
    return problems


def problems_in(gold: dict, texts: dict[str, str]) -> list[str]:
    """Everything wrong with one gold document (an empty list when it is fine)."""
    problems = [f"missing {name}" for name in ("article", "lang", "date", "events") if name not in gold]
    if problems:
        return problems
    if gold["date"] is not None and not _ISO_DATE.match(gold["date"]):
        problems.append(f"bad article date {gold['date']!r}")
    text = texts.get(gold["article"])
    seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for number, event in enumerate(gold["events"], 1):
        found = _event_problems(number, event, text)
        problems += found
        if found:
            continue
        # A signing [SUPPORT, AGREE] may stand beside an AGREE of the same parties (guidelines),
        # so records are told apart by their whole category list, not category by category.
        key = (tuple(sorted(event["event"])), tuple(sorted(event["actors"] + event["groups"])))
        if key in seen:
            problems.append(f"event {number}: second record for {key[0]} {key[1]}")
        seen.add(key)
    return problems


def _summary(golds: list[dict]) -> str:
    categories = Counter("|".join(event["event"]) for gold in golds for event in gold["events"])
    with_topics = sum(1 for gold in golds for event in gold["events"] if event["topics"])
    events = sum(len(gold["events"]) for gold in golds)
    empty = sum(1 for gold in golds if not gold["events"])
    lines = [f"{len(golds)} articles ({empty} with no event), {events} events, "
             f"{with_topics} with topics"]
    lines += [f"  {name}: {count}" for name, count in categories.most_common()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Check every ``*.json`` under the given folders; print problems and a count by category."""
    folders = [Path(arg) for arg in (argv if argv is not None else sys.argv[1:])]
    texts = load_texts()
    golds, failures = [], 0
    for folder in folders:
        for path in sorted(folder.rglob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            golds.append(gold)
            if gold.get("article") not in texts:
                print(f"{path}: (article text not found; evidence not checked)")
            for problem in problems_in(gold, texts):
                failures += 1
                print(f"{path}: {problem}")
    print(_summary(golds))  # records counted by their category list ("SUPPORT|AGREE" = a signing)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
