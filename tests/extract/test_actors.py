"""Actor mentions: names, offices on a date, role patterns for new people, references."""

from datetime import date

from kg.extract.actors import ActorFinder, Discourse


def found(text, day=date(2020, 1, 17), discourse=None):
    discourse = discourse or Discourse(home="IRN", day=day)
    return [(m.actor.key, m.via) for m in ActorFinder.default("fa").find(text, 0, discourse)]


def test_actors_country_names_variants_and_demonyms():
    keys = [k for k, _ in found("مقامات ایرانی با هیئت روسیه و نمایندگان ایالات متحده آمریکا دیدار کردند.")]
    assert keys == ["IRN", "RUS", "USA"]


def test_actors_office_and_state_is_the_holder_on_the_article_date():
    assert found("وزیر امور خارجه ایران گفت.", date(2020, 1, 17))[0][0] == "person:mohammad-javad-zarif"
    assert found("وزیر امور خارجه ایران گفت.", date(2025, 2, 10))[0][0] == "person:abbas-araghchi"


def test_actors_office_without_a_state_in_persian_press_is_irans():
    assert found("رئیس‌جمهور در تماس تلفنی گفت.", date(2025, 2, 10))[0][0] == "person:masoud-pezeshkian"


def test_actors_office_state_and_name_in_apposition_is_one_mention():
    mentions = found("رئیس‌جمهور ایران، مسعود پزشکیان، اعلام کرد.", date(2025, 2, 10))
    assert mentions == [("person:masoud-pezeshkian", "gazetteer")]


def test_actors_role_pattern_gives_a_new_person_with_the_office():
    discourse = Discourse(home="IRN", day=date(2024, 3, 1))
    [(key, via)] = found("وزیر امور خارجه تونس، نبیل عمار تازه‌کار، گفت.", discourse=discourse)
    assert via == "role-pattern"
    person = discourse.new_persons[key]
    assert person.country == "TUN" and person.offices[0].role == "foreign-minister"


def test_actors_ambassador_acts_for_the_sending_state_not_the_host():
    # «سفیر ایران در عمان»: Iran's ambassador; «در عمان» is where, and «عمان» alone stays ambiguous.
    assert found("سفیر ایران در عمان گفت.") == [("IRN", "office")]
    assert found("سفیر ایران در عمان با وزیر خارجه عمان دیدار کرد.") == \
        [("IRN", "office"), ("person:yusuf-bin-alawi", "office")]


def test_actors_counterpart_is_the_same_office_in_the_other_state():
    keys = [k for k, _ in found("وزیر امور خارجه ایران با همتای روس خود گفتگو کرد.")]
    assert keys == ["person:mohammad-javad-zarif", "person:sergey-lavrov"]


def test_actors_pronoun_refers_to_the_last_person():
    discourse = Discourse(home="IRN", day=date(2020, 1, 17))
    finder = ActorFinder.default("fa")
    first = finder.find("لاوروف به تهران آمد.", 0, discourse)
    discourse.last_person = first[0]
    assert [m.actor.key for m in finder.find("وی گفت.", 1, discourse)] == ["person:sergey-lavrov"]


def test_actors_ambiguous_surname_resolves_to_the_bearer_already_named():
    discourse = Discourse(home="IRN", day=date(2025, 2, 10))
    finder = ActorFinder.default("fa")
    finder.find("قربانقلی بردی‌محمدوف گفت.", 0, discourse)
    assert [m.actor.key for m in finder.find("بردی‌محمدوف افزود.", 1, discourse)] == \
        ["person:gurbanguly-berdimuhamedov"]


def test_actors_ambiguous_surname_alone_is_not_guessed():
    assert found("بردی‌محمدوف افزود.", date(2025, 2, 10)) == []


def test_actors_oman_after_a_title_is_the_state():
    # «عمان» is Oman or Amman; after an office title it can only be the state.
    assert found("وزیر امور خارجه عمان گفت.", date(2020, 1, 17)) == [("person:yusuf-bin-alawi", "office")]
