"""Regression tests for engine bugs found by the soundness suites (one test per bug)."""

import json
import math

import pytest
import sympy

from symcond.budget import time_budget
from symcond.cli.main import main
from symcond.errors import DefinitionError
from symcond.model.context import Context
from symcond.model.verdict import Verdict
from symcond.prove import check_equality, check_equality_iff


@pytest.mark.parametrize("seconds", ["nan", "-1", "0"])
def test_check_rejects_a_total_budget_that_is_not_positive(capsys, seconds):
    """--total-budget nan / -1 / 0 is bad input (exit 2, one line), not an internal error (was exit 70)."""
    code = main(["check", "x", "1", "--total-budget", seconds])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("symcond: error: the total budget must be a positive number of seconds (got ")
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
    """sqrt(tau_in**2) = tau_in with tau_in = -1 s was reported holds; now the given is bad input."""
    code = main(["check", "sqrt(tau_in**2)", "tau_in", "--given", "tau_in=-1 s"])
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


@pytest.mark.parametrize(("lhs", "rhs", "given"),
                         [("sqrt(a**2)", "a", "a=b-c"), ("abs(a)", "a", "a=x-y"), ("(a**6)**(1/2)", "a**3", "a=x-y")])
def test_check_given_that_can_be_negative_is_refuted_at_a_point_of_its_variables(capsys, lhs, rhs, given):
    """sqrt(a**2) = a with a = b - c was holds (a parsed positive); now fails, sampled over b and c."""
    code = main(["check", lhs, rhs, "--given", given, "--json"])
    found = json.loads(capsys.readouterr().out)
    assert code == 1 and found["verdict"] == "fails"
    variables = sorted(name for name in found["counterexample"] if name not in ("lhs", "rhs"))
    assert variables == sorted(str(s) for s in sympy.sympify(given.split("=")[1]).free_symbols)


def test_check_given_orders_definitions_by_dependency(capsys):
    """d = a + 1 given before a = b - c: d still takes the sign of its definition (real), so |d| = d fails."""
    code = main(["check", "sqrt(d**2)", "d", "--given", "d=a+1", "--given", "a=b-c", "--json"])
    assert code == 1 and json.loads(capsys.readouterr().out)["verdict"] == "fails"


def test_check_given_that_is_positive_keeps_a_positive_symbol(capsys):
    """a = b**2 + 1 is provably positive, so sqrt(a**2) = a holds."""
    assert main(["check", "sqrt(a**2)", "a", "--given", "a=b**2+1"]) == 0


def test_check_counterexample_satisfies_an_unusable_assumption(capsys):
    """x <= y under exp(x) <= exp(y) was refuted at x = 4.31 > y = 1.06; now undecided, naming the assumption."""
    code = main(["check", "x", "y", "--relation", "le", "--assume", "exp(x)<=exp(y)"])
    out = capsys.readouterr().out
    assert code == 3 and out.startswith("undecided: a violating point was found only without (some of) the stated "
                                        "assumptions (exp(x) <= exp(y))")


def test_check_strict_inequality_below_80_digits_holds(capsys):
    """x + 1e-300 > x was refuted from rounding; the difference is exact at rational points."""
    assert main(["check", "x+1e-300", "x", "--relation", "gt"]) == 0


@pytest.mark.parametrize(
    ("assumptions", "message"),
    [
        (["x>y", "y>x"], "undecided: the assumptions contradict each other: x > y, y > x\n"),
        (["x<0"], "undecided: the assumptions contradict each other: x < 0, x > 0 (declared positive)\n"),
        (["x<y", "y<z", "z<x"], "undecided: the assumptions contradict each other: x < y, y < z, z < x\n"),
    ],
)
def test_check_contradicting_assumptions_are_named(capsys, assumptions, message):
    """x > y with y > x was holds-under x > y without a word; now undecided naming the contradiction."""
    args = [item for text in assumptions for item in ("--assume", text)]
    assert main(["check", "x", "y", "--relation", "gt", *args]) == 3
    assert capsys.readouterr().out == message
