"""Numbers in claims, as intervals with units.

"at least 12 firms" is [12, inf) firms, "up to $40 million" is [0, 40e6] USD,
"about 4,500 people" allows ten percent either way, and a bare round figure ("4,500")
allows the rounding a reporter may have done (2.5 percent).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from consistency.extract.lexicon import lemma
from consistency.extract.names import PREPOSITIONS
from consistency.models import Quantity
from consistency.time.calendar import MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS

_WORD_NUMBERS = {**NUMBER_WORDS, "dozen": 12, "a dozen": 12}

_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip

_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "hk$": "HKD"}
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
    "eur": "EUR", "pounds": "GBP", "gbp": "GBP", "yuan": "CNY", "renminbi": "CNY",
    "yen": "JPY", "hkd": "HKD",
}  # fmt: skip

# Bound words and what they do to the interval.
_BOUNDS = [
    ("at least", "ge"), ("no fewer than", "ge"), ("no less than", "ge"), ("a minimum of", "ge"),
    ("more than", "gt"), ("over", "gt"), ("upwards of", "gt"), ("in excess of", "gt"),
    ("up to", "le"), ("as many as", "le"), ("as much as", "le"), ("at most", "le"),
    ("a maximum of", "le"), ("no more than", "le"),
    ("fewer than", "lt"), ("less than", "lt"), ("under", "lt"), ("below", "lt"),
    ("nearly", "near"), ("almost", "near"), ("close to", "near"), ("just under", "near"),
    ("about", "approx"), ("around", "approx"), ("roughly", "approx"), ("approximately", "approx"),
    ("some", "approx"), ("an estimated", "approx"), ("estimated", "approx"), ("circa", "approx"),
    ("just over", "approx"), ("more or less", "approx"),
]  # fmt: skip
_BOUND_RE = "|".join(re.escape(b) for b, _ in sorted(_BOUNDS, key=lambda x: -len(x[0])))
_BOUND_KIND = dict(_BOUNDS)

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "a six-member team", "a 12-strong delegation": the size of a group.
_SIZE = r"-(?:member|person|people|strong|man|woman|seat)\b"
_WORDNUM = "|".join(sorted((w for w in _WORD_NUMBERS if " " not in w), key=len, reverse=True))
_SCALE_RE = r"hundred|thousand|million|billion|trillion|bn|mn|tn|[kmb](?![a-z])"

QUANTITY_RE = re.compile(
    rf"(?:(?P<bound>{_BOUND_RE})\s+)?"
    rf"(?P<cur>US\$|HK\$|[$€£¥])?\s?"
    rf"(?P<num>{_NUMBER}|(?:{_WORDNUM})(?:(?![\w-])|(?={_SIZE})))"
    rf"(?:\s?(?P<scale>{_SCALE_RE})\b(?:\s(?P<scale2>{_SCALE_RE})\b)?)?"
    rf"(?:\s?(?P<pct>%|percent|per cent)(?!\w))?"
    rf"(?P<unit>(?:[\s-]+[\w’'-]+){{0,4}})",
    re.IGNORECASE,
)

# A noun after the number that is part of a name or a time, not a unit.
_NOT_UNITS = frozenset(
    "am pm a.m p.m and or of the to in on at by for with from percent per a an st nd rd th".split()
    + list(MONTHS)
    + list(MONTH_ABBREVIATIONS)
)
_TIME_UNITS = frozenset(
    "day days week weeks month months year years hour hours minute minutes decade decades"
    " quarter quarters".split()
)


@dataclass(frozen=True)
class QuantityMention:
    start: int
    end: int
    quantity: Quantity


def _number(text: str) -> float | None:
    t = text.lower().replace(",", "")
    if t in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[t])
    try:
        return float(t)
    except ValueError:
        return None


_STOP = frozenset(
    "with of in on at to for from by that who which and or but as than the a an this these"
    " there their its his her our is are was were be been have has had will would could"
    " into over under about between across per each last next ago earlier later since until"
    " yesterday today tomorrow spring summer autumn fall winter".split()
)


def _unit_noun(raw: str) -> tuple[str | None, int]:
    """The head noun of the words after a number, and where it ends in ``raw``.

    "12 companies with Danish owners" -> company; "35 overseas fintech firms" -> firm.
    """
    head: str | None = None
    head_end = 0
    for n, m in enumerate(re.finditer(r"[\w’'-]+", raw)):
        word = m.group().strip("-").lower()
        if n == 0 and word in _TIME_UNITS:
            return word, m.end()  # "two years behind schedule": a duration
        if word in _STOP or word in _NOT_UNITS or word in PREPOSITIONS:
            break
        if word in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[word], m.end()
        if word.replace("-", "").isalpha():
            head, head_end = word, m.end()
            if _plural(word.rsplit("-", 1)[-1]):
                break  # "900 jobs without warning", "47,400 festival-goers attended"
    if head is None:
        return None, 0
    if "-" in head:  # "festival-goers": the last part carries the number
        first, _, last = head.rpartition("-")
        return f"{first}-{lemma(last)}", head_end
    return lemma(head), head_end


_IRREGULAR_PLURALS = frozenset("people staff personnel children men women police".split())


def _plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return word.endswith("s") and not word.endswith("ss") and lemma(word) != word


def interval(value: float, bound: str | None, round_figure: bool) -> tuple[float, float, bool]:
    kind = _BOUND_KIND.get(bound.lower(), "") if bound else ""
    if kind in ("ge", "gt"):  # bounds are closed: "more than 10" and "11" must agree
        return value, math.inf, False
    if kind in ("le", "lt"):
        return 0.0, value, False
    if kind == "near":
        return value * 0.9, value, True
    if kind == "approx":
        return value * 0.9, value * 1.1, True
    if round_figure:
        return value * 0.975, value * 1.025, False
    return value, value, False


def _is_round(num_text: str, value: float) -> bool:
    digits = num_text.replace(",", "").split(".")[0]
    return value >= 1000 and digits.endswith("00")


# Vague magnitudes: "hundreds of millions of pounds" is at least 200 million and less than
# a billion; "dozens of people" at least 24 and fewer than a hundred.
_VAGUE_SCALES = {
    "dozens": (24, 100), "scores": (40, 200), "hundreds": (200, 1_000),
    "thousands": (2_000, 10_000), "tens of thousands": (20_000, 100_000),
    "hundreds of thousands": (200_000, 1_000_000), "millions": (2e6, 1e7),
    "tens of millions": (2e7, 1e8), "hundreds of millions": (2e8, 1e9),
    "billions": (2e9, 1e10), "tens of billions": (2e10, 1e11),
    "hundreds of billions": (2e11, 1e12),
}  # fmt: skip
_VAGUE_RE = re.compile(
    r"\b(?P<scale>(?:(?:tens|hundreds) of )?(?:thousands|millions|billions)|dozens|scores"
    r"|hundreds)\s+of\s+(?P<unit>(?:[\w’'-]+\s*){1,4})",
    re.IGNORECASE,
)


def _vague(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    for m in _VAGUE_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        first = m.group("unit").split()[0].lower()
        unit, head_end = _unit_noun(m.group("unit"))
        if unit is None or unit in _TIME_UNITS or first in ("them", "those", "these", "us"):
            continue  # "hundreds of them", "thousands of years"
        low, high = _VAGUE_SCALES[m.group("scale").lower()]
        end = m.start("unit") + head_end
        q = Quantity(text=text[m.start() : end], low=float(low), high=float(high), unit=unit)
        out.append(QuantityMention(m.start(), end, q))
    return out


def find_quantities(text: str, skip: list[tuple[int, int]] | None = None) -> list[QuantityMention]:
    """Quantities in a sentence, skipping the given spans (its time expressions)."""
    skip = skip or []
    out: list[QuantityMention] = []
    if _VAGUE_RE.search(text):
        out = _vague(text, skip)
        skip = skip + [(v.start, v.end) for v in out]
    pos = 0
    while True:
        m = QUANTITY_RE.search(text, pos)
        if m is None:
            break
        start = m.start()
        while start < len(text) and text[start].isspace():
            start += 1  # the optional space before a figure is not part of it
        num_start = m.start("num")
        # The unit group may run over the next number: resume right after this one.
        pos = m.end("num") if m.end("num") > pos else pos + 1
        if any(a <= num_start < b for a, b in skip) or _inside_word(text, m):
            continue
        found = _quantity(text, m, start)
        if found is not None:
            out.append(found)
            pos = max(pos, found.end)
    return sorted(out, key=lambda m: m.start)


def _inside_word(text: str, m: re.Match[str]) -> bool:
    """Part of a word or code ("Web3", "K27x", "COVID-19"), an ordinal or a decimal tail;
    not a figure with a scale word after it."""
    num_start = m.start("num")
    before = text[max(0, num_start - 1) : num_start]
    after = text[m.end("num") : m.end("num") + 1]
    if before.isalnum() or (before == "-" and not m.group("cur")) or after.isalpha():
        return not (after.isalpha() and m.group("scale"))
    return False


def _quantity(text: str, m: re.Match[str], start: int) -> QuantityMention | None:
    """The quantity of a match of :data:`QUANTITY_RE` starting at ``start``: its value and
    scale, unit and interval. None for a duration, or a word number without a unit."""
    value = _number(m.group("num"))
    if value is None:
        return None
    scale = (m.group("scale") or "").lower()
    if scale:
        # Rounded: "€4.1 million" is 4,100,000, not 4,099,999.9999999995.
        value = round(value * _SCALES.get(scale, 1.0), 4)
        scale2 = (m.group("scale2") or "").lower()
        if scale2:  # "five hundred million"
            value = round(value * _SCALES.get(scale2, 1.0), 4)
    unit: str | None = None
    end = m.start("unit")
    if m.group("cur"):
        unit = _CURRENCY.get(m.group("cur").lower(), m.group("cur"))
    elif m.group("pct"):
        unit = "%"
    else:
        unit, head_end = _unit_noun(m.group("unit"))
        if unit in _TIME_UNITS:
            return None  # "two years", "30 days": durations belong to time, not figures
        if unit is not None:
            end = m.start("unit") + head_end
    # A word number without a unit ("one of the", "two") is not a figure we compare.
    if unit is None and not m.group("num")[0].isdigit():
        return None
    # "$13 million" is as round as "13,000,000": a scale word without decimals rounds.
    round_figure = _is_round(m.group("num"), value) or (
        bool(scale) and "." not in m.group("num") and value >= 1000
    )
    low, high, approx = interval(value, m.group("bound"), round_figure)
    q = Quantity(
        text=text[start:end].strip(),
        low=low,
        high=high,
        unit=unit,
        approx=approx,
        value=value,
    )
    return QuantityMention(start, end, q)
