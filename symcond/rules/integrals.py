r"""Derivation rules for definite integrals: fold an even integrand, change the variable,
and recognise a special function by its defining integral.

SymPy's :class:`~sympy.Integral` cannot compare two integrals that differ only in the name
of the integration variable or in where a constant factor sits.  These rules therefore
compare *normal forms*: every remaining integral has its constant factors pulled out, its
integrand simplified in a canonical variable and its variable made a canonical dummy, so
that two integrals that are the same function of the same limits become the same SymPy
object.  A step holds when

* the stated expression and the rule's own result have normal forms whose difference
  simplifies to 0 (or ratio to 1) -- the symbolic proof -- and
* the stated expression and the *previous* one (not the rule's result) agree to ~40 digits
  at sampled points, integrals evaluated by :func:`symcond.numeric.quadrature.quad_evaluate`;

it fails when the two differ stably at a sampled point.

The rules here are data; :mod:`symcond.prove.steps` decides their steps.  Special functions
whose defining integral is known are listed in
:data:`INTEGRAL_DEFINITIONS`, by SymPy function name (so that this module does not
import them).

>>> import sympy
>>> k, x = sympy.Symbol("k", real=True), sympy.Symbol("x", real=True)
>>> a = sympy.Symbol("a", positive=True)
>>> start = sympy.Integral(sympy.exp(-k**2 / a**2), (k, -sympy.oo, sympy.oo))
>>> rule = ChangeVariable(k, x, a * x)
>>> FoldEven(k).apply(start)
2*Integral(exp(-k**2/a**2), (k, 0, oo))
>>> rule.describe()
'change variable k = a*x'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy

from symcond.rules.base import Rule

__all__ = ["IntegralRule", "FoldEven", "ChangeVariable", "Recognize", "INTEGRAL_DEFINITIONS", "normal_form",
           "to_integrals", "defined_by_integrals"]

Definition = Callable[[tuple[sympy.Expr, ...], sympy.Symbol], sympy.Expr | None]


def _fermi_dirac_integral(args: tuple[sympy.Expr, ...], t: sympy.Symbol) -> sympy.Expr | None:
    """F_j(x) = 1/Gamma(j+1) * Integral_0^oo t**j / (1 + exp(t - x)) dt  (DLMF 25.12.14), j > -1."""
    j, x = args
    if not (j.is_real and (j + 1).is_positive):
        return None
    return sympy.Integral(t**j / (1 + sympy.exp(t - x)), (t, 0, sympy.oo)) / sympy.gamma(j + 1)


#: SymPy function name -> its defining integral (None when the arguments are outside its domain).
INTEGRAL_DEFINITIONS: dict[str, Definition] = {"FermiDirac": _fermi_dirac_integral}


def to_integrals(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with every special function of :data:`INTEGRAL_DEFINITIONS` replaced by its integral.

    >>> import sympy
    >>> class F(sympy.Function):
    ...     pass
    >>> INTEGRAL_DEFINITIONS["F"] = lambda args, t: sympy.Integral(sympy.exp(-args[0] * t), (t, 0, sympy.oo))
    >>> to_integrals(F(2)).doit()
    1/2
    >>> del INTEGRAL_DEFINITIONS["F"]
    """

    def definable(node: sympy.Basic) -> bool:
        rule = INTEGRAL_DEFINITIONS.get(type(node).__name__)
        return rule is not None and rule(node.args, sympy.Dummy("t", positive=True)) is not None

    def define(node: sympy.Basic) -> sympy.Expr:
        return INTEGRAL_DEFINITIONS[type(node).__name__](node.args, sympy.Dummy("t", positive=True))  # type: ignore[return-value]

    return sympy.sympify(expr).replace(definable, define)


def normal_form(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with each integral written as constant * Integral(simplified integrand, canonical variable).

    >>> import sympy
    >>> u, w, c = sympy.Symbol("u"), sympy.Symbol("w"), sympy.Symbol("c", positive=True)
    >>> a = normal_form(sympy.Integral(c * sympy.exp(-u**2), (u, 0, 1)))
    >>> a == normal_form(c * sympy.Integral(sympy.exp(-w**2), (w, 0, 1)))
    True
    """
    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Integral), _normal_integral)


def _normal_integral(integral: sympy.Integral) -> sympy.Expr:
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
        return integral.as_dummy()
    var, lower, upper = integral.limits[0]
    canonical = sympy.Symbol("_s", positive=True) if lower.is_nonnegative else sympy.Symbol("_s", real=True)
    integrand = sympy.simplify(integral.function.xreplace({var: canonical}))
    constant, rest = integrand.as_independent(canonical, as_Add=False)
    return constant * sympy.Integral(rest, (canonical, lower, upper)).as_dummy()


class IntegralRule(Rule):
    """A rule on integrals: its result is compared with the stated step through :func:`normal_form`."""


@dataclass(frozen=True)
class FoldEven(IntegralRule):
    """Integral_{-a}^{a} g dvar = 2 Integral_0^a g dvar for an even integrand g (proved by simplification)."""

    var: sympy.Symbol

    def describe(self) -> str:
        return f"fold the even integrand in {self.var} onto [0, a]"

    def apply(self, previous: sympy.Expr) -> sympy.Expr:
        return previous.replace(lambda e: isinstance(e, sympy.Integral) and self._foldable(e), self._fold)

    def _foldable(self, integral: sympy.Integral) -> bool:
        if integral.limits[0][0] != self.var or len(integral.limits) != 1 or len(integral.limits[0]) != 3:
            return False
        _, lower, upper = integral.limits[0]
        g = integral.function
        symmetric = -lower == upper or sympy.simplify(lower + upper) == 0
        return bool(symmetric and sympy.simplify(g.subs(self.var, -self.var) - g) == 0)

    def _fold(self, integral: sympy.Integral) -> sympy.Expr:
        return 2 * sympy.Integral(integral.function, (self.var, 0, integral.limits[0][2]))


@dataclass(frozen=True)
class ChangeVariable(IntegralRule):
    """Substitute ``old = old_in_new(new)`` in every integral over ``old`` (limits transformed)."""

    old: sympy.Symbol
    new: sympy.Symbol
    old_in_new: sympy.Expr

    def describe(self) -> str:
        return f"change variable {self.old} = {sympy.sstr(self.old_in_new)}"

    def apply(self, previous: sympy.Expr) -> sympy.Expr:
        return previous.replace(
            lambda e: isinstance(e, sympy.Integral) and list(e.variables) == [self.old],
            lambda e: e.transform(self.old, (self.old_in_new, self.new)))


@dataclass(frozen=True)
class Recognize(Rule):
    """The step names integrals by special functions: each function of the step is replaced by
    its defining integral (:data:`INTEGRAL_DEFINITIONS`), evaluated where SymPy can, and the
    result must equal the previous expression."""

    def describe(self) -> str:
        return "recognise special functions by their defining integrals"



def defined_by_integrals(stated: sympy.Expr, evaluate: bool) -> sympy.Expr:
    """``stated`` with special functions defined by integrals; those SymPy evaluates completely
    are replaced by their value when ``evaluate`` (the previous step has no integral left)."""
    defined = to_integrals(stated)
    if not evaluate:
        return defined
    return defined.replace(lambda e: isinstance(e, sympy.Integral), _closed_or_same)


def _closed_or_same(integral: sympy.Integral) -> sympy.Expr:
    value = integral.doit()
    return integral if value.has(sympy.Integral) else value
