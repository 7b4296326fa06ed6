"""Learn the ZWNJ word-form table from Persian text that keeps its zero-width non-joiners.

Writes ``ontology/lexicons/zwnj-forms.tsv`` (a stripped form → its form with ZWNJ; gazetteer names
with a ZWNJ included) and
``ontology/lexicons/fa-words.tsv`` (words seen written without a ZWNJ: these are never changed).
Trains on the articles of ``fa-irnews.jsonl`` whose index is not a multiple of 5; the others are held
out for ``benchmarks/zwnj_restore.py``.

    python scripts/learn_zwnj.py ../shared/corpus/fa-irnews.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "ontology" / "lexicons"
ZWNJ = "\u200c"
TOKEN = re.compile(r"[^\W\d_a-zA-Z]+(?:\u200c[^\W\d_a-zA-Z]+)*")  # Persian words (، ؛ ؟ are not \w)
ARABIC = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def tokens(text: str):
    for token in TOKEN.findall(text.translate(ARABIC)):
        token = token.strip(ZWNJ)
        if len(token) > 1:
            yield token


MIN_ZWNJ_PER_ARTICLE = 5


def gazetteer_forms():
    """Persian names with a ZWNJ in the gazetteer («بردی‌محمدوف», «عشق‌آباد»): names are rare in any
    corpus, and the gazetteer spells them right."""
    for path in sorted((ROOT / "ontology" / "gazetteer").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for token in tokens(line):
                if ZWNJ in token:
                    yield token


def main(corpus: str, held_out_every: int = 5) -> None:
    with_zwnj: Counter[str] = Counter()
    plain: Counter[str] = Counter()
    with open(corpus, encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if index % held_out_every == 0:
                continue
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
            if text.count(ZWNJ) < MIN_ZWNJ_PER_ARTICLE:
                continue  # an article that lost its ZWNJs would teach the joined spellings
            for token in tokens(text):
                (with_zwnj if ZWNJ in token else plain)[token] += 1
    forms: dict[str, tuple[str, int]] = {}
    for form, count in with_zwnj.items():
        stripped = form.replace(ZWNJ, "")
        if count < 2 or plain[stripped] >= count:
            continue
        if stripped not in forms or forms[stripped][1] < count:
            forms[stripped] = (form, count)
    for form in gazetteer_forms():
        forms.setdefault(form.replace(ZWNJ, ""), (form, 0))
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "zwnj-forms.tsv").open("w", encoding="utf-8") as out:
        out.write("# Learned by scripts/learn_zwnj.py from IR-News-Dataset (GPL-3.0) training split: a word\n"
                  "# written without its ZWNJ → the form that text keeping ZWNJs writes (seen ≥ 2 times and\n"
                  "# more often than the joined spelling). Word forms with counts are facts of usage.\n")
        out.write("stripped\tform\tcount\n")
        for stripped, (form, count) in sorted(forms.items()):
            out.write(f"{stripped}\t{form}\t{count}\n")
    zwnj_by_stripped: Counter[str] = Counter()
    for form, count in with_zwnj.items():
        zwnj_by_stripped[form.replace(ZWNJ, "")] += count
    words = {w for w, c in plain.items() if c >= 2 and c > zwnj_by_stripped[w]}

    with (OUT / "fa-words.tsv").open("w", encoding="utf-8") as out:
        out.write("# Words seen ≥ 2 times written without ZWNJ in text that keeps ZWNJs (same source):\n"
                  "# the ZWNJ restorer never changes them.\nword\n")
        out.write("\n".join(sorted(words)) + "\n")
    print(f"{len(forms)} ZWNJ forms, {len(words)} plain words")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "corpus" / "fa-irnews.jsonl"))
