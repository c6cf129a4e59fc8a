"""Time expressions in English news sentences, found and resolved to intervals.

Two steps, kept apart so the claim extractor can run the cheap one on every sentence:

* :func:`find_times` is a set lookup over the sentence's words (most sentences stop
  there) and one compiled regular expression tried near the words that can make a date.
  It only proposes spans that are dates in news English: a month name needs a day, a year
  or a preposition before it ("in May", not "Prices may fall", not "the March for
  Science"); a four-digit number needs to look like a year ("$2021", "2,500 firms" and
  "2021 people" are not).
* :func:`resolve` turns one such span into a :class:`~consistency.models.TimeValue`: a
  half-open interval ``[start, end)`` with a granularity, never more precise than the
  words ("November" is the whole month). Relative expressions are read from the document's
  publication date (the *anchor*) and the sentence's tense; a bare month or weekday that
  follows a dated event is read from that event (``after``).

Choices the spec leaves open, made here and tested in ``tests/test_temporal.py``:

* Vague expressions are skipped, not returned: "in the coming months", "recently",
  "one day", "a few days ago", "in recent years". They can never conflict with anything.
* The mention excludes a plain preposition ("in December" -> "December") but keeps words
  that change the meaning: "last", "early", "the past two years", "in 3 days", "between
  March and May", "just yesterday".
* "last Tuesday" is strictly before the anchor (a bare past-tense "Tuesday" may be the
  anchor day itself); "next Tuesday" is strictly after it; a future-tense "Tuesday" may be
  the anchor day; a present-tense one is the nearest Tuesday. Weeks run Monday to Sunday.
* A present-tense season is the one under way, else the one of the anchor's year.
* Quarters and halves without a year in a future-tense sentence: the first one that has
  not ended at the anchor (the spec only fixes the past tense).
* "in 3 weeks" in a past-tense sentence is a duration ("built in 3 weeks"): unresolved.
* early/mid/late: a year is read as Jan-Apr / Apr-Sep / Sep-Dec, a month as days
  1-10 / 10-20 / 20-end, a decade as years 0-3 / 3-7 / 6-9 (overlapping on purpose, so a
  boundary date never looks like a conflict). Granularity "range".
* Seasons are northern-hemisphere meteorological seasons; "winter 2021" is the winter
  that ends in 2021 (Dec 2020 - Feb 2021), "the winter of 2021-22" the one after.
* A numeric date like "03/04/2023" is read month first (US newsroom style) unless the
  first number cannot be a month.
* Fiscal years ("fiscal 2023", "FY23") are found but left unresolved: the calendar of the
  fiscal year is not known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from consistency.models import TimeValue
from consistency.time.calendar import (
    HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    SEASONS,
    WEEKDAYS,
    date_parser,
    month_number,
    number_words_up_to,
)

__all__ = ["TimeMention", "find_times", "resolve", "parse_date_string"]


@dataclass(frozen=True)
class TimeMention:
    """A time expression in a sentence: ``text == sentence[start:end]``."""

    start: int  # char offset in the text given to find_times
    end: int
    text: str


# --------------------------------------------------------------------------- vocabulary

# Counts of units in time expressions ("a week ago", "the past fifty years"): the words up
# to twenty and the tens up to fifty; larger counts of days or years are written in digits.
_NUMBERS = number_words_up_to(20, tens_up_to=50, article=True)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "final": 4}  # fmt: skip


def _cases(words: list[str]) -> str:
    """Title and upper case only: lower-case "may", "march", "fall" are not months."""
    return "|".join([w.capitalize() for w in words] + [w.upper() for w in words])


# ----------------------------------------------------------------------- pattern pieces
# Group names in the pieces are read by the resolver; the finder strips them (one big
# alternation cannot repeat a name) and keeps only its own three groups.

_MONF = rf"(?:{_cases(list(MONTHS))})\b"
_MONA = rf"(?:{_cases(list(MONTH_ABBREVIATIONS))})(?:\.|\b)"
_MON = rf"(?:{_MONF}|{_MONA})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?!%|[,.:]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\w%]|[,.]\d)"
_YY = r"\d\d(?![\w%]|[,.]\d)"
_WD = rf"(?:{_cases(WEEKDAYS)})\b"
_NUM = r"(?:\d{1,3}(?![\d,.])|(?i:" + "|".join(_NUMBERS) + r")\b)"
_UNIT = r"(?i:days?|weeks?|months?|years?|decades?|hours?|minutes?)\b"
_REL = r"(?i:this\s+past|this\s+coming|last|next|this)"
_SEASON = r"(?<!Arab\s)(?<!Prague\s)(?i:spring|summer|autumn|fall|winter)\b"
_ORDQ = r"(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)"
_PART = r"(?i:early|mid|late)"
_PREP = (
    r"(?i:in|on|at|since|until|till|by|from|through|throughout|during|before|after|of|every|"
    r"over|into)"
)
_COUNT_NOUNS = (
    r"people|persons|residents|workers|employees|staff|jobs|firms|companies|businesses|"
    r"miners|units|homes|houses|cars|vehicles|votes|voters|cases|deaths|troops|soldiers|"
    r"students|members|users|customers|patients|children|families|households|refugees|"
    r"migrants|protesters|arrests|incidents|attacks|posts|accounts|applications|licen[cs]es|"
    r"permits|exchanges|banks|projects|schools|hospitals|sites|stores|flights|passengers|"
    r"tickets|signatures|visitors|participants|delegates|attendees|conferences|events|"
    r"km|kg|kilometres|kilometers|miles|meters|metres|feet|tonnes|tons|barrels|shares|"
    r"points|dollars|euros|pounds|yuan|yen|times|hours|minutes|seconds|days|weeks|months|"
    r"years|acres|hectares|machines|devices|servers|computers|rigs|coins|tokens|"
    r"transactions|ballots|seats|beds|lives|words|pages|copies|more|fewer|others|percent"
)


def _part_date(k: str, bare_day: bool = False) -> str:
    """One end of a range: month day year, day month year, month year, month, or year.

    Group names are ``<field><k>x<j>``: a name cannot repeat inside one pattern, even in
    different alternatives, so each alternative j gets its own.
    """

    def alt(j: int, form: str) -> str:
        pieces = {"m": _MON, "d": _DAY, "y": _YEAR, "dd": _DAY, "yy": _YY}
        return re.sub(r"<(\w+)>", lambda m: f"(?P<{m[1]}{k}x{j}>{pieces[m[1]]})", form)

    alts = [
        alt(0, r"<m>\s+<d>(?:,?\s+<y>)?"),
        alt(1, r"<d>\s+(?:of\s+)?<m>(?:,?\s+<y>)?"),
        alt(2, r"<m>(?:,?\s+(?:of\s+)?<y>)?"),
        alt(3, r"<y>"),
    ]
    if bare_day:
        alts.append(alt(4, r"<dd>(?:,?\s+<y>)?"))
        alts.append(alt(5, r"<yy>"))
    return "(?:" + "|".join(alts) + ")"


_DASH = r"\s*[-–—]\s*"

# (key, pattern, where): where is "first" (tried before a leading preposition is taken as
# context, because the preposition belongs to the expression), "core", or "prep" (a bare
# month/season/weekend: only a date after a preposition). Order is priority at one start
# position, so longer forms come first.
_ALTS: list[tuple[str, str, str]] = [
    ("range", rf"(?i:between)\s+{_part_date('1')}\s+(?i:and)\s+{_part_date('2', True)}", "first"),
    (
        "range",
        rf"(?i:from)\s+{_part_date('1')}\s+(?i:to|through|thru|until|till|into)\s+"
        rf"{_part_date('2', True)}",
        "first",
    ),
    (
        "in",
        rf"(?i:in)\s+(?P<n>{_NUM})\s+(?P<u>{_UNIT})(?:['’]s?\s+time|\s+time)?",
        "first",
    ),
    ("iso", r"(?P<y>\d{4})[-/](?P<mo>\d{1,2})[-/](?P<d>\d{1,2})(?![\d/-])", "core"),
    (
        "numeric",  # one separator throughout: 09-23-2024 or 9/23/2024
        r"(?P<a>\d{1,2})(?:-(?P<b>\d{1,2})-|/(?P<b2>\d{1,2})/)(?P<y>\d{4})(?![\d/-])",
        "core",
    ),
    (
        "range",
        rf"(?P<d1x0>{_DAY}){_DASH}(?P<d2x0>{_DAY})\s+(?:of\s+)?(?P<m2x0>{_MON})"
        rf"(?:,?\s+(?P<y2x0>{_YEAR}))?",
        "core",
    ),
    (
        "range",
        rf"{_part_date('1')}(?:{_DASH}|\s+(?i:through|thru)\s+){_part_date('2', True)}",
        "core",
    ),
    (
        "of_year",
        rf"(?P<m>{_MONF})(?:\s+(?P<d>{_DAY}))?,?\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+"
        r"(?i:year)\b",
        "core",
    ),
    (
        "date",
        rf"{_WD},?\s+(?:(?P<m>{_MON})\s+(?P<d>{_DAY})|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MON}))"
        rf"(?:,?\s+(?P<y>{_YEAR}))?",
        "core",
    ),
    ("date", rf"(?P<m>{_MON})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?", "core"),
    (
        "date",
        rf"(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?",
        "core",
    ),
    ("date", rf"(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})", "core"),
    (
        "quarter",
        rf"(?:(?i:the)\s+)?(?P<q>{_ORDQ})\s+(?i:quarter)\b(?:\s+of\s+(?P<y>{_YEAR})|,?\s+"
        rf"(?P<y2>{_YEAR})|\s+of\s+(?P<rel>(?i:last|this|next))\s+year\b|\s+of\s+the\s+"
        rf"(?:current\s+)?year\b)?",
        "core",
    ),
    (
        "quarter",
        rf"Q(?P<q>[1-4])(?:\s+(?:of\s+)?(?P<y>{_YEAR})|\s*['’](?P<yy>\d\d)\b|\s+of\s+"
        rf"(?P<rel>(?i:last|this|next))\s+year)?\b",
        "core",
    ),
    ("quarter", rf"(?P<y>{_YEAR})\s+Q(?P<q>[1-4])\b", "core"),
    ("quarter", rf"(?P<q>[1-4])Q\s*(?:(?P<y>{_YEAR})|['’]?(?P<yy>\d\d)\b)", "core"),
    (
        "half",
        rf"(?:(?i:the)\s+)?(?P<h>(?i:first|second|1st|2nd))\s+(?i:half)\s+of\s+(?:(?P<y>{_YEAR})"
        rf"|(?P<rel>(?i:last|this|next))\s+year\b|the\s+(?:current\s+)?year\b)",
        "core",
    ),
    ("half", rf"H(?P<h>[12])\s+(?:of\s+)?(?P<y>{_YEAR})", "core"),
    ("half", rf"(?P<y>{_YEAR})\s+H(?P<h>[12])\b", "core"),
    (
        "season",
        rf"(?:(?i:the)\s+)?(?P<s>{_SEASON})\s+(?:of\s+)?(?P<y>{_YEAR})(?:(?:{_DASH}|/)"
        rf"(?:(?P<y2>{_YEAR})|(?P<yy>{_YY})))?",
        "core",
    ),
    (
        "of_year",
        rf"(?:(?i:the)\s+)?(?P<s>{_SEASON})\s+of\s+(?P<rel>(?i:last|this|next))\s+year\b",
        "core",
    ),
    ("decade", r"(?:(?i:the)\s+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b", "core"),
    ("decade", r"(?i:the)\s+['’‘](?P<dd>\d0)s\b", "core"),
    (
        "part",
        rf"(?:(?i:the)\s+)?(?P<part>{_PART})(?:\s*-\s*|\s+)(?:"
        rf"(?P<dec>(?:1[89]|20)\d0)['’]?s\b"
        rf"|(?P<m>{_MONF})(?:,?\s+(?:of\s+)?(?P<my>{_YEAR}))?"
        rf"|(?P<y>{_YEAR})"
        rf"|(?P<rel>(?i:last|this|next))\s+(?P<u>(?i:year|month|week|decade))\b"
        rf"|(?:(?i:the)\s+)?(?P<s>{_SEASON})(?:\s+(?:of\s+)?(?P<sy>{_YEAR}))?)",
        "core",
    ),
    (
        "earlier",
        r"(?P<dir>(?i:earlier|later))\s+(?:(?i:this)|(?i:in\s+the))\s+"
        r"(?P<u>(?i:year|month|week))\b|(?P<dir2>(?i:earlier|later))\s+(?i:today)\b",
        "core",
    ),
    (
        "day",
        r"(?<!USA\s)(?i:(?:(?:just|only)\s+)?yesterday|the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow|today|tonight|tomorrow|last\s+night|"
        r"this\s+(?:morning|afternoon|evening))\b",
        "core",
    ),
    ("ago", rf"(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+(?i:ago)\b", "core"),
    (
        "span",
        rf"(?i:the)\s+(?P<dir>(?i:past|last|next|coming))\s+(?P<n>{_NUM})\s+(?P<u>{_UNIT})"
        r"(?!\s+of\b)",
        "core",
    ),
    (
        "span",
        r"(?i:the)\s+(?P<dir>(?i:past|last))\s+(?P<u>(?i:day|week|month|year|decade))\b"
        r"(?!\s+of\b)",
        "core",
    ),
    (
        "unit",
        r"(?<![Tt]he\s)(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|the\s+current))\s+"
        r"(?P<u>(?i:weekend|week|month|year|quarter|decade))\b(?!\s+of\b)",
        "core",
    ),
    ("month", rf"(?P<rel>{_REL})\s+(?P<m>{_MONF})", "core"),
    ("weekday", rf"(?P<rel>{_REL})\s+(?P<wd>{_WD})", "core"),
    ("season", rf"(?P<rel>{_REL})\s+(?P<s>{_SEASON})", "core"),
    (
        "unitof",
        r"(?i:the)\s+(?P<pos>(?i:end|start|beginning|middle|rest|remainder))\s+of\s+"
        r"(?i:the)\s+(?P<u>(?i:year|month|week))\b",
        "core",
    ),
    (
        "holiday",
        rf"(?P<hol>Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|"
        rf"Halloween)\b(?:,?\s+(?P<y>{_YEAR}))?",
        "core",
    ),
    (
        "fiscal",
        rf"(?:(?i:fiscal)(?:\s+(?i:year))?\s+|FY\s?['’]?)(?:(?P<y>{_YEAR})|(?P<yy>{_YY}))"
        rf"|(?i:fiscal)\s+(?P<q>{_ORDQ})\s+(?i:quarter)\b(?:,?\s+(?:of\s+)?(?:{_YEAR}|{_YY}))?",
        "first",
    ),
    (
        "weekday",
        r"(?<!Black\s)(?<!Good\s)(?<!Cyber\s)(?<!Super\s)(?<!Giving\s)(?<!Easter\s)"
        r"(?<!Ash\s)(?<!Palm\s)(?<!Bloody\s)(?<!Maundy\s)(?<!Holy\s)(?<!Mail\son\s)"
        rf"(?P<wd>{_WD})(?!\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Star|Independent)\b)",
        "core",
    ),
    (
        "year",
        r"(?<![\w$€£¥.,/:#@])(?<!\d[-–])(?<![Aa]bout\s)(?<![Nn]early\s)(?<![Ss]ome\s)"
        r"(?<![Aa]lmost\s)(?<!than\s)(?<![Ll]east\s)(?<![Rr]oughly\s)(?<![Aa]pproximately\s)"
        rf"(?P<y>{_YEAR})(?!\s+(?:{_COUNT_NOUNS})\b)",
        "core",
    ),
    ("month", rf"(?<!.)(?P<m>{_MONF})(?=,)", "core"),
    ("month", rf"(?P<m>{_MONF})(?!\s+for\s+[A-Z])", "prep"),
    (
        "season",
        r"(?:(?i:the)\s+)?(?P<s>(?i:spring|summer|autumn|winter)\b)"
        r"(?!\s+(?:of|in)\b|[-'’]\w|\s+(?i:camp|school|olympics|games|house|palace|solstice)\b)"
        r"|(?i:the)\s+(?P<s2>(?i:fall))\b(?!\s+(?:of|in)\b)",
        "prep",
    ),
    ("weekend", r"(?i:the)\s+(?i:weekend)\b", "prep"),
]


def _strip_names(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _finder(with_ranges: bool) -> re.Pattern[str]:
    first: list[str] = []
    core: list[str] = []
    prep: list[str] = []
    for key, pat, where in _ALTS:
        if key == "range" and not with_ranges:
            continue
        pat = _strip_names(pat)
        {"first": first, "core": core, "prep": prep}[where].append(pat)
    core.append("(?(prep)(?:" + "|".join(prep) + ")|(?!))")
    return re.compile(
        r"\b(?:(?P<first>"
        + "|".join(first)
        + r")|(?:(?P<prep>"
        + _PREP
        + r")\s+)?(?P<core>"
        + "|".join(core)
        + "))"
    )


def _resolver() -> re.Pattern[str]:
    alts = []
    for i, (_key, pat, _where) in enumerate(_ALTS):
        # Prefix every group with its alternative's number; the outer group A<i> closes
        # last, so a match's lastgroup says which alternative matched.
        pat = re.sub(r"\(\?P<(\w+)>", rf"(?P<a{i}_\1>", pat)
        alts.append(f"(?P<A{i}>{pat})")
    return re.compile(r"\s*(?:" + _PREP + r"\s+)?(?:" + "|".join(alts) + r")[\s.,;:]*")


_FIND = _finder(with_ranges=True)
_FIND_NO_RANGES = _finder(with_ranges=False)
_PARSE = _resolver()


# ------------------------------------------------------------------------ date helpers


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _month(y: int, m: int) -> tuple[date, date]:
    ny, nm = _add_months(y, m, 1)
    return date(y, m, 1), date(ny, nm, 1)


def _shift_months(d: date, k: int) -> date:
    """The same day k months away, clamped to the month's length (Feb 29 -> Feb 28)."""
    y, m = _add_months(d.year, d.month, k)
    last = (_month(y, m)[1] - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def _week(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=7)


def _quarter(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), _month(y, 3 * q)[1]


def _half(y: int, h: int) -> tuple[date, date]:
    return date(y, 6 * h - 5, 1), _month(y, 6 * h)[1]


def _season(name: str, y: int) -> tuple[date, date]:
    """The season of that name that starts in year y."""
    m = SEASONS[name]
    return date(y, m, 1), _month(*_add_months(y, m, 2))[1]


def _year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y + 1, 1, 1)


def _day(d: date) -> tuple[date, date]:
    return d, d + timedelta(days=1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBERS[w]


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))  # "16th" -> 16


def _narrow(start: date, end: date, gran: str, part: str) -> tuple[date, date]:
    """early/mid/late of an interval, overlapping at the edges (see the module docstring)."""
    if gran == "year":
        y = start.year
        first, stop = {"early": (1, 5), "mid": (4, 10), "late": (9, 13)}[part]
        return date(y, first, 1), (date(y + 1, 1, 1) if stop == 13 else date(y, stop, 1))
    if gran == "month":
        cut = {"early": (1, 11), "mid": (10, 21), "late": (20, None)}[part]
        return start.replace(day=cut[0]), (end if cut[1] is None else start.replace(day=cut[1]))
    if gran == "decade":
        y = start.year
        lo, hi = {"early": (0, 4), "mid": (3, 8), "late": (6, 10)}[part]
        return date(y + lo, 1, 1), date(y + hi, 1, 1)
    if gran == "season":  # three months: early the first two, mid the middle, late the last two
        second = date(*_add_months(start.year, start.month, 1), 1)
        third = date(*_add_months(start.year, start.month, 2), 1)
        return {"early": (start, third), "mid": (second, third), "late": (second, end)}[part]
    return start, end


# ------------------------------------------------------------------ parsed expressions


@dataclass(frozen=True)
class _Spec:
    """What an expression means, before an anchor is applied.

    kind: "abs" (start/end known), "rec" (a recurring period: a month, a day of the year, a
    season, a weekday, a quarter, a half, a weekend; picked by rel/tense/after), "rel" (a
    function of the anchor), "rrange" (a range of two recurring ends), "unres" (found,
    but never resolvable).
    """

    kind: str
    gran: str
    start: date | None = None
    end: date | None = None
    unit: str = ""
    key: tuple[Any, ...] = ()
    rel: str | None = None
    part: str | None = None
    label: str = ""
    how: str = ""
    fn: Callable[[date, str], tuple[date, date, str] | None] | None = field(
        default=None, compare=False
    )


def _abs(start: date, end: date, gran: str, part: str | None = None) -> _Spec:
    if part:
        start, end = _narrow(start, end, gran, part)
        gran = "range"
    return _Spec("abs", gran, start, end, part=part)


def _field(g: dict[str, str], name: str) -> str | None:
    return next((v for key, v in g.items() if key.startswith(name)), None)


def _partial(g: dict[str, str], k: str = "") -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a date or of one end of a range; None where not written."""
    if k:
        y, m = _field(g, f"y{k}x"), _field(g, f"m{k}x")
        d = _field(g, f"d{k}x") or _field(g, f"dd{k}x")
    else:
        y, m, d = g.get("y"), g.get("m") or g.get("m2"), g.get("d") or g.get("d2")
    return (
        int(y) if y else None,
        month_number(m) if m else None,
        _day_number(d) if d else None,
    )


def _partial_interval(p: tuple[int | None, int | None, int | None]) -> tuple[date, date] | None:
    y, m, d = p
    assert y is not None
    if m is None:
        return _year(y)
    if d is None:
        return _month(y, m)
    day = _safe_date(y, m, d)
    return _day(day) if day else None


def _h_date(g: dict[str, str], text: str) -> _Spec | None:
    y, m, d = _partial(g)
    assert m is not None
    if d is not None and d > 31:
        return None
    if y is None:
        if d is None:
            return _Spec("rec", "month", unit="month", key=(m,), label=MONTH_NAMES[m - 1])
        if _safe_date(2024, m, d) is None:
            return None
        return _Spec("rec", "day", unit="day", key=(m, d), label=f"{MONTH_NAMES[m - 1]} {d}")
    iv = _partial_interval((y, m, d))
    if iv is None:
        return None
    return _abs(*iv, "day" if d else "month")


def _h_iso(g: dict[str, str], text: str) -> _Spec | None:
    day = _safe_date(int(g["y"]), int(g["mo"]), int(g["d"]))
    return _abs(*_day(day), "day") if day and 1800 <= day.year < 2100 else None


def _h_numeric(g: dict[str, str], text: str) -> _Spec | None:
    a, b, y = int(g["a"]), int(g.get("b") or g["b2"]), int(g["y"])
    day = _safe_date(y, a, b) or _safe_date(y, b, a)
    return _abs(*_day(day), "day") if day and 1800 <= y < 2100 else None


def _h_range(g: dict[str, str], text: str) -> _Spec | None:
    p1, p2 = _partial(g, "1"), _partial(g, "2")
    (y1, m1, d1), (y2, m2, d2) = p1, p2
    yy = _field(g, "yy2x") or (_field(g, "dd2x") if m1 is None else None)
    if yy:  # "2019-21", "1990-95": the second year written with two digits
        if y1 is None or m1 is not None or not yy.isdigit():
            return None
        y2, d2 = y1 // 100 * 100 + int(yy), None
    if m1 is None and d1 is not None:  # "5-7 March": the first end borrows the month
        m1 = m2
    if m2 is None and d2 is not None:  # "March 5-7": the second end borrows it
        m2 = m1
    if (m1 is None and y1 is None) or (m2 is None and y2 is None):
        return None
    if (m1 is None) != (m2 is None) and (y1 is None or y2 is None):
        return None
    if y1 is None and y2 is None:
        return _Spec("rrange", "range", key=((m1, d1), (m2, d2)))
    if y1 is None:
        assert y2 is not None and m1 is not None and m2 is not None
        y1 = y2 if (m1, d1 or 1) <= (m2, d2 or 31) else y2 - 1
    elif y2 is None:
        assert m1 is not None and m2 is not None
        y2 = y1 if (m2, d2 or 31) >= (m1, d1 or 1) else y1 + 1
    a, b = _partial_interval((y1, m1, d1)), _partial_interval((y2, m2, d2))
    if a is None or b is None or not (a[0] < b[0] and a[1] <= b[1]):
        return None
    return _abs(a[0], b[1], "range")


def _two_digit_year(yy: str) -> int:
    return 2000 + int(yy)


def _h_quarter(g: dict[str, str], text: str) -> _Spec | None:
    q = int(g["q"]) if g["q"].isdigit() else _ORDINALS[g["q"].lower()]
    y = g.get("y") or g.get("y2")
    if y or g.get("yy"):
        return _abs(*_quarter(int(y) if y else _two_digit_year(g["yy"]), q), "quarter")
    if g.get("rel") or re.search(r"(?i)\bof\s+the\b", text):
        return _Spec("rel", "quarter", unit="quarter", key=(q,), rel=(g.get("rel") or "this"),
                     fn=_of_year("quarter", q, (g.get("rel") or "this").lower()))  # fmt: skip
    return _Spec("rec", "quarter", unit="quarter", key=(q,), label=f"Q{q}")


def _h_half(g: dict[str, str], text: str) -> _Spec | None:
    h = int(g["h"]) if g["h"].isdigit() else _ORDINALS[g["h"].lower()]
    if g.get("y"):
        return _abs(*_half(int(g["y"]), h), "half")
    rel = (g.get("rel") or "this").lower()
    return _Spec("rel", "half", fn=_of_year("half", h, rel))


def _season_key(g: dict[str, str], name: str = "s") -> str:
    s = (g.get(name) or g.get("s2") or "").lower()
    return "autumn" if s == "fall" else s


def _h_season(g: dict[str, str], text: str) -> _Spec | None:
    s = _season_key(g)
    if g.get("y"):
        y = int(g["y"])
        second = int(g["y2"]) if g.get("y2") else (y // 100 * 100 + int(g["yy"]) if g.get("yy")
                                                   else None)  # fmt: skip
        if second is not None:  # "the winter of 2021-22"
            if second != y + 1:
                return None
            if s == "winter":
                return _abs(*_season(s, y), "season")
            return _abs(_season(s, y)[0], _season(s, second)[1], "range")
        return _abs(*_season(s, y - 1 if s == "winter" else y), "season")
    rel = g.get("rel")
    return _Spec("rec", "season", unit="season", key=(s,), label=s,
                 rel=_norm_rel(rel) if rel else None)  # fmt: skip


def _norm_rel(rel: str) -> str:
    r = " ".join(rel.lower().split())
    return {"this past": "last", "this coming": "next"}.get(r, r)


def _h_of_year(g: dict[str, str], text: str) -> _Spec | None:
    rel = g["rel"].lower()
    if g.get("d"):
        key = (month_number(g["m"]), _day_number(g["d"]))
        if _safe_date(2024, *key) is None:
            return None
        return _Spec("rel", "day", fn=_of_year("day", key, rel))
    if g.get("m"):
        return _Spec("rel", "month", fn=_of_year("month", month_number(g["m"]), rel))
    return _Spec("rel", "season", fn=_of_year("season", _season_key(g), rel))


def _of_year(unit: str, key: Any, rel: str) -> Callable[[date, str], tuple[date, date, str] | None]:
    """A period of the anchor's year, the year before or after: "March of last year"."""
    shift = {"last": -1, "this": 0, "next": 1}[rel]

    def fn(anchor: date, tense: str) -> tuple[date, date, str] | None:
        y = anchor.year + shift
        if unit == "month":
            s, e = _month(y, key)
        elif unit == "day":
            day = _safe_date(y, *key)
            if day is None:
                return None
            s, e = _day(day)
        elif unit == "quarter":
            s, e = _quarter(y, key)
        elif unit == "half":
            s, e = _half(y, key)
        else:
            s, e = _season(key, y - 1 if key == "winter" else y)
        which = {"last": "the year before", "this": "the anchor's year", "next": "the year after"}
        return s, e, f"in {which[rel]}"

    return fn


def _h_decade(g: dict[str, str], text: str) -> _Spec | None:
    if g.get("dd"):
        dd = int(g["dd"])
        if dd == 20:  # the 1920s or the 2020s: not guessed
            return None
        y = 2000 + dd if dd < 20 else 1900 + dd
        return _abs(date(y, 1, 1), date(y + 10, 1, 1), "decade")
    y = int(g["dec"])
    if y % 100 == 0 and y < 2000:  # "the 1900s" is a century in news English
        return _abs(date(y, 1, 1), date(y + 100, 1, 1), "range")
    return _abs(date(y, 1, 1), date(y + 10, 1, 1), "decade")


def _h_part(g: dict[str, str], text: str) -> _Spec | None:
    part = g["part"].lower()
    if g.get("dec"):
        y = int(g["dec"])
        return _abs(date(y, 1, 1), date(y + 10, 1, 1), "decade", part)
    if g.get("m"):
        m = month_number(g["m"])
        if g.get("my"):
            return _abs(*_month(int(g["my"]), m), "month", part)
        return _Spec("rec", "range", unit="month", key=(m,), part=part,
                     label=MONTH_NAMES[m - 1])  # fmt: skip
    if g.get("y"):
        return _abs(*_year(int(g["y"])), "year", part)
    if g.get("u"):
        return _Spec("rel", "range", unit=_unit(g["u"]), part=part,
                     fn=_rel_unit(g["rel"], g["u"]))  # fmt: skip
    s = _season_key(g)
    if g.get("sy"):
        y = int(g["sy"])
        return _abs(*_season(s, y - 1 if s == "winter" else y), "season", part)
    return _Spec("rec", "range", unit="season", key=(s,), part=part, label=s)


def _rel_unit(rel_word: str, unit_word: str) -> Callable[[date, str], tuple[date, date, str]]:
    """this/last/next week, month, quarter, year, decade, weekend."""
    rel = _norm_rel(rel_word)
    rel = "this" if rel == "the current" else rel
    unit = _unit(unit_word.lower())
    k = {"last": -1, "this": 0, "next": 1}[rel]
    words = {-1: f"the {unit} before", 0: f"the anchor's {unit}", 1: f"the {unit} after"}

    def fn(anchor: date, tense: str) -> tuple[date, date, str]:
        if unit in ("week", "weekend"):
            s, e = _week(anchor + timedelta(days=7 * k))
            if unit == "weekend":
                s = s + timedelta(days=5)
            return s, e, words[k]
        if unit == "month":
            s, e = _month(*_add_months(anchor.year, anchor.month, k))
        elif unit == "quarter":
            q = (anchor.month - 1) // 3 + 1
            y, m = _add_months(anchor.year, 3 * q - 2, 3 * k)
            s, e = _quarter(y, (m - 1) // 3 + 1)
        elif unit == "year":
            s, e = _year(anchor.year + k)
        else:
            y = anchor.year // 10 * 10 + 10 * k
            s, e = date(y, 1, 1), date(y + 10, 1, 1)
        return s, e, words[k]

    return fn


_UNIT_GRAN = {"week": "week", "weekend": "range", "month": "month", "quarter": "quarter",
              "year": "year", "decade": "decade"}  # fmt: skip


def _h_unit(g: dict[str, str], text: str) -> _Spec | None:
    rel = _norm_rel(g["rel"])
    unit = _unit(g["u"])
    if rel == "last" and "past" in g["rel"].lower() and unit == "week":
        return _Spec("rel", "range", fn=_span("past", 1, "week"))
    if unit == "weekend" and "coming" in g["rel"].lower():  # the weekend ahead, not next week's
        return _Spec("rel", "range", fn=_rel_unit("this", "weekend"))
    return _Spec("rel", _UNIT_GRAN[unit], fn=_rel_unit(g["rel"], g["u"]))


def _h_day(g: dict[str, str], text: str) -> _Spec | None:
    t = " ".join(text.lower().split())
    offsets = [("before yesterday", -2), ("after tomorrow", 2), ("yesterday", -1),
               ("last night", -1), ("tomorrow", 1)]  # fmt: skip
    k = next((o for w, o in offsets if w in t), 0)
    how = {-2: "two days before", -1: "the day before", 0: "the anchor day",
           1: "the day after", 2: "two days after"}[k]  # fmt: skip

    def fn(anchor: date, tense: str) -> tuple[date, date, str]:
        return (*_day(anchor + timedelta(days=k)), how)

    return _Spec("rel", "day", fn=fn)


def _h_earlier(g: dict[str, str], text: str) -> _Spec | None:
    direction = (g.get("dir") or g.get("dir2") or "").lower()
    unit = _unit(g["u"]) if g.get("u") else "day"

    def fn(anchor: date, tense: str) -> tuple[date, date, str]:
        if unit == "day":
            return (*_day(anchor), "the anchor day")
        if unit == "week":
            s, e = _week(anchor)
        elif unit == "month":
            s, e = _month(anchor.year, anchor.month)
        else:
            s, e = _year(anchor.year)
        if direction == "earlier":
            return s, anchor + timedelta(days=1), f"from the start of the {unit} to the anchor"
        return anchor, e, f"from the anchor to the end of the {unit}"

    return _Spec("rel", "day" if unit == "day" else "range", fn=fn)


_AGO_GRAN = {"minute": "day", "hour": "day", "day": "day", "week": "week", "month": "month",
             "year": "year", "decade": "decade"}  # fmt: skip


def _offset(anchor: date, n: int, unit: str) -> tuple[date, date]:
    """The unit-sized period n units away from the anchor (n < 0: before it)."""
    if unit in ("minute", "hour"):  # "48 hours ago" is two days back, "3 hours ago" the day
        return _day(anchor + timedelta(days=round(n / (24 if unit == "hour" else 1440))))
    if unit == "day":
        return _day(anchor + timedelta(days=n))
    if unit == "week":
        return _week(anchor + timedelta(days=7 * n))
    if unit == "month":
        return _month(*_add_months(anchor.year, anchor.month, n))
    if unit == "year":
        return _year(anchor.year + n)
    y = (anchor.year + 10 * n) // 10 * 10
    return date(y, 1, 1), date(y + 10, 1, 1)


def _h_ago(g: dict[str, str], text: str) -> _Spec | None:
    n, unit = _number(g["n"]), _unit(g["u"])

    def fn(anchor: date, tense: str) -> tuple[date, date, str]:
        return (*_offset(anchor, -n, unit), f"{n} {unit}{'s' if n != 1 else ''} before")

    return _Spec("rel", _AGO_GRAN[unit], fn=fn)


def _h_in(g: dict[str, str], text: str) -> _Spec | None:
    n, unit = _number(g["n"]), _unit(g["u"])

    def fn(anchor: date, tense: str) -> tuple[date, date, str] | None:
        if tense == "past":
            return None
        return (*_offset(anchor, n, unit), f"{n} {unit}{'s' if n != 1 else ''} after")

    return _Spec("rel", _AGO_GRAN[unit], fn=fn, how="a duration in a past-tense sentence")


def _span(direction: str, n: int, unit: str) -> Callable[[date, str], tuple[date, date, str]]:
    """The past/next n units, counted back or forward from the anchor day."""
    months = {"month": 1, "year": 12, "decade": 120}.get(unit)
    days = {"minute": 1, "hour": 1, "day": 1, "week": 7}.get(unit, 0)
    said = f"{n} {unit}{'s' if n != 1 else ''}"
    if unit in ("minute", "hour"):  # whole days, at least one
        n = max(1, -(-n // (24 if unit == "hour" else 1440)))

    def fn(anchor: date, tense: str) -> tuple[date, date, str]:
        if direction in ("past", "last"):
            s = _shift_months(anchor, -n * months) if months else anchor - timedelta(n * days)
            return s, anchor + timedelta(days=1), f"{said} back to the anchor"
        e = _shift_months(anchor, n * months) if months else anchor + timedelta(n * days)
        return anchor, e + timedelta(days=1), f"{said} on from the anchor"

    return fn


def _h_span(g: dict[str, str], text: str) -> _Spec | None:
    n = _number(g["n"]) if g.get("n") else 1
    if g.get("n") and g["n"].lower() in ("a", "an"):
        return None
    return _Spec("rel", "range", fn=_span(g["dir"].lower(), n, _unit(g["u"])))


def _h_month(g: dict[str, str], text: str) -> _Spec | None:
    m = month_number(g["m"])
    rel = g.get("rel")
    return _Spec("rec", "month", unit="month", key=(m,), label=MONTH_NAMES[m - 1],
                 rel=_norm_rel(rel) if rel else None)  # fmt: skip


def _h_weekday(g: dict[str, str], text: str) -> _Spec | None:
    wd = WEEKDAYS.index(g["wd"].lower())
    rel = g.get("rel")
    return _Spec("rec", "day", unit="weekday", key=(wd,), label=WEEKDAYS[wd].capitalize(),
                 rel=_norm_rel(rel) if rel else None)  # fmt: skip


def _h_weekend(g: dict[str, str], text: str) -> _Spec | None:
    return _Spec("rec", "range", unit="weekend", key=(), label="weekend")


def _h_unitof(g: dict[str, str], text: str) -> _Spec | None:
    unit, pos = _unit(g["u"]), g["pos"].lower()
    base = _rel_unit("this", unit)

    def fn(anchor: date, tense: str) -> tuple[date, date, str]:
        s, e, _ = base(anchor, tense)
        if pos in ("rest", "remainder"):
            return anchor, e, f"from the anchor to the end of the {unit}"
        return s, e, f"the anchor's {unit}"

    gran = "range" if pos in ("rest", "remainder") else _UNIT_GRAN[unit]
    return _Spec("rel", gran, fn=fn)


def _h_holiday(g: dict[str, str], text: str) -> _Spec | None:
    name = " ".join(g["hol"].lower().replace("’", "'").split())
    m, d = HOLIDAYS[name]
    if g.get("y"):
        return _abs(*_day(date(int(g["y"]), m, d)), "day")
    return _Spec("rec", "day", unit="day", key=(m, d), label=g["hol"])


def _h_fiscal(g: dict[str, str], text: str) -> _Spec | None:
    if g.get("q"):
        return _Spec("unres", "quarter", how=f"{_q(text)}: the fiscal calendar is not known")
    y = int(g["y"]) if g.get("y") else _two_digit_year(g["yy"])
    return _Spec("unres", "year", how=f"fiscal year {y}: the fiscal calendar is not known")


def _h_year(g: dict[str, str], text: str) -> _Spec | None:
    return _abs(*_year(int(g["y"])), "year")


_HANDLERS: dict[str, Callable[[dict[str, str], str], _Spec | None]] = {
    "range": _h_range, "in": _h_in, "iso": _h_iso, "numeric": _h_numeric, "date": _h_date,
    "of_year": _h_of_year, "quarter": _h_quarter, "half": _h_half, "season": _h_season,
    "decade": _h_decade, "part": _h_part, "earlier": _h_earlier, "day": _h_day, "ago": _h_ago,
    "span": _h_span, "unit": _h_unit, "month": _h_month, "weekday": _h_weekday,
    "unitof": _h_unitof, "holiday": _h_holiday, "fiscal": _h_fiscal, "year": _h_year,
    "weekend": _h_weekend,
}  # fmt: skip


@lru_cache(maxsize=4096)
def _parse(text: str) -> _Spec | None:
    """The meaning of one expression, or None if it is not a (valid) time expression."""
    m = _PARSE.fullmatch(text)
    if m is None or m.lastgroup is None:
        return None
    i = int(m.lastgroup[1:])
    prefix = f"a{i}_"
    g = {k[len(prefix) :]: v for k, v in m.groupdict().items() if v and k.startswith(prefix)}
    return _HANDLERS[_ALTS[i][0]](g, text)


# -------------------------------------------------------------------------------- finding


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
        m = _FIND.match(text, at)
        if m is None:
            continue
        span = _span_of(m)
        if _parse(text[span[0] : span[1]]) is None:
            m = _FIND_NO_RANGES.match(text, at)
            if m is None:
                continue
            span = _span_of(m)
            if _parse(text[span[0] : span[1]]) is None:
                continue
        out.append(TimeMention(span[0], span[1], text[span[0] : span[1]]))
        pos = m.end()
    return _with_later(text, out)


# "two years down the line", "three months later", "a year on": a time counted from the
# event told before, not from the article's date. It resolves only with ``after``.
# Small counts only: "two years later", "a month on".
_LATER_N = number_words_up_to(10, article=True)
_LATER = re.compile(
    rf"\b(?P<n>{'|'.join(_LATER_N)}|\d{{1,2}})\s+"
    r"(?P<unit>day|week|month|year)s?\s+"
    r"(?P<how>later|on|down the line|down the road|afterwards|after that|after)\b",
    re.IGNORECASE,
)


_SPAN_END = re.compile(r"\b(?:until|till|through|thru|to)\s+(?:the\s+end\s+of\s+)?$", re.I)


def ends_a_span(sentence: str, mention: TimeMention) -> bool:
    """Is this the end of a span ("a contract until June 2022", "to 2021"),
    not the time its event happened?"""
    return _SPAN_END.search(sentence[max(0, mention.start - 24) : mention.start]) is not None


def counts_from_before(text: str) -> bool:
    """Is this expression counted from an earlier event ("two years later")?"""
    return _LATER.fullmatch(text) is not None


def _with_later(text: str, found: list[TimeMention]) -> list[TimeMention]:
    extra = [
        TimeMention(m.start(), m.end(), m.group())
        for m in _LATER.finditer(text)
        if not any(t.start < m.end() and m.start() < t.end for t in found)
    ]
    return sorted(found + extra, key=lambda t: t.start) if extra else found


def _resolve_later(text: str, m: re.Match[str], after: TimeValue | None) -> TimeValue:
    n_word = m.group("n").lower()
    n = _LATER_N.get(n_word) or int(n_word)
    unit = m.group("unit").lower()
    if after is None or after.start is None or after.end is None:
        return _unresolved(
            text, unit, note=f"{_q(text)} counts from an earlier event that was not dated"
        )
    if unit == "year":
        start, end = _shift_months(after.start, 12 * n), _shift_months(after.end, 12 * n)
    elif unit == "month":
        start, end = _shift_months(after.start, n), _shift_months(after.end, n)
    else:
        days = n * (7 if unit == "week" else 1)
        start, end = after.start + timedelta(days=days), after.end + timedelta(days=days)
    return TimeValue(
        text, start, end, after.granularity, after.anchor, "sequence",
        note=f"{_q(text)} counted from {after.label()}, the event told before",
    )  # fmt: skip


def _span_of(m: re.Match[str]) -> tuple[int, int]:
    if m.group("first") is not None:
        return m.span("first")
    return m.span("core")


# ----------------------------------------------------------------------------- resolving


def _instances(spec: _Spec, ref: date) -> list[tuple[date, date]]:
    """The periods a recurring expression can name, around ref, in time order."""
    out: list[tuple[date, date]] = []
    if spec.unit in ("weekday", "weekend"):
        target = spec.key[0] if spec.unit == "weekday" else 5
        first = ref - timedelta(days=21)
        first += timedelta(days=(target - first.weekday()) % 7)
        for k in range(7):
            s = first + timedelta(days=7 * k)
            out.append((s, s + timedelta(days=1 if spec.unit == "weekday" else 2)))
        return out
    for y in range(ref.year - 3, ref.year + 4):
        if spec.unit == "month":
            out.append(_month(y, spec.key[0]))
        elif spec.unit == "day":
            d = _safe_date(y, *spec.key)
            if d:
                out.append(_day(d))
        elif spec.unit == "season":
            out.append(_season(spec.key[0], y))
        elif spec.unit == "quarter":
            out.append(_quarter(y, spec.key[0]))
        elif spec.unit == "half":
            out.append(_half(y, spec.key[0]))
    return out


def _current(spec: _Spec, anchor: date) -> tuple[date, date]:
    """The period of the expression's own size that holds the anchor ("last" counts back
    from its start, "next" on from its end)."""
    if spec.unit == "month":
        return _month(anchor.year, anchor.month)
    if spec.unit == "season":
        for y in (anchor.year - 1, anchor.year):
            for name in ("spring", "summer", "autumn", "winter"):
                s, e = _season(name, y)
                if s <= anchor < e:
                    return s, e
    if spec.unit == "quarter":
        return _quarter(anchor.year, (anchor.month - 1) // 3 + 1)
    if spec.unit == "half":
        return _half(anchor.year, 1 if anchor.month <= 6 else 2)
    if spec.unit == "weekend":
        return _week(anchor)
    return _day(anchor)


def _pick(spec: _Spec, anchor: date, tense: str) -> tuple[tuple[date, date], str] | None:
    """Choose one instance of a recurring expression from the anchor: rel first, then tense."""
    items = _instances(spec, anchor)
    label = spec.label
    if spec.rel == "last":
        cur = _current(spec, anchor)
        found = [iv for iv in items if iv[1] <= cur[0]]
        return (found[-1], f"the {label} before") if found else None
    if spec.rel == "next":
        cur = _current(spec, anchor)
        found = [iv for iv in items if iv[0] >= cur[1]]
        return (found[0], f"the next {label}") if found else None
    if spec.rel == "this" and spec.unit != "weekday":
        if spec.unit == "season" and spec.key[0] == "winter":
            y = anchor.year if anchor.month > 6 else anchor.year - 1
            return _season("winter", y), "this winter"
        if spec.unit == "weekend":
            s, e = _week(anchor)
            return (s + timedelta(days=5), e), "the weekend of the anchor's week"
        found = [iv for iv in items if iv[0].year == anchor.year]
        return (found[0], f"the {label} of the anchor's year") if found else None
    containing = [iv for iv in items if iv[0] <= anchor < iv[1]]
    if tense == "future":
        if spec.unit in ("quarter", "half", "month", "season"):
            # "will be debated in January" in an article of January 5: this January.
            found = [iv for iv in items if iv[1] > anchor]
            return (found[0], f"the first {label} not over at the anchor (future tense)")
        found = [iv for iv in items if iv[0] >= anchor]
        return (found[0], f"the next {label} on or after it (future tense)") if found else None
    if tense == "present":
        if spec.unit == "weekday":
            best = min(items, key=lambda iv: (abs((iv[0] - anchor).days), iv[0] > anchor))
            return best, f"the nearest {label} (present tense)"
        if spec.unit in ("season", "weekend") and containing:
            return containing[0], f"the {label} under way (present tense)"
        if spec.unit == "weekend":
            found = [iv for iv in items if iv[0] >= anchor]
            return found[0], "the next weekend (present tense)"
        if spec.unit == "season":
            return _pick(_Spec("rec", spec.gran, unit="season", key=spec.key, rel="this",
                               label=label), anchor, tense)  # fmt: skip
        found = [iv for iv in items if iv[0].year == anchor.year]
        return (found[0], f"the {label} of the anchor's year (present tense)") if found else None
    found = [iv for iv in items if iv[0] <= anchor]
    return (found[-1], f"the most recent {label} on or before it (past tense)") if found else None


def _unresolved(
    text: str, gran: str, note: str = "no anchor: the document has no date"
) -> TimeValue:
    return TimeValue(text, None, None, gran, None, None, note=note)


def _q(text: str) -> str:
    return f'"{" ".join(text.split())}"'


@lru_cache(maxsize=8192)
def resolve(
    text: str,
    anchor: date | None,
    anchor_from: str | None = None,
    tense: str = "past",
    after: TimeValue | None = None,
) -> TimeValue:
    """Resolve one expression (as found by :func:`find_times`) to a TimeValue ``[start, end)``.

    ``anchor`` is the document's publication date and ``anchor_from`` where it came from
    (passed through on anchored values). ``tense`` ("past", "present", "future") picks the
    instance of a bare month, day, season or weekday. ``after``: the time of the event this
    sentence follows; a bare month/day/season/weekday then resolves to the first such period
    starting on or after ``after.start`` (anchor_from "sequence"). Absolute dates ignore
    both and get anchor_from "absolute". A relative expression without an anchor stays
    unresolved (start and end None) with a note; it is never guessed from today's date.
    """
    tense = tense if tense in ("past", "present", "future") else "past"
    if isinstance(anchor, datetime):  # a datetime compares badly with the dates below
        return resolve(text, anchor.date(), anchor_from, tense, after)
    later = _LATER.fullmatch(text)
    if later is not None:
        return _resolve_later(text, later, after)
    spec = _parse(text)
    if spec is None:
        return _unresolved(text, "unknown", note=f"{_q(text)} is not a time expression")
    if spec.kind == "unres":
        return _unresolved(text, spec.gran, note=spec.how)
    if spec.kind == "abs":
        assert spec.start and spec.end
        tv = TimeValue(text, spec.start, spec.end, spec.gran, None, "absolute")
        return TimeValue(text, spec.start, spec.end, spec.gran, None, "absolute",
                         note=f"{_q(text)} is absolute: {tv.label()}")  # fmt: skip

    seq = after is not None and after.resolved and spec.rel is None
    if spec.kind in ("rec", "rrange") and seq:
        assert after is not None and after.start is not None
        return _after(text, spec, after)
    if anchor is None:
        return _unresolved(text, spec.gran)
    read = f"{_q(text)} read from {anchor.isoformat()}"
    if spec.kind == "rel":
        assert spec.fn is not None
        got = spec.fn(anchor, tense)
        if got is None:
            return TimeValue(text, None, None, spec.gran, anchor, anchor_from,
                             note=f"{read}: {spec.how}, not a point in time")  # fmt: skip
        s, e, how = got
        gran = spec.gran
        if spec.part:
            s, e = _narrow(s, e, spec.unit, spec.part)
            how = f"{spec.part} part of {how}"
        return TimeValue(text, s, e, gran, anchor, anchor_from, note=f"{read}: {how}")
    if spec.kind == "rrange":
        return _rrange(text, spec, anchor, anchor_from, tense, None)
    picked = _pick(spec, anchor, tense)
    if picked is None:
        return TimeValue(text, None, None, spec.gran, anchor, anchor_from,
                         note=f"{read}: no such date near the anchor")  # fmt: skip
    (s, e), how = picked
    if spec.part:
        s, e = _narrow(s, e, spec.unit, spec.part)
        how = f"{spec.part} part of {how}"
    return TimeValue(text, s, e, spec.gran, anchor, anchor_from, note=f"{read}: {how}")


def _after(text: str, spec: _Spec, after: TimeValue) -> TimeValue:
    assert after.start is not None
    ref = after.start
    note = f"{_q(text)} read after {_q(after.text)} ({after.label()})"
    if spec.kind == "rrange":
        return _rrange(text, spec, ref, "sequence", "future", after)
    found = [iv for iv in _instances(spec, ref) if iv[0] >= ref]
    if not found:
        return _unresolved(text, spec.gran, note=f"{note}: no such date after it")
    s, e = found[0]
    if spec.part:
        s, e = _narrow(s, e, spec.unit, spec.part)
    how = f"the first {spec.label} on or after {ref.isoformat()}"
    return TimeValue(text, s, e, spec.gran, ref, "sequence", note=f"{note}: {how}")


def _rrange(
    text: str,
    spec: _Spec,
    anchor: date,
    anchor_from: str | None,
    tense: str,
    after: TimeValue | None,
) -> TimeValue:
    """A range whose ends have no year: the first end by tense (or after), the second end
    the first such date on or after the first."""
    (m1, d1), (m2, d2) = spec.key

    def rec(m: int, d: int | None) -> _Spec:
        if d is None:
            return _Spec("rec", "month", unit="month", key=(m,), label=MONTH_NAMES[m - 1])
        return _Spec("rec", "day", unit="day", key=(m, d), label=f"{MONTH_NAMES[m - 1]} {d}")

    first, second = rec(m1, d1), rec(m2, d2)
    if after is not None:
        found = [iv for iv in _instances(first, anchor) if iv[0] >= anchor]
        a = found[0] if found else None
        how = f"the first {first.label} on or after {anchor.isoformat()}"
        read = f"{_q(text)} read after {_q(after.text)} ({after.label()})"
    else:
        picked = _pick(first, anchor, tense)
        a, how = (picked[0], picked[1]) if picked else (None, "")
        read = f"{_q(text)} read from {anchor.isoformat()}"
    if a is None:
        return TimeValue(text, None, None, "range", anchor, anchor_from,
                         note=f"{read}: no such date")  # fmt: skip
    b = next(iv for iv in _instances(second, a[0]) if iv[0] >= a[0])
    return TimeValue(text, a[0], b[1], "range", anchor, anchor_from,
                     note=f"{read}: from {how}, to the {second.label} after it")  # fmt: skip


# ------------------------------------------------------------------------- date strings

_JUNK = re.compile(
    r"(?:\s|[,.;:|()\[\]/@–—-]|(?i:published|updated|posted|last|modified|on|at|by|am|pm|"
    r"a\.m\.|p\.m\.|utc|gmt|z|edt|est|cdt|cst|mdt|mst|pdt|pst|bst|cet|cest|ist|jst|hkt|sgt|"
    r"aest|aedt|et|pt)\b|[A-Z]{2,4}T\b|T?\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?|[+-]\d\d:?\d\d|"
    rf"{_cases(WEEKDAYS)}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?)*"
)
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


@lru_cache(maxsize=1024)
def parse_date_string(text: str) -> tuple[date, str] | None:
    """A standalone date string -> ``(date, granularity)`` or None.

    For headers and datelines: 'April 14, 2023, 2:14 AM' -> (2023-04-14, "day"),
    '2023-08-03', 'Oct 11, 2023', '09-23-2024', 'Fri, 14 Apr 2023 02:14:00 +0000',
    'September 2021' -> (2021-09-01, "month"). The string must be a date with little else
    around it (times, zones, weekdays, "Published", "Updated"); the year must be written in
    it, never taken from today. Anything else, including relative words, gives None.
    """
    s = " ".join(text.split())
    if not s or not _HAS_YEAR.search(s):
        return None
    for tm in find_times(s):
        tv = resolve(tm.text, None)
        if not tv.resolved or tv.granularity not in ("day", "month", "year"):
            continue
        rest = s[: tm.start] + " " + s[tm.end :]
        if _JUNK.fullmatch(rest):
            assert tv.start is not None
            return tv.start, tv.granularity
        break
    data = date_parser("standalone").get_date_data(s)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if str(d.year) not in s:
        return None
    period = data.period if data.period in ("day", "month", "year") else "day"
    if period == "year":
        d = date(d.year, 1, 1)
    elif period == "month":
        d = d.replace(day=1)
    return d, period
