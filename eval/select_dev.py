"""Choose the development and held-out test articles for evaluating extraction, reproducibly.

Why a script: the corpora in ``../shared/corpus`` cannot be copied into the repository (GPL-3.0 and
Fars News copyright), so the repository keeps only article ids and gold annotations. Anyone with the
corpora can rebuild exactly the same sets by running this script with the same seeds.

The rule
--------
An article is *eligible* when all of these hold:

1. **International or political.** fa-irnews: one of its categories is an international or political
   one (``INTL_POL_CATEGORIES``), or it has no category at all (Roozno and half of Tabnak carry none)
   and its *title* names a state other than Iran. fa-farsnews: its category is one of
   ``FARS_CATEGORIES`` (world, politics and their sub-desks).
2. **About relations between states**: (a) it names at least two states (distinct ISO codes found
   as whole words in title + text, names from ``state_names_fa.tsv``; Arabic ي/ك folded to ی/ک
   first), and (b) its title or the first ``CUE_SPAN`` characters of its text contain one of the cue
   words of ``event_cues_fa.txt`` (meeting, call, visit, signing, support, request, condemnation,
   threat, sanction, attack …), so that foreign news with no relation between states (an election
   abroad, a country's epidemic figures) does not fill the sample. Articles with no event still pass
   (the cue may be domestic or negated) and are kept as negative examples.
3. **Short enough to annotate whole**: at most ``MAX_CHARS`` characters of text (long multi-story
   round-ups are left out; they would dominate the counts).
4. Not a duplicate (same title and opening as an earlier article of the file) and not one of the
   bundled examples (``examples/*.jsonl`` ids and the article that ``examples/*.txt`` came from).

From the eligible articles, sorted by id, ``random.Random(seed).sample`` draws ``n`` articles per
corpus. The test set is drawn with another seed from what is left after removing the dev set.

Usage
-----
    python eval/select_dev.py --seed 11 --irnews 34 --farsnews 8 > eval/dev/ids.txt
    python eval/select_dev.py --seed 29 --irnews 18 --farsnews 4 --exclude eval/dev/ids.txt \
        > eval/test/ids.txt

Each output line is ``<corpus file><TAB><article id>``.

Example
-------
>>> is_whole_word_in("ایران و روسیه", "روسیه")
True
>>> is_whole_word_in("عراقچی گفت", "عراق")
False
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

__all__ = [
    "INTL_POL_CATEGORIES",
    "FARS_CATEGORIES",
    "MAX_CHARS",
    "CUE_SPAN",
    "load_cues",
    "load_state_names",
    "is_whole_word_in",
    "states_named",
    "is_eligible",
    "eligible_ids",
    "select",
    "main",
]

HERE = Path(__file__).resolve().parent
INTL_POL_CATEGORIES = frozenset({
    "بین الملل", "بین\u200cالملل", "سیاسی", "سیاست خارجی", "خارجی", "سياست\u200cخارجی", "جهان",
    "سیاست", "امنیتی و دفاعی",
})
FARS_CATEGORIES = frozenset({
    "world", "politics", "foreign-policy", "west-asia", "europe-amercia", "africa",
})
IRAN = "IRN"
MAX_CHARS = 2500
CUE_SPAN = 300
CORPORA = {"irnews": "fa-irnews.jsonl", "farsnews": "fa-farsnews.jsonl"}
# Arabic code points that Fars News uses for Persian letters; folding them is enough for matching.
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ة": "ه", "\u200c": " "})


def load_state_names(path: Path = HERE / "state_names_fa.tsv") -> dict[str, str]:
    """Read ``iso3<TAB>name|name`` rows into a mapping from Persian name to ISO3 code."""
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("iso3\t"):
            continue
        iso3, forms = line.split("\t")
        for form in forms.split("|"):
            names[form.strip()] = iso3
    return names


def load_cues(path: Path = HERE / "event_cues_fa.txt") -> tuple[str, ...]:
    """Read the cue words (one a line, ``#`` comments) of rule 2b, folded like the text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().translate(_FOLD) for line in lines
                 if line.strip() and not line.startswith("#"))


def is_whole_word_in(text: str, name: str) -> bool:
    """True when ``name`` occurs in ``text`` not glued to other letters (so عراق is not in عراقچی)."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def states_named(text: str, names: dict[str, str]) -> set[str]:
    """ISO3 codes of the states whose Persian names occur as whole words in ``text``."""
    folded = text.translate(_FOLD)
    return {iso3 for name, iso3 in names.items() if is_whole_word_in(folded, name.translate(_FOLD))}


def is_eligible(record: dict, corpus: str, names: dict[str, str], cues: tuple[str, ...]) -> bool:
    """Apply rules 1–3 of the module docstring to one corpus record."""
    text = record.get("text") or ""
    if len(text) > MAX_CHARS:
        return False
    opening = f"{record.get('title') or ''}\n{text[:CUE_SPAN]}".translate(_FOLD)
    if not any(cue in opening for cue in cues):
        return False
    categories = set(record.get("category") or [])
    if corpus == "farsnews":
        topical = bool(categories & FARS_CATEGORIES)
    elif categories:
        topical = bool(categories & INTL_POL_CATEGORIES)
    else:
        topical = bool(states_named(record.get("title") or "", names) - {IRAN})
    return topical and len(states_named(f"{record.get('title', '')}\n{text}", names)) >= 2


def _records(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def eligible_ids(path: Path, corpus: str, names: dict[str, str], cues: tuple[str, ...],
                 excluded: set[str]) -> list[str]:
    """Sorted ids of the eligible, non-duplicate, non-excluded articles of one corpus file."""
    seen: set[tuple[str, str]] = set()
    ids = []
    for record in _records(path):
        fingerprint = (record.get("title") or "", (record.get("text") or "")[:200])
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        if record["id"] not in excluded and is_eligible(record, corpus, names, cues):
            ids.append(record["id"])
    return sorted(ids)


def select(ids: list[str], n: int, seed: int) -> list[str]:
    """``n`` ids drawn with ``random.Random(seed)`` from the sorted list, kept in draw order."""
    return random.Random(seed).sample(ids, min(n, len(ids)))


def _example_ids(repo: Path) -> set[str]:
    ids: set[str] = set()
    for path in (repo / "examples").glob("*.jsonl"):
        ids.update(record["id"] for record in _records(path))
    readme = repo / "examples" / "README.md"
    if readme.exists():  # the .txt example names its corpus id in the README
        ids.update(re.findall(r"irnews/[a-z0-9_]+", readme.read_text(encoding="utf-8")))
    return ids


def _ids_in(path: Path) -> set[str]:
    return {line.split("\t")[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if "\t" in line}


def main(argv: list[str] | None = None) -> int:
    """Print ``<corpus file><TAB><id>`` lines of the drawn sample; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--irnews", type=int, default=34, help="articles from fa-irnews")
    parser.add_argument("--farsnews", type=int, default=8, help="articles from fa-farsnews")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="an ids.txt whose articles must not be drawn again")
    default_corpus = Path(os.environ.get("KG_SHARED", HERE.parent.parent / "shared")) / "corpus"
    parser.add_argument("--corpus-dir", type=Path, default=default_corpus)
    parser.add_argument("--count", action="store_true", help="only print how many are eligible")
    args = parser.parse_args(argv)

    names, cues = load_state_names(), load_cues()
    excluded = _example_ids(HERE.parent)
    for path in args.exclude:
        excluded |= _ids_in(path)
    for corpus, n in (("irnews", args.irnews), ("farsnews", args.farsnews)):
        ids = eligible_ids(args.corpus_dir / CORPORA[corpus], corpus, names, cues, excluded)
        if args.count:
            print(f"{CORPORA[corpus]}\t{len(ids)} eligible", file=sys.stderr)
            continue
        for article_id in select(ids, n, args.seed):
            print(f"{CORPORA[corpus]}\t{article_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
