r"""Fermi–Dirac integrals as (mantissa, power of two) pairs that never underflow.

For ``eta`` below about -708 the value :math:`F_j(\eta) \approx e^{\eta}` is subnormal or 0 in
double precision, so a quotient such as :math:`F_{-1/2}(\eta)/F_0(\eta)` computed from the
values is 0/0.  Here

.. math::

    F_j(\eta) = e^{\eta} s_j(\eta), \qquad s_j(\eta) = 1 - \frac{e^{\eta}}{2^{j+1}} + O(e^{2\eta}),

(the polylogarithm series, NIST DLMF 25.12.10 with ``z = -e^eta``) is exact to double precision
for ``eta < -40``, and :math:`e^{\eta} = 2^k e^{r}` with ``k = rint(eta / ln 2)`` and
``r = eta - k ln 2`` computed without rounding error (Cody–Waite reduction with an exact
two-product), valid for ``|eta| < 2**52``.  :func:`fermi_dirac_frexp` returns
``(mantissa, exponent)`` with ``F = mantissa * 2**exponent``, ``0.5 <= mantissa < 1``.

:func:`fermi_dirac_tracked` returns the ordinary values (an ``ndarray`` or ``float``) tagged with
the order and argument, so that :func:`frexp_exact` (used by ``scaled_product`` of
:mod:`symcond.numeric.rewrites`) can recompute the pair instead of splitting an underflowed value.

>>> m, e = fermi_dirac_frexp(0.0, -1e6)  # F_0(-1e6) = exp(-1e6) = m * 2**e
>>> print(f"{float(m):.15f} {float(e):.0f}")
0.972055799086464 -1442695
>>> frexp_exact(fermi_dirac_tracked(-0.5, -800.0))[1]  # the value itself underflows to 0
array(-1154.)
"""

from __future__ import annotations

from typing import Any, SupportsFloat

import numpy as np
from numpy.typing import ArrayLike

from symcond.special.fermi_dirac import FloatArray, fermi_dirac

__all__ = ["SPLIT_BELOW", "exp_frexp", "fermi_dirac_frexp", "fermi_dirac_tracked", "frexp_exact"]

#: Below this eta, F_j(eta) = exp(eta) (1 - exp(eta) / 2**(j + 1)) to double precision.
SPLIT_BELOW = -40.0
_LN2_HI = 0.6931471805599453  # float(log(2)); the remainder log(2) - _LN2_HI:
_LN2_LO = 2.3190468138462996e-17
_INV_LN2 = 1.4426950408889634
_SPLITTER = 134217729.0  # 2**27 + 1 (Veltkamp)
_LIMIT = 2.0**52  # |eta| beyond which the reduction is no longer exact


def _two_product(a: FloatArray, b: float) -> tuple[FloatArray, FloatArray]:
    """``(p, q)`` with ``p = fl(a*b)`` and ``p + q == a*b`` exactly (Dekker, no FMA)."""
    def split(x: Any) -> tuple[Any, Any]:
        c = _SPLITTER * x
        high = c - (c - x)
        return high, x - high

    p = a * b
    (a1, a2), (b1, b2) = split(a), split(b)
    return p, ((a1 * b1 - p) + a1 * b2 + a2 * b1) + a2 * b2


def exp_frexp(x: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """``exp(x)`` as ``(mantissa, exponent)``: ``mantissa * 2**exponent``, no under- or overflow.

    Parameters
    ----------
    x : array_like of float
        Argument (dimensionless), finite, ``|x| < 2**52``.

    Returns
    -------
    tuple of numpy.ndarray
        Mantissa in [0.5, 1) and integer-valued float exponent.

    Examples
    --------
    >>> m, e = exp_frexp(-800.0)  # exp(-800) = 0.8974897... * 2**-1154 (below the double range)
    >>> print(f"{float(m):.15f} {float(e):.0f}")
    0.897489701064031 -1154
    """
    x = np.clip(np.asarray(x, dtype=np.float64), -_LIMIT, _LIMIT)
    k = np.rint(x * _INV_LN2)
    p, q = _two_product(k, _LN2_HI)
    r = ((x - p) - q) - k * _LN2_LO
    m, e = np.frexp(np.exp(r))
    return m, k + e


def fermi_dirac_frexp(order: SupportsFloat, eta: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """F_j(eta) as ``(mantissa, exponent)`` with ``F = mantissa * 2**exponent`` for every real eta.

    Parameters
    ----------
    order : float
        Order ``j`` (dimensionless), one supported by :func:`symcond.special.fermi_dirac`.
    eta : array_like of float
        Reduced chemical potential (dimensionless).

    Returns
    -------
    tuple of numpy.ndarray
        Mantissa in [0.5, 1) (0 or inf where F is) and integer-valued float exponent.

    Examples
    --------
    >>> m, e = fermi_dirac_frexp(-0.5, [-1e4, 0.0])
    >>> print([f"{v:.12f}" for v in m], e)  # F_{-1/2}(-1e4) = 0.5174857... * 2**-14426
    ['0.517485774956', '0.604898643422'] [-14426.      0.]
    """
    x = np.asarray(eta, dtype=np.float64)
    low = np.isfinite(x) & (x < SPLIT_BELOW)
    m, e = np.frexp(np.asarray(fermi_dirac(order, np.where(low, 0.0, x)), dtype=np.float64))
    if np.any(low):
        with np.errstate(under="ignore"):  # exp(eta) is negligible (and may underflow) here
            series = 1.0 - np.exp(x[low]) * 2.0 ** -(float(order) + 1.0)
        m_exp, e_exp = exp_frexp(x[low])
        m_low, e_low = np.frexp(m_exp * series)
        m, e = np.asarray(m), np.asarray(e, dtype=np.float64)
        m[low], e[low] = m_low, e_exp + e_low
    return m, np.asarray(e, dtype=np.float64)


class _TrackedArray(np.ndarray):  # type: ignore[type-arg]
    """F_j values that remember ``(order, eta)``; arithmetic on them gives plain arrays."""

    fd_args: tuple[float, FloatArray] | None = None

    def __repr__(self) -> str:
        return repr(self.view(np.ndarray))

    def __str__(self) -> str:
        return str(self.view(np.ndarray))

    def __array_wrap__(self, obj: Any, context: Any = None, return_scalar: bool = False) -> Any:
        out = np.asarray(obj)
        return out[()] if return_scalar else out


class _TrackedFloat(float):
    """A scalar F_j value that remembers ``(order, eta)``."""

    fd_args: tuple[float, FloatArray] | None = None


def fermi_dirac_tracked(order: SupportsFloat, eta: ArrayLike) -> Any:
    """:func:`symcond.special.fermi_dirac`, tagged so that :func:`frexp_exact` can rescale it.

    >>> float(fermi_dirac_tracked(0, 0.0))
    0.6931471805599453
    """
    value = fermi_dirac(order, eta)
    out: Any = _TrackedFloat(value) if isinstance(value, float) else value.view(_TrackedArray)
    out.fd_args = (float(order), np.asarray(eta, dtype=np.float64))
    return out


def frexp_exact(value: Any) -> tuple[Any, Any]:
    """``numpy.frexp(value)``, recomputed without underflow for :func:`fermi_dirac_tracked` values.

    >>> frexp_exact(0.75)
    (np.float64(0.75), np.int32(0))
    """
    args = getattr(value, "fd_args", None)
    return np.frexp(value) if args is None else fermi_dirac_frexp(*args)
