"""Sidecar files: what an editor knows about the files of a folder.

A ``sources.yaml`` (or ``sources.yml``) maps file names to what is known about them::

    article-1.txt:
      outlet: The Northern Ledger
      url: https://ledger.example/rivers
      date: 2022-03-04          # or published:
      title: Rivers rise in Valdoria

A ``sources.csv`` has the columns ``file, outlet, url, date, title`` (``published`` is read as
``date``). A sidecar applies to the files of its own folder and overrides everything read from
the files themselves.

Problems never stop a run: a bad date, or an entry naming a file that does not exist, becomes
a :class:`~consistency.models.Skipped` for the sidecar (the rest of it still applies); a
sidecar that cannot be read or parsed becomes a Skipped and the files are read without it.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from consistency.models import Skipped

__all__ = ["SIDECAR_NAMES", "SidecarEntry", "load_sidecar"]

#: File names read as sidecars (and never read as articles).
SIDECAR_NAMES = ("sources.yaml", "sources.yml", "sources.csv")

_FIELDS = ("outlet", "url", "date", "published", "title")


@dataclass(frozen=True)
class SidecarEntry:
    """What a sidecar says about one file."""

    sidecar: str  # the sidecar's path
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    date_text: str | None = None  # the date as written in the sidecar


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def load_sidecar(
    folder: str, parse_date: Callable[[str], date | None] | None = None
) -> tuple[dict[str, SidecarEntry], list[Skipped]]:
    """Read the sidecars of ``folder``: entries by file name, and the problems found.

    ``parse_date`` reads a date written as text (ISO ``YYYY-MM-DD`` when not given).
    """
    parse = parse_date or _iso_date
    entries: dict[str, SidecarEntry] = {}
    problems: list[Skipped] = []
    # CSV first, so that a YAML sidecar beside it wins where both name a file
    for name in ("sources.csv", "sources.yml", "sources.yaml"):
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        try:
            with open(path, "rb") as fh:
                raw = fh.read(5_000_000)
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Skipped(path, f"sidecar could not be read: {_why(exc)}"))
            continue
        if name.endswith(".csv"):
            rows, problem = _csv_rows(text)
        else:
            rows, problem = _yaml_rows(text)
        if problem:
            problems.append(Skipped(path, f"{name} is not a valid sidecar: {problem}"))
            continue
        for key, fields in rows:
            entry, entry_problems = _entry(folder, path, key, fields, parse)
            problems.extend(Skipped(path, p) for p in entry_problems)
            if entry is not None:
                entries[key] = entry
    return entries, problems


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _yaml_rows(text: str) -> tuple[list[tuple[str, dict[str, Any]]], str | None]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        return [], f"not valid YAML: {problem}{where}"
    if data is None:
        return [], None
    rows: list[tuple[str, dict[str, Any]]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if value is None:
                value = {}  # a file named with nothing to say about it
            rows.append((str(key), value if isinstance(value, dict) else {"__bad__": value}))
        return rows, None
    if isinstance(data, list):
        for n, item in enumerate(data, 1):
            if isinstance(item, dict) and item.get("file") is not None:
                rows.append((str(item["file"]), item))
            else:
                rows.append((f"#{n}", {"__bad__": item}))
        return rows, None
    return [], f"expected a mapping of file names, got a {type(data).__name__}"


def _csv_rows(text: str) -> tuple[list[tuple[str, dict[str, Any]]], str | None]:
    try:
        reader = csv.DictReader(io.StringIO(text))
        columns = [c.strip().lower() for c in (reader.fieldnames or [])]
        rows_raw = list(reader)
    except csv.Error as exc:
        return [], f"not valid CSV: {exc}"
    key_col = next((c for c in ("file", "filename", "name", "path") if c in columns), None)
    if key_col is None:
        return [], f"no 'file' column (columns: {', '.join(columns) or 'none'})"
    rows: list[tuple[str, dict[str, Any]]] = []
    for row in rows_raw:
        fields = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        key = (fields.get(key_col) or "").strip()
        if key:
            rows.append((key, fields))
    return rows, None


def _entry(
    folder: str,
    path: str,
    key: str,
    fields: dict[str, Any],
    parse: Callable[[str], date | None],
) -> tuple[SidecarEntry | None, list[str]]:
    problems: list[str] = []
    if "__bad__" in fields:
        got = type(fields["__bad__"]).__name__
        return None, [f"entry {key!r}: expected outlet/url/date/title fields, got a {got}"]
    key_posix = key.replace("\\", "/")
    if "/" in key_posix:
        return None, [
            f"entry {key!r}: names a file outside the folder "
            "(a sidecar applies to the files of its own folder)"
        ]
    if not os.path.exists(os.path.join(folder, key_posix)):
        problems.append(f"entry {key!r}: no such file in {folder or '.'}")
        return None, problems
    fields = {str(k).strip().lower(): v for k, v in fields.items()}
    raw_date = fields.get("date")
    if raw_date in (None, ""):
        raw_date = fields.get("published")
    published: date | None = None
    date_text: str | None = None
    if raw_date not in (None, ""):
        if isinstance(raw_date, datetime):
            published, date_text = raw_date.date(), raw_date.isoformat()
        elif isinstance(raw_date, date):
            published, date_text = raw_date, raw_date.isoformat()
        else:
            date_text = str(raw_date).strip()
            try:
                published = parse(date_text) if isinstance(raw_date, str) else None
            except Exception:  # a date parser's bug must not stop the run
                published = None
            if published is None:
                problems.append(f"entry {key!r}: date {date_text!r} is not a calendar date")
                date_text = None
    entry = SidecarEntry(
        sidecar=path,
        outlet=_clean(fields.get("outlet") or fields.get("source") or fields.get("site")),
        url=_clean(fields.get("url")),
        title=_clean(fields.get("title")),
        published=published,
        date_text=date_text,
    )
    return entry, problems
