"""Property tests: random physical parameters against the closed forms (Drude, Eq. (11))."""

from __future__ import annotations

import pytest
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from symcond.kinetic.params import KineticParams
from symcond.kinetic.solver import solve
from tests.kinetic.reference import drude_G_G0

etas = st.floats(min_value=-30.0, max_value=200.0)
ratios = st.floats(min_value=0.05, max_value=20.0)
fields = st.floats(min_value=-30.0, max_value=30.0).filter(lambda f: abs(f) > 1e-6)


@seed(8)
@settings(max_examples=12, deadline=None)
@given(eta=etas, ratio=ratios, field=fields)
def test_constant_time_solution_is_drude_and_eq_11(eta: float, ratio: float, field: float) -> None:
    """For any eta, tau_in/tau_el and field: I = F tau_m n and G/G0 = Eq. (11), with checks passed."""
    res = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    tau_m = ratio / (1.0 + ratio)
    assert res.success
    assert res.current == pytest.approx(field * tau_m * res.density, rel=1e-11)
    assert res.G_G0 == pytest.approx(drude_G_G0(eta, ratio), rel=1e-10)


@seed(9)
@settings(max_examples=10, deadline=None)
@given(eta=etas, ratio=ratios)
def test_ideal_transmission_never_exceeds_its_degenerate_limit(eta: float, ratio: float) -> None:
    """G/G0 from the solver is below (h n / (2 m vbar)) R/(1+R) <= 4 R/(1+R) at every density."""
    res = solve(KineticParams(eta=eta, ratio=ratio))
    assert 0.0 < res.G_G0 <= 4.0 * ratio / (1.0 + ratio) * (1.0 + 1e-12)
