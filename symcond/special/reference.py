"""Arbitrary-precision reference values of the complete Fermi–Dirac integral (mpmath).

This module is the slow, trusted side of :mod:`symcond.special.fermi_dirac`: the
coefficient generator, the tests and the engine's numeric checks compare against it.

For every real order ``j`` and real ``eta``

    F_j(eta) = 1/Gamma(j+1) * Integral_0^inf t^j / (1 + exp(t - eta)) dt
             = -Li_{j+1}(-exp(eta)).

* ``j = 0``: ``log1p(exp(eta))`` (mpmath's ``polylog(1, z)`` is ``-log(1 - z)``, which
  loses ``z`` below the working epsilon).
* ``eta <= 0`` or integer ``j``: :func:`mpmath.polylog` (power series in ``-exp(eta)``
  for ``eta <= 0``, exact inversion formula for integer order).
* ``eta > 0`` and non-integer ``j``: Jonquière's formula through the Hurwitz zeta
  function, which mpmath evaluates in a few milliseconds where its own ``polylog``
  takes ~50 ms (``0 < eta < 5``).  It is not used for ``eta <= 0`` because it cancels
  there.

>>> import mpmath
>>> from symcond.special.reference import fermi_dirac_mp
>>> mpmath.nstr(fermi_dirac_mp(0, 0, dps=20), 20)  # log(2)
'0.69314718055994530942'
>>> mpmath.nstr(fermi_dirac_mp(0.5, 0, dps=20), 20)  # (1 - 2**-0.5) * zeta(3/2)
'0.76514702462540794537'
"""

from __future__ import annotations

from fractions import Fraction
from typing import SupportsFloat

import mpmath

from symcond.errors import DefinitionError, NumericalError

__all__ = ["fermi_dirac_mp"]

_GUARD_DIGITS = 10


def _to_mpf(name: str, value: SupportsFloat | Fraction | str | mpmath.mpf) -> mpmath.mpf:
    """Convert ``value`` exactly to an mpf at the working precision."""
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    try:
        return mpmath.mpf(value)
    except (TypeError, ValueError) as exc:
        raise DefinitionError(f"'{name}' must be a real number (got {value!r})") from exc


def _limit_at_plus_infinity(order: mpmath.mpf) -> mpmath.mpf:
    """Return lim F_j(eta) for eta -> +inf: inf for j > -1, 1 for j = -1, 0 below."""
    if order > -1:
        return mpmath.inf
    return mpmath.mpf(1) if order == -1 else mpmath.mpf(0)


def _jonquiere(order: mpmath.mpf, eta: mpmath.mpf) -> mpmath.mpf:
    """Return -Li_{j+1}(-exp(eta)) through the Hurwitz zeta function (non-integer j)."""
    v = -order
    y = eta / (2 * mpmath.pi * mpmath.j)
    terms = mpmath.j**v * mpmath.zeta(v, 0.5 + y) + mpmath.j**-v * mpmath.zeta(v, 0.5 - y)
    return -mpmath.re(mpmath.gamma(v) * terms / (2 * mpmath.pi) ** v)


def _fermi_dirac_finite(order: mpmath.mpf, eta: mpmath.mpf) -> mpmath.mpf:
    """Return F_j(eta) for finite ``eta`` at the current mpmath precision."""
    if order == 0:  # mpmath's polylog(1, z) = -log(1 - z) loses exp(eta) << eps
        return mpmath.log1p(mpmath.exp(eta))
    if eta > 0 and not mpmath.isint(order):
        return _jonquiere(order, eta)
    return -mpmath.re(mpmath.polylog(order + 1, -mpmath.exp(eta)))


def fermi_dirac_mp(
    order: SupportsFloat | Fraction | str | mpmath.mpf,
    eta: SupportsFloat | Fraction | str | mpmath.mpf,
    dps: int = 40,
) -> mpmath.mpf:
    """Complete Fermi–Dirac integral F_j(eta) to ``dps`` significant digits.

    Parameters
    ----------
    order : real number
        Order ``j`` (dimensionless); any real value (not limited to the orders of
        :func:`symcond.special.fermi_dirac`).  Floats are taken exactly.
    eta : real number
        Reduced chemical potential ``eta = (mu - E_c) / (k_B T)`` (dimensionless);
        ``-inf`` and ``+inf`` give the limits (0; and inf, 1 or 0 for j >, =, < -1).
    dps : int, optional
        Decimal digits of the result (10 guard digits are used internally).

    Returns
    -------
    mpmath.mpf
        F_j(eta), normalised with 1/Gamma(j+1) (dimensionless).

    Raises
    ------
    DefinitionError
        If ``dps`` < 1 or an argument is not a real number.
    NumericalError
        If ``eta`` or ``order`` is NaN.

    References
    ----------
    .. [1] NIST DLMF §25.12(iii) (Fermi–Dirac integral, Eq. 25.12.14) and §25.12(ii)
       (Jonquière's formula through the Hurwitz zeta function).

    Examples
    --------
    >>> import mpmath
    >>> mpmath.nstr(fermi_dirac_mp(1, 0, dps=20), 20)  # pi**2 / 12
    '0.82246703342411321824'
    >>> fermi_dirac_mp(0.5, float("-inf"))
    mpf('0.0')
    """
    if int(dps) < 1:
        raise DefinitionError(f"'dps' must be a positive integer (got {dps!r})")
    with mpmath.workdps(int(dps) + _GUARD_DIGITS):
        j, x = _to_mpf("order", order), _to_mpf("eta", eta)
        if mpmath.isnan(j) or mpmath.isnan(x):
            msg = f"fermi_dirac_mp: 'order' and 'eta' must not be NaN (got {order!r}, {eta!r})"
            raise NumericalError(msg)
        if mpmath.isinf(x):
            value = _limit_at_plus_infinity(j) if x > 0 else mpmath.mpf(0)
        else:
            value = _fermi_dirac_finite(j, x)
    with mpmath.workdps(int(dps)):
        return +value
