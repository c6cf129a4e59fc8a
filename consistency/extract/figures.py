"""Figures as facts: the fact key of a count, a sum of money or a share, and of a
person's age.

A figure's key is read from the noun it counts or measures (a class of nouns, so that
workers and employees meet), the role the verb, its complements and the noun's modifiers
give it, the place it is counted in, its modality, and the time it holds at. A tally
("318 votes to 247") keys each side, and "by 71 votes" a difference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from consistency.extract.fact_keys import Mention, flags_of, modality_of, role_of, why_of
from consistency.extract.owners import Memory, entity_of, owner_of
from consistency.extract.parses import governing_verb, span_root, span_tokens
from consistency.extract.text import Sentence
from consistency.extract.vocabulary import Vocabulary
from consistency.models import FactKey, Quantity, Tense

_DURATION = re.compile(r"[-\s]*(?:second|minute|hour|day|week|month|year)s?\b", re.IGNORECASE)


_RATE = re.compile(
    r"\s*\)?\s*(?:\([^)]{1,30}\)\s*)?(?:per|a|an|each)\s+(second|minute|hour|day|week|month|year)\b",
    re.I,
)


_GROUP_SIZE = re.compile(r"^\S+-(?:member|person|people|strong|man|woman|seat)\b", re.I)


# Complements that tell what happened to the things counted: "in hospital", "on board".
_ROLE_PREPOSITIONS = frozenset(
    {"in", "on", "at", "to", "into", "onto", "aboard", "onboard", "from", "out"}
)


_TALLY = re.compile(
    r"(?P<a>\d[\d,]*)(?:\s+[a-z]+){0,2}\s+(?:to|against|-|–)\s+(?P<b>\d[\d,]*)(?![\d,]*\s*%)",
    re.IGNORECASE,
)


_BY = re.compile(r"\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Figure:
    """A figure being keyed: where it is, what it counts and the verb that governs it."""

    sent: Sentence
    sd: Any
    q: Quantity
    start: int
    end: int
    unit: str  # a currency, "%", or "count"
    noun: Any | None  # the noun whose amount or count this is
    verb: Any | None
    size: bool  # "a six-member team": the size of a group
    period: str | None  # "€410,000 a week": the period of a rate


def quantity_mention(
    sent: Sentence,
    sd: Any,
    toks: list[Any],
    q: Quantity,
    start: int,
    end: int,
    voc: Vocabulary,
    memory: Memory,
    times: Sequence[Any] = (),
) -> Mention | None:
    """The mention of a count, a sum of money or a share, or None when nothing says what
    it counts (a bare figure, a label such as "flight 951", a duration)."""
    size = _GROUP_SIZE.search(q.text)
    if not size:
        q, end, toks = _parsed_unit(sent, sd, q, start, end, toks)
    root = span_root(toks)
    if not q.unit and _label(root, voc):
        return None  # "flight 951", "Room 12": a name, not an amount
    after = sent.text[end : end + 24]
    if _DURATION.match(after):
        return None  # "a 23-day strike", "six week-long": a duration, not a count
    rate = _RATE.match(after)
    unit = q.unit or "count"
    if unit in ("%",) or (len(unit) == 3 and unit.isupper()):
        noun = _sum_noun(toks, root, unit)
    else:
        noun, unit = _count_noun(toks, root, q), "count"
    if noun is not None and noun.pos_ not in ("NOUN", "PROPN"):
        noun = None  # "nine being admitted": the count has no noun of its own
    verb = governing_verb(noun if noun is not None else root)
    if noun is not None and noun.lemma_.lower() in voc.time_units:
        return None
    f = _Figure(
        sent, sd, q, start, end, unit, noun, verb, bool(size),
        rate.group(1).lower() if rate else None,
    )  # fmt: skip
    measure, role = _measure_and_role(f, voc)
    if not measure and not role:
        return None  # a bare figure: nothing says what it counts
    return _keyed(f, measure, role, voc, memory, times)


def _sum_noun(toks: list[Any], root: Any, unit: str) -> Any | None:
    """A sum or a share: the noun it modifies, or "N% of X", or the verb it completes."""
    of = next(
        (
            p
            for t in toks
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    if of is not None and unit == "%":
        return of
    if root.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod") and root.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return root.head
    if root.dep_ == "pobj" and root.head.head.pos_ == "NOUN":
        return root.head.head
    return None


def _count_noun(toks: list[Any], root: Any, q: Quantity) -> Any | None:
    """A count: the unit noun is the thing counted."""
    head = next((t for t in toks if t.lemma_.lower() in _unit_words(q)), None)
    noun = head or (root.head if root.dep_ in ("nummod", "quantmod") else None)
    if noun is None and root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head  # "a majority of 71", "a toll of 63"
    return noun


def _measure_and_role(f: _Figure, voc: Vocabulary) -> tuple[str, str]:
    """What a figure counts or measures, and what happened to it."""
    noun, verb, q = f.noun, f.verb, f.q
    role_toks = _verb_role_tokens(verb, noun, voc)
    measure = ""
    if noun is not None:
        lemma = noun.lemma_.lower()
        role_toks.append(noun)
        role_toks += [c for c in noun.children if c.dep_ in ("amod", "compound", "acl", "relcl")]
        # A noun that names the role ("fatalities", "approval") is not a thing measured,
        # and people counted by their role ("61% of members voting") are the role's.
        if lemma not in voc.role and lemma not in voc.generic:
            measure = voc.measure.get(lemma, lemma)
            if f.unit == "%" and lemma in voc.measure:
                measure = ""
    if (
        noun is not None
        and f.unit != "%"  # "45% of total sales" is a share of the whole, not the whole
        and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in voc.totals for c in noun.children
        )
    ):
        measure = f"total {measure}".strip()  # "12,460 total votes" is not the votes for
    measure = _part(f, measure, voc)
    if f.size and q.unit:
        # "a six-member team", "a 12-person team": the team's size, whatever it did.
        measure = voc.measure.get(q.unit, q.unit)
    role = "size" if f.size and q.unit else role_of(voc, *role_toks)
    if not role and verb is not None:
        lemma = verb.lemma_.lower()
        if lemma not in voc.light and lemma not in voc.reporting:
            role = lemma
    return measure, role


def _verb_role_tokens(verb: Any | None, noun: Any | None, voc: Vocabulary) -> list[Any]:
    """What the verb says happened to the things counted: its complements ("in hospital",
    "on board"), the verb, its subject's words ("the death toll")."""
    role_toks: list[Any] = []
    if verb is None:
        return role_toks
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ not in _ROLE_PREPOSITIONS:
            continue  # "under the new deal" says nothing of what the figure counts
        if c.dep_ in ("prep", "prt", "acomp", "oprd", "attr", "dobj", "advmod"):
            if noun is None or c.i != noun.i:
                role_toks += [p for p in c.children if p.dep_ == "pobj"]
                role_toks.append(c)
    if verb.lemma_.lower() not in voc.reporting:
        role_toks.append(verb)
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (noun is None or c.i != noun.i):
            role_toks.append(c)
            role_toks += [cc for cc in c.children if cc.dep_ == "compound"]
    return role_toks


def _keyed(
    f: _Figure, measure: str, role: str, voc: Vocabulary, memory: Memory, times: Sequence[Any]
) -> Mention:
    """The mention of a figure with its measure and role: the rest of its key (place,
    modality, rate), its owner, time anchor, flags and qualifiers."""
    noun, verb, unit = f.noun, f.verb, f.unit
    place, owner, scope_why = owner_of(verb, noun, memory)
    if f.size:
        place = ""  # a team's size is the same wherever it went
    negated, hedged, attributed, tense = flags_of(f.sd, verb)
    modality = modality_of(voc, verb, f.q)
    anchor = _anchor(f.sd, verb, noun, times)
    if modality == "actual" and _told_as(voc.background, verb, noun):
        modality = "earlier"
    elif modality == "actual" and _told_as(voc.initial, verb, noun):
        modality = "initial"
    if anchor:
        scope_why = ", ".join(filter(None, [scope_why, f"holds at {anchor!r}"]))
    if f.period:
        unit = f"{unit}/{f.period}"
        if unit[:3].isupper():
            # A sum per week or per year is a pay or a price by the period, however the verb
            # tells it ("signed at €410,000 a week", "which works out at €610k a week").
            measure, role = "", "rate"
    key = FactKey("number", unit, measure, role, place, modality)
    quals = tuple(
        sorted(
            {
                c.lemma_.lower()
                for c in (noun.children if noun is not None else ())
                if c.dep_ == "amod" and c.lemma_.lower() not in voc.role
            }
        )
    )
    why = why_of(key, noun, verb, scope_why)
    return Mention(
        f.sent, f.start, f.end, key, quantity=f.q, time_text=anchor, tense=tense,
        negated=negated, hedged=hedged, attributed_to=attributed, qualifiers=quals, why=why,
        owner=owner,
    )  # fmt: skip


def _anchor(sd: Any, verb: Any | None, noun: Any | None, times: Sequence[Any]) -> str:
    """The time a figure holds at: a time expression in its own clause ("employed 300 in
    2021"), not one of another clause of the sentence. Figures anchored at times that do
    not overlap are two facts (the rules compare anchors, see ``rules.disputes``)."""
    if verb is None:
        return ""
    for t in times:
        toks = span_tokens(sd, t.start, t.end)
        if not toks:
            continue
        root = span_root(toks)
        head = root.head if root.head.i != root.i else root
        governor = governing_verb(head)
        if (governor is not None and governor.i == verb.i) or (
            noun is not None and head.i == noun.i
        ):
            return str(t.text)
    return ""


def _told_as(words: frozenset[str], verb: Any | None, noun: Any | None) -> bool:
    """A figure told with one of ``words`` on its noun or in its clause: as earlier history
    ("the previous record of 94", "at the time, 3,000 jobs"), a different fact from the
    story's current one, or as a first estimate ("initially put at 5.2")."""
    if noun is not None and any(
        c.dep_ == "amod" and c.lemma_.lower() in words for c in noun.children
    ):
        return True
    if verb is None:
        return False
    clause = " ".join(
        t.lower_ for t in verb.subtree if getattr(governing_verb(t), "i", -1) == verb.i
    )
    return any(re.search(rf"\b{re.escape(w)}\b", clause) for w in words)


def _part(f: _Figure, measure: str, voc: Vocabulary) -> str:
    """Which part of a tally or change a figure is: each side of "318 votes to 247" (the
    larger and the smaller), and "by 71 votes" (a difference, not a level), unless the "by"
    names who did a thing told as a noun ("the strike by 4,000 dockers")."""
    text, start = f.sent.text, f.start
    for m in _TALLY.finditer(text):
        if start in (m.start("a"), m.start("b")):
            a, b = (float(m.group(g).replace(",", "")) for g in ("a", "b"))
            mine = a if start == m.start("a") else b
            side = "larger" if mine >= max(a, b) else "smaller"
            return f"{measure} ({side} side)".strip()
    if _BY.search(text[max(0, start - 16) : start]) and not _nominal_agent(f, voc):
        return f"{measure} (difference)".strip()
    return measure


def _nominal_agent(f: _Figure, voc: Vocabulary) -> bool:
    """A count after a "by" that hangs from a noun of no change, of things no margin is
    counted in: who did what the noun tells ("the strike by 4,000 dockers"), not a margin
    ("won by", "rose by", "a rise by 5%", "the rejection of the plan by 230 votes")."""
    by = next((t for t in reversed(f.sd) if t.idx < f.start and t.lower_ == "by"), None)
    if by is None or by.head.pos_ not in ("NOUN", "PROPN") or f.unit != "count":
        return False
    if by.head.lemma_.lower() in voc.changes or f.noun is None:
        return False
    counted = f.noun.lemma_.lower()
    return voc.measure.get(counted, counted) not in voc.margins


def _parsed_unit(
    sent: Sentence, sd: Any, q: Quantity, start: int, end: int, toks: list[Any]
) -> tuple[Quantity, int, list[Any]]:
    """A count's unit is the noun the parse says the number modifies: the word reader may
    run past it ("6.1 earthquake shook Varnholt" is 6.1, of an earthquake)."""
    if q.unit and (q.unit == "%" or (len(q.unit) == 3 and q.unit.isupper())):
        return q, end, toks
    num = next((t for t in toks if t.like_num), None)
    if num is None:
        return q, end, toks
    after = [t for t in toks if t.i > num.i and not t.like_num]
    if (
        q.unit
        and after
        and after[0].pos_ not in ("NOUN", "PROPN", "ADJ")
        and after[0].dep_ not in ("amod", "compound", "nmod")
    ):
        # "a magnitude of 5.2 according to ...": the word after the number is no unit.
        stop = num.idx + len(num.text)
        return (
            replace(q, unit=None, text=sent.text[start:stop]),
            stop,
            [t for t in toks if t.idx < stop],
        )
    if num.dep_ != "nummod" or num.head.i < num.i:
        return q, end, toks
    noun = num.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in _unit_words(q):
        return q, end, toks
    stop = noun.idx + len(noun.text)
    if stop >= end:
        return q, end, toks
    text = sent.text[start:stop]
    fixed = replace(q, unit=noun.lemma_.lower(), text=text)
    return fixed, stop, [t for t in toks if t.idx < stop]


def _label(tok: Any, voc: Vocabulary) -> bool:
    """A number written after the noun it names ("flights 951 and 822", "Room 12"), unless
    the noun is a scale the number measures on ("magnitude 6.4")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if head.lemma_.lower() in voc.role or head.lemma_.lower() in voc.measure:
        return False
    return tok.dep_ in ("nummod", "appos") and head.pos_ in ("NOUN", "PROPN") and head.i < tok.i


def _unit_words(q: Quantity) -> set[str]:
    u = (q.unit or "").lower()
    return {u, u.rstrip("s"), u[:-3] + "y" if u.endswith("ies") else u}


def age_mention(
    sent: Sentence, sd: Any, toks: list[Any], q: Quantity, start: int, end: int, memory: Memory
) -> Mention | None:
    """A person's age, owned by the person it describes: the name it is in apposition to
    ("Ana Ruiz, 37,"), the noun "N-year-old" modifies and that noun's name ("42-year-old
    Norwegian, Tom Ash"), or the pronoun of "in his forties"."""
    tok = span_root(toks)
    person = ""

    def named(t: Any) -> bool:
        return t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON"))

    chain = [tok]
    while len(chain) < 5 and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    for t in chain:
        if named(t) or t.lower_ in ("his", "her", "he", "she"):
            person = entity_of(t, memory)
        elif t.pos_ in ("NOUN", "PROPN", "ADJ"):
            appos = [c for c in t.children if c.dep_ in ("appos", "conj") and named(c)]
            if appos:
                person = entity_of(appos[0], memory)
            elif t.dep_ == "appos" and named(t.head):
                person = entity_of(t.head, memory)
        if person:
            break
    if not person:
        person = next((entity_of(t, memory) for t in sd if t.lower_ in ("his", "her")), "")
    if not person:
        return None  # whose age it is decides the fact: "a 42-year-old" alone says nothing
    key = FactKey("number", "years", "", "age", "", "actual")
    return Mention(
        sent, start, end, key, quantity=q, tense=Tense.PRESENT, hedged=q.approx,
        why=f"the age of {person}", owner=person,
    )  # fmt: skip
