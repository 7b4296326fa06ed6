"""The interactive network page: one offline file, the events behind each tie, and drawn in Chromium.

The page is built from the bundled example articles (real headlines and evidence sentences). The
browser tests open it in headless Chromium (Debian package ``chromium``; ``.ci/install-chromium.sh``
installs it) and read the DOM after the script ran; they skip only when no Chromium binary exists.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.analytics.projections import interaction_graph
from kg.errors import KGError
from kg.ingest import ingest
from kg.resources import examples_dir
from kg.store import open_store
from kg.viz import draw, write_network_html
from kg.viz.html import network_page_data

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    with open_store(tmp_path_factory.mktemp("kg") / "store") as store:  # embedded Oxigraph
        ingest([examples_dir()], store)
        yield store


@pytest.fixture(scope="module")
def page(example_store, tmp_path_factory):
    return write_network_html(example_store, tmp_path_factory.mktemp("page") / "network.html", lang="fa")


def _embedded(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    return json.loads(found.group(1))


# -- the file itself ------------------------------------------------------------------------------

def test_page_is_one_file_that_fetches_nothing(page):
    text = page.read_text(encoding="utf-8")
    without_data = re.sub(r'<script type="application/json" id="kg-data">.*?</script>', "", text, flags=re.S)
    assert "<script src" not in text and "<link" not in text and "@import" not in text
    assert "http://" not in without_data.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in without_data
    assert '<html lang="fa" dir="rtl">' in text


def test_page_holds_every_node_and_the_events_of_every_edge(example_store, page):
    graph = interaction_graph(example_store)
    data = _embedded(page)
    assert {node["id"] for node in data["nodes"]} == set(graph.nodes)
    for edge in data["edges"]:
        source, target = data["nodes"][edge["s"]]["id"], data["nodes"][edge["t"]]["id"]
        shown = {data["events"][i]["iri"] for i in edge["events"]}
        assert shown == set(graph[source][target]["events"])


def test_events_carry_category_date_article_and_evidence_from_the_store(page):
    events = _embedded(page)["events"]
    assert events
    for event in events:
        assert event["category"].isupper() and event["quad"] in (1, 2, 3, 4)
        assert event["article"] and event["evidence"]
    assert any(re.search("[\u0600-\u06FF]", event["evidence"]) for event in events)


def test_persian_page_has_persian_captions_and_english_page_english_ones(example_store):
    fa = network_page_data(example_store, lang="fa", level="state")
    en = network_page_data(example_store, lang="en", level="state")
    assert fa["text"]["categories"] == "دسته‌های PLOVER" and en["text"]["categories"] == "PLOVER categories"
    assert fa["nodes"][0]["label"] != en["nodes"][0]["label"]


def test_draw_network_with_an_html_suffix_writes_the_page(example_store, tmp_path):
    out = draw("network", example_store, tmp_path / "net.html", lang="en", level="state",
               quad_classes=[1, 2])
    data = _embedded(out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert {c["quad"] for c in data["categories"]} <= {1, 2}


def test_an_unknown_option_is_kg403(example_store, tmp_path):
    with pytest.raises(KGError) as caught:
        write_network_html(example_store, tmp_path / "x.html", colour="red")
    assert caught.value.code == "KG403"


def test_page_of_an_empty_store_is_written(tmp_path):
    with open_store("memory:") as store:
        data = _embedded(write_network_html(store, tmp_path / "empty.html", lang="en"))
    assert data["nodes"] == [] and data["edges"] == []


# -- in the browser -------------------------------------------------------------------------------

def _browser() -> str | None:
    if os.environ.get("KG_CHROMIUM"):
        return os.environ["KG_CHROMIUM"]
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def _chromium(tmp_path: Path, url: str, *args: str) -> str:
    binary = _browser()
    if binary is None:
        pytest.skip("no Chromium binary (chromium, chromium-browser or google-chrome) on PATH; "
                    "run .ci/install-chromium.sh")
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'chromium-profile'}", "--window-size=1400,900", *args, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _dom(tmp_path: Path, page: Path, fragment: str = "") -> str:
    return _chromium(tmp_path, page.as_uri() + fragment, "--dump-dom")


def test_chromium_draws_every_node_and_saves_a_screenshot(page, tmp_path):
    dom = _dom(tmp_path, page)
    nodes = len(_embedded(page)["nodes"])
    assert 'data-kg-ready="1"' in dom
    assert len(re.findall(r'<circle class="kg-node', dom)) == nodes > 0
    assert f'data-visible-edges="{len(_embedded(page)["edges"])}"' in dom
    shot = tmp_path / "network.png"
    _chromium(tmp_path, page.as_uri(), f"--screenshot={shot}")
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000


def test_chromium_filters_by_category_from_the_fragment(page, tmp_path):
    data = _embedded(page)
    counts: dict[str, int] = {}
    for event in data["events"]:
        counts[event["category"]] = counts.get(event["category"], 0) + 1
    rarest = min(sorted(counts), key=counts.get)
    edges = sum(1 for edge in data["edges"] if any(data["events"][i]["category"] == rarest for i in edge["events"]))
    dom = _dom(tmp_path, page, f"#cat={rarest}")
    assert f'data-visible-edges="{edges}"' in dom
    assert f'data-visible-events="{counts[rarest]}"' in dom


def test_chromium_filters_by_period_from_the_fragment(page, tmp_path):
    data = _embedded(page)
    months = data["periods"]["month"]
    first = months[0]
    dated = sum(1 for event in data["events"] if (event["date"] or "")[:7] == first)
    dom = _dom(tmp_path, page, f"#from={first}&to={first}&undated=0")
    assert f'data-visible-events="{dated}"' in dom


def test_chromium_shows_the_events_behind_an_edge(page, tmp_path):
    data = _embedded(page)
    edge = max(data["edges"], key=lambda e: (len(e["events"]), -e["s"], -e["t"]))
    source, target = data["nodes"][edge["s"]], data["nodes"][edge["t"]]
    dom = _dom(tmp_path, page, f"#edge={source['id']}>{target['id']}")
    box = re.search(r'<div id="kg-tip"[^>]*>(.*?)</div>\s*</main>', dom, re.S)
    assert box, "the edge's box is not open"
    first = data["events"][sorted(edge["events"], key=lambda i: data["events"][i]["date"] or "9")[0]]
    assert html.escape(first["evidence"][:40], quote=False) in box.group(1)
    assert source["label"] in box.group(1) and target["label"] in box.group(1)


def test_chromium_shows_a_node_box_in_both_languages(page, tmp_path):
    data = _embedded(page)
    node = max(data["nodes"], key=lambda n: (n["degree"], n["id"]))
    dom = _dom(tmp_path, page, f"#node={node['id']}")
    assert f'<h3 dir="auto">{html.escape(node["label"], quote=False)}</h3>' in dom
    assert html.escape(node["en"], quote=False) in dom


_HARNESS = """<!DOCTYPE html><html><body>
<iframe id="f" src="%s" style="width:1200px;height:800px"></iframe>
<script>
const frame = document.getElementById("f");
frame.onload = () => {
  const doc = frame.contentDocument, win = frame.contentWindow, out = {};
  const svg = doc.getElementById("kg-svg"), tip = doc.getElementById("kg-tip");
  const node = () => doc.querySelector("circle.kg-node");
  const at = () => [+node().getAttribute("cx"), +node().getAttribute("cy")];
  const mouse = (target, type, x, y) => target.dispatchEvent(new win.MouseEvent(type,
      {clientX: x, clientY: y, button: 0, bubbles: true, cancelable: true}));
  out.start = at();
  svg.dispatchEvent(new win.WheelEvent("wheel", {deltaY: -400, clientX: 300, clientY: 300,
      bubbles: true, cancelable: true}));
  out.zoomed = at();
  mouse(svg, "mousedown", 100, 100); mouse(win, "mousemove", 160, 140); mouse(win, "mouseup", 160, 140);
  out.panned = at();
  const box = node().getBoundingClientRect();
  mouse(node(), "mousemove", box.x + box.width / 2, box.y + box.height / 2);
  out.nodeBox = tip.hidden ? "" : tip.textContent;
  const hit = doc.querySelector(".kg-hit[visibility=visible]");
  const middle = hit.getPointAtLength(hit.getTotalLength() / 2);
  mouse(hit, "mousemove", middle.x, middle.y);
  out.edgeBox = tip.hidden ? "" : tip.textContent;
  mouse(svg, "mousemove", 2, 2);
  out.afterLeaving = tip.hidden;
  document.body.setAttribute("data-result", JSON.stringify(out));
};
</script></body></html>"""


def test_chromium_pans_zooms_and_opens_boxes_on_hover(page, tmp_path):
    harness = tmp_path / "harness.html"
    harness.write_text(_HARNESS % page.as_uri(), encoding="utf-8")
    dom = _chromium(tmp_path, harness.as_uri(), "--allow-file-access-from-files", "--dump-dom")
    found = re.search(r'data-result="([^"]*)"', dom)
    assert found, "the harness did not run"
    result = json.loads(html.unescape(found.group(1)))
    data = _embedded(page)
    first = min(data["nodes"], key=lambda n: n["id"])  # the first circle drawn
    (x0, y0), (x1, y1), (x2, y2) = result["start"], result["zoomed"], result["panned"]
    assert (x1, y1) != (x0, y0)                               # the wheel zoomed
    assert (round(x2 - x1), round(y2 - y1)) == (60, 40)       # the drag moved everything by itself
    assert first["label"] in result["nodeBox"]
    assert data["text"]["events"] in result["edgeBox"]
    assert result["afterLeaving"] is True
