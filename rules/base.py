"""The rule framework: a rule evaluates claims and yields findings; nothing else.

A rule is one class in one module, named ``Rule_<CODE>`` (sqlfluff style): the code is read
from the class name, ``name`` says what it checks in dotted lowercase, ``kind`` is the
finding kind of the JSON contract, ``groups`` lets users pick sets of rules. The class
docstring is the documentation: a summary line, why it matters, then a contradiction and
a consistent pair. Rules do no I/O and print nothing; the framework attaches the code, and
stamps each finding with its stable fingerprint (:mod:`consistency.fingerprints`: from rule,
fact, values and the cited articles' URLs or text, never from paths or positions).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, ClassVar

from consistency.extract.lexicon import Lexicon, lemma
from consistency.fingerprints import identity
from consistency.models import (
    Anchor,
    Cited,
    Claim,
    DateSource,
    Document,
    FactKey,
    Finding,
    Kind,
    Severity,
)


@dataclass
class Context:
    """What a rule sees: documents, claims, and the groups of claims that share entity and
    event (the facts the graph links by ``same_fact``)."""

    documents: dict[str, Document]
    claims: list[Claim]
    groups: dict[tuple[str, str], list[Claim]]  # (entity, event) -> claims, text order
    facts: dict[FactKey, list[Claim]] = field(default_factory=dict)  # value claims by fact key
    by_document: dict[str, list[Claim]] = field(default_factory=dict)
    lexicon: Lexicon | None = None  # the event lexicon of the run (opposites, qualifiers)
    #: Documents of the whole corpus with an asserted, unhedged lexicon claim, when the
    #: rules see only part of it (an incremental check); 0: the documents seen are all.
    corpus_documents: int = 0

    def facts_of(self, kind: str, unit: str | None = None) -> dict[FactKey, list[Claim]]:
        """The facts of one kind of claim (and unit), in key order."""
        return {
            k: cs
            for k, cs in sorted(self.facts.items())
            if k.kind == kind and (unit is None or k.unit == unit)
        }

    def doc(self, claim: Claim) -> Document:
        return self.documents[claim.document]

    def source(self, claim: Claim) -> str:
        """The outlet or file name of a claim's document, for messages."""
        d = self.doc(claim)
        return d.outlet or d.name


class Rule:
    """Base class of all rules."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    kind: ClassVar[str] = "other"
    severity: ClassVar[str] = "high"
    groups: ClassVar[tuple[str, ...]] = ("all", "core")
    #: True for rules that compare any values by fact key (NU02, DT02): when a more specific
    #: rule reports the same sentences, its finding leads and theirs is merged into it.
    by_fact_key: ClassVar[bool] = False
    #: Options and their defaults; set in ``[tool.consistency.rules_options.<CODE>]``.
    defaults: ClassVar[dict[str, Any]] = {}
    #: The kinds its findings take when they are not all ``kind`` (IN01: a date or a number).
    finding_kinds: ClassVar[tuple[str, ...]] = ()
    #: Sentences (each "Source: text") that the rule flags together, for ``consistency rules``.
    example: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__name__.startswith("Rule_"):
            cls.code = cls.__name__[len("Rule_") :]
        # A kind or severity outside the contract fails when the rule is defined (a plugin:
        # when it loads, reported and skipped), not in a report.
        for value, words in ((cls.kind, Kind), (cls.severity, Severity)):
            words(value)
        for kind in cls.finding_kinds:
            Kind(kind)

    def __init__(self, **options: Any) -> None:
        unknown = set(options) - set(self.defaults)
        if unknown:
            from consistency.errors import ConfigError

            raise ConfigError(f"rule {self.code}: unknown option(s) {', '.join(sorted(unknown))}")
        for key, value in options.items():
            default = self.defaults[key]
            ok = isinstance(value, type(default)) or (
                isinstance(default, float) and isinstance(value, int)
            )
            if isinstance(default, (int, float)) and isinstance(value, bool):
                ok = False
            if not ok:
                from consistency.errors import ConfigError

                raise ConfigError(
                    f"rule {self.code}: option {key} must be {type(default).__name__},"
                    f" not {value!r}"
                )
        self.options = {**self.defaults, **options}

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""

    @classmethod
    def documentation(cls) -> str:
        """The docstring as Markdown: summary, why it matters, the contradiction and the
        consistent pair."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def description(cls) -> str:
        """The paragraph after the summary line (why it matters), on one line; the summary
        when there is none."""
        paragraphs = [p for p in cls.documentation().split("\n\n")[1:] if p.strip()]
        if paragraphs and not paragraphs[0].lstrip().startswith(("**", "-")):
            return " ".join(paragraphs[0].split())
        return cls.summary()

    @classmethod
    def describe(cls) -> dict[str, Any]:
        """The rule as data (``consistency rules --format json``): code, name, kind,
        severity, groups, what it checks, why, its options with their defaults, an example."""
        return {
            "code": cls.code,
            "name": cls.name,
            "kind": cls.kind,
            "finding_kinds": list(cls.finding_kinds or (cls.kind,)),
            "severity": cls.severity,
            "groups": list(cls.groups),
            "checks": cls.summary(),
            "description": cls.description(),
            "options": dict(cls.defaults),
            "example": list(cls.example),
        }

    def evaluate(self, ctx: Context) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(
        self,
        *,
        entity: str,
        event: str,
        message: str,
        cited: Sequence[Cited],
        confidence: float,
        severity: str | None = None,
        reconcile: Sequence[str] = (),
        kind: str | None = None,
    ) -> Finding:
        # The fingerprint is stamped by the framework, which knows the documents' identities.
        return Finding(
            rule=self.code,
            kind=Kind(kind or self.kind),
            severity=Severity(severity or self.severity),
            confidence=round(max(0.0, min(1.0, confidence)), 3),
            entity=entity,
            event=event,
            message=message,
            cited=tuple(cited),
            reconcile=tuple(dict.fromkeys(reconcile)),
        )


# --- helpers shared by rules -----------------------------------------------------------


def usable(c: Claim) -> bool:
    """A claim a rule may hold against another: asserted, not negated."""
    return not c.negated


def per_document(claims: Iterable[Claim]) -> dict[str, Claim]:
    """One claim per document: the most precise one (narrowest time, then first told)."""
    best: dict[str, Claim] = {}
    for c in claims:
        cur = best.get(c.document)
        if cur is None or _precision(c) < _precision(cur):
            best[c.document] = c
    return best


def _precision(c: Claim) -> tuple[int, int]:
    if c.time is not None and c.time.start and c.time.end:
        return ((c.time.end - c.time.start).days, c.index)
    return (10**9, c.index)


# Past this many documents telling one fact, rules compare one document per distinct value
# (with the count of the others) instead of every pair of documents.
LARGE = 30


def representatives(
    by_doc: dict[str, Claim], value: Any, ctx: Context | None = None
) -> tuple[dict[str, Claim], dict[str, int]]:
    """One claim per distinct ``value(claim)`` when many documents tell the same fact.

    Returns the documents to compare and, per kept document, how many documents gave the
    same value. With 2,000 outlets and six distinct dates that is 15 comparisons, not two
    million. Given ``ctx``, the document kept for a value is the first by identity (URL or
    text), so the finding and its fingerprint do not change when files are renamed.
    """
    if len(by_doc) <= LARGE:
        return by_doc, {d: 1 for d in by_doc}
    first: dict[Any, str] = {}
    counts: dict[str, int] = {}
    for d in by_identity(by_doc, ctx):
        v = value(by_doc[d])
        if v not in first:
            first[v] = d
        counts[first[v]] = counts.get(first[v], 0) + 1
    kept = {d: by_doc[d] for d in first.values()}
    return kept, counts


def by_identity(document_ids: Iterable[str], ctx: Context | None) -> list[str]:
    """Document ids ordered by the documents' identities (URL, else text), then by id."""
    if ctx is None:
        return sorted(document_ids)
    return sorted(
        document_ids,
        key=lambda d: (identity(ctx.documents[d]) if d in ctx.documents else "", d),
    )


def and_others(n: int) -> str:
    return f" (and {n - 1} other source{'s' if n > 2 else ''})" if n > 1 else ""


def document_pairs(by_doc: dict[str, Claim]) -> Iterator[tuple[Claim, Claim]]:
    for a, b in combinations(sorted(by_doc), 2):
        yield by_doc[a], by_doc[b]


def time_how(c: Claim, ctx: Context) -> str:
    """How a claim's time was resolved, in words, with where the anchor came from."""
    t = c.time
    if t is None:
        return ""
    if t.note:
        how = t.note
    elif t.anchor_from == Anchor.ABSOLUTE:
        how = f'"{t.text}" is an absolute date'
    elif t.anchor is not None:
        how = f'"{t.text}" read from {t.anchor.isoformat()}'
    else:
        how = f'"{t.text}" could not be anchored'
    doc = ctx.doc(c)
    if t.anchor_from == DateSource.INFERRED:
        # The first reason is enough here; the documents table gives them all. Each begins
        # "inferred from the corpus: ...".
        how += f" (publication date {doc.published_why[0] if doc.published_why else t.anchor_from})"
    elif t.anchor_from and t.anchor_from not in (Anchor.ABSOLUTE, Anchor.SEQUENCE):
        how += f" (publication date from {t.anchor_from})"
    return how


def reconcile_hints(claims: Sequence[Claim], ctx: Context) -> list[str]:
    """What could explain a difference: qualifiers on one side only, inferred dates, hedges."""
    hints: list[str] = []
    # "first" and "only" are what FR01 checks, not a scope that could reconcile two claims.
    all_q = sorted({q for c in claims for q in c.qualifiers} - {"first", "only"})
    for q in all_q:
        have = [c for c in claims if q in c.qualifiers]
        lack = [c for c in claims if q not in c.qualifiers]
        if have and lack:
            hints.append(
                f'"{q}" qualifies the claim in {", ".join(ctx.source(c) for c in have)} only:'
                f" the sources may be speaking of different things (a {q} one and another)"
            )
    heads = {lemma(c.object.split()[-1]) for c in claims if c.object}
    if len(heads) > 1:
        hints.append(
            "the objects differ ("
            + "; ".join(f'{ctx.source(c)}: "{c.object}"' for c in claims if c.object)
            + ")"
        )
    for c in claims:
        d = ctx.doc(c)
        if c.time is not None and c.time.anchor_from == DateSource.INFERRED:
            why = d.published_why[0] if d.published_why else "inferred from the corpus"
            hints.append(
                f"{ctx.source(c)} has no date of its own; its date was inferred"
                f" ({why}), so its relative dates may be off"
            )
        if c.time is not None and c.time.anchor_from == Anchor.SEQUENCE:
            hints.append(
                f'{ctx.source(c)} dates this by its order in the text ("{c.time.text}" after the'
                " event told before it); another reading of the sentence may change the date"
            )
        if c.hedged:
            hints.append(f"{ctx.source(c)} hedges the claim")
        if c.group and len(c.group) > 1:
            hints.append(f"{ctx.source(c)} speaks of a group: {', '.join(c.group)}")
    return hints


_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her"})
# Words a phrase's object may end on that say nothing of which thing it is.
_WEAK = frozenset("million billion into in out down over up off on for".split())


def _object_words(obj: str | None, naming: frozenset[str]) -> set[str]:
    return {
        w
        for w in (obj or "").lower().split()
        if w not in _ARTICLES and w not in _WEAK and lemma(w) not in naming
    }


def same_object(ctx: Context, a: Claim, b: Claim) -> bool:
    """Could two claims of one event be about the same thing?

    "Stonehaven" and "Stonehaven Resources", or one side without an object: yes. "a
    harbour trading licence" and "a desalination licence", or "the Northgate station" and
    "the Eastgate station": no. Words that only name the event ("licence", "workforce")
    are left out of the comparison.
    """
    from consistency.extract import lexicon as lexicon_mod

    lex = ctx.lexicon or lexicon_mod.default()
    naming: frozenset[str] = frozenset()
    for event in {a.event, b.event}:
        ev = lex.events.get(event)
        if ev is not None:
            naming |= frozenset(o for ph in ev.phrases for o in ph.objects) | ev.verbs | ev.nouns
    wa, wb = _object_words(a.object, naming), _object_words(b.object, naming)
    return not wa or not wb or wa <= wb or wb <= wa


def scope_difference(a: Claim, b: Claim) -> tuple[str, ...]:
    """Qualifiers that one claim has and the other lacks ("retail"), but not first/only."""
    return tuple(sorted((set(a.qualifiers) ^ set(b.qualifiers)) - {"first", "only"}))


def cite(c: Claim, value: str, ctx: Context, how: str = "") -> Cited:
    return Cited(claim=c, value=value, how=how or time_how(c, ctx))
