"""What several renderers share: names and words for kinds and severities, counts, the
document of a claim, where a claim is in its file, how a finding stands in the run
(failing, accepted, passing), and the quote split into marked and unmarked segments.

Nothing here formats output; each renderer escapes for its own format.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import consistency
from consistency.accepted import status as accepted_status
from consistency.models import (
    KINDS,
    SEVERITIES,
    Acceptance,
    Cited,
    Claim,
    Document,
    Finding,
    Result,
)
from consistency.reading.positions import locate_span


@dataclass(frozen=True)
class KindInfo:
    """How a finding kind is named for people and for SARIF."""

    label: str  # a heading: "Date"
    rule_name: str  # SARIF reportingDescriptor.name: "DateConflict"
    description: str  # one sentence


KIND_INFO: dict[str, KindInfo] = {
    "date": KindInfo("Date", "DateConflict", "Sources give different dates for the same event."),
    "number": KindInfo(
        "Number", "NumberConflict", "Sources give different numbers for the same thing."
    ),
    "first": KindInfo("First", "FirstClaimConflict", "Sources disagree on who or what was first."),
    "order": KindInfo("Order", "OrderConflict", "Sources tell the events in a different order."),
    "status": KindInfo(
        "Status", "StatusConflict", "Sources disagree on whether something happened or holds."
    ),
    "attribution": KindInfo(
        "Attribution", "AttributionConflict", "Sources disagree on who said or did something."
    ),
    "anachronism": KindInfo(
        "Anachronism",
        "Anachronism",
        "A source dates an event after its own publication, or before it could have happened.",
    ),
    "other": KindInfo("Other", "Inconsistency", "Sources are inconsistent with each other."),
}


def kind_info(kind: str) -> KindInfo:
    """The words for ``kind``; a kind from a third-party rule gets generic ones."""
    known = KIND_INFO.get(kind)
    if known:
        return known
    words = re.sub(r"[^0-9A-Za-z]+", " ", kind).strip() or "other"
    return KindInfo(
        words.capitalize(),
        "".join(word.capitalize() for word in words.split()) + "Conflict",
        f"Sources disagree ({words}).",
    )


def tool_version() -> str:
    """The version of consistency that runs (blanked by the golden-file tests): the
    package's own ``__version__``, which is also what its installed metadata says."""
    return consistency.__version__


def ordered(present: list[str], canonical: tuple[str, ...]) -> list[str]:
    """``present`` in the canonical order, unknown values after it, alphabetically."""
    seen = set(present)
    return [v for v in canonical if v in seen] + sorted(seen - set(canonical))


def severity_counts(findings: list[Finding]) -> list[tuple[str, int]]:
    """(severity, count) for every severity of the contract, zeros included."""
    counts = Counter(f.severity for f in findings)
    return [(s, counts[s]) for s in ordered(list(counts) + list(SEVERITIES), SEVERITIES)]


def kind_severity_table(findings: list[Finding]) -> list[tuple[str, list[int], int]]:
    """Rows (kind, counts per :data:`SEVERITIES` order, total) for the kinds present."""
    severities = [s for s, _ in severity_counts(findings)]
    counts = Counter((f.kind, f.severity) for f in findings)
    rows = []
    for kind in ordered([f.kind for f in findings], KINDS):
        per = [counts[(kind, s)] for s in severities]
        rows.append((kind, per, sum(per)))
    return rows


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 document``, ``2 documents``, ``0 discrepancies`` (with ``many``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def rounded(x: float) -> float:
    """A confidence as written in every format: three decimals."""
    return round(float(x), 3)


class Documents:
    """Documents of a result by id; a claim whose document is missing still gets a name."""

    def __init__(self, result: Result) -> None:
        self.by_id: dict[str, Document] = {d.id: d for d in result.documents}

    def get(self, document_id: str) -> Document | None:
        return self.by_id.get(document_id)

    def name(self, document_id: str) -> str:
        doc = self.by_id.get(document_id)
        return doc.name if doc else document_id.rsplit("/", 1)[-1]

    def source(self, document_id: str) -> str:
        """The outlet, else the file name: what an editor calls the source."""
        doc = self.by_id.get(document_id)
        if doc and doc.outlet:
            return doc.outlet
        return self.name(document_id)


#: Kinds of finding whose cited value is the claim's time.
TIME_KINDS = ("date", "anachronism", "order")


def how(cited: Cited, kind: str) -> str:
    """How the cited value was resolved: the rule's words, else, when the finding of
    ``kind`` compares times, the time's own note."""
    if cited.how:
        return cited.how
    if kind in TIME_KINDS and cited.claim.time is not None:
        return cited.claim.time.note
    return ""


# ---------------------------------------------------------------------------------------
# Marking the disputed words inside a quote


@dataclass(frozen=True)
class Segment:
    """A piece of a quote; ``mark`` says whether it holds a disputed value."""

    text: str
    mark: bool = False


def _needles(claim: Claim, kind: str) -> list[str]:
    time = [claim.time.text] if claim.time else []
    numbers = [q.text for q in (claim.quantity, claim.count) if q is not None]
    attribution = [claim.attributed_to] if claim.attributed_to else []
    qualifiers = list(claim.qualifiers)
    # The value a rule compares comes first; qualifiers are marked too because they are
    # what most often reconciles two versions ("first retail" against "first").
    if kind in TIME_KINDS:
        primary = time
    elif kind in ("number", "first"):  # "first" is a qualifier; "the first two" a count
        primary = numbers
    elif kind == "attribution":
        primary = attribution
    else:
        primary = time + numbers + attribution
    return [n for n in primary + qualifiers if n and n.strip()]


def _pattern(needle: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in needle.split()]
    body = r"\s+".join(words)
    # Whole words only: "only" must not light up inside "commonly".
    if needle.strip()[0].isalnum():
        body = r"(?<!\w)" + body
    if needle.strip()[-1].isalnum():
        body = body + r"(?!\w)"
    return re.compile(body, re.IGNORECASE)


_SPACES = re.compile(r"\s+")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _occurrences(quote: str, lowered: str, needle: str) -> list[tuple[int, int]]:
    """What ``_pattern(needle).finditer(quote)`` finds (overlaps included), without
    compiling a pattern per needle: a report of thousands of quotes compiles thousands."""
    if len(lowered) != len(quote):  # a letter whose lower case is longer: let re decide
        return [(m.start(), m.end()) for m in _pattern(needle).finditer(quote)]
    words = [w.lower() for w in needle.split()]
    whole_start, whole_end = needle.strip()[0].isalnum(), needle.strip()[-1].isalnum()
    found = []
    at = lowered.find(words[0])
    while at >= 0:
        end = at + len(words[0])
        for word in words[1:]:
            gap = _SPACES.match(lowered, end)
            if gap is None or not lowered.startswith(word, gap.end()):
                end = -1
                break
            end = gap.end() + len(word)
        if (
            end > at
            and not (whole_start and at > 0 and _is_word(quote[at - 1]))
            and not (whole_end and end < len(quote) and _is_word(quote[end]))
        ):
            found.append((at, end))
        at = lowered.find(words[0], at + 1)
    return found


def mark_spans(quote: str, needles: list[str]) -> list[tuple[int, int]]:
    """Sorted character spans of every case-insensitive occurrence of a needle, merged where
    they overlap or only white space parts them."""
    lowered = quote.lower()
    spans = sorted(
        span
        for needle in needles
        if needle.strip()
        for span in _occurrences(quote, lowered, needle)
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        # Overlapping, touching or apart by spaces only: one mark ("first retail").
        if merged and (start <= merged[-1][1] or not quote[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def segments(quote: str, needles: list[str]) -> list[Segment]:
    """``quote`` split into segments, the needles' occurrences marked; joined, they give
    back the quote exactly."""
    out: list[Segment] = []
    at = 0
    for start, end in mark_spans(quote, needles):
        if start > at:
            out.append(Segment(quote[at:start]))
        out.append(Segment(quote[start:end], True))
        at = end
    if at < len(quote) or not out:
        out.append(Segment(quote[at:]))
    return out


def quote_segments(claim: Claim, kind: str) -> list[Segment]:
    """The claim's sentence with the values that the finding of ``kind`` disputes marked."""
    return segments(claim.sentence, _needles(claim, kind))


# ---------------------------------------------------------------------------------------
# Where a cited claim is in its file, and how a finding stands in the run


@dataclass(frozen=True)
class Where:
    """A cited sentence in its file: lines and columns (1-based, the end column exclusive)
    in the original file; ``found`` is False when the sentence could not be found there, and
    the position is then the file's first line."""

    path: str  # as given on the command line, forward slashes
    line: int
    column: int
    end_line: int
    end_column: int
    found: bool = True

    @property
    def label(self) -> str:
        """``path:line``, or the path alone when the sentence was not found in the file."""
        return f"{self.path}:{self.line}" if self.found else self.path


def where(claim: Claim, documents: Documents) -> Where:
    """Where ``claim``'s sentence is in its document's file (see consistency.reading.positions)."""
    doc = documents.get(claim.document)
    if doc is None:
        return Where(claim.document, 1, 1, 1, 1, found=False)
    path = display_path(doc.path)
    span = locate_span(doc, claim.span)
    if span is None:
        return Where(path, 1, 1, 1, 1, found=False)
    return Where(path, *span)


def display_path(path: str) -> str:
    """A document path as CI tools want it: relative to the working folder when it lies
    inside it, with forward slashes."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return p.as_posix()


def status(result: Result, finding: Finding) -> str:
    """``failing``, ``accepted`` or ``passing`` (below ``--fail-on``): see
    :func:`consistency.accepted.status`."""
    return accepted_status(finding, result.review)


def acceptance(result: Result, finding: Finding) -> Acceptance | None:
    """The accepted-list or baseline entry that accepts ``finding``, if any."""
    if result.review is None:
        return None
    return result.review.accepted.get(finding.fingerprint)


def accepted_words(entry: Acceptance) -> str:
    """'accepted: <reason> (until 2024-12-31)', or 'accepted: in the baseline'."""
    if entry.source == "baseline":
        return "accepted: in the baseline"
    until = f" (until {entry.until.isoformat()})" if entry.until else ""
    return f"accepted: {entry.reason}{until}"


def fail_on(result: Result) -> str:
    return result.review.fail_on if result.review is not None else "low"
