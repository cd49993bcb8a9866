"""The equilibrium Fermi-Dirac distribution of one sub-band, in scaled dimensionless form.

The solver works with ``f_eq`` divided by its peak ``f_eq(0) = expit(eta)``, so that the
classical limit (``eta = -30``: ``f_eq ~ 1e-13``) and the degenerate limit (``eta = 200``)
are both handled at full relative precision.  Units: :mod:`symcond.kinetic.params`.

References
----------
.. [1] A. Das and F. Green (2003), the ``f_eq`` below Eq. (9) and Eq. (10).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "fermi_peak",
    "mean_abs_velocity_integral",
    "pole_distance",
    "scaled_fermi",
    "scaled_fermi_slope_factor",
]

FloatArray = NDArray[np.float64]


def fermi_peak(eta: float) -> float:
    """Return ``f_eq(0) = 1 / (1 + exp(-eta))``, the peak occupation (dimensionless).

    Examples
    --------
    >>> round(fermi_peak(0.0), 12)
    0.5
    """
    return float(np.exp(-np.logaddexp(0.0, -eta)))


def scaled_fermi(x: FloatArray, eta: float) -> FloatArray:
    """Return ``f_eq(x) / f_eq(0)`` for ``f_eq = 1 / (1 + exp(x**2 - eta))``.

    Parameters
    ----------
    x : ndarray
        Wave vector in units of ``k_T``.
    eta : float
        Reduced chemical potential ``(mu - eps_i) / k_B T``.

    Returns
    -------
    ndarray
        The scaled occupation, between 0 and 1, computed without overflow.

    Examples
    --------
    >>> scaled_fermi(np.array([0.0, 1.0]), -30.0).round(12)
    array([1.        , 0.36787944])
    """
    x = np.asarray(x, dtype=float)
    return np.exp(np.logaddexp(0.0, -eta) - np.logaddexp(0.0, x * x - eta))


def scaled_fermi_slope_factor(x: FloatArray, eta: float) -> FloatArray:
    """Return ``1 - f_eq(x)``, so that ``d f_eq / dx = -2 x f_eq (1 - f_eq)``.

    Examples
    --------
    >>> scaled_fermi_slope_factor(np.array([0.0]), 0.0)
    array([0.5])
    """
    x = np.asarray(x, dtype=float)
    return np.exp(-np.logaddexp(0.0, eta - x * x))


def mean_abs_velocity_integral(eta: float) -> float:
    """Return ``M = Integral |x| f_eq dx = ln(1 + exp(eta))`` over the whole line.

    ``<|v| f_eq> = (k_T v_th / pi) M`` enters the length of Eq. (10).

    Examples
    --------
    >>> mean_abs_velocity_integral(0.0) == float(np.log(2.0))
    True
    """
    return float(np.logaddexp(0.0, eta))


def pole_distance(x: FloatArray, eta: float) -> FloatArray:
    """Return the distance from real ``x`` to the nearest complex pole of ``f_eq``.

    The poles solve ``x**2 = eta + i pi (2 j + 1)``; the nearest pair (``j = 0, -1``) and
    their mirror images set the width of the Fermi edge that the mesh must resolve.

    Examples
    --------
    >>> d = pole_distance(np.array([np.sqrt(200.0)]), 200.0)
    >>> bool(abs(d[0] - np.pi / (2 * np.sqrt(200.0))) < 1e-3)
    True
    """
    x = np.asarray(x, dtype=float)
    z = np.sqrt(complex(eta, np.pi))
    poles = np.array([z, -z, np.conj(z), -np.conj(z)])
    return np.min(np.abs(x[:, None] - poles[None, :]), axis=1)
