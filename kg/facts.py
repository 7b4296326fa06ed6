"""Plain dataclasses for what an article says: the seam between extraction and RDF.

Extraction (``kg.extract``) produces these objects and knows nothing of RDF; the RDF builder
(``kg.rdf``) consumes them and knows nothing of how they were found. Every field is plain Python
(str, int, float, date, tuples), so facts can be compared in tests, pickled to worker processes and
serialised to JSON.

Example
-------
>>> from datetime import date
>>> iran = Actor(key="IRN", kind=ActorKind.COUNTRY, name_en="Iran", name_fa="ایران",
...              country="IRN", wikidata="Q794")
>>> iran.party
'IRN'
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

__all__ = [
    "PLOVER_CATEGORIES",
    "Article",
    "Sentence",
    "ActorKind",
    "Office",
    "Actor",
    "Mention",
    "Provenance",
    "EventDate",
    "Event",
    "ArticleFacts",
    "content_key",
]


#: The 16 PLOVER event categories (Open Event Data Alliance, 2021 manual), cooperative ones first.
PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def content_key(normalised_text: str) -> str:
    """Stable key of an article: the first 32 hex digits of SHA-256 of its normalised text.

    Ingesting the same text twice (under any id or file name) gives the same key, so the same
    named graph is replaced rather than a second one added.
    """
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk, before any normalisation.

    Parameters
    ----------
    id: the id given at ingest (a ``.txt`` file's name without extension, a JSONL ``id``).
    lang: ISO 639-1 code (``fa``, ``en``), given or detected from the script.
    title, text: as read; ``text`` does not repeat the title.
    date: publication date when known.
    url, source: where it came from, when known.
    location: where it was read from (``path`` or ``path:line``), for error messages and provenance.
    """

    id: str
    lang: str
    title: str
    text: str
    date: date | None = None
    url: str | None = None
    source: str | None = None
    location: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the normalised article text.

    ``start``/``end`` are offsets into the normalised body (title first, then text, joined by a
    newline); ``original`` is the same span of the text as it was read, kept for provenance.
    """

    index: int
    text: str
    start: int
    end: int
    original: str
    is_title: bool = False
    is_bullet: bool = False


class ActorKind(str, Enum):
    """What sort of party an actor is; the value is the ontology class's local name."""

    COUNTRY = "Country"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    GROUP = "Group"


@dataclass(frozen=True, slots=True)
class Office:
    """A position held by a person for a state or organisation, for a span of time.

    ``role`` is a key of the office scheme (``head-of-state``, ``head-of-government``,
    ``foreign-minister``, ``ambassador``, …); ``country`` the ISO 3166-1 alpha-3 code (or an IGO
    acronym for an organisation's office); ``start``/``end`` are ``None`` when open or unknown.
    """

    role: str
    country: str
    title_en: str = ""
    title_fa: str = ""
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date) -> bool:
        """True when the office was held on ``day`` (open ends count as held)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to events: a state, a person, an organisation or a group of states.

    ``key`` is stable and unique across the graph: an ISO alpha-3 code for a state (``IRN``), an
    acronym for an IGO or group (``UN``, ``CASPIAN``), ``person:<slug>`` for a person.
    ``country`` is the state the actor acts for (a person's office country; a state's own code; the
    state a governing group governs, e.g. the Taliban → AFG); ``organization`` the IGO or group a
    person acts for when their office is not a state's (Guterres → UN).
    ``members`` lists member states of a group when known.
    """

    key: str
    kind: ActorKind
    name_en: str
    name_fa: str = ""
    country: str | None = None
    wikidata: str | None = None
    offices: tuple[Office, ...] = ()
    members: tuple[str, ...] = ()
    organization: str | None = None

    @property
    def party(self) -> str:
        """The party code of PLOVER records: the state acted for, else the IGO or group, else the key."""
        return self.country or self.organization or self.key

    @property
    def is_state_party(self) -> bool:
        """True when the actor counts as a state party: a state, a person acting for one, or a
        group that governs one (coded as that state too)."""
        return self.country is not None

    def office_on(self, day: date | None) -> Office | None:
        """The office held on ``day`` (or the latest one when ``day`` is None)."""
        if not self.offices:
            return None
        if day is None:
            return self.offices[-1]
        for office in self.offices:
            if office.held_on(day):
                return office
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of a sentence that names an actor (``text`` as it stands in the sentence)."""

    actor: Actor
    text: str
    sentence: int
    start: int
    end: int
    via: str = "gazetteer"  # gazetteer | role-pattern | anaphora | office | demonym | capital


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact came from and how sure the extractor is of it."""

    article: str
    sentence: int
    extractor: str
    confidence: float
    text: str = ""


@dataclass(frozen=True, slots=True)
class EventDate:
    """The date of an event and how it was found.

    ``certainty`` is ``exact`` (stated), ``relative`` (resolved from «دیروز», a weekday, …),
    ``article`` (the publication date, assumed) or ``uncertain``.
    """

    value: date
    certainty: str = "article"
    text: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event: who did what to whom, about what, when, and on what evidence.

    ``category`` is a PLOVER category (``CONSULT``, ``AGREE``, …); ``mode`` a PLOVER mode or
    ``None``; ``contexts`` PLOVER contexts; ``topics`` keys of the cooperation-domain scheme.
    ``actors`` initiate, ``recipients`` receive; when no side is clear all parties are actors.
    ``alt_categories`` lists other categories the evidence also supports (signing: SUPPORT+AGREE).
    """

    category: str
    actors: tuple[Mention, ...]
    recipients: tuple[Mention, ...]
    provenance: Provenance
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    date: EventDate | None = None
    trigger: str = ""
    alt_categories: tuple[str, ...] = ()
    sentences: tuple[int, ...] = ()

    @property
    def parties(self) -> frozenset[str]:
        """Party codes of every participant (actor and recipient)."""
        return frozenset(m.actor.party for m in (*self.actors, *self.recipients))

    @property
    def state_parties(self) -> tuple[str, ...]:
        """Sorted state parties (ISO codes) of all participants, as in gold records."""
        return tuple(sorted({m.actor.country for m in (*self.actors, *self.recipients)
                             if m.actor.is_state_party and m.actor.country}))


@dataclass(slots=True)
class ArticleFacts:
    """Everything extracted from one article: the input of the RDF builder."""

    article: Article
    key: str
    normalised_title: str
    normalised_text: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def actors(self) -> list[Actor]:
        """Distinct actors mentioned or taking part, in order of first appearance."""
        seen: dict[str, Actor] = {}
        for mention in self.mentions:
            seen.setdefault(mention.actor.key, mention.actor)
        for event in self.events:
            for mention in (*event.actors, *event.recipients):
                seen.setdefault(mention.actor.key, mention.actor)
        return list(seen.values())
