"""The regular expressions that find and read time expressions in news English.

Each alternative of :data:`ALTS` is one form ("March 5, 2023", "last week", "Q3 2022",
"three days ago", ...) keyed by the kind whose handler reads it
(:mod:`consistency.time.meaning`). Two patterns are built from the same alternatives:
:data:`FIND` (and :data:`FIND_NO_RANGES`) finds a mention's span in a sentence, keeping
only its own three groups; :data:`PARSE` matches one found mention whole and keeps the
named groups, prefixed with the alternative's number, for the handler.
"""

from __future__ import annotations

import re

from consistency.time.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, number_words_up_to

# Counts of units in time expressions ("a week ago", "the past fifty years"): the words up
# to twenty and the tens up to fifty; larger counts of days or years are written in digits.
NUMBERS = number_words_up_to(20, tens_up_to=50, article=True)


def cases(words: list[str]) -> str:
    """Title and upper case only: lower-case "may", "march", "fall" are not months."""
    return "|".join([w.capitalize() for w in words] + [w.upper() for w in words])


# ----------------------------------------------------------------------- pattern pieces
# Group names in the pieces are read by the resolver; the finder strips them (one big
# alternation cannot repeat a name) and keeps only its own three groups.

_MONF = rf"(?:{cases(list(MONTHS))})\b"
_MONA = rf"(?:{cases(list(MONTH_ABBREVIATIONS))})(?:\.|\b)"
_MON = rf"(?:{_MONF}|{_MONA})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?!%|[,.:]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\w%]|[,.]\d)"
_YY = r"\d\d(?![\w%]|[,.]\d)"
_WD = rf"(?:{cases(WEEKDAYS)})\b"
_NUM = r"(?:\d{1,3}(?![\d,.])|(?i:" + "|".join(NUMBERS) + r")\b)"
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
ALTS: list[tuple[str, str, str]] = [
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
        "numeric",  # one separator throughout: 11-05-2024 or 11/5/2024
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
    for key, pat, where in ALTS:
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
    for i, (_key, pat, _where) in enumerate(ALTS):
        # Prefix every group with its alternative's number; the outer group A<i> closes
        # last, so a match's lastgroup says which alternative matched.
        pat = re.sub(r"\(\?P<(\w+)>", rf"(?P<a{i}_\1>", pat)
        alts.append(f"(?P<A{i}>{pat})")
    return re.compile(r"\s*(?:" + _PREP + r"\s+)?(?:" + "|".join(alts) + r")[\s.,;:]*")


FIND = _finder(with_ranges=True)
FIND_NO_RANGES = _finder(with_ranges=False)
PARSE = _resolver()
