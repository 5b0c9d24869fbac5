"""Restoring ң ө ү measured on real Kyrgyz: the sentences of the
UD_Kyrgyz-KTMU train split (real data), typed again without the marks
(ң → н, ө → о, ү → у, as Soviet-era typewriters wrote them), in pages of
20 sentences, then restored by ocr.kyrgyz_letters.restore.

The OCR benchmark's "typed without ң ө ү" pages are our own texts; this
checks the restoration itself on text no rule was written from. The
split is the treebank bench's (bench/kyrgyz_treebank.py): the sentences
whose number ends in 0 or 5 are held out. Character error (Levenshtein
distance / length) of the page as typed and as restored, against the
sentences as written. Each page is measured twice: a sentence a line,
and typed in lines of 60 characters with long words broken at a line's
end, as a typist would ("жөнөтүл-\nгөн"), where neither half is a word.

    .venv/bin/python bench/kyrgyz_marks.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.kyrgyz_treebank import held_out, sentences  # noqa: E402
from ocr.kyrgyz_letters import FOLD, restore  # noqa: E402

PAGE = 20  # sentences a page
LINE = 60  # characters a typed line
VOWELS = set("аеёиоуыэюяөү")


def typed_lines(text: str, width: int = LINE) -> str:
    """The text in lines of `width`, a word of 7 letters or more that does
    not fit broken after a vowel before a consonant, with a hyphen."""
    lines, line = [], ""
    for word in text.split():
        if not line or len(line) + 1 + len(word) <= width:
            line = f"{line} {word}".strip()
            continue
        room = width - len(line) - 2
        cut = next((i for i in range(min(room, len(word) - 3), 2, -1)
                    if word[i - 1] in VOWELS and word[i].isalpha() and word[i] not in VOWELS
                    and "-" not in word[: i + 1]), None)
        if cut and len(word) >= 7:
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    return "\n".join([*lines, line])


def main() -> None:
    parts: dict[str, list[str]] = {"held out": [], "dev": []}
    for _, number, text, _ in sentences():
        parts["held out" if held_out(number) else "dev"].append(text)
    print("ң ө ү restored on the UD_Kyrgyz-KTMU train split typed without them (real text; held out:")
    print(f"the sentences whose number ends in 0 or 5), pages of {PAGE} sentences\n")
    header = f"{'part':21} {'pages':>5} {'typed without marks':>20} {'restored':>9} {'pages restored':>15}"
    print(header)
    print("-" * len(header))
    for (name, texts), broken in ((part, broken) for part in parts.items() for broken in (False, True)):
        pages = ["\n".join(texts[i : i + PAGE]) for i in range(0, len(texts), PAGE)]
        if broken:
            name = f"{name}, lines of {LINE}"
            pages = [typed_lines(page) for page in pages]
        typed_errors = restored_errors = chars = restored_pages = 0
        for page in pages:
            typed = page.translate(FOLD)
            restored = restore(typed).text
            chars += len(page)
            typed_errors += Levenshtein.distance(page, typed)
            restored_errors += Levenshtein.distance(page, restored)
            restored_pages += restored != typed
        print(f"{name:21} {len(pages):>5} {typed_errors / chars:>20.2%} {restored_errors / chars:>9.2%} "
              f"{restored_pages:>9} of {len(pages)}")


if __name__ == "__main__":
    main()
