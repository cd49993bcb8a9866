"""Independent sub-bands are summed: G = sum_i G_i."""

from __future__ import annotations

import math

import pytest

from symcond.errors import DefinitionError
from symcond.kinetic.params import KineticParams
from symcond.kinetic.solver import solve, solve_subbands
from tests.kinetic.reference import drude_G_G0


def test_total_is_the_sum_of_single_band_solves() -> None:
    """Every summed quantity equals the sum of separate single-band solves."""
    total = solve_subbands(12.0, [5.0, 17.0], ratio=0.75, field=0.4)
    parts = [solve(KineticParams.from_energies(12.0, eps, ratio=0.75, field=0.4)) for eps in (5.0, 17.0)]
    for name in ("G_G0", "density", "current", "joule_power", "inelastic_loss"):
        assert total.total(name) == pytest.approx(sum(getattr(p, name) for p in parts), rel=1e-14)


def test_two_band_linear_response_matches_eq_11_sum() -> None:
    """Figure 1 setting: G/G0 = sum_i Eq. (11)_i at thresholds 5 and 17 k_BT."""
    mu, ratio = 10.0, 0.5
    total = solve_subbands(mu, [5.0, 17.0], ratio=ratio)
    assert total.G_G0 == pytest.approx(sum(drude_G_G0(mu - e, ratio) for e in (5.0, 17.0)), rel=1e-10)


def test_band_far_above_mu_contributes_its_boltzmann_weight() -> None:
    """A sub-band 25 k_BT above mu adds G/G0 = pi exp(-25) R/(1+R) to within O(exp(-25))."""
    res = solve_subbands(0.0, [25.0], ratio=1.0)
    assert res.G_G0 == pytest.approx(math.pi * math.exp(-25.0) * 0.5, rel=1e-9)


def test_empty_threshold_list_is_rejected() -> None:
    """At least one sub-band is required."""
    with pytest.raises(DefinitionError) as info:
        solve_subbands(1.0, [])
    assert str(info.value) == "'eps_kT_list' must hold at least one threshold (got [])"


def test_summary_has_the_documented_keys() -> None:
    """The JSON-ready summary carries the sums and one entry per band."""
    summary = solve_subbands(20.0, [0.0, 5.0], ratio=1.0, field=1.0).summary()
    keys = {"G_G0", "density", "current", "joule_power", "inelastic_loss", "error_estimate", "grid_points"}
    assert keys <= set(summary) and len(summary["bands"]) == 2
