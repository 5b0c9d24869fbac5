"""A Kyrgyz stemmer: suffix stripping driven by tables.

Kyrgyz is agglutinative: a noun takes plural, possessive and case suffixes
in that order (сот-тор-у-нун "of their courts"), each in the variants that
vowel harmony (а/е/о/ө, ы/и/у/ү) and consonant assimilation (л/д/т, н/д/т,
г/к) give. The stemmer removes, from the end, the longest chain of
suffixes that leaves a plausible stem, then normalises the stem's last
consonant (бөлүгү → бөлүг → бөлүк), so every form of a word meets at one
stem.

Harmony is not enforced: loanwords break it (система-сы, мамлекет-тик) and
typewriter pages lose ө and ү, and a form stripped the same way every time
conflates whether or not the grammar book would approve.

What is stripped is limited to inflection and a few derivations that keep
the meaning (соттук "judicial" → сот). Voice and negation (-ыл-, -бa-) are
kept: "considered" and "not considered" should not meet. Short stems are
protected (three letters and a vowel, shorter only from the lexicon),
words that only look inflected (жана "and", бирок "but") are kept whole by
an exception list, and a lexicon of common stems decides where a word can
be cut two ways (indexing/data).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from itertools import product
from typing import Callable

VOWELS = set("аеиоуыэюяёөү")
A4 = "аеоө"  # the low vowels a suffix can take
I4 = "ыиуү"  # the high ones


def _variants(pattern: str) -> set[str]:
    """Expand a suffix pattern: A is one of а е о ө, I one of ы и у ү, and
    a group in brackets [дт] is one of its letters."""
    parts: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "[":
            end = pattern.index("]", i)
            parts.append(pattern[i + 1 : end])
            i = end + 1
            continue
        parts.append(A4 if char == "A" else I4 if char == "I" else char)
        i += 1
    return {"".join(choice) for choice in product(*parts)}


def _table(*patterns: str) -> frozenset[str]:
    return frozenset(v for p in patterns for v in _variants(p))


# Noun inflection, in the order it stacks.
PLURAL = _table("[лдт]Aр")
POSSESSIVE = _table(
    # Third person only: a judgment speaks of him, her and them (иш-и,
    # система-сы); "my" and "your" are rare in it, and their short
    # endings (-ым, -ың) would cut real words (өкүм → өк).
    "I", "сI",
)
CASE = _table(
    "[ндт]Iн",  # genitive: сот-тун, иш-тин, система-нын
    "[гк]A", "нA",  # dative: сот-ко, иш-ке, системасы-на
    "[ндт]I", "н",  # accusative: сот-ту, системасы-н
    "[дт]A", "н[дт]A",  # locative: сот-то, иш-те, системасы-нда
    "[дтн]Aн", "н[дт]Aн",  # ablative: сот-тон, системасы-нан
    "чA",  # equative: кыргыз-ча
    "[дт]Aй",  # similative: мурдагы-дай
    # The locative adjective stacks like a case: мурда-гы, сот-тогу, шаары-ндагы.
    "[дт]Aгы", "[дт]Aги", "[дт]Aгу", "[дт]Aгү",
    "н[дт]Aгы", "н[дт]Aги", "н[дт]Aгу", "н[дт]Aгү",
)
# Derivations that keep a word's meaning close enough to search by it.
# "-сыз" (without) is not one: күнөөсүз "innocent" must not find "guilty".
DERIVATION = _table(
    "[лдт]Iк",  # соттук, мамлекеттик
    "чIлIк",  # жоопкерчилик
    "чI",  # ишчи
    "[лдт]II",  # күнөөлүү
)
VERBAL = _table(
    "[гк]Aн",  # past participle: чыгарган
    "[гк]Aн[дт]Iк",  # кылгандык
    "[дт]I", "[дт]Iк",  # past: карады, карадык
    "Iп",  # converb: алып, чыгып (not a bare -п: талап, мектеп would lose it)
    "II", "AA",  # verbal noun: даттануу, кароо
    "IIчI",  # agent participle: жабырлануучу, соттолуучу
    "сA",  # conditional
)
# Suffixes stack in this order (the stem first), so stripping from the end
# goes down the layers: a case ending, then a possessive, then a plural,
# then a derivation; never two case endings (корутунду-су-н, not
# корутун-ду-су-н).
LAYERS: dict[str, int] = {}
for _layer, _table_ in enumerate((DERIVATION | VERBAL, PLURAL, POSSESSIVE, CASE)):
    for _suffix in _table_:
        LAYERS[_suffix] = max(LAYERS.get(_suffix, -1), _layer)
SUFFIXES = frozenset(LAYERS)
TOP = len(set(LAYERS.values()))
LONGEST = max(len(s) for s in SUFFIXES)
MIN_STEM = 3  # shorter stems only from the lexicon (иш, үй, ай)
MIN_DICTIONARY_STEM = 5  # a shorter Russian word inside a Kyrgyz one is too often chance (бал in бала)
FINAL_VOICED = {"г": "к", "б": "п"}  # бөлүгү → бөлүг → бөлүк
FOLD = str.maketrans("ңөү", "ноу")
CONSONANT_AFTER_VOWEL = ("н", "с")  # -нын, -сы follow a vowel: система-сы-нын
VOICELESS = set("кпстфхцчшщ")
# Case endings with the pronominal н, which follow a third-person possessive only.
AFTER_POSSESSIVE = frozenset(
    {"н"} | {v for p in ("нA", "н[дт]A", "н[дт]Aн", "н[дт]Aгы", "н[дт]Aги", "н[дт]Aгу", "н[дт]Aгү") for v in _variants(p)}
)
# After a vowel, a suffix's д- or л- form depends on the suffix: locative
# and ablative take д (система-да), plural and derivations л (система-лар).
AFTER_VOWEL_D = frozenset(v for p in ("[дт]A", "[дт]Aн", "[дт]Aгы", "[дт]Aги", "[дт]Aгу", "[дт]Aгү", "[дт]Aй") for v in _variants(p))
L_AFTER = VOWELS | {"р", "й"}  # л-suffixes follow a vowel, р or й: шаар-лар, үй-лөр
AFTER_VOICELESS = ("т", "к")  # сот-ко, иш-тин; after a vowel or a voiced sound д, г: шаар-да, система-га


@lru_cache(maxsize=None)
def read_word_list(name: str) -> frozenset[str]:
    """A word list of indexing/data: one word a line, # for comments."""
    text = resources.files("indexing").joinpath("data", name).read_text("utf-8")
    words = {line.split("#")[0].strip().lower() for line in text.splitlines()}
    words.discard("")
    # The folded forms too: typewriter pages are stemmed folded (see analysis.py).
    return frozenset(words | {w.translate(FOLD) for w in words})


@lru_cache(maxsize=1)
def exceptions() -> frozenset[str]:
    """Words never stripped: they only look inflected (жана "and")."""
    return read_word_list("kyrgyz_exceptions.txt")


@lru_cache(maxsize=1)
def known_stems() -> frozenset[str]:
    """Stems of common words of court texts. Where a word can be cut in
    two ways (облус-у or облу-су, милдет-и or милде-ти), the cut that
    leaves a known stem wins."""
    return read_word_list("kyrgyz_stems.txt") | exceptions()


def _devoice(stem: str) -> str:
    return stem[:-1] + FINAL_VOICED.get(stem[-1], stem[-1])


def _ends_in_possessive(stem: str) -> bool:
    return stem[-1] in I4 and (stem[-2] == "с" or stem[-2] not in VOWELS)


def _fits(stem: str, suffix: str) -> bool:
    """Whether a suffix can follow this stem: the stem must still look like
    a word, and the suffix's first sound must suit the stem's last one."""
    if not VOWELS & set(stem):
        return False
    if len(stem) < MIN_STEM and stem not in known_stems():
        return False
    ends_in_vowel = stem[-1] in VOWELS
    if suffix[0] in CONSONANT_AFTER_VOWEL and not ends_in_vowel:
        return False
    if suffix[0] in VOWELS and ends_in_vowel:
        return False  # иш-и, but a vowel-final stem takes -сы
    if suffix in AFTER_POSSESSIVE and not _ends_in_possessive(stem):
        return False  # системасы-на, but берене is not берe-не
    if suffix[0] in AFTER_VOICELESS and stem[-1] not in VOICELESS:
        return False  # паспорт-у, not паспор-ту (that would be паспор-ду)
    if suffix[0] in ("д", "г") and stem[-1] in VOICELESS:
        return False
    if suffix[0] == "д" and ends_in_vowel and suffix not in AFTER_VOWEL_D:
        return False  # система-нын, not система-дын
    if suffix[0] == "л" and stem[-1] not in L_AFTER:
        return False  # республика is not респуб-лика
    return True


def _cuts(word: str, below: int) -> list[tuple[str, int]]:
    """The stems one suffix shorter, longest suffix first, with the layer
    of the suffix cut; only suffixes of a layer below `below`."""
    cuts = []
    for length in range(min(LONGEST, len(word) - 2), 0, -1):
        suffix = word[-length:]
        layer = LAYERS.get(suffix, TOP)
        # A suffix in several tables (-ды: accusative or past) may be cut
        # as the lower one when the higher is no longer allowed.
        if layer >= below and suffix in DERIVATION | VERBAL and below > 0:
            layer = 0
        if layer < below and _fits(word[:-length], suffix):
            cuts.append((word[:-length], layer))
    return cuts


def _candidates(word: str) -> list[tuple[int, str]]:
    """Every stem reachable by stripping suffixes down the layers, with
    the number stripped; stripping stops at an exception."""
    found: dict[str, int] = {word: 0}
    frontier = [(word, TOP, 0)]
    while frontier:
        current, below, rounds = frontier.pop()
        if current in exceptions() and current != word:
            continue
        for shorter, layer in _cuts(current, below):
            if shorter not in found or found[shorter] > rounds + 1:
                found[shorter] = rounds + 1
                frontier.append((shorter, layer, rounds + 1))
    return [(rounds, stem) for stem, rounds in found.items()]


def _greedy(word: str) -> str:
    current, below = word, TOP
    while True:
        cuts = _cuts(current, below)
        if not cuts:
            return current
        current, below = cuts[0]
        if current in exceptions():
            return current


@lru_cache(maxsize=200_000)
def stem(word: str, use_lexicon: bool = True, dictionary: Callable[[str], bool] | None = None) -> str:
    """The stem of a lowercased Kyrgyz word.

    Of the stems the suffix tables allow, the first found of:
    - a stem of the lexicon, reached with the fewest cuts (айлык-ка stays
      "айлык" "salary", not "ай" "month");
    - a word of `dictionary` (the analyser passes the Russian dictionary:
      the law's loanwords take Kyrgyz suffixes, троллейбус-у-нда);
    - the stem left by cutting the longest suffix at each step.
    A final ы, и, у, ү after a consonant is then dropped (тамеки, тамеки-лер-ди
    → тамек): whether it is the word's own or the possessive suffix cannot
    be told, and one answer for both keeps the forms together.
    use_lexicon=False measures the tables alone.
    """
    if word in exceptions() or len(word) < MIN_STEM:
        return word
    if use_lexicon:
        candidates = _candidates(word)
        known = [(rounds, s) for rounds, s in candidates if _devoice(s) in known_stems()]
        if not known and dictionary is not None:
            known = [
                (rounds, s) for rounds, s in candidates
                if len(s) >= MIN_DICTIONARY_STEM and not _ends_in_possessive(s) and dictionary(s)
            ]
        if known:
            return _canonical(_devoice(min(known, key=lambda k: (k[0], -len(k[1])))[1]))
    return _canonical(_devoice(_greedy(word)))


def _canonical(stem: str) -> str:
    if stem in known_stems() or len(stem) < 4:
        return stem
    if stem[-1] in I4 and stem[-2] not in VOWELS:
        return _devoice(stem[:-1])
    return stem
