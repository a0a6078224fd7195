"""The text of a file a person gives: UTF-8, or what its byte order mark says.

Windows writes text files other tools read badly: Notepad puts a byte order mark before UTF-8,
and Windows PowerShell 5's `>` and `Out-File` write UTF-16 with one (`Get-Content x.json >
docs.json` gives a file every strict UTF-8 reader refuses). A mark names its encoding
unambiguously, so it is followed; without one the text must be UTF-8.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from workbench.api.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

_MARKS = (
    # UTF-32 first: its little-endian mark begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_TITLES = {
    "UTF-8": "The file is not UTF-8 text",
    "UTF-16": "The file is not UTF-16 text",
    "UTF-32": "The file is not UTF-32 text",
}


def file_encoding(data: bytes) -> tuple[bytes, str, str]:
    """The byte order mark `data` starts with (b"" for none), the codec for what follows it,
    and the encoding's name for people."""
    return next(
        ((mark, codec, name) for mark, codec, name in _MARKS if data.startswith(mark)),
        (b"", "utf-8", "UTF-8"),
    )


def decode_file_text(data: bytes) -> str:
    """The text of a file's bytes, in the encoding its byte order mark names, else UTF-8; the
    mark dropped.

    Raises:
        InputError: the bytes are not text in that encoding; `.where` is "byte N", the first
            bad byte (counted from the start of the file).
    """
    mark, codec, name = file_encoding(data)
    try:
        return data[len(mark) :].decode(codec)
    except UnicodeDecodeError as exc:
        where = f"byte {len(mark) + exc.start}"
        raise InputError(title=_TITLES[name], where=where) from None


def read_file_text(path: Path) -> str:
    """The text of the file at `path` (as `decode_file_text` reads it); a problem's place
    starts with the file's name ("endpoints.json, byte 29").

    Raises:
        OSError: the file cannot be read.
        InputError: its bytes are not text.
    """
    try:
        return decode_file_text(path.read_bytes())
    except InputError as exc:
        exc.where = f"{path.name}, {exc.where}"
        raise


def record_lines(text: str) -> list[str]:
    """The lines of a JSON Lines or tab-separated file: ended by LF or CRLF (by CR alone only in
    a file with no LF at all).

    `str.splitlines` also ends a line at U+2028, U+2029, U+0085 and the other separators, which
    JSON writes raw inside its strings: a run, a document or a query holding text pasted from a
    PDF or a web page broke its line there, and the whole file was refused.
    """
    lines = text.split("\n") if "\n" in text or "\r" not in text else text.split("\r")
    if lines and not lines[-1]:
        lines.pop()
    return [line.removesuffix("\r") for line in lines]
