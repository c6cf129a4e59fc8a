"""Order claims: two events of one sentence told in an order ("caught fire after docking").

An order claim relates the event of a sentence's main clause to the event a temporal
connective introduces, read from the dependency tree:

- **strict**: "after", "following", "subsequent to" (the connective's own event came
  first); "before", "prior to", "ahead of" (it came later); "A, then B" and "A and then
  B"; and a state that already holds "when" or "as" an event happens ("the ferry was already
  on fire when it docked", "was already burning as it touched down") began before it;
- **at**: "upon", "on", "when", "as", "during" relate two events told as simultaneous;
  they are kept for the report but contradict no strict order on their own.

Each event is normalised to a class (``data/orders.yaml``): a verb or event noun's lemma
through the listed classes, so that "caught fire", "burst into flames" and "a blaze broke
out" meet; a support verb's object ("made an emergency landing") or an onset verb's subject
("a fire broke out") names the event. A verb or event noun not listed is its own class (open
vocabulary); nouns that name no event ("the airport", "two hours") are not read.

A claim is keyed (:class:`FactKey`, kind and unit ``"order"``) by the pair of event classes,
sorted, so that "fire after landing" and "landing after fire" meet; its ``object`` says the
order as read ("landing before fire"), its qualifier the relation (``before`` or ``at``).
Sentences are parsed only when they hold a connective, in one batch with
:func:`consistency.extract.nlp.parse`. The English words are data, validated by :func:`parse_words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from consistency.extract import nlp, wordfiles
from consistency.extract.text import Sentence
from consistency.models import STORY, Claim, Document, FactKey

KIND = "order"
BEFORE = "before"  # a strict order: the first event ended or began before the other
AT = "at"  # told as simultaneous ("upon landing", "when it landed")

_KEYS = {"classes", "connectives", "support", "onset", "not_events", "event_suffixes", "states"}
_RELATIONS = ("later", "earlier", "at")


@dataclass(frozen=True)
class Words:
    """The word lists of ``data/orders.yaml``."""

    classes: dict[str, str]  # lemma or phrase ("catch fire") -> class
    connectives: dict[str, str]  # "after" -> "later", "prior to" -> "earlier", "upon" -> "at"
    support: frozenset[str]
    onset: frozenset[str]
    not_events: frozenset[str]
    event_suffixes: tuple[str, ...]
    states: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    return parse_words(wordfiles.read("orders.yaml"), "orders.yaml")


def parse_words(data: Any, where: str) -> Words:
    """Validate the word lists: known keys only, lists of strings, known relations."""
    data = wordfiles.mapping(data, _KEYS, where)
    return Words(
        classes=wordfiles.word_classes(data, "classes", where),
        connectives=wordfiles.word_classes(data, "connectives", where, known=_RELATIONS),
        support=wordfiles.word_set(data, "support", where),
        onset=wordfiles.word_set(data, "onset", where),
        not_events=wordfiles.word_set(data, "not_events", where),
        event_suffixes=tuple(
            wordfiles.word_list(data.get("event_suffixes", []), "event_suffixes", where)
        ),
        states=wordfiles.word_set(data, "states", where),
    )


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    cues = sorted({*words().connectives, "then"}, key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, c.split())) for c in cues)
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


_HEDGES = {"reportedly", "allegedly", "possibly", "probably", "perhaps", "apparently", "likely"}
_MODALS = {"could", "would", "may", "might", "should", "must", "can"}
_SUBJECTS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class Event:
    cls: str
    text: str  # the words that name it, as written
    token: Any  # its head token
    state: bool = False  # a state that holds over a time ("on fire", "was burning")


@dataclass(frozen=True)
class Order:
    """One order claim in one parsed sentence."""

    sentence: Sentence
    first: Event  # told first (for "at": the connective's own event)
    second: Event
    relation: str  # BEFORE or AT
    connective: str  # as written: "after", "prior to", "then", "when"
    owner: str
    hedged: bool
    why: str

    @property
    def key(self) -> FactKey:
        a, b = sorted((self.first.cls, self.second.cls))
        return FactKey(KIND, KIND, f"{a} / {b}", "", "", "actual")

    @property
    def label(self) -> str:
        return f"{self.first.cls} {self.relation} {self.second.cls}"


def claims(documents: Sequence[Document]) -> list[Claim]:
    """The order claims of every document, parsed in one batch."""
    found = nlp.read_cued(documents, _cue(), orders)
    out: list[Claim] = []
    for d in documents:
        out += [_claim(d, n, o) for n, o in enumerate(found[d.id], 1)]
    return out


def orders(sent: Sentence, sd: Any) -> list[Order]:
    """The order claims of one parsed sentence."""
    w = words()
    out: list[Order] = []
    seen: set[tuple[str, str, str]] = set()
    for tok in sd:
        o = _connective(sent, sd, tok, w) or _then(sent, sd, tok, w)
        if o is None or o.first.cls == o.second.cls:
            continue
        if (o.first.cls, o.relation, o.second.cls) in seen:
            continue
        seen.add((o.first.cls, o.relation, o.second.cls))
        out.append(o)
    return out


def _connective(sent: Sentence, sd: Any, tok: Any, w: Words) -> Order | None:
    lower = tok.lower_
    written = lower
    rel = None
    if tok.i > 0 and f"{sd[tok.i - 1].lower_} {lower}" in w.connectives:
        written = f"{sd[tok.i - 1].lower_} {lower}"  # "prior to", "ahead of"
        rel = w.connectives[written]
    elif lower in w.connectives and " " not in lower:
        rel = w.connectives[lower]
    if rel is None:
        return None
    inner: Any = None  # the connective's own event
    main: Any = None  # the event it is attached to
    if tok.dep_ == "prep" or (lower == "following" and tok.dep_ in ("prep", "advcl", "acl")):
        inner = next(
            (c for c in tok.children if c.dep_ in ("pobj", "pcomp", "dobj")),
            None,
        )
        main = tok.head
        if main.pos_ == "ADV" and main.dep_ == "advmod":  # "prior to", "ahead of"
            main = main.head
        if main.pos_ == "ADP":
            return None
    elif tok.dep_ in ("mark", "advmod") and tok.head.dep_ == "advcl" and tok.head.i > tok.i:
        inner = tok.head
        main = inner.head
    if inner is None or main is None or written == "then":
        return None
    if inner.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return None  # "after 10 pm", "before 2020"
    if lower == "on" and inner.pos_ != "VERB":
        return None  # "on board", "on the runway": a place; only "on landing" is a time
    a = _event(inner, w)
    b = _event(main, w)
    if a is None or b is None or _doubtful(inner) or _doubtful(main):
        return None
    if rel == "later":
        first, second, relation = a, b, BEFORE
    elif rel == "earlier":
        first, second, relation = b, a, BEFORE
    elif b.state and lower in ("when", "as") and b.cls in set(w.classes.values()):
        # "was already on fire when it docked": the state held when the event came, so began first.
        first, second, relation = b, a, BEFORE
    else:
        first, second, relation = a, b, AT
    why = f"{b.text!r} {written} {a.text!r}: {first.cls} {relation} {second.cls}"
    return Order(sent, first, second, relation, written, _owner(main), _hedged(sd), why)


def _then(sent: Sentence, sd: Any, tok: Any, w: Words) -> Order | None:
    """ "The plane landed, then caught fire", "landed and then burst into flames"."""
    if tok.lower_ != "then" or tok.dep_ != "advmod":
        return None
    later = tok.head
    if later.i < tok.i:
        # "shut the smelter, then sold the land" parsed with "then" on the first verb
        later = next(
            (c for c in later.children if c.dep_ in ("conj", "dep") and c.i > tok.i), later
        )
    if later.pos_ not in ("VERB", "AUX") or later.dep_ not in ("conj", "dep") or later.i < tok.i:
        return None
    earlier = later.head
    if earlier.pos_ not in ("VERB", "AUX") or earlier.i > tok.i:
        return None
    a, b = _event(earlier, w), _event(later, w)
    if a is None or b is None or _doubtful(earlier) or _doubtful(later):
        return None
    why = f"{a.text!r}, then {b.text!r}: {a.cls} before {b.cls}"
    return Order(sent, a, b, BEFORE, "then", _owner(earlier), _hedged(sd), why)


def _event(tok: Any, w: Words) -> Event | None:
    """The event a verb or noun names, as a class; None for a word that names none."""
    if tok.pos_ in ("VERB", "AUX"):
        return _verb_event(tok, w)
    if tok.pos_ == "NOUN":
        return _noun_event(tok, w)
    return None


def _verb_event(v: Any, w: Words) -> Event | None:
    lemma = v.lemma_.lower()
    progressive = v.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in v.children)
    for phrase, words_ in _phrases(v):
        if phrase in w.classes:
            return Event(w.classes[phrase], words_, v, state=lemma == "be" or progressive)
        if lemma == "be" and phrase.split(" ", 1)[1] in w.states:
            return Event(phrase.split(" ")[-1], words_, v, state=True)
    if lemma == "be":
        return None
    if lemma in w.onset:
        subject = next((c for c in v.children if c.dep_ in _SUBJECTS), None)
        if (subject is None or subject.tag_ in ("WDT", "WP")) and v.dep_ == "relcl":
            subject = v.head  # "a blaze that started in the hold"
        if subject is not None and subject.pos_ == "NOUN":
            e = _noun_event(subject, w)
            if e is not None:
                return Event(e.cls, f"{subject.text} {v.text}", v)
    if lemma in w.support:
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        e = _noun_event(obj, w) if obj is not None else None
        return Event(e.cls, f"{v.text} {obj.text}", v) if e is not None and obj else None
    if lemma in w.not_events:
        return None
    return Event(w.classes.get(lemma, lemma), v.text, v, state=progressive)


def _phrases(v: Any) -> list[tuple[str, str]]:
    """A verb's phrases with its particle, object or preposition: ("catch fire", "caught fire")."""
    lemma = v.lemma_.lower()
    out = []
    for c in v.children:
        if c.dep_ in ("prt", "dobj", "acomp", "oprd"):
            out.append((f"{lemma} {c.lemma_.lower()}", f"{v.text} {c.text}"))
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append(
                        (
                            f"{lemma} {c.lower_} {p.lemma_.lower()}",
                            f"{v.text} {c.text} {p.text}",
                        )
                    )
    if v.dep_ == "amod" or any(c.dep_ == "auxpass" for c in v.children):
        out.append((f"be {lemma}", v.text))  # "was engulfed"
    return out


def _noun_event(n: Any, w: Words) -> Event | None:
    lemma = n.lemma_.lower()
    if n.ent_type_ in ("DATE", "TIME", "PERSON", "GPE", "ORG", "LOC", "FAC"):
        return None
    compound = next((c for c in n.children if c.dep_ == "compound"), None)
    if compound is not None:
        phrase = f"{compound.lemma_.lower()} {lemma}"
        if phrase in w.classes:
            return Event(w.classes[phrase], f"{compound.text} {n.text}", n)
    if lemma in w.classes:
        return Event(w.classes[lemma], n.text, n)
    if lemma in w.not_events or len(lemma) < 5:
        return None
    if any(lemma.endswith(s) for s in w.event_suffixes):
        return Event(lemma, n.text, n)
    return None


def _doubtful(v: Any) -> bool:
    """Negated, or told as possible rather than as what happened."""
    heads = [v, v.head] if v.pos_ not in ("VERB", "AUX") else [v]
    for h in heads:
        for c in h.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS):
                return True
    return False


def _owner(v: Any) -> str:
    """The named subject of the main event ("Acme cut 300 jobs after ..."), or ""."""
    for c in v.children:
        if c.dep_ in _SUBJECTS and c.ent_type_ in ("ORG", "PERSON", "GPE"):
            for ent in c.doc.ents:
                if ent.start <= c.i < ent.end:
                    return " ".join(t.text for t in ent if t.lower_ != "the" and t.text != "'s")
            return str(c.text)
    return ""


def _hedged(sd: Any) -> bool:
    return any(t.lower_ in _HEDGES for t in sd)


def _claim(doc: Document, n: int, o: Order) -> Claim:
    s = o.sentence
    key = o.key
    return Claim(
        id=f"{doc.id}#o{n}",
        document=doc.id,
        sentence=s.text,
        span=(s.start, s.end),
        entity=o.owner or STORY,
        event=key.label(),
        object=o.label,
        qualifiers=(o.relation,),
        hedged=o.hedged,
        trigger=o.connective,
        index=s.index,
        key=key,
        why=o.why,
    )


def relation(c: Claim) -> tuple[str, str, str] | None:
    """(first class, BEFORE or AT, second class) of an order claim, else None."""
    if c.key is None or c.key.kind != KIND or not c.qualifiers or not c.object:
        return None
    rel = c.qualifiers[0]
    if rel not in (BEFORE, AT):
        return None
    first, _, second = c.object.partition(f" {rel} ")
    return (first, rel, second) if first and second else None
