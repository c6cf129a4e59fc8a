"""The plain text reader (``.txt``, ``.text``): front matter and header lines, literal
``\\n`` escapes, HTML pasted into a text file, hard-wrapped paragraphs."""

from __future__ import annotations

import re

from consistency.models import Skipped
from consistency.reading.base import Article, Reader, Source
from consistency.reading.header import front_matter, header_lines
from consistency.reading.html import html_parts
from consistency.reading.paragraphs import assemble

_HTML_TAG_RE = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|li|ul|ol|b|i|em|strong|html|body|head|title|meta|table|"
    r"tr|td|img|section|article|header|footer|nav|script|style|blockquote|figure|figcaption|"
    r"time|main|aside|link|iframe|u|sup|sub|hr|pre|code)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_ESCAPES_RE = re.compile(r"\\r\\n|\\n|\\r|\\t|\\\"|\\/|\\u[0-9a-fA-F]{4}")


def looks_like_html(text: str) -> bool:
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


def text_parts(text: str) -> Article:
    parts = Article(lines=[], format="txt")
    text = front_matter(text, parts)
    if "\\n" in text or "\\r" in text:
        text = _unescape_literal(text)
    text = header_lines(text, parts)
    if looks_like_html(text):
        page = html_parts(text)
        page.format = "html"
        _merge_into(page, parts)
        return page
    parts.lines = assemble(text.split("\n"), set())
    return parts


def _merge_into(target: Article, source: Article) -> None:
    """Metadata read before the body (front matter, header lines) outranks the body's own."""
    if source.title:
        target.title, target.title_from = source.title, source.title_from
    if source.outlet:
        target.outlet, target.outlet_from = source.outlet, source.outlet_from
    if source.url:
        target.url = source.url
    target.dates = source.dates + target.dates
    target.removed = source.removed + target.removed
    target.notes = source.notes + target.notes


def read(source: Source) -> list[Article | Skipped]:
    """The plain text reader; also the reader of a file named with an unknown suffix."""
    return [text_parts(source.text)]


READER = Reader(suffixes=(".txt", ".text"), read=read)
