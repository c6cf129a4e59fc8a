"""Choosing a document's publication date from the candidates its reading found.

A file may say its date several times: a sidecar entry, front matter or a header line, a
date field of its format (HTML meta, a JSON or feed field), a dateline near the top. Each
is a :class:`Candidate`; :func:`choose` takes the most trusted by :data:`RANKING` and, among
candidates of one source, the first found (the one nearest the top of the file). Reading
gathers the candidates in file order and calls :func:`choose` once; the order of its calls
decides nothing else. (One rule is not a rank: the date field of a JSON object or a feed
entry replaces the candidates its body text gave of itself, as the field is the container's
word on the article.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from consistency.models import DateSource

__all__ = ["RANKING", "SECOND_GUESSED", "TRUSTED", "Candidate", "DateSource", "choose"]


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
    """One publication date a document's reading found, where, and what it was read from."""

    date: date
    source: DateSource
    reason: tuple[str, ...]  # what it was read from, for the report: ('dateline "..."',)


def choose(candidates: Iterable[Candidate]) -> Candidate | None:
    """The most trusted candidate by :data:`RANKING`; among equals the first; None for none."""
    best: Candidate | None = None
    for candidate in candidates:
        if best is None or _RANK[candidate.source] < _RANK[best.source]:
            best = candidate
    return best
