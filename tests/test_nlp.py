"""consistency.extract.nlp: the model's files are checked against pinned digests, and the
pipeline is loaded once per process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consistency.errors import ConfigError
from consistency.extract import nlp


def model_copy(tmp_path: Path) -> Path:
    """A copy of the installed model folder (~15 MB) to tamper with."""
    folder = tmp_path / "model"
    shutil.copytree(nlp.model_dir(), folder)
    return folder


def test_installed_model_is_verified() -> None:
    nlp.verify(nlp.model_dir())


def test_changed_file_is_named(tmp_path: Path) -> None:
    folder = model_copy(tmp_path)
    nlp.verify(folder)  # an unchanged copy passes
    target = folder / "tagger" / "model"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    with pytest.raises(ConfigError) as err:
        nlp.verify(folder)
    message = str(err.value)
    assert str(target) in message
    assert "does not match the pinned" in message and nlp.MODEL_VERSION in message


def test_missing_file_is_named(tmp_path: Path) -> None:
    folder = model_copy(tmp_path)
    (folder / "ner" / "model").unlink()
    with pytest.raises(ConfigError, match="cannot read .*ner"):
        nlp.verify(folder)


def test_load_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    first = nlp.load()

    # Later calls neither verify nor load again.
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("loaded twice")

    monkeypatch.setattr(nlp, "verify", fail)
    monkeypatch.setattr("spacy.load", fail)
    assert nlp.load() is first
    assert nlp.load.cache_info().currsize == 1
    assert "senter" not in first.pipe_names
    assert {"parser", "ner", "lemmatizer"} <= set(first.pipe_names)


def test_parse_keeps_order() -> None:
    texts = ["Nine people died.", "The ferry left on May 3.", "Prices rose 4%."]
    docs = list(nlp.parse(texts))
    assert [d.text for d in docs] == texts


def test_shared_parses_parse_a_sentence_once_and_change_nothing() -> None:
    from consistency.extract import nlp

    texts = ["The ferry left Portmore on Friday.", "Twelve people were rescued."]
    alone = [d.to_json() for d in nlp.parse(texts)]
    with nlp.shared_parses():
        first = list(nlp.parse(texts))
        again = list(nlp.parse([texts[1], texts[0]]))
        assert again[0] is first[1] and again[1] is first[0]  # parsed once, then shared
        assert [d.to_json() for d in first] == alone
    outside = list(nlp.parse(texts))
    assert outside[0] is not first[0]  # nothing is held after the block
