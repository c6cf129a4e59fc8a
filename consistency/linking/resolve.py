"""Entity resolution over the whole corpus: every claim gets its canonical entity name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from consistency.extract.names import acronym_definitions, normalize
from consistency.linking.entities import resolve_names
from consistency.models import Claim, Document

_THING = "thing:"


def _thing_parts(entity: str) -> tuple[str, str]:
    head, _, text = entity[len(_THING) :].partition("|")
    return head, text


def _thing_label(text: str, head: str) -> str:
    """ "Hong Kong's new licensing regime" -> "licensing regime"."""
    words = [w for w in text.replace("’s", "'s").split() if w[:1].islower() or w == head]
    words = [w for w in words if w.lower() not in {"new", "old", "current", "proposed"}]
    return " ".join(words[-2:]) if words else head


def resolver(
    documents: Sequence[Document], claims: Sequence[Claim], mentions: Sequence[str] = ()
) -> Callable[[Claim], Claim]:
    """A function mapping a claim to its canonical entity, learnt from the whole corpus.

    ``mentions`` are all proper names of the corpus (not only claim subjects): "Ng" resolves
    to "Johnny Ng" even when Johnny Ng is never the subject of a claim.
    """
    acronyms = [pair for d in documents for pair in acronym_definitions(d.text)]
    return resolver_of(
        [*mentions, *claim_names(claims)],
        acronyms,
        [d.outlet for d in documents if d.outlet],
        thing_labels(claims),
    )


def claim_names(claims: Iterable[Claim]) -> list[str]:
    """The names that claims contribute to resolution: subjects and group members."""
    return [n for c in claims for n in c.group or (c.entity,) if not n.startswith(_THING)]


def thing_labels(claims: Iterable[Claim]) -> dict[str, Counter[str]]:
    """How often each label is given to each thing's head noun, over the claims."""
    labels: dict[str, Counter[str]] = {}
    for c in claims:
        if c.entity.startswith(_THING):
            head, text = _thing_parts(c.entity)
            labels.setdefault(head, Counter())[_thing_label(text, head)] += 1
    return labels


def entity_key(name: str) -> str:
    """What decides a claim entity's canonical name: its name key, or a thing's head noun."""
    if name.startswith(_THING):
        return "thing:" + _thing_parts(name)[0]
    return "name:" + normalize(name)


def resolver_of(
    names: Iterable[str],
    acronyms: Iterable[tuple[str, str]],
    outlets: Iterable[str],
    things: dict[str, Counter[str]],
) -> Callable[[Claim], Claim]:
    """The resolver of a corpus given by what it learns from: every proper name (as often as
    it occurs), the acronyms defined in the texts, the outlets, and the labels of things."""
    canonical = resolve_names(names, acronyms, outlets)
    # Things ("the new licensing regime") merge by their head noun across the corpus.
    thing_name = {
        head: sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for head, labels in things.items()
        if labels
    }

    def name(n: str) -> str:
        if n.startswith(_THING):
            head, text = _thing_parts(n)
            return thing_name.get(head) or _thing_label(text, head)
        return canonical.get(normalize(n), n)

    def apply(c: Claim) -> Claim:
        source = name(c.attributed_to) if c.attributed_to else None
        return replace(
            c, entity=name(c.entity), group=tuple(name(n) for n in c.group), attributed_to=source
        )

    return apply
