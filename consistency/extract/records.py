"""Record and superlative claims: "the largest ever", "a record", "the biggest since 1931".

A record claim says that something is the extreme of its kind over some scope:

- **all-time**: "the biggest defeat ever", "in history", "on record", "of all time", "a
  record defeat", "the largest the assembly has seen", a superlative beside "the previous
  record" it beats, or "since records began";
- **since a year**: "the heaviest defeat since 1931", "the worst storm in 30 years", or "the
  last time a cabinet was so heavily defeated was in 1931": each says an equal or bigger one
  happened in (or since) that year, so the event is no all-time record.

Each claim is keyed like the value claims (:class:`FactKey`, kind ``"first"``, unit
``"record"``): ``measure`` is the noun the superlative ranks ("defeat"; the noun after "of"
for "the margin of defeat"; the verb of "the last time ... was defeated"), ``role`` its
direction ("largest" for biggest, heaviest, worst; "smallest"; "first"), so the graph links
the claims of one noun and rule FR02 compares their scopes. The owner ("Acme's biggest
loss") is compared leniently, as for figures.

Only sentences with a scope cue are parsed (a superlative without a scope is no record
claim), per document with the other extractors (:func:`read`, in ``reading``); the claims
are made after dating (:func:`claims_of`), since "in 30 years" counts back from the
publication date. The English words are data (``data/records.yaml``), validated by
:func:`parse_words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from consistency.errors import ConfigError
from consistency.extract import nlp, vocabulary, wordfiles
from consistency.extract.text import Sentence
from consistency.models import STORY, Anchor, Claim, Document, FactKey, Granularity, TimeValue
from consistency.time.calendar import number_words_up_to

UNIT = "record"
ALL_TIME = "all-time"
SINCE = "since"

_KEYS = {
    "directions",
    "containers",
    "support",
    "all_time",
    "periods",
    "not_superlative",
    "ordinals",
    "not_ranked",
    "group",
}


@dataclass(frozen=True)
class Words:
    """The word lists of ``data/records.yaml``."""

    direction: dict[str, str]  # word -> class
    containers: frozenset[str]
    support: frozenset[str]
    all_time: frozenset[str]
    periods: dict[str, int]  # noun -> years
    not_superlative: frozenset[str]
    ordinals: frozenset[str]
    not_ranked: frozenset[str]
    group: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    return parse_words(wordfiles.read("records.yaml"), "records.yaml")


def parse_words(data: Any, where: str) -> Words:
    """Validate the word lists: known keys only, lists of strings, periods in whole years."""
    data = wordfiles.mapping(data, _KEYS, where)

    def listed(name: str) -> frozenset[str]:
        return wordfiles.word_set(data, name, where)

    direction = wordfiles.word_classes(data, "directions", where)
    periods = data.get("periods") or {}
    if not isinstance(periods, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in periods.values()
    ):
        raise ConfigError(f"{where}: periods must map a noun to its length in whole years")
    return Words(
        direction=direction,
        containers=listed("containers"),
        support=listed("support"),
        all_time=listed("all_time"),
        periods={str(k).lower(): int(v) for k, v in periods.items()},
        not_superlative=listed("not_superlative"),
        ordinals=listed("ordinals"),
        not_ranked=listed("not_ranked"),
        group=listed("group"),
    )


# A sentence is parsed only when it has a scope cue: a superlative without one is no record.
_CUE = re.compile(
    r"\b(?:records?|ever|history|all[- ]time|last time|since\s+(?:the\s+)?(?:1[5-9]|20)\d\d"
    r"|in\s+(?:\S+\s+){0,3}(?:years|decades?|century|centuries|generations?)"
    # "well past the previous worst", "the biggest the assembly has seen"
    r"|(?:previous|former|old)\s+(?:record|worst|best|high|low|\w+est)"
    r"|\w+est\b[^.;]{0,80}\b(?:has|have|had)\s+(?:\w+\s+)?(?:seen|known|witnessed|experienced))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
# Counts of years or decades ("in thirty years", "a century"): the words up to ten and the
# tens up to sixty, and "hundred".
_NUMBER_WORDS = {**number_words_up_to(10, tens_up_to=60, article=True), "hundred": 100}
_HEDGES = {"reportedly", "allegedly", "possibly", "probably", "perhaps", "arguably", "likely"}


@dataclass(frozen=True)
class Record:
    """One record claim in one parsed sentence, before its dates are anchored."""

    sentence: Sentence
    key: FactKey
    scope: str  # ALL_TIME or SINCE
    scope_text: str  # "ever", "since 1931", "in 30 years", "the last time ... 1931"
    year: int | None  # the year a "since" scope starts, when written
    years: int | None  # "in 30 years": the interval's length, read from the publication date
    trigger: str  # the superlative as written
    owner: str
    negated: bool
    hedged: bool
    why: str


def read(documents: Sequence[Document]) -> dict[str, list[Record]]:
    """The record mentions of every document, before their dates are anchored: read with
    the other per-document work, while claims wait for the publication date."""
    return nlp.read_cued(documents, _CUE, records)


def claims_of(doc: Document, found: Sequence[Record]) -> list[Claim]:
    """A document's record claims, "in 30 years" read back from its publication date."""
    return [_claim(doc, n, r) for n, r in enumerate(found, 1)]


def records(sent: Sentence, sd: Any) -> list[Record]:
    """The record claims of one parsed sentence."""
    w = words()
    out: list[Record] = []
    seen: set[tuple[str, str]] = set()
    beaten = _beats_a_record(sd, w)
    for tok in sd:
        r = _superlative(sent, sd, tok, w, beaten) or _last_time(sent, sd, tok, w)
        if r is not None and (r.key.measure, r.key.role) not in seen:
            seen.add((r.key.measure, r.key.role))
            out.append(r)
    return out


def _anchor_class(tok: Any, w: Words) -> str | None:
    """The direction class of a superlative, "record" or "first"; None for any other word."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "JJS" and lemma not in w.not_superlative:
        least = any(c.lower_ == "least" for c in tok.children)
        return w.direction.get(lemma, lemma) if not least else f"least {lemma}"
    if tok.tag_ == "JJ" and any(c.tag_ == "RBS" for c in tok.children):
        least = any(c.lower_ == "least" for c in tok.children)
        return f"least {lemma}" if least else lemma  # "the most destructive"
    if lemma == "record" and tok.dep_ in ("compound", "amod", "nmod"):
        return w.direction.get("record", "largest")  # "a record defeat"
    if lemma == "first" and tok.dep_ in ("amod", "advmod"):
        return w.direction.get("first", "first")
    return None


def _superlative(sent: Sentence, sd: Any, tok: Any, w: Words, beaten: bool) -> Record | None:
    role = _anchor_class(tok, w)
    if role is None:
        return None
    i = tok.i
    if i > 0 and (
        sd[i - 1].lower_ in w.ordinals
        or (i > 1 and sd[i - 1].text in "-–" and sd[i - 2].lower_ in w.ordinals)
    ):
        return None  # "the second-largest": a rank below the top
    noun: Any = None
    verb: Any = None
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        noun = tok.head
        verb = _verb_of(noun)
    elif tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
        noun = tok.head  # "the storm, the worst in a decade, ..."
        verb = _verb_of(noun)
    elif tok.dep_ in ("attr", "acomp") and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
        noun = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if noun is None or noun.pos_ != "NOUN":
        return None  # "it was the biggest", "Acme is the largest": nothing says what it ranks
    if tok.lemma_.lower() == "record" and noun.lemma_.lower() in w.not_ranked:
        return None  # "a record label", "the record holder"
    phrase = noun  # "the largest wave of branch closures in its history": the scope is the round's
    noun = _contained(noun, w)
    lemma = noun.lemma_.lower()
    if lemma in vocabulary.vocabulary().time_units or lemma in w.all_time:
        return None  # "the first time", "the biggest year": no thing of its own
    if _one_of(phrase, w) or _one_of(noun, w) or _one_of(tok, w):
        return None  # "one of the largest": not a record
    scope = _scope(sd, tok, phrase, verb, w)
    if scope is None and beaten and role != "first":
        scope = (ALL_TIME, "beats the previous record", None, None)
    if scope is None:
        return None
    kind, text, year, years = scope
    measure = vocabulary.vocabulary().measure.get(lemma, lemma)
    key = FactKey("first", UNIT, measure, role, "", "actual")
    owner = _owner(noun, verb)
    negated = verb is not None and any(c.dep_ == "neg" for c in verb.children)
    why = f"{tok.text!r} ranks {noun.text!r} ({role}); scope {text!r}"
    return Record(sent, key, kind, text, year, years, tok.text, owner, negated, _hedged(sd), why)


def _last_time(sent: Sentence, sd: Any, tok: Any, w: Words) -> Record | None:
    """ "The last time a cabinet was so heavily defeated was in 1931": the biggest since."""
    if tok.lemma_.lower() != "time" or not any(
        c.lower_ == "last" and c.dep_ == "amod" for c in tok.children
    ):
        return None
    clause = next((c for c in tok.children if c.dep_ in ("relcl", "acl")), None)
    if clause is None and tok.dep_ == "npadvmod" and tok.head.pos_ in ("VERB", "AUX"):
        clause = tok.head  # parsed as "[the last time] X happened [was in 1978]"
    if clause is None:
        return None
    inside = {t.i for t in clause.subtree} - {
        t.i
        for c in clause.children
        if c.lemma_ == "be" and c.dep_ in ("advcl", "conj", "ccomp")
        for t in c.subtree
    }
    year = next((t for t in sd if t.i not in inside and t.i != tok.i and _YEAR.match(t.text)), None)
    if year is None:
        return None
    thing: Any = clause
    if clause.lemma_.lower() in w.support:
        thing = _supported_thing(clause)
        if thing is None:
            return None  # "the last time that happened": what happened is told elsewhere
        thing = _contained(thing, w)
    measure = thing.lemma_.lower()
    role = _degree_role(clause, w)
    measure = vocabulary.vocabulary().measure.get(measure, measure)
    key = FactKey("first", UNIT, measure, role, "", "actual")
    text = f"the last time ... {year.text}"
    why = f"'the last time' {clause.text!r} ({role}) was in {year.text}"
    negated = any(c.dep_ == "neg" for c in clause.children)
    return Record(
        sent, key, SINCE, text, int(year.text), None, "the last time",
        _owner(thing if thing is not clause else None, clause), negated, _hedged(sd), why,
    )  # fmt: skip


def _supported_thing(clause: Any) -> Any | None:
    """What a support verb's clause tells happened: its object noun, or the noun after
    "on" or "into" ("went on strike")."""
    return next(
        (c for c in clause.children if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN"),
        None,
    ) or next(  # "went on strike"
        (
            p
            for c in clause.children
            if c.dep_ == "prep" and c.lower_ in ("on", "into")
            for p in c.children
            if p.dep_ == "pobj" and p.pos_ == "NOUN"
        ),
        None,
    )


def _degree_role(clause: Any, w: Words) -> str:
    """A degree word ("so heavily", "as many", "such a large crowd") makes "the last time"
    a superlative; without one it is a first: "the last time the union struck" is its first
    strike since."""
    for t in clause.subtree:
        if any(c.lower_ in ("so", "as", "such", "this", "that") for c in t.children) and t.pos_ in (
            "ADV",
            "ADJ",
        ):
            return w.direction.get(t.lemma_.lower(), w.direction.get(t.lower_, "largest"))
        if t.pos_ == "ADJ" and any(c.lower_ == "such" for c in t.head.children):
            return w.direction.get(t.lemma_.lower(), "largest")
    return "first"


_SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def _verb_of(noun: Any) -> Any | None:
    """The verb a noun is the subject or object of, directly or through a preposition ("rose
    to its highest level")."""
    t = noun
    for _ in range(3):
        if t.dep_ not in ("dobj", "attr", "pobj", "prep", "nsubj", "nsubjpass", "oprd"):
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _contained(noun: Any, w: Words) -> Any:
    """ "the margin of defeat", "the size of the crowd": the noun after "of"."""
    if noun.lemma_.lower() not in w.containers:
        return noun
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            p = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
            if p is not None:
                return p
    return noun


def _one_of(tok: Any, w: Words) -> bool:
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in w.group:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "among"


def _scope(
    sd: Any, tok: Any, noun: Any, verb: Any | None, w: Words
) -> tuple[str, str, int | None, int | None] | None:
    """The scope of a superlative: in its own phrase, its noun's, or its verb's modifiers.
    An all-time scope found anywhere wins; else the first "since" or "in N years"."""
    region = {t.i for t in tok.subtree} | {t.i for t in noun.subtree}
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("prep", "advmod", "npadvmod", "advcl"):
                region |= {t.i for t in c.subtree}
    if _anchor_class(tok, w) is not None and tok.lemma_.lower() == "record":
        return (ALL_TIME, "record", None, None)
    found: tuple[str, str, int | None, int | None] | None = None
    for i in sorted(region):
        t = sd[i]
        lower = t.lower_
        if lower == "ever":
            return (ALL_TIME, "ever", None, None)
        scope = None
        if lower in ("in", "on", "of") and t.dep_ == "prep":
            scope = _prep_scope(sd, t, w)
        elif lower == "since" and t.dep_ in ("prep", "mark"):
            scope = _since_scope(t)
        if scope is not None and scope[0] == ALL_TIME:
            return scope
        found = found or scope
    if found is not None:
        return found
    # "the largest the assembly has seen": the superlative's own clause in the perfect.
    for c in [*tok.children, *noun.children]:
        if c.dep_ == "relcl" and any(a.lower_ in ("has", "have", "had") for a in c.children):
            return (ALL_TIME, sd[c.left_edge.i : c.i + 1].text, None, None)
    return None


def _prep_scope(sd: Any, t: Any, w: Words) -> tuple[str, str, int | None, int | None] | None:
    """The scope told by "in", "on" or "of": all time ("in history", "of all time") or a
    period ("in 30 years")."""
    p = next((p for p in t.children if p.dep_ == "pobj"), None)
    if p is None:
        return None
    plemma = p.lemma_.lower()
    if plemma in w.all_time and (plemma != "time" or _all(p)):
        return (ALL_TIME, f"{t.lower_} {sd[t.i + 1 : p.i + 1].text}", None, None)
    if t.lower_ == "in" and plemma in w.periods:
        n = _count(p) * w.periods[plemma]
        return (SINCE, sd[t.i : p.i + 1].text, None, n)
    return None


def _since_scope(t: Any) -> tuple[str, str, int | None, int | None] | None:
    """The scope told by "since": "since records began" (all time) or "since 1931"."""
    sub = list(t.head.subtree) if t.dep_ == "mark" else list(t.subtree)
    if any(x.lemma_.lower() == "record" for x in sub):
        return (ALL_TIME, "since records began", None, None)
    year = next((x for x in t.subtree if _YEAR.match(x.text)), None)
    if year is not None:
        return (SINCE, f"since {year.text}", int(year.text), None)
    return None


def _all(p: Any) -> bool:
    return any(c.lower_ == "all" for c in p.children)


def _count(p: Any) -> int:
    """ "30 years" -> 30, "a century" -> 1, "more than three decades" -> 3."""
    for c in p.children:
        if c.dep_ in ("nummod", "det", "quantmod"):
            text = c.lower_.replace(",", "")
            if text.isdigit():
                return int(text)
            if text in _NUMBER_WORDS:
                return _NUMBER_WORDS[text]
    return 1


def _beats_a_record(sd: Any, w: Words) -> bool:
    """ "... beats the previous record", "eclipsing the previous worst": a new record."""
    background = vocabulary.vocabulary().background
    for t in sd:
        if t.lemma_.lower() == "record" or t.tag_ == "JJS":
            if any(c.lemma_.lower() in background for c in t.children):
                return True
    return False


def _owner(noun: Any | None, verb: Any | None) -> str:
    """A named owner ("Acme's biggest loss") or the verb's named subject ("Acme posted")."""
    if noun is not None:
        for c in noun.children:
            if c.dep_ == "poss" and c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
                return _name(c)
    if verb is not None:
        for c in verb.children:
            if noun is not None and c.i == noun.i:
                continue
            if c.dep_ in _SUBJECTS and c.ent_type_ in ("ORG", "PERSON", "GPE"):
                return _name(c)
    return ""


def _name(tok: Any) -> str:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            words = [t.text for t in ent if t.lower_ != "the" and t.text not in ("'s", "’s")]
            return " ".join(words)
    return str(tok.text)


def _hedged(sd: Any) -> bool:
    return any(t.lower_ in _HEDGES for t in sd)


def _claim(doc: Document, n: int, r: Record) -> Claim:
    s = r.sentence
    time = None
    if r.year is not None:
        time = TimeValue(
            r.scope_text, date(r.year, 1, 1), date(r.year + 1, 1, 1), Granularity.YEAR,
            anchor_from=Anchor.ABSOLUTE,
        )  # fmt: skip
    elif r.years is not None:
        if doc.published is not None:
            start = _years_before(doc.published, r.years)
            time = TimeValue(
                r.scope_text, start, date(doc.published.year + 1, 1, 1), Granularity.RANGE,
                anchor=doc.published, anchor_from=doc.published_from,
                note=f'"{r.scope_text}" read back from {doc.published.isoformat()}',
            )  # fmt: skip
        else:
            time = TimeValue(r.scope_text, None, None, Granularity.UNKNOWN)
    return Claim(
        id=f"{doc.id}#r{n}",
        document=doc.id,
        sentence=s.text,
        span=(s.start, s.end),
        entity=r.owner or STORY,
        event=r.key.label(),
        object=r.key.measure,
        time=time,
        qualifiers=(r.scope,),
        negated=r.negated,
        hedged=r.hedged,
        trigger=r.trigger,
        index=s.index,
        key=r.key,
        why=r.why,
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def scope(c: Claim) -> str | None:
    """ "all-time" or "since" for a record claim, else None."""
    if c.key is None or c.key.kind != "first" or not c.qualifiers:
        return None
    s = c.qualifiers[0]
    return s if s in (ALL_TIME, SINCE) else None


def scope_label(c: Claim) -> str | None:
    """The scope in words: "a record (all-time)", "since 1931", "in 30 years"."""
    s = scope(c)
    if s is None or c.key is None:
        return None
    first = c.key.role == "first"
    if s == ALL_TIME:
        return "the first ever" if first else "a record (all-time)"
    if c.time is not None and c.time.resolved and c.time.granularity == Granularity.YEAR:
        assert c.time.start is not None
        year = c.time.start.year
        return f"not the first: one in {year}" if first else f"not a record: one as big in {year}"
    text = c.time.text if c.time is not None else "a recent interval"
    return f"not the first: the first {text}" if first else f"not a record: the most {text}"
