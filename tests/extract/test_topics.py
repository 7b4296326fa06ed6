"""Topic finder: stated domains, and words that name a force, a person or a state's own affair."""

import pytest

from kg.extract.lexicons import TopicWord
from kg.extract.topics import TopicFinder, not_domain_phrases


@pytest.fixture(scope="module")
def finder():
    return TopicFinder.default("fa")


@pytest.mark.parametrize(("text", "topics"), [
    ("دو کشور بر گسترش همکاری‌های نظامی و دفاعی تاکید کردند", ("defence",)),
    ("صادرات سلاح آلمان به قطر افزایش یافت", ("defence",)),
    ("دو طرف درباره مبارزه با تروریسم و افراط‌گرایی گفتگو کردند", ("counterterrorism",)),
    ("وزیر خارجه روسیه در حاشیه کنفرانس امنیتی مونیخ دیدار کرد", ("security",)),
    ("گسترش همکاری‌های پارلمانی دو کشور", ("parliamentary",)),
])
def test_topics_keep_stated_domains(finder, text, topics):
    assert finder.find(text) == topics


@pytest.mark.parametrize("text", [
    "حملات هوایی و زمینی ارتش ترکیه به مواضع نیروهای دولت سوریه",  # an army is a party
    "آمریکا با حمله نظامی به این کشور تهدید کرد",  # the act of a conflict, not its domain
    "نگرانی از احتمال مداخله نظامی آمریکا علیه نفتکش‌ها",  # …but the tankers are oil
    "به گزارش یک منبع نظامی، نیروهای مسلح این کشور وارد شهر شدند",
    "او قانون امنیت ملی هنگ‌کنگ را ناقوس مرگ خودمختاری خواند",  # a state's own security
    "نیروهای امنیتی معترضان را پراکنده کردند",
    "خبر مرگ شماری از نظامیان ارتش این کشور منتشر شد",  # soldiers are victims, not a domain
    "ارتش سوریه با گروه‌های شبه نظامی تحت حمایت ترکیه درگیر است",
    "تروریست‌ها از این منطقه عقب رانده شدند",  # persons, not the domain
    "نیروی هوایی اسرائیل مواضعی را هدف قرار داد",  # a force, and not aviation either
    "پارلمان عراق به خروج نیروهای آمریکایی رای داد",  # a state body acting
    "موشک‌ها به پایگاه نظامی آمریکا در عراق اصابت کرد",  # a target, not a domain
    "به گفته منابع امنیتی عراق، این حمله خسارتی نداشت",  # a source
    "سردار سلیمانی در فرودگاه بغداد ترور شد",  # the place of an act, not aviation
    "به گزارش منابع دیپلماتیک، این دیپلمات ارشد آلمانی گفت",  # sources and persons
    "او به اتهام فساد مالی تحت پیگرد است",  # a crime, not finance
    "پلیس او را در بیمارستان بازداشت کرد",  # a place, not health
    "عراق میزبان یک سری از مقامات ارشد دفاعی آمریکا بوده است",  # officials are parties
    "دولت باید از نهادهای امنیتی حمایت کند",  # institutions are parties
])
def test_topics_ignore_forces_persons_and_own_affairs(finder, text):
    assert set(finder.find(text)) <= {"oil"}, finder.find(text)


def test_attacks_on_hospitals_are_health(finder):
    assert finder.find("حمله به بیمارستان‌ها و مدارس") == ("health", "education")


def test_nuclear_weapons_are_nuclear_not_defence(finder):
    assert finder.find("ادعای اسرائیل درباره سلاح‌های هسته‌ای ایران") == ("nuclear",)


def test_not_domain_rows_come_from_the_lexicon_use_column():
    phrases = not_domain_phrases("fa")
    assert {"حمله نظامی", "امنیت ملی", "ارتش"} <= set(phrases)
    assert "دفاعی" not in phrases and not_domain_phrases("en") == ()


def test_a_not_domain_phrase_swallows_the_domain_word_inside_it():
    words = (TopicWord("defence", "fa", "نظامی"),)
    assert TopicFinder(words).find("عملیات نظامی") == ("defence",)
    assert TopicFinder(words, not_domain=["عملیات نظامی"]).find("عملیات نظامی و همکاری نظامی") == ("defence",)
    assert TopicFinder(words, not_domain=["عملیات نظامی"]).find("عملیات نظامی") == ()


def test_skipped_spans_are_names_not_domains(finder):
    text = "وزیر بهداشت ترکیه به کابل سفر کرد"
    assert finder.find(text) == ("health",)
    assert finder.find(text, [(0, len("وزیر بهداشت ترکیه"))]) == ()
