"""Finding time expressions in a sentence.

:func:`find_times` is a set lookup over the sentence's words (most sentences stop there)
and one compiled regular expression tried near the words that can make a date. It only
proposes spans that are dates in news English, and only spans that
:func:`~consistency.time.meaning.parse` reads. Expressions counted from the event told
before ("two years later") are found here too, and read by the resolver with ``after``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consistency.time.calendar import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    SEASONS,
    WEEKDAYS,
    number_words_up_to,
)
from consistency.time.meaning import parse
from consistency.time.patterns import FIND, FIND_NO_RANGES


@dataclass(frozen=True)
class TimeMention:
    """A time expression in a sentence: ``text == sentence[start:end]``."""

    start: int  # char offset in the text given to find_times
    end: int
    text: str


_TOKEN = re.compile(r"\w+")
_TRIGGER_CASED = frozenset(
    [m.capitalize() for m in list(MONTHS) + list(MONTH_ABBREVIATIONS) + WEEKDAYS]
    + [m.upper() for m in list(MONTHS) + list(MONTH_ABBREVIATIONS) + WEEKDAYS]
    + ["Q1", "Q2", "Q3", "Q4", "H1", "H2", "Christmas", "Halloween", "Valentine"]
)
_TRIGGER_LOWER = frozenset(
    list(SEASONS)
    + [u + s for u in ("day", "week", "month", "year", "decade", "hour", "minute") for s in "s"]
    + ["day", "week", "month", "year", "decade", "hour", "minute", "weekend", "quarter", "half"]
    + ["yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon", "evening"]
    + ["fiscal"]
)
_TRIGGER_DIGITS = re.compile(r"(?:1[89]|20)\d\d|[1-4]Q|\d0s|FY")
# How many words an expression can start before the word that gives it away
# ("the end of the year", "the day before yesterday", "in the summer").
_LEAD = 4


def _trigger(tok: str) -> bool:
    if tok in _TRIGGER_CASED or tok.lower() in _TRIGGER_LOWER:
        return True
    return _TRIGGER_DIGITS.match(tok) is not None


def find_times(text: str) -> list[TimeMention]:
    """All time expressions in a sentence, left to right, non-overlapping, longest match.

    Every expression holds a word that gives it away (a month or weekday name, a year, a
    unit like "week", "yesterday", ...). A set lookup over the words rules out most
    sentences at once; otherwise the compiled pattern is tried only at the few words
    before each such word. Each candidate is checked by the resolver's parser (cached), so
    every returned mention can be passed to :func:`resolve`; one that does not parse (an
    impossible date, "2020-12" read as a range) falls back to the longest form without a
    range at the same place, or is dropped.
    """
    words = _TOKEN.findall(text)
    if (
        _TRIGGER_CASED.isdisjoint(words)
        and _TRIGGER_LOWER.isdisjoint([w.lower() for w in words])
        and _TRIGGER_DIGITS.search(text) is None
    ):
        return []
    tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(text)]
    starts: set[int] = set()
    for i, (_, tok) in enumerate(tokens):
        if _trigger(tok):
            starts.update(tokens[k][0] for k in range(max(0, i - _LEAD), i + 1))
    out: list[TimeMention] = []
    pos = 0
    for at in sorted(starts):
        if at < pos:
            continue
        m = FIND.match(text, at)
        if m is None:
            continue
        span = _span_of(m)
        if parse(text[span[0] : span[1]]) is None:
            m = FIND_NO_RANGES.match(text, at)
            if m is None:
                continue
            span = _span_of(m)
            if parse(text[span[0] : span[1]]) is None:
                continue
        out.append(TimeMention(span[0], span[1], text[span[0] : span[1]]))
        pos = m.end()
    return _with_later(text, out)


# "three years down the line", "four months later", "a year on": a time counted from the
# event told before, not from the article's date. It resolves only with ``after``.
# Small counts only: "two years later", "a month on".
LATER_N = number_words_up_to(10, article=True)
LATER = re.compile(
    rf"\b(?P<n>{'|'.join(LATER_N)}|\d{{1,2}})\s+"
    r"(?P<unit>day|week|month|year)s?\s+"
    r"(?P<how>later|on|down the line|down the road|afterwards|after that|after)\b",
    re.IGNORECASE,
)


_SPAN_END = re.compile(r"\b(?:until|till|through|thru|to)\s+(?:the\s+end\s+of\s+)?$", re.I)


def ends_a_span(sentence: str, mention: TimeMention) -> bool:
    """Is this the end of a span ("a contract until June 2027", "to 2021"),
    not the time its event happened?"""
    return _SPAN_END.search(sentence[max(0, mention.start - 24) : mention.start]) is not None


def counts_from_before(text: str) -> bool:
    """Is this expression counted from an earlier event ("two years later")?"""
    return LATER.fullmatch(text) is not None


def _with_later(text: str, found: list[TimeMention]) -> list[TimeMention]:
    extra = [
        TimeMention(m.start(), m.end(), m.group())
        for m in LATER.finditer(text)
        if not any(t.start < m.end() and m.start() < t.end for t in found)
    ]
    return sorted(found + extra, key=lambda t: t.start) if extra else found


def _span_of(m: re.Match[str]) -> tuple[int, int]:
    if m.group("first") is not None:
        return m.span("first")
    return m.span("core")
