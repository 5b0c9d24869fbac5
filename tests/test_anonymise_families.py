"""Names within families, as real acts write them, and the initials that
stand for them: a Korean surname and Kyrgyz "ким" (who), a maiden name in
brackets, a daughter with her father's surname, a surname broken at a
line's end, Kyrgyz names no lexicon has (Бүбүсара, Жылдызкан), and a
brother and sister named after one father. Each was published, or given
someone else's initials, before its fix."""

from __future__ import annotations

from tests.test_anonymise_real_shaped import _all_hidden


def test_a_korean_surname_gives_the_last_initial_and_kyrgyz_who_is_no_one() -> None:
    """Some lexicons list Ким as a given name: "Ким Андрей Викторович" came
    out "К. В. А." and "Ким А.В." as "К." (the initials lost), while the
    surname is the last initial, as for anyone. In Kyrgyz, "ким" also means
    who: once a party was named Ким, "Ким болбосун" (whoever it is) and a
    question begun with "Ким" were published as "К."."""
    ru = "Истец Ким Олег Петрович обратился в суд. Ким О.П. пояснил, что ответчица Пак Н.И. заняла у него деньги."
    result = _all_hidden(ru, ("Ким", "Олег", "Петрович", "Пак"))
    assert "Истец О. П. К. обратился" in result.text and "О. П. К. пояснил" in result.text
    assert "ответчица Н. И. П. заняла" in result.text
    ky = ("Айыпталуучу Ким Андрей Викторович сот отурумунда күнөөсүн мойнуна алды. Күбө Ким А.В. түшүндүрмө берди. "
          "Ким болбосун, мыйзам алдында баары бирдей. Ким акчаны алды? Ким экени аныкталган жок.")
    result = _all_hidden(ky, ("Андрей", "Викторович", "Ким А.В."), language="ky")
    assert "Айыпталуучу А. В. К. сот" in result.text and "Күбө А. В. К. түшүндүрмө" in result.text
    assert "Ким болбосун," in result.text and "Ким акчаны алды?" in result.text and "Ким экени" in result.text


def test_a_maiden_name_in_brackets_keeps_its_bracket_and_the_given_name_after_it_is_hidden() -> None:
    """"Жээнбекова (Осмонова) Гүлмира": in Kyrgyz the given name after the
    bracket was published, and "(в девичестве Осмонова) Гульмира" lost its
    closing bracket inside the redaction ("(в девичестве Г. О. подтвердила")."""
    ru = "Свидетель Жээнбекова (в девичестве Осмонова) Гульмира подтвердила это."
    result = _all_hidden(ru, ("Жээнбекова", "Осмонова", "Гульмира"))
    assert "(в девичестве " in result.text and ") " in result.text
    ky = "Күбө Жээнбекова (Осмонова) Гүлмира муну ырастады. Жабырлануучу Асанова (мурунку фамилиясы Токтосунова) Г.К. келди."
    result = _all_hidden(ky, ("Жээнбекова", "Осмонова", "Гүлмира", "Асанова", "Токтосунова", "Г.К."), language="ky")
    assert result.text.count("(") == result.text.count(")") == 2


def test_a_daughter_in_a_russian_case_is_not_her_father_and_a_broken_surname_keeps_its_initials() -> None:
    """"дочери Иманалиевой Алии": Алии, Айнуры, Натальи were no given names
    (the lexicons hold Алия), so the daughter joined her father of the same
    surname and the act read "дочери Р. К. И.", his initials. "Токто-\\nгулов
    Э." broken at a line's end read "Т. Г.", the initial lost."""
    ru = ("Взыскать с Иманалиева Руслана Кубанычбековича в пользу Жумалиевой Айнуры Садыбакасовны алименты на "
          "содержание несовершеннолетней дочери Иманалиевой Алии, 15.06.2015 года рождения.")
    result = _all_hidden(ru, ("Иманалиева Руслана", "Жумалиевой Айнуры", "Иманалиевой Алии"))
    assert "с Р. К. И. в пользу А. С. Ж." in result.text and "дочери А. И.," in result.text
    result = _all_hidden("Подсудимый Токто-\nгулов Э. ударил потерпевшего.", ("Токто", "гулов Э."))
    assert "Подсудимый Э. Т. ударил" in result.text


def test_kyrgyz_names_in_bubu_are_hidden_and_a_fathers_name_does_not_make_siblings_one_person() -> None:
    """"Маматова Бүбүсара", "эжеси Бүбүжан": no lexicon has the Бүбү- names,
    and both were published. "Нуржан кызы Айпери" and "Нуржан уулу Бекзат"
    (his sister) shared the father's name and became one person, "А. Н."."""
    ky = ("Айыпталуучу Маматова Бүбүсара айтымында, ал мугалим болуп иштейт, эжеси Бүбүжан менен бирге жашайт. "
          "Бүбүгө урмат көрсөтүлдү.")
    result = _all_hidden(ky, ("Маматова", "Бүбүсара", "Бүбүжан"), language="ky")
    assert "Бүбүгө урмат" in result.text  # бүбү, a lady: a word
    ky = "Жабырлануучу Нуржан кызы Айпери жана анын агасы Нуржан уулу Бекзат сотко келишкен жок."
    result = _all_hidden(ky, ("Нуржан", "Айпери", "Бекзат"), language="ky")
    assert "Жабырлануучу А. Н. жана анын агасы Б. Н. сотко" in result.text


def test_a_rare_kyrgyz_given_name_after_the_surname_is_hidden() -> None:
    """"Маматова Жылдызкан", "Эшмаматов Ташмат": rare names no lexicon has
    stayed in clear after the surname, while before it ("Асанкул Осмонов")
    they were taken. A place after a full name is no given name."""
    ky = ("Айыпталуучу Маматова Жылдызкан сотто күнөөсүн мойнуна алды. Соттолуучу Эшмаматов Ташмат кечирим сурады. "
          "Данияр Асанкулов Анталия шаарында эс алган. Темир Сариев Петербургдагы форумда болгон.")
    result = _all_hidden(ky, ("Маматова Жылдызкан", "Эшмаматов Ташмат", "Данияр Асанкулов", "Темир Сариев"), language="ky")
    assert "Анталия шаарында" in result.text and "Петербургдагы форумда" in result.text
