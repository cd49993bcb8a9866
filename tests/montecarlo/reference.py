"""Independent references for the Monte Carlo tests: moments of f_eq by mpmath quadrature.

All moments are over the whole line of ``x = k / k_T`` with ``f_eq = 1 / (1 + exp(x**2 - eta))``
(units of :mod:`symcond.kinetic.params`), at 30 digits.  For constant times the process of
Eq. (9) has closed forms in these moments (derived in the test modules that use them).
"""

from __future__ import annotations

from functools import cache

import mpmath as mp

__all__ = ["Moments", "moments", "tau_m", "weighted_moments"]

DPS = 30


def tau_m(ratio: float) -> float:
    """Return ``tau_m = 1 / (1/tau_el + 1/tau_in)`` in units of ``tau_el`` (Matthiessen, Eq. (5))."""
    return ratio / (1.0 + ratio)


class Moments:
    """``N = Int f``, ``M = Int |x| f``, ``<x**2>``, ``Fano = <1 - f>``, ``<x**2 (1 - f)>`` over ``f``."""

    def __init__(self, n: float, m: float, x2: float, fano: float, x2w: float, g_scale: float) -> None:
        self.n, self.m, self.x2, self.fano, self.x2w = n, m, x2, fano, x2w
        #: ``N**2 / M`` (computed at 30 digits): ``G / G0 = (N**2 / M) <x> / F``.
        self.g_scale = g_scale


@cache
def moments(eta: float) -> Moments:
    """Return the moments of ``f_eq`` at ``eta`` by mpmath quadrature (split at the Fermi edge)."""
    with mp.workdps(DPS):
        e = mp.mpf(eta)
        f = lambda y: 1 / (1 + mp.exp(y * y - e))  # noqa: E731
        pts = [mp.mpf(0), mp.sqrt(e), mp.inf] if eta > 0 else [mp.mpf(0), mp.inf]

        def integral(g):
            return 2 * mp.quad(g, pts)

        n = integral(f)
        m = integral(lambda y: y * f(y))
        x2 = integral(lambda y: y * y * f(y)) / n
        fano = integral(lambda y: f(y) * (1 - f(y))) / n
        x2w = integral(lambda y: y * y * f(y) * (1 - f(y))) / n
        return Moments(float(n), float(m), float(x2), float(fano), float(x2w), float(n * n / m))


def weighted_moments(eta: float, ratio: float, tau_in_law) -> tuple[float, float, float]:
    """Return ``<x^2 t_m>``, ``<x^2>`` and ``<x^2 (1 - f) t_m>`` over ``f`` (mpmath).

    ``1 / t_m(x) = 1 / (ratio tau_in_law(x^2)) + 1 / tau_el`` with ``tau_el = 1``: the decay
    rate of ``E[x(t) | x(0)]`` (flips at 1/(2 tau_el) reverse x, re-draws erase it).
    """
    with mp.workdps(DPS):
        e = mp.mpf(eta)
        f = lambda y: 1 / (1 + mp.exp(y * y - e))  # noqa: E731
        t_m = lambda y: 1 / (1 / (ratio * tau_in_law(y * y)) + 1)  # noqa: E731
        pts = [mp.mpf(0), mp.sqrt(e), mp.inf] if eta > 0 else [mp.mpf(0), mp.inf]
        n = mp.quad(f, pts)
        x2t = mp.quad(lambda y: y * y * t_m(y) * f(y), pts) / n
        x2 = mp.quad(lambda y: y * y * f(y), pts) / n
        x2wt = mp.quad(lambda y: y * y * t_m(y) * f(y) * (1 - f(y)), pts) / n
        return float(x2t), float(x2), float(x2wt)
