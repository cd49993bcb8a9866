"""Random near-miss claims: whenever the engine says holds, the independent mpmath oracle agrees.

The claims are a random expression against a random single-slip mutant of itself (or of a
quantity known to be larger), so that true and false claims both occur often.
"""

import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from symcond.context import Assumption, Context
from symcond.mutate import mutate_expression
from symcond.prove import check_equality, check_inequality
from symcond.symbols import Registry
from tests.soundness.oracle import Setting, Truth, compare, ordered
from tests.strategies import expressions, positive_expressions

BARE = Context(registry=Registry(), budget=1.0)
NOWHERE = Setting({}, (), "random")
EXAMPLES = settings(max_examples=30, deadline=None, derandomize=True)
x, y = sympy.symbols("x y", positive=True)


def near_miss(data, expr):
    """``expr`` itself or one of its single-slip mutants, drawn by hypothesis."""
    return data.draw(st.sampled_from([expr, *(m.expr for m in mutate_expression(expr))]))


@EXAMPLES
@given(expr=expressions(max_leaves=5), data=st.data())
def test_equality_with_a_mutant_holds_only_when_numerically_true(expr, data):
    """check_equality(e, mutant of e) holds only if the oracle does not refute it."""
    other = near_miss(data, expr)
    if check_equality(expr, other, BARE).passed:
        assert compare(expr, other, NOWHERE) is not Truth.REFUTED


@EXAMPLES
@given(lhs=positive_expressions(max_leaves=4), extra=positive_expressions(max_leaves=3), strict=st.booleans(),
       data=st.data())
def test_inequality_with_a_mutant_holds_only_when_numerically_true(lhs, extra, strict, data):
    """check_inequality(a, mutant of a + b) holds only if no sampled point violates it."""
    rhs = near_miss(data, lhs + extra)
    if check_inequality(lhs, rhs, BARE, strict).passed:
        assert ordered(lhs, rhs, strict, NOWHERE) is not Truth.REFUTED


@EXAMPLES
@given(lhs=positive_expressions(max_leaves=3), data=st.data())
def test_inequality_under_an_assumption_is_true_under_it(lhs, data):
    """lhs*x <= mutant of lhs*y that holds(-under x <= y) is true at every sampled point with x <= y."""
    assume(not lhs.has(x, y))
    rhs = near_miss(data, lhs * y)
    ctx = Context(registry=Registry(), assumptions=(Assumption("x_le_y", sympy.Le(x, y)),), budget=1.0)
    if check_inequality(lhs * x, rhs, ctx).passed:
        assert ordered(lhs * x, rhs, False, Setting({}, (sympy.Le(x, y),), "under")) is not Truth.REFUTED
