"""Order claims (``consistency.extract.orders``): which two events a connective relates, in which
order, as which classes; the word lists' validation; and OR02 on the real corpus (skipped
when the corpus is not beside the checkout). Every sentence here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.errors import ConfigError
from consistency.extract import nlp, orders
from consistency.extract.text import sentences

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"


def _read(text: str) -> list[orders.Order]:
    sent = sentences(text)[0]
    return orders.orders(sent, next(nlp.parse([sent.text])))


@pytest.mark.parametrize(
    "text, label",
    [
        ("The Kestrel freighter caught fire after landing at Port Alder.", "landing before fire"),
        (
            "The Kestrel jet made an emergency landing at Port Alder after catching fire.",
            "fire before landing",
        ),
        (
            "Two passengers died in a blaze that broke out following a hard landing.",
            "landing before fire",
        ),
        ("The jet was already on fire when it touched down.", "fire before landing"),
        ("The plane was already burning as it touched down.", "fire before landing"),
        ("The airliner burst into flames upon touchdown in Kessing.", "landing at fire"),
        ("The plane landed and then burst into flames.", "landing before fire"),
        ("Following the landing, the aircraft caught fire.", "landing before fire"),
        ("Harrow Mills cut 300 jobs after it closed the plant.", "closure before cut"),
        ("The council approved the budget prior to the vote.", "approval before vote"),
        ("The union ratified the deal before the walkout ended.", "approval before end"),
    ],
)
def test_order_read_from_the_parse(text: str, label: str) -> None:
    assert [o.label for o in _read(text)] == [label]


@pytest.mark.parametrize(
    "text",
    [
        "He said after the meeting that nothing had changed.",  # reporting is no event
        "The jet could have caught fire before landing.",  # hypothetical
        "The jet did not catch fire after landing.",  # negated
        "The plane landed after 10 pm.",  # a time, not an event
        "The crew waited on board for two hours.",  # "on" a place
        "A photo shows the cabin after the landing.",  # a caption
    ],
)
def test_no_order_claim(text: str) -> None:
    assert _read(text) == []


def test_key_meets_both_orders_and_keeps_the_relation() -> None:
    (a,) = _read("The freighter caught fire after landing.")
    (b,) = _read("The freighter landed after catching fire.")
    assert a.key == b.key and a.key.label() == "fire / landing (order)"
    assert (a.connective, a.relation) == ("after", orders.BEFORE)


def test_owner_is_the_named_subject() -> None:
    (o,) = _read("Harrow Mills shut the smelter, then sold the land.")
    assert o.owner == "Harrow Mills"


def test_word_lists_are_validated() -> None:
    w = orders.parse_words(
        {"classes": {"fire": ["fire", "catch fire"]}, "connectives": {"later": ["after"]}}, "x"
    )
    assert w.classes == {"fire": "fire", "catch fire": "fire"}
    assert w.connectives == {"after": "later"}
    for bad, message in [
        ([], "expected a mapping"),
        ({"colours": []}, "unknown key"),
        ({"support": "make"}, "list of words"),
        ({"classes": ["fire"]}, "map a class"),
        ({"connectives": {"sooner": ["after"]}}, "connectives.sooner"),
        ({"event_suffixes": ["ing", False]}, "list of words"),
    ]:
        with pytest.raises(ConfigError, match=message):
            orders.parse_words(bad, "bad.yaml")
    assert orders.words().classes["catch fire"] == "fire"


@pytest.mark.skipif(not REAL.is_dir(), reason="real corpus not beside the checkout")
def test_or02_on_the_real_corpus_cites_both_orders() -> None:
    """Every OR02 finding on the real stories cites a claim of each strict order."""
    from consistency import check

    for story in sorted(p for p in REAL.iterdir() if p.is_dir()):
        for f in check([story], select=["OR02"]).findings_list:
            read = {orders.relation(c.claim) for c in f.cited}
            strict = {(r[0], r[2]) for r in read if r is not None and r[1] == orders.BEFORE}
            assert any((b, a) in strict for a, b in strict), f
