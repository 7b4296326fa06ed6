"""docs/ontology.md is generated from the Turtle files and cannot drift: regenerating it gives the
committed page; every class, property and concept is on it; the overview diagram is drawn."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.rdf.namespaces import RR

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_ontology_docs.py"
PAGE = ROOT / "docs" / "ontology.md"


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("gen_ontology_docs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def page(gen) -> str:
    return gen.render_markdown()


def test_committed_page_is_what_the_script_generates(gen, tmp_path):
    out = tmp_path / "ontology.md"
    assert gen.main(["--out", str(out), "--no-diagram"]) == 0
    assert out.read_text(encoding="utf-8") == PAGE.read_text(encoding="utf-8"), (
        "docs/ontology.md is stale: run python scripts/gen_ontology_docs.py")


def test_check_mode_says_whether_the_page_is_stale(gen, tmp_path):
    stale = tmp_path / "ontology.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert gen.main(["--check", "--out", str(stale)]) == 1
    assert gen.main(["--check", "--out", str(PAGE)]) == 0


def test_every_class_and_property_has_a_section_with_both_labels(page):
    from kg.rdf.ontology import ontology_graph

    graph = ontology_graph()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in graph.subjects(RDF.type, kind):
            if str(term).startswith(str(RR)):
                name = "rr:" + str(term).removeprefix(str(RR))
                section = page.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0]
                labels = {o.language: str(o) for o in graph.objects(term, RDFS.label)}
                assert labels["en"] in section and labels["fa"] in section, name


def test_every_concept_is_listed_with_its_notation(page):
    from kg.rdf.ontology import ontology_graph

    graph = ontology_graph()
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        assert f"| `{graph.value(concept, SKOS.notation)}` |" in page, concept


def test_property_sections_give_domain_range_and_chain(page):
    involves = page.split("### rr:involves\n", 1)[1].split("\n### ", 1)[0]
    assert "| domain | [rr:Event](#rrevent) |" in involves
    assert "| range | [rr:Actor](#rractor) |" in involves
    assert "| property chain | [rr:participant](#rrparticipant) ∘ [rr:country](#rrcountry) |" in involves
    assert "| characteristics | functional |" in page.split("### rr:category\n", 1)[1].split("\n### ", 1)[0]


def test_categories_carry_quad_class_and_cameo_codes(page):
    row = next(line for line in page.splitlines() if line.startswith("| `SANCTION` |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[4] == "4" and "16" in cells[6].split(", ")


def test_links_to_every_named_query(page):
    from kg.queries import load_queries

    for name in load_queries():
        assert f"[`{name}`](../queries/{name}.rq)" in page


def test_overview_diagram_draws_classes_and_properties(gen, tmp_path):
    diagram = gen.overview_graph()
    assert {"rr:Event", "rr:Actor", "rr:Article", "skos:Concept"} <= set(diagram.nodes)
    labels = {(s, t, d["label"]) for s, t, d in diagram.edges(data=True)}
    assert ("rr:Event", "rr:Actor", "involves") in labels and ("rr:Person", "rr:Actor", "") in labels
    first, second = gen.draw_overview(tmp_path / "a.svg"), gen.draw_overview(tmp_path / "b.svg")
    svg = first.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "rr:OfficeHolding" in svg
    assert svg == second.read_text(encoding="utf-8")  # no dates, no random ids
