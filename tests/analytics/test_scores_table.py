"""The PLOVER score table: read from the data file, overridden by the store's ontology."""

from __future__ import annotations

from rdflib import Literal

from kg.analytics.scores import categories_of, category_table, load_scores
from kg.rdf.namespaces import ONTOLOGY_GRAPH, RR, XSD, category_iri
from kg.store import open_store

PLOVER_16 = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
             "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_scores_table_has_the_sixteen_categories_of_the_project():
    assert set(load_scores()) == PLOVER_16


def test_scores_cooperation_quads_score_above_zero_and_conflict_quads_at_most_zero():
    for info in load_scores().values():
        assert (info.score > 0) == (info.quad_class in (1, 2)), info


def test_scores_quad_classes_group_the_categories():
    assert categories_of([2]) == {"COOPERATE", "AID", "RETREAT"}
    assert categories_of([1, 2, 3, 4]) == PLOVER_16


def test_scores_store_ontology_overrides_the_file():
    with open_store("memory:") as store:
        store.write_batch({ONTOLOGY_GRAPH: [
            (category_iri("SANCTION"), RR.quadClass, Literal(4)),
            (category_iri("CONSULT"), RR.quadClass, Literal(1)),
            (category_iri("CONSULT"), RR.score, Literal("3.0", datatype=XSD.decimal)),
        ]})
        table = category_table(store)
    assert table["SANCTION"].quad_class == 4 and table["SANCTION"].score == -6.0
    assert table["CONSULT"].score == 3.0
    assert table["AID"] == load_scores()["AID"]
