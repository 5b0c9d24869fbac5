"""Surnames and patronymics in one form, for search.

A judge or a clerk looking for "Касымов" wants every act that names that
family: Касымова, Касымовой, Касымовым in Russian, Касымовдун,
Касымовго, Касымованын in Kyrgyz. The stemmers treat these as unrelated
words (Snowball cuts "касымов" to "касым" but "касымова" to "касымов"), so
a word shaped like a Russian-style surname gets the surname itself as a
term, whatever its gender and case: "касымов". Patronymics likewise:
Бакытович, Бакытовна, Бакытовичтин → "бакытович".

Only words that end in a surname's suffix and one of the endings such a
surname takes qualify; -ин/-ын names only with a Russian ending, since
Kyrgyz "-ын/-ин" is the genitive of any word.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Kyrgyz case endings after a consonant (Касымов-дун) and after a vowel (Касымова-нын).
KY_AFTER_CONSONANT = r"д[ыиуү]н|т[ыиуү]н|[гк][оөае]|д[ыиуү]|т[ыиуү]|д[оөае]|т[оөае]|д[оөае]н|т[оөае]н|д[оөае]й"
KY_AFTER_VOWEL = r"н[ыиуү]н|[гк][аеоө]|н[ыиуү]|д[аеоө]|д[аеоө]н|д[аеоө]й|с[ыи]|с[ыи]н[ыи]н"
RU_MASCULINE = r"|а|у|ым|е|ы|ых|ым|ыми"
RU_FEMININE = r"а|ой|ою|у"
SURNAME = re.compile(
    rf"^(?P<stem>[а-яёңөү]{{3,}}?)(?P<suffix>ов|ев|ёв)"
    rf"(?:{RU_MASCULINE}|{RU_FEMININE}|{KY_AFTER_CONSONANT}|а(?:{KY_AFTER_VOWEL}))$"
)
SURNAME_IN = re.compile(rf"^(?P<stem>[а-яёңөү]{{3,}}?)(?P<suffix>ин|ын)(?:а|ой|ым|у|е|ы|ых)$")
PATRONYMIC = re.compile(
    r"^(?P<stem>[а-яёңөү]{3,}?)(?P<suffix>ович|евич|овн|евн)"
    rf"(?:|а|у|ем|е|ей|ы|ой|ою|{KY_AFTER_CONSONANT}|а(?:{KY_AFTER_VOWEL}))$"
)


@lru_cache(maxsize=100_000)
def surname_base(word: str) -> str | None:
    """The surname or patronymic a lowercased word is a form of, or None."""
    for pattern in (PATRONYMIC, SURNAME, SURNAME_IN):
        match = pattern.match(word)
        if match:
            suffix = match.group("suffix")
            suffix = {"овн": "ович", "евн": "евич"}.get(suffix, suffix)
            return match.group("stem") + suffix
    return None
