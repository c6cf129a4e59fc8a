"""A value mention and the parts of its fact key read from the verb that governs it:
its role (what happened to the thing counted), modality (actual, sought, a bound, ...),
negation, hedges, attribution and tense, and the reading told in the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from consistency.extract.owners import Memory, entity_of
from consistency.extract.text import Sentence
from consistency.extract.vocabulary import Vocabulary
from consistency.models import FactKey, Quantity, Tense


@dataclass(frozen=True)
class Mention:
    """One value in one parsed sentence, before its time is anchored."""

    sentence: Sentence
    start: int  # offsets in the sentence
    end: int
    key: FactKey
    quantity: Quantity | None = None
    time_text: str = ""  # the time expression, resolved later against the document date
    tense: Tense = Tense.PAST
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    qualifiers: tuple[str, ...] = ()
    why: str = ""  # how the key was read, for the report
    owner: str = ""  # whose value it is (owner or subject), compared leniently

    def __post_init__(self) -> None:
        if type(self.tense) is not Tense:  # a word: its member, as a Claim holds it
            object.__setattr__(self, "tense", Tense.of(self.tense))


def role_of(voc: Vocabulary, *toks: Any) -> str:
    """The role class of the first token, in the order given, that names one: as a phrasal
    verb first ("walked out", "went back to work"), then as its own word."""
    for t in toks:
        if t is None:
            continue
        for w in (*_phrasal(t), t.lemma_.lower(), t.lower_):
            if w in voc.role:
                return voc.role[w]
    return ""


def _phrasal(t: Any) -> list[str]:
    """A verb with its particle or adverb and its "to" complement, longest first: "go back
    to work", "go back", "go to work" for "going back to work"; nothing for another word."""
    if t.pos_ not in ("VERB", "AUX"):
        return []
    lemma = t.lemma_.lower()
    particles = [c for c in t.children if c.dep_ in ("prt", "advmod")]
    # "to work" hangs from the verb ("returned to work") or from its adverb ("back to work").
    goals = [
        f"{c.lower_} {o.lemma_.lower()}"
        for h in (t, *particles)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    out = [f"{lemma} {p.lower_} {g}" for p in particles for g in goals]
    out += [f"{lemma} {p.lower_}" for p in particles] + [f"{lemma} {g}" for g in goals]
    return out


def modality_of(voc: Vocabulary, verb: Any | None, q: Quantity | None, governs: bool = True) -> str:
    """A bound ("up to 25") is read from the figure's interval; the rest from the verbs.
    ``governs``: the value is the verb's own (a figure "sought"); a time is when the verb
    happened, so "sought care on Friday" is an actual visit, not a sought one."""
    if q is not None and q.low == 0 and q.high != float("inf") and q.value:
        # "up to 25 years" is a ceiling (a different fact from the figure imposed); "as many
        # as 64 dead" is a reporter's hedge on the actual figure.
        if not q.text.lower().startswith(("as many as", "as much as")):
            return "bound"
    t = verb
    for _ in range(3):
        if t is None:
            break
        for c in [t, *t.children]:
            own_verb = c.i == t.i
            if own_verb and not governs and verb is not None and t.i == verb.i:
                continue
            if c.dep_ in ("aux", "xcomp", "ROOT", "advcl") or own_verb:
                w = c.lemma_.lower()
                if w == "would" and t.dep_ == "ccomp" and t.head.lemma_.lower() in voc.reporting:
                    continue  # "said it would cut 40 jobs": a reported "will"
                if w in voc.modality:
                    return voc.modality[w]
        if t.dep_ in ("xcomp", "ccomp", "conj") or t.head.i == t.i:
            break
        t = t.head
    return "actual"


def flags_of(sd: Any, verb: Any | None) -> tuple[bool, bool, str | None, Tense]:
    """Negated, hedged, attributed to whom, and the tense."""
    negated = verb is not None and any(c.dep_ == "neg" for c in verb.children)
    hedged = any(t.lower_ in ("reportedly", "allegedly", "unconfirmed", "believed") for t in sd)
    attributed = None
    for t in sd:
        if t.lower_ == "according" and t.i + 1 < len(sd) and sd[t.i + 1].lower_ == "to":
            # The source is the object of "to": its name, or its noun phrase ("police").
            source = next((c for c in sd[t.i + 1].children if c.dep_ == "pobj"), None)
            if source is not None:
                name = entity_of(source, Memory())
                words = [w for w in source.subtree if w.dep_ not in ("det", "punct")]
                attributed = name or " ".join(w.text for w in words[:4])
    tense = Tense.PAST
    if verb is not None:
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"will", "shall", "'ll"} or verb.tag_ == "MD":
            tense = Tense.FUTURE
        elif verb.tag_ in ("VBP", "VBZ") or aux & {"is", "are", "has", "have"}:
            tense = Tense.PRESENT
    return negated, hedged, attributed, tense


def why_of(key: FactKey, noun: Any | None, verb: Any | None, scope_why: str) -> str:
    parts = []
    if noun is not None:
        parts.append(f"counts or measures {noun.text!r}")
    if verb is not None:
        parts.append(f"governed by {verb.text!r}")
    if key.role:
        parts.append(f"role {key.role}")
    if scope_why:
        parts.append(f"scope from {scope_why}")
    if key.modality != "actual":
        parts.append(f"modality {key.modality}")
    return "; ".join(parts)
