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

This module is the public face of the time package; the work is done in:
:mod:`~consistency.time.calendar` (month, weekday and number words; the dateparser setup),
:mod:`~consistency.time.patterns` (the regular expressions),
:mod:`~consistency.time.expressions` (finding), :mod:`~consistency.time.meaning` (what one
expression means before an anchor), :mod:`~consistency.time.periods` (calendar periods),
:mod:`~consistency.time.resolution` (anchoring) and :mod:`~consistency.time.datestrings`
(standalone date strings, :func:`parse_date_string`).

Choices the spec leaves open, made in those modules and tested in ``tests/test_temporal.py``:

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

from consistency.time.datestrings import parse_date_string
from consistency.time.expressions import (
    TimeMention,
    counts_from_before,
    ends_a_span,
    find_times,
)
from consistency.time.resolution import resolve

__all__ = [
    "TimeMention",
    "counts_from_before",
    "ends_a_span",
    "find_times",
    "parse_date_string",
    "resolve",
]
