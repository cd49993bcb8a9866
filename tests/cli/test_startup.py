"""Start-up: each command imports what it needs, not the whole API (issue 17, point 3)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _imported(argv: list[str], prefixes: tuple[str, ...]) -> str:
    code = ("import sys; from symcond.cli.main import main; main(sys.argv[1:]); "
            f"print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=300)
    return done.stdout.strip().splitlines()[-1]


def test_importing_symcond_imports_nothing_heavy():
    """``import symcond`` loads names on first use: neither SymPy nor the prover yet."""
    code = "import sys, symcond; print(sorted(m for m in sys.modules if m.startswith(('sympy', 'symcond.'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_check_does_not_compile_or_load_numeric_backends():
    """``check`` needs the prover, not lambdify's NumPy/SciPy special functions."""
    assert _imported(["check", "--plain", "x", "x"], ("symcond.numeric.lambdify", "scipy.special")) == "[]"


@pytest.mark.parametrize("argv", [["solve", "--help"], ["mc", "--help"]])
def test_solve_and_mc_do_not_import_the_prover(argv):
    """``solve`` and ``mc`` build only their own parser: verify's and check's would import the prover."""
    code = ("import sys\nfrom symcond.cli.main import main\ntry:\n    main(sys.argv[1:])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('symcond.prove', 'symcond.cli.check', "
            "'symcond.ledger.run'))))")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == "[]"
