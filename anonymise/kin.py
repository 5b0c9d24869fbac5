"""Words of kin, and the Kyrgyz given names that follow them or a father's
name: the cues that say the next word is a person's given name
("эжеси Айжан", "Нурландын уулу Эмир", "сын Гидеон"), and the shape of a
Kyrgyz given name no lexicon lists (Жээнбек, Нургүл). Shared by the
candidate rules (anonymise/candidates.py), the cues (anonymise/cues.py)
and the check on natasha's names (anonymise/natasha_names.py)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from anonymise.names import CAPITALISED, KYRGYZ_PATRONYMIC, common_word, is_given_name, kyrgyz_listed, name_base
from anonymise.places import street_or_body

# Kyrgyz words of kin with the possessive ("his sons", "her mother"), in
# the back and the front vowels' forms: "уулдары Эрлан жана Нурлан",
# "эжеси Айжан". No name is spelled so (not Жээнбек: the ending is whole).
KYRGYZ_KIN = (r"уулдары\w*|кыздары\w*|(?:апа|ата|ага)(?:сы|сынын|сына|сы\s+менен)|"
              r"(?:эне|ини|эже)(?:си|синин|сине|си\s+менен)|аял(?:ы|ынын|ына)|"
              r"карындаш\w*|сиңди\w*|жубай\w*|күйөө\w*|небере\w*|жээн(?:и|инин|ине)|байке(?:си|синин|сине)|"
              # a child, and kin by marriage: "күйөө баласы Эмил" (the son-in-law), "кайнатасы"
              r"бала(?:сы|сынын|сына|лары)|кайнене\w*|кайната\w*|кайни(?:си|синин|сине)|жеңе(?:си|синин|сине)|"
              r"таята(?:сы|сынын)|таене(?:си|синин)|"
              # and friends, neighbours, colleagues: "анын досу Олег" (his friend Oleg)
              r"дос(?:у|унун|уна)|курбу(?:су|сунун|суна)|кошуна(?:сы|сынын|сына)|тааныш(?:ы|ынын|ына)|"
              r"кесиптеш(?:и|инин|ине)")
# Words of kin: a name follows ("сын Гидеон", "уулдары Эрлан жана Нурлан").
KIN_WORDS = (r"сын[аеуо]?м?|доч(?:ь|ери|ерью)|дочк\w+|от(?:ец|ца|цу|цом)|мат(?:ь|ери|ерью)|брат\w*|сестр\w*|"
             rf"жен(?:а|ы|е|у|ой)|муж(?:а|у|ем)?|супруг\w*|вдов\w*|внук\w*|внучк\w*|племянни\w+|{KYRGYZ_KIN}")
# A Kyrgyz one is never a name's word, capitalised or not ("Атасы Токтосунов Бакыт": his father;
# "Атасы" less its ending is the given name Ата). The Russian ones may be (Вдовин, Внуков).
KYRGYZ_KIN_WORD = re.compile(rf"(?i)(?:{KYRGYZ_KIN})")


def father_word(word: str, before: str) -> bool:
    """уулу, кызы and their kin after a father's name; a father word that is
    a Russian word too ("угли", coals) only after a word that is none
    ("Рахимжон угли", not "Горящие угли")."""
    return bool(KYRGYZ_PATRONYMIC.match(word)) and not (common_word(word) and common_word(before))


# Kyrgyz given names no common word ends so: Асылбек, Нургүл, Гүлбүбү.
KYRGYZ_NAME_ENDING = re.compile(r"^\w{3,}(?:бек|гүл|гуль|бүбү|бубу)$")


# ... nor begins so: Бүбүсара, Бүбүжан (no lexicon has them; "Маматова
# Бүбүсара" and "эжеси Бүбүжан" were published). Not the word бүбү (a lady)
# in its cases, which the Kyrgyz word list has.
KYRGYZ_NAME_START = re.compile(r"^(?:бүбү|бубу)\w{3,}$")


def kyrgyz_name_form(word: str) -> bool:
    """A Kyrgyz given name by its own ending or beginning, in any case
    (Асылбектин, Нургүлгө, Бүбүсаранын)."""
    return KYRGYZ_NAME_ENDING.search(name_base(word)) is not None or (
        KYRGYZ_NAME_START.match(word.lower()) is not None and not kyrgyz_listed(word))


def given_after_father_word(doc: Doc, i: int) -> bool:
    """The given name after уулу or кызы: "Нурлан уулу Эмир", and "Сыдыков
    Нурландын уулу Эмир" (Nurlan's son Emir), where the son's name, a common
    word too (эмир, a command), stayed in clear. A given name by the
    lexicons or by its ending, on the father word's line."""
    if i < 2 or not KYRGYZ_PATRONYMIC.match(doc[i - 1].text.lower()) or not CAPITALISED.match(doc[i - 2].text):
        return False
    if "\n" in doc[i - 2].whitespace_ + doc[i - 1].whitespace_:
        return False
    return given_name_shape(doc[i].text) and not street_or_body(doc, i, i + 1)


def given_name_shape(word: str) -> bool:
    """A given name of the lexicons, or a Kyrgyz one by its ending (Жээнбек)."""
    return is_given_name(word) or (CAPITALISED.match(word) is not None and kyrgyz_name_form(word))
