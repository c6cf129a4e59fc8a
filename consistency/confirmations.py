"""Confirmation claims: a thing told as confirmed or as unconfirmed ("unconfirmed reports of
a lightning strike" against "the crew confirmed the lightning strike").

A thing is a noun with its compound words ("lightning strike"), read from the parse:

- **unconfirmed**: a doubting adjective on it, or on a carrier noun whose "of" names it
  ("unconfirmed reports of a lightning strike"); or a confirming verb negated ("the cause
  has not been confirmed", "police could not confirm the arrest");
- **confirmed**: a confirming verb not negated, of the things its clause names as compound
  nouns or as its object ("officials confirmed that the jet was hit by a lightning strike").

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
from importlib import resources
from typing import Any

import yaml

from consistency import nlp
from consistency.errors import ConfigError
from consistency.models import Claim, Document, FactKey
from consistency.text import sentences

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
    text = resources.files("consistency.data").joinpath("confirmations.yaml").read_text("utf-8")
    return parse_words(yaml.safe_load(text), "confirmations.yaml")


def parse_words(data: Any, where: str) -> Words:
    """Validate the word lists: known keys only, each a list of words."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping")
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    lists = {}
    for key in sorted(_KEYS):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise ConfigError(f"{where}: {key} must be a list of words")
        lists[key] = frozenset(w.lower() for w in value)
    return Words(**lists)


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    w = words()
    stems = sorted({s[:6] for s in w.confirming | w.doubting}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")", re.IGNORECASE)


def claims(documents: Sequence[Document]) -> list[Claim]:
    """The confirmation claims of every document, parsed in one batch."""
    cue = _cue()
    jobs = [
        (d, s)
        for d in documents
        for s in sentences(d.text)
        if len(s.text) <= 1000 and cue.search(s.text)
    ]
    out: list[Claim] = []
    counts: dict[str, int] = {}
    for (d, s), sd in zip(jobs, nlp.parse(s.text for _, s in jobs), strict=True):
        for thing, status, trigger in statuses(sd):
            counts[d.id] = counts.get(d.id, 0) + 1
            key = FactKey(KIND, UNIT, thing, "", "", "actual")
            out.append(
                Claim(
                    id=f"{d.id}#k{counts[d.id]}",
                    document=d.id,
                    sentence=s.text,
                    span=(s.start, s.end),
                    entity="(story)",
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
