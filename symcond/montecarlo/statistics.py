"""Estimates with standard errors from independent per-particle samples.

Particles of the ensemble are independent replicas: any per-particle time average is one
independent sample, so the standard error of an ensemble mean is the sample standard
deviation over particles divided by ``sqrt(n)``, whatever the time correlations inside one
trajectory.  Smooth functions of several such means (ratios, products) get their error by
the delta method, with the full covariance of the means.

Examples
--------
>>> rng = np.random.default_rng(0)
>>> a, b = rng.normal(2.0, 1.0, 10_000), rng.normal(4.0, 1.0, 10_000)
>>> est = delta_method(lambda m: m[0] / m[1], a, b)
>>> bool(abs(est.value - 0.5) < 3 * est.stderr), round(est.stderr, 4)
(True, 0.0028)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["Estimate", "delta_method", "mean_of"]

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Estimate:
    """A Monte Carlo estimate and its standard error (one standard deviation).

    Attributes
    ----------
    value : float
        The estimate (units of the quantity it estimates; NaN if unavailable).
    stderr : float
        Its standard error (same units, ``>= 0``).
    """

    value: float
    stderr: float

    def z(self, reference: float) -> float:
        """Return ``(value - reference) / stderr``: the deviation in standard errors.

        Examples
        --------
        >>> Estimate(1.1, 0.05).z(1.0)
        2.0000000000000018
        """
        if self.stderr > 0:
            return (self.value - reference) / self.stderr
        return math.copysign(math.inf, self.value - reference)

    def agrees(self, reference: float, sigmas: float = 3.0) -> bool:
        """Whether ``|value - reference| <= sigmas * stderr``."""
        return abs(self.value - reference) <= sigmas * self.stderr

    @property
    def relative_error(self) -> float:
        """Return ``stderr / |value|``."""
        return self.stderr / abs(self.value) if self.value else math.inf

    def scaled(self, factor: float) -> Estimate:
        """Return the estimate of ``factor`` times the quantity."""
        return Estimate(self.value * factor, self.stderr * abs(factor))

    def __format__(self, spec: str) -> str:
        spec = spec or ".6g"
        return f"{self.value:{spec}} +- {self.stderr:.2g}"


NAN = Estimate(math.nan, math.nan)


def mean_of(samples: FloatArray) -> Estimate:
    """Return the mean of independent samples and its standard error.

    Examples
    --------
    >>> mean_of(np.array([1.0, 2.0, 3.0]))
    Estimate(value=2.0, stderr=0.5773502691896258)
    """
    samples = np.asarray(samples, dtype=float)
    if samples.size < 2 or not np.all(np.isfinite(samples)):
        return NAN
    return Estimate(float(np.mean(samples)), float(np.std(samples, ddof=1) / np.sqrt(samples.size)))


def delta_method(func: Callable[[FloatArray], float], *samples: FloatArray) -> Estimate:
    """Return ``func(means)`` and its delta-method standard error.

    Parameters
    ----------
    func : callable
        A smooth function of the vector of means (one entry per sample array).
    *samples : ndarray
        Per-particle samples, one array per argument, all of the same length (the
        particles are independent; the arrays may be correlated with each other).

    Returns
    -------
    Estimate
        The value at the means; the error from the central-difference gradient and the
        covariance matrix of the means.
    """
    data = np.vstack([np.asarray(s, dtype=float) for s in samples])
    if data.shape[1] < 2 or not np.all(np.isfinite(data)):
        return NAN
    means = data.mean(axis=1)
    cov = np.atleast_2d(np.cov(data)) / data.shape[1]
    grad = np.empty(means.size)
    for i in range(means.size):
        step = 1e-6 * max(abs(means[i]), math.sqrt(cov[i, i]), 1e-300)
        up, down = means.copy(), means.copy()
        up[i] += step
        down[i] -= step
        grad[i] = (func(up) - func(down)) / (2.0 * step)
    return Estimate(float(func(means)), float(np.sqrt(max(grad @ cov @ grad, 0.0))))
