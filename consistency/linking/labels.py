"""What entity resolution learns from a document's claims: the names of their subjects and
the labels given to things.

The store indexes these for every reading (:mod:`consistency.store.keys`) and an incremental
run resolves with what it finds there, so they live apart from the resolver
(:mod:`.resolve`), which runs after reading: this module is part of the reader's
fingerprint (:mod:`consistency.store.version`), so labelling things another way reads the
stored articles again instead of serving index rows of the old labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from consistency.models import Claim, Thing


def thing_label(thing: Thing) -> str:
    """ "the city's new parking scheme" -> "parking scheme"."""
    head = thing.head
    words = [w for w in thing.text.replace("’s", "'s").split() if w[:1].islower() or w == head]
    words = [w for w in words if w.lower() not in {"new", "old", "current", "proposed"}]
    return " ".join(words[-2:]) if words else head


def claim_names(claims: Iterable[Claim]) -> list[str]:
    """The names that claims contribute to resolution: subjects that are no thing, and
    group members."""
    return [n for c in claims if c.thing is None for n in c.group or (c.entity,)]


def thing_labels(claims: Iterable[Claim]) -> dict[str, Counter[str]]:
    """How often each label is given to each thing's head noun, over the claims."""
    labels: dict[str, Counter[str]] = {}
    for c in claims:
        if c.thing is not None:
            labels.setdefault(c.thing.head, Counter())[thing_label(c.thing)] += 1
    return labels
