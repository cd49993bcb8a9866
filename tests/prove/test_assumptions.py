"""decide(): which assumptions a verdict rests on, valid counterexamples, contradictions named."""

import pytest
import sympy

from symcond.model.context import Assumption, Context
from symcond.model.verdict import Verdict
from symcond.numeric.sampling import satisfies
from symcond.prove import check_equality, check_inequality

x, y, z = sympy.symbols("x y z", positive=True)
g = sympy.Symbol("g", positive=True)


def stated(*relations):
    """Assumptions named by their own text."""
    return tuple(Assumption(sympy.sstr(r), r) for r in relations)


def point_of(counterexample, *symbols):
    """The exact point a counterexample reports, for the given symbols."""
    return {s: sympy.Rational(counterexample[s.name]) for s in symbols}


def test_failure_seen_only_without_an_unusable_assumption_is_undecided():
    """x <= y under exp(x) <= exp(y) is not refuted by a point with x > y (was fails at x=4.31, y=1.06)."""
    out = check_inequality(x, y, Context(assumptions=stated(sympy.Le(sympy.exp(x), sympy.exp(y)))))
    assert out.verdict is Verdict.UNDECIDED and out.evidence.counterexample is None
    assert out.evidence.reason.startswith(
        "a violating point was found only without (some of) the stated assumptions (exp(x) <= exp(y)); under them:")


@pytest.mark.parametrize("relation", [sympy.Le(x, y), sympy.Lt(2 * x, y), sympy.Le(sympy.exp(x), y)])
def test_counterexample_satisfies_every_stated_assumption(relation):
    """A refuted claim's point satisfies each stated inequality, checked again at 60 digits."""
    out = check_inequality(y, x * z, Context(assumptions=stated(relation)))
    assert out.verdict is Verdict.FAILS
    point = point_of(out.evidence.counterexample, x, y, z)
    assert satisfies(relation, point, 60)


def test_strict_inequality_with_a_tiny_exact_gap_holds():
    """x + 10^-300 > x holds (was refuted: equal at 80 digits)."""
    assert check_inequality(x, x + sympy.Rational(1, 10**300), Context(), strict=True).verdict is Verdict.HOLDS


def test_equality_with_a_tiny_exact_gap_fails_with_a_point():
    """x + 10^-300 = x is refuted by an exact difference (was undecided)."""
    out = check_equality(x + sympy.Rational(1, 10**300), x, Context())
    assert out.verdict is Verdict.FAILS and out.evidence.counterexample is not None


@pytest.mark.parametrize(
    ("relations", "reason"),
    [
        ((sympy.Gt(x, y), sympy.Gt(y, x)), "the assumptions contradict each other: x > y, y > x"),
        ((sympy.Lt(x, y), sympy.Lt(y, z), sympy.Lt(z, x)),
         "the assumptions contradict each other: x < y, y < z, z < x"),
        ((sympy.Lt(x, 0, evaluate=False),), "the assumptions contradict each other: x < 0, x > 0 (declared positive)"),
    ],
)
def test_contradicting_assumptions_are_named(relations, reason):
    """Assumptions that contradict each other (or a declared sign) give undecided with a distinct message."""
    out = check_inequality(y, x, Context(assumptions=stated(*relations)), strict=True)
    assert (out.verdict, out.evidence.reason) == (Verdict.UNDECIDED, reason)


def test_paper_style_names_show_with_their_relation():
    """A named assumption that is not its own text appears as 'name: relation'."""
    ctx = Context(assumptions=(Assumption("ballistic", sympy.Gt(x, y)), Assumption("diffusive", sympy.Lt(x, y))))
    out = check_equality(x, y, ctx)
    assert out.evidence.reason == "the assumptions contradict each other: ballistic: x > y, diffusive: x < y"


def test_unsatisfiable_but_unproved_assumption_is_no_admissible_point():
    """A condition no sample meets (x > 1000, outside the sampling span) is not called a contradiction."""
    out = check_inequality(x, y, Context(assumptions=stated(sympy.Gt(x, 1000))))
    assert out.verdict is Verdict.UNDECIDED
    assert "no admissible point found among 100 samples" in out.evidence.reason


def test_contradicting_equalities_on_one_symbol_are_named():
    """g = 1 and g = 1/2 stated together contradict each other (they were alternatives: fails at a point of one)."""
    ctx = Context(assumptions=(Assumption("ballistic", sympy.Eq(g, 1)),
                               Assumption("diffusive", sympy.Eq(g, sympy.Rational(1, 2))), *stated(sympy.Le(x, y))))
    out = check_equality(3 * g * x, x, ctx)
    assert (out.verdict, out.evidence.reason) == (
        Verdict.UNDECIDED, "the assumptions contradict each other: ballistic: g = 1, diffusive: g = 1/2")


def test_equalities_on_one_symbol_hold_together():
    """g = x and g = y stated together mean x = y: g x = y g holds under both (was fails at a point with x != y)."""
    out = check_equality(g * x, g * y, Context(assumptions=stated(sympy.Eq(g, x), sympy.Eq(g, y))))
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("Eq(g, x): g = x", "Eq(g, y): g = y"))


def test_stated_equality_on_a_given_symbol_is_solved_not_a_replacement():
    """x + a = 4 with x = a given and x = 2 stated holds under x = 2 (a = 2; was fails at a = 0.5, x = 2 replacing
    the given)."""
    a = sympy.Symbol("a", positive=True)
    out = check_equality(x + a, sympy.Integer(4), Context(givens={x: a}, assumptions=stated(sympy.Eq(x, 2))))
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("Eq(x, 2): x = 2",))


def test_stated_equality_on_a_given_symbol_that_cannot_be_solved_is_a_condition():
    """sin(a) = 1/2 (x = sin(a) given, x = 1/2 stated) is checked at points, never dropped: no point breaks it."""
    a = sympy.Symbol("a", positive=True)
    ctx = Context(givens={x: sympy.sin(a)}, assumptions=stated(sympy.Eq(x, sympy.Rational(1, 2))))
    out = check_equality(x + a, sympy.Integer(4), ctx)
    assert out.verdict is not Verdict.FAILS or satisfies(sympy.Eq(sympy.sin(a), sympy.Rational(1, 2)),
                                                         point_of(out.evidence.counterexample, a), 60)


def test_failure_under_all_assumptions_reports_that_run():
    """A claim refuted with and without l <= L carries a point of the run with l <= L active."""
    big, small = sympy.symbols("L l", positive=True)
    out = check_equality(2 * x, x, Context(assumptions=stated(sympy.Le(small, big))))
    assert out.verdict is Verdict.FAILS and out.evidence.ratio == 2
    assert satisfies(sympy.Le(small, big), point_of(out.evidence.counterexample, small, big), 60)


def _counting_core(calls, needed=None):
    """A prover core that records each run and holds exactly when ``needed`` assumptions are active."""
    from symcond.model.verdict import Evidence, Outcome

    def core(active):
        calls.append(len(active))
        return Outcome(Verdict.HOLDS if len(active) == needed else Verdict.UNDECIDED, Evidence(reason="counted"))

    return core


@pytest.mark.parametrize("n, runs", [(24, 2 + 24 + 276), (25, 2)])
def test_subsets_are_searched_only_for_a_few_assumptions(n, runs):
    """With no sufficient maximal set, subsets of 1 and 2 are tried up to 24 assumptions; beyond, none (n**2 runs)."""
    from symcond.prove.assumptions import decide

    xs = sympy.symbols(f"x0:{n + 1}", positive=True)
    ctx = Context(assumptions=stated(*(sympy.Lt(xs[i], xs[i + 1]) for i in range(n))))
    calls = []
    assert decide(_counting_core(calls), ctx).verdict is Verdict.UNDECIDED and len(calls) == runs


@pytest.mark.parametrize("n, runs, note", [(12, 2 + 12, ""), (13, 2, " (a set of 13, not minimised)")])
def test_a_large_sufficient_set_is_reported_without_minimising(n, runs, note):
    """Up to 12 needed assumptions are minimised (a run each); a larger set is named as found, and says so."""
    from symcond.prove.assumptions import decide

    xs = sympy.symbols(f"x0:{n + 1}", positive=True)
    ctx = Context(assumptions=stated(*(sympy.Lt(xs[i], xs[i + 1]) for i in range(n))))
    calls = []
    out = decide(_counting_core(calls, needed=n), ctx)
    assert out.verdict is Verdict.HOLDS_UNDER and len(calls) == runs
    names = ", ".join(a.name for a in ctx.assumptions)
    assert out.evidence.reason == f"holds only under {names}{note}; without: counted"


def test_a_claim_refuted_under_every_assumption_searches_no_subset():
    """Fails with all stated assumptions active: two runs (none, all), not n**2 / 2 more for the subsets."""
    from symcond.model.verdict import Evidence, Outcome
    from symcond.prove.assumptions import decide

    xs = sympy.symbols("x0:6", positive=True)
    ctx = Context(assumptions=stated(*(sympy.Lt(xs[i], xs[i + 1]) for i in range(5))))
    calls = []

    def refuted(active):
        calls.append(len(active))
        return Outcome(Verdict.FAILS, Evidence(reason="refuted", counterexample={"x0": sympy.Integer(1)}))

    assert decide(refuted, ctx).verdict is Verdict.FAILS and calls == [0, 5]


def test_a_refutation_without_a_point_still_searches_the_subsets():
    """An infinite limit refutes without a point, which may break an assumption: the subsets are still tried
    (a claim holding under one of them is holds-under, not fails)."""
    from symcond.model.verdict import Evidence, Outcome
    from symcond.prove.assumptions import decide

    xs = sympy.symbols("x0:4", positive=True)
    ctx = Context(assumptions=stated(*(sympy.Lt(xs[i], xs[i + 1]) for i in range(3))))

    def core(active):
        if len(active) == 1:
            return Outcome(Verdict.HOLDS, Evidence(reason="holds"))
        return Outcome(Verdict.FAILS, Evidence(reason="the limit is oo, not 0"))

    assert decide(core, ctx).verdict is Verdict.HOLDS_UNDER
