"""The Kyrgyz analysis measured on real Kyrgyz: the UD_Kyrgyz-KTMU treebank
(real data).

Only the treebank's train split is here (bench/data/ud_kyrgyz_ktmu, CC
BY-SA 4.0, commit 57ad72fd of UniversalDependencies/UD_Kyrgyz-KTMU); its
test split is kept for an independent evaluation and never read. The
train split's sentences are themselves divided once, by sentence id,
into a development part (4 in 5) and a held-out part (1 in 5, the
sentences whose number ends in 0 or 5), fixed before any rule was written
against it.

Search's view: a document holds a word form in its sentence; a user types
the lemma. Conflation is the share of inflected forms (form ≠ lemma) of
nouns, proper nouns, verbs and adjectives that the lemma's query terms
meet. Over-conflation: of the pairs of different lemmas that share their
first three letters (and, stricter, four), the share where a form of one
meets the query of the other ("аралык" found by "ара", "аял" by "аяк");
hyphenated lemmas (кара-балта) are left out of these pairs, since their
parts are words of their own in search, and so are pairs the treebank
lemmatised as two where they are one word (жол and жолу, фермер and
фермерлер, эсеб and эсеп: same_word). Each type counted once. The baseline cuts every word to its first five
letters.

The same split serves the other real Kyrgyz measurements: person names
(bench/kyrgyz_persons.py) and ң ө ү restoration (bench/kyrgyz_marks.py).
--write-marked-forms writes ocr/data/kyrgyz_frequent_marked.txt from the
development part; --write-pages DIR writes the held-out sentences as typed
pages for bench/ocr_quality.py --texts DIR.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

TREEBANK = Path(__file__).resolve().parent / "data" / "ud_kyrgyz_ktmu" / "ky_ktmu-ud-train.conllu"
KINDS = {"NOUN", "PROPN", "VERB", "ADJ"}
CYRILLIC = re.compile(r"^[а-яёңөү-]+$")


@dataclass(frozen=True)
class Form:
    form: str
    lemma: str
    kind: str
    sentence: str  # the sentence's text: the form's context


@dataclass
class Split:
    forms: list[Form] = field(default_factory=list)


def sentences(path: Path = TREEBANK) -> Iterator[tuple[str, int, str, list[list[str]]]]:
    """Each sentence as (sent_id, its number, its text, its word rows)."""
    rows: list[list[str]] = []
    text, number, sent_id = "", 0, ""
    for line in path.read_text("utf-8").splitlines() + [""]:
        if line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
            digits = re.findall(r"\d+", sent_id)
            number = int(digits[-1]) if digits else number + 1
        elif not line.strip():
            if rows:
                yield sent_id, number, text, rows
            rows = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) > 3 and cols[0].isdigit():
                rows.append(cols)


def held_out(number: int) -> bool:
    """The held-out part: sentences whose number ends in 0 or 5."""
    return number % 5 == 0


def read(path: Path = TREEBANK) -> dict[str, Split]:
    """Forms of the four word classes, by part: "dev" and "held out"."""
    parts = {"dev": Split(), "held out": Split()}
    for _, number, text, rows in sentences(path):
        part = parts["held out" if held_out(number) else "dev"]
        for cols in rows:
            if cols[3] in KINDS:
                form, lemma = cols[1].lower(), cols[2].lower()
                if CYRILLIC.match(form) and CYRILLIC.match(lemma):
                    part.forms.append(Form(form, lemma, cols[3], text))
    return parts


@dataclass(frozen=True)
class Figures:
    inflected: int
    conflation: float
    pairs: int
    over_conflation: float
    misses: list[tuple[str, str, str]]  # form, lemma, kind
    collisions: list[tuple[str, str]]  # two lemmas whose forms meet


def measure(split: Split, doc_terms: Callable[[Form], set[str]], query_terms: Callable[[str], set[str]],
            prefix: int = 3) -> Figures:
    """Conflation and over-conflation of an analysis: doc_terms(a form in
    its sentence), query_terms(a lemma typed alone). Over-conflation: of
    the pairs of different lemmas that share their first `prefix` letters,
    the share where a form of one meets the query of the other."""
    inflected: dict[tuple[str, str, str], bool] = {}
    forms_of: dict[str, list[set[str]]] = defaultdict(list)
    seen_forms: set[tuple[str, str]] = set()
    for f in split.forms:
        terms = doc_terms(f)
        if (f.form, f.lemma) not in seen_forms:
            seen_forms.add((f.form, f.lemma))
            forms_of[f.lemma].append(terms)
        if f.form != f.lemma and (f.form, f.lemma, f.kind) not in inflected:
            inflected[(f.form, f.lemma, f.kind)] = bool(terms & query_terms(f.lemma))
    misses = [key for key, met in inflected.items() if not met]
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for lemma in sorted(forms_of):
        # A hyphenated lemma (кара-балта) is two words to search: that its
        # parts meet the words they are is no confusion.
        if len(lemma) >= prefix and "-" not in lemma:
            by_prefix[lemma[:prefix]].append(lemma)
    pairs, collisions = 0, []
    for group in by_prefix.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if same_word(a, b):
                    continue
                pairs += 1
                qa, qb = query_terms(a), query_terms(b)
                if any(t & qb for t in forms_of[a]) or any(t & qa for t in forms_of[b]):
                    collisions.append((a, b))
    return Figures(len(inflected), 1 - len(misses) / max(1, len(inflected)), pairs,
                   len(collisions) / max(1, pairs), misses, collisions)


# What one lemma adds to another when the treebank gives an inflected form
# as a lemma (жол and жолу, бир and бири, фермер and фермерлер, айыл and
# айылын), or spells one word two ways (эсеб, эсеп; медал, медаль).
INFLECTION = re.compile(r"^(?:[лдт][аеоө]р)?(?:[ыиуү]|с[ыиуү])?(?:[ндт][ыиуү]н|н|[ндт][ыиуү]|[ндт]?[аеоө]н|[гк][аеоө]|н?[дт][аеоө])?$")


def same_word(a: str, b: str) -> bool:
    """Two lemmas of the treebank that are one word: one is the other with
    inflection only (plural, possessive, case), or they differ in a final
    soft sign or voicing. Such a pair meeting is no confusion."""
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and INFLECTION.match(long_[len(short):]):
        return True
    strip = lambda w: w.rstrip("ь").replace("б", "п").replace("г", "к")  # noqa: E731
    return strip(a) == strip(b)


def prefix_terms(word: str) -> set[str]:
    return {word[:5]}


def prefix_doc_terms(form: Form) -> set[str]:
    return prefix_terms(form.form)


_CONTEXTS: dict[str, str | None] = {}


def search_doc_terms(form: Form) -> set[str]:
    """The terms the index holds for a form in its sentence (each part of a
    hyphenated word is a word of its own there)."""
    from indexing.analysis import analyse_word, text_language, words_in

    if form.sentence not in _CONTEXTS:
        _CONTEXTS[form.sentence] = text_language(form.sentence)
    context = _CONTEXTS[form.sentence]
    return {t for word, _, _ in words_in(form.form) for t in analyse_word(word, context)[1:]}


def search_query_terms(lemma: str) -> set[str]:
    """The terms a query of the lemma alone looks for (both languages' where the word does not decide)."""
    from indexing.analysis import query_analyses, words_in

    return {t for word, _, _ in words_in(lemma) for a in query_analyses(word, None) for t in a[1:]}


LEXICON = Path(__file__).resolve().parent.parent / "indexing" / "data" / "kyrgyz_treebank_lemmas.txt"
VERBS = LEXICON.with_name("kyrgyz_treebank_verbs.txt")
LEXICON_HEADER = """# Lemmas of nouns, proper nouns, verbs and adjectives of the UD_Kyrgyz-KTMU treebank,
# development part of its train split only (sentences whose number does not end in 0 or 5;
# bench/kyrgyz_treebank.py writes this file: python bench/kyrgyz_treebank.py --write-lexicon).
# Source: UniversalDependencies/UD_Kyrgyz-KTMU on GitHub, commit 57ad72fd, file
# ky_ktmu-ud-train.conllu, by İbrahim Benli and contributors, licensed CC BY-SA 4.0; this list
# is an adaptation under the same licence. The stemmer prefers a cut that leaves one of these.
# Left out: lemmas that are a verb form of another lemma, and converbs (сатып: the treebank
# lemmatises some compound verbs so), which would stop the stemmer short of the verb.
"""


def lexicon_words(split: Split) -> list[str]:
    """The development part's lemmas (each part of a hyphenated one), less
    those the treebank gives in an inflected form of another lemma: a noun
    in the plural, a possessive or a case (жолдор, шаарын), a verb with a
    voice, a negation or a tense (баштал of башта, ачыл of ач, сатып of
    сат), which would stop the stemmer short of the word. A verb that looks
    like a noun's case (аякта, иште) stays."""
    from indexing.kyrgyz import CASE, INNER, PLURAL, POSSESSIVE, TOP, VERBAL, VERBAL_NOUN, _cuts, canonical

    kinds: dict[str, set[str]] = defaultdict(set)
    for f in split.forms:
        for piece in f.lemma.split("-"):
            if len(piece) >= 2:
                kinds[piece].add(f.kind)
    canon = {canonical(w): w for w in kinds}
    inflection = {"VERB": VERBAL | INNER, "NOUN": PLURAL | POSSESSIVE | CASE}

    def form_of_another(word: str) -> bool:
        kind = "VERB" if kinds[word] == {"VERB"} else "NOUN" if "VERB" not in kinds[word] else None
        if kind is None:
            return False
        frontier, seen = [(word, TOP)], {word}
        while frontier:
            current, below = frontier.pop()
            for shorter, layer in _cuts(current, below):
                if current[len(shorter):] not in inflection[kind] or shorter in seen:
                    continue
                other = canon.get(canonical(shorter))
                # A short root is too often another word (соо, соода; жа, жаса); not so for a plural (иштер).
                shortest = 2 if current[len(shorter):] in PLURAL else 4 if kind == "NOUN" else 3
                if other and other != word and len(other) >= shortest and (
                        kind == "NOUN" or "VERB" in kinds[other]):
                    return True
                seen.add(shorter)
                frontier.append((shorter, layer))
        return False

    def voice_of_another(word: str) -> bool:  # баштал, ачыл: a passive the treebank gives as a lemma
        return "VERB" in kinds[word] and any(
            word.endswith(v) and "VERB" in kinds.get(canon.get(canonical(word[: -len(v)]), ""), set())
            for v in INNER if len(word) - len(v) >= 2)

    def verbal_noun(word: str) -> bool:  # шайлоо, сатуу: the noun of a verb the lexicon has
        for suffix in VERBAL_NOUN:
            root = word[: -len(suffix)]
            if word.endswith(suffix) and len(root) >= 2 and any(
                    "VERB" in kinds.get(r, set()) for r in [root] + [root + v for v in "аеоөуүыи"]):
                return True
        return False

    def stray_consonant(word: str) -> bool:  # стадионд, банкт: a lemma with a case ending's first letter left on
        return word[-1] in "дт" and word[:-1] in kinds and len(word) >= 4

    def converb(word: str) -> bool:  # сатып, алып: a converb the treebank gives as a lemma
        return len(word) >= 5 and word[-2:] in ("ып", "ип", "уп", "үп") and word[-3] not in "аеиоуыэюяёөү"

    return sorted(w for w in kinds if not (form_of_another(w) or voice_of_another(w) or converb(w)
                                           or stray_consonant(w) or ("VERB" not in kinds[w] and verbal_noun(w))))


MARKED_FORMS = Path(__file__).resolve().parent.parent / "ocr" / "data" / "kyrgyz_frequent_marked.txt"
MARKED_FORMS_HEADER = """# Kyrgyz word forms that a typewriter without ң, ө, ү turns into another word or none, and
# whose marked reading is the one real text uses (at least twice and the unmarked one never,
# or at least five times and five times as often): жаны → жаңы (new, not soul), учун → үчүн,
# отту → өттү, ысык-колдо → ысык-көлдө; not он → оң (ten, right). typed<TAB>marked. A form
# real text writes as typed (at least twice, and at least as often as marked) is listed with
# itself: it stays (бирок, not бирөк; турган, not түрган).
# From the development part of the UD_Kyrgyz-KTMU train split (sentences whose number does not
# end in 0 or 5); python bench/kyrgyz_treebank.py --write-marked-forms writes it. Source:
# UniversalDependencies/UD_Kyrgyz-KTMU on GitHub, commit 57ad72fd, ky_ktmu-ud-train.conllu, by
# İbrahim Benli and contributors, licensed CC BY-SA 4.0; this list is an adaptation under the
# same licence. ocr/kyrgyz_letters.py restores these before its stem rules.
"""


def frequent_marked_forms() -> dict[str, str]:
    """Typed form → marked form, where the marked reading dominates (see MARKED_FORMS_HEADER)."""
    from ocr.kyrgyz_letters import FOLD, MARKED

    counts: Counter[str] = Counter()
    surnames = set()  # people's surnames, in any case, stay out of the product's data
    for _, number, _, rows in sentences():
        if not held_out(number):
            counts.update(w for w in (cols[1].lower() for cols in rows) if w.replace("-", "").isalpha())
            surnames.update(cols[1].lower() for cols in rows
                            if cols[3] == "PROPN" and re.search(r"(?:ов|ев|ёв)[а-яөүң]{0,6}$", cols[1]))
    readings: dict[str, Counter[str]] = defaultdict(Counter)
    for word, count in counts.items():
        readings[word.translate(FOLD)][word] = count
    chosen = {}
    for typed, forms in sorted(readings.items()):
        count, marked = max(((c, w) for w, c in forms.items() if MARKED & set(w)), default=(0, ""))
        plain = forms.get(typed, 0)
        if count >= 2 and (plain == 0 or (count >= 5 and count >= 5 * plain)) and marked not in surnames:
            chosen[typed] = marked
        elif plain >= 2 and plain >= count and set(typed) & set("ноу") and typed not in surnames:
            chosen[typed] = typed  # written so in real text: kept as typed (бирок, турган)
    return chosen


def write_pages(folder: Path) -> int:
    """The held-out sentences as typed pages for bench/ocr_quality.py --texts."""
    from bench.typed_pages import typed_lines, write_pages as write

    return write(typed_lines(text for _, number, text, _ in sentences() if held_out(number)), folder, "ky_ktmu")


def main() -> None:
    import argparse
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write-lexicon", action="store_true", help=f"write {LEXICON.name} and {VERBS.name}")
    parser.add_argument("--write-marked-forms", action="store_true", help=f"write {MARKED_FORMS.name}")
    parser.add_argument("--write-pages", type=Path, metavar="DIR", help="write the held-out sentences as pages")
    args = parser.parse_args()
    if args.write_lexicon:
        dev = read()["dev"]
        words = lexicon_words(dev)
        LEXICON.write_text(LEXICON_HEADER + "\n".join(words) + "\n", "utf-8")
        verbs = sorted({f.lemma for f in dev.forms if f.kind == "VERB" and "-" not in f.lemma} & set(words))
        VERBS.write_text(LEXICON_HEADER.replace("nouns, proper nouns, verbs and adjectives", "verbs")
                         + "\n".join(verbs) + "\n", "utf-8")
        print(f"{len(words)} lemmas written to {LEXICON}, {len(verbs)} of them verbs to {VERBS}")
    if args.write_pages:
        print(f"{write_pages(args.write_pages)} pages of the held-out sentences written to {args.write_pages}")
    if args.write_marked_forms:
        forms = frequent_marked_forms()
        MARKED_FORMS.write_text(MARKED_FORMS_HEADER + "".join(f"{t}\t{m}\n" for t, m in forms.items()), "utf-8")
        print(f"{len(forms)} forms written to {MARKED_FORMS}")


if __name__ == "__main__":
    main()
