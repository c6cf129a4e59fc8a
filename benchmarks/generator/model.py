"""What a story is made of, and the names of what can be planted in it.

The kinds a corpus plants and the traps it sets; then the story's data: its cast
(``Entity``), true facts (``Fact``), outlets (``Outlet``), how one outlet tells one fact
(``Plan``, filled in by planting, the traps, ``plans.finish_plans`` and rendering), what
was planted (``Planted``), the quotes (``Quote``), the traps (``Trap``) and the ``Story``
that holds them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .figures import Figure, Qty
from .times import TimeExpr

KINDS = ("date", "number", "first", "order", "anachronism", "status", "attribution")
# What a story can have planted: a kind, or a form of one ("count" and "internal" are
# reported as kind number, and as date or number).
PLANTS = (*KINDS, "count", "internal")
# The deck the plants are dealt from: the five classic kinds twice a round, the others once.
DECK = (*KINDS[:5], *KINDS[:5], "status", "attribution", "count", "internal")
# The order plants are made in within a story: the ones that move true dates come first, and
# the count (whose truth depends on every licence's date) last.
PLANT_ORDER = ("first", "order", "date", "number", "anachronism", "internal", "status",
               "attribution", "count")  # fmt: skip
TRAPS = (
    "month_in_year",
    "rounding",
    "bound",
    "retail",
    "rel_abs",
    "true_first",
    "said_that",
    "teaser",
)
FORMATS = ("txt", "html", "md", "json")


@dataclass
class Entity:
    key: str
    name: str  # canonical full name, without "the"
    kind: str  # company | regulator | council | city | person | festival | scheme | other
    article: bool = False  # takes "the"
    short: str = ""  # company stem, person surname, regulator acronym
    desc: str = ""  # a person's post, for an appositive


@dataclass
class Fact:
    id: str
    key: str  # entity role
    event: str
    date: date | None
    fields: dict[str, Any]
    figure: Figure | None = None
    outlets: list[int] = field(default_factory=list)
    source: str = ""  # who every outlet's "according to ..." names for it ("{A}": the regulator)


@dataclass
class Outlet:
    name: str
    style: str
    slug: str
    fmt: str
    pub: date
    reporter: str
    path: str = ""
    quotes: str = "straight"  # straight "..." or curly “...” quotation marks


@dataclass
class Plan:
    """How one outlet tells one fact, and what the story's design requires of it."""

    fact: Fact
    outlet: int
    role: str = "free"  # free | planted | counter | trap | then | order
    forms: tuple[str, ...] | None = None  # allowed time forms
    time: TimeExpr | None = None
    dated: bool = False
    undated: bool = False
    qty: Qty | None = None
    qty_form: str | None = None
    retail: bool = False
    first: bool = False
    then_after: str | None = None
    said_day: date | None = None
    said_expr: TimeExpr | None = None
    copy_of: str | None = None
    planted: str | None = None
    # what the plant made wrong: time | qty | first | then | status | count | according
    bad: str | None = None
    status: str | None = None  # the opposite state this claim tells (STATUS key)
    count: int | None = None  # "the only" (1), "one of two" (2), "one of three" (3)
    agency: str | None = None  # a planted "according to <news agency>"
    no_according: bool = False  # never "according to ..." (another source is planted)
    pinned: bool = False  # keeps its time and figure: no group subject, no "said that"
    echo: Plan | None = None  # a second claim of the same fact in the same article
    is_echo: bool = False
    # filled when rendered
    sentence: str = ""
    hedged: bool = False
    frame: str = ""
    according: str | None = None  # the source an "according to" names, canonical

    @property
    def strict(self) -> bool:
        return self.role != "free"


@dataclass
class Planted:
    id: str
    kind: str
    facts: list[str]
    outlet: int  # the outlet whose claim is wrong
    counter: int | None  # an outlet whose claim shows it
    also: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    form: str = ""  # the plant: the kind, or count | internal | quote | according


@dataclass
class Quote:
    """A direct quote as one outlet gives it."""

    outlet: int
    who: str  # entity key of the speaker
    text: str
    sentence: str = ""
    planted: str | None = None


@dataclass
class Trap:
    id: str
    kind: str
    fact: str | None
    outlets: list[int]
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Story:
    index: int
    folder: str
    domain: str
    entities: dict[str, Entity]
    facts: list[Fact]
    outlets: list[Outlet]
    plans: dict[tuple[str, int], Plan] = field(default_factory=dict)
    planted: list[Planted] = field(default_factory=list)
    traps: list[Trap] = field(default_factory=list)
    definer: int | None = None
    furniture: dict[int, list[str]] = field(default_factory=dict)
    teasers: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    quotes: dict[str, list[str]] = field(default_factory=dict)  # speaker -> their quotes
    said: list[Quote] = field(default_factory=list)  # every quote in every article
    quote_plants: dict[int, Quote] = field(default_factory=dict)  # outlet -> planted quote
    wish: dict[str, str] = field(default_factory=dict)  # plant -> the variant it asks for

    def fact(self, fid: str) -> Fact:
        return next(f for f in self.facts if f.id == fid)

    def source(self, o: int) -> str:
        return self.outlets[o].path
