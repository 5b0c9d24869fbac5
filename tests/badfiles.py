"""Bad input an operator really meets, made on the fly."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pikepdf
from PIL import Image


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def truncated_copy(source: Path, path: Path, keep: float = 0.5) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def jpeg_named_pdf(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("L", (400, 300), 200).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def password_pdf(source: Path, path: Path) -> Path:
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="owner-secret", user="user-secret"))
    return path


def png_bomb(path: Path, side: int = 100_000) -> Path:
    """A PNG whose header declares side×side pixels (10 GB decoded)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * (side + 1) * 64, 9)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path
