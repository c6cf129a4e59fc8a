"""Reading HTML, JSON, JSON Lines, RSS and Atom into Documents, and mapping JSON fields (all
fixtures are invented text)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from ingest_support import P1, P2, P3, one, write

from consistency.reading.ingest import ingest

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
        "All Rights Reserved. Reuse needs written permission.</p>\\n</span>"
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


def test_unknown_field_name_is_a_config_error(tmp_path):
    from consistency.errors import ConfigError

    with pytest.raises(ConfigError, match="bodytext"):
        ingest([tmp_path], fields={"bodytext": "x"})
