"""Shared prover pieces: budgeted simplification."""

import pytest
import sympy

from symcond.model.context import Context
from symcond.prove.common import simplified

a, b, c = sympy.symbols("a b c", positive=True)
s = sympy.symbols("s0:300", nonnegative=True)


@pytest.mark.parametrize("expr", [a - b + c + 2, -a - b, a, 2 * a - b, a * b - c, a / 2 + b / 3,
                                  (a**2 - b**2) / (a - b)])
def test_simplified_is_what_sympy_simplify_gives(expr):
    """The shortcut for sums of symbols with coefficient 1 or -1 changes no result."""
    assert simplified(expr, Context()) == sympy.simplify(expr)


def test_a_sum_of_300_slacks_is_simplified_at_once():
    """The slack sum of a 300-link chain comes back unchanged within a 1 s budget (SymPy's simplify took seconds)."""
    total = sympy.Add(*s)
    assert simplified(total, Context(budget=1.0)) == total
