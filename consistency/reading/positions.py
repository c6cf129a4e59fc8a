"""Source positions: where a piece of an article's text sits in the file it was read from.

A document's ``text`` is what was extracted from its file: header lines, markup, page
furniture and JSON escapes are gone, hard-wrapped lines are joined. Reports that point into
the file (SARIF, GitHub annotations, GitLab Code Quality, the terminal listing) need the
line and column in the *original* file, so ingest keeps, per document, a small map from
offsets in ``text`` to lines and columns of the file (:func:`build`), and reports ask it
(:func:`locate`)::

    .txt, .md     the line and column in the file
    .html         the line and column where the sentence starts in the HTML source; tags
                  and character references (&amp;, &#8217;) between its words are allowed
    .json, feeds  the line and column inside the JSON string (or the feed's element) that
                  holds the text: for a JSON feed written one field a line, the field's line

How: the file's visible text is made (tags and scripts dropped, character references and
JSON escapes decoded, each character remembering its offset in the file), then the words of
each paragraph of ``text`` are found in it in order, each word at most a few words after
the last one found. The map keeps one entry where the text stops following the file char
for char: a new line, a tag, a reference. Lines count ``\\n``, ``\\r\\n`` and ``\\r``;
columns count code points from 1.

A paragraph whose first words are not found in the file is marked unknown (:func:`locate`
gives None for it); a document built by hand, without a map, is located in its own text.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence

from consistency.models import Document

#: One entry of a map: from this offset of the text on, the text follows the file char for
#: char from this line and column; line 0 marks text not found in the file.
Anchor = tuple[int, int, int]

_WORD = re.compile(r"\w+")
# The first words of a paragraph that must be found together, in order.
_LEAD = 4
# How far (in words of the file) the next word of a paragraph may be: past a link's URL in
# Markdown, a figure caption or an inline ad inside a paragraph.
_WINDOW = 60
# A sentence may start a few characters before its first word: a quotation mark, a dash.
_LEAD_IN = 4

_DROPPED = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[a-zA-Z/!?][^<>]*>")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[\"\\/bfnrt])")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "\\": "\\", "/": "/"}


class Source:
    """A file's text made ready to locate the documents read from it, in file order."""

    def __init__(self, source: str, fmt: str = "txt") -> None:
        visible, origin = _visible(source, fmt)
        self.visible, self.origin = visible, origin
        self.keys: list[str] = []  # the file's words, folded, one string per distinct word
        self.starts = array("i")  # where each word starts in the visible text
        self.offsets = array("i")  # where each word starts in the file
        self.where: dict[str, array[int]] = {}  # word -> its numbers in the file, ascending
        for m in _WORD.finditer(visible):
            key = _key(m.group())
            hits = self.where.get(key)
            if hits is None:
                hits = self.where[key] = array("i")
            else:
                key = self.keys[hits[0]]  # one string per distinct word
            hits.append(len(self.keys))
            self.keys.append(key)
            self.starts.append(m.start())
            self.offsets.append(self._origin(m.start()))
        self.lines = _line_starts(source)
        self.cursor = 0  # the next document of the file starts after the last one

    def map(self, text: str) -> tuple[Anchor, ...]:
        """The map of ``text``, a document's text read from this file."""
        anchors: list[Anchor] = []
        for start, paragraph in _paragraphs(text):
            found = [(_key(m.group()), start + m.start()) for m in _WORD.finditer(paragraph)]
            if not found:
                continue
            at = self._lead([key for key, _ in found[:_LEAD]])
            if at is None:
                anchors.append((start, 0, 0))
                continue
            for key, offset in found:
                hit = _next(self.where.get(key), at)
                if hit is None:
                    continue
                lead_in = self._lead_in(text, start, offset, hit)
                if lead_in:  # an opening quotation mark, written "&ldquo;" in the file
                    line, column = _line_column(self.lines, lead_in[1])
                    anchors.append((lead_in[0], line, column))
                line, column = _line_column(self.lines, self.offsets[hit])
                anchors.append((offset, line, column))
                at = hit + 1
            self.cursor = at
        return _compressed(anchors)

    def _origin(self, at: int) -> int:
        return at if self.origin is None else self.origin[at]

    def _lead_in(self, text: str, start: int, offset: int, hit: int) -> tuple[int, int] | None:
        """The first of the marks (quotation marks, dashes, brackets) just before a word that
        the file has too, just before it: its offset in the text and in the file."""
        k = 0
        seen = self.starts[hit]
        while k < _LEAD_IN and offset - k > start and seen - k > 0:
            ch = text[offset - k - 1]
            if ch.isspace() or _WORD.match(ch) or self.visible[seen - k - 1] != ch:
                break
            k += 1
        return (offset - k, self._origin(seen - k)) if k else None

    def _lead(self, lead: list[str]) -> int | None:
        """Where a paragraph starts among the file's words: its first words, in a row, first
        after the cursor, else anywhere (extraction may have moved a paragraph)."""
        hits = self.where.get(lead[0])
        if hits is None:
            return None
        keys = self.keys
        for since in (self.cursor, 0):
            for n in range(bisect.bisect_left(hits, since), len(hits)):
                i = hits[n]
                if all(i + k < len(keys) and keys[i + k] == key for k, key in enumerate(lead)):
                    return i
        return None


def build(source: str, text: str, fmt: str = "txt") -> tuple[Anchor, ...]:
    """The map of ``text`` (a document's text) into ``source`` (its file's decoded text)."""
    return Source(source, fmt).map(text)


def locate(doc: Document, offset: int) -> tuple[int, int] | None:
    """Line and column (1-based) in ``doc``'s file of ``offset`` in its text; None where the
    text was not found in the file. A document without a map is located in its text."""
    if not doc.positions:
        return _in_text(doc.text, offset)
    anchors = doc.positions
    i = bisect.bisect_right(anchors, (offset, 1 << 62, 0))
    # A paragraph that opens with a mark the file writes otherwise: from its first word.
    if (
        i < len(anchors)
        and 0 < anchors[i][0] - offset <= _LEAD_IN
        and anchors[i][1]
        and not _WORD.search(doc.text, offset, anchors[i][0])
        and (i == 0 or doc.text.find("\n\n", anchors[i - 1][0], offset) != -1)
    ):
        ahead, line, column = anchors[i]
        return line, max(1, column - (ahead - offset))
    if i == 0:
        return None
    at, line, column = anchors[i - 1]
    if line == 0:
        return None
    return line, column + (offset - at)


def locate_span(doc: Document, span: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """Start line, start column, end line and end column (exclusive) of a span of ``doc``'s
    text in its file; None where its start was not found."""
    start, end = span
    first = locate(doc, start)
    if first is None:
        return None
    last = locate(doc, max(start, end - 1)) or first
    if last < first:
        last = first
    return first[0], first[1], last[0], last[1] + 1


# --- the file's visible text -----------------------------------------------------------


def _visible(source: str, fmt: str) -> tuple[str, array[int] | None]:
    """``source`` as read by a person, and for each of its characters the offset in
    ``source`` it came from (None: the same offset, nothing was decoded)."""
    text, origin = source, None
    if fmt in ("json", "jsonl") or "\\n" in source:
        text, origin = _decode(text, origin, _ESCAPE, _unescape)
    # A feed's entries hold HTML escaped inside XML: two rounds of markup.
    for _ in range(2 if fmt in ("rss", "atom") else 1):
        text, origin = _decode(text, origin, _DROPPED, lambda _: " ")
        text, origin = _decode(text, origin, _TAG, lambda _: " ")
        text, origin = _decode(text, origin, _REFERENCE, html.unescape)
    return text, origin


def _decode(
    text: str, origin: array[int] | None, pattern: re.Pattern[str], into: Callable[[str], str]
) -> tuple[str, array[int] | None]:
    """Replace each match of ``pattern`` with ``into(match text)``; every character put in
    its place takes the origin of the match's first character."""
    if not pattern.search(text):
        return text, origin
    parts: list[str] = []
    where = array("i")

    def keep(start: int, end: int) -> None:
        parts.append(text[start:end])
        where.extend(range(start, end) if origin is None else origin[start:end])

    last = 0
    for m in pattern.finditer(text):
        keep(last, m.start())
        put = into(m.group())
        parts.append(put)
        where.extend([m.start() if origin is None else origin[m.start()]] * len(put))
        last = m.end()
    keep(last, len(text))
    return "".join(parts), where


def _unescape(escape: str) -> str:
    if escape[1] == "u":
        return chr(int(escape[2:], 16))
    return _ESCAPED[escape[1]]


def _key(word: str) -> str:
    """A word as compared: case and accents folded (the text was NFC-normalised, the file
    may not be)."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


# --- finding the words -----------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    at = 0
    for part in text.split("\n\n"):
        out.append((at, part))
        at += len(part) + 2
    return out


def _next(hits: Sequence[int] | None, at: int) -> int | None:
    """The first of ``hits`` (sorted word numbers) at or after ``at``, within the window."""
    if hits is None:
        return None
    i = bisect.bisect_left(hits, at)
    if i < len(hits) and hits[i] < at + _WINDOW:
        return hits[i]
    return None


# --- lines and columns -----------------------------------------------------------------


def _line_starts(source: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", source):
        starts.append(m.end())
    return starts


def _line_column(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _in_text(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _compressed(anchors: list[Anchor]) -> tuple[Anchor, ...]:
    """Only the anchors that the one before does not predict (same line, same shift)."""
    out: list[Anchor] = []
    for offset, line, column in anchors:
        if out:
            at, last_line, last_column = out[-1]
            if line == last_line and line and column - last_column == offset - at:
                continue
        out.append((offset, line, column))
    return tuple(out)
