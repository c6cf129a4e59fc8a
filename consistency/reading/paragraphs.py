"""Reflowing paragraphs: raw lines to one paragraph a line, hard-wrapped blocks joined,
headings, list items and furniture lines never joined to their neighbours."""

from __future__ import annotations

import re

from consistency.reading.base import norm_line
from consistency.reading.furniture import is_heading_shaped, is_standalone

# --- paragraphs ------------------------------------------------------------------------

LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+•▪◦‣]\s+|\d{1,3}[.)]\s+)")
_CONTINUES_RE = re.compile(
    r"(?:[,;:\-–(]|\b(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|as|that|which|its|"
    r"his|her|their|is|was|were|be|has|had|have|but|than|into|about|after|before|over))$",
    re.IGNORECASE,
)


def _title_case_ratio(line: str) -> float:
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def assemble(raw: list[str], fixed: set[int]) -> list[str]:
    """Raw lines to paragraph lines: hard-wrapped blocks are joined, blank lines kept once.

    ``fixed`` holds indices of lines never joined to a neighbour (headings, list items).
    """
    out: list[str] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        if out:
            out.append("")
        out.extend(_join_block(block, fixed))
        block.clear()

    for i, line in enumerate(raw):
        if line.strip():
            block.append((i, line.rstrip()))
        else:
            flush()
    flush()
    return out


def _join_block(block: list[tuple[int, str]], fixed: set[int]) -> list[str]:
    lines = [norm_line(line) for _, line in block]
    if len(lines) == 1:
        return lines
    width = max(len(s) for s in lines)
    full = sum(1 for s in lines[:-1] if len(s) >= 0.6 * width)
    wrapped = 50 <= width <= 110 and full >= max(1, 2 * (len(lines) - 1) / 3)
    if len(lines) == 2:
        wrapped = wrapped and len(lines[0]) >= 0.8 * width
    if not wrapped:
        return lines
    alone = [is_standalone(s) for s in lines]
    result = [lines[0]]
    for k in range(1, len(lines)):
        prev, line = lines[k - 1], lines[k]
        join = (
            len(prev) >= 0.6 * width
            and block[k - 1][0] not in fixed
            and block[k][0] not in fixed
            and not LIST_ITEM_RE.match(block[k][1])
            and not alone[k - 1]
            and not alone[k]
        )
        if join and k == 1 and is_heading_shaped(prev) and not _CONTINUES_RE.search(prev):
            join = _title_case_ratio(prev) < 0.6 and line[:1].islower()
        if join:
            result[-1] = f"{result[-1]} {line}"
        else:
            result.append(line)
    return result
