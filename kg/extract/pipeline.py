"""The extraction pipeline: an article in, its facts out (a pure function, no store, no RDF).

Steps, each a component of its own module with its own data file:

1. ``kg.text.prepare`` — normalise once, drop boilerplate, split sentences (keeps the original text);
2. :class:`~kg.extract.actors.ActorFinder` — actor mentions per sentence (gazetteer, offices, roles);
3. :class:`~kg.extract.events.EventAssembler` — triggers → events with parties, topics and dates;
4. discourse-level steps here: domains named in a sentence without an event go to the meeting or
   call they elaborate («… از جمله موضوعات مورد بحث بود»); one event per (category, parties) per
   article, its evidence the union of its sentences; PLOVER contexts derived from the domains.

Example
-------
>>> from kg.facts import Article
>>> facts = extract(Article(id="t", lang="fa", title="",
...     text="وزیر امور خارجه ایران در تماس تلفنی با وزیر امور خارجه عمان گفتگو کرد."))   # doctest: +SKIP
>>> [(e.category, e.mode, e.state_parties) for e in facts.events]                 # doctest: +SKIP
[('CONSULT', 'phone', ('IRN', 'OMN'))]
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from kg.extract.actors import HOME_COUNTRY, ActorFinder, Discourse
from kg.extract.events import EventAssembler, dedupe_side, with_topics
from kg.facts import Article, ArticleFacts, Event, EventDate, content_key
from kg.text import prepare

__all__ = ["Pipeline", "PipelineConfig", "extract", "merge_events"]

_CERTAINTY_RANK = {"exact": 0, "relative": 1, "uncertain": 2, "article": 3}


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Settings of a pipeline (the defaults are what ``kg ingest`` uses).

    min_confidence: events below it are dropped.
    merge: one event per (category, parties) per article.
    attach_back: domains of event-less sentences go to the meeting or call they elaborate.
    """

    min_confidence: float = 0.3
    merge: bool = True
    attach_back: bool = True


class Pipeline:
    """Extraction for one language; call it on an :class:`~kg.facts.Article`."""

    def __init__(self, lang: str, config: PipelineConfig | None = None) -> None:
        self.lang = lang
        self.config = config or PipelineConfig()
        self.actors = ActorFinder.default(lang)
        self.events = EventAssembler.default(lang)

    def __call__(self, article: Article) -> ArticleFacts:
        prepared = prepare(article)
        facts = ArticleFacts(article=article, key=content_key(prepared.body),
                             normalised_title=prepared.title, normalised_text=prepared.body,
                             sentences=list(prepared.sentences))
        discourse = Discourse(home=HOME_COUNTRY.get(self.lang), day=article.date)
        events: list[Event] = []
        last: list[Event] = []          # events of the latest sentence that had any
        last_index = -10
        for sentence in facts.sentences:
            mentions = self.actors.find(sentence.text, sentence.index, discourse)
            facts.mentions.extend(mentions)
            found = self.events.sentence(article.id, sentence, mentions, discourse, article.date)
            if found.events:
                events.extend(found.events)
                last, last_index = found.events, sentence.index
            elif found.topics and self.config.attach_back and last:
                if found.refers_back or sentence.is_bullet or sentence.index == last_index + 1:
                    target = _elaborated(events, last, found.refers_back)
                    events = [with_topics(e, found.topics) if e in target else e for e in events]
                    last = [with_topics(e, found.topics) if e in target else e for e in last]
        events = [_dated(e, article.date) for e in events]
        events = [e for e in events if e.provenance.confidence >= self.config.min_confidence]
        facts.events = merge_events(events) if self.config.merge else events
        facts.events = [_with_contexts(e) for e in facts.events]
        return facts


def _elaborated(events: list[Event], last: list[Event], refers_back: bool) -> list[Event]:
    """The events a topic-only sentence elaborates: the latest meeting or call when the sentence
    points back («در این دیدار»), else the cooperative events (and requests) of the sentence just
    before — the domains a sentence lists after an attack or an accusation are what the talks,
    agreements and aid are about, not the conflict."""
    if refers_back:
        consults = [e for e in events if e.category == "CONSULT"]
        if consults:
            return [consults[-1]]
    return [e for e in last if _open_to_domains(e.category)]


def _open_to_domains(category: str) -> bool:
    """Cooperation (quad classes 1 and 2) and REQUEST, whose object is often a domain."""
    return category in _cooperative_categories() or category == "REQUEST"


@cache
def _cooperative_categories() -> frozenset[str]:
    """The categories of quad classes 1 and 2, from the ontology's PLOVER scheme."""
    from kg.rdf.ontology import category_quad_class  # imported late like topic_contexts below

    return frozenset(name for name, quad in category_quad_class().items() if quad in (1, 2))


def _dated(event: Event, article_date) -> Event:
    if event.date is None and article_date is not None:
        return replace(event, date=EventDate(article_date, "article"))
    return event


def merge_events(events: list[Event]) -> list[Event]:
    """One event per (category, set of parties): topics, sentences, sides and alternatives united,
    the highest confidence and the most certain date kept."""
    merged: dict[tuple[str, frozenset[str]], Event] = {}
    for event in _merge_alternatives(events):
        key = (event.category, event.parties)
        current = merged.get(key)
        merged[key] = event if current is None else _merge_two(current, event)
    return list(merged.values())


def _merge_alternatives(events: list[Event]) -> list[Event]:
    """One act told once: two events of the same parties from one sentence whose categories are
    each other's alternatives («توافقنامه … امضا کردند» is AGREE or SUPPORT, «امضا» SUPPORT or
    AGREE) are one event, under the category of the more confident one."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: -e.provenance.confidence):
        twin = next((k for k in kept if k.parties == event.parties and set(k.sentences) & set(event.sentences)
                     and (event.category in k.alt_categories or k.category in event.alt_categories)), None)
        if twin is None:
            kept.append(event)
        else:
            merged = _merge_two(twin, replace(event, category=twin.category))
            kept[kept.index(twin)] = replace(merged, alt_categories=tuple(
                c for c in dict.fromkeys((*merged.alt_categories, event.category)) if c != twin.category))
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(kept, key=lambda e: order.get(id(e), len(order)))


def _merge_two(a: Event, b: Event) -> Event:
    """``a`` and ``b`` have the same category and parties; a party keeps the side it has in the
    more confident one, so that «X thanked Y» and «Y congratulated X» do not put both on one side."""
    if b.provenance.confidence > a.provenance.confidence:
        a, b = b, a
    recipient_parties = {m.actor.party for m in a.recipients}
    actor_parties = {m.actor.party for m in a.actors}
    moved = [m for m in (*b.actors, *b.recipients)]
    actors = _union(a.actors, tuple(m for m in moved if m.actor.party in actor_parties
                                    or (m in b.actors and m.actor.party not in recipient_parties)))
    actor_keys = {m.actor.key for m in actors}
    recipients = tuple(m for m in _union(a.recipients, tuple(moved)) if m.actor.key not in actor_keys
                       and m.actor.party not in actor_parties)
    dates = [d for d in (a.date, b.date) if d is not None]
    best_date = min(dates, key=lambda d: _CERTAINTY_RANK.get(d.certainty, 9)) if dates else None
    return replace(
        a, actors=tuple(dedupe_side(actors)), recipients=tuple(dedupe_side(recipients)), date=best_date,
        topics=tuple(dict.fromkeys((*a.topics, *b.topics))),
        alt_categories=tuple(dict.fromkeys((*a.alt_categories, *b.alt_categories))),
        sentences=tuple(sorted({*a.sentences, *b.sentences})),
        mode=a.mode or b.mode,
    )


def _union(first: tuple, second: tuple) -> tuple:
    seen: dict[str, object] = {}
    for mention in (*first, *second):
        seen.setdefault(mention.actor.key, mention)
    return tuple(seen.values())


@cache
def _topic_contexts() -> dict[str, str]:
    try:
        from kg.rdf.ontology import topic_contexts
    except ImportError:  # the ontology module is optional for extraction
        return {}
    return topic_contexts()


def _with_contexts(event: Event) -> Event:
    mapping = _topic_contexts()
    contexts = tuple(dict.fromkeys(mapping[t] for t in event.topics if t in mapping))
    return replace(event, contexts=contexts) if contexts else event


@cache
def _pipeline(lang: str) -> Pipeline:
    return Pipeline(lang)


def extract(article: Article) -> ArticleFacts:
    """Facts of one article with the default pipeline of its language."""
    return _pipeline(article.lang)(article)
