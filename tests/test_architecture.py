"""The architecture, checked: imports point down the layers only, no
module imports itself back through others, and no module grows past
MAX_LINES. docs/architecture.md draws the same picture.

Every import counts, at the top of a module or inside a function (an
import hidden in a function is still a dependency), except those under
`if TYPE_CHECKING:`, which never run.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Top to bottom. A package may import those below it, never those above it
# or beside it: the pure libraries at the bottom do not know one another
# except as listed (anonymise reads indexing's text normalisation).
LAYERS = [
    ["sotarchive"],
    ["search_api"],
    ["ingest"],
    ["archive"],
    ["metadata"],
    ["anonymise"],
    ["indexing", "ocr", "storage"],
]
MAX_LINES = 500


def modules(root: Path, packages: list[str]) -> dict[str, Path]:
    """Each module's dotted name and file (a package is its __init__.py)."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ours that this module imports: "from a import b" is
    an import of a.b where a.b is a module, else of a."""
    tree = ast.parse(path.read_text("utf-8"))
    skipped = {id(node) for node in ast.walk(tree) if isinstance(node, ast.If) and _type_checking(node.test)
               for node in ast.walk(node)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def import_graph(root: Path, packages: list[str]) -> dict[str, set[str]]:
    found = modules(root, packages)
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, if there is any."""
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        return list(error.args[1])
    return None


def upward_imports(graph: dict[str, set[str]], layers: list[list[str]]) -> list[str]:
    """Each import of a package above or beside the importer's."""
    rank = {package: depth for depth, layer in enumerate(layers) for package in layer}
    wrong = []
    for module, imported in sorted(graph.items()):
        mine = module.split(".")[0]
        for other in sorted(imported):
            theirs = other.split(".")[0]
            if theirs != mine and rank[theirs] <= rank[mine]:
                wrong.append(f"{module} imports {other}")
    return wrong


PACKAGES = [package for layer in LAYERS for package in layer]


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(ROOT, PACKAGES)


def test_no_import_cycles(graph: dict[str, set[str]]) -> None:
    assert cycle(graph) is None, " → ".join(cycle(graph) or [])


def test_imports_point_down_the_layers(graph: dict[str, set[str]]) -> None:
    assert upward_imports(graph, LAYERS) == []


def test_no_module_is_over_the_line_limit() -> None:
    long = {name: n for name, path in modules(ROOT, PACKAGES).items()
            if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these modules (at most {MAX_LINES} lines): {long}"


def test_the_checks_find_a_cycle_and_an_upward_import(tmp_path: Path) -> None:
    """The checks themselves: a package whose module imports back through
    another (one of the imports inside a function), and a library that
    imports the web."""
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "__init__.py").write_text("")
    (tmp_path / "web" / "a.py").write_text("from web import b\n")
    (tmp_path / "web" / "b.py").write_text("def f():\n    from web.a import x\n")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "__init__.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import web\n")
    (tmp_path / "lib" / "c.py").write_text("import web.a\n")
    graph = import_graph(tmp_path, ["web", "lib"])
    assert sorted(cycle(graph) or []) == ["web.a", "web.a", "web.b"]
    assert upward_imports(graph, [["web"], ["lib"]]) == ["lib.c imports web.a"]
