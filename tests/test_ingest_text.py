"""Reading plain text and Markdown: titles, paragraphs, header lines, datelines, outlets, and
the page furniture of scraped text (all fixtures are invented text)."""

from __future__ import annotations

from datetime import date

import pytest
from ingest_support import P1, P2, P3, one, write

from consistency.reading.ingest import ingest


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
