"""Times as facts: the fact key of a date or time, the event it dates.

A time is the time of the event its verb, or an event noun it is attached to ("the
announcement on Tuesday"), tells of; when something was said, or when a measurement was
taken, is not a fact of the story.
"""

from __future__ import annotations

from typing import Any

from consistency.extract.fact_keys import Mention, flags_of, modality_of, role_of, why_of
from consistency.extract.owners import Memory, entity_of, owner_of
from consistency.extract.parses import governing_verb, span_root
from consistency.extract.text import Sentence
from consistency.extract.vocabulary import Vocabulary
from consistency.models import FactKey


def time_mention(
    sent: Sentence,
    sd: Any,
    toks: list[Any],
    text: str,
    start: int,
    end: int,
    voc: Vocabulary,
    memory: Memory,
) -> Mention | None:
    root = span_root(toks)
    verb = governing_verb(root.head if root.head.i != root.i else root)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    # "when making the announcement on Tuesday", "the landing at Carrow on Sunday":
    # the time of an event noun is that event's, whatever verb carries the noun.
    event = _event_noun(root, voc) or _light_complement(verb, voc) or _subject_event(verb, voc)
    if event is not None:
        lemma = event.lemma_.lower()
    elif root.head.dep_ == "prep" and root.head.head.pos_ == "NOUN":
        return None  # "the closing price on March 12": the time of a measurement, not an event
    elif (lemma in voc.reporting and lemma not in voc.role) or (
        lemma in voc.light and lemma != "leave"
    ):
        return None  # when something was said is not a fact of the story
    own = {t.i for t in toks}
    obj = ""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.i not in own:
            obj = entity_of(c, memory) or c.lemma_.lower()
            break
    if not obj:
        for c in verb.children:
            if c.dep_ == "prep" and c.i not in own and c.lower_ not in _CIRCUMSTANCE:
                p = next((p for p in c.children if p.dep_ == "pobj"), None)
                if p is not None and p.i not in own and not p.like_num:
                    obj = f"{c.lower_} {entity_of(p, memory) or _thing(p, voc)}"
                    break
    # An event noun's class; else the role a figure of the same verb gets (role_of: "went
    # back to work" is a return, "walked out" a strike, as a phrasal verb first); else the
    # verb's lemma.
    role = voc.role.get(lemma, lemma) if event is not None else role_of(voc, verb) or lemma
    named = (voc.role.get(obj.split(" ")[-1].lower()), voc.role.get(f"{lemma} {obj}"))
    if event is not None or role in named:
        # The noun is the event ("admitted to hospital") or part of the phrasal verb that
        # names it ("returned to work"): what the verb does is not.
        obj = ""
    elif obj and " " not in obj:
        obj = voc.measure.get(obj, obj)
    # Where an event happened is told or not; it does not make another event of it.
    place, owner, scope_why = owner_of(verb, None, memory)
    negated, hedged, attributed, tense = flags_of(sd, verb)
    modality = "actual" if event is not None else modality_of(voc, verb, None, governs=False)
    key = FactKey("date", "time", obj, role, "", modality)
    why = why_of(key, None, verb, scope_why)
    return Mention(
        sent, start, end, key, time_text=text, tense=tense, negated=negated, hedged=hedged,
        attributed_to=attributed, why=why, owner=owner,
    )  # fmt: skip


def _event_noun(root: Any, voc: Vocabulary) -> Any | None:
    """The event noun a time is attached to ("the announcement on Tuesday"), if any."""
    head = root.head
    if head.dep_ == "prep" and head.head.pos_ == "NOUN":
        noun = head.head
        if voc.role.get(noun.lemma_.lower()) in voc.events:
            return noun
    return None


# Prepositions of purpose, agent or circumstance: "admitted for treatment", "approved by
# the board", "closed after the storm" name no other thing the event was done to.
_CIRCUMSTANCE = frozenset(
    {"for", "by", "after", "before", "during", "following", "amid", "despite", "because",
     "over", "since", "until", "about", "against", "under", "without", "due"}
)  # fmt: skip


def _subject_event(verb: Any, voc: Vocabulary) -> Any | None:
    """The event whose happening a verb tells of its subject: "the strike began on Monday",
    "the vote took place on Tuesday" (facts.yaml occurrence)."""
    if verb.lemma_.lower() not in voc.occurrence:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and voc.role.get(c.lemma_.lower()) in voc.events:
            return c
    return None


def _light_complement(verb: Any, voc: Vocabulary) -> Any | None:
    """The event a light verb's complement names: "was put into isolation", "was taken to
    hospital" happen when the verb does; the verb itself says nothing."""
    if verb.lemma_.lower() not in voc.light:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "into", "to"):
            p = next((p for p in c.children if p.dep_ == "pobj"), None)
            if p is not None and voc.role.get(p.lemma_.lower()) in voc.events:
                return p
    return None


def _thing(tok: Any, voc: Vocabulary) -> str:
    lemma = tok.lemma_.lower()
    return voc.measure.get(lemma, lemma)
