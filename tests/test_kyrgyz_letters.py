"""ң ө ү restored on pages typed without them, and only there."""

from __future__ import annotations

from pathlib import Path

from ocr import read_image
from ocr.kyrgyz_letters import restore
from sotarchive.sample_archive import write_pdf
from sotarchive.sample_archive.conditions import clean, typewriter, without_kyrgyz_letters
from tests.conftest import catalog_rows, ingest_inline

MARKED = """Сот төмөнкүлөрдү аныктады: жоопкер мөөнөтүндө карызын төлөгөн эмес.
Күбөлөрдүн көрсөтмөлөрү боюнча жоопкер күнөөлүү. Сот өкүм кылды:
жоопкерден карыз өндүрүлсүн, өкүм күчүнө кирет. Бул иш боюнча
өзгөртүү киргизилбейт. Жоопкер Бөкөнбаев болуп саналат.
"""


def test_typed_words_get_their_letters_back() -> None:
    typed = without_kyrgyz_letters(MARKED)
    result = restore(typed)
    words = result.text.split()
    for word in ("төмөнкүлөрдү", "төлөгөн", "Күбөлөрдүн", "күнөөлүү.", "өкүм", "өндүрүлсүн,", "күчүнө", "өзгөртүү"):
        assert word in words, word
    assert result.restored >= 10


def test_ambiguous_words_and_names_stay_as_typed() -> None:
    result = restore(without_kyrgyz_letters(MARKED))
    assert "болуп" in result.text  # "being", or "dividing" (бөлүп): cannot tell
    assert "Сот" in result.text and "Бул" in result.text
    assert "Боконбаев" in result.text  # a surname: no lexicon knows it


def test_a_typed_form_that_is_another_word_takes_the_reading_real_text_uses() -> None:
    """"жаны" (soul) and "учун" (its tip) are words as typed, but real Kyrgyz
    text means жаңы (new) and үчүн (for) by them (ocr/data/kyrgyz_frequent_marked.txt,
    counted on the UD_Kyrgyz-KTMU treebank), hyphenated names whole; "он" (ten) is as
    common as "оң" and stays."""
    typed = without_kyrgyz_letters(MARKED + "Жаңы мыйзам үчүн иш он күндө өттү. Ысык-Көлдө турган үй.\n")
    words = restore(typed).text.split()
    assert "Жаңы" in words and "үчүн" in words and "өттү." in words and "он" in words
    assert "Ысык-Көлдө" in words and "турган" in words  # кол alone is a hand; турган is not түрган


def test_a_hyphenated_name_real_text_reads_one_way_keeps_its_reading_with_another_ending() -> None:
    """The treebank has Ысык-Көлдө and Ысык-Көлгө but never Ысык-Көлдөн: the
    name is taken from the list and the ending follows its vowels."""
    typed = without_kyrgyz_letters(MARKED + "Ысык-Көлдөн келген кол. Азык-түлүктүн баасы.\n")
    words = restore(typed).text.split()
    assert "Ысык-Көлдөн" in words and "Азык-түлүктүн" in words
    assert "кол." in words  # a hand, as typed


def test_a_word_broken_at_the_line_end_is_restored_whole_and_stays_broken() -> None:
    """The typist broke "жөнөтүлгөн" and "көргөзмө-жарманкеси" at the line's end;
    neither half alone is a word to restore. A capital after the break is a
    hyphenated name's second part; "кол-до" (in the hand) stays as typed."""
    typed = without_kyrgyz_letters(MARKED + "Кат кечээ жөнө-\nтүлгөн. Ысык-\nКөлдөн келди. Көргөз-\n"
                                            "мө-жарманкеси ачылды. Акча кол-\nдо.\n")
    text = restore(typed).text
    assert "жөнө-\nтүлгөн." in text and "Ысык-\nКөлдөн" in text and "Көргөз-\nмө-жарманкеси" in text
    assert "кол-\nдо." in text


def test_suffixes_after_a_front_vowel_take_the_front_rounded_vowel() -> None:
    """After е, и a suffix's у can only be ү (иштетүү, текшерүү): taken where
    Tesseract's list knows the word; "бирок" (but), written so, stays."""
    typed = without_kyrgyz_letters(MARKED + "Бирок иштетүү жана текшерүү керек.\n")
    words = restore(typed).text.split()
    assert "иштетүү" in words and "текшерүү" in words and "Бирок" in words


def test_pages_with_their_letters_and_russian_pages_are_left_alone() -> None:
    assert restore(MARKED).restored == 0
    russian = "Суд рассмотрел дело и установил, что ответчик долг не вернул. " * 3
    assert restore(russian).text == russian


def test_on_a_page_with_its_letters_only_the_marks_ocr_lost_against_vowel_harmony_come_back() -> None:
    """"батирлуу" and "берууну" are no Kyrgyz words: after и, е a suffix's у is ү;
    "екметтор" is өкмөттөр with ө read as е. "болуп" and "бирок", which the stem
    lists would weigh, and a short name stay as written."""
    read = MARKED + "Ал батирлуу үйдү берууну сурады, бирок болуп өттү. Екметтор тешелду деди Лео.\n"
    result = restore(read)
    assert "батирлүү" in result.text and "берүүнү" in result.text
    assert "Өкмөттөр төшөлдү" in result.text  # ө read as е, in words no list knows
    assert "бирок болуп" in result.text and "Лео." in result.text
    assert not result.typed_without_marks and result.restored == 4


def test_a_typewritten_page_without_the_letters_is_read_and_restored() -> None:
    page = read_image(typewriter(without_kyrgyz_letters(MARKED), seed=41))
    assert "күнөөлүү" in page.text and "өкүм" in page.text
    assert any(step.startswith("restored ң ө ү") for step in page.steps)
    assert page.ocr.language == "ky"


def test_names_and_words_the_stem_lists_lack_come_back_from_tesseracts_list() -> None:
    """Tesseract's Kyrgyz list spells them with marks and has their typed
    form in no lowercase entry: Үсөнова, Айгүлдүн, тинтүүнүн. A typed form
    that is a word as it stands (болууну, "of being") stays."""
    page = without_kyrgyz_letters(MARKED) + without_kyrgyz_letters("Күбө Үсөнова доогер Айгүлдүн тинтүүнүн жыйынтыгын болууну айтты.\n")
    result = restore(page)
    for word in ("Үсөнова", "Айгүлдүн", "тинтүүнүн"):
        assert word in result.text.split(), word
    assert "болууну" in result.text.split()


def test_the_page_spells_a_name_where_the_typist_left_out_the_marks() -> None:
    """A name read surely with its marks in one place (a printed heading, a
    mark added by hand) restores it where it was typed without them, with
    its case endings; a common word whose typed form is a word of its own
    (болуп beside бөлүп) is not taken from the page."""
    typed = without_kyrgyz_letters(MARKED)
    alone = restore(typed)
    assert "Боконбаев" in alone.text
    own = restore(typed, own=["Бөкөнбаев", "бөлүп"])
    assert "Бөкөнбаев" in own.text and "Боконбаев" not in own.text
    assert "болуп" in own.text
    endings = restore(typed + "Боконбаевдин арызы канааттандырылсын.", own=["Бөкөнбаев"])
    assert "Бөкөнбаевдин" in endings.text


def test_a_name_read_surely_with_its_marks_on_a_page_typed_without_them() -> None:
    """End to end with the real Tesseract: the name's one marked spelling
    on the page (a line added with the marks) reaches the typed lines."""
    page = without_kyrgyz_letters(MARKED) + "Арыз ээси: Бөкөнбаев Асан.\n"
    result = read_image(clean(page))
    assert "Бөкөнбаев болуп" in " ".join(result.text.split()), result.text


def test_a_document_spells_a_name_on_every_page_as_one_of_its_pages_reads_it(tmp_path: Path) -> None:
    """Through the pipeline: the name is read with its marks on the first
    page only (a printed heading); the second page, typed without them,
    takes that spelling with its case ending at the document's assembly."""
    heading = "Арыз ээси: Бөкөнбаев Асан.\nБишкек шаардык сотунун чечими.\n"
    body = without_kyrgyz_letters(MARKED) + "Боконбаевдин арызы канааттандырылсын.\n"
    scan = tmp_path / "case.pdf"
    write_pdf([clean(heading), clean(body)], scan)
    data = tmp_path / "data"
    ingest_inline(data, scan)
    texts = [row[0] for row in catalog_rows(data, "SELECT text FROM pages ORDER BY number")]
    second = " ".join(texts[1].split())
    assert "Бөкөнбаевдин арызы" in second and "Бөкөнбаев болуп" in second, second
