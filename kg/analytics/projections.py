"""Networks projected from the knowledge graph: who acts towards whom, who works in which domain.

Everything here is read from the store with SPARQL, in the store's own engine (Oxigraph for real
collections); rdflib triples are never walked in Python. The answers become a table of events
(:class:`EventRecord`) and a table of actors (:class:`ActorInfo`), from which networkx graphs are
built:

=============================  ===========================================================
function                       graph
=============================  ===========================================================
:func:`interaction_graph`      actor → recipient, one edge per ordered pair, weighted by events
:func:`actor_domain_graph`     bipartite actor — topic, weighted by events
:func:`time_slices`            one interaction graph per month or year
=============================  ===========================================================

Nodes are actor keys as in :mod:`kg.facts` (``IRN``, ``CASPIAN``, ``person:masoud-pezeshkian``);
each carries ``label_en``, ``label_fa``, ``type`` (``Country``, ``Person``, ``Organization``,
``Group``), ``party`` (a state's ISO code, a person's state, an IGO's or group's acronym) and
``iri``. At ``level="state"`` a person is folded into the state it acts for (its ``party``).

Filters are checked and turned into SPARQL terms with rdflib (``.n3()``), never pasted as text:
categories must be PLOVER categories, quad classes 1–4, topics keys of the domain scheme, dates
real dates.

Example
-------
>>> from kg.store import open_store
>>> with open_store("memory:") as store:       # an empty store gives an empty graph
...     graph = interaction_graph(store, level="state", categories=["CONSULT"])
>>> graph.number_of_nodes(), graph.graph["level"]
(0, 'state')
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

import networkx as nx
from rdflib import Literal
from rdflib.term import Node

from kg.analytics.scores import categories_of, category_table, load_scores
from kg.errors import Errors, QueryError
from kg.rdf.namespaces import (
    ID, PLOVER, PREFIXES, RDF, RR, TOPIC, XSD, actor_iri, category_iri, topic_iri,
)

__all__ = [
    "LEVELS", "FREQUENCIES", "EventFilter", "EventRecord", "ActorInfo",
    "event_records", "actor_info", "actor_key", "period_of",
    "build_interaction_graph", "interaction_graph", "actor_domain_graph", "time_slices",
    "records_by_period", "topic_labels", "event_pairs", "node_folder", "check_level",
]

LEVELS = ("actor", "state")
FREQUENCIES = ("month", "year")
ACTOR_TYPES = ("Country", "Person", "Organization", "Group")

_PROLOG = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in {**PREFIXES, "rdf": RDF}.items())
_TOPIC_KEY = re.compile(r"^[a-z][a-z0-9-]*$")
_ACTOR_BASE = str(ID["actor/"])
_PERSON_BASE = str(ID["person/"])


# -- filters --------------------------------------------------------------------------------------

def _bad(param: str, value: object, kind: str) -> QueryError:
    return QueryError(Errors.E403, name="analytics", param=param, value=value, kind=kind)


def _as_date(value: date | str | None, param: str) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _bad(param, value, "date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class EventFilter:
    """Which events a projection reads; ``None`` means no restriction.

    Build it with :meth:`make`, which checks every value (``KG403`` on a bad one) and turns quad
    classes into categories.

    >>> EventFilter.make(quad_classes=[2]).categories
    ('AID', 'COOPERATE', 'RETREAT')
    """

    categories: tuple[str, ...] | None = None
    since: date | None = None
    until: date | None = None
    topics: tuple[str, ...] | None = None

    @classmethod
    def make(cls, *, categories: Iterable[str] | None = None, quad_classes: Iterable[int] | None = None,
             since: date | str | None = None, until: date | str | None = None,
             topics: Iterable[str] | None = None, table: Mapping | None = None) -> EventFilter:
        """Check the options and build the filter.

        Parameters
        ----------
        categories: PLOVER category names (any case).
        quad_classes: PLOVER quad classes 1–4; combined with ``categories`` by intersection.
        since, until: inclusive bounds on the event's ``rr:date`` (dateless events drop out).
        topics: domain keys; an event matches a topic or any narrower one (``energy`` ⊃ ``gas``).
        table: the category table (:func:`~kg.analytics.scores.category_table`), default the file.
        """
        table = table or load_scores()
        wanted: set[str] | None = None
        if categories is not None:
            if isinstance(categories, str):
                categories = [categories]
            wanted = set()
            for name in categories:
                if not isinstance(name, str) or name.upper() not in table:
                    raise _bad("categories", name, "PLOVER category")
                wanted.add(name.upper())
        if quad_classes is not None:
            quads = set()
            for quad in ([quad_classes] if isinstance(quad_classes, int) else quad_classes):
                if quad not in (1, 2, 3, 4) or isinstance(quad, bool):
                    raise _bad("quad_classes", quad, "PLOVER quad class (1-4)")
                quads.add(quad)
            by_quad = categories_of(quads, table)
            wanted = by_quad if wanted is None else wanted & by_quad
        if topics is not None:
            topics = [topics] if isinstance(topics, str) else list(topics)
            for key in topics:
                if not isinstance(key, str) or not _TOPIC_KEY.match(key):
                    raise _bad("topics", key, "topic key")
        return cls(categories=None if wanted is None else tuple(sorted(wanted)),
                   since=_as_date(since, "since"), until=_as_date(until, "until"),
                   topics=None if topics is None else tuple(sorted(set(topics))))

    def with_narrower_topics(self, store) -> EventFilter:
        """The same filter with every topic narrower than its topics added (``skos:broader+`` in
        the store's domain scheme), so that ``energy`` also matches events about ``gas``.

        One small query on the scheme; the event query then joins on a plain list of topics,
        which Oxigraph answers far faster than a property path inside a per-event filter.
        """
        if not self.topics:
            return self
        terms = " ".join(topic_iri(key).n3() for key in self.topics)
        result = store.query(f"{_PROLOG}SELECT DISTINCT ?narrow WHERE {{ VALUES ?wanted {{ {terms} }} "
                             "GRAPH ?scheme { ?narrow skos:broader+ ?wanted } }")
        base = str(TOPIC)
        narrower = {_local(str(row[0]), base) for row in result.rows if str(row[0]).startswith(base)}
        return replace(self, topics=tuple(sorted(set(self.topics) | narrower)))

    def sparql(self) -> str:
        """The SPARQL clauses of this filter, over ``?event ?category ?date`` in graph ``?g``.

        Topics are matched as they are: call :meth:`with_narrower_topics` first to include
        narrower ones (:func:`event_records` does).
        """
        if self.categories == () or self.topics == ():
            # Nothing can match. Not an empty VALUES block (rdflib 7.6 fails on it), nor
            # FILTER(false) (rdflib 7.6 lets every row through).
            return "FILTER(1 = 0)"
        clauses = []
        if self.categories is not None:
            terms = " ".join(category_iri(name).n3() for name in self.categories)
            clauses.append(f"VALUES ?category {{ {terms} }}")
        if self.since is not None:
            clauses.append(f"FILTER(?date >= {Literal(self.since, datatype=XSD.date).n3()})")
        if self.until is not None:
            clauses.append(f"FILTER(?date <= {Literal(self.until, datatype=XSD.date).n3()})")
        if self.topics is not None:
            terms = " ".join(topic_iri(key).n3() for key in self.topics)
            clauses.append(f"FILTER EXISTS {{ VALUES ?topic {{ {terms} }} GRAPH ?g {{ ?event rr:topic ?topic }} }}")
        return "\n  ".join(clauses)


# -- the event and actor tables ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event as the projections see it: its IRI, category, date and parties (actor keys)."""

    iri: str
    category: str
    date: date | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """What the graph says about an actor: labels, type and party code."""

    key: str
    iri: str
    type: str = ""
    label_en: str = ""
    label_fa: str = ""
    party: str = ""

    @classmethod
    def unknown(cls, key: str) -> ActorInfo:
        """Info for an actor the store does not describe: its key stands in for label and party."""
        return cls(key, key if "://" in key else str(actor_iri(key)), "", key, "", key)

    def attributes(self) -> dict[str, str]:
        """Node attributes for networkx."""
        return {"label_en": self.label_en, "label_fa": self.label_fa, "type": self.type,
                "party": self.party, "iri": self.iri}


def actor_key(iri: str) -> str:
    """The actor key of an actor IRI (the inverse of :func:`kg.rdf.namespaces.actor_iri`).

    >>> actor_key("https://w3id.org/rrkg/id/actor/IRN"), actor_key("https://w3id.org/rrkg/id/person/x")
    ('IRN', 'person:x')
    """
    if iri.startswith(_ACTOR_BASE):
        return iri[len(_ACTOR_BASE):]
    if iri.startswith(_PERSON_BASE):
        return "person:" + iri[len(_PERSON_BASE):]
    return iri


def _local(iri: str, base: str) -> str:
    return iri[len(base):] if iri.startswith(base) else iri


def _to_date(term: Node | None) -> date | None:
    if term is None:
        return None
    value = term.toPython() if isinstance(term, Literal) else None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:  # an ill-typed literal: keep what reads as a date
        return date.fromisoformat(str(term)[:10])
    except ValueError:
        return None


_EVENTS_QUERY = """{prolog}
SELECT ?event ?category ?date ?side ?actor WHERE {{
  VALUES (?side ?role) {{ ("actor" rr:actor) ("recipient" rr:recipient) }}
  GRAPH ?g {{
    ?event a rr:Event ; rr:category ?category ; ?role ?actor .
    OPTIONAL {{ ?event rr:date ?date }}
  }}
  {filters}
}}"""

_TOPICS_QUERY = """{prolog}
SELECT ?event ?topic WHERE {{
  GRAPH ?g {{
    ?event a rr:Event ; rr:category ?category ; rr:topic ?topic .
    OPTIONAL {{ ?event rr:date ?date }}
  }}
  {filters}
}}"""


def event_records(store, where: EventFilter | None = None, *, with_topics: bool = False) -> list[EventRecord]:
    """The events of the store that pass ``where``, sorted by IRI.

    Two SELECT queries (parties; topics when ``with_topics``) run in the store's engine. An event
    with two dates keeps the earliest.

    Parameters
    ----------
    store: a :class:`~kg.store.Store`.
    where: an :class:`EventFilter`; None for every event.
    with_topics: also read each event's ``rr:topic`` keys.
    """
    filters = (where or EventFilter()).with_narrower_topics(store).sparql()
    result = store.query(_EVENTS_QUERY.format(prolog=_PROLOG, filters=filters))
    index = {name: i for i, name in enumerate(result.vars)}
    category_of: dict[str, str] = {}
    date_of: dict[str, date | None] = {}
    sides: dict[str, tuple[set[str], set[str]]] = {}
    plover = str(PLOVER)
    for row in result.rows:
        event = str(row[index["event"]])
        category_of.setdefault(event, _local(str(row[index["category"]]), plover))
        day = _to_date(row[index["date"]])
        if event not in date_of or (day is not None and (date_of[event] is None or day < date_of[event])):
            date_of[event] = day
        actors, recipients = sides.setdefault(event, (set(), set()))
        (actors if str(row[index["side"]]) == "actor" else recipients).add(actor_key(str(row[index["actor"]])))
    topics: dict[str, set[str]] = defaultdict(set)
    if with_topics:
        result = store.query(_TOPICS_QUERY.format(prolog=_PROLOG, filters=filters))
        base = str(TOPIC)
        for event, topic in result.rows:
            topics[str(event)].add(_local(str(topic), base))
    return [EventRecord(event, category_of[event], date_of[event], tuple(sorted(sides[event][0])),
                        tuple(sorted(sides[event][1])), tuple(sorted(topics.get(event, ()))))
            for event in sorted(sides)]


# FILTER IN rather than VALUES: rdflib joins VALUES blocks before the graph patterns, which made
# this query take 80 s on a memory store of ten articles (0.5 s now); Oxigraph answers both alike.
_ACTORS_QUERY = """{prolog}
SELECT ?actor ?p ?o WHERE {{
  GRAPH ?g {{ ?actor a ?type . FILTER(?type IN (rr:Country, rr:Person, rr:Organization, rr:Group)) }}
  GRAPH ?h {{ ?actor ?p ?o . FILTER(?p IN (rdf:type, rdfs:label, rr:country, rr:iso3, rr:acronym)) }}
}}"""


def actor_info(store) -> dict[str, ActorInfo]:
    """Every typed actor of the store (actors graph and article graphs) by key.

    Where the graph holds several labels in one language the smallest is taken, so the answer
    does not depend on the engine's row order.
    """
    values: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    rr = str(RR)
    for iri, predicate, obj in store.query(_ACTORS_QUERY.format(prolog=_PROLOG)).rows:
        name = str(predicate).rsplit("#", 1)[-1]
        if name == "label":
            lang = (getattr(obj, "language", None) or "").lower()
            values[str(iri)][f"label_{lang or 'none'}"].add(str(obj))
        elif name == "type":
            kind = _local(str(obj), rr)
            if kind in ACTOR_TYPES:
                values[str(iri)]["type"].add(kind)
        else:
            values[str(iri)][name].add(str(obj))
    return {actor_key(iri): _actor(iri, found) for iri, found in values.items()}


def _actor(iri: str, found: Mapping[str, set]) -> ActorInfo:
    key = actor_key(iri)

    def first(name: str) -> str:
        return min(found.get(name, ()), default="")

    # A class named by several types (should not happen) resolves in the order of ACTOR_TYPES.
    kind = next((t for t in ACTOR_TYPES if t in found.get("type", ())), "")
    if kind == "Person":
        party = actor_key(first("country")) if found.get("country") else key
    elif kind == "Country":
        party = first("iso3") or key
    else:
        party = first("acronym") or key
    label_en = first("label_en") or first("label_none")
    return ActorInfo(key, iri, kind, label_en, first("label_fa"), party)


# -- building graphs --------------------------------------------------------------------------------

def check_level(level: str) -> None:
    """Raise ``KG403`` unless ``level`` is one of :data:`LEVELS`."""
    if level not in LEVELS:
        raise _bad("level", level, "level (actor or state)")


def node_folder(actors: Mapping[str, ActorInfo], level: str) -> Callable[[str], str]:
    """A function actor key → node key: itself, or at state level the state a person acts for."""
    if level == "actor":
        return lambda key: key
    return lambda key: actors[key].party if key in actors and actors[key].type == "Person" else key


def event_pairs(record: EventRecord, fold: Callable[[str], str] = str) -> set[tuple[str, str]]:
    """Ordered (source, target) node pairs of one event, without self-loops.

    actor → recipient; an event without recipients (``X and Y agreed``, all parties actors) links
    every actor with every other one in both directions.
    """
    actors = {fold(a) for a in record.actors}
    targets = {fold(r) for r in record.recipients} if record.recipients else actors
    return {(a, t) for a in actors for t in targets if a != t}


def build_interaction_graph(records: Iterable[EventRecord], actors: Mapping[str, ActorInfo], *,
                            level: str = "actor", multi: bool = False) -> nx.DiGraph:
    """The interaction graph of ``records`` (see :func:`interaction_graph`), without a store.

    >>> records = [EventRecord("e1", "CONSULT", None, ("IRN",), ("TKM",)),
    ...            EventRecord("e2", "AGREE", None, ("IRN", "TKM"))]
    >>> graph = build_interaction_graph(records, {})
    >>> graph["IRN"]["TKM"]["weight"], graph["IRN"]["TKM"]["categories"], graph["TKM"]["IRN"]["events"]
    (2, {'AGREE': 1, 'CONSULT': 1}, ['e2'])
    """
    check_level(level)
    fold = node_folder(actors, level)
    graph = nx.MultiDiGraph() if multi else nx.DiGraph()
    graph.graph.update(level=level, events=0, event_categories={})
    edges: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for record in records:
        pairs = event_pairs(record, fold)
        if not pairs:
            continue
        graph.graph["events"] += 1
        graph.graph["event_categories"][record.iri] = record.category
        for pair in sorted(pairs):
            edges[pair].append(record)
    for node in sorted({n for pair in edges for n in pair}):
        graph.add_node(node, **(actors.get(node) or ActorInfo.unknown(node)).attributes())
    for (source, target), found in sorted(edges.items()):
        if multi:
            for record in found:
                graph.add_edge(source, target, key=record.iri, weight=1, category=record.category,
                               date=record.date)
        else:
            graph.add_edge(source, target, weight=len(found), events=[r.iri for r in found],
                           categories=dict(sorted(Counter(r.category for r in found).items())))
    return graph


def interaction_graph(store, *, level: str = "actor", categories: Iterable[str] | None = None,
                      quad_classes: Iterable[int] | None = None, since: date | str | None = None,
                      until: date | str | None = None, topics: Iterable[str] | None = None,
                      multi: bool = False) -> nx.DiGraph:
    """Who acts towards whom: the directed interaction network of the store's events.

    Nodes are actors (see the module docstring for their attributes); at ``level="state"``
    persons are folded into the state they act for, so that «Pezeshkian called Berdimuhamedov»
    becomes IRN → TKM. An edge ``u → v`` means u was an actor and v a recipient of at least one
    event; an event with no recipient but several actors (a joint statement) links its actors
    both ways. Self-loops (an actor to itself, or two officials of one state at state level) are
    left out, and so are actors that take part in no edge.

    Edge attributes: ``weight`` (number of events), ``events`` (their IRIs, sorted) and
    ``categories`` (PLOVER category → number of events). With ``multi=True`` a
    :class:`~networkx.MultiDiGraph` holds one edge per event instead (key: the event IRI;
    attributes ``weight=1``, ``category``, ``date``).

    Graph attributes: ``level``, ``events`` (events that made at least one edge) and
    ``event_categories`` (event IRI → category, so that dyad measures count each event once).

    Parameters
    ----------
    store: a :class:`~kg.store.Store`.
    level: ``"actor"`` or ``"state"``.
    categories, quad_classes, since, until, topics: which events count (see :class:`EventFilter`).
    multi: one edge per event.

    Example
    -------
    >>> graph = interaction_graph(store, level="state", quad_classes=[1, 2])  # doctest: +SKIP
    >>> graph["IRN"]["TKM"]["weight"]                                          # doctest: +SKIP
    3
    """
    where = EventFilter.make(categories=categories, quad_classes=quad_classes, since=since,
                             until=until, topics=topics, table=_table(store, categories, quad_classes))
    return build_interaction_graph(event_records(store, where), actor_info(store), level=level,
                                   multi=multi)


def _table(store, categories, quad_classes):
    """The category table, read from the store only when a filter needs it."""
    return category_table(store) if categories is not None or quad_classes is not None else None


def actor_domain_graph(store, *, level: str = "actor", categories: Iterable[str] | None = None,
                       quad_classes: Iterable[int] | None = None, since: date | str | None = None,
                       until: date | str | None = None) -> nx.Graph:
    """Who works in which domain: the bipartite graph of actors and topics.

    Actor nodes (``bipartite=0``) are as in :func:`interaction_graph`; topic nodes
    (``bipartite=1``) are ``topic:<key>`` with ``type="Topic"``, ``key`` and ``label_en`` /
    ``label_fa`` (the scheme's ``skos:prefLabel`` when the store holds it, else the key). An edge
    actor — topic means the actor took part (either side) in at least one event about that
    topic; ``weight`` counts those events, ``events`` lists them.

    >>> graph = actor_domain_graph(store, level="state")          # doctest: +SKIP
    >>> graph["IRN"]["topic:gas"]["weight"]                        # doctest: +SKIP
    2
    """
    check_level(level)
    where = EventFilter.make(categories=categories, quad_classes=quad_classes, since=since,
                             until=until, table=_table(store, categories, quad_classes))
    records = event_records(store, where, with_topics=True)
    actors = actor_info(store)
    fold = node_folder(actors, level)
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for record in records:
        for node in sorted({fold(k) for k in (*record.actors, *record.recipients)}):
            for topic in record.topics:
                links[(node, topic)].append(record.iri)
    graph = nx.Graph(level=level)
    labels = topic_labels(store) if links else {}
    for node in sorted({n for n, _ in links}):
        graph.add_node(node, bipartite=0, **(actors.get(node) or ActorInfo.unknown(node)).attributes())
    for topic in sorted({t for _, t in links}):
        en, fa = labels.get(topic, ("", ""))
        graph.add_node(f"topic:{topic}", bipartite=1, type="Topic", key=topic,
                       label_en=en or topic, label_fa=fa or en or topic, party="", iri=str(topic_iri(topic)))
    for (node, topic), events in sorted(links.items()):
        graph.add_edge(node, f"topic:{topic}", weight=len(events), events=events)
    return graph


_TOPIC_LABELS_QUERY = """{prolog}
SELECT ?topic ?label WHERE {{
  GRAPH ?g {{ ?topic skos:prefLabel ?label }}
  FILTER(STRSTARTS(STR(?topic), "{base}"))
}}"""


def topic_labels(store) -> dict[str, tuple[str, str]]:
    """Topic key → (English label, Persian label) from the store's domain scheme ('' if none)."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for topic, label in store.query(_TOPIC_LABELS_QUERY.format(prolog=_PROLOG, base=TOPIC)).rows:
        lang = (getattr(label, "language", None) or "en").lower()
        found[_local(str(topic), str(TOPIC))][lang].add(str(label))
    return {key: (min(v.get("en", ()), default=""), min(v.get("fa", ()), default=""))
            for key, v in found.items()}


def period_of(day: date, freq: str = "month") -> str:
    """The period a date falls in: ``'2025-02'`` (month) or ``'2025'`` (year).

    >>> period_of(date(2025, 2, 10)), period_of(date(2025, 2, 10), "year")
    ('2025-02', '2025')
    """
    if freq == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if freq == "year":
        return f"{day.year:04d}"
    raise _bad("freq", freq, "frequency (month or year)")


def time_slices(store, freq: str = "month", *, level: str = "actor",
                categories: Iterable[str] | None = None, quad_classes: Iterable[int] | None = None,
                since: date | str | None = None, until: date | str | None = None,
                topics: Iterable[str] | None = None) -> dict[str, nx.DiGraph]:
    """The interaction graph of each month or year: period → graph, in time order.

    Each graph is what :func:`interaction_graph` gives for the events dated in that period
    (events without ``rr:date`` are left out); periods without any interaction are absent.

    >>> slices = time_slices(store, "year", level="state")        # doctest: +SKIP
    >>> list(slices)                                                # doctest: +SKIP
    ['2024', '2025']
    """
    if freq not in FREQUENCIES:
        raise _bad("freq", freq, "frequency (month or year)")
    where = EventFilter.make(categories=categories, quad_classes=quad_classes, since=since,
                             until=until, topics=topics, table=_table(store, categories, quad_classes))
    actors = actor_info(store)
    slices = {period: build_interaction_graph(found, actors, level=level)
              for period, found in records_by_period(event_records(store, where), freq).items()}
    return {period: graph for period, graph in slices.items() if graph.number_of_edges()}


def records_by_period(records: Sequence[EventRecord], freq: str) -> dict[str, list[EventRecord]]:
    """Dated records grouped by period, in time order."""
    by_period: dict[str, list[EventRecord]] = defaultdict(list)
    for record in records:
        if record.date is not None:
            by_period[period_of(record.date, freq)].append(record)
    return dict(sorted(by_period.items()))
