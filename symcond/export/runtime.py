"""Helper functions copied (as source text) into exported Python modules.

Each helper uses only the module-level names ``numpy``, ``mpmath`` and ``scipy`` that the
generated module imports, never SymPy nor symcond, so its source can be pasted verbatim
(:func:`helper_source`).  They mirror the NumPy implementations that
:func:`symcond.numeric.lambdify.lambdify` uses after its stability rewrites (:mod:`symcond.numeric.rewrites`)
and the mpmath reference of the Fermi–Dirac integral (:mod:`symcond.special.reference`).

>>> float(_softplus(0.0))  # log(2)
0.6931471805599453
>>> mpmath.nstr(_fermi_dirac_mp(0.5, 0), 15)  # (1 - 2**-0.5) zeta(3/2)
'0.765147024625408'
"""

from __future__ import annotations

import inspect
from typing import Any

import mpmath
import numpy
import scipy.special

__all__ = ["helper_source", "HELPERS"]


def _softplus(x: Any) -> Any:
    """log(1 + exp(x)) without overflow."""
    return numpy.logaddexp(0.0, x)


def _expit(x: Any) -> Any:
    """The logistic function 1/(1 + exp(-x)) without overflow (scipy.special.expit)."""
    return scipy.special.expit(x)


def _scaled_product(*pairs: Any) -> Any:
    """b1**p1 * b2**p2 * ... as mantissas times a power of two (no intermediate under- or overflow)."""
    mantissa, exponent = 1.0, 0.0
    with numpy.errstate(over="ignore", under="ignore"):
        for base, power in zip(pairs[0::2], pairs[1::2], strict=True):
            m, e = numpy.frexp(base)
            mantissa, exponent = mantissa * m**power, exponent + power * e
        whole = numpy.floor(exponent)
        return numpy.ldexp(mantissa * numpy.exp2(exponent - whole), numpy.asarray(whole, dtype=numpy.int64))


def _fermi_dirac_mp(order: Any, eta: Any) -> Any:
    """Complete Fermi-Dirac integral F_order(eta) = -Li_(order+1)(-exp(eta)) at the working mpmath precision.

    order 0: log1p(exp(eta)); eta > 0 and non-integer order: Jonquiere's formula through the
    Hurwitz zeta function; otherwise mpmath.polylog (NIST DLMF 25.12.14 and 25.12(ii)).
    """
    with mpmath.workdps(mpmath.mp.dps + 10):
        order, eta = mpmath.mpmathify(order), mpmath.mpmathify(eta)
        if mpmath.isinf(eta):
            value = mpmath.mpf(0) if eta < 0 else (mpmath.inf if order > -1 else mpmath.mpf(order == -1))
        elif order == 0:
            value = mpmath.log1p(mpmath.exp(eta))
        elif eta > 0 and not mpmath.isint(order):
            v, y = -order, eta / (2 * mpmath.pi * mpmath.j)
            terms = mpmath.j**v * mpmath.zeta(v, 0.5 + y) + mpmath.j**-v * mpmath.zeta(v, 0.5 - y)
            value = -mpmath.re(mpmath.gamma(v) * terms / (2 * mpmath.pi) ** v)
        else:
            value = -mpmath.re(mpmath.polylog(order + 1, -mpmath.exp(eta)))
    return +value


def _fermi_dirac(order: Any, eta: Any) -> Any:
    """F_order(eta) element by element with mpmath at 25 digits, rounded to float64 (about 1 ms a value)."""

    def one(x: Any) -> float:
        with mpmath.workdps(25):
            return float(_fermi_dirac_mp(order, float(x)))

    out = numpy.vectorize(one, otypes=[float])(eta)
    return float(out) if out.ndim == 0 else out


#: SymPy function name -> (helper name, helpers it needs, modules it needs), per back end.
HELPERS: dict[str, dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]] = {
    "numpy": {
        "softplus": ("_softplus", ("_softplus",), ()),
        "expit": ("_expit", ("_expit",), ("scipy.special",)),
        "scaled_product": ("_scaled_product", ("_scaled_product",), ()),
        "FermiDirac": ("_fermi_dirac", ("_fermi_dirac_mp", "_fermi_dirac"), ("mpmath",)),
    },
    "mpmath": {"FermiDirac": ("_fermi_dirac_mp", ("_fermi_dirac_mp",), ())},
}


def helper_source(name: str) -> str:
    """The source text of one helper of this module, without type annotations.

    >>> print(helper_source("_softplus"))
    def _softplus(x):
        \"\"\"log(1 + exp(x)) without overflow.\"\"\"
        return numpy.logaddexp(0.0, x)
    <BLANKLINE>
    """
    source = inspect.getsource(globals()[name])
    for annotation in (": Any", " -> Any", " -> float"):
        source = source.replace(annotation, "")
    return source
