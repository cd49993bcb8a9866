"""Energy-dependent collision times: linear response, non-ohmic I-V, grid convergence."""

from __future__ import annotations

import numpy as np
import pytest

from symcond.kinetic.discrete import solve_on_mesh
from symcond.kinetic.equilibrium import fermi_peak
from symcond.kinetic.mesh import Mesh
from symcond.kinetic.params import KineticParams
from symcond.kinetic.solver import solve
from tests.kinetic.reference import linear_response_G_G0


def inverse_sqrt(eps):
    """tau_in proportional to eps**(-1/2) (infinite at the band bottom)."""
    return eps**-0.5


def lorentzian(eps):
    """tau_in proportional to 1/(1 + eps)."""
    return 1.0 / (1.0 + eps)


LAWS = [inverse_sqrt, lorentzian]


@pytest.mark.parametrize("law", LAWS)
@pytest.mark.parametrize("eta", [-5.0, 10.0])
def test_linear_response_matches_direct_quadrature(law, eta: float) -> None:
    """At F -> 0, G/G0 = (N/M) Int x t_m (-f_eq') dx, evaluated independently with mpmath."""
    res = solve(KineticParams(eta=eta, ratio=0.75, tau_in_law=law))
    assert res.G_G0 == pytest.approx(linear_response_G_G0(eta, 0.75, law), rel=1e-12)


@pytest.mark.parametrize("law", LAWS)
def test_weak_field_approaches_linear_response(law) -> None:
    """G(F) -> G(0) as F -> 0, with a correction of order F**2."""
    g0 = solve(KineticParams(eta=10.0, ratio=1.0, tau_in_law=law)).G_G0
    g = solve(KineticParams(eta=10.0, ratio=1.0, field=1e-3, tau_in_law=law)).G_G0
    assert abs(g / g0 - 1.0) < 1e-5


@pytest.mark.parametrize("law", LAWS)
def test_energy_dependent_times_give_non_ohmic_current(law) -> None:
    """G depends on the field for energy-dependent tau_in (by more than 1 %)."""
    g0 = solve(KineticParams(eta=0.0, ratio=1.0, tau_in_law=law)).G_G0
    g3 = solve(KineticParams(eta=0.0, ratio=1.0, field=3.0, tau_in_law=law)).G_G0
    assert abs(g3 / g0 - 1.0) > 1e-2


def test_constant_times_stay_ohmic_at_strong_field() -> None:
    """Contrast: for constant times G(F = 3) equals G(0) to round-off."""
    g0 = solve(KineticParams(eta=0.0, ratio=1.0)).G_G0
    g3 = solve(KineticParams(eta=0.0, ratio=1.0, field=3.0)).G_G0
    assert g3 == pytest.approx(g0, rel=1e-12)


@pytest.mark.parametrize("law", LAWS)
def test_solution_converges_to_refined_reference(law) -> None:
    """f and the observables agree with a reference of higher degree and tighter tolerance."""
    params = KineticParams(eta=20.0, ratio=0.5, field=2.0, tau_in_law=law)
    res, ref = solve(params), solve(params, degree=30, tol=1e-14)
    assert res.success and ref.grid_points != res.grid_points
    f_error = np.max(np.abs(res.occupation(ref.x) - ref.f)) / np.max(ref.f)
    observables = ("G_G0", "density", "mean_energy", "inelastic_loss", "joule_power")
    rel = max(abs(getattr(res, k) / getattr(ref, k) - 1.0) for k in observables)
    assert f_error < 1e-12 and rel < 1e-11


@pytest.mark.parametrize("law", LAWS)
def test_checks_pass_with_energy_dependent_times(law) -> None:
    """Conservation, energy balance (with outflow) and convergence hold at a strong field."""
    res = solve(KineticParams(eta=10.0, ratio=1.0, field=10.0, tau_in_law=law))
    assert res.checks.passed and res.error_estimate <= 1e-12


def test_inelastic_loss_equals_joule_power_when_deviation_is_tiny() -> None:
    """With very fast inelastic scattering (G ~ 1e-8) the energy balance still holds to 1e-10."""
    res = solve(KineticParams(eta=200.0, ratio=1.0, field=1.0, tau_in_law=lambda e: np.exp(-e / 10.0)))
    assert res.inelastic_loss == pytest.approx(res.joule_power, rel=1e-10)


@pytest.mark.parametrize("law", LAWS)
def test_uniform_mesh_refinement_converges_to_reference(law) -> None:
    """On uniform meshes of 8..128 elements (degree 8) the error in f falls below 1e-11, fast."""
    params = KineticParams(eta=20.0, ratio=0.5, field=2.0, tau_in_law=law)
    ref = solve(params, degree=30, tol=1e-14)
    half = ref.x >= 0.0
    errors = []
    for elements in (8, 16, 32, 64, 128):
        sol = solve_on_mesh(params, Mesh(np.linspace(0.0, ref.domain_end, elements + 1), 8))
        even, odd = sol.at(ref.x[half])
        errors.append(np.max(np.abs((even + odd) * fermi_peak(20.0) - ref.f[half])))
    ratios = np.array(errors[1:]) / np.array(errors[:-1])
    assert np.all(ratios < 0.1) and errors[-1] < 1e-11
