"""Claims out of a document: who did what, when, how much, with which qualifiers.

For every sentence: find the event triggers of the lexicon (a verb, a noun, or a light verb
with its object), split the sentence into clauses (relative clauses and contrast
conjunctions open a new one), then for each trigger find its subject (the nearest name to
its left in its clause, the antecedent of a relative pronoun, a possessive for a noun, the
agent of a passive), and take the time expressions, figures, qualifiers, negation, hedges
and attribution of its clause. A group subject ("Quillon and Marrowby became ...") gives a
claim about each member.

The steps have their modules: :mod:`~consistency.extract.clauses`,
:mod:`~consistency.extract.triggers` (with :mod:`~consistency.extract.objects`),
:mod:`~consistency.extract.subjects` and :mod:`~consistency.extract.qualifiers`; this one
runs them sentence by sentence and dates the drafts.

The entity of a claim here is the name as written; entity resolution, a later stage, maps
it to the corpus-wide canonical name afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from consistency.extract.clauses import appositive, split_clauses, verb_phrase_start
from consistency.extract.lexicon import Lexicon
from consistency.extract.names import (
    Mention,
    display,
    find_mentions,
)
from consistency.extract.qualifiers import (
    attribution,
    clause_qualifiers,
    clause_quantity,
    clause_tense,
    clause_time,
    group_count,
    is_hedged,
    is_negated,
    sequence_cue,
    speech_time,
)
from consistency.extract.quantities import QuantityMention, find_quantities
from consistency.extract.quotes import quote_claims
from consistency.extract.subjects import find_patient, find_subject, pronoun_antecedent
from consistency.extract.text import Sentence, Token, sentences
from consistency.extract.triggers import Trigger, find_triggers
from consistency.models import (
    Anchor,
    Claim,
    DateSource,
    Document,
    Quantity,
    Tense,
    Thing,
    TimeValue,
)
from consistency.time import temporal


@dataclass(frozen=True)
class Draft:
    """A claim before its time is read: everything the text says, nothing that depends on
    the document's publication date. :func:`dated` reads the time against a date, so a
    document whose date is inferred or corrected is dated again, never extracted again."""

    claim: Claim  # time None, confidence before the date's and the document's factors
    time_text: str | None  # the clause's time expression, as written
    sequence: bool  # "then", "after that": the time counts from the last dated claim
    counts_from_before: bool  # "three years down the line": from the last dated event


def extract(doc: Document, lexicon: Lexicon) -> list[Claim]:
    """All claims of one document, in text order, dated against its publication date."""
    return dated(doc, extract_with_names(doc, lexicon)[0])


def extract_with_names(doc: Document, lexicon: Lexicon) -> tuple[list[Draft], list[str]]:
    """The drafts of one document's claims (see :func:`dated`), and every proper name it
    mentions (for resolution). Nothing here depends on the document's date."""
    names: list[str] = []
    sents = sentences(doc.text)
    vocab = _capitalized_vocab(sents)
    drafts: list[Draft] = []
    last_subject: str | None = None
    for sent in sents:
        new, last_subject = _sentence_claims(
            doc, sent, lexicon, vocab, len(drafts), last_subject, names
        )
        drafts.extend(new)
    first = len(drafts) + 1
    drafts += [
        Draft(c, None, False, False) for c in quote_claims(doc, sents, first, lexicon.said_verbs)
    ]
    return drafts, names


def dated(doc: Document, drafts: Sequence[Draft]) -> list[Claim]:
    """The claims of ``drafts``, their times read against ``doc``'s publication date.

    A time told after "then" counts from the last claim dated before its sentence; one
    counted "from before" ("two years later") from the last one dated in its sentence, else
    before it. A time read from a date that was inferred weighs less, as does a hedge.
    """
    out: list[Claim] = []
    for d in drafts:
        c = d.claim
        if d.time_text is None and not d.sequence:
            out.append(replace(c, confidence=_weighed(c.confidence, c, None, doc)))
            continue
        after = None
        if d.sequence:
            after = _previous_timed(out, c.index)
        elif d.time_text is not None and d.counts_from_before:
            same = [x for x in out if x.index == c.index and x.time is not None and x.time.resolved]
            after = same[-1] if same else _previous_timed(out, c.index)
        time = None
        if d.time_text is not None:
            time = temporal.resolve(
                d.time_text,
                doc.published,
                doc.published_from if doc.published else None,
                tense=c.tense,
                after=after.time if after is not None and after.time is not None else None,
            )
        out.append(
            replace(
                c,
                time=time,
                confidence=_weighed(c.confidence, c, time, doc),
                after=after.id if after is not None else None,
            )
        )
    return out


def _weighed(confidence: float, c: Claim, time: TimeValue | None, doc: Document) -> float:
    if time is not None and (
        time.anchor_from == DateSource.INFERRED
        or (
            time.anchor_from not in (None, Anchor.ABSOLUTE)
            and doc.published_from == DateSource.INFERRED
        )
    ):
        confidence *= 0.7
    if c.hedged:
        confidence *= 0.7
    return round(confidence * doc.confidence, 3)


def _capitalized_vocab(sents: Sequence[Sentence]) -> frozenset[str]:
    """Words the document capitalises mid-sentence: names even at a sentence start."""
    vocab = set()
    for s in sents:
        for i, t in enumerate(s.tokens):
            if i > 0 and t.capitalized and s.tokens[i - 1].text not in {"“", '"', "(", ":"}:
                vocab.add(t.lower)
    return frozenset(vocab)


@dataclass(frozen=True)
class _Sentence:
    """What every trigger of a sentence reads: its times, names, clauses and figures."""

    doc: Document
    sent: Sentence
    lexicon: Lexicon
    times: list[temporal.TimeMention]
    time_tokens: set[int]
    mentions: list[Mention]
    clause_of: list[int]
    coordinated: dict[int, int]
    quantities: list[QuantityMention]
    attributed: str | None


@dataclass(frozen=True)
class _ClauseReading:
    """What a trigger's clause says of its event besides who: see :mod:`qualifiers`."""

    tense: Tense
    negated: bool
    hedged: bool
    qualifiers: tuple[str, ...]
    count: Quantity | None
    quantity: Quantity | None
    time_text: str | None
    sequence: bool
    from_before: bool


def _sentence_claims(
    doc: Document,
    sent: Sentence,
    lexicon: Lexicon,
    vocab: frozenset[str],
    before: int,
    last_subject: str | None,
    names_out: list[str],
) -> tuple[list[Draft], str | None]:
    """The drafts of one sentence, and the last named subject for later pronouns."""
    tokens = sent.tokens
    times = temporal.find_times(sent.text)
    time_tokens = {k for k, t in enumerate(tokens) for tm in times if tm.start <= t.start < tm.end}
    mentions = [m for m in find_mentions(tokens, lexicon, vocab, skip=time_tokens)]
    names_out.extend(display(m.text) for m in mentions if m.kind == "proper")
    triggers = find_triggers(tokens, lexicon, mentions, time_tokens)
    if not triggers:
        proper = [m for m in mentions if m.kind == "proper"]
        return [], (display(proper[0].text) if proper else last_subject)
    clause_of, coordinated = split_clauses(tokens, lexicon)
    quantities = find_quantities(sent.text, skip=[(t.start, t.end) for t in times])
    attributed = attribution(sent, tokens, mentions, lexicon)
    s = _Sentence(
        doc, sent, lexicon, times, time_tokens, mentions, clause_of, coordinated, quantities,
        attributed,
    )  # fmt: skip
    out: list[Draft] = []
    # One event told once per clause: "was then named chief executive" is one appointment
    # even though "named" and "was ... chief" both name it.
    seen_events: set[tuple[str, int]] = set()
    for trig in triggers:
        if (trig.event, clause_of[trig.index]) in seen_events:
            continue
        seen_events.add((trig.event, clause_of[trig.index]))
        drafts, named = _trigger_drafts(s, trig, before + len(out), last_subject)
        out += drafts
        if named is not None:
            last_subject = named
    return out, last_subject


def _trigger_drafts(
    s: _Sentence, trig: Trigger, before: int, last_subject: str | None
) -> tuple[list[Draft], str | None]:
    """The drafts of one trigger, one per member of its subject, and the subject's name
    when it is a proper name (what a later pronoun stands for)."""
    tokens = s.sent.tokens
    aside = appositive(tokens, verb_phrase_start(tokens, trig.index), s.clause_of)
    visible = [m for m in s.mentions if m.start not in aside]
    subject = find_subject(tokens, trig, visible, s.clause_of, s.lexicon, s.coordinated)
    patient = find_patient(tokens, trig, visible, s.lexicon)
    obj = trig.object
    if patient is not None:
        subject = [patient]
        if obj and obj.startswith(patient.text):
            # "fined Foxwater Rail £67,000": the company is the entity, not the object.
            obj = obj[len(patient.text) :].strip() or None
    if subject is None:
        return [], None
    told = _told_of(tokens, subject[0], subject, visible, last_subject)
    if told is None:
        return [], None
    names, mention_text, confidence, thing = told
    r = _read_clause(s, trig, aside, subject[0])
    out: list[Draft] = []
    for name in names:
        claim = Claim(
            id=f"{s.doc.id}#{before + len(out) + 1}",
            document=s.doc.id,
            sentence=s.sent.text,
            span=(s.sent.start, s.sent.end),
            entity=name,
            event=trig.event,
            object=obj,
            quantity=r.quantity,
            qualifiers=r.qualifiers,
            negated=r.negated,
            hedged=r.hedged,
            attributed_to=s.attributed if s.attributed and s.attributed not in names else None,
            tense=r.tense,
            trigger=trig.words,
            mention=mention_text,
            group=tuple(names) if len(names) > 1 else (),
            count=r.count,
            index=s.sent.index,
            confidence=confidence,
            thing=thing,
        )
        out.append(Draft(claim, r.time_text, r.sequence, r.from_before))
    return out, (names[0] if subject[0].kind == "proper" else None)


def _told_of(
    tokens: Sequence[Token],
    first: Mention,
    subject: list[Mention],
    visible: list[Mention],
    last_subject: str | None,
) -> tuple[list[str], str, float, Thing | None] | None:
    """The entity names of a subject, its mention as written, the confidence and the thing
    it is, if one: a pronoun stands for the name before it in the sentence, else the last
    named subject; a thing is its words as written, with its head noun (resolution names
    it). None when nothing says who "they" or "it" are."""
    if first.kind == "pronoun":
        if first.head == "they":
            return None
        antecedent = pronoun_antecedent(tokens, first, visible)
        if antecedent is None and last_subject is None:
            return None
        names = [display(antecedent.text)] if antecedent else [last_subject or ""]
        return names, first.text, 0.8, None
    if first.kind == "thing":
        return [first.text], first.text, 0.9, Thing(first.head, first.text)
    names = [display(m.text) for m in subject]
    return names, " and ".join(m.text for m in subject), 1.0, None


def _read_clause(s: _Sentence, trig: Trigger, aside: set[int], first: Mention) -> _ClauseReading:
    """The tense, negation, hedges, qualifiers, count, time and figure of a trigger's clause
    (its aside left out)."""
    tokens, text, lexicon = s.sent.tokens, s.sent.text, s.lexicon
    clause = s.clause_of[trig.index]
    span_tokens = [k for k, c in enumerate(s.clause_of) if c == clause and k not in aside]
    c_start = tokens[span_tokens[0]].start
    c_end = tokens[span_tokens[-1]].end
    # A relative clause's subject sits before it: widen to the antecedent for qualifiers.
    subj_start = tokens[first.start].start if first.kind != "pronoun" else c_start
    q_lo = min(c_start, subj_start)
    count = group_count(text[q_lo:c_end])
    own_chars = [(tokens[k].start, tokens[k].end) for k in span_tokens]

    def own(pos: int, chars: list[tuple[int, int]] = own_chars) -> bool:
        return any(a <= pos < b for a, b in chars)

    time_mention = clause_time(
        [
            t
            for t in s.times
            if own(t.start)
            and not speech_time(tokens, t, lexicon)
            and not temporal.ends_a_span(text, t)
        ],
        c_start,
        c_end,
        tokens[trig.index].start,
    )
    time_text = time_mention.text if time_mention is not None else None
    return _ClauseReading(
        tense=clause_tense(tokens, span_tokens, trig, lexicon),
        negated=is_negated(tokens, span_tokens, trig, lexicon),
        hedged=is_hedged(tokens, [k for k in span_tokens if k not in s.time_tokens], lexicon),
        qualifiers=clause_qualifiers(tokens, span_tokens, lexicon, min_start=q_lo),
        count=count,
        quantity=clause_quantity([q for q in s.quantities if own(q.start)], c_start, c_end, count),
        time_text=time_text,
        sequence=sequence_cue(tokens, span_tokens, max(trig.index, trig.end), lexicon),
        # "three years down the line": counted from the last dated event told before.
        from_before=time_text is not None and temporal.counts_from_before(time_text),
    )


def _previous_timed(claims: list[Claim], sentence_index: int) -> Claim | None:
    for c in reversed(claims):
        if c.index < sentence_index and c.time is not None and c.time.resolved:
            return c
    return None


__all__ = ["Draft", "dated", "extract", "extract_with_names"]
