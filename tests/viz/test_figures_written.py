"""Figures are written, non-empty and in the format their suffix asks for, in Persian and English."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.analytics.measures import dyad_domain_profile, dyad_scores
from kg.analytics.projections import interaction_graph
from kg.errors import KGError
from kg.viz import FIGURES, draw, draw_domain_heatmap, draw_dyad_timeline, draw_network

PNG = b"\x89PNG\r\n\x1a\n"


def _is_svg(path) -> bool:
    return ET.parse(path).getroot().tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("level", ["actor", "state"])
def test_network_png_is_written_in_both_languages(store, tmp_path, lang, level):
    out = draw_network(interaction_graph(store, level=level), tmp_path / "net.png", lang=lang)
    data = out.read_bytes()
    assert data.startswith(PNG) and len(data) > 20_000


@pytest.mark.parametrize("color_by", ["community", "country", "type"])
@pytest.mark.parametrize("size_by", ["pagerank", "degree", "betweenness", None])
def test_network_svg_parses_for_every_colouring_and_sizing(store, tmp_path, color_by, size_by):
    out = draw_network(interaction_graph(store), tmp_path / "net.svg", lang="fa", color_by=color_by,
                       size_by=size_by, title="شبکه")
    assert _is_svg(out)


def test_network_pdf_is_written_and_its_folder_made(store, tmp_path):
    out = draw_network(interaction_graph(store), tmp_path / "new" / "net.pdf", lang="en")
    assert out.read_bytes().startswith(b"%PDF")


def test_network_figure_is_the_same_on_every_run(store, tmp_path):
    graph = interaction_graph(store)
    first = draw_network(graph, tmp_path / "a.svg").read_bytes()
    second = draw_network(interaction_graph(store), tmp_path / "b.svg").read_bytes()
    assert first == second


def test_network_of_an_empty_graph_says_so(tmp_path):
    assert draw_network(nx.DiGraph(), tmp_path / "empty.png", lang="en").read_bytes().startswith(PNG)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_timeline_and_heatmap_from_rows(store, tmp_path, lang):
    timeline = draw_dyad_timeline(dyad_scores(store, lang=lang), tmp_path / "t.png", lang=lang)
    heatmap = draw_domain_heatmap(dyad_domain_profile(store, lang=lang), tmp_path / "h.svg", lang=lang)
    assert timeline.read_bytes().startswith(PNG)
    assert _is_svg(heatmap)


def test_timeline_and_heatmap_without_rows_still_draw(tmp_path):
    assert draw_dyad_timeline([], tmp_path / "t.png").read_bytes().startswith(PNG)
    assert draw_domain_heatmap([], tmp_path / "h.png").read_bytes().startswith(PNG)


@pytest.mark.parametrize("kind", sorted(FIGURES))
def test_draw_every_kind_from_a_store(store, tmp_path, kind):
    out = draw(kind, store, tmp_path / f"{kind}.png", lang="fa", since="2025-01-01")
    assert out.read_bytes().startswith(PNG)


def test_draw_unknown_kind_is_kg503(store, tmp_path):
    with pytest.raises(KGError) as caught:
        draw("pie", store, tmp_path / "x.png")
    assert caught.value.code == "KG503"


def test_figure_with_an_unknown_suffix_is_kg502(tmp_path):
    with pytest.raises(KGError) as caught:
        draw_network(nx.DiGraph(), tmp_path / "net.gif")
    assert caught.value.code == "KG502"


@pytest.mark.parametrize("options", [{"lang": "de"}, {"size_by": "age"}, {"color_by": "mood"}])
def test_network_bad_option_is_kg403(tmp_path, options):
    with pytest.raises(KGError) as caught:
        draw_network(nx.DiGraph(), tmp_path / "net.png", **options)
    assert caught.value.code == "KG403"


def test_heatmap_with_a_topic_filter_is_kg403_and_without_one_draws(store, tmp_path):
    with pytest.raises(KGError) as caught:
        draw("heatmap", store, tmp_path / "h.png", topics=["gas"])
    assert caught.value.code == "KG403"
    assert draw("heatmap", store, tmp_path / "h.png", topics=None).read_bytes().startswith(PNG)
