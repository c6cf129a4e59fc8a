"""Shared fixtures: the real seed corpus (beside the checkout, never copied) and examples."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not (SEEDS / "expected.yaml").is_file():
        pytest.skip("the seed corpus ../shared/corpus/seeds is not beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def examples_result():  # type: ignore[no-untyped-def]
    """The checked examples/, once per test session (the language model loads once)."""
    from consistency.pipeline import check

    return check([EXAMPLES])
