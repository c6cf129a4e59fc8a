"""Property tests: any text through extraction gives well-formed claims, never an exception."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.extract import lexicon
from consistency.extract.events import extract
from consistency.models import Document

WORDS = st.sampled_from(
    "Acme Corp obtained a licence last November in 2021 on Tuesday the first only retail"
    " banned lifted not reportedly 13,000 people about $25 million at least 10 and Quillon"
    " Marrowby which that said “ ” , . ; Varrow's Civic Assembly passed amendment"
    " December followed then later it he they yesterday ( ) May March".split()
)
LEX = lexicon.default()


def _check(text: str, published: bool) -> None:
    from datetime import date

    doc = Document(
        id="d.txt",
        path="d.txt",
        name="d.txt",
        text=text,
        published=date(2023, 8, 3) if published else None,
        published_from="header" if published else "none",
    )
    for c in extract(doc, LEX):
        a, b = c.span
        assert 0 <= a <= b <= len(text)
        assert text[a:b] == c.sentence
        assert c.entity and c.event in LEX.events or c.event == "said"
        assert 0.0 <= c.confidence <= 1.0
        if c.time is not None and c.time.resolved:
            assert c.time.start < c.time.end
        if c.quantity is not None:
            assert c.quantity.low <= c.quantity.high and not math.isnan(c.quantity.low)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.booleans())
def test_arbitrary_text(text: str, published: bool) -> None:
    _check(text, published)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join), st.booleans())
def test_news_like_word_salad(text: str, published: bool) -> None:
    _check(text, published)
