"""Plain data passed between the stages of the data flow.

Every stage is a function over these frozen dataclasses, so any stage can run alone, be
tested alone and be mapped over documents by another engine::

    files -> ingest -> Document -> extract -> Claim -> resolve/graph -> rules -> Finding -> reports

Dates are :class:`datetime.date`; intervals are half-open ``[start, end)``.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import EntryPoint, entry_points
from typing import Any


class _Word(str, enum.Enum):
    """A closed set of words of the JSON contract, each a ``str`` equal to its value: it is
    written (JSON, templates, f-strings), compared and hashed as the bare word ("date"), so
    ``{"date": 1}[Kind.DATE]`` works (Python 3.10 has no StrEnum)."""

    def __str__(self) -> str:
        return str(self.value)

    def __hash__(self) -> int:  # Enum hashes the member's name; a str key needs the value's
        return hash(self.value)


class DateSource(_Word):
    """Where a publication date came from: the values of ``Document.published_from``, most
    trusted first (:data:`consistency.time.published.RANKING` ranks them)."""

    SIDECAR = "sidecar"  # sources.yaml / sources.csv beside the files
    HEADER = "header"  # front matter or a "Date: ..." header line at the top of the file
    META = "meta"  # the format's own date: HTML markup, a JSON field, a feed entry's date
    DATELINE = "dateline"  # a dateline near the top of the text ("Published March 9, 2022")
    INFERRED = "inferred"  # inferred from the other articles (consistency.time.dating)
    NONE = "none"  # no date


#: Where a document's publication date came from, most trusted first.
DATE_SOURCES = tuple(s.value for s in DateSource)


class Anchor(_Word):
    """The values of :attr:`TimeValue.anchor_from` that are no :class:`DateSource`: a time
    read from no publication date (the others name the source of the date it was read
    from)."""

    ABSOLUTE = "absolute"  # a date the words give whole ("March 3, 2031", "in 2031")
    SEQUENCE = "sequence"  # read from the time of the event told before it ("a week later")


class Kind(_Word):
    """What a finding disputes."""

    DATE = "date"
    NUMBER = "number"
    FIRST = "first"
    ORDER = "order"
    STATUS = "status"
    ATTRIBUTION = "attribution"
    ANACHRONISM = "anachronism"
    OTHER = "other"


class Tense(_Word):
    """When a sentence tells its event: the tense of its clause, as extraction reads it.

    Time resolution picks a bare "in March" by it (the last March in a past-tense sentence,
    the next in a future-tense one), and rules read it (an event told as past cannot come
    after the publication date)."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"

    @classmethod
    def of(cls, word: str) -> Tense:
        """The tense a word names: its member; any other word ("conditional") reads as the
        past. What gives a claim, a mention or time resolution a tense goes through here, so
        they all hold a member and read a stray word alike."""
        try:
            return cls(word)
        except ValueError:
            return cls.PAST


class Severity(_Word):
    """How serious a finding is, most serious first."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


#: Finding kinds of the JSON contract, in their order (from Kind).
KINDS = tuple(k.value for k in Kind)

#: Severities, most serious first (from Severity).
SEVERITIES = tuple(s.value for s in Severity)

#: Each severity's rank, the most serious highest (the lowest is 1): --fail-on keeps the
#: findings whose rank is at least its own.
SEVERITY_RANK = {s: len(SEVERITIES) - i for i, s in enumerate(SEVERITIES)}

#: The entry-point groups through which rules and report formats are found: the built-in
#: ones (this package's entry points in pyproject.toml) and third parties' alike.
RULE_GROUP = "consistency.rules"
FORMAT_GROUP = "consistency.formats"
#: The distribution whose entry points are the built-in rules and formats.
DISTRIBUTION = "consistency"


def plugins(group: str) -> list[EntryPoint]:
    """The entry points of ``group``: the built-in ones first, then third parties', each
    by name, so that the same installation always loads them in the same order and a
    built-in wins a name or rule code that a plugin takes too."""
    return sorted(entry_points(group=group), key=lambda ep: (not is_builtin(ep), ep.name))


def is_builtin(ep: EntryPoint) -> bool:
    """An entry point of this package itself."""
    dist = getattr(ep, "dist", None)
    return dist is not None and dist.name == DISTRIBUTION


#: The report formats' names, sorted, read from their entry points without loading a
#: renderer (the command line offers them; consistency.reports loads them). "gitlab" is
#: another name of "codeclimate" (GitLab Code Quality).
FORMAT_NAMES = tuple(sorted({ep.name for ep in plugins(FORMAT_GROUP)}))


@dataclass(frozen=True)
class Removed:
    """A block of page furniture taken out of a document, and why."""

    kind: str  # ticker, teaser, image-caption, ad, share-bar, navigation, boilerplate, ...
    text: str


@dataclass(frozen=True)
class Document:
    """One article, its text separated from the page around it."""

    id: str  # stable: the path relative to the input root, posix style
    path: str
    name: str  # file name
    text: str  # the article text: paragraphs separated by blank lines, furniture removed
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str = "none"  # one of DATE_SOURCES
    #: What the publication date was read from, or why it was inferred, most telling
    #: first: ('dateline "March 9, 2022, 7:41 PM"',); see :attr:`published_note`.
    published_why: tuple[str, ...] = ()
    format: str = "txt"  # txt, md, html, json, jsonl, rss, ...
    removed: tuple[Removed, ...] = ()
    notes: tuple[str, ...] = ()  # anything an editor should know (a capture date, ...)
    confidence: float = 1.0  # how sure we are of the publication date (inferred < 1)
    title_from: str = ""  # where the title was read: header, front matter, page metadata, ...
    outlet_from: str = ""  # where the outlet was read: sidecar, header, page site name, ...
    #: Where the text sits in the file: (text offset, line, column) entries, kept by ingest
    #: and read by consistency.reading.positions; empty for a document built by hand.
    positions: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)

    @property
    def published_note(self) -> str:
        """The reasons for the publication date in one line, as the reports write them: the
        only place they are joined (a reason may hold "; " itself, so the line is never
        split back; whoever needs one reason takes it from :attr:`published_why`)."""
        return "; ".join(self.published_why)


@dataclass(frozen=True)
class Skipped:
    """Something that could not be checked: an input (a file, an article of a feed, a
    sidecar) or, with ``kind="rule"``, a rule that failed to load or to run."""

    path: str
    reason: str
    kind: str = "input"  # "input" or "rule"


class Granularity(_Word):
    """How precise a resolved time is: the size of the period its words name ("range" for
    a span of another size, "unknown" for words that are not a time).

    A member is its string everywhere a string is read: it compares, hashes, prints,
    formats and reprs as "day", and JSON writes "day". It lives here, below the time
    expressions that give it (:mod:`consistency.time.meaning` and
    :mod:`consistency.time.resolution`), because :class:`TimeValue` is typed with it.
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    RANGE = "range"
    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return str.__repr__(self)


@dataclass(frozen=True)
class TimeValue:
    """A time expression resolved to an interval ``[start, end)`` with a granularity.

    ``start``/``end`` are None when the expression could not be anchored (a relative
    expression in an undated document): it is kept and shown as unresolved.
    """

    text: str
    start: date | None
    end: date | None
    granularity: Granularity
    anchor: date | None = None
    anchor_from: str | None = None  # an Anchor, or the DateSource of the date it was read from
    note: str = ""  # how it was resolved, for the report

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None

    def disjoint(self, other: TimeValue) -> bool:
        if not (self.resolved and other.resolved):
            return False
        assert self.start and self.end and other.start and other.end
        return self.end <= other.start or other.end <= self.start

    def before(self, other: TimeValue) -> bool:
        """Entirely before ``other`` (no overlap)."""
        if not (self.resolved and other.resolved):
            return False
        assert self.end and other.start
        return self.end <= other.start

    def label(self) -> str:
        """A short human form: 2022-11, 2023-08-02, 2021, 2023-Q2, ..."""
        if not self.resolved:
            return f'"{self.text}" (unresolved)'
        assert self.start and self.end
        s = self.start
        if self.granularity == Granularity.DAY:
            return s.isoformat()
        if self.granularity == Granularity.MONTH:
            return f"{s.year:04d}-{s.month:02d}"
        if self.granularity == Granularity.YEAR:
            return f"{s.year:04d}"
        if self.granularity == Granularity.QUARTER:
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        last = date.fromordinal(self.end.toordinal() - 1)
        return f"{s.isoformat()}..{last.isoformat()}"

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "granularity": self.granularity,
            "anchor": self.anchor.isoformat() if self.anchor else None,
            "anchor_from": self.anchor_from,
        }


@dataclass(frozen=True)
class Quantity:
    """A number as an interval ``[low, high]`` with its unit ("at least 10" is [10, inf))."""

    text: str
    low: float
    high: float  # math.inf when unbounded
    unit: str | None = None  # normalised: "USD", "people", "companies", "%", ...
    approx: bool = False  # "about", "nearly", "some", or a round figure
    value: float | None = None  # the figure as written, before bounds and rounding

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high

    def label(self) -> str:
        def fmt(x: float) -> str:
            if math.isinf(x):
                return "inf"
            return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"

        unit = f" {self.unit}" if self.unit else ""
        v = self.value
        if self.low == self.high or v is None:
            if self.low == self.high:
                return f"{fmt(self.low)}{unit}"
            return f"{fmt(self.low)} to {fmt(self.high)}{unit}"
        if self.approx:
            lead = self.text.lower().split()[0] if self.text else ""
            word = lead if lead in {"nearly", "almost", "around", "roughly", "some"} else "about"
            return f"{word} {fmt(v)}{unit}"
        if math.isinf(self.high):
            return (
                f"more than {fmt(v)}{unit}"
                if self.low == v and "than" in self.text.lower()
                else f"at least {fmt(v)}{unit}"
            )
        if self.low == 0:
            return f"up to {fmt(v)}{unit}"
        return f"{fmt(v)}{unit}"  # a round figure: compared with a rounding margin

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "low": self.low,
            "high": None if math.isinf(self.high) else self.high,
            "unit": self.unit,
        }


@dataclass(frozen=True, order=True)
class FactKey:
    """Which fact a value states: claims are compared only within one key."""

    kind: str  # "number" or "date"
    unit: str  # USD, EUR, %, count, time
    measure: str
    role: str
    place: str  # the named place the value is counted in, or ""
    modality: str = "actual"

    def label(self) -> str:
        """The fact in words: 'death passenger (count)', 'leave Portmore (date)', 'largest
        defeat (record)'."""
        what = " ".join(w for w in (self.role, self.measure) if w) or "value"
        parts = [what, f"({'date' if self.kind == 'date' else self.unit})"]
        if self.place:
            parts.append(f"in {self.place}")
        if self.modality != "actual":
            parts.append(f"({self.modality})")
        return " ".join(parts)


@dataclass(frozen=True, order=True)
class Thing:
    """A claim's subject that is a thing, not a proper name: "the new parking scheme".

    Extraction sets it on the claim (:attr:`Claim.thing`), whose ``entity`` then holds the
    words as written, like a name's before resolution. Entity resolution
    (:mod:`consistency.linking.resolve`) names the claim's entity from it: the things of
    every outlet with one head noun are one entity, named by the label the corpus gives
    that head most often ("parking scheme"). It is a field of its own, not a form of the
    ``entity`` string, so that no stage parses the entity and a thing is never taken for a
    proper name (nor a name for a thing). Rules and reports read the resolved ``entity``
    only: a plain name like any other.
    """

    head: str  # the head noun's lemma: "scheme"
    text: str  # the noun phrase as written: "new parking scheme"


@dataclass(frozen=True)
class Claim:
    """One assertion of one source: entity, event, object, time, quantity, qualifiers."""

    id: str
    document: str  # Document.id
    sentence: str  # the exact sentence of the source text
    span: tuple[int, int]  # character span of the sentence in Document.text
    entity: str  # canonical entity name (after resolution; before, the name or thing as written)
    event: str  # canonical event type from the lexicon
    object: str | None = None
    time: TimeValue | None = None
    quantity: Quantity | None = None
    qualifiers: tuple[str, ...] = ()
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    tense: Tense = Tense.PAST
    trigger: str = ""  # the words that named the event
    mention: str = ""  # the entity as written in the sentence
    group: tuple[str, ...] = ()  # all members when the subject was a group ("Quillon and Marrowby")
    count: Quantity | None = None  # a group size: "the first two lenders", "one of two"
    index: int = 0  # sentence number in the document, for order and internal rules
    confidence: float = 1.0
    after: str | None = None  # claim id this one is told as following ("followed", "then")
    key: FactKey | None = None  # the fact a value claim states (consistency.extract.facts)
    why: str = ""  # how the fact key was read from the parse
    # The subject when it is a thing (see Thing): set by extraction, kept by resolution,
    # which names ``entity`` from it.
    thing: Thing | None = None

    def __post_init__(self) -> None:
        # A plugin or an older caller may give the tense as a word: the claim holds its
        # member (Tense.of), which the store writes and resolution reads as extraction's.
        if type(self.tense) is not Tense:
            object.__setattr__(self, "tense", Tense.of(self.tense))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "sentence": self.sentence,
            "span": list(self.span),
            "entity": self.entity,
            "event": self.event,
            "object": self.object,
            "time": self.time.to_json() if self.time else None,
            "quantity": self.quantity.to_json() if self.quantity else None,
            "qualifiers": list(self.qualifiers),
            "negated": self.negated,
            "hedged": self.hedged,
            "attributed_to": self.attributed_to,
            "fact": self.key.label() if self.key else None,
        }


#: The entity of a claim that names no owner ("the toll rose to 12"): the story as a whole.
#: Part of the JSON output (a claim's or a finding's "entity"), so its words never change.
STORY = "(story)"


def owners_agree(a: Claim, b: Claim) -> bool:
    """Whose value it is, compared leniently: a claim that names no owner agrees with any."""
    return a.entity == b.entity or STORY in (a.entity, b.entity)


@dataclass(frozen=True)
class Cited:
    """A claim as cited by a finding, with the value the rule compared."""

    claim: Claim
    value: str  # the resolved value in words: "2022-11", "13,000 people", "first (retail)"
    how: str = ""  # how the value was resolved: 'last November' read from 2024-03-11 (dateline)


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on claims from different sources (or one source against itself)."""

    rule: str  # rule code, e.g. DT01
    # A Kind and a Severity (__post_init__ makes them so from their words); typed as the str
    # they are, so code that counts or looks them up by plain words type-checks.
    kind: str
    severity: str
    confidence: float
    entity: str
    event: str
    message: str
    cited: tuple[Cited, ...]
    reconcile: tuple[str, ...] = ()  # what could explain the difference
    fingerprint: str = ""  # stable id: rule, fact, values, cited articles (fingerprints.py)
    also: tuple[str, ...] = ()  # "RULE:kind" of other rules' findings merged into this one

    def __post_init__(self) -> None:
        # Whatever builds a finding (a rule, a plugin, a test) gives a kind and a severity of
        # the contract: a word outside it raises ValueError here, not in a report.
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "severity", Severity(self.severity))

    @property
    def kinds(self) -> tuple[str, ...]:
        """Every kind this disputed fact shows, its own first."""
        return tuple(dict.fromkeys([self.kind, *(a.split(":", 1)[1] for a in self.also)]))

    @property
    def id(self) -> str:
        return self.fingerprint


@dataclass(frozen=True)
class Acceptance:
    """A finding the desk accepts: it is reported but does not fail the run.

    Read from the accepted list (``.consistency/accepted.yaml``, see
    :mod:`consistency.accepted`) or, with ``source="baseline"``, from a previous report.
    """

    fingerprint: str
    reason: str
    until: date | None = None  # accepted through this day; None: with no end
    rule: str = ""
    summary: str = ""  # the finding in one line, as it was when accepted
    documents: tuple[str, ...] = ()  # identities of the articles it cited (fingerprints.py)
    source: str = "accepted"  # "accepted" (the accepted list) or "baseline"


@dataclass(frozen=True)
class Review:
    """How a run's findings stand against ``--fail-on``, the accepted list and a baseline.

    ``accepted`` holds the entries in force by fingerprint; ``failing`` the fingerprints that
    fail the run; a finding in neither is below the ``fail_on`` severity. ``stale`` are
    entries of the accepted list whose finding no longer appears in a run over the same
    inputs, ``expired`` entries past their ``until``; ``baseline`` the fingerprints of the
    baseline report (None without one) and ``absent`` its findings this run no longer has.
    """

    fail_on: str = "low"
    accepted: dict[str, Acceptance] = field(default_factory=dict)
    failing: frozenset[str] = frozenset()
    stale: tuple[Acceptance, ...] = ()
    expired: tuple[Acceptance, ...] = ()
    baseline: frozenset[str] | None = None
    absent: tuple[Acceptance, ...] = ()


@dataclass
class Result:
    """What :func:`consistency.check` returns."""

    documents: list[Document]
    claims_list: list[Claim]
    findings_list: list[Finding]
    skipped: list[Skipped] = field(default_factory=list)
    graph: Any = None  # networkx.MultiDiGraph
    review: Review | None = None  # set by the command line: accepted and failing findings
    # Set when the findings were narrowed to those involving these documents (a new drop).
    narrowed_to: frozenset[str] | None = None

    @property
    def skipped_inputs(self) -> list[Skipped]:
        """The inputs that could not be read (``--strict`` exits 2 for these), not the
        rules that failed."""
        return [s for s in self.skipped if s.kind == "input"]

    @property
    def findings(self) -> Any:
        """The findings as a pandas DataFrame, one row per finding."""
        from consistency.tables import findings_frame

        return findings_frame(self)

    @property
    def claims(self) -> Any:
        """The claims as a pandas DataFrame, one row per claim."""
        from consistency.tables import claims_frame

        return claims_frame(self)
