"""The choice of a publication date among the candidates a reading found
(``consistency.time.published``)."""

from __future__ import annotations

from datetime import date

from consistency.models import DATE_SOURCES
from consistency.time.published import RANKING, Candidate, DateSource, choose


def test_the_ranking_holds_every_source_most_trusted_first() -> None:
    assert tuple(s.value for s in RANKING) == DATE_SOURCES
    assert set(RANKING) == set(DateSource)


def test_the_most_trusted_source_wins_whatever_the_order() -> None:
    dateline = Candidate(date(2031, 5, 1), DateSource.DATELINE, ('dateline "May 1, 2031"',))
    meta = Candidate(date(2031, 5, 2), DateSource.META, ("page markup (htmldate)",))
    header = Candidate(date(2031, 5, 3), DateSource.HEADER, ('header "Date: 2031-05-03"',))
    assert choose([dateline, meta, header]) == header
    assert choose([header, dateline, meta]) == header
    assert choose([dateline, meta]) == meta


def test_among_equals_the_first_found_wins() -> None:
    first = Candidate(date(2031, 5, 1), DateSource.HEADER, ('header "Date: 2031-05-01"',))
    second = Candidate(date(2031, 5, 9), DateSource.HEADER, ('header "Updated: 2031-05-09"',))
    assert choose([first, second]) == first
    assert choose([second, first]) == second


def test_no_candidate_no_date() -> None:
    assert choose([]) is None


def test_the_note_is_the_reason() -> None:
    c = Candidate(date(2031, 5, 1), DateSource("sidecar"), ('sidecar sources.yaml "2031-05-01"',))
    assert c.source is DateSource.SIDECAR and c.source == "sidecar"
    assert c.note == 'sidecar sources.yaml "2031-05-01"'
