"""Invented articles for the command-line tests, and writing them into a folder.

Kept apart from cli_support.py so that conftest.py (its ``disagreeing`` and ``agreeing``
fixtures) can use them without importing the package for every test module.
"""

from __future__ import annotations

from pathlib import Path

# Two outlets disagree on when the council approved the budget (DT01, high); the Gazette
# also tells a fine as past but dates it after its own publication (AN01, medium).
GAZETTE_BUDGET = """date 2024-05-02
Title: Millbrook opens its new library
Outlet: Millbrook Gazette

The Millbrook Town Council approved the library budget in March 2023.
"""
GAZETTE = (
    GAZETTE_BUDGET
    + "\nThe Millbrook Town Council fined the contractor $5,000 in August 2024 over delays.\n"
)
HERALD = """date 2024-05-03
Title: Library draws crowds
Outlet: Valley Herald

The Millbrook Town Council approved the library budget in June 2022.
"""
# Agrees with the Gazette: March 2023 lies inside 2023.
AGREEING = """date 2024-05-03
Title: Library draws crowds
Outlet: Valley Herald

The Millbrook Town Council approved the library budget in 2023.
"""
# A third outlet on another matter: nothing to disagree with.
UNRELATED = """date 2024-05-04
Title: Ferry timetable
Outlet: Riverside Times

The Riverside Ferry Company launched a night service in April 2024.
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
