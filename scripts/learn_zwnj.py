"""Learn the ZWNJ restorer's data from Persian text that keeps its zero-width non-joiners.

Reads a JSONL corpus (``title``/``text`` per line; by default the shared IR-News corpus), keeps the
TRAINING split only (articles whose line index % 5 != 0; the others are held out for
``benchmarks/zwnj_restore.py``; with ``--dev`` the articles whose index % 5 == 1 are left out too,
to tune the restorer on them without touching the held-out ones), skips articles that lost their ZWNJs (they would teach the joined
spellings), normalises each article exactly as the toolkit does (without restoration) and counts
word forms. Writes, in ``ontology/lexicons/``:

``zwnj-forms.tsv``  stripped word → its most frequent ZWNJ form, for words seen with a ZWNJ
                    (``--min-count`` times or more, once by default) more often than without; plus
                    Persian names with a ZWNJ from the project's gazetteer (names are rare in any
                    corpus and the gazetteer spells them right); plus, with ``--hazm-words``, the
                    ZWNJ forms of hazm's word list (``hazm/data/words.dat``, MIT) for words the
                    corpora never show, where hazm's own counts prefer the ZWNJ spelling;
``zwnj-words.tsv``  words seen written without a ZWNJ at least as often as with one (left alone);
``zwnj-rules.tsv``  word types written with and without a ZWNJ at the cuts the restorer's rules
                    make: a suffix after a known stem (by the stem's final letter), and a known
                    word as the first or second part of a compound of two known words.

Usage::

    python scripts/learn_zwnj.py [CORPUS.jsonl] [--extra OTHER.jsonl] [--min-count 1]
                                 [--hazm-words words.dat] [--dev] [--out DIR]

The committed data was made with ::

    pip download hazm==0.10.0 --no-deps -d /tmp/hazm && unzip /tmp/hazm/hazm-*.whl -d /tmp/hazm
    python scripts/learn_zwnj.py --extra ../shared/corpus/fa-farsnews.jsonl \
        --hazm-words /tmp/hazm/hazm/data/words.dat

(the wheel is only read for its word list; hazm is not a dependency).

The word lists are facts of usage (word forms and counts), not the articles' text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.text.normalize import normalise  # noqa: E402
from kg.text.script import NON_JOINING, ZWNJ  # noqa: E402
from kg.text.zwnj import SUFFIXES, _WORD, stem_final  # noqa: E402

OUT = ROOT / "ontology" / "lexicons"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "fa-irnews.jsonl"
HELD_OUT_EVERY = 5
DEV_REMAINDER = 1  # with --dev, index % 5 == 1 is a development split for tuning
MIN_ZWNJ_RATE = 0.02  # ZWNJs per word below which an article is taken to have lost them
# What the shared corpora are, for the data files' headers (word forms and counts are facts of
# usage, not the articles' text).
SOURCES = {
    "fa-irnews.jsonl": "IR-News-Dataset (github shessam/IR-News-Dataset, GPL-3.0)",
    "fa-farsnews.jsonl": "Fars News articles (github language-ml/course-nlp-ir-1-text-exploring)",
    "words.dat": "hazm 0.10 word list (github roshan-research/hazm, MIT)",
}


def is_training(index: int, dev: bool = False) -> bool:
    """The split rule shared with the benchmark: every fifth article is held out; with ``dev``,
    the articles just after them are left out too (the development split)."""
    return index % HELD_OUT_EVERY != 0 and not (dev and is_dev(index))


def is_dev(index: int) -> bool:
    """The development split (index % 5 == 1): training articles set aside to tune on."""
    return index % HELD_OUT_EVERY == DEV_REMAINDER


def keeps_zwnj(text: str, rate: float = MIN_ZWNJ_RATE) -> bool:
    """True when the text writes its ZWNJs (at least ``rate`` per word: 2 per 100 by default)."""
    words = text.count(" ") + 1
    return text.count(ZWNJ) / words >= rate


def count_words(corpus: Path, rate: float = MIN_ZWNJ_RATE, extra: tuple[Path, ...] = (),
                dev: bool = False) -> tuple[Counter[str], Counter[str], int]:
    """Word forms with a ZWNJ and plain words of the ZWNJ-keeping articles of the training split
    of ``corpus`` (less the development split when ``dev``) and of every article of the ``extra``
    corpora (which the benchmark never reads)."""
    with_zwnj: Counter[str] = Counter()
    plain: Counter[str] = Counter()
    used = 0
    for path in (corpus, *extra):
        used += _count_corpus(path, rate, with_zwnj, plain, split=path == corpus, dev=dev)
    return with_zwnj, plain, used


def _count_corpus(corpus: Path, rate: float, with_zwnj: Counter[str], plain: Counter[str],
                  split: bool, dev: bool) -> int:
    used = 0
    with corpus.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if split and not is_training(index, dev):
                continue
            record = json.loads(line)
            text = normalise(f"{record.get('title') or ''}\n{record.get('text') or ''}", "fa",
                             restore_zwnj=False).text
            if not keeps_zwnj(text, rate):
                continue
            used += 1
            for word in _WORD.findall(text):
                (with_zwnj if ZWNJ in word else plain)[word] += 1
    return used


def gazetteer_forms() -> set[str]:
    """Persian words with a ZWNJ in the project's gazetteer files (``بردی‌محمدوف``, ``عشق‌آباد``)."""
    found: set[str] = set()
    for path in sorted((ROOT / "ontology" / "gazetteer").glob("*.tsv")):
        text = normalise(path.read_text(encoding="utf-8"), "fa", restore_zwnj=False).text
        found.update(w for w in _WORD.findall(text) if ZWNJ in w)
    return found


def hazm_forms(path: Path, known: set[str]) -> dict[str, tuple[str, int, int]]:
    """ZWNJ forms of hazm's word list (``word<TAB>count<TAB>tags`` lines) for words not in
    ``known``, where hazm counts the ZWNJ spelling more often than the plain one.

    hazm's list comes from a far larger corpus than ours, so it knows rarer compounds
    («پیش‌بالینی», «عیب‌گویی»); our own counts win wherever both have the word.
    """
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = line.rstrip("\n").split("\t")
            if len(row) >= 2 and row[1].isdigit():
                word = normalise(row[0], "fa", restore_zwnj=False).text
                if _WORD.fullmatch(word):
                    spellings[word.replace(ZWNJ, "")][word] += int(row[1]) + 1
    found = {}
    for stripped, counts in spellings.items():
        form, count = counts.most_common(1)[0]
        if stripped not in known and ZWNJ in form and count > counts[stripped]:
            found[stripped] = (form, 0, 0)
    return found


def learn_forms(with_zwnj: Counter[str], plain: Counter[str], min_count: int
                ) -> tuple[dict[str, tuple[str, int, int]], set[str]]:
    """Forms whose ZWNJ spelling dominates, and the words whose plain spelling does."""
    by_stripped: dict[str, Counter[str]] = defaultdict(Counter)
    for form, count in with_zwnj.items():
        by_stripped[form.replace(ZWNJ, "")][form] += count
    forms: dict[str, tuple[str, int, int]] = {}
    for stripped, counts in by_stripped.items():
        total = sum(counts.values())
        if total >= min_count and total > plain[stripped]:
            form, count = counts.most_common(1)[0]
            forms[stripped] = (form, count, plain[stripped])
    words = {w for w, c in plain.items()
             if c >= min_count and c >= sum(by_stripped[w].values() if w in by_stripped else ())}
    return forms, words


def learn_rules(forms: dict[str, tuple[str, int, int]], words: set[str]
                ) -> Counter[tuple[str, str, str, bool]]:
    """Word types written with and without a ZWNJ at a cut the restorer's rules could make.

    Keys are ``(kind, affix, final, with_zwnj)``: ``suffix`` counts a suffix after a known stem
    ending in ``final`` (:func:`kg.text.zwnj.stem_final`: its last letter, or «ای»/«وی», where
    the «ی» is a glide that «شان» joins, «جایشان», unlike «زندگی‌شان»); ``first``/``second`` count a known word as the first/second part of a
    compound of two known words («زیست» in «زیست‌محیطی», «کننده» in «دنبال‌کننده»).
    """
    known = set(words) | set(forms)
    counts: Counter[tuple[str, str, str, bool]] = Counter()
    for stripped, (form, _, _) in forms.items():
        for suffix in SUFFIXES:
            if form.endswith(ZWNJ + suffix) and form[: -len(suffix) - 1].replace(ZWNJ, "") in known:
                counts[("suffix", suffix, stem_final(stripped[: -len(suffix)]), True)] += 1
                break
        for cut in _zwnj_cuts(form):
            first, second = stripped[:cut], stripped[cut:]
            if _compound_parts(first, second, known):
                counts[("first", first, "", True)] += 1
                counts[("second", second, "", True)] += 1
    for word in words:
        for suffix in SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 2 and stem in known:
                counts[("suffix", suffix, stem_final(stem), False)] += 1
                break
        for cut in range(2, len(word) - 2):
            first, second = word[:cut], word[cut:]
            if _compound_parts(first, second, known):
                counts[("first", first, "", False)] += 1
                counts[("second", second, "", False)] += 1
    return counts


def _zwnj_cuts(form: str) -> list[int]:
    cuts, seen = [], 0
    for char in form:
        if char == ZWNJ:
            cuts.append(seen)
        else:
            seen += 1
    return cuts


def _compound_parts(first: str, second: str, known: set[str]) -> bool:
    return (len(first) >= 2 and len(second) >= 3 and first[-1] not in NON_JOINING
            and second not in SUFFIXES and first in known and second in known)


def write(forms: dict[str, tuple[str, int, int]], words: set[str], plain: Counter[str],
          rules: Counter[tuple[str, str, str, bool]], used: int, names: set[str], sources: str,
          out_dir: Path = OUT) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    header = (f"# Learned by scripts/learn_zwnj.py from {sources}: {used} articles that keep their ZWNJs;\n"
              "# the benchmark's held-out articles (fa-irnews line index % 5 == 0) are not among them.\n")
    with (out_dir / "zwnj-forms.tsv").open("w", encoding="utf-8") as out:
        out.write(header + "# stripped: the word without ZWNJ; form: how edited text writes it;\n"
                  "# count: times seen in that form; plain: times seen without ZWNJ (0 and 0 = from a\n"
                  "# word list: the gazetteer's names or hazm's words).\n"
                  "stripped\tform\tcount\tplain\n")
        for stripped, (form, count, plain_count) in sorted(forms.items()):
            out.write(f"{stripped}\t{form}\t{count}\t{plain_count}\n")
        for name in sorted(names):
            stripped = name.replace(ZWNJ, "")
            if stripped not in forms and stripped not in words:
                out.write(f"{stripped}\t{name}\t0\t0\n")
    with (out_dir / "zwnj-words.tsv").open("w", encoding="utf-8") as out:
        out.write(header + "# Words edited text writes without ZWNJ (at least as often as with): never changed.\n"
                  "word\tcount\n")
        for word in sorted(words):
            out.write(f"{word}\t{plain[word]}\n")
    with (out_dir / "zwnj-rules.tsv").open("w", encoding="utf-8") as out:
        out.write(header + "# Word types written with a ZWNJ at a cut and without one. kind: suffix = a suffix after a\n"
                  "# known stem ending in `final` (a letter; «ای»/«وی» apart from «ی»); first/second = a known word as the first/second part of a\n"
                  "# compound of two known words. The restorer splits an unseen word only where the ZWNJ\n"
                  "# rate is high (kg/text/zwnj.py); parts never seen with a ZWNJ are left out.\n"
                  "kind\taffix\tfinal\twith_zwnj\twithout\n")
        keys = sorted({(k, a, f) for k, a, f, _ in rules})
        for kind, affix, final in keys:
            with_zwnj, without = rules[(kind, affix, final, True)], rules[(kind, affix, final, False)]
            if with_zwnj or kind == "suffix":
                out.write(f"{kind}\t{affix}\t{final}\t{with_zwnj}\t{without}\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--extra", action="append", default=[], metavar="JSONL",
                        help="another corpus to learn from, all of it (not held out)")
    parser.add_argument("--min-count", type=int, default=1,
                        help="times a ZWNJ form or a plain word must be seen (default 1)")
    parser.add_argument("--min-zwnj-rate", type=float, default=MIN_ZWNJ_RATE,
                        help="ZWNJs per word an article needs to count as keeping them")
    parser.add_argument("--hazm-words", metavar="DAT",
                        help="hazm's words.dat: ZWNJ forms of words the corpora never show")
    parser.add_argument("--dev", action="store_true",
                        help="also leave out the development split (index %% 5 == 1) to tune on")
    parser.add_argument("--out", default=str(OUT), help="folder to write (default: the lexicons)")
    args = parser.parse_args(argv)
    with_zwnj, plain, used = count_words(Path(args.corpus), args.min_zwnj_rate,
                                         tuple(Path(p) for p in args.extra), args.dev)
    forms, words = learn_forms(with_zwnj, plain, args.min_count)
    sources_used = [Path(args.corpus), *map(Path, args.extra)]
    rules = learn_rules(forms, words)
    if args.hazm_words:
        forms.update(hazm_forms(Path(args.hazm_words), set(forms) | set(plain)))
        sources_used.append(Path(args.hazm_words))
    names = gazetteer_forms()
    split = ", training split" + (" less the development split" if args.dev else "")
    sources = "; ".join(SOURCES.get(p.name, p.name) + (split if p == sources_used[0] else "")
                        for p in sources_used)
    write(forms, words, plain, rules, used, names, sources, Path(args.out))
    print(f"{used} training articles; {len(forms)} ZWNJ forms, {len(words)} plain words, "
          f"{len({k[:3] for k in rules if k[3]})} rule cells, {len(names)} gazetteer forms")


if __name__ == "__main__":
    main()
