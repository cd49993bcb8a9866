"""Random near-miss claims: whenever the engine says holds, the independent mpmath oracle agrees.

The claims are a random expression against a random single-slip mutant of itself (or of a
quantity known to be larger), so that true and false claims both occur often; and claims
that SymPy simplifies with a symbol's declared sign (``sqrt(a**2)`` is ``a``), with that
symbol given a value that can be negative.
"""

import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from symcond.cli.check import check_texts
from symcond.errors import DefinitionError
from symcond.model.context import Assumption, Context
from symcond.model.verdict import Verdict
from symcond.prove import check_equality, check_inequality
from symcond.quantities.registry import Registry
from tests.mutate import mutate_expression
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


#: Pairs SymPy simplifies using a > 0 when it builds them: true for positive a, false for some negative a.
SIGN_TEMPLATES = (
    ("sqrt(a**2) = a", lambda t: (sympy.sqrt(t**2), t)),
    ("Abs(a) = a", lambda t: (sympy.Abs(t), t)),
    ("(a**6)**(1/2) = a**3", lambda t: ((t**6) ** sympy.Rational(1, 2), t**3)),
    ("a**4/a**2 = a**2", lambda t: (t**4 / t**2, t**2)),
    ("log(a**2) = 2 log(a)", lambda t: (sympy.log(t**2), 2 * sympy.log(t))),
    ("sqrt(a**2 x) = a sqrt(x)", lambda t: (sympy.sqrt(t**2 * x), t * sympy.sqrt(x))),
)
a_pos = sympy.Symbol("a_given", positive=True)


def signed_values():
    """Random expressions that can be negative (differences, negative rationals), free of a_given and of the
    special functions that take seconds per evaluation (polylog, zeta)."""
    return expressions(max_leaves=4).filter(
        lambda v: bool(v.free_symbols) and a_pos.name not in {s.name for s in v.free_symbols}
        and v.is_positive is not True and not v.has(sympy.polylog, sympy.zeta))


def truth_of_claim_built_from(value, template, constraints=()):
    """The oracle's truth of the claim built directly from ``value`` (no positive symbol in between)."""
    lhs, rhs = SIGN_TEMPLATES[template][1](value)
    return compare(lhs, rhs, Setting({}, tuple(constraints), "signed"))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(value=signed_values(), template=st.integers(0, len(SIGN_TEMPLATES) - 1))
def test_given_that_changes_sign_never_makes_a_false_claim_hold(value, template):
    """API: a positive symbol given a value that can be negative: holds only if the claim built from the value
    is true, holds-under the declared sign only if it is true where the value is positive."""
    lhs, rhs = SIGN_TEMPLATES[template][1](a_pos)
    ctx = Context(registry=Registry(), givens={a_pos: value}, budget=1.0)
    if value.is_positive is False:  # provably not positive: refused as malformed
        with pytest.raises(DefinitionError, match="'a_given' must be positive"):
            check_equality(lhs, rhs, ctx)
        return
    outcome = check_equality(lhs, rhs, ctx)
    if outcome.verdict is Verdict.HOLDS:
        assert truth_of_claim_built_from(value, template) is not Truth.REFUTED
    if outcome.verdict is Verdict.HOLDS_UNDER:
        assert outcome.evidence.conditions == (f"a_given = {sympy.sstr(value)} > 0 (declared positive)",)
        assert truth_of_claim_built_from(value, template, [sympy.Gt(value, 0)]) is not Truth.REFUTED


@settings(max_examples=25, deadline=None, derandomize=True)
@given(value=signed_values(), template=st.integers(0, len(SIGN_TEMPLATES) - 1))
def test_cli_given_that_changes_sign_never_makes_a_false_claim_hold(value, template):
    """symcond check "sqrt(a**2)" a --given a=<value>: passes only if the claim built from the value is true."""
    lhs, rhs = SIGN_TEMPLATES[template][1](sympy.Symbol("a_given"))
    outcome = check_texts(sympy.sstr(lhs), sympy.sstr(rhs), given=[f"a_given={sympy.sstr(value)}"], budget=1.0)
    if outcome.passed:
        assert truth_of_claim_built_from(value, template) is not Truth.REFUTED
