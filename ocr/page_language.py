"""Which of Tesseract's models reads a damaged page: kir, rus or both.

On a clean page `kir+rus` costs little and keeps a Kyrgyz name's ң ө ү in
a Russian act. On a damaged page the page's own model alone reads as well
(harsh photocopies of bench/ocr_degrade.py, six Kyrgyz pages: 5.5% CER with
`kir` against 5.6% with `kir+rus`; Russian pages alike with `rus`) and a
third quicker, since Tesseract then tries one model per line, not two. So
a damaged page is first sampled: a band of its densest lines, read with
the Kyrgyz model, tells its language, and the page is read with that model.
"""

from __future__ import annotations

import os

import numpy as np
import pytesseract
from PIL import Image

from ocr.language import guess_language
from ocr.pixels import otsu_ink

# Of the page's height: some three lines of typed text. Six told the same
# language on every harsh page of the sweep (24 pages, 24 more not tuned
# on) and took 0.4-0.6 s a page more than three (two pages read at a time).
BAND_SHARE = 0.06
MODEL = {"ky": "kir", "ru": "rus"}
LANGUAGE = {model: language for language, model in MODEL.items()}
SAMPLE_MIXED_FROM = 0.35
# The sample is read with the Kyrgyz model alone: its alphabet holds every
# Russian letter, so a Russian page still reads as Russian words, and one
# model loads and reads in two thirds of the time of both (0.23 s against
# 0.35 s a sample). On 72 generated harsh pages it told the same language
# as both models, and on one page "ky" where both said "mixed".
SAMPLE_MODEL = "kir"


def densest_band(image: Image.Image) -> Image.Image:
    """The rows of the page with the most ink, BAND_SHARE of its height.

    Ink is what lies at or below the page's own Otsu threshold: a denoised harsh
    photocopy goes on as grey with its ink at 190-200, where a fixed cut at
    128 found no ink, and the sample was the page's top band of blank paper
    and a heading."""
    pixels = np.asarray(image)
    height = pixels.shape[0]
    band = max(1, int(height * BAND_SHARE))
    ink = otsu_ink(pixels).sum(axis=1).astype(np.float64)
    sums = np.convolve(ink, np.ones(band), mode="valid")
    top = int(np.argmax(sums)) if sums.size else 0
    return image.crop((0, top, image.width, min(height, top + band)))


def sample_language(text: str) -> str:
    """A damaged page's language from a reading of some of its lines: a
    misread sample lets Russian-looking scraps (и, с, о) into Kyrgyz lines,
    so one-letter words do not count, and two Kyrgyz words in three make a
    Kyrgyz page."""
    return guess_language(text, mixed_from=SAMPLE_MIXED_FROM, shortest=2)


def choose(image: Image.Image, languages: str, timeout_s: int) -> tuple[str, str]:
    """The languages to read the page with, and the page's language as the
    sample showed it ("ky", "ru" or "mixed"). Languages other than both
    Kyrgyz and Russian are kept as they are."""
    models = set(languages.split("+"))
    if not {"kir", "rus"} <= models:
        return languages, ""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        sample = pytesseract.image_to_string(densest_band(image), lang=SAMPLE_MODEL, config="--psm 6", timeout=timeout_s)
    except (pytesseract.TesseractError, RuntimeError):
        return languages, ""  # the sample could not be read (a timeout): no choice, both models read the page
    found = sample_language(sample)
    return MODEL.get(found, languages), found


def confirmed(text: str, model: str) -> bool:
    """Whether the page read with one model reads as that model's language
    (else the sample misled, and the page is of the other language, or both)."""
    return sample_language(text) == LANGUAGE[model]
