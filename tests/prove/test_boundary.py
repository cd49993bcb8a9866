"""The prover boundary: SymPy's errors while proving give undecided with a reason; bad input still raises."""

import pytest
import sympy

from symcond.errors import DefinitionError
from symcond.model.context import Assumption, Context
from symcond.model.verdict import Verdict
from symcond.prove import check_equality, check_equality_iff, check_inequality, strategies

a, b, c, d, x = sympy.symbols("a b c d x", positive=True)
#: simplify(x - this) raises SymPy's ValueError "The argument '_rf(1, -9/10)' is not comparable."
UNCOMPARABLE = sympy.Min(a + b, c + d, sympy.gamma(sympy.Rational(1, 10)))
REASON = "SymPy failed (ValueError: The argument '_rf(1, -9/10)' is not comparable.)"


@pytest.mark.parametrize("check", [check_equality, check_inequality])
def test_sympy_error_while_proving_is_undecided(check, monkeypatch):
    """With simplify the only strategy, x against Min(a + b, c + d, gamma(1/10)) is undecided naming SymPy's
    error (was a ValueError: exit 70)."""
    monkeypatch.setattr(strategies, "STRATEGIES", tuple(s for s in strategies.STRATEGIES if s.name == "simplify"))
    out = check(x, UNCOMPARABLE, Context())
    assert (out.verdict, out.evidence.reason) == (Verdict.UNDECIDED, REASON)


@pytest.mark.parametrize("check", [check_equality, check_inequality])
def test_sympy_error_in_one_strategy_leaves_the_others(check):
    """simplify fails on x - Min(a + b, c + d, gamma(1/10)), the cheaper strategies do not: the false claim is
    refuted with a counterexample."""
    out = check(x, UNCOMPARABLE, Context())
    assert out.verdict is Verdict.FAILS and out.evidence.counterexample is not None


def test_sympy_error_in_one_run_leaves_the_others():
    """The run without assumptions raises, the run under x = a + b + 1 still proves: holds-under it."""
    ctx = Context(assumptions=(Assumption("x=a+b+1", sympy.Eq(x, a + b + 1)),))
    out = check_equality(x - UNCOMPARABLE, a + b + 1 - UNCOMPARABLE, ctx)
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("x=a+b+1: x = a + b + 1",))


def test_any_sympy_error_class_in_a_prover_is_undecided(monkeypatch):
    """A NotImplementedError from SymPy in every simplification strategy (not only this ValueError) is undecided,
    not raised."""
    def unsupported(*_args: object, **_kwargs: object) -> sympy.Expr:
        raise NotImplementedError("no method for this expression")

    monkeypatch.setattr(strategies, "STRATEGIES", (strategies.Strategy("simplify", 1.0, unsupported),))
    out = check_equality(x**2, x * x + a - a, Context())
    assert (out.verdict, out.evidence.reason) == (
        Verdict.UNDECIDED, "SymPy failed (NotImplementedError: no method for this expression)")


def test_bad_input_inside_a_prover_still_raises():
    """A condition that is not an equation is bad input (DefinitionError), not an undecided claim."""
    with pytest.raises(DefinitionError, match="the condition of an 'exactly when' claim must be an equation"):
        check_equality_iff(x, a, sympy.Eq(x, x), Context())


def test_sympy_error_while_solving_a_stated_equality_keeps_it_as_a_condition(monkeypatch):
    """A TypeError solving x = 2 (x = a given) keeps a = 2 as a condition: no point breaks it, nothing raises."""
    def unsolvable(*_args: object) -> None:
        raise TypeError("cannot determine truth value of Relational")

    monkeypatch.setattr("symcond.prove.joint._linear_solution", unsolvable)
    ctx = Context(givens={x: a}, assumptions=(Assumption("x=2", sympy.Eq(x, 2)),))
    out = check_equality(x + a, sympy.Integer(4), ctx)
    assert (out.verdict, out.evidence.counterexample) == (Verdict.UNDECIDED, None)
    assert out.evidence.reason == ("a violating point was found only without (some of) the stated assumptions"
                                   " (x = 2); under them: no symbolic proof found; no admissible point found"
                                   " among 100 samples")
