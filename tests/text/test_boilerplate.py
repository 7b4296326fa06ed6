"""Boilerplate lines of scraped pages: dropped; bullet marks: stripped and remembered."""

from pathlib import Path

import pytest

from kg.errors import KGError
from kg.text.boilerplate import Boilerplate

TITLE = "پزشکیان: ایران حامی گسترش همکاری‌ها میان کشورهای حاشیه دریای خزر"


def kept(text: str, title: str = "") -> list[tuple[str, bool]]:
    cleaned = Boilerplate.default().clean(text, title)
    return [(text[line.start:line.end], line.bullet) for line in cleaned.lines]


def dropped(text: str, title: str = "") -> list[str]:
    return Boilerplate.default().clean(text, title).dropped


def test_boilerplate_drops_the_title_repeated_as_a_body_line():
    text = f"{TITLE}\nرئیس‌جمهور ایران اعلام کرد."
    assert kept(text, TITLE) == [("رئیس‌جمهور ایران اعلام کرد.", False)]


@pytest.mark.parametrize("line", [
    "READ  رئیس قوه قضائیه: ترس آمریکا از حمایت ایرانیان از انقلاب اسلامی",
    "بیشتر بخوانید: دیدار ظریف و لاوروف در مسکو",
    "بخوانید: سفر وزیر خارجه عمان",
    "برچسب‌ها: ایران، ترکمنستان، خزر",
    "اشتراک گذاری",
    "کد خبر: 12345",
    "Share this article",
    "Tags: Iran, Oman",
    "•",
    "- ",
    "...",
])
def test_boilerplate_drops_link_share_tag_and_empty_lines(line):
    text = f"متن خبر.\n{line}\nادامه خبر."
    assert kept(text) == [("متن خبر.", False), ("ادامه خبر.", False)]
    assert dropped(text) == [line.strip()]


@pytest.mark.parametrize("heading", ["نوشته‌های مشابه", "نوشتههای مشابه", "مطالب مرتبط", "اخبار مرتبط:",
                                     "Related articles"])
def test_boilerplate_drops_a_related_block_and_everything_after_it(heading):
    text = f"متن خبر.\n{heading}\nعنوان خبر دیگر\nعنوان سوم"
    assert kept(text) == [("متن خبر.", False)]
    assert dropped(text) == [heading, "عنوان خبر دیگر", "عنوان سوم"]


def test_boilerplate_keeps_a_long_sentence_that_starts_like_a_share_line():
    line = "چاپ اسکناس جدید از سوی بانک مرکزی با هدف مقابله با تورم و کاهش هزینه‌های نقل و انتقال پول آغاز شد."
    assert kept(line) == [(line, False)]


@pytest.mark.parametrize(("line", "text"), [
    ("  • گسترش همکاری‌های اقتصادی: بردی‌محمدوف خواستار شد.", "گسترش همکاری‌های اقتصادی: بردی‌محمدوف خواستار شد."),
    ("▪ حوزه‌های همکاری", "حوزه‌های همکاری"),
    ("◾همکاری فرهنگی", "همکاری فرهنگی"),
    ("- انرژی و گاز", "انرژی و گاز"),
    ("* حمل و نقل", "حمل و نقل"),
    ("1. Energy and gas", "Energy and gas"),
    ("2) حمل و نقل", "حمل و نقل"),
])
def test_boilerplate_strips_bullet_marks_and_remembers_the_bullet(line, text):
    assert kept(line) == [(text, True)]


def test_boilerplate_a_negative_number_is_not_a_bullet():
    assert kept("-5 درجه دما ثبت شد") == [("-5 درجه دما ثبت شد", False)]


def test_boilerplate_spans_point_into_the_text_given():
    text = "عنوان\n\n  • بند اول  \nمتن"
    cleaned = Boilerplate.default().clean(text, "عنوان", start=len("عنوان") + 1)
    assert [(line.start, line.end) for line in cleaned.lines] == [(11, 18), (21, 24)]


def test_boilerplate_rules_load_from_a_tsv(tmp_path: Path):
    path = tmp_path / "rules.tsv"
    path.write_text("# own rules\nkind\tpattern\tmax_words\tnote\ndrop\tتبلیغ\t\tads\n", encoding="utf-8")
    rules = Boilerplate.from_tsv(path)
    assert rules.clean("تبلیغ ویژه\nمتن").dropped == ["تبلیغ ویژه"]


def test_boilerplate_bad_rule_is_a_numbered_error(tmp_path: Path):
    path = tmp_path / "rules.tsv"
    path.write_text("kind\tpattern\nskip\tx\n", encoding="utf-8")
    with pytest.raises(KGError, match=r"KG101.*rules.tsv:2"):
        Boilerplate.from_tsv(path)
