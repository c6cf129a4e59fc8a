"""Shared fixtures: the real seed corpus (beside the checkout, never copied) and examples."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

# The benchmarks (``from benchmarks.generator import generate``) are not installed: reach
# them from the checkout. Appended, not prepended: ROOT/consistency lacks the rules and
# reports that the installed package has (they install from ROOT/rules and ROOT/reports).
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))


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
