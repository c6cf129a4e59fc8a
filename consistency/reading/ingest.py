"""Files and folders in, :class:`~consistency.models.Document` objects out.

::

    ingest(["corpus/"]) -> Ingested(documents=[Document, ...], skipped=[Skipped, ...])

Reads plain text (``.txt``, ``.text``), Markdown (``.md``, ``.markdown``, with optional YAML
front matter), HTML pages and fragments (``.html``, ``.htm``, ``.xhtml``; also HTML found inside a
text file), JSON (an object, an array of objects, or an object with a list under ``articles``,
``items``, ``entries`` or ``data``), JSON Lines (``.jsonl``, ``.ndjson``) and RSS/Atom feeds
(``.xml``, ``.rss``, ``.atom``).

What it makes of each article:

* ``text``: the article body only, one paragraph a line, paragraphs separated by a blank line;
  the headline goes to ``title``, section headings and page furniture (see
  :mod:`consistency.reading.furniture`) are taken out and listed in ``removed``.
* ``published`` and where it came from, most trusted first: a sidecar (``sources.yaml``
  / ``sources.csv``, see :mod:`consistency.reading.sidecar`), a header line or front
  matter at the top of the file, the page markup (HTML meta via htmldate, a JSON or feed
  field), a dateline near the top of the text ("Published April 14, 2023"). A date is
  never taken from today's clock, and a date inside a price ticker is noted as the page's
  capture date, not used.
* ``outlet``: sidecar, front matter or header, the HTML site name (or a JSON/feed field), then
  a copyright line ("© 2023 Some Outlet, Inc. All Rights Reserved.").

Nothing here raises for a bad input file: it is listed in ``skipped`` with a one-line reason.
Heavy libraries (trafilatura, htmldate, feedparser, charset-normalizer, dateparser) are only
imported when a file needs them, so a folder of plain text files is read quickly.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Any

from consistency.errors import ConfigError
from consistency.models import Document, Removed, Skipped
from consistency.reading import positions
from consistency.reading.furniture import (
    DATE_RE,
    copyright_holder,
    date_line_remainder,
    is_attribution,
    is_heading_shaped,
    is_prose,
    is_standalone,
    strip_furniture,
)
from consistency.reading.sidecar import SIDECAR_NAMES, SidecarEntry, load_sidecar

__all__ = ["Ingested", "ingest"]

TEXT_EXTS = frozenset({".txt", ".text"})
MARKDOWN_EXTS = frozenset({".md", ".markdown"})
HTML_EXTS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTS = frozenset({".json"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
FEED_EXTS = frozenset({".xml", ".rss", ".atom"})
KNOWN_EXTS = TEXT_EXTS | MARKDOWN_EXTS | HTML_EXTS | JSON_EXTS | JSONL_EXTS | FEED_EXTS

#: The field names looked for in JSON articles, by our name, first found wins.
JSON_FIELDS: dict[str, tuple[str, ...]] = {
    "text": tuple(
        "text body content article article_body articlebody full_text fulltext body_text "
        "content_text content_html body_html html story description summary".split()
    ),
    "title": ("title", "headline", "name"),
    "url": tuple("url link canonical_url canonicalurl href permalink uri".split()),
    "published": tuple(
        "published date published_at publishedat pubdate pub_date datepublished "
        "date_published publication_date publish_date created_at createdat time timestamp".split()
    ),
    "outlet": tuple(
        "outlet source site site_name sitename publisher source_name sourcename publication".split()
    ),
}
_ARTICLE_LISTS = ("articles", "items", "entries", "data", "results", "documents", "posts")


@dataclass
class Ingested:
    """What :func:`ingest` read."""

    documents: list[Document]  # sorted by id: deterministic
    skipped: list[Skipped]  # every input that could not be read, with a one-line reason


class _Bad(Exception):
    """An input that cannot be read as an article; the message is the one-line reason."""


@dataclass
class _Job:
    path: str
    id: str
    name: str
    folder: str


@dataclass
class _Parts:
    """An article on its way to a Document."""

    lines: list[str]
    format: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str = "none"
    published_note: str = ""
    title_from: str = ""  # where the title and the outlet were read, for the report
    outlet_from: str = ""
    headings: set[str] = field(default_factory=set)
    items: set[str] = field(default_factory=set)  # list items: never taken for headings
    removed: list[Removed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    guess_title: bool = True

    def set_date(self, d: date | None, source: str, note: str) -> None:
        if d is not None and self.published is None:
            self.published, self.published_from, self.published_note = d, source, note


# --- public API ------------------------------------------------------------------------


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    *,
    progress: bool | None = None,
    max_bytes: int = 20_000_000,
    fields: Mapping[str, str] | None = None,
) -> Ingested:
    """Read files and folders (recursive). Never raises for a bad input file: it goes to skipped.

    Raises :class:`~consistency.errors.ConfigError` only for a ``fields`` mapping that names
    fields we do not have. ``progress=None`` shows a progress bar on stderr only when stderr
    is a terminal and there are more than 50 files. ``fields`` maps our field names (text,
    title, url, published, outlet) to a JSON feed's field names (dotted names reach into
    nested objects).
    """
    unknown = sorted(set(fields or {}) - set(JSON_FIELDS))
    if unknown:
        raise ConfigError(
            f"unknown field name(s) {', '.join(unknown)}: "
            f"fields maps {', '.join(JSON_FIELDS)} to a JSON feed's names"
        )
    skipped: list[Skipped] = []
    jobs = _collect(paths, skipped)
    show = progress if progress is not None else (len(jobs) > 50 and _stderr_is_tty())
    sidecars: dict[str, dict[str, SidecarEntry]] = {}
    documents: list[Document] = []
    for job in _progress(jobs, show):
        entries = _sidecar_for(job.folder, sidecars, skipped)
        try:
            docs, item_skips = _read_job(job, max_bytes, fields)
        except _Bad as exc:
            skipped.append(Skipped(job.path, _one_line(str(exc))))
            continue
        except RecursionError:
            skipped.append(Skipped(job.path, "too deeply nested to read (recursion limit)"))
            continue
        except MemoryError:
            skipped.append(Skipped(job.path, "too large to read (out of memory)"))
            continue
        except Exception as exc:  # never a traceback for one bad file
            skipped.append(
                Skipped(job.path, _one_line(f"internal error ({type(exc).__name__}: {exc})"))
            )
            continue
        skipped.extend(item_skips)
        entry = entries.get(job.name)
        for doc in docs:
            documents.append(_apply_sidecar(doc, entry) if entry else doc)
    documents.sort(key=lambda d: d.id)
    skipped.sort(key=lambda s: s.path)
    return Ingested(documents=documents, skipped=skipped)


# --- finding the files -----------------------------------------------------------------


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress(jobs: list[_Job], show: bool) -> Iterable[_Job]:
    if not show:
        return jobs
    from tqdm import tqdm

    bar: Iterable[_Job] = tqdm(jobs, file=sys.stderr, unit="file", desc="reading")
    return bar


def _ext(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _why(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return (exc.strerror or str(exc)).lower()


def _collect(paths: Sequence[str | os.PathLike[str]], skipped: list[Skipped]) -> list[_Job]:
    jobs: list[_Job] = []
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    used_ids: set[str] = set()

    def add(path: str, rel: str) -> None:
        try:
            st = os.stat(path)
            key = (st.st_dev, st.st_ino)
            if key in seen_files:
                return
            seen_files.add(key)
        except OSError:
            pass  # reported when it is read
        ident = rel
        if ident in used_ids:
            ident = path.replace(os.sep, "/")
            k = 2
            while ident in used_ids:
                ident = f"{path.replace(os.sep, '/')}~{k}"
                k += 1
        used_ids.add(ident)
        name = os.path.basename(path)
        jobs.append(_Job(path, ident, name, os.path.dirname(path)))

    for raw in paths:
        path = os.fspath(raw)
        if not os.path.lexists(path):
            skipped.append(Skipped(path, "no such file or folder"))
            continue
        try:
            st = os.stat(path)
        except OSError as exc:
            skipped.append(Skipped(path, f"cannot read: {_why(exc)}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            found: list[tuple[str, str]] = []
            _walk(path, found, seen_dirs, skipped)
            found.sort(key=lambda f: f[1])
            for file_path, rel in found:
                add(file_path, rel)
        elif stat.S_ISREG(st.st_mode):
            if os.path.basename(path).lower() in SIDECAR_NAMES:
                continue  # a sidecar named with its articles (a shell glob) is not an article
            add(path, os.path.basename(path))
        else:
            skipped.append(Skipped(path, "not a regular file or folder"))
    return jobs


def _walk(
    root: str,
    found: list[tuple[str, str]],
    seen_dirs: set[tuple[int, int]],
    skipped: list[Skipped],
) -> None:
    """Files under ``root`` with a known extension; symlinks followed, each real dir once."""
    try:
        st = os.stat(root)
    except OSError:
        return
    if (st.st_dev, st.st_ino) in seen_dirs:
        return
    seen_dirs.add((st.st_dev, st.st_ino))
    stack: list[tuple[str, str]] = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(folder, f"cannot list folder: {_why(exc)}"))
            continue
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel_path = f"{rel}/{name}" if rel else name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                try:
                    dst = os.stat(entry.path)
                except OSError as exc:
                    skipped.append(Skipped(entry.path, f"cannot read folder: {_why(exc)}"))
                    continue
                key = (dst.st_dev, dst.st_ino)
                if key not in seen_dirs:
                    seen_dirs.add(key)
                    subdirs.append((entry.path, rel_path))
                continue
            if name.lower() in SIDECAR_NAMES or _ext(name) not in KNOWN_EXTS:
                continue  # images and other files next to articles are normal
            found.append((entry.path, rel_path))
        stack.extend(reversed(subdirs))


def _sidecar_for(
    folder: str, cache: dict[str, dict[str, SidecarEntry]], skipped: list[Skipped]
) -> dict[str, SidecarEntry]:
    key = os.path.abspath(folder or ".")
    if key not in cache:
        try:
            entries, problems = load_sidecar(folder or ".", _parse_date)
        except Exception as exc:  # a sidecar problem never stops the run
            entries, problems = {}, [Skipped(folder, f"sidecar could not be read: {exc}")]
        cache[key] = entries
        skipped.extend(problems)
    return cache[key]


def _apply_sidecar(doc: Document, entry: SidecarEntry) -> Document:
    changes: dict[str, Any] = {}
    if entry.outlet:
        changes["outlet"], changes["outlet_from"] = entry.outlet, "sidecar"
    if entry.url:
        changes["url"] = entry.url
    if entry.title:
        changes["title"], changes["title_from"] = entry.title, "sidecar"
    if entry.published is not None:
        changes["published"] = entry.published
        changes["published_from"] = "sidecar"
        sidecar_name = os.path.basename(entry.sidecar)
        changes["published_note"] = f'sidecar {sidecar_name} "{entry.date_text}"'
        changes["confidence"] = 1.0
    return replace(doc, **changes) if changes else doc


# --- reading one file ------------------------------------------------------------------


def _read_job(
    job: _Job, max_bytes: int, fields: Mapping[str, str] | None
) -> tuple[list[Document], list[Skipped]]:
    data = _read_bytes(job.path, max_bytes)
    ext = _ext(job.name)
    if ext in FEED_EXTS:
        docs, skips = _finish_many(_feed_parts(data), job)
        return _located(docs, data.decode("utf-8", errors="replace")), skips
    raw, notes = _decode(data)
    text = _clean_text(raw)
    if not text.strip():
        raise _Bad("no text: the file holds only whitespace")
    items: list[_Parts | Skipped]
    if ext in JSON_EXTS:
        items = _json_parts(text, fields)
    elif ext in JSONL_EXTS:
        items = _jsonl_parts(text, fields)
    elif ext in HTML_EXTS:
        items = [_html_parts(text)]
    elif ext in MARKDOWN_EXTS:
        items = [_markdown_parts(text)]
    else:
        items = [_text_parts(text)]
    for item in items:
        if isinstance(item, _Parts):
            item.notes[:0] = notes
    docs, skips = _finish_many(items, job)
    return _located(docs, raw), skips


def _located(docs: list[Document], source: str) -> list[Document]:
    """The documents with the map of their text into the file (consistency.reading.positions)."""
    out = []
    read: positions.Source | None = None
    for doc in docs:  # in file order: each is looked for after the one before
        try:
            read = read or positions.Source(source.lstrip("\ufeff"), doc.format)
            where = read.map(doc.text)
        except Exception:  # a map is a help for reports; it never costs an article
            where = ((0, 0, 0),)
        out.append(replace(doc, positions=where))
    return out


def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            raise _Bad("broken symbolic link (its target does not exist)") from None
        raise _Bad(f"cannot read: {_why(exc)}") from None
    if not stat.S_ISREG(st.st_mode):
        raise _Bad("not a regular file")
    if st.st_size > max_bytes:
        raise _Bad(f"file is {st.st_size:,} bytes, over the limit of {max_bytes:,} bytes")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _Bad(f"cannot read: {_why(exc)}") from None
    if len(data) > max_bytes:
        raise _Bad(f"file is over the limit of {max_bytes:,} bytes")
    if not data:
        raise _Bad("empty file (0 bytes)")
    return data


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


def _decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text as in the file (line ends and all; cleaned later) and notes on the
    decoding, or _Bad naming why the bytes are not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(codec.replace("-sig", ""))
            except UnicodeDecodeError:
                raise _Bad(
                    f"starts with a {codec.upper().replace('-SIG', '')} byte-order mark "
                    "but does not decode as such"
                ) from None
            if not text.strip():
                raise _Bad("empty file (only a byte-order mark)")
            return text, []
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _Bad(f"binary file ({kind}), not text")
    if data[:12].startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        raise _Bad(f"binary file ({data[8:12].decode().strip()} media), not text")
    if data[4:8] == b"ftyp":
        raise _Bad("binary file (MP4/QuickTime media), not text")
    if b"\x00" in data:
        text16 = _utf16_without_bom(data)
        if text16 is None:
            raise _Bad(f"binary file ({data.count(0):,} NUL bytes), not text")
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
        raise _Bad(f"binary file ({controls:,} control bytes), not text")
    legacy = _western(data)
    if legacy is None:
        legacy = _detected(data)
    if legacy is None:
        bad = data[utf8_error.start]
        raise _Bad(
            f"not valid UTF-8 (byte 0x{bad:02x} at offset {utf8_error.start:,}) "
            "and no other text encoding explains it"
        )
    return legacy, []


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


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x0c", "\n")
    text = text.translate(_CONTROL_TABLE)
    return unicodedata.normalize("NFC", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- dates -----------------------------------------------------------------------------

_temporal_parse: Callable[[str], Any] | None = None
_temporal_checked = False
_date_parser: Any = None
_MONTHS = {
    name: n
    for n, names in enumerate(
        "jan,january feb,february mar,march apr,april may jun,june jul,july aug,august "
        "sep,sept,september oct,october nov,november dec,december".split(),
        1,
    )
    for name in names.split(",")
}


def _parse_date(text: str) -> date | None:
    """The calendar day written in ``text`` (the first one), or None. Never today's clock."""
    m = DATE_RE.search(text)
    if m is None:
        return None
    found = m.group(0)
    fn = _temporal()
    if fn is not None:
        try:
            result = fn(found)
            if isinstance(result, tuple) and result:
                day = result[0]
                granularity = result[1] if len(result) > 1 else "day"
                if granularity == "day" and isinstance(day, datetime):
                    return day.date()
                if granularity == "day" and isinstance(day, date):
                    return day
        except Exception:  # the other module is young: fall back to our own reading
            pass
    return _plain_date(found) or _dateparser_date(found)


def _temporal() -> Callable[[str], Any] | None:
    global _temporal_parse, _temporal_checked
    if not _temporal_checked:
        _temporal_checked = True
        try:
            from consistency.time.temporal import parse_date_string

            _temporal_parse = parse_date_string
        except Exception:
            _temporal_parse = None
    return _temporal_parse


def _plain_date(found: str) -> date | None:
    s = found.strip().lower().replace(",", " ").replace(".", " ")
    nums = re.findall(r"\d+", s)
    words = re.findall(r"[a-z]+", s)
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    try:
        if month is not None:
            day_str = next(n for n in nums if len(n) <= 2)
            year_str = next(n for n in nums if len(n) == 4)
            return date(int(year_str), month, int(day_str))
        a, b, c = (int(n) for n in nums[:3])
        if len(nums[0]) == 4:
            return date(a, b, c)
        if a > 12:
            return date(c, b, a)
        return date(c, a, b)  # US order, as dateparser reads English
    except (StopIteration, ValueError):
        return None


def _dateparser_date(found: str) -> date | None:
    global _date_parser
    try:
        if _date_parser is None:
            from dateparser.date import DateDataParser

            _date_parser = DateDataParser(
                languages=["en"],
                settings={
                    "PREFER_DAY_OF_MONTH": "first",
                    "REQUIRE_PARTS": ["day", "month", "year"],
                },
            )
        data = _date_parser.get_date_data(found)
    except Exception:
        return None
    if data is None or data.date_obj is None or getattr(data, "period", "day") != "day":
        return None
    return data.date_obj.date()  # type: ignore[no-any-return]


def _date_value(value: Any) -> date | None:
    """A date from a structured field: a string, a date, or a Unix timestamp."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = float(value) / 1000 if value > 1e11 else float(value)
        if 0 < seconds < 4_102_444_800:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        return None
    if isinstance(value, str):
        return _parse_date(value)
    return None


# --- plain text ------------------------------------------------------------------------

_FRONT_MATTER_RE = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADER_RE = re.compile(
    r"^\s*(?P<key>title|headline|date|dated|published(?:[ _](?:at|on|date))?|"
    r"pub(?:lication)?[ _]?date|url|link|source|outlet|site|publisher|publication|"
    r"author|authors|by|byline|updated|last[ _]updated|tags|category|section)"
    r"\s*(?P<sep>[:=]|\s)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_HTML_TAG_RE = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|li|ul|ol|b|i|em|strong|html|body|head|title|meta|table|"
    r"tr|td|img|section|article|header|footer|nav|script|style|blockquote|figure|figcaption|"
    r"time|main|aside|link|iframe|u|sup|sub|hr|pre|code)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_ESCAPES_RE = re.compile(r"\\r\\n|\\n|\\r|\\t|\\\"|\\/|\\u[0-9a-fA-F]{4}")


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return True
    tags = _HTML_TAG_RE.findall(text[:200_000])
    if len(tags) < 3:
        return False
    tag_chars = sum(len(t) for t in tags)
    sample = min(len(text), 200_000)
    return tag_chars >= 0.03 * sample or len(tags) >= 20


def _unescape_literal(text: str) -> str:
    """Literal ``\\r\\n`` and ``\\n`` escapes (a body copied out of JSON) to real newlines."""
    literal = text.count("\\n") + text.count("\\r")
    if literal < 2 or literal <= text.count("\n"):
        return text

    def sub(m: re.Match[str]) -> str:
        s = m.group(0)
        if s in ("\\r\\n", "\\n", "\\r"):
            return "\n"
        if s == "\\t":
            return " "
        if s.startswith("\\u"):
            return chr(int(s[2:], 16))
        return s[1]

    return _ESCAPES_RE.sub(sub, text)


def _front_matter(text: str, parts_meta: dict[str, Any], notes: list[str]) -> str:
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return text
    import yaml

    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        notes.append("the front matter at the top is not valid YAML; it was ignored")
        return text[m.end() :]
    if isinstance(data, dict):
        low = {str(k).strip().lower(): v for k, v in data.items()}
        parts_meta.update(low)
    else:
        notes.append("the front matter at the top is not a mapping; it was ignored")
    return text[m.end() :]


def _apply_front_matter(parts: _Parts, meta: dict[str, Any]) -> None:
    def pick(*keys: str) -> Any:
        for k in keys:
            if meta.get(k) not in (None, ""):
                return meta[k]
        return None

    title = pick("title", "headline")
    if title is not None:
        parts.title, parts.title_from = _norm_line(str(title)) or None, "front matter"
    url = pick("url", "link", "canonical_url", "permalink")
    if url is not None:
        parts.url = str(url).strip() or None
    outlet = pick("outlet", "source", "site", "publisher", "publication")
    if isinstance(outlet, dict):
        outlet = outlet.get("name")
    if outlet is not None:
        parts.outlet, parts.outlet_from = _norm_line(str(outlet)) or None, "front matter"
    raw = pick("date", "published", "published_at", "pubdate", "publication_date", "dated")
    if raw is not None:
        d = _date_value(raw)
        shown = raw.isoformat() if isinstance(raw, date) else str(raw)
        if d is None:
            parts.notes.append(f'front matter date "{shown}" could not be read as a day')
        parts.set_date(d, "header", f'front matter "{shown}"')


def _header_lines(text: str, parts: _Parts) -> str:
    """Take 'Key: value' header lines (and 'date 2023-08-03') off the top of a text."""
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    taken = 0
    while i < len(lines) and taken < 12:
        line = lines[i]
        m = _HEADER_RE.match(line)
        if not m:
            break
        key = m.group("key").lower().replace(" ", "_")
        value = m.group("value")
        rest = ""
        if m.group("sep").isspace():
            # 'date 2023-08-03 ...': only a date may follow a key without a colon
            if not key.startswith(("date", "published", "updated", "pub")):
                break
            dm = DATE_RE.match(value.strip())
            if not dm:
                break
            lead = len(value) - len(value.lstrip())
            rest = value[lead + dm.end() :]
            value = dm.group(0)
        elif "<" in value:
            cut = value.index("<")
            value, rest = value[:cut], value[cut:]
        value = value.strip()
        if not value or len(value) > 300:
            break
        if key in ("source", "outlet", "site", "publisher", "publication") and (
            len(value) > 80 or is_prose(value)
        ):
            break
        _header_value(parts, key, value, f"{m.group('key')}{m.group('sep')}{value}".strip())
        taken += 1
        if rest.strip():
            lines[i] = rest
            break
        i += 1
    if not taken:
        return text
    return "\n".join(lines[i:])


def _header_value(parts: _Parts, key: str, value: str, shown: str) -> None:
    if key in ("title", "headline"):
        parts.title, parts.title_from = _norm_line(value), "header"
    elif key in ("url", "link"):
        parts.url = value
    elif key in ("source", "outlet", "site", "publisher", "publication"):
        parts.outlet, parts.outlet_from = _norm_line(value), "header"
    elif key.startswith(("date", "published", "pub")):
        d = _parse_date(value)
        if d is None:
            parts.notes.append(f'header "{shown}" could not be read as a day')
        parts.set_date(d, "header", f'header "{_one_line(shown)}"')
    elif key in ("updated", "last_updated"):
        d = _parse_date(value)
        if d is not None and parts.published is None:
            parts.set_date(d, "header", f'header "{_one_line(shown)}" (an update date)')
    parts.removed.append(Removed("header", _one_line(shown)))


def _text_parts(text: str) -> _Parts:
    parts = _Parts(lines=[], format="txt")
    meta: dict[str, Any] = {}
    text = _front_matter(text, meta, parts.notes)
    if meta:
        _apply_front_matter(parts, meta)
    if "\\n" in text or "\\r" in text:
        text = _unescape_literal(text)
    text = _header_lines(text, parts)
    if _looks_like_html(text):
        html_parts = _html_parts(text)
        html_parts.format = "html"
        _merge_into(html_parts, parts)
        return html_parts
    parts.lines = _assemble(text.split("\n"), set())
    return parts


def _merge_into(target: _Parts, source: _Parts) -> None:
    """Metadata read before the body (front matter, header lines) outranks the body's own."""
    if source.title:
        target.title, target.title_from = source.title, source.title_from
    if source.outlet:
        target.outlet, target.outlet_from = source.outlet, source.outlet_from
    if source.url:
        target.url = source.url
    if source.published is not None:
        target.published = source.published
        target.published_from = source.published_from
        target.published_note = source.published_note
    target.removed = source.removed + target.removed
    target.notes = source.notes + target.notes


# --- paragraphs ------------------------------------------------------------------------

_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+•▪◦‣]\s+|\d{1,3}[.)]\s+)")
_CONTINUES_RE = re.compile(
    r"(?:[,;:\-–(]|\b(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|as|that|which|its|"
    r"his|her|their|is|was|were|be|has|had|have|but|than|into|about|after|before|over))$",
    re.IGNORECASE,
)


def _norm_line(line: str) -> str:
    return " ".join(line.split())


def _title_case_ratio(line: str) -> float:
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def _assemble(raw: list[str], fixed: set[int]) -> list[str]:
    """Raw lines to paragraph lines: hard-wrapped blocks are joined, blank lines kept once.

    ``fixed`` holds indices of lines never joined to a neighbour (headings, list items).
    """
    out: list[str] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        if out:
            out.append("")
        out.extend(_join_block(block, fixed))
        block.clear()

    for i, line in enumerate(raw):
        if line.strip():
            block.append((i, line.rstrip()))
        else:
            flush()
    flush()
    return out


def _join_block(block: list[tuple[int, str]], fixed: set[int]) -> list[str]:
    lines = [_norm_line(line) for _, line in block]
    if len(lines) == 1:
        return lines
    width = max(len(s) for s in lines)
    full = sum(1 for s in lines[:-1] if len(s) >= 0.6 * width)
    wrapped = 50 <= width <= 110 and full >= max(1, 2 * (len(lines) - 1) / 3)
    if len(lines) == 2:
        wrapped = wrapped and len(lines[0]) >= 0.8 * width
    if not wrapped:
        return lines
    alone = [is_standalone(s) for s in lines]
    result = [lines[0]]
    for k in range(1, len(lines)):
        prev, line = lines[k - 1], lines[k]
        join = (
            len(prev) >= 0.6 * width
            and block[k - 1][0] not in fixed
            and block[k][0] not in fixed
            and not _LIST_ITEM_RE.match(block[k][1])
            and not alone[k - 1]
            and not alone[k]
        )
        if join and k == 1 and is_heading_shaped(prev) and not _CONTINUES_RE.search(prev):
            join = _title_case_ratio(prev) < 0.6 and line[:1].islower()
        if join:
            result[-1] = f"{result[-1]} {line}"
        else:
            result.append(line)
    return result


# --- markdown --------------------------------------------------------------------------

_MD_ATX_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_RULE_RE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_REFDEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_MD_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_RE = re.compile(
    r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"
)
_MD_CODE_RE = re.compile(r"`([^`]*)`")
_MD_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


def _md_inline(line: str) -> str:
    line = _MD_IMAGE_RE.sub("", line)
    line = _MD_LINK_RE.sub(lambda m: m.group(1) or m.group(2) or "", line)
    line = _MD_BOLD_RE.sub(r"\2", line)
    line = _MD_EM_RE.sub(lambda m: m.group(1) or m.group(2) or "", line)
    line = _MD_CODE_RE.sub(r"\1", line)
    return line


def _markdown_parts(text: str) -> _Parts:
    parts = _Parts(lines=[], format="md")
    meta: dict[str, Any] = {}
    text = _front_matter(text, meta, parts.notes)
    if meta:
        _apply_front_matter(parts, meta)
    text = _header_lines(text, parts)
    text = _MD_COMMENT_RE.sub("", text)
    raw = text.split("\n")
    out: list[str] = []
    fixed: set[int] = set()
    in_fence = False
    h1: str | None = None
    for k, line in enumerate(raw):
        if _MD_FENCE_RE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        if _MD_REFDEF_RE.match(line):
            continue
        m = _MD_ATX_RE.match(line)
        setext = (
            k + 1 < len(raw)
            and line.strip()
            and _MD_SETEXT_RE.match(raw[k + 1])
            and not _MD_RULE_RE.match(line)
        )
        if m or setext:
            heading = _norm_line(_md_inline(m.group(2) if m else line))
            level = len(m.group(1)) if m else (1 if raw[k + 1].strip()[0] == "=" else 2)
            if heading:
                if level == 1 and h1 is None and not any(s.strip() for s in out):
                    h1 = heading
                else:
                    parts.headings.add(heading)
                out.extend(["", heading, ""])
                fixed.add(len(out) - 2)
            continue
        if _MD_SETEXT_RE.match(line) and k > 0 and raw[k - 1].strip():
            continue  # the underline of a setext heading
        if _MD_RULE_RE.match(line):
            out.append("")
            continue
        had_image = bool(_MD_IMAGE_RE.search(line))
        line = re.sub(r"^\s{0,3}>\s?", "", line)
        item = _LIST_ITEM_RE.match(line)
        if item and not re.match(r"^\s*\d", line):
            line = line[item.end() :]
        line = _md_inline(line)
        if had_image and not line.strip():
            continue
        if item:
            fixed.add(len(out))
            parts.items.add(_norm_line(line))
        out.append(line)
    if h1 and not parts.title:
        parts.title, parts.title_from = h1, "page <h1>"
    elif h1:
        parts.headings.add(h1)
    parts.lines = _assemble(out, fixed)
    return parts


# --- HTML ------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre dd dt figcaption td th caption address".split()
)
_DROP_TAGS = (
    "script style noscript template nav footer header aside form svg iframe button "
    "select option object embed canvas head".split()
)


def _html_parts(html: str) -> _Parts:
    """An HTML page or fragment: main text with trafilatura, metadata, date from markup."""
    parts = _Parts(lines=[], format="html")
    html = html.lstrip("\ufeff")
    is_page = bool(re.search(r"<(?:html|head|title|meta|body)\b", html[:20_000], re.IGNORECASE))
    import trafilatura
    from trafilatura.utils import load_html

    try:
        # trafilatura rejects a bare fragment of one block unless it is wrapped
        tree = load_html(html if is_page else f"<html><body>{html}</body></html>")
    except RecursionError:
        raise _Bad("HTML is too deeply nested to read") from None
    except Exception as exc:
        raise _Bad(_one_line(f"HTML could not be parsed: {exc}")) from None
    if tree is None:
        if _nesting_depth(html) > 250:
            raise _Bad("HTML is nested too deeply to read (more than 250 levels)")
        raise _Bad("HTML could not be parsed")
    try:
        doc: Any = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_formatting=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError:
        raise _Bad("HTML is too deeply nested to read") from None
    except Exception:
        doc = None
    first_h1 = _first_text(tree, "h1")
    if is_page and doc is not None:
        parts.title = _norm_line(doc.title or "") or first_h1
        parts.title_from = "page metadata (trafilatura)" if doc.title else "page <h1>"
        parts.outlet = _norm_line(doc.sitename or "") or None
        parts.outlet_from = "page site name (trafilatura)"
        parts.url = doc.url or None
    else:
        parts.title, parts.title_from = first_h1, "page <h1>"
    if is_page:
        parts.set_date(_html_date(tree), "meta", "page markup (htmldate)")
    lines: list[str] = []
    if doc is not None and doc.body is not None:
        lines = _body_lines(doc.body, parts)
    if not any(line.strip() for line in lines):
        lines = _fallback_lines(tree, parts)
    if not any(line.strip() for line in lines) and _nesting_depth(html) > 250:
        raise _Bad("HTML is nested too deeply to read (more than 250 levels)")
    if not is_page:
        # in a fragment every heading is the article's; trafilatura may have dropped some
        for level in ("h2", "h3", "h4", "h5", "h6"):
            for el in tree.iter(level):
                text = _norm_line(el.text_content())
                if text and text not in parts.headings and text != parts.title:
                    parts.headings.add(text)
                    if text not in lines:
                        parts.removed.append(Removed("heading", text))
    parts.lines = lines
    parts.guess_title = not is_page
    return parts


_TAG_RE = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*?(/?)>")
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


def _nesting_depth(html: str) -> int:
    """The deepest element nesting written in the markup (lxml gives up past 255)."""
    depth = deepest = 0
    for m in _TAG_RE.finditer(html):
        if m.group(3) or m.group(2).lower() in _VOID_TAGS:
            continue
        depth = depth - 1 if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _first_text(tree: Any, tag: str) -> str | None:
    for el in tree.iter(tag):
        text = _norm_line(el.text_content())
        if text:
            return text
    return None


def _html_date(tree: Any) -> date | None:
    try:
        import htmldate

        found = htmldate.find_date(
            tree, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
        )
    except Exception:
        return None
    if not found:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None


def _text_of(el: Any) -> str:
    for lb in el.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    return _norm_line("".join(el.itertext()))


def _body_lines(body: Any, parts: _Parts) -> list[str]:
    lines: list[str] = []
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            text = _text_of(el)
            if text:
                parts.headings.add(text)
                lines += [text, ""]
        elif tag == "list":
            for item in el.iter("item"):
                text = _text_of(item)
                if text:
                    parts.items.add(text)
                    lines.append(text)
            lines.append("")
        elif tag == "quote":
            children = [c for c in el if isinstance(c.tag, str) and c.tag == "p"]
            for c in children or [el]:
                text = _text_of(c)
                if text:
                    lines += [text, ""]
        elif tag in ("table", "graphic", "figure"):
            continue
        else:
            text = _text_of(el)
            if text:
                lines += [text, ""]
    return lines


def _fallback_lines(tree: Any, parts: _Parts) -> list[str]:
    """Text of block elements, for fragments trafilatura finds too small to extract."""
    try:
        from lxml import etree

        etree.strip_elements(tree, *_DROP_TAGS, with_tail=False)
    except Exception:
        pass
    lines: list[str] = []
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _BLOCK_TAGS:
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el.iterdescendants()):
            continue
        text = _norm_line(el.text_content())
        if not text:
            continue
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            parts.headings.add(text)
        lines += [text, ""]
    if not lines:
        text = tree.text_content() if hasattr(tree, "text_content") else ""
        lines = _assemble(text.split("\n"), set())
    return lines


# --- JSON, JSON Lines, feeds -----------------------------------------------------------


def _json_parts(text: str, fields: Mapping[str, str] | None) -> list[_Parts | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise _Bad("not valid JSON: nested too deeply") from None
    items: list[Any]
    if isinstance(data, list):
        items = data
    elif isinstance(data, dict):
        key = next(
            (k for k in data if str(k).lower() in _ARTICLE_LISTS and isinstance(data[k], list)),
            None,
        )
        if key is not None and _field(data, "text", fields) is None:
            items = data[key]
        else:
            items = [data]
    else:
        raise _Bad(f"JSON holds a {type(data).__name__}, not an article or a list of articles")
    if not items:
        raise _Bad("JSON holds no articles (an empty list)")
    if len(items) == 1 and isinstance(items[0], dict):
        return [_json_article(items[0], fields)]
    return [_json_article(item, fields) for item in items]


def _jsonl_parts(text: str, fields: Mapping[str, str] | None) -> list[_Parts | Skipped]:
    out: list[_Parts | Skipped] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(Skipped("", f"line {lineno}: not valid JSON: {exc.msg} column {exc.colno}"))
            continue
        except RecursionError:
            out.append(Skipped("", f"line {lineno}: not valid JSON: nested too deeply"))
            continue
        article = _json_article(item, fields)
        if isinstance(article, _Parts):
            article.format = "jsonl"
        out.append(article)
    if not out:
        raise _Bad("no text: the file holds only blank lines")
    return out


def _lookup(obj: Mapping[str, Any], name: str) -> Any:
    """A field by name, case-insensitive; dotted names reach into nested objects."""
    cur: Any = obj
    for part in name.split("."):
        if not isinstance(cur, Mapping):
            return None
        if part in cur:
            cur = cur[part]
            continue
        low = part.lower()
        cur = next((v for k, v in cur.items() if str(k).lower() == low), None)
    return cur


def _field(obj: Mapping[str, Any], ours: str, fields: Mapping[str, str] | None) -> Any:
    if fields and fields.get(ours):
        return _lookup(obj, fields[ours])
    lower = {str(k).lower(): v for k, v in obj.items()}
    for name in JSON_FIELDS[ours]:
        value = lower.get(name)
        if value not in (None, "", []):
            return value
    return None


def _field_name(obj: Mapping[str, Any], ours: str, fields: Mapping[str, str] | None) -> str:
    if fields and fields.get(ours):
        return fields[ours]
    lower = {str(k).lower(): str(k) for k in obj}
    for name in JSON_FIELDS[ours]:
        if name in lower and obj[lower[name]] not in (None, "", []):
            return lower[name]
    return ours


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        for key in ("name", "title", "text", "value", "href", "url"):
            if isinstance(value.get(key), str):
                return str(value[key])
        return None
    if isinstance(value, list):
        strings = [_as_str(v) for v in value]
        joined = "\n\n".join(s for s in strings if s)
        return joined or None
    if isinstance(value, bool):
        return None
    return str(value)


def _json_article(item: Any, fields: Mapping[str, str] | None) -> _Parts | Skipped:
    try:
        return _json_article_parts(item, fields)
    except _Bad as exc:
        return Skipped("", _one_line(str(exc)))


def _json_article_parts(item: Any, fields: Mapping[str, str] | None) -> _Parts | Skipped:
    if not isinstance(item, Mapping):
        what = type(item).__name__
        return Skipped("", f"JSON item is a {what}, not an article object")
    body = _as_str(_field(item, "text", fields))
    if body is None or not body.strip():
        names = ", ".join(str(k) for k in list(item)[:15]) or "none"
        wanted = f"field {fields['text']!r}" if fields and fields.get("text") else "text field"
        return Skipped("", f"JSON object has no {wanted} (it has: {names})")
    body = _clean_text(body)
    if _looks_like_html(body) or re.search(r"<(?:p|br|div)\b", body, re.IGNORECASE):
        parts = _html_parts(body)
    else:
        parts = _text_parts(body)
    parts.format = "json"
    title = _as_str(_field(item, "title", fields))
    if title and title.strip():
        parts.title, parts.title_from = _norm_line(title), "feed field"
    url = _as_str(_field(item, "url", fields))
    if url and url.strip():
        parts.url = url.strip()
    outlet = _as_str(_field(item, "outlet", fields))
    if outlet and outlet.strip():
        parts.outlet, parts.outlet_from = _norm_line(outlet), "feed field"
    raw_date = _field(item, "published", fields)
    if raw_date not in (None, ""):
        d = _date_value(raw_date)
        name = _field_name(item, "published", fields)
        if d is None:
            parts.notes.append(f'field "{name}" ({raw_date!r}) could not be read as a day')
        else:
            parts.published, parts.published_from = d, "meta"
            parts.published_note = f'field "{name}" "{raw_date}"'
    return parts


def _feed_parts(data: bytes) -> list[_Parts | Skipped]:
    try:
        import feedparser

        feed = feedparser.parse(data)
    except RecursionError:
        raise _Bad("feed is too deeply nested to read") from None
    except Exception as exc:
        raise _Bad(_one_line(f"not a readable RSS/Atom feed: {exc}")) from None
    entries = list(feed.get("entries") or [])
    if not entries:
        problem = feed.get("bozo_exception")
        if problem is not None:
            raise _Bad(_one_line(f"not a valid RSS/Atom feed: {problem}"))
        raise _Bad("not an RSS/Atom feed (no entries)")
    version = str(feed.get("version") or "")
    fmt = "atom" if version.startswith("atom") else "rss"
    outlet = _norm_line(str((feed.get("feed") or {}).get("title") or "")) or None
    out: list[_Parts | Skipped] = []
    for entry in entries:
        content = entry.get("content") or []
        body = ""
        if content:
            body = "\n".join(str(c.get("value") or "") for c in content)
        if not body.strip():
            body = str(entry.get("summary") or entry.get("description") or "")
        if not body.strip():
            out.append(Skipped("", "feed entry has no content or summary"))
            continue
        body = _clean_text(body)
        parts = _html_parts(body) if "<" in body and ">" in body else _text_parts(body)
        parts.format = fmt
        if entry.get("title"):
            parts.title = _norm_line(_strip_tags(str(entry["title"])))
            parts.title_from = "feed entry"
        if entry.get("link"):
            parts.url = str(entry["link"])
        if outlet:
            parts.outlet, parts.outlet_from = outlet, "feed title"
        for key in ("published", "updated", "created"):
            raw = entry.get(key)
            if raw:
                d = _parse_date(str(raw))
                parsed = entry.get(f"{key}_parsed")
                if d is None and parsed:
                    d = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
                if d is not None:
                    parts.published, parts.published_from = d, "meta"
                    parts.published_note = f'feed {key} "{raw}"'
                    break
        out.append(parts)
    return out


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


# --- from parts to documents -----------------------------------------------------------


def _finish_many(items: list[_Parts | Skipped], job: _Job) -> tuple[list[Document], list[Skipped]]:
    docs: list[Document] = []
    skipped: list[Skipped] = []
    several = len(items) > 1
    for n, item in enumerate(items, 1):
        ident = f"{job.id}#{n}" if several else job.id
        where = f"{job.path}#{n}" if several else job.path
        if isinstance(item, Skipped):
            if not several:
                raise _Bad(item.reason)
            skipped.append(Skipped(where, item.reason))
            continue
        try:
            docs.append(_finish(item, job, ident))
        except _Bad as exc:
            if not several:
                raise
            skipped.append(Skipped(where, _one_line(str(exc))))
    if not docs and not skipped:
        raise _Bad("no articles found")
    return docs, skipped


_DATELINE_LEAD_RE = re.compile(
    r"^\s*(?:by\b|published|updated|posted|first\s+published|last\s+updated|originally|"
    r"date[d:]?)",
    re.IGNORECASE,
)


_BYLINE_RE = re.compile(
    r"^(?:by|words\s+by|written\s+by|story\s+by)\s+"
    r"[^\W\d_][\w.'’-]*(?:[ ,&]+[^\W\d_][\w.'’-]*){0,7}$",
    re.IGNORECASE,
)


def _is_byline(line: str) -> bool:
    return bool(_BYLINE_RE.match(line)) and not line.rstrip().endswith((".", "!", "?"))


_UPDATED_RE = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.IGNORECASE)


def _dateline(line: str) -> date | None:
    """The day of a dateline near the top ('Published April 14, 2023', 'Section · date')."""
    s = line.strip()
    if len(s) > 120:
        return None
    rest = date_line_remainder(s)
    if rest is None:
        return None
    words = rest.split()
    if len(words) > 8:
        return None
    found = list(DATE_RE.finditer(s))
    # "Updated May 2, 2031 | Published May 1, 2031": the date after an update word is not it
    m = next(
        (f for f in found if not _UPDATED_RE.search(s[max(0, f.start() - 20) : f.start()])), None
    )
    m = m or found[0]
    around = s[max(0, m.start() - 3) : m.start()] + s[m.end() : m.end() + 3]
    shaped = (
        not words
        or _DATELINE_LEAD_RE.match(s)
        or any(c in around for c in "·|•—–")
        or any(c in s for c in "·|•")
        or ("," in around and len(words) <= 4)
    )
    if not shaped:
        return None
    return _parse_date(m.group(0))


def _same_text(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[\W_]+", " ", s.lower()).strip()

    return norm(a) == norm(b)


def _headline_shaped(line: str) -> bool:
    s = line.strip()
    if not 2 <= len(s) <= 200 or s.endswith((".", ",", ";", ":", "…")):
        return False
    words = s.split()
    if not 1 <= len(words) <= 30 or _LIST_ITEM_RE.match(s):
        return False
    first = s.lstrip("\"'“‘(")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def _title_at(body: list[str]) -> int | None:
    """Where the headline is among the first lines: the first headline of three words or
    more before the prose starts, else a shorter one in the first line."""
    for k, line in enumerate(body[:4]):
        if is_prose(line) or k == len(body) - 1:
            break
        if not _headline_shaped(line) or date_line_remainder(line) is not None:
            break
        if len(line.split()) >= 3:
            return k
    if _headline_shaped(body[0]) and date_line_remainder(body[0]) is None:
        return 0
    return None


def _finish(parts: _Parts, job: _Job, ident: str) -> Document:
    kept, removed, notes = strip_furniture(parts.lines)
    removed = parts.removed + removed
    notes = parts.notes + notes
    lines = [_norm_line(line) for line in kept]
    body = [line for line in lines if line]

    # datelines near the top (one may sit above the headline: "Section · April 14, 2023")
    datelines: list[tuple[date, str]] = []

    def take_dateline(k: int) -> bool:
        d = _dateline(body[k])
        if d is None:
            return False
        removed.append(Removed("dateline", body[k]))
        datelines.append((d, body[k]))
        del body[k]
        return True

    if body and not is_prose(body[0]) and len(body) > 1:
        take_dateline(0)
    if body and _is_byline(body[0]) and len(body) > 1:
        removed.append(Removed("byline", body.pop(0)))

    title, title_from = parts.title, parts.title_from
    if body and title and _same_text(body[0], title):
        del body[0]
    elif body and not title and parts.guess_title and len(body) > 1:
        at = _title_at(body)
        if at is not None:
            for kicker in body[:at]:  # "Breaking", "Analysis" above the headline
                removed.append(Removed("navigation", kicker))
            title, title_from = body[at], "first line of the text"
            del body[: at + 1]

    k = 0
    looked = 0
    while k < len(body) and looked < 3:
        if take_dateline(k):
            continue
        if _is_byline(body[k]) and len(body) > 1:
            removed.append(Removed("byline", body.pop(k)))
            continue
        if is_prose(body[k]):
            break
        k += 1
        looked += 1

    published, published_from, note = parts.published, parts.published_from, parts.published_note
    if published is None and datelines:
        # a publication line wins over an update line
        d, line = next(((d, x) for d, x in datelines if not _UPDATED_RE.search(x)), datelines[0])
        published, published_from, note = d, "dateline", f'dateline "{line}"'

    # section headings, and short lines left after the last prose paragraph
    prose_at = [i for i, line in enumerate(body) if is_prose(line)]
    if prose_at:
        last = prose_at[-1]
        keep: list[str] = []
        for i, line in enumerate(body):
            known = line in parts.headings
            shaped = is_heading_shaped(line) and line not in parts.items
            if i < last and (known or shaped):
                removed.append(Removed("heading", line))
            elif i > last and known:
                removed.append(Removed("heading", line))
            elif i > last and shaped and not is_attribution(line):
                removed.append(Removed("navigation", line))
            else:
                keep.append(line)
        body = keep
    elif parts.headings and any(line not in parts.headings for line in body):
        for line in [line for line in body if line in parts.headings]:
            removed.append(Removed("heading", line))
        body = [line for line in body if line not in parts.headings]

    if title and not body:
        body, title = [title], parts.title  # a one-line document: the line is the text
    text = "\n\n".join(body)
    if not text.strip():
        kinds = sorted({r.kind for r in removed if r.kind not in ("header",)})
        if kinds:
            raise _Bad(f"no article text: all of it is page furniture ({', '.join(kinds)})")
        raise _Bad("no article text found")

    outlet, outlet_from = parts.outlet, parts.outlet_from
    if not outlet:
        for r in removed:
            if r.kind == "boilerplate":
                outlet = copyright_holder(r.text.split("\n")[0]) or None
                if outlet:
                    outlet_from = "copyright line"
                    break
    return Document(
        id=ident,
        path=job.path,
        name=job.name,
        text=text,
        title=title or None,
        outlet=outlet or None,
        title_from=(title_from or "text") if title else "",
        outlet_from=outlet_from if outlet else "",
        url=parts.url or None,
        published=published,
        published_from=published_from if published is not None else "none",
        published_note=note if published is not None else "",
        format=parts.format,
        removed=tuple(removed),
        notes=tuple(dict.fromkeys(notes)),
    )
