"""The HTML reader (``.html``, ``.htm``, ``.xhtml``; also HTML inside other formats): the main
text with trafilatura, title, site name and URL from the page, the date from its markup
(htmldate), headings and list items marked for the article cleaner."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from consistency.models import Removed, Skipped
from consistency.reading.base import Article, Reader, Source, Unreadable, norm_line, one_line
from consistency.reading.paragraphs import assemble

# --- HTML ------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre dd dt figcaption td th caption address".split()
)
_DROP_TAGS = (
    "script style noscript template nav footer header aside form svg iframe button "
    "select option object embed canvas head".split()
)


def html_parts(html: str) -> Article:
    """An HTML page or fragment: main text with trafilatura, metadata, date from markup."""
    parts = Article(lines=[], format="html")
    html = html.lstrip("\ufeff")
    is_page = bool(re.search(r"<(?:html|head|title|meta|body)\b", html[:20_000], re.IGNORECASE))
    tree = _parse(html, is_page)
    doc = _extract(tree)
    first_h1 = _first_text(tree, "h1")
    if is_page and doc is not None:
        parts.title = norm_line(doc.title or "") or first_h1
        parts.title_from = "page metadata (trafilatura)" if doc.title else "page <h1>"
        parts.outlet = norm_line(doc.sitename or "") or None
        parts.outlet_from = "page site name (trafilatura)"
        parts.url = doc.url or None
    else:
        parts.title, parts.title_from = first_h1, "page <h1>"
    if is_page:
        parts.set_date(_html_date(tree), "meta", "page markup (htmldate)")
    lines: list[str] = []
    if doc is not None and doc.body is not None:
        lines = _body_lines(doc.body, parts)
    if not any(line.strip() for line in lines):
        lines = _fallback_lines(tree, parts)
    if not any(line.strip() for line in lines) and _nesting_depth(html) > 250:
        raise Unreadable("HTML is nested too deeply to read (more than 250 levels)")
    if not is_page:
        _fragment_headings(tree, parts, lines)
    parts.lines = lines
    parts.guess_title = not is_page
    return parts


def _parse(html: str, is_page: bool) -> Any:
    """The lxml tree of the markup, or Unreadable."""
    from trafilatura.utils import load_html

    try:
        # trafilatura rejects a bare fragment of one block unless it is wrapped
        tree = load_html(html if is_page else f"<html><body>{html}</body></html>")
    except RecursionError:
        raise Unreadable("HTML is too deeply nested to read") from None
    except Exception as exc:
        raise Unreadable(one_line(f"HTML could not be parsed: {exc}")) from None
    if tree is None:
        if _nesting_depth(html) > 250:
            raise Unreadable("HTML is nested too deeply to read (more than 250 levels)")
        raise Unreadable("HTML could not be parsed")
    return tree


def _extract(tree: Any) -> Any:
    """trafilatura's reading of the page (main text and metadata), or None."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_formatting=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError:
        raise Unreadable("HTML is too deeply nested to read") from None
    except Exception:
        return None


def _fragment_headings(tree: Any, parts: Article, lines: list[str]) -> None:
    """In a fragment every heading is the article's; trafilatura may have dropped some."""
    for level in ("h2", "h3", "h4", "h5", "h6"):
        for el in tree.iter(level):
            text = norm_line(el.text_content())
            if text and text not in parts.headings and text != parts.title:
                parts.headings.add(text)
                if text not in lines:
                    parts.removed.append(Removed("heading", text))


_TAG_RE = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*?(/?)>")
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


def _nesting_depth(html: str) -> int:
    """The deepest element nesting written in the markup (lxml gives up past 255)."""
    depth = deepest = 0
    for m in _TAG_RE.finditer(html):
        if m.group(3) or m.group(2).lower() in _VOID_TAGS:
            continue
        depth = depth - 1 if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _first_text(tree: Any, tag: str) -> str | None:
    for el in tree.iter(tag):
        text = norm_line(el.text_content())
        if text:
            return text
    return None


def _html_date(tree: Any) -> date | None:
    try:
        import htmldate

        found = htmldate.find_date(
            tree, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
        )
    except Exception:
        return None
    if not found:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None


def _text_of(el: Any) -> str:
    for lb in el.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    return norm_line("".join(el.itertext()))


def _body_lines(body: Any, parts: Article) -> list[str]:
    lines: list[str] = []
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            text = _text_of(el)
            if text:
                parts.headings.add(text)
                lines += [text, ""]
        elif tag == "list":
            for item in el.iter("item"):
                text = _text_of(item)
                if text:
                    parts.items.add(text)
                    lines.append(text)
            lines.append("")
        elif tag == "quote":
            children = [c for c in el if isinstance(c.tag, str) and c.tag == "p"]
            for c in children or [el]:
                text = _text_of(c)
                if text:
                    lines += [text, ""]
        elif tag in ("table", "graphic", "figure"):
            continue
        else:
            text = _text_of(el)
            if text:
                lines += [text, ""]
    return lines


def _fallback_lines(tree: Any, parts: Article) -> list[str]:
    """Text of block elements, for fragments trafilatura finds too small to extract."""
    try:
        from lxml import etree

        etree.strip_elements(tree, *_DROP_TAGS, with_tail=False)
    except Exception:
        pass
    lines: list[str] = []
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _BLOCK_TAGS:
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el.iterdescendants()):
            continue
        text = norm_line(el.text_content())
        if not text:
            continue
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            parts.headings.add(text)
        lines += [text, ""]
    if not lines:
        text = tree.text_content() if hasattr(tree, "text_content") else ""
        lines = assemble(text.split("\n"), set())
    return lines


def read(source: Source) -> list[Article | Skipped]:
    return [html_parts(source.text)]


READER = Reader(suffixes=(".html", ".htm", ".xhtml"), read=read)
