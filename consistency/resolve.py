"""Entity resolution over the whole corpus: every claim gets its canonical entity name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from consistency.entities import acronym_definitions, normalize, resolve_names
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
    names: list[str] = list(mentions)
    for c in claims:
        for n in c.group or (c.entity,):
            if not n.startswith(_THING):
                names.append(n)
    acronyms = [pair for d in documents for pair in acronym_definitions(d.text)]
    canonical = resolve_names(names, acronyms, [d.outlet for d in documents if d.outlet])

    # Things ("the new licensing regime") merge by their head noun across the corpus.
    thing_labels: dict[str, Counter[str]] = {}
    for c in claims:
        if c.entity.startswith(_THING):
            head, text = _thing_parts(c.entity)
            thing_labels.setdefault(head, Counter())[_thing_label(text, head)] += 1
    thing_name = {
        head: sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for head, labels in thing_labels.items()
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
