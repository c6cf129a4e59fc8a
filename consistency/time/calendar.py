"""The calendar's words, held once: month, weekday and season names, fixed holidays, the
number words that count days and years, and the one dateparser setup.

Every stage that reads dates or counts in words imports these tables, so a month spelling
or a number word is added in one place. A module that needs only part of a table derives
its view here or next to its use (with a comment saying why it is narrower).
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = [
    "HOLIDAYS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "SEASONS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "date_parser",
    "month_number",
    "number_words_up_to",
]

#: Month names, lower case, to their number.
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
#: Abbreviated month names, lower case, to their number ("may" has none). "sept" comes
#: before "sep" so that an alternation tries the longer spelling first.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
#: "January" .. "December", for labels.
MONTH_NAMES = [m.capitalize() for m in MONTHS]
#: Monday first, as :meth:`datetime.date.weekday` counts.
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
#: Abbreviated weekday names, lower case, to their index in :data:`WEEKDAYS`; the longer
#: spelling of a day first, as in :data:`MONTH_ABBREVIATIONS`.
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tues": 1, "tue": 1, "wed": 2, "thurs": 3, "thur": 3, "thu": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
#: Northern-hemisphere meteorological seasons, to the month each starts in.
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
#: Holidays on a fixed day of the year, lower case, to (month, day).
HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31),
    "valentine's day": (2, 14), "halloween": (10, 31),
}  # fmt: skip
#: Cardinal number words up to ninety, in counting order ("hundred" and larger scale words
#: multiply rather than count, so the modules that read them keep their own scale tables).
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip


def number_words_up_to(
    highest: int, *, tens_up_to: int = 0, article: bool = False
) -> dict[str, int]:
    """The number words up to ``highest``, then the tens up to ``tens_up_to``, in counting
    order; with ``article``, "a" and "an" (one) first, as in "a week ago"."""
    words = {
        w: n for w, n in NUMBER_WORDS.items() if n <= highest or (n % 10 == 0 and n <= tens_up_to)
    }
    return {"a": 1, "an": 1, **words} if article else words


def month_number(word: str) -> int:
    """1..12 for a month name or abbreviation in any case, with or without a full stop."""
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS[w]


# dateparser settings by use. Both read English, and a date without a day is the first of
# its month.
_DATE_PARSER_SETTINGS: dict[str, dict[str, Any]] = {
    # A standalone date string (a header, a dateline): the year must be written; no
    # relative parser, since a header has no anchor and "today" would be invented.
    "standalone": {
        "REQUIRE_PARTS": ["year"],
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "MDY",
    },
    # A date found in page text or metadata that must name a whole day.
    "whole_day": {"REQUIRE_PARTS": ["day", "month", "year"]},
}


@cache
def date_parser(use: str) -> Any:
    """The dateparser ``DateDataParser`` for one use (a key of the settings above), built
    once and lazily: importing dateparser costs ~0.1 s, and most runs never need it."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DAY_OF_MONTH": "first", **_DATE_PARSER_SETTINGS[use]}
    return DateDataParser(languages=["en"], settings=settings)
