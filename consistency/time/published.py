"""Choosing a document's publication date from its candidates, and setting it.

A file may say its date several times: a sidecar entry, front matter or a header line, a
date field of its format (HTML meta, a JSON or feed field), a dateline near the top; and a
document may be dated by inference from the other articles (:mod:`consistency.time.dating`).
Each is a :class:`Candidate`; :func:`choose` takes the most trusted by :data:`RANKING` and,
among candidates of one source, the first found (the one nearest the top of the file).
Reading gathers the candidates in file order and calls :func:`choose` once; the order of its
calls decides nothing else. (One rule is not a rank: the date field of a JSON object or a
feed entry replaces the candidates its body text gave of itself, as the field is the
container's word on the article.) :func:`dated` gives the document the chosen candidate's
date, source, reasons and confidence, the one place a document's date is set;
:func:`candidate_of` gives a dated document's date back as a candidate, to weigh against
new ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from consistency.models import DateSource, Document

__all__ = [
    "RANKING",
    "SECOND_GUESSED",
    "TRUSTED",
    "Candidate",
    "DateSource",
    "candidate_of",
    "choose",
    "dated",
]


#: The sources, most trusted first: the one place the priority is written down.
RANKING: tuple[DateSource, ...] = (
    DateSource.SIDECAR,
    DateSource.HEADER,
    DateSource.META,
    DateSource.DATELINE,
    DateSource.INFERRED,
    DateSource.NONE,
)
#: The sources a page gives of itself, trusted to anchor other articles' dates (inference
#: never rests on an inferred date).
TRUSTED: tuple[str, ...] = tuple(
    s.value for s in (DateSource.SIDECAR, DateSource.HEADER, DateSource.META, DateSource.DATELINE)
)
#: Of those, the page dates a check may second-guess (a capture date taken for the
#: article's own): the page markup and a dateline, not what an editor wrote down.
SECOND_GUESSED: tuple[str, ...] = (DateSource.META.value, DateSource.DATELINE.value)
_RANK = {source: k for k, source in enumerate(RANKING)}


@dataclass(frozen=True)
class Candidate:
    """One publication date of a document: where it was found (or that it was inferred),
    what it was read from, and how sure it is."""

    date: date
    source: DateSource
    #: What it was read from or why it was inferred, for the report: ('dateline "..."',).
    reason: tuple[str, ...]
    confidence: float = 1.0  # the document's confidence when it is chosen (inferred < 1)


def choose(candidates: Iterable[Candidate]) -> Candidate | None:
    """The most trusted candidate by :data:`RANKING`; among equals the first; None for none."""
    best: Candidate | None = None
    for candidate in candidates:
        if best is None or _RANK[candidate.source] < _RANK[best.source]:
            best = candidate
    return best


def dated(doc: Document, chosen: Candidate | None) -> Document:
    """The document with the chosen candidate's date, source, reasons and confidence; with
    None, without a date (its confidence as it was: there is no date to doubt)."""
    if chosen is None:
        return replace(doc, published=None, published_from=DateSource.NONE.value, published_why=())
    return replace(
        doc,
        published=chosen.date,
        published_from=chosen.source.value,
        published_why=chosen.reason,
        confidence=chosen.confidence,
    )


def candidate_of(doc: Document) -> Candidate | None:
    """The document's date as a candidate (None when it has none): ``dated(doc,
    candidate_of(doc))`` equals ``doc``."""
    if doc.published is None:
        return None
    return Candidate(
        doc.published, DateSource(doc.published_from), doc.published_why, doc.confidence
    )
