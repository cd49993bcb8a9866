"""The example notebook runs top to bottom, writes nothing into the working folder, and is
committed with the outputs it produces.

Jupyter is not needed: :func:`execute` runs the code cells like a kernel (statements, then the
value of a final expression) in one namespace and records what Jupyter would store, stdout and
stderr as streams and the final value as ``text/plain`` plus its ``_repr_markdown_``,
``_repr_latex_`` and ``_repr_png_``.  ``python -m tests.report.test_notebook`` fills the
committed notebook's outputs this way.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "quickstart.ipynb"

#: Largest committed notebook, in bytes (outputs are text, no blobs).
MAX_BYTES = 40_000

_RICH = {"text/markdown": "_repr_markdown_", "text/latex": "_repr_latex_", "image/png": "_repr_png_"}


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _data(value: Any) -> dict[str, Any]:
    """The MIME bundle Jupyter would store for ``value``."""
    data: dict[str, Any] = {"text/plain": _lines(repr(value))}
    for mime, method in _RICH.items():
        shown = getattr(value, method, None)
        if callable(shown) and (text := shown()) is not None:
            data[mime] = base64.b64encode(text).decode("ascii") if mime == "image/png" else _lines(text)
    return data


def run_cell(source: str, namespace: dict[str, Any]) -> tuple[object, str, str]:
    """Execute a cell like IPython; return (value of a final expression or None, stdout, stderr)."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        exec(compile(tree, "<cell>", "exec"), namespace)
        value = None if last is None else eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
    return value, out.getvalue(), err.getvalue()


def execute(notebook: dict[str, Any]) -> tuple[list[object], list[list[dict[str, Any]]]]:
    """Run the code cells in order in one namespace; return their values and their nbformat outputs."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    values, outputs = [], []
    count = 0
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        count += 1
        value, out, err = run_cell("".join(cell["source"]), namespace)
        shown = [{"output_type": "stream", "name": name, "text": _lines(text)}
                 for name, text in (("stdout", out), ("stderr", err)) if text]
        if value is not None:
            shown.append({"output_type": "execute_result", "execution_count": count, "data": _data(value),
                          "metadata": {}})
        values.append(value)
        outputs.append(shown)
    return values, outputs


def _load() -> dict[str, Any]:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    return notebook


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """(values, outputs, files left in the working folder) after running the notebook in an empty folder."""
    folder = tmp_path_factory.mktemp("notebook")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        values, outputs = execute(_load())
        return values, outputs, sorted(os.listdir(folder))


def test_notebook_writes_nothing_into_the_working_folder(executed):
    """The export goes to a temporary folder: the working folder stays empty."""
    assert executed[2] == []


def test_notebook_is_committed_with_its_outputs(executed):
    """Every code cell is committed executed, with outputs of the same kinds as a fresh run's."""
    cells = [c for c in _load()["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in cells] == list(range(1, len(cells) + 1))
    committed = [[(o["output_type"], o.get("name"), sorted(o.get("data", {}))) for o in c["outputs"]] for c in cells]
    fresh = [[(o["output_type"], o.get("name"), sorted(o.get("data", {}))) for o in cell] for cell in executed[1]]
    assert committed == fresh and all(committed)
    assert not any(o.get("name") == "stderr" for cell in executed[1] for o in cell)
    assert NOTEBOOK.stat().st_size <= MAX_BYTES


def test_verdicts_are_printed_as_text(executed):
    """The verdicts reach the reader as text: the Landauer claim holds only under 'ballistic', the ledger
    lists each claim's verdict, the bundled claim fails by the factor 2."""
    printed = ["".join(o["text"]) for cell in executed[1] for o in cell if o["output_type"] == "stream"]
    assert printed[0] == "holds-under\n"
    assert "demo2026:eq1  Eq. (1)  holds-under" in printed[2] and "demo2026:eq3  Eq. (3)  fails" in printed[2]
    assert "verdict: fails" in printed[3] and "exact factor lhs/rhs: 2" in printed[3]
    assert "<tmp>" in printed[4] and "(verdict: fails)" in printed[4]


def test_every_displayed_object_renders(executed):
    """Objects with a Markdown or LaTeX representation return non-empty text for Jupyter."""
    shown = [r for r in executed[0] if hasattr(r, "_repr_markdown_") or hasattr(r, "_repr_latex_")]
    assert len(shown) >= 2
    for value in shown:
        text = value._repr_markdown_() if hasattr(value, "_repr_markdown_") else value._repr_latex_()
        assert text.strip()


def test_exported_module_gives_the_factor_two(executed):
    """The exported Eq. (11) functions of the last cell differ by the factor 2 symcond found."""
    assert executed[0][-1] == pytest.approx(2.0, rel=1e-15)


def test_derivation_displays_aligned_latex(executed):
    """The derivation cell displays as an aligned LaTeX block with one line per step."""
    latex = executed[0][2]._repr_latex_()
    assert latex.startswith("$$\\begin{aligned}") and latex.count("\\\\") == 2


def fill_outputs() -> None:
    """Run the notebook in a temporary working folder and write its outputs into the committed file."""
    notebook = _load()
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            _, outputs = execute(notebook)
        finally:
            os.chdir(cwd)
    cells = iter(outputs)
    count = 0
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            count += 1
            cell["execution_count"], cell["outputs"] = count, next(cells)
    NOTEBOOK.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {NOTEBOOK} ({NOTEBOOK.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    fill_outputs()
