"""Direct quotes and who they are given to.

“..., ” Okafor said. / Okafor said: “...” / “...,” said Mei Lorne. / “...,” he added.

Each quote becomes a claim with the event ``said``: the entity is the speaker (a pronoun
is the last speaker or name before it), the object is the quote itself. The attribution
rule compares the speakers of the same quote across outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from consistency.extract.names import display
from consistency.extract.text import Sentence
from consistency.models import Claim, Document, Tense

# Past forms English does not make with -ed.
_IRREGULAR = {"say": "said", "tell": "told", "write": "wrote", "speak": "spoke"}
# "J. Smith"; not the end of an acronym ("by the PHPB. Kerrigan said").
_CAP = r"(?:(?<![A-Za-z.])[A-Z]\.(?=\s[A-Z])|[A-Z][\w’'-]*)"
_NAME = rf"{_CAP}(?:\s+{_CAP}|\s+(?:of|de|van|von|al)\s+{_CAP})*"
_TITLE = r"(?:[a-z][\w-]*\s+){0,3}"
# "Dmitri Nakashima, chief executive of X, said"
_APPOSITIVE = r"(?:,[^,“”\".\n]{3,80},)?"
_PRONOUN = r"he|she|they|He|She|They"
_QUOTE = r"[“\"](?P<q>[^“”\"]{12,}?)[,.]?[”\"]"


@dataclass(frozen=True)
class _Patterns:
    verbs: str
    after: re.Pattern[str]
    before: re.Pattern[str]


def _forms(lemma: str) -> list[str]:
    """ "say" -> said, says, saying, say; "state" -> stated, states, stating, state."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    past = _IRREGULAR.get(lemma, lemma + "d" if lemma.endswith("e") else lemma + "ed")
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    return [past, third, stem + "ing", lemma]


@lru_cache(maxsize=8)
def _patterns(said_verbs: frozenset[str]) -> _Patterns:
    """The quote patterns for the lexicon's speech verbs (``said_verbs``)."""
    forms = sorted({f for v in said_verbs for f in _forms(v)}, key=lambda f: (-len(f), f))
    verbs = "|".join(re.escape(f) for f in forms)
    after = re.compile(
        _QUOTE
        # The speaker follows on the same line: never across a paragraph break.
        + rf"[ \t]*,?[ \t]*(?:(?P<who1>{_NAME}|{_PRONOUN}){_APPOSITIVE}[ \t]+(?:{verbs})\b"
        + rf"|(?:{verbs})[ \t]+{_TITLE}(?P<who2>{_NAME}))"
    )
    before = re.compile(
        rf"(?P<who>{_NAME}|{_PRONOUN})(?:,[^,“”\".]{{3,80}},)?\s+(?:{verbs})\s*[:,]?\s*" + _QUOTE
    )
    return _Patterns(verbs, after, before)


# A quote that goes on in the next paragraph or sentence after "X said. “...”".
_CONTINUED = re.compile(r"\s*[“\"](?P<q>[^“”\"]{12,}?)[,.]?[”\"]")
_ANY_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


_SENTENCE_STARTS = frozenset(
    "The A An In On At It He She They We I This That But And However Despite While".split()
)


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    start: int  # offset of the quote in the document text
    end: int


def normalize_quote(text: str) -> str:
    """A quote as compared: lower case, letters and digits, single spaces."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))


def find_quotes(text: str, said_verbs: frozenset[str] | None = None) -> list[Quote]:
    """Direct quotes and their speakers; ``said_verbs`` are the lexicon's speech verbs."""
    if said_verbs is None:
        from consistency.extract.lexicon import default

        said_verbs = default().said_verbs
    pat = _patterns(said_verbs)
    found: dict[int, Quote] = {}
    last: str | None = None
    events: list[tuple[int, int, int, str, str]] = []
    # "X said: “...”" is the surest form: it goes first for a quote found both ways.
    for m in pat.before.finditer(text):
        events.append((m.start("q"), 0, m.end("q"), m.group("q"), m.group("who")))
    for m in pat.after.finditer(text):
        who = m.group("who1") or m.group("who2")
        events.append((m.start("q"), 1, m.end("q"), m.group("q"), who))
    prev_end = 0
    for start, _, end, q, who in sorted(events):
        if start in found:
            continue
        if who.lower() in {"he", "she", "they"}:
            # "he added" is the last speaker only when nobody else was named since.
            between = text[prev_end:start]
            others = {n for n in _ANY_NAME.findall(between) if last and n not in last.split()}
            others -= _SENTENCE_STARTS
            if last is None or others:
                continue
            who = last
        else:
            who = display(who)
            last = who
        found[start] = Quote(q.strip(), who, start, end)
        prev_end = end
    # “A,” Ng said. “B.” — the second quote is Ng's too.
    for quote in list(found.values()):
        tail = text[quote.end : quote.end + 300]
        after_said = re.match(
            rf"[,.]?[”\"]\s*,?\s*(?:{_NAME}|{_PRONOUN})?\s*(?:{pat.verbs})?[^“\"\n]*?\.\s*",
            tail,
        )
        if after_said:
            cont = _CONTINUED.match(text, quote.end + after_said.end())
            if cont and cont.start("q") not in found:
                found[cont.start("q")] = Quote(
                    cont.group("q").strip(), quote.speaker, cont.start("q"), cont.end("q")
                )
    return [found[k] for k in sorted(found)]


def quote_claims(
    doc: Document,
    sentences: list[Sentence],
    first_id: int,
    said_verbs: frozenset[str] | None = None,
) -> list[Claim]:
    """One ``said`` claim per direct quote of the document (its confidence not yet
    weighed by the document's)."""
    out: list[Claim] = []
    for q in find_quotes(doc.text, said_verbs):
        sent = next((s for s in sentences if s.start <= q.end <= s.end + 2), None)
        if sent is None:
            continue
        out.append(
            Claim(
                id=f"{doc.id}#{first_id + len(out)}",
                document=doc.id,
                sentence=sent.text,
                span=(sent.start, sent.end),
                entity=q.speaker,
                event="said",
                object=q.text,
                attributed_to=q.speaker,
                tense=Tense.PAST,
                trigger="said",
                mention=q.speaker,
                index=sent.index,
                confidence=0.9,  # weighed by the document's when dated (extract.dated)
            )
        )
    return out
