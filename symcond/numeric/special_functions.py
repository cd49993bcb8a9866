"""NumPy implementations of the parser's special functions that SymPy's SciPy printer leaves undefined.

SymPy prints most of :data:`symcond.parse.functions.DEFAULT_FUNCTIONS` as SciPy calls (``erfi``,
``gammaincc``, ``jv``, ``expi``, ``sici``...).  It prints ``Shi``, ``Chi``, ``li``, ``expint``
(``E1(x)`` is ``expint(1, x)``) and ``dirichlet_eta`` by their SymPy names, which NumPy and SciPy
do not define (a ``NameError`` at the first call).  :data:`NUMPY_FUNCTIONS` gives them, by
name, for :func:`symcond.numeric.lambdify.lambdify`: SciPy where it has the function (``shichi``,
``expi``, ``expn``), otherwise mpmath element by element (float64 results, slower).  SciPy's
``lambertw`` returns complex numbers; ``lambertw`` here returns real ones where every value is real.

>>> import numpy as np
>>> round(float(NUMPY_FUNCTIONS["li"](np.float64(2.0))), 12)  # li(2)
1.045163780117
>>> NUMPY_FUNCTIONS["lambertw"](np.array([1.0])).dtype
dtype('float64')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import mpmath
import numpy as np
from scipy import special

__all__ = ["NUMPY_FUNCTIONS"]


def _shi(x: Any) -> Any:
    """The hyperbolic sine integral Shi(x)."""
    return special.shichi(x)[0]


def _chi(x: Any) -> Any:
    """The hyperbolic cosine integral Chi(x) (x > 0)."""
    return special.shichi(x)[1]


def _li(x: Any) -> Any:
    """The logarithmic integral li(x) = Ei(log x) (x > 0)."""
    return special.expi(np.log(x))


def _elementwise(func: Callable[..., Any], *args: Any) -> Any:
    """``func`` of mpmath numbers applied element by element, as float64 (complex128 where a value is complex)."""
    values = np.vectorize(lambda *a: complex(func(*a)), otypes=[np.complex128])(*args)
    return _real_if_real(values)


def _real_if_real(values: Any) -> Any:
    """``values`` as real numbers when every imaginary part is 0."""
    array = np.asarray(values)
    return array.real if np.all(array.imag == 0) else array


def _expint(nu: Any, x: Any) -> Any:
    """The generalized exponential integral E_nu(x): SciPy's ``expn`` for integer orders >= 0, else mpmath."""
    order = np.asarray(nu, dtype=np.float64)
    if np.all((order == np.round(order)) & (order >= 0)):
        return special.expn(order.astype(np.int64), x)
    return _elementwise(mpmath.expint, nu, x)


def _dirichlet_eta(s: Any, a: Any = 1) -> Any:
    """The Dirichlet eta function sum (-1)**n/(n + a)**s (mpmath's ``altzeta`` for a = 1)."""
    if np.all(np.asarray(a) == 1):
        return _elementwise(mpmath.altzeta, s)
    return _elementwise(_hurwitz_eta, s, a)


def _hurwitz_eta(s: Any, a: Any) -> Any:
    """eta(s, a) = (zeta(s, a/2) - zeta(s, (a + 1)/2))/2**s; at the pole s = 1 of both, the difference of digammas."""
    s, a = mpmath.mpf(s), mpmath.mpf(a)
    if s == 1:
        return (mpmath.digamma((a + 1) / 2) - mpmath.digamma(a / 2)) / 2
    return (mpmath.zeta(s, a / 2) - mpmath.zeta(s, (a + 1) / 2)) / 2**s


def _lambertw(x: Any, k: Any = 0) -> Any:
    """SciPy's Lambert W of branch ``k``, real where every value is real."""
    return _real_if_real(special.lambertw(x, k))


#: NumPy implementations by the name SymPy's printer uses.
NUMPY_FUNCTIONS: Mapping[str, Callable[..., Any]] = MappingProxyType({
    "Shi": _shi, "Chi": _chi, "li": _li, "expint": _expint, "dirichlet_eta": _dirichlet_eta, "lambertw": _lambertw,
})
