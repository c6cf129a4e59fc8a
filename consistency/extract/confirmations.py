"""Confirmation claims: a thing told as confirmed or as unconfirmed ("unconfirmed reports of
a gas leak" against "the crew confirmed the gas leak").

A thing is a noun with its compound words ("lightning strike"), read from the parse:

- **unconfirmed**: a doubting adjective on it, or on a carrier noun whose "of" names it
  ("unconfirmed reports of a gas leak"); or a confirming verb negated ("the cause
  has not been confirmed", "police could not confirm the arrest");
- **confirmed**: a confirming verb not negated, of the things its clause names as compound
  nouns or as its object ("officials confirmed that the depot was hit by a power surge").

A claim is keyed (:class:`FactKey`, kind ``"status"``, unit ``"confirmation"``) by the
thing, so outlets that speak of one thing meet whatever they say of it; its ``object`` is
``confirmed`` or ``unconfirmed``. Only sentences with a cue are parsed. The English words
are data (``data/confirmations.yaml``), validated: unknown keys are an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from consistency.extract import nlp, wordfiles
from consistency.models import STORY, Claim, Document, FactKey

KIND, UNIT = "status", "confirmation"
CONFIRMED, UNCONFIRMED = "confirmed", "unconfirmed"
_KEYS = {"confirming", "doubting", "carriers"}


@dataclass(frozen=True)
class Words:
    confirming: frozenset[str]
    doubting: frozenset[str]
    carriers: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    return parse_words(wordfiles.read("confirmations.yaml"), "confirmations.yaml")


def parse_words(data: Any, where: str) -> Words:
    """Validate the word lists: known keys only, each a list of words."""
    data = wordfiles.mapping(data, _KEYS, where)
    lists = {k: wordfiles.word_set(data, k, where) for k in sorted(_KEYS)}
    return Words(**lists)


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    w = words()
    stems = sorted({s[:6] for s in w.confirming | w.doubting}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")", re.IGNORECASE)


def claims(documents: Sequence[Document]) -> list[Claim]:
    """The confirmation claims of every document, parsed in one batch."""
    found = nlp.read_cued(documents, _cue(), lambda s, sd: [(s, x) for x in statuses(sd)])
    out: list[Claim] = []
    for d in documents:
        for n, (s, (thing, status, trigger)) in enumerate(found[d.id], 1):
            key = FactKey(KIND, UNIT, thing, "", "", "actual")
            out.append(
                Claim(
                    id=f"{d.id}#k{n}",
                    document=d.id,
                    sentence=s.text,
                    span=(s.start, s.end),
                    entity=STORY,
                    event=key.label(),
                    object=status,
                    trigger=trigger,
                    index=s.index,
                    key=key,
                    why=f"{thing!r} told as {status} ({trigger!r})",
                )
            )
    return out


def statuses(sd: Any) -> list[tuple[str, str, str]]:
    """(thing, status, trigger) for each thing one parsed sentence confirms or doubts."""
    w = words()
    out: list[tuple[str, str, str]] = []
    for tok in sd:
        lemma = tok.lemma_.lower()
        if lemma in w.doubting and tok.dep_ == "amod":
            noun = tok.head
            if noun.lemma_.lower() in w.carriers:
                of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                noun = next((p for p in of.children if p.dep_ == "pobj"), None) if of else None
            if noun is not None and noun.pos_ == "NOUN":
                out.append((_thing(noun), UNCONFIRMED, tok.text))
        elif lemma in w.confirming and tok.pos_ == "VERB":
            negated = any(c.dep_ == "neg" for c in tok.children)
            if negated:
                subj = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
                out += [(_thing(n), UNCONFIRMED, tok.text) for n in subj if n.pos_ == "NOUN"]
            else:
                things = [
                    t
                    for t in tok.subtree
                    if t.pos_ == "NOUN" and any(c.dep_ == "compound" for c in t.children)
                ]
                things += [c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
                out += [(_thing(n), CONFIRMED, tok.text) for n in dict.fromkeys(things)]
    return list(dict.fromkeys(out))


def _thing(noun: Any) -> str:
    """The noun with its compound words, as lemmas: "lightning strike"."""
    parts = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    return " ".join([*(c.lemma_.lower() for c in parts), noun.lemma_.lower()])
