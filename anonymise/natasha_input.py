"""What of a text natasha's NER reads: only the sentences that could name
someone.

natasha's tagger is half of anonymisation's time, and most of a
judgment's sentences have no capitalised word but common ones ("Суд",
"Кодекса", "Российской Федерации", "Соттун"). A sentence whose every
capitalised word is one the Russian dictionary never reads as a name, or
(in Kyrgyz) one Tesseract's Kyrgyz word list has in lowercase and that has
no name's shape, is blanked out before natasha reads the text: spaces
stand in for its characters, so every offset natasha returns is still the
text's own. A sentence next to one that could name someone is kept too:
natasha reads a name from its neighbours ("Чуйского" and "Кок-Жангак"
were taken for persons when their sentences were read alone). Measured: natasha
now reads 59% of the 15 real acts' characters (the Kyrgyz acts 72%) and
90% of NEREL's dev split; the acts' figures are unchanged, NEREL's people
found 2 words fewer of 15,558 over its three splits, and the real acts
are read about a third faster.
"""

from __future__ import annotations

import re

from anonymise.names import common_word, kyrgyz_common_word

# A sentence, a clause after ";" or a line, with the spaces and line breaks
# after it (else a neighbour would be the bare line break).
_PIECE = re.compile(r"[^\n.!?;]*(?:[.!?;]+\s*|\n+|$)")
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZА-ЯЁӨҮҢ][\w-]*")
_NOT_NEWLINE = re.compile(r"[^\n]")
CONTEXT = 1


def _could_name(piece: str, kyrgyz: bool) -> bool:
    return any(not (common_word(word) or (kyrgyz and kyrgyz_common_word(word)))
               for word in _CAPITALISED.findall(piece))


def sentences_that_could_name(text: str, kyrgyz: bool) -> str:
    """The text with every sentence that could name no one blanked out
    (line breaks kept), the same length as the text."""
    sentences = [piece.group() for piece in _PIECE.finditer(text) if piece.group()]
    could = [_could_name(sentence, kyrgyz) for sentence in sentences]
    near = [any(could[max(0, i - CONTEXT) : i + CONTEXT + 1]) for i in range(len(sentences))]
    return "".join(s if keep else _NOT_NEWLINE.sub(" ", s) for s, keep in zip(sentences, near))
