r"""SymPy function for the complete Fermi–Dirac integral and its ``lambdify`` mappings.

``FermiDirac(j, eta)`` is :math:`F_j(\eta) = -\operatorname{Li}_{j+1}(-e^{\eta})`, normalised
by :math:`1/\Gamma(j+1)`.  It differentiates to ``FermiDirac(j - 1, eta)``, rewrites to
``polylog``, evaluates with mpmath at any precision, prints in LaTeX as
:math:`\mathcal{F}_{j}\left(\eta\right)` and lambdifies to
:func:`symcond.special.fermi_dirac` (NumPy) or :func:`symcond.special.fermi_dirac_mp` (mpf
arguments) without any ``modules`` entry.  Its contribution to
:func:`symcond.numeric.lambdify.lambdify` is two fixed tables, :data:`NUMPY_REWRITES` (the
rewrite ``polylog(s, -exp(x)) -> -FermiDirac(s - 1, x)``) and :data:`NUMPY_FUNCTIONS`, which
that module imports; importing this one changes nothing elsewhere (and it imports nothing of
:mod:`symcond.numeric`, a higher layer).

>>> import numpy as np
>>> import sympy
>>> from symcond.special import fermi_dirac
>>> from symcond.special.sympy_fd import FermiDirac, numpy_printer_mapping, polylog_to_fermi_dirac
>>> eta = sympy.Symbol("eta", real=True)
>>> expr = FermiDirac(sympy.S.Half, eta)
>>> expr.diff(eta)
FermiDirac(-1/2, eta)
>>> expr.rewrite(sympy.polylog)
-polylog(3/2, -exp(eta))
>>> sympy.latex(expr)
'\\mathcal{F}_{\\frac{1}{2}}\\left(\\eta\\right)'
>>> expr.subs(eta, 0).evalf(25)
0.7651470246254079453672688
>>> f = sympy.lambdify(eta, expr, modules=[{"FermiDirac": fermi_dirac}, "numpy"])
>>> f(0.0)
0.765147024625408
>>> li = -sympy.polylog(sympy.Rational(3, 2), -sympy.exp(eta))
>>> g = sympy.lambdify(eta, li, modules=[numpy_printer_mapping(), "numpy"])
>>> g(np.array([-700.0, 0.0, 700.0]))  # exp(eta) itself would overflow beyond 709
array([9.85967654e-305, 7.65147025e-001, 1.39319515e+004])
>>> h = sympy.lambdify(eta, polylog_to_fermi_dirac(li), modules=[numpy_printer_mapping(), "numpy"])
>>> h(np.array([-700.0, 0.0, 1e6]))
array([9.85967654e-305, 7.65147025e-001, 7.52252778e+008])
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import mpmath
import sympy
from sympy.core.function import ArgumentIndexError
from sympy.core.logic import fuzzy_and

from symcond.special.fermi_dirac import SUPPORTED_ORDERS, fermi_dirac, polylog_negative
from symcond.special.reference import fermi_dirac_mp
from symcond.special.scaled import fermi_dirac_tracked

__all__ = [
    "FermiDirac",
    "numpy_printer_mapping",
    "polylog_to_fermi_dirac",
    "NUMPY_REWRITES",
    "NUMPY_FUNCTIONS",
]


def _numeric_fermi_dirac(j: Any, eta: Any) -> Any:
    """Evaluate F_j(eta) for lambdify: mpmath at ``mpmath.mp.dps`` if an argument is an mpf, else NumPy.

    SymPy's lambdify uses this (``FermiDirac._imp_``) ahead of any ``modules`` entry, for
    every back end; the mpmath back end of :func:`symcond.numeric.lambdify.lambdify` passes mpf
    arguments and so gets full precision.  NumPy values are tagged
    (:func:`symcond.special.scaled.fermi_dirac_tracked`) so that ``scaled_product`` rescales
    them exactly where they underflow.  Plain ``sympy.lambdify(..., "mpmath")`` called
    with Python ints or floats gets the double-precision NumPy value.
    """
    if isinstance(j, mpmath.mpf) or isinstance(eta, mpmath.mpf):
        return fermi_dirac_mp(j, eta, dps=mpmath.mp.dps)
    return fermi_dirac_tracked(j, eta)


class FermiDirac(sympy.Function):
    r"""Complete Fermi–Dirac integral ``FermiDirac(j, eta)`` = :math:`F_j(\eta)`.

    Parameters
    ----------
    j : Expr
        Order (dimensionless); numeric evaluation accepts any real order.
    eta : Expr
        Reduced chemical potential ``(mu - E_c) / (k_B T)`` (dimensionless).

    References
    ----------
    .. [1] NIST DLMF §25.12(iii), Eq. 25.12.14.

    Examples
    --------
    >>> import sympy
    >>> sympy.expand_func(FermiDirac(0, sympy.Symbol("x")).rewrite(sympy.polylog))
    log(exp(x) + 1)
    >>> FermiDirac(1, -sympy.oo)
    0
    >>> f = sympy.lambdify(sympy.Symbol("x"), FermiDirac(0, sympy.Symbol("x")))  # no mapping needed
    >>> round(f(800.0), 12)
    800.0
    """

    nargs = 2
    #: Used by ``sympy.lambdify`` for every back end, so no ``modules`` entry is needed.
    _imp_ = staticmethod(_numeric_fermi_dirac)

    @classmethod
    def eval(cls, j: sympy.Expr, eta: sympy.Expr) -> sympy.Expr | None:
        """Return 0 at ``eta = -oo``; otherwise stay unevaluated."""
        if eta is sympy.S.NegativeInfinity:
            return sympy.S.Zero
        return None

    def fdiff(self, argindex: int = 2) -> sympy.Expr:
        """Return dF_j/deta = F_{j-1}; the derivative in the order is not implemented."""
        if argindex != 2:
            raise ArgumentIndexError(self, argindex)
        j, eta = self.args
        return FermiDirac(j - 1, eta)

    def _eval_rewrite_as_polylog(self, j: sympy.Expr, eta: sympy.Expr, **kwargs: Any) -> sympy.Expr:
        """Return -polylog(j + 1, -exp(eta))."""
        return -sympy.polylog(j + 1, -sympy.exp(eta))

    def _eval_is_extended_real(self) -> bool | None:
        """Real for real order and extended-real eta."""
        j, eta = self.args
        return fuzzy_and([j.is_real, eta.is_extended_real])

    def _eval_is_finite(self) -> bool | None:
        """Finite for real order and finite real eta."""
        j, eta = self.args
        return True if (j.is_real and eta.is_real) else None

    def _eval_is_extended_positive(self) -> bool | None:
        """Positive for order >= -1 and finite real eta (positive integrand); else unknown."""
        j, eta = self.args
        return True if ((j + 1).is_extended_nonnegative and eta.is_real) else None

    def _eval_evalf(self, prec: int) -> sympy.Float | None:
        """Evaluate with mpmath to ``prec`` bits for real numeric arguments."""
        j, eta = self.args
        if not (j.is_number and eta.is_number and j.is_real and eta.is_extended_real):
            return None
        dps = mpmath.libmp.prec_to_dps(prec)
        value = fermi_dirac_mp(j._to_mpmath(prec + 10), eta._to_mpmath(prec + 10), dps=dps + 3)
        return sympy.Float(value, precision=prec)

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        r"""Return ``\mathcal{F}_{j}\left(\eta\right)`` (with ``^{exp}`` if raised)."""
        j, eta = (printer._print(arg) for arg in self.args)
        power = f"^{{{exp}}}" if exp else ""
        return rf"\mathcal{{F}}_{{{j}}}{power}\left({eta}\right)"


def _as_fermi_dirac(term: sympy.Basic) -> sympy.Expr | None:
    """Return ``-FermiDirac(s - 1, x)`` if ``term`` is ``polylog(s, -exp(x))`` of supported order."""
    if not isinstance(term, sympy.polylog):
        return None
    s, z = term.args
    if not (s.is_number and s.is_real and float(s - 1) in SUPPORTED_ORDERS):
        return None
    if not (z.is_Mul and len(z.args) == 2 and z.args[0] == -1 and isinstance(z.args[1], sympy.exp)):
        return None
    return -FermiDirac(s - 1, z.args[1].args[0])


def polylog_to_fermi_dirac(expr: sympy.Expr) -> sympy.Expr:
    """Replace ``polylog(s, -exp(x))`` by ``-FermiDirac(s - 1, x)`` where ``s - 1`` is supported.

    Do this before ``lambdify``: it avoids evaluating ``exp(x)``, which overflows for
    ``x > 709``.  Only orders ``s - 1`` in :data:`symcond.special.SUPPORTED_ORDERS` are
    replaced, so that every result can be evaluated by :func:`symcond.special.fermi_dirac`.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> polylog_to_fermi_dirac(2 * sympy.polylog(sympy.Rational(3, 2), -sympy.exp(x)))
    -2*FermiDirac(1/2, x)
    >>> polylog_to_fermi_dirac(sympy.polylog(sympy.Rational(1, 3), -sympy.exp(x)))
    polylog(1/3, -exp(x))
    """
    return expr.replace(lambda term: _as_fermi_dirac(term) is not None, _as_fermi_dirac)


def numpy_printer_mapping() -> dict[str, Callable[..., Any]]:
    """Return the ``lambdify`` namespace for NumPy: FermiDirac and polylog(s, z <= 0).

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> f = sympy.lambdify(x, FermiDirac(1, x), modules=[numpy_printer_mapping(), "numpy"])
    >>> round(f(0.0) * 12 / 3.141592653589793**2, 15)  # F_1(0) = pi**2 / 12
    1.0
    """
    return {"FermiDirac": fermi_dirac, "polylog": polylog_negative}


#: The rewrite :func:`symcond.numeric.lambdify.lambdify` applies first for NumPy, so that the
#: stability rewrites of :mod:`symcond.numeric.rewrites` see ``polylog(s, -exp(x))`` as a
#: Fermi–Dirac integral (tests/special/test_sympy_fd.py evaluates one at x = 1e6).
NUMPY_REWRITES: tuple[Callable[[sympy.Expr], sympy.Expr], ...] = (polylog_to_fermi_dirac,)

#: NumPy implementations for :func:`symcond.numeric.lambdify.lambdify`, by SymPy function name:
#: FermiDirac as tagged values (:func:`symcond.special.scaled.fermi_dirac_tracked`, which
#: ``scaled_product`` rescales exactly where they underflow) and ``polylog(s, z <= 0)``.
NUMPY_FUNCTIONS: Mapping[str, Callable[..., Any]] = MappingProxyType(
    {"FermiDirac": fermi_dirac_tracked, "polylog": polylog_negative})
