"""Record claims (``consistency.extract.records``): what a superlative ranks, in which direction and
over which scope, the word lists' validation, and FR02 on the real corpus (skipped when the
corpus is not beside the checkout). Every sentence here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.errors import ConfigError
from consistency.extract import nlp, records
from consistency.extract.text import sentences

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"


def _read(text: str) -> list[records.Record]:
    sent = sentences(text)[0]
    return records.records(sent, next(nlp.parse([sent.text])))


@pytest.mark.parametrize(
    "text, label, scope, scope_text",
    [
        (
            "The Verdant Party suffered the heaviest defeat since 1931.",
            "largest defeat",
            "since",
            "since 1931",
        ),
        (
            "It was the biggest defeat for a sitting cabinet in history.",
            "largest defeat",
            "all-time",
            "in history",
        ),
        (
            "Ministers suffered a record defeat in the assembly.",
            "largest defeat",
            "all-time",
            "record",
        ),
        (
            "The storm was the deadliest on record in Kessing.",
            "largest storm",
            "all-time",
            "on record",
        ),
        ("It was the worst strike in 30 years.", "largest strike", "since", "in 30 years"),
        (
            "The government's defeat was the largest the assembly has ever seen.",
            "largest defeat",
            "all-time",
            "ever",
        ),
        (
            "The flood was the worst to hit Marlow since records began in 1890.",
            "largest flood",
            "all-time",
            "since records began",
        ),
        (
            "Turnout in the Marlow ward was the lowest ever recorded.",
            "smallest turnout",
            "all-time",
            "ever",
        ),
        (
            "The last time a cabinet was so heavily defeated in a council vote was in 1931.",
            "largest defeat",
            "since",
            "the last time ... 1931",
        ),
    ],
)
def test_a_superlative_with_a_scope_is_a_record_claim(
    text: str, label: str, scope: str, scope_text: str
) -> None:
    found = _read(text)
    assert len(found) == 1, found
    r = found[0]
    assert f"{r.key.role} {r.key.measure}" == label
    assert (r.scope, r.scope_text) == (scope, scope_text)
    assert r.key.label() == f"{label} (record)"


@pytest.mark.parametrize(
    "text",
    [
        "Acme is the biggest carmaker in the region.",  # no scope
        "It was one of the largest protests ever held in the city.",  # one among several
        "Acme is the second-largest carmaker in history.",  # a rank below the top
        "It was the biggest ever.",  # nothing says what it ranks
        "The latest figures since 2019 show a rise.",  # "latest" ranks nothing
    ],
)
def test_no_record_claim(text: str) -> None:
    assert _read(text) == []


def test_negated_record_is_marked() -> None:
    (r,) = _read("This was not the biggest crowd ever.")
    assert r.negated


def test_owner_is_a_named_possessive_or_subject() -> None:
    (r,) = _read("Acme posted its biggest loss since 2009.")
    assert r.owner == "Acme"


def test_word_lists_are_validated() -> None:
    w = records.parse_words({"directions": {"largest": ["big"]}, "periods": {"year": 1}}, "x")
    assert w.direction == {"big": "largest"} and w.periods == {"year": 1}
    for bad, message in [
        ([], "expected a mapping"),
        ({"colours": []}, "unknown key"),
        ({"containers": "margin"}, "list of words"),
        ({"directions": ["big"]}, "map a class"),
        ({"directions": {"largest": "big"}}, "directions.largest"),
        ({"periods": {"year": "one"}}, "whole years"),
    ]:
        with pytest.raises(ConfigError, match=message):
            records.parse_words(bad, "bad.yaml")
    assert records.words().direction["heavy"] == "largest"


@pytest.mark.skipif(not REAL.is_dir(), reason="real corpus not beside the checkout")
def test_fr02_on_the_real_corpus_sets_a_record_against_a_bounded_claim() -> None:
    """Every FR02 finding on the real stories cites an all-time claim and a bounded one."""
    from consistency import check

    for story in sorted(p for p in REAL.iterdir() if p.is_dir()):
        for f in check([story], select=["FR02"]).findings_list:
            scopes = {records.scope(c.claim) for c in f.cited}
            assert scopes == {records.ALL_TIME, records.SINCE}, f
