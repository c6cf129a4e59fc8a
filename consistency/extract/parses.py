"""Walking a spaCy dependency parse: the tokens of a character span, the root of a
span, and the verb that governs a token.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def span_tokens(sd: Any, start: int, end: int) -> list[Any]:
    return [t for t in sd if t.idx < end and t.idx + len(t.text) > start]


def span_root(toks: Sequence[Any]) -> Any:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def governing_verb(tok: Any, limit: int = 6) -> Any | None:
    """The nearest verb at or above ``tok``."""
    t = tok
    for _ in range(limit):
        # An auxiliary ("nine being admitted") serves the verb it helps.
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None
