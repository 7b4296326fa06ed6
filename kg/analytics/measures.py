"""Measures on the interaction network, returned as plain rows (lists of dicts).

Rows print as tables, and write to CSV or JSON as they are (``kg analyze``). Each row names its
node or dyad by key and by ``label`` in the language asked (``lang="en"`` or ``"fa"``; a missing
label falls back to the other language, then to the key). Ties are broken by key, so the same
graph always gives the same rows.

======================================  =====================================================
function                                 answers
======================================  =====================================================
:func:`weighted_degree`                  who takes part in most interactions (in, out, both)
:func:`pagerank`                         who is central, weighting ties by events (scipy)
:func:`betweenness`                      who brokers between others (sampled on big graphs)
:func:`communities`                      which actors cluster together (Louvain, fixed seed)
:func:`ego_network`                      an actor's partners within ``radius`` steps
:func:`strongest_dyads`                  which pairs interact most, and how
:func:`dyad_domain_profile`              which pairs work together in which domains (store)
:func:`dyad_scores`                      how a pair moves between cooperation and conflict (store)
:func:`summary`                          the overview ``kg analyze`` prints (store)
======================================  =====================================================

Example
-------
>>> from kg.analytics.projections import EventRecord, build_interaction_graph
>>> graph = build_interaction_graph([EventRecord("e1", "CONSULT", None, ("IRN",), ("TKM",)),
...                                  EventRecord("e2", "ACCUSE", None, ("RUS",), ("TUR",)),
...                                  EventRecord("e3", "AGREE", None, ("IRN",), ("TKM",))], {})
>>> [(row["a"], row["b"], row["events"], row["score_mean"]) for row in strongest_dyads(graph)]
[('IRN', 'TKM', 2, 2.5), ('RUS', 'TUR', 1, -3.0)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from statistics import fmean
from typing import Any

import networkx as nx

from kg.analytics.projections import (
    ActorInfo, EventFilter, EventRecord, actor_info, check_level, event_pairs, event_records,
    interaction_graph, node_folder, records_by_period, topic_labels,
)
from kg.analytics.scores import CategoryInfo, category_table, load_scores
from kg.errors import Errors, QueryError

__all__ = [
    "Row", "label", "weighted_degree", "pagerank", "betweenness", "community_sets", "communities",
    "ego_network", "dyad_graph", "strongest_dyads", "dyad_domain_profile", "dyad_scores", "summary",
    "EXACT_BETWEENNESS_MAX_NODES",
]

Row = dict[str, Any]

#: Above this many nodes :func:`summary` estimates betweenness from a sample of sources.
EXACT_BETWEENNESS_MAX_NODES = 1000


def label(data: Mapping[str, Any], key: str, lang: str = "en") -> str:
    """The label of a node in ``lang``, else in the other language, else its key.

    >>> label({"label_en": "Iran", "label_fa": "ایران"}, "IRN", "fa"), label({}, "IRN")
    ('ایران', 'IRN')
    """
    other = "en" if lang == "fa" else "fa"
    return data.get(f"label_{lang}") or data.get(f"label_{other}") or key


def _top(rows: list[Row], top: int | None) -> list[Row]:
    return rows if top is None else rows[:top]


def _ranked(graph: nx.Graph, values: Mapping[str, float], name: str, lang: str,
            top: int | None) -> list[Row]:
    order = sorted(values, key=lambda node: (-values[node], node))
    return _top([{"node": node, "label": label(graph.nodes[node], node, lang), name: values[node]}
                 for node in order], top)


def weighted_degree(graph: nx.DiGraph, *, lang: str = "en", top: int | None = None) -> list[Row]:
    """Events each actor takes part in: as actor (``out``), as recipient (``in``), and in all.

    ``events`` is the in + out weight, so an event with two recipients counts twice for its
    actor; ``partners`` is the number of distinct actors it interacts with (either way).
    Sorted by ``events``, most first.
    """
    rows = []
    for node, data in graph.nodes(data=True):
        out_w = graph.out_degree(node, weight="weight") if graph.is_directed() else graph.degree(node, weight="weight")
        in_w = graph.in_degree(node, weight="weight") if graph.is_directed() else 0
        partners = set(graph.successors(node)) | set(graph.predecessors(node)) if graph.is_directed() \
            else set(graph.neighbors(node))
        rows.append({"node": node, "label": label(data, node, lang), "out": out_w, "in": in_w,
                     "events": out_w + in_w, "partners": len(partners)})
    rows.sort(key=lambda row: (-row["events"], row["node"]))
    return _top(rows, top)


def pagerank(graph: nx.Graph, *, alpha: float = 0.85, lang: str = "en", top: int | None = None) -> list[Row]:
    """PageRank with edges weighted by events (networkx's scipy implementation).

    On the directed graph, being the recipient of many actors' events raises an actor's rank:
    who others turn to. Sorted by ``pagerank``, highest first; the values sum to 1.
    """
    values = nx.pagerank(graph, alpha=alpha, weight="weight") if graph.number_of_nodes() else {}
    return _ranked(graph, values, "pagerank", lang, top)


def _distance(u: str, v: str, data: Mapping[str, Any]) -> float:
    """Length of an edge for shortest paths: the more events, the shorter the tie."""
    if "weight" not in data:  # a MultiGraph passes {key: data}
        return 1.0 / max(sum(d.get("weight", 1) for d in data.values()), 1)
    return 1.0 / max(data.get("weight", 1), 1)


def betweenness(graph: nx.Graph, *, k: int | None = None, seed: int = 0, lang: str = "en",
                top: int | None = None) -> list[Row]:
    """Betweenness centrality: how often an actor lies on the shortest paths between others.

    An edge's length is 1 / its number of events, so paths run along strong ties. ``k``: estimate
    from ``k`` sampled source nodes (networkx's own sampling, with ``seed``) instead of all of them
    — needed above a few thousand nodes. Normalised; sorted highest first.
    """
    if graph.number_of_nodes() == 0:
        return []
    if k is not None and k >= graph.number_of_nodes():
        k = None
    values = nx.betweenness_centrality(graph, k=k, seed=seed, weight=_distance, normalized=True)
    return _ranked(graph, values, "betweenness", lang, top)


def _undirected(graph: nx.Graph) -> nx.Graph:
    """The undirected graph of ties, weight = events both ways (for community detection)."""
    out = nx.Graph()
    out.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        previous = out.get_edge_data(u, v, default={"weight": 0})["weight"]
        out.add_edge(u, v, weight=previous + data.get("weight", 1))
    return out


def community_sets(graph: nx.Graph, *, seed: int = 42, resolution: float = 1.0) -> list[set[str]]:
    """Louvain communities of the undirected, event-weighted graph (networkx, fixed ``seed``).

    Returned largest first (ties: by smallest key), so community 1 is the biggest.
    """
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(_undirected(graph), weight="weight",
                                             resolution=resolution, seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def communities(graph: nx.Graph, *, seed: int = 42, resolution: float = 1.0, lang: str = "en") -> list[Row]:
    """Each actor's Louvain community (numbered from 1, the largest first), by community then key."""
    rows = []
    for number, members in enumerate(community_sets(graph, seed=seed, resolution=resolution), start=1):
        rows += [{"node": node, "label": label(graph.nodes[node], node, lang), "community": number}
                 for node in sorted(members)]
    return rows


def _bad(param: str, value: object, kind: str) -> QueryError:
    return QueryError(Errors.E403, name="analytics", param=param, value=value, kind=kind)


def ego_network(graph: nx.DiGraph, center: str, *, radius: int = 1, lang: str = "en") -> list[Row]:
    """The actors within ``radius`` steps of ``center`` (either direction), nearest first.

    Row: ``node``, ``label``, ``distance`` (steps), ``to`` (events center → node) and ``from``
    (events node → center; both 0 beyond the first step). For a figure of the ego network use
    ``networkx.ego_graph(graph, center, radius, undirected=True)``.

    Raises :class:`~kg.errors.QueryError` ``KG403`` when ``center`` is not a node of the graph.
    """
    if center not in graph:
        raise _bad("center", center, "actor of the graph")
    ego = nx.ego_graph(graph, center, radius=radius, undirected=True)
    steps = nx.single_source_shortest_path_length(ego.to_undirected(as_view=True), center)
    rows = []
    for node in ego:
        if node == center:
            continue
        to = graph.get_edge_data(center, node, default={}).get("weight", 0)
        back = graph.get_edge_data(node, center, default={}).get("weight", 0) if graph.is_directed() else to
        rows.append({"node": node, "label": label(graph.nodes[node], node, lang),
                     "distance": steps[node], "to": to, "from": back})
    rows.sort(key=lambda row: (row["distance"], -(row["to"] + row["from"]), row["node"]))
    return rows


def dyad_graph(graph: nx.DiGraph) -> nx.Graph:
    """Pairs of actors: the undirected graph whose edges count each event once.

    Edge attributes: ``events`` (sorted IRIs, union of both directions), ``weight`` (their
    number), ``forward`` / ``backward`` (events from the smaller key to the larger and back) and
    ``categories`` (category → events). Categories come from ``graph.graph["event_categories"]``
    (set by the projections); for a graph without it, edge ``categories`` are added up.
    """
    known: Mapping[str, str] = graph.graph.get("event_categories", {})
    out = nx.Graph()
    out.add_nodes_from(graph.nodes(data=True))
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        a, b = sorted((u, v))
        pair = pairs.setdefault((a, b), {"events": set(), "forward": 0, "backward": 0, "counted": Counter()})
        pair["forward" if u == a else "backward"] += data.get("weight", 1)
        pair["events"].update(data.get("events", ()))
        if not known:
            pair["counted"].update(data.get("categories", {}))
    for (a, b), pair in sorted(pairs.items()):
        events = sorted(pair["events"])
        categories = Counter(known[e] for e in events if e in known) if known else pair["counted"]
        weight = len(events) if events else max(pair["forward"], pair["backward"])
        out.add_edge(a, b, events=events, weight=weight, forward=pair["forward"],
                     backward=pair["backward"], categories=dict(sorted(categories.items())))
    return out


def _mean_score(categories: Mapping[str, int], table: Mapping[str, CategoryInfo]) -> float | None:
    scores = [(table[c].score, n) for c, n in categories.items() if c in table and table[c].score is not None]
    total = sum(n for _, n in scores)
    return sum(s * n for s, n in scores) / total if total else None


def _category_text(categories: Mapping[str, int]) -> str:
    return ", ".join(f"{c} {n}" for c, n in sorted(categories.items(), key=lambda kv: (-kv[1], kv[0])))


def strongest_dyads(graph: nx.DiGraph, *, top: int | None = 10, lang: str = "en",
                    table: Mapping[str, CategoryInfo] | None = None) -> list[Row]:
    """The pairs with most events between them, each event counted once.

    Row: ``a``, ``b`` (keys, a < b), ``a_label``, ``b_label``, ``events``, ``a_to_b``,
    ``b_to_a`` (events by direction; a joint event counts in both), ``categories`` (text, most
    frequent first) and ``score_mean`` (mean PLOVER cooperation–conflict score of the events;
    ``table`` defaults to :func:`~kg.analytics.scores.load_scores`).
    """
    table = table or load_scores()
    dyads = dyad_graph(graph)
    rows = [{"a": a, "b": b, "a_label": label(graph.nodes[a], a, lang), "b_label": label(graph.nodes[b], b, lang),
             "events": d["weight"], "a_to_b": d["forward"], "b_to_a": d["backward"],
             "categories": _category_text(d["categories"]), "score_mean": _mean_score(d["categories"], table)}
            for a, b, d in dyads.edges(data=True)]
    rows.sort(key=lambda row: (-row["events"], row["a"], row["b"]))
    return _top(rows, top)


# -- measures that read the store (they need each event's date or topics) -------------------------

def _dyads_of(record: EventRecord, fold) -> set[tuple[str, str]]:
    return {tuple(sorted(pair)) for pair in event_pairs(record, fold)}


def _info(actors: Mapping[str, ActorInfo], key: str) -> ActorInfo:
    return actors.get(key) or ActorInfo.unknown(key)


def _actor_label(actors: Mapping[str, ActorInfo], key: str, lang: str) -> str:
    info = _info(actors, key)
    return label({"label_en": info.label_en, "label_fa": info.label_fa}, key, lang)


def _filter(store, options: Mapping[str, Any]) -> tuple[EventFilter, dict[str, CategoryInfo]]:
    table = category_table(store)
    return EventFilter.make(**options, table=table), table


def dyad_domain_profile(store, *, level: str = "state", lang: str = "en", top: int | None = None,
                        categories: Iterable[str] | None = None, quad_classes: Iterable[int] | None = None,
                        since: date | str | None = None, until: date | str | None = None) -> list[Row]:
    """Which pairs work together in which domains: events per dyad and topic.

    Row: ``a``, ``b``, ``a_label``, ``b_label``, ``topic`` (key), ``topic_label``, ``events``,
    ``cooperative`` and ``conflictual`` (events in quad classes 1–2 and 3–4). An event with two
    topics counts under each. Events without topic are left out. Sorted by ``events``, most first.
    Pass ``quad_classes=[1, 2]`` for cooperation only.
    """
    check_level(level)
    where, table = _filter(store, dict(categories=categories, quad_classes=quad_classes, since=since, until=until))
    actors = actor_info(store)
    fold = node_folder(actors, level)
    counts: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for record in event_records(store, where, with_topics=True):
        quad = table[record.category].quad_class if record.category in table else 0
        for a, b in _dyads_of(record, fold):
            for topic in record.topics:
                found = counts[(a, b, topic)]
                found["events"] += 1
                found["cooperative"] += quad in (1, 2)
                found["conflictual"] += quad in (3, 4)
    labels = topic_labels(store) if counts else {}
    rows = []
    for (a, b, topic), found in counts.items():
        en, fa = labels.get(topic, ("", ""))
        rows.append({"a": a, "b": b, "a_label": _actor_label(actors, a, lang),
                     "b_label": _actor_label(actors, b, lang), "topic": topic,
                     "topic_label": label({"label_en": en, "label_fa": fa}, topic, lang),
                     "events": found["events"], "cooperative": found["cooperative"],
                     "conflictual": found["conflictual"]})
    rows.sort(key=lambda row: (-row["events"], row["a"], row["b"], row["topic"]))
    return _top(rows, top)


def dyad_scores(store, *, freq: str = "month", level: str = "state", lang: str = "en",
                categories: Iterable[str] | None = None, quad_classes: Iterable[int] | None = None,
                since: date | str | None = None, until: date | str | None = None,
                topics: Iterable[str] | None = None) -> list[Row]:
    """Cooperation–conflict score of each pair in each month (or year).

    Every dated event between two actors counts once for their dyad; its score is its PLOVER
    category's (``plover-scores.tsv`` or the store's ontology; −10 conflict … +10 cooperation).

    Row: ``period``, ``a``, ``b``, ``a_label``, ``b_label``, ``events``, ``cooperative``,
    ``conflictual``, ``score_sum`` and ``score_mean`` (over the events whose category has a
    score). Sorted by dyad, then period. Periods without events between a pair have no row.
    """
    check_level(level)
    where, table = _filter(store, dict(categories=categories, quad_classes=quad_classes, since=since,
                                       until=until, topics=topics))
    actors = actor_info(store)
    fold = node_folder(actors, level)
    found: dict[tuple[str, str, str], list[CategoryInfo | None]] = defaultdict(list)
    for period, records in records_by_period(event_records(store, where), freq).items():
        for record in records:
            for a, b in _dyads_of(record, fold):
                found[(a, b, period)].append(table.get(record.category))
    rows = []
    for (a, b, period), infos in sorted(found.items()):
        scores = [i.score for i in infos if i is not None and i.score is not None]
        rows.append({"period": period, "a": a, "b": b, "a_label": _actor_label(actors, a, lang),
                     "b_label": _actor_label(actors, b, lang), "events": len(infos),
                     "cooperative": sum(1 for i in infos if i and i.quad_class in (1, 2)),
                     "conflictual": sum(1 for i in infos if i and i.quad_class in (3, 4)),
                     "score_sum": sum(scores), "score_mean": fmean(scores) if scores else None})
    return rows


_SHOWN_CATEGORIES = 5  # categories named in a summary's dyad row; the rest are "… n more"
_MONTHLY_DYADS = 3  # dyads whose months a summary lists


def _compact(row: Row) -> Row:
    """A dyad row for reading: one ``dyad`` column of both labels, the counts, score, and the
    most frequent categories (all of them are in :func:`strongest_dyads`)."""
    parts = row["categories"].split(", ") if row["categories"] else []
    shown = ", ".join(parts[:_SHOWN_CATEGORIES]) + (f", … {len(parts) - _SHOWN_CATEGORIES} more"
                                                    if len(parts) > _SHOWN_CATEGORIES else "")
    return {"dyad": f"{row['a_label']} – {row['b_label']}", "a": row["a"], "b": row["b"],
            "events": row["events"], "a_to_b": row["a_to_b"], "b_to_a": row["b_to_a"],
            "score_mean": row["score_mean"], "categories": shown}


def _dyad_domains(store, dyads: list[Row], level: str, lang: str, top: int = 4) -> list[Row]:
    """For each of ``dyads``, its ``top`` domains with their events (most first)."""
    wanted = {(row["a"], row["b"]) for row in dyads}
    domains: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in dyad_domain_profile(store, level=level, lang=lang):  # most events first
        pair = (row["a"], row["b"])
        if pair in wanted and len(domains[pair]) < top:
            domains[pair].append(f"{row['topic_label']} {row['events']}")
    return [{"dyad": row["dyad"], "a": row["a"], "b": row["b"], "events": row["events"],
             "domains": ", ".join(domains[(row["a"], row["b"])])} for row in dyads]


def _dyad_months(store, dyads: list[Row], level: str, lang: str) -> list[Row]:
    """Month by month, the events and mean PLOVER score of each of ``dyads``."""
    wanted = {(row["a"], row["b"]): row["dyad"] for row in dyads}
    return [{"dyad": wanted[(row["a"], row["b"])], "month": row["period"], "events": row["events"],
             "cooperative": row["cooperative"], "conflictual": row["conflictual"],
             "score_mean": row["score_mean"]}
            for row in dyad_scores(store, level=level, lang=lang) if (row["a"], row["b"]) in wanted]


def summary(store, *, top: int = 10, level: str = "actor", lang: str = "en",
            ego: str | None = None) -> dict[str, Any]:
    """The overview of ``kg analyze``: sizes, the most central actors, strongest dyads, their
    domains and months, communities, and optionally one actor's ego network.

    ``central actors`` rows join weighted degree, PageRank, betweenness (estimated from 256
    sampled sources above :data:`EXACT_BETWEENNESS_MAX_NODES` nodes) and community; they are the
    ``top`` actors by PageRank. ``strongest dyads`` are :func:`strongest_dyads` rows with both
    labels in one ``dyad`` column (and the five most frequent categories); ``dyad domains``
    gives each of them its four busiest domains (:func:`dyad_domain_profile`); ``dyad months``
    the monthly events and score of the three strongest (:func:`dyad_scores`). With ``ego`` (a
    node key such as ``IRN``), ``ego network`` lists its ``top`` nearest partners
    (:func:`ego_network`). Scalars: ``level``, ``events`` (events that link two parties),
    ``actors``, ``interactions`` (directed edges).

    Raises :class:`~kg.errors.QueryError` ``KG403`` when ``ego`` is not a node of the graph.
    """
    graph = interaction_graph(store, level=level)
    if ego is not None and ego not in graph:
        raise _bad("ego", ego, f"actor of the {level}-level graph")
    n = graph.number_of_nodes()
    k = None if n <= EXACT_BETWEENNESS_MAX_NODES else 256
    ranks = {row["node"]: row["pagerank"] for row in pagerank(graph)}
    between = {row["node"]: row["betweenness"] for row in betweenness(graph, k=k)}
    degree = {row["node"]: row for row in weighted_degree(graph)}
    groups = community_sets(graph)
    community = {node: number for number, members in enumerate(groups, start=1) for node in members}
    central = [{"node": node, "label": label(graph.nodes[node], node, lang),
                "events": degree[node]["events"], "partners": degree[node]["partners"],
                "pagerank": ranks[node], "betweenness": between[node],
                "community": community[node]}
               for node in sorted(ranks, key=lambda x: (-ranks[x], x))[:top]]
    dyads = [_compact(row) for row in strongest_dyads(graph, top=top, lang=lang, table=category_table(store))]
    result = {
        "level": level,
        "events": graph.graph.get("events", 0),
        "actors": n,
        "interactions": graph.number_of_edges(),
        "central actors": central,
        "strongest dyads": dyads,
        "dyad domains": _dyad_domains(store, dyads, level, lang) if dyads else [],
        "dyad months": _dyad_months(store, dyads[:_MONTHLY_DYADS], level, lang) if dyads else [],
        "communities": [{"community": number, "size": len(members),
                         "members": ", ".join(label(graph.nodes[m], m, lang)
                                              for m in sorted(members, key=lambda x: (-ranks[x], x)))}
                        for number, members in enumerate(groups[:top], start=1)],
    }
    if ego is not None:
        result["ego network"] = ego_network(graph, ego, lang=lang)[:top]
    return result
