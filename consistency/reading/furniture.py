"""Page furniture: the parts of a scraped page that are not the article.

Price tickers, teaser lists ("Recommended for you" and their dated items), image captions and
credits, generated image descriptions, ads, share bars, navigation and copyright lines are
recognised by their *shape* (short lines of symbols and prices, a label followed by items that
each carry their own date, a caption followed by a credit line, ...), not by the words of
particular sites. A few common labels help, but every rule also works without them.

:func:`strip_furniture` takes the lines of a document (one paragraph per line, blank lines
between blocks) and returns the lines it kept, the blocks it removed with their kind, and
notes an editor should see (a capture date in a ticker, an attribution credit kept).

Real article prose (a long line that ends like a sentence) is never removed by the generic
short-line rules; only structural runs (tickers, teaser lists) and explicit boilerplate
shapes (copyright, image credits) can take it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from consistency.models import Removed

__all__ = [
    "DATE_RE",
    "copyright_holder",
    "date_line_remainder",
    "is_attribution",
    "is_date_only",
    "is_heading_shaped",
    "is_prose",
    "is_standalone",
    "strip_furniture",
]

# --- dates -----------------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_NUM_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_NUM_MONTH = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"

#: An absolute calendar day: "April 14, 2023", "14 April 2023", "2023-08-03", "09-23-2024".
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
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?"
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

_TERMINAL = ".!?"
_CLOSING_QUOTES = "\"'”’»)]"
_WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)


def _words(line: str) -> list[str]:
    return _WORD_RE.findall(line)


def _ends_sentence(line: str) -> bool:
    s = line.rstrip()
    while s and s[-1] in _CLOSING_QUOTES:
        s = s[:-1]
    if not s:
        return False
    if s.endswith("...") or s.endswith("…"):
        return False  # a truncated teaser summary
    return s[-1] in _TERMINAL


def is_prose(line: str) -> bool:
    """Article prose: a sentence of at least five words that ends with . ! ? or a quote."""
    s = line.strip()
    return len(_words(s)) >= 5 and _ends_sentence(s)


def _is_long_prose(line: str) -> bool:
    return is_prose(line) and len(line) >= 80


_LIST_MARKER_RE = re.compile(r"^\s*(?:[-*+•▪◦‣]\s|\d{1,3}[.)]\s)")


def is_heading_shaped(line: str) -> bool:
    """A short line without final punctuation that starts like a title: a section heading."""
    s = line.strip()
    if not s or len(s) > 90 or _LIST_MARKER_RE.match(s):
        return False
    words = _words(s)
    if not 1 <= len(words) <= 12:
        return False
    if s[-1] in ".!?;:,…" or _ends_sentence(s):
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
    return len(s) <= 120 and bool(_ATTRIBUTION_RE.match(s)) and not _is_long_prose(s)


# --- tickers ---------------------------------------------------------------------------

_TICKER_TOKEN_RE = re.compile(
    r"^(?:(?P<sym>[A-Z][A-Z0-9]{1,5}(?:[/-][A-Z]{2,5})?)"
    r"|(?P<pct>[+\-−–▲▼]?\d+(?:[.,]\d+)?%)"
    r"|(?P<price>[+\-−–▲▼]?[$€£¥₿]?\d[\d,]*(?:\.\d+)?[kmbtKMBT]?)"
    r"|(?P<kw>(?i:vol(?:ume)?|mkt\.?|cap|market|24h|high|low|open|close)\.?:?))$"
)
_WEATHER_RE = re.compile(r"°\s*[CF]?\b|\d\s*°|℃|℉")


def _ticker_kind(line: str) -> str | None:
    """'num', 'sym', 'weather', 'date' when the line is one atom of a ticker widget."""
    s = line.strip()
    if not s or len(s) > 40 or is_prose(s):
        return None
    if _WEATHER_RE.search(s):
        small = len(s) <= 25 and len(_words(s)) <= 4 and not _ends_sentence(s)
        return "weather" if small else None
    if is_date_only(s):
        return "date"
    tokens = s.split()
    kinds: list[str] = []
    for tok in tokens:
        m = _TICKER_TOKEN_RE.match(tok)
        if m is None:
            return None
        kinds.append(m.lastgroup or "")
    if all(k == "kw" for k in kinds):
        return None
    if any(k in ("pct", "price") for k in kinds):
        return "num"
    return "sym"


def _find_tickers(lines: Sequence[str], marks: list[str | None], notes: list[str]) -> None:
    n = len(lines)
    i = 0
    while i < n:
        if marks[i] is not None or _ticker_kind(lines[i]) is None:
            i += 1
            continue
        run: list[tuple[int, str]] = []
        j = i
        blanks = 0
        while j < n:
            s = lines[j].strip()
            if not s:
                blanks += 1
                if blanks > 1:
                    break
                j += 1
                continue
            kind = _ticker_kind(s) if marks[j] is None else None
            if kind is None:
                break
            blanks = 0
            run.append((j, kind))
            j += 1
        kinds = [k for _, k in run]
        syms = kinds.count("sym")
        nums = kinds.count("num")
        weather = kinds.count("weather")
        single_line = len(run) == 1 and _multi_token_ticker(lines[run[0][0]])
        is_ticker = (len(run) >= 4 and nums >= 2 and (syms >= 1 or nums >= 4)) or single_line
        if is_ticker or (weather and len(run) <= 3 and not nums):
            kind_name = "ticker" if is_ticker else "weather"
            widget = "price ticker" if is_ticker else "weather widget"
            for k, atom in run:
                marks[k] = kind_name
                if atom == "date":
                    d = lines[k].strip()
                    notes.append(
                        f"date {d} in the page furniture ({widget}) is the capture date, "
                        "not the publication date"
                    )
            i = run[-1][0] + 1
        else:
            i = j if j > i else i + 1


def _multi_token_ticker(line: str) -> bool:
    tokens = line.split()
    if len(tokens) < 3:
        return False
    kinds = []
    for tok in tokens:
        m = _TICKER_TOKEN_RE.match(tok)
        if m is None:
            return False
        kinds.append(m.lastgroup)
    return "sym" in kinds and "pct" in kinds and ("price" in kinds or kinds.count("pct") >= 2)


# --- image captions, credits and descriptions ------------------------------------------

_AGENCIES = (
    r"getty\s+images|shutterstock|istock(?:photo)?|unsplash|pexels|pixabay|ap\s+photo|afp|"
    r"reuters|epa(?:-efe)?|bloomberg|alamy|xinhua|dpa|anadolu|pool|handout|file\s+photo"
)
_CREDIT_RE = re.compile(
    rf"""^(?:
        (?:©|Ⓒ|\(c\))\s*\S.{{0,80}}
      | (?:photo(?:graph)?|image|picture|pic|credit|illustration|graphic|video|footage
          |cover\s+image|header\s+image|featured\s+image|source\s+image|photo\s+credit)s?
          \s*(?:by\b|credit\b|courtesy(?:\s+of)?\b|:)\s*\S.{{0,80}}
      | .{{0,120}}\bphoto\s+by\s+.+\s+on\s+(?:unsplash|pexels|pixabay)
      | .{{0,100}}/\s*(?:{_AGENCIES})(?:\s+via\s+getty\s+images)?
      | (?:{_AGENCIES})(?:\s*/.{{0,60}})?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_INLINE_CREDIT_RE = re.compile(
    rf"(?:\((?:photo|image|picture|credit)s?\s*:[^)]{{1,60}}\)|"
    rf"\bphoto\s+by\s+[^.]{{1,60}}\s+on\s+(?:unsplash|pexels|pixabay)|"
    rf"(?:photo|image|credit)\s*:\s*[^.]{{1,60}}|/\s*(?:{_AGENCIES}))\s*\.?$",
    re.IGNORECASE,
)
_COPYRIGHT_RE = re.compile(
    r"^\s*(?:©|Ⓒ|\(c\)|copyright\b)\s*(?:©|\(c\))?\s*"
    r"(?:(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    r"(?P<holder>[^.|;\n]*?(?:\b[A-Z]\.)*[^.|;\n]*?)"
    r"(?:,?\s*(?:inc|llc|l\.l\.c|ltd|limited|corp|corporation|co|gmbh|plc|s\.a|ag|lp|l\.p|pte)\b\.?)?"
    r"\s*(?:[.|;]|all\s+rights|$)",
    re.IGNORECASE,
)
_RIGHTS_RE = re.compile(r"all\s+rights\s+reserved|rights\s+reserved", re.IGNORECASE)


def _is_copyright(line: str) -> bool:
    s = line.strip()
    if not re.match(r"^(?:©|Ⓒ|\(c\)|copyright\b)", s, re.IGNORECASE):
        return bool(_RIGHTS_RE.search(s)) and len(s) <= 300 and s.lower().startswith("all rights")
    if re.search(rf"(?:{_AGENCIES})", s, re.IGNORECASE) and len(s) <= 60:
        return False  # "© 2024 Getty Images" is an image credit
    m = re.match(r"^(?:©|Ⓒ|\(c\)|copyright)\s*(?:(?:19|20)\d\d)", s, re.IGNORECASE)
    return bool(m or _RIGHTS_RE.search(s) or s.lower().startswith("copyright"))


def copyright_holder(line: str) -> str | None:
    """The holder named by a copyright line: '© 2023 Some Outlet, Inc. All ...' -> 'Some Outlet'."""
    m = _COPYRIGHT_RE.match(line)
    if not m:
        return None
    holder = m.group("holder") or ""
    holder = re.sub(r"^(?:by|the\s+copyright\s+of)\s+", "", holder.strip(), flags=re.IGNORECASE)
    holder = re.sub(
        r",?\s*(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|plc|s\.a|ag|lp|pte)\.?$",
        "",
        holder,
        flags=re.IGNORECASE,
    ).strip(" ,-–")
    if not holder or len(holder) > 80 or not any(c.isalpha() for c in holder):
        return None
    if _RIGHTS_RE.search(holder):
        return None
    return holder


def _is_credit(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 160 or _is_copyright(s) or _is_long_prose(s):
        return False
    return bool(_CREDIT_RE.match(s))


_IMG_MARKERS_RE = re.compile(
    r"\b(?:in\s+(?:a|the)\s+style\s+of|style|lighting|lit\s+by|symboli[sz]\w*|signify\w*|"
    r"depict\w*|illustrat\w*|render\w*|digital\s+art|photorealistic|hyper-?realistic|"
    r"cinematic|backdrop|foreground|background|in\s+the\s+cent(?:er|re)|silhouett\w*|hues?|"
    r"palette|aesthetic|composition|vibrant|glowing|futuristic|surreal\w*|mood|"
    r"atmosphere|juxtapos\w*|bathed\s+in|evok\w*)\b",
    re.IGNORECASE,
)
_NEWS_VERB_RE = re.compile(
    r"\b(?:said|says|told|tells|announced|announces|reported|according\s+to|added|stated|"
    r"noted|confirmed|revealed|claimed|wrote|declared|explained|expressed|argued|warned|"
    r"(?:has|have|had|was|were)\s+\w+(?:ed|en))\b",
    re.IGNORECASE,
)


def _is_image_description(line: str) -> bool:
    s = line.strip()
    if len(s) < 120 or any(q in s for q in '“”"'):
        return False
    if _NEWS_VERB_RE.search(s):
        return False
    markers = {m.group(0).lower() for m in _IMG_MARKERS_RE.finditer(s)}
    words = _words(s)
    participles = sum(1 for w in words if len(w) > 4 and w.lower().endswith("ing"))
    return len(markers) >= 3 and participles * 12 >= len(words)


# --- teasers ---------------------------------------------------------------------------


def _phrase_set(text: str) -> frozenset[str]:
    """Phrases separated by | or line breaks."""
    return frozenset(p.strip() for p in text.replace("\n", "|").split("|") if p.strip())


_LABELS = _phrase_set(
    """
    recommended for you|recommended|recommended stories|recommended articles|more to read
    related|related articles|related stories|related news|related posts|related content
    related coverage|read more|read next|read also|also read|see also|you may also like
    you might also like|you may be interested in|latest|latest news|latest stories
    latest articles|popular|most popular|most read|most viewed|trending|trending now
    view all|see all|more stories|more news|more articles|more from|don't miss|don’t miss
    editor's picks|editor’s picks|editors' picks|top stories|featured|in case you missed it
    more on this story|further reading|keep reading|up next|what to read next
    """
)
_LABEL_STRIP = " \t:»›>→▸▶•·|-–—"


def _norm_label(line: str) -> str:
    return " ".join(line.strip().strip(_LABEL_STRIP).lower().split())


def _is_known_label(line: str) -> bool:
    s = _norm_label(line)
    return s in _LABELS or (s.startswith("more from ") and len(s.split()) <= 5)


def _is_label_shaped(line: str) -> bool:
    s = line.strip().rstrip(_LABEL_STRIP)
    if not s or len(s) > 40 or len(_words(s)) > 5 or s[-1] in ".!?,;":
        return False
    return date_line_remainder(s, loose=True) is None


_TRAILING_DATE_RE = re.compile(r"\s[·|•—–]\s*(?P<date>[^·|•—–]{4,40})$")


def _is_teaser_date(line: str) -> bool:
    """A teaser item's date line: a date alone, or 'Category · date', '5 min read · date',
    or a whole item on one line: 'A headline without a full stop · November 2, 2021'."""
    s = line.strip()
    m = _TRAILING_DATE_RE.search(s)
    if m and is_date_only(m.group("date"), loose=True):
        title = s[: m.start()].strip()
        # A headline may ask a question; it does not end like a sentence of prose.
        if (
            title
            and len(_words(title)) <= 25
            and (title.endswith("?") or not _ends_sentence(title))
        ):
            return True
    if not s or len(s) > 80:
        return False
    rest = date_line_remainder(s, loose=True)
    if rest is None:
        return False
    return len(_words(rest)) <= 4 and not _ends_sentence(s)


def _find_teasers(lines: Sequence[str], marks: list[str | None]) -> None:
    n = len(lines)
    nonblank = [i for i in range(n) if lines[i].strip() and marks[i] is None]
    pos = {i: k for k, i in enumerate(nonblank)}
    dates = [i for i in nonblank if _is_teaser_date(lines[i])]
    if not dates:
        return
    # clusters of dates close to each other: items of one list
    clusters: list[list[int]] = [[dates[0]]]
    for d in dates[1:]:
        prev = clusters[-1][-1]
        between = nonblank[pos[prev] + 1 : pos[d]]
        prose = sum(1 for b in between if _is_long_prose(lines[b]))
        if len(between) <= 7 and prose <= 1:
            clusters[-1].append(d)
        else:
            clusters.append([d])
    for cluster in clusters:
        _cut_teaser_cluster(lines, marks, nonblank, pos, cluster)


def _cut_teaser_cluster(
    lines: Sequence[str],
    marks: list[str | None],
    nonblank: list[int],
    pos: dict[int, int],
    cluster: list[int],
) -> None:
    first, last = pos[cluster[0]], pos[cluster[-1]]
    gaps = [pos[b] - pos[a] - 1 for a, b in zip(cluster, cluster[1:], strict=False)]
    gap = max(gaps) if gaps else 3
    # walk back from the first date to the list's label, at most one item's lines
    label_at: int | None = None
    item_start = first
    k = first - 1
    while k >= 0:
        line = lines[nonblank[k]]
        if _is_known_label(line):
            label_at = k
            while k > 0 and _is_known_label(lines[nonblank[k - 1]]):
                k -= 1
                label_at = k
            break
        after_prose = k > 0 and _is_long_prose(lines[nonblank[k - 1]])
        if gaps and _is_label_shaped(line) and after_prose:
            label_at = k
            break
        if first - k > gap:
            if gaps and _is_label_shaped(line) and not is_prose(line):
                label_at = k
            break
        item_start = k
        k -= 1
    known = label_at is not None and _is_known_label(lines[nonblank[label_at]])
    # "Headline · November 13, 2024" lines, one after another: a list of one-line items.
    one_line = len(cluster) >= 2 and all(_TRAILING_DATE_RE.search(lines[i]) for i in cluster)
    if not known and not one_line and (not gaps or max(gaps) == 0):
        return  # dated lines without titles between them are datelines, not a teaser list
    start = label_at if label_at is not None else item_start
    item_before = first - item_start
    after = max(gap - item_before, 0) if gaps else 2
    tail = nonblank[last + 1 :]
    if len(tail) <= gap + 1 and sum(1 for j in tail if _is_long_prose(lines[j])) <= 1:
        end = len(nonblank) - 1  # what follows is one item's worth: the list ends the page
    else:
        end = last
        for k in range(last + 1, min(last + after, len(nonblank) - 1) + 1):
            if _is_long_prose(lines[nonblank[k]]) and not (known and gaps):
                break
            end = k
        if not any(_is_long_prose(lines[j]) for j in nonblank[end + 1 :]):
            end = len(nonblank) - 1  # the rest of the page is leftovers ("news", "Loading")
        elif not known:
            return  # without a known label, a teaser list only sits at the end of the page
    # Teasers are headlines and snippets: a run holding several paragraphs of long prose is
    # the article itself, whatever dates sit near it ("Updated 11-20-2024" above the lede).
    prose = sum(1 for k in range(start, end + 1) if _is_long_prose(lines[nonblank[k]]))
    if prose > 2 and not known:
        return
    for k in range(start, end + 1):
        idx = nonblank[k]
        if marks[idx] is None:
            marks[idx] = "teaser"
    # blank lines inside the run go with it
    for idx in range(nonblank[start], nonblank[end] + 1):
        if not lines[idx].strip() and marks[idx] is None:
            marks[idx] = "teaser"


# --- ads, share bars, navigation -------------------------------------------------------

_AD_PHRASES = _phrase_set(
    """
    advertisement|advertisment|advert|ad|ads|sponsored|sponsored ad|sponsored content
    sponsored post|paid content|paid post|promoted|promoted content|partner content
    story continues below advertisement|article continues below advertisement
    article continues below|continue reading below|scroll to continue
    scroll to continue with content|advertisement - scroll to continue|ad feedback
    report this ad
    """
)
_SHARE_WORDS = frozenset(
    "share|shares|tweet|email|e-mail|print|copy|link|copied|facebook|twitter|x|linkedin|reddit|"
    "whatsapp|telegram|pinterest|flipboard|messenger|sms|this|article|story|on|via|save|"
    "bookmark|comment|comments|gift".split("|")
)
_NAV_PHRASES = _phrase_set(
    """
    top|back to top|to top|news|home|menu|search|loading|loading...|view all|see all
    skip to content|skip to main content|skip navigation|close|next|previous|prev|more
    show more|load more|log in|login|sign in|sign up|register|open in app|listen
    listen to this article|listen to article|audio|play|pause|toggle navigation|breadcrumb
    tags|topics|categories|follow|follow us|newsletter|cookie settings|accept cookies|back
    go back|page not found|print this page
    """
)
_PROMO_RE = re.compile(
    r"^(?:(?:watch|listen|read|see)\b[^.!?]{0,80}:|subscribe\b|sign\s+up\b|follow\s+us\b|"
    r"follow\s+@|download\s+(?:the|our)\s+app|get\s+the\s+app|join\s+our\b|"
    r"click\s+here\b|don't\s+miss\b|don’t\s+miss\b)",
    re.IGNORECASE,
)
_SEP_SPLIT_RE = re.compile(r"\s*[|·•‧∙・»›]\s*")


def _is_nav(line: str) -> str | None:
    """The kind of an ad, share-bar or navigation line anywhere in the body, or None."""
    s = line.strip()
    if not s:
        return None
    low = " ".join(s.lower().strip(" \t:.!»›>→|-–—").split())
    if not low:
        return "navigation" if not any(c.isalnum() for c in s) else None
    if low in _AD_PHRASES:
        return "ad"
    if low in _NAV_PHRASES:
        return "navigation"
    tokens = re.split(r"[\s|·•/,]+", low)
    tokens = [t for t in tokens if t]
    if tokens and len(tokens) <= 8 and tokens[0] in _SHARE_WORDS and tokens[0] != "this":
        if all(t in _SHARE_WORDS for t in tokens):
            return "share-bar"
    if len(s) <= 200 and len(_words(s)) <= 25 and _PROMO_RE.match(s):
        return "ad"
    parts = [p for p in _SEP_SPLIT_RE.split(s) if p]
    if len(parts) >= 3 and date_line_remainder(s, loose=True) is None:
        if all(len(_words(p)) <= 4 and not _ends_sentence(p) for p in parts):
            return "navigation"
    return None


def _is_edge_nav(line: str) -> bool:
    """Short lines that are furniture when they sit before or after the article prose."""
    s = line.strip()
    if not s or date_line_remainder(s) is not None or is_attribution(s):
        return False
    words = _words(s)
    if not words:
        return True
    if s[-1] in _TERMINAL:
        return False
    if len(words) <= 4 and s == s.lower() and len(s) <= 40:
        return True  # "news", "sponsored ad", "crypto regulation"
    parts = [p for p in _SEP_SPLIT_RE.split(s) if p]
    return len(parts) >= 2 and all(len(_words(p)) <= 4 for p in parts)


def is_standalone(line: str) -> bool:
    """A line that is never part of a hard-wrapped paragraph: a credit, a date, a label, ..."""
    s = line.strip()
    return bool(
        is_date_only(s, loose=True)
        or _is_credit(s)
        or _is_copyright(s)
        or _ticker_kind(s) is not None
        or _is_known_label(s)
        or _is_nav(s) is not None
    )


# --- the pass --------------------------------------------------------------------------


def strip_furniture(lines: list[str]) -> tuple[list[str], list[Removed], list[str]]:
    """Take page furniture out of a document's lines.

    ``lines`` holds one paragraph per line (blank lines between blocks are fine). Returns the
    kept lines (blank lines kept where they were), the removed blocks (consecutive lines of
    one kind form one block) and notes for the editor.
    """
    n = len(lines)
    marks: list[str | None] = [None] * n
    notes: list[str] = []

    for i in range(n):
        if _is_copyright(lines[i]):
            marks[i] = "boilerplate"
    _find_tickers(lines, marks, notes)
    _find_teasers(lines, marks)

    nonblank = [i for i in range(n) if lines[i].strip() and marks[i] is None]

    # captions followed by a credit line, and credits on their own
    for k, i in enumerate(nonblank):
        s = lines[i].strip()
        if _is_credit(s):
            marks[i] = "image-credit"
            if k > 1:  # the first line is the title, never a caption
                p = nonblank[k - 1]
                ps = lines[p].strip()
                close = i - p == 1 or (i - p == 2 and len(ps) <= 120)
                if (
                    close
                    and marks[p] is None
                    and len(ps) <= 200
                    and len(_words(ps)) <= 35
                    and date_line_remainder(ps) is None
                    and not is_attribution(ps)
                ):
                    marks[p] = "image-caption"
        elif len(s) <= 250 and _INLINE_CREDIT_RE.search(s) and not _is_long_prose(s):
            if not is_attribution(s):
                marks[i] = "image-caption"

    # a generated image description right after the title
    head = [i for i in range(n) if lines[i].strip() and marks[i] is None][:3]
    for i in head:
        if _is_image_description(lines[i]):
            marks[i] = "image-description"

    # ads, share bars and navigation anywhere
    for i in range(n):
        if marks[i] is None and lines[i].strip():
            kind = _is_nav(lines[i])
            if kind:
                marks[i] = kind

    # short furniture lines before the first and after the last prose paragraph
    live = [i for i in range(n) if lines[i].strip() and marks[i] is None]
    prose = [i for i in live if is_prose(lines[i])]
    if prose:
        first, last = prose[0], prose[-1]
        for i in live:
            if (i < first or i > last) and _is_edge_nav(lines[i]):
                marks[i] = "navigation"
        for i in live:
            if i > last and marks[i] is None and is_attribution(lines[i]):
                notes.append(
                    f'"{lines[i].strip()}" at the end of the text is an attribution credit '
                    "(kept in the text), not the outlet"
                )

    kept: list[str] = []
    removed: list[Removed] = []
    cur_kind: str | None = None
    cur: list[str] = []
    for i in range(n):
        kind = marks[i]
        if kind is None:
            if lines[i].strip():
                if cur_kind is not None:
                    removed.append(Removed(cur_kind, "\n".join(cur)))
                    cur_kind, cur = None, []
            kept.append(lines[i])
            continue
        if cur_kind != kind and cur_kind is not None:
            removed.append(Removed(cur_kind, "\n".join(cur)))
            cur = []
        cur_kind = kind
        if lines[i].strip():
            cur.append(lines[i].strip())
    if cur_kind is not None and cur:
        removed.append(Removed(cur_kind, "\n".join(cur)))
    removed = [r for r in removed if r.text]
    return kept, removed, notes
