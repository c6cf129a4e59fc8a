"""Bytes to text: byte-order marks, UTF-8 (with a few damaged bytes), UTF-16 without a
mark, Western legacy encodings, detection as a last resort; binary files are named and
refused. Then line ends, control characters and odd spaces are made plain."""

from __future__ import annotations

import re
import unicodedata

from consistency.reading.base import Unreadable

# --- encodings -------------------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
# control characters and zero-width marks go; unusual spaces become plain spaces
_CONTROL_TABLE: dict[int, str | None] = {c: None for c in range(32) if c not in (9, 10)}
_CONTROL_TABLE.update({0x7F: None, 0x200B: None, 0x200C: None, 0x2060: None, 0xFEFF: None})
_CONTROL_TABLE.update(dict.fromkeys((0xA0, 0x2007, 0x202F, 0x2009, 0x200A, 0x3000), " "))


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text as in the file (line ends and all; cleaned later) and notes on the
    decoding, or Unreadable naming why the bytes are not text."""
    marked = _with_bom(data)
    if marked is not None:
        return marked, []
    _refuse_binary(data)
    if b"\x00" in data:
        text16 = _utf16_without_bom(data)
        if text16 is None:
            raise Unreadable(f"binary file ({data.count(0):,} NUL bytes), not text")
        return text16, []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    valid = len(_UTF8_MULTIBYTE_RE.findall(data))
    if valid >= 3:
        text = data.decode("utf-8", errors="replace")
        invalid = text.count("\ufffd") - len(re.findall(rb"\xef\xbf\xbd", data))
        if valid >= 4 * invalid:
            # UTF-8 with a few damaged bytes: no other encoding explains its valid sequences
            note = f"{invalid:,} byte(s) that are not valid UTF-8 were replaced with U+FFFD"
            return text, [note]
    controls = sum(data.count(b) for b in _CONTROL_BYTES)
    if controls > max(2, len(data) // 100):
        raise Unreadable(f"binary file ({controls:,} control bytes), not text")
    legacy = _western(data)
    if legacy is None:
        legacy = _detected(data)
    if legacy is None:
        bad = data[utf8_error.start]
        raise Unreadable(
            f"not valid UTF-8 (byte 0x{bad:02x} at offset {utf8_error.start:,}) "
            "and no other text encoding explains it"
        )
    return legacy, []


def _with_bom(data: bytes) -> str | None:
    """The text of a file that starts with a byte-order mark, else None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(codec.replace("-sig", ""))
            except UnicodeDecodeError:
                raise Unreadable(
                    f"starts with a {codec.upper().replace('-SIG', '')} byte-order mark "
                    "but does not decode as such"
                ) from None
            if not text.strip():
                raise Unreadable("empty file (only a byte-order mark)")
            return text
    return None


def _refuse_binary(data: bytes) -> None:
    """Unreadable for a file whose first bytes name a binary format (an image, an archive)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise Unreadable(f"binary file ({kind}), not text")
    if data[:12].startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        raise Unreadable(f"binary file ({data[8:12].decode().strip()} media), not text")
    if data[4:8] == b"ftyp":
        raise Unreadable("binary file (MP4/QuickTime media), not text")


_UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _utf16_without_bom(data: bytes) -> str | None:
    even, odd = data[0::2], data[1::2]
    if len(data) < 4:
        return None
    even_nul = even.count(0) / max(len(even), 1)
    odd_nul = odd.count(0) / max(len(odd), 1)
    if odd_nul >= 0.3 and even_nul <= 0.05:
        codec = "utf-16-le"
    elif even_nul >= 0.3 and odd_nul <= 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > max(2, len(text) // 100):
        return None
    return text


def _western(data: bytes) -> str | None:
    """cp1252 (a superset of Latin-1's letters) when the bytes read as Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    non_ascii = [c for c in text if ord(c) > 127]
    foreign = sum(1 for c in letters if ord(c) > 127)
    # in Western text the accented letters and typographic marks are a small minority
    if foreign > 0.25 * len(letters) or len(non_ascii) > 0.2 * len(text):
        return None
    odd = sum(1 for c in non_ascii if unicodedata.category(c) in ("So", "Sk", "Co", "Cc"))
    if odd > max(1, len(non_ascii) // 4):
        return None
    return text


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    if best.chaos > 0.2:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    # a few stray bytes in ASCII text are not "explained" by reading them as another script
    letters = [c for c in text if c.isalpha()]
    foreign = [c for c in letters if ord(c) > 127]
    if not letters or len(foreign) < 0.3 * len(letters):
        return None
    odd = sum(1 for c in text if ord(c) > 127 and unicodedata.category(c) in ("So", "Co", "Cn"))
    if odd > 0.1 * max(1, sum(1 for c in text if ord(c) > 127)):
        return None
    return text


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x0c", "\n")
    text = text.translate(_CONTROL_TABLE)
    return unicodedata.normalize("NFC", text)
