"""Choose the English development articles (Tehran Times) for evaluating extraction, reproducibly.

Why a script: like ``eval/select_dev.py`` for Persian, the repository keeps only ids and gold; anyone
with ``../shared/corpus/en-tehrantimes.jsonl`` rebuilds the same list with the same seed.

The rule: an article is eligible when
1. it names at least two states: whole-word, case-sensitive matches of the English names and
   official names of ``ontology/gazetteer/countries.tsv`` (not demonyms, capitals or forms marked
   ambiguous) in title + text;
2. its title or the first ``CUE_SPAN`` characters of its text contain a cue word of
   ``event_cues_en.txt`` (whole words, any case);
3. its text has ``MIN_CHARS`` to ``MAX_CHARS`` characters (the corpus often lacks the lead
   paragraph; very short texts have no story to annotate, long ones would dominate the counts);
4. it is not one of the test fixtures (``tests/fixtures/articles/en``) and not a duplicate (same
   title as an earlier article).
From the eligible ids, sorted, ``random.Random(seed).sample`` draws ``n``.

Usage
-----
    python eval/dev-en/select.py --seed 41 -n 20 > eval/dev-en/ids.txt

Example
-------
>>> names_in("Iran and Iraq met", {"Iran": "IRN", "Iraq": "IRQ"})
{'IRN', 'IRQ'}
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
from pathlib import Path

__all__ = ["CUE_SPAN", "MIN_CHARS", "MAX_CHARS", "state_names", "names_in", "eligible", "main"]

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CUE_SPAN = 300
MIN_CHARS = 300
MAX_CHARS = 2500


def state_names() -> dict[str, str]:
    """English name → ISO code, from the gazetteer's countries (states only, unambiguous names)."""
    names: dict[str, str] = {}
    lines = (REPO / "ontology" / "gazetteer" / "countries.tsv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")
    for row in rows:
        if row["status"] == "territory":
            continue
        ambiguous = {a.strip() for a in (row.get("ambiguous") or "").split("|")}
        for field in ("name_en", "official_en"):
            for name in (row.get(field) or "").split("|"):
                if name.strip() and name.strip() not in ambiguous:
                    names[name.strip()] = row["iso3"]
    return names


def names_in(text: str, names: dict[str, str]) -> set[str]:
    """ISO codes of the states whose names occur in ``text`` as whole words."""
    return {code for name, code in names.items() if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)}


def _cues() -> re.Pattern[str]:
    words = [w.strip() for w in (HERE / "event_cues_en.txt").read_text(encoding="utf-8").splitlines()
             if w.strip() and not w.startswith("#")]
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)", re.IGNORECASE)


def eligible(records: list[dict], exclude: set[str]) -> list[str]:
    """Ids of the records that pass the rule (module docstring), sorted."""
    names, cues, seen, chosen = state_names(), _cues(), set(), []
    for record in records:
        title, text = record.get("title") or "", record.get("text") or ""
        if record["id"] in exclude or title in seen or not MIN_CHARS <= len(text) <= MAX_CHARS:
            continue
        seen.add(title)
        if len(names_in(f"{title}\n{text}", names)) >= 2 and cues.search(f"{title}\n{text[:CUE_SPAN]}"):
            chosen.append(record["id"])
    return sorted(chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=41)
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args(argv)
    shared = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
    corpus = shared / "corpus" / "en-tehrantimes.jsonl"
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    fixtures = REPO / "tests" / "fixtures" / "articles" / "en" / "tehrantimes.jsonl"
    exclude = {json.loads(line)["id"] for line in fixtures.read_text(encoding="utf-8").splitlines() if line.strip()}
    pool = eligible(records, exclude)
    print(f"# {len(pool)} eligible of {len(records)}; seed {args.seed}", file=sys.stderr)
    for article in random.Random(args.seed).sample(pool, args.n):
        print(f"en-tehrantimes.jsonl\t{article}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
