"""Limits and asymptotics use the stated inequalities (mu > E_c), reported as holds-under."""

import pytest
import sympy

from symcond import decide
from symcond.model.context import Assumption, Context
from symcond.model.paper import Paper
from symcond.model.verdict import Verdict
from symcond.prove import check_asymptotic, check_limit
from symcond.prove.reparametrise import reparametrise

mu, E_c, k, T = sympy.symbols("mu E_c k T", positive=True)
FERMI = 1 / (sympy.exp((E_c - mu) / (k * T)) + 1)
ABOVE = Assumption("degenerate", sympy.Gt(mu, E_c))
BELOW = Assumption("nondegenerate", sympy.Lt(mu, E_c))


@pytest.fixture
def paper():
    paper = Paper("demo2026")
    paper.declare("E_c", "energy", "conduction band edge")
    paper.assume("degenerate", sympy.Gt(*paper.symbols("mu E_c")))
    return paper


def test_fermi_function_at_zero_temperature_holds_under_mu_above_e_c(paper):
    """lim_{T->0} 1/(exp((E_c - mu)/(k_B T)) + 1) = 1 is holds-under the stated mu > E_c (SymPy alone cannot)."""
    mu_, E_c_, k_B, T_ = paper.symbols("mu E_c k_B T")
    fermi = 1 / (sympy.exp((E_c_ - mu_) / (k_B * T_)) + 1)
    out = decide(paper.limit("eq1", fermi, var=T_, point=0, value=1), paper)
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("degenerate: mu > E_c",))
    assert "holds only under degenerate" in out.evidence.reason
    alone = decide(paper.limit("eq2", fermi, var=T_, point=0, value=1, assumptions=()), paper)
    assert alone.verdict is Verdict.UNDECIDED


def test_the_other_side_gives_zero():
    """With mu < E_c the same limit is 0 (holds-under it), and 1 is refuted there."""
    ctx = Context(assumptions=(BELOW,))
    out = check_limit(FERMI, T, 0, sympy.Integer(0), ctx)
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("nondegenerate: mu < E_c",))
    assert check_limit(FERMI, T, 0, sympy.Integer(1), ctx).verdict is Verdict.FAILS


def test_a_false_limit_fails_at_a_point_satisfying_the_assumption():
    """lim = 0 under mu > E_c fails; the counterexample has mu > E_c and the true value 1 is reported."""
    out = check_limit(FERMI, T, 0, sympy.Integer(0), Context(assumptions=(ABOVE,)))
    assert out.verdict is Verdict.FAILS and out.evidence.value == 1
    point = out.evidence.counterexample
    assert point["mu"] > point["E_c"]


def test_a_limit_that_does_not_need_the_assumption_holds_outright():
    """lim_{T->oo} of the Fermi function is 1/2 whatever mu and E_c: plain holds, no condition named."""
    out = check_limit(FERMI, T, sympy.oo, sympy.Rational(1, 2), Context(assumptions=(ABOVE,)))
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS, ())


def test_asymptotic_uses_the_assumption():
    """exp((mu - E_c)/(k T)) + 1 ~ exp((mu - E_c)/(k T)) as T -> 0 needs mu > E_c (else the ratio tends to oo)."""
    boltzmann = sympy.exp((mu - E_c) / (k * T))
    ctx = Context(assumptions=(ABOVE,))
    out = check_asymptotic(boltzmann + 1, T, 0, boltzmann, ctx)
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("degenerate: mu > E_c",))
    assert check_asymptotic(boltzmann + 1, T, 0, boltzmann, Context(assumptions=(BELOW,))).verdict \
        is not Verdict.HOLDS_UNDER


def test_a_limit_with_a_symbolic_answer_is_mapped_back():
    """lim_{x->oo} x (sqrt(1 + (a - 2b)/x) - 1) = (a - 2b)/2 under a >= 2b: the answer is in a and b again."""
    a, b, x = sympy.symbols("a b x", positive=True)
    ctx = Context(assumptions=(Assumption("wide", sympy.Ge(a, 2 * b)),))
    out = check_limit(x * (sympy.sqrt(1 + (a - 2 * b) / x) - 1), x, sympy.oo, (a - 2 * b) / 2, ctx)
    assert out.verdict in (Verdict.HOLDS, Verdict.HOLDS_UNDER)
    assert out.evidence.value.free_symbols <= {a, b}


# ---------------------------------------------------------------- the reparametrisation itself
def test_fresh_symbol_has_exactly_the_sign_of_the_relation():
    """a >= 2 b gives a = 2 b + d with d nonnegative (not positive); a > 2 b a positive d."""
    a, b = sympy.symbols("a b", positive=True)
    weak = reparametrise([sympy.Ge(a, 2 * b)], (a,))
    strict = reparametrise([sympy.Gt(a, 2 * b)], (a,))
    (d,), (e,) = weak.fresh, strict.fresh
    assert weak.exprs == (2 * b + d,) and d.is_nonnegative and d.is_positive is None
    assert e.is_positive
    assert weak.back(weak.exprs[0]) == a


def test_relation_with_the_limit_variable_is_not_used():
    """T < T_F would make T_F follow T as T -> 0: it is left alone."""
    T_F = sympy.Symbol("T_F", positive=True)
    moved = reparametrise([sympy.Lt(T, T_F)], (T / T_F,), avoid={T})
    assert moved.fresh == () and moved.exprs == (T / T_F,)


def test_chained_relations_map_back_in_order():
    """x < y < z: both become fresh symbols and the way back gives x, y, z again."""
    x, y, z = sympy.symbols("x y z", positive=True)
    moved = reparametrise([sympy.Lt(x, y), sympy.Lt(y, z)], (x + y + z,))
    assert len(moved.fresh) == 2 and all(d.is_positive for d in moved.fresh)
    assert sympy.expand(moved.back(moved.exprs[0])) == x + y + z


def test_nonlinear_relations_and_relations_of_other_symbols_are_not_used():
    """mu**2 + E_c**2 > 1 is linear in no symbol; a > b has no symbol in the expression: neither is used.
    mu**2 E_c > 1 is linear in E_c (coefficient mu**2, never 0): E_c = (1 + d)/mu**2."""
    a, b = sympy.symbols("a b", positive=True)
    assert reparametrise([sympy.Gt(a, b)], (FERMI,)).fresh == ()
    assert reparametrise([sympy.Gt(mu**2 + E_c**2, 1)], (FERMI,)).fresh == ()
    moved = reparametrise([sympy.Gt(mu**2 * E_c, 1)], (E_c,))
    assert moved.exprs == ((moved.fresh[0] + 1) / mu**2,) and moved.back(moved.exprs[0]) == E_c


def test_fresh_symbols_never_coincide_with_a_papers_own():
    """A paper's own positive d_0 in a later relation stays itself: mu > E_c > d_0 gives mu = d_0 + two fresh ones."""
    d_0 = sympy.Symbol("d_0", positive=True)
    moved = reparametrise([sympy.Gt(mu, E_c), sympy.Gt(E_c, d_0)], (mu,))
    assert len(moved.fresh) == 2 and d_0 not in moved.fresh and d_0 in moved.exprs[0].free_symbols
    assert sympy.expand(moved.back(moved.exprs[0])) == mu


def test_an_infinite_limit_under_conditions_it_ignores_does_not_refute_a_claim_a_subset_proves():
    """a = b (4 + sin c) and a = 3b together allow a - 3b = 0; under a = 3b alone the limit of (a - 3b) x is 0:
    holds-under, never 'fails' from the run that could not use the condition (a refutation without a point)."""
    from symcond.model.context import Assumption, Context
    from symcond.model.verdict import Verdict
    from symcond.prove.limits import check_limit

    a, b, c, x = sympy.symbols("a b c x", positive=True)
    ctx = Context(assumptions=(Assumption("E1", sympy.Eq(a, b * (4 + sympy.sin(c)))),
                               Assumption("B", sympy.Eq(a, 3 * b))))
    outcome = check_limit((a - 3 * b) * x, x, sympy.oo, sympy.Integer(0), ctx)
    assert outcome.verdict is Verdict.HOLDS_UNDER and any(c.startswith("B") for c in outcome.evidence.conditions)
