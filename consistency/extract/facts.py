"""Open-vocabulary value claims, keyed by the fact they state.

Every figure, sum of money, percentage, date and time in a sentence becomes a claim,
whatever its verb. What makes two claims comparable is their *fact key*, read from the
dependency parse (spaCy), never from the sentence's wording as a whole:

- ``measure``: the thing counted or measured ("bonus", "passenger", "revenue"), a class of
  nouns (``data/facts.yaml`` ``measures``) so that workers and employees meet;
- ``role``: what happened to it (killed, injured, taken to hospital, on board, cost, ...),
  from the governing verb, its complements and the noun's modifiers, as a class;
- ``place``: the named place a value is counted in ("killed in X" is not the total);
- the claim's entity, its owner or subject ("its 6,500 members"), with pronouns taken from
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
from dataclasses import dataclass, replace
from typing import Any

from consistency.extract import nlp
from consistency.extract.ages import AGE, find_ages
from consistency.extract.quantities import QuantityMention, find_quantities
from consistency.extract.text import Sentence, sentences
from consistency.extract.vocabulary import Vocabulary, vocabulary
from consistency.models import Claim, Document, FactKey, Quantity
from consistency.time import temporal
from consistency.time.calendar import MONTHS, NUMBER_WORDS, WEEKDAYS


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
    r"\d|\b(?:"
    + "|".join([m[:3].capitalize() for m in MONTHS] + [w.capitalize() for w in WEEKDAYS])
    + r"|yesterday|today|tomorrow|tonight)"
    r"|\b(?:" + "|".join(NUMBER_WORDS) + r"|hundred|thousand|million|billion|dozen)s?\b"
    r"|\b(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\b",
    re.IGNORECASE,
)

_DURATION = re.compile(r"[-\s]*(?:second|minute|hour|day|week|month|year)s?\b", re.IGNORECASE)
_RATE = re.compile(
    r"\s*\)?\s*(?:\([^)]{1,30}\)\s*)?(?:per|a|an|each)\s+(second|minute|hour|day|week|month|year)\b",
    re.I,
)

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
    ages = find_ages(text)
    # "a 42-year-old nurse" is an age, not 42 nurses nor a duration.
    skip += [(a.start, max(a.end, a.start + len(a.quantity.text))) for a in ages]
    return times, sorted(ages + find_quantities(text, skip=skip), key=lambda q: q.start)


def _worth_parsing(sents: Sequence[Sentence]) -> list[tuple[Sentence, _Values]]:
    """The sentences whose parse can change the document's mentions, with their values.

    Parsing is the costly step. A sentence with a time or a figure is parsed for its own
    mentions. One without only lends its names to the back-references of later sentences
    ("it", "his", "the company"), so it is parsed only when a later sentence with a value
    has one (told by the parser's own tokenizer): every such sentence before the last
    reader that may hold a value, and the sentence just before each reader whatever it
    holds ("The patient is Tom Ash. He is in his forties.").
    """
    kept = [s for s in sents if len(s.text) <= 1000]
    values = [_values(s.text) if _CANDIDATE.search(s.text) else ([], []) for s in kept]
    has_value = [bool(times or quantities) for times, quantities in values]
    readers = [
        i
        for i in range(len(kept))
        if has_value[i] and any(_refers_back(t) for t in nlp.words(kept[i].text))
    ]
    last_reader = readers[-1] if readers else -1
    before_reader = {i - 1 for i in readers}
    return [
        (s, values[i])
        for i, s in enumerate(kept)
        if has_value[i]
        or i in before_reader
        or (i < last_reader and _CANDIDATE.search(s.text) is not None)
    ]


def _refers_back(word: str) -> bool:
    """A word that may stand for a name told before: a pronoun, or "the company"."""
    return word in _PRONOUNS or word in vocabulary().organisations


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
    text = sent.text
    times, quantities = values
    quoted = _quoted(text)
    for t in times:
        if any(a <= t.start < b for a, b in quoted) and not _YEAR.search(t.text):
            continue  # "today" in a quote is the day it was said, which the text seldom gives
        if temporal.ends_a_span(text, t):
            continue  # "a contract until June 2022": when it ends, not when it was signed
        toks = _tokens(sd, t.start, t.end)
        m = _time_mention(sent, sd, toks, t.text, t.start, t.end, voc, memory) if toks else None
        if m is not None:
            yield m
    for q in quantities:
        toks = _tokens(sd, q.start, q.end)
        if q.quantity.unit == AGE:
            m = _age_mention(sent, sd, toks, q.quantity, q.start, q.end, memory) if toks else None
            if m is not None:
                yield m
            continue
        m = (
            _quantity_mention(sent, sd, toks, q.quantity, q.start, q.end, voc, memory, times)
            if toks
            else None
        )
        if m is not None:
            yield m
    for ent in sd.ents:
        if ent.label_ in ("PERSON", "ORG"):
            memory.last[ent.label_] = _name(ent)


_YEAR = re.compile(r"\b1[89]\d\d\b|\b2\d{3}\b")
_QUOTE = re.compile(r"[“\"]([^”\"]*)(?:[”\"]|$)")


def _quoted(text: str) -> list[tuple[int, int]]:
    """The spans of direct quotes in a sentence: one left open runs to its end, and one
    closed but opened in an earlier sentence runs from its start."""
    spans = []
    close = text.find("”")
    opened = text.find("“")
    if close >= 0 and (opened < 0 or close < opened):
        spans.append((0, close))
    elif text.count('"') % 2 == 1 and text.rstrip().endswith('"'):
        spans.append((0, len(text)))
    start = spans[0][1] + 1 if spans else 0
    spans += [(start + m.start(1), start + m.end(1)) for m in _QUOTE.finditer(text[start:])]
    return spans


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
        # An auxiliary ("nine being admitted") serves the verb it helps.
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
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
    kind = _PRONOUNS.get(tok.lower_)
    if kind is None and tok.lemma_.lower() in vocabulary().organisations:
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            kind = "ORG"  # "the company", "the firm": the organisation last named
    if kind is not None:
        # The nearest name of its kind before it in the sentence ("Ostrava Telecom will cut its
        # workforce"), else the last one of the document.
        named = [(e.end, _name(e)) for e in tok.doc.ents if e.end <= tok.i and e.label_ == kind]
        if kind == "ORG":  # a subject the tagger left unlabelled ("Ostrava said it ...")
            named += [
                (t.i + 1, _entity_of(t, memory))
                for t in tok.doc[: tok.i]
                if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and not t.ent_type_
            ]
        return max(named)[1] if named else memory.last.get(kind, "")
    if tok.pos_ == "PROPN":
        # A name the tagger did not label ("the Harbour Lights Festival"): the proper nouns
        # compounded into it, as written.
        parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        first = min([tok.i, *(c.i for c in parts)])
        return _name(tok.doc[first : tok.i + 1])
    return ""


def _owner(verb: Any | None, noun: Any | None, memory: _Memory) -> tuple[str, str, str]:
    """Where a value is counted (a place: part of the fact key) and whose it is (its owner
    or the verb's subject: compared leniently), with how each was read."""
    place = owner = ""
    why = []
    # "killed in X", "105 fatalities reported in X": the noun, a clause on it, or the verb.
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")] if noun is not None else []
    for h in (noun, *clauses, verb):
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
    # An infinitive or a clause on a noun takes the subject of the clause it completes
    # ("Kelpwater became one of two companies to obtain a licence").
    subject_of = verb
    for _ in range(3):
        if subject_of is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in subject_of.children):
            break
        if (
            subject_of.dep_ not in ("xcomp", "acl", "relcl", "advcl")
            or subject_of.head.i == subject_of.i
        ):
            break
        subject_of = _verb(subject_of.head)
    verb = subject_of if subject_of is not None else verb
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


def _modality(voc: Vocabulary, verb: Any | None, q: Quantity | None, governs: bool = True) -> str:
    """A bound ("up to 25") is read from the figure's interval; the rest from the verbs.
    ``governs``: the value is the verb's own (a figure "sought"); a time is when the verb
    happened, so "sought care on Friday" is an actual visit, not a sought one."""
    if q is not None and q.low == 0 and q.high != float("inf") and q.value:
        # "up to 25 years" is a ceiling (a different fact from the figure imposed); "as many
        # as 128 dead" is a reporter's hedge on the actual figure.
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
    times: Sequence[Any] = (),
) -> Mention | None:
    size = _GROUP_SIZE.search(q.text)
    if not size:
        q, end, toks = _parsed_unit(sent, sd, q, start, end, toks)
    root = _root(toks)
    if not q.unit and _label(root, voc):
        return None  # "flight 951", "Room 12": a name, not an amount
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
        if noun is None and root.dep_ == "pobj" and root.head.lower_ == "of":
            noun = root.head.head  # "a majority of 230", "a toll of 157"
        unit = "count"
    if noun is not None and noun.pos_ not in ("NOUN", "PROPN"):
        noun = None  # "nine being admitted": the count has no noun of its own
    verb = _verb(noun if noun is not None else root)
    # What happened to the things counted: the verb's complements ("in hospital", "on
    # board"), the verb, its subject's words ("the death toll"), then the noun itself and
    # its modifiers ("fatalities", "injured passengers").
    if verb is not None:
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
    if (
        noun is not None
        and unit != "%"  # "45% of total sales" is a share of the whole, not the whole
        and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in voc.totals for c in noun.children
        )
    ):
        measure = f"total {measure}".strip()  # "40,890 total votes" is not the votes for
    measure = _part(sent.text, start, q, measure)
    if size and q.unit:
        # "a nine-member team", "a 10-person team": the team's size, whatever it did.
        measure = voc.measure.get(q.unit, q.unit)
    role = "size" if size and q.unit else _roles(voc, *role_toks)
    if not role and verb is not None:
        lemma = verb.lemma_.lower()
        if lemma not in voc.light and lemma not in voc.reporting:
            role = lemma
    if not measure and not role:
        return None  # a bare figure: nothing says what it counts
    place, owner, scope_why = _owner(verb, noun, memory)
    if size:
        place = ""  # a team's size is the same wherever it went
    negated, hedged, attributed, tense = _flags(sd, verb)
    modality = _modality(voc, verb, q)
    anchor = _anchor(sd, verb, noun, times)
    if modality == "actual" and _background(voc, verb, noun):
        modality = "earlier"
    if anchor:
        scope_why = ", ".join(filter(None, [scope_why, f"holds at {anchor!r}"]))
    if rate:
        unit = f"{unit}/{rate.group(1).lower()}"
        if unit[:3].isupper():
            # A sum per week or per year is a pay or a price by the period, however the verb
            # tells it ("signed at €550,000 a week", "which breaks down as €865k a week").
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
    why = _why(key, noun, verb, scope_why)
    return Mention(
        sent, start, end, key, quantity=q, time_text=anchor, tense=tense, negated=negated,
        hedged=hedged, attributed_to=attributed, qualifiers=quals, why=why, owner=owner,
    )  # fmt: skip


def _anchor(sd: Any, verb: Any | None, noun: Any | None, times: Sequence[Any]) -> str:
    """The time a figure holds at: a time expression in its own clause ("employed 300 in
    2021"), not one of another clause of the sentence. Figures anchored at times that do
    not overlap are two facts (the rules compare anchors, see ``rules.disputes``)."""
    if verb is None:
        return ""
    for t in times:
        toks = _tokens(sd, t.start, t.end)
        if not toks:
            continue
        root = _root(toks)
        head = root.head if root.head.i != root.i else root
        governor = _verb(head)
        if (governor is not None and governor.i == verb.i) or (
            noun is not None and head.i == noun.i
        ):
            return str(t.text)
    return ""


def _background(voc: Vocabulary, verb: Any | None, noun: Any | None) -> bool:
    """A figure told as earlier history ("the previous record of 166", "at the time, 10,000
    jobs"): a different fact from the story's current one."""
    if noun is not None and any(
        c.dep_ == "amod" and c.lemma_.lower() in voc.background for c in noun.children
    ):
        return True
    if verb is None:
        return False
    clause = " ".join(t.lower_ for t in verb.subtree if getattr(_verb(t), "i", -1) == verb.i)
    return any(re.search(rf"\b{re.escape(w)}\b", clause) for w in voc.background)


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


def _part(text: str, start: int, q: Quantity, measure: str) -> str:
    """Which part of a tally or change a figure is: each side of "432 votes to 202" (the
    larger and the smaller), and "by 230 votes" (a difference, not a level)."""
    for m in _TALLY.finditer(text):
        if start in (m.start("a"), m.start("b")):
            a, b = (float(m.group(g).replace(",", "")) for g in ("a", "b"))
            mine = a if start == m.start("a") else b
            side = "larger" if mine >= max(a, b) else "smaller"
            return f"{measure} ({side} side)".strip()
    if _BY.search(text[max(0, start - 16) : start]):
        return f"{measure} (difference)".strip()
    return measure


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
        # "a magnitude of 6.4 according to ...": the word after the number is no unit.
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


def _age_mention(
    sent: Sentence, sd: Any, toks: list[Any], q: Quantity, start: int, end: int, memory: _Memory
) -> Mention | None:
    """A person's age, owned by the person it describes: the name it is in apposition to
    ("Ana Ruiz, 37,"), the noun "N-year-old" modifies and that noun's name ("42-year-old
    Norwegian, Tom Ash"), or the pronoun of "in his forties"."""
    tok = _root(toks)
    person = ""

    def named(t: Any) -> bool:
        return t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON"))

    chain = [tok]
    while len(chain) < 5 and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    for t in chain:
        if named(t) or t.lower_ in ("his", "her", "he", "she"):
            person = _entity_of(t, memory)
        elif t.pos_ in ("NOUN", "PROPN", "ADJ"):
            appos = [c for c in t.children if c.dep_ in ("appos", "conj") and named(c)]
            if appos:
                person = _entity_of(appos[0], memory)
            elif t.dep_ == "appos" and named(t.head):
                person = _entity_of(t.head, memory)
        if person:
            break
    if not person:
        person = next((_entity_of(t, memory) for t in sd if t.lower_ in ("his", "her")), "")
    if not person:
        return None  # whose age it is decides the fact: "a 42-year-old" alone says nothing
    key = FactKey("number", "years", "", "age", "", "actual")
    return Mention(
        sent, start, end, key, quantity=q, tense="present", hedged=q.approx,
        why=f"the age of {person}", owner=person,
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
    # "in making the announcement on Wednesday", "the landing at Carrow on Sunday":
    # the time of an event noun is that event's, whatever verb carries the noun.
    event = _event_noun(root, voc) or _light_complement(verb, voc) or _subject_event(verb, voc)
    if event is not None:
        lemma = event.lemma_.lower()
    elif root.head.dep_ == "prep" and root.head.head.pos_ == "NOUN":
        return None  # "the closing price on May 3": the time of a measurement, not an event
    elif (lemma in voc.reporting and lemma not in voc.role) or (
        lemma in voc.light and lemma != "leave"
    ):
        return None  # when something was said is not a fact of the story
    own = {t.i for t in toks}
    obj = ""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.i not in own:
            obj = _entity_of(c, memory) or c.lemma_.lower()
            break
    if not obj:
        for c in verb.children:
            if c.dep_ == "prep" and c.i not in own and c.lower_ not in _CIRCUMSTANCE:
                p = next((p for p in c.children if p.dep_ == "pobj"), None)
                if p is not None and p.i not in own and not p.like_num:
                    obj = f"{c.lower_} {_entity_of(p, memory) or _thing(p, voc)}"
                    break
    role = voc.role.get(lemma, lemma)
    if event is not None or voc.role.get(obj.split(" ")[-1].lower()) == role:
        obj = ""  # the noun is the event ("admitted to hospital"); what the verb does is not
    elif obj and " " not in obj:
        obj = voc.measure.get(obj, obj)
    # Where an event happened is told or not; it does not make another event of it.
    place, owner, scope_why = _owner(verb, None, memory)
    negated, hedged, attributed, tense = _flags(sd, verb)
    modality = "actual" if event is not None else _modality(voc, verb, None, governs=False)
    key = FactKey("date", "time", obj, role, "", modality)
    why = _why(key, None, verb, scope_why)
    return Mention(
        sent, start, end, key, time_text=text, tense=tense, negated=negated, hedged=hedged,
        attributed_to=attributed, why=why, owner=owner,
    )  # fmt: skip


def _event_noun(root: Any, voc: Vocabulary) -> Any | None:
    """The event noun a time is attached to ("the announcement on Wednesday"), if any."""
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
    """The event a light verb's complement names: "was put in isolation", "was taken to
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
