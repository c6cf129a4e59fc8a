"""Built-in rules, one module each, and the registry that finds rules from plugins.

Third parties add rules through the entry-point group ``consistency.rules``: the entry
point names a module (every ``Rule_<CODE>`` class in it is registered) or a Rule class.
The built-in rules are registered the same way. A plugin that fails to load is reported
and skipped.
"""

from __future__ import annotations

import importlib
import inspect
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

from consistency.rules.base import Context, Rule

BUILTIN_MODULES = (
    "consistency.rules.dt01_dates",
    "consistency.rules.fr01_first",
    "consistency.rules.fr02_records",
    "consistency.rules.ds01_descriptions",
    "consistency.rules.or01_order",
    "consistency.rules.or02_order",
    "consistency.rules.an01_anachronism",
    "consistency.rules.st01_status",
    "consistency.rules.st02_confirmation",
    "consistency.rules.ct01_counts",
    "consistency.rules.at01_attribution",
    "consistency.rules.in01_internal",
    "consistency.rules.sc01_scope",
    "consistency.rules.nu02_figures",
    "consistency.rules.dt02_dates",
)

GROUP = "consistency.rules"


def _is_rule(obj: Any) -> bool:
    return inspect.isclass(obj) and issubclass(obj, Rule) and bool(getattr(obj, "code", ""))


def _rules_in(obj: Any) -> list[type[Rule]]:
    if _is_rule(obj):
        return [obj]
    if isinstance(obj, ModuleType):
        if obj.__name__ == __name__:
            return [r for m in BUILTIN_MODULES for r in _rules_in(importlib.import_module(m))]
        return [
            v for _, v in sorted(vars(obj).items()) if _is_rule(v) and v.__module__ == obj.__name__
        ]
    if isinstance(obj, (list, tuple)):
        return [r for x in obj for r in _rules_in(x)]
    return []


def registry() -> tuple[dict[str, type[Rule]], list[str]]:
    """All rules by code, and the plugins that failed to load (as messages)."""
    rules: dict[str, type[Rule]] = {}
    problems: list[str] = []
    found = [r for m in BUILTIN_MODULES for r in _rules_in(importlib.import_module(m))]
    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        if ep.value == __name__:
            continue  # the built-ins, already loaded above
        try:
            found.extend(_rules_in(ep.load()))
        except Exception as exc:  # a broken plugin must not stop the run
            problems.append(f"rule plugin {ep.name!r} ({ep.value}) failed to load: {exc}")
    for r in found:
        if r.code in rules and rules[r.code] is not r:
            problems.append(
                f"rule code {r.code} is defined twice; keeping {rules[r.code].__module__}"
            )
            continue
        rules[r.code] = r
    return dict(sorted(rules.items())), problems


__all__ = ["Context", "Rule", "registry", "BUILTIN_MODULES"]
