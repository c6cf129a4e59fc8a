"""Built-in rules, one module each, and the registry that finds every rule.

Rules are found through the entry-point group ``consistency.rules``, the built-in ones
(this package's entry points in pyproject.toml, one per rule class) as third parties'
(README "Adding a rule"): an entry point names a Rule class, or a module (every
``Rule_<CODE>`` class in it is registered). A plugin that fails to load is reported and
skipped; the built-ins win a rule code that a plugin takes too.
"""

from __future__ import annotations

import inspect
from types import ModuleType
from typing import Any

from consistency.errors import RuleError
from consistency.models import RULE_GROUP, is_builtin, plugins
from consistency.rules.base import Context, Rule

GROUP = RULE_GROUP

#: The modules of the built-in rules, as their entry points name them.
BUILTIN_MODULES = tuple(
    dict.fromkeys(ep.value.split(":")[0] for ep in plugins(GROUP) if is_builtin(ep))
)


def _is_rule(obj: Any) -> bool:
    return inspect.isclass(obj) and issubclass(obj, Rule) and bool(getattr(obj, "code", ""))


def _rules_in(obj: Any) -> list[type[Rule]]:
    if _is_rule(obj):
        return [obj]
    if isinstance(obj, ModuleType):
        return [
            v for _, v in sorted(vars(obj).items()) if _is_rule(v) and v.__module__ == obj.__name__
        ]
    if isinstance(obj, (list, tuple)):
        return [r for x in obj for r in _rules_in(x)]
    return []


def registry() -> tuple[dict[str, type[Rule]], list[str]]:
    """All rules by code, and the plugins that failed to load (as messages).

    Raises :class:`RuleError` when there are no built-in rules: the package's entry points
    are missing (its folder is on the import path but it is not installed).
    """
    rules: dict[str, type[Rule]] = {}
    problems: list[str] = []
    found: list[type[Rule]] = []
    points = plugins(GROUP)
    if not any(is_builtin(ep) for ep in points):
        raise RuleError(
            "no built-in rules: they are registered by the installed package's entry points"
            " (install it, e.g. pip install -e .)"
        )
    for ep in points:
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


__all__ = ["Context", "Rule", "registry", "BUILTIN_MODULES", "GROUP"]
