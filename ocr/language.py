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


def guess_language(text: str) -> str:
    """Return "ky", "ru" or "mixed"; "ru" for text with no Cyrillic words."""
    ky = ru = 0
    for match in WORD.finditer(text.lower()):
        word = match.group()
        if KYRGYZ_LETTERS & set(word) or word in KYRGYZ_WORDS:
            ky += 1
        elif word in RUSSIAN_WORDS or RUSSIAN_ONLY_LETTERS & set(word):
            ru += 1
    total = ky + ru
    if total == 0:
        return "ru"
    share = ky / total
    if share >= 0.8:
        return "ky"
    if share <= 0.2:
        return "ru"
    return "mixed"
