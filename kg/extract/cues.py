"""Cue words around a trigger: negation, speculation, future, and the prepositions that mark roles.

One component of the extraction pipeline, driven by ``ontology/lexicons/cues-<lang>.tsv``. It answers
small questions the event assembler asks about a sentence: is the clause of this trigger negated or
hypothetical? Which preposition stands right before this mention? Does the sentence point back to
the last meeting («در این دیدار»)?

Example
-------
>>> cues = CueFinder.default("fa")
>>> cues.is_negated("دو وزیر با یکدیگر دیدار نکردند", 10, 15)
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicons import Cue, load_cues
from kg.extract.phrases import PhraseMatcher

__all__ = ["CueFinder", "Windows", "WINDOWS", "clause_bounds"]

# Not «و»: it joins names as often as clauses. A spaced slash parts two headlines run together
# («آمریکا به ترکیه پیشنهاد کمک داد/ اردوغان …»); a slash inside a date has no space.
_CLAUSE = re.compile(r"[،؛;:.!?؟\n]|\s(?:اما|ولی|که)\s|/(?=\s)|(?<=\s)/")
# English clauses also end at a comma, a dash and the words of the ``clause-break`` cues.
_LATIN_BREAKS = r"[,،؛;:.!?؟\n–—]|\s-\s"
_NEGATION_WINDOW = 40  # characters after a trigger in which its verb stands
_PREP_WINDOW = 12
_GENERIC_WORDS = 3    # words before a trigger in which a generic quantifier («هرگونه») governs it
_COMPLEMENT_ROLES = ("from", "to", "against", "for", "about")
_DELEGATION_WORDS = 5  # «هیات» and up to four words before the name it heads
_HEADLINE_SLASH = re.compile(r"/(?=\s)|(?<=\s)/")
_HEADLINE_ITEMS = 3  # slash-parted items that make a sentence a list of headlines
_PRESENT_PREFIX = re.compile(r"(?<!\w)ن?می\u200c\w")  # «می‌کند», «نمی‌دهد»: a finite verb
_CLAUSE_LEVELS = 3    # main clauses ending in «که» that may govern a trigger's clause


@dataclass(frozen=True, slots=True)
class Windows:
    """How far (characters) the cue finder looks around a trigger or a mention, per language.

    negation_after: after a trigger, for the negative verb (Persian verbs close the clause);
    negation_before: before it (English "did not meet"); preposition: before a mention.
    """

    negation_after: int = _NEGATION_WINDOW
    negation_before: int = 12
    preposition: int = _PREP_WINDOW


# English puts the negation before the verb and articles between a preposition and a name
# ("with the United Arab Emirates").
WINDOWS = {"en": Windows(negation_after=20, negation_before=20, preposition=24)}
# «را» within two words after a mention, no comma between: «ایران اقدام آمریکا را محکوم کرد».
_OBJECT_MARKER = re.compile(r"[\s\u200c]*(?:[^\s،,.]+[\s\u200c]+){0,2}?را(?!\w)")


def clause_bounds(text: str, start: int, end: int, breaks: re.Pattern[str] = _CLAUSE) -> tuple[int, int]:
    """The clause around ``start:end``: from the last break before it to the next break after."""
    left = 0
    for match in breaks.finditer(text, 0, start):
        left = match.end()
    right_match = breaks.search(text, end)
    return left, right_match.start() if right_match else len(text)


class CueFinder:
    """Looks up cue words of one language in sentences.

    ``windows`` sets how far it looks around triggers and mentions (default: Persian's).
    """

    def __init__(self, cues: tuple[Cue, ...], windows: Windows | None = None) -> None:
        self.windows = windows or Windows()
        by_kind: dict[str, list[Cue]] = defaultdict(list)
        for cue in cues:
            by_kind[cue.kind].append(cue)
        words = sorted((re.escape(c.phrase) for c in by_kind["clause-break"]), key=len, reverse=True)
        self._clause = re.compile(rf"{_LATIN_BREAKS}|(?<!\w)(?:{'|'.join(words)})(?!\w)",
                                  re.IGNORECASE) if words else _CLAUSE
        self._matchers = {kind: PhraseMatcher((c.phrase, c.value or c.phrase) for c in items)
                          for kind, items in by_kind.items()}
        self._preps = {**{c.phrase: c.value for c in by_kind["recipient"]},
                       **{c.phrase: "location" for c in by_kind["location"]},
                       **{c.phrase: "about" for c in by_kind["about"]}}
        self._before = {kind: PhraseMatcher((c.phrase, c.phrase) for c in by_kind[kind])
                        for kind in ("place-head", "delegation", "future-before", "purpose-before", "attribution",
                                     "backing", "venue-head")}
        self._after = {kind: PhraseMatcher((c.phrase, c.phrase) for c in by_kind[kind])
                       for kind in ("place-tail", "delegation-tail", "capital-tail", "agent-tail")}
        self._prep_matcher = PhraseMatcher((p, p) for p in self._preps)

    @classmethod
    @cache
    def default(cls, lang: str) -> CueFinder:
        return cls(load_cues(lang), WINDOWS.get(lang))

    def clause(self, text: str, start: int, end: int) -> tuple[int, int]:
        """The clause around ``start:end`` (:func:`clause_bounds` with this language's breaks)."""
        return clause_bounds(text, start, end, self._clause)

    def _has(self, kind: str, text: str) -> bool:
        matcher = self._matchers.get(kind)
        return bool(matcher and matcher.find(text))

    def _negation_in(self, text: str) -> bool:
        """A negation cue outside every ``negation-exception`` phrase ("not only")."""
        matcher = self._matchers.get("negation")
        if not matcher:
            return False
        hits = matcher.find(text)
        exceptions = self._matchers.get("negation-exception")
        if hits and exceptions:
            spans = [(h.start, h.end) for h in exceptions.find(text)]
            hits = [h for h in hits if not any(a <= h.start < b for a, b in spans)]
        return bool(hits)

    def is_negated(self, text: str, start: int, end: int) -> bool:
        """True when a negative verb closes the trigger's clause (within a few words after it)."""
        _, right = self.clause(text, start, end)
        return self._negation_in(text[end:min(right, end + self.windows.negation_after)]) or \
            self._negation_in(text[max(0, start - self.windows.negation_before):start])

    def is_hypothetical(self, text: str, start: int, end: int, before_only: bool = False) -> bool:
        """True when the clause of the trigger is conditional, speculative, a question or an
        obligation, or states a standing relation («از حمایت X برخوردار است»); a main clause that
        ends in «که» governs it too («فکر نمی‌کنم که …»), and so does a condition earlier in the
        sentence («اگر …، …»). ``before_only``: only cues before the trigger count (a warning
        states its condition after it: «هشدار داد در صورت …، …»)."""
        left, right = self.clause(text, start, end)
        if before_only:
            right = start
        for _ in range(_CLAUSE_LEVELS):  # «فکر نمی‌کنم که اسرائیل همان گونه که … حمله … کند»
            if not text[max(0, left - 4):left].strip(" \u200c").endswith("که"):
                break
            left = self.clause(text, max(0, left - 5), max(0, left - 4))[0]
        if self._has("hypothetical", text[left:right]) or (
                not before_only and self._has("standing", text[max(0, start - 4):end + 40])):
            return True
        return self._has("conditional", text[:left])  # «اگر …، …»: the main clause is its consequence

    def is_generic(self, text: str, start: int, end: int) -> bool:
        """True when a generic quantifier governs the trigger within a few words before it, in
        its clause («هرگونه دخالت», «هرگونه تاخیر در حمله»): a kind of act, not a reported one."""
        left, _ = self.clause(text, start, end)
        words = text[left:start].split()[-_GENERIC_WORDS:]
        return self._has("generic", " ".join(words))

    def welcomes_guest(self, trigger_text: str) -> bool:
        """True for a trigger that, said of a person or an office («از وزیر خارجه عمان استقبال
        کرد»), is a host greeting a guest, not approval of an act («از توافق استقبال کرد»)."""
        return self._has("welcome", trigger_text)

    def is_backing(self, text: str, start: int, end: int) -> bool:
        """True when the trigger is the head of an adverbial «با حمایت X» ("with X's backing"):
        X backs the subject of the clause, not every party in it."""
        matcher = self._matchers.get("backing")
        return bool(matcher) and any(h.start <= start and end <= h.end + 2 and h.end > start
                                     for h in matcher.find(text))

    def backing_before(self, text: str, start: int) -> bool:
        """True when a backing phrase stands right before ``start`` («با حمایت روسیه», «تحت
        حمایت ترکیه»): that party backs the clause's subject and takes no part in its act."""
        return self._word_before("backing", text, start)

    def skip_modifiers(self, text: str, end: int) -> int:
        """Where a noun trigger's phrase ends once the adjectives right after it are skipped
        («حمله هوایی اسرائیل», «تحریم‌های جدید آمریکا»): its genitive follows there."""
        matcher = self._matchers.get("modifier")
        while matcher:
            window = text[end:end + 24]
            hit = next((h for h in matcher.find(window) if h.start > 0 and not window[:h.start].strip(" \u200c")), None)
            if hit is None:
                break
            end += hit.end
        return end

    def headline_item(self, text: str, start: int) -> tuple[int, int] | None:
        """The item around ``start`` when the sentence is a list of headlines parted by spaced
        slashes («تهدید آمریکا به … / واکنش آمریکا به … / تمدید …»), or None for a plain sentence."""
        cuts = [m.start() for m in _HEADLINE_SLASH.finditer(text)]
        if len(cuts) < _HEADLINE_ITEMS - 1:
            cuts = self._verbless_list(text)
        if len(cuts) < _HEADLINE_ITEMS - 1:
            return None
        left = max((c + 1 for c in cuts if c < start), default=0)
        right = min((c for c in cuts if c >= start), default=len(text))
        return left, right

    def _verbless_list(self, text: str) -> list[int]:
        """The commas of a sentence with no finite verb («نشست X، درخواست روسیه برای …، تأکید
        حزب‌الله بر …»): a round-up of noun-phrase headlines, each its own item; [] otherwise."""
        matcher = self._matchers.get("finite-verb")
        if not matcher or "،" not in text or matcher.find(text) or _PRESENT_PREFIX.search(text):
            return []
        return [i for i, c in enumerate(text) if c == "،"]

    def content_clause_end(self, text: str, right: int) -> int:
        """The end of the «که» clause that opens at ``right`` (a clause's end), or ``right`` when
        the next clause is not introduced by «که»."""
        if not text[right:right + 5].strip(" \u200c").startswith("که"):
            return right
        return self.clause(text, right + 4, right + 4)[1]

    def topic_before(self, text: str, start: int) -> bool:
        """True when «درباره/در مورد …» governs the word before ``start``, so that the state
        named at ``start`` belongs to the topic («درباره ادلب سوریه»), not to the parties."""
        head = text[:start].rstrip(" \u200c")
        cut = max(head.rfind(" "), head.rfind("\u200c"))
        if cut < 0 or any(c in head[cut:] for c in "،,.:؛"):
            return False
        return self.preposition_before(text, cut + 1) == "about"

    def points_back(self, text: str, start: int, end: int) -> bool:
        """True when the trigger stands in a phrase that points back to an act already told
        («در این دیدار», «در این سفر»): the act is not reported again."""
        matcher = self._matchers.get("back-reference")
        return bool(matcher) and any(h.start <= start and end <= h.end for h in matcher.find(text))

    def complement_of(self, text: str, start: int) -> str | None:
        """The role of a preposition that makes a noun trigger the complement of another predicate
        («با انتقاد از حمله آمریکا به عراق», «ابراز تاسف از خروج آمریکا از برجام»), or None."""
        role = self.preposition_before(text, start)
        return role if role in _COMPLEMENT_ROLES else None

    def attributed(self, text: str, start: int) -> bool:
        """True when ``start`` stands in a clause that opens with a news attribution («به گزارش
        خبرگزاری فرانسه از کانبرا،»): a source or the place it reports from, not a party."""
        left, _ = self.clause(text, start, start)
        return any(not text[left:left + h.start].strip(" \u200c\"«»")
                   for h in self._before["attribution"].find(text[left:start]))

    def is_future(self, text: str, start: int, end: int) -> bool:
        """True when the clause announces an act to come («قرار است», «خواهد»), or a
        ``future-before`` cue stands right before the trigger ("agreed to hold talks")."""
        left, right = self.clause(text, start, end)
        if self._has("present", " ".join(text[left:start].split()[-_GENERIC_WORDS:])):
            return False  # «در حال مذاکره … و انتظار می‌رود …»: this act is under way
        return self._has("future", text[left:right]) or self._word_before("future-before", text, start)

    def is_intent(self, text: str, start: int, end: int) -> bool:
        """True when an intent («قصد دارد», «درصدد») stands before the trigger in its clause:
        the act is planned, not done («ترکیه قصد دارد به سوریه حمله کند»)."""
        left, _ = self.clause(text, start, end)
        return self._has("intent", text[left:start])

    def is_distributive(self, text: str, start: int, end: int) -> bool:
        """True when the clause reports one act per recipient ("held separate talks with …")."""
        left, right = self.clause(text, start, end)
        return self._has("distributive", text[left:right])

    def refers_back(self, text: str) -> bool:
        """True when the sentence points back to the last meeting or call."""
        return self._has("back-reference", text)

    def preposition_before(self, text: str, start: int) -> str | None:
        """The role of the preposition right before ``start`` (``with``, ``to``, ``location``…);
        determiners may stand between them ("with the United Arab Emirates", "with his")."""
        window = text[max(0, start - self.windows.preposition):start]
        hits = [h for h in self._prep_matcher.find(window) if self._only_determiners(window[h.end:])]
        return self._preps.get(hits[-1].payloads[0]) if hits else None

    def only_determiners(self, gap: str) -> bool:
        """True when ``gap`` holds nothing but determiners and head nouns («مقامات», «هیئت»)."""
        return self._only_determiners(gap)

    def _only_determiners(self, gap: str) -> bool:
        if not gap.strip(" \u200c"):
            return True
        matcher = self._matchers.get("determiner")
        if not matcher:
            return False
        return not re.sub(r"\s+", "", _erase(gap, matcher.find(gap)))

    def is_not_trigger(self, text: str, start: int, end: int) -> bool:
        """True when the trigger stands inside a phrase that reports no event («به دعوت»)."""
        matcher = self._matchers.get("not-trigger")
        if self._word_after("agent-tail", text, end):
            return True  # an agent noun names a party, not an act («هیات مذاکره‌کننده»)
        return bool(matcher) and any(h.start < end and start < h.end for h in matcher.find(text))

    def place_head_before(self, text: str, start: int) -> bool:
        """True when the word right before ``start`` makes a state name a place, an issue or a
        source, not a party («تحولات سوریه», «سواحل ونزوئلا», «خبرگزاری فرانسه»)."""
        return self._word_before("place-head", text, start)

    def venue_head_before(self, text: str, start: int) -> bool:
        """True when a meeting or treaty noun stands right before a capital, which then names
        where it was held («نشست برلین», «مذاکرات وین», «روند آستانه»), not a party."""
        return self._word_before("venue-head", text, start)

    def purpose_before(self, text: str, start: int) -> bool:
        """True when a ``purpose-before`` cue ("to") stands right before ``start``."""
        return self._word_before("purpose-before", text, start)

    def delegation_before(self, text: str, start: int) -> bool:
        """True when a delegation noun heads the phrase that ends in the name at ``start``
        («هیات روسی», «هیات بلندپایه شورای حکومتی عراق», «یک هیئت از جنبش جهاد اسلامی»): up to
        four words between them, none a clause break."""
        if self._word_before("delegation", text, start):
            return True
        left, _ = self.clause(text, start, start)
        words = text[left:start].split()[-_DELEGATION_WORDS:]
        matcher = self._matchers.get("delegation")
        return bool(matcher and words and matcher.find(" ".join(words)))

    def refers_to_dyad(self, text: str) -> bool:
        """True when the sentence speaks of "the two countries" («دو کشور», «طرفین»)."""
        return self._has("dyad-reference", text)

    def _word_before(self, kind: str, text: str, start: int) -> bool:
        window = text[max(0, start - 16):start]
        return any(not window[h.end:].strip(" \u200c") for h in self._before[kind].find(window))

    def place_tail_after(self, text: str, end: int) -> bool:
        """True when a noun right after ``end`` makes a state name a place, issue or source
        ("the Iranian people", "the East China Sea", "the Iran nuclear deal")."""
        return self._word_after("place-tail", text, end)

    def capital_tail_after(self, text: str, end: int) -> bool:
        """True when a noun right after a capital makes it a meeting's or treaty's name ("the
        Stockholm agreement", "the Vienna talks")."""
        return self._word_after("capital-tail", text, end)

    def delegation_after(self, text: str, end: int) -> bool:
        """True when a delegation noun stands right after ``end`` ("a Bahraini delegation")."""
        return self._word_after("delegation-tail", text, end)

    def _word_after(self, kind: str, text: str, end: int) -> bool:
        window = text[end:end + 24]
        return any(h.start > 0 and not window[:h.start].strip(" \u200c") for h in self._after[kind].find(window))

    def object_after(self, text: str, end: int) -> bool:
        """True when the mention ending at ``end`` is followed by «را» (a direct object)."""
        return _OBJECT_MARKER.match(text, end) is not None


def _erase(text: str, hits) -> str:
    """``text`` with the spans of ``hits`` removed."""
    kept, last = [], 0
    for h in hits:
        kept.append(text[last:h.start])
        last = h.end
    kept.append(text[last:])
    return "".join(kept)
