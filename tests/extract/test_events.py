"""Event assembly rules, each on a sentence of the kind Persian news writes."""

from datetime import date

import pytest

from kg.extract.pipeline import extract
from kg.facts import Article


def events(text, day=date(2024, 5, 14)):
    return [(e.category, e.state_parties, tuple(sorted(e.parties - set(e.state_parties))))
            for e in extract(Article(id="t", lang="fa", title="", text=text, date=day)).events]


def test_events_phone_call_with_the_party_after_ba():
    assert ("CONSULT", ("IRN", "OMN"), ()) in events(
        "وزیر امور خارجه ایران در تماس تلفنی با وزیر امور خارجه عمان درباره تحولات یمن گفتگو کرد.")


def test_events_state_after_darbareh_is_a_topic_not_a_party():
    found = events("وزیر امور خارجه ایران در تماس تلفنی با وزیر امور خارجه عمان درباره تحولات یمن گفتگو کرد.")
    assert all("YEM" not in parties for _, parties, _ in found)


def test_events_genitive_after_a_noun_trigger_acts():
    assert ("SANCTION", ("IRN", "USA"), ()) in events("تحریم‌های جدید آمریکا علیه ایران اعلام شد.")


def test_events_negated_meeting_gives_nothing():
    assert not [e for e in events("وزیر خارجه آذربایجان با همتای سوئیسی خود دیدار نکرد.") if e[0] == "CONSULT"]


def test_events_request_to_attack_is_not_an_attack():
    found = events("یک مقام سابق اسرائیل خواستار حمله به تاسیسات هسته‌ای ایران شد.")
    assert not [e for e in found if e[0] == "ASSAULT"]


def test_events_speculation_before_ke_governs_the_clause():
    found = events("این استاد دانشگاه گفت: من فکر نمی‌کنم که اسرائیل به ایران حمله کند.")
    assert not [e for e in found if e[0] == "ASSAULT"]


def test_events_a_tanker_does_not_pay_a_visit():
    found = events("نفتکش‌های ایرانی وارد ونزوئلا شدند.")
    assert not [e for e in found if e[0] == "CONSULT"]


def test_events_visit_of_an_official_is_consult_visit():
    found = extract(Article(id="t", lang="fa", title="", date=date(2020, 1, 17),
                            text="محمدجواد ظریف برای دیدار با مقامات عمان به مسقط سفر کرد.")).events
    assert any(e.category == "CONSULT" and e.mode == "visit" and e.state_parties == ("IRN", "OMN") for e in found)


def test_events_signing_between_two_named_parties():
    found = events("مراسم امضای توافقنامه صلح میان آمریکا و طالبان در شهر دوحه قطر برگزار شد.")
    assert found and all("QAT" not in parties for _, parties, _ in found)


def test_events_future_meeting_is_an_intent():
    found = events("وزیر امور خارجه روسیه قرار است هفته آینده به تهران سفر کند.")
    assert [e for e in found if e[0] == "AGREE"] and not [e for e in found if e[0] == "CONSULT"]


@pytest.mark.parametrize("text", ["دو کشور بر گسترش همکاری‌های اقتصادی تاکید کردند."])
def test_events_two_countries_refers_to_the_article_dyad(text):
    lead = "وزیر امور خارجه ایران در تماس تلفنی با وزیر امور خارجه عمان گفتگو کرد. "
    assert ("AGREE", ("IRN", "OMN"), ()) in events(lead + text)
