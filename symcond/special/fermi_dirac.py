r"""Complete Fermi–Dirac integrals in double precision (vectorised NumPy; compiled for large arrays).

The normalised complete Fermi–Dirac integral of order ``j`` is

.. math::

    F_j(\eta) = \frac{1}{\Gamma(j+1)} \int_0^\infty \frac{t^j\,dt}{1 + e^{t-\eta}}
              = -\operatorname{Li}_{j+1}(-e^{\eta}),

with :math:`dF_j/d\eta = F_{j-1}`.  Orders -1 (logistic function) and 0 (softplus,
``log(1 + exp(eta))``) use closed forms; the other supported orders use generated
piecewise polynomials (:mod:`symcond.special._fd_coeffs`, made by
:mod:`symcond.special._generate_fd` from mpmath at 40 digits):

* ``eta < -2``: ``z * P(z)`` with ``z = exp(eta)`` (economised power series);
* ``-2 <= eta < eta_hi``: polynomials in ``eta`` on intervals of width 2;
* half-integer ``j``, ``eta >= eta_hi`` (34 to 52): the Sommerfeld series in ``eta**-2``
  (its exponentially small remainder is below 1e-18 there);
* integer ``j`` and ``eta >= 2``: the exact reflection ``F_n(eta) = R_n(eta) + (-1)**n
  F_n(-eta)`` with a polynomial ``R_n``.

Arrays of at least :data:`COMPILED_MIN_SIZE` points are evaluated by the same pieces in
compiled numba loops (:mod:`symcond.special._fd_kernel`, about 7 ns per point for F_{1/2},
10 times ``numpy.exp``, against 60 ns here); smaller ones, and every call if numba is missing,
by the NumPy code of this module, so that scalar calls never import numba.

The relative error against mpmath (40 digits, rounded to double) is at most 4.4e-16 on the
~4,000-point stored sweep for both paths (the tests require 5e-16) wherever the result is a
normal double.  At random points (4,500 per order in ``[-708, 1e6]``, 8,000 per half-integer
order in ``[34, 1e6]``) the compiled path stayed within 4.4e-16; the NumPy path reached 5.6e-16
(F_3 at eta = 246, reflection polynomial without fused multiply-add; 6.7e-16 seen before).
No floating-point warning is emitted:
results below the smallest normal double are returned as subnormals or 0 (``eta``
below about -708), results above the largest double as ``inf``.

Limits: ``F_j(-inf) = 0``; ``F_j(+inf)`` is ``inf`` for ``j > -1``, 1 for ``j = -1`` and
0 for ``j = -3/2``.  The method follows the piecewise approach of Fukushima [1]_,
with Chebyshev-economised polynomials instead of minimax rational functions.

References
----------
.. [1] T. Fukushima, "Precise and fast computation of Fermi–Dirac integral of integer
   and half integer order by piecewise minimax rational approximation",
   Appl. Math. Comput. 259 (2015) 708–729.
.. [2] NIST DLMF §25.12(iii), Eq. 25.12.14 (definition) and the polylogarithm form that follows it;
   the integer-order reflection is the inversion formula of Li_n, checked against mpmath
   by :mod:`symcond.special._generate_fd`.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from types import ModuleType
from typing import SupportsFloat

import numpy as np
from numpy.typing import ArrayLike, NDArray

from symcond.errors import DefinitionError, NumericalError
from symcond.special import _fd_coeffs as _tables

__all__ = ["COMPILED_MIN_SIZE", "SUPPORTED_ORDERS", "fermi_dirac", "polylog_negative"]

FloatArray = NDArray[np.float64]

SUPPORTED_ORDERS: tuple[float, ...] = (-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
_SUPPORTED_TEXT = "-3/2, -1, -1/2, 0, 1/2, 1, 3/2, 2, 5/2, 3"
_POLYLOG_TEXT = "-1/2, 0, 1/2, 1, 3/2, 2, 5/2, 3, 7/2, 4"
_HUGE = 1e100  # beyond this eta**-2 no longer matters in the Sommerfeld series
#: Arrays of at least this many points are evaluated by the compiled kernels of
#: :mod:`symcond.special._fd_kernel` (numba), smaller ones by the NumPy code here.  The first
#: such call in a process imports numba and loads the kernels from numba's cache (measured
#: 3 s on a loaded 2-core machine, numba's import included); the first call ever, or after
#: an edit of the kernels, compiles them (11 s for F_{1/2}, 15 s for all orders, same machine).
#: Scalars and small arrays never pay this.
COMPILED_MIN_SIZE = 4096
_MID_COLUMNS = {key: np.ascontiguousarray(np.array(rows).T) for key, rows in _tables.MID_POLY.items()}


def _twice_order(order: SupportsFloat) -> int:
    """Return ``2*order`` as an int, or raise DefinitionError for an unsupported order."""
    try:
        twice = 2.0 * float(order)
    except (TypeError, ValueError) as exc:
        raise DefinitionError(f"'order' must be a real number (got {order!r})") from exc
    if twice / 2.0 not in SUPPORTED_ORDERS:
        raise DefinitionError(f"'order' must be one of {_SUPPORTED_TEXT} (got {order!r})")
    return int(twice)


def _real_array(name: str, values: ArrayLike) -> FloatArray:
    """Return ``values`` as a float64 array; raise for complex, non-numeric or NaN input."""
    arr = np.asarray(values)
    if arr.dtype.kind == "c":
        raise DefinitionError(f"'{name}' must be real (got complex dtype {arr.dtype})")
    try:
        x = arr.astype(np.float64)
    except (TypeError, ValueError) as exc:
        raise DefinitionError(f"'{name}' must be real numbers (got dtype {arr.dtype})") from exc
    n_nan = int(np.count_nonzero(np.isnan(x)))
    if n_nan:
        raise NumericalError(f"'{name}' must not be NaN (got {n_nan} NaN of {x.size} values)")
    return x


def _horner(coeffs: tuple[float, ...], x: FloatArray) -> FloatArray:
    """Evaluate ``sum_i coeffs[i] * x**i`` elementwise."""
    acc = np.full_like(x, coeffs[-1])
    for c in coeffs[-2::-1]:
        acc *= x
        acc += c
    return acc


def _logistic(x: FloatArray) -> FloatArray:
    """Return F_{-1}(x) = 1 / (1 + exp(-x)) without overflow."""
    with np.errstate(under="ignore"):  # exp(-|x|) is subnormal or 0 for |x| > 708
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _softplus(x: FloatArray) -> FloatArray:
    """Return F_0(x) = log(1 + exp(x)) without overflow or cancellation."""
    with np.errstate(under="ignore"):
        return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def _z_series(twice: int, x: FloatArray) -> FloatArray:
    """Return F_j(x) for x < ETA_LO as z * P(z), z = exp(x)."""
    with np.errstate(under="ignore"):  # F_j(x) ~ exp(x) is subnormal or 0 for x < -708
        z = np.exp(x)
        return z * _horner(_tables.Z_POLY[twice], z)


def _intervals(twice: int, x: FloatArray) -> FloatArray:
    """Return F_j(x) for ETA_LO <= x < eta_hi from the per-interval polynomials."""
    columns = _MID_COLUMNS[twice]
    index = ((x - _tables.ETA_LO) // _tables.WIDTH).astype(np.intp)
    np.minimum(index, columns.shape[1] - 1, out=index)
    t = x - (_tables.ETA_LO + _tables.WIDTH * (index + 0.5))
    acc = np.take(columns[-1], index)
    for column in columns[-2::-1]:
        acc *= t
        acc += np.take(column, index)
    return acc


def _below_hi(twice: int, x: FloatArray) -> FloatArray:
    """Return F_j(x) for x below the large-eta piece (z-series or intervals)."""
    out = np.empty_like(x)
    low = x < _tables.ETA_LO
    out[low] = _z_series(twice, x[low])
    out[~low] = _intervals(twice, x[~low])
    return out


def _sommerfeld(twice: int, x: FloatArray) -> FloatArray:
    """Return F_j(x) for half-integer j and x >= eta_hi (Sommerfeld series)."""
    w = np.reciprocal(np.minimum(x, _HUGE)) ** 2
    with np.errstate(over="ignore"):  # the true value exceeds the double range
        return np.power(x, twice / 2.0 + 1.0) * _horner(_tables.ASYM_POLY[twice], w)


def _reflection(twice: int, x: FloatArray) -> FloatArray:
    """Return F_n(x) for integer n and x >= 2 as R_n(x) + (-1)**n F_n(-x)."""
    with np.errstate(over="ignore"):  # the true value exceeds the double range
        poly = _horner(_tables.REFLECT_POLY[twice], x)
    mirror = _below_hi(twice, -x)
    return poly + mirror if twice % 4 == 0 else poly - mirror


def _tabulated(twice: int, x: FloatArray) -> FloatArray:
    """Return F_j(x) for the tabulated orders (all but -1 and 0)."""
    is_half = twice % 2 == 1
    high = x >= _tables.HIGH_ETA[twice]
    out = np.empty_like(x)
    out[high] = (_sommerfeld if is_half else _reflection)(twice, x[high])
    out[~high] = _below_hi(twice, x[~high])
    return out


@functools.cache
def _compiled_kernels() -> ModuleType | None:
    """Return :mod:`symcond.special._fd_kernel`, or None without numba or without a writable numba cache."""
    if importlib.util.find_spec("numba") is None:
        return None
    try:
        return importlib.import_module("symcond.special._fd_kernel")
    except RuntimeError:  # numba: "cannot cache function ...: no locator available" (read-only install and home)
        return None


def _evaluate(twice: int, x: FloatArray) -> FloatArray:
    """Dispatch a flat contiguous array to the kernel of order ``twice / 2``."""
    kernels = _compiled_kernels() if x.size >= COMPILED_MIN_SIZE else None
    if kernels is not None:
        return kernels.evaluate(twice, x)  # type: ignore[no-any-return]
    if twice == -2:
        return _logistic(x)
    if twice == 0:
        return _softplus(x)
    return _tabulated(twice, x)


def fermi_dirac(order: SupportsFloat, eta: ArrayLike) -> FloatArray | float:
    """Complete Fermi–Dirac integral F_j(eta), normalised by 1/Gamma(j+1).

    Parameters
    ----------
    order : float
        Order ``j`` (dimensionless), one of -3/2, -1, -1/2, 0, 1/2, 1, 3/2, 2, 5/2, 3
        (any real type equal to one of them, e.g. ``0.5`` or ``sympy.S.Half``).
    eta : array_like of float
        Reduced chemical potential ``eta = (mu - E_c) / (k_B T)`` (dimensionless);
        ``+-inf`` allowed.

    Returns
    -------
    numpy.ndarray or float
        F_j(eta) (dimensionless), same shape as ``eta``; a Python float for scalar input.

    Raises
    ------
    DefinitionError
        If ``order`` is not supported or ``eta`` is not real.
    NumericalError
        If ``eta`` contains NaN.

    Examples
    --------
    >>> import numpy as np
    >>> from symcond.special import fermi_dirac
    >>> fermi_dirac(0, 0.0)  # log(2)
    0.6931471805599453
    >>> fermi_dirac(0.5, 0.0)  # (1 - 2**-0.5) * zeta(3/2)
    0.765147024625408
    >>> fermi_dirac(-0.5, np.array([-np.inf, -700.0, 1e6]))
    array([0.00000000e+000, 9.85967654e-305, 1.12837917e+003])
    >>> fermi_dirac(0.25, 1.0)
    Traceback (most recent call last):
    ...
    symcond.errors.DefinitionError: 'order' must be one of -3/2, -1, -1/2, 0, 1/2, 1, 3/2, 2, 5/2, 3 (got 0.25)
    """
    twice = _twice_order(order)
    x = _real_array("eta", eta)
    out = _evaluate(twice, x.reshape(-1)).reshape(x.shape)
    return float(out) if out.ndim == 0 else out


def polylog_negative(s: SupportsFloat, z: ArrayLike) -> FloatArray | float:
    """Polylogarithm Li_s(z) for real ``z <= 0``, as ``-F_{s-1}(log(-z))``.

    Lets ``lambdify`` evaluate ``polylog(s, -exp(x))`` numerically; prefer rewriting it
    to :class:`symcond.special.sympy_fd.FermiDirac`, which does not overflow ``exp(x)``.

    Parameters
    ----------
    s : float
        Order (dimensionless); ``s - 1`` must be an order supported by
        :func:`fermi_dirac`: -1/2, 0, 1/2, 1, 3/2, 2, 5/2, 3, 7/2, 4.
    z : array_like of float
        Argument (dimensionless), ``z <= 0``.

    Returns
    -------
    numpy.ndarray or float
        Li_s(z) (dimensionless); a Python float for scalar input.

    Raises
    ------
    DefinitionError
        If ``s`` is not supported or ``z`` is not real.
    NumericalError
        If ``z`` contains NaN or a positive value.

    Examples
    --------
    >>> print(f"{polylog_negative(2, -1.0):.15f}")  # -pi**2 / 12
    -0.822467033424113
    """
    try:
        twice = _twice_order(float(s) - 1.0)
    except (DefinitionError, TypeError, ValueError) as exc:
        raise DefinitionError(f"'s' must be one of {_POLYLOG_TEXT} (got {s!r})") from exc
    x = _real_array("z", z)
    n_pos = int(np.count_nonzero(x > 0))
    if n_pos:
        raise NumericalError(f"'z' of polylog_negative must be <= 0 (got {n_pos} positive values)")
    with np.errstate(divide="ignore"):  # log(0) = -inf gives F = 0
        eta = np.log(-x.reshape(-1))
    out = -_evaluate(twice, eta).reshape(x.shape)
    return float(out) if out.ndim == 0 else out
