"""Stores: where the knowledge graph lives (in memory, in an embedded Oxigraph folder, later a
remote SPARQL server), behind one interface, :class:`~kg.store.base.Store`.

Backends register by name, rdflib-plugin style; :func:`open_store` picks one from a URL::

    open_store("memory:")            # rdflib Dataset in memory (tests, small data)
    open_store("data/kg")            # embedded Oxigraph in a folder (the default)
    open_store("oxigraph:data/kg")   # the same, named explicitly
    open_store("http://127.0.0.1:7878?flavour=oxigraph")   # a SPARQL 1.1 server

A third-party backend calls ``register_store("name", factory)`` and is then opened by
``open_store("name:…")``.
"""

from kg.store.base import (
    DUMP_FORMATS,
    QueryResult,
    Store,
    Triple,
    open_store,
    register_store,
    registered_stores,
)
from kg.store.memory import MemoryStore
from kg.store.oxigraph import OxigraphStore
from kg.store.sparql import SparqlStore  # registers "http" and "https" itself

register_store("memory", MemoryStore)
register_store("oxigraph", OxigraphStore)

__all__ = [
    "Store", "QueryResult", "Triple", "DUMP_FORMATS", "open_store", "register_store",
    "registered_stores", "MemoryStore", "OxigraphStore", "SparqlStore",
]
