"""The clauses of a sentence, and the verb forms that tell where they start.

A claim takes only its own clause's time, figures and qualifiers, so the triggers, subjects
and qualifiers of :mod:`consistency.extract.events` all read a sentence clause by clause:
relative clauses and contrast conjunctions open a new clause, a comma closes an aside, and
a verb phrase joined by "and" is a clause of its own sharing the subject before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from consistency.extract.lexicon import Lexicon
from consistency.extract.names import AUX, RELATIVE
from consistency.extract.text import Token

# Words that open a new clause: a claim takes only its own clause's time, figures and
# qualifiers ("... became the first to obtain permits under a scheme that began on
# March 3": March 3 belongs to the scheme, not to the permits).
CLAUSE_OPENERS = frozenset(
    "which who whom whose that while whereas although though but because unless whether if".split()
)


CLAUSE_PUNCT = frozenset({";", ":", "—", "–"})


_NEW_SUBJECT = frozenset("it he she they we i the a an this its his her their".split())


IRREGULAR_PAST = frozenset(
    """became began came drew got gave went held made took won told said saw brought bought
    sold paid led left lost met put ran set sent spent stood struck thought wrote rose fell
    shut cut hit quit laid sought fought caught taught built kept heard found""".split()
)


ADVERBS_BEFORE_VERB = frozenset(
    """also already just recently reportedly allegedly officially finally first then later
    previously formally quietly initially eventually subsequently since still once again
    successfully jointly separately publicly now currently today each both all reportedly
    yet""".split()
)


GERUND_OPENERS = frozenset({"since", "after", "before", "while", "upon", "when", "on"})

# Phrases that deny the verb after them: "has yet to approve", "stopped short of banning".
NEGATING_PHRASES = ("yet to", "short of", "refrained from", "no longer", "stopped short")


def split_clauses(tokens: Sequence[Token], lexicon: Lexicon) -> tuple[list[int], dict[int, int]]:
    """The clause number of each token, and the clause each coordinated one shares a subject with.

    A relative clause set off by commas ("The festival, which drew 4,500 people, ended on
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
    while k < len(tokens) and tokens[k].lower in ADVERBS_BEFORE_VERB:
        k += 1
    return k < len(tokens) and _verb_like(tokens[k], lexicon)


def _verb_like(t: Token, lexicon: Lexicon) -> bool:
    low = t.lower
    if not t.text.isalpha() or not t.text[:1].islower():
        return False
    return (
        low in AUX
        or low.endswith("ed")
        or low in IRREGULAR_PAST
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


def participle(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PAST or word.endswith("en")


def verb_phrase_start(tokens: Sequence[Token], i: int) -> int:
    k = i
    while k - 1 >= 0 and (
        tokens[k - 1].lower in AUX
        or tokens[k - 1].lower in ADVERBS_BEFORE_VERB
        or tokens[k - 1].lower in {"not", "n't", "never"}
    ):
        k -= 1
    return k


def appositive(tokens: Sequence[Token], vp_start: int, clause_of: list[int]) -> set[int]:
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
