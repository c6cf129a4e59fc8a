"""Entity resolution looks names up by index; it must give what comparing every pair gave."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from consistency.linking.entities import close_spellings, resolve_names


def _every_pair(names: list[str]) -> list[tuple[str, str]]:
    return [
        (a, b)
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if a[0] == b[0] and fuzz.ratio(a, b) >= 94
    ]


def _misspelt(rng: random.Random, name: str) -> str:
    chars = list(name)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.33:
            chars.insert(i, rng.choice("abcde "))
        elif op < 0.66 and len(chars) > 1:
            del chars[i]
        else:
            chars[i] = rng.choice("abcde ")
    return "".join(chars)


def test_close_spellings_are_those_of_comparing_every_pair() -> None:
    rng = random.Random(7)
    for _ in range(60):
        base = ["".join(rng.choice("abcde ") for _ in range(rng.randint(8, 60))) for _ in range(8)]
        names = sorted({n for b in base for n in (b, _misspelt(rng, b), _misspelt(rng, b))})
        names = [n for n in names if len(n) >= 8]
        assert sorted(close_spellings(names)) == sorted(_every_pair(names))


def test_resolution_by_words_initials_and_spelling() -> None:
    names = ["Dana Okafor", "Okafor", "Ravenwick Pharma", "Ravenwick", "PHB"]
    names += ["Ports and Harbours Board", "Harbour Gazette Group", "Harbor Gazette Group"]
    names += ["Varrow Civic Assembly", "Civic Assembly"]
    out = resolve_names(names * 2 + ["Harbour Gazette Group"])
    assert out["okafor"] == "Dana Okafor"
    assert out["ravenwick"] == "Ravenwick Pharma"
    assert out["phb"] == "Ports and Harbours Board"
    assert out["harbor gazette"] == "Harbour Gazette Group"
    assert out["civic assembly"] == out["varrow civic assembly"]
