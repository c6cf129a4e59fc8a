"""The shapes of lines that reading relies on: a calendar day written in a line, a line
that is only a date, article prose, a section heading, an attribution credit. Shapes, not
words of particular sites."""

from __future__ import annotations

import re

from consistency.time.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

__all__ = [
    "DATE_RE",
    "date_line_remainder",
    "TERMINAL",
    "ends_sentence",
    "is_attribution",
    "is_date_only",
    "is_heading_shaped",
    "is_long_prose",
    "is_prose",
    "phrase_set",
    "words_of",
]

# --- dates -----------------------------------------------------------------------------

# A month named in full or abbreviated, in any case (the patterns below ignore case).
_MONTH = rf"(?:{'|'.join([*MONTHS, *MONTH_ABBREVIATIONS])})\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_NUM_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_NUM_MONTH = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"

#: An absolute calendar day: "March 9, 2022", "9 March 2022", "2024-06-17", "11-05-2024".
DATE_RE = re.compile(
    rf"(?<![\w/.-])(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_YEAR}-{_NUM_MONTH}-{_NUM_DAY}(?=$|[^\d])"
    rf"|{_YEAR}/{_NUM_MONTH}/{_NUM_DAY}(?=$|[^\d])"
    rf"|{_NUM_DAY}[-/.]{_NUM_DAY}[-/.]{_YEAR}(?!\d))",
    re.IGNORECASE,
)
# A day without a year ("Oct 11") or a relative age ("3 hours ago"): enough for a teaser item.
_LOOSE_DATE_RE = re.compile(
    rf"(?<![\w])(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH}"
    r"|\d+\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)\s+ago"
    r"|yesterday|today)(?![\w])",
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"\b(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:\s*\(?(?:utc|gmt|[a-z]{2,4}t|[+-]\d{2}:?\d{2})\)?)?(?![\w])",
    re.IGNORECASE,
)
_DATE_WORDS_RE = re.compile(
    rf"\b(?:{'|'.join([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS])})\b\.?"
    r"|\b(?:last\s+)?(?:updated|published|posted|modified|first\s+published|originally\s+published"
    r"|on|at|date|dated|et|pt|ct|utc|gmt|bst|cet|cest|hkt|sgt|jst|ist)\b:?",
    re.IGNORECASE,
)
_SEPARATORS = "|·•‧∙・–—-,:/;()[]"


def date_line_remainder(line: str, *, loose: bool = False) -> str | None:
    """What is left of a line once its date, time, weekday and date words are taken out.

    None when the line holds no date at all. ``loose`` also accepts a day without a year and
    relative ages ("3 hours ago"), which teaser items use.
    """
    m = DATE_RE.search(line)
    if m is None and loose:
        m = _LOOSE_DATE_RE.search(line)
    if m is None:
        return None
    rest = line[: m.start()] + " " + line[m.end() :]
    rest = _TIME_RE.sub(" ", rest)
    rest = _DATE_WORDS_RE.sub(" ", rest)
    for ch in _SEPARATORS:
        rest = rest.replace(ch, " ")
    return " ".join(rest.split())


def is_date_only(line: str, *, loose: bool = False) -> bool:
    """A line that is nothing but a date (with perhaps a weekday, a time, "Updated")."""
    if len(line) > 80:
        return False
    rest = date_line_remainder(line, loose=loose)
    return rest is not None and not any(c.isalnum() for c in rest)


# --- line shapes -----------------------------------------------------------------------

TERMINAL = ".!?"
_CLOSING_QUOTES = "\"'”’»)]"
_WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)


def words_of(line: str) -> list[str]:
    return _WORD_RE.findall(line)


def ends_sentence(line: str) -> bool:
    s = line.rstrip()
    while s and s[-1] in _CLOSING_QUOTES:
        s = s[:-1]
    if not s:
        return False
    if s.endswith("...") or s.endswith("…"):
        return False  # a truncated teaser summary
    return s[-1] in TERMINAL


def is_prose(line: str) -> bool:
    """Article prose: a sentence of at least five words that ends with . ! ? or a quote."""
    s = line.strip()
    return len(words_of(s)) >= 5 and ends_sentence(s)


def is_long_prose(line: str) -> bool:
    return is_prose(line) and len(line) >= 80


_LIST_MARKER_RE = re.compile(r"^\s*(?:[-*+•▪◦‣]\s|\d{1,3}[.)]\s)")


def is_heading_shaped(line: str) -> bool:
    """A short line without final punctuation that starts like a title: a section heading."""
    s = line.strip()
    if not s or len(s) > 90 or _LIST_MARKER_RE.match(s):
        return False
    words = words_of(s)
    if not 1 <= len(words) <= 12:
        return False
    if s[-1] in ".!?;:,…" or ends_sentence(s):
        return False
    first = s.lstrip("\"'“‘(")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    return date_line_remainder(s) is None


_ATTRIBUTION_RE = re.compile(
    r"^(?:sources?|via|(?:additional\s+)?reporting\s+by|written\s+by|editing\s+by|"
    r"compiled\s+by|with\s+reporting\s+by)\s*:?\s+\S",
    re.IGNORECASE,
)


def is_attribution(line: str) -> bool:
    """An attribution credit at the end of an article: "Source: X", "Reporting by X"."""
    s = line.strip()
    return len(s) <= 120 and bool(_ATTRIBUTION_RE.match(s)) and not is_long_prose(s)


def phrase_set(text: str) -> frozenset[str]:
    """Phrases separated by | or line breaks."""
    return frozenset(p.strip() for p in text.replace("\n", "|").split("|") if p.strip())
