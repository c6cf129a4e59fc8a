"""Documents and readings as JSON: stable, versioned, and exact on the way back.

A reading is what :func:`consistency.reading.read` returns for one document. It is kept as
JSON (never pickle: a shared store is read by other machines and other versions), built by
walking the dataclasses' fields with their type hints, so the value read back is equal to
the one written, field by field: ints stay ints, floats keep every digit (``repr``), an
unbounded interval's ``inf`` is written ``"inf"``, tuples come back as tuples, dates as
dates, and a word of a closed set (a ``Tense``, a ``Granularity``) as its member. Fields at
their default are left out. A sentence that several mentions share is written once, in the
reading's ``sentences`` table, and referred to by its number.

The bytes are zlib-compressed JSON with sorted keys: the same reading always gives the
same bytes. :data:`FORMAT` changes whenever the layout does; a reading of another format is
refused (:class:`CodecError`), so the store reads the document again instead. A stored
document is what reading starts from, so a document of an older format that
:data:`_DOCUMENT_UPGRADES` knows is brought up to date as it is read: a store written by an
older version still opens, and its documents are read again under this one. A change to
the dataclasses of a reading (a field added, a value held differently, as when a thing
subject left the entity string for :class:`~consistency.models.Thing`) needs no new format:
it changes the reader version (:mod:`.version` hashes their code), so readings of the
previous version are read again, never decoded as this version's.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import math
import types
import typing
import zlib
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from consistency.extract.read import Reading
from consistency.extract.text import Sentence, Token
from consistency.models import Document

#: The layout of the JSON below; part of the store's reader version. Format 2: a
#: document's publication-date reasons are a list, ``published_why`` (format 1 had one line,
#: ``published_note``).
FORMAT = 2


class CodecError(ValueError):
    """Stored data that cannot be read back (another format, or damaged)."""


def encode_reading(r: Reading) -> bytes:
    """The reading as compressed JSON."""
    table: dict[Sentence, int] = {}
    body = _encode(r, Reading, table)
    sentences = [_encode_sentence(s) for s in sorted(table, key=table.__getitem__)]
    return _pack({"format": FORMAT, "sentences": sentences, "reading": body})


def decode_reading(data: bytes) -> Reading:
    """The reading written by :func:`encode_reading`; :class:`CodecError` if it is not one."""
    obj = _unpack(data)
    try:
        table = [_decode_sentence(s) for s in obj["sentences"]]
        out = _decode(obj["reading"], Reading, table)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise CodecError(f"damaged reading: {type(exc).__name__}: {exc}") from None
    assert isinstance(out, Reading)
    return out


def encode_document(d: Document) -> bytes:
    return _pack({"format": FORMAT, "document": _encode(d, Document, {})})


def decode_document(data: bytes) -> Document:
    """The document written by :func:`encode_document`, by this version or an older one."""
    obj = _unpack(data, (*_DOCUMENT_UPGRADES, FORMAT))
    try:
        fields = obj["document"]
        for old in range(obj["format"], FORMAT):
            fields = _DOCUMENT_UPGRADES[old](fields)
        out = _decode(fields, Document, [])
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise CodecError(f"damaged document: {type(exc).__name__}: {exc}") from None
    assert isinstance(out, Document)
    return out


def canonical_json(obj: Any) -> str:
    """JSON with sorted keys and no spaces: the same value always gives the same text."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def document_json(d: Document) -> dict[str, Any]:
    """A document's fields as JSON values (defaults left out)."""
    out = _encode(d, Document, {})
    assert isinstance(out, dict)
    return out


def _pack(obj: dict[str, Any]) -> bytes:
    return zlib.compress(canonical_json(obj).encode("utf-8"), 6)


def _unpack(data: bytes, formats: tuple[int, ...] = (FORMAT,)) -> dict[str, Any]:
    try:
        obj = json.loads(zlib.decompress(data).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise CodecError(f"not a stored reading or document ({exc})") from None
    if not isinstance(obj, dict) or obj.get("format") not in formats:
        got = obj.get("format") if isinstance(obj, dict) else None
        raise CodecError(f"stored in format {got!r}, this version reads format {FORMAT}")
    return obj


def _document_from_1(fields: dict[str, Any]) -> dict[str, Any]:
    """Format 1 wrote the publication date's reasons as one line, ``published_note``. A
    stored document is as reading gave it, dated by one candidate with one reason (a header
    line, a dateline, a sidecar entry), so the line is that reason; inference, which gives
    several, runs after the store.

    The upgraded document equals the one this version reads from the same file, but its
    content hash (:func:`consistency.store.store.content_hash`, over this JSON) was taken of
    the format-1 fields: the first ``store add`` after the upgrade counts each such
    unchanged file with a publication-date reason as "changed" (once; it stores the new
    hash), a file without one as already stored. Nothing is lost: the reader version
    changed too, so every stored article is read again anyway."""
    out = {k: v for k, v in fields.items() if k != "published_note"}
    if fields.get("published_note"):
        out["published_why"] = [fields["published_note"]]
    return out


#: Each older format of a stored document that is still read, with what brings its fields
#: to the next format.
_DOCUMENT_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _document_from_1}


# --- the walk over the dataclasses ----------------------------------------------------


@cache
def _fields(cls: Any) -> tuple[tuple[str, Any, Any], ...]:
    """(name, type hint, default or MISSING) of each field of a dataclass."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        default: Any = dataclasses.MISSING
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        out.append((f.name, hints[f.name], default))
    return tuple(out)


def _encode(value: Any, hint: Any, table: dict[Sentence, int]) -> Any:
    if value is None:
        return None
    if hint is Sentence:
        return table.setdefault(value, len(table))
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        arms = [a for a in typing.get_args(hint) if a is not type(None)]
        return _encode(value, arms[0] if len(arms) == 1 else Any, table)
    if origin in (list, tuple):
        args = typing.get_args(hint)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return [_encode(v, a, table) for v, a in zip(value, args, strict=True)]
        return [_encode(v, args[0], table) for v in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if type(value) is not hint:
            raise TypeError(f"expected {hint.__name__}, got {type(value).__name__}")
        out = {}
        fields: tuple[tuple[str, Any, Any], ...] = _fields(hint)  # type: ignore[arg-type]
        for name, h, default in fields:
            v = getattr(value, name)
            if default is not dataclasses.MISSING and _same(v, default):
                continue
            out[name] = _encode(v, h, table)
        return out
    if hint is date:
        return value.isoformat()
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _word(value, hint)
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # "inf", "-inf", "nan": JSON has no such numbers
    if hint is Any or hint in (str, int, float, bool):
        return value
    raise TypeError(f"cannot store a value of type {hint!r}")


def _word(value: Any, words: type[enum.Enum]) -> Any:
    """The word of a member of a closed set (Tense, Granularity), or of its word; anything
    else is no value of the field (a Claim makes its tense a member, a TimeValue does not
    check its granularity) and cannot be stored."""
    try:
        return words(value).value
    except ValueError:
        allowed = ", ".join(str(w.value) for w in words)
        raise CodecError(f"cannot store {value!r} as a {words.__name__} ({allowed})") from None


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same type (10 is not 10.0: the report would print it otherwise); a
    word equals its member ("past" is Tense.PAST), as both are written the same."""
    if isinstance(b, enum.Enum):
        return bool(a == b)
    return type(a) is type(b) and a == b


def _decode(value: Any, hint: Any, table: list[Sentence]) -> Any:
    if value is None:
        return None
    if hint is Sentence:
        return table[value]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        arms = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(value, arms[0] if len(arms) == 1 else Any, table)
    if origin is list:
        (arg,) = typing.get_args(hint)
        return [_decode(v, arg, table) for v in value]
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(v, args[0], table) for v in value)
        return tuple(_decode(v, a, table) for v, a in zip(value, args, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise TypeError(f"{hint.__name__}: expected an object")
        known = {name: h for name, h, _ in _fields(hint)}
        unknown = set(value) - set(known)
        if unknown:
            raise ValueError(f"{hint.__name__}: unknown field(s) {sorted(unknown)}")
        kwargs = {k: _decode(v, known[k], table) for k, v in value.items()}
        return hint(**kwargs)
    if hint is date:
        return date.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if hint is float and isinstance(value, str):
        return float(value)
    if hint is Any and value in ("inf", "-inf", "nan"):
        return float(value)
    return value


def _encode_sentence(s: Sentence) -> list[Any]:
    toks = []
    for t in s.tokens:
        same = s.text[t.start : t.end] == t.text
        toks.append([t.start, t.end] if same else [t.start, t.end, t.text])
    return [s.index, s.start, s.end, s.text, toks]


def _decode_sentence(row: list[Any]) -> Sentence:
    index, start, end, text, toks = row
    tokens = tuple(Token(text[t[0] : t[1]] if len(t) == 2 else t[2], t[0], t[1]) for t in toks)
    return Sentence(index, start, end, text, tokens)


__all__ = [
    "FORMAT",
    "CodecError",
    "canonical_json",
    "decode_document",
    "decode_reading",
    "document_json",
    "encode_document",
    "encode_reading",
]
