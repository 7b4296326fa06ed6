"""Event dates: Jalali, Gregorian and Hijri dates in Persian text, weekdays and relative words."""

from datetime import date

import pytest

from kg.extract.dates import DateFinder

ARTICLE_DAY = date(2025, 2, 11)  # a Tuesday


@pytest.fixture(scope="module")
def finder():
    return DateFinder.default("fa")


@pytest.mark.parametrize("sentence, expected, certainty", [
    ("این دیدار در ۲۲ بهمن ۱۴۰۳ انجام شد.", date(2025, 2, 10), "exact"),
    ("وزیر خارجه روز ۲۲ بهمن به مسکو رفت.", date(2025, 2, 10), "relative"),
    ("نشست بعدی هشتم اردیبهشت برگزار شد.", date(2024, 4, 27), "relative"),
    ("رئیس‌جمهور روسیه در ۲۵ آگوست ۲۰۲۴ به باکو سفر کرد.", date(2024, 8, 25), "exact"),
    ("ظریف و لاوروف در 3 ژانویه گفتگو کردند.", date(2025, 1, 3), "relative"),
    ("این سند در ۱۲ شعبان ۱۴۴۶ امضا شد.", date(2025, 2, 11), "exact"),
    ("طبق اطلاعیه ۱۴۰۳/۱۱/۲۲ دو طرف دیدار کردند.", date(2025, 2, 10), "exact"),
])
def test_dates_stated_in_each_calendar(finder, sentence, expected, certainty):
    found = finder.find(sentence, ARTICLE_DAY)
    assert (found.value, found.certainty) == (expected, certainty)


@pytest.mark.parametrize("sentence, expected", [
    ("پزشکیان روز دوشنبه با بردی‌محمدوف تلفنی گفتگو کرد.", date(2025, 2, 10)),
    ("ظریف امروز با همتای عمانی خود دیدار کرد.", date(2025, 2, 11)),
    ("امیر قطر دیروز با رئیس‌جمهور ایران تماس گرفت.", date(2025, 2, 10)),
    ("وزیر خارجه روز گذشته وارد مسکو شد.", date(2025, 2, 10)),
    ("دو رئیس‌جمهور روز پنجشنبه آینده دیدار می‌کنند.", date(2025, 2, 13)),
    ("لاوروف روز سه‌شنبه به تهران آمد.", date(2025, 2, 11)),
])
def test_dates_relative_to_the_article_day(finder, sentence, expected):
    assert finder.find(sentence, ARTICLE_DAY).value == expected


def test_dates_vague_week_is_uncertain(finder):
    found = finder.find("هفته گذشته دو وزیر دیدار کردند.", ARTICLE_DAY)
    assert found.certainty == "uncertain"


def test_dates_relative_words_need_an_article_day(finder):
    assert finder.find("دیروز دو وزیر دیدار کردند.", None) is None


def test_dates_a_sentence_without_a_date_gives_none(finder):
    assert finder.find("ایران و عمان بر گسترش روابط تاکید کردند.", ARTICLE_DAY) is None


def test_dates_impossible_day_is_ignored(finder):
    assert finder.find("در ۳۵ بهمن ۱۴۰۳ دیدار شد.", ARTICLE_DAY) is None
