"""Assemble PLOVER events from a sentence's triggers, actor mentions, cues, topics and date.

One component of the extraction pipeline. For each trigger it decides who acts and who receives:

- the trigger's **clause** (up to punctuation or «که») bounds where its parties are looked for;
- the **subject** is the first mention of the clause (else of the sentence before it) that no
  preposition governs and that is not a direct object («… را»); when the sentence names none, the
  subject carried from earlier sentences speaks (Persian drops subjects: «… افزود»);
- **recipients** follow the trigger's role scheme (see ``triggers-fa.tsv``): the party «با» governs
  for talks and calls, the place or host for visits, every other party for support, requests and
  accusations; «در <place>» is a location, not a party, except for visits;
- an event needs two distinct parties (a state, IGO or group on each side); negated and
  hypothetical clauses give none; a meeting announced for the future is an intent (AGREE).

Word order differs by language (:class:`Syntax`): Persian is SOV, a party right after a noun
trigger acts («سفر ظریف به مسکو») and the subject is the first free mention of the clause; English
is SVO, the party before the trigger acts ("Zarif's visit", "Iran-Iraq talks", "Zarif met Lavrov":
Lavrov receives) or the agent after "by" ("a visit by Zarif", "condemned by Iran").

Example
-------
>>> assembler = EventAssembler.default("fa")                      # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from kg.extract.actors import Discourse
from kg.extract.cues import CueFinder
from kg.extract.dates import DateFinder
from kg.extract.topics import TopicFinder
from kg.extract.triggers import TriggerFinder, TriggerHit
from kg.facts import Event, EventDate, Mention, Provenance, Sentence

__all__ = ["EventAssembler", "EXTRACTOR", "Syntax", "SYNTAX"]

EXTRACTOR = "kg.extract.events/0.1"
_CARRIED = 0.85      # the subject was carried from an earlier sentence
_FALLBACK = 0.85     # recipients were not marked by a preposition or the clause
_FUTURE_CONSULT = "AGREE"
_NEVER_PARTIES = ("about", "place")
_CONDITIONAL_BY_NATURE = ("THREATEN",)
_TRANSFERS = ("COOPERATE", "AID")
_RECEIVED_BY_SPEAKER = ("AID", "SUPPORT", "COOPERATE")  # thanked-for acts were done to the speaker  # lists of destinations elide the verb
# Cooperative acts whose intent is itself an AGREE («قصد دارد با ترکیه دیدار کند»); the intent of
# any other act reports nothing.
_INTENDED_AS_AGREE = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST")
_EVALUATIVE = ("ACCUSE", "SUPPORT", "PROTEST", "REJECT")  # judge another's act: its agent receives  # a warning states its condition after it
_GAP = re.compile(r"[\s\u200c]{0,2}")
# «و», a comma, and «به ویژه» ("especially", which names members of the list before it:
# «کشورهای حاشیه خلیج فارس به ویژه عربستان و امارات»): a closed class of the grammar, so here.
_ESPECIALLY = r"(?:،[\s\u200c]*)?(?:به[\s\u200c]*ویژه|بویژه|به[\s\u200c]*خصوص|بخصوص)"
_AND = re.compile(rf"[\s\u200c]*(?:و|،|,|{_ESPECIALLY})[\s\u200c]*")
_ESPECIALLY_GAP = re.compile(rf"[\s\u200c]*{_ESPECIALLY}[\s\u200c]*")


@dataclass(frozen=True)
class Syntax:
    """Word-order settings of a language for assigning parties (the default is Persian's).

    parties_before: the party acting for a noun trigger stands before it ("Zarif's visit",
        "Iran-Iraq talks") or is the agent after "by"; the subject of a verb trigger stands before
        it and a free mention after it is its object. False: a party right after a noun trigger
        acts («سفر ظریف») and the subject is the first free mention of the clause (SOV).
    conjunction: what joins coordinated names («و», "and", "Iran-Iraq").
    possessive: the gap between a party and the noun trigger it owns ("'s ", "'s recent ").
    agent: the gap between a trigger and its agent ("by", "by the").
    dateline: what follows a place that opens a report ("TEHRAN –"): that place is no party.
    """

    parties_before: bool = False
    conjunction: re.Pattern[str] = _AND
    possessive: re.Pattern[str] | None = None
    agent: re.Pattern[str] | None = None
    dateline: re.Pattern[str] | None = None


SYNTAX = {
    "en": Syntax(
        parties_before=True,
        conjunction=re.compile(r"\s*(?:,?\s*(?:and|&)\s+(?:the\s+)?|,\s*(?:the\s+)?)|[-–/]"),
        possessive=re.compile(r"(?:\s+[A-Za-z]+)?['’]s?\s+(?:[A-Za-z-]+\s+){0,2}|\s+"),
        agent=re.compile(r"\s+(?:[A-Za-z]+\s+)?by\s+(?:the\s+)?(?:[A-Za-z]+\s+)?"),
        dateline=re.compile(r"\s*(?:\([^)]*\)\s*)?[-–—]\s"),
    ),
}


@dataclass
class SentenceEvents:
    """What a sentence contributed: its events, its topics and whether it points back."""

    events: list[Event] = field(default_factory=list)
    topics: tuple[str, ...] = ()
    date: EventDate | None = None
    refers_back: bool = False


class EventAssembler:
    """Builds events sentence by sentence for one language."""

    def __init__(self, triggers: TriggerFinder, cues: CueFinder, dates: DateFinder,
                 topics: TopicFinder, syntax: Syntax | None = None) -> None:
        self.triggers, self.cues, self.dates, self.topics = triggers, cues, dates, topics
        self.syntax = syntax or Syntax()
        self._hits: list[TriggerHit] = []  # the current sentence's triggers

    @classmethod
    @cache
    def default(cls, lang: str) -> EventAssembler:
        return cls(TriggerFinder.default(lang), CueFinder.default(lang), DateFinder.default(lang),
                   TopicFinder.default(lang), SYNTAX.get(lang))

    def sentence(self, article_id: str, sentence: Sentence, mentions: list[Mention],
                 discourse: Discourse, article_date: date | None) -> SentenceEvents:
        """Events of one sentence; updates ``discourse`` with the sentence's subject."""
        text = sentence.text
        result = SentenceEvents(topics=self.topics.find(text, [(m.start, m.end) for m in mentions]),
                                date=self.dates.find(text, article_date),
                                refers_back=self.cues.refers_back(text))
        hits = self.triggers.find(text)
        self._hits = hits
        for hit in hits:
            if _framed(text, hit, hits) or self._purpose(text, hit, hits):
                continue
            event = self._event(article_id, sentence, hit, mentions, discourse, result)
            if event is not None:
                for one in [*self._distributed(text, hit, event), *self._elided(text, hit, hits, event, mentions)]:
                    result.events.append(one)
                    states = [p for p in one.parties]
                    if len(states) == 2:
                        discourse.pairs[frozenset(states)] += 1
        self._remember(text, mentions, discourse)
        return result

    # -- one trigger ---------------------------------------------------------------------------
    def _event(self, article_id: str, sentence: Sentence, hit: TriggerHit, mentions: list[Mention],
               discourse: Discourse, found: SentenceEvents) -> Event | None:
        text = sentence.text
        cues = self.cues
        if (cues.is_not_trigger(text, hit.start, hit.end) or cues.is_negated(text, hit.start, hit.end)
                or cues.is_hypothetical(text, hit.start, hit.end, hit.trigger.category in _CONDITIONAL_BY_NATURE)
                or cues.is_generic(text, hit.start, hit.end)
                or cues.points_back(text, hit.start, hit.end)):
            return None
        trigger = hit.trigger
        intent = cues.is_intent(text, hit.start, hit.end)
        if intent and trigger.category not in _INTENDED_AS_AGREE:
            return None  # «ترکیه قصد دارد به سوریه حمله کند»: a planned attack is no attack
        left, right = cues.clause(text, hit.start, hit.end)
        roles = self._roles(text, mentions)
        backing = cues.is_backing(text, hit.start, hit.end)
        usable = [m for m in mentions if roles[id(m)] not in _NEVER_PARTIES
                  and (roles[id(m)] != "backer" or backing)
                  and (roles[id(m)] != "location" or trigger.roles in ("visit", "host"))
                  and (roles[id(m)] != "on" or trigger.roles == "to")]
        headline = cues.headline_item(text, hit.start)
        if headline is not None:  # a list of headlines: each item stands alone
            usable = [m for m in usable if headline[0] <= m.start and m.end <= headline[1]]
        clause = [m for m in usable if m.end > left and m.start < right]
        clause = self._with_lists(text, clause, usable)
        if self.syntax.parties_before:
            genitive = self._owner(text, hit, clause, roles)
        else:
            genitive = self._genitive(text, hit, usable)
        complement = not self.syntax.parties_before and cues.complement_of(text, hit.start)
        if complement and not genitive:  # «تاسف از خروج آمریکا از برجام»: the party is in the phrase
            genitive = [m for m in usable if hit.start <= m.start and m.end <= hit.end][:1]
        if genitive:
            subject, confidence = genitive[0], 1.0
        elif self.syntax.parties_before:
            subject, confidence = self._subject_before(text, hit, clause, usable, left, right, roles, discourse)
        else:
            subject, confidence = self._subject(text, clause, usable, left, roles, discourse)
        among = [m for m in clause if roles[id(m)] == "among"]
        own_among = [m for m in among if m.start >= hit.end and len(text[hit.end:m.start].split()) <= 2]
        if len({m.actor.party for m in own_among}) >= 2:
            subject, confidence = own_among[0], 1.0  # «گفتگوهای میان X و Y»: the talks' own sides
        elif (subject is None or subject.sentence != sentence.index) and len({m.actor.party for m in among}) >= 2:
            subject, confidence = among[0], 1.0  # «میان X و Y» names both sides; no subject needed
        if subject is None or (headline is not None and subject.sentence != sentence.index):
            return None
        if genitive and backing:
            return self._backing(article_id, sentence, hit, genitive, clause, usable, left, roles,
                                 discourse, found)
        if trigger.roles == "visit" and not (_can_travel(subject) or (
                subject.sentence == sentence.index and (cues.delegation_before(text, subject.start)
                                                        or cues.delegation_after(text, subject.end)))):
            return None  # a state or a tanker does not pay a visit; an official or a delegation does
        carried = subject.sentence != sentence.index
        first_side = genitive or [subject, *([] if carried else self._coordinated(text, subject, usable))]
        first_parties = {m.actor.party for m in first_side}
        others = [m for m in clause if m.actor.party not in first_parties]
        if genitive and complement:
            # A nominal act that is the object of another predicate takes its parties from its own
            # phrase: the speaker who regrets or criticises it does not receive it. A good act
            # that the speaker thanks for is done to the speaker («قدردانی از کمک‌های امارات»).
            after = [m for m in others if m.start >= hit.end]
            if not after and trigger.category not in _RECEIVED_BY_SPEAKER:
                return None
            others = after or others
        two_sided = trigger.roles in ("joint", "with") and len(first_parties) >= 2
        if not others and not self.syntax.parties_before and two_sided:
            pass  # «ترکیه و روسیه بر سر آتش‌بس توافق کردند»: both sides named, none borrowed
        elif not others and not self.syntax.parties_before:
            # Persian: a clause without a second party borrows one from the clauses before it
            # (they set the scene), not from those after it (they are other acts or comments).
            # The «که» clause right after an evaluation is what it judges («محکومیت تروریسمی است
            # که اردوغان علیه سوریه مرتکب می‌شود») and lends its parties too.
            # A noun act with its own agent («…، درخواست روسیه برای توقف جنگ در لیبی») marks its
            # recipient inside its phrase or in that «که» clause, else has none: nothing before.
            content_end = self.cues.content_clause_end(text, right) if trigger.category in _EVALUATIVE else right
            others = [m for m in usable if m.actor.party not in first_parties
                      and ((m.start < left and not genitive) or right <= m.start < content_end)]
            confidence *= _FALLBACK
        elif not others:
            others = [m for m in usable if m.actor.party not in first_parties]
            confidence *= _FALLBACK
        if self.syntax.parties_before:
            actors, recipients = self._sides_svo(text, hit, first_side, others, clause, roles)
        else:
            actors, recipients = self._sides(trigger.roles, first_side, others, roles, hit.start)
            partner = self._partner(text, hit, others, roles)
            if partner:
                recipients = partner
        if trigger.category in _EVALUATIVE and not self.syntax.parties_before:
            agents = self._embedded_agents(text, hit, subject, usable, left)
            if agents:
                recipients = agents
        recipients = [m for m in recipients if m.actor.party not in {a.actor.party for a in actors}]
        parties = {m.actor.party for m in (*actors, *recipients)}
        if len(parties) < 2 and cues.refers_to_dyad(text):
            partner = discourse.main_partner(subject.actor.party)
            if partner is not None and partner.actor.party not in parties:
                (actors if trigger.roles == "joint" else recipients).append(partner)
                parties.add(partner.actor.party)
                confidence *= _FALLBACK
        if len(parties) < 2 or not actors or not any(_acts_for_someone(m) for m in actors):
            return None  # a former official or a private person speaks for no party
        category, mode, alt = trigger.category, trigger.mode, trigger.alt
        if recipients and all(_can_travel(m) and roles.get(id(m)) == "from" for m in recipients) \
                and cues.welcomes_guest(hit.text):
            # «ابه از رئیس‌جمهور ایران استقبال کرد»: a host receives a guest (visit), no approval
            category, mode, alt = "CONSULT", "visit", (trigger.category,)
            actors, recipients = recipients, actors
        if intent and category != "AGREE":  # «قصد دارد با عمان مذاکره کند»: intent to cooperate
            category, mode, alt = "AGREE", None, (category,)
        elif cues.is_future(text, hit.start, hit.end):
            if category == "CONSULT":
                category, mode, alt = _FUTURE_CONSULT, None, ("CONSULT",)
            elif "AGREE" in alt:  # a signing still to come is an intent
                category, alt = "AGREE", (category,)
        provenance = Provenance(article_id, sentence.index, EXTRACTOR,
                                round(min(1.0, trigger.confidence * confidence), 3), sentence.original)
        return Event(category=category, actors=tuple(dedupe_side(actors)), recipients=tuple(dedupe_side(recipients)),
                     provenance=provenance, mode=mode, topics=found.topics, date=found.date,
                     trigger=hit.text, alt_categories=alt, sentences=(sentence.index,))

    def _backing(self, article_id: str, sentence: Sentence, hit: TriggerHit, backers: list[Mention],
                 clause: list[Mention], usable: list[Mention], left: int, roles: dict[int, str | None],
                 discourse: Discourse, found: SentenceEvents) -> Event | None:
        """«ارتش سوریه با حمایت روسیه … حمله کرد»: the party after «با حمایت» backs the subject
        of the clause, and no other party in it (the targets of the main verb are not backed)."""
        own, text = {m.actor.party for m in backers}, sentence.text
        subject, confidence = self._subject(text,
                                            [m for m in clause if m.actor.party not in own],
                                            [m for m in usable if m.actor.party not in own],
                                            left, roles, discourse)
        if subject is None or subject.actor.party in own:
            return None
        trigger = hit.trigger
        provenance = Provenance(article_id, sentence.index, EXTRACTOR,
                                round(min(1.0, trigger.confidence * confidence), 3), sentence.original)
        return Event(category=trigger.category, actors=tuple(dedupe_side(backers)), recipients=(subject,),
                     provenance=provenance, mode=trigger.mode, topics=found.topics, date=found.date,
                     trigger=hit.text, alt_categories=trigger.alt, sentences=(sentence.index,))

    def _roles(self, text: str, mentions: list[Mention]) -> dict[int, str | None]:
        """Each mention's role; a mention joined by «و» to a place, a location or a topic shares
        it («در شهرهای آنکارا و مسکو»), a state named right after a city is its place («دوحه
        قطر»), and a lone capital after a meeting noun is its venue («نشست برلین»)."""
        roles = {id(m): self._role(text, m) for m in mentions}
        ordered = sorted(mentions, key=lambda m: m.start)
        for m, after in zip(ordered, [*ordered[1:], None]):
            if m.via == "capital" and roles[id(m)] is None and self.cues.venue_head_before(text, m.start) \
                    and not (after is not None and self._joined(text, m, after)):
                roles[id(m)] = "place"  # «نشست برلین»; not «مذاکرات تهران و ریاض»
        for before, after in zip(ordered, ordered[1:]):
            if _ESPECIALLY_GAP.fullmatch(text, before.end, after.start):
                roles[id(after)] = roles[id(before)]  # «با اتحادیه اروپا بویژه سه کشور اروپایی»
                continue
            if roles[id(after)] is not None:
                continue
            joined = self._joined(text, before, after)
            if joined and _new_clause(joined.group(0), before, after):
                joined = None
            if joined and roles[id(before)] not in (None, "object", "backer"):
                roles[id(after)] = roles[id(before)]
            elif (before.via == "capital" or roles[id(before)] == "location") and \
                    _GAP.fullmatch(text, before.end, after.start) and after.actor.kind.value == "Country":
                roles[id(after)] = "place"
        return roles

    def _joined(self, text: str, before: Mention, after: Mention) -> re.Match[str] | None:
        """The conjunction between two mentions, a head noun allowed after it («جهاد اسلامی و
        مقامات روسیه»), or None."""
        joined = self.syntax.conjunction.match(text, before.end, after.start)
        if joined and (joined.end() == after.start or self.cues.only_determiners(text[joined.end():after.start])):
            return joined
        return None

    def _role(self, text: str, mention: Mention) -> str | None:
        """What governs a mention: a preposition's role, ``object`` («… را»), ``place`` (a place or
        issue noun before it: «تحولات سوریه»), or None for a free noun phrase (a possible subject)."""
        role = self.cues.preposition_before(text, mention.start)
        if role is None and self.cues.backing_before(text, mention.start):
            return "backer"
        if role is None and mention.via != "office" and self.cues.topic_before(text, mention.start):
            return "about"  # «درباره ادلب سوریه»
        if role is None and mention.actor.kind.value == "Country" and mention.via != "office" \
                and self.cues.place_head_before(text, mention.start):
            return "place"
        if mention.actor.kind.value == "Country" and mention.via != "office" \
                and (self.cues.place_tail_after(text, mention.end)
                     or (mention.via == "capital" and self.cues.capital_tail_after(text, mention.end))):
            return "place"  # English: "with the Iranian people", "the Stockholm agreement"
        if role is None and self._dateline(text, mention):
            return "place"
        if self.cues.attributed(text, mention.start):
            return "place"  # «به گزارش خبرگزاری فرانسه از کانبرا، …»: where the news came from
        if role is None and self.cues.object_after(text, mention.end):
            return "object"
        return role

    def _embedded_agents(self, text: str, hit: TriggerHit, subject: Mention, usable: list[Mention],
                         left: int) -> list[Mention]:
        """The agent of an act that an evaluation is about: «ایران حمله اسرائیل به سوریه را محکوم
        کرد» condemns Israel, not Syria; the act's target is not a party of the evaluation."""
        for other in self._hits:
            if other is hit or other.trigger.category in _EVALUATIVE or not (
                    left <= other.start and other.end <= hit.start and subject.end <= other.start):
                continue
            agents = self._genitive(text, other, usable)
            if agents:
                return agents
        return []

    def _genitive(self, text: str, hit: TriggerHit, usable: list[Mention]) -> list[Mention]:
        """The party right after a noun trigger (and its adjectives: «حمله هوایی اسرائیل»), and
        those joined to it by «و», act: «تحریم‌های آمریکا», «سفر ظریف به مسکو», «گفتگوی وزرای
        خارجه ایران و عمان»."""
        end = self.cues.skip_modifiers(text, hit.end)
        after = [m for m in usable if m.start >= hit.end and (_GAP.fullmatch(text, hit.end, m.start)
                                                             or _GAP.fullmatch(text, end, m.start))]
        if not after:
            return []
        head = min(after, key=lambda m: m.start)
        return [head, *self._coordinated(text, head, usable)]

    def _purpose(self, text: str, hit: TriggerHit, hits: list[TriggerHit]) -> bool:
        """True for a meeting that is the purpose of an earlier one in its clause ("held talks
        with X to discuss Y"): one event, not two."""
        if hit.trigger.category != "CONSULT" or not self.cues.purpose_before(text, hit.start):
            return False
        left, _ = self.cues.clause(text, hit.start, hit.end)
        return any(o.trigger.category == "CONSULT" and left <= o.start and o.end <= hit.start for o in hits)

    def _with_lists(self, text: str, clause: list[Mention], usable: list[Mention]) -> list[Mention]:
        """The clause with the names listed together with its own: a comma ends a clause but
        also separates the names of a list ("Iraq, Oman and Turkey", «عربستان، امارات، بحرین و
        مصر»). Persian lists join names of one kind; a comma before an office holder, or between
        a city and a state, opens a clause (:func:`_new_clause`)."""
        ordered = sorted(usable, key=lambda m: m.start)
        inside = {id(m) for m in clause}
        persian = not self.syntax.parties_before
        changed = True
        while changed:
            changed = False
            for a, b in zip(ordered, ordered[1:]):
                if (id(a) in inside) != (id(b) in inside) and self.syntax.conjunction.fullmatch(text, a.end, b.start) \
                        and not (persian and _new_clause(text[a.end:b.start], a, b)):
                    inside |= {id(a), id(b)}
                    changed = True
        return [m for m in ordered if id(m) in inside]

    def _dateline(self, text: str, mention: Mention) -> bool:
        """True for the place that opens a report ("TEHRAN –", "TEHRAN (IRNA) -")."""
        return bool(self.syntax.dateline and not text[:mention.start].strip()
                    and self.syntax.dateline.match(text, mention.end))

    def _owner(self, text: str, hit: TriggerHit, clause: list[Mention],
               roles: dict[int, str | None]) -> list[Mention]:
        """English: the party that owns a noun trigger or is its agent, with those joined to it:
        "Zarif's visit", "Iran-Iraq talks", "U.S. sanctions"; "a visit by Zarif", "condemned by
        Iran", "signed by X and Y"."""
        syntax = self.syntax
        before = [m for m in clause if m.end <= hit.start and roles[id(m)] is None
                  and syntax.possessive.fullmatch(text, m.end, hit.start)]
        if before:
            head = max(before, key=lambda m: m.end)
            chain = [head]
            for m in sorted((m for m in clause if m.end <= head.start), key=lambda m: -m.end):
                if not syntax.conjunction.fullmatch(text, m.end, chain[0].start):
                    break
                chain.insert(0, m)
            return chain
        after = [m for m in clause if m.start >= hit.end and roles[id(m)] == "by"
                 and syntax.agent.fullmatch(text, hit.end, m.start)]
        if after:
            head = min(after, key=lambda m: m.start)
            return [head, *self._coordinated(text, head, clause)]
        return []

    def _coordinated(self, text: str, first: Mention, usable: list[Mention]) -> list[Mention]:
        """Mentions joined to ``first`` by «و» or a comma: «ایران، روسیه و ترکیه»."""
        chain, current = [], first
        conjunction = self.syntax.conjunction
        for m in sorted(usable, key=lambda m: m.start):
            if m.start >= current.end and conjunction.fullmatch(text, current.end, m.start):
                chain.append(m)
                current = m
        return chain

    def _subject(self, text: str, clause: list[Mention], usable: list[Mention], left: int,
                 roles: dict[int, str | None], discourse: Discourse) -> tuple[Mention | None, float]:
        def free(m: Mention) -> bool:
            return roles[id(m)] is None and not self.cues.object_after(text, m.end)

        for m in clause:
            if free(m):
                return m, 1.0
        for m in usable:
            if m.start < left and free(m):
                return m, 1.0
        if discourse.last_subject is not None:
            return discourse.last_subject, _CARRIED
        return None, 1.0

    def _subject_before(self, text: str, hit: TriggerHit, clause: list[Mention], usable: list[Mention],
                        left: int, right: int, roles: dict[int, str | None],
                        discourse: Discourse) -> tuple[Mention | None, float]:
        """English (SVO): the first free mention of the clause before the trigger, else of the
        sentence before the clause, else of the clause after it ("In a call with X, Y said"),
        else the subject carried from earlier sentences. A free mention after a verb trigger in
        its own clause is its object, not its subject."""
        def free(m: Mention) -> bool:
            return roles[id(m)] is None

        # A joint act in a clause of its own ("… hinted that the normalization deals between …")
        # is not done by the subject of the clause before it.
        before_clause = [] if hit.trigger.roles == "joint" else [m for m in usable if m.start < left]
        for group in ([m for m in clause if m.end <= hit.start], before_clause,
                      [m for m in usable if m.start >= right]):
            found = next((m for m in group if free(m)), None)
            if found is not None:
                return found, 1.0
        if discourse.last_subject is not None:
            return discourse.last_subject, _CARRIED
        return None, 1.0

    def _distributed(self, text: str, hit: TriggerHit, event: Event) -> list[Event]:
        """One event per recipient when the clause says the acts were separate ("held separate
        telephone conversations with …"); else the event itself."""
        parties = {m.actor.party for m in event.recipients}
        if len(parties) < 2 or not self.cues.is_distributive(text, hit.start, hit.end):
            return [event]
        return [replace(event, recipients=tuple(m for m in event.recipients if m.actor.party == party))
                for party in dict.fromkeys(m.actor.party for m in event.recipients)]

    def _partner(self, text: str, hit: TriggerHit, others: list[Mention],
                 roles: dict[int, str | None]) -> list[Mention]:
        """The party «با» marks right after a meeting noun, with those joined to it: «در حال
        مذاکره با استرالیا است و … مذاکره با آمریکا»: each talk has its own partner."""
        if hit.trigger.roles != "with":
            return []
        head = next((m for m in sorted(others, key=lambda m: m.start)
                     if roles.get(id(m)) == "with" and m.start >= hit.end
                     and len(text[hit.end:m.start].split()) <= 2), None)  # only the preposition
        return [head, *self._coordinated(text, head, others)] if head else []

    def _elided(self, text: str, hit: TriggerHit, hits: list[TriggerHit], event: Event,
                mentions: list[Mention]) -> list[Event]:
        """Transfers listed with the verb elided: «با ارسال سلاح به امارات …، سلاح‌هایی به ترکیه …
        و تجهیزاتی به مصر …» is one transfer to each; a later «به X» of the sentence, before any
        other trigger, receives its own event."""
        if hit.trigger.category not in _TRANSFERS or self.syntax.parties_before or not event.recipients:
            return []
        _, right = self.cues.clause(text, hit.start, hit.end)
        stop = min((h.start for h in hits if h.start >= right), default=len(text))
        seen = set(event.parties)
        extra = []
        for m in sorted(mentions, key=lambda m: m.start):
            if right <= m.start < stop and m.actor.party not in seen \
                    and self.cues.preposition_before(text, m.start) == "to":
                seen.add(m.actor.party)
                extra.append(replace(event, recipients=(m,)))
        return extra

    def _sides_svo(self, text: str, hit: TriggerHit, first: list[Mention], others: list[Mention],
                   clause: list[Mention], roles: dict[int, str | None]) -> tuple[list[Mention], list[Mention]]:
        """English sides: the direct object of a verb (the first free mention after it in its
        clause, and those listed with it) receives a condemnation, a request, a call or a visit
        ("condemned Bahrain for a visit to Tel Aviv": Bahrain, not Tel Aviv); talks and meetings
        are with the party "with" marks, and when two parties are already the subject ("Biden and
        Johnson discussed China") what they discuss is no party."""
        scheme = hit.trigger.roles
        if scheme in ("joint", "host"):
            return self._sides(scheme, first, others, roles)
        first_parties = {m.actor.party for m in first}
        after = [m for m in clause if m.start >= hit.end and m.actor.party not in first_parties]
        head = next((m for m in after if roles[id(m)] is None and m.via != "anaphora"), None)
        objects = [head, *self._coordinated(text, head, after)] if head else []
        wanted = {"with": ("with", "among"), "visit": ("to", "location", "with"),
                  "to": ("to", "from", "against", "with", "for", "on")}[scheme]
        marked = [m for m in others if roles.get(id(m)) in wanted]
        if scheme == "with":
            if marked:
                return first, marked
            return first, ([] if len(first_parties) >= 2 else objects or others)
        if scheme == "to" and objects:
            return first, objects
        return first, marked or objects or others

    @staticmethod
    def _sides(scheme: str, first: list[Mention], others: list[Mention],
               roles: dict[int, str | None], verb_at: int | None = None) -> tuple[list[Mention], list[Mention]]:
        """Actors and recipients by the trigger's role scheme; a party that a preposition marks
        for the scheme wins over parties that merely stand in the clause, and one marked between
        the subject and the trigger (``verb_at``) over those after it."""
        if scheme == "joint":
            among = [m for m in (*first, *others) if roles.get(id(m)) == "among"]
            if len({m.actor.party for m in among}) >= 2:  # «امضای توافق میان آمریکا و طالبان»
                return among, []
            return [*first, *others], []
        if scheme == "host":
            return others, first
        wanted = {"with": ("with", "among"), "visit": ("to", "location", "with"),
                  "to": ("to", "from", "against", "object", "with", "for", "on")}[scheme]
        marked = [m for m in others if roles.get(id(m)) in wanted]
        against = [m for m in marked if roles.get(id(m)) == "against"]
        if scheme == "to" and against:
            marked = against  # «شکایت به سازمان ملل علیه آمریکا»: the target, not the addressee
        elif verb_at is not None and first and all(m.end <= verb_at for m in first):
            # SOV: a party marked between the subject and a verb trigger is its argument; what
            # follows the verb is its content («تهران به واشنگتن هشدار داد در صورت … به ونزوئلا»).
            before = [m for m in marked if first[0].end <= m.start and m.end <= verb_at]
            marked = before or marked
        return first, marked or others

    def _remember(self, text: str, mentions: list[Mention], discourse: Discourse) -> None:
        """The sentence's free subject speaks on in later sentences; its first person is «او»."""
        for m in mentions:
            if self.cues.preposition_before(text, m.start) is None and not self.cues.object_after(text, m.end) \
                    and not self._dateline(text, m):
                discourse.last_subject = m
                break
        person = next((m for m in mentions if m.actor.kind.value == "Person"), None)
        if person is not None:
            discourse.last_person = person


# Categories that frame another act as wished, demanded or threatened, not done.
_FRAMES = ("REQUEST", "THREATEN", "AGREE")
_FRAMED = ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST")
_FRAME_GAP = re.compile(r"[\s\u200c]*(?:به|برای|با)?[\s\u200c]*(?:\S+[\s\u200c]+)?")


def _framed(text: str, hit: TriggerHit, hits: list[TriggerHit]) -> bool:
    """True when a conflict act is the object of a request, threat or intent right before it:
    «خواستار حمله به …», «تهدید به تحریم», «قصد حمله»."""
    if hit.trigger.category not in _FRAMED:
        return False
    return any(other.trigger.category in _FRAMES and other.end <= hit.start
               and _FRAME_GAP.fullmatch(text, other.end, hit.start) for other in hits)


def _new_clause(gap: str, before: Mention, after: Mention) -> bool:
    """True when a comma between two mentions more likely opens a new clause than lists them:
    an office holder, a party of another kind or a state after a city («به گزارش رویترز از مسکو، وزیر
    خارجه ایران …»); lists join names of one kind («ایران، روسیه و ترکیه»)."""
    if not any(c in gap for c in ",،"):
        return False
    return (after.via in ("office", "role-pattern") or after.actor.kind != before.actor.kind
            or (before.via == "capital") != (after.via == "capital"))


def _acts_for_someone(mention: Mention) -> bool:
    """False for a person who acts for no state, IGO or group (a former official, a private
    person): «مشاور امنیت ملی سابق کاخ سفید … با دخالت در امور ایران و ونزوئلا» is no act
    between Iran and Venezuela."""
    actor = mention.actor
    return actor.kind.value != "Person" or bool(actor.country or actor.organization)


def _can_travel(mention: Mention) -> bool:
    return mention.actor.kind.value == "Person" or mention.via in ("office", "role-pattern")


def dedupe_side(mentions: list[Mention] | tuple[Mention, ...]) -> list[Mention]:
    """One mention per party on a side: a person stands for their state («رئیس‌جمهور ایران» and
    «ایران» in one event are one party), and a name beats a pronoun or an office."""
    seen: dict[str, Mention] = {}
    for m in mentions:
        current = seen.get(m.actor.party)
        if current is None or _rank(m) < _rank(current):
            seen[m.actor.party] = m
    return list(seen.values())


def _rank(mention: Mention) -> tuple[int, int]:
    person = 0 if mention.actor.kind.value == "Person" else 1
    named = 0 if mention.via in ("gazetteer", "role-pattern") else 1
    return person, named


def with_topics(event: Event, topics: tuple[str, ...]) -> Event:
    """The event with ``topics`` added (keeping order, no repeats)."""
    merged = tuple(dict.fromkeys((*event.topics, *topics)))
    return replace(event, topics=merged)
