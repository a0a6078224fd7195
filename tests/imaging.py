"""Tiny real images for tests, made here (PNG written by hand: no imaging library needed)."""

from __future__ import annotations

import base64
import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int = 4, height: int = 3) -> bytes:
    """A red RGB PNG of the given size."""
    row = b"\x00" + b"\xff\x00\x00" * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(row * height))
        + _chunk(b"IEND", b"")
    )


def gif(width: int = 2, height: int = 5) -> bytes:
    """A GIF header and a minimal body: enough for the format and the size."""
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00;"


def data_uri(data: bytes, mime: str = "image/png") -> str:
    """`data:<mime>;base64,...`."""
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"
