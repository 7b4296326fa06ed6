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
