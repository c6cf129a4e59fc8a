"""What the ingest tests share: invented paragraphs, writing a file, the one document read."""

from __future__ import annotations

from pathlib import Path

from consistency.reading.ingest import Ingested

P1 = (
    "The regional council of Valdoria approved the new water plan on Tuesday, "
    "after a debate that lasted most of the afternoon."
)
P2 = (
    "Mayor Ilse Brandt said the first pumping stations would open next spring, "
    "and that the cost would be shared with the two neighbouring districts."
)
P3 = "Opposition members said the plan came too late for the farms in the lower valley."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def one(result: Ingested):
    assert result.skipped == [], result.skipped
    assert len(result.documents) == 1, result.documents
    return result.documents[0]
