"""Reading files and folders into Documents (all fixtures are invented text)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from consistency.reading.ingest import Ingested, ingest

P1 = (
    "The regional council of Valdoria approved the new water plan on Tuesday, "
    "after a debate that lasted most of the afternoon."
)
P2 = (
    "Mayor Ilse Brandt said the first pumping stations would open next spring, "
    "and that the cost would be shared with the two neighbouring districts."
)
P3 = "Opposition members said the plan came too late for the farms in the lower valley."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def one(result: Ingested):
    assert result.skipped == [], result.skipped
    assert len(result.documents) == 1, result.documents
    return result.documents[0]


# --- formats ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.txt", "a.text"])
def test_plain_text_title_paragraphs_and_headings(tmp_path, name):
    write(tmp_path, name, f"Valdoria approves water plan\n\n{P1}\n\nWhat happens next\n\n{P2}\n")
    doc = one(ingest([tmp_path]))
    assert doc.id == name and doc.name == name and doc.format == "txt"
    assert doc.title == "Valdoria approves water plan"
    assert doc.text == f"{P1}\n\n{P2}"
    assert ("heading", "What happens next") in [(r.kind, r.text) for r in doc.removed]
    assert doc.published is None and doc.published_from == "none"


def test_text_with_one_paragraph_a_line_and_no_blank_lines(tmp_path):
    write(tmp_path, "a.txt", f"Valdoria approves water plan\n{P1}\nThe costs\n{P2}\n{P3}\n")
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.title == "Valdoria approves water plan"
    assert doc.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_header_lines_at_the_top(tmp_path):
    content = (
        "Title: Valdoria approves water plan\n"
        "Date: 4 March 2031\n"
        "URL: https://ledger.example/water\n"
        "Source: The Northern Ledger\n"
        "\n"
        f"{P1}\n\n{P2}\n"
    )
    write(tmp_path, "a.txt", content)
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.title == "Valdoria approves water plan"
    assert doc.url == "https://ledger.example/water"
    assert doc.outlet == "The Northern Ledger"
    assert doc.published == date(2031, 3, 4)
    assert doc.published_from == "header"
    assert "4 March 2031" in doc.published_note
    assert doc.text == f"{P1}\n\n{P2}"


def test_bare_date_header_line(tmp_path):
    write(tmp_path, "a.txt", f"date 2031-03-04\n{P1}\n\n{P2}\n")
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.published == date(2031, 3, 4) and doc.published_from == "header"
    assert doc.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "line",
    [
        "Published April 2, 2031",
        "By Jane Doe | April 2, 2031",
        "Regions·April 2, 2031, 7:45 AM",
        "Updated: Wed 2 April 2031 07:45 GMT",
    ],
)
def test_dateline_near_the_top(tmp_path, line):
    write(tmp_path, "a.txt", f"Valdoria approves water plan\n\n{line}\n\n{P1}\n\n{P2}\n")
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.published == date(2031, 4, 2)
    assert doc.published_from == "dateline"
    assert line in doc.published_note
    assert line not in doc.text
    assert doc.title == "Valdoria approves water plan"


def test_a_date_in_the_body_is_not_a_dateline(tmp_path):
    write(tmp_path, "a.txt", f"{P1}\n\nThe vote on April 2, 2031 was close, officials said.\n")
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.published is None
    assert "April 2, 2031" in doc.text


def test_markdown_with_front_matter(tmp_path):
    content = (
        "---\n"
        "title: Valdoria approves water plan\n"
        "date: 2031-03-04\n"
        "url: https://ledger.example/water\n"
        "outlet: The Northern Ledger\n"
        "---\n"
        "# Valdoria approves water plan\n\n"
        "The regional council of **Valdoria** approved the new [water plan](https://x.example)\n"
        "on Tuesday, after a debate that lasted most of the afternoon and into the\n"
        "early evening, members said.\n\n"
        "## What happens next\n\n"
        "![a pumping station](pump.jpg)\n\n"
        f"{P2}\n\n"
        "- first item of the list\n"
        "- second item of the list\n"
    )
    write(tmp_path, "a.markdown", content)
    doc = one(ingest([tmp_path]))
    assert doc.format == "md"
    assert doc.title == "Valdoria approves water plan"
    assert doc.outlet == "The Northern Ledger"
    assert doc.url == "https://ledger.example/water"
    assert doc.published == date(2031, 3, 4) and doc.published_from == "header"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == (
        "The regional council of Valdoria approved the new water plan on Tuesday, after a "
        "debate that lasted most of the afternoon and into the early evening, members said."
    )
    assert "What happens next" not in doc.text
    assert "pump.jpg" not in doc.text and "**" not in doc.text
    assert paragraphs[1] == P2
    assert "first item of the list" in doc.text


def test_hard_wrapped_text_is_joined_into_paragraphs(tmp_path):
    content = (
        "Valdoria approves water plan\n\n"
        "The regional council of Valdoria approved the new water plan on\n"
        "Tuesday, after a debate that lasted most of the afternoon and into\n"
        "the evening, members of the council said.\n\n"
        "Mayor Ilse Brandt said the first pumping stations would open next\n"
        "spring.\n"
    )
    write(tmp_path, "a.txt", content)
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.text.count("\n\n") == 1
    assert doc.text.endswith("open next spring.")


HTML_PAGE = f"""<!doctype html>
<html><head>
<title>Valdoria approves water plan | The Northern Ledger</title>
<meta property="og:site_name" content="The Northern Ledger">
<meta property="og:title" content="Valdoria approves water plan">
<link rel="canonical" href="https://ledger.example/water">
<meta property="article:published_time" content="2022-03-04T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/regions">Regions</a></nav>
<article>
<h1>Valdoria approves water plan</h1>
<p>{P1}</p>
<h2>What happens next</h2>
<p>{P2}</p>
<p>{P3}</p>
</article>
<footer><p>© 2031 Northern Ledger Media Ltd. All rights reserved.</p></footer>
</body></html>
"""


def test_html_page_text_and_metadata(tmp_path):
    write(tmp_path, "a.html", HTML_PAGE)
    doc = one(ingest([tmp_path / "a.html"]))
    assert doc.format == "html"
    assert doc.title == "Valdoria approves water plan"
    assert doc.outlet == "The Northern Ledger"
    assert doc.url == "https://ledger.example/water"
    # htmldate accepts no date after today: the page's date is in the past
    assert doc.published == date(2022, 3, 4) and doc.published_from == "meta"
    assert doc.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert "heading" in [r.kind for r in doc.removed]


@pytest.mark.parametrize("name", ["a.htm", "a.html", "a.xhtml"])
def test_html_fragment_falls_back_to_block_text(tmp_path, name):
    write(tmp_path, name, "<p>The council met.</p><p>It voted yes.</p>")
    doc = one(ingest([tmp_path / name]))
    assert doc.text == "The council met.\n\nIt voted yes."
    assert doc.published is None


def test_escaped_html_body_inside_a_text_file(tmp_path):
    body = (
        " date 2031-03-04 <p><span>" + P1 + "</span></p>\\r\\n"
        "<h2><b>What happens next</b></h2>\\r\\n"
        "<p><span>" + P2 + "</span></p>\\r\\n"
        "<p>" + P3 + '</p><br /><span class="copyright"><p>© 2031 The Valley Post, Inc. '
        "All Rights Reserved. This article is for information only.</p>\\n</span>"
    )
    write(tmp_path, "a.txt", body)
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.published == date(2031, 3, 4) and doc.published_from == "header"
    assert doc.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert doc.outlet == "The Valley Post"
    assert "What happens next" not in doc.text
    assert "\\r" not in doc.text and "<" not in doc.text


def test_json_object(tmp_path):
    item = {
        "headline": "Valdoria approves water plan",
        "body": f"{P1}\n\n{P2}",
        "link": "https://ledger.example/water",
        "published_at": "2031-03-04T09:00:00Z",
        "source": {"id": "nl", "name": "The Northern Ledger"},
    }
    write(tmp_path, "a.json", json.dumps(item))
    doc = one(ingest([tmp_path / "a.json"]))
    assert doc.id == "a.json" and doc.format == "json"
    assert doc.title == "Valdoria approves water plan"
    assert doc.url == "https://ledger.example/water"
    assert doc.outlet == "The Northern Ledger"
    assert doc.published == date(2031, 3, 4) and doc.published_from == "meta"
    assert doc.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("wrap", ["array", "articles", "items", "entries", "data"])
def test_json_lists_of_articles(tmp_path, wrap):
    items = [{"title": f"Story {n}", "text": f"{P1} Number {n}."} for n in (1, 2, 3)]
    data = items if wrap == "array" else {"status": "ok", wrap: items}
    write(tmp_path, "feed.json", json.dumps(data))
    result = ingest([tmp_path])
    assert result.skipped == []
    assert [d.id for d in result.documents] == ["feed.json#1", "feed.json#2", "feed.json#3"]
    assert all(d.name == "feed.json" for d in result.documents)
    assert result.documents[1].title == "Story 2"
    assert result.documents[1].text.endswith("Number 2.")


def test_json_with_html_content_and_field_mapping(tmp_path):
    items = [
        {"hed": "One", "story": {"html": f"<p>{P1}</p><p>{P2}</p>"}, "when": "4 March 2031"},
        {"hed": "Two", "story": {"html": f"<p>{P3}</p>"}, "when": 1962316800},
    ]
    write(tmp_path, "x.json", json.dumps(items))
    fields = {"text": "story.html", "title": "hed", "published": "when"}
    result = ingest([tmp_path / "x.json"], fields=fields)
    assert result.skipped == []
    first, second = result.documents
    assert first.title == "One" and first.text == f"{P1}\n\n{P2}"
    assert first.published == date(2031, 3, 4)
    assert second.published == date(2032, 3, 8)  # a Unix timestamp, read in UTC


def test_jsonl(tmp_path):
    lines = [json.dumps({"title": f"Story {n}", "content": f"{P1} Part {n}."}) for n in (1, 2)]
    write(tmp_path, "a.jsonl", "\n".join(lines) + "\n")
    write(tmp_path, "b.ndjson", lines[0] + "\n")
    result = ingest([tmp_path])
    assert result.skipped == []
    assert [d.id for d in result.documents] == ["a.jsonl#1", "a.jsonl#2", "b.ndjson"]
    assert result.documents[0].format == "jsonl"


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>The Northern Ledger</title><link>https://ledger.example</link>
<item><title>Valdoria approves water plan</title><link>https://ledger.example/water</link>
<pubDate>Tue, 04 Mar 2031 09:00:00 +0000</pubDate>
<description><![CDATA[<p>{P1}</p><p>{P2}</p>]]></description></item>
<item><title>Ferry strike ends</title><link>https://ledger.example/ferry</link>
<pubDate>Wed, 05 Mar 2031 10:00:00 +0000</pubDate>
<description>{P3}</description></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>The Valley Post</title>
<entry><title>Valdoria approves water plan</title>
<link href="https://post.example/water"/><id>urn:x:1</id>
<published>2031-03-04T09:00:00Z</published><updated>2031-03-05T09:00:00Z</updated>
<content type="html">&lt;p&gt;{P1}&lt;/p&gt;&lt;p&gt;{P2}&lt;/p&gt;</content></entry>
</feed>
"""


@pytest.mark.parametrize("ext", [".rss", ".xml"])
def test_rss_feed(tmp_path, ext):
    write(tmp_path, "news" + ext, RSS)
    result = ingest([tmp_path])
    assert result.skipped == []
    first, second = result.documents
    assert (first.id, second.id) == (f"news{ext}#1", f"news{ext}#2")
    assert first.format == "rss"
    assert first.title == "Valdoria approves water plan"
    assert first.outlet == "The Northern Ledger"
    assert first.url == "https://ledger.example/water"
    assert first.published == date(2031, 3, 4) and first.published_from == "meta"
    assert first.text == f"{P1}\n\n{P2}"
    assert second.text == P3


def test_atom_feed(tmp_path):
    write(tmp_path, "news.atom", ATOM)
    doc = one(ingest([tmp_path / "news.atom"]))
    assert doc.format == "atom"
    assert doc.outlet == "The Valley Post"
    assert doc.published == date(2031, 3, 4)
    assert doc.text == f"{P1}\n\n{P2}"


def test_folder_ids_are_relative_posix_and_sorted(tmp_path):
    write(tmp_path, "b.txt", P1)
    write(tmp_path, "sub/deeper/a.txt", P2)
    write(tmp_path, "sub/c.md", P3)
    write(tmp_path, "sub/photo.jpg", b"\xff\xd8\xff\xe0 not text")
    write(tmp_path, ".hidden.txt", P1)
    write(tmp_path, ".git/x.txt", P1)
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    result = ingest([tmp_path])
    assert result.skipped == []
    assert [d.id for d in result.documents] == ["b.txt", "sub/c.md", "sub/deeper/a.txt"]
    assert result.documents[2].path == os.path.join(str(tmp_path), "sub", "deeper", "a.txt")
    assert result == ingest([tmp_path])  # deterministic


def test_unknown_extension_named_explicitly_is_read_as_text(tmp_path):
    path = write(tmp_path, "story.article", f"{P1}\n\n{P2}\n")
    assert ingest([tmp_path]).documents == []
    doc = one(ingest([path]))
    assert doc.text == f"{P1}\n\n{P2}"


def test_same_file_name_from_two_folders_gets_distinct_ids(tmp_path):
    a = write(tmp_path, "one/a.txt", P1)
    b = write(tmp_path, "two/a.txt", P2)
    result = ingest([a, b])
    ids = [d.id for d in result.documents]
    assert len(set(ids)) == 2 and "a.txt" in ids


def test_outlet_from_copyright_line_and_header_wins(tmp_path):
    tail = "© 2031 Harbour Times Group, Inc. All Rights Reserved."
    write(tmp_path, "a.txt", f"{P1}\n\n{P2}\n\n{tail}\n")
    write(tmp_path, "b.txt", f"Outlet: The Valley Post\n\n{P1}\n\n{tail}\n")
    a, b = ingest([tmp_path]).documents
    assert a.outlet == "Harbour Times Group"
    assert tail not in a.text
    assert b.outlet == "The Valley Post"


def test_source_line_at_the_end_is_kept_with_a_note(tmp_path):
    write(tmp_path, "a.txt", f"{P1}\n\n{P2}\n\nSource: Valley Wire\n\nSponsored ad\n")
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.text.endswith("Source: Valley Wire")
    assert doc.outlet is None
    assert any("Source: Valley Wire" in n for n in doc.notes)


def test_scraped_page_furniture_is_removed(tmp_path):
    content = "\n".join(
        [
            "Sunny 21°C",
            "07-15-2031",
            "QRX",
            "$412.07",
            "Vol 88.1m",
            "2.40%",
            "ZEN",
            "$0.93",
            "-0.75%",
            "",
            "Valdoria approves water plan",
            "",
            P1,
            "",
            "workers inspecting a pumping station at dusk",
            "©Lumen Stock/Aino Virtanen",
            "",
            P2,
            "",
            "More to Read",
            "",
            "Ferry strike ends after nine days",
            "Crews return to the northern routes as talks conclude with a pay deal and...",
            "July 2, 2031",
            "New bridge opens to cyclists",
            "The long-delayed crossing welcomed its first riders at dawn on Saturday.",
            "June 28, 2031",
            "Advertisement",
        ]
    )
    write(tmp_path, "page.txt", content)
    doc = one(ingest([tmp_path / "page.txt"]))
    assert doc.title == "Valdoria approves water plan"
    assert doc.text == f"{P1}\n\n{P2}"
    assert doc.published is None and doc.published_from == "none"
    assert any("07-15-2031" in n and "capture date" in n for n in doc.notes)


def test_progress_bar_goes_to_stderr(tmp_path, capsys):
    write(tmp_path, "a.txt", P1)
    result = ingest([tmp_path], progress=True)
    assert len(result.documents) == 1
    assert capsys.readouterr().out == ""
    assert len(ingest([tmp_path], progress=False).documents) == 1


# --- encodings -------------------------------------------------------------------------

TEXT_WITH_MARKS = (
    "The mayor’s office put the cost at €4.5 million for the café district, "
    "and said “work starts soon” in Besançon."
)


@pytest.mark.parametrize(
    "codec, prefix",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("cp1252", b""),
    ],
)
def test_encodings(tmp_path, codec, prefix):
    content = f"Valdoria budget\r\n\r\n{TEXT_WITH_MARKS}\r\n\r\n{P2}\r\n"
    write(tmp_path, "a.txt", prefix + content.encode(codec))
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.title == "Valdoria budget"
    assert doc.text == f"{TEXT_WITH_MARKS}\n\n{P2}"
    assert "\r" not in doc.text and "\ufeff" not in doc.text


def test_latin1(tmp_path):
    content = "Le conseil a approuvé le plan à Besançon, a déclaré le maire, après un débat."
    write(tmp_path, "a.txt", content.encode("latin-1"))
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.text == content


def test_utf8_with_a_damaged_byte_is_read_with_a_note(tmp_path):
    data = TEXT_WITH_MARKS.encode("utf-8") + b" \xff " + P2.encode("utf-8")
    write(tmp_path, "a.txt", data)
    doc = one(ingest([tmp_path / "a.txt"]))
    assert "€4.5 million" in doc.text
    assert any("not valid UTF-8" in n for n in doc.notes)


# --- sidecars --------------------------------------------------------------------------


def test_sidecar_yaml_overrides_everything(tmp_path):
    write(tmp_path, "a.txt", f"Title: Old title\nDate: 1 May 2031\nSource: Old Outlet\n\n{P1}\n")
    write(tmp_path, "b.txt", f"{P2}\n")
    write(
        tmp_path,
        "sources.yaml",
        "a.txt:\n  outlet: The Northern Ledger\n  url: https://ledger.example/a\n"
        "  date: 2031-03-04\n  title: New title\n"
        "b.txt:\n  outlet: The Valley Post\n  published: 'March 5, 2031'\n",
    )
    result = ingest([tmp_path])
    assert result.skipped == []
    a, b = result.documents
    assert (a.outlet, a.url, a.title) == (
        "The Northern Ledger",
        "https://ledger.example/a",
        "New title",
    )
    assert a.published == date(2031, 3, 4) and a.published_from == "sidecar"
    assert "sources.yaml" in a.published_note
    assert b.outlet == "The Valley Post"
    assert b.published == date(2031, 3, 5) and b.published_from == "sidecar"


def test_sidecar_csv(tmp_path):
    write(tmp_path, "a.txt", P1)
    write(
        tmp_path,
        "sources.csv",
        "file,outlet,url,date,title\na.txt,The Valley Post,https://post.example/a,2031-03-04,T\n",
    )
    doc = one(ingest([tmp_path]))
    assert doc.outlet == "The Valley Post" and doc.title == "T"
    assert doc.published == date(2031, 3, 4) and doc.published_from == "sidecar"


def test_sidecar_applies_to_a_file_named_explicitly(tmp_path):
    path = write(tmp_path, "a.txt", P1)
    write(tmp_path, "sources.yaml", "a.txt: {outlet: The Valley Post}\n")
    doc = one(ingest([path]))
    assert doc.outlet == "The Valley Post"


def test_sidecar_bad_date_and_missing_file(tmp_path):
    write(tmp_path, "a.txt", P1)
    write(tmp_path, "b.txt", P2)
    write(
        tmp_path,
        "sources.yaml",
        "a.txt: {outlet: The Valley Post, date: 'not a date'}\n"
        "gone.txt: {outlet: Nobody}\n"
        "b.txt: {outlet: The Northern Ledger, date: 2031-03-04}\n",
    )
    result = ingest([tmp_path])
    a, b = result.documents
    assert a.outlet == "The Valley Post" and a.published is None
    assert b.outlet == "The Northern Ledger" and b.published == date(2031, 3, 4)
    reasons = {s.reason for s in result.skipped}
    assert all(s.path.endswith("sources.yaml") for s in result.skipped)
    assert any("a.txt" in r and "not a date" in r for r in reasons)
    assert any("gone.txt" in r and "no such file" in r for r in reasons)
    assert len(result.skipped) == 2


@pytest.mark.parametrize(
    "name, content",
    [
        ("sources.yaml", "a.txt: {outlet: [unclosed\n"),
        ("sources.yaml", "- just\n- a list of strings\n"),
        ("sources.csv", "name_of_thing,outlet\n"),
    ],
)
def test_invalid_sidecar_is_skipped_and_files_are_read_without_it(tmp_path, name, content):
    write(tmp_path, "a.txt", P1)
    write(tmp_path, name, content)
    result = ingest([tmp_path])
    assert len(result.documents) == 1 and result.documents[0].outlet is None
    assert result.skipped and all(s.path.endswith(name) for s in result.skipped)


# --- the real seeds --------------------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[2] / "shared/corpus/seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not present")
def test_real_seeds():
    result = ingest([SEEDS])
    assert result.skipped == []
    docs = {d.id[:3]: d for d in result.documents}
    assert len(result.documents) == 5 and sorted(docs) == ["000", "001", "002", "003", "004"]
    assert docs["003"].published == date(2023, 8, 3)
    assert docs["003"].published_from == "header"
    assert docs["004"].published == date(2023, 4, 14)
    assert docs["004"].published_from == "dateline"
    assert docs["002"].published is None
    assert any("09-23-2024" in n and "capture date" in n for n in docs["002"].notes)
    assert docs["000"].published is None and docs["001"].published is None
    # furniture never reaches the text
    assert "2025" not in docs["004"].text and "2021" not in docs["004"].text
    assert "$63733" not in docs["002"].text and "2024" not in docs["002"].text
    assert "Sponsored" not in docs["000"].text
    assert "style of" not in docs["000"].text
    assert "©" not in docs["004"].text and "©" not in docs["003"].text
    assert "Source: Coindesk" in docs["000"].text
    for doc in result.documents:
        assert doc.text.strip()
        assert "\n\n\n" not in doc.text
        assert "<" not in doc.text and "\\r" not in doc.text
        assert all(p == p.strip() and "\n" not in p for p in doc.text.split("\n\n"))


def test_list_items_are_not_taken_for_headings(tmp_path):
    content = (
        f"Valdoria approves water plan\n\n{P1}\n\n"
        "- Four new pumping stations\n- A second dike near the harbour\n\n"
        f"{P2}\n"
    )
    write(tmp_path, "a.md", content)
    doc = one(ingest([tmp_path / "a.md"]))
    assert "Four new pumping stations" in doc.text
    assert "A second dike near the harbour" in doc.text


def test_a_sidecar_named_among_explicit_files_is_not_an_article(tmp_path):
    a = write(tmp_path, "a.txt", P1)
    sidecar = write(tmp_path, "sources.yaml", "a.txt: {outlet: The Valley Post}\n")
    result = ingest([a, sidecar])
    assert result.skipped == []
    assert [(d.id, d.outlet) for d in result.documents] == [("a.txt", "The Valley Post")]


def test_paths_may_be_str_or_pathlike(tmp_path):
    write(tmp_path, "a.txt", P1)
    assert ingest([str(tmp_path)]) == ingest([tmp_path])


def test_scraped_text_page_with_kicker_byline_and_update_line(tmp_path):
    content = "\n".join(
        [
            "Menu",
            "Home | Regions | Politics | Sport | Weather",
            "Breaking",
            "Valdoria ferry strike ends after nine days",
            "By Jane Doe and Tom Lark",
            "Updated: Tue 4 March 2031 14:05 GMT",
            P1,
            "Share this article",
            "Facebook Twitter Email",
            P2,
            "Read more: How the islands coped without ferries",
            "Advertisement",
            P3,
            "Related",
            "Harbour museum doubles its visitors",
            "2 days ago",
            "New bridge opens to cyclists",
            "5 days ago",
            "© 2031 Island Courier Ltd",
        ]
    )
    write(tmp_path, "a.txt", content)
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.title == "Valdoria ferry strike ends after nine days"
    assert doc.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert doc.published == date(2031, 3, 4) and doc.published_from == "dateline"
    assert doc.outlet == "Island Courier"
    kinds = {r.kind for r in doc.removed}
    assert {"navigation", "byline", "dateline", "share-bar", "ad", "teaser"} <= kinds


def test_unknown_field_name_is_a_config_error(tmp_path):
    from consistency.errors import ConfigError

    with pytest.raises(ConfigError, match="bodytext"):
        ingest([tmp_path], fields={"bodytext": "x"})


@pytest.mark.parametrize(
    "top",
    [
        "Updated: May 9, 2031\nPublished: May 2, 2031",
        "Updated May 9, 2031 | Published May 2, 2031",
        "Published May 2, 2031 · Updated May 9, 2031",
    ],
)
def test_publication_date_wins_over_update_date(tmp_path, top):
    write(tmp_path, "a.txt", f"Valdoria approves water plan\n{top}\n\n{P1}\n\n{P2}\n")
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.published == date(2031, 5, 2) and doc.published_from == "dateline"
    assert doc.text == f"{P1}\n\n{P2}"
