"""joint(): stated equalities on a symbol that is already replaced are solved or become conditions."""

import sympy

from symcond.model.context import Assumption, Context
from symcond.prove.joint import joint

G, a, b, l, big_l = sympy.symbols("Gamma a b l L", positive=True)
x = sympy.Symbol("x", real=True)


def test_equality_on_a_given_symbol_is_solved_for_a_linear_symbol():
    """Gamma = 1 with Gamma = l/L given becomes the substitution L = l (was Gamma = 1, dropping l/L)."""
    found = joint(Context(givens={G: l / big_l}), (Assumption("ballistic", sympy.Eq(G, 1)),))
    assert [(a.is_equality, str(a)) for a in found] == [(True, "ballistic: L = l")]


def test_second_equality_on_one_symbol_is_solved_against_the_first():
    """x = a then x = b: the second becomes a = b, substituted (both hold)."""
    found = joint(Context(), (Assumption("first", sympy.Eq(x, a)), Assumption("second", sympy.Eq(x, b))))
    assert [str(a) for a in found] == ["first: x = a", "second: a = b"]


def test_equality_without_a_symbol_to_solve_for_is_a_condition():
    """x = 1 then x = 2 leaves 1 = 2: a condition on the points, not a substitution."""
    found = joint(Context(), (Assumption("one", sympy.Eq(x, 1)), Assumption("two", sympy.Eq(x, 2))))
    assert [(a.is_equality, str(a)) for a in found] == [(True, "one: x = 1"), (False, "two: x = 2")]


def test_solution_of_the_wrong_declared_sign_is_not_substituted():
    """x = 2 with x = -a given would need a = -2 for a positive a: it stays a condition."""
    found = joint(Context(givens={x: -a}), (Assumption("two", sympy.Eq(x, 2)),))
    assert [(a.is_equality, str(a)) for a in found] == [(False, "two: x = 2")]


def test_nonlinear_equality_is_a_condition():
    """x = 1/2 with x = sin(a) given is not solved (sin is not linear in a): a condition."""
    found = joint(Context(givens={x: sympy.sin(a)}), (Assumption("half", sympy.Eq(x, sympy.Rational(1, 2))),))
    assert [a.is_equality for a in found] == [False]
