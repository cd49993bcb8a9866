"""Drift under a field: the steady-state current against closed forms and the kinetic solver.

Closed forms (constant times).  Averaging the process over particles, d<x>/dt = F - <x>/tau_m
(flips and re-draws both erase the mean velocity), so <x> = F tau_m at every field: the
Drude current n e^2 tau_m E / m, G / G0 = (N^2/M) tau_m (Eq. (11)).  The energy obeys
d<x^2>/dt = 2 F <x> - (<x^2> - <x^2>_eq) / tau_in (re-draws from f_eq), so in the steady
state <x^2> = <x^2>_eq + 2 F^2 tau_m tau_in.  Tolerances are three standard errors.
"""

from __future__ import annotations

import numpy as np
import pytest

from symcond.errors import DefinitionError, SolverError
from symcond.kinetic import solve
from symcond.kinetic.laws import NO_STEADY_STATE
from symcond.kinetic.params import KineticParams
from symcond.montecarlo import MCStatus, drift
from tests.montecarlo.reference import moments, tau_m

CASES = [(-10.0, 0.5, 0.3), (0.0, 1.0, 3.0), (5.0, 0.75, -2.0), (50.0, 1.0, 1.0)]


def lorentzian(eps):
    """tau_in proportional to 1/(1 + eps)."""
    return 1.0 / (1.0 + eps)


def inverse_sqrt(eps):
    """tau_in proportional to eps**(-1/2) (zero rate at the band bottom)."""
    return eps**-0.5


@pytest.mark.parametrize(("eta", "ratio", "field"), CASES)
def test_mobility_is_tau_m_at_every_field(eta: float, ratio: float, field: float) -> None:
    """<x> / F = tau_m = R / (1 + R) for constant times, weak or strong, either sign (3 sigma)."""
    res = drift(KineticParams(eta=eta, ratio=ratio, field=field), particles=1000, time=60.0, seed=1)
    assert res.success and res.mobility.agrees(tau_m(ratio))


@pytest.mark.parametrize(("eta", "ratio", "field"), [*CASES[:2], (-500.0, 2.0, -0.7)])
def test_G_matches_eq_11(eta: float, ratio: float, field: float) -> None:
    """G/G0 = (N^2/M) R/(1+R) (mpmath moments) within 3 standard errors."""
    res = drift(KineticParams(eta=eta, ratio=ratio, field=field), particles=1000, time=60.0, seed=2)
    assert res.G_G0.agrees(moments(eta).g_scale * tau_m(ratio))


def test_G_rejects_factor_two() -> None:
    """Twice Eq. (11) is rejected by more than 20 standard errors."""
    res = drift(KineticParams(eta=5.0, ratio=1.0, field=1.0), particles=1000, time=60.0, seed=3)
    assert abs(res.G_G0.z(2.0 * moments(5.0).g_scale * tau_m(1.0))) > 20.0


def test_mean_energy_balances_joule_heating() -> None:
    """<x^2> = <x^2>_eq + 2 F^2 tau_m tau_in (energy balance) within 3 standard errors."""
    eta, ratio, field = 0.0, 0.5, 1.5
    res = drift(KineticParams(eta=eta, ratio=ratio, field=field), particles=2000, time=60.0, seed=4)
    assert res.mean_energy.agrees(moments(eta).x2 + 2.0 * field**2 * tau_m(ratio) * ratio)


@pytest.mark.parametrize(("law", "eta", "field"), [(lorentzian, 0.0, 2.0), (inverse_sqrt, 10.0, 3.0)])
def test_energy_dependent_G_matches_kinetic_solver(law, eta: float, field: float) -> None:
    """Non-ohmic G/G0 with tau_in(eps) agrees with symcond.kinetic.solve within 3 sigma."""
    params = KineticParams(eta=eta, ratio=1.0, field=field, tau_in_law=law)
    res = drift(params, particles=1000, time=60.0, seed=5)
    assert res.status is MCStatus.COMPLETED and res.G_G0.agrees(solve(params).G_G0)


def test_same_seed_reproduces_and_other_seed_differs() -> None:
    """Equal seeds give identical estimates; another seed gives a different one."""
    params = KineticParams(eta=0.0, ratio=1.0, field=1.0)
    runs = [drift(params, particles=200, time=10.0, seed=s).G_G0.value for s in (7, 7, 8)]
    assert runs[0] == runs[1] != runs[2]


def test_counters_add_up() -> None:
    """events = flips + redraws <= candidates <= checkpoints, and steps / particles as asked."""
    res = drift(KineticParams(eta=0.0, ratio=1.0, field=1.0, tau_in_law=lorentzian), particles=300,
                time=10.0, seed=9)
    c = res.counters
    assert c.events == c.flips + c.redraws <= c.candidates <= c.checkpoints and c.particles == 300


def test_progress_reaches_one() -> None:
    """The progress callback receives increasing fractions ending at 1."""
    seen: list[float] = []
    drift(KineticParams(eta=0.0, ratio=1.0, field=1.0), particles=50, time=5.0, seed=1, progress=seen.append)
    assert seen[-1] == 1.0 and bool(np.all(np.diff(seen) > 0))


def test_no_inelastic_scattering_has_no_steady_state() -> None:
    """R = inf with a field raises the solver's no-steady-state message."""
    with pytest.raises(SolverError) as err:
        drift(KineticParams(eta=0.0, ratio=float("inf"), field=1.0), particles=10)
    assert str(err.value) == NO_STEADY_STATE


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"particles": 1}, "'particles' must be an integer >= 2 (got 1)"),
    ({"seed": -1}, "'seed' must be a non-negative integer (got -1)"),
    ({"time": 0.0}, "'time' must be positive and finite (got 0.0)"),
    ({"burn_in": float("nan")}, "'burn_in' must be non-negative and finite (got nan)"),
])
def test_bad_options_are_rejected_with_one_line_messages(kwargs: dict, message: str) -> None:
    """Each bad option raises DefinitionError naming the option, the rule and the value."""
    with pytest.raises(DefinitionError) as err:
        drift(KineticParams(eta=0.0, field=1.0), **kwargs)
    assert str(err.value) == message


def test_zero_field_is_rejected_by_drift() -> None:
    """drift() needs F != 0 (linear response is equilibrium())."""
    with pytest.raises(DefinitionError, match="'field' must be non-zero for a drift run"):
        drift(KineticParams(eta=0.0), particles=10)
