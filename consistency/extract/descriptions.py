"""Description claims: what kind of thing a named entity is said to be.

An outlet describes a name when it gives it a type noun in one of these constructions:

- **of**: "the village of X", "the upland district of X" (only for nouns that name what
  follows "of": places; "the chief executive of X" does not make X a chief executive);
- **after**: "X district", "X province" (a lower-case type noun after the name);
- **before**: "insurer X", "chief executive Jane Roe";
- **appos**: "X, a village in the hills", "the bank, X";
- **copula**: "X is a union".

Each type noun maps to a class ("hamlet" and "village" are one), each class to a family
(place, organisation, person); which constructions read which family, which classes are
generic (a bank is a company) or told loosely of one thing (a town called a city), and
which families cannot describe one entity (a person is no organisation) are data
(``data/descriptions.yaml``), validated by :func:`parse_words`.

Each description is a claim keyed like the value claims (:class:`FactKey`, kind
``"other"``, unit ``"description"``, ``measure`` the entity's canonical name once resolved,
see :func:`keyed`), with the class as its ``object``, so the graph links the descriptions of
one entity and rule DS01 compares them. Only sentences with a type noun are parsed, in one
batch with :func:`consistency.extract.nlp.parse`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from consistency.errors import ConfigError
from consistency.extract import nlp, wordfiles
from consistency.extract.text import Sentence
from consistency.models import Claim, Document, FactKey, Tense

KIND = "other"
UNIT = "description"
PATTERNS = ("of", "after", "before", "appos", "copula")

_KEYS = {"families", "conflicts", "not_current"}
_FAMILY_KEYS = {"exclusive", "patterns", "capitalised", "generic", "near", "classes"}
# Entity labels that are no names of things: "the district of 2015" is no district.
_NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
_HEDGES = {"reportedly", "allegedly", "possibly", "probably", "perhaps", "apparently"}


@dataclass(frozen=True)
class Family:
    name: str
    exclusive: bool
    patterns: frozenset[str]
    capitalised: frozenset[str]  # type nouns
    generic: frozenset[str]  # classes
    near: frozenset[frozenset[str]]  # pairs of classes


@dataclass(frozen=True)
class Words:
    """The word lists of ``data/descriptions.yaml``."""

    families: dict[str, Family]
    nouns: dict[str, tuple[str, str]]  # type noun -> (family, class)
    conflicts: frozenset[frozenset[str]]  # pairs of families
    not_current: frozenset[str]

    def family(self, cls: str) -> str | None:
        """The family of a class ("village" -> "place")."""
        return next((f for f, c in self.nouns.values() if c == cls), None)

    def conflict(self, a: str, b: str) -> bool:
        """Whether two classes cannot describe one thing: different classes of one exclusive
        family, neither generic nor near the other; or classes of conflicting families."""
        if a == b:
            return False
        fa, fb = self.family(a), self.family(b)
        if fa is None or fb is None:
            return False
        if fa != fb:
            return frozenset((fa, fb)) in self.conflicts
        fam = self.families[fa]
        if not fam.exclusive or a in fam.generic or b in fam.generic:
            return False
        return frozenset((a, b)) not in fam.near


@lru_cache(maxsize=1)
def words() -> Words:
    return parse_words(wordfiles.read("descriptions.yaml"), "descriptions.yaml")


def parse_words(data: Any, where: str) -> Words:
    """Validate the word lists: known keys, families with known patterns, classes of words,
    generic and near classes that exist, conflicts between known families."""
    data = wordfiles.mapping(data, _KEYS, where)
    section = data.get("families") or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{where}: families must map a family to its settings")
    families: dict[str, Family] = {}
    nouns: dict[str, tuple[str, str]] = {}
    for fname, spec in section.items():
        families[str(fname)] = _family(fname, spec, nouns, where)
    conflicts = data.get("conflicts") or []
    if not isinstance(conflicts, list):
        raise ConfigError(f"{where}: conflicts must be a list of pairs of families")
    pairs = [wordfiles.word_list(p, "conflicts", where) for p in conflicts]
    for p in pairs:
        if len(p) != 2 or any(f not in families for f in p):
            raise ConfigError(f"{where}: conflicts must pair two known families, not {p}")
    return Words(
        families=families,
        nouns=nouns,
        conflicts=frozenset(frozenset(p) for p in pairs),
        not_current=frozenset(
            wordfiles.word_list(data.get("not_current", []), "not_current", where)
        ),
    )


def _family(fname: Any, spec: Any, nouns: dict[str, tuple[str, str]], where: str) -> Family:
    """One family of the word file, checked; its type nouns are added to ``nouns``."""

    def strings(value: Any, name: str) -> list[str]:
        return wordfiles.word_list(value, name, where)

    at = f"families.{fname}"
    if not isinstance(spec, dict):
        raise ConfigError(f"{where}: {at} must be a mapping")
    bad = set(spec) - _FAMILY_KEYS
    if bad:
        raise ConfigError(f"{where}: {at}: unknown key(s) {', '.join(sorted(bad))}")
    classes = spec.get("classes") or {}
    if not isinstance(classes, dict) or not classes:
        raise ConfigError(f"{where}: {at}.classes must map a class to its type nouns")
    for cls, ws in classes.items():
        for w in strings(ws, f"{at}.classes.{cls}"):
            if w in nouns and nouns[w] != (fname, cls):
                raise ConfigError(f"{where}: type noun {w!r} is listed twice")
            nouns[w] = (str(fname), str(cls))
    patterns = strings(spec.get("patterns", []), f"{at}.patterns")
    odd = set(patterns) - set(PATTERNS)
    if odd:
        raise ConfigError(
            f"{where}: {at}.patterns: unknown pattern(s) {', '.join(sorted(odd))};"
            f" known: {', '.join(PATTERNS)}"
        )
    generic = strings(spec.get("generic", []), f"{at}.generic")
    pairs = _near(spec, classes, generic, at, where)
    exclusive = spec.get("exclusive", True)
    if not isinstance(exclusive, bool):
        raise ConfigError(f"{where}: {at}.exclusive must be true or false")
    return Family(
        name=str(fname),
        exclusive=exclusive,
        patterns=frozenset(patterns),
        capitalised=frozenset(strings(spec.get("capitalised", []), f"{at}.capitalised")),
        generic=frozenset(generic),
        near=frozenset(frozenset(p) for p in pairs),
    )


def _near(
    spec: dict[Any, Any], classes: dict[Any, Any], generic: list[str], at: str, where: str
) -> list[list[str]]:
    """A family's pairs of near classes, checked with its generic classes: each a class of
    the family."""
    near = spec.get("near") or []
    if not isinstance(near, list):
        raise ConfigError(f"{where}: {at}.near must be a list of pairs of classes")
    pairs = [wordfiles.word_list(p, f"{at}.near", where) for p in near]
    for cls in [*generic, *(c for p in pairs for c in p)]:
        if cls not in classes:
            raise ConfigError(f"{where}: {at}: {cls!r} is not a class of the family")
    if any(len(p) != 2 for p in pairs):
        raise ConfigError(f"{where}: {at}.near must be a list of pairs of classes")
    return pairs


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    """A sentence is parsed only when it holds a type noun (any form)."""
    forms: set[str] = set()
    for noun in words().nouns:
        forms.add(re.escape(noun).replace(r"\ ", r"\s+") + r"(?:s|es)?")
        if noun.endswith("y"):
            forms.add(re.escape(noun[:-1]) + "ies")
    return re.compile(r"\b(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")\b", re.I)


@dataclass(frozen=True)
class Description:
    """One description of one name in one parsed sentence."""

    sentence: Sentence
    name: str  # the name as written, without "the" and "'s"
    family: str
    cls: str
    trigger: str  # the type noun as written
    pattern: str
    negated: bool
    hedged: bool


def claims(documents: Sequence[Document]) -> list[Claim]:
    """The description claims of every document, parsed in one batch."""
    found = nlp.read_cued(documents, _cue(), describe)
    out: list[Claim] = []
    for d in documents:
        out += [_claim(d, n, x) for n, x in enumerate(found[d.id], 1)]
    return out


def keyed(c: Claim) -> Claim:
    """A description claim keyed by its entity's canonical name (after resolution)."""
    if c.key is None or c.key.kind != KIND or c.key.unit != UNIT:
        return c
    key = replace(c.key, measure=c.entity)
    return replace(c, key=key, event=key.label())


def describe(sent: Sentence, sd: Any) -> list[Description]:
    """The descriptions of one parsed sentence."""
    w = words()
    out: list[Description] = []
    seen: set[tuple[str, str]] = set()
    for tok in sd:
        typed = _type_of(tok, w)
        if typed is None:
            continue
        family, cls, start = typed
        fam = w.families[family]
        for pattern, name_tok in _named(tok, start, fam):
            span = _name_span(name_tok)
            if span is not None and start <= span[-1].i and span[0].i <= tok.i:
                span = _trimmed(span, start, tok, fam)
            if not span or (pattern == "before" and span[0].i != tok.i + 1):
                continue  # "district police chief X": the noun before X is not X's type
            name = " ".join(t.text for t in span)
            if (name, cls) in seen:
                continue
            seen.add((name, cls))
            out.append(
                Description(
                    sentence=sent,
                    name=name,
                    family=family,
                    cls=cls,
                    trigger=sd[start : tok.i + 1].text,
                    pattern=pattern,
                    negated=_negated(tok, pattern),
                    hedged=any(t.lower_ in _HEDGES for t in sd),
                )
            )
    return out


def _trimmed(span: list[Any], start: int, tok: Any, fam: Family) -> list[Any] | None:
    """A name read with its type noun ("Corlow District", "Insurer Halvard Mutual" as one
    entity): the name without it, when the type noun is at one end and written in lower
    case or in the family's capitalised list; else None: the noun is part of the name
    ("the Bank of X", "X City", "Union Pacific")."""
    written = tok.doc[start : tok.i + 1].text
    if written != written.lower() and written.lower() not in fam.capitalised:
        if tok.lemma_.lower() not in fam.capitalised:
            return None
    if span[0].i == start:
        rest = [t for t in span if t.i > tok.i]
    elif span[-1].i == tok.i:
        rest = [t for t in span if t.i < start]
    else:
        return None
    return rest if rest and rest[0].text[:1].isupper() else None


def _type_of(tok: Any, w: Words) -> tuple[str, str, int] | None:
    """(family, class, first token) of a type noun, two-word titles first ("chief
    executive"); None for any other token, a capitalised noun that is no description
    ("X City") or a type that is not current ("a former bank")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = tok.lemma_.lower()
    start = tok.i
    hit = None
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        two = f"{prev.lower_} {lemma}"
        if two in w.nouns and prev.head.i == tok.i:
            hit, start = w.nouns[two], prev.i
            lemma = two
    if hit is None:
        hit = w.nouns.get(lemma) or w.nouns.get(tok.lower_)
    if hit is None:
        return None
    family, cls = hit
    written = tok.doc[start : tok.i + 1].text
    if tok.doc[start].is_sent_start:
        written = written[1:]  # "Insurer X said ...": capitalised as the sentence's first word
    if written != written.lower() and lemma not in w.families[family].capitalised:
        return None
    if any(c.dep_ == "amod" and c.lower_ in w.not_current for c in tok.children):
        return None
    if start > 0 and tok.doc[start - 1].lower_.rstrip("-") in w.not_current:
        return None  # "ex-chief executive"
    return family, cls, start


def _named(tok: Any, start: int, fam: Family) -> list[tuple[str, Any]]:
    """The names a type noun describes, with the construction that says so."""
    out: list[tuple[str, Any]] = []
    p = fam.patterns
    # "Corlow district Jane Roe": where a type noun after a name describes that name, it
    # does not describe the name after it too.
    prev = tok.doc[start - 1] if start > 0 else None
    named = "after" in p and prev is not None and prev.pos_ == "PROPN"
    for c in tok.children:
        if "of" in p and c.dep_ == "prep" and c.lower_ == "of" and _definite(tok):
            out += [("of", n) for n in _with_conj(c.children, "pobj")]
        if "after" in p and c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "PROPN":
            out.append(("after", c))  # "X district"
        if "appos" in p and c.dep_ == "appos" and c.i > tok.i:
            out.append(("appos", c))  # "the bank, X"
        if "before" in p and c.dep_ in ("appos", "compound") and c.i == tok.i + 1 and not named:
            out.append(("before", c))  # "insurer X" parsed with the name after
    head = tok.head
    if "appos" in p and tok.dep_ == "appos" and head.i < tok.i:
        out.append(("appos", head))  # "X, a village in ..."
    if "before" in p and tok.dep_ in ("compound", "appos", "nmod") and head.i > tok.i and not named:
        if all(t.pos_ == "PROPN" or t.i == tok.i for t in tok.doc[tok.i : head.i]):
            out.append(("before", head))  # "chief executive Jane Roe"
    if "copula" in p and tok.dep_ == "attr" and head.lemma_ == "be":
        out += [("copula", s) for s in head.children if s.dep_ == "nsubj"]
    # A person is no place: "X district" before a person's name is the person's office.
    return [
        (pat, n)
        for pat, n in out
        if n.pos_ == "PROPN" and not (fam.name == "place" and n.ent_type_ == "PERSON")
    ]


def _definite(tok: Any) -> bool:
    """ "the village of X", "Nepal's district of X": not "a village of 500 people"."""
    return any(
        c.dep_ in ("det", "poss") and c.lower_ != "a" and c.lower_ != "an" for c in tok.children
    )


def _with_conj(tokens: Any, dep: str) -> list[Any]:
    out = []
    for t in tokens:
        if t.dep_ == dep:
            out.append(t)
            out += [c for c in t.children if c.dep_ == "conj"]
    return out


def _name_span(tok: Any) -> list[Any] | None:
    """The name a token belongs to: its entity, or its run of proper nouns; without a
    leading "the" or a trailing possessive. None when it is no name."""
    if not tok.text[:1].isupper():
        return None
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            if ent.label_ in _NOT_NAMES:
                return None
            span = [t for t in ent if t.lower_ != "the" and t.text not in ("'s", "’s")]
            return span or None
    left = tok.i
    while left > 0 and tok.doc[left - 1].pos_ == "PROPN" and tok.doc[left - 1].dep_ == "compound":
        left -= 1
    return list(tok.doc[left : tok.i + 1])


def _negated(tok: Any, pattern: str) -> bool:
    if pattern == "copula":
        return any(c.dep_ == "neg" for c in tok.head.children)
    return False


def _claim(doc: Document, n: int, x: Description) -> Claim:
    s = x.sentence
    key = FactKey(KIND, UNIT, x.name, "", "")
    return Claim(
        id=f"{doc.id}#d{n}",
        document=doc.id,
        sentence=s.text,
        span=(s.start, s.end),
        entity=x.name,
        event=key.label(),
        object=x.cls,
        negated=x.negated,
        hedged=x.hedged,
        tense=Tense.PRESENT,
        trigger=x.trigger,
        mention=x.name,
        index=s.index,
        key=key,
        why=f"{x.trigger!r} describes {x.name!r} ({x.pattern}): {x.family} / {x.cls}",
    )


def family(c: Claim) -> str | None:
    """The family of a description claim's class, else None."""
    if c.key is None or c.key.kind != KIND or c.key.unit != UNIT or not c.object:
        return None
    return words().family(c.object)
