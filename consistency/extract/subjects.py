"""The entity an event is told of: the subject of its trigger or, for events that
happen to someone, its patient.

The subject is the nearest name to the trigger's left in its clause, the antecedent of a
relative pronoun, a possessive for a noun, the agent of a passive, or the subject of the
clause a coordinated verb shares; a group ("Quillon and Marrowby") gives all its members.
"""

from __future__ import annotations

from collections.abc import Sequence

from consistency.extract.clauses import ADVERBS_BEFORE_VERB, GERUND_OPENERS, verb_phrase_start
from consistency.extract.lexicon import Lexicon
from consistency.extract.names import (
    AUX,
    DETERMINERS,
    PREPOSITIONS,
    RELATIVE,
    Mention,
    thing_mention,
)
from consistency.extract.text import Token
from consistency.extract.triggers import Trigger

_SUBORDINATORS = frozenset({"since", "before", "after", "until", "once", "as"})


def find_subject(
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
    """The subject of a trigger in its own clause (see :func:`find_subject`)."""
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
        return _antecedent(tokens, first_tok, mentions, lexicon)
    if trig.kind == "noun":
        return _noun_subject(tokens, trig, mentions, by_agent)
    if by_agent is not None and role == "agent":
        return [by_agent]
    candidates = [m for m in mentions if m.end <= trig.index and clause_of[m.start] == clause]
    vp_start = verb_phrase_start(tokens, trig.index)
    if _gerund_clause(tokens, trig):
        main = _main_clause_subject(tokens, trig, mentions)
        if main is not None:
            return main
    for m in reversed(candidates):
        if m.kind == "pronoun":
            return [m] if m.end == vp_start else None
        # A name right before its verb is its subject even after "since"/"before"/"after".
        subordinate = (
            m.start > 0 and m.end == vp_start and tokens[m.start - 1].lower in _SUBORDINATORS
        ) or (m.end == trig.index and tokens[trig.index].lower.endswith("ing"))
        # ("talk of Varrow easing the curfew": the name before a gerund is its subject)
        if _after_preposition(tokens, m.start) and not subordinate:
            continue
        if _possessor(tokens, m):
            continue  # "Varrow's new permit scheme": the possessor is not the subject.
        return _group(tokens, m, mentions, check_preposition=not subordinate)
    thing = thing_mention(tokens, verb_phrase_start(tokens, trig.index), lexicon)
    return [thing] if thing is not None and clause_of[thing.start] == clause else None


def _possessor(tokens: Sequence[Token], m: Mention) -> bool:
    """Is the name followed by a possessive "'s"?"""
    return m.end < len(tokens) and tokens[m.end].lower in {"'s", "’s"}


def _antecedent(
    tokens: Sequence[Token], first_tok: int, mentions: list[Mention], lexicon: Lexicon
) -> list[Mention] | None:
    """The subject of a relative clause: the name or thing the relative pronoun at
    ``first_tok`` follows."""
    antecedent = _mention_ending_at(tokens, first_tok, mentions)
    if antecedent is None:
        thing = thing_mention(tokens, first_tok, lexicon)
        return [thing] if thing else None
    return _group(tokens, antecedent, mentions, check_preposition=False)


def _noun_subject(
    tokens: Sequence[Token], trig: Trigger, mentions: list[Mention], by_agent: Mention | None
) -> list[Mention] | None:
    """The subject of an event noun: "China's ban", "the ban by China"."""
    for m in mentions:
        if m.kind == "proper" and trig.index - 4 <= m.end <= trig.index and _possessor(tokens, m):
            return [m]
    return [by_agent] if by_agent is not None else None


def _main_clause_subject(
    tokens: Sequence[Token], trig: Trigger, mentions: list[Mention]
) -> list[Mention] | None:
    """ "Since buying Saltwick Labs last month, Highdale has said little", "Since being fined
    by the Board, Glenwood has ...": the subject is the main clause's, after a comma."""
    for comma in (k for k in range(trig.index, len(tokens)) if tokens[k].text == ","):
        k = comma + 1
        while k < len(tokens) and tokens[k].lower in {"the", "a", "an"}:
            k += 1
        after = [m for m in mentions if m.start == k and m.kind == "proper"]
        if after:
            return [after[0]]
    return None


def _after_preposition(tokens: Sequence[Token], start: int) -> bool:
    """Is the name at ``start`` the object of a preposition ("with the Lower Fenn Basin",
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


def find_patient(
    tokens: Sequence[Token], trig: Trigger, mentions: list[Mention], lexicon: Lexicon
) -> Mention | None:
    """For events that happen to someone, the active voice's object is the entity.

    "The CWA fined Tidewell Energy" is about Tidewell Energy; "the regulator granted Beta a
    licence" is Beta's licence. The passive ("Tidewell was fined") keeps its subject.
    """
    event = lexicon.events[trig.event]
    if event.role == "agent" and trig.kind == "phrase" and trig.end > trig.index:
        # "a new route still awaits approval from the Water Board": the Board is the actor.
        found = _agent_from(tokens, trig, mentions)
        if found is not None:
            return found
    if (
        trig.kind == "phrase"
        and trig.end > trig.index
        and tokens[trig.end].lower in (lexicon.entity_after)
    ):
        k = _after_words(tokens, trig.end + 1, {"the", "a", "an"})
        return _name_at(mentions, k)
    if trig.kind == "verb" and tokens[trig.index].lemma in event.object_verbs:
        k = _after_words(tokens, trig.index + 1, {"the", "a", "an", "this", "last", "its"})
        return _name_at(mentions, k)
    if event.role != "patient":
        return None
    return _patient_of(tokens, trig, mentions)


def _patient_of(tokens: Sequence[Token], trig: Trigger, mentions: list[Mention]) -> Mention | None:
    """The patient of an event that happens to someone (role "patient"): the name it is
    done "to" or "on", the active verb's object, or the owner of the phrase's object."""
    if trig.kind == "phrase":
        # "awarded an operating licence to Ferncrest Mobility", "a licence was granted to X",
        # "imposed a penalty on Bluewind Power"
        k = max(trig.end, trig.index) + 1
        if k < len(tokens) and tokens[k].lower in {"to", "on"}:
            found = _name_at(mentions, k + 1)
            if found is not None:
                return found
    before = tokens[trig.index - 1].lower if trig.index > 0 else ""
    if before in {"was", "were", "been", "be", "being", "is", "are", "get", "got"} and not (
        trig.kind == "phrase" and trig.end < trig.index
    ):
        return None
    found = _name_at(mentions, _after_words(tokens, trig.index + 1, {"the", "a", "an"}))
    if found is not None:
        return found
    # The owner of the object: "revoked Tidewell Energy's licence", "Acme's licence was revoked".
    if trig.kind == "phrase" and trig.end != trig.index:
        obj = trig.end
        for m in mentions:
            if m.kind == "proper" and m.end < len(tokens) and tokens[m.end].lower in {"'s", "’s"}:
                if obj - 4 <= m.end < obj:
                    return m
    return None


def _agent_from(tokens: Sequence[Token], trig: Trigger, mentions: list[Mention]) -> Mention | None:
    """The name after "from" that follows a phrase trigger's object ("approval from X")."""
    k = trig.end + 1
    if k < len(tokens) and tokens[k].lower == "from":
        return _name_at(mentions, _after_words(tokens, k + 1, {"the", "a", "an"}))
    return None


def _after_words(tokens: Sequence[Token], k: int, words: set[str]) -> int:
    """The first token index from ``k`` on that is not one of ``words``."""
    while k < len(tokens) and tokens[k].lower in words:
        k += 1
    return k


def _name_at(mentions: list[Mention], k: int) -> Mention | None:
    """The proper name starting at token ``k``."""
    return next((m for m in mentions if m.start == k and m.kind == "proper"), None)


def pronoun_antecedent(
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
    return k > 0 and tokens[k - 1].lower in GERUND_OPENERS


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
        t.lower in AUX or t.lower in ADVERBS_BEFORE_VERB or t.lower in {"not", "n't", "never"}
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
                break  # "In Varrow, Quillon and Marrowby": the intro phrase is not a member
            group.insert(0, prev)
            k = prev.start
        else:
            break
    if check_preposition and _after_preposition(tokens, group[0].start):
        return None
    if len(group) == 1 and last.kind != "proper":
        return [last]
    return group
