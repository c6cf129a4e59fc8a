"""Page furniture is recognised by its shape (all text here is invented)."""

from __future__ import annotations

from consistency.reading.furniture import (
    copyright_holder,
    is_date_only,
    is_heading_shaped,
    is_prose,
    strip_furniture,
)

P1 = (
    "The regional council of Valdoria approved the new water plan on Tuesday, "
    "after a debate that lasted most of the afternoon."
)
P2 = (
    "Mayor Ilse Brandt said the first pumping stations would open next spring, "
    "and that the cost would be shared with the two neighbouring districts."
)
P3 = (
    "Opposition members argued that the plan came too late for the farms "
    "in the lower valley, which flooded twice last year."
)


def kinds(removed):
    return [r.kind for r in removed]


def text_of(kept):
    return "\n".join(line for line in kept if line.strip())


def test_price_ticker_run_is_removed_and_its_date_is_a_capture_date():
    lines = [
        "Cloudy 14°C",
        "11-02-2031",
        "QRX",
        "$412.07",
        "Vol 88.1m",
        "2.40%",
        "ZEN",
        "$0.93",
        "Vol 1204.6m",
        "-0.75%",
        "",
        P1,
        "",
        P2,
    ]
    kept, removed, notes = strip_furniture(lines)
    assert text_of(kept) == f"{P1}\n{P2}"
    assert kinds(removed) == ["ticker"]
    assert "$412.07" in removed[0].text
    assert any("11-02-2031" in n and "capture date" in n for n in notes)


def test_one_line_ticker_strip():
    lines = ["QRX 412.07 +2.4% ZEN 0.93 -0.8%", "", P1, "", P2]
    kept, removed, _ = strip_furniture(lines)
    assert text_of(kept) == f"{P1}\n{P2}"
    assert kinds(removed) == ["ticker"]


def test_numbers_in_prose_are_not_a_ticker():
    lines = [P1, "", "Turnout was 61.5%, up from 58% in 2027.", "", P2]
    kept, removed, _ = strip_furniture(lines)
    assert removed == []
    assert "61.5%" in text_of(kept)


def test_teaser_list_with_a_known_label_and_dates_after_each_item():
    lines = [
        "Water plan approved",
        "",
        P1,
        "",
        P2,
        "",
        "You may also like",
        "",
        "Ferry strike ends after nine days",
        "Crews return to the northern routes as talks conclude with a pay deal and...",
        "March 2, 2031",
        "New bridge opens to cyclists",
        "The long-delayed crossing welcomed its first riders at dawn on Saturday.",
        "February 27, 2031",
    ]
    kept, removed, _ = strip_furniture(lines)
    assert text_of(kept) == f"Water plan approved\n{P1}\n{P2}"
    assert kinds(removed) == ["teaser"]
    assert "2031" not in text_of(kept)


def test_teaser_list_with_category_and_date_before_each_item():
    lines = [
        "Water plan approved",
        "",
        P1,
        "",
        P2,
        "",
        "Further coverage",
        "See everything",
        "Regions·",
        "",
        "Jan 9, 2031",
        "",
        "Ferry strike ends after nine days",
        "",
        "Crews returned to the northern routes on Monday after the unions accepted a deal.",
        "",
        "story",
        "Transport·",
        "",
        "Dec 30, 2030",
        "",
        "New bridge opens to cyclists",
        "",
        "The long-delayed crossing welcomed its first riders at dawn on Saturday morning.",
        "",
        "story",
    ]
    kept, removed, _ = strip_furniture(lines)
    assert text_of(kept) == f"Water plan approved\n{P1}\n{P2}"
    assert "Ferry" not in text_of(kept) and "2030" not in text_of(kept)
    assert set(kinds(removed)) <= {"teaser", "navigation"}


def test_teaser_items_at_the_end_without_any_label_are_found_by_shape():
    lines = [
        P1,
        "",
        P2,
        "",
        "Ferry strike ends after nine days",
        "Crews return to the northern routes as talks conclude...",
        "4 hours ago",
        "New bridge opens to cyclists",
        "The long-delayed crossing welcomed its first riders...",
        "2 days ago",
        "Harbour museum doubles its visitors",
        "A new wing built around an old lighthouse drew crowds all summer...",
        "3 days ago",
    ]
    kept, removed, _ = strip_furniture(lines)
    assert text_of(kept) == f"{P1}\n{P2}"
    assert "teaser" in kinds(removed)


def test_a_lone_dateline_is_not_a_teaser():
    lines = ["Water plan approved", "", "Regions · May 4, 2031, 9:10 AM", "", P1, "", P2]
    kept, removed, _ = strip_furniture(lines)
    assert "Regions · May 4, 2031, 9:10 AM" in kept
    assert removed == []


def test_dated_timeline_inside_the_article_is_kept():
    lines = [
        P1,
        "",
        "June 3, 2029",
        "The first survey of the valley found eleven weak points in the dikes.",
        "April 18, 2030",
        "The council commissioned a study of two possible pumping schemes.",
        "",
        P2,
        "",
        P3,
    ]
    kept, removed, _ = strip_furniture(lines)
    assert "eleven weak points" in text_of(kept)
    assert "teaser" not in kinds(removed)


def test_image_caption_and_credit_are_removed():
    lines = [
        "Water plan approved",
        "",
        P1,
        "",
        "workers inspecting a pumping station at dusk",
        "©Lumen Stock/Aino Virtanen",
        "",
        P2,
        "",
        "The old dike near the harbour",
        "Photo by Marta Kolar on Unsplash",
        "",
        P3,
    ]
    kept, removed, _ = strip_furniture(lines)
    assert text_of(kept) == f"Water plan approved\n{P1}\n{P2}\n{P3}"
    assert kinds(removed) == ["image-caption", "image-credit", "image-caption", "image-credit"]


def test_credit_lines_of_several_shapes():
    for credit in (
        "Image: Valdoria Water Office",
        "Credit: Aino Virtanen",
        "Getty Images",
        "Aino Virtanen/Getty Images",
        "Photograph: Marta Kolar",
    ):
        kept, removed, _ = strip_furniture([P1, "", credit, "", P2])
        assert text_of(kept) == f"{P1}\n{P2}", credit
        assert "image-credit" in kinds(removed), credit


def test_generated_image_description_after_the_title_is_removed():
    description = (
        "A river valley glowing under a stormy sky, painted in a style of impressionism, "
        "with tiny pumping stations standing along the banks, symbolizing resilience. "
        "Soft golden lighting falls across the water, creating a mood of cautious hope "
        "and depicting the meeting of old farms and new machinery."
    )
    lines = ["Water plan approved", "", description, "", P1, "", P2]
    kept, removed, _ = strip_furniture(lines)
    assert text_of(kept) == f"Water plan approved\n{P1}\n{P2}"
    assert kinds(removed) == ["image-description"]


def test_news_paragraph_with_style_words_is_not_an_image_description():
    lede = (
        "Designers said on Monday that the new museum wing, built in a style of "
        "glass and timber with soft lighting throughout, symbolizing the harbour's history, "
        "would open in June after years of delays."
    )
    kept, removed, _ = strip_furniture(["Museum opens", "", lede, "", P1])
    assert removed == []
    assert lede in kept


def test_ads_share_bars_and_navigation():
    lines = [
        "Home | Regions | Politics | Weather",
        "Skip to content",
        "Water plan approved",
        "",
        "Share",
        "Tweet",
        "Facebook Twitter Email",
        "",
        P1,
        "",
        "Advertisement",
        "",
        P2,
        "",
        "Subscribe to our morning briefing",
        "Watch the Valdoria Hour: Can the dikes hold another winter?",
        "Sponsored",
        "loading",
        "",
    ]
    kept, removed, _ = strip_furniture(lines)
    assert text_of(kept) == f"Water plan approved\n{P1}\n{P2}"
    assert set(kinds(removed)) == {"navigation", "share-bar", "ad"}


def test_copyright_line_is_boilerplate_with_a_holder():
    line = "© 2031 Northern Ledger Media, Inc. All Rights Reserved. Reuse is not permitted."
    kept, removed, _ = strip_furniture([P1, "", P2, "", line])
    assert text_of(kept) == f"{P1}\n{P2}"
    assert kinds(removed) == ["boilerplate"]
    assert copyright_holder(line) == "Northern Ledger Media"
    assert copyright_holder("Copyright 2030 The Valley Post Ltd.") == "The Valley Post"
    assert copyright_holder("© Harbour Times 2031") in ("Harbour Times 2031", "Harbour Times")


def test_attribution_credit_at_the_end_is_kept_with_a_note():
    kept, removed, notes = strip_furniture([P1, "", P2, "", "Source: Valley Wire", "", "Sponsored"])
    assert text_of(kept) == f"{P1}\n{P2}\nSource: Valley Wire"
    assert kinds(removed) == ["ad"]
    assert any("Source: Valley Wire" in n and "attribution" in n for n in notes)


def test_prose_is_never_removed_by_the_short_line_rules():
    odd = [
        "Share prices fell by a third after the announcement, the exchange said.",
        "Advertisement revenue at the paper rose for the first time in a decade.",
        "Top officials met in the capital on Friday to discuss the plan in detail.",
    ]
    lines = [P1, ""] + [x for o in odd for x in (o, "")] + [P2]
    kept, removed, _ = strip_furniture(lines)
    assert removed == []
    for o in odd:
        assert o in kept


def test_shape_helpers():
    assert is_date_only("March 3, 2031")
    assert is_date_only("Updated: Tue 4 March 2031, 14:05 GMT")
    assert is_date_only("2031-03-04")
    assert not is_date_only("The vote on March 3, 2031 was close.")
    assert is_heading_shaped("What the plan costs")
    assert not is_heading_shaped("What the plan costs.")
    assert not is_heading_shaped("lowercase start line")
    assert is_prose(P1)
    assert not is_prose("Crews return to the northern routes as talks conclude...")


def test_weather_widget_with_a_date_is_furniture_but_weather_in_prose_is_not():
    hot = "Temperatures reached 41°C in the lower valley on Sunday, forecasters said."
    lines = ["Rain 12°C", "06-30-2031", "", P1, "", hot, "", "It was 40°C.", "", P2]
    kept, removed, notes = strip_furniture(lines)
    assert text_of(kept) == f"{P1}\n{hot}\nIt was 40°C.\n{P2}"
    assert kinds(removed) == ["weather"]
    assert any("06-30-2031" in n and "weather widget" in n for n in notes)


def test_a_labelled_teaser_in_the_middle_leaves_the_article_after_it():
    lines = [
        P1,
        "",
        "Related",
        "Ferry strike ends after nine days",
        "March 2, 2031",
        "",
        P2,
        "",
        P3,
    ]
    kept, removed, _ = strip_furniture(lines)
    assert text_of(kept) == f"{P1}\n{P2}\n{P3}"
    assert kinds(removed) == ["teaser"]


def test_consecutive_date_lines_are_not_a_teaser_list():
    lines = ["Water plan approved", "Updated: May 9, 2031", "Published: May 2, 2031", P1, P2]
    kept, removed, _ = strip_furniture(lines)
    assert kept == lines and removed == []


def test_a_dated_line_above_the_lede_does_not_take_the_article_with_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A ticker and an "Updated" line at the top and a teaser list at the end: the teaser
    list goes, the four paragraphs of the article between them stay."""
    from consistency.reading.ingest import ingest

    body = [
        "date 2024-01-09",
        "Title: Buses and the old town",
        "",
        "MARKETS | BRNT 2,405.12 ▲1.13% | GOLD 2,683.93 ▼2.88%",
        "Updated 11-20-2024 14:05",
        "",
        "The coastal city of Ivers Harbour is once again arguing about how people get around.",
        "",
        "Tidewood Rail launched a night bus service in May, and the regulator put out its"
        " annual safety report in June.",
        "",
        "The transport authority outlawed diesel buses in the old town last December, to the"
        " relief of residents.",
        "",
        "Critics say the rules leave too much to the discretion of officials and the council.",
        "",
        "Recommended for you",
        "School catchment changes explained",
        "December 3, 2023",
    ]
    (tmp_path / "a.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    (doc,) = ingest([tmp_path]).documents
    assert "outlawed diesel buses" in doc.text and "Critics say" in doc.text
    assert "School catchment" not in doc.text
