"""The RSS/Atom reader (``.xml``, ``.rss``, ``.atom``) through feedparser: one article per
entry, the feed title as outlet, the entry's published/updated/created field as date."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from consistency.models import Skipped
from consistency.reading.base import Article, Reader, Source, Unreadable, norm_line, one_line
from consistency.reading.dates import parse_date
from consistency.reading.decode import clean_text
from consistency.reading.html import html_parts
from consistency.reading.text import text_parts
from consistency.time.published import Candidate, DateSource


def feed_parts(data: bytes) -> list[Article | Skipped]:
    """One article (or a Skipped) per entry of the feed, in feed order."""
    try:
        import feedparser

        feed = feedparser.parse(data)
    except RecursionError:
        raise Unreadable("feed is too deeply nested to read") from None
    except Exception as exc:
        raise Unreadable(one_line(f"not a readable RSS/Atom feed: {exc}")) from None
    entries = list(feed.get("entries") or [])
    if not entries:
        problem = feed.get("bozo_exception")
        if problem is not None:
            raise Unreadable(one_line(f"not a valid RSS/Atom feed: {problem}"))
        raise Unreadable("not an RSS/Atom feed (no entries)")
    version = str(feed.get("version") or "")
    fmt = "atom" if version.startswith("atom") else "rss"
    outlet = norm_line(str((feed.get("feed") or {}).get("title") or "")) or None
    return [_entry(entry, fmt, outlet) for entry in entries]


def _entry(entry: Any, fmt: str, outlet: str | None) -> Article | Skipped:
    content = entry.get("content") or []
    body = ""
    if content:
        body = "\n".join(str(c.get("value") or "") for c in content)
    if not body.strip():
        body = str(entry.get("summary") or entry.get("description") or "")
    if not body.strip():
        return Skipped("", "feed entry has no content or summary")
    body = clean_text(body)
    parts = html_parts(body) if "<" in body and ">" in body else text_parts(body)
    parts.format = fmt
    if entry.get("title"):
        parts.title = norm_line(_strip_tags(str(entry["title"])))
        parts.title_from = "feed entry"
    if entry.get("link"):
        parts.url = str(entry["link"])
    if outlet:
        parts.outlet, parts.outlet_from = outlet, "feed title"
    _entry_date(entry, parts)
    return parts


def _entry_date(entry: Any, parts: Article) -> None:
    """The first of the entry's published, updated, created fields that reads as a day."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            d = parse_date(str(raw))
            parsed = entry.get(f"{key}_parsed")
            if d is None and parsed:
                d = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            if d is not None:
                # the entry's own field, not what its body says of itself
                parts.dates = [Candidate(d, DateSource.META, (f'feed {key} "{raw}"',))]
                return


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def read(source: Source) -> list[Article | Skipped]:
    return feed_parts(source.data)


READER = Reader(suffixes=(".xml", ".rss", ".atom"), read=read, binary=True)
