"""The truncated domain ``0 <= x <= X`` and the initial spectral-element mesh.

``X`` is chosen so that both ``f_eq`` and the field-driven tail have decayed below
``exp(-DECAY_EXPONENTS) ~ 1e-18`` of the peak.  Beyond the Fermi edge ``x_c`` the even part
decays like ``exp(-Integral lambda dx)`` with ``lambda = sqrt(r_in r_m) / |F|`` (the
decaying mode of Eq. (9) with ``f_eq ~ 0``), so ``X`` solves
``Integral_{x_c}^X lambda dx = DECAY_EXPONENTS``.

A field so weak that ``a = |F| / sqrt(r_in r_m)``, the length over which it shifts ``f``,
is below ``LINEAR_RESPONSE`` of the finest length ``1 / (2 X)`` of ``f_eq`` on the domain
is solved as linear response (:func:`is_linear_response`): ``f = f_eq + F f_1`` with
``f_1`` independent of ``F``.  The next correction to ``f`` and ``G`` is of relative size
``(2 a X)**2 <= 1e-16``, below double-precision round-off, so the first-order solution is
the exact answer to double precision, whereas solving Eq. (9) itself would square ``F``
(``F**2`` underflows for ``|F| < 1e-154``) and lose the current in subnormal numbers.  This
assumes collision laws that do not vary on scales much shorter than ``1 / (2 X)``.

Element sizes follow the analyticity of ``f_eq``: its poles lie on the curve
``z = sqrt(eta + i s)``, ``s >= pi``; an element whose Bernstein ellipse of parameter
``rho`` excludes them is resolved to about ``rho**(-p)`` by degree-``p`` polynomials.

References
----------
.. [1] L. N. Trefethen, *Approximation Theory and Approximation Practice* (SIAM, 2013),
   Theorem 8.2 (Bernstein ellipses).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from symcond.errors import SolverError
from symcond.kinetic.laws import NO_STEADY_STATE, collision_rates
from symcond.kinetic.mesh import Mesh
from symcond.kinetic.params import KineticParams

__all__ = [
    "DECAY_EXPONENTS",
    "LINEAR_RESPONSE",
    "X_MAX",
    "domain_end",
    "fermi_edge",
    "initial_mesh",
    "is_linear_response",
]

FloatArray = NDArray[np.float64]

#: Number of e-folds of decay kept inside the domain (``exp(-42) ~ 6e-19``).
DECAY_EXPONENTS = 42.0
#: Largest domain end accepted (units of ``k_T``); beyond it the carriers run away.
X_MAX = 1.0e7
#: Largest element in the populated core (units of ``k_T``).
CORE_ELEMENT = 1.0
#: Largest element beyond the Fermi edge, in local decay lengths of the tail.
TAIL_ELEMENTS = 4.0
#: Largest ``2 X |F| / sqrt(r_in r_m)`` solved as linear response (error ``<= 1e-16``).
LINEAR_RESPONSE = 1.0e-8

_POLE_S = np.pi * np.geomspace(1.0, 1.0e11, 200)


def fermi_edge(eta: float) -> float:
    """Return ``x_c = sqrt(max(eta, 0))``, where the population ends (units ``k_T``)."""
    return float(np.sqrt(max(eta, 0.0)))


def is_linear_response(params: KineticParams) -> bool:
    """Whether first-order response in ``field`` is exact to double precision.

    True if ``2 X max_x a(x) <= LINEAR_RESPONSE`` with ``a = |F| / sqrt(r_in r_m)`` sampled
    at 400 cell midpoints of the populated range ``0 <= x <= X = sqrt(max(eta, 0) +
    DECAY_EXPONENTS)``; the neglected terms are then about ``(2 a X)**2 <= 1e-16`` of the
    first-order ones.  Midpoints skip an isolated zero of ``r_in`` such as the band bottom
    of ``tau_in ~ eps**(-1/2)``: near ``r_in = c x`` the deviation from first order is
    ``~ |F|**(4/3) c**(-2/3)`` of ``f_eq(0)``, within a width ``~ (F**2 / c)**(1/3)``.

    Examples
    --------
    >>> is_linear_response(KineticParams(eta=0.0, field=1e-300))
    True
    >>> is_linear_response(KineticParams(eta=0.0, field=1e-6))
    False
    """
    if params.field == 0.0:
        return True
    end = float(np.sqrt(max(params.eta, 0.0) + DECAY_EXPONENTS))
    midpoints = (np.arange(400, dtype=np.float64) + 0.5) * (end / 400)
    rate_in, rate_el = collision_rates(params, midpoints)
    with np.errstate(divide="ignore", over="ignore", under="ignore"):
        length = abs(params.field) / np.sqrt(rate_in) / np.sqrt(rate_in + rate_el)
    return bool(np.max(length) <= LINEAR_RESPONSE / (2.0 * end))


def domain_end(params: KineticParams, exponents: float = DECAY_EXPONENTS) -> float:
    """Return the domain end ``X`` (units of ``k_T``) for ``params``.

    ``f_eq`` and the field-driven tail decay by ``exp(-exponents)`` within ``X``; in linear
    response (:func:`is_linear_response`) the tail is ``f_eq``'s own.

    The decay exponent ``Integral lambda dx`` is accumulated decade by decade beyond the
    edge, so the collision laws are never evaluated far beyond ``X``.

    Raises
    ------
    SolverError
        If the distribution does not decay within ``X_MAX`` (runaway carriers), or with
        :data:`~symcond.kinetic.laws.NO_STEADY_STATE` if ``1/tau_in`` vanishes everywhere.
    """
    x_c = fermi_edge(params.eta)
    x_feq = float(np.sqrt(max(params.eta, 0.0) + exponents))
    if is_linear_response(params):
        return x_feq
    decay, lower = 0.0, 0.0
    for upper in 10.0 ** np.arange(0, int(np.log10(X_MAX)) + 1):
        x = x_c + np.linspace(lower, upper, 400)
        rate_in, rate_el = collision_rates(params, x)
        with np.errstate(over="ignore", under="ignore"):
            lam = np.sqrt(rate_in) * np.sqrt(rate_in + rate_el) / abs(params.field)
        steps = np.concatenate(([0.0], np.cumsum(0.5 * (lam[1:] + lam[:-1]) * np.diff(x))))
        if decay + steps[-1] >= exponents:
            return max(x_feq, float(np.interp(exponents - decay, steps, x)))
        decay, lower = decay + steps[-1], upper
    if decay == 0.0 and not np.any(rate_in > 0.0):
        raise SolverError(NO_STEADY_STATE)
    raise SolverError(
        f"no steady state within |k| <= {X_MAX:g} k_T: the field-driven tail does not "
        f"decay (only {decay:.3g} e-folds), carriers run away"
    )


def initial_mesh(params: KineticParams, end: float, degree: int) -> Mesh:
    """Return a mesh of ``[0, end]`` that resolves ``f`` to about ``1e-15`` of its peak.

    Element widths are bounded by the poles of ``f_eq`` (Bernstein-ellipse parameter
    ``>= 10**(15/p)``), by ``CORE_ELEMENT`` where ``f_eq`` is populated, and beyond the
    Fermi edge by ``TAIL_ELEMENTS`` local decay lengths ``|F| / sqrt(r_in r_m)`` (or
    ``CORE_ELEMENT`` if larger), so that a long field-driven tail is resolved relative to
    its own size (the moments weight it by ``x**2``).

    Parameters
    ----------
    params : KineticParams
        Supplies ``eta``, ``field`` and the collision laws.
    end : float
        Domain end ``X`` (units of ``k_T``).
    degree : int
        Polynomial degree ``p`` per element.
    """
    rho = 10.0 ** (15.0 / degree)
    stretch = 0.5 * (rho + 1.0 / rho)
    poles = np.sqrt(params.eta + 1j * _POLE_S)
    poles = np.concatenate((poles, -poles))
    core, edge = float(np.sqrt(max(params.eta, 0.0) + DECAY_EXPONENTS)), fermi_edge(params.eta)
    edges, tail = [0.0], not is_linear_response(params)
    while edges[-1] < end * (1.0 - 1e-12):
        start = edges[-1]
        h = _largest_element(start, poles, stretch)
        if start < core:
            h = min(h, CORE_ELEMENT)
        if start >= edge and tail:
            h = min(h, max(TAIL_ELEMENTS * _decay_length(params, start), CORE_ELEMENT))
        edges.append(min(start + h, end))
    return Mesh(np.asarray(edges), degree)


def _decay_length(params: KineticParams, x: float) -> float:
    """Return ``|F| / sqrt(r_in r_m)`` at ``x`` (units of ``k_T``)."""
    rate_in, rate_el = collision_rates(params, np.array([x]))
    rate = float(np.sqrt(rate_in[0]) * np.sqrt(rate_in[0] + rate_el[0]))
    return abs(params.field) / rate if rate > 0.0 else np.inf


def _largest_element(start: float, poles: NDArray[np.complex128], stretch: float) -> float:
    """Return the widest element from ``start`` whose Bernstein ellipse excludes the poles.

    The ellipse with foci ``start`` and ``start + h`` and semi-major axis ``stretch h/2``
    passes through pole ``z`` when ``|z - start| + |z - start - h| = stretch h``, i.e.
    ``h = 2 (stretch |z - start| - Re(z - start)) / (stretch**2 - 1)``.
    """
    rel = poles - start
    widths = 2.0 * (stretch * np.abs(rel) - rel.real) / (stretch**2 - 1.0)
    return float(widths.min())
