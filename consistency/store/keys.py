"""What the store indexes of a reading, so that an incremental check finds, without loading
the archive, every stored document that could share a fact with a new one.

``links`` rows (kind, key) say what a document could be compared through:

- ``fact``: the fact key of a value claim (a figure, a date, a record, an order, a
  confirmation): the graph links claims with equal keys;
- ``entity``: the entity of a lexicon or description claim, as a name key or a thing's
  head noun; resolution decides which keys are one entity (see :mod:`.select`);
- ``pair``: entity and event of a lexicon claim (what dating anchors on);
- ``event``, ``first``, ``only``, ``sized``: the events of lexicon claims, and those told
  as a first, as the only one, or with a count (FR01 and CT01 compare those by event);
- ``quote``: four words in a row of a quote (AT01 pairs quotes through those);
- ``asserts``: the document asserts a lexicon claim without a hedge (OR01 counts those);
- ``resolves``: every name or thing a run resolves for the document (claim subjects, group
  members, owners of values, sources of attributions), as :func:`entity_key`.

An entity key is ``name:`` and a name's key, or ``thing:`` and a thing's head noun: the
store's form of a claim's subject, written by :func:`entity_key` and read back by
:func:`name_key_of` and :func:`head_of` alone.

``names``, ``acronyms`` and ``things`` are what entity resolution learns from a document;
``name_filings`` file each name key where the keys resolution may join it with look.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from consistency.extract.names import acronym_definitions, display, normalize
from consistency.extract.quotes import normalize_quote
from consistency.extract.read import Reading
from consistency.linking.entities import filings
from consistency.linking.labels import claim_names, thing_labels
from consistency.models import STORY, Claim, Document, FactKey, Thing

SEP = "\x1f"
_NAME = "name:"
_THING = "thing:"


@dataclass
class Index:
    """The index rows of one reading."""

    names: Counter[str] = field(default_factory=Counter)  # name as written -> times
    acronyms: list[tuple[str, str]] = field(default_factory=list)  # (long, short)
    things: dict[str, Counter[str]] = field(default_factory=dict)  # head -> label -> times
    links: set[tuple[str, str]] = field(default_factory=set)

    def name_keys(self) -> set[str]:
        return {name_key(n) for n in self.names}


def name_key(name: str) -> str:
    """The key resolution files a name under (as entities.resolve_names groups them)."""
    return normalize(display(name))


def entity_key(subject: str | Thing) -> str:
    """The key of a subject: what decides its canonical name. A name's key, which resolution
    may join with others' (see :mod:`.select`), or a thing's head noun, which alone does."""
    if isinstance(subject, Thing):
        return _THING + subject.head
    return name_entity_key(normalize(subject))


def name_entity_key(key: str) -> str:
    """The entity key of a name key."""
    return _NAME + key


def name_key_of(entity: str) -> str | None:
    """The name key of an entity key; None for a thing's."""
    return entity[len(_NAME) :] if entity.startswith(_NAME) else None


def head_of(entity: str) -> str | None:
    """The head noun of a thing's entity key; None for a name's."""
    return entity[len(_THING) :] if entity.startswith(_THING) else None


def _subject(c: Claim) -> str | Thing:
    """A claim's subject as resolution takes it: its thing, or else its entity."""
    return c.thing if c.thing is not None else c.entity


def fact_key(key: FactKey) -> str:
    return SEP.join((key.kind, key.unit, key.measure, key.role, key.place, key.modality))


def pair_key(entity: str, event: str) -> str:
    return entity + SEP + event


def index(document: Document, r: Reading) -> Index:
    """The index rows of a document's reading."""
    out = Index()
    lexical = [d.claim for d in r.claims]  # the lexicon claims, as drafted (undated)
    out.names.update(n for n in [*r.names, *claim_names(lexical)] if normalize(n))
    out.acronyms = acronym_definitions(document.text)
    out.things = thing_labels(lexical)
    keyed: list[FactKey] = [m.key for m in r.mentions] + [x.key for x in r.records]
    keyed += [c.key for c in r.orders if c.key is not None]
    out.links |= {("fact", fact_key(k)) for k in keyed}
    out.links |= {("entity", entity_key(_subject(c))) for c in r.descriptions}
    for c in lexical:
        out.links |= _claim_links(c)
    if any(not c.negated and not c.hedged for c in lexical):
        out.links.add(("asserts", ""))
    resolved = [*lexical, *r.descriptions, *r.orders]
    named: list[str | Thing] = [
        n for c in resolved for n in (_subject(c), *c.group, c.attributed_to or "")
    ]
    named += [n for m in r.mentions for n in (m.owner, m.attributed_to or "")]
    named += [x.owner for x in r.records]
    out.links |= {("resolves", entity_key(n)) for n in named if n and n != STORY}
    return out


def _claim_links(c: Claim) -> set[tuple[str, str]]:
    entity = entity_key(_subject(c))
    out = {("entity", entity), ("pair", pair_key(entity, c.event)), ("event", c.event)}
    if "first" in c.qualifiers:
        out.add(("first", c.event))
    if "only" in c.qualifiers:
        out.add(("only", c.event))
    if c.count is not None or "only" in c.qualifiers:
        out.add(("sized", c.event))
    if c.event == "said" and c.object:
        out |= {("quote", s) for s in shingles(c.object)}
    return out


def shingles(quote: str) -> set[str]:
    """The runs of four words AT01 pairs quotes by (the whole quote when shorter)."""
    words = normalize_quote(quote).split()
    return {" ".join(words[k : k + 4]) for k in range(max(1, len(words) - 3))}


def key_filings(keys: set[str]) -> set[tuple[str, str]]:
    """(filing, key) rows for name keys."""
    return {(f, k) for k in keys for f in filings(k)}
