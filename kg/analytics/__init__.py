"""Analytics: networks projected from the knowledge graph with SPARQL, and measures on them.

- :mod:`kg.analytics.projections` — interaction graph (actor or state level), actor–domain
  bipartite graph, time slices; built from SPARQL answers in the store's own engine.
- :mod:`kg.analytics.measures` — centrality, communities, ego networks, dyads, domain profiles,
  cooperation–conflict scores; each returns plain rows (lists of dicts).
- :mod:`kg.analytics.scores` — PLOVER quad classes and scores (``plover-scores.tsv``).
- :mod:`kg.analytics.details` — the events behind an edge: category, date, article, evidence.

Example
-------
>>> from kg.store import open_store
>>> from kg.analytics import interaction_graph, summary
>>> with open_store("memory:") as store:
...     summary(store)["actors"]
0
"""

from kg.analytics.details import category_labels, event_details
from kg.analytics.measures import (
    betweenness, communities, dyad_domain_profile, dyad_scores, ego_network, pagerank,
    strongest_dyads, summary, weighted_degree,
)
from kg.analytics.projections import actor_domain_graph, interaction_graph, time_slices

__all__ = [
    "interaction_graph", "actor_domain_graph", "time_slices",
    "weighted_degree", "pagerank", "betweenness", "communities", "ego_network",
    "strongest_dyads", "dyad_domain_profile", "dyad_scores", "summary",
    "event_details", "category_labels",
]
