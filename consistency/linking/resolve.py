"""Entity resolution over the whole corpus: every claim gets its canonical entity name.

A claim's subject is a proper name (its ``entity`` as written) or a thing
(:attr:`Claim.thing <consistency.models.Claim.thing>`, "the new parking scheme"). Names
resolve among names (:func:`consistency.linking.entities.resolve_names`); things merge by
their head noun across the corpus, named by the label given that head most often. Neither
ever resolves to the other: "the scheme" is no one named Scheme. What it learns from claims
(their names, the labels of things) is :mod:`.labels`, which the store indexes too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from consistency.extract.names import acronym_definitions, normalize
from consistency.linking.entities import resolve_names
from consistency.linking.labels import claim_names, thing_label, thing_labels
from consistency.models import Claim, Document


def resolver(
    documents: Sequence[Document], claims: Sequence[Claim], mentions: Sequence[str] = ()
) -> Callable[[Claim], Claim]:
    """A function mapping a claim to its canonical entity, learnt from the whole corpus.

    ``mentions`` are all proper names of the corpus (not only claim subjects): "Okafor" resolves
    to "Dana Okafor" even when Dana Okafor is never the subject of a claim.
    """
    acronyms = [pair for d in documents for pair in acronym_definitions(d.text)]
    return resolver_of(
        [*mentions, *claim_names(claims)],
        acronyms,
        [d.outlet for d in documents if d.outlet],
        thing_labels(claims),
    )


def resolver_of(
    names: Iterable[str],
    acronyms: Iterable[tuple[str, str]],
    outlets: Iterable[str],
    things: dict[str, Counter[str]],
) -> Callable[[Claim], Claim]:
    """The resolver of a corpus given by what it learns from: every proper name (as often as
    it occurs), the acronyms defined in the texts, the outlets, and the labels of things."""
    canonical = resolve_names(names, acronyms, outlets)
    # Things ("the new parking scheme") merge by their head noun across the corpus.
    thing_name = {
        head: sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for head, labels in things.items()
        if labels
    }

    def name(n: str) -> str:
        return canonical.get(normalize(n), n)

    def apply(c: Claim) -> Claim:
        # A thing keeps its Thing, so its resolved entity is never taken for a name: it is
        # named the same however often it is resolved.
        if c.thing is not None:
            entity = thing_name.get(c.thing.head) or thing_label(c.thing)
        else:
            entity = name(c.entity)
        source = name(c.attributed_to) if c.attributed_to else None
        return replace(
            c, entity=entity, group=tuple(name(n) for n in c.group), attributed_to=source
        )

    return apply
