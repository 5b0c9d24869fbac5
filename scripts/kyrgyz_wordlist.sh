#!/usr/bin/env bash
# Writes anonymise/data/kyrgyz_common_words.txt.xz: the lowercase words of
# Tesseract's Kyrgyz word list (tesseract-ocr-kir 4.1.0, Apache-2.0), the
# words people write in lowercase and so common words, not names. The
# anonymiser reads it to tell "Натыйжада" from a surname. Run again when
# the language pack changes; needs tesseract-ocr (combine_tessdata, dawg2wordlist).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
traineddata=$(ls /usr/share/tesseract-ocr/*/tessdata/kir.traineddata | head -1)
combine_tessdata -u "$traineddata" "$work/kir." >/dev/null 2>&1
dawg2wordlist "$work/kir.lstm-unicharset" "$work/kir.lstm-word-dawg" "$work/kir.words" >/dev/null 2>&1
python3 - "$work/kir.words" <<'PY' | LC_ALL=C sort -u | xz -9 > anonymise/data/kyrgyz_common_words.txt.xz
import re, sys
for word in open(sys.argv[1], encoding="utf-8"):
    word = word.strip()
    if word and word == word.lower() and re.fullmatch(r"[а-яёөүң]+(?:-[а-яёөүң]+)*", word):
        print(word)
PY
echo "wrote anonymise/data/kyrgyz_common_words.txt.xz ($(xz -dc anonymise/data/kyrgyz_common_words.txt.xz | wc -l) words)"
