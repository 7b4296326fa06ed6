"""prepare(): the pipeline's entry — one normalisation, boilerplate gone, sentences with provenance.

Uses the seed article (``examples/``, in the repository) and strings written here.
"""

import json
from pathlib import Path

import pytest

from kg.facts import Article
from kg.io import read_articles
from kg.text import normalise, prepare

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "pezeshkian-berdimuhamedov-caspian.fa.txt"
ZWNJ = "\u200c"


@pytest.fixture(scope="module")
def seed():
    article = next(item for item in read_articles([SEED]) if isinstance(item, Article))
    return article, prepare(article)


def test_prepare_title_is_sentence_zero(seed):
    _, prepared = seed
    first = prepared.sentences[0]
    assert first.is_title and first.index == 0 and first.start == 0
    assert first.text == prepared.title
    assert prepared.title.startswith("پزشکیان: ایران حامی گسترش همکاری" + ZWNJ + "ها")


def test_prepare_body_is_title_newline_cleaned_text(seed):
    _, prepared = seed
    assert prepared.body.startswith(prepared.title + "\n")
    assert "\n\n" not in prepared.body and "•" not in prepared.body


def test_prepare_drops_the_seed_boilerplate(seed):
    _, prepared = seed
    assert prepared.dropped[0] == prepared.title  # the title repeated as the first body line
    assert any(line.startswith("READ") for line in prepared.dropped)
    assert prepared.dropped[-1] == "نوشته" + ZWNJ + "های مشابه"
    assert not any("READ" in s.text or "مشابه" in s.text for s in prepared.sentences)


def test_prepare_marks_the_three_bullets(seed):
    _, prepared = seed
    bullets = [s.text for s in prepared.sentences if s.is_bullet]
    assert [b.split(":")[0] for b in bullets] == [
        "گسترش همکاری" + ZWNJ + "های اقتصادی", "حوزه" + ZWNJ + "های همکاری", "همکاری فرهنگی"]


def test_prepare_restores_zwnj_in_the_seed(seed):
    _, prepared = seed
    for word in ("رئیس‌جمهور", "بردی‌محمدوف", "نشان‌دهنده", "زیست‌محیطی", "بین‌المللی",
                 "داشته‌اند", "گسترده‌تر", "حوزه‌های", "همکاری‌ها", "می‌کند"):
        assert word in prepared.body, word


def test_prepare_sentence_offsets_and_original_spans(seed):
    article, prepared = seed
    original = f"{article.title}\n{article.text}"
    assert prepared.original == original
    for sentence in prepared.sentences:
        assert prepared.body[sentence.start:sentence.end] == sentence.text
        start, end = prepared.to_original(sentence.start, sentence.end)
        assert original[start:end] == sentence.original
        assert normalise(sentence.original, "fa").text == sentence.text


def test_prepare_original_keeps_the_text_as_read(seed):
    _, prepared = seed
    call = next(s for s in prepared.sentences if "قربان" in s.text)
    assert "بردیمحمدوف" in call.original and "بردی" + ZWNJ + "محمدوف" in call.text


def test_prepare_indexes_are_consecutive(seed):
    _, prepared = seed
    assert [s.index for s in prepared.sentences] == list(range(len(prepared.sentences)))


def test_prepare_maps_arabic_letters_and_digits_back():
    article = Article(id="t", lang="fa", title="ديدار روحاني", text="در ۲۲ بهمن  ۱۳۹۸ ديدار كرد.")
    prepared = prepare(article)
    sentence = prepared.sentences[1]
    assert sentence.text == "در 22 بهمن 1398 دیدار کرد."
    assert sentence.original == "در ۲۲ بهمن  ۱۳۹۸ ديدار كرد."


def test_prepare_english_article():
    article = Article(id="e", lang="en", title="Iran, Oman talks",
                      text="Iran\u2019s FM met Oman\u2019s FM in Muscat. They discussed U.S. sanctions.\n"
                           "Read more: Zarif visits Moscow\nRelated articles\nOther story")
    prepared = prepare(article)
    assert [s.text for s in prepared.sentences] == [
        "Iran, Oman talks", "Iran's FM met Oman's FM in Muscat.", "They discussed U.S. sanctions."]
    assert prepared.sentences[1].original == "Iran\u2019s FM met Oman\u2019s FM in Muscat."
    assert prepared.dropped == ["Read more: Zarif visits Moscow", "Related articles", "Other story"]


def test_prepare_without_a_title_has_no_title_sentence():
    prepared = prepare(Article(id="t", lang="fa", title="", text="وزیر خارجه گفتگو کرد."))
    assert prepared.body == "\nوزیر خارجه گفتگو کرد."
    assert [(s.index, s.is_title, s.text) for s in prepared.sentences] == [(0, False, "وزیر خارجه گفتگو کرد.")]


def test_prepare_a_title_with_a_line_break_stays_one_line():
    prepared = prepare(Article(id="t", lang="fa", title="دیدار\nظریف", text="متن."))
    assert prepared.title == "دیدار ظریف"
    assert prepared.sentences[1].original == "متن."


def test_prepare_an_article_of_only_boilerplate():
    prepared = prepare(Article(id="t", lang="fa", title="عنوان", text="READ خبر دیگر\nنوشته‌های مشابه"))
    assert prepared.body == "عنوان\n"
    assert [s.text for s in prepared.sentences] == ["عنوان"]


def test_prepare_every_sentence_of_the_bundled_examples_maps_back():
    paths = [ROOT / "examples", ROOT / "tests" / "fixtures" / "articles"]
    count = 0
    for article in read_articles(paths):
        if not isinstance(article, Article):
            continue
        prepared = prepare(article)
        for sentence in prepared.sentences:
            count += 1
            assert normalise(sentence.original, article.lang).text == sentence.text
    assert count > 50


def test_prepare_is_fast_enough_for_the_pipeline():
    # ≥ 200 articles/s per core for the whole pipeline: preparing must take a small part of 5 ms.
    import time

    records = [json.loads(line) for line in (ROOT / "examples" / "fa-irnews-sample.jsonl").open(encoding="utf-8")]
    articles = [Article(id=r["id"], lang="fa", title=r["title"], text=r["text"]) for r in records]
    prepare(articles[0])
    start = time.perf_counter()
    for _ in range(5):
        for article in articles:
            prepare(article)
    per_article = (time.perf_counter() - start) / (5 * len(articles))
    assert per_article < 0.0025
