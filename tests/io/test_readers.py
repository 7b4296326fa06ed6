"""Reading articles: .txt (with optional front matter), .jsonl, .html, folders, and bad input."""

import json
from datetime import date
from pathlib import Path

import pytest

from kg.errors import ReadError
from kg.facts import Article
from kg.io import read_articles

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad"
SEED = ROOT / "examples" / "pezeshkian-berdimuhamedov-caspian.fa.txt"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [str(i) for i in items if isinstance(i, ReadError)]


def test_readers_txt_title_is_first_line_and_id_is_file_name():
    [article], errors = split(read_articles([SEED], day=date(2025, 2, 11)))
    assert errors == []
    assert article.id == "pezeshkian-berdimuhamedov-caspian.fa"
    assert article.title.startswith("پزشکیان: ایران حامی")
    assert article.lang == "fa"
    assert article.date == date(2025, 2, 11)


def test_readers_txt_front_matter_gives_date_and_source(tmp_path):
    path = tmp_path / "call.txt"
    path.write_text("---\ndate: 2020-03-01\nsource: tabnak\n---\nعنوان خبر\nمتن خبر.\n", encoding="utf-8")
    [article], _ = split(read_articles([path], lang="fa"))
    assert (article.title, article.text, article.date, article.source) == ("عنوان خبر", "متن خبر.", date(2020, 3, 1), "tabnak")


def test_readers_jsonl_records_keep_their_fields(tmp_path):
    path = tmp_path / "a.jsonl"
    record = {"id": "x/1", "lang": "fa", "title": "ت", "text": "متن", "date": "2020-02-29 17:00:00", "url": "https://e.org/1"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [article], _ = split(read_articles([path]))
    assert (article.id, article.date, article.url, article.location) == ("x/1", date(2020, 2, 29), "https://e.org/1", f"{path}:1")


def test_readers_html_drops_page_furniture(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Site | T</title><script>x()</script></head><body><nav>menu</nav>"
                    "<h1>دیدار ظریف و لاوروف</h1><p>ظریف با لاوروف دیدار کرد.</p><footer>©</footer></body></html>",
                    encoding="utf-8")
    [article], _ = split(read_articles([path], lang="fa"))
    assert (article.title, article.text) == ("دیدار ظریف و لاوروف", "ظریف با لاوروف دیدار کرد.")


@pytest.mark.parametrize("name, code", [("empty.txt", "KG002"), ("latin1.txt", "KG003"), ("binary.txt", "KG00")])
def test_readers_bad_file_gets_one_line_error_naming_it(name, code):
    articles, errors = split(read_articles([BAD / name]))
    assert articles == []
    assert len(errors) == 1 and code in errors[0] and name in errors[0] and "\n" not in errors[0]


def test_readers_broken_jsonl_reports_each_bad_line_and_keeps_the_good_ones():
    articles, errors = split(read_articles([BAD / "broken.jsonl"]))
    assert len(articles) == 1
    assert any("broken.jsonl:2" in e and "KG005" in e for e in errors)
    assert any("broken.jsonl:3" in e and "KG006" in e for e in errors)


def test_readers_a_folder_goes_on_past_bad_files():
    articles, errors = split(read_articles([BAD]))
    assert len(articles) == 1           # the good JSONL line
    assert len(errors) == 5             # empty, latin1, binary, and two broken JSONL lines


def test_readers_missing_path_is_reported(tmp_path):
    _, errors = split(read_articles([tmp_path / "nope.txt"]))
    assert len(errors) == 1 and "KG008" in errors[0]


def test_readers_unknown_suffix_is_reported(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF")
    _, errors = split(read_articles([path]))
    assert "KG007" in errors[0]
