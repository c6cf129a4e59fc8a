"""The generator's words, read once from ``data/*.yaml`` and checked against a schema.

Each file has a schema below: a dict is a record with exactly those keys (a key ending in
``?`` may be left out), a one-item list a list of that, ``Each`` a mapping with keys of
the caller's choosing, a tuple a fixed-length list (read as a tuple), ``Maybe`` a value or
null, ``str``/``bool`` a scalar. A key the schema does not know, a missing key or a value
of the wrong type stops the import with a :class:`VocabularyError` that names the file and
the place in it. Every list keeps its order: the generator draws from them by position.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"


class VocabularyError(ValueError):
    """A data file of the generator does not match its schema."""


@dataclass(frozen=True)
class Each:
    """A mapping whose keys (of type ``key``) the file chooses, every value a ``value``."""

    value: Any
    key: type = str


@dataclass(frozen=True)
class Maybe:
    """A ``value``, or null."""

    value: Any


TEXTS = [str]
SCHEMAS: dict[str, Any] = {
    "cast.yaml": {
        k: TEXTS
        for k in (
            "company_heads company_tails city_stems city_forms region_adjectives "
            "council_forms scheme_words festival_stems fund_words first_names surnames "
            "surname_heads surname_tails deals"
        ).split()
    },
    "press.yaml": {
        "outlets": [{"name": str, "style": str}],
        **{
            k: TEXTS
            for k in (
                "reporters agencies title_forms ledes background quotes ad_lines generic_teasers"
            ).split()
        },
    },
    "domains.yaml": Each(
        {
            **{
                k: TEXTS
                for k in (
                    "reg co licence act product venue law statement plan festival scheme "
                    "reason site"
                ).split()
            },
            "retail": Maybe(str),
            "ban": [(str, bool)],
            **{k: str for k in ("operator", "sector", "topic", "ticker")},
        }
    ),
    "events.yaml": Each(
        {
            "word": str,
            "said?": bool,
            **{k: TEXTS for k in ("vp", "pp", "full")},
            **{f"{k}?": TEXTS for k in ("plural", "first", "since", "echo_figure", "opposites")},
        }
    ),
    "statuses.yaml": Each({"words": str, "templates": TEXTS}),
    "counts.yaml": {"one": TEXTS, "many": TEXTS, "words": Each(str, key=int)},
    "echoes.yaml": {"tails": TEXTS, "agent_tails": TEXTS, "since_tails": TEXTS},
}
STYLES = ("us", "uk", "ap")


def _name(t: type) -> str:
    return {str: "a string", bool: "true or false", int: "a whole number"}.get(t, t.__name__)


def _check(value: Any, spec: Any, where: str) -> Any:
    """``value`` as ``spec`` describes it (pairs as tuples), or a VocabularyError."""
    if isinstance(spec, Maybe):
        return None if value is None else _check(value, spec.value, where)
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            raise VocabularyError(f"{where}: expected a mapping, got {value!r}")
        known = {k.rstrip("?"): k for k in spec}
        unknown = [k for k in value if k not in known]
        if unknown:
            raise VocabularyError(
                f"{where}: unknown key {unknown[0]!r} (expected one of {', '.join(known)})"
            )
        missing = [k for k, s in known.items() if not s.endswith("?") and k not in value]
        if missing:
            raise VocabularyError(f"{where}: missing key {missing[0]!r}")
        return {k: _check(v, spec[known[k]], f"{where}: {k}") for k, v in value.items()}
    if isinstance(spec, Each):
        if not isinstance(value, dict):
            raise VocabularyError(f"{where}: expected a mapping, got {value!r}")
        out = {}
        for k, v in value.items():
            if type(k) is not spec.key:
                raise VocabularyError(f"{where}: key {k!r} is not {_name(spec.key)}")
            out[k] = _check(v, spec.value, f"{where}: {k}")
        return out
    if isinstance(spec, list):
        if not isinstance(value, list):
            raise VocabularyError(f"{where}: expected a list, got {value!r}")
        return [_check(v, spec[0], f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(spec, tuple):
        if not isinstance(value, list) or len(value) != len(spec):
            raise VocabularyError(f"{where}: expected a list of {len(spec)}, got {value!r}")
        return tuple(
            _check(v, s, f"{where}[{i}]") for i, (v, s) in enumerate(zip(value, spec, strict=True))
        )
    if type(value) is not spec:  # not isinstance: true is no whole number here
        raise VocabularyError(f"{where}: expected {_name(spec)}, got {value!r}")
    return value


def load(name: str, folder: Path = DATA) -> Any:
    """Read one data file and check it against its schema."""
    path = folder / name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise VocabularyError(f"{path}: cannot read: {e}") from e
    return _check(raw, SCHEMAS[name], str(path))


def load_all(folder: Path = DATA) -> dict[str, Any]:
    """Every data file, checked alone and against the others."""
    data = {name: load(name, folder) for name in SCHEMAS}
    for o in data["press.yaml"]["outlets"]:
        if o["style"] not in STYLES:
            raise VocabularyError(
                f"{folder / 'press.yaml'}: outlets: {o['name']}: style {o['style']!r} is not "
                f"one of {', '.join(STYLES)}"
            )
    for ev, e in data["events.yaml"].items():
        for st in e.get("opposites", []):
            if st not in data["statuses.yaml"]:
                raise VocabularyError(
                    f"{folder / 'events.yaml'}: {ev}: opposites: {st!r} is not a status of "
                    "statuses.yaml"
                )
    return data


_DATA = load_all()
_CAST, _PRESS, _EVENTS = _DATA["cast.yaml"], _DATA["press.yaml"], _DATA["events.yaml"]

# cast.yaml
STEM_A: tuple[str, ...] = tuple(_CAST["company_heads"])
STEM_B: tuple[str, ...] = tuple(_CAST["company_tails"])
CITY_STEMS: tuple[str, ...] = tuple(_CAST["city_stems"])
CITY_FORMS: tuple[str, ...] = tuple(_CAST["city_forms"])
REGION_ADJ: tuple[str, ...] = tuple(_CAST["region_adjectives"])
COUNCIL_FORMS: list[str] = list(_CAST["council_forms"])
SCHEME_WORDS: list[str] = list(_CAST["scheme_words"])
FESTIVAL_STEMS: tuple[str, ...] = tuple(_CAST["festival_stems"])
FUND_WORDS: tuple[str, ...] = tuple(_CAST["fund_words"])
FIRST_NAMES: tuple[str, ...] = tuple(_CAST["first_names"])
SURNAMES: tuple[str, ...] = tuple(_CAST["surnames"])
SUR_A: tuple[str, ...] = tuple(_CAST["surname_heads"])
SUR_B: tuple[str, ...] = tuple(_CAST["surname_tails"])
DEALS: list[str] = list(_CAST["deals"])

# press.yaml
OUTLETS: tuple[tuple[str, str], ...] = tuple((o["name"], o["style"]) for o in _PRESS["outlets"])
REPORTERS: tuple[str, ...] = tuple(_PRESS["reporters"])
AGENCIES: tuple[str, ...] = tuple(_PRESS["agencies"])
TITLE_FORMS: tuple[str, ...] = tuple(_PRESS["title_forms"])
LEDES: tuple[str, ...] = tuple(_PRESS["ledes"])
BACKGROUND: tuple[str, ...] = tuple(_PRESS["background"])
QUOTES: tuple[str, ...] = tuple(_PRESS["quotes"])
AD_LINES: tuple[str, ...] = tuple(_PRESS["ad_lines"])
GENERIC_TEASERS: tuple[str, ...] = tuple(_PRESS["generic_teasers"])

# domains.yaml: each domain's words, by key
DOMAINS: dict[str, dict[str, Any]] = _DATA["domains.yaml"]

# events.yaml: the frames (vp, pp, full, plural, first) of each event, and what else it has
FRAMES = ("vp", "pp", "full", "plural", "first")
EVENTS: dict[str, dict[str, list[str]]] = {
    ev: {k: v for k, v in e.items() if k in FRAMES} for ev, e in _EVENTS.items()
}
EVENT_WORDS: dict[str, str] = {ev: e["word"] for ev, e in _EVENTS.items()}
SAID_EVENTS: tuple[str, ...] = tuple(ev for ev, e in _EVENTS.items() if e.get("said"))
SINCE: dict[str, list[str]] = {ev: e["since"] for ev, e in _EVENTS.items() if "since" in e}
ECHO_FIGURE: dict[str, list[str]] = {
    ev: e["echo_figure"] for ev, e in _EVENTS.items() if "echo_figure" in e
}
STATUS_EVENTS: dict[str, tuple[str, ...]] = {
    ev: tuple(e["opposites"]) for ev, e in _EVENTS.items() if "opposites" in e
}

# statuses.yaml
STATUS: dict[str, list[str]] = {k: s["templates"] for k, s in _DATA["statuses.yaml"].items()}
STATUS_WORDS: dict[str, str] = {k: s["words"] for k, s in _DATA["statuses.yaml"].items()}

# counts.yaml
COUNT_ONE: list[str] = _DATA["counts.yaml"]["one"]
COUNT_MANY: list[str] = _DATA["counts.yaml"]["many"]
COUNT_WORDS: dict[int, str] = _DATA["counts.yaml"]["words"]

# echoes.yaml
ECHO_TAILS: tuple[str, ...] = tuple(_DATA["echoes.yaml"]["tails"])
ECHO_TAILS_AGENT: tuple[str, ...] = tuple(_DATA["echoes.yaml"]["agent_tails"])
SINCE_TAILS: tuple[str, ...] = tuple(_DATA["echoes.yaml"]["since_tails"])
