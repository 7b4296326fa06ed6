"""Restore the zero-width non-joiners (ZWNJ, U+200C) that Persian web text loses.

Scraped Persian writes ``همکاریها``, ``میکند``, ``رئیسجمهور`` where edited text has ``همکاری‌ها``,
``می‌کند``, ``رئیس‌جمهور``. hazm's normaliser restores under half of them
(``docs/persian.md`` in the shared notes), so this restorer is driven by data learned from text that
keeps its ZWNJs (``scripts/learn_zwnj.py``):

``zwnj-forms.tsv``
    a word written without its ZWNJs → the form edited text uses (``همکاریها`` → ``همکاری‌ها``),
    from the corpora, the gazetteer's names and hazm's word list (MIT) for words the corpora lack;
``zwnj-words.tsv``
    words that edited text writes as they are (``میز``, ``تهران``, ``تنها``, ``کشورها``): never touched;
``zwnj-rules.tsv``
    for words the data has not seen: which suffixes take a ZWNJ after which stem ending
    (``های`` after ``ی`` almost always; ``ی`` after ``ه`` only after a silent ``ه``; ``شان`` after
    a consonant's ``ی`` but not after the glide of ``جای``: :func:`stem_final`), how often.

A word the data has not seen is split by four guarded rules, each needing known parts:

1. the verbal prefix ``می``/``نمی`` before a verb body seen after ``می‌`` (``میفرستادیم`` →
   ``می‌فرستادیم`` because ``می‌فرستاد`` was seen);
2. a suffix after a known word, when the learned rate says writers put a ZWNJ there (0.8), or
   half the time for a stem seen before a ZWNJ elsewhere (``مشتری‌ها`` seen, so ``مشتریشان`` →
   ``مشتری‌شان``): ``همکاریهایشان``, ``گستردهتر``, ``داشتهاند``;
3. a compound of two known words where edited text mostly writes a ZWNJ after the first part or
   before the second (``ارائهدهنده`` → ``ارائه‌دهنده``: «دهنده» follows a ZWNJ in most words), or
   where the first ends in a silent «ه» (``سلطهگران`` → ``سلطه‌گران``);
4. a verb run into the next word, its space lost too (``میشودپدر`` → ``می‌شودپدر``).

On 665 held-out IR-News articles with every ZWNJ stripped, this gives back 93.4% of the 22,184 words
that had one, 96.0% counting spellings writers vary on («آنها»/«آن‌ها») as right (hazm's
normaliser: 38%); it changes 377 of the 357,319 words that had none (0.1%), most of them words
those writers joined against the usual spelling or two words run together (``benchmarks/zwnj_restore.py``,
``docs/persian-text.md``). No context-free restorer can exceed 96.8% there: writers differ.

Tokens that already have a ZWNJ, Latin words and digits are left alone.

Example
-------
>>> restorer = ZwnjRestorer.default()
>>> [restorer.restore_word(w).replace(ZWNJ, "+") for w in ("همکاریها", "میکند", "تهران", "میز")]
['همکاری+ها', 'می+کند', 'تهران', 'میز']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import Errors, KGError
from kg.resources import ontology_dir
from kg.text.align import Stage, rewrite
from kg.text.script import ARABIC_LETTERS, NON_JOINING, ZWNJ

__all__ = ["ZwnjRestorer", "ZWNJ", "PREFIXES", "SUFFIXES", "ENDINGS", "stem_final"]

PREFIXES = ("نمی", "می")
# Suffixes the rules may split off, longest first so that «هایشان» wins over «ها».
SUFFIXES = tuple(sorted(
    ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست", "هاییست",
     "تر", "ترین", "تری", "ترها", "ای", "ام", "ات", "اش", "اید", "اند", "ایم", "است", "ی", "یی",
     "شان", "مان", "تان", "گری"),
    key=len, reverse=True))
# Personal endings of a verb: «میفرستادیم» = می + فرستاد + یم.
ENDINGS = ("یم", "ید", "ند", "م", "ی", "د")
_VERB_FINALS = frozenset("دمیه")  # letters a finite verb or participle ends in
# Separate tokens that belong to the word before («همکاری ها») or after («می کند»).
_JOIN_AFTER = ("ها", "های", "هایی", "هایش", "هایشان", "هایمان", "هایتان", "ترین", "تر", "ای",
               "ام", "اند", "اید", "ایم")
_L = f"[{ARABIC_LETTERS}]"
_WORD = re.compile(f"{_L}+(?:{ZWNJ}{_L}+)*")
# Branches start with a literal so that the regex engine skips ahead fast; the boundary before a
# prefix is checked in code.
_JOIN = re.compile(
    f"(?:نمی|می) (?={_L})"
    f"| (?:{'|'.join(sorted(_JOIN_AFTER, key=len, reverse=True))})(?![{ARABIC_LETTERS}{ZWNJ}])")
_MIN_RULE_RATE = 0.8
_MIN_RULE_COUNT = 3
_MIN_PLURAL_RATE = 0.9
# A lower bar for a stem that edited text has been seen to write before a ZWNJ (in «مشتری‌ها»,
# so «مشتریشان» → «مشتری‌شان»; «دانشکده‌ها», so the silent «ه» of «دانشکدهی» takes «‌ی»):
# the stem's own habit is better evidence than the rate of all stems ending in its letter.
# Tuned on the development split (learn_zwnj.py --dev), never on the held-out articles.
_MIN_STEM_SUFFIX_RATE = 0.5


@dataclass
class ZwnjRestorer:
    """Restores ZWNJs in words and texts from learned forms, a word list and rule statistics.

    Parameters
    ----------
    forms: stripped word → form with ZWNJ (``همکاریها`` → ``همکاری‌ها``).
    words: words to leave as they are.
    rules: ``(kind, affix, final)`` → rate at which edited text puts a ZWNJ at such a cut:
        ``("suffix", "های", "ی")`` a suffix after a stem ending in a letter (see
        :func:`stem_final`), ``("first", "بی", "")``
        and ``("second", "کننده", "")`` a part of a compound (see ``zwnj-rules.tsv``); a rule fires
        at a rate of 0.8 or more.
    """

    forms: dict[str, str]
    words: set[str]
    rules: dict[tuple[str, str, str], float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._verb_bodies: set[str] = set()
        self._zwnj_stems: set[str] = set()
        for form in self.forms.values():
            parts = form.split(ZWNJ)
            self._zwnj_stems.add(parts[0])
            if parts[-1] in SUFFIXES:
                self._zwnj_stems.add("".join(parts[:-1]))
            if parts[0] in PREFIXES:
                body = "".join(parts[1:])
                self._verb_bodies.add(body)
                self._verb_bodies.update(body[: -len(e)] for e in ENDINGS if body.endswith(e))
        self._cache: dict[str, str] = {}

    @classmethod
    @cache
    def default(cls) -> ZwnjRestorer:
        """The restorer of the package's data (``ontology/lexicons/zwnj-*.tsv``), loaded once."""
        return cls.load(ontology_dir() / "lexicons")

    @classmethod
    def load(cls, folder: Path) -> ZwnjRestorer:
        """A restorer of the ``zwnj-forms.tsv``, ``zwnj-words.tsv`` and ``zwnj-rules.tsv`` in
        ``folder`` (another learned set, for instance, to tune on a development split)."""
        forms = {row[0]: row[1] for row in _rows(folder / "zwnj-forms.tsv", 2)}
        words = {row[0] for row in _rows(folder / "zwnj-words.tsv", 1)}
        rules = {}
        for kind, affix, final, with_zwnj, without in _rows(folder / "zwnj-rules.tsv", 5):
            with_zwnj, without = int(with_zwnj), int(without)
            if with_zwnj + without >= _MIN_RULE_COUNT:  # seen: a rate, 0 when rarely with ZWNJ
                rules[(kind, affix, final)] = (with_zwnj / (with_zwnj + without)
                                               if with_zwnj >= _MIN_RULE_COUNT else 0.0)
        return cls(forms, words, rules)

    # -- words ---------------------------------------------------------------------------------

    def restore_word(self, word: str) -> str:
        """``word`` with its ZWNJs restored; unchanged when it has a ZWNJ already, is a known plain
        word, or no rule applies.

        Example
        -------
        >>> ZwnjRestorer.default().restore_word("داشتهاند") == "داشته\\u200cاند"
        True
        """
        if ZWNJ in word:
            return word
        cached = self._cache.get(word)
        if cached is None:
            cached = self._restore(word)
            if len(self._cache) < 200_000:
                self._cache[word] = cached
        return cached

    def _restore(self, word: str) -> str:
        known = self._known(word)
        if known is not None:
            return known
        if len(word) < 4:
            return word
        return (self._by_prefix(word) or self._by_suffix(word) or self._by_compound(word)
                or self._by_run_on_verb(word) or word)

    def _known(self, word: str) -> str | None:
        if word in self.forms:
            return self.forms[word]
        if word in self.words:
            return word
        return None

    def _by_prefix(self, word: str) -> str | None:
        for prefix in PREFIXES:
            body = word[len(prefix):]
            if word.startswith(prefix) and len(body) >= 2 and self._is_verb_body(body):
                return prefix + ZWNJ + self.restore_word(body)
        return None

    def _by_run_on_verb(self, word: str) -> str | None:
        """A verb run into the next word (a space lost as well: «میشودپدر» → «می‌شودپدر»): the
        prefix is separated when the rest is a verb seen after «می‌» and then a known word."""
        for prefix in PREFIXES:
            if not word.startswith(prefix):
                continue
            body = word[len(prefix):]
            for cut in range(len(body) - 2, 2, -1):
                if body[:cut] in self._verb_bodies and body[cut - 1] in _VERB_FINALS \
                        and self._known(body[cut:]) is not None:
                    return prefix + ZWNJ + body
        return None

    def _is_verb_body(self, body: str) -> bool:
        if body in self._verb_bodies:
            return True
        return any(body.endswith(e) and body[: -len(e)] in self._verb_bodies for e in ENDINGS)

    def _by_suffix(self, word: str) -> str | None:
        """Split a suffix off a known stem where the learned rate says edited text puts a ZWNJ.

        A silent «ه» with a clitic («شعبه‌ای») is preferred to a plural («شعب‌های»): both stems are
        known words more often than not, and the clitic reading is the more frequent one.
        """
        found: list[tuple[int, str]] = []
        for suffix in SUFFIXES:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or len(stem) < 2:
                continue
            stem_form = self._known(stem) or (self._by_prefix(stem) if len(stem) >= 4 else None)
            rate = self.rules.get(("suffix", suffix, stem_final(stem)), 0.0)
            if stem_form is None and suffix.startswith("ها") and len(stem) >= 3 \
                    and rate >= _MIN_PLURAL_RATE:
                stem_form = stem  # the plural is the one suffix writers separate after any stem
            habit = len(stem) > 2 and stem in self._zwnj_stems  # not «اس» of «استر»
            bar = _MIN_STEM_SUFFIX_RATE if habit else _MIN_RULE_RATE
            if stem_form is None or rate < bar:
                continue
            joined = stem_form + suffix if stem[-1] in NON_JOINING else stem_form + ZWNJ + suffix
            found.append((len(stem) + (1 if stem[-1] == "ه" and suffix[0] == "ا" else 0), joined))
        return max(found)[1] if found else None

    def _by_compound(self, word: str) -> str | None:
        """Cut a compound of two known words where the learned rate of either part is high."""
        best: tuple[float, str] | None = None
        for cut in range(2, len(word) - 2):
            first, second = word[:cut], word[cut:]
            if first[-1] in NON_JOINING:
                continue
            rate = max(self.rules.get(("first", first, ""), 0.0),
                       self.rules.get(("second", second, ""), 0.0))
            if rate < _MIN_RULE_RATE and not self._after_silent_heh(first, second):
                continue  # the bar is not lowered for known stems: it splits names («گران‌ادا»)
            first_form = self._known(first)
            second_form = self._known(second) or (self._by_suffix(second) if len(second) >= 4 else None)
            if first_form is not None and second_form is not None:
                if best is None or rate > best[0]:
                    best = (rate, first_form + ZWNJ + second_form)
        return best[1] if best else None

    def _after_silent_heh(self, first: str, second: str) -> bool:
        """True when ``first`` ends in a silent «ه», which edited text never joins to a next part
        («جعبه‌چوبی», «سلطه‌گران», «قوه‌مجریه»): the stem is seen before a ZWNJ, and not joined to
        «ی» or «ها» as a consonant «ه» is («سیاهی», «شاهها»). Not before «ا»: «خریدهایمان» is
        «خرید» + «هایمان», not «خریده‌ایمان»."""
        return (first[-1] == "ه" and len(first) > 2 and len(second) > 2 and second[0] != "ا"
                and first in self._zwnj_stems and first + "ی" not in self.words
                and first + "ها" not in self.words)

    # -- texts ---------------------------------------------------------------------------------

    def restore_text(self, text: str) -> tuple[str, tuple[Stage, ...]]:
        """``text`` with lost ZWNJs restored, and the alignment stages of the edits.

        Separate affix tokens are joined first when the joined word's learned form has a ZWNJ
        exactly there («همکاری ها» → «همکاری‌ها», «می کند» → «می‌کند»); then every word without a
        ZWNJ is restored.

        Example
        -------
        >>> text, stages = ZwnjRestorer.default().restore_text("همکاریها میکند")
        >>> text.replace(ZWNJ, "+"), stages[0].in_start
        ('همکاری+ها می+کند', (6, 11))
        """
        stages: list[Stage] = []
        if " " in text:
            text, stage = self._join(text)
            if stage.in_start:
                stages.append(stage)
        changed = {}
        for word in set(_WORD.findall(text)):
            if ZWNJ not in word and word not in self.words:
                restored = self.restore_word(word)
                if restored != word:
                    changed[word] = restored
        if changed:
            edits = [edit for match in _WORD.finditer(text) if match.group() in changed
                     for edit in _insertions(match.start(), changed[match.group()])]
            text, stage = rewrite(text, edits)
            stages.append(stage)
        return text, tuple(stages)

    def _join(self, text: str) -> tuple[str, Stage]:
        """Join split affixes: «left right» → the restored form of «leftright» when it has a ZWNJ
        where the space was."""
        edits: list[tuple[int, int, str]] = []
        done = 0
        for match in _JOIN.finditer(text):
            if match.group()[0] != " ":
                if match.start() and (_is_letter(text[match.start() - 1])
                                      or text[match.start() - 1] == ZWNJ):
                    continue
                space = match.end() - 1
            else:
                space = match.start()
            left = _word_before(text, space)
            right = _word_after(text, space + 1)
            start = space - len(left)
            if not left or not right or start < done or (start and text[start - 1] == ZWNJ):
                continue
            restored = self.restore_word(left + right)
            if restored.replace(ZWNJ, "") == left + right and len(left) in _zwnj_positions(restored):
                edits.append((start, space + 1 + len(right), restored))
                done = space + 1 + len(right)
        return rewrite(text, edits) if edits else (text, Stage())


def stem_final(stem: str) -> str:
    """The ending of ``stem`` that the suffix rules are learned by: its last letter, but «ای» or
    «وی» when a vowel comes before a final «ی» (a glide there: «جایشان», «نیرویشان» are written
    joined, while «زندگی‌شان» takes a ZWNJ).

    Example
    -------
    >>> stem_final("زندگی"), stem_final("جای"), stem_final("کشور")
    ('ی', 'ای', 'ر')
    """
    return stem[-2:] if stem[-1] == "ی" and len(stem) > 1 and stem[-2] in "او" else stem[-1]


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and _is_letter(text[start - 1]):
        start -= 1
    return text[start:end]


def _word_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and _is_letter(text[end]):
        end += 1
    return text[start:end]


_LETTER = re.compile(_L)


def _is_letter(char: str) -> bool:
    return _LETTER.match(char) is not None


def _zwnj_positions(form: str) -> set[int]:
    """Offsets in the stripped word before which ``form`` has a ZWNJ."""
    positions, seen = set(), 0
    for char in form:
        if char == ZWNJ:
            positions.add(seen)
        else:
            seen += 1
    return positions


def _insertions(start: int, form: str) -> Iterable[tuple[int, int, str]]:
    for offset in sorted(_zwnj_positions(form)):
        yield (start + offset, start + offset, ZWNJ)


def _rows(path: Path, width: int) -> Iterable[list[str]]:
    """Rows of a ``zwnj-*.tsv`` file: ``#`` comments and the header skipped; missing file = none."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        header = True
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            row = line.rstrip("\n").split("\t")
            if len(row) < width:
                raise KGError(Errors.E101, path=str(path), line=number,
                              detail=f"expected {width} tab-separated columns, got {len(row)}")
            yield row
