"""A page's language: Kyrgyz, Russian or mixed.

Letters ң, ө, ү occur only in Kyrgyz; but typewriters of the 1960s often
lacked them, so common Kyrgyz words and suffixes written without them count
too. Russian is recognised by its function words and letters Kyrgyz uses
only in loanwords. The Kyrgyz analyser of indexing/ decides per token; this
is the per-page summary the OCR result reports.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[а-яёңөүА-ЯЁҢӨҮ]+")
KYRGYZ_LETTERS = set("ңөү")
KYRGYZ_WORDS = {
    "жана", "менен", "боюнча", "үчүн", "учун", "деп", "бул", "ал", "алар",
    "сот", "соту", "сотунун", "чечим", "чечими", "токтом", "токтому",
    "өкүм", "окум", "кылмыш", "иш", "иши", "ишти", "боюнча", "жылы",
    "жылдын", "райондук", "шаардык", "кыргыз", "республикасынын", "тарабынан",
    "берүү", "кароо", "болуп", "эмес", "жок", "бар", "мыйзам", "беренеси",
}
RUSSIAN_WORDS = {
    "и", "в", "на", "с", "по", "не", "что", "о", "от", "за", "к", "из",
    "суд", "суда", "года", "гражданин", "гражданка", "решение", "приговор",
    "дело", "делу", "статьи", "статья", "который", "была", "было",
    "был", "также", "именем", "республики", "районный", "народный", "постановил",
    "установил", "рассмотрев", "определил", "является",
}
RUSSIAN_ONLY_LETTERS = set("щъэ")


def kyrgyz_share(text: str, shortest: int = 1) -> float | None:
    """The share of Kyrgyz among the words (of `shortest` letters or more)
    that tell one language from the other; None when no word does."""
    ky = ru = 0
    for match in WORD.finditer(text.lower()):
        word = match.group()
        if len(word) < shortest:
            continue
        if KYRGYZ_LETTERS & set(word) or word in KYRGYZ_WORDS:
            ky += 1
        elif word in RUSSIAN_WORDS or RUSSIAN_ONLY_LETTERS & set(word):
            ru += 1
    return ky / (ky + ru) if ky + ru else None


def guess_language(text: str, mixed_from: float = 0.2, shortest: int = 1) -> str:
    """Return "ky", "ru" or "mixed"; "ru" for text with no Cyrillic words.
    Between mixed_from and 1 - mixed_from of Kyrgyz words, "mixed"."""
    share = kyrgyz_share(text, shortest)
    if share is None:
        return "ru"
    if share >= 1 - mixed_from:
        return "ky"
    if share <= mixed_from:
        return "ru"
    return "mixed"
