"""The event lexicon: canonical events and the words that name them, kept as data.

The built-in lexicon is ``consistency/data/events.yaml``; users extend it with their own
YAML of the same shape (``--lexicon FILE``). Entries merge by event id and word lists are
appended, so a newsroom can add "fined" synonyms or a new event without touching code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import simplemma
import yaml

from consistency.errors import ConfigError


@dataclass(frozen=True)
class Phrase:
    verbs: frozenset[str]
    objects: frozenset[str]


@dataclass(frozen=True)
class Event:
    id: str
    description: str = ""
    role: str = "agent"  # agent: the entity did it; patient: it happened to the entity
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    phrases: tuple[Phrase, ...] = ()
    opposite: tuple[str, ...] = ()
    state: bool = False  # holds over time: different dates are different moments
    object_verbs: frozenset[str] = frozenset()  # verbs whose object is the entity


@dataclass(frozen=True)
class Lexicon:
    events: dict[str, Event]
    qualifiers: dict[str, str]  # word -> canonical qualifier
    not_qualified_by_first: frozenset[str]
    hedges: frozenset[str]
    negations: frozenset[str]
    future: tuple[str, ...]
    said_verbs: frozenset[str]
    collective_nouns: frozenset[str]
    thing_nouns: frozenset[str]
    sequence_cues: frozenset[str]
    entity_after: frozenset[str] = frozenset()  # "put $7.8m into Acme": Acme is the entity
    pending_verbs: frozenset[str] = frozenset()  # "awaiting a licence": not obtained yet
    phrasal: dict[str, str] = field(default_factory=dict)  # "turn down" -> "reject"
    objects: frozenset[str] = frozenset()  # every one-word phrase object (derived)
    # Derived indexes, built once.
    by_verb: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_noun: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_light_verb: dict[str, tuple[tuple[str, Phrase], ...]] = field(default_factory=dict)


# Verb forms simplemma reads as another word ("won" the currency).
_VERB_FORMS = {"won": "win", "wins": "win", "winning": "win", "left": "leave"}


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The English lemma of a word, lower-cased ("licences" -> "licence")."""
    w = word.lower().replace("’", "'")
    if not w.isalpha():
        return w
    if w in _VERB_FORMS:
        return _VERB_FORMS[w]
    out = str(simplemma.lemmatize(w, lang="en")).lower()
    if out == w and w.endswith("ing") and len(w) > 5:
        # simplemma keeps some gerunds whole ("buying", "cutting"): try the verb.
        stem = w[:-3]
        for cand in (stem + "e", stem, stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
            if cand and simplemma.is_known(cand, lang="en"):
                return cand
    return out


def _text(v: Any) -> str:
    """A word from YAML: an unquoted no/yes/on/off arrives as a bool (YAML 1.1)."""
    if isinstance(v, bool):
        return "no" if v is False else "yes"
    return str(v)


def _list(values: Any, where: str) -> list[Any]:
    """A list from the lexicon; one word alone is a list of one, anything else an error."""
    if values is None:
        return []
    if isinstance(values, (str, bool)):
        return [values]
    if not isinstance(values, list):
        raise ConfigError(f"lexicon: {where} must be a list of words")
    return values


def _words(values: Iterable[Any] | None, where: str = "a word list") -> frozenset[str]:
    # "over as" stays two words, each a lemma: matched against consecutive words.
    return frozenset(" ".join(lemma(w) for w in _text(v).split()) for v in _list(values, where))


def _lower(data: dict[str, Any], key: str) -> list[str]:
    return [_text(w).lower() for w in _list(data.get(key), key)]


def _mapping(value: Any, where: str) -> dict[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"lexicon: {where} must be a mapping")
    return value


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if key in out and isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = _merge(out[key], value)
        elif key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the lexicon: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a lexicon is a mapping with an 'events' key")
    return data


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def _builtin_text() -> str:
    return resources.files("consistency").joinpath("data/events.yaml").read_text("utf-8")


def builtin_data() -> dict[str, Any]:
    data = yaml.load(_builtin_text(), Loader=_Loader)  # noqa: S506 - a safe loader
    assert isinstance(data, dict)
    return data


def load(extra: Iterable[str | Path] = ()) -> Lexicon:
    """The built-in lexicon merged with the user's lexicon files, in order."""
    paths = tuple(Path(p) for p in extra)
    if not paths:
        return default()
    key = tuple((str(p), _mtime(p)) for p in paths)
    return _load_cached(key)


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return -1.0


@lru_cache(maxsize=16)
def _load_cached(key: tuple[tuple[str, float], ...]) -> Lexicon:
    data = builtin_data()
    for path, _ in key:
        data = _merge(data, _read_yaml(Path(path)))
    return build(data)


def build(data: dict[str, Any]) -> Lexicon:
    """The lexicon of a parsed lexicon file, with its lookups by verb, noun and light verb."""
    events = {
        event_id: _event(event_id, spec)
        for event_id, spec in sorted(_mapping(data.get("events"), "events").items())
    }
    qualifiers: dict[str, str] = {}
    for canonical, words in sorted(_mapping(data.get("qualifiers"), "qualifiers").items()):
        for w in _list(words, f"qualifiers: {canonical}"):
            qualifiers[_text(w).lower()] = str(canonical)
    by_verb, by_noun, by_light = _triggers_of(events)
    return Lexicon(
        events=events,
        qualifiers=qualifiers,
        not_qualified_by_first=frozenset(_lower(data, "not_qualified_by_first")),
        hedges=frozenset(_lower(data, "hedges")),
        negations=frozenset(_lower(data, "negations")),
        future=tuple(_lower(data, "future")),
        said_verbs=_words(data.get("said_verbs")),
        collective_nouns=frozenset(_lower(data, "collective_nouns")),
        thing_nouns=_words(data.get("thing_nouns")),
        sequence_cues=frozenset(_lower(data, "sequence_cues")),
        entity_after=frozenset(_lower(data, "entity_after")),
        pending_verbs=_words(data.get("pending_verbs")),
        phrasal={
            " ".join(lemma(w) for w in str(k).split()): lemma(str(v))
            for k, v in sorted(_mapping(data.get("phrasal_verbs"), "phrasal_verbs").items())
        },
        by_verb={k: tuple(v) for k, v in by_verb.items()},
        by_noun={k: tuple(v) for k, v in by_noun.items()},
        by_light_verb={k: tuple(v) for k, v in by_light.items()},
        objects=frozenset(
            o for ev in events.values() for ph in ev.phrases for o in ph.objects if " " not in o
        ),
    )


def _event(event_id: str, spec: Any) -> Event:
    """One event of the lexicon file, checked."""
    if not isinstance(spec, dict):
        raise ConfigError(f"lexicon: event {event_id!r} must be a mapping")
    phrases = []
    for p in _list(spec.get("phrases"), f"event {event_id!r}: phrases"):
        if not isinstance(p, dict) or not p.get("verbs") or not p.get("objects"):
            raise ConfigError(f"lexicon: event {event_id!r}: a phrase needs verbs and objects")
        phrases.append(Phrase(_words(p["verbs"], "verbs"), _words(p["objects"], "objects")))
    role = spec.get("role", "agent")
    if role not in ("agent", "patient"):
        raise ConfigError(f"lexicon: event {event_id!r}: role must be agent or patient")
    return Event(
        id=event_id,
        description=str(spec.get("description", "")),
        role=role,
        verbs=_words(spec.get("verbs"), f"event {event_id!r}: verbs"),
        nouns=_words(spec.get("nouns"), f"event {event_id!r}: nouns"),
        phrases=tuple(phrases),
        opposite=tuple(
            _text(o) for o in _list(spec.get("opposite"), f"event {event_id!r}: opposite")
        ),
        state=bool(spec.get("state", False)),
        object_verbs=_words(spec.get("object_verbs"), f"event {event_id!r}: object_verbs"),
    )


def _triggers_of(
    events: dict[str, Event],
) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[tuple[str, Phrase]]]]:
    """The events each verb, noun and light verb names, in the events' order."""
    by_verb: dict[str, list[str]] = {}
    by_noun: dict[str, list[str]] = {}
    by_light: dict[str, list[tuple[str, Phrase]]] = {}
    for ev in events.values():
        for v in ev.verbs:
            by_verb.setdefault(v, []).append(ev.id)
        for n in ev.nouns:
            by_noun.setdefault(n, []).append(ev.id)
        for ph in ev.phrases:
            for v in ph.verbs:
                by_light.setdefault(v, []).append((ev.id, ph))
    return by_verb, by_noun, by_light


def is_state(event: str, lexicon: Lexicon | None = None) -> bool:
    """Is the event a state ("employs") rather than something that happens once?"""
    ev = (lexicon or default()).events.get(event)
    return bool(ev and ev.state)


@lru_cache(maxsize=1)
def default() -> Lexicon:
    """The built-in lexicon, parsed once per process."""
    return build(builtin_data())
