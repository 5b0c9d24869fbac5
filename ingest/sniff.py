"""What a file really is, from its first bytes, and whether its name agrees.

Scanner software and people both misname files; a PDF that holds a JPEG is
set aside with a message that says so, rather than guessed at.
"""

from __future__ import annotations

from pathlib import Path

from archive.errors import N_

KINDS_BY_EXTENSION = {
    ".pdf": "pdf",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".txt": "text",
}
LABELS = {
    "pdf": N_("a PDF"),
    "tiff": N_("a TIFF image"),
    "png": N_("a PNG image"),
    "jpeg": N_("a JPEG image"),
    "text": N_("plain text"),
    "zip": N_("a ZIP container (DOCX, XLSX or an archive)"),
    "gif": N_("a GIF image"),
    "binary": N_("binary data of an unknown kind"),
}
SIGNATURES = [
    (b"%PDF-", "pdf"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"PK\x03\x04", "zip"),
    (b"GIF8", "gif"),
]


def sniff(head: bytes) -> str:
    """The kind of content, judged by its first kilobytes."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    # Some PDF writers put junk before the header; readers accept 1 KiB of it.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if _looks_like_text(head):
        return "text"
    return "binary"


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    for encoding in ("utf-8", "cp1251"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            # A multi-byte letter cut at the end of the sample is still text.
            if encoding == "utf-8" and exc.start >= len(head) - 3:
                return True
    return False


def expected_kind(path: Path) -> str | None:
    return KINDS_BY_EXTENSION.get(path.suffix.lower())


def describe(kind: str) -> str:
    return LABELS.get(kind, kind)
