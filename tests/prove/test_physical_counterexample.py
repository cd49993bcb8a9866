"""Counterexamples people believe: CODATA constants at their values, free quantities in physical ranges."""

import sympy
from sympy.physics.units import charge, energy, temperature, voltage

from symcond.model.context import Assumption, Context
from symcond.model.verdict import Verdict
from symcond.numeric.sampling import differ
from symcond.prove import check_equality
from symcond.prove.common import find_counterexample
from symcond.quantities.dimensions import Dim

CTX = Context()
k_B, T, e = CTX.registry.symbols("k_B T e")
LHS, RHS = k_B * T / e, k_B * T / (2 * e)
x = sympy.Symbol("x", positive=True)


def _point(found):
    return {sympy.Symbol(name, positive=True): value for name, value in found.items() if name not in ("lhs", "rhs")}


def test_constants_take_their_codata_values():
    """k_B and e are exactly the CODATA values (SI) and marked as such."""
    found = find_counterexample(CTX, LHS, RHS)
    assert found["e"] == sympy.Rational("1.602176634e-19") and found["k_B"] == sympy.Rational("1.380649e-23")
    assert found.constants == {"e", "k_B"}


def test_free_quantity_lies_in_its_physical_range():
    """The temperature is between 1 K and 1000 K, and the sides differ there (re-checked at the point)."""
    found = find_counterexample(CTX, LHS, RHS)
    assert 1 <= found["T"] <= 1000
    assert differ(LHS, RHS, _point(found), 40)


def test_entries_carry_si_units():
    """Each coordinate and side has its SI dimension: T in K, e in C, k_B in J/K, both sides in V."""
    found = find_counterexample(CTX, LHS, RHS)
    assert (found.unit("T"), found.unit("e"), found.unit("lhs"), found.unit("rhs")) == (
        Dim.of(temperature), Dim.of(charge), Dim.of(voltage), Dim.of(voltage))
    assert found.unit("k_B") == Dim.of(energy / temperature)


def test_verdict_evidence_keeps_the_units():
    """check_equality's fails evidence carries the physical counterexample with its units."""
    out = check_equality(LHS, RHS, CTX)
    assert out.verdict.value == "fails" and out.evidence.shown().units["lhs"] == "V"


def test_falls_back_when_assumptions_exclude_physical_values():
    """T < 1/2 K excludes the physical range: T is drawn as for any claim, the constants stay at CODATA."""
    ctx = Context(assumptions=(Assumption("T < 1/2", sympy.Lt(T, sympy.Rational(1, 2))),))
    found = find_counterexample(ctx, LHS, RHS, [sympy.Lt(T, sympy.Rational(1, 2))])
    assert found is not None and found["T"] < sympy.Rational(1, 2) and found.constants == {"e", "k_B"}
    assert found["e"] == sympy.Rational("1.602176634e-19")


def test_without_constants_the_search_is_unchanged():
    """A claim without CODATA constants gets the first point of the ordinary seeded search, without units."""
    found = find_counterexample(CTX, x, 2 * x)
    first = CTX.sampler.points({x}, 1, (), "search")[0][x]
    assert found["x"] == sympy.Rational(str(sympy.Float(first, 8))) and found.units == ()


def test_counterexample_is_reproducible():
    """Seeded: the same claim gives the same counterexample run to run."""
    assert find_counterexample(CTX, LHS, RHS) == find_counterexample(CTX, LHS, RHS)


def test_a_claim_true_at_the_codata_values_is_not_refuted_by_moving_a_constant():
    """m_p/m_e equal to the exact ratio of their CODATA values: no counterexample (the constants never move),
    so not 'fails' -- it was refuted at m_e = 2.3 kg before."""
    m_p, m_e = CTX.registry.symbols("m_p m_e")
    ratio = sympy.Rational(CTX.registry.quantity("m_p").value) / sympy.Rational(CTX.registry.quantity("m_e").value)
    assert find_counterexample(CTX, m_p / m_e, ratio) is None
    assert check_equality(m_p / m_e, ratio, CTX).verdict is not Verdict.FAILS


def test_every_counterexample_keeps_the_constants_at_codata_when_the_physical_ranges_are_excluded():
    """With T > 5000 K (outside the 1-1000 K range) the point still has e and k_B at their CODATA values."""
    ctx = Context(assumptions=(Assumption("hot", sympy.Gt(T, 5000)),))
    found = find_counterexample(ctx, LHS, RHS, [sympy.Gt(T, 5000)])
    assert found is None or (found["e"] == sympy.Rational("1.602176634e-19") and found["T"] > 5000)
