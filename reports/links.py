"""URLs from articles, made safe to show: only an absolute http(s) URL becomes a link."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Link:
    """A URL to show; ``href`` is set only for http(s) URLs."""

    text: str
    href: str | None


def safe_link(url: str | None) -> Link | None:
    """``url`` as a :class:`Link`; only an absolute http(s) URL gets an ``href``."""
    if not url or not url.strip():
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return Link(text, None)
    # Browsers drop tabs and newlines inside URLs; a URL holding any control character or
    # space is not one we link, whatever urlsplit made of it.
    clean = all(ch.isprintable() and not ch.isspace() for ch in text)
    if clean and parts.scheme.lower() in ("http", "https") and parts.netloc:
        return Link(text, text)
    return Link(text, None)
