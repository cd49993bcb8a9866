"""Regression tests for engine bugs found by the soundness suites (one test per bug)."""

import math

import pytest
import sympy

from symcond.budget import time_budget
from symcond.cli import main
from symcond.context import Context
from symcond.errors import DefinitionError
from symcond.prove import check_equality, check_equality_iff
from symcond.verdict import Verdict


@pytest.mark.parametrize("seconds", ["nan", "-1", "0"])
def test_check_rejects_a_total_budget_that_is_not_positive(capsys, seconds):
    """--total-budget nan / -1 / 0 is bad input (exit 2, one line), not an internal error (was exit 70)."""
    code = main(["check", "x", "1", "--total-budget", seconds])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("symcond: error: the budget of check must be a positive number")
    assert err.count("\n") == 1


def test_check_accepts_an_infinite_total_budget(capsys):
    """--total-budget inf means no deadline (was an OverflowError reported as 'input too large')."""
    assert main(["check", "2*x", "x + x", "--total-budget", "inf"]) == 0


@pytest.mark.parametrize("seconds", [math.nan, -1.0, 0.0])
def test_time_budget_rejects_non_positive_seconds(seconds):
    """time_budget raises DefinitionError for NaN, negative or zero seconds."""
    with pytest.raises(DefinitionError, match="must be a positive number of seconds"):
        with time_budget(seconds, "demo"):
            pass


def test_check_rejects_a_negative_given_for_a_positive_symbol(capsys):
    """sqrt(tau_in**2) = tau_in with tau_in = -1 was reported holds; now the given is bad input."""
    code = main(["check", "sqrt(tau_in**2)", "tau_in", "--given", "tau_in=-1"])
    assert code == 2 and capsys.readouterr().err == "symcond: error: 'tau_in' must be positive (given -1)\n"


def test_check_rejects_a_negative_stated_equality_for_a_positive_symbol(capsys):
    """An --assume equality that contradicts a symbol's sign cannot make sqrt(tau_in**2) = tau_in hold."""
    code = main(["check", "sqrt(tau_in**2)", "tau_in", "--assume", "tau_in==-1"])
    assert code == 2 and capsys.readouterr().err == "symcond: error: 'tau_in' must be positive (given -1)\n"


def test_check_rejects_an_infinite_given(capsys):
    """tau_in = oo is bad input rather than an undecided check."""
    code = main(["check", "tau_in", "1", "--given", "tau_in=oo"])
    assert code == 2 and capsys.readouterr().err == "symcond: error: 'tau_in' must be finite (given oo)\n"


def test_python_api_rejects_a_given_that_contradicts_positivity():
    """check_equality raises DefinitionError instead of proving |x| = x with x = -1."""
    x = sympy.Symbol("x", positive=True)
    with pytest.raises(DefinitionError, match=r"'x' must be positive \(given -1\)"):
        check_equality(sympy.sqrt(x**2), x, Context(givens={x: -1}))


def test_real_symbols_may_be_given_negative_values():
    """A symbol declared real (not positive) accepts a negative given."""
    eta = sympy.Symbol("eta", real=True)
    assert check_equality(eta**2, sympy.Integer(4), Context(givens={eta: -2})).verdict is Verdict.HOLDS


def test_iff_identity_with_an_impossible_condition_does_not_hold():
    """Gamma = 1 'exactly when l = -L' (with Gamma = 1 given) is false: the sides are equal for every l."""
    gamma, l, big_l = sympy.symbols("Gamma l L", positive=True)
    condition = sympy.Eq(l, -big_l, evaluate=False)
    outcome = check_equality_iff(gamma, sympy.Integer(1), condition, Context(givens={gamma: 1}))
    assert not outcome.passed


def test_iff_condition_that_is_false_is_refused_or_refuted():
    """'a = a exactly when b = -c' for positive b, c is refused (DefinitionError) or refuted, not a crash."""
    a, b, c = sympy.symbols("a b c", positive=True)
    try:
        outcome = check_equality_iff(a, a, sympy.Eq(b, -c), Context())
    except DefinitionError:
        return
    assert not outcome.passed
