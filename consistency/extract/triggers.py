"""Event triggers: the words of a sentence that name an event of the lexicon.

A trigger is a verb used as a verb ("fined", not "a fined company"), a noun ("the ban"),
or a light verb with its object ("obtained a licence"), the object told first or last
("had its licence revoked"). Each token triggers one event at most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from consistency.extract.clauses import (
    ADVERBS_BEFORE_VERB,
    GERUND_OPENERS,
    NEGATING_PHRASES,
    participle,
)
from consistency.extract.lexicon import Lexicon, Phrase
from consistency.extract.names import AUX, RELATIVE, Mention
from consistency.extract.objects import (
    np_head,
    object_after,
    object_phrase,
    object_size,
    owner_before,
)
from consistency.extract.text import Token


@dataclass(frozen=True)
class Trigger:
    event: str
    index: int  # token index of the word that names the event
    words: str  # the trigger as written ("obtained ... license")
    kind: str  # verb, noun, phrase
    object: str | None = None
    end: int = 0  # last token index of the trigger (the object word for phrases)


_BE = frozenset({"was", "were", "been", "is", "are", "be", "being"})


def _group_member_before(tokens: Sequence[Token], k: int) -> bool:
    """ "one of three suppliers", "the sole applicant", "the only exchange" ending at ``k``."""
    words = [t.lower for t in tokens[max(0, k - 5) : k + 1]]
    text = " ".join(words)
    return bool(
        re.search(r"\b(one of|among|the (sole|only|first|last|single))\b", text)
        and tokens[k].text.isalpha()
        and tokens[k].text.islower()
    )


def _finite(tokens: Sequence[Token], i: int, mentions_end: set[int], lexicon: Lexicon) -> bool:
    """Is the verb at ``i`` used as a verb (not "licensed exchanges", "a licensing regime")?"""
    word = tokens[i].lower
    if word.endswith("ing") and i > 0 and tokens[i - 1].lower in GERUND_OPENERS:
        return True  # "Since buying Saltwick Labs, Highdale ..."
    if word.endswith("ing") and i > 1:
        before = f" {tokens[i - 2].lower} {tokens[i - 1].lower} "
        if any(before.endswith(f" {p} ") for p in NEGATING_PHRASES):
            return True  # "stopped short of banning", "refrained from approving"
    k = i - 1
    while k >= 0 and tokens[k].lower in ADVERBS_BEFORE_VERB | {"not", "n't", "never"}:
        k -= 1
    if word.endswith("ing"):
        # A gerund counts only after a subject or an auxiliary ("is launching", "of Varrow
        # easing the curfew"), or opening an adverbial clause ("Since buying Saltwick, ...");
        # after a noun it is a reduced relative ("an amendment introducing").
        return k >= 0 and (
            tokens[k].lower in AUX or k + 1 in mentions_end or tokens[k].lower in GERUND_OPENERS
        )
    if word.endswith("ed") and _group_member_before(tokens, k):
        return True  # "was one of three suppliers granted a licence", "the sole applicant granted"
    if k >= 0 and tokens[k].text == ")":
        # "The Coastal Water Authority (CWA) approved": look before the parenthesis.
        while k >= 0 and tokens[k].text != "(":
            k -= 1
        k -= 1
        if k >= 0 and k + 1 in mentions_end:
            return True
    if k < 0:
        return False
    prev = tokens[k].lower
    if prev in AUX or prev == "to" or prev in RELATIVE or prev in {"and", ","}:
        return True
    if prev in {"he", "she", "it", "they", "we", "i", "you"}:
        return True
    if (
        k >= 1
        and tokens[k].text.replace("-", "").isalpha()
        and any(c.isdigit() for c in tokens[k - 1].text)
    ):
        return True  # "30,000 people attended", "47,400 festival-goers attended"
    if (
        tokens[k].text.isalpha()
        and (tokens[k].text.islower() or k == 0)
        and (tokens[k].lemma in lexicon.thing_nouns or prev in lexicon.collective_nouns)
    ):
        return True  # "The festival drew", "The council passed"
    return k + 1 in mentions_end


def find_triggers(
    tokens: Sequence[Token], lexicon: Lexicon, mentions: list[Mention], stop: set[int]
) -> list[Trigger]:
    """The triggers of a sentence, in token order, one per token: light verbs with their
    object first, then objects told before their verb, then single verbs and nouns."""
    ends = {m.end for m in mentions}
    used: set[int] = set()
    lemmas = _phrasal_lemmas(tokens, lexicon)
    found = _light_verb_triggers(tokens, lemmas, lexicon, mentions, used)
    found += _object_first_triggers(tokens, lemmas, lexicon, mentions, used)
    found += _word_triggers(tokens, lemmas, lexicon, ends, stop, used)
    # One trigger per token: the first event listed wins for ambiguous verbs.
    seen: set[int] = set()
    out = []
    for t in sorted(found, key=lambda t: (t.index, t.event)):
        if t.index in seen:
            continue
        seen.add(t.index)
        out.append(t)
    return out


def _phrasal_lemmas(tokens: Sequence[Token], lexicon: Lexicon) -> list[str]:
    """The tokens' lemmas, a phrasal verb read as the verb it means."""
    lemmas = [t.lemma for t in tokens]
    # "turned down" is "reject": the verb takes the phrasal meaning, the particle drops out.
    for k in range(len(lemmas) - 1):
        verb = lexicon.phrasal.get(f"{lemmas[k]} {lemmas[k + 1]}")
        if verb is not None:
            lemmas[k], lemmas[k + 1] = verb, ""
    return lemmas


def _light_verb_triggers(
    tokens: Sequence[Token],
    lemmas: list[str],
    lexicon: Lexicon,
    mentions: list[Mention],
    used: set[int],
) -> list[Trigger]:
    """Light verb + object: "obtained a license" is one trigger, not two."""
    ends = {m.end for m in mentions}
    found: list[Trigger] = []
    for i, lem in enumerate(lemmas):
        options = lexicon.by_light_verb.get(lem, ())
        if not options or not _finite(tokens, i, ends, lexicon):
            continue
        best = _best_object(tokens, lemmas, i, options, mentions)
        if best is not None:
            event_id, j = best
            words = (
                f"{tokens[i].text} … {tokens[j].text}"
                if j > i + 1
                else (f"{tokens[i].text} {tokens[j].text}")
            )
            found.append(Trigger(event_id, i, words, "phrase", object_phrase(tokens, j, i), j))
            used.update({i, j})
    return found


def _best_object(
    tokens: Sequence[Token],
    lemmas: list[str],
    i: int,
    options: tuple[tuple[str, Phrase], ...],
    mentions: list[Mention],
) -> tuple[str, int] | None:
    """The event and object index of the light verb at ``i``: the longest object of any
    of its phrases, then the nearest, within eight words and before a comma."""
    best: tuple[int, int, str, int] | None = None  # (-object words, distance, event, j)
    window = _window(tokens, i, mentions, 8)
    for event_id, phrase in options:
        for j in window:
            if tokens[j].text in {".", ";", ","} and j > i + 1:
                break
            size = object_size(lemmas, j, phrase.objects)
            if size and size < 4 and not np_head(tokens, j, phrase.objects):
                continue  # "a school meals service": "school" is not what was unveiled
            if size:
                cand = (-size, j - i, event_id, j)
                if best is None or cand < best:
                    best = cand
                break
    return (best[2], best[3]) if best is not None else None


def _object_first_triggers(
    tokens: Sequence[Token],
    lemmas: list[str],
    lexicon: Lexicon,
    mentions: list[Mention],
    used: set[int],
) -> list[Trigger]:
    """Object first, verb after: "had its licence revoked", "Acme's licence was revoked"."""
    ends = {m.end for m in mentions}
    found: list[Trigger] = []
    for j, lem in enumerate(lemmas):
        if j in used or lem not in lexicon.objects:
            continue
        for k in _window(tokens, j, mentions, 8):
            if tokens[k].text in {".", ";", ","}:
                break
            if k in used or not participle(tokens[k].lower):
                continue
            matches = [
                (event_id, ph)
                for event_id, ph in lexicon.by_light_verb.get(lemmas[k], ())
                if lem in ph.objects
            ]
            passive = any(t.lower in _BE for t in tokens[j + 1 : k])
            if matches and (owner_before(tokens, j, ends) or passive):
                words = f"{tokens[j].text} … {tokens[k].text}"
                found.append(
                    Trigger(matches[0][0], k, words, "phrase", object_phrase(tokens, j), j)
                )
                used.update({j, k})
                break
    return found


def _word_triggers(
    tokens: Sequence[Token],
    lemmas: list[str],
    lexicon: Lexicon,
    ends: set[int],
    stop: set[int],
    used: set[int],
) -> list[Trigger]:
    """Single words: a verb used as a verb, or a noun of the lexicon, not yet in a phrase."""
    found: list[Trigger] = []
    for i, lem in enumerate(lemmas):
        if i in used:
            continue
        if (
            lem in lexicon.by_verb
            and tokens[i].text[:1].islower()
            and _finite(tokens, i, ends, lexicon)
        ):
            for event_id in lexicon.by_verb[lem]:
                found.append(
                    Trigger(event_id, i, tokens[i].text, "verb", object_after(tokens, i, stop), i)
                )
            used.add(i)
        elif lem in lexicon.by_noun and tokens[i].text[:1].islower():
            for event_id in lexicon.by_noun[lem]:
                found.append(Trigger(event_id, i, tokens[i].text, "noun", None, i))
            used.add(i)
    return found


def _window(tokens: Sequence[Token], i: int, mentions: list[Mention], size: int) -> list[int]:
    """Token indexes after ``i``, a name or a parenthesis counting as one word.

    "was ordered by the Valley Communications Commission (VCC) to pay" keeps "pay" within
    reach of "ordered".
    """
    inside = {k for m in mentions if m.kind == "proper" for k in range(m.start + 1, m.end)}
    out: list[int] = []
    extra = 0
    depth = 0
    k = i + 1
    while k < len(tokens) and len(out) < size + extra:
        t = tokens[k].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(k)
            extra += k in inside
        k += 1
    return out
