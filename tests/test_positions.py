"""Source positions (``consistency.reading.positions``): a sentence of a document's text is found at
its real line and column in the file it was read from, whatever the format.

The files are written here; each test reads them with ``ingest`` and checks that the line
and column given for a sentence are where the file holds that sentence's first word.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency.models import Document
from consistency.reading import positions
from consistency.reading.ingest import ingest


def _read(path: Path) -> Document:
    ingested = ingest([path])
    assert not ingested.skipped, ingested.skipped
    (doc,) = ingested.documents
    return doc


def _where(doc: Document, sentence: str) -> tuple[int, int] | None:
    return positions.locate(doc, doc.text.index(sentence))


def _line_col_of(raw: str, needle: str) -> tuple[int, int]:
    """Line and column where ``needle`` first occurs in ``raw`` (lines split on \\n)."""
    at = raw.index(needle)
    line_start = raw.rfind("\n", 0, at) + 1
    return raw.count("\n", 0, at) + 1, at - line_start + 1


WRAPPED = """date 2025-02-03
Title: Ferry crossing halted
Outlet: Wexcombe Tribune

The Wexcombe ferry stopped running on Sunday after a storm damaged the
northern pier. Engineers from the county council inspected the pier on
Monday morning and said repairs would take three weeks.

Passengers were offered a bus service instead.
"""


def test_a_hard_wrapped_text_file_gives_the_line_of_the_sentence(tmp_path: Path) -> None:
    path = tmp_path / "tribune.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    doc = _read(path)
    assert "the\nnorthern" not in doc.text  # the wrapped lines were joined in the text
    assert _where(doc, "The Wexcombe ferry") == (5, 1)
    # Mid-paragraph, on the second line of the file's paragraph.
    assert _where(doc, "Engineers from the county") == _line_col_of(WRAPPED, "Engineers")
    assert _where(doc, "Engineers from the county") == (6, 16)
    assert _where(doc, "Passengers were offered") == (9, 1)


def test_windows_line_ends_count_as_one(tmp_path: Path) -> None:
    path = tmp_path / "tribune.txt"
    path.write_bytes(WRAPPED.replace("\n", "\r\n").encode("utf-8"))
    doc = _read(path)
    assert _where(doc, "Engineers from the county") == (6, 16)
    assert _where(doc, "Passengers were offered") == (9, 1)


PAGE = """<!DOCTYPE html>
<html><head><title>Quarry fire | Upland Courant</title>
<meta name="description" content="Crews fought a fire at the Brackley quarry.">
<script>var intro = "Crews fought a fire at the Brackley quarry";</script>
</head>
<body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Quarry fire</h1>
<p>Crews fought a fire at the <a href="/places/brackley">Brackley</a> quarry
for six hours on Tuesday, the fire service said.</p>
<p>The owner, Marl &amp; Sons, said the blaze started in a
conveyor shed. &ldquo;Nobody was hurt,&rdquo; a spokeswoman
said. The quarry will stay closed until&nbsp;Friday.</p>
<p>Caf&eacute; owners nearby reported smoke.</p>
</article>
</body></html>
"""


def test_an_html_page_gives_the_line_where_the_sentence_starts(tmp_path: Path) -> None:
    path = tmp_path / "courant.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = _read(path)
    # Not the copy in the page's metadata or its script: the paragraph.
    assert _where(doc, "Crews fought a fire") == (10, 4)
    # Across an entity (&amp;) and a tag: still the line and column in the source.
    assert _where(doc, "The owner, Marl & Sons") == (12, 4)
    # A sentence that opens with a quotation mark written as an entity, mid-line.
    line, column = _where(doc, "\u201cNobody was hurt") or (0, 0)
    assert line == 13
    assert PAGE.split("\n")[12][column - 1 :].startswith("&ldquo;Nobody")
    assert _where(doc, "The quarry will stay closed") == _line_col_of(PAGE, "The quarry will")
    assert _where(doc, "Café owners nearby") == (15, 4)


def test_a_json_feed_gives_the_line_of_the_field_holding_the_text(tmp_path: Path) -> None:
    items = [
        {
            "title": "Bridge reopens",
            "outlet": "Lowfield Echo",
            "published": "2025-03-01",
            "body": "The Lowfield bridge reopened on Friday.\n\nIt had been closed since "
            "October for repairs.",
        },
        {
            "title": "Bridge toll",
            "outlet": "Lowfield Echo",
            "published": "2025-03-02",
            "body": "Drivers will pay a toll of \u00a32 on the Lowfield bridge from April.",
        },
    ]
    raw = "[\n" + ",\n".join(json.dumps(i, ensure_ascii=True) for i in items) + "\n]\n"
    path = tmp_path / "echo.json"
    path.write_text(raw, encoding="utf-8")
    docs = sorted(ingest([path]).documents, key=lambda d: d.id)
    first, second = docs
    assert _where(first, "The Lowfield bridge reopened") == _line_col_of(raw, "The Lowfield")
    # After an escaped blank line (\n\n): the same line, further along.
    line, column = _where(first, "It had been closed") or (0, 0)
    assert line == 2 and raw.split("\n")[1][column - 1 :].startswith("It had been closed")
    assert _where(second, "Drivers will pay") == (3, _line_col_of(raw, "Drivers")[1])


def test_markdown_links_and_emphasis_are_allowed_between_words(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Orchard sale\noutlet: Fenwick Post\ndate: 2025-04-02\n---\n\n"
        "The **Fenwick** orchard was sold to [Pell Farms](https://pell.example/about/us) "
        "for an undisclosed sum.\n\n"
        "Pell Farms said it would keep the *twelve* staff.\n"
    )
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    doc = _read(path)
    assert _where(doc, "The Fenwick orchard") == (7, 1)
    assert _where(doc, "Pell Farms said") == (9, 1)
    start = doc.text.index("Pell Farms said")
    span = positions.locate_span(doc, (start, start + len("Pell Farms said it would")))
    assert span == (9, 1, 9, len("Pell Farms said it would") + 1)


def test_text_not_found_in_the_file_has_no_position() -> None:
    doc = Document(
        id="a.txt",
        path="a.txt",
        name="a.txt",
        text="First paragraph here.\n\nSecond one is elsewhere.",
        positions=positions.build(
            "First paragraph here.\n", "First paragraph here.\n\nSecond one is elsewhere.", "txt"
        ),
    )
    assert positions.locate(doc, 0) == (1, 1)
    assert positions.locate(doc, doc.text.index("Second")) is None


def test_a_document_built_by_hand_is_located_in_its_text() -> None:
    doc = Document(id="a.txt", path="a.txt", name="a.txt", text="One.\n\nTwo words.")
    assert positions.locate(doc, doc.text.index("Two")) == (3, 1)


@pytest.mark.parametrize("fmt", ["txt", "html", "json"])
def test_every_word_of_a_plain_text_is_found_where_it_is(fmt: str) -> None:
    source = "Alpha beta gamma.\nDelta epsilon zeta eta.\n\nTheta iota kappa.\n"
    text = "Alpha beta gamma. Delta epsilon zeta eta.\n\nTheta iota kappa."
    doc = Document(
        id="d", path="d", name="d", text=text, positions=positions.build(source, text, fmt)
    )
    for word in ("Alpha", "gamma", "Delta", "eta", "Theta", "kappa"):
        assert positions.locate(doc, text.index(word)) == _line_col_of(source, word), word


def test_an_rss_entry_gives_the_line_inside_its_escaped_html(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0"><channel><title>Dunmore Wire</title>\n<item>\n'
        "<title>Pier works begin</title>\n<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>\n"
        "<description>&lt;p&gt;Work on the Dunmore pier began on Monday, the board said."
        "&lt;/p&gt;\n"
        "&lt;p&gt;The board expects it to reopen in &lt;b&gt;June&lt;/b&gt; 2025.&lt;/p&gt;"
        "</description>\n</item>\n</channel></rss>\n"
    )
    path = tmp_path / "wire.xml"
    path.write_text(feed, encoding="utf-8")
    doc = _read(path)
    assert _where(doc, "Work on the Dunmore") == _line_col_of(feed, "Work on")
    assert _where(doc, "The board expects") == _line_col_of(feed, "The board")
