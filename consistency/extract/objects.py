"""What a trigger's verb is done to: the object words of light verbs and the object
phrase told after a verb, as :mod:`consistency.extract.triggers` reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

from consistency.extract.names import AUX, PREPOSITIONS, RELATIVE
from consistency.extract.text import Token
from consistency.time.calendar import number_words_up_to


def object_size(lemmas: list[str], j: int, objects: frozenset[str]) -> int:
    """How strongly an object starts at ``j`` (0: none); "took over as" beats "over", and a
    noun ("takeover") beats a figure's word ("million", "$") for the same verb."""
    size = 0
    if lemmas[j] in objects:
        size = 1 if lemmas[j] in _WEAK_OBJECTS else 2
    for o in objects:
        if " " in o:
            words = o.split()
            if lemmas[j : j + len(words)] == words:
                size = max(size, 2 * len(words))
    return size


_WEAK_OBJECTS = frozenset({"million", "billion", "$", "€", "£", "¥", "in", "into", "for"})


_NOT_NOUNS = (
    PREPOSITIONS
    | AUX
    | RELATIVE
    | frozenset(number_words_up_to(10))
    | frozenset(
        """and or but to that which who ago last next this than several few many early late
    earlier yesterday today tomorrow close some about around nearly almost roughly
    approximately more less a an the its their his her our""".split()
    )
)


def np_head(tokens: Sequence[Token], j: int, objects: frozenset[str] = frozenset()) -> bool:
    """Is the word at ``j`` the head of its noun phrase (not a modifier of a later noun)?

    "a school meals service": "school" is a modifier; "chief executive" and "licence two
    days ago" end their phrase at the object or run on into another object word."""
    if j + 1 >= len(tokens):
        return True
    nxt = tokens[j + 1]
    if not nxt.text.isalpha() or not nxt.text[:1].islower():
        return True
    if nxt.lower in _NOT_NOUNS or nxt.lower.endswith(("ed", "ly", "ing")) or nxt.lemma in objects:
        return True
    return nxt.lemma in _VERBISH


# Words after an object that start a verb phrase rather than continue the noun phrase.
_VERBISH = frozenset("be have will would could can may might must".split())


def owner_before(tokens: Sequence[Token], j: int, mention_ends: set[int]) -> bool:
    """Is the object word at ``j`` owned: "its licence", "Acme's virtual asset licence"?"""
    for k in range(j - 1, max(-1, j - 7), -1):
        low = tokens[k].lower
        if low in {"its", "their", "his", "her"}:
            return True
        if low in {"'s", "’s"} and k in mention_ends:
            return True
        if not tokens[k].text.isalpha() or low in PREPOSITIONS:
            return False
    return False


def object_phrase(tokens: Sequence[Token], j: int, floor: int = -1) -> str | None:
    """The object word with the nouns before it: "policy statements", "retail licence"."""
    if not tokens[j].text.isalpha():
        return None  # "raised $25 million": the figure is the object, kept as the quantity
    start = j
    while start - 1 > floor:
        t = tokens[start - 1]
        if not t.text.isalpha() or t.lower in PREPOSITIONS or t.lower in _STOP_OBJ:
            break
        start -= 1
    return " ".join(t.text for t in tokens[start : j + 1])


_STOP_OBJ = (
    frozenset(
        "a an the its their his her our this that these those first two three series number"
        " batch new full".split()
    )
    | AUX
)


# Words that start a figure ("some £50,000", "about 300 staff"): the object ends before them.
_FIGURE_WORDS = frozenset(
    "some about around nearly almost roughly approximately over under more less up at least"
    " close".split()
)


def object_after(tokens: Sequence[Token], i: int, stop: set[int]) -> str | None:
    """The noun phrase after a verb, without articles, possessors, figures or times."""
    words: list[str] = []
    for k in range(i + 1, min(len(tokens), i + 8)):
        t = tokens[k]
        low = t.lower
        if k in stop or any(c.isdigit() for c in low) or low in _FIGURE_WORDS:
            break
        if low in {"'s", "’s"}:
            words = []  # "the plant's environmental plan": the plan is the object
            continue
        if not t.text[:1].isalnum() or low in PREPOSITIONS or low in RELATIVE or low in AUX:
            if words:
                break
            if low in PREPOSITIONS or not t.text[:1].isalnum():
                break
            continue
        if low in {"a", "an", "the"} and not words:
            continue
        words.append(t.text)
    return " ".join(words) or None
