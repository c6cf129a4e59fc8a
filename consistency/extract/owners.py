"""Whose a value is, and where it is counted.

A value's owner is the name that owns its noun ("its 6,500 members", "Acme's revenue") or
the subject of its verb, a pronoun or "the company" standing for the last name of its kind
(:class:`Memory`); it is compared leniently, so it is not part of the fact key. The place
("killed in X") is: a count in one place is not the total.
"""

from __future__ import annotations

import re
from typing import Any

from consistency.extract.parses import governing_verb
from consistency.extract.vocabulary import vocabulary

_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT"}


_PLACE_TYPES = {"GPE", "LOC", "FAC"}


class Memory:
    """The last names of each kind in a document, for pronouns ("it", "he", "its")."""

    def __init__(self) -> None:
        self.last: dict[str, str] = {}


PRONOUNS = {
    "it": "ORG",
    "its": "ORG",
    "they": "ORG",
    "their": "ORG",
    "he": "PERSON",
    "him": "PERSON",
    "his": "PERSON",
    "she": "PERSON",
    "her": "PERSON",
}


def entity_name(span: Any) -> str:
    words = [t.text for t in span if t.dep_ != "det" and t.lower_ not in ("the",)]
    name = " ".join(words).replace(" 's", "").replace("’s", "").strip()
    return re.sub(r"\s+", " ", name)


def entity_of(tok: Any, memory: Memory) -> str:
    """The named entity a token belongs to, or the name a pronoun stands for."""
    if tok.ent_type_ in _ENTITY_TYPES and tok.ent_iob_ in ("B", "I"):
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return entity_name(ent)
    kind = PRONOUNS.get(tok.lower_)
    if kind is None and tok.lemma_.lower() in vocabulary().organisations:
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            kind = "ORG"  # "the company", "the firm": the organisation last named
    if kind is not None:
        # The nearest name of its kind before it in the sentence ("Ostrava Telecom will cut its
        # workforce"), else the last one of the document.
        named = [
            (e.end, entity_name(e)) for e in tok.doc.ents if e.end <= tok.i and e.label_ == kind
        ]
        if kind == "ORG":  # a subject the tagger left unlabelled ("Ostrava said it ...")
            named += [
                (t.i + 1, entity_of(t, memory))
                for t in tok.doc[: tok.i]
                if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and not t.ent_type_
            ]
        return max(named)[1] if named else memory.last.get(kind, "")
    if tok.pos_ == "PROPN":
        # A name the tagger did not label ("the Harbour Lights Festival"): the proper nouns
        # compounded into it, as written.
        parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        first = min([tok.i, *(c.i for c in parts)])
        return entity_name(tok.doc[first : tok.i + 1])
    return ""


def owner_of(verb: Any | None, noun: Any | None, memory: Memory) -> tuple[str, str, str]:
    """Where a value is counted (a place: part of the fact key) and whose it is (its owner
    or the verb's subject: compared leniently), with how each was read."""
    place, why = _place(verb, noun, memory)
    owner = ""
    if noun is not None:
        owner, owner_why = _possessor(noun, memory)
        why += owner_why
    # An infinitive or a clause on a noun takes the subject of the clause it completes
    # ("Kelpwater became one of two companies to obtain a licence").
    subject_of = _completed_verb(verb)
    verb = subject_of if subject_of is not None else verb
    if verb is not None and not owner:
        owner, subject_why = _subject(verb, noun, memory)
        why += subject_why
    return place, owner, ", ".join(why)


def _place(verb: Any | None, noun: Any | None, memory: Memory) -> tuple[str, list[str]]:
    """The named place a value is counted in: "killed in X", "38 fatalities reported in
    X", on the noun, a clause on it, the verb, or the object of one of the verb's
    prepositions ("forced from their homes in X", whichever of the two the parse hangs
    "in X" from)."""
    place = ""
    why = []
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")] if noun is not None else []
    objects = [
        o
        for c in (verb.children if verb is not None else ())
        if c.dep_ == "prep"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    for h in (noun, *clauses, verb, *objects):
        if h is None or place:
            continue
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                p = next((p for p in c.children if p.dep_ == "pobj"), None)
                if p is not None and p.ent_type_ in _PLACE_TYPES:
                    place = entity_of(p, memory)
                    why.append(f"place {p.text!r}")
                    break
    return place, why


def _possessor(noun: Any, memory: Memory) -> tuple[str, list[str]]:
    """The owner a noun names: its possessive ("its", "Acme's") or a name compounded on it."""
    for c in noun.children:
        if c.dep_ == "poss" or (
            c.dep_ in ("compound", "nmod") and c.ent_type_ in ("ORG", "PERSON")
        ):
            owner = entity_of(c, memory)
            if owner:
                return owner, [f"owner {c.text!r}"]
    return "", []


def _completed_verb(verb: Any | None) -> Any | None:
    """The verb of the clause an infinitive or a clause on a noun completes, up to three
    levels up, stopping at a verb with a subject of its own."""
    subject_of = verb
    for _ in range(3):
        if subject_of is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in subject_of.children):
            break
        if (
            subject_of.dep_ not in ("xcomp", "acl", "relcl", "advcl")
            or subject_of.head.i == subject_of.i
        ):
            break
        subject_of = governing_verb(subject_of.head)
    return subject_of


def _subject(verb: Any, noun: Any | None, memory: Memory) -> tuple[str, list[str]]:
    """The name of a verb's subject (not the value's own noun), or of its possessor or
    compound ("the company's chief executive")."""
    owner = ""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (noun is None or c.i != noun.i):
            owner = entity_of(c, memory)
            if not owner:
                for cc in c.children:
                    if cc.dep_ in ("poss", "compound") and entity_of(cc, memory):
                        owner = entity_of(cc, memory)
            if owner:
                return owner, [f"subject {c.text!r}"]
    return owner, []
