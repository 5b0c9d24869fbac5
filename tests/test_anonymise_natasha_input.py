"""What natasha is given to read: sentences that could name someone and
their neighbours, every other character a space, so offsets stay true."""

from __future__ import annotations

from anonymise import anonymise
from anonymise.natasha_input import sentences_that_could_name

NO_NAMES = "Суд апелляционной инстанции рассмотрел жалобу. Решение Суда оставлено без изменения.\n"
FAR = "Кодекс Кыргызской Республики применён верно. Иных доводов жалоба не содержит.\n"
NAME = "Жалобу подала Асанова Айгуль Бакытовна. "


def test_sentences_without_a_possible_name_are_blanked_and_offsets_kept() -> None:
    text = NO_NAMES + FAR + NAME + "Жалоба рассмотрена."
    read = sentences_that_could_name(text, kyrgyz=False)
    assert len(read) == len(text)
    assert read.count("\n") == text.count("\n")
    assert "Суд апелляционной инстанции" not in read
    start = text.index("Асанова")
    assert read[start : start + len("Асанова Айгуль Бакытовна")] == "Асанова Айгуль Бакытовна"
    # The sentences just before and after a possible name stay for natasha's context.
    assert "Иных доводов жалоба не содержит." in read
    assert read.endswith("Жалоба рассмотрена.")


def test_kyrgyz_sentences_of_common_words_are_blanked() -> None:
    text = "Соттун токтому мыйзамдуу. Соттун чечими өзгөртүүсүз калтырылды.\nБул иш боюнча даттануу берилген эмес."
    assert sentences_that_could_name(text, kyrgyz=True).strip() == ""
    assert sentences_that_could_name("Жабырлануучу Сыдыкова Гүлнара келди.", kyrgyz=True).strip()


def test_a_name_after_long_nameless_text_is_still_hidden() -> None:
    # "Ким Чен Хо" has no name's shape and no lexicon has it: only natasha
    # finds it, so it is hidden only if natasha still reads its sentence.
    text = (NO_NAMES + FAR) * 20 + NAME + "Жалобу поддержал Ким Чен Хо. Суд жалобу отклонил."
    result = anonymise(text)
    for word in ("Асанова", "Айгуль", "Бакытовна", "Ким", "Чен"):
        assert word not in result.text, word
    assert result.text.startswith("Суд апелляционной инстанции рассмотрел жалобу.")


def test_an_initial_does_not_end_a_sentence() -> None:
    # Split at "А." and "Б.", the sentence's start would lie two pieces from
    # the surname, out of natasha's sight.
    text = "Жалобу поддержал А.Б. Асанов. Суд рассмотрел жалобу. Решение Суда оставлено."
    read = sentences_that_could_name(text, kyrgyz=False)
    assert read.startswith("Жалобу поддержал А.Б. Асанов. Суд рассмотрел жалобу.")
    assert "Решение Суда" not in read
