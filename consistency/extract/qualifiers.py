"""What a clause says of its event besides who and what: tense, negation, hedges,
qualifiers ("first", "only"), a group count, its time and figure, a sequence cue, and who
the sentence is attributed to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from consistency.extract.clauses import IRREGULAR_PAST, NEGATING_PHRASES
from consistency.extract.lexicon import Lexicon
from consistency.extract.names import Mention, display
from consistency.extract.text import Sentence, Token
from consistency.extract.triggers import Trigger
from consistency.models import Quantity, Tense
from consistency.time import temporal
from consistency.time.calendar import number_words_up_to

_ONLY_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "sole"})


# A group of two to ten in words ("one of two", "the first three"); a larger one is
# written in digits.
_COUNT_WORDS = {w: n for w, n in number_words_up_to(10).items() if n >= 2}

_COUNT_RE = re.compile(
    r"\b(?:(?P<oneof>one of(?: the)?(?: only)?)|(?P<first>the first)|(?P<only>the only)"
    r"|(?P<the>the))\s+"
    # Not a hyphenated modifier: "the 31-year-old", "the six-time champions" count nothing.
    rf"(?P<n>{'|'.join(_COUNT_WORDS)}|\d+)\b(?![-‑–]\w)",
    re.IGNORECASE,
)


_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)


# "is said to have", "is thought to have": hedges of more than one word.
_HEDGE_PHRASES = ("said to have", "thought to have", "believed to have", "said to be")


def sequence_cue(
    tokens: Sequence[Token], clause: list[int], trigger: int, lexicon: Lexicon
) -> bool:
    """ "Then", "later", "after that" before the trigger: it follows the event told before."""
    before = [tokens[k].lower for k in clause if k < trigger]
    text = " " + " ".join(before) + " "
    return any(
        (f" {cue} " in text) if " " in cue else cue in before for cue in lexicon.sequence_cues
    )


def speech_time(tokens: Sequence[Token], t: temporal.TimeMention, lexicon: Lexicon) -> bool:
    """ "..., the regulator said on Monday": the time of the saying, not of the claim."""
    before = [tok for tok in tokens if tok.end <= t.start][-3:]
    # An inflected form only: "said on Monday", not "its annual report in 2024".
    said = any(tok.lemma in lexicon.said_verbs and tok.lower != tok.lemma for tok in before[-2:])
    return said and not any(tok.lower in {"that", ","} for tok in before[-1:])


def clause_tense(
    tokens: Sequence[Token], clause: list[int], trig: Trigger, lexicon: Lexicon
) -> Tense:
    text = " ".join(tokens[k].lower for k in clause if k <= max(trig.index, trig.end))
    words = set(text.split())
    for marker in lexicon.future:
        if (" " in marker and marker in text) or marker in words:
            return Tense.FUTURE
    verb = tokens[trig.index].lower
    if verb.endswith("ed") or verb in IRREGULAR_PAST:
        return Tense.PAST
    if words & {"was", "were", "had", "has", "have", "did"}:
        return Tense.PAST
    if words & {"is", "are", "am", "does"}:
        return Tense.PRESENT
    if verb.endswith("s") and not verb.endswith("ss") and tokens[trig.index].lemma != verb:
        return Tense.PRESENT  # "opens its second plant in May", "now employs"
    return Tense.PAST


def is_negated(tokens: Sequence[Token], clause: list[int], trig: Trigger, lexicon: Lexicon) -> bool:
    window = [k for k in clause if trig.index - 5 <= k < trig.index]
    if any(tokens[k].lower in lexicon.negations for k in window):
        return True
    text = " " + " ".join(tokens[k].lower for k in window) + " "
    if any(f" {p} " in text for p in NEGATING_PHRASES):
        return True  # "has yet to approve", "stopped short of banning"
    # "is still awaiting a licence", "has applied for a licence": not obtained yet.
    return trig.kind == "phrase" and tokens[trig.index].lemma in lexicon.pending_verbs


def is_hedged(tokens: Sequence[Token], clause: list[int], lexicon: Lexicon) -> bool:
    if any(tokens[k].lower in lexicon.hedges for k in clause):
        return True
    text = " " + " ".join(tokens[k].lower for k in clause) + " "
    return any(f" {p} " in text for p in _HEDGE_PHRASES)


def clause_qualifiers(
    tokens: Sequence[Token], clause: list[int], lexicon: Lexicon, min_start: int
) -> tuple[str, ...]:
    found: list[str] = []
    idx = [k for k in range(len(tokens)) if tokens[k].start >= min_start and k <= clause[-1]]
    for k in idx:
        q = lexicon.qualifiers.get(tokens[k].lower)
        if q is None or q in found:
            continue
        if q == "first":
            nxt = [t.lower for t in tokens[k + 1 : k + 3]]
            if any(w in lexicon.not_qualified_by_first for w in nxt):
                continue
        if q == "only" and (k == 0 or tokens[k - 1].lower not in _ONLY_DETERMINERS):
            continue  # "only in May", "one of only two": not "the only one"
        found.append(q)
    return tuple(sorted(found))


def group_count(text: str) -> Quantity | None:
    """A group size: "the first two lenders", "one of three licensed lenders"."""
    m = _COUNT_RE.search(text)
    if m is None:
        return None
    n_text = m.group("n").lower()
    n = _COUNT_WORDS.get(n_text) or (int(n_text) if n_text.isdigit() else None)
    if n is None:
        return None
    return Quantity(text=m.group(0), low=float(n), high=float(n), unit="count")


def clause_time(
    times: list[temporal.TimeMention], c_start: int, c_end: int, trig_at: int
) -> temporal.TimeMention | None:
    inside = [t for t in times if c_start <= t.start < c_end]
    if not inside:
        return None
    return min(inside, key=lambda t: (abs(t.start - trig_at), t.start))


def clause_quantity(quantities: list, c_start: int, c_end: int, count: Quantity | None):  # type: ignore[no-untyped-def]
    for q in quantities:
        if c_start <= q.start < c_end:
            if count is not None and q.quantity.text in count.text:
                continue
            if count is not None and q.quantity.low == count.low and q.quantity.unit:
                continue
            return q.quantity
    return None


def attribution(
    sent: Sentence, tokens: Sequence[Token], mentions: list[Mention], lexicon: Lexicon
) -> str | None:
    """Who the sentence is attributed to: "according to X", "X said", "told X", "said X"."""
    m = _ACCORDING.search(sent.text)
    if m:
        for men in mentions:
            if men.kind == "proper" and tokens[men.start].start >= m.end():
                return display(men.text)
    for men in mentions:
        if men.kind != "proper":
            continue
        nxt = tokens[men.end].lemma if men.end < len(tokens) else ""
        prev = tokens[men.start - 1].lemma if men.start > 0 else ""
        if nxt in lexicon.said_verbs or prev in {"say", "tell"}:
            return display(men.text)
    return None
