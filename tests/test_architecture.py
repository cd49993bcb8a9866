"""The shape of the package: layers point one way, no import cycles, small modules, a whole public API."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "symcond"
GENERATED = {"symcond.special._fd_coeffs"}
MAX_LINES = 400

#: Layers, lowest first: a module may import from its own layer or a lower one, never a higher one.
LAYERS = (
    ("symcond.errors", "symcond.budget", "symcond.files", "symcond.usercode"),
    ("symcond.parse",),
    ("symcond.quantities",),
    ("symcond.special",),
    ("symcond.numeric", "symcond.kinetic", "symcond.montecarlo"),
    ("symcond.rules",),
    ("symcond.model",),
    ("symcond.prove",),
    ("symcond.ledger",),
    ("symcond.report", "symcond.export", "symcond.figures"),
    ("symcond.cli", "symcond.__main__", "symcond"),
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every symcond module that ``name`` imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[name].read_text())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{a.name}" for a in node.names} & set(MODULES)
            found.update(submodules)
            if len(submodules) < len(node.names):
                found.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            found.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name) for name in MODULES}


def _layer(name: str) -> int:
    best = max((prefix for layer in LAYERS for prefix in layer if name == prefix or name.startswith(prefix + ".")),
               key=len)
    return next(i for i, layer in enumerate(LAYERS) if best in layer)


def _cycle_from(start: str) -> list[str] | None:
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(GRAPH[node]):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


@pytest.mark.parametrize("name", sorted(m for m in MODULES if m != "symcond"))
def test_no_import_cycle(name):
    """No module reaches itself through its imports, counting imports inside functions."""
    assert _cycle_from(name) is None, " -> ".join(_cycle_from(name) or [])


@pytest.mark.parametrize("name", sorted(MODULES))
def test_layers_point_one_way(name):
    """A module imports only from its own layer or lower ones (data never imports provers or reports)."""
    upward = sorted(m for m in GRAPH[name] if _layer(m) > _layer(name) and not name.startswith(m + "."))
    assert upward == []


@pytest.mark.parametrize("name", sorted(set(MODULES) - GENERATED))
def test_modules_are_small(name):
    """Every hand-written module stays under the size guideline."""
    assert len(MODULES[name].read_text().splitlines()) <= MAX_LINES


def test_few_modules_at_the_top():
    """Only a handful of modules sit directly in symcond/; everything else is in a layer's folder."""
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "budget.py", "errors.py", "files.py", "usercode.py"]


def test_star_import_gives_the_public_api():
    """``from symcond import *`` works and binds every name of ``__all__``."""
    namespace: dict[str, object] = {}
    exec("from symcond import *", namespace)
    import symcond

    assert sorted(set(symcond.__all__) - set(namespace)) == []


#: The bundled papers and the example paper(s) in examples/: all written with the public API alone.
PAPER_FILES = sorted([*(p for p in (ROOT / "derivations").glob("*.py") if not p.name.startswith("_")),
                      *(ROOT / "examples").glob("*/*.py")])


@pytest.mark.parametrize("path", PAPER_FILES, ids=lambda p: p.name)
def test_paper_files_import_only_symcond(path):
    """A paper file needs nothing but the public API: every import is ``from symcond import ...``."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            imported.add(node.module or "")
    assert imported == {"symcond"}



@pytest.mark.parametrize("path", PAPER_FILES, ids=lambda p: p.name)
def test_paper_files_use_only_public_names(path):
    """Every name a paper file imports from symcond is in ``symcond.__all__``."""
    import symcond

    names = {a.name for node in ast.walk(ast.parse(path.read_text()))
             if isinstance(node, ast.ImportFrom) and node.module == "symcond" for a in node.names}
    assert sorted(names - set(symcond.__all__)) == []


def test_readme_layout_names_every_folder():
    """The README's layout section mentions every sub-package of symcond/."""
    readme = (ROOT / "README.md").read_text()
    folders = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert [f for f in folders if not re.search(rf"^  {f}/ ", readme, re.MULTILINE)] == []
