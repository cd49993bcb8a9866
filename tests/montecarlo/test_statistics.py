"""Error bars: the delta method against its closed form, and calibration of the drift errors."""

from __future__ import annotations

import math

import numpy as np
from scipy.stats import chi2

from symcond.kinetic.params import KineticParams
from symcond.montecarlo import drift
from symcond.montecarlo.statistics import Estimate, delta_method, mean_of


def test_delta_method_matches_ratio_formula() -> None:
    """Var(a/b) = (var a - 2 r cov + r^2 var b) / (n mean(b)^2), with the sample (co)variances."""
    rng = np.random.default_rng(0)
    a = rng.normal(3.0, 1.0, 5000)
    b = 0.5 * a + rng.normal(5.0, 2.0, 5000)
    r = a.mean() / b.mean()
    cov = np.cov(a, b)
    exact = math.sqrt((cov[0, 0] - 2 * r * cov[0, 1] + r * r * cov[1, 1]) / (a.size * b.mean() ** 2))
    est = delta_method(lambda m: m[0] / m[1], a, b)
    assert est.value == r and abs(est.stderr / exact - 1.0) < 1e-6


def test_mean_of_is_sample_mean_and_standard_error() -> None:
    """mean_of returns the mean and std / sqrt(n) (ddof = 1)."""
    assert mean_of(np.array([1.0, 2.0, 6.0])) == Estimate(3.0, math.sqrt(7.0 / 3.0))


def test_nan_samples_give_nan_estimates() -> None:
    """Unavailable samples propagate as a NaN estimate, not an exception."""
    est = delta_method(lambda m: m[0], np.array([1.0, np.nan]))
    assert math.isnan(est.value) and math.isnan(est.stderr)


def test_drift_error_bars_are_calibrated() -> None:
    """Over 40 independent small runs, sum of z^2 against tau_m lies in the central 99.8 % of chi^2(40)."""
    params = KineticParams(eta=0.0, ratio=1.0, field=1.0)
    z = [drift(params, particles=200, time=20.0, seed=100 + i).mobility.z(0.5) for i in range(40)]
    total = float(np.sum(np.square(z)))
    assert chi2.ppf(0.001, 40) < total < chi2.ppf(0.999, 40)
