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
* ``published`` and where it came from, chosen among the dates found by
  :func:`consistency.time.published.choose`, most trusted first: a sidecar (``sources.yaml``
  / ``sources.csv``, see :mod:`consistency.reading.sidecar`), a header line or front
  matter at the top of the file, the page markup (HTML meta via htmldate, a JSON or feed
  field), a dateline near the top of the text ("Published March 9, 2022"). A date is
  never taken from today's clock, and a date inside a price ticker is noted as the page's
  capture date, not used.
* ``outlet``: sidecar, front matter or header, the HTML site name (or a JSON/feed field), then
  a copyright line ("© 2023 Some Outlet, Inc. All Rights Reserved.").

Nothing here raises for a bad input file: it is listed in ``skipped`` with a one-line reason.

The work is done by the modules of :mod:`consistency.reading`: :mod:`~.files` finds the files,
:mod:`~.decode` turns bytes into text, one module per format reads an article's parts
(:mod:`~.text`, :mod:`~.markdown`, :mod:`~.html`, :mod:`~.jsonfile`, :mod:`~.feed`, with
:mod:`~.header` for metadata at the top and :mod:`~.paragraphs` for reflowing), and
:mod:`~.article` cleans each article into a Document. Heavy libraries (trafilatura,
htmldate, feedparser, charset-normalizer, dateparser) are only imported when a file needs
them, so a folder of plain text files is read quickly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from consistency.errors import ConfigError
from consistency.models import Document, Skipped
from consistency.reading import positions
from consistency.reading.article import finish_many
from consistency.reading.base import Article, Reader, Source, Unreadable, one_line
from consistency.reading.dates import parse_date
from consistency.reading.decode import clean_text, decode
from consistency.reading.files import (
    Job,
    collect,
    read_bytes,
    stderr_is_tty,
    suffix_of,
    with_progress,
)
from consistency.reading.jsonfile import JSON_FIELDS
from consistency.reading.readers import GROUP, ORIGINS, PROBLEMS, READERS, SUFFIXES, is_builtin
from consistency.reading.sidecar import SidecarEntry, load_sidecar
from consistency.time.published import Candidate, DateSource, candidate_of, choose, dated

__all__ = ["Ingested", "ingest"]

#: The reader of a file named on the command line whose suffix no reader claims.
FALLBACK = "txt"


@dataclass
class Ingested:
    """What :func:`ingest` read."""

    documents: list[Document]  # sorted by id: deterministic
    skipped: list[Skipped]  # every input that could not be read, with a one-line reason


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
    fields we do not have, or when no reader is registered at all (the package's metadata
    is missing: see :mod:`consistency.reading.readers`). ``progress=None`` shows a progress
    bar on stderr only when stderr is a terminal and there are more than 50 files. ``fields``
    maps our field names (text, title, url, published, outlet) to a JSON feed's field names
    (dotted names reach into nested objects).
    """
    unknown = sorted(set(fields or {}) - set(JSON_FIELDS))
    if unknown:
        raise ConfigError(
            f"unknown field name(s) {', '.join(unknown)}: "
            f"fields maps {', '.join(JSON_FIELDS)} to a JSON feed's names"
        )
    if not READERS:
        raise ConfigError(
            f"no readers are registered in the entry-point group {GROUP}: the package's "
            "metadata is missing or stale; install it again (pip install -e . in a checkout)"
        )
    skipped: list[Skipped] = [Skipped("(readers)", problem) for problem in PROBLEMS]
    jobs = collect(paths, skipped, SUFFIXES)
    show = progress if progress is not None else (len(jobs) > 50 and stderr_is_tty())
    sidecars: dict[str, dict[str, SidecarEntry]] = {}
    documents: list[Document] = []
    for job in with_progress(jobs, show):
        entries = _sidecar_for(job.folder, sidecars, skipped)
        try:
            docs, item_skips = _read_job(job, max_bytes, fields)
        except Unreadable as exc:
            skipped.append(Skipped(job.path, one_line(str(exc))))
            continue
        except RecursionError:
            skipped.append(Skipped(job.path, "too deeply nested to read (recursion limit)"))
            continue
        except MemoryError:
            skipped.append(Skipped(job.path, "too large to read (out of memory)"))
            continue
        except Exception as exc:  # never a traceback for one bad file
            skipped.append(
                Skipped(job.path, one_line(f"internal error ({type(exc).__name__}: {exc})"))
            )
            continue
        skipped.extend(item_skips)
        entry = entries.get(job.name)
        for doc in docs:
            documents.append(_apply_sidecar(doc, entry) if entry else doc)
    documents.sort(key=lambda d: d.id)
    skipped.sort(key=lambda s: s.path)
    return Ingested(documents=documents, skipped=skipped)


def _sidecar_for(
    folder: str, cache: dict[str, dict[str, SidecarEntry]], skipped: list[Skipped]
) -> dict[str, SidecarEntry]:
    key = os.path.abspath(folder or ".")
    if key not in cache:
        try:
            entries, problems = load_sidecar(folder or ".", parse_date)
        except Exception as exc:  # a sidecar problem never stops the run
            entries, problems = {}, [Skipped(folder, f"sidecar could not be read: {exc}")]
        cache[key] = entries
        skipped.extend(problems)
    return cache[key]


def _apply_sidecar(doc: Document, entry: SidecarEntry) -> Document:
    if entry.published is not None:
        note = f'sidecar {os.path.basename(entry.sidecar)} "{entry.date_text}"'
        found = [Candidate(entry.published, DateSource.SIDECAR, (note,)), candidate_of(doc)]
        doc = dated(doc, choose(c for c in found if c is not None))
    changes: dict[str, Any] = {}
    if entry.outlet:
        changes["outlet"], changes["outlet_from"] = entry.outlet, "sidecar"
    if entry.url:
        changes["url"] = entry.url
    if entry.title:
        changes["title"], changes["title_from"] = entry.title, "sidecar"
    return replace(doc, **changes) if changes else doc


# --- reading one file ------------------------------------------------------------------


def _read_job(
    job: Job, max_bytes: int, fields: Mapping[str, str] | None
) -> tuple[list[Document], list[Skipped]]:
    """The documents of one file, through the reader of its suffix."""
    data = read_bytes(job.path, max_bytes)
    kind = SUFFIXES.get(suffix_of(job.name), FALLBACK)
    reader = READERS.get(kind)
    if reader is None:
        raise Unreadable(f"no reader for {suffix_of(job.name) or 'files without a suffix'}")
    notes: list[str] = []
    if reader.binary:
        raw = data.decode("utf-8", errors="replace")
        source = Source(job.path, job.name, data, "", fields)
    else:
        raw, notes = decode(data)
        text = clean_text(raw)
        if not text.strip():
            raise Unreadable("no text: the file holds only whitespace")
        source = Source(job.path, job.name, data, text, fields)
    items = _run(kind, reader, source)
    for item in items:
        if isinstance(item, Article):
            item.notes[:0] = notes
            item.format = item.format or kind
    docs, skips = finish_many(items, job)
    return _located(docs, raw), skips


def _run(kind: str, reader: Reader, source: Source) -> list[Article | Skipped]:
    """What the reader gives for the file. A plugin's failure, or anything but articles and
    Skipped back, is Unreadable naming the plugin; a built-in's failure is an internal error."""
    if is_builtin(kind):
        return list(reader.read(source))
    where = f"reader {kind!r} ({ORIGINS.get(kind, '?')})"
    try:
        items = list(reader.read(source))
    except Unreadable:
        raise
    except Exception as exc:  # a plugin's bug costs its file, never the run
        raise Unreadable(one_line(f"{where} failed: {type(exc).__name__}: {exc}")) from None
    for item in items:
        if not isinstance(item, (Article, Skipped)):
            raise Unreadable(f"{where} gave a {type(item).__name__}, not an Article or Skipped")
    return items


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
