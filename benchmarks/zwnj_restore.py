"""How well lost ZWNJs are restored: held-out IR-News articles, ZWNJs stripped, restored, compared.

For each held-out article (line index % 5 == 0; ``scripts/learn_zwnj.py`` learns from the others)
that keeps its ZWNJs, the gold text is the article normalised without restoration; the input is the
gold with every ZWNJ deleted (as web text loses them: ``همکاری‌ها`` → ``همکاریها``). The restored
text is compared with the gold token by token (whitespace tokens, paired by their ZWNJ-free
spelling, so a system that joins or splits tokens is judged fairly):

- affected: gold tokens that have a ZWNJ; restored: those the system gives back exactly;
- broken: gold tokens without a ZWNJ that the system changed (a word, not a space: see joined);
- joined: two gold tokens the system made one by turning the space into a ZWNJ («می شود» →
  «می‌شود»): a spacing the toolkit normalises on purpose, counted apart;
- variants: Persian allows both spellings of many words and writers differ («آنها»/«آن‌ها»,
  «بزرگترین»/«بزرگ‌ترین»); where both spellings each make up at least 20% of the word's uses in the
  training split, a mismatch is a variant, not an error. "lenient" counts variants as right;
- ceiling: the best any context-free restorer can do, choosing for every word the spelling the
  held-out gold itself uses most often (strict, and lenient: variants of that spelling right);
- tokens/s: whitespace tokens of the input per second of restoration.

The same is measured for hazm's ``Normalizer`` when hazm can be run: in this interpreter, or in the
one given with ``--hazm-python`` (hazm is not a dependency; a throwaway virtual environment serves:
``python3 -m venv /tmp/hazmvenv && /tmp/hazmvenv/bin/pip install hazm``).

Usage::

    python benchmarks/zwnj_restore.py [--corpus ../shared/corpus/fa-irnews.jsonl]
                                      [--hazm-python /tmp/hazmvenv/bin/python] [--all-held-out]
                                      [--lost-as nothing|space]

With ``--lost-as space`` the input has a space where the gold has a ZWNJ («همکاری ها», «می کند»),
the other way writers lose them; only split affixes are joined back then, not compounds.
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.text.normalize import normalise  # noqa: E402
from kg.text.script import ZWNJ  # noqa: E402
from kg.text.zwnj import ZwnjRestorer  # noqa: E402
from scripts.learn_zwnj import DEFAULT_CORPUS, is_dev, is_training, keeps_zwnj  # noqa: E402

_HAZM = """
import json, sys, time
from hazm import Normalizer
normalizer = Normalizer()
texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
start = time.perf_counter()
out = [normalizer.normalize(t) for t in texts]
seconds = time.perf_counter() - start
json.dump({"texts": out, "seconds": seconds}, open(sys.argv[2], "w", encoding="utf-8"))
"""


@dataclass
class Score:
    """Token counts of one system over the benchmark."""

    name: str
    affected: int = 0
    restored: int = 0
    unaffected: int = 0
    broken: int = 0
    joined: int = 0
    variant_misses: int = 0
    variant_breaks: int = 0
    variants: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)
    tokens: int = 0
    seconds: float = 0.0
    misses: list[tuple[str, str]] = field(default_factory=list)
    breaks: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.restored / self.affected if self.affected else 0.0

    @property
    def lenient(self) -> float:
        return (self.restored + self.variant_misses) / self.affected if self.affected else 0.0

    def _variant(self, gold: str, got: str | None) -> bool:
        shares = self.variants.get(gold.replace(ZWNJ, ""), {})
        return got is not None and shares.get(gold, 0) >= 0.2 and shares.get(got, 0) >= 0.2

    def add(self, gold: str, output: str) -> None:
        """Compare one article: gold text and the system's output for its stripped form."""
        gold_tokens, out_tokens = gold.split(), output.split()
        matcher = difflib.SequenceMatcher(None, [t.replace(ZWNJ, "") for t in gold_tokens],
                                          [t.replace(ZWNJ, "") for t in out_tokens], autojunk=False)
        paired: dict[int, str] = {}
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                paired[block.a + k] = out_tokens[block.b + k]
        joined = _joined(gold_tokens, out_tokens, paired)
        for index, token in enumerate(gold_tokens):
            got = paired.get(index)
            if ZWNJ in token:
                self.affected += 1
                if got == token:
                    self.restored += 1
                elif self._variant(token, got):
                    self.variant_misses += 1
                elif len(self.misses) < 5000:
                    self.misses.append((token, got or "∅"))
            else:
                self.unaffected += 1
                if index in joined:
                    self.joined += 1
                elif got != token:
                    if self._variant(token, got):
                        self.variant_breaks += 1
                        continue
                    self.broken += 1
                    if len(self.breaks) < 5000:
                        self.breaks.append((token, got or "∅"))


def _joined(gold: list[str], out: list[str], paired: dict[int, str]) -> set[int]:
    """Indexes of unpaired gold tokens that the output joined with a neighbour by a ZWNJ."""
    joined_forms = {t.replace(ZWNJ, "") for t in out if ZWNJ in t}
    found: set[int] = set()
    for index in range(len(gold) - 1):
        if (index not in paired or index + 1 not in paired) and \
                (gold[index] + gold[index + 1]).replace(ZWNJ, "") in joined_forms:
            found.update((index, index + 1))
    return found


def training_shares(corpus: Path, dev: bool = False) -> dict[str, dict[str, float]]:
    """For every word of the training split (less the development split when ``dev``) written
    with a ZWNJ at least once: the share of each of its spellings (with and without ZWNJs)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with corpus.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if not is_training(index, dev):
                continue
            record = json.loads(line)
            text = normalise(f"{record.get('title') or ''}\n{record.get('text') or ''}", "fa",
                             restore_zwnj=False).text
            if keeps_zwnj(text):
                for token in text.split():
                    counts[token.replace(ZWNJ, "")][token] += 1
    shares = {}
    for stripped, spellings in counts.items():
        if len(spellings) > 1:
            total = sum(spellings.values())
            shares[stripped] = {t: n / total for t, n in spellings.items()}
    return shares


def ceiling(golds: list[str], shares: dict | None = None) -> tuple[float, float]:
    """Share of affected tokens a context-free restorer could get right at best (see module doc):
    strictly, and counting variants as right (``shares`` from :func:`training_shares`)."""
    by_word: dict[str, Counter[str]] = defaultdict(Counter)
    for gold in golds:
        for token in gold.split():
            by_word[token.replace(ZWNJ, "")][token] += 1
    affected = best = lenient = 0
    for stripped, spellings in by_word.items():
        affected += sum(n for t, n in spellings.items() if ZWNJ in t)
        top, count = spellings.most_common(1)[0]
        best += count if ZWNJ in top else 0
        word_shares = (shares or {}).get(stripped, {})
        lenient += sum(n for t, n in spellings.items() if ZWNJ in t and (
            t == top or (word_shares.get(t, 0) >= 0.2 and word_shares.get(top, 0) >= 0.2)))
    return (best / affected, lenient / affected) if affected else (0.0, 0.0)


def held_out(corpus: Path, all_held_out: bool, dev: bool = False) -> list[str]:
    """Gold texts of the held-out articles, or of the development split when ``dev`` (normalised,
    not restored)."""
    golds = []
    with corpus.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if (not is_dev(index)) if dev else is_training(index):
                continue
            record = json.loads(line)
            gold = normalise(f"{record.get('title') or ''}\n{record.get('text') or ''}", "fa",
                             restore_zwnj=False).text
            if keeps_zwnj(gold) or (all_held_out and ZWNJ in gold):
                golds.append(gold)
    return golds


def run_ours(golds: list[str], inputs: list[str], shares: dict, data: Path | None = None
             ) -> Score:
    restorer = ZwnjRestorer.load(data) if data else ZwnjRestorer.default()
    restorer.restore_text("آغاز")  # load the data before the clock starts
    score = Score("kg.text.zwnj", variants=shares)
    start = time.perf_counter()
    outputs = [restorer.restore_text(text)[0] for text in inputs]
    score.seconds = time.perf_counter() - start
    for gold, text, output in zip(golds, inputs, outputs):
        score.tokens += len(text.split())
        score.add(gold, output)
    return score


def run_hazm(python: str, golds: list[str], inputs: list[str], shares: dict) -> Score | str:
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "in.jsonl", Path(tmp) / "out.json"
        source.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in inputs), "utf-8")
        done = subprocess.run([python, "-c", _HAZM, str(source), str(target)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
        result = json.loads(target.read_text("utf-8"))
    score = Score("hazm Normalizer", seconds=result["seconds"], variants=shares)
    for gold, text, output in zip(golds, inputs, result["texts"]):
        score.tokens += len(text.split())
        # hazm also writes Persian digits and its own letter forms: undo those (not ZWNJs), so
        # that only its ZWNJ and spacing decisions are judged
        score.add(gold, normalise(output, "fa", restore_zwnj=False).text)
    return score


def hazm_python(given: str | None) -> str | None:
    if given:
        return given
    try:
        import hazm  # noqa: F401
    except ImportError:
        return None
    return sys.executable


def prepare_speed(corpus: Path) -> str:
    """Articles per second of ``prepare`` (normalise, boilerplate, sentences) on one core."""
    from kg.facts import Article
    from kg.text import prepare

    articles = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            articles.append(Article(id=record["id"], lang="fa", title=record.get("title") or "",
                                    text=record.get("text") or ""))
    prepare(articles[0])
    start = time.perf_counter()
    sentences = sum(len(prepare(article).sentences) for article in articles)
    seconds = time.perf_counter() - start
    chars = sum(len(a.title) + len(a.text) for a in articles) / len(articles)
    return (f"prepare: {len(articles)} articles (mean {chars:,.0f} characters) in {seconds:.2f} s = "
            f"{len(articles) / seconds:,.0f} articles/s, {seconds / len(articles) * 1000:.2f} ms each; "
            f"{sentences:,} sentences")


def table(scores: list[Score], articles: int, best: tuple[float, float]) -> str:
    lines = [f"held-out articles: {articles}; context-free ceiling: strict {best[0]:.2%}, "
             f"lenient {best[1]:.2%}",
             f"{'system':<17}{'affected':>9}{'strict':>9}{'lenient':>9}{'broken':>8}{'variant':>8}"
             f"{'joined':>8}{'unaffected':>11}{'tokens/s':>11}"]
    for s in scores:
        lines.append(f"{s.name:<17}{s.affected:>9}{s.rate:>9.2%}{s.lenient:>9.2%}{s.broken:>8}"
                     f"{s.variant_breaks:>8}{s.joined:>8}{s.unaffected:>11}"
                     f"{s.tokens / s.seconds if s.seconds else 0:>11,.0f}")
    if len(scores) == 2 and scores[1].rate:
        lines.append(f"ours / hazm: strict {scores[0].rate / scores[1].rate:.2f}x, "
                     f"lenient {scores[0].lenient / scores[1].lenient:.2f}x; broken "
                     f"{scores[0].broken} vs {scores[1].broken}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--hazm-python", default=None,
                        help="a Python interpreter that can import hazm (skipped when absent)")
    parser.add_argument("--all-held-out", action="store_true",
                        help="also articles that write only some of their ZWNJs")
    parser.add_argument("--lost-as", choices=("nothing", "space"), default="nothing",
                        help="how the input loses its ZWNJs: deleted (web text) or typed as spaces")
    parser.add_argument("--dev", action="store_true",
                        help="score the development split (index %% 5 == 1) instead of the held-out "
                             "articles, with data learned by learn_zwnj.py --dev --out DIR")
    parser.add_argument("--data", default=None, metavar="DIR",
                        help="the restorer's zwnj-*.tsv from DIR (default: the package's lexicons)")
    parser.add_argument("--show", type=int, default=0, help="print this many misses and breaks")
    parser.add_argument("--prepare-speed", action="store_true",
                        help="also time kg.text.prepare (the pipeline's entry) over the whole corpus")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.exists():
        sys.exit(f"corpus not found: {corpus}")
    golds = held_out(corpus, args.all_held_out, args.dev)
    inputs = [gold.replace(ZWNJ, "" if args.lost_as == "nothing" else " ") for gold in golds]
    shares = training_shares(corpus, args.dev)
    scores = [run_ours(golds, inputs, shares, Path(args.data) if args.data else None)]
    python = hazm_python(args.hazm_python)
    if python:
        hazm = run_hazm(python, golds, inputs, shares)
        if isinstance(hazm, Score):
            scores.append(hazm)
        else:
            print(f"hazm skipped: {hazm}")
    else:
        print("hazm skipped: not importable (give --hazm-python)")
    print(table(scores, len(golds), ceiling(golds, shares)))
    if args.prepare_speed:
        print(prepare_speed(corpus))
    if args.show:
        ours = scores[0]
        print("\nmisses (gold → ours):")
        for gold, got in ours.misses[: args.show]:
            print(f"  {gold.replace(ZWNJ, '+')} → {got.replace(ZWNJ, '+')}")
        print("\nbroken (gold → ours):")
        for gold, got in ours.breaks[: args.show]:
            print(f"  {gold.replace(ZWNJ, '+')} → {got.replace(ZWNJ, '+')}")


if __name__ == "__main__":
    main()
