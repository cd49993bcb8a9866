"""Property tests: the kinetic solver of Eq. (9) against dasgreen2003's lambdified closed forms.

Parameters are drawn over the physical range (``eta`` in [-30, 60], ``tau_in/tau_el`` in
[0.05, 5], fields of either sign from 1e-3 to 30); a failing draw shrinks to a minimal
case.  Tolerances come from the solver's own error estimate, ``max(10 * estimate, 1e-12)``
relative.  Draws are derandomized so CI runs are reproducible.
"""

from __future__ import annotations

from hypothesis import HealthCheck, find, given, settings

from symcond.kinetic import KineticParams, KineticResult, solve
from tests.kinetic.reference import drude_G_G0
from tests.properties.dasgreen import (
    drude_conductivity,
    eq11_literal,
    eq11_paper,
    etas,
    fields,
    paper_velocity_factor,
    ratios,
    ratios_le_one,
    transmission,
)

PROPERTY = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def bound(res: KineticResult) -> float:
    """Relative error bound of a solver result, from its own estimates."""
    return max(10.0 * max(res.error_estimate, res.G_error_estimate), 1e-12)


def close(value: float, reference: float, rel: float) -> bool:
    """Whether ``value`` equals ``reference`` to relative accuracy ``rel``."""
    return abs(value - reference) <= rel * abs(reference)


@PROPERTY
@given(eta=etas, ratio=ratios, field=fields)
def test_current_is_drude_for_constant_times_at_any_field(eta: float, ratio: float, field: float) -> None:
    """The solver's current equals sigma E of Eqs. (3) and (5), n e^2 tau_m E/m, at any field."""
    res = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    drude = float(drude_conductivity()(res.density, 1.0, 1.0, 1.0, ratio)) * field
    assert res.success
    assert close(res.current, drude, bound(res))


@PROPERTY
@given(eta=etas, ratio=ratios)
def test_linear_response_conductance_is_eq_11_literal(eta: float, ratio: float) -> None:
    """In linear response G/G0 is Eq. (11) with tau_el from Eq. (10) taken literally."""
    res = solve(KineticParams(eta=eta, ratio=ratio))
    assert close(res.G_G0, float(eq11_literal()(eta, ratio)), bound(res))


@PROPERTY
@given(eta=etas, ratio=ratios)
def test_linear_response_conductance_is_eq_11_paper_normalised(eta: float, ratio: float) -> None:
    """Rescaled by vbar_literal/vbar_paper, the solver's G/G0 is the paper-normalised Eq. (11)."""
    res = solve(KineticParams(eta=eta, ratio=ratio))
    assert close(res.G_G0 * paper_velocity_factor(), float(eq11_paper()(eta, ratio)), bound(res))


@PROPERTY
@given(eta=etas, ratio=ratios, field=fields)
def test_constant_time_conductance_is_ohmic(eta: float, ratio: float, field: float) -> None:
    """For constant times G/G0 at a finite field equals the linear-response Eq. (11)."""
    res = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    assert close(res.G_G0, float(eq11_literal()(eta, ratio)), bound(res))


@PROPERTY
@given(eta=etas, ratio=ratios)
def test_paper_normalised_conductance_never_exceeds_T_KG(eta: float, ratio: float) -> None:
    """At every density the paper-normalised G/G0 from the solver is at most T_KG of Eq. (7)."""
    res = solve(KineticParams(eta=eta, ratio=ratio))
    t_kg = float(transmission()(ratio, 1.0))
    assert res.G_G0 * paper_velocity_factor() <= t_kg * (1.0 + bound(res))


@PROPERTY
@given(eta=etas, ratio=ratios_le_one)
def test_transmission_is_at_most_one_when_tau_in_le_tau_el(eta: float, ratio: float) -> None:
    """With tau_in <= tau_el (Eq. (6)) T_KG <= 1, and so is the solver's paper-normalised G/G0."""
    res = solve(KineticParams(eta=eta, ratio=ratio))
    assert float(transmission()(ratio, 1.0)) <= 1.0 + 1e-15
    assert res.G_G0 * paper_velocity_factor() <= 1.0 + bound(res)


def test_literal_plateau_refutation_shrinks_to_a_minimal_density() -> None:
    """Searching for a literal-Eq. (10) conductance above G0 at tau_in = tau_el shrinks to eta = 1."""
    found = find(etas, lambda eta: solve(KineticParams(eta=eta, ratio=1.0)).G_G0 > 1.0,
                 settings=settings(max_examples=200, derandomize=True, database=None))
    assert found == 1.0
    assert drude_G_G0(found, 1.0) > 1.0 >= drude_G_G0(found - 1.0, 1.0)
