"""Event rules of issue #3, each on a sentence of the kind Persian news writes."""

from datetime import date

from kg.extract.cues import CueFinder
from kg.extract.pipeline import extract
from kg.facts import Article


def events(text, title="", day=date(2020, 3, 1)):
    return [(e.category, e.state_parties)
            for e in extract(Article(id="t", lang="fa", title=title, text=text, date=day)).events]


def test_events_rules_spaced_slash_parts_two_headlines():
    found = events("جزئیات بیشتری منتشر نشد.",
                   title="آمریکا به ترکیه پیشنهاد کمک داد/ اردوغان در فکر استقرار موشک در مرز سوریه")
    assert ("AGREE", ("TUR", "USA")) in found
    assert all("SYR" not in parties for _, parties in found)


def test_events_rules_slash_in_a_date_is_no_clause_break():
    cues = CueFinder.default("fa")
    text = "در تاریخ 1399/01/02 ایران و عراق دیدار کردند"
    assert cues.clause(text, text.index("دیدار"), text.index("دیدار") + 5)[0] == 0


def test_events_rules_generic_quantifier_reports_no_act():
    found = events("رئیس سابق شورای امنیت اسرائیل گفت هرگونه تاخیر در حمله به ایران خطرناک است.")
    assert not [e for e in found if e[0] == "ASSAULT"]


def test_events_rules_agent_noun_is_no_meeting():
    found = events("یکی از اعضای هیات مذاکره‌کننده ایران با سه کشور اروپایی مخالف این طرح بود.")
    assert not [e for e in found if e[0] == "CONSULT"]


def test_events_rules_backer_backs_the_subject_only():
    found = events("ارتش سوریه با حمایت روسیه در ادلب به مواضع ارتش ترکیه حمله کرد.")
    assert ("AID", ("RUS", "SYR")) in found
    assert ("ASSAULT", ("SYR", "TUR")) in found
    assert all(parties != ("RUS", "SYR", "TUR") for _, parties in found)


def test_events_rules_news_attribution_place_is_no_party():
    found = events("به گزارش رویترز از مسکو، ایران و عراق یک تفاهم‌نامه همکاری امضا کردند.")
    assert found and all("RUS" not in parties for _, parties in found)


def test_events_rules_going_to_greet_is_no_support():
    found = events("وزیر نفت ونزوئلا به استقبال نفتکش‌های ایرانی رفت.")
    assert not [e for e in found if e[0] == "SUPPORT"]


def test_events_rules_signing_told_once_is_one_event():
    found = events("موریتانی و عربستان سعودی توافقنامه همکاری نظامی امضا کردند.")
    assert len([e for e in found if e[1] == ("MRT", "SAU")]) == 1


def test_events_rules_speculation_governs_nested_ke_clauses():
    found = events("این استاد گفت: من فکر نمی‌کنم که اسرائیل همان گونه که در گذشته اقدام کرد به حمله علیه ایران دست زند.")
    assert not [e for e in found if e[0] == "ASSAULT"]


def test_events_rules_city_after_a_preposition_is_the_destination():
    found = events("قرار است وزیر دفاع آمریکا فردا به شهر مسکو سفر کند.")
    assert found and found[0][1] == ("RUS", "USA")


def test_events_rules_condition_governs_the_main_clause_after_it():
    found = events("اگر آمریکا مانع شود، ایران به ونزوئلا کمک نظامی خواهد کرد و از آن حمایت می‌کند.")
    assert not [e for e in found if e[0] == "SUPPORT"]


def test_events_rules_obligation_reports_no_act():
    found = events("هوک گفت ایران باید میان مذاکره با آمریکا و وخیم‌تر شدن اقتصاد یکی را انتخاب کند.")
    assert not [e for e in found if e[0] == "CONSULT"]


def test_events_rules_a_question_reports_no_act():
    found = events("از او پرسیدند آیا ایران با روسیه مذاکره کرده است.")
    assert not [e for e in found if e[0] == "CONSULT"]


def test_events_rules_a_charge_names_no_act():
    found = events("عربستان روابط خود را با قطر به اتهام حمایت این کشور از تروریسم قطع کرد.")
    assert not [e for e in found if e[0] == "SUPPORT"]


def test_events_rules_support_enjoyed_is_a_standing_relation():
    found = events("حوثی‌ها که از حمایت ایران برخوردارند با عربستان می‌جنگند.")
    assert not [e for e in found if e[0] == "SUPPORT"]


def test_events_rules_regretted_act_has_no_speaker_as_recipient():
    found = events("رئیس جمهور سوئیس با ابراز تاسف از خروج آمریکا از برجام بر حفظ این توافق تاکید کرد.")
    assert ("SANCTION", ("CHE", "USA")) not in found
    assert ("ACCUSE", ("CHE", "USA")) in found


def test_events_rules_criticised_attack_keeps_its_target():
    found = events("نخست وزیر ترکیه با انتقاد از حمله آمریکا به عراق گفت این کشور پایگاه تروریست‌ها شده است.")
    assert ("ASSAULT", ("IRQ", "USA")) in found


def test_events_rules_this_meeting_points_back_and_adds_no_event():
    found = events("وزیر خارجه ایران با همتای عمانی دیدار کرد. وزیر خارجه آلمان در این دیدار درباره آمریکا گفت.")
    assert [e for e in found if e[0] == "CONSULT"] == [("CONSULT", ("IRN", "OMN"))]


def test_events_rules_opposition_as_a_noun_is_commentary():
    found = events("این اقدام را می‌توان مخالفت ایران با سیاست فشار حداکثر آمریکا دانست.")
    assert not [e for e in found if e[0] == "REJECT"]


def test_events_rules_a_wish_to_deepen_ties_is_an_intent():
    found = events("رئیس‌جمهور ارمنستان در نامه به رئیس‌جمهور ایران خواستار تعمیق بیشتر روابط دو کشور شد.")
    assert ("AGREE", ("ARM", "IRN")) in found
    assert ("REQUEST", ("ARM", "IRN")) not in found


def test_events_rules_a_warning_states_its_condition_after_it():
    found = events("تهران به واشنگتن هشدار داده است در صورت جلوگیری از رسیدن نفتکش‌ها به ونزوئلا، "
                   "کاخ سفید با واکنش شدید روبرو خواهد شد.")
    assert ("THREATEN", ("IRN", "USA")) in found
    assert all("VEN" not in parties for _, parties in found)


def test_events_rules_condemning_an_attack_accuses_its_author_not_its_target():
    found = events("ایران حمله هوایی اسرائیل به سوریه را محکوم کرد.")
    assert ("ACCUSE", ("IRN", "ISR")) in found
    assert all(parties != ("IRN", "ISR", "SYR") for _, parties in found)


def test_events_rules_especially_names_members_of_the_list_before_it():
    found = events("وزیر خارجه مراکش گفت: آماده تداوم هماهنگی با کشورهای حاشیه خلیج فارس به ویژه عربستان و امارات هستیم.")
    assert any(parties == ("ARE", "MAR", "SAU") for _, parties in found)


def test_events_rules_a_delegation_heads_the_phrase_that_names_its_state():
    found = events("هیات بلندپایه شورای حکومتی عراق راهی ایران شد.")
    assert ("CONSULT", ("IRN", "IRQ")) in found


def test_events_rules_an_expected_signing_is_an_intent():
    found = events("انتظار می‌رود توافق صلح آمریکا و افغانستان فردا امضا شود.")
    assert ("AGREE", ("AFG", "USA")) in found


def test_events_rules_talks_under_way_are_talks_even_beside_an_expectation():
    found = events("انگلیس در حال مذاکره با استرالیا است و انتظار می‌رود مذاکره با آمریکا آغاز شود.")
    assert ("CONSULT", ("AUS", "GBR")) in found


def test_events_rules_each_destination_of_an_elided_transfer_list_receives():
    found = events("دولت آلمان با ارسال سلاح‌هایی به امارات به ارزش 500 یورو، سلاح‌هایی به ترکیه "
                   "با قیمت 180 یورو و تجهیزاتی به مصر با قیمت 40 یورو موافقت کرد.")
    for state in ("ARE", "EGY", "TUR"):
        assert ("COOPERATE", tuple(sorted(("DEU", state)))) in found


def test_events_rules_a_threat_as_a_noun_of_commentary_is_no_threat():
    found = events("وی گفت سلاح‌های هسته‌ای اسرائیل تهدیدی علیه ایران است.")
    assert not [e for e in found if e[0] == "THREATEN"]


def test_events_rules_a_power_to_act_is_no_act():
    found = events("رئیس‌جمهور آمریکا قدرت اعمال تحریم علیه سوریه را دارد.")
    assert not [e for e in found if e[0] == "SANCTION"]


def test_events_rules_a_complaint_against_a_state_accuses_it_not_the_addressee():
    found = events("سوریه در شکایتی به سازمان ملل علیه آمریکا اقدامات این کشور را محکوم کرد.")
    assert ("ACCUSE", ("SYR", "USA")) in found


def test_events_rules_a_clause_borrows_no_party_from_the_clauses_after_it():
    found = events("ارتش ترکیه حمله کرد، در حالی که سفیر آمریکا در سوریه دیدار داشت.")
    assert ("ASSAULT", ("TUR", "USA")) not in found


def test_events_rules_aid_thanked_for_was_given_to_the_speaker():
    found = events("وزیر امور خارجه ایران ضمن قدردانی از کمک‌های امارات، کرونا را موضوعی جهانی خواند.")
    assert ("AID", ("ARE", "IRN")) in found
    assert ("SUPPORT", ("ARE", "IRN")) in found


def test_events_rules_the_two_countries_have_agreed():
    found = events("وزیر راه ایران با وزیر حمل و نقل عمان دیدار کرد. وزیر راه ایران گفت دو کشور توافق کرده‌اند "
                   "حجم مبادلات تجاری را دو برابر کنند.")
    assert ("AGREE", ("IRN", "OMN")) in found


def test_events_rules_a_state_after_a_topic_word_belongs_to_the_topic():
    found = events("وزرای دفاع روسیه و ترکیه درباره ادلب سوریه تلفنی گفتگو کردند.")
    assert ("CONSULT", ("RUS", "TUR")) in found
    assert all("SYR" not in parties for _, parties in found)


def test_events_rules_talks_between_two_sides_have_those_sides():
    found = events("گفتگوهای میان هیئت ایران و مقامات روسیه در مسکو برگزار شد.")
    assert ("CONSULT", ("IRN", "RUS")) in found


def test_events_rules_an_evaluation_takes_parties_from_the_ke_clause_it_judges():
    found = events("وزیر خارجه سوریه گفت این طرح نوعی اعلام محکومیت تروریسمی است که رئیس جمهور ترکیه "
                   "علیه ملت سوریه مرتکب می‌شود.")
    assert any(category == "ACCUSE" and parties == ("SYR", "TUR") for category, parties in found)


def test_events_rules_a_prison_sentence_is_no_accusation_between_states():
    found = events("رژیم صهیونیستی، رئیس جنبش اسلامی فلسطین را به 28 ماه حبس محکوم کرد.")
    assert not [e for e in found if e[0] == "ACCUSE"]


def test_events_rules_each_item_of_a_headline_list_stands_alone():
    found = events("اعلام تحریم‌های جدید آمریکا علیه ایران / اعلام آمادگی آلمان و فرانسه برای برگزاری نشست مشترک "
                   "/ سفر وزیر خارجه عمان به تهران")
    assert ("CONSULT", ("DEU", "FRA")) in found
    assert all(parties != ("DEU", "FRA", "IRN", "USA") for _, parties in found)


def test_events_rules_comma_list_of_states_acts_together():
    found = events("عربستان، امارات، بحرین و مصر روابط خود با قطر را قطع کردند.")
    assert found and all(set(parties) >= {"ARE", "BHR", "EGY", "QAT", "SAU"} for _, parties in found)


def test_events_rules_comma_before_office_holder_still_opens_a_clause():
    found = events("به گزارش رویترز از مسکو، وزیر خارجه ایران با همتای عراقی خود دیدار کرد.")
    assert found and all("RUS" not in parties for _, parties in found)


def test_events_rules_affairs_of_a_state_are_the_target():
    found = events("آمریکا به دخالت در امور ایران و ونزوئلا ادامه می‌دهد.")
    assert ("ACCUSE", ("IRN", "USA", "VEN")) in found


def test_events_rules_former_official_acts_for_no_party():
    found = events("جان بولتون مشاور امنیت ملی سابق آمریکا سخن گفت. وی از کمک ایران به ونزوئلا انتقاد کرد.")
    assert not [e for e in found if e[0] == "ACCUSE"]


def test_events_rules_joint_act_of_two_named_sides_borrows_no_party():
    found = events("دستور امیر قطر برای ارسال کمک‌های پزشکی فوری به ایران، "
                   "توافق ترکیه و روسیه بر سر جزئیات آتش‌بس ادلب")
    assert [e for e in found if e[1] == ("RUS", "TUR")]
    assert all(not {"IRN", "QAT"} & set(parties) for _, parties in found if "TUR" in parties)


def test_events_rules_noun_act_with_its_agent_borrows_no_recipient_from_before():
    found = events("نشست «میشل عون» و سفرای پنج عضو شورای امنیت، درخواست روسیه برای توقف فوری جنگ در لیبی")
    assert all("RUS" not in parties or "LBN" not in parties for _, parties in found)


def test_events_rules_noun_act_takes_recipient_from_its_ke_clause():
    found = events("وی اظهار داشت: علی‌رغم ادعاهای اسرائیل مبنی براین که ایران به دنبال سلاح هسته‌ای است، "
                   "هیچ مدرکی وجود ندارد.")
    assert ("ACCUSE", ("IRN", "ISR")) in found


def test_events_rules_capital_after_meeting_noun_is_the_venue():
    found = events("16 کشور از جمله ترکیه، امارات و مصر طی نشست برلین با ادامه ممنوعیت تسلیحاتی لیبی موافقت کردند.")
    assert ("AGREE", ("ARE", "EGY", "LBY", "TUR")) in found


def test_events_rules_two_capitals_after_meeting_noun_are_its_sides():
    found = events("مذاکرات تهران و ریاض در بغداد ادامه دارد.")
    assert ("CONSULT", ("IRN", "SAU")) in found


def test_events_rules_welcoming_a_person_is_hosting_a_visit():
    found = events("نخست وزیر ژاپن در کاخ نخست وزیری به صورت رسمی از رئیس جمهور ایران استقبال کرد.")
    assert found == [("CONSULT", ("IRN", "JPN"))]


def test_events_rules_welcoming_an_act_is_support():
    found = events("روسیه از تصمیم ترکیه استقبال کرد.")
    assert found == [("SUPPORT", ("RUS", "TUR"))]


def test_events_rules_welcoming_a_visit_is_support():
    found = events("وزیر خارجه آلمان از سفر وزیر خارجه اتریش به ایران استقبال کرد.")
    assert ("SUPPORT", ("AUT", "DEU")) in found


def test_events_rules_host_countries_are_no_hosting():
    assert not events("آوارگی 6 میلیون تن از سوریه به لبنان، ترکیه، اردن و کشورهای میزبان دیگر انجامیده است.")


def test_events_rules_summoning_ambassadors_is_accusation():
    found = events("وزارت خارجه عراق سفرای آمریکا و انگلیس در بغداد را احضار کرد.")
    assert found == [("ACCUSE", ("GBR", "IRQ", "USA"))]


def test_events_rules_the_jcpoa_exit_is_background_not_a_sanction():
    found = events("رئیس‌جمهور آمریکا پس از خروج از برجام تحریم‌های جدیدی علیه ایران وضع کرد.")
    assert found == [("SANCTION", ("IRN", "USA"))]
    assert not events("دونالد ترامپ دو سال پس از خروج از برجام در آوردن ایران پای میز مذاکره ناکام ماند.")


def test_events_rules_intended_attack_is_no_attack():
    assert not events("ترکیه قصد دارد به سوریه حمله کند.")


def test_events_rules_intended_meeting_is_agree():
    assert events("ایران قصد دارد با ترکیه دیدار کند.") == [("AGREE", ("IRN", "TUR"))]


def test_events_rules_verbless_comma_round_up_is_a_list_of_headlines():
    found = events("نشست «میشل عون» و سفرای پنج عضو شورای امنیت، درخواست روسیه برای توقف فوری جنگ در لیبی، "
                   "تأکید حزب‌الله بر شکست قانون «سزار» و واکنش طالبان به گزارش سازمان ملل")
    assert all(not {"LBN", "RUS"} <= set(parties) for _, parties in found)


def test_events_rules_comma_list_with_a_verb_is_one_sentence():
    found = events("عربستان، امارات، بحرین و مصر روابط خود با قطر را قطع کردند.")
    assert ("SANCTION", ("ARE", "BHR", "EGY", "QAT", "SAU")) in found
