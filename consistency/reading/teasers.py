"""Teaser lists: "Recommended for you", "Related" and their like, recognised as a run of
items that each carry their own date, with or without a label above them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from consistency.reading.shapes import (
    date_line_remainder,
    ends_sentence,
    is_date_only,
    is_long_prose,
    is_prose,
    phrase_set,
    words_of,
)

_LABELS = phrase_set(
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


def is_known_label(line: str) -> bool:
    s = _norm_label(line)
    return s in _LABELS or (s.startswith("more from ") and len(s.split()) <= 5)


def _is_label_shaped(line: str) -> bool:
    s = line.strip().rstrip(_LABEL_STRIP)
    if not s or len(s) > 40 or len(words_of(s)) > 5 or s[-1] in ".!?,;":
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
            and len(words_of(title)) <= 25
            and (title.endswith("?") or not ends_sentence(title))
        ):
            return True
    if not s or len(s) > 80:
        return False
    rest = date_line_remainder(s, loose=True)
    if rest is None:
        return False
    return len(words_of(rest)) <= 4 and not ends_sentence(s)


def find_teasers(lines: Sequence[str], marks: list[str | None]) -> None:
    """Mark the lines of teaser lists: dated items clustered together, with their label."""
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
        prose = sum(1 for b in between if is_long_prose(lines[b]))
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
    """Mark one cluster of dated items as a teaser list, from its label (or first item) to
    its end, unless its shape says it is datelines or the article itself."""
    first, last = pos[cluster[0]], pos[cluster[-1]]
    gaps = [pos[b] - pos[a] - 1 for a, b in zip(cluster, cluster[1:], strict=False)]
    gap = max(gaps) if gaps else 3
    label_at, item_start = _label_above(lines, nonblank, first, gap, bool(gaps))
    known = label_at is not None and is_known_label(lines[nonblank[label_at]])
    # "Headline · November 13, 2024" lines, one after another: a list of one-line items.
    one_line = len(cluster) >= 2 and all(_TRAILING_DATE_RE.search(lines[i]) for i in cluster)
    if not known and not one_line and (not gaps or max(gaps) == 0):
        return  # dated lines without titles between them are datelines, not a teaser list
    start = label_at if label_at is not None else item_start
    after = max(gap - (first - item_start), 0) if gaps else 2
    end = _list_end(lines, nonblank, last, gap, after, known and bool(gaps))
    if end < len(nonblank) - 1 and not known:
        return  # without a known label, a teaser list only sits at the end of the page
    # Teasers are headlines and snippets: a run holding several paragraphs of long prose is
    # the article itself, whatever dates sit near it ("Updated 11-20-2024" above the lede).
    prose = sum(1 for k in range(start, end + 1) if is_long_prose(lines[nonblank[k]]))
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


def _label_above(
    lines: Sequence[str], nonblank: list[int], first: int, gap: int, several: bool
) -> tuple[int | None, int]:
    """Walking back from the first date to the list's label, at most one item's lines: where
    the label is (None without one) and where the first item starts."""
    label_at: int | None = None
    item_start = first
    k = first - 1
    while k >= 0:
        line = lines[nonblank[k]]
        if is_known_label(line):
            label_at = k
            while k > 0 and is_known_label(lines[nonblank[k - 1]]):
                k -= 1
                label_at = k
            break
        after_prose = k > 0 and is_long_prose(lines[nonblank[k - 1]])
        if several and _is_label_shaped(line) and after_prose:
            label_at = k
            break
        if first - k > gap:
            if several and _is_label_shaped(line) and not is_prose(line):
                label_at = k
            break
        item_start = k
        k -= 1
    return label_at, item_start


def _list_end(
    lines: Sequence[str], nonblank: list[int], last: int, gap: int, after: int, labelled: bool
) -> int:
    """The last line of the list: the page's end when only leftovers follow, else the last
    item's lines (long prose stops it unless ``labelled``, a known label over several items)."""
    tail = nonblank[last + 1 :]
    if len(tail) <= gap + 1 and sum(1 for j in tail if is_long_prose(lines[j])) <= 1:
        return len(nonblank) - 1  # what follows is one item's worth: the list ends the page
    end = last
    for k in range(last + 1, min(last + after, len(nonblank) - 1) + 1):
        if is_long_prose(lines[nonblank[k]]) and not labelled:
            break
        end = k
    if not any(is_long_prose(lines[j]) for j in nonblank[end + 1 :]):
        return len(nonblank) - 1  # the rest of the page is leftovers ("news", "Loading")
    return end
