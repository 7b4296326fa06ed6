"""The kg command, run as a user would (typer's runner), on a store in a temporary folder."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    result = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def test_cli_ingest_reports_counts(store):
    result = runner.invoke(app, ["stats", "--store", store])
    assert result.exit_code == 0 and "articles" in result.output


def test_cli_query_who_called_lists_the_seed_call(store):
    result = runner.invoke(app, ["query", "who-called", "--store", store, "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.output)["results"]["bindings"]
    pairs = {(r["caller_party"]["value"], r["callee_party"]["value"]) for r in rows}
    assert ("IRN", "TKM") in pairs or ("TKM", "IRN") in pairs


def test_cli_query_binds_parameters_and_refuses_injection(store):
    ok = runner.invoke(app, ["query", "cooperation", "--store", store, "-p", "country=TKM", "-f", "csv"])
    assert ok.exit_code == 0 and "TKM" in ok.output
    bad = runner.invoke(app, ["query", "cooperation", "--store", store, "-p", "country=IRN> } ; DROP ALL #"])
    assert bad.exit_code == 1 and "KG403" in bad.output


def test_cli_export_plover_records_one_event_per_line(store, tmp_path):
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["export", "--format", "plover", "--out", str(out), "--store", store])
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and all({"id", "article", "event", "actor", "recipient", "text", "confidence"} <= set(r) for r in records)
    seed = [r for r in records if r["article"] == "pezeshkian-berdimuhamedov-caspian.fa" and r["event"] == "CONSULT"]
    assert seed and seed[0]["mode"] == "phone"


@pytest.mark.parametrize("fmt", ["trig", "nq", "ttl"])
def test_cli_export_rdf_dumps_parse_back(store, tmp_path, fmt):
    from rdflib import Dataset

    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--store", store])
    assert result.exit_code == 0 and out.stat().st_size > 0
    Dataset().parse(out, format={"trig": "trig", "nq": "nquads", "ttl": "turtle"}[fmt])


def _read_back(path: Path, suffix: str | None = None):
    """An exported file parsed by the library that reads its format; returns something sized."""
    import csv

    import networkx as nx
    from rdflib import Dataset, Graph

    suffix = suffix or path.suffix
    if suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if suffix in (".trig", ".nq"):
        data = Dataset()
        data.parse(path, format={".trig": "trig", ".nq": "nquads"}[suffix])
        return list(data.quads())
    if suffix in (".ttl", ".jsonld"):
        return Graph().parse(path, format={".ttl": "turtle", ".jsonld": "json-ld"}[suffix])
    if suffix == ".graphml":
        return nx.read_graphml(path).edges
    if suffix == ".gexf":
        return nx.read_gexf(path).edges
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("suffix", [".jsonl", ".trig", ".nq", ".ttl", ".jsonld", ".graphml", ".gexf", ".csv"])
def test_cli_export_format_follows_the_suffix_and_parses_back(store, tmp_path, suffix):
    out = tmp_path / f"export{suffix}"
    result = runner.invoke(app, ["export", "--out", str(out), "--store", store])
    assert result.exit_code == 0, result.output
    assert len(_read_back(out)) > 0


def test_cli_export_network_edges_name_the_seed_call(store, tmp_path):
    out = tmp_path / "edges.txt"                     # an unknown suffix: --format decides
    result = runner.invoke(app, ["export", "-f", "csv", "-o", str(out), "--level", "state", "--store", store])
    assert result.exit_code == 0 and "edge(s) (csv)" in result.output
    rows = _read_back(out, ".csv")
    assert {"IRN", "TKM"} in [{row["source"], row["target"]} for row in rows]


def test_cli_export_jsonld_of_one_actor_is_smaller_than_everything(store, tmp_path):
    one, every = tmp_path / "tkm.jsonld", tmp_path / "all.jsonld"
    assert runner.invoke(app, ["export", "-o", str(one), "--actor", "TKM", "--store", store]).exit_code == 0
    assert runner.invoke(app, ["export", "-o", str(every), "--store", store]).exit_code == 0
    assert 0 < len(_read_back(one)) < len(_read_back(every))


def test_cli_export_option_of_another_format_is_refused(store, tmp_path):
    result = runner.invoke(app, ["export", "-o", str(tmp_path / "a.jsonld"), "--level", "state", "--store", store])
    assert result.exit_code == 1 and "KG403" in result.output and "level" in result.output
    assert not (tmp_path / "a.jsonld").exists()


def test_cli_export_unknown_suffix_without_format_is_a_numbered_error(store, tmp_path):
    result = runner.invoke(app, ["export", "-o", str(tmp_path / "graph.xls"), "--store", store])
    assert result.exit_code == 1 and "KG504" in result.output and "--format" in result.output


def test_cli_unknown_export_format_is_a_numbered_error(store):
    result = runner.invoke(app, ["export", "--format", "xls", "--store", store])
    assert result.exit_code == 1 and "KG501" in result.output


def test_cli_bad_file_is_one_line_and_the_batch_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("دیدار\nوزیر امور خارجه ایران با وزیر امور خارجه عمان دیدار کرد.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--store", "memory:", "--date", "2024-01-01"])
    assert result.exit_code == 0
    assert "KG002" in result.output and "empty.txt" in result.output
    assert "ingested 1 article" in result.output


def test_cli_analyze_and_viz_write_their_outputs(store, tmp_path):
    assert runner.invoke(app, ["analyze", "--store", store]).exit_code == 0
    out = tmp_path / "net.png"
    result = runner.invoke(app, ["viz", "network", "--out", str(out), "--store", store, "--lang", "en"])
    assert result.exit_code == 0 and out.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_cli_analyze_writes_csv_and_json(store, fmt):
    result = runner.invoke(app, ["analyze", "--store", store, "--format", fmt, "--level", "state"])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        summary = json.loads(result.stdout)
        assert summary["level"] == "state" and summary["central actors"][0]["node"] == "IRN"
    else:
        assert "# central actors" in result.stdout and "node,label," in result.stdout


def test_cli_analyze_unknown_format_is_refused_before_any_work(store):
    result = runner.invoke(app, ["analyze", "--store", store, "--format", "xml"])
    assert result.exit_code == 1 and "KG501" in result.output


def test_cli_viz_network_html_is_one_offline_page(store, tmp_path):
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["viz", "network", "--out", str(out), "--store", store, "--lang", "en"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "Iran" in page
    assert "<script src=\"http" not in page                 # nothing loaded from the network


def test_cli_viz_filters_reach_the_figure(store, tmp_path):
    every = tmp_path / "every.svg"
    calls = tmp_path / "calls.svg"
    assert runner.invoke(app, ["viz", "network", "-o", str(every), "-s", store, "--lang", "en",
                               "--level", "state"]).exit_code == 0
    result = runner.invoke(app, ["viz", "network", "-o", str(calls), "-s", store, "--lang", "en",
                                 "--level", "state", "--category", "CONSULT", "--since", "2020-01-01",
                                 "--color-by", "country"])
    assert result.exit_code == 0, result.output
    # fewer events, fewer ties drawn: the filters are not dropped on the way
    assert calls.read_text(encoding="utf-8").count("<path") < every.read_text(encoding="utf-8").count("<path")


def test_cli_viz_bad_filter_values_are_refused(store, tmp_path):
    bad_day = runner.invoke(app, ["viz", "-o", str(tmp_path / "x.png"), "-s", store, "--since", "2020-13-01"])
    topic_on_heatmap = runner.invoke(app, ["viz", "heatmap", "-o", str(tmp_path / "h.png"), "-s", store,
                                           "--topic", "energy"])
    assert (bad_day.exit_code, topic_on_heatmap.exit_code) == (1, 1)
    assert "KG009" in bad_day.output and "KG403" in topic_on_heatmap.output


def test_cli_queries_lists_parameters_and_an_example_call():
    from kg.queries import load_queries

    result = runner.invoke(app, ["queries"])
    assert result.exit_code == 0
    for q in load_queries().values():
        assert q.name in result.output
        for name, value in q.example:
            assert f"-p {name}={value}" in result.output


def _every_example():
    from kg.queries import load_queries

    return [pytest.param(q.name, q.example, id=q.name) for q in load_queries().values()]


@pytest.mark.parametrize(("name", "example"), _every_example())
def test_cli_query_example_of_every_query_runs(store, name, example):
    args = [arg for key, value in example for arg in ("-p", f"{key}={value}")]
    result = runner.invoke(app, ["query", name, *args, "--store", store, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "results" in json.loads(result.stdout) or "boolean" in json.loads(result.stdout)
    same = runner.invoke(app, ["query", name, "--example", "--store", store, "--format", "json"])
    assert same.exit_code == 0 and same.stdout == result.stdout
