"""Claims out of a document: who did what, when, how much, with which qualifiers.

For every sentence: find the event triggers of the lexicon (a verb, a noun, or a light verb
with its object), split the sentence into clauses (relative clauses and contrast
conjunctions open a new one), then for each trigger find its subject (the nearest name to
its left in its clause, the antecedent of a relative pronoun, a possessive for a noun, the
agent of a passive), and take the time expressions, figures, qualifiers, negation, hedges
and attribution of its clause. A group subject ("HashKey and OSL became ...") gives a
claim about each member.

The entity of a claim here is the name as written; entity resolution, a later stage, maps
it to the corpus-wide canonical name afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from consistency.extract.lexicon import Lexicon
from consistency.extract.names import (
    AUX,
    DETERMINERS,
    PREPOSITIONS,
    RELATIVE,
    Mention,
    display,
    find_mentions,
    thing_mention,
)
from consistency.extract.quantities import find_quantities
from consistency.extract.quotes import quote_claims
from consistency.extract.text import Sentence, Token, sentences
from consistency.models import Claim, Document, Quantity, TimeValue
from consistency.time import temporal

# Words that open a new clause: a claim takes only its own clause's time, figures and
# qualifiers ("... became the first to obtain licences under a regime that kicked off on
# June 1": June 1 belongs to the regime, not to the licences).
CLAUSE_OPENERS = frozenset(
    "which who whom whose that while whereas although though but because unless whether if".split()
)
CLAUSE_PUNCT = frozenset({";", ":", "—", "–"})

_NEW_SUBJECT = frozenset("it he she they we i the a an this its his her their".split())
_IRREGULAR_PAST = frozenset(
    """became began came drew got gave went held made took won told said saw brought bought
    sold paid led left lost met put ran set sent spent stood struck thought wrote rose fell
    shut cut hit quit laid sought fought caught taught built kept heard found""".split()
)
_ADVERBS_BEFORE_VERB = frozenset(
    """also already just recently reportedly allegedly officially finally first then later
    previously formally quietly initially eventually subsequently since still once again
    successfully jointly separately publicly now currently today each both all reportedly
    yet""".split()
)
_BE = frozenset({"was", "were", "been", "is", "are", "be", "being"})
_SUBORDINATORS = frozenset({"since", "before", "after", "until", "once", "as"})
_ONLY_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "sole"})
_COUNT_RE = re.compile(
    r"\b(?:(?P<oneof>one of(?: the)?(?: only)?)|(?P<first>the first)|(?P<only>the only)"
    r"|(?P<the>the))\s+"
    # Not a hyphenated modifier: "the 25-year-old", "the six-time champions" count nothing.
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\b(?![-‑–]\w)",
    re.IGNORECASE,
)
_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10,
}  # fmt: skip
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    event: str
    index: int  # token index of the word that names the event
    words: str  # the trigger as written ("obtained ... license")
    kind: str  # verb, noun, phrase
    object: str | None = None
    end: int = 0  # last token index of the trigger (the object word for phrases)


@dataclass(frozen=True)
class Draft:
    """A claim before its time is read: everything the text says, nothing that depends on
    the document's publication date. :func:`dated` reads the time against a date, so a
    document whose date is inferred or corrected is dated again, never extracted again."""

    claim: Claim  # time None, confidence before the date's and the document's factors
    time_text: str | None  # the clause's time expression, as written
    sequence: bool  # "then", "after that": the time counts from the last dated claim
    counts_from_before: bool  # "two years down the line": from the last dated event


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
        time.anchor_from == "inferred"
        or (time.anchor_from not in (None, "absolute") and doc.published_from == "inferred")
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


def _clauses(tokens: Sequence[Token], lexicon: Lexicon) -> tuple[list[int], dict[int, int]]:
    """The clause number of each token, and the clause each coordinated one shares a subject with.

    A relative clause set off by commas ("The festival, which drew 13,000 people, ended on
    Sunday") closes at the comma before the main verb: what follows is the main clause again.
    A verb phrase joined by "and" ("X cut 400 jobs in 2021 and won a licence in 2019") is a
    clause of its own, with its own time, sharing the subject of the one before.
    """
    out = []
    coordinated: dict[int, int] = {}
    clause = 0
    fresh = 0
    resume: int | None = None
    for i, t in enumerate(tokens):
        low = t.lower
        if (
            resume is not None
            and i > 0
            and tokens[i - 1].text == ","
            and _verb_follows(tokens, i, lexicon)
        ):
            clause, resume = resume, None
        elif low in CLAUSE_PUNCT or (
            low in CLAUSE_OPENERS and i > 0 and not _complement_that(tokens, i)
        ):
            if low in RELATIVE and tokens[i - 1].text == "," and resume is None:
                resume = clause
            fresh += 1
            clause = fresh
        elif (
            low in {"and", "but", "so"}
            and i > 0
            and tokens[i - 1].text == ","
            and i + 1 < len(tokens)
            and tokens[i + 1].lower in _NEW_SUBJECT
        ):
            # ", and it now employs ...": a second main clause with its own subject.
            fresh += 1
            clause = fresh
            resume = None
        elif low == "and" and _verb_follows(tokens, i + 1, lexicon):
            fresh += 1
            coordinated[fresh] = clause
            clause = fresh
        out.append(clause)
    return out, coordinated


def _verb_follows(tokens: Sequence[Token], k: int, lexicon: Lexicon) -> bool:
    """A verb at ``k``, after adverbs ("and now employs", "and later won")."""
    while k < len(tokens) and tokens[k].lower in _ADVERBS_BEFORE_VERB:
        k += 1
    return k < len(tokens) and _verb_like(tokens[k], lexicon)


def _verb_like(t: Token, lexicon: Lexicon) -> bool:
    low = t.lower
    if not t.text.isalpha() or not t.text[:1].islower():
        return False
    return (
        low in AUX
        or low.endswith("ed")
        or low in _IRREGULAR_PAST
        or t.lemma in lexicon.by_verb
        or t.lemma in lexicon.by_light_verb
    )


def _complement_that(tokens: Sequence[Token], i: int) -> bool:
    # "so that", "such that", "now that": part of the clause, not a new one.
    return tokens[i].lower == "that" and tokens[i - 1].lower in {
        "so",
        "such",
        "now",
        "after",
        "before",
        "since",
        "following",
    }


_GERUND_OPENERS = frozenset({"since", "after", "before", "while", "upon", "when", "on"})


def _group_member_before(tokens: Sequence[Token], k: int) -> bool:
    """ "one of three suppliers", "the sole applicant", "the only exchange" ending at ``k``."""
    words = [t.lower for t in tokens[max(0, k - 5) : k + 1]]
    text = " ".join(words)
    return bool(
        re.search(r"\b(one of|among|the (sole|only|first|last|single))\b", text)
        and tokens[k].text.isalpha()
        and tokens[k].text.islower()
    )


def _finite(tokens: Sequence[Token], i: int, mentions_end: set[int], lexicon: Lexicon) -> bool:
    """Is the verb at ``i`` used as a verb (not "licensed exchanges", "a licensing regime")?"""
    word = tokens[i].lower
    if word.endswith("ing") and i > 0 and tokens[i - 1].lower in _GERUND_OPENERS:
        return True  # "Since buying Saltwick Labs, Highdale ..."
    if word.endswith("ing") and i > 1:
        before = f" {tokens[i - 2].lower} {tokens[i - 1].lower} "
        if any(before.endswith(f" {p} ") for p in _NEGATING_PHRASES):
            return True  # "stopped short of banning", "refrained from approving"
    k = i - 1
    while k >= 0 and tokens[k].lower in _ADVERBS_BEFORE_VERB | {"not", "n't", "never"}:
        k -= 1
    if word.endswith("ing"):
        # A gerund counts only after a subject or an auxiliary ("is launching", "of China
        # lifting the ban"), or opening an adverbial clause ("Since buying Saltwick, ...");
        # after a noun it is a reduced relative ("an amendment introducing").
        return k >= 0 and (
            tokens[k].lower in AUX or k + 1 in mentions_end or tokens[k].lower in _GERUND_OPENERS
        )
    if word.endswith("ed") and _group_member_before(tokens, k):
        return True  # "was one of three suppliers granted a licence", "the sole applicant granted"
    if k >= 0 and tokens[k].text == ")":
        # "The Coastal Water Authority (CWA) approved": look before the parenthesis.
        while k >= 0 and tokens[k].text != "(":
            k -= 1
        k -= 1
        if k >= 0 and k + 1 in mentions_end:
            return True
    if k < 0:
        return False
    prev = tokens[k].lower
    if prev in AUX or prev == "to" or prev in RELATIVE or prev in {"and", ","}:
        return True
    if prev in {"he", "she", "it", "they", "we", "i", "you"}:
        return True
    if (
        k >= 1
        and tokens[k].text.replace("-", "").isalpha()
        and any(c.isdigit() for c in tokens[k - 1].text)
    ):
        return True  # "30,000 people attended", "47,400 festival-goers attended"
    if (
        tokens[k].text.isalpha()
        and (tokens[k].text.islower() or k == 0)
        and (tokens[k].lemma in lexicon.thing_nouns or prev in lexicon.collective_nouns)
    ):
        return True  # "The festival drew", "The council passed"
    return k + 1 in mentions_end


def _triggers(
    tokens: Sequence[Token], lexicon: Lexicon, mentions: list[Mention], stop: set[int]
) -> list[Trigger]:
    ends = {m.end for m in mentions}
    found: list[Trigger] = []
    used: set[int] = set()
    lemmas = [t.lemma for t in tokens]
    # "turned down" is "reject": the verb takes the phrasal meaning, the particle drops out.
    for k in range(len(lemmas) - 1):
        verb = lexicon.phrasal.get(f"{lemmas[k]} {lemmas[k + 1]}")
        if verb is not None:
            lemmas[k], lemmas[k + 1] = verb, ""
    # Light verb + object first: "obtained a license" is one trigger, not two.
    for i, lem in enumerate(lemmas):
        options = lexicon.by_light_verb.get(lem, ())
        if not options or not _finite(tokens, i, ends, lexicon):
            continue
        best: tuple[int, int, str, int] | None = None  # (-object words, distance, event, j)
        window = _window(tokens, i, mentions, 8)
        for event_id, phrase in options:
            for j in window:
                if tokens[j].text in {".", ";", ","} and j > i + 1:
                    break
                size = _object_size(lemmas, j, phrase.objects)
                if size and size < 4 and not _np_head(tokens, j, phrase.objects):
                    continue  # "a school meals service": "school" is not what was unveiled
                if size:
                    cand = (-size, j - i, event_id, j)
                    if best is None or cand < best:
                        best = cand
                    break
        if best is not None:
            _, _, event_id, j = best
            words = (
                f"{tokens[i].text} … {tokens[j].text}"
                if j > i + 1
                else (f"{tokens[i].text} {tokens[j].text}")
            )
            found.append(Trigger(event_id, i, words, "phrase", _object_phrase(tokens, j, i), j))
            used.update({i, j})
    # Object first, verb after: "had its licence revoked", "Acme's licence was revoked".
    objects = lexicon.objects
    for j, lem in enumerate(lemmas):
        if j in used or lem not in objects:
            continue
        for k in _window(tokens, j, mentions, 8):
            if tokens[k].text in {".", ";", ","}:
                break
            if k in used or not _participle(tokens[k].lower):
                continue
            matches = [
                (event_id, ph)
                for event_id, ph in lexicon.by_light_verb.get(lemmas[k], ())
                if lem in ph.objects
            ]
            passive = any(t.lower in _BE for t in tokens[j + 1 : k])
            if matches and (_owner_before(tokens, j, ends) or passive):
                event_id = matches[0][0]
                found.append(
                    Trigger(
                        event_id,
                        k,
                        f"{tokens[j].text} … {tokens[k].text}",
                        "phrase",
                        _object_phrase(tokens, j),
                        j,
                    )  # fmt: skip
                )
                used.update({j, k})
                break
    for i, lem in enumerate(lemmas):
        if i in used:
            continue
        if (
            lem in lexicon.by_verb
            and tokens[i].text[:1].islower()
            and _finite(tokens, i, ends, lexicon)
        ):
            for event_id in lexicon.by_verb[lem]:
                found.append(
                    Trigger(event_id, i, tokens[i].text, "verb", _object_after(tokens, i, stop), i)
                )
            used.add(i)
        elif lem in lexicon.by_noun and tokens[i].text[:1].islower():
            for event_id in lexicon.by_noun[lem]:
                found.append(Trigger(event_id, i, tokens[i].text, "noun", None, i))
            used.add(i)
    # One trigger per token: the first event listed wins for ambiguous verbs.
    seen: set[int] = set()
    out = []
    for t in sorted(found, key=lambda t: (t.index, t.event)):
        if t.index in seen:
            continue
        seen.add(t.index)
        out.append(t)
    return out


def _object_size(lemmas: list[str], j: int, objects: frozenset[str]) -> int:
    """How strongly an object starts at ``j`` (0: none); "took over as" beats "over", and a
    noun ("takeover") beats a figure's word ("million", "$") for the same verb."""
    size = 0
    if lemmas[j] in objects:
        size = 1 if lemmas[j] in _WEAK_OBJECTS else 2
    for o in objects:
        if " " in o:
            words = o.split()
            if lemmas[j : j + len(words)] == words:
                size = max(size, 2 * len(words))
    return size


_WEAK_OBJECTS = frozenset({"million", "billion", "$", "€", "£", "¥", "in", "into", "for"})


def _window(tokens: Sequence[Token], i: int, mentions: list[Mention], size: int) -> list[int]:
    """Token indexes after ``i``, a name or a parenthesis counting as one word.

    "was ordered by the Valley Communications Commission (VCC) to pay" keeps "pay" within
    reach of "ordered".
    """
    inside = {k for m in mentions if m.kind == "proper" for k in range(m.start + 1, m.end)}
    out: list[int] = []
    extra = 0
    depth = 0
    k = i + 1
    while k < len(tokens) and len(out) < size + extra:
        t = tokens[k].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(k)
            extra += k in inside
        k += 1
    return out


_NOT_NOUNS = (
    PREPOSITIONS
    | AUX
    | RELATIVE
    | frozenset(
        """and or but to that which who ago last next this than one two three four five six seven
    eight nine ten several few many early late earlier yesterday today tomorrow close some
    about around nearly almost roughly approximately more less a an the its their his her
    our""".split()
    )
)


def _np_head(tokens: Sequence[Token], j: int, objects: frozenset[str] = frozenset()) -> bool:
    """Is the word at ``j`` the head of its noun phrase (not a modifier of a later noun)?

    "a school meals service": "school" is a modifier; "chief executive" and "licence two
    days ago" end their phrase at the object or run on into another object word."""
    if j + 1 >= len(tokens):
        return True
    nxt = tokens[j + 1]
    if not nxt.text.isalpha() or not nxt.text[:1].islower():
        return True
    if nxt.lower in _NOT_NOUNS or nxt.lower.endswith(("ed", "ly", "ing")) or nxt.lemma in objects:
        return True
    return nxt.lemma in _VERBISH


# Words after an object that start a verb phrase rather than continue the noun phrase.
_VERBISH = frozenset("be have will would could can may might must".split())


def _participle(word: str) -> bool:
    return word.endswith("ed") or word in _IRREGULAR_PAST or word.endswith("en")


def _owner_before(tokens: Sequence[Token], j: int, mention_ends: set[int]) -> bool:
    """Is the object word at ``j`` owned: "its licence", "Acme's virtual asset licence"?"""
    for k in range(j - 1, max(-1, j - 7), -1):
        low = tokens[k].lower
        if low in {"its", "their", "his", "her"}:
            return True
        if low in {"'s", "’s"} and k in mention_ends:
            return True
        if not tokens[k].text.isalpha() or low in PREPOSITIONS:
            return False
    return False


def _object_phrase(tokens: Sequence[Token], j: int, floor: int = -1) -> str | None:
    """The object word with the nouns before it: "policy statements", "retail licence"."""
    if not tokens[j].text.isalpha():
        return None  # "raised $25 million": the figure is the object, kept as the quantity
    start = j
    while start - 1 > floor:
        t = tokens[start - 1]
        if not t.text.isalpha() or t.lower in PREPOSITIONS or t.lower in _STOP_OBJ:
            break
        start -= 1
    return " ".join(t.text for t in tokens[start : j + 1])


_STOP_OBJ = (
    frozenset(
        "a an the its their his her our this that these those first two three series number"
        " batch new full".split()
    )
    | AUX
)


# Words that start a figure ("some £50,000", "about 300 staff"): the object ends before them.
_FIGURE_WORDS = frozenset(
    "some about around nearly almost roughly approximately over under more less up at least"
    " close".split()
)


def _object_after(tokens: Sequence[Token], i: int, stop: set[int]) -> str | None:
    """The noun phrase after a verb, without articles, possessors, figures or times."""
    words: list[str] = []
    for k in range(i + 1, min(len(tokens), i + 8)):
        t = tokens[k]
        low = t.lower
        if k in stop or any(c.isdigit() for c in low) or low in _FIGURE_WORDS:
            break
        if low in {"'s", "’s"}:
            words = []  # "the plant's environmental plan": the plan is the object
            continue
        if not t.text[:1].isalnum() or low in PREPOSITIONS or low in RELATIVE or low in AUX:
            if words:
                break
            if low in PREPOSITIONS or not t.text[:1].isalnum():
                break
            continue
        if low in {"a", "an", "the"} and not words:
            continue
        words.append(t.text)
    return " ".join(words) or None


def _sentence_claims(
    doc: Document,
    sent: Sentence,
    lexicon: Lexicon,
    vocab: frozenset[str],
    before: int,
    last_subject: str | None,
    names_out: list[str],
) -> tuple[list[Draft], str | None]:
    tokens = sent.tokens
    times = temporal.find_times(sent.text)
    time_tokens = {k for k, t in enumerate(tokens) for tm in times if tm.start <= t.start < tm.end}
    mentions = [m for m in find_mentions(tokens, lexicon, vocab, skip=time_tokens)]
    names_out.extend(display(m.text) for m in mentions if m.kind == "proper")
    triggers = _triggers(tokens, lexicon, mentions, time_tokens)
    if not triggers:
        proper = [m for m in mentions if m.kind == "proper"]
        return [], (display(proper[0].text) if proper else last_subject)
    clause_of, coordinated = _clauses(tokens, lexicon)
    quantities = find_quantities(sent.text, skip=[(t.start, t.end) for t in times])
    attributed = _attribution(sent, tokens, mentions, lexicon)
    out: list[Draft] = []
    # One event told once per clause: "was then named chief executive" is one appointment
    # even though "named" and "was ... chief" both name it.
    seen_events: set[tuple[str, int]] = set()
    for trig in triggers:
        if (trig.event, clause_of[trig.index]) in seen_events:
            continue
        seen_events.add((trig.event, clause_of[trig.index]))
        aside = _appositive(tokens, _verb_phrase_start(tokens, trig.index), clause_of)
        visible = [m for m in mentions if m.start not in aside]
        subject = _subject(tokens, trig, visible, clause_of, lexicon, coordinated)
        patient = _patient(tokens, trig, visible, lexicon)
        if subject is None and patient is None:
            continue
        names: list[str]
        mention_text: str
        confidence = 1.0
        obj = trig.object
        if patient is not None:
            subject = [patient]
            if obj and obj.startswith(patient.text):
                # "fined Foxwater Rail £67,000": the company is the entity, not the object.
                obj = obj[len(patient.text) :].strip() or None
        assert subject is not None
        if subject[0].kind == "pronoun":
            if subject[0].head == "they":
                continue
            antecedent = _pronoun_antecedent(tokens, subject[0], visible)
            if antecedent is None and last_subject is None:
                continue
            names = [display(antecedent.text)] if antecedent else [last_subject or ""]
            mention_text, confidence = subject[0].text, 0.8
        elif subject[0].kind == "thing":
            names = ["thing:" + subject[0].head + "|" + subject[0].text]
            mention_text = subject[0].text
            confidence = 0.9
        else:
            names = [display(m.text) for m in subject]
            mention_text = " and ".join(m.text for m in subject)
        clause = clause_of[trig.index]
        span_tokens = [k for k, c in enumerate(clause_of) if c == clause and k not in aside]
        c_start = tokens[span_tokens[0]].start
        c_end = tokens[span_tokens[-1]].end
        # A relative clause's subject sits before it: widen to the antecedent for qualifiers.
        subj_start = tokens[subject[0].start].start if subject[0].kind != "pronoun" else c_start
        tense = _tense(tokens, span_tokens, trig, lexicon)
        negated = _negated(tokens, span_tokens, trig, lexicon)
        hedged = _hedged(tokens, [k for k in span_tokens if k not in time_tokens], lexicon)
        q_lo = min(c_start, subj_start)
        qualifiers = _qualifiers(tokens, span_tokens, lexicon, min_start=q_lo)
        count = _count(sent.text[q_lo:c_end])
        own_chars = [(tokens[k].start, tokens[k].end) for k in span_tokens]

        def own(pos: int, chars: list[tuple[int, int]] = own_chars) -> bool:
            return any(a <= pos < b for a, b in chars)

        time_mention = _clause_time(
            [
                t
                for t in times
                if own(t.start)
                and not _speech_time(tokens, t, lexicon)
                and not temporal.ends_a_span(sent.text, t)
            ],
            c_start,
            c_end,
            tokens[trig.index].start,
        )
        quantity = _clause_quantity([q for q in quantities if own(q.start)], c_start, c_end, count)
        sequence = _sequence_cue(tokens, span_tokens, max(trig.index, trig.end), lexicon)
        time_text = time_mention.text if time_mention is not None else None
        # "two years down the line": counted from the last dated event told before.
        from_before = time_text is not None and temporal.counts_from_before(time_text)
        for name in names:
            claim = Claim(
                id=f"{doc.id}#{before + len(out) + 1}",
                document=doc.id,
                sentence=sent.text,
                span=(sent.start, sent.end),
                entity=name,
                event=trig.event,
                object=obj,
                quantity=quantity,
                qualifiers=qualifiers,
                negated=negated,
                hedged=hedged,
                attributed_to=attributed if attributed and attributed not in names else None,
                tense=tense,
                trigger=trig.words,
                mention=mention_text,
                group=tuple(names) if len(names) > 1 else (),
                count=count,
                index=sent.index,
                confidence=confidence,
            )
            out.append(Draft(claim, time_text, sequence, from_before))
        if subject[0].kind == "proper":
            last_subject = names[0]
    return out, last_subject


def _subject(
    tokens: Sequence[Token],
    trig: Trigger,
    mentions: list[Mention],
    clause_of: list[int],
    lexicon: Lexicon,
    coordinated: dict[int, int] | None = None,
) -> list[Mention] | None:
    """The subject of a trigger: one mention, or several for a group."""
    found = _own_subject(tokens, trig, mentions, clause_of, lexicon)
    clause = clause_of[trig.index]
    # "X cut 400 jobs and won a licence": the second verb shares the first one's subject.
    while found is None and coordinated and clause in coordinated:
        clause = coordinated[clause]
        if clause not in clause_of:
            break  # "and banned" with nothing before it
        first = clause_of.index(clause)
        inherited = [
            m
            for m in mentions
            if clause_of[m.start] == clause
            and m.kind == "proper"
            and not _after_preposition(tokens, m.start)
        ]
        if inherited:
            found = _group(tokens, inherited[0], mentions, check_preposition=False)
            if found and found[0].start < first:
                found = None
    return found


def _own_subject(
    tokens: Sequence[Token],
    trig: Trigger,
    mentions: list[Mention],
    clause_of: list[int],
    lexicon: Lexicon,
) -> list[Mention] | None:
    clause = clause_of[trig.index]
    first_tok = clause_of.index(clause)
    role = lexicon.events[trig.event].role
    # Passive with an agent: "X was fined by the SEC".
    by_agent = _by_agent(tokens, trig, mentions)
    # A relative clause: the subject is the antecedent of "which/who/that".
    if (
        tokens[first_tok].lower in RELATIVE
        and _relative(tokens, first_tok, lexicon)
        and _nothing_but_aux_between(tokens, first_tok, trig)
    ):
        antecedent = _mention_ending_at(tokens, first_tok, mentions)
        if antecedent is None:
            thing = thing_mention(tokens, first_tok, lexicon)
            return [thing] if thing else None
        return _group(tokens, antecedent, mentions, check_preposition=False)
    if trig.kind == "noun":
        # "China's ban", "the ban by China".
        for m in mentions:
            if m.kind == "proper" and trig.index - 4 <= m.end <= trig.index:
                if m.end < len(tokens) and tokens[m.end].lower in {"'s", "’s"}:
                    return [m]
        return [by_agent] if by_agent is not None else None
    if by_agent is not None and role == "agent":
        return [by_agent]
    candidates = [m for m in mentions if m.end <= trig.index and clause_of[m.start] == clause]
    vp_start = _verb_phrase_start(tokens, trig.index)
    if _gerund_clause(tokens, trig):
        # "Since buying Saltwick Labs last month, Highdale has said little", "Since being
        # fined by the Board, Glenwood has ...": the subject is the main clause's.
        for comma in (k for k in range(trig.index, len(tokens)) if tokens[k].text == ","):
            k = comma + 1
            while k < len(tokens) and tokens[k].lower in {"the", "a", "an"}:
                k += 1
            after = [m for m in mentions if m.start == k and m.kind == "proper"]
            if after:
                return [after[0]]
    for m in reversed(candidates):
        if m.kind == "pronoun":
            return [m] if m.end == vp_start else None
        # A name right before its verb is its subject even after "since"/"before"/"after".
        subordinate = (
            m.start > 0 and m.end == vp_start and tokens[m.start - 1].lower in _SUBORDINATORS
        ) or (m.end == trig.index and tokens[trig.index].lower.endswith("ing"))
        # ("no signs of China lifting the ban": the name before a gerund is its subject)
        if _after_preposition(tokens, m.start) and not subordinate:
            continue
        # "Hong Kong's new licensing regime": the possessor is not the subject.
        if m.end < len(tokens) and tokens[m.end].lower in {"'s", "’s"}:
            continue
        return _group(tokens, m, mentions, check_preposition=not subordinate)
    thing = thing_mention(tokens, _verb_phrase_start(tokens, trig.index), lexicon)
    if thing is not None and clause_of[thing.start] == clause:
        return [thing]
    return None


def _after_preposition(tokens: Sequence[Token], start: int) -> bool:
    """Is the name at ``start`` the object of a preposition ("with the Greater Bay Area",
    "into mainland China")? Looks back over articles and up to two modifiers."""
    k = start - 1
    modifiers = 0
    while k >= 0:
        low = tokens[k].lower
        if low in PREPOSITIONS:
            return True
        if low in DETERMINERS:
            k -= 1
            continue
        if (
            modifiers < 2
            and tokens[k].text.isalpha()
            and tokens[k].text.islower()
            and (
                low not in AUX and low not in RELATIVE and low not in {"and", "or", "but", "while"}
            )
            and not low.endswith("ed")
        ):
            modifiers += 1
            k -= 1
            continue
        return False
    return False


def _sequence_cue(
    tokens: Sequence[Token], clause: list[int], trigger: int, lexicon: Lexicon
) -> bool:
    """ "Then", "later", "after that" before the trigger: it follows the event told before."""
    before = [tokens[k].lower for k in clause if k < trigger]
    text = " " + " ".join(before) + " "
    return any(
        (f" {cue} " in text) if " " in cue else cue in before for cue in lexicon.sequence_cues
    )


def _speech_time(tokens: Sequence[Token], t: temporal.TimeMention, lexicon: Lexicon) -> bool:
    """ "..., the regulator said on Monday": the time of the saying, not of the claim."""
    before = [tok for tok in tokens if tok.end <= t.start][-3:]
    # An inflected form only: "said on Monday", not "its annual report in 2024".
    said = any(tok.lemma in lexicon.said_verbs and tok.lower != tok.lemma for tok in before[-2:])
    return said and not any(tok.lower in {"that", ","} for tok in before[-1:])


def _appositive(tokens: Sequence[Token], vp_start: int, clause_of: list[int]) -> set[int]:
    """Tokens of an aside between the subject and its verb.

    "Acme Corp, a Leeford-based exchange, obtained ..." or "Acme Corp, founded in 2015,
    obtained ...": the aside's names and dates are not the claim's.
    """
    close = vp_start - 1
    if close <= 0 or tokens[close].text != ",":
        return set()
    k = close - 1
    while k >= 0 and tokens[k].text != "," and clause_of[k] == clause_of[close]:
        k -= 1
    if k <= 0 or tokens[k].text != "," or close - k < 2:
        return set()
    return set(range(k, close + 1))


def _patient(
    tokens: Sequence[Token], trig: Trigger, mentions: list[Mention], lexicon: Lexicon
) -> Mention | None:
    """For events that happen to someone, the active voice's object is the entity.

    "The CWA fined Tidewell Energy" is about Tidewell Energy; "the regulator granted Beta a
    licence" is Beta's licence. The passive ("Tidewell was fined") keeps its subject.
    """
    event = lexicon.events[trig.event]
    if event.role == "agent" and trig.kind == "phrase" and trig.end > trig.index:
        # "a new route still awaits approval from the Water Board": the Board is the actor.
        k = trig.end + 1
        if k < len(tokens) and tokens[k].lower == "from":
            k += 1
            while k < len(tokens) and tokens[k].lower in {"the", "a", "an"}:
                k += 1
            found = next((m for m in mentions if m.start == k and m.kind == "proper"), None)
            if found is not None:
                return found
    if (
        trig.kind == "phrase"
        and trig.end > trig.index
        and tokens[trig.end].lower in (lexicon.entity_after)
    ):
        k = trig.end + 1
        while k < len(tokens) and tokens[k].lower in {"the", "a", "an"}:
            k += 1
        return next((m for m in mentions if m.start == k and m.kind == "proper"), None)
    if trig.kind == "verb" and tokens[trig.index].lemma in event.object_verbs:
        k = trig.index + 1
        while k < len(tokens) and tokens[k].lower in {"the", "a", "an", "this", "last", "its"}:
            k += 1
        return next((m for m in mentions if m.start == k and m.kind == "proper"), None)
    if event.role != "patient":
        return None
    if trig.kind == "phrase":
        # "awarded an operating licence to Ferncrest Mobility", "a licence was granted to X",
        # "imposed a penalty on Bluewind Power"
        k = max(trig.end, trig.index) + 1
        if k < len(tokens) and tokens[k].lower in {"to", "on"}:
            found = next((m for m in mentions if m.start == k + 1 and m.kind == "proper"), None)
            if found is not None:
                return found
    before = tokens[trig.index - 1].lower if trig.index > 0 else ""
    if before in {"was", "were", "been", "be", "being", "is", "are", "get", "got"} and not (
        trig.kind == "phrase" and trig.end < trig.index
    ):
        return None
    k = trig.index + 1
    while k < len(tokens) and tokens[k].lower in {"the", "a", "an"}:
        k += 1
    for m in mentions:
        if m.start == k and m.kind == "proper":
            return m
    # The owner of the object: "revoked Tidewell Energy's licence", "Acme's licence was revoked".
    if trig.kind == "phrase" and trig.end != trig.index:
        obj = trig.end
        for m in mentions:
            if m.kind == "proper" and m.end < len(tokens) and tokens[m.end].lower in {"'s", "’s"}:
                if obj - 4 <= m.end < obj:
                    return m
    return None


def _pronoun_antecedent(
    tokens: Sequence[Token], pronoun: Mention, mentions: list[Mention]
) -> Mention | None:
    """ "Beta Exchange said it obtained ...": the name before the pronoun in its sentence.

    The subject is preferred to an object: in "Acme bought Beta, and it employs 400 people"
    it is Acme.
    """
    for m in mentions:
        if (
            m.kind == "proper"
            and m.end <= pronoun.start
            and not _after_preposition(tokens, m.start)
        ):
            return m
    return None


def _gerund_clause(tokens: Sequence[Token], trig: Trigger) -> bool:
    """Does the trigger open an adverbial clause: "Since buying", "After being fined"?"""
    k = trig.index
    if not tokens[k].lower.endswith("ing"):
        k -= 1  # "being fined", "having obtained"
        if k < 0 or tokens[k].lower not in {"being", "having"}:
            return False
    return k > 0 and tokens[k - 1].lower in _GERUND_OPENERS


def _verb_phrase_start(tokens: Sequence[Token], i: int) -> int:
    k = i
    while k - 1 >= 0 and (
        tokens[k - 1].lower in AUX
        or tokens[k - 1].lower in _ADVERBS_BEFORE_VERB
        or tokens[k - 1].lower in {"not", "n't", "never"}
    ):
        k -= 1
    return k


def _relative(tokens: Sequence[Token], k: int, lexicon: Lexicon) -> bool:
    """Is "that/which/who" at ``k`` a relative pronoun (after a noun), not "said ... that"?"""
    if tokens[k].lower != "that":
        return True
    j = k - 1
    while j >= 0 and tokens[j].text == ",":
        j -= 1
    if j < 0:
        return False
    prev = tokens[j]
    said = prev.lemma in lexicon.said_verbs or prev.lemma in _THINK_LEMMAS
    if any(c.isdigit() for c in prev.text) or said or prev.lower in AUX:
        return False
    return prev.text.isalpha()


# Verbs of thinking and showing that take "that" like the lexicon's speech verbs do.
_THINK_LEMMAS = frozenset("believe think know expect hope fear show suggest indicate".split())


def _nothing_but_aux_between(tokens: Sequence[Token], rel: int, trig: Trigger) -> bool:
    between = tokens[rel + 1 : trig.index]
    return all(
        t.lower in AUX or t.lower in _ADVERBS_BEFORE_VERB or t.lower in {"not", "n't", "never"}
        for t in between
    )


def _mention_ending_at(tokens: Sequence[Token], k: int, mentions: list[Mention]) -> Mention | None:
    end = k
    while end - 1 >= 0 and tokens[end - 1].text in {",", "—", "–"}:
        end -= 1
    for m in mentions:
        if m.end == end and m.kind == "proper":
            return m
    return None


def _by_agent(tokens: Sequence[Token], trig: Trigger, mentions: list[Mention]) -> Mention | None:
    k = max(trig.index, trig.end) + 1
    if k < len(tokens) and tokens[k].lower == "by":
        for m in mentions:
            if m.start in (k + 1, k + 2) and m.kind == "proper":
                return m
    return None


def _group(
    tokens: Sequence[Token], last: Mention, mentions: list[Mention], check_preposition: bool
) -> list[Mention] | None:
    """Expand "X and Y" / "X, Y and Z" ending in ``last`` into all its members."""
    group = [last]
    by_end = {m.end: m for m in mentions if m.kind == "proper"}
    k = last.start
    while k > 0:
        sep = tokens[k - 1].lower
        if sep in {"and", ","}:
            j = k - 1
            if sep == "and" and j > 0 and tokens[j - 1].text == ",":
                j -= 1  # Oxford comma
            prev = by_end.get(j)
            if prev is None or (sep == "," and _after_preposition(tokens, prev.start)):
                break  # "In Hong Kong, OSL and HashKey": the intro phrase is not a member
            group.insert(0, prev)
            k = prev.start
        else:
            break
    if check_preposition and _after_preposition(tokens, group[0].start):
        return None
    if len(group) == 1 and last.kind != "proper":
        return [last]
    return group


def _tense(tokens: Sequence[Token], clause: list[int], trig: Trigger, lexicon: Lexicon) -> str:
    text = " ".join(tokens[k].lower for k in clause if k <= max(trig.index, trig.end))
    words = set(text.split())
    for marker in lexicon.future:
        if (" " in marker and marker in text) or marker in words:
            return "future"
    verb = tokens[trig.index].lower
    if verb.endswith("ed") or verb in _IRREGULAR_PAST:
        return "past"
    if words & {"was", "were", "had", "has", "have", "did"}:
        return "past"
    if words & {"is", "are", "am", "does"}:
        return "present"
    if verb.endswith("s") and not verb.endswith("ss") and tokens[trig.index].lemma != verb:
        return "present"  # "opens its second plant in May", "now employs"
    return "past"


def _negated(tokens: Sequence[Token], clause: list[int], trig: Trigger, lexicon: Lexicon) -> bool:
    window = [k for k in clause if trig.index - 5 <= k < trig.index]
    if any(tokens[k].lower in lexicon.negations for k in window):
        return True
    text = " " + " ".join(tokens[k].lower for k in window) + " "
    if any(f" {p} " in text for p in _NEGATING_PHRASES):
        return True  # "has yet to approve", "stopped short of banning"
    # "is still awaiting a licence", "has applied for a licence": not obtained yet.
    return trig.kind == "phrase" and tokens[trig.index].lemma in lexicon.pending_verbs


def _hedged(tokens: Sequence[Token], clause: list[int], lexicon: Lexicon) -> bool:
    if any(tokens[k].lower in lexicon.hedges for k in clause):
        return True
    text = " " + " ".join(tokens[k].lower for k in clause) + " "
    return any(f" {p} " in text for p in _HEDGE_PHRASES)


_NEGATING_PHRASES = ("yet to", "short of", "refrained from", "no longer", "stopped short")

# "is said to have", "is thought to have": hedges of more than one word.
_HEDGE_PHRASES = ("said to have", "thought to have", "believed to have", "said to be")


def _qualifiers(
    tokens: Sequence[Token], clause: list[int], lexicon: Lexicon, min_start: int
) -> tuple[str, ...]:
    found: list[str] = []
    idx = [k for k in range(len(tokens)) if tokens[k].start >= min_start and k <= clause[-1]]
    for k in idx:
        q = lexicon.qualifiers.get(tokens[k].lower)
        if q is None or q in found:
            continue
        if q == "first":
            nxt = [t.lower for t in tokens[k + 1 : k + 3]]
            if any(w in lexicon.not_qualified_by_first for w in nxt):
                continue
        if q == "only" and (k == 0 or tokens[k - 1].lower not in _ONLY_DETERMINERS):
            continue  # "only in May", "one of only two": not "the only one"
        found.append(q)
    return tuple(sorted(found))


def _count(text: str) -> Quantity | None:
    """A group size: "the first two exchanges", "one of two licensed exchanges"."""
    m = _COUNT_RE.search(text)
    if m is None:
        return None
    n_text = m.group("n").lower()
    n = _COUNT_WORDS.get(n_text) or (int(n_text) if n_text.isdigit() else None)
    if n is None:
        return None
    return Quantity(text=m.group(0), low=float(n), high=float(n), unit="count")


def _clause_time(
    times: list[temporal.TimeMention], c_start: int, c_end: int, trig_at: int
) -> temporal.TimeMention | None:
    inside = [t for t in times if c_start <= t.start < c_end]
    if not inside:
        return None
    return min(inside, key=lambda t: (abs(t.start - trig_at), t.start))


def _clause_quantity(quantities: list, c_start: int, c_end: int, count: Quantity | None):  # type: ignore[no-untyped-def]
    for q in quantities:
        if c_start <= q.start < c_end:
            if count is not None and q.quantity.text in count.text:
                continue
            if count is not None and q.quantity.low == count.low and q.quantity.unit:
                continue
            return q.quantity
    return None


def _previous_timed(claims: list[Claim], sentence_index: int) -> Claim | None:
    for c in reversed(claims):
        if c.index < sentence_index and c.time is not None and c.time.resolved:
            return c
    return None


def _attribution(
    sent: Sentence, tokens: Sequence[Token], mentions: list[Mention], lexicon: Lexicon
) -> str | None:
    """Who the sentence is attributed to: "according to X", "X said", "told X", "said X"."""
    m = _ACCORDING.search(sent.text)
    if m:
        for men in mentions:
            if men.kind == "proper" and tokens[men.start].start >= m.end():
                return display(men.text)
    for men in mentions:
        if men.kind != "proper":
            continue
        nxt = tokens[men.end].lemma if men.end < len(tokens) else ""
        prev = tokens[men.start - 1].lemma if men.start > 0 else ""
        if nxt in lexicon.said_verbs or prev in {"say", "tell"}:
            return display(men.text)
    return None


__all__ = ["Draft", "dated", "extract", "extract_with_names"]
