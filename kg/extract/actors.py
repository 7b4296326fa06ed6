"""Find the actors a sentence names: states, IGOs, groups, people — and people by their office.

One component of the extraction pipeline. It matches the gazetteer's surface forms (names, official
names, variants, demonyms, capitals used as metonyms) and the office titles, then composes them the
way news writes people:

- ``<title> <state>``: «وزیر امور خارجه ایران» → the holder of that office on the article's date
  (``person_for_office``), or the state itself when the holder is not known;
- ``<title> <state>، <name>،`` and ``<name>، <title> <state>``: one mention of the person; a name
  the gazetteer does not know becomes a new person with that office (a role pattern);
- ``همتای <state>``: the counterpart — the same office as the sentence's first office, in that state;
- pronouns and «کشورش» refer back to the last person (a :class:`Discourse` carries them).

Example
-------
>>> finder = ActorFinder.default("fa")                                   # doctest: +SKIP
>>> [m.actor.key for m in finder.find("وزیر امور خارجه ایران با لاوروف دیدار کرد", 0, Discourse())]  # doctest: +SKIP
['person:mohammad-javad-zarif', 'person:sergey-lavrov']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from kg.extract.gazetteer_data import GazetteerData, load_gazetteer
from kg.extract.lexicons import load_cues
from kg.extract.phrases import Match, PhraseMatcher
from kg.facts import Actor, ActorKind, Mention, Office
from kg.rdf.namespaces import slug

__all__ = ["ActorFinder", "Discourse", "HOME_COUNTRY", "Composition", "COMPOSITION"]

# The state whose press "our country" and an unqualified «رئیس‌جمهور» refer to, by article language.
HOME_COUNTRY = {"fa": "IRN"}
# Offices whose holder serves abroad: the state after "to"/"in" is where, not whose ("Ambassador to London").
_ENVOY_ROLES = {"ambassador", "charge-d-affaires", "special-envoy", "permanent-representative", "diplomat"}
# Persian: where an envoy serves or what they deal with, after «<title> <sender>»: «سفیر ایران در کویت»,
# «نماینده آمریکا در امور سوریه», «فرستاده سازمان ملل به سوریه» (a special envoy is sent «به»).
_HOST_FA = re.compile(r"[\s\u200c]+(?:در[\s\u200c]+امور|در|نزد)[\s\u200c]+")
_SENT_TO_FA = re.compile(r"[\s\u200c]+(?:به|برای)[\s\u200c]+")
# Offices that an unqualified title in the home press means (a bare «وزیر امور خارجه» is Iran's).
_HOME_ROLES = {"head-of-state", "foreign-minister", "supreme-leader", "speaker", "vice-president", "member-of-parliament",
               "security-council-secretary", "judiciary-chief",
               "first-vice-president", "defence-minister", "government-spokesperson"}
_GAP = re.compile(r"^[\s\u200c]*$")
# «سابق», «پیشین», «اسبق» (former), «مستعفی» (resigned), «فقید» (late), «خودخوانده» (self-proclaimed)
# right after a title: no holder of the office, who acts for no state (annotation notes, "Former
# officials act for no state"). Closed-class words, kept here.
_PLURAL_BEFORE = re.compile(r"(?<![\w\u200c])(?:دو|سه|چهار|پنج|هر دو)[\s\u200c]+$")
_FORMER = re.compile(r"[\s\u200c]*(?:سابق|پیشین|اسبق|مستعفی|فقید|خودخوانده)(?![\w\u200c])")
# Words between a title and its state that keep the office («رئیس‌جمهور جدید/موقت/منتخب آمریکا»).
_CURRENT = re.compile(r"[\s\u200c]*(?:جدید|فعلی|کنونی|موقت|منتخب)(?![\w\u200c])")
# Apposition: a comma between name and title, and the quotes the press puts round names («ملک سلمان»،).
_APPOSITION = re.compile(r"^[\s\u200c«»\"\u201c\u201d]*[،,]?[\s\u200c«»\"\u201c\u201d]*$")
# «این کشور», «آن کشور» after a title: the state named last («ملک سلمان، پادشاه این کشور»).
_THIS_COUNTRY = re.compile(r"[\s\u200c]+(?:این|آن)[\s\u200c]+کشور(?![\w\u200c])")
# «وقت» after a title: the holder at the time of a recalled event, not on the article's date.
_THEN = re.compile(r"[\s\u200c]*وقت(?![\w\u200c])")
# «او», «وی» after a title: the office in the state of the person just named («نتانیاهو و وزیر دفاع او»).
_HIS = re.compile(r"[\s\u200c]+(?:او|وی|ایشان)(?![\w\u200c])")
# «کشور آذربایجان», «کشور عمان»: after the word «کشور» (country) a name that can be a state is that
# state, even one that alone needs context (a province's name, another city's); the mention takes in
# the word. «طرف چینی», «طرف‌های ایرانی و روس»: «طرف» (side, in talks) before a demonym is that
# state. Closed-class words, kept here.
_STATE_WORD = re.compile(r"(?<![\w\u200c])کشور[\s\u200c]+$")
_SIDE_WORD = re.compile(r"(?<![\w\u200c])طرف(?:[\s\u200c]?ها(?:ی)?)?[\s\u200c]+$")
_AND = re.compile(r"[\s\u200c]*(?:و|،|,)[\s\u200c]*$")
_NEW_NAME = re.compile(r"^[\s\u200c]*[،,][\s\u200c]*((?:[\u0600-\u06FF\u200c]+[\s\u200c]?){1,4}?)[\s\u200c]*[،,]")
_NAME_WORD = re.compile(r"^[\u0600-\u06FF\u200c]{2,}$")


@dataclass(frozen=True)
class Composition:
    """How a language writes people with their office (the default is Persian's).

    state_before_title: the state stands before the title ("Iranian Foreign Minister X",
        "Saudi Arabia's King Salman", "Azeri Deputy Energy Minister X"); ``title_gap`` is what may
        stand between them. Persian puts it after («وزیر امور خارجه ایران»), which is always read.
    title_of: the state after a title with "of" ("the foreign minister of Iraq").
    title_host: where an envoy serves, after the title ("Iran's Ambassador to London"): part of
        the mention, not a party.
    counterpart_after_state: "his Russian counterpart" (the state before the word), not
        «همتای روس» (after it).
    new_name: a name the gazetteer does not know, after the title (a role pattern);
        ``name_word`` what each of its words looks like.
    recall_new_persons: later sentences name such a person by surname ("Rahmani Fazli said").
    """

    state_before_title: bool = False
    title_gap: re.Pattern[str] | None = None
    title_of: re.Pattern[str] | None = None
    title_host: re.Pattern[str] | None = None
    new_name: re.Pattern[str] = _NEW_NAME
    name_word: re.Pattern[str] = _NAME_WORD
    recall_new_persons: bool = False
    counterpart_after_state: bool = False
    host_after_sender: bool = True


COMPOSITION = {
    "en": Composition(
        state_before_title=True,
        title_gap=re.compile(r"(?:['’]s)?\s+(?:[A-Z][A-Za-z-]+\s+){0,3}"),
        new_name=re.compile(r"^,?\s+((?:[A-Z][a-z’'-]+[a-z])(?:\s+[A-Z][a-z’'-]+[a-z]){1,3})(?!\w)"),
        name_word=re.compile(r"^[A-Z][a-z’'-]+[a-z]$"),
        recall_new_persons=True,
        title_of=re.compile(r"\s+of\s+(?:the\s+)?"),
        title_host=re.compile(r"\s+(?:to|in|for)\s+(?:the\s+)?"),
        counterpart_after_state=True,
        host_after_sender=False,
    ),
}


@dataclass
class Discourse:
    """What the text has said so far that later sentences refer to."""

    last_person: Mention | None = None
    last_subject: Mention | None = None
    home: str | None = None
    day: date | None = None
    new_persons: dict[str, Actor] = field(default_factory=dict)
    mentioned: set[str] = field(default_factory=set)
    by_party: dict[str, Mention] = field(default_factory=dict)
    pairs: Counter = field(default_factory=Counter)
    by_role: dict[str, Mention] = field(default_factory=dict)
    last_state: Mention | None = None

    def main_partner(self, party: str | None) -> Mention | None:
        """The party the article pairs most often with ``party`` (or the commonest pair's first
        member when ``party`` is None): what «دو کشور» and «طرفین» refer to."""
        for pair, _ in self.pairs.most_common():
            if party is None or party in pair:
                other = sorted(pair - {party})[0] if party else sorted(pair)[0]
                return self.by_party.get(other)
        return None


@dataclass(frozen=True, slots=True)
class _Title:
    role: str
    country: str | None
    ambiguous: bool = False
    home: bool = True


class ActorFinder:
    """Finds actor mentions in normalised sentences of one language."""

    def __init__(self, gazetteer: GazetteerData, lang: str) -> None:
        self.gazetteer = gazetteer
        self.lang = lang
        self.composition = COMPOSITION.get(lang, Composition())
        self._actors = {**gazetteer.countries, **gazetteer.organizations, **gazetteer.groups,
                        **gazetteer.persons}
        # Territories (Hong Kong, Greenland) are not parties of international events: news about
        # them is about their sovereign's domestic affairs or is geography.
        territories = {k for k, status in gazetteer.country_status.items() if status == "territory"}
        forms = [f for f in gazetteer.surface_forms if f.lang == lang and f.actor_key in self._actors
                 and f.actor_key not in territories]
        self._names = PhraseMatcher((f.text, (f.actor_key, f.kind)) for f in forms if not f.ambiguous)
        # Ambiguous forms («بردی‌محمدوف»: father or son; «عمان»: Oman or Amman) count only when the
        # article has already named one of their bearers unambiguously.
        self._ambiguous = PhraseMatcher((f.text, (f.actor_key, f.kind)) for f in forms if f.ambiguous)
        # Names that contain a state's name but are something else (a newspaper «اسرائیل الیوم», a
        # lobby «کمیته یهودی آمریکایی», a university «دانشگاه تهران», a cable «کابل برق»): no party.
        self._non_parties = PhraseMatcher((f.text, f.kind) for f in gazetteer.non_parties if f.lang == lang)
        titles = [t for t in gazetteer.office_titles if t.lang == lang]
        self._titles = PhraseMatcher((t.text, _Title(t.role, t.country or None, t.ambiguous, t.home)) for t in titles)
        cues = load_cues(lang)
        self._anaphora = PhraseMatcher((c.phrase, (c.kind, c.value)) for c in cues
                                       if c.kind in ("anaphora-person", "anaphora-country", "home-country",
                                                     "counterpart"))

    @classmethod
    @cache
    def default(cls, lang: str) -> ActorFinder:
        """The finder over the bundled gazetteer (built once per language)."""
        return cls(load_gazetteer(), lang)

    def actor(self, key: str) -> Actor | None:
        """A gazetteer actor by key."""
        return self._actors.get(key)

    def find(self, text: str, sentence: int, discourse: Discourse) -> list[Mention]:
        """Mentions of actors in ``text`` (sentence number ``sentence``), left to right."""
        blocked = self._non_parties.find(text)
        names = _outside(self._names.find(text), blocked)
        ambiguous = _outside(self._ambiguous.find(text), blocked)
        names = self._state_words(text, names, ambiguous)
        names = sorted(names + self._resolved_ambiguous(text, names, ambiguous, discourse), key=lambda m: m.start)
        titles = _outside(self._titles.find(text), blocked)
        # After an office title an ambiguous name that can be a state is that state («وزیر خارجه عمان»).
        states_after_titles = [Match(h.start, h.end, h.text, tuple(p for p in h.payloads if self._state_name(p)))
                               for h in ambiguous
                               if sum(1 for p in h.payloads if self._state_name(p)) == 1
                               and any(_GAP.match(text[t.end:h.start]) for t in titles if t.end <= h.start)]
        names = sorted(names + [h for h in states_after_titles
                                if not any(n.start <= h.start < n.end for n in names)], key=lambda m: m.start)
        recalled = _recalled(text, names, discourse) if self.composition.recall_new_persons else []
        refs = _outside(self._anaphora.find(text), blocked)
        mentions: list[Mention] = []
        used: set[int] = set()  # start offsets of name matches consumed by an office phrase
        first_role: str | None = None
        for title in titles:
            mention, consumed, role = self._office_mention(text, sentence, title, names, discourse)
            used.update(consumed)
            first_role = first_role or role
            if mention:
                mentions.append(mention)
                if role and mention.actor.party:
                    discourse.by_role[role] = mention
        for hit in names:
            if hit.start in used or _inside(hit, mentions):
                continue
            key, kind = hit.payloads[0]
            mentions.append(Mention(self.gazetteer.as_of(self._actors[key], discourse.day), hit.text,
                                    sentence, hit.start, hit.end,
                                    via=kind if kind in ("demonym", "capital") else "gazetteer"))
            office = mentions[-1].actor.office_on(discourse.day) if mentions[-1].actor.country else None
            if office is not None and (discourse.day is None or office.held_on(discourse.day)):
                discourse.by_role[office.role] = mentions[-1]
        for hit in recalled:
            if not any(m.start < hit.end and hit.start < m.end for m in mentions):
                key = hit.payloads[0][0]
                mentions.append(Mention(discourse.new_persons[key], hit.text, sentence, hit.start, hit.end,
                                        "role-pattern"))
        if self.composition.counterpart_after_state:
            mentions = self._counterparts_before(text, sentence, refs, mentions, first_role, discourse)
            refs = [r for r in refs if r.payloads[0][0] != "counterpart"]
        for ref in refs:
            if not _inside(ref, mentions):
                mention = self._reference(text, sentence, ref, names, ambiguous, used, first_role, discourse)
                if mention:
                    mentions.append(mention)
        mentions = self._designated(mentions)
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            if m.actor.kind is ActorKind.COUNTRY:
                discourse.last_state = m
        discourse.mentioned.update(m.actor.key for m in mentions)
        for m in mentions:
            discourse.by_party.setdefault(m.actor.party, m)
        return mentions

    def _designated(self, mentions: list[Mention]) -> list[Mention]:
        """A negotiating format's name («سه کشور اروپایی», «گروه ۱+۵») stands for its member states:
        one mention of each, over the same words."""
        out: list[Mention] = []
        for m in mentions:
            states = self.gazetteer.designated_states(m.actor) if m.actor.kind is ActorKind.GROUP else ()
            out += [Mention(self._actors[c], m.text, m.sentence, m.start, m.end, m.via)
                    for c in states if c in self._actors] or [m]
        return out

    def _state_words(self, text: str, names: list[Match], ambiguous: list[Match]) -> list[Match]:
        """«کشور آذربایجان» → the state (a state's name after «کشور»); «طرف چینی», «طرف‌های ایرانی و
        روس» → the states (demonyms after «طرف», the sides in talks). Each becomes one match from the
        word on, with the one payload that fits; names elsewhere are kept as they are.

        >>> finder = ActorFinder.default("fa")                                   # doctest: +SKIP
        >>> [m.text for m in finder._state_words("کشور آذربایجان", [], finder._ambiguous.find("کشور آذربایجان"))]  # doctest: +SKIP
        ['کشور آذربایجان']
        """
        hits = sorted(names + [h for h in ambiguous if not any(n.start <= h.start < n.end for n in names)],
                      key=lambda m: m.start)
        out: list[Match] = []
        side_end = -1  # where the last «طرف <demonym>» ended: «و <demonym>» after it is a side too
        for hit in hits:
            window = max(0, hit.start - 16)
            state = self._one_state(hit, ("name", "official", "variant"))
            demonym = self._one_state(hit, ("demonym",))
            word = _STATE_WORD.search(text, window, hit.start) if state else None
            side = _SIDE_WORD.search(text, window, hit.start) if demonym else None
            if word or side:
                start = (word or side).start()
                out.append(Match(start, hit.end, text[start:hit.end], (state or demonym,)))
                side_end = hit.end if side else -1
            elif demonym and side_end >= 0 and _AND.match(text, side_end, hit.start):
                out.append(Match(hit.start, hit.end, hit.text, (demonym,)))
                side_end = hit.end
            elif hit in names:
                out.append(hit)
        return out

    def _one_state(self, hit: Match, kinds: tuple[str, ...]) -> tuple[str, str] | None:
        """The payload of ``hit`` that is a state's form of one of ``kinds``, when exactly one state has it."""
        fits = [p for p in hit.payloads if p[1] in kinds and self._actors[p[0]].kind is ActorKind.COUNTRY]
        return fits[0] if len({p[0] for p in fits}) == 1 else None

    def _resolved_ambiguous(self, text: str, names: list[Match], ambiguous: list[Match],
                            discourse: Discourse) -> list[Match]:
        """Ambiguous forms that name exactly one actor this article has already named (or names
        unambiguously in this very sentence), or the state of an actor it named (an Omani
        minister named: «عمان» is Oman)."""
        here = discourse.mentioned | {hit.payloads[0][0] for hit in names}
        here |= {self._actors[key].country for key in here if key in self._actors and self._actors[key].country}
        resolved = []
        for hit in ambiguous:
            if any(n.start <= hit.start < n.end for n in names):
                continue
            known = [p for p in hit.payloads if p[0] in here]
            if len({key for key, _ in known}) == 1:
                resolved.append(Match(hit.start, hit.end, hit.text, (known[0],)))
        return resolved

    # -- offices -------------------------------------------------------------------------------
    def _office_mention(self, text: str, sentence: int, title: Match, names: list[Match],
                        discourse: Discourse) -> tuple[Mention | None, set[int], str | None]:
        spec: _Title = title.payloads[0]
        if _PLURAL_BEFORE.search(text, 0, title.start):
            # «دو رئیس‌جمهور», «دو وزیر خارجه»: the pair the article is about, not one office holder.
            return None, set(), spec.role
        former = _FORMER.match(text, title.end)
        if former:
            # «مشاور امنیت ملی سابق کاخ سفید»: the state names the former office, it is no party.
            state = _next_name(text, former.end(), names, self._is_state)
            return None, {state.start} if state else set(), spec.role
        then = _THEN.match(text, title.end)
        current = _CURRENT.match(text, title.end)
        after_title = then.end() if then else current.end() if current else title.end
        country_hit = _next_name(text, after_title, names, self._is_body) or self._shared_word(title, names)
        country = spec.country
        start, end = title.start, title.end
        consumed: set[int] = set()
        state_before = self._state_before(text, title, names)
        if state_before:
            # "Iranian Foreign Minister …", "Saudi Arabia's King …": one mention from the state on.
            country = self._actors[state_before.payloads[0][0]].country
            start = state_before.start
            consumed.add(state_before.start)
            country_hit = None
        body = None  # an IGO or group whose office the title is («نماینده ویژه سازمان ملل»)
        if country_hit and not self._is_state(country_hit):
            body, country_hit = self._actors[country_hit.payloads[0][0]], None
            end = next(n.end for n in names if n.start >= title.end and n.payloads[0][0] == body.key)
            consumed.update(n.start for n in names if n.start >= title.end and n.end <= end)
        if country_hit:
            country = self._actors[country_hit.payloads[0][0]].country
            end = country_hit.end
            consumed.add(country_hit.start)
        elif self.composition.state_before_title:
            end, country = self._title_complements(text, spec, end, country, names, consumed)
        if self.composition.host_after_sender and spec.role in _ENVOY_ROLES and (country or body):
            end = self._host(text, end, spec, names, consumed)
        person_hit = _next_name(text, end, names, self._is_person, apposition=True)
        before = _previous_name(text, start, names, self._is_person)
        if person_hit:
            consumed.add(person_hit.start)
            person = self._actors[person_hit.payloads[0][0]]
            return Mention(person, text[start:person_hit.end], sentence, start, person_hit.end,
                           "gazetteer"), consumed, spec.role
        if before and not state_before:
            # «حسن روحانی رئیس‌جمهور ایران»: the name already stands as a mention; absorb the title.
            consumed.add(before.start)
            person = self._actors[before.payloads[0][0]]
            return Mention(person, text[before.start:end], sentence, before.start, end,
                           "gazetteer"), consumed, spec.role
        if body is not None:
            holder = self.gazetteer.person_for_office(spec.role, body.key, discourse.day) if discourse.day else None
            actor = holder or self.gazetteer.as_of(body, discourse.day)
            return Mention(actor, text[start:end], sentence, start, end, "office"), consumed, spec.role
        if country is None:
            country, end = self._anaphoric_state(text, end, discourse)
        if country is None:
            country, end = self._this_country(text, title, end, names, discourse)
        if then and country_hit:
            # «جان کری، وزیر خارجه وقت آمریکا»: the state; the holder then is not the one on the article's date.
            state = self._actors.get(country)
            return (Mention(state, text[start:end], sentence, start, end, "office") if state else None), consumed, spec.role
        if country is None:
            if spec.ambiguous or spec.role not in _HOME_ROLES or not discourse.home:
                return None, consumed, spec.role
            earlier = self._foreign_holder(spec.role, discourse, home_named_too=not spec.home)
            if earlier is not None:
                return Mention(earlier.actor, text[start:end], sentence, start, end, "office"), consumed, spec.role
            if not spec.home:
                return None, consumed, spec.role
            country = discourse.home
        new_person = self._role_pattern(text, end, spec, country, discourse)
        if new_person:
            actor, name_end = new_person
            return Mention(actor, text[start:name_end], sentence, start, name_end,
                           "role-pattern"), consumed, spec.role
        holder = self.gazetteer.person_for_office(spec.role, country, discourse.day) if discourse.day else None
        actor = holder or self._actors.get(country)
        if actor is None:
            return None, consumed, spec.role
        return Mention(actor, text[start:end], sentence, start, end, "office"), consumed, spec.role

    def _host(self, text: str, end: int, spec: _Title, names: list[Match], consumed: set[int]) -> int:
        """Persian: «سفیر ایران در کویت», «نماینده آمریکا در امور سوریه», «فرستاده سازمان ملل به
        سوریه»: the state or body after «در», «در امور», «نزد» (or «به», «برای» for an envoy sent on
        a mission) is where the envoy serves or what they deal with, part of the mention and no
        party. Returns where the mention ends."""
        link = _HOST_FA.match(text, end)
        if link is None and spec.role in ("special-envoy", "diplomat"):
            link = _SENT_TO_FA.match(text, end)
        if link is None:
            return end
        hit = next((n for n in names if n.start == link.end() and self._is_body(n)), None)
        if hit is None:
            return end
        consumed.add(hit.start)
        return hit.end

    def _this_country(self, text: str, title: Match, end: int, names: list[Match],
                      discourse: Discourse) -> tuple[str | None, int]:
        """«پادشاه این کشور»: the state named last, in this sentence or before; «وزیر دفاع او»: the
        state of the person named last. Returns the state (or None) and where the mention ends."""
        this = _THIS_COUNTRY.match(text, end)
        if this:
            here = [n for n in names if n.end <= title.start and self._is_state(n)]
            if here:
                return self._actors[here[-1].payloads[0][0]].country, this.end()
            last = discourse.last_state
            return (last.actor.country, this.end()) if last is not None else (None, end)
        his = _HIS.match(text, end)
        if his:
            here = [n for n in names if n.end <= title.start and self._is_person(n)]
            person = self._actors[here[-1].payloads[0][0]] if here else (
                discourse.last_person.actor if discourse.last_person else None)
            if person is not None and person.country:
                return person.country, his.end()
        return None, end

    def _foreign_holder(self, role: str, discourse: Discourse, home_named_too: bool = False) -> Mention | None:
        """A bare «رئیس‌جمهور» in an article that has not named the home state is the president the
        article named before (foreign news about Bolivia: «رئیس‌جمهوری» is Morales, not Iran's); a
        bare title the home press never uses for Iran («پادشاه») is the one named before in any article."""
        if discourse.home in discourse.by_party and not home_named_too:
            return None
        earlier = discourse.by_role.get(role)
        return earlier if earlier is not None and earlier.actor.party != discourse.home else None

    def _shared_word(self, title: Match, names: list[Match]) -> Match | None:
        """«رئیس جمهوری کره جنوبی», «رئیس جمهوری اسلامی ایران»: a state's official name that begins
        inside the title («جمهوری») and runs past it names the title's state."""
        return next((n for n in names if title.start < n.start < title.end < n.end and self._is_state(n)), None)

    def _anaphoric_state(self, text: str, end: int, discourse: Discourse) -> tuple[str | None, int]:
        """«پادشاه کشورش», «وزیر خارجه کشور متبوعش»: a title followed by a phrase for the state of
        the last subject or person is that state's office (not the home state's). Returns the
        state (None when there is no such phrase or no one to refer to) and where the mention ends."""
        ref = next((r for r in self._anaphora.find(text[end:end + 30])
                    if r.payloads[0][0] in ("anaphora-country", "home-country")
                    and _GAP.match(text[end:end + r.start])), None)
        if ref is not None and ref.payloads[0][0] == "home-country":
            # «رئیس جمهور کشورمان»: the home state's office, whoever was named before.
            value = ref.payloads[0][1]
            return (value, end + ref.end) if value in self._actors else (None, end)
        anchor = discourse.last_subject or discourse.last_person
        if ref is None or anchor is None or not anchor.actor.country:
            return None, end
        return anchor.actor.country, end + ref.end

    def _role_pattern(self, text: str, end: int, spec: _Title, country: str,
                      discourse: Discourse) -> tuple[Actor, int] | None:
        """«<title> <state>، <new name>،» → a person the gazetteer does not know, with that office
        (English: "<state> <title> <New Name>")."""
        hit = self.composition.new_name.match(text[end:])
        if not hit:
            return None
        name = " ".join(hit.group(1).split())
        words = name.split()
        if not 2 <= len(words) <= 4 or not all(self.composition.name_word.match(w) for w in words):
            return None
        key = f"person:{slug(name)}"
        actor = discourse.new_persons.get(key)
        if actor is None:
            office = Office(role=spec.role, country=country, start=None, end=None)
            actor = Actor(key=key, kind=ActorKind.PERSON, name_en=name, name_fa=name,
                          country=country, offices=(office,))
            discourse.new_persons[key] = actor
        return actor, end + hit.end(1)

    # -- references ----------------------------------------------------------------------------
    def _reference(self, text: str, sentence: int, ref: Match, names: list[Match], ambiguous: list[Match],
                   used: set[int], first_role: str | None, discourse: Discourse) -> Mention | None:
        kind, value = ref.payloads[0]
        if kind == "anaphora-person" and discourse.last_person:
            return Mention(discourse.last_person.actor, ref.text, sentence, ref.start, ref.end, "anaphora")
        if kind == "anaphora-country":
            anchor = discourse.last_subject or discourse.last_person
            state = self._actors.get(anchor.actor.country or "") if anchor else None
            if state:
                return Mention(state, ref.text, sentence, ref.start, ref.end, "anaphora")
        if kind == "home-country" and value in self._actors:
            return Mention(self._actors[value], ref.text, sentence, ref.start, ref.end, "anaphora")
        if kind == "counterpart":
            # «همتای روس خود»: after «همتای» even an ambiguous demonym names a state.
            candidates = sorted(names + [Match(h.start, h.end, h.text, h.payloads[:1]) for h in ambiguous
                                         if len({p[0] for p in h.payloads}) == 1], key=lambda m: m.start)
            country_hit = _next_name(text, ref.end, candidates, self._is_state)
            if country_hit is None:
                return None
            used.add(country_hit.start)
            state = self._actors[country_hit.payloads[0][0]]
            holder = (self.gazetteer.person_for_office(first_role, state.country, discourse.day)
                      if first_role and discourse.day else None)
            return Mention(holder or state, text[ref.start:country_hit.end], sentence, ref.start,
                           country_hit.end, "office")
        return None

    def _title_complements(self, text: str, spec: _Title, end: int, country: str | None, names: list[Match],
                           consumed: set[int]) -> tuple[int, str | None]:
        """English: "<title> of <state>" names the office's state; "<envoy title> to <state or
        capital>" where the envoy serves (absorbed into the mention, no party)."""
        composition = self.composition
        for hit in names:
            if hit.start < end or not self._is_state(hit):
                continue
            if country is None and composition.title_of and composition.title_of.fullmatch(text, end, hit.start):
                consumed.add(hit.start)
                return hit.end, self._actors[hit.payloads[0][0]].country
            if spec.role in _ENVOY_ROLES and composition.title_host and composition.title_host.fullmatch(text, end, hit.start):
                consumed.add(hit.start)
                return hit.end, country
            break
        return end, country

    def _state_before(self, text: str, title: Match, names: list[Match]) -> Match | None:
        """English: the state name or demonym that stands right before an office title."""
        gap = self.composition.title_gap
        if not self.composition.state_before_title or gap is None:
            return None
        for hit in reversed(names):
            if hit.end <= title.start and self._is_state(hit) and gap.fullmatch(text, hit.end, title.start):
                return hit
            if hit.end < title.start - 40:
                return None
        return None

    def _counterparts_before(self, text: str, sentence: int, refs: list[Match], mentions: list[Mention],
                             first_role: str | None, discourse: Discourse) -> list[Mention]:
        """English: "(his) Russian counterpart" → the same office in that state (or the state),
        one mention that takes in the demonym and the possessive before it."""
        for ref in (r for r in refs if r.payloads[0][0] == "counterpart"):
            state = next((m for m in mentions if m.end <= ref.start and not text[m.end:ref.start].strip()
                          and m.actor.kind is ActorKind.COUNTRY), None)
            if state is None:
                continue
            start = state.start
            owner = next((r for r in refs if r.payloads[0][0] == "anaphora-person" and r.end <= state.start
                          and not text[r.end:state.start].strip()), None)
            if owner is not None:
                start = owner.start
            holder = (self.gazetteer.person_for_office(first_role, state.actor.country, discourse.day)
                      if first_role and discourse.day and state.actor.country else None)
            mention = Mention(holder or state.actor, text[start:ref.end], sentence, start, ref.end, "office")
            mentions = [m for m in mentions if not (start <= m.start and m.end <= ref.end)] + [mention]
        return mentions

    def _state_name(self, payload: tuple[str, str]) -> bool:
        """A gazetteer payload that is a state's own name (not its capital or demonym)."""
        key, kind = payload
        return self._actors[key].kind is ActorKind.COUNTRY and kind in ("name", "official", "variant")

    def _is_state(self, hit: Match) -> bool:
        actor = self._actors[hit.payloads[0][0]]
        return actor.kind is ActorKind.COUNTRY

    def _is_body(self, hit: Match) -> bool:
        """A state, an IGO or a group: what an office title may belong to."""
        return self._actors[hit.payloads[0][0]].kind is not ActorKind.PERSON

    def _is_person(self, hit: Match) -> bool:
        return self._actors[hit.payloads[0][0]].kind is ActorKind.PERSON


def _next_name(text: str, end: int, names: list[Match], accept, apposition: bool = False) -> Match | None:
    gap = _APPOSITION if apposition else _GAP
    for hit in names:
        if hit.start >= end and gap.match(text[end:hit.start]) and accept(hit):
            return hit
        if hit.start > end + 3:
            return None
    return None


def _previous_name(text: str, start: int, names: list[Match], accept) -> Match | None:
    for hit in reversed(names):
        if hit.end <= start and _APPOSITION.match(text[hit.end:start]) and accept(hit):
            return hit
        if hit.end < start - 3:
            return None
    return None


def _recalled(text: str, names: list[Match], discourse: Discourse) -> list[Match]:
    """Later mentions of people found by role pattern: their full name, last two words or surname
    ("Abdolreza Rahmani Fazli" → "Rahmani Fazli", "Fazli"), where no gazetteer name stands."""
    found: list[Match] = []
    for key, actor in discourse.new_persons.items():
        words = actor.name_en.split()
        forms = [actor.name_en, " ".join(words[-2:]), words[-1]]
        pattern = "|".join(re.escape(f) for f in dict.fromkeys(f for f in forms if len(f) >= 4))
        for hit in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text):
            start, end = hit.span()
            if not any(n.start < end and start < n.end for n in (*names, *found)):
                found.append(Match(start, end, hit.group(0), ((key, "recalled"),)))
    return found


def _outside(hits: list[Match], blocked: list[Match]) -> list[Match]:
    """The hits that do not overlap any blocked span (a non-party name)."""
    if not blocked:
        return hits
    return [h for h in hits if not any(b.start < h.end and h.start < b.end for b in blocked)]


def _inside(hit: Match, mentions: list[Mention]) -> bool:
    return any(m.start <= hit.start and hit.end <= m.end for m in mentions)
