"""The shape of the code: the stages import only downwards, and nothing is too long to read.

Layers, lowest first (a module may import from its own layer and lower ones, at the top of
the file or inside a function alike):

    base         models, errors, config, atomic, tables
    time         consistency/time/        the calendar, time expressions, publication dates
    reading      consistency/reading/     files to Documents
    extract      consistency/extract/     the language pipeline and claims
    linking      consistency/linking/     entity resolution, the graph
    application  pipeline, store, rules, reports, evaluate, accepted, fingerprints, cli

The limits (no module over 600 lines, no function over 60) are checked here; ruff checks
McCabe complexity (at most 15) with the rest of the lint.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import consistency

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["base", "time", "reading", "extract", "linking", "application"]
_BASE = {"models", "errors", "config", "atomic", "tables"}
_FOLDERS = {
    "consistency": "consistency",
    "rules": "consistency.rules",
    "reports": "consistency.reports",
}


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for the package and the rules and reports it installs."""
    out = {}
    for folder, package in _FOLDERS.items():
        for p in sorted((ROOT / folder).rglob("*.py")):
            parts = list(p.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join([package, *parts])] = p
    return out


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) < 2:
        return "application"  # the package's own __init__: its public face
    head = parts[1]
    if head in _BASE:
        return "base"
    if head in ("time", "reading", "extract", "linking"):
        return head
    return "application"


def _imports(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import of the package in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    typing_only = {  # imports under "if TYPE_CHECKING:" never run
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for n in ast.walk(stmt)
    }
    out = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            out.append((node.lineno, target))
            # "from consistency import nlp": the names may be modules
            out += [(node.lineno, f"{target}.{a.name}") for a in node.names]
    return [(n, m) for n, m in out if m == "consistency" or m.startswith("consistency.")]


def _known(name: str, modules: dict[str, Path]) -> str | None:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def test_stages_import_only_downwards() -> None:
    modules = _modules()
    wrong = []
    for module, path in modules.items():
        if module == "consistency":
            continue  # the public face re-exports what it offers
        mine = LAYERS.index(layer(module))
        for line, target in _imports(path, module):
            found = _known(target, modules)
            if found is None or found == "consistency":
                continue
            if LAYERS.index(layer(found)) > mine:
                where = f"{path.relative_to(ROOT)}:{line}"
                wrong.append(f"{where} ({layer(module)}) imports {found} ({layer(found)})")
    assert not wrong, "\n".join(sorted(set(wrong)))


def test_no_import_cycle_between_modules() -> None:
    import networkx as nx

    modules = _modules()
    g = nx.DiGraph()
    for module, path in modules.items():
        if module == "consistency":
            continue
        for _, target in _imports(path, module):
            found = _known(target, modules)
            if (
                found
                and found != module
                and found != "consistency"
                and not module.startswith(found + ".")
            ):
                g.add_edge(module, found)
    cycles = sorted(sorted(c) for c in nx.simple_cycles(g))
    assert not cycles, cycles[:5]


@pytest.mark.parametrize("folder", ["consistency", "rules", "reports", "benchmarks", "tests"])
def test_modules_and_functions_are_short(folder: str) -> None:
    long = []
    for p in sorted((ROOT / folder).rglob("*.py")):
        text = p.read_text(encoding="utf-8")
        if len(text.splitlines()) > 600:
            long.append(f"{p.relative_to(ROOT)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if n > 60:
                    long.append(f"{p.relative_to(ROOT)}:{node.lineno} {node.name}: {n} lines")
    assert not long, "\n".join(long)


def test_the_reader_fingerprint_covers_what_the_store_writes() -> None:
    """A stored reading and its index rows are used again only under the same reader hash
    (consistency.store.version): every module the codec and the index rows run must be in
    it, or an edit to one (how things are labelled, say) leaves stale rows unnoticed."""
    from consistency.store.version import hashed_files

    modules = _modules()
    todo = ["consistency.store.codec", "consistency.store.keys"]
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        for _, target in _imports(modules[module], module):
            found = _known(target, modules)
            if found and found != "consistency":
                todo.append(found)
    # models imports tables only inside Result's frame methods, for a finished run's result.
    seen -= {"consistency.tables"}
    # Compared by their path in the package: under a normal install the hashed files are
    # the installed copies, not this checkout's.
    installed = Path(consistency.__file__).resolve().parent
    hashed = {p.resolve().relative_to(installed).as_posix() for p in hashed_files()}
    package = ROOT / "consistency"
    missing = sorted(
        str(modules[m].relative_to(ROOT))
        for m in seen
        if modules[m].resolve().relative_to(package).as_posix() not in hashed
    )
    assert not missing, missing
