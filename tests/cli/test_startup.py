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


#: The README's example: ``e`` is a CODATA constant, but a claim that holds never needs its value.
_README_CHECK = ["check", "e**2*N*tau/(m*L**2)", "e**2*N*Gamma/h_s", "--given", "Gamma=l/L", "--given", "l=v*tau",
                 "--given", "h_s=m*v*L"]
_HEAVY = ("numpy", "scipy.constants", "sympy.physics.units")


def _imported_anywhere(argv: list[str]) -> list[str]:
    """Which of :data:`_HEAVY` the command imports, in the CLI's process or in the worker it forks for the check."""
    code = ("import sys\ndef hook(event, args):\n"
            f"    if event == 'import' and args[0] in {_HEAVY!r} and args[0] not in sys.modules:\n"
            "        print('imported', args[0], file=sys.stderr)\n"
            "sys.addaudithook(hook)\nfrom symcond.cli.main import main\nmain(sys.argv[1:])")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=300)
    return sorted({line.split()[1] for line in done.stderr.splitlines() if line.startswith("imported ")})


@pytest.mark.parametrize("argv", [["check", "x+x", "2*x"], ["check", "--plain", "x", "x"]])
def test_check_in_plain_symbols_imports_no_numpy_scipy_constants_or_sympy_units(argv):
    """A check with no registry quantity reads no dimension and no CODATA value, and its proof needs no NumPy
    (the Fermi-Dirac function and the kinetic solver are imported by the claims that use them)."""
    assert _imported_anywhere(argv) == []


def test_check_that_holds_with_a_constant_does_not_read_its_value():
    """The README's check reads dimensions (its report names them) but no CODATA value: no scipy.constants,
    no NumPy."""
    assert _imported_anywhere(_README_CHECK) == ["sympy.physics.units"]


def test_check_searching_a_counterexample_reads_the_codata_value():
    """A check that fails with ``e`` puts it at its CODATA value in the counterexample: scipy.constants is read."""
    assert _imported_anywhere(["check", "e*T", "2*e*T"]) == ["numpy", "scipy.constants", "sympy.physics.units"]
