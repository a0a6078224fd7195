"""Image content blocks the sandbox reads: data URIs checked, recognised and measured."""

from __future__ import annotations

import base64
import binascii
import struct
from dataclasses import dataclass
from typing import Any

from workbench.sandbox import validate as v
from workbench.sandbox.models import MAX_IMAGE_BYTES, MAX_IMAGES


@dataclass(frozen=True)
class SeenImage:
    """An image as the sandbox saw it."""

    format: str
    width: int
    height: int
    size: int
    detail: str

    def describe(self) -> str:
        """`PNG 64x48, 1,234 bytes, detail auto`."""
        shape = f"{self.width}x{self.height}" if self.width else "unknown size"
        return f"{self.format} {shape}, {self.size:,} bytes, detail {self.detail}"


def _format(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def _size(data: bytes, kind: str) -> tuple[int, int]:
    try:
        if kind == "PNG":
            width, height = struct.unpack(">II", data[16:24])
            return width, height
        if kind == "GIF":
            width, height = struct.unpack("<HH", data[6:10])
            return width, height
        if kind == "JPEG":
            return _jpeg(data)
    except struct.error:
        pass
    return 0, 0


def _jpeg(data: bytes) -> tuple[int, int]:
    pos = 2
    while pos + 9 < len(data) and data[pos] == 0xFF:
        marker, length = data[pos + 1], struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    return 0, 0


def read_image(block: dict[str, Any], where: str) -> SeenImage:
    """One `{"type": "image_url", "image_url": {"url", "detail"?}}` block, checked."""
    image_url = block.get("image_url")
    if not isinstance(image_url, dict) or not isinstance(image_url.get("url"), str):
        raise v.bad(f"{where}.image_url.url", "is required", status=422)
    detail = image_url.get("detail", "auto")
    if detail not in ("auto", "low", "high"):
        raise v.bad(f"{where}.image_url.detail", "must be one of auto, low, high", status=422)
    url = image_url["url"]
    head, _, payload = url.partition(",")
    if not head.startswith("data:image/") or not head.endswith(";base64"):
        raise v.bad(f"{where}.image_url.url", "the sandbox takes base64 data URIs of images only")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise v.bad(f"{where}.image_url.url", "is not valid base64") from None
    kind = _format(data)
    if kind is None:
        raise v.bad(f"{where}.image_url.url", "is not a PNG, JPEG, GIF or WebP image")
    width, height = _size(data, kind)
    return SeenImage(kind, width, height, len(data), str(detail))


def check_limits(images: list[SeenImage]) -> None:
    """Refuse more than 20 images, or more than 20 MB of them, in one request."""
    if len(images) > MAX_IMAGES:
        raise v.bad("messages", f"at most {MAX_IMAGES} images per request, got {len(images)}")
    total = sum(image.size for image in images)
    if total > MAX_IMAGE_BYTES:
        raise v.bad("messages", f"images total {total} bytes; the limit is {MAX_IMAGE_BYTES}")


def image_answer(images: list[SeenImage], question: str) -> str:
    """What the sandbox says about the images of the last user message."""
    count = "1 image" if len(images) == 1 else f"{len(images)} images"
    listed = "; ".join(f"{i + 1}) {image.describe()}" for i, image in enumerate(images))
    return f"I see {count} with your question “{question}”: {listed}."
