"""Description claims (``consistency.extract.descriptions``): which name a type noun describes, in
which construction, the word lists' validation, and DS01 on the real corpus (skipped when
the corpus is not beside the checkout). Every sentence here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.errors import ConfigError
from consistency.extract import descriptions, nlp
from consistency.extract.text import sentences

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"


def _read(text: str) -> list[tuple[str, str, str]]:
    sent = sentences(text)[0]
    found = descriptions.describe(sent, next(nlp.parse([sent.text])))
    return [(d.name, d.cls, d.pattern) for d in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The epicentre lay beneath the village of Tarnwick, officials said.",
            ("Tarnwick", "village", "of"),
        ),
        ("The quake struck the upland district of Tarnwick.", ("Tarnwick", "district", "of")),
        ("Rescuers reached Tarnwick district late on Saturday.", ("Tarnwick", "district", "after")),
        ("Police in Corlow District said the roads were closed.", ("Corlow", "district", "after")),
        (
            "Tarnwick, a village in the western hills, was cut off.",
            ("Tarnwick", "village", "appos"),
        ),
        ("Halvard Mutual is a bank based in Corlow.", ("Halvard Mutual", "bank", "copula")),
        (
            "Chief executive Jane Roe said the plan was sound.",
            ("Jane Roe", "chief executive", "before"),
        ),
        (
            "Acme chief executive Jane Roe said the plan was sound.",
            ("Jane Roe", "chief executive", "before"),
        ),
        (
            "Jane Roe, the chief executive of Acme, resigned.",
            ("Jane Roe", "chief executive", "appos"),
        ),
    ],
)
def test_a_type_noun_describes_a_name(text: str, expected: tuple[str, str, str]) -> None:
    assert _read(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The chief executive of Acme resigned.",  # Acme is no chief executive
        "The Bank of Corlow raised rates.",  # part of a name
        "Fans of Corlow City cheered.",  # part of a name
        "Union Pacific said it would pay claims.",  # part of a name
        "Halvard, a former bank, now sells insurance.",  # no longer
        "It is a village of 500 people.",  # no name
    ],
)
def test_no_description(text: str) -> None:
    assert _read(text) == []


def test_a_place_before_a_person_describes_the_place() -> None:
    found = _read("The deputy mayor of Corlow district Jane Roe said 12 people died.")
    assert all(name != "Jane Roe" for name, _, _ in found), found


def test_conjoined_names_are_each_described() -> None:
    found = _read("The districts of Tarnwick and Bellmoor were hit.")
    assert found == [("Tarnwick", "district", "of"), ("Bellmoor", "district", "of")]


def test_negated_copula_is_marked() -> None:
    sent = sentences("Halvard Mutual is not a bank.")[0]
    (d,) = descriptions.describe(sent, next(nlp.parse([sent.text])))
    assert d.negated


def test_conflicts_follow_the_families() -> None:
    w = descriptions.words()
    assert w.conflict("village", "district")
    assert w.conflict("bank", "insurer")
    assert w.conflict("chief executive", "company")  # a person is no organisation
    assert not w.conflict("company", "bank")  # generic
    assert not w.conflict("town", "city")  # near
    assert not w.conflict("chief executive", "chairman")  # a person may hold both
    assert not w.conflict("village", "bank")  # a club may bear a town's name


def test_word_lists_are_validated() -> None:
    ok = {"families": {"place": {"patterns": ["of"], "classes": {"town": ["town"]}}}}
    w = descriptions.parse_words(ok, "x")
    assert w.nouns == {"town": ("place", "town")} and w.families["place"].exclusive
    place = ok["families"]["place"]
    for bad, message in [
        ([], "expected a mapping"),
        ({"colours": []}, "unknown key"),
        ({"families": {"place": {**place, "patterns": ["under"]}}}, "unknown pattern"),
        ({"families": {"place": {**place, "generic": ["city"]}}}, "not a class"),
        ({"families": {"place": {**place, "near": [["town"]]}}}, "pairs of classes"),
        ({"families": {"place": {"classes": {"town": "town"}}}}, "list of words"),
        ({**ok, "conflicts": [["place", "person"]]}, "known families"),
        (
            {"families": {"place": place, "org": {"classes": {"bank": ["town"]}}}},
            "listed twice",
        ),
    ]:
        with pytest.raises(ConfigError, match=message):
            descriptions.parse_words(bad, "bad.yaml")
    assert descriptions.words().nouns["hamlet"] == ("place", "village")


@pytest.mark.skipif(not REAL.is_dir(), reason="real corpus not beside the checkout")
def test_ds01_on_the_real_corpus_cites_conflicting_types_only() -> None:
    """Every DS01 finding on the real stories cites types that conflict, from outlets that
    each give one side only."""
    from consistency import check

    w = descriptions.words()
    for story in sorted(p for p in REAL.iterdir() if p.is_dir()):
        for f in check([story], select=["DS01"]).findings_list:
            values = sorted({c.value for c in f.cited})
            assert len(values) >= 2 and any(w.conflict(a, b) for a in values for b in values), f
            sides = {}
            for c in f.cited:
                sides.setdefault(c.claim.document, set()).add(c.value)
            assert all(len(v) == 1 for v in sides.values()), f
