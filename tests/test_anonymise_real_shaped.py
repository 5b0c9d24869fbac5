"""Anonymisation of texts shaped like real Supreme Court acts (their
composition blocks, lower courts' panels in parentheses, signatures,
glued initials, roles in both languages), with fictional people; and the
independent leak check. bench/realacts.py measures the same on real acts."""

from __future__ import annotations

import pytest

from anonymise import anonymise
from anonymise.detect import initials
from anonymise.leaks import suspects
from metadata import extract

KY = (
    "Иштин маалыматтары\nСудья: Тараптары:\n"
    "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН ЖОГОРКУ СОТУНУН\nТОКТОМУ\n2013-жылдын 17-январы Бишкек шаары\n"
    "Кыргыз Республикасынын Жогорку Сотунун жазык иштери боюнча Соттук коллегиясы курамында: төрагалык кылган\n"
    "Сейталиев К.А.,\nсудьялар: К.К. Жобонов, З.М. Аданбаев,\nсоттук отурумдун катчысы Дуйшеев Н.Ы.,\n"
    "мамлекеттик айыптоочу Ж. Умурзаков,\nжактоочу Алымкулова Б.,\n"
    "катышуулары менен жактоочу Б. Алымкулованын көзөмөл арызынын негизинде Т. Карабаевге карата жазык иши каралды.\n"
    "Карабаев Талант Жумабекович, 1985-жылы 7-июнда туулган, Бишкек шаары, Чүй проспектиси, 120-үй, 8-батирде "
    "жашаган, паспорту АМ1 234567.\n(Судья Омурбеков К.К.)\n"
    "Иш боюнча судьясы Ж.Аданбаевдин баяндамасын, Эрмек Турдубаевдин адвокаты К.Осмонованын сөзүн угуп,\nт а п т ы:\n"
    "Соттолгон Т. Карабаев Бейшеналиев жана Токтогул көчөлөрүнүн кесилишинде жабырлануучу С.Абытованын телефонун "
    "тартып алган. А.К.Мамытов күбө катары сүйлөдү. Карабаевдин Instagram баракчасы “Karabaev_talant” деп аталат.\n"
    "Төрагалык кылган К. Сейталиев\nСудьялар: К. Жобонов\nЗ. Аданбаев\n"
)
RU = (
    "П О С Т А Н О В Л Е Н И Е\nВЕРХОВНОГО СУДА КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n"
    "Судебная коллегия по уголовным делам Верховного суда Кыргызской Республики в составе:\n"
    "председательствующего Касымалиевой Д.С.,\nсудей: Эшалиева Н.К., Бакировой Ж.М.,\n"
    "при секретаре судебного заседания Алымбаевой Дж.,\nс участием прокурора Токтобаева К.,\nадвоката: Садыковой Г.,\n"
    "осужденного Мамашова Ырысбека Токтомаматовича, потерпевших: Щеглова М. и Белоусовой А.,\n"
    "рассмотрев надзорную жалобу (судья-Сатыбалдиева А.М.), установила:\n"
    "Мамашов Ы.Т., 1960 г.р., проживающий по улице Токтогула, дом 112, кв. 7, похитил у Белоусовой А. телефон. "
    "Заслушав доклад судьи Верховного суда Кыргызской Республики Бакировой Ж.М., мнение прокурора Токтобаева К., "
    "Судебная коллегия постановила: приговор в отношении Мамашова Ырысбека Токтомаматовича оставить в силе.\n"
    "Председательствующий Д. Касымалиева\nСудьи: Н. Эшалиев\nЖ. Бакирова\n"
)


def _all_hidden(text: str, words: tuple[str, ...], language: str = "ru"):  # type: ignore[no-untyped-def]
    """The text anonymised, every occurrence of each word inside a redaction."""
    result = anonymise(text, language=language)
    for word in words:
        assert _hidden(text, result, word), word
    return result


def _hidden(text: str, result, word: str) -> bool:  # type: ignore[no-untyped-def]
    """Every occurrence of the word lies inside a redaction."""
    spans = [(e.start, e.end) for e in result.entities if e.action == "redact"]
    at, found = 0, False
    while (i := text.find(word, at)) >= 0:
        found = True
        if not any(a <= i and i + len(word) <= b for a, b in spans):
            return False
        at = i + 1
    assert found, word
    return True


def test_kyrgyz_act_parties_hidden_in_every_form_officials_kept() -> None:
    result = anonymise(KY)
    for word in ("Карабаев", "Талант", "Жумабекович", "Турдубаевдин", "Абытованын", "Мамытов", "Karabaev"):
        assert _hidden(KY, result, word), word
    # every judge of the panel, the secretary, the prosecutor (айыптоочу), the lawyer (жактоочу), the lower judge
    for official in ("Сейталиев", "Жобонов", "Аданбаев", "Дуйшеев", "Умурзаков", "Алымкулов", "Омурбеков"):
        assert official in result.text, official
    # "Эрмек Турдубаевдин адвокаты": the lawyer's client is hidden, the lawyer named after is kept
    assert "Эрмек" not in result.text and "К.Осмонованын" in result.text
    # the portal's header labels and sentence-initial common words are no one's name
    assert result.text.startswith("Иштин маалыматтары\nСудья: Тараптары:")
    assert not any(e.label == "PERSON" and e.text in ("Иштин", "Тараптары") for e in result.entities)
    # streets named after people are places; the address, birth date and damaged passport are hidden
    assert "Бейшеналиев жана Токтогул көчөлөрүнүн" in result.text
    for detail in ("120-үй", "8-батир", "1985-жылы 7-июнда", "АМ1 234567"):
        assert detail not in result.text, detail


def test_russian_act_composition_signatures_and_details() -> None:
    result = anonymise(RU)
    for word in ("Мамашов", "Ырысбек", "Токтомаматович", "Щеглов", "Белоусов"):
        assert _hidden(RU, result, word), word
    for official in ("Касымалиев", "Эшалиев", "Бакиров", "Алымбаевой", "Токтобаев", "Садыковой", "Сатыбалдиева"):
        assert official in result.text, official
    assert "Судьи: Н. Эшалиев\nЖ. Бакирова" in result.text  # the signatures: every judge, the last line too
    assert "1960" not in result.text and "Токтогула, дом 112" not in result.text
    labels = {e.label for e in result.entities if e.action == "redact"}
    assert {"PERSON", "BIRTHDATE", "ADDRESS"} <= labels


def test_a_family_by_its_surname_and_a_party_in_small_letters_are_hidden() -> None:
    """"Асановдор" (the Asanovs) in every case; a party OCR or a clerk wrote
    in small letters after the role word ("айыпталуучу асанов бакыт")."""
    ky = "Асановдор үйдү сатышкан. Асановдордун карызы бар. Айыпталуучу асанов бакыт мас абалында болгон."
    _all_hidden(ky, ("Асановдор", "асанов", "бакыт"), language="ky")


def test_heirs_named_by_their_given_names_after_a_kyrgyz_word_of_kin_are_hidden() -> None:
    """"уулдары Эрлан жана Нурлан" (his sons Erlan and Nurlan): given names
    alone, after a Kyrgyz word of kin and along its list; "балдарын
    Россиянын мектептерине" (children, to Russia's schools) names no one."""
    ky = ("Каза болгон Асанов Бакыттын мураскорлору — уулдары Эрлан жана Нурлан, аялы Айгүл. "
          "Кыргызстандыктардын балдарын Россиянын мектептерине кабыл алуу маселеси каралды.")
    result = _all_hidden(ky, ("Асанов", "Бакыттын", "Эрлан", "Нурлан", "Айгүл"), language="ky")
    assert "Россиянын" in result.text


def test_a_lower_courts_judge_and_an_investigator_named_with_their_body_and_city_are_kept() -> None:
    """Between the role and the name: the court or the police body, its
    letters and its city ("судья Первомайского районного суда г. Бишкек X",
    "следователь СО ОВД Первомайского района X"); both were redacted."""
    ru = ("Судья Первомайского районного суда г. Бишкек Мамытов Б.К. приговором осудил Асанова К. "
          "Следователь СО ОВД Первомайского района Кулубаев Э. возбудил уголовное дело в отношении Бековой Н.")
    result = _all_hidden(ru, ("Асанова", "Бековой"))
    assert "Мамытов Б.К." in result.text and "Кулубаев Э." in result.text


def test_an_official_and_a_party_sharing_the_initials_between_them_are_two_people() -> None:
    """"Тергөөчү Кулубаев Э. Асановго карата …": the investigator's initial
    stands between the two names. Read as one name, the party took the
    investigator's role and was published; a space alone does not continue
    a list of officials either."""
    ky = "Тергөөчү Кулубаев Э. Асановго карата кылмыш ишин козгогон. Эксперт Жээнбеков К. Бекованын денесин текшерген."
    result = _all_hidden(ky, ("Асановго", "Бекованын"), language="ky")
    assert "Кулубаев Э." in result.text and "Жээнбеков К." in result.text


def test_glued_initials_are_parted_from_the_name() -> None:
    text = "Жабырлануучу С.Абытованын арызы. А.К.Мамытов сотко келген жок, К.М.Кемеевдин катышуусунда."
    result = anonymise(text, language="ky")
    for word in ("Абытованын", "Мамытов", "Кемеевдин"):
        assert _hidden(text, result, word), word


def test_the_leak_check_finds_what_no_detector_marked() -> None:
    redacted = "Суд взыскал с Бутейды в пользу истца. Ответчик Огай В. не явился. Счет 40702810000000012345."
    found = {s.text: s.reason for s in suspects(redacted, "ru")}
    assert found.get("Бутейды") == "unknown word"
    assert found.get("Огай") == "beside initials"
    assert "40702810000000012345" in found
    # an official kept by policy and the common words around are allowed
    assert suspects("Председательствующий судья Смирнов В.И. При таких обстоятельствах", "ru", ["Смирнов В.И."]) == []


def test_the_kyrgyz_leak_check_flags_a_foreign_name_not_the_place_after_initials() -> None:
    """In a Kyrgyz text a name in a Kyrgyz case that only the lexicons know
    ("Харристин", "Браундун") is held back; a place after the initials the
    anonymiser wrote ("А. Б. Россиянын жараны") and a Kyrgyz word are not."""
    redacted = ("Жабырлануучу А. Б. Россиянын жараны. Күбө Браундун айтымында, айыпталуучу Харристин "
                "үйүнө барган. Быйыл А. Пекинде болгон.")
    found = {s.text: s.reason for s in suspects(redacted, "ky")}
    assert found.get("Браундун") == "name word" and found.get("Харристин") == "name word"
    assert "Россиянын" not in found and "Пекинде" not in found and "Быйыл" not in found


def test_the_kyrgyz_leak_check_flags_a_word_no_lexicon_knows_not_a_place_in_it_or_an_abbreviation() -> None:
    """A name neither the Kyrgyz list nor the Russian dictionary has, with or
    without a case ending, is held back; "Таластагы" (the one in Talas) and
    the ending of an abbreviation ("КЧПнын") are not."""
    redacted = ("Күбө Дркомбаевден тургай, Таластагы КЧПнын кызматкери да көргөн. Андан кийин Гвендолинди "
                "жана Бишкектеги үйдү сурады.")
    found = {s.text: s.reason for s in suspects(redacted, "ky")}
    assert found.get("Дркомбаевден") == "surname"  # the shape catches it first
    assert found.get("Гвендолинди") == "unknown word"
    assert not {"Таластагы", "Пнын", "Бишкектеги", "Андан"} & set(found)


def test_the_leak_check_passes_villages_and_streets_but_not_a_person_acted_for() -> None:
    """A village, a district or a street named by the noun after it or
    before it ("Аламүдүн районунун", "Лебединовка айылында", "ул. Калинина")
    is no one's name, and an act is not held back for it (real Kyrgyz news
    held 10 of 60 documents for such words). "от имени Дркомбаева" (on his
    behalf) is a person's name, found and hidden, and flagged if left."""
    ky = "Окуя Аламүдүн районунун Лебединовка айылында, Калинин көчөсүндө болгон."
    assert not suspects(ky, "ky")
    ru = "Представитель, действуя от имени Дркомбаева по доверенности, проживает по ул. Калинина."
    assert [s.text for s in suspects(ru, "ru")] == ["Дркомбаева"]
    _all_hidden(ru, ("Дркомбаева",))


def test_a_kyrgyz_place_noun_names_a_street_only_with_its_possessive_ending() -> None:
    """"Бейшеналиев жана Токтогул көчөлөрүнүн кесилишинде" (at the corner of
    two streets) names streets; "Асанов районго барып" (went to the district)
    and "Асанов көчөгө чыгып" (went out into the street) name a person, who
    was left in clear when any form of the noun made the word before it a place."""
    ky = ("Соттолгон Асанов районго барып, андан кийин көчөгө чыккан. Кечинде Асанов көчөгө чыгып, "
          "Бейшеналиев жана Токтогул көчөлөрүнүн кесилишинде жабырлануучуну урган.")
    result = _all_hidden(ky, ("Асанов",), language="ky")
    assert "Бейшеналиев жана Токтогул көчөлөрүнүн" in result.text


@pytest.mark.parametrize("text, language", [
    ("Соттолгон Асанов проспекттен өтүп бара жаткан.", "ky"),
    ("Соттолгон Асанов айыл өкмөтүнө кайрылган.", "ky"),
    ("Осужденный Асанов улицу переходил на красный свет.", "ru"),
    ("Осужденный Асанов проспектом шёл домой, Бекова бульваром.", "ru"),
])
def test_a_party_before_a_street_word_that_names_no_street_is_hidden(text: str, language: str) -> None:
    """A street's or a body's word after a surname names a street only in
    the Kyrgyz possessive ("Чүй проспектиси"), and "айыл өкмөтү" has that
    ending whatever stands before it; each of these left the party in clear."""
    _all_hidden(text, ("Асанов",) + (("Бекова",) if "Бекова" in text else ()), language=language)


def test_streets_and_a_village_administration_named_before_their_noun_stay() -> None:
    ky = "Ал Чүй проспектисинде, Масалиев көчөсүндө жана Ак-Суу айыл өкмөтүнүн аймагында болгон."
    assert anonymise(ky, language="ky").text == ky


def test_a_surname_before_the_law_it_is_charged_under_is_a_person_a_body_before_the_state_is_not() -> None:
    """"КР" after a body's name is the state ("Соцфонд КР"); after a surname
    it begins the law cited, and the surname is a party's."""
    _all_hidden("Соттолгон Асанов КР Жазык кодексинин 130-беренеси боюнча айыпталган.", ("Асанов",), language="ky")
    ru = "Осужденный Мамытов КР УК ст. 168 осужден. Соцфонд КР и Соцфонда Кыргызской Республики ответили."
    result = _all_hidden(ru, ("Мамытов",))
    assert "Соцфонд КР и Соцфонда Кыргызской Республики" in result.text
    assert not suspects(result.text, "ru")


def test_a_kyrgyz_common_word_before_a_victims_initials_stays() -> None:
    """"Натыйжада А. А." (as a result, А. А.): initials after a capitalised
    word do not make a name of a word Kyrgyz writes in lowercase."""
    text = ("Соттолгон Т. Карабаев телефонду уурдап, качып кеткен. Натыйжада А. А. 8950 сомдук материалдык "
            "зыян тарткан. Натыйжада жабырлануучу С. 2500 сом чыгым тарткан.")
    result = anonymise(text, language="ky")
    assert result.text.count("Натыйжада") == 2
    assert _hidden(text, result, "Карабаев")


def test_a_patronymic_that_begins_like_a_month_is_a_name() -> None:
    text = "по надзорной жалобе осужденного Сатыбалдиева Жолдошбека Октябрьевича на приговор суда."
    result = anonymise(text, language="ru")
    assert "Октябрьевич" not in result.text and "Жолдошбек" not in result.text


def test_foreign_names_natasha_finds_are_hidden_a_state_body_is_not() -> None:
    """Names with no Russian or Kyrgyz shape (foreign parties, witnesses)
    are found by natasha and kept; "Соцфонд КР" is a body of the state."""
    text = ("Потерпевшая Кэрри Саймондс, гражданка Великобритании, показала, что Кит Флинт угрожал ей. "
            "Свидетель Сумана Сакко (Soumana Sacko) подтвердил это. Саймондс просила взыскать ущерб. "
            "Соцфонд КР обратился в суд; представитель Соцфонда Кыргызской Республики иск поддержал.")
    result = _all_hidden(text, ("Кэрри", "Саймондс", "Флинт", "Сумана", "Сакко", "Soumana"))
    assert result.text.count("Соцфонд") == 2


def test_a_place_broken_at_its_hyphen_is_not_a_person() -> None:
    text = ("постановление Ысык- Кульской районной государственной администрации и решение "
            "Ысык- Кульского областного суда по иску Асанова К.Б. отменить.")
    result = anonymise(text, language="ru")
    assert result.text.count("Ысык-") == 2 and "Асанов" not in result.text


def test_particles_of_foreign_names_and_a_closing_quote_before_a_name() -> None:
    text = ('Свидетель Хамад бен Халиф Аль Тани показал, что бывший глава ООО "Газэкспорт" Юрий Комаров '
            "передал ему договор. Н.\u00a0В.\u00a0Томский подтвердил это.")
    result = _all_hidden(text, ("Хамад", "бен", "Халиф", "Тани", "Юрий", "Комаров", "Томский"))
    assert '"Газэкспорт"' in result.text


def test_a_name_the_dictionary_knows_is_found_inside_a_sentence_and_hyphenated_names_whole() -> None:
    text = ("Деньги по расписке получил 62-летний Стросс-Кан, а о сделке знал и его компаньон Шуберт. "
            "Стросс-Кана суд допросил дважды.")
    _all_hidden(text, ("Стросс-Кан", "Шуберт"))


@pytest.mark.timeout(30)
@pytest.mark.parametrize("gap", [" " * 3000, "\n" * 3000, "\t" * 3000])
def test_a_long_run_of_white_space_is_read_in_time(gap: str) -> None:
    """OCR of a table leaves lines of spaces (a real NEREL text has 98 in a
    row before a name): runs of white space once sent two regular
    expressions into backtracking that never ended, or took a minute per act."""
    text = (f"Дело № 6-769/12 АД{gap}\nСудья{gap[:60]}по делу, как установлено, потерпевшая Сыдыкова Айгуль "
            f"Мамытовна.{gap}x")
    for language in ("ru", "ky"):
        result = anonymise(text, language=language)
        assert "Сыдыкова" not in result.text
    assert extract(text).case_number == "6-769/12-АД"


def test_a_single_foreign_name_after_kin_an_age_or_a_verb_of_speech_and_a_name_in_accented_latin() -> None:
    """One mention of a name no dictionary knows is enough when the words
    before it say a person follows (real NEREL misses, reworded)."""
    text = ("Свидетель показал, что его восьмилетний сын Гидеон был дома. «Я не видел», — сказал Буффье. "
            "Деньги передал парень по имени Артём. Договор подписал Томас Шефер (Thomas Schäfer), "
            "а Лукашенко-младший его одобрил. Свидетель Адам Ганижев подтвердил это.")
    result = _all_hidden(text, ("Гидеон", "Буффье", "Артём", "Шефер", "Schäfer", "Лукашенко", "Адам"))
    assert "парень по имени" in result.text


def test_a_regnal_number_belongs_to_the_name_and_a_school_named_after_someone_is_no_one() -> None:
    text = "Потерпевший Иоанн Павел II учился в школе имени Ленина."
    result = anonymise(text, language="ru")
    assert "II" not in result.text and "имени Ленина" in result.text


def test_a_name_with_latin_look_alikes_from_ocr_is_hidden_and_flagged() -> None:
    """OCR puts a Latin C or o into a Cyrillic name: the name is still read
    as a name, and the leak check sees it too."""
    text = "Жабырлануучу Cыдыкова Айгүл көрсөттү. Потерпевшая Сыдыкoва Айгуль показала, что Мамытов Aлмаз ушел."
    result = anonymise(text)
    for word in ("Cыдыкова", "Сыдыкoва", "Aлмаз"):
        assert _hidden(text, result, word), word
    assert [s.text for s in suspects("Жабырлануучу Cыдыковага көрсөттү.", "ky")] == ["Cыдыковага"]


def test_a_quotation_that_opens_with_a_name_and_a_latin_spelling_with_capitals_inside() -> None:
    text = ("«Максим ушел домой в десять», — показал свидетель. Деньги получил Гэри Мак-Киннон (Gary McKinnon) "
            "через ОсОО «Мамытов и К».")
    result = _all_hidden(text, ("Максим", "Мак-Киннон", "McKinnon"))
    assert "«Мамытов и К»" in result.text and "()" not in result.text and ")" not in result.text.split("Мамытов")[0]


def test_a_chinese_name_of_short_syllables_is_a_name() -> None:
    """Мин Си, Ван Бин: each syllable is a common Russian word to the
    dictionary, but together, where natasha reads a person, a name."""
    text = "Договор поставки подписали гражданин КНР Ван Бин и директор ОсОО «Текстиль» Мин Си."
    _all_hidden(text, ("Ван", "Бин", "Мин", "Си"))


def test_a_foreign_name_the_dictionary_does_not_know_and_a_name_after_a_blank_line() -> None:
    """natasha's person of one word no dictionary knows, inside a sentence,
    is a name (Байден, Белецкой); its span across a blank line is judged
    piece by piece; a word garbled by OCR beside a lowercase garble is no one."""
    text = ("Свидетель беседовал с потерпевшим о поставке\n\n Джо Байден в тот день был дома. "
            "Штрафы выписывались на автомобиль Белецкой неоднократно.")
    _all_hidden(text, ("Джо", "Байден", "Белецкой"))
    garbled = "Ранее судим: 13.12.1996 году Сведловски рмайонны смудом г. Бишкек по ст. 168 УК."
    assert "Сведловски" in anonymise(garbled, language="ru").text


def test_a_latin_spelling_in_brackets_goes_with_the_name_and_rod_is_no_house() -> None:
    """"Аллан Диксон (Allan Dixon)", "Йост де Ягер (Jost de Jager)": the
    original spelling is the person's too, particles and all; the "д." in
    "род. 30 апреля" (born) is no house number."""
    text = ("Свидетель Нилуфар Рахмани (Niloofar Rahmani) и гражданин Германии Йост де Ягер (Jost de Jager; "
            "род. 30 апреля 1965 года) показали, что…")
    result = _all_hidden(text, ("Rahmani", "Niloofar", "Jost", "Jager"))
    assert "de" not in result.text.split("показали")[0].split("(")[0]
    assert "род. 30 апреля" in result.text
    assert result.text.count("(") == result.text.count(")") and "[ФИО]" not in result.text


def test_other_names_in_brackets_are_the_persons_and_a_role_word_before_them_is_not() -> None:
    """A former surname in brackets ("Асанова (Исмаилова)"), other spellings,
    a quoted original spelling after a language's label: the same person,
    at every mention, and the initials come from the name itself. A place
    or a country in brackets after a name stays; so does the role word
    natasha takes in with the name ("Осуждённая")."""
    ru = ("Осуждённая Асанова (Исмаилова) Гульнара Бакытовна признана виновной. Исмаиловой назначено наказание. "
          "Свидетель Михаилс Савикис (Савицкис, Савискис; Mihails Savickis) не явился. "
          "Эксперт из Англии Дональд Синден (англ. ''Donald Sinden'') и потерпевший Петров (Москва) показали…")
    result = _all_hidden(ru, ("Асанова", "Исмаилов", "Гульнара", "Савицкис", "Савискис", "Mihails", "Savickis",
                              "Donald", "Sinden"))
    assert result.text.startswith("Осуждённая Г. Б. А.")
    assert "(Москва)" in result.text and "(англ. ''" in result.text
    assert initials("Асанова (Исмаилова) Гульнара Бакытовна") == "Г. Б. А."


def test_initials_around_uulu_are_a_person_and_they_and_a_pasture_are_not() -> None:
    """"К. уулу У." (the father's initial, уулу, the person's own) is a
    person as the news and the acts reduce one; a pasture's name before
    "жайлоосунда" is a place, and "Алар" (they) opening a sentence is no
    given name, even before a word no lexicon knows (KyrgyzNER's real
    sentences had both, reworded here)."""
    ky = ("Жабырлануучу Б. кызы А. 2019-жылы Сусамыр жайлоосунда мал кайтарып жүргөн. "
          "Алар Уч-Коргон ГЭСине барышкан. Алар Акбулун тарапка кетишкен.")
    result = _all_hidden(ky, ("Б.", "кызы", "А."), language="ky")
    persons = " ".join(e.text for e in result.entities if e.label == "PERSON")
    assert "Сусамыр" not in persons and "Алар" not in persons and "Акбулун" not in persons


def test_a_latin_name_or_a_nickname_after_a_role_an_occupation_or_the_word_nick_is_hidden() -> None:
    """Latin letters have no surname ending and are in no Cyrillic lexicon:
    the word before them says a person follows (real NEREL misses, reworded)."""
    ru = ("Потерпевший John Smith пояснил, что блогер Mimeng и рэпер Jay Z ему угрожали; Smith обратился в милицию. "
          "Угрозы писал осужденный под ником «Aibek_91». Представитель ОсОО «Mega Trade» и представитель NHS "
          "не явились.")
    result = _all_hidden(ru, ("John", "Smith", "Mimeng", "Jay", "Aibek_91"))
    assert "«Mega Trade»" in result.text and "NHS" in result.text  # a firm, a body: no cue, no person
    ky = "Жабырлануучу Aibek Asanov сотко келген жок. Ал Facebook тармагында колдонуучу аты «asanov.aibek» болгон."
    _all_hidden(ky, ("Aibek", "Asanov", "asanov.aibek"), language="ky")


def test_a_nickname_in_cyrillic_and_a_given_name_after_kin_are_hidden() -> None:
    """A defendant's nickname in an act's account of events is his name too,
    in whatever letters; a given name no list knows is a name after a word
    of kin. "называют" before a common word, and kin before one, stay."""
    ru = ("Подсудимый Асанов по кличке «Косой» нанес удары потерпевшему. Свидетель показал, что Косой угрожал "
          "ему и его дочь Стефани видела это. Его называют лучшим работником, он сын Отечества.")
    result = _all_hidden(ru, ("Асанов", "Косой", "Стефани"))
    assert "называют лучшим" in result.text and "сын Отечества" in result.text
    ky = "Айыпталуучу Асанов, лакап аты Бака, жабырлануучуга сокку урган. Бака мурда соттолгон."
    _all_hidden(ky, ("Асанов", "Бака"), language="ky")


def test_kyrgyz_given_names_the_word_list_has_are_hidden_before_a_surname() -> None:
    """Tesseract's Kyrgyz word list has many given names in lowercase
    (садыр, апас, камчыбек), which made them common words: before a
    surname they are names, and a place after the name is not one
    (shapes of real sentences of the UD Kyrgyz treebank, fictional people)."""
    text = ("Айыпталуучу Садыр Токтосунов Баткен облусунун айылына барган. Камчыбек Алиев Кара-Кулжада иштеген. "
            "Күбө Апас Жумабаев жана Бакытбек Осмонов шаар сыртында жашайт. Элчи Бекмуратов келди.")
    result = _all_hidden(text, ("Садыр", "Токтосунов", "Камчыбек", "Алиев", "Апас", "Жумабаев", "Бакытбек",
                                "Осмонов", "Бекмуратов"), language="ky")
    assert "Баткен облусунун" in result.text and "Кара-Кулжада" in result.text
    assert "Элчи" in result.text  # "ambassador" before a surname is no given name
    kept = anonymise("Бишкекте Раззаков шаарындагы базар жана Мамыров көчөсү оңдолду.", language="ky").text
    assert "Раззаков шаарындагы" in kept and "Мамыров көчөсү" in kept


def test_kyrgyz_words_that_are_also_given_names_are_no_one_alone() -> None:
    """Эл (people), Аман (safe), Эми (now), Алтын (gold) are given names in
    some lists and ordinary Kyrgyz words first: alone they are no person.
    A foreign given name makes a name of the unknown word after it."""
    text = ("Эми камсыздандыруу полисин төлөөгө болот. Чүйдө мамлекеттик “Эл Аман” дарыканасы ачылды. "
            "Алтын куймаларына инвестиция салуу пайдалуу.")
    result = anonymise(text, language="ky")
    assert [e.text for e in result.entities if e.label == "PERSON"] == []
    _all_hidden("Жабырлануучу Виктор Хольмбергдин арызы каралды.", ("Виктор", "Хольмбергдин"), language="ky")


def test_a_surname_in_small_letters_is_hidden_or_held_back() -> None:
    """OCR reads a surname at a line's start in small letters, and clerks type
    them so: a known person's surname is hidden there too, in any case; one no
    detector knows is flagged by the leak check; "домов", "годов" are words."""
    ky = ("Айыпталуучу Бекмуратов Асан сотко келди. Күбө айткандай,\nбекмуратов уурдаган. Телефон кийин\n"
          "бекмуратовдун үйүнөн табылды. Ошондой эле токтосунов катышкан.")
    result = _all_hidden(ky, ("Бекмуратов", "бекмуратов", "бекмуратовдун"), language="ky")
    assert [s.text for s in suspects(result.text, "ky")] == ["токтосунов"]
    ru = "Подсудимый Бекмуратов А. вину признал. Свидетель показал, что бекмуратов ушел из домов годов назад."
    result = _all_hidden(ru, ("бекмуратов",))
    assert suspects(result.text, "ru") == []
    # A surname Tesseract's Kyrgyz list has in small letters, after its capitalised mention.
    _all_hidden("Жоопкер Осмонов Бакыт келген жок.\nосмонов карызын төлөгөн эмес.", ("осмонов",), language="ky")
    # A given name, then its surname in small letters: a name to hide, and to hold back if missed.
    result = _all_hidden("Камчыбек алиев Ош шаарына барган.", ("Камчыбек", "алиев"), language="ky")
    assert result.text.startswith("К. А. Ош")
    assert [s.text for s in suspects("Свидетель Иван петров пришел.", "ru")] == ["петров"]


def test_initials_take_the_surname_whether_the_given_name_is_known_or_not() -> None:
    """"Садыр Токтосунов" was "С.": a given name no lexicon has was taken for the
    surname, and the surname dropped. Beside an -ов surname the other word is
    the given name, and an -ов surname goes before one in -бек."""
    assert initials("Садыр Токтосунов") == "С. Т."
    assert initials("Камчыбек Алиев") == "К. А." and initials("Алиев Камчыбек") == "К. А."
    assert initials("Иванов Асан Бакытович") == "А. Б. И." and initials("Иванов П.С.") == "П. С. И."
    # No shape or lexicon tells which is which: the written order does. A name
    # before "уулу" is the father's, not a surname.
    assert initials("Питер Браун") == "П. Б." and initials("Асан Бакыт уулу") == "А. Б."


def test_foreign_names_in_a_kyrgyz_text_are_hidden_a_role_word_before_them_is_not() -> None:
    """Given names and surnames the Kyrgyz list has from web text ("Питер",
    "Грин", "Смит") are no evidence alone; two side by side that natasha calls
    a person and the Russian dictionary reads as names are one, even after a
    role word ("Күбөлөр") that stays. A Kyrgyz name keeps its Kyrgyz rules."""
    text = ("Күбөлөр Питер Грин жана Мэри Уокер сотко келишкен жок. Айыпталуучу Мэри Смит дагы, "
            "Питер Браун дагы күнөөсүн мойнуна алган жок. Жабырлануучу Данияр Асанкулов Анталияда болгон.")
    result = anonymise(text, language="ky")
    for name in ("Питер", "Грин", "Уокер", "Смит", "Браун", "Данияр", "Асанкулов"):
        assert name not in result.text, name
    assert result.text.startswith("Күбөлөр П. Г. жана М. У. сотко")
    assert "Анталияда болгон" in result.text


def test_one_given_name_with_two_surnames_is_two_people() -> None:
    """"Асан Бакиров" was written "А. Т." after "Асан Токтосунов": one given
    name joined the two, and the act then told of one man doing both men's
    deeds. A patronymic or a bare given name still joins its person."""
    text = ("Күбө Асан Токтосунов келди. Жабырлануучу Асан Бакиров да келди. Асан Бакировдун айтымында, "
            "Асан Токтосуновдун үйүндө болгон.")
    assert anonymise(text, language="ky").text == (
        "Күбө А. Т. келди. Жабырлануучу А. Б. да келди. А. Б. айтымында, А. Т. үйүндө болгон.")
    russian = "Свидетель Петров Иван Сергеевич показал, что Иван Сергеевич видел Петрова."
    assert anonymise(russian, language="ru").text == "Свидетель И. С. П. показал, что И. С. П. видел И. С. П."


def test_a_name_broken_at_a_lines_end_is_hidden_whole_and_a_compound_keeps_its_hyphen() -> None:
    """OCR keeps a typist's break: "Кова-" / "ленко" and "Токто-" / "сунов"
    were published in clear, since neither half has a name's shape."""
    russian = ("Свидетель Кова-\nленко Мария показала, что подсудимый Сидоров Иван Петро-\nвич\n"
               "нарушил уголовно-\nпроцессуальный порядок.")
    result = anonymise(russian, language="ru")
    assert "ленко" not in result.text and "вич" not in result.text and "Кова" not in result.text
    assert "уголовно-\nпроцессуальный" in result.text
    assert [e.text for e in result.entities][:1] == ["Кова-\nленко Мария"]  # the span as printed, break and all
    kyrgyz = anonymise("Айыпталуучу Асан Токто-\nсунов сотко келди.", language="ky")
    assert kyrgyz.text == "Айыпталуучу А. Т. сотко келди."
    assert [(s.text, s.reason) for s in suspects("Күбө Бекмур-\nатовдун айтымында.", "ky")] == [
        ("Бекмур-\nатовдун", "surname")]
    phone = anonymise("Свидетель Иванов, тел. 0555-\n123456, показал, что в 2012-\n2013 годах.", language="ru")
    assert phone.text == "Свидетель И., тел. [ТЕЛЕФОН], показал, что в 2012-\n2013 годах."
