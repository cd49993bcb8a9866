"""Derivation objects: per-step checks, rendering, dimensions, numerics."""

import pytest
import sympy
from sympy.physics.units import conductance

from symcond import Assume, Integrate, Paper, Rewrite, Step, Substitute, TakeLimit, Verdict
from symcond.errors import DefinitionError
from symcond.prove import decide
from symcond.prove.derivation import check_steps
from symcond.quantities.dimensions import Dim


@pytest.fixture
def drude():
    """The Drude -> modified Drude derivation on a scratch paper."""
    paper = Paper("scratch")
    e, h_s, m, L, l, tau, N, Gamma, v = paper.symbols("e h_s m L l tau N Gamma v")
    claim = paper.derivation(
        "eq1", e**2 * N * tau / (m * L**2),
        Step(e**2 * N * l / (m * v * L**2), Substitute({l: v * tau})),
        Step(e**2 * N * Gamma / (m * v * L), Substitute({Gamma: l / L})),
        Step(e**2 * N * Gamma / h_s, Substitute({h_s: m * v * L})),
    )
    return paper, claim


def test_every_step_checked(drude):
    """Each step is decided on its own."""
    _, claim = drude
    assert [o.verdict for o in check_steps(claim)] == [Verdict.HOLDS] * 3


def test_latex_lists_every_step_and_rule(drude):
    """The LaTeX rendering is an aligned block with one line per step and its rule."""
    _, claim = drude
    text = claim.latex()
    assert text.startswith("\\begin{aligned}") and text.count("&=") == 3
    assert "substitute h\\_s = L*m*v" in text


def test_dimension_of_result_is_conductance(drude):
    """The result of the Drude derivation is a conductance."""
    _, claim = drude
    assert claim.dimension() == Dim.of(conductance)


def test_lambdify_result_with_named_arguments(drude):
    """The result compiles to NumPy with named arguments."""
    _, claim = drude
    f = claim.lambdify()
    assert f.names == ("Gamma", "N", "e", "h_s")
    assert f(e=2.0, N=3.0, Gamma=0.5, h_s=4.0) == pytest.approx(1.5)


def test_kubo_greenwood_integrate_and_limit_steps():
    """Integrate + limit steps reproduce the Drude conductivity and are checked."""
    paper = Paper("scratch")
    tau, t, e, m = paper.symbols("tau t e m")
    s = sympy.Symbol("s_dummy", positive=True)
    claim = paper.derivation(
        "eq1", e**2 / m * sympy.exp(-s / tau),
        Step(e**2 * tau / m * (1 - sympy.exp(-t / tau)), Integrate(s, 0, t)),
        Step(e**2 * tau / m, TakeLimit(t, sympy.oo)),
    )
    assert decide(claim, paper).verdict is Verdict.HOLDS


def test_wrong_integration_step_is_pinpointed():
    """A wrong integral (missing tau) fails at that step."""
    paper = Paper("scratch")
    tau, t = paper.symbols("tau t")
    s = sympy.Symbol("s_dummy", positive=True)
    claim = paper.derivation("eq1", sympy.exp(-s / tau),
                             Step(1 - sympy.exp(-t / tau), Integrate(s, 0, t)))
    out = decide(claim, paper)
    assert out.verdict is Verdict.FAILS and out.evidence.step == 1


def test_assume_step_makes_holds_under():
    """An Assume step records its condition."""
    paper = Paper("scratch")
    e, h, N = paper.symbols("e h N")
    out = decide(paper.derivation("eq1", e**2 * N / h, Step(e**2 / h, Assume({N: 1}, name="single"))), paper)
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("single",))


def test_empty_derivation_rejected():
    """A derivation without steps is a definition error."""
    paper = Paper("scratch")
    (e,) = paper.symbols("e")
    with pytest.raises(DefinitionError, match="at least one step"):
        paper.derivation("eq1", e)


def test_rewrite_that_changes_dimension_fails():
    """A 'rewrite' that changes the dimension is refuted as a dimension mismatch."""
    paper = Paper("scratch")
    e, h, m = paper.symbols("e h m")
    out = decide(paper.derivation("eq1", e**2 / h, Step(e**2 / h * m, Rewrite())), paper)
    assert out.verdict is Verdict.FAILS and "dimension mismatch" in out.evidence.reason


def test_markdown_display_is_a_block(drude):
    """In notebooks a derivation displays as a display-math block, not inline."""
    _, claim = drude
    assert "$$\\begin{aligned}" in claim._repr_markdown_()


def test_an_even_integrand_over_the_real_line_is_integrated_on_the_half_line():
    """|k| f(k^2) over (-oo, oo) is twice the half-line integral: SymPy's direct result, not its Piecewise split."""
    from derivations.dasgreen2003 import paper

    claim = paper.claim("eq10.flux")
    applied = claim.steps[0].rule.apply(claim.start)
    names = {s.name: s for s in applied.free_symbols}
    T, k_B, hbar, eta = (names[n] for n in ("T", "k_B", "hbar", "eta"))
    half = 2 * T * k_B / (sympy.pi * hbar)
    assert applied == half * eta + half * sympy.log(1 + sympy.exp(-eta))


@pytest.mark.parametrize("integrand, lower, upper", [
    ("k*exp(-k**2)", "-oo", "oo"),  # odd
    ("exp(-k**2)", "-1", "2"),  # not symmetric
    ("exp(-k**2)", "1", "-1"),  # symmetric, backwards
])
def test_integrals_that_are_not_even_and_symmetric_are_not_folded(integrand, lower, upper):
    """The half-line shortcut applies only to an even integrand on (-a, a) with a > 0; the rest integrate as before."""
    from symcond.rules.base import _folded_even

    k = sympy.Symbol("k", real=True)
    expr = sympy.sympify(integrand, locals={"k": k})
    assert _folded_even(expr, k, sympy.sympify(lower), sympy.sympify(upper)) is None
    rule = Integrate(k, sympy.sympify(lower), sympy.sympify(upper))
    assert rule.apply(expr) == sympy.integrate(expr, (k, sympy.sympify(lower), sympy.sympify(upper)))


def test_reason_counts_the_steps(drude):
    """A holding derivation says 'all 3 steps check'; with one step, 'the step checks' (not 'all 1 steps')."""
    paper, claim = drude
    e, tau, L = paper.registry.symbols("e tau L")
    single = paper.derivation("eq2", e * tau / L, Step(tau * e / L, Rewrite()))
    assert decide(claim, paper).evidence.reason == "all 3 steps check"
    assert decide(single, paper).evidence.reason == "the step checks"
