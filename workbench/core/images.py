"""Images attached to a chat message: read, recognised, sized, and turned into data URIs."""

from __future__ import annotations

import base64
import math
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workbench.api.errors import InputError
from workbench.api.models import ImagePart
from workbench.core.errors import os_reason

Detail = Literal["auto", "low", "high"]

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


@dataclass(frozen=True, slots=True)
class AttachedImage:
    """One image ready to send: where it came from, its format and size, and the wire part."""

    name: str
    mime: str
    size: int
    width: int
    height: int
    part: ImagePart

    @property
    def tokens(self) -> int:
        """A rough input-token estimate (see `estimate_tokens`)."""
        return estimate_tokens(self.width, self.height, self.part.detail)


def mime_of(data: bytes) -> str | None:
    """The image type from the first bytes (PNG, JPEG, GIF, WebP), or None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next((mime for magic, mime in _MAGIC if data.startswith(magic)), None)


def dimensions(data: bytes, mime: str) -> tuple[int, int]:
    """Width and height read from the header; (0, 0) when the header is not understood."""
    try:
        if mime == "image/png":
            width, height = struct.unpack(">II", data[16:24])
            return width, height
        if mime == "image/gif":
            width, height = struct.unpack("<HH", data[6:10])
            return width, height
        if mime == "image/jpeg":
            return _jpeg_size(data)
        if mime == "image/webp":
            return _webp_size(data)
    except struct.error:
        pass
    return 0, 0


def _jpeg_size(data: bytes) -> tuple[int, int]:
    pos = 2
    while pos + 9 < len(data):
        if data[pos] != 0xFF:
            return 0, 0
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # start of frame
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    return 0, 0


def _webp_size(data: bytes) -> tuple[int, int]:
    kind = data[12:16]
    if kind == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        return width, int.from_bytes(data[27:30], "little") + 1
    if kind == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return 0, 0


def estimate_tokens(width: int, height: int, detail: str | None) -> int:
    """Input tokens an image may cost: a rough guide, not Cohere's count.

    Assumes what several vision APIs do (Cohere publishes no formula; *unverified*): `low` is one
    512-pixel tile, otherwise one tile per 512x512 block (after fitting within 2048 pixels) plus
    the overview tile, 256 tokens each.
    """
    tile = 256
    if detail == "low" or not width or not height:
        return tile
    scale = min(1.0, 2048 / max(width, height))
    tiles = math.ceil(width * scale / 512) * math.ceil(height * scale / 512)
    return tile * (tiles + 1)


def image_from_bytes(data: bytes, name: str, detail: Detail | None = None) -> AttachedImage:
    """An attachment from raw bytes (a file, a paste, a drop).

    Raises:
        InputError: when the bytes are not a PNG, JPEG, GIF or WebP image.
    """
    mime = mime_of(data)
    if mime is None:
        raise InputError(
            "not a PNG, JPEG, GIF or WebP image", title="Cannot attach image", where=name
        )
    width, height = dimensions(data, mime)
    url = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return AttachedImage(name, mime, len(data), width, height, ImagePart(url=url, detail=detail))


def read_image(path: str | Path, detail: Detail | None = None) -> AttachedImage:
    """An attachment read from a file.

    Raises:
        InputError: the file cannot be read or is not an image.
    """
    return read_image_with_bytes(path, detail)[0]


def read_image_with_bytes(
    path: str | Path, detail: Detail | None = None
) -> tuple[AttachedImage, bytes]:
    """An attachment read from a file, with the bytes it was made from.

    The file is read once: a thumbnail drawn from these bytes is the image that is sent, even
    when the file changes or goes away afterwards.

    Raises:
        InputError: the file cannot be read (named by its name, with the OS's reason) or is not
            an image.
    """
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise InputError(os_reason(exc), title="Cannot read image", where=source.name) from None
    return image_from_bytes(data, source.name, detail), data


def data_uri_size(url: str) -> int:
    """The decoded size of a base64 data URI in bytes (0 for a web URL)."""
    if not url.startswith("data:"):
        return 0
    payload = url.partition(",")[2]
    return len(payload) * 3 // 4 - payload[-2:].count("=")
