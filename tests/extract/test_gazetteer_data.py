"""The gazetteer files parse, hold together, and answer "who held office X on day D"."""

import importlib.util
import shutil
from datetime import date
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.extract.gazetteer_data import FILES, gazetteer_dir, load_gazetteer
from kg.facts import ActorKind

DATA = load_gazetteer()
SHARED_COUNTRIES = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "countries"


def _all_actors():
    return [*DATA.countries.values(), *DATA.organizations.values(), *DATA.groups.values(),
            *DATA.persons.values()]


def test_gazetteer_every_file_parses_into_actors():
    assert {p.name for p in gazetteer_dir().glob("*.tsv")} >= set(FILES)
    assert len(DATA.countries) >= 249
    assert len(DATA.states) >= 195
    assert len(DATA.organizations) >= 30 and len(DATA.groups) >= 15
    assert len(DATA.persons) >= 300 and len(DATA.office_titles) >= 100
    assert all(a.kind is ActorKind.PERSON and a.key.startswith("person:") for a in DATA.persons.values())


def test_gazetteer_load_is_cached():
    assert load_gazetteer() is DATA
    assert load_gazetteer(gazetteer_dir()) is DATA


def test_gazetteer_keys_are_unique_across_tables():
    keys = [a.key for a in _all_actors()]
    assert len(keys) == len(set(keys))


def test_gazetteer_wikidata_ids_look_like_q_numbers():
    ids = [a.wikidata for a in _all_actors() if a.wikidata]
    assert len(ids) >= 250
    assert all(i[0] == "Q" and i[1:].isdigit() and i[1] != "0" for i in ids)
    assert DATA.persons["person:vladimir-putin"].wikidata == "Q7747"
    assert DATA.countries["IRN"].wikidata == "Q794"


def test_gazetteer_offices_of_one_role_and_country_do_not_overlap():
    clashes = []
    for role, country in {(o.role, o.country) for a in DATA.persons.values() for o in a.offices}:
        spells = DATA.holders(role, country)
        for (first, a), (second, b) in zip(spells, spells[1:]):
            if a.end is None or a.end >= b.start:
                clashes.append(f"{role} {country}: {first.key} {a.start}–{a.end} / {second.key} from {b.start}")
    assert clashes == []


@pytest.mark.parametrize("role, country, day, person", [
    ("foreign-minister", "IRN", "2020-01-17", "mohammad-javad-zarif"),
    ("foreign-minister", "IRN", "2024-06-01", "ali-bagheri-kani"),
    ("foreign-minister", "IRN", "2025-02-10", "abbas-araghchi"),
    ("head-of-state", "IRN", "2025-02-10", "masoud-pezeshkian"),
    ("head-of-state", "IRN", "2024-06-15", "mohammad-mokhber"),
    ("head-of-state", "IRN", "2016-01-01", "hassan-rouhani"),
    ("supreme-leader", "IRN", "2025-02-10", "ali-khamenei"),
    ("head-of-state", "TKM", "2021-06-01", "gurbanguly-berdimuhamedov"),
    ("head-of-state", "TKM", "2025-02-10", "serdar-berdimuhamedov"),
    ("national-leader", "TKM", "2025-02-10", "gurbanguly-berdimuhamedov"),
    ("head-of-state", "RUS", "2025-08-25", "vladimir-putin"),
    ("head-of-state", "USA", "2018-05-08", "donald-trump"),
    ("foreign-minister", "USA", "2015-07-14", "john-kerry"),
    ("head-of-government", "GBR", "2020-01-03", "boris-johnson"),
    ("secretary-general", "UN", "2015-07-20", "ban-ki-moon"),
    ("director-general", "IAEA", "2025-06-13", "rafael-grossi"),
    ("high-representative", "EU", "2018-05-08", "federica-mogherini"),
    ("supreme-leader", "AFG", "2023-01-01", "hibatullah-akhundzada"),
])
def test_gazetteer_person_for_office_on_a_day(role, country, day, person):
    found = DATA.person_for_office(role, country, date.fromisoformat(day))
    assert found is not None and found.key == f"person:{person}"


def test_gazetteer_person_for_office_is_none_when_nobody_held_it():
    # Khamenei was killed on 2026-02-28; the Assembly of Experts chose his successor on 2026-03-08.
    assert DATA.person_for_office("supreme-leader", "IRN", "2026-03-02") is None
    # Lebanon had no president from 2022-10-31 to 2025-01-08.
    assert DATA.person_for_office("head-of-state", "LBN", "2023-06-01") is None
    assert DATA.person_for_office("head-of-state", "XXX", "2023-06-01") is None


def test_gazetteer_person_acts_for_the_state_of_the_latest_office():
    gurbanguly = DATA.persons["person:gurbanguly-berdimuhamedov"]
    assert [o.role for o in gurbanguly.offices] == ["head-of-state", "national-leader"]
    assert gurbanguly.party == "TKM" and gurbanguly.is_state_party
    assert DATA.persons["person:hibatullah-akhundzada"].country == "AFG"
    assert DATA.persons["person:antonio-guterres"].party == "UN"
    starts = [[o.start for o in a.offices] for a in DATA.persons.values()]
    assert all(s == sorted(s) for s in starts)


def test_gazetteer_every_state_has_a_persian_and_an_english_name():
    missing = [k for k, a in DATA.countries.items() if not a.name_fa or not a.name_en]
    assert missing == []
    assert {"PSE", "XKX", "TWN", "VAT"} <= set(DATA.states)
    assert DATA.countries["TKM"].name_fa == "ترکمنستان"


def test_gazetteer_caspian_group_has_the_five_littoral_states():
    caspian = DATA.groups["CASPIAN"]
    assert caspian.kind is ActorKind.GROUP
    assert sorted(caspian.members) == ["AZE", "IRN", "KAZ", "RUS", "TKM"]
    assert "کشورهای حاشیه دریای خزر" in {f.text for f in DATA.forms_of("CASPIAN")}


def test_gazetteer_governing_group_acts_for_its_state():
    assert DATA.groups["TALIBAN"].party == "AFG"
    assert DATA.groups["HAMAS"].party == "HAMAS"


def test_gazetteer_member_lists_name_known_states():
    bodies = [*DATA.organizations.values(), *DATA.groups.values()]
    assert all(m in DATA.countries for body in bodies for m in body.members)
    assert len(DATA.organizations["NATO"].members) == 32
    assert len(DATA.organizations["EU"].members) == 27


def test_gazetteer_finds_the_names_of_the_seed_article():
    forms = {(f.text, f.actor_key) for f in DATA.surface_forms}
    assert ("مسعود پزشکیان", "person:masoud-pezeshkian") in forms
    assert ("قربانقلی بردی‌محمدوف", "person:gurbanguly-berdimuhamedov") in forms
    assert ("ترکمنستان", "TKM") in forms and ("ایران", "IRN") in forms
    titles = {t.text: t for t in DATA.office_titles}
    assert titles["رئیس‌جمهور"].role == "head-of-state"
    assert titles["رهبر ملی"].role == "national-leader"
    assert (titles["رهبر معظم انقلاب"].role, titles["رهبر معظم انقلاب"].country) == ("supreme-leader", "IRN")


def _form(text, key):
    return next(f for f in DATA.surface_forms if f.text == text and f.actor_key == key)


def test_gazetteer_marks_forms_that_need_context():
    assert _form("آستانه", "KAZ").ambiguous and _form("آستانه", "KAZ").kind == "capital"
    assert _form("ترک", "TUR").ambiguous and _form("ترک", "TUR").kind == "demonym"
    assert _form("آذربایجانی", "AZE").ambiguous
    assert not _form("مسکو", "RUS").ambiguous and _form("مسکو", "RUS").kind == "capital"
    assert not _form("پوتین", "person:vladimir-putin").ambiguous


def test_gazetteer_form_naming_two_actors_is_ambiguous():
    assert _form("عمان", "OMN").ambiguous and _form("عمان", "JOR").ambiguous
    assert _form("بردی‌محمدوف", "person:serdar-berdimuhamedov").ambiguous


def test_gazetteer_office_titles_cover_every_role_in_offices():
    roles = {o.role for a in DATA.persons.values() for o in a.offices}
    assert roles <= {t.role for t in DATA.office_titles}


def test_gazetteer_non_party_names_each_contain_an_actors_form():
    # A listed non-party name earns its place by hiding a state's (or group's) written form.
    forms = {(f.text, f.lang) for f in DATA.surface_forms}
    for name in DATA.non_parties:
        words = name.text.replace("\u200c", " ").replace("-", " ").split()
        spans = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        assert any((s, name.lang) in forms or (s.replace(" ", "\u200c"), name.lang) in forms for s in spans), name.text


def _copy(tmp_path):
    folder = tmp_path / "gazetteer"
    shutil.copytree(gazetteer_dir(), folder)
    return folder


def _append(path, line):
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_gazetteer_malformed_row_names_file_and_line(tmp_path):
    folder = _copy(tmp_path)
    line = _append(folder / "groups.tsv", "BROKEN\tstate-group\tBroken")
    with pytest.raises(KGError, match=rf"KG102.*groups.tsv:{line}: expected 12 tab-separated cells"):
        load_gazetteer(folder)


def test_gazetteer_bad_wikidata_id_is_refused(tmp_path):
    folder = _copy(tmp_path)
    line = _append(folder / "persons.tsv", "some-one\tX42\tSome One\tکسی\t\t\t\t")
    with pytest.raises(KGError, match=rf"persons.tsv:{line}: Wikidata ID 'X42'"):
        load_gazetteer(folder)


def test_gazetteer_office_of_unknown_person_is_refused(tmp_path):
    folder = _copy(tmp_path)
    line = _append(folder / "offices.tsv", "no-such-person\thead-of-state\tIRN\t\t\t2020-01-01\t\t")
    with pytest.raises(KGError, match=rf"offices.tsv:{line}: unknown person 'no-such-person'"):
        load_gazetteer(folder)


def test_gazetteer_duplicate_key_is_refused(tmp_path):
    folder = _copy(tmp_path)
    line = _append(folder / "organizations.tsv", "UN\t\tUnited Nations\tسازمان ملل\t\t\t\tigo\t\t")
    with pytest.raises(KGError, match=rf"organizations.tsv:{line}: duplicate key 'UN'"):
        load_gazetteer(folder)


@pytest.mark.skipif(not SHARED_COUNTRIES.is_dir(), reason="needs ../shared/reference/countries")
def test_gazetteer_countries_file_is_what_the_build_script_makes(tmp_path):
    script = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", script)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path / "countries.tsv"
    assert build.main(["--reference", str(SHARED_COUNTRIES), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (gazetteer_dir() / "countries.tsv").read_text(encoding="utf-8")


def test_gazetteer_governing_group_is_its_state_only_while_it_governs():
    from kg.extract.gazetteer_data import load_gazetteer

    gazetteer = load_gazetteer()
    taliban = gazetteer.groups["TALIBAN"]
    assert gazetteer.as_of(taliban, date(2020, 2, 29)).party == "TALIBAN"
    assert gazetteer.as_of(taliban, date(2023, 1, 1)).party == "AFG"


def test_gazetteer_monarch_titles_are_not_read_as_the_home_states():
    home = {(t.text, t.lang): t.home for t in DATA.office_titles}
    assert home[("پادشاه", "fa")] is False and home[("سناتور", "fa")] is False
    assert home[("رئیس‌جمهور", "fa")] is True and home[("نماینده مجلس", "fa")] is True


def test_gazetteer_former_official_is_a_party_of_no_state():
    zarif = DATA.persons["person:mohammad-javad-zarif"]
    assert DATA.as_of(zarif, date(2020, 1, 17)).country == "IRN"
    assert DATA.as_of(zarif, date(2022, 6, 1)).country is None
    assert DATA.as_of(zarif, None).country == "IRN"  # undated text: as the gazetteer says


def test_gazetteer_non_party_with_unknown_language_is_refused(tmp_path):
    folder = _copy(tmp_path)
    line = _append(folder / "non-parties.tsv", "Le Monde\tfr\tnewspaper\t")
    with pytest.raises(KGError, match=rf"non-parties.tsv:{line}: lang 'fr'"):
        load_gazetteer(folder)


def test_gazetteer_person_acts_for_the_body_of_the_office_held_that_day():
    akhundzada = DATA.persons["person:hibatullah-akhundzada"]
    assert DATA.as_of(akhundzada, date(2019, 6, 1)).party == "TALIBAN"
    assert DATA.as_of(akhundzada, date(2021, 8, 15)).party == "AFG"
    assert DATA.person_for_office("leader", "TALIBAN", date(2019, 6, 1)).party == "TALIBAN"
