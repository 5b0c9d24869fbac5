"""Names that the word before them marks as names: the capitalised words
(or a surname in small letters) after a party's procedural role; a Latin name or a
social-media nickname after a party's role, an occupation or the word for
a nickname ("потерпевший John Smith", "блогера Mimeng", "рэпера Jay Z",
"под ником «Aibek_91»"); a nickname in any letters after the word for one
("по кличке «Косой»", "под именем ДЖЕЙ-ЗИ", "лакап аты Бака"), every word
of it when it is a Latin name ("аккаунт «Aibek Asanov»"), and in Kyrgyz
before the words for an account so named ("«Aida Sultanova» аттуу аккаунт");
a given name the dictionaries do not know after a word of kin ("дочь
Стефани"). A platform's name ("аккаунт Instagram") is no one's.

A Latin word has no Russian or Kyrgyz surname ending and is in no
Cyrillic lexicon, so no other rule finds it; and alone, Latin capitals in
an act are as often a firm's or a product's name ("ОсОО «Mega Trade»"),
so here the cue decides, never the capitals.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from anonymise.candidates import (
    LOWER_LATIN,
    LOWER_LETTERS,
    MAX_NAME_TOKENS,
    PARTY_ROLES,
    UPPER_LATIN,
    UPPER_LETTERS,
    add_person,
    doc_language,
    kyrgyz_name_only,
    name_word,
)
from anonymise.kin import KIN_WORDS
from anonymise.names import (
    CAPITALISED,
    dictionary_name,
    is_given_name,
    known_word,
    kyrgyz_common_word,
    kyrgyz_given_name,
    small_surname,
)
from anonymise.places import QUOTES, doc_text, token_texts
from anonymise.roles import PARTY_WORDS

# People named by what they do, in news and in the acts' accounts of events.
OCCUPATIONS = (
    r"рэпер\w*|блогер\w*|певиц\w*|певц\w*|певец|композитор\w*|музыкант\w*|исполнител\w*|артист\w*|"
    r"акт[её]р\w*|актрис\w*|писател\w*|поэт\w*|поэтесс\w*|режисс[её]р\w*|журналист\w*|продюсер\w*|диджей\w*|"
    r"футболист\w*|боксер\w*|боксёр\w*|господин\w*|госпож\w+|мистер\w*|миссис|мисс|dj|mc"
)
NICKNAMES = r"ник(?:а|у|ом|е|и|ами)?|никнейм\w*|логин\w*|аккаунт\w*|колдонуучу\s+аты\w*"
# A nickname among people, written in any letters: a defendant's in an
# act's account of events, a performer's stage name in news.
ALIASES = (r"кличк\w*|прозвищ\w*|псевдоним\w*|под\s+именем|называ(?:ют|ли)|зовут|известн\w*\s+как|[oо]н[аи]?\s+же|"
           r"лакап\s+аты\w*|каймана\s+аты\w*|кылыкка?\s+аты\w*")
# The cue (a role, an occupation, the word for a nickname, or kin: after
# KIN_WORDS, shared with the cues that confirm natasha's names, a given name
# is a person's even where no list knows it) and what may stand between it
# and the name: a hyphenated second word ("композитор-неоклассик"), a comma
# or colon, an opening quote.
CUE = re.compile(rf"(?i)(?:^|[^\w-])(?:{PARTY_WORDS}|{OCCUPATIONS}|(?P<nick>{NICKNAMES})|(?P<alias>{ALIASES})|"
                 rf"(?P<kin>{KIN_WORDS}))(?:-\w+)?[\s,:]*[«\"“„]?\s*"
                 # the names before this one in the cue's list: "уулдары Эрлан жана Нурлан"
                 r"(?:[А-ЯЁӨҮҢ][а-яёөүң-]+\s*(?:,\s*|\s+(?:жана|и)\s+)){0,3}$")
LATIN_WORD = re.compile(rf"^[{UPPER_LATIN}][{UPPER_LATIN}{LOWER_LATIN}'’]*$")
NICKNAME_PART = re.compile(rf"^[{UPPER_LETTERS}{LOWER_LETTERS}0-9_.@-]+$")
NICKNAME_START = re.compile(rf"^[{UPPER_LATIN}{LOWER_LATIN}][{UPPER_LATIN}{LOWER_LATIN}0-9_.@-]*$")
ALIAS_START = re.compile(rf"^[{UPPER_LETTERS}][{UPPER_LETTERS}{LOWER_LETTERS}0-9_.@-]*$")  # capitalised: "называют лучшим" is no name
MAX_WORDS = 3
# Where an account is, not whose: "через аккаунт Instagram" names no one.
PLATFORMS = frozenset(
    "instagram facebook whatsapp telegram twitter tiktok youtube vkontakte vk odnoklassniki ok viber skype "
    "imo signal gmail google yandex mail icloud apple linkedin snapchat threads x ebay avito olx lalafo".split()
)
# A Kyrgyz act names the account first: "«Aida Sultanova» аттуу аккаунт".
NAMED_ACCOUNT_AFTER = re.compile(r"^[»\"”]?\s*аттуу\s+(?:аккаунт|баракча|профил|колдонуучу|ник)", re.IGNORECASE)
# A Kyrgyz act names a nickname first too: "«Кара» деген лакап аты менен"; and a
# person by the name alone: "Бекзат аттуу жигит" (a young man named Bekzat).
NICKNAMED_AFTER = re.compile(r"^[»\"”]?\s*(?:деген\s+(?:лакап|каймана|кылык)|(?:аттуу|деген|исимдүү)\s+"
                             r"(?:кыз|жигит|адам|киши|аял|бала|эркек|келин|тааныш|дос|курбу|айым|мырза|жаран|кишиге|"
                             r"улан|байке|эже|кемпир|абышка)\w*)", re.IGNORECASE)
CUE_WINDOW = 60  # characters before the name that are searched for its cue
CUED_PERSONS = "cued_persons"  # the component's name in the pipeline


@Language.component(CUED_PERSONS)
def cued_persons(doc: Doc) -> Doc:
    """A run of capitalised Latin words right after a cue is a person; after
    the word for a nickname, the nickname as written, digits and all."""
    text, words = doc_text(doc), token_texts(doc)
    i = 0
    while i < len(doc):
        if not (ALIAS_START.match(words[i]) or NICKNAME_START.match(words[i])):
            i += 1  # what _cued_name_end looks at first, without a Token made
            continue
        end = _cued_name_end(doc, i, text)
        if end > i:
            doc.spans.setdefault("persons", []).append(doc[i:end])
        i = max(end, i + 1)
    return doc


def _cued_name_end(doc: Doc, i: int, text: str) -> int:
    """Where a cued name starting at token i ends; i where none starts there."""
    token = doc[i]
    glued_to_previous = i > 0 and not doc[i - 1].whitespace_ and NICKNAME_PART.match(doc[i - 1].text)
    if not (ALIAS_START.match(token.text) or NICKNAME_START.match(token.text)) or glued_to_previous:
        return i
    if token.text.lower() in PLATFORMS:
        return i
    cue = CUE.search(text[max(0, token.idx - CUE_WINDOW) : token.idx])
    if cue is None:
        return _named_account_end(doc, i, text)
    end = i + 1
    if (cue.group("nick") and NICKNAME_START.match(token.text)) or (cue.group("alias") and ALIAS_START.match(token.text)):
        while end < len(doc) and not doc[end - 1].whitespace_ and NICKNAME_PART.match(doc[end].text):
            end += 1  # "Aibek_91", "ДЖЕЙ-ЗИ": a nickname is one word, however spaCy cut it
        while end - 1 > i and not any(c.isalnum() for c in doc[end - 1].text):
            end -= 1  # the full stop after "называют Горба." ends the sentence, not the name
        if end == i + 1 and LATIN_WORD.match(token.text):
            end = _latin_run_end(doc, i)  # an account in a person's name: "аккаунт «Aibek Asanov»"
        return end
    if cue.group("kin"):
        return end if _unlisted_given_name(token.text, doc_language(doc)) else i
    if not LATIN_WORD.match(token.text) or _abbreviation(doc, i):
        return i
    return _latin_run_end(doc, i)


def _latin_run_end(doc: Doc, i: int) -> int:
    """The end of the capitalised Latin words from token i on, spaced
    apart, MAX_WORDS at most and no platform's name among them."""
    end = i + 1
    while (end < len(doc) and end - i < MAX_WORDS and doc[end - 1].whitespace_ and LATIN_WORD.match(doc[end].text)
           and doc[end].text.lower() not in PLATFORMS):
        end += 1
    return end


def _named_account_end(doc: Doc, i: int, text: str) -> int:
    """A name in Latin letters in quotes that "аттуу аккаунт" (an account
    named so) follows: "«Aida Sultanova» аттуу аккаунт аркылуу"; a
    nickname in any letters that "деген лакап" (the nickname called so)
    follows: "«Кара» деген лакап аты менен белгилүү"; a name that "аттуу
    жигит" (a young man named so) follows."""
    after_word = doc[i].idx + len(doc[i].text)
    if ALIAS_START.match(doc[i].text) and NICKNAMED_AFTER.match(text[after_word : after_word + 40]):
        return i + 1
    opened = i > 0 and doc[i - 1].text in QUOTES
    if not opened or not LATIN_WORD.match(doc[i].text) or _abbreviation(doc, i):
        return i
    end = _latin_run_end(doc, i)
    after = doc[end - 1].idx + len(doc[end - 1].text)
    return end if NAMED_ACCOUNT_AFTER.match(text[after : after + 40]) else i


def _unlisted_given_name(word: str, language: str) -> bool:
    """A capitalised Cyrillic word after a word of kin that is a name or no
    common word at all ("дочь Стефани"; not "сын Отечества"). In Kyrgyz,
    which the Russian dictionary does not know, a given name of the
    lexicons and no Kyrgyz common word ("уулдары Эрлан жана Нурлан")."""
    if not CAPITALISED.match(word):
        return False
    if language == "ky":
        return is_given_name(word) and not kyrgyz_common_word(word)
    return dictionary_name(word) or is_given_name(word) or not known_word(word)


def _abbreviation(doc: Doc, i: int) -> bool:
    """"представитель NHS", "представитель ZANU-PF": a body's letters, not a name."""
    text = doc[i].text
    glued_hyphen = i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_
    return (len(text) > 1 and text.isupper()) or glued_hyphen


@Language.component("role_persons")
def role_persons(doc: Doc) -> Doc:
    """The capitalised words right after a party's role are a person."""
    for i, word in enumerate(token_texts(doc)):
        if not PARTY_ROLES.match(word) or word.lower() in ("гр", "участием"):
            continue
        end = i + 1
        while end < len(doc) and doc[end].text in (",", ":", "—", "-"):
            end += 1
        start = end
        if end < len(doc) and small_surname(doc[end].text):
            # OCR or a clerk wrote the party in small letters ("айыпталуучу асанов бакыт"): the
            # surname's shape says it, and a given name in small letters may follow it.
            end += 1 + (end + 1 < len(doc) and doc[end + 1].text.islower() and kyrgyz_given_name(doc[end + 1].text))
            doc.spans.setdefault("persons", []).append(doc[start:end])
            continue
        while end < len(doc) and end - start < MAX_NAME_TOKENS * 2 and name_word(doc, end):
            end += 1
        if end > start and any(doc[k].is_alpha and len(doc[k].text) > 1 for k in range(start, end)):
            # A Kyrgyz name ends with its surname: "Данияр Асанкулов Анталияда" went to Antalya.
            add_person(doc, kyrgyz_name_only(doc, doc[start:end]) if doc_language(doc) == "ky" else doc[start:end])
    return doc
