"""The example notebook runs top to bottom without Jupyter, and its displayed objects render."""

import ast
import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "quickstart.ipynb"


def _code_cells() -> list[str]:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def _run_cell(source: str, namespace: dict) -> object:
    """Execute a cell like IPython: statements, then the value of a final expression (None otherwise)."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    return None if last is None else eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """The value displayed by each code cell, after running them in order in one namespace."""
    folder = tmp_path_factory.mktemp("notebook")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.syspath_prepend(str(folder))
        namespace: dict = {}
        return [_run_cell(source, namespace) for source in _code_cells()]


def test_every_displayed_object_renders(results):
    """Objects with a Markdown or LaTeX representation return non-empty text for Jupyter."""
    shown = [r for r in results if hasattr(r, "_repr_markdown_") or hasattr(r, "_repr_latex_")]
    assert len(shown) >= 4
    for value in shown:
        text = value._repr_markdown_() if hasattr(value, "_repr_markdown_") else value._repr_latex_()
        assert text.strip()


def test_landauer_claim_holds_under_ballistic(results):
    """The notebook's Landauer claim holds only under 'ballistic'."""
    assert results[1].value == "holds-under"


def test_exported_module_gives_the_factor_two(results):
    """The exported Eq. (11) functions of the last cell differ by the factor 2 symcond found."""
    assert results[-1] == pytest.approx(2.0, rel=1e-15)


def test_derivation_displays_aligned_latex(results):
    """The derivation cell displays as an aligned LaTeX block with one line per step."""
    latex = results[2]._repr_latex_()
    assert latex.startswith("$$\\begin{aligned}") and latex.count("\\\\") == 2
