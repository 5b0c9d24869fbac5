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
    "[дт]I",  # past: карады, башталды
    "Iп",  # converb: алып, чыгып (after a vowel, баштап: see LEXICAL)
    "Aт", "йт",  # present-future: алат, кирет; колдойт
    "II", "AA",  # verbal noun: даттануу, кароо
    "IIчI",  # agent participle: жабырлануучу, соттолуучу
    "сA",  # conditional
)
# Voice and negation sit between a verb's root and its tense: кайтар-ыл-ды,
# башта-л-ды, алыш-па-йт. Search wants "returned" to find "was returned"
# and, as a Russian search treats "не", a negated verb to find the verb.
# They are cut only under another suffix: a word ending in -ал or -ба is
# not a verb form for that alone (аял, арба).
VERBAL_NOUN = _table("II", "AA")
IRREGULAR = {"балдар": "бала"}  # бала's plural: балдар, балдардын
# Verb endings that end many other words too: cut only where they leave a
# word the lexicon knows (converbs карай, келе; the reciprocal кетиш).
LEXICAL = _table("й", "п", "A", "Iш", "ш")  # карай, баштап, келе, кетиш, тандаш (not мектеп, талап)
VOICE = _table("Iл", "л", "Iн", "н")  # passive and reflexive: кайтар-ыл-ды, шайла-н-ды
NEGATION = _table("бA", "пA")
INNER = VOICE | NEGATION
# Suffixes stack in this order (the stem first), so stripping from the end
# goes down the layers: a case ending, then a possessive, then a plural,
# then a derivation or a verb form, then negation and voice; never two
# case endings (корутунду-су-н, not корутун-ду-су-н).
LAYERS: dict[str, set[int]] = {}
for _layer, _table_ in enumerate((VOICE, NEGATION, DERIVATION | VERBAL | LEXICAL, PLURAL, POSSESSIVE, CASE)):
    for _suffix in _table_:
        LAYERS.setdefault(_suffix, set()).add(_layer)
SUFFIXES = frozenset(LAYERS)
TOP = 6
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
AFTER_VOWEL_D = frozenset(v for p in ("[дт]A", "[дт]Aн", "[дт]Aгы", "[дт]Aги", "[дт]Aгу", "[дт]Aгү", "[дт]Aй",
                                      "дI") for v in _variants(p))  # and the past: жарыяла-ды
L_AFTER = VOWELS | {"р", "й"}  # л-suffixes follow a vowel, р or й: шаар-лар, үй-лөр
AFTER_VOICELESS = ("т", "к")  # сот-ко, иш-тин; after a vowel or a voiced sound д, г: шаар-да, система-га
ONLY_AFTER_VOWEL = frozenset({"п", "йт", "л", "н", "й", "ш"})  # баштап, колдойт, башта-л-ды, шайла-н-ды


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
    """Stems of common words of court texts, and the lemmas of the Kyrgyz
    treebank's development sentences. Where a word can be cut in two ways
    (облус-у or облу-су, милдет-и or милде-ти, жылдыг-ы or жыл-дыгы), the
    cut that leaves a known word wins."""
    return read_word_list("kyrgyz_stems.txt") | exceptions() | read_word_list("kyrgyz_treebank_lemmas.txt")


@lru_cache(maxsize=1)
def known_verbs() -> frozenset[str]:
    """The verbs among the treebank's lemmas: ташы "carry" is a verb, таш
    "stone" is not, so ташуу is ташы-уу."""
    return read_word_list("kyrgyz_treebank_verbs.txt")


@lru_cache(maxsize=1)
def known_canonical() -> frozenset[str]:
    """The known stems as the stemmer writes them (canonical())."""
    return frozenset(canonical(w) for w in known_stems())


def _devoice(stem: str) -> str:
    return stem[:-1] + FINAL_VOICED.get(stem[-1], stem[-1])


def _ends_in_possessive(stem: str) -> bool:
    return stem[-1] in I4 and (stem[-2] == "с" or stem[-2] not in VOWELS)


def _fits(stem: str, suffix: str, layer: int | None = None) -> bool:
    """Whether a suffix can follow this stem: the stem must still look like
    a word, and the suffix's first sound must suit the stem's last one."""
    if not VOWELS & set(stem):
        return False
    if len(stem) < MIN_STEM and stem not in known_stems():
        return False
    ends_in_vowel = stem[-1] in VOWELS
    if suffix in ONLY_AFTER_VOWEL and not ends_in_vowel:
        return False  # башта-п, колдо-йт, башта-л-ды
    if suffix in NEGATION and (suffix[0] == "п") != (stem[-1] in VOICELESS):
        return False  # алыш-па-йт, бар-ба-ды
    if suffix[0] in CONSONANT_AFTER_VOWEL and not ends_in_vowel:
        return False
    if suffix[0] in VOWELS and ends_in_vowel:
        return False  # иш-и, but a vowel-final stem takes -сы
    if suffix in AFTER_POSSESSIVE and layer not in (0,) and not _ends_in_possessive(stem):
        return False  # системасы-на, but берене is not берe-не (a verb's -н- is no case: талкуула-н-ды)
    if suffix[0] in AFTER_VOICELESS and stem[-1] not in VOICELESS:
        return False  # паспорт-у, not паспор-ту (that would be паспор-ду)
    if suffix[0] in ("д", "г") and stem[-1] in VOICELESS:
        return False
    if suffix[0] == "д" and ends_in_vowel and suffix not in AFTER_VOWEL_D:
        return False  # система-нын, not система-дын
    if suffix[0] == "л" and stem[-1] not in L_AFTER:
        return False  # республика is not респуб-лика
    return True


def _cuts(word: str, below: int, lexical: bool = False) -> list[tuple[str, int]]:
    """The stems one suffix shorter, longest suffix first, with the layer
    of the suffix cut; only suffixes of a layer below `below`. A suffix in
    several tables (-ды: accusative or past) is cut as each of them;
    voice and negation only under a verb's ending. With
    `lexical`, also the cuts that are allowed only where they leave a word
    the lexicon knows: voice at the end (дайындал → дайында) and the short
    verb endings that end many other words too (карай → кара, келе → кел,
    кетиш → кет)."""
    cuts = []
    for length in range(min(LONGEST, len(word) - 2), 0, -1):
        suffix = word[-length:]
        allowed = [layer for layer in LAYERS.get(suffix, ()) if layer < below]
        stem = word[:-length]
        known = lexical and canonical(stem) in known_canonical()
        if suffix in LEXICAL and not known:
            continue
        # -ды may be a past (a verb's layer) or an accusative (a case's):
        # each reading is a way down.
        for layer in sorted(set(allowed), reverse=True):
            if layer < 2 and TOP > below > 2:
                continue  # voice and negation come before a verb's ending, not a plural or a case (чарба-лар)
            if layer < 2 and below == TOP and (len(suffix) < 2 or not known):
                continue  # at a word's end only -ыл, -ын to a known verb (дайында-л: not аял, Асан, телефон)
            if layer < 2 and len(suffix) < 2 and not known:
                continue  # a bare -л-, -н- only to a known verb: башта-л-ды, but телефон-ду is no телефо-н-ду
            if _fits(stem, suffix, layer):
                cuts.append((stem, layer))
    return cuts


def _candidates(word: str) -> list[tuple[int, int, str]]:
    """Every stem reachable by stripping suffixes down the layers, with
    the number of cuts that count (voice and negation do not: башта-л-ды
    is a form of башта as much as башта-ды is) and of those that do not;
    stripping stops at an exception."""
    found: dict[str, tuple[int, int]] = {word: (0, 0)}
    frontier = [(word, TOP, 0, 0)]
    reached: dict[tuple[str, int], tuple[int, int]] = {}
    while frontier:
        current, below, rounds, inner = frontier.pop()
        if current in exceptions() and current != word:
            continue
        for shorter, layer in _cuts(current, below, lexical=True):
            # Voice and negation under a verb's ending are free; at a word's end they are a cut like any.
            inner_cut = layer < 2 and below != TOP
            cost = (rounds + (0 if inner_cut else 1), -(inner + int(inner_cut)))
            for candidate in _with_merged_vowel(shorter, current[len(shorter):]):
                if candidate not in found or found[candidate] > cost:
                    found[candidate] = cost
                # A stem reached as a past (-ды) may go further down than as an accusative.
                if (candidate, layer) not in reached or reached[(candidate, layer)] > cost:
                    reached[(candidate, layer)] = cost
                    frontier.append((candidate, layer, cost[0], -cost[1]))
    return [(rounds, -negative_inner, stem) for stem, (rounds, negative_inner) in found.items()]


def _with_merged_vowel(stem: str, suffix: str) -> list[str]:
    """The stem, and where a verbal noun's long vowel swallowed the verb's
    final vowel (иште-үү → иштөө, башта-уу → баштоо, ташы-уу → ташуу) the
    verb as the lexicon knows it, unless the stem is a verb itself (бер-үү)."""
    if suffix in VERBAL_NOUN and stem[-1] not in VOWELS and stem not in known_verbs():
        return [stem] + [stem + vowel for vowel in "аеоөуүыи" if stem + vowel in known_verbs()]
    return [IRREGULAR.get(stem, stem)]


def _greedy(word: str) -> str:
    """Cut the longest suffix at each step; where it has two readings
    (-ди: a past or an accusative), the one that lets the cutting go on
    (жибер-ил-ди: a past, under which the passive comes off)."""
    current, below = word, TOP
    while True:
        cuts = _cuts(current, below)
        if not cuts:
            return current
        longest = [c for c in cuts if c[0] == cuts[0][0]]
        current, below = next((c for c in longest if _cuts(*c)), longest[0])
        if current in exceptions():
            return current


@lru_cache(maxsize=200_000)
def stem(word: str, use_lexicon: bool = True, dictionary: Callable[[str], bool] | None = None) -> str:
    """The stem of a lowercased Kyrgyz word, as canonical() writes it.

    Of the stems the suffix tables allow, the first found of:
    - a stem of the lexicon, reached with the fewest cuts (айлык-ка stays
      "айлык" "salary", not "ай" "month");
    - a word of `dictionary` (the analyser passes the Russian dictionary:
      the law's loanwords take Kyrgyz suffixes, троллейбус-у-нда);
    - the stem left by cutting the longest suffix at each step.
    use_lexicon=False measures the tables alone.
    """
    if word in exceptions() or len(word) < MIN_STEM:
        return word
    if word in IRREGULAR:
        return stem(IRREGULAR[word], use_lexicon, dictionary)
    if use_lexicon:
        candidates = _candidates(word)
        known = [c for c in candidates if canonical(c[2]) in known_canonical()]
        if not known and dictionary is not None:
            known = [c for c in candidates
                     if len(c[2]) >= MIN_DICTIONARY_STEM and not _ends_in_possessive(c[2]) and dictionary(c[2])]
        if known:
            # The fewest cuts that count; of those, the most of voice and negation (жибер-ил-ди is a
            # form of жибер, whatever the lexicon says of жиберил), then the longest.
            return canonical(min(known, key=lambda c: (c[0], -c[1], -len(c[2])))[2])
    return canonical(_greedy(word))


def canonical(stem: str) -> str:
    """One spelling for the stem every form of a word reaches: a final г, б
    back to к, п (бөлүгү → бөлүг → бөлүк), and a final ы, и, у, ү after a
    consonant dropped (тамеки, тамеки-лер-ди → тамек): whether it is the
    word's own or the possessive cannot be told, and one answer keeps the
    forms together. Stems of four letters keep theirs (кары "old" is not
    кар "snow")."""
    if stem in exceptions():
        return stem
    stem = _devoice(stem)
    if len(stem) >= 5 and stem[-1] in I4 and stem[-2] not in VOWELS:
        return _devoice(stem[:-1])
    return stem
