"""consistency/extract/confirmations.py: things told as confirmed or unconfirmed; word file."""

from __future__ import annotations

import pytest

from consistency.errors import ConfigError
from consistency.extract import confirmations, nlp


def statuses(text: str) -> list[tuple[str, str]]:
    (sd,) = nlp.parse([text])
    return [(thing, status) for thing, status, _ in confirmations.statuses(sd)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There were unconfirmed reports of a gas explosion.", [("gas explosion", "unconfirmed")]),
        ("An unverified claim of a data breach spread online.", [("data breach", "unconfirmed")]),
        ("The arrest has not been confirmed.", [("arrest", "unconfirmed")]),
        ("Police confirmed the arrest on Monday.", [("arrest", "confirmed")]),
        (
            "The crew confirmed that the ship was hit by a rogue wave.",
            [("rogue wave", "confirmed")],
        ),
        ("The mayor said the bridge would reopen.", []),
    ],
)
def test_statuses_read_from_the_parse(text: str, expected: list[tuple[str, str]]) -> None:
    assert statuses(text) == expected


def test_word_file_is_validated() -> None:
    with pytest.raises(ConfigError, match="unknown key"):
        confirmations.parse_words({"confirming": ["confirm"], "doubtful": []}, "bad.yaml")
    with pytest.raises(ConfigError, match="list of words"):
        confirmations.parse_words({"doubting": "unconfirmed"}, "bad.yaml")
    w = confirmations.words()
    assert "confirm" in w.confirming and "unconfirmed" in w.doubting and "report" in w.carriers
