"""Pages scanned sideways or upside down: Tesseract's OSD says how to turn them.

OSD costs about as much as a third of a page's OCR, so it runs only when a
first reading looks wrong, never on every page.
"""

from __future__ import annotations

import pytesseract
from PIL import Image

MIN_CONFIDENCE = 1.5  # Tesseract's orientation confidence below which we do not turn


def clockwise_turn(image: Image.Image, timeout_s: int = 60) -> int:
    """Degrees (0, 90, 180, 270) to turn the page clockwise to stand upright."""
    try:
        osd = pytesseract.image_to_osd(
            image,
            config="--psm 0 -c min_characters_to_try=10",
            output_type=pytesseract.Output.DICT,
            timeout=timeout_s,
        )
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # too little text to tell: leave the page as it is
    if float(osd.get("orientation_conf", 0)) < MIN_CONFIDENCE:
        return 0
    return int(osd.get("rotate", 0)) % 360


def turn(image: Image.Image, clockwise: int) -> Image.Image:
    return image.rotate(-clockwise, expand=True) if clockwise else image
