"""Open-vocabulary value claims, keyed by the fact they state.

Every figure, sum of money, percentage, date and time in a sentence becomes a claim,
whatever its verb. What makes two claims comparable is their *fact key*, read from the
dependency parse (spaCy), never from the sentence's wording as a whole:

- ``measure``: the thing counted or measured ("bonus", "passenger", "revenue"), a class of
  nouns (``data/facts.yaml`` ``measures``) so that workers and employees meet;
- ``role``: what happened to it (killed, injured, taken to hospital, on board, cost, ...),
  from the governing verb, its complements and the noun's modifiers, as a class;
- ``place``: the named place a value is counted in ("killed in X" is not the total);
- the claim's entity, its owner or subject ("its 48,000 members"), with pronouns taken from
  the last name of their kind in the document: compared leniently (a side without one
  agrees with any), so it is not part of the key;
- ``modality``: actual, or sought, planned, projected, a bound ("up to").
- ``unit``: a currency, "%", or a count.

Two claims are linked only when all of these agree (see :func:`FactKey.label`). Sentence
similarity is never used: it links "20 years imposed" with "30 years sought".

Parsing is the costly step, so a document is parsed once, and only its sentences that can
hold a value (a time or a figure), with those whose names a later pronoun may stand for.
Publication dates are not needed here: a :class:`Mention` keeps the time expression, and
:func:`claims` resolves it against the document's date later, so inferring a date
re-resolves times without parsing again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from consistency import nlp, temporal
from consistency.errors import ConfigError
from consistency.models import Claim, Document, FactKey, Quantity
from consistency.quantities import QuantityMention, find_quantities
from consistency.text import Sentence, sentences

_KEYS = {"roles", "measures", "generic", "light", "modality", "reporting", "units_of_time"}


@dataclass(frozen=True)
class Vocabulary:
    """The word classes of ``data/facts.yaml``, lemma -> class."""

    role: dict[str, str]
    measure: dict[str, str]
    generic: frozenset[str]
    light: frozenset[str]
    modality: dict[str, str]
    reporting: frozenset[str]
    time_units: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    text = resources.files("consistency.data").joinpath("facts.yaml").read_text("utf-8")
    return parse_vocabulary(yaml.safe_load(text), "facts.yaml")


def parse_vocabulary(data: Any, where: str) -> Vocabulary:
    """Validate the word classes: known keys only, lists of strings."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping")
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")

    def words(value: Any, name: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise ConfigError(f"{where}: {name} must be a list of words")
        return [w.lower() for w in value]

    def classes(name: str) -> dict[str, str]:
        section = data.get(name) or {}
        if not isinstance(section, dict):
            raise ConfigError(f"{where}: {name} must map a class to its words")
        out: dict[str, str] = {}
        for cls, ws in section.items():
            for w in words(ws, f"{name}.{cls}"):
                out.setdefault(w, str(cls))
        return out

    return Vocabulary(
        role=classes("roles"),
        measure=classes("measures"),
        generic=frozenset(words(data.get("generic", []), "generic")),
        light=frozenset(words(data.get("light", []), "light")),
        modality=classes("modality"),
        reporting=frozenset(words(data.get("reporting", []), "reporting")),
        time_units=frozenset(words(data.get("units_of_time", []), "units_of_time")),
    )


@dataclass(frozen=True)
class Mention:
    """One value in one parsed sentence, before its time is anchored."""

    sentence: Sentence
    start: int  # offsets in the sentence
    end: int
    key: FactKey
    quantity: Quantity | None = None
    time_text: str = ""  # the time expression, resolved later against the document date
    tense: str = "past"
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    qualifiers: tuple[str, ...] = ()
    why: str = ""  # how the key was read, for the report
    owner: str = ""  # whose value it is (owner or subject), compared leniently


_CANDIDATE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight)"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)s?\b",
    re.IGNORECASE,
)

_DURATION = re.compile(r"[-\s]*(?:second|minute|hour|day|week|month|year)s?\b", re.IGNORECASE)
_RATE = re.compile(r"\s*(?:per|a|an|each)\s+(second|minute|hour|day|week|month|year)\b", re.I)

_CLOCK = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|GMT|UTC|local time|hrs|h)\b"
    r"|\b\d{1,2}[:.]\d{2}\b(?!\d)|\b\d{4}\s*(?:GMT|UTC|hrs)\b",
    re.IGNORECASE,
)

_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}


def mentions(documents: Sequence[Document]) -> dict[str, list[Mention]]:
    """The value mentions of every document, parsed in one batched pass."""
    jobs: list[tuple[str, Sentence, _Values]] = []
    for d in documents:
        jobs += [(d.id, s, v) for s, v in _worth_parsing(sentences(d.text))]
    out: dict[str, list[Mention]] = {d.id: [] for d in documents}
    memory: dict[str, _Memory] = {d.id: _Memory() for d in documents}
    parsed = nlp.parse(s.text for _, s, _ in jobs)
    for (doc_id, sent, values), sd in zip(jobs, parsed, strict=True):
        out[doc_id].extend(_sentence_mentions(sent, sd, values, memory[doc_id]))
    return out


_Values = tuple[list[temporal.TimeMention], list[QuantityMention]]


def _values(text: str) -> _Values:
    """The times (not clock times) and figures of a sentence, found by pattern."""
    times = [t for t in temporal.find_times(text) if not _CLOCK.fullmatch(t.text)]
    # Clock times ("2:50 pm GMT", "at 18.02 local time") are neither dates nor counts.
    skip = [(t.start, t.end) for t in times] + [(m.start(), m.end()) for m in _CLOCK.finditer(text)]
    return times, find_quantities(text, skip=skip)


def _worth_parsing(sents: Sequence[Sentence]) -> list[tuple[Sentence, _Values]]:
    """The sentences whose parse can change the document's mentions, with their values.

    Parsing is the costly step. A sentence with a time or a figure is parsed for its own
    mentions; one without (a number word that is no figure) only lends its names to the
    pronouns of later sentences ("it", "his"), so it is parsed only when a later sentence
    with a value has a pronoun (told by the parser's own tokenizer). The mentions are the
    same as when every candidate sentence is parsed.
    """
    found = [
        (s, _values(s.text)) for s in sents if len(s.text) <= 1000 and _CANDIDATE.search(s.text)
    ]
    has_value = [bool(times or quantities) for _, (times, quantities) in found]
    last_reader = next(
        (
            i
            for i in reversed(range(len(found)))
            if has_value[i] and any(t in _PRONOUNS for t in nlp.words(found[i][0].text))
        ),
        -1,
    )
    return [f for i, f in enumerate(found) if has_value[i] or i < last_reader]


def claims(doc: Document, found: Iterable[Mention]) -> list[Claim]:
    """The claims of a document's mentions, times resolved against its publication date."""
    out = []
    for n, m in enumerate(found, 1):
        time = None
        if m.time_text:
            time = temporal.resolve(m.time_text, doc.published, doc.published_from, m.tense)
        s = m.sentence
        out.append(
            Claim(
                id=f"{doc.id}#v{n}",
                document=doc.id,
                sentence=s.text,
                span=(s.start, s.end),
                entity=m.owner or "(story)",
                event=m.key.label(),
                object=m.key.measure or None,
                time=time,
                quantity=m.quantity,
                qualifiers=m.qualifiers,
                negated=m.negated,
                hedged=m.hedged,
                attributed_to=m.attributed_to,
                tense=m.tense,
                trigger=s.text[m.start : m.end],
                index=s.index,
                key=m.key,
                why=m.why,
            )
        )
    return out


class _Memory:
    """The last names of each kind in a document, for pronouns ("it", "he", "its")."""

    def __init__(self) -> None:
        self.last: dict[str, str] = {}


_PRONOUNS = {
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


def _sentence_mentions(
    sent: Sentence, sd: Any, values: _Values, memory: _Memory
) -> Iterator[Mention]:
    voc = vocabulary()
    times, quantities = values
    for t in times:
        toks = _tokens(sd, t.start, t.end)
        m = _time_mention(sent, sd, toks, t.text, t.start, t.end, voc, memory) if toks else None
        if m is not None:
            yield m
    for q in quantities:
        toks = _tokens(sd, q.start, q.end)
        m = (
            _quantity_mention(sent, sd, toks, q.quantity, q.start, q.end, voc, memory)
            if toks
            else None
        )
        if m is not None:
            yield m
    for ent in sd.ents:
        if ent.label_ in ("PERSON", "ORG"):
            memory.last[ent.label_] = _name(ent)


def _tokens(sd: Any, start: int, end: int) -> list[Any]:
    return [t for t in sd if t.idx < end and t.idx + len(t.text) > start]


def _root(toks: Sequence[Any]) -> Any:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def _verb(tok: Any, limit: int = 6) -> Any | None:
    """The nearest verb at or above ``tok``."""
    t = tok
    for _ in range(limit):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _name(span: Any) -> str:
    words = [t.text for t in span if t.dep_ != "det" and t.lower_ not in ("the",)]
    name = " ".join(words).replace(" 's", "").replace("’s", "").strip()
    return re.sub(r"\s+", " ", name)


def _entity_of(tok: Any, memory: _Memory) -> str:
    """The named entity a token belongs to, or the name a pronoun stands for."""
    if tok.ent_type_ in _ENTITY_TYPES and tok.ent_iob_ in ("B", "I"):
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return _name(ent)
    if tok.lower_ in _PRONOUNS:
        return memory.last.get(_PRONOUNS[tok.lower_], "")
    return ""


def _owner(verb: Any | None, noun: Any | None, memory: _Memory) -> tuple[str, str, str]:
    """Where a value is counted (a place: part of the fact key) and whose it is (its owner
    or the verb's subject: compared leniently), with how each was read."""
    place = owner = ""
    why = []
    for h in (noun, verb):
        if h is None or place:
            continue
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                p = next((p for p in c.children if p.dep_ == "pobj"), None)
                if p is not None and p.ent_type_ in _PLACE_TYPES:
                    place = _entity_of(p, memory)
                    why.append(f"place {p.text!r}")
                    break
    if noun is not None:
        for c in noun.children:
            if c.dep_ == "poss" or (
                c.dep_ in ("compound", "nmod") and c.ent_type_ in ("ORG", "PERSON")
            ):
                owner = _entity_of(c, memory)
                if owner:
                    why.append(f"owner {c.text!r}")
                    break
    if verb is not None and not owner:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (noun is None or c.i != noun.i):
                owner = _entity_of(c, memory)
                if not owner:
                    for cc in c.children:
                        if cc.dep_ in ("poss", "compound") and _entity_of(cc, memory):
                            owner = _entity_of(cc, memory)
                if owner:
                    why.append(f"subject {c.text!r}")
                    break
    return place, owner, ", ".join(why)


def _roles(voc: Vocabulary, *toks: Any) -> str:
    for t in toks:
        if t is None:
            continue
        for w in (t.lemma_.lower(), t.lower_):
            if w in voc.role:
                return voc.role[w]
    return ""


def _modality(voc: Vocabulary, verb: Any | None, q: Quantity | None) -> str:
    """A bound ("up to 25") is read from the figure's interval; the rest from the verbs."""
    if q is not None and q.low == 0 and q.high != float("inf") and q.value:
        return "bound"
    t = verb
    for _ in range(3):
        if t is None:
            break
        for c in [t, *t.children]:
            if c.dep_ in ("aux", "xcomp", "ROOT", "advcl") or c is t:
                w = c.lemma_.lower()
                if w in voc.modality:
                    return voc.modality[w]
        if t.dep_ in ("xcomp", "ccomp", "conj") or t.head.i == t.i:
            break
        t = t.head
    return "actual"


def _flags(sd: Any, verb: Any | None) -> tuple[bool, bool, str | None, str]:
    """Negated, hedged, attributed to whom, and the tense."""
    negated = verb is not None and any(c.dep_ == "neg" for c in verb.children)
    hedged = any(t.lower_ in ("reportedly", "allegedly", "unconfirmed", "believed") for t in sd)
    attributed = None
    for t in sd:
        if t.lower_ == "according" and t.i + 1 < len(sd) and sd[t.i + 1].lower_ == "to":
            # The source is the object of "to": its name, or its noun phrase ("police").
            source = next((c for c in sd[t.i + 1].children if c.dep_ == "pobj"), None)
            if source is not None:
                name = _entity_of(source, _Memory())
                words = [w for w in source.subtree if w.dep_ not in ("det", "punct")]
                attributed = name or " ".join(w.text for w in words[:4])
    tense = "past"
    if verb is not None:
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"will", "shall", "'ll"} or verb.tag_ == "MD":
            tense = "future"
        elif verb.tag_ in ("VBP", "VBZ") or aux & {"is", "are", "has", "have"}:
            tense = "present"
    return negated, hedged, attributed, tense


def _quantity_mention(
    sent: Sentence,
    sd: Any,
    toks: list[Any],
    q: Quantity,
    start: int,
    end: int,
    voc: Vocabulary,
    memory: _Memory,
) -> Mention | None:
    root = _root(toks)
    after = sent.text[end : end + 24]
    if _DURATION.match(after):
        return None  # "a 40-day strike", "six week-long": a duration, not a count
    rate = _RATE.match(after)
    unit = q.unit or "count"
    noun = None  # the noun whose amount or count this is
    measure = ""
    role_toks: list[Any] = []
    if unit in ("%",) or (len(unit) == 3 and unit.isupper()):
        # A sum or a share: the noun it modifies, or "N% of X", or the verb it completes.
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
            noun = of
        elif root.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod") and root.head.pos_ in (
            "NOUN",
            "PROPN",
        ):
            noun = root.head
        elif root.dep_ == "pobj" and root.head.head.pos_ == "NOUN":
            noun = root.head.head
    else:
        # A count: the unit noun is the thing counted.
        head = next((t for t in toks if t.lemma_.lower() in _unit_words(q)), None)
        noun = head or (root.head if root.dep_ in ("nummod", "quantmod") else None)
        unit = "count"
    if noun is not None and noun.pos_ not in ("NOUN", "PROPN"):
        noun = None  # "nine being admitted": the count has no noun of its own
    verb = _verb(noun if noun is not None else root)
    # What happened to the things counted: the verb's complements ("in hospital", "on
    # board"), the verb, its subject's words ("the death toll"), then the noun itself and
    # its modifiers ("fatalities", "injured passengers").
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("prep", "prt", "acomp", "oprd", "attr", "dobj", "advmod"):
                if noun is None or c.i != noun.i:
                    role_toks += [p for p in c.children if p.dep_ == "pobj"]
                    role_toks.append(c)
        role_toks.append(verb)
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (noun is None or c.i != noun.i):
                role_toks.append(c)
                role_toks += [cc for cc in c.children if cc.dep_ == "compound"]
    if noun is not None:
        lemma = noun.lemma_.lower()
        if lemma in voc.time_units:
            return None
        role_toks.append(noun)
        role_toks += [c for c in noun.children if c.dep_ in ("amod", "compound", "acl", "relcl")]
        # A noun that names the role ("fatalities", "approval") is not a thing measured,
        # and people counted by their role ("56% of members voting") are the role's.
        if lemma not in voc.role and lemma not in voc.generic:
            measure = voc.measure.get(lemma, lemma)
            if unit == "%" and lemma in voc.measure:
                measure = ""
    role = _roles(voc, *role_toks)
    if not role and verb is not None:
        lemma = verb.lemma_.lower()
        if lemma not in voc.light and lemma not in voc.reporting:
            role = lemma
    if not measure and not role:
        return None  # a bare figure: nothing says what it counts
    place, owner, scope_why = _owner(verb, noun, memory)
    negated, hedged, attributed, tense = _flags(sd, verb)
    modality = _modality(voc, verb, q)
    if rate:
        unit = f"{unit}/{rate.group(1).lower()}"
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
    why = _why(key, noun, verb, scope_why)
    return Mention(
        sent, start, end, key, quantity=q, tense=tense, negated=negated, hedged=hedged,
        attributed_to=attributed, qualifiers=quals, why=why, owner=owner,
    )  # fmt: skip


def _unit_words(q: Quantity) -> set[str]:
    u = (q.unit or "").lower()
    return {u, u.rstrip("s"), u[:-3] + "y" if u.endswith("ies") else u}


def _time_mention(
    sent: Sentence,
    sd: Any,
    toks: list[Any],
    text: str,
    start: int,
    end: int,
    voc: Vocabulary,
    memory: _Memory,
) -> Mention | None:
    root = _root(toks)
    verb = _verb(root.head if root.head.i != root.i else root)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in voc.reporting or lemma in voc.light and lemma != "leave":
        return None  # when something was said is not a fact of the story
    own = {t.i for t in toks}
    obj = ""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.i not in own:
            obj = _entity_of(c, memory) or c.lemma_.lower()
            break
    if not obj:
        for c in verb.children:
            if c.dep_ == "prep" and c.i not in own:
                p = next((p for p in c.children if p.dep_ == "pobj"), None)
                if p is not None and p.i not in own and not p.like_num:
                    obj = f"{c.lower_} {_entity_of(p, memory) or p.lemma_.lower()}"
                    break
    place, owner, scope_why = _owner(verb, None, memory)
    negated, hedged, attributed, tense = _flags(sd, verb)
    role = voc.role.get(lemma, lemma)
    key = FactKey("date", "time", obj, role, place, _modality(voc, verb, None))
    why = _why(key, None, verb, scope_why)
    return Mention(
        sent, start, end, key, time_text=text, tense=tense, negated=negated, hedged=hedged,
        attributed_to=attributed, why=why, owner=owner,
    )  # fmt: skip


def _why(key: FactKey, noun: Any | None, verb: Any | None, scope_why: str) -> str:
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
