#!/usr/bin/env bash
# Writes anonymise/data/kyrgyz_common_words.txt.xz: the lowercase words of
# Tesseract's Kyrgyz word list (tesseract-ocr-kir, Apache-2.0), the words
# people write in lowercase and so common words, not names. The anonymiser
# reads it to tell "Натыйжада" from a surname; it ships with the package
# because anonymise may not import ocr (which reads the list out of the
# installed model: ocr.kyrgyz_letters.tesseract_words, used here too).
# Run again when the language pack changes.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python - <<'PY' | LC_ALL=C sort -u | xz -9 > anonymise/data/kyrgyz_common_words.txt.xz
from ocr.kyrgyz_letters import tesseract_words

print("\n".join(word for word in tesseract_words() if word.islower()))
PY
echo "wrote anonymise/data/kyrgyz_common_words.txt.xz ($(xz -dc anonymise/data/kyrgyz_common_words.txt.xz | wc -l) words)"
