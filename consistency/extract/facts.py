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
- ``modality``: actual, or sought, planned ("projected"), hypothetical, a bound ("up to"),
  earlier history (``earlier``: "the previous record") or a first estimate (``initial``:
  "originally reported"); ``data/facts.yaml`` lists the words of each.
- ``unit``: a currency, "%", or a count.

Two claims are linked only when all of these agree (see :func:`FactKey.label`). Sentence
similarity is never used: it links "20 years imposed" with "30 years sought".

The key of a figure is read in :mod:`~consistency.extract.figures`, of a time in
:mod:`~consistency.extract.time_facts`, with the owners and places of
:mod:`~consistency.extract.owners` and the flags of :mod:`~consistency.extract.fact_keys`;
this module finds the values of each sentence and makes claims of them.

Parsing is the costly step, so a document is parsed once, and only its sentences that can
hold a value (a time or a figure), with those whose names a later pronoun may stand for.
Publication dates are not needed here: a :class:`Mention` keeps the time expression, and
:func:`claims` resolves it against the document's date later, so inferring a date
re-resolves times without parsing again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from consistency.extract import nlp
from consistency.extract.ages import AGE, find_ages
from consistency.extract.fact_keys import Mention
from consistency.extract.figures import age_mention, quantity_mention
from consistency.extract.owners import PRONOUNS, Memory, entity_name
from consistency.extract.parses import span_tokens
from consistency.extract.quantities import QuantityMention, find_quantities
from consistency.extract.text import Sentence, sentences
from consistency.extract.time_facts import time_mention
from consistency.extract.vocabulary import vocabulary
from consistency.models import STORY, Claim, Document
from consistency.time import temporal
from consistency.time.calendar import MONTHS, NUMBER_WORDS, WEEKDAYS

_CANDIDATE = re.compile(
    r"\d|\b(?:"
    + "|".join([m[:3].capitalize() for m in MONTHS] + [w.capitalize() for w in WEEKDAYS])
    + r"|yesterday|today|tomorrow|tonight)"
    r"|\b(?:" + "|".join(NUMBER_WORDS) + r"|hundred|thousand|million|billion|dozen)s?\b"
    r"|\b(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\b",
    re.IGNORECASE,
)


_CLOCK = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|GMT|UTC|local time|hrs|h)\b"
    r"|\b\d{1,2}[:.]\d{2}\b(?!\d)|\b\d{4}\s*(?:GMT|UTC|hrs)\b",
    re.IGNORECASE,
)


def mentions(documents: Sequence[Document]) -> dict[str, list[Mention]]:
    """The value mentions of every document, parsed in one batched pass."""
    jobs: list[tuple[str, Sentence, _Values]] = []
    for d in documents:
        jobs += [(d.id, s, v) for s, v in _worth_parsing(sentences(d.text))]
    out: dict[str, list[Mention]] = {d.id: [] for d in documents}
    memory: dict[str, Memory] = {d.id: Memory() for d in documents}
    parsed = nlp.parse(s.text for _, s, _ in jobs)
    for (doc_id, sent, values), sd in zip(jobs, parsed, strict=True):
        out[doc_id].extend(_sentence_mentions(sent, sd, values, memory[doc_id]))
    return out


_Values = tuple[list[temporal.TimeMention], list[QuantityMention]]


def _values(text: str) -> _Values:
    """The times (not clock times) and figures of a sentence, found by pattern."""
    times = [t for t in temporal.find_times(text) if not _CLOCK.fullmatch(t.text)]
    # Clock times ("4:35 pm GMT", "at 21.47 local time") are neither dates nor counts.
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
    return word in PRONOUNS or word in vocabulary().organisations


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
                entity=m.owner or STORY,
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


def _sentence_mentions(
    sent: Sentence, sd: Any, values: _Values, memory: Memory
) -> Iterator[Mention]:
    voc = vocabulary()
    text = sent.text
    times, quantities = values
    quoted = _quoted(text)
    for t in times:
        if any(a <= t.start < b for a, b in quoted) and not _YEAR.search(t.text):
            continue  # "today" in a quote is the day it was said, which the text seldom gives
        if temporal.ends_a_span(text, t):
            continue  # "a contract until June 2027": when it ends, not when it was signed
        toks = span_tokens(sd, t.start, t.end)
        m = time_mention(sent, sd, toks, t.text, t.start, t.end, voc, memory) if toks else None
        if m is not None:
            yield m
    for q in quantities:
        toks = span_tokens(sd, q.start, q.end)
        if q.quantity.unit == AGE:
            m = age_mention(sent, sd, toks, q.quantity, q.start, q.end, memory) if toks else None
            if m is not None:
                yield m
            continue
        m = (
            quantity_mention(sent, sd, toks, q.quantity, q.start, q.end, voc, memory, times)
            if toks
            else None
        )
        if m is not None:
            yield m
    for ent in sd.ents:
        if ent.label_ in ("PERSON", "ORG"):
            memory.last[ent.label_] = entity_name(ent)


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
