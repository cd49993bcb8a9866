r"""Compiled (numba) evaluation of :func:`symcond.special.fermi_dirac` for large arrays.

Same pieces and coefficients as the NumPy path (:mod:`symcond.special.fermi_dirac`, tables in
:mod:`symcond.special._fd_coeffs`), without its temporaries and masked copies:

1. one NumPy ``exp`` pass (SIMD) writes ``exp(max(-|eta|, TAIL_ETA))`` into the output array;
2. per block of 256 points, a compiled loop without branches evaluates the z-series and the
   large-eta piece (Sommerfeld series or reflection) with degrees fixed at compile time
   (tables padded with zero leading coefficients) and keeps the one that applies; LLVM
   vectorises it;
3. the points of the block inside the eta-intervals (and below ``TAIL_ETA``, where
   ``F_j = exp(eta)``) are gathered into an index list and redone one by one: the interval
   polynomial needs its own coefficients per point, which LLVM does not vectorise.

The power ``eta**(j+1)`` of the Sommerfeld series is formed as a double-double number (``sqrt``
corrected by its exact residual, products by fused multiply-add): as ``sqrt(eta) * eta**3`` in
plain double arithmetic it lost up to 2.5 units in the last place (5.6e-16 for F_{5/2}).

The time per point therefore depends on the fraction of points in the intervals (about 5 ns per
point outside, 14 ns inside, for F_{1/2} on a 2-core Xeon), not on their order.  Compiled with
``fastmath={"contract"}`` only (fused multiply-add; no reassociation, infinities and subnormals
keep their IEEE meaning), ``cache=True`` (numba stores the machine code in ``__pycache__`` beside
this file, or in its user-wide cache directory when the package directory is not writable; with
neither writable, importing this module raises and ``fermi_dirac`` keeps its NumPy code) and
``nogil=True``.  Importing this module imports numba, which :mod:`symcond.special.fermi_dirac`
does only for arrays of at least ``COMPILED_MIN_SIZE`` points.

>>> import numpy as np
>>> evaluate(1, np.array([-800.0, 0.0, 50.0, np.inf]))  # F_{1/2}
array([  0.        ,   0.76514702, 266.09281252,          inf])
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numba
import numpy as np
from numba import types
from numba.extending import intrinsic

from symcond.special import _fd_coeffs as _tables

__all__ = ["TAIL_ETA", "evaluate", "half_integer", "integer", "logistic", "softplus", "tables"]

_ETA_LO = _tables.ETA_LO
_WIDTH = _tables.WIDTH
_INV_WIDTH = 1.0 / _tables.WIDTH
_HUGE = 1e100  # beyond this eta**-2 no longer matters in the Sommerfeld series
_REFLECT_MAX = 1e300  # R_n(eta) overflows beyond this for n >= 1; keeps 0 * eta finite
_N_Z = max(len(c) for c in _tables.Z_POLY.values())  # coefficients after padding
_N_MID = max(len(rows[0]) for rows in _tables.MID_POLY.values())
_N_ASYM = max(len(c) for c in _tables.ASYM_POLY.values())
_MAX_POWER = 3  # F_{5/2} grows as eta**(3 + 1/2)
_N_REFLECT = max(len(c) for c in _tables.REFLECT_POLY.values())

#: Below this eta every supported F_j equals exp(eta) to double precision; exp(eta) is subnormal
#: below -708.4, and NumPy's exp is 20 to 150 times slower from about -708 on, so the kernels
#: call it only above TAIL_ETA and use the scalar exp below.
TAIL_ETA = -700.0
_BLOCK = 256  # points per block: x, out and the picked indices stay in L1
_jit = numba.njit(cache=True, nogil=True, error_model="numpy", fastmath={"contract"})


@_jit
def _z_series(z: float, z_poly: Any) -> float:
    """Return ``z * P(z)`` (F_j at ``eta = log z``, for ``z <= exp(ETA_LO)``)."""
    acc = z_poly[_N_Z - 1]
    for i in range(_N_Z - 2, -1, -1):
        acc = acc * z + z_poly[i]
    return z * acc


def _fma_typing(typingctx: Any, a: Any, b: Any, c: Any) -> Any:
    """Typing and lowering of :func:`_fma`: ``a * b + c`` with a single rounding (``llvm.fma``)."""
    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        return builder.fma(*args)

    return types.float64(types.float64, types.float64, types.float64), codegen


#: ``a * b + c`` with a single rounding; callable from compiled code only.
_fma: Any = intrinsic(_fma_typing)


@_jit
def _root_power(x: float, power: int) -> tuple[float, float]:
    """Return ``(hi, lo)`` with ``hi + lo = x**(power + 1/2)`` to about 1e-32 relative (``power`` in -1 ... 3).

    ``sqrt(x)`` is corrected by its exact residual ``x - root**2``, the powers of ``x`` are
    exact products (fused multiply-add); ``lo`` is NaN or infinite where ``hi`` overflows
    (or is 0 for ``x = inf``).
    """
    root = math.sqrt(x)
    inv = 1.0 / root
    root_lo = 0.5 * _fma(-root, root, x) * inv
    hi, lo = root, root_lo
    for step in range(1, _MAX_POWER + 1):  # fixed trip count and selects: the caller's loop vectorises
        product = hi * x
        lo = _fma(hi, x, -product) + lo * x if power >= step else lo
        hi = product if power >= step else hi
    # power -1: 1/(root + root_lo) = inv (1 + e - root_lo inv) with e = 1 - root inv exactly
    inv_lo = inv * (_fma(-root, inv, 1.0) - root_lo * inv)
    return (inv if power < 0 else hi), (inv_lo if power < 0 else lo)


@_jit
def _sommerfeld(x: float, power: int, asym: Any) -> float:
    """Return ``x**(power + 1/2) * A(x**-2)`` for ``x >= 1`` (``power`` in -1 ... 3)."""
    w = 1.0 / min(x, _HUGE)
    acc = asym[_N_ASYM - 1]
    for i in range(_N_ASYM - 2, -1, -1):
        acc = acc * (w * w) + asym[i]
    hi, lo = _root_power(x, power)
    return _fma(hi, acc, lo * acc) if abs(lo) < abs(hi) else hi * acc


@_jit
def _reflection(x: float, mirror: float, sign: float, reflect: Any) -> float:
    """Return ``R_n(x) + sign * mirror`` for ``x >= 0`` (``mirror = F_n(-x)``, ``sign = (-1)**n``)."""
    xr = min(x, _REFLECT_MAX)
    acc = reflect[_N_REFLECT - 1]
    for i in range(_N_REFLECT - 2, -1, -1):
        acc = acc * xr + reflect[i]
    return acc + sign * mirror


@_jit
def _interval(x: float, mid: Any) -> float:
    """Return the interval polynomial of F_j at ``ETA_LO <= x < ETA_LO + WIDTH * len(mid)``."""
    index = min(int((x - _ETA_LO) * _INV_WIDTH), mid.shape[0] - 1)
    t = x - (_ETA_LO + _WIDTH * (index + 0.5))
    acc = mid[index, _N_MID - 1]
    for i in range(_N_MID - 2, -1, -1):
        acc = acc * t + mid[index, i]
    return acc


@_jit
def _intervals(x: Any, out: Any, mid: Any, picked: Any) -> None:
    """Overwrite ``out[i]`` where x[i] is in the intervals (polynomial) or below TAIL_ETA (exp).

    Those points are first gathered into ``picked``, so that the loop over them does not branch
    on the (possibly random) order of the points.
    """
    high = _ETA_LO + _WIDTH * mid.shape[0]
    count = 0
    for i in range(x.size):
        picked[count] = i
        count += ((x[i] >= _ETA_LO) & (x[i] < high)) | (x[i] < TAIL_ETA)
    for k in range(count):
        xk = x[picked[k]]
        out[picked[k]] = math.exp(xk) if xk < TAIL_ETA else _interval(xk, mid)


@_jit
def _half_integer_block(x: Any, out: Any, power: int, asym: Any, z_poly: Any) -> None:
    """Overwrite ``out`` with the z-series (x < ETA_LO) or the Sommerfeld series (elsewhere); vectorised."""
    for i in range(x.size):
        low = _z_series(out[i], z_poly)
        high = _sommerfeld(max(x[i], 1.0), power, asym)
        out[i] = low if x[i] < _ETA_LO else high


@_jit
def _integer_block(x: Any, out: Any, sign: float, reflect: Any, z_poly: Any) -> None:
    """Overwrite ``out`` with the z-series (x < ETA_LO) or the reflection (elsewhere); vectorised."""
    for i in range(x.size):
        mirror = _z_series(out[i], z_poly)
        high = _reflection(max(x[i], 0.0), mirror, sign, reflect)
        out[i] = mirror if x[i] < _ETA_LO else high


@_jit
def half_integer(x: Any, out: Any, power: int, asym: Any, z_poly: Any, mid: Any) -> None:
    """Overwrite ``out`` (holding ``exp(max(-|x|, TAIL_ETA))``) with F_j(x), ``j = power - 1/2``.

    Block by block (slices, so that LLVM sees loops from 0 and vectorises them): every point gets
    the z-series or the Sommerfeld series, then the points in the intervals or the tail are redone.
    """
    picked = np.empty(_BLOCK, np.intp)
    for start in range(0, x.size, _BLOCK):
        block = slice(start, start + _BLOCK)
        _half_integer_block(x[block], out[block], power, asym, z_poly)
        _intervals(x[block], out[block], mid, picked)


@_jit
def integer(x: Any, out: Any, sign: float, reflect: Any, z_poly: Any, mid: Any) -> None:
    """Overwrite ``out`` (holding ``exp(max(-|x|, TAIL_ETA))``) with F_n(x), ``sign = (-1)**n``.

    As :func:`half_integer`, with the reflection ``R_n(x) + sign * F_n(-x)`` from ``x = -ETA_LO`` on.
    """
    picked = np.empty(_BLOCK, np.intp)
    for start in range(0, x.size, _BLOCK):
        block = slice(start, start + _BLOCK)
        _integer_block(x[block], out[block], sign, reflect, z_poly)
        _intervals(x[block], out[block], mid, picked)


@_jit
def exp_argument(x: Any, out: Any) -> None:
    """Write ``-|x|`` into ``out``, clipped to ``TAIL_ETA`` so that ``exp(out)`` is a normal double."""
    for i in range(x.size):
        out[i] = max(min(x[i], -x[i]), TAIL_ETA)


@_jit
def _tail(x: Any, out: Any) -> None:
    """Overwrite ``out[i]`` with exp(x[i]) where x[i] < TAIL_ETA (F_j = exp(eta) there)."""
    for i in range(x.size):
        if x[i] < TAIL_ETA:
            out[i] = math.exp(x[i])


@_jit
def logistic(x: Any, out: Any) -> None:
    """Overwrite ``out`` (holding ``exp(max(-|x|, TAIL_ETA))``) with F_{-1}(x) = 1 / (1 + exp(-x))."""
    for i in range(x.size):
        e = out[i]
        out[i] = (1.0 if x[i] >= 0.0 else e) / (1.0 + e)
    _tail(x, out)


@_jit
def softplus(x: Any, out: Any) -> None:
    """Overwrite ``out`` (holding ``exp(max(-|x|, TAIL_ETA))``) with F_0(x) = log(1 + exp(x))."""
    for i in range(x.size):
        out[i] = max(x[i], 0.0) + math.log1p(out[i])
    _tail(x, out)


def _padded(coeffs: tuple[float, ...], size: int) -> np.ndarray:
    """Return ``coeffs`` (ascending powers) with zeros appended up to ``size`` entries."""
    return np.array(coeffs + (0.0,) * (size - len(coeffs)))


@functools.cache
def tables(twice: int) -> tuple[Any, ...]:
    """Return the arguments after ``(x, out)`` of :func:`half_integer` or :func:`integer` for order ``twice / 2``.

    >>> power, asym, z_poly, mid = tables(1)
    >>> power, asym.shape, mid.shape
    (1, (12,), (21, 22))
    """
    z_poly = _padded(_tables.Z_POLY[twice], _N_Z)
    mid = np.array([_padded(row, _N_MID) for row in _tables.MID_POLY[twice]])
    if twice % 2:
        asym = _padded(_tables.ASYM_POLY[twice], _N_ASYM)
        return (twice + 1) // 2, asym, z_poly, mid
    reflect = _padded(_tables.REFLECT_POLY[twice], _N_REFLECT)
    return (1.0 if twice % 4 == 0 else -1.0), reflect, z_poly, mid


def evaluate(twice: int, x: np.ndarray) -> np.ndarray:
    """Return F_j(x), ``j = twice / 2``, for a contiguous 1-D float64 array ``x`` without NaN.

    >>> evaluate(1, np.array([-np.inf, 0.0, np.inf]))  # F_{1/2}(0) = (1 - 2**-0.5) zeta(3/2)
    array([0.        , 0.76514702,        inf])
    """
    out = np.empty_like(x)
    exp_argument(x, out)
    np.exp(out, out=out)
    if twice == -2:
        logistic(x, out)
    elif twice == 0:
        softplus(x, out)
    else:
        (half_integer if twice % 2 else integer)(x, out, *tables(twice))
    return out
