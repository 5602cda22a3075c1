"""The layout: imports point down the layers that the README's map of the code lists, and never in a circle.

The map (README.md, between the `layers` comments) names each layer of `pipeline/` in the order data flows,
lowest first. Every module's imports are read with `ast` (function-level imports included): a module may
import from its own layer or a lower one, and the import graph has no cycle.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIPELINE = ROOT / "pipeline"
_MAP = re.compile(r"<!-- layers:.*?-->\n(.*?)<!-- /layers -->", re.S)
_ITEM = re.compile(r"^- `pipeline/([\w.]+?)/?` — ", re.M)


def layers() -> list[str]:
    """The README's layers, lowest first, as module names (pipeline.text, pipeline.settings…)."""
    found = _MAP.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, "README.md has no map of the code between <!-- layers: --> and <!-- /layers -->"
    return ["pipeline." + name.removesuffix(".py") for name in _ITEM.findall(found.group(1))]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PIPELINE.rglob("*.py"))}


@cache
def syntax_tree(path: Path) -> ast.Module:
    """A module's source, parsed once per session (tests/test_lexicons_are_data.py reads the same trees)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def statements(node: ast.AST) -> list[ast.AST]:
    """Every statement in a tree, at any depth (in functions, classes, if/try/with/match blocks): an import is
    a statement, so the expressions, most of a tree, need not be visited."""
    found = []
    pending = [node]
    while pending:
        current = pending.pop()
        found.append(current)
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            pending.extend(getattr(current, field, ()))
    return found


def imports(source: str | ast.Module, package: str, known: set[str]) -> set[str]:
    """The pipeline modules a source (or its parsed tree) imports, `package` being the package it is in (for
    relative imports): `from a.b import c` is a.b.c when that is a module, else a.b."""
    found: set[str] = set()
    for node in statements(ast.parse(source) if isinstance(source, str) else source):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {name for name in found if name in known and name != "pipeline"}


def layer_of(module: str, order: list[str]) -> int | None:
    for index, layer in enumerate(order):
        if module == layer or module.startswith(layer + "."):
            return index
    return None


@cache
def graph() -> dict[str, frozenset[str]]:
    """Each module's imports of pipeline modules (read once per session: two tests ask)."""
    known = modules()
    return {
        name: frozenset(
            imports(syntax_tree(path), name if path.name == "__init__.py" else name.rsplit(".", 1)[0], set(known))
        )
        for name, path in known.items()
    }


def test_the_map_names_every_package_and_module_at_the_top_of_pipeline():
    order = layers()
    top = {
        "pipeline." + (path.name if path.is_dir() else path.stem)
        for path in PIPELINE.iterdir()
        if (path.is_dir() and (path / "__init__.py").exists()) or (path.suffix == ".py" and path.name != "__init__.py")
    }
    assert sorted(set(order) - top) == [], "the README's map names what is not in pipeline/"
    assert sorted(top - set(order)) == [], "pipeline/ has packages or modules the README's map does not name"
    assert len(order) == len(set(order))


def test_imports_point_down_the_layers():
    order = layers()
    upward = []
    for module, targets in graph().items():
        own = layer_of(module, order)
        for target in targets:
            if own is not None and (theirs := layer_of(target, order)) is not None and theirs > own:
                upward.append(f"{module} imports {target} (layer {order[theirs]} is above {order[own]})")
    assert upward == []


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others():
    assert cycles(graph()) == []


def test_the_checks_see_an_upward_import_and_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    order = ["pipeline.text", "pipeline.parse"]
    assert layer_of("pipeline.text.segment", order) == 0 and layer_of("pipeline.parse.clauses", order) == 1
    assert layer_of("pipeline.textual", order) is None


@pytest.mark.parametrize("source, expected", [
    ("from pipeline.text import numbers", {"pipeline.text.numbers"}),
    ("from pipeline.text.numbers import parse_number", {"pipeline.text.numbers"}),
    ("import pipeline.schema", {"pipeline.schema"}),
    ("def f():\n    from pipeline.parse.statements import task", {"pipeline.parse.statements"}),
    ("from . import numbers", {"pipeline.text.numbers"}),
    ("from ..parse import statements", {"pipeline.parse.statements"}),
    ("import json\nfrom dagster import asset", set()),
])  # fmt: skip
def test_imports_are_read_from_the_source(source: str, expected: set[str]):
    assert imports(source, "pipeline.text", set(modules())) == expected
