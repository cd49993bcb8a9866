"""Validated, dimensionless parameters of the kinetic equation (9) of Das & Green (2003).

Dimensionless units (shared by ``symcond.kinetic``, ``symcond.montecarlo`` and the CLI)
-------------------------------------------------------------------------------------
One parabolic sub-band, band energy ``eps_k = hbar**2 k**2 / (2 m)`` above its threshold
``eps_i``; temperature ``T``; one chemical potential ``mu``.

========================  ==========================================================
quantity                  dimensionless form
========================  ==========================================================
energy                    ``eps / (k_B T)``; reduced chemical potential
                          ``eta = (mu - eps_i) / (k_B T)``
wave vector               ``x = k / k_T`` with ``k_T = sqrt(2 m k_B T) / hbar``, so
                          that ``eps_k / (k_B T) = x**2``
velocity                  ``v / v_th = x`` with ``v_th = sqrt(2 k_B T / m) = hbar k_T / m``
time                      ``t / tau_el0``; ``tau_el0`` is the elastic time (constant
                          times) or the reference elastic time (energy laws)
field                     ``F = e E tau_el0 / (hbar k_T)``: the wave-vector gain per
                          ``tau_el0`` in units of ``k_T``
density                   ``n / k_T = (1/pi) * Integral f dx``
current                   ``I / (e k_T v_th) = (1/pi) * Integral x f dx``
power per length          in units of ``k_B T k_T / tau_el0``: Joule power
                          ``(2 F / pi) * Integral x f dx``; inelastic loss
                          ``(1/pi) * Integral x**2 (f - C f_eq) / tau_in dx``
conductance               ``G / G_0`` with ``G_0 = 2 e**2 / h`` (below)
========================  ==========================================================

Here ``<X> = Integral 2 dk / (2 pi) X(k) = (k_T / pi) Integral X dx`` over the whole line.
In these units Eq. (9) reads

    F df/dx = -(f - C f_eq) / t_in(x**2) - (f(x) - f(-x)) / (2 t_el(x**2)),
    C = <f / t_in> / <f_eq / t_in>,   f_eq = 1 / (1 + exp(x**2 - eta)),

with ``t_in = ratio * tau_in_law(eps)`` and ``t_el = tau_el_law(eps)`` (both default to
constants, ``tau_in_law = tau_el_law = 1``).  The equation is homogeneous in ``f``; the
solution is normalised by ``<f> = <f_eq>``.  The length ``L`` comes from Eq. (10),
``tau_el0 = L n / <|v| f_eq>``, so ``G / G_0 = pi hbar <v f> / (e E L)`` is independent of
``L``::

    G / G_0 = [Integral x f dx] [Integral f_eq dx] / (F [Integral |x| f_eq dx]).

For constant times this equals Eq. (11): ``G / G_0 = (N**2 / M) R / (1 + R)`` with
``N = Integral f_eq dx``, ``M = Integral |x| f_eq dx = ln(1 + exp(eta))`` and
``R = tau_in / tau_el``; ``N**2 / M = h n / (2 m vbar)`` with ``vbar = <|v| f_eq> / n``.

Taken literally, Eq. (10) gives ``vbar = <|v| f_eq> / n -> v_F / 2`` in the degenerate
limit (``N -> 2 sqrt(eta)``, ``M -> eta``), so ``N**2 / M -> 4`` and the plateau is
``G / G_0 -> 4 R / (1 + R)`` (2 at ``R = 1``), not the paper's quantized 1; the paper's
stated limit ``vbar -> v_F`` corresponds to twice this ``vbar`` and halves ``G``.  The
solver reports ``G / G_0`` with the literal Eq. (10); ``current`` and ``density`` let a
caller apply another convention.

``field = 0`` denotes the linear-response limit ``F -> 0+`` (``G`` is its limit; ``f`` is
then ``f_eq``).  A nonzero field with ``2 X |F| / sqrt(r_in r_m) <= 1e-8`` (``X`` the
extent of ``f_eq``, :mod:`symcond.kinetic.domain`) is solved to first order,
``f = f_eq + F f_1`` and ``G = G(0)``: the neglected ``O(F**2)`` terms are below ``1e-16``
of the kept ones, so this is the double-precision answer (for constant times the current
is exactly linear in ``F`` at any field).  ``ratio = inf`` (no inelastic scattering) is accepted here, and the
solver then reports that Eq. (9) has no steady state.

References
----------
.. [1] A. Das and F. Green, "Landauer formula without Landauer's assumptions" (2003),
   Eqs. (9)-(11) and Figure 1.

Examples
--------
>>> p = KineticParams.from_energies(mu_kT=10.0, eps_kT=5.0, ratio=0.75, field=0.1)
>>> p.eta, p.ratio, p.field
(5.0, 0.75, 0.1)
>>> KineticParams(eta=1.0, ratio=-1.0)
Traceback (most recent call last):
...
symcond.errors.DefinitionError: 'ratio' must be positive (a number > 0 or inf) (got -1.0)
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from symcond.errors import DefinitionError

__all__ = ["ETA_MAX", "ETA_MIN", "RATIO_MIN", "KineticParams", "TimeLaw"]

#: Smallest and largest reduced chemical potential ``eta = (mu - eps_i)/k_B T`` accepted.
ETA_MIN = -500.0
ETA_MAX = 5000.0

#: Smallest ``ratio`` accepted: the smallest normal double (``1 / ratio`` stays finite).
RATIO_MIN = sys.float_info.min

#: An energy law: maps ``eps / k_B T`` (numpy array) to times in units of ``tau_el0``.
TimeLaw = Callable[[Any], Any]


def _finite(name: str, value: float) -> float:
    """Return ``value`` as a float, or raise if it is not a finite real number."""
    number = _real(name, value)
    if not math.isfinite(number):
        raise DefinitionError(f"'{name}' must be finite (got {number!r})")
    return number


def _real(name: str, value: float) -> float:
    """Return ``value`` as a float, or raise if it is not a real number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            return float(value)
        except (TypeError, ValueError):
            raise DefinitionError(f"'{name}' must be a real number (got {value!r})") from None
    return float(value)


def _ratio(value: float) -> float:
    """Return ``value`` as a float, or raise if it is not in ``[RATIO_MIN, inf]``."""
    ratio = _real("ratio", value)
    if math.isnan(ratio) or ratio <= 0.0:
        raise DefinitionError(f"'ratio' must be positive (a number > 0 or inf) (got {ratio!r})")
    if ratio < RATIO_MIN:
        raise DefinitionError(
            f"'ratio' must be at least {RATIO_MIN:.4g}, the smallest normal double, so that "
            f"the inelastic rate 1/ratio is finite (got {ratio!r})"
        )
    return ratio


def _law(name: str, law: TimeLaw | None) -> TimeLaw | None:
    """Return ``law`` unchanged if it is callable or None, else raise."""
    if law is not None and not callable(law):
        raise DefinitionError(f"'{name}' must be callable or None (got {law!r})")
    return law


@dataclass(frozen=True)
class KineticParams:
    """Dimensionless parameters of one sub-band of Eq. (9) (units: module docstring).

    Parameters
    ----------
    eta : float
        Reduced chemical potential ``(mu - eps_i) / k_B T``, in ``[ETA_MIN, ETA_MAX]``.
    ratio : float, default 1.0
        ``R = tau_in / tau_el0`` (dimensionless), ``>= RATIO_MIN`` (about ``2.2e-308``);
        ``inf`` means no inelastic scattering (the solver then raises
        :class:`~symcond.errors.SolverError`).
    field : float, default 0.0
        ``F = e E tau_el0 / (hbar k_T)`` (dimensionless, finite, any sign); ``0`` means the
        linear-response limit, and a field too weak to change ``G`` beyond round-off is
        solved as linear response (:func:`~symcond.kinetic.domain.is_linear_response`).
    tau_in_law : callable or None, default None
        Shape of the inelastic time: ``tau_in(eps) = ratio * tau_in_law(eps)`` with ``eps``
        in ``k_B T`` (numpy array in, array out).  ``None`` means the constant ``1``.
    tau_el_law : callable or None, default None
        Elastic time ``tau_el(eps)`` in units of ``tau_el0``; ``None`` means ``1``.

    Raises
    ------
    DefinitionError
        If a value breaks its rule, e.g. ``'ratio' must be positive (a number > 0 or inf)
        (got -1.0)``.
    """

    eta: float
    ratio: float = 1.0
    field: float = 0.0
    tau_in_law: TimeLaw | None = None
    tau_el_law: TimeLaw | None = None

    def __post_init__(self) -> None:
        eta = _finite("eta", self.eta)
        if not ETA_MIN <= eta <= ETA_MAX:
            raise DefinitionError(f"'eta' must lie in [{ETA_MIN:g}, {ETA_MAX:g}] (got {eta!r})")
        object.__setattr__(self, "eta", eta)
        object.__setattr__(self, "ratio", _ratio(self.ratio))
        object.__setattr__(self, "field", _finite("field", self.field))
        _law("tau_in_law", self.tau_in_law)
        _law("tau_el_law", self.tau_el_law)

    @classmethod
    def from_energies(cls, mu_kT: float, eps_kT: float, **kwargs: Any) -> KineticParams:
        """Build parameters from ``mu / k_B T`` and the threshold ``eps_i / k_B T``.

        Parameters
        ----------
        mu_kT : float
            Chemical potential in units of ``k_B T``.
        eps_kT : float
            Sub-band threshold ``eps_i`` in units of ``k_B T``.
        **kwargs
            ``ratio``, ``field``, ``tau_in_law``, ``tau_el_law`` as for the class.

        Returns
        -------
        KineticParams
            With ``eta = mu_kT - eps_kT``.

        Examples
        --------
        >>> KineticParams.from_energies(3.0, 5.0).eta
        -2.0
        """
        return cls(eta=_finite("mu_kT", mu_kT) - _finite("eps_kT", eps_kT), **kwargs)

    @property
    def has_dissipation(self) -> bool:
        """Whether inelastic scattering is present at all (``ratio`` finite)."""
        return math.isfinite(self.ratio)

    @property
    def constant_times(self) -> bool:
        """Whether both collision times are energy independent."""
        return self.tau_in_law is None and self.tau_el_law is None
