"""Cleaning the article: page furniture out, datelines and bylines off the top, the headline
found, section headings taken out, the outlet from a copyright line; one Document out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from consistency.models import Document, Removed, Skipped
from consistency.reading.base import Article, Unreadable, norm_line, one_line
from consistency.reading.dates import parse_date
from consistency.reading.files import Job
from consistency.reading.furniture import copyright_holder, strip_furniture
from consistency.reading.paragraphs import LIST_ITEM_RE
from consistency.reading.shapes import (
    DATE_RE,
    date_line_remainder,
    is_attribution,
    is_heading_shaped,
    is_prose,
)
from consistency.time.published import Candidate, DateSource, choose, dated

# --- from parts to documents -----------------------------------------------------------


def finish_many(items: list[Article | Skipped], job: Job) -> tuple[list[Document], list[Skipped]]:
    docs: list[Document] = []
    skipped: list[Skipped] = []
    several = len(items) > 1
    for n, item in enumerate(items, 1):
        ident = f"{job.id}#{n}" if several else job.id
        where = f"{job.path}#{n}" if several else job.path
        if isinstance(item, Skipped):
            if not several:
                raise Unreadable(item.reason)
            skipped.append(Skipped(where, item.reason))
            continue
        try:
            docs.append(_finish(item, job, ident))
        except Unreadable as exc:
            if not several:
                raise
            skipped.append(Skipped(where, one_line(str(exc))))
    if not docs and not skipped:
        raise Unreadable("no articles found")
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
    """The day of a dateline near the top ('Published March 9, 2022', 'Section · date')."""
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
    return parse_date(m.group(0))


def _same_text(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[\W_]+", " ", s.lower()).strip()

    return norm(a) == norm(b)


def _headline_shaped(line: str) -> bool:
    s = line.strip()
    if not 2 <= len(s) <= 200 or s.endswith((".", ",", ";", ":", "…")):
        return False
    words = s.split()
    if not 1 <= len(words) <= 30 or LIST_ITEM_RE.match(s):
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


def _finish(parts: Article, job: Job, ident: str) -> Document:
    """One article's parts to a Document: furniture, datelines, bylines, the headline and
    section headings taken out; the date and outlet found in what was taken out if needed."""
    kept, removed, notes = strip_furniture(parts.lines)
    body = _Body([line for line in (norm_line(x) for x in kept) if line], parts.removed + removed)
    notes = parts.notes + notes
    body.take_top()
    title, title_from = body.take_title(parts)
    body.take_below_title()
    published = _published(parts, body.datelines)
    body.take_headings(parts)
    lines = body.lines
    if title and not lines:
        lines, title = [title], parts.title  # a one-line document: the line is the text
    text = "\n\n".join(lines)
    if not text.strip():
        kinds = sorted({r.kind for r in body.removed if r.kind not in ("header",)})
        if kinds:
            raise Unreadable(f"no article text: all of it is page furniture ({', '.join(kinds)})")
        raise Unreadable("no article text found")
    outlet, outlet_from = _outlet(parts, body.removed)
    doc = Document(
        id=ident,
        path=job.path,
        name=job.name,
        text=text,
        title=title or None,
        outlet=outlet or None,
        title_from=(title_from or "text") if title else "",
        outlet_from=outlet_from if outlet else "",
        url=parts.url or None,
        format=parts.format,
        removed=tuple(body.removed),
        notes=tuple(dict.fromkeys(notes)),
    )
    return dated(doc, published)


@dataclass
class _Body:
    """The article's lines as they are cleaned, what was taken out, the datelines found."""

    lines: list[str]
    removed: list[Removed]
    datelines: list[tuple[date, str]] = field(default_factory=list)

    def take_dateline(self, k: int) -> bool:
        d = _dateline(self.lines[k])
        if d is None:
            return False
        self.removed.append(Removed("dateline", self.lines[k]))
        self.datelines.append((d, self.lines[k]))
        del self.lines[k]
        return True

    def take_top(self) -> None:
        """A dateline above the headline ("Section · March 9, 2022"), then a byline."""
        body = self.lines
        if body and not is_prose(body[0]) and len(body) > 1:
            self.take_dateline(0)
        if body and _is_byline(body[0]) and len(body) > 1:
            self.removed.append(Removed("byline", body.pop(0)))

    def take_title(self, parts: Article) -> tuple[str | None, str]:
        """The headline: the one read with the parts (taken off the text when it repeats
        there), else one found among the first lines when the format allows a guess."""
        body = self.lines
        title, title_from = parts.title, parts.title_from
        if body and title and _same_text(body[0], title):
            del body[0]
        elif body and not title and parts.guess_title and len(body) > 1:
            at = _title_at(body)
            if at is not None:
                for kicker in body[:at]:  # "Breaking", "Analysis" above the headline
                    self.removed.append(Removed("navigation", kicker))
                title, title_from = body[at], "first line of the text"
                del body[: at + 1]
        return title, title_from

    def take_below_title(self) -> None:
        """Datelines and bylines among the first lines before the prose starts."""
        body = self.lines
        k = 0
        looked = 0
        while k < len(body) and looked < 3:
            if self.take_dateline(k):
                continue
            if _is_byline(body[k]) and len(body) > 1:
                self.removed.append(Removed("byline", body.pop(k)))
                continue
            if is_prose(body[k]):
                break
            k += 1
            looked += 1

    def take_headings(self, parts: Article) -> None:
        """Section headings, and short lines left after the last prose paragraph."""
        body, removed = self.lines, self.removed
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
            self.lines = keep
        elif parts.headings and any(line not in parts.headings for line in body):
            for line in [line for line in body if line in parts.headings]:
                removed.append(Removed("heading", line))
            self.lines = [line for line in body if line not in parts.headings]


def _published(parts: Article, datelines: list[tuple[date, str]]) -> Candidate | None:
    """The publication date chosen among the parts' own and the datelines (a publication
    line before an update line)."""
    lines = [(d, x) for d, x in datelines if not _UPDATED_RE.search(x)]
    lines += [(d, x) for d, x in datelines if _UPDATED_RE.search(x)]
    found = [Candidate(d, DateSource.DATELINE, (f'dateline "{x}"',)) for d, x in lines]
    return choose([*parts.dates, *found])


def _outlet(parts: Article, removed: list[Removed]) -> tuple[str | None, str]:
    """The outlet read with the parts, else the holder of a copyright line taken out."""
    if parts.outlet:
        return parts.outlet, parts.outlet_from
    for r in removed:
        if r.kind == "boilerplate":
            holder = copyright_holder(r.text.split("\n")[0]) or None
            if holder:
                return holder, "copyright line"
    return parts.outlet, parts.outlet_from
