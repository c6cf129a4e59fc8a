"""pipeline.nested: the pairs of findings where one cites only sentences the other cites,
found without comparing every pair that shares a sentence, and the same as doing so."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from consistency.pipeline import nested

_SETS = st.lists(st.frozensets(st.integers(0, 5), max_size=4), max_size=12)


@given(_SETS)
def test_nested_pairs_are_every_pair_sharing_an_item_where_one_holds_the_other(sets) -> None:
    def joined(pairs):
        return {frozenset(p) for p in pairs if p[0] != p[1]}

    every = [
        (i, j)
        for i, a in enumerate(sets)
        for j, b in enumerate(sets)
        if i < j and a & b and (a <= b or b <= a)
    ]
    assert joined(nested(sets)) == joined(every)


def test_a_set_within_another_and_equal_sets_are_joined_disjoint_and_empty_ones_not() -> None:
    sets = [frozenset({1}), frozenset({1, 2}), frozenset({3}), frozenset(), frozenset({1, 2})]
    pairs = {frozenset(p) for p in nested(sets)}
    assert pairs == {frozenset({0, 1}), frozenset({0, 4}), frozenset({1, 4})}
