"""Generate a seeded corpus of invented multi-outlet news stories with known answers.

    python benchmarks/generate.py OUT --stories 20 --outlets 4 --seed 7

A thin entry for the README's command: the generator is the package benchmarks/generator/
(``python -m benchmarks.generator`` runs the same).
"""

import sys
from pathlib import Path

# Run as a script, only benchmarks/ is on the path: add the repository root, for the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generator.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
