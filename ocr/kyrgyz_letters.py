"""Restoring ң, ө, ү on pages typed on machines that lacked them.

Soviet-era typists wrote н, о, у instead. Two sources must agree before a
typed word is changed:
- the project's own stem lists (ocr/data): the longest marked stem whose
  typed form begins the word proposes the spelling, and vowel harmony
  carries the marks into the suffixes (after a front vowel a suffix's о, у
  can only be ө, ү: "кунооcун" → "күнөө" + "сүн"); a common plain stem at
  least as long ("бол" be / "бөл" divide, "сот") means the word is kept;
- Tesseract's own Kyrgyz word list (from the installed tesseract-ocr-kir
  model, Apache-2.0) must know the restored spelling.
That list alone cannot decide, because it comes from web text where the
same unmarked typing is common ("окум" stands in it beside "өкүм").
Before both, a typed form real text reads one way (ocr/data/
kyrgyz_frequent_marked.txt, counted on the UD_Kyrgyz-KTMU treebank) takes
that reading: "жаны" is a word (soul), but real text means жаңы (new), and
"Ысык-Кол" is Ысык-Көл though "кол" alone is a hand. A word the typist
broke at a line's end is read whole.

On a page typed with the marks, OCR still loses some: ө read as о or е,
ү as у. There only what cannot be Kyrgyz as read is changed (a suffix
against vowel harmony, an е-word no list knows whose ө-reading it does).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterable
import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ocr.language import kyrgyz_share

FOLD = str.maketrans("ңөүҢӨҮ", "ноуНОУ")
MARKED = set("ңөүҢӨҮ")
FRONT_VOWELS = set("еиөүэ")
BACK_VOWELS = set("аыоуяё")
VOWELS = set("аеиоуыэюяёөү")
HARMONY = str.maketrans("оу", "өү")
WORD = re.compile(r"[А-Яа-яЁёҢңӨөҮү]+")
WORD_OR_HYPHENATED = re.compile(r"[А-Яа-яЁёҢңӨөҮү]+(?:-\n?[А-Яа-яЁёҢңӨөҮү]+)*")
LINE_BREAK = "-\n"  # a word the typist broke at the line's end
MIN_SHARE = 0.05  # of a page's words restorable, before it counts as typed without marks
MAX_MARKED_SHARE = 0.2  # of those words already carrying marks, beyond which it was not
MIN_WHOLE_WORD = 4  # letters: shorter typed words are too often words as they stand
OWN_SUFFIX_MAX = 6  # letters of case ending after a name the page spells with marks
# What follows a given name in a surname or a patronymic, with a case ending.
NAME_SUFFIX = re.compile(r"(?:ович|евич|овн|евн|ов|ев|уулу|кызы)[а-яөүң]{0,6}$")


@dataclass
class Restoration:
    text: str
    restored: int  # words changed
    typed_without_marks: bool = True  # False: a marked page, where only OCR's lost marks came back


@dataclass(frozen=True)
class Lexicon:
    marked_stems: dict[str, str]  # typed form of a stem → the stem with its marks
    plain_stems: frozenset[str]
    known: frozenset[str]  # marked word forms Tesseract's list knows
    whole: dict[str, str] = field(default_factory=dict)  # typed form → the one marked word it stands for
    names: dict[str, str] = field(default_factory=dict)  # the same, for names the list writes capitalised
    frequent: dict[str, str] = field(default_factory=dict)  # typed form → the marked reading real text uses
    own: dict[str, str] = field(default_factory=dict)  # typed form → a word the page itself reads with marks

    def with_own(self, words: Iterable[str]) -> Lexicon:
        """This lexicon with the page's own marked words: a name or word
        read surely with its marks in one place (a printed heading, a mark
        the typist added by hand, a name OCR read whole) is how the page
        spells it where the marks are missing. Left out: a typed form two
        marked words share, and a common word whose typed form is a word
        of its own (болуп beside бөлүп): only names are taken on trust."""
        marked = {w for w in words if MARKED & set(w) and len(w) >= MIN_WHOLE_WORD}
        if not marked:
            return self
        plain_words = tesseract_words()
        own: dict[str, str] = {}
        for word in marked:
            # A name is kept capitalised: it stands only for capitalised
            # typed words (Көлгө of Ысык-Көлгө is not колго, "in hand").
            spelling = word if word[0].isupper() else word.lower()
            typed = word.lower().translate(FOLD)
            if not word[0].isupper() and (typed in plain_words or _longest_prefix(typed, self.plain_stems)):
                continue
            own[typed] = "" if own.get(typed, spelling) != spelling else spelling
        return dataclasses.replace(self, own={typed: word for typed, word in own.items() if word})

    def restore_word(self, word: str) -> str | None:
        lower = word.lower()
        if MARKED & set(lower):
            return None
        mine = self.own_spelling(lower, word[0].isupper())
        if mine is not None:
            return _same_case(word, mine)
        # жаны is a word (soul), but жаңы (new) is what real text means by it;
        # бирок is written so, and no rule may make it бирөк.
        restored = self.frequent.get(lower) or self._from_stems(lower)
        if restored == lower:
            return None
        if restored is None:
            # Names and words the stem lists lack (Үсөнова, тинтүүнүн,
            # Төлөгөновичтин): the list's one marked word this typed form
            # can stand for, or a given name it spells with marks.
            restored = self.whole.get(lower)
            if restored is None and word[0].isupper():
                restored = self._name_with_suffix(lower)
            if restored is None:
                restored = self.by_harmony(lower)
        return _same_case(word, restored) if restored else None

    def restore_hyphenated(self, lower: str) -> str | None:
        """A hyphenated word real text reads one way, whole or with a case
        ending: ысык-колдон is Ысык-Көл + дөн, though кол alone is a hand
        and ысык-колдон itself never occurred in the treebank."""
        restored = self.frequent.get(lower)
        if restored is not None:
            return restored
        for end in range(len(lower) - 1, lower.rfind("-") + 1, -1):
            stem = self.frequent.get(lower[:end])
            if stem is None or "-" not in stem:
                continue
            rest = lower[end:]
            if _last_vowel(stem) in FRONT_VOWELS:
                rest = rest.translate(HARMONY)
            last_part = (stem + rest).rsplit("-", 1)[1]
            return stem + rest if last_part in self.known else None
        return None

    def by_harmony(self, lower: str) -> str | None:
        """A front-vowel word whose suffixes were typed with у, о
        (иштетуу, текшеруу, тилдуу): after е, и a suffix's rounded vowel can
        only be ү, ө. Taken if Tesseract's list knows the result, which
        keeps loans as typed (инструкция)."""
        first = next((i for i, c in enumerate(lower) if c in "еи"), None)
        if first is None:
            return None
        restored = lower[: first + 1] + lower[first + 1 :].translate(HARMONY)
        return restored if restored != lower and restored in self.known else None

    def _from_stems(self, lower: str) -> str | None:
        stem, plain = _longest_prefix(lower, self.marked_stems), _longest_prefix(lower, self.plain_stems)
        if stem is None or (plain is not None and len(plain) >= len(stem)):
            return None
        marked = self.marked_stems[stem]
        rest = lower[len(stem) :]
        if _last_vowel(marked) in FRONT_VOWELS:
            rest = rest.translate(HARMONY)
        restored = marked + rest
        if restored == lower or (self.known and restored not in self.known):
            return None
        return restored

    def own_spelling(self, lower: str, name: bool) -> str | None:
        """The page's own spelling of this typed word; a name's also with a
        case ending (Үсөнов read surely: Усоновдун → Үсөновдун). Not where
        a common plain stem at least as long makes the typed form a word."""
        if not self.own:
            return None
        stem = lower if lower in self.own else _longest_prefix(lower, self.own) if name else None
        if stem is None or len(lower) - len(stem) > OWN_SUFFIX_MAX:
            return None
        marked, rest = self.own[stem], lower[len(stem) :]
        if marked[0].isupper() and not name:
            return None
        plain = _longest_prefix(lower, self.plain_stems)
        if plain is not None and len(plain) >= len(stem):
            return None
        if _last_vowel(marked) in FRONT_VOWELS:
            rest = rest.translate(HARMONY)
        return marked.lower() + rest

    def _name_with_suffix(self, lower: str) -> str | None:
        """A surname or patronymic made of a given name the list spells with
        marks: Тологоновичтин → Төлөгөновичтин (Төлөгөн + ович + тин)."""
        match = NAME_SUFFIX.search(lower)
        if match is None:
            return None
        name = self.names.get(lower[: match.start()])
        return name + match.group() if name else None


def _longest_prefix(word: str, stems: dict[str, str] | frozenset[str]) -> str | None:
    for end in range(len(word), 1, -1):
        if word[:end] in stems:
            return word[:end]
    return None


def _last_vowel(word: str) -> str:
    for char in reversed(word):
        if char in VOWELS:
            return char
    return ""


def _same_case(original: str, restored: str) -> str:
    if original.isupper() and len(original) > 1:
        return restored.upper()
    if original[0].isupper():
        return restored[0].upper() + restored[1:]
    return restored


def _read_list(name: str) -> list[str]:
    text = resources.files("ocr").joinpath("data", name).read_text("utf-8")
    return [line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")]


# --- Tesseract's word list ------------------------------------------------------


def tessdata_dir() -> Path:
    for candidate in (
        os.environ.get("TESSDATA_PREFIX"),
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
    ):
        if candidate and (Path(candidate) / "kir.traineddata").is_file():
            return Path(candidate)
    raise FileNotFoundError("kir.traineddata not found: install tesseract-ocr-kir")


def _cache_path(traineddata: Path) -> Path:
    digest = hashlib.sha256(traineddata.read_bytes()).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "sotarchive" / f"kir-words-{digest}.txt"


@lru_cache(maxsize=1)
def tesseract_words() -> frozenset[str]:
    """Every word form of Tesseract's Kyrgyz list, as it is written there
    (Үсөнова, өкүм, ӨКҮМ), read out of its model with its own tools once
    and cached on this machine."""
    traineddata = tessdata_dir() / "kir.traineddata"
    cache = _cache_path(traineddata)
    if not cache.is_file():
        with tempfile.TemporaryDirectory(prefix="sotarchive-kir-") as tmp:
            base = Path(tmp) / "kir."
            subprocess.run(["combine_tessdata", "-u", str(traineddata), str(base)], check=True, capture_output=True)
            words = Path(tmp) / "words.txt"
            subprocess.run(
                ["dawg2wordlist", f"{base}lstm-unicharset", f"{base}lstm-word-dawg", str(words)],
                check=True, capture_output=True,
            )
            forms = sorted({w for w in words.read_text("utf-8").split() if WORD.fullmatch(w)})
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.part")
        partial.write_text("\n".join(forms), "utf-8")
        os.replace(partial, cache)
    return frozenset(cache.read_text("utf-8").split())


def marked_words(words: frozenset[str]) -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """From Tesseract's list, in one pass: its marked word forms (lowercase);
    typed form → the one marked word it can stand for; and the same for
    names the list writes capitalised.

    A typed form counts only where it is not written in lowercase in the
    list itself (усонова → үсөнова, тинтуунун → тинтүүнүн; not болууну, a
    word as typed). The list has names typed without marks too (Усонова,
    from web text), so a typed form seen only capitalised does not count
    against its marked spelling; nor may a second marked word fold to the same."""
    lowercase = {w for w in words if w.islower()}
    known: set[str] = set()
    whole: dict[str, str | None] = {}
    names: dict[str, str | None] = {}
    for word in words:
        if not MARKED & set(word):
            continue
        lower = word.lower()
        known.add(lower)
        typed = lower.translate(FOLD)
        if len(lower) < MIN_WHOLE_WORD or typed in lowercase:
            continue
        for found in (whole, names) if word[0].isupper() else (whole,):
            if found.get(typed, lower) != lower:
                found[typed] = None  # two marked words fold to this typed form: neither
            elif typed not in found:
                found[typed] = lower
    return (frozenset(known), {t: w for t, w in whole.items() if w}, {t: w for t, w in names.items() if w})


VOICED = {"к": "г", "п": "б"}  # бөлүк → бөлүгү: a final к, п voices before a vowel


def _stem_forms(stem: str) -> list[str]:
    forms = [stem]
    if stem[-1] in VOICED:
        forms.append(stem[:-1] + VOICED[stem[-1]])
    return forms


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    marked = {
        form.translate(FOLD): form
        for stem in _read_list("kyrgyz_marked_stems.txt")
        if MARKED & set(stem)
        for form in _stem_forms(stem)
    }
    known, whole, names = marked_words(tesseract_words())
    frequent = dict(line.split("\t") for line in _read_list("kyrgyz_frequent_marked.txt"))
    return Lexicon(
        marked_stems=marked,
        plain_stems=frozenset(_read_list("kyrgyz_plain_stems.txt")),
        known=known,
        whole=whole,
        names=names,
        frequent=frequent,
    )


# --- pages ------------------------------------------------------------------------


def typed_without_marks(words: list[str], restorations: dict[str, str | None]) -> bool:
    """A Kyrgyz page whose words mostly lack the marks they should carry."""
    if len(words) < 10:
        return False
    marked = sum(1 for w in words if MARKED & set(w))
    restorable = sum(1 for w in words if restorations[w])
    return restorable >= MIN_SHARE * len(words) and marked <= MAX_MARKED_SHARE * (marked + restorable)


HARMONY_ONLY_FROM = 0.5  # Kyrgyz share of a page's telling words, for the marks OCR lost


def _lost_in_ocr(text: str, lex: Lexicon, share: float) -> Restoration:
    """On a page typed with its marks, the ө ү that OCR read as о у where
    vowel harmony cannot do without them: after е, и a suffix's rounded
    vowel is ө, ү ("батирлуу", "берууну" are no Kyrgyz words); and ө read as
    е in a word Tesseract's list does not know ("тешелду" is төшөлдү). Only
    these: the stem lists would also change words typed as they should be."""
    if share < HARMONY_ONLY_FROM:
        return Restoration(text, 0, typed_without_marks=False)

    def respell(word: str) -> str | None:
        lower = word.lower()
        if MARKED & set(lower) or lex.frequent.get(lower) == lower:
            return None  # бирок is written so
        return lex.own_spelling(lower, word[0].isupper()) or lex.by_harmony(lower) or _o_read_as_e(lower, lex)

    return _respell_words(text, respell)


def _respell_words(text: str, respell: Callable[[str], str | None]) -> Restoration:
    """Every word of the text through `respell` (the word → its new
    spelling in lowercase, or None to keep it), kept in the word's case."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        word = match.group()
        restored = respell(word)
        if restored is None or restored == word.lower():
            return word
        count += 1
        return _same_case(word, restored)

    return Restoration(WORD.sub(replace, text), count, typed_without_marks=False)


def _o_read_as_e(lower: str, lex: Lexicon) -> str | None:
    """A word no list knows whose е, read as ө, makes a marked word the list
    does know, its suffixes following: "екметтор" → өкмөттөр. No back vowel
    may come before (a front rounded word has none), and short words stay
    ("Лео" is a name, not лөө)."""
    if "е" not in lower or len(lower) < MIN_WHOLE_WORD or lower in tesseract_words():
        return None
    first = lower.index("е")
    if BACK_VOWELS & set(lower[:first]):
        return None
    marked = lower.replace("е", "ө")
    marked = marked[: first + 1] + marked[first + 1 :].translate(HARMONY)
    return marked if marked in lex.known else None


def _across_line_break(written: str, one: Callable[[str], str]) -> str:
    """A word broken at a line's end ("жөнөтүл-\nгөн", "көргөз-\nмө-жарманкеси")
    restored as the whole word it is, then broken again where it was; a
    part after the break that opens with a capital, or a whole word no rule
    restores, as a word hyphenated there ("Ысык-\nКөл", "үй-\nбүлө")."""
    head, tail = written.split(LINE_BREAK, 1)
    if LINE_BREAK in tail:
        return LINE_BREAK.join(one(part) for part in written.split(LINE_BREAK))
    if not tail[:1].isupper():
        joined = one(head + tail)
        if joined != head + tail and len(joined) == len(head + tail):
            return joined[: len(head)] + LINE_BREAK + joined[len(head) :]
    compound = one(head + "-" + tail)
    if len(compound) != len(written) - 1:
        return written
    return compound[: len(head)] + LINE_BREAK + compound[len(head) + 1 :]


OWN_WORD_CONFIDENCE = 85.0  # a word read at least this surely with ң ө ү spells it for its page and document


def has_marks(text: str) -> bool:
    """Whether the text holds ң ө ү at all (a page without them has no word
    read surely with them, and its word boxes need not be read)."""
    return bool(MARKED & set(text))


def surely_marked(words: Iterable[tuple[str, float]]) -> list[str]:
    """The words (text, OCR confidence) read surely and with ң ө ү: how
    the page or the document spells them (Lexicon.with_own)."""
    return [part for text, confidence in words if confidence >= OWN_WORD_CONFIDENCE
            for part in WORD.findall(text) if MARKED & set(part)]


def respell_document(texts: list[str], own: Iterable[str]) -> list[Restoration]:
    """A document's pages with the words it spells surely with ң ө ү
    somewhere (another page's heading, a name read whole once) put back
    where they were typed without them; nothing else changes. A page with
    no Kyrgyz word is left as it is: Russian writes Kyrgyz names without
    the marks. The document's spellings are gathered once for all pages."""
    unchanged = [Restoration(text, 0, typed_without_marks=False) for text in texts]
    if not any(kyrgyz_share(text) for text in texts):
        return unchanged  # a Russian document needs no lexicon loaded
    lex = lexicon().with_own(own)
    if not lex.own:
        return unchanged

    def respell(word: str) -> str | None:
        return None if MARKED & set(word) else lex.own_spelling(word.lower(), word[0].isupper())

    return [_respell_words(text, respell) if kyrgyz_share(text) else kept for text, kept in zip(texts, unchanged)]


def restore(text: str, lex: Lexicon | None = None, own: Iterable[str] = ()) -> Restoration:
    """Restore ң ө ү on a page typed without them; on a Kyrgyz page typed
    with them, only the ө ү that OCR lost (_lost_in_ocr); Russian pages pass
    unchanged. `own`: words OCR read surely with their marks on this page
    (see Lexicon.with_own)."""
    share = kyrgyz_share(text)
    if not share:
        return Restoration(text, 0)  # no Kyrgyz word at all: a Russian page needs no lexicon loaded
    lex = (lexicon() if lex is None else lex).with_own(own)
    words = WORD.findall(text)
    restorations = {word: lex.restore_word(word) for word in set(words)}
    if not typed_without_marks(words, restorations):
        return _lost_in_ocr(text, lex, share)
    count = 0

    def restored_word(word: str) -> str:
        # A word joined across a line's end is not among the page's words yet.
        if word not in restorations:
            restorations[word] = lex.restore_word(word)
        return restorations[word] or word

    def one(written: str) -> str:
        # Ысык-Кол is Ысык-Көл, though кол alone is a hand: a hyphenated
        # word real text reads one way is taken whole, its parts otherwise.
        whole = lex.restore_hyphenated(written.lower()) if "-" in written else None
        if whole is not None:
            return "-".join(_same_case(typed, part) for typed, part in zip(written.split("-"), whole.split("-")))
        return "-".join(restored_word(part) for part in written.split("-"))

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        written = match.group()
        if LINE_BREAK in written:
            restored = _across_line_break(written, one)
        else:
            restored = one(written)
        count += restored != written
        return restored

    return Restoration(WORD_OR_HYPHENATED.sub(replace, text), count)
