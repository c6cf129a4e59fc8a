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

The line shapes it relies on (dates, prose, headings) are in :mod:`consistency.reading.shapes`
and re-exported here; teaser lists are found by :mod:`consistency.reading.teasers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from consistency.models import Removed
from consistency.reading.shapes import (
    DATE_RE,
    TERMINAL,
    date_line_remainder,
    ends_sentence,
    is_attribution,
    is_date_only,
    is_heading_shaped,
    is_long_prose,
    is_prose,
    phrase_set,
    words_of,
)
from consistency.reading.teasers import find_teasers, is_known_label

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
        small = len(s) <= 25 and len(words_of(s)) <= 4 and not ends_sentence(s)
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
    if not s or len(s) > 160 or _is_copyright(s) or is_long_prose(s):
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
    words = words_of(s)
    participles = sum(1 for w in words if len(w) > 4 and w.lower().endswith("ing"))
    return len(markers) >= 3 and participles * 12 >= len(words)


# --- ads, share bars, navigation -------------------------------------------------------

_AD_PHRASES = phrase_set(
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
_NAV_PHRASES = phrase_set(
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
    if len(s) <= 200 and len(words_of(s)) <= 25 and _PROMO_RE.match(s):
        return "ad"
    parts = [p for p in _SEP_SPLIT_RE.split(s) if p]
    if len(parts) >= 3 and date_line_remainder(s, loose=True) is None:
        if all(len(words_of(p)) <= 4 and not ends_sentence(p) for p in parts):
            return "navigation"
    return None


def _is_edge_nav(line: str) -> bool:
    """Short lines that are furniture when they sit before or after the article prose."""
    s = line.strip()
    if not s or date_line_remainder(s) is not None or is_attribution(s):
        return False
    words = words_of(s)
    if not words:
        return True
    if s[-1] in TERMINAL:
        return False
    if len(words) <= 4 and s == s.lower() and len(s) <= 40:
        return True  # "news", "sponsored ad", "crypto regulation"
    parts = [p for p in _SEP_SPLIT_RE.split(s) if p]
    return len(parts) >= 2 and all(len(words_of(p)) <= 4 for p in parts)


def is_standalone(line: str) -> bool:
    """A line that is never part of a hard-wrapped paragraph: a credit, a date, a label, ..."""
    s = line.strip()
    return bool(
        is_date_only(s, loose=True)
        or _is_credit(s)
        or _is_copyright(s)
        or _ticker_kind(s) is not None
        or is_known_label(s)
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
    find_teasers(lines, marks)
    _find_credits(lines, marks)
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
    _find_edges(lines, marks, notes)
    kept, removed = _blocks(lines, marks)
    return kept, removed, notes


def _find_credits(lines: Sequence[str], marks: list[str | None]) -> None:
    """Captions followed by a credit line, and credits on their own."""
    nonblank = [i for i in range(len(lines)) if lines[i].strip() and marks[i] is None]
    for k, i in enumerate(nonblank):
        s = lines[i].strip()
        if _is_credit(s):
            marks[i] = "image-credit"
            if k > 1:  # the first line is the title, never a caption
                p = nonblank[k - 1]
                if _is_caption_of(lines[p].strip(), i - p) and marks[p] is None:
                    marks[p] = "image-caption"
        elif len(s) <= 250 and _INLINE_CREDIT_RE.search(s) and not is_long_prose(s):
            if not is_attribution(s):
                marks[i] = "image-caption"


def _is_caption_of(line: str, distance: int) -> bool:
    """A short line just above a credit (``distance`` lines up) is the image's caption."""
    close = distance == 1 or (distance == 2 and len(line) <= 120)
    return (
        close
        and len(line) <= 200
        and len(words_of(line)) <= 35
        and date_line_remainder(line) is None
        and not is_attribution(line)
    )


def _find_edges(lines: Sequence[str], marks: list[str | None], notes: list[str]) -> None:
    """Short furniture lines before the first and after the last prose paragraph; an
    attribution credit at the end is kept and noted."""
    live = [i for i in range(len(lines)) if lines[i].strip() and marks[i] is None]
    prose = [i for i in live if is_prose(lines[i])]
    if not prose:
        return
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


def _blocks(lines: Sequence[str], marks: list[str | None]) -> tuple[list[str], list[Removed]]:
    """The unmarked lines, and the marked ones as blocks: consecutive lines of one kind."""
    kept: list[str] = []
    removed: list[Removed] = []
    cur_kind: str | None = None
    cur: list[str] = []
    for line, kind in zip(lines, marks, strict=True):
        if kind is None:
            if line.strip():
                if cur_kind is not None:
                    removed.append(Removed(cur_kind, "\n".join(cur)))
                    cur_kind, cur = None, []
            kept.append(line)
            continue
        if cur_kind != kind and cur_kind is not None:
            removed.append(Removed(cur_kind, "\n".join(cur)))
            cur = []
        cur_kind = kind
        if line.strip():
            cur.append(line.strip())
    if cur_kind is not None and cur:
        removed.append(Removed(cur_kind, "\n".join(cur)))
    return kept, [r for r in removed if r.text]
