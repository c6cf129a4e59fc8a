"""Names an editor reads: who published each document, and events in words.

A document's outlet is what ingest read (a sidecar, a header, front matter, a feed field,
the page's site name, a copyright line). When it read none, the report guesses one from
the web address or a copyright line at the end of the text, and says it guessed (a
"Source: X" credit names where the story came from, not who published it: no guess). When
nothing names the outlet, the headline stands in for it, then a short form of the file
name: an editor should never have to tell "001_cf68f53edc1684e6.txt" from
"002_657341c92c8fb0b9.txt".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from consistency.models import STORY, Document
from consistency.reading.furniture import copyright_holder

#: ``Document.outlet_from`` values that name the outlet as the source itself states it.
STATED_FROM = frozenset(
    {"sidecar", "header", "front matter", "feed field", "feed title", "page site name"}
)

#: Removed furniture that may carry the publisher's own line (not a photo credit).
_FOOTER_KINDS = frozenset({"boilerplate", "footer", "copyright", "credit", "byline"})

_HASHED_NAME = re.compile(r"^(?:(?P<n>\d{1,6})[_-])?[0-9a-f]{8,}$", re.IGNORECASE)


@dataclass(frozen=True)
class Outlet:
    """Who published a document, as the report shows it."""

    name: str
    guessed: bool  # not stated by the source: shown with a mark
    how: str  # where the name came from, in words: "from the web address"
    known: bool = True  # False when no outlet could be named (headline or file name)


def outlet_of(doc: Document) -> Outlet:
    """The outlet of ``doc``: stated, else guessed, else a stand-in."""
    if doc.outlet and doc.outlet.strip():
        source = doc.outlet_from or "the document"
        stated = any(source.startswith(s) for s in STATED_FROM)
        return Outlet(doc.outlet.strip(), not stated, f"from the {source}")
    for guess in (_from_url(doc.url), _from_lines(doc)):
        if guess is not None:
            return guess
    if doc.title and doc.title.strip():
        return Outlet(_short(doc.title), True, "outlet unknown: named by its headline", False)
    return Outlet(_short_file_name(doc.name), True, "outlet unknown", False)


def _from_url(url: str | None) -> Outlet | None:
    try:
        host = urlsplit((url or "").strip()).hostname or ""
    except ValueError:
        return None
    host = re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host.lower())
    if "." not in host or re.fullmatch(r"[\d.]+", host):
        return None
    return Outlet(host, True, "guessed from the web address")


def _from_lines(doc: Document) -> Outlet | None:
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()][-4:]
    footer = [b.text for b in doc.removed if b.kind in _FOOTER_KINDS]
    lines = [line for block in (*footer, *paragraphs) for line in block.split("\n")]
    for line in lines:
        holder = copyright_holder(line) if len(line) < 300 else None
        if holder:
            return Outlet(holder, True, "guessed from a copyright line")
    return None


def _short(text: str, words: int = 7, chars: int = 48) -> str:
    parts = text.split()
    out = " ".join(parts[:words])
    if len(out) > chars:
        out = out[:chars].rsplit(" ", 1)[0]
    return f"“{out}…”" if out != " ".join(parts) else f"“{out}”"


def _short_file_name(name: str) -> str:
    stem = name.rsplit(".", 1)[0]
    m = _HASHED_NAME.match(stem)
    if m:
        return f"Article {m.group('n')}" if m.group("n") else "Untitled article"
    return name


def outlets(documents: Sequence[Document]) -> dict[str, Outlet]:
    """Each document's outlet by document id; a name two documents share gets a number
    from the second one on ("Reuters", "Reuters (2)") so each row of a table is one
    document."""
    out: dict[str, Outlet] = {}
    seen: dict[str, int] = {}
    for doc in documents:
        o = outlet_of(doc)
        n = seen[o.name] = seen.get(o.name, 0) + 1
        out[doc.id] = o if n == 1 else Outlet(f"{o.name} ({n})", o.guessed, o.how, o.known)
    return out


# ---------------------------------------------------------------------------------------
# Events in words

#: The built-in lexicon's events whose ids are not yet words.
EVENT_WORDS = {
    "licensed": "was licensed",
    "refused-licence": "was refused a licence",
    "lost-licence": "lost a licence",
    "lifted-ban": "lifted a ban",
    "passed-law": "passed a law",
    "released-statement": "released a statement",
    "raised-funds": "raised funds",
    "cut-jobs": "cut jobs",
    "employs": "employs",
    "interviewed": "gave an interview",
    "record": "set a record",
}

_SLUG = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


def event_words(event: str) -> str:
    """An event id as words: "passed-law" -> "passed a law", "cut-back" -> "cut back"."""
    if event in EVENT_WORDS:
        return EVENT_WORDS[event]
    return event.replace("-", " ") if _SLUG.match(event) else event


def entity_words(entity: str) -> str:
    """The words for a finding's entity: :data:`~consistency.models.STORY` (no single named
    owner) as "the story as a whole"."""
    return "the story as a whole" if entity == STORY else entity


class Wording:
    """Rewrites a rule's message for the page: event ids as words, and file names that
    stand for an outlet as the outlet's name in the report."""

    def __init__(
        self, documents: Iterable[Document], names: dict[str, Outlet], events: Iterable[str]
    ) -> None:
        swaps = {
            doc.name: names[doc.id].name
            for doc in documents
            if not doc.outlet and doc.id in names and names[doc.id].name != doc.name
        }
        swaps.update({e: event_words(e) for e in set(events) if _SLUG.match(e)})
        self.swaps = swaps
        keys = sorted(swaps, key=lambda k: (-len(k), k))
        self.pattern = (
            re.compile("|".join(rf"(?<![\w.-]){re.escape(k)}(?![\w-])" for k in keys))
            if keys
            else None
        )

    def __call__(self, text: str) -> str:
        if self.pattern is None or not text:
            return text
        return self.pattern.sub(lambda m: self.swaps[m.group()], text)
