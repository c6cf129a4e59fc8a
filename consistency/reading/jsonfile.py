"""The JSON (``.json``) and JSON Lines (``.jsonl``, ``.ndjson``) readers: an article object,
a list of them, or a list under a known key; fields found by common names or a mapping."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from consistency.models import Skipped
from consistency.reading.base import Article, Reader, Source, Unreadable, norm_line, one_line
from consistency.reading.dates import date_value
from consistency.reading.decode import clean_text
from consistency.reading.html import html_parts
from consistency.reading.text import looks_like_html, text_parts
from consistency.time.published import Candidate, DateSource

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

# --- JSON, JSON Lines, feeds -----------------------------------------------------------


def json_parts(text: str, fields: Mapping[str, str] | None) -> list[Article | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(
            f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        raise Unreadable("not valid JSON: nested too deeply") from None
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
        raise Unreadable(
            f"JSON holds a {type(data).__name__}, not an article or a list of articles"
        )
    if not items:
        raise Unreadable("JSON holds no articles (an empty list)")
    if len(items) == 1 and isinstance(items[0], dict):
        return [_json_article(items[0], fields)]
    return [_json_article(item, fields) for item in items]


def jsonl_parts(text: str, fields: Mapping[str, str] | None) -> list[Article | Skipped]:
    out: list[Article | Skipped] = []
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
        if isinstance(article, Article):
            article.format = "jsonl"
        out.append(article)
    if not out:
        raise Unreadable("no text: the file holds only blank lines")
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


def _json_article(item: Any, fields: Mapping[str, str] | None) -> Article | Skipped:
    try:
        return _json_article_parts(item, fields)
    except Unreadable as exc:
        return Skipped("", one_line(str(exc)))


def _json_article_parts(item: Any, fields: Mapping[str, str] | None) -> Article | Skipped:
    if not isinstance(item, Mapping):
        what = type(item).__name__
        return Skipped("", f"JSON item is a {what}, not an article object")
    body = _as_str(_field(item, "text", fields))
    if body is None or not body.strip():
        names = ", ".join(str(k) for k in list(item)[:15]) or "none"
        wanted = f"field {fields['text']!r}" if fields and fields.get("text") else "text field"
        return Skipped("", f"JSON object has no {wanted} (it has: {names})")
    body = clean_text(body)
    if looks_like_html(body) or re.search(r"<(?:p|br|div)\b", body, re.IGNORECASE):
        parts = html_parts(body)
    else:
        parts = text_parts(body)
    parts.format = "json"
    title = _as_str(_field(item, "title", fields))
    if title and title.strip():
        parts.title, parts.title_from = norm_line(title), "feed field"
    url = _as_str(_field(item, "url", fields))
    if url and url.strip():
        parts.url = url.strip()
    outlet = _as_str(_field(item, "outlet", fields))
    if outlet and outlet.strip():
        parts.outlet, parts.outlet_from = norm_line(outlet), "feed field"
    raw_date = _field(item, "published", fields)
    if raw_date not in (None, ""):
        d = date_value(raw_date)
        name = _field_name(item, "published", fields)
        if d is None:
            parts.notes.append(f'field "{name}" ({raw_date!r}) could not be read as a day')
        else:
            # the object's own field, not what its body says of itself
            parts.dates = [Candidate(d, DateSource.META, (f'field "{name}" "{raw_date}"',))]
    return parts


def read_json(source: Source) -> list[Article | Skipped]:
    return json_parts(source.text, source.fields)


def read_jsonl(source: Source) -> list[Article | Skipped]:
    return jsonl_parts(source.text, source.fields)


READER = Reader(suffixes=(".json",), read=read_json)
JSONL_READER = Reader(suffixes=(".jsonl", ".ndjson"), read=read_jsonl)
