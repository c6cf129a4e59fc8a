"""Tenses and granularities are types (models.Tense, models.Granularity) written as bare
words: extraction makes members, the codec stores their words and gives members back, and
resolution takes a member or its word alike."""

from __future__ import annotations

import json
import zlib
from dataclasses import replace
from datetime import date

import pytest

from consistency.extract import lexicon
from consistency.extract.read import Reading, read
from consistency.models import (
    Anchor,
    Claim,
    DateSource,
    Document,
    Granularity,
    Kind,
    Severity,
    Tense,
    TimeValue,
)
from consistency.store import codec
from consistency.time import periods
from consistency.time.temporal import resolve

TEXT = (
    "Brindlecombe Rail opened its northern depot in March 2031 with 140 workers."
    " Brindlecombe Rail now employs 310 drivers at the depot."
    " Brindlecombe Rail will open a southern depot next year, the company said."
)


@pytest.fixture(scope="module")
def reading() -> tuple[Document, Reading]:
    doc = Document(
        id="a.txt",
        path="a.txt",
        name="a.txt",
        text=TEXT,
        published=date(2031, 6, 2),
        published_from="header",
    )
    (r,) = read([doc], lexicon.default())
    return doc, r


def _tenses(r: Reading) -> list[object]:
    claims = [d.claim for d in r.claims] + r.descriptions + r.orders
    return [c.tense for c in claims] + [m.tense for m in r.mentions]


def test_members_are_their_words() -> None:
    assert [t.value for t in Tense] == ["past", "present", "future"]
    assert Tense("future") is Tense.FUTURE and Tense.PAST == "past"
    assert {"present": 1}[Tense.PRESENT] == 1 and f"{Tense.PAST}" == str(Tense.PAST) == "past"
    written = json.dumps({Tense.PAST: [Tense.FUTURE, Granularity.DAY]})
    assert written == '{"past": ["future", "day"]}'
    assert Claim("x", "a", "s", (0, 1), "Acme", "opened").tense is Tense.PAST


@pytest.mark.parametrize("words", [Tense, Granularity, DateSource, Anchor, Kind, Severity])
def test_every_closed_set_of_words_is_written_as_its_words(words) -> None:
    """Printed, formatted, compared, hashed and written to JSON as the bare word, on every
    Python (3.11 formats a plain str-and-Enum member as "DateSource.META")."""
    for member in words:
        word = member.value
        assert f"{member}" == f"{member:<1}" == str(member) == word
        assert member == word and {word: 1}[member] == 1 and json.dumps(member) == f'"{word}"'
    assert repr(Granularity.DAY) == "'day'"  # a granularity reprs as its word too


def test_granularity_lives_with_time_value_in_the_base_layer() -> None:
    assert not hasattr(periods, "Granularity")  # defined once, in models
    tv = resolve("March 2031", None)
    assert tv.granularity is Granularity.MONTH and tv.granularity == "month"
    assert f"{tv.granularity}" == repr(tv.granularity)[1:-1] == "month"


def test_extraction_makes_members_of_every_tense(reading) -> None:
    _, r = reading
    tenses = _tenses(r)
    assert tenses and all(type(t) is Tense for t in tenses)
    assert set(tenses) == set(Tense)  # the three sentences give all three


def test_the_codec_stores_words_and_gives_members_back(reading) -> None:
    _, r = reading
    data = codec.encode_reading(r)
    words = json.loads(zlib.decompress(data))
    stored = [m.get("tense") for m in words["reading"]["mentions"]]
    assert set(stored) - {None} <= {"present", "future"}  # the past is the default, left out
    back = codec.decode_reading(data)
    assert back == r and all(type(t) is Tense for t in _tenses(back))
    times = [d.claim.time for d in back.claims if d.claim.time is not None]
    assert all(type(t.granularity) is Granularity for t in times)


def test_a_word_is_stored_as_its_member_is(reading) -> None:
    # A plugin or an older caller may give the plain word: the stored bytes are the same.
    _, r = reading
    as_words = [replace(m, tense=str(m.tense.value)) for m in r.mentions]  # type: ignore[arg-type]
    assert codec.encode_reading(replace(r, mentions=as_words)) == codec.encode_reading(r)


def test_resolution_takes_a_member_or_its_word() -> None:
    anchor = date(2031, 8, 14)
    for tense in Tense:
        assert resolve("December", anchor, tense=tense) == resolve(
            "December", anchor, tense=tense.value
        )
    past, future = resolve("December", anchor), resolve("December", anchor, tense=Tense.FUTURE)
    assert (past.start, future.start) == (date(2030, 12, 1), date(2031, 12, 1))
    assert resolve("December", anchor, tense="conditional") == past  # any other word: past
    assert isinstance(past, TimeValue) and past.granularity is Granularity.MONTH


def test_a_word_becomes_a_member_where_a_tense_is_given(reading) -> None:
    """A claim and a mention hold a member whatever they are given: the word's, or the past
    for any other word, as resolution reads it; so the store writes them all."""
    _, r = reading
    claim = Claim("x", "a", "s", (0, 1), "Acme", "opened", tense="future")  # type: ignore[arg-type]
    assert claim.tense is Tense.FUTURE
    odd = replace(claim, tense="conditional")  # type: ignore[arg-type]
    assert odd.tense is Tense.PAST and Tense.of("conditional") is Tense.PAST
    anchor = date(2031, 8, 14)
    assert resolve("December", anchor, tense="conditional") == resolve(
        "December", anchor, tense=odd.tense
    )
    mention = replace(r.mentions[0], tense="present")
    assert mention.tense is Tense.PRESENT
    back = codec.decode_reading(codec.encode_reading(replace(r, mentions=[mention])))
    assert back.mentions[0].tense is Tense.PRESENT


def test_the_codec_refuses_a_word_outside_the_set_by_name(reading) -> None:
    """What slips past the constructors is refused with a CodecError naming the set, not a
    bare ValueError from deep in the walk."""
    _, r = reading
    stray = replace(r.mentions[0])
    object.__setattr__(stray, "tense", "conditional")  # as no constructor would leave it
    with pytest.raises(codec.CodecError, match="'conditional' as a Tense .past, present, future"):
        codec.encode_reading(replace(r, mentions=[stray]))
    fortnight = TimeValue("a fortnight", None, None, "fortnight")  # type: ignore[arg-type]
    bad = replace(r.claims[0], claim=replace(r.claims[0].claim, time=fortnight))
    with pytest.raises(codec.CodecError, match="'fortnight' as a Granularity"):
        codec.encode_reading(replace(r, claims=[bad]))
