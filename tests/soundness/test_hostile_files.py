"""Malformed derivation files, malformed Python-API input, and real subprocesses under memory limits."""

import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symcond.cli.main import main
from symcond.errors import DefinitionError, SymcondError, UserCodeError
from symcond.ledger.run import load_papers, verify
from symcond.model.paper import Paper
from symcond.prove import decide
from tests.strategies import hostile_texts

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 3 * 1024**3  # bytes of address space for a subprocess
HEADER = "from symcond import Eq, Paper, Le\npaper = Paper('userpaper')\nx, y = paper.symbols('tau_in tau_el')\n"


def write(tmp_path, body, name="userpaper.py"):
    """A derivation file with ``body`` (dedented)."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def verify_exit(capsys, path):
    """Exit code and stderr of ``symcond verify PATH`` in-process."""
    code = main(["verify", str(path)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("body, error, fragment", [
    ("def broken(:\n", UserCodeError, "SyntaxError"),
    ("raise ValueError('boom')\n", UserCodeError, "ValueError: boom"),
    ("import not_a_module_anywhere\n", UserCodeError, "ModuleNotFoundError"),
    ("x = 1\n", DefinitionError, "defines no Paper"),
    ("def f():\n    return f()\nf()\n", UserCodeError, "RecursionError"),
    (HEADER + "paper.declare('v', 'velocityy')\n", UserCodeError, "unknown dimension 'velocityy'"),
    (HEADER + "paper.equality('eq1', x, y)\npaper.equality('eq1', x, y)\n", UserCodeError, "used twice"),
    (HEADER + "paper.equality('equation one', x, y)\n", UserCodeError, "must look like"),
    (HEADER + "paper.equality('eq1', x, y, assumptions=('nowhere',))\n", UserCodeError, "unknown assumption"),
    (HEADER + "paper.assume('a', Eq(x, y))\npaper.assume('a', Eq(x, y))\n", UserCodeError, "stated twice"),
    (HEADER + "paper.assume('a', x + y)\n", UserCodeError, "must be a relation"),
    ("from symcond import Paper\npaper = Paper('Bad Key')\n", UserCodeError, "must be lower-case"),
])
def test_malformed_derivation_file_raises_a_clear_error(tmp_path, body, error, fragment):
    """load_papers turns each broken file into one SymcondError naming the file and the problem."""
    with pytest.raises(error, match=fragment):
        load_papers([write(tmp_path, body)])


@pytest.mark.parametrize("body", ["def broken(:\n", "raise ValueError('boom')\n", "x = 1\n"])
def test_verify_of_a_malformed_file_exits_2(capsys, tmp_path, body):
    """symcond verify PATH on a broken file exits 2 with one line."""
    code, err = verify_exit(capsys, write(tmp_path, body))
    assert code == 2 and err.startswith("symcond: error: ") and err.count("\n") == 1


def test_missing_or_non_python_path_exits_2(capsys, tmp_path):
    """A path that does not exist, or is not a .py file, is bad input."""
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    for path in (tmp_path / "absent.py", tmp_path / "notes.txt", tmp_path):
        code, err = verify_exit(capsys, path)
        assert code == 2 and "does not exist or is not a .py file" in err


def test_circular_givens_in_a_claim_are_a_definition_error(tmp_path):
    """A claim whose givens define x by y and y by x is refused when checked, naming the cycle."""
    paper = load_papers([write(tmp_path, HEADER + "paper.equality('eq1', x, y, givens={x: y, y: x})\n")])[0]
    with pytest.raises(DefinitionError, match="circular: tau_in -> tau_el -> tau_in"):
        verify([paper])


def test_circular_givens_file_exits_2(capsys, tmp_path):
    """symcond verify on a file with circular givens exits 2 with the cycle in one line."""
    code, err = verify_exit(capsys, write(tmp_path, HEADER + "paper.equality('eq1', x, y, givens={x: y, y: x})\n"))
    assert code == 2 and "circular" in err and err.count("\n") == 1


def test_same_paper_key_twice_is_a_definition_error(tmp_path):
    """Two files defining the same paper key are refused."""
    first, second = write(tmp_path, HEADER, "a.py"), write(tmp_path, HEADER, "b.py")
    with pytest.raises(DefinitionError, match="defined more than once"):
        load_papers([first, second])


def test_derivation_file_calling_sys_exit_is_bad_input(tmp_path):
    """A derivation file that calls sys.exit(0) is reported as user-code error, not a silent success."""
    with pytest.raises(UserCodeError):
        load_papers([write(tmp_path, "import sys\nsys.exit(0)\n")])


@settings(max_examples=50, deadline=None, derandomize=True)
@given(key=st.text(max_size=20), local=hostile_texts(max_tokens=8))
def test_python_api_refuses_bad_keys_and_ids(key, local):
    """Paper keys and claim ids outside their grammar raise DefinitionError, never anything else."""
    try:
        paper = Paper(key)
        x, y = paper.symbols("tau_in tau_el")
        paper.equality(local, x, y)
    except DefinitionError:
        return
    assert paper.claims[-1].id == f"{key}:{local}"


@settings(max_examples=30, deadline=None, derandomize=True)
@given(stated=st.one_of(hostile_texts(max_tokens=4), st.sampled_from(["nan", "inf", "-inf", "NaN", "1e99999", ""])))
def test_value_claims_refuse_non_numbers(stated):
    """A printed value that is not a finite decimal number is a DefinitionError when checked."""
    paper = Paper("demo2026")
    m_e, h = paper.symbols("m_e h")
    claim = paper.value("eq1", m_e**2 / h, stated)
    try:
        outcome = decide(claim, paper)
    except SymcondError:
        return
    assert outcome.verdict.value in ("holds", "fails")


def _limited() -> None:
    """preexec_fn: cap the address space and CPU time of the child."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (120, 120))


@pytest.mark.parametrize("args", [
    ["check", "9**9**9**9", "1"], ["check", "(" * 60000 + "x" + ")" * 60000, "1"],
    ["check", "x" * 120000, "1"], ["check", "__import__('os').system('echo pwned')", "1"],
    ["check", "factorial(10**10)", "1"],
], ids=["tower", "nesting", "long-name", "injection", "factorial"])
def test_real_subprocess_refuses_hostile_input_within_memory_limit(args):
    """python -m symcond exits 2 with one line under a 3 GB address-space limit."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "symcond", *args], capture_output=True, text=True, timeout=300,
                          preexec_fn=_limited, env=env, cwd=ROOT)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("symcond: error: ") and done.stderr.count("\n") == 1
