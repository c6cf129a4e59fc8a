"""Metadata at the top of a text or Markdown file: YAML front matter and "Key: value"
header lines (title, date, source, url ...); taken off the text, recorded as removed."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from consistency.models import Removed
from consistency.reading.base import Article, norm_line, one_line
from consistency.reading.dates import date_value, parse_date
from consistency.reading.shapes import DATE_RE, is_prose

_FRONT_MATTER_RE = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADER_RE = re.compile(
    r"^\s*(?P<key>title|headline|date|dated|published(?:[ _](?:at|on|date))?|"
    r"pub(?:lication)?[ _]?date|url|link|source|outlet|site|publisher|publication|"
    r"author|authors|by|byline|updated|last[ _]updated|tags|category|section)"
    r"\s*(?P<sep>[:=]|\s)\s*(?P<value>.*)$",
    re.IGNORECASE,
)


def front_matter(text: str, parts: Article) -> str:
    """Take YAML front matter off the top of a text; its title, url, outlet and date go to
    ``parts`` (a front matter that is not a mapping of YAML is noted and ignored)."""
    meta: dict[str, Any] = {}
    text = _read_front_matter(text, meta, parts.notes)
    if meta:
        _apply_front_matter(parts, meta)
    return text


def _read_front_matter(text: str, parts_meta: dict[str, Any], notes: list[str]) -> str:
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


def _apply_front_matter(parts: Article, meta: dict[str, Any]) -> None:
    def pick(*keys: str) -> Any:
        for k in keys:
            if meta.get(k) not in (None, ""):
                return meta[k]
        return None

    title = pick("title", "headline")
    if title is not None:
        parts.title, parts.title_from = norm_line(str(title)) or None, "front matter"
    url = pick("url", "link", "canonical_url", "permalink")
    if url is not None:
        parts.url = str(url).strip() or None
    outlet = pick("outlet", "source", "site", "publisher", "publication")
    if isinstance(outlet, dict):
        outlet = outlet.get("name")
    if outlet is not None:
        parts.outlet, parts.outlet_from = norm_line(str(outlet)) or None, "front matter"
    raw = pick("date", "published", "published_at", "pubdate", "publication_date", "dated")
    if raw is not None:
        d = date_value(raw)
        shown = raw.isoformat() if isinstance(raw, date) else str(raw)
        if d is None:
            parts.notes.append(f'front matter date "{shown}" could not be read as a day')
        parts.set_date(d, "header", f'front matter "{shown}"')


def header_lines(text: str, parts: Article) -> str:
    """Take 'Key: value' header lines (and 'date 2024-06-17') off the top of a text."""
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
            # 'date 2024-06-17 ...': only a date may follow a key without a colon
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


def _header_value(parts: Article, key: str, value: str, shown: str) -> None:
    if key in ("title", "headline"):
        parts.title, parts.title_from = norm_line(value), "header"
    elif key in ("url", "link"):
        parts.url = value
    elif key in ("source", "outlet", "site", "publisher", "publication"):
        parts.outlet, parts.outlet_from = norm_line(value), "header"
    elif key.startswith(("date", "published", "pub")):
        d = parse_date(value)
        if d is None:
            parts.notes.append(f'header "{shown}" could not be read as a day')
        parts.set_date(d, "header", f'header "{one_line(shown)}"')
    elif key in ("updated", "last_updated"):
        d = parse_date(value)
        parts.set_date(d, "header", f'header "{one_line(shown)}" (an update date)')
    parts.removed.append(Removed("header", one_line(shown)))
