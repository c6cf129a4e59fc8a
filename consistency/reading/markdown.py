"""The Markdown reader (``.md``, ``.markdown``): front matter, headings (the first level-one
heading is the title), lists, quotes, code fences and inline markup to plain lines."""

from __future__ import annotations

import re

from consistency.models import Skipped
from consistency.reading.base import Article, Reader, Source, norm_line
from consistency.reading.header import front_matter, header_lines
from consistency.reading.paragraphs import LIST_ITEM_RE, assemble

# --- markdown --------------------------------------------------------------------------

_MD_ATX_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_RULE_RE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_REFDEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_MD_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_RE = re.compile(
    r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"
)
_MD_CODE_RE = re.compile(r"`([^`]*)`")
_MD_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


def _md_inline(line: str) -> str:
    line = _MD_IMAGE_RE.sub("", line)
    line = _MD_LINK_RE.sub(lambda m: m.group(1) or m.group(2) or "", line)
    line = _MD_BOLD_RE.sub(r"\2", line)
    line = _MD_EM_RE.sub(lambda m: m.group(1) or m.group(2) or "", line)
    line = _MD_CODE_RE.sub(r"\1", line)
    return line


def markdown_parts(text: str) -> Article:
    """A Markdown file: metadata at the top, then the body as plain paragraph lines."""
    parts = Article(lines=[], format="md")
    text = front_matter(text, parts)
    text = header_lines(text, parts)
    text = _MD_COMMENT_RE.sub("", text)
    raw = text.split("\n")
    out: list[str] = []
    fixed: set[int] = set()
    in_fence = False
    h1: str | None = None
    for k, line in enumerate(raw):
        if _MD_FENCE_RE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        if _MD_REFDEF_RE.match(line):
            continue
        found = _heading(raw, k)
        if found is not None:
            heading, level = found
            if heading:
                if level == 1 and h1 is None and not any(s.strip() for s in out):
                    h1 = heading
                else:
                    parts.headings.add(heading)
                out.extend(["", heading, ""])
                fixed.add(len(out) - 2)
            continue
        if _MD_SETEXT_RE.match(line) and k > 0 and raw[k - 1].strip():
            continue  # the underline of a setext heading
        if _MD_RULE_RE.match(line):
            out.append("")
            continue
        _add_line(line, parts, out, fixed)
    if h1 and not parts.title:
        parts.title, parts.title_from = h1, "page <h1>"
    elif h1:
        parts.headings.add(h1)
    parts.lines = assemble(out, fixed)
    return parts


def _heading(raw: list[str], k: int) -> tuple[str, int] | None:
    """The text and level of a heading at line ``k`` (ATX "## ..." or setext), else None."""
    line = raw[k]
    m = _MD_ATX_RE.match(line)
    setext = (
        k + 1 < len(raw)
        and line.strip()
        and _MD_SETEXT_RE.match(raw[k + 1])
        and not _MD_RULE_RE.match(line)
    )
    if not (m or setext):
        return None
    heading = norm_line(_md_inline(m.group(2) if m else line))
    level = len(m.group(1)) if m else (1 if raw[k + 1].strip()[0] == "=" else 2)
    return heading, level


def _add_line(line: str, parts: Article, out: list[str], fixed: set[int]) -> None:
    """A body line without its quote mark, bullet and inline markup; list items kept apart."""
    had_image = bool(_MD_IMAGE_RE.search(line))
    line = re.sub(r"^\s{0,3}>\s?", "", line)
    item = LIST_ITEM_RE.match(line)
    if item and not re.match(r"^\s*\d", line):
        line = line[item.end() :]
    line = _md_inline(line)
    if had_image and not line.strip():
        return
    if item:
        fixed.add(len(out))
        parts.items.add(norm_line(line))
    out.append(line)


def read(source: Source) -> list[Article | Skipped]:
    return [markdown_parts(source.text)]


READER = Reader(suffixes=(".md", ".markdown"), read=read)
