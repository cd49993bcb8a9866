"""The names an expression may use: the constants, the whitelisted functions with their
arities, the default resolution of every other name, and the limits on function calls.

The functions (:data:`DEFAULT_FUNCTIONS`) are SymPy's, by SymPy's names: elementary (``sqrt``,
``exp``, ``log``, ``Abs``/``abs``, ``sign``, ``LambertW``), trigonometric and hyperbolic with
their reciprocals and inverses (``sin``... ``csc``, ``asin``... ``acsc``, ``atan2``, ``sinh``...
``csch``, ``asinh``... ``acsch``), error functions (``erf``, ``erfc``, ``erfi``, ``erfinv``,
``fresnels``, ``fresnelc``), the gamma family (``gamma``, ``loggamma``, ``digamma``,
``trigamma``, ``polygamma``, ``beta``, ``uppergamma``, ``lowergamma``, ``factorial``,
``binomial``), exponential and logarithmic integrals (``Ei``, ``E1``, ``expint``, ``Si``, ``Ci``,
``Shi``, ``Chi``, ``li``), Bessel functions (``besselj``, ``bessely``, ``besseli``, ``besselk``),
``zeta``, ``dirichlet_eta``, ``polylog``, ``Heaviside``, ``Min`` and ``Max``, and the definite
integral ``Integral(f, x, a, b)`` (:func:`definite_integral`).

The constants ``pi`` and ``oo`` mean SymPy's everywhere (:data:`CONSTANTS`).  Euler's number
and the imaginary unit are ``exp(1)`` and ``sqrt(-1)``; the names ``E``, ``I`` and
``EulerGamma`` mean them (and Euler's constant) only in plain-maths mode (:data:`PLAIN_CONSTANTS`,
:func:`plain_symbol`), because in a physics paper ``E`` is an energy and ``I`` a current.

A call is checked twice before SymPy evaluates it: :func:`_check_arity` (the number of
arguments a whitelisted function takes) and :meth:`_Tally.check_call` (numeric arguments of
``gamma``/``factorial``/``zeta``... and orders of ``polygamma``/Bessel functions, arguments of
functions that grow like an exponential, ``exp``/``sinh``/``Ei``/``erfc``..., and the pairs that
``Max`` and ``Min`` compare, summed over one expression).
:func:`symcond.parse.substitute.bounded_xreplace` applies the same call limits when a
substitution rebuilds a node.

>>> sorted(CONSTANTS)
['oo', 'pi']
>>> plain_symbol("E"), plain_symbol("c").is_positive
(E, True)
>>> DEFAULT_FUNCTIONS["abs"](-3)
3
>>> _Tally().check_call(sympy.gamma, "gamma", [sympy.Integer(101)], "at position 0")
Traceback (most recent call last):
...
symcond.errors.ParseError: argument 101 of 'gamma' at position 0 exceeds the limit of 100 in magnitude
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import sympy

from symcond.errors import ParseError
from symcond.parse.caps import (
    _SYMPY_ERRORS,
    MAX_EXP_ARGUMENT,
    MAX_EXPANDED_NODES,
    MAX_GAUSS_ARGUMENT,
    MAX_MINMAX_PAIRS,
    MAX_SPECIAL_ARGUMENT,
    _check_exponent,
    _short,
    _tree_size,
)
from symcond.parse.tokenize import Token

__all__ = ["CONSTANTS", "DEFAULT_FUNCTIONS", "PLAIN_CONSTANTS", "Resolver", "definite_integral", "plain_symbol",
           "positive_symbol"]

Resolver = Callable[[str], sympy.Expr]

#: Names that always mean a SymPy constant, whatever the resolver says.
CONSTANTS: Mapping[str, sympy.Expr] = MappingProxyType({"pi": sympy.pi, "oo": sympy.oo})
#: Names that mean a SymPy constant in plain-maths mode only (:func:`plain_symbol`): SymPy's names
#: for Euler's number, the imaginary unit and Euler's constant.  In physics mode they are ordinary
#: names (an energy ``E``, a current ``I``).
PLAIN_CONSTANTS: Mapping[str, sympy.Expr] = MappingProxyType(
    {"E": sympy.E, "I": sympy.I, "EulerGamma": sympy.EulerGamma})


def positive_symbol(name: str) -> sympy.Expr:
    """Return the default resolution of ``name``: a positive SymPy symbol.

    >>> positive_symbol("tau_in").is_positive
    True
    """
    return sympy.Symbol(name, positive=True)


def plain_symbol(name: str) -> sympy.Expr:
    """Return the plain-maths resolution of ``name``: a constant of :data:`PLAIN_CONSTANTS`, else a positive symbol.

    >>> plain_symbol("I")**2, plain_symbol("x")
    (-1, x)
    """
    return PLAIN_CONSTANTS.get(name) or positive_symbol(name)


def _polylog(s: sympy.Expr, z: sympy.Expr) -> sympy.Expr:
    """Return ``polylog(s, z)``, evaluated by SymPy only for a numeric literal ``z``.

    SymPy's evaluation calls ``simplify`` on ``z``, which can take minutes on long input.
    """
    return sympy.polylog(s, z, evaluate=bool(z.is_Number))


def definite_integral(integrand: sympy.Expr, var: sympy.Expr, lower: sympy.Expr, upper: sympy.Expr) -> sympy.Expr:
    """``Integral(f, x, a, b)``: the definite integral of ``f`` over ``x`` from ``a`` to ``b``, unevaluated.

    The parser reads the integrand with ``x`` a *real* symbol of that name (a range through
    negative values must not meet a variable declared positive:
    :meth:`~symcond.parse.precedence.ExpressionParser._call`); the limits may not contain it.

    >>> x = sympy.Symbol("x", real=True)
    >>> definite_integral(sympy.sqrt(x**2), x, -1, 1)
    Integral(Abs(x), (x, -1, 1))
    """
    if not isinstance(var, sympy.Symbol):
        raise ValueError(f"the variable of an Integral must be a name, not {_short(var)}")
    lower, upper = sympy.sympify(lower), sympy.sympify(upper)
    if lower.has(var) or upper.has(var):
        raise ValueError(f"the limits of an Integral cannot contain its variable {var}")
    return sympy.Integral(integrand, (var, lower, upper))


#: The whitelist, one family a line: name -> (SymPy function, fewest arguments, most arguments;
#: None: any number).  ``log(x, b)`` is the base-``b`` logarithm, ``zeta(s, a)`` the Hurwitz zeta,
#: ``Heaviside(x, H0)`` sets H(0), ``LambertW(x, k)`` takes branch ``k``, ``atan2(y, x)`` the angle
#: of the point (x, y), ``polygamma(n, x)`` the n-th derivative of ``digamma``, ``expint(nu, x)``
#: the generalized exponential integral E_nu (``E1(x)`` is ``expint(1, x)``), ``besselj(nu, x)``
#: (``bessely``, ``besseli``, ``besselk``) the Bessel functions of order ``nu``.
_VOCABULARY: Mapping[str, tuple[Callable[..., sympy.Expr], int, int | None]] = {
    **{name: (getattr(sympy, name), 1, 1) for name in ("sqrt", "exp", "Abs", "sign")},
    "abs": (sympy.Abs, 1, 1), "log": (sympy.log, 1, 2), "LambertW": (sympy.LambertW, 1, 2),
    **{name: (getattr(sympy, name), 1, 1) for name in ("sin", "cos", "tan", "cot", "sec", "csc")},
    **{name: (getattr(sympy, name), 1, 1) for name in ("asin", "acos", "atan", "acot", "asec", "acsc")},
    "atan2": (sympy.atan2, 2, 2),
    **{name: (getattr(sympy, name), 1, 1) for name in ("sinh", "cosh", "tanh", "coth", "sech", "csch")},
    **{name: (getattr(sympy, name), 1, 1) for name in ("asinh", "acosh", "atanh", "acoth", "asech", "acsch")},
    **{name: (getattr(sympy, name), 1, 1) for name in ("erf", "erfc", "erfi", "erfinv", "fresnels", "fresnelc")},
    **{name: (getattr(sympy, name), 1, 1) for name in ("gamma", "loggamma", "digamma", "trigamma", "factorial")},
    **{name: (getattr(sympy, name), 2, 2) for name in ("polygamma", "beta", "binomial")},
    **{name: (getattr(sympy, name), 2, 2) for name in ("uppergamma", "lowergamma", "expint")},
    **{name: (getattr(sympy, name), 1, 1) for name in ("Ei", "Si", "Ci", "Shi", "Chi", "li", "E1")},
    **{name: (getattr(sympy, name), 2, 2) for name in ("besselj", "bessely", "besseli", "besselk")},
    "zeta": (sympy.zeta, 1, 2), "dirichlet_eta": (sympy.dirichlet_eta, 1, 2), "polylog": (_polylog, 2, 2),
    "Heaviside": (sympy.Heaviside, 1, 2), "Min": (sympy.Min, 1, None), "Max": (sympy.Max, 1, None),
    "Integral": (definite_integral, 4, 4),
}

#: The whitelist of callable functions, by the name used in expressions (see :data:`_VOCABULARY`).
DEFAULT_FUNCTIONS: Mapping[str, Callable[..., sympy.Expr]] = MappingProxyType(
    {name: func for name, (func, _, _) in _VOCABULARY.items()}
)

_ARITY: Mapping[Any, tuple[int, int | None]] = {func: (low, high) for func, low, high in _VOCABULARY.values()}
#: The SymPy class a whitelisted function builds, where it is not the function itself.
_KINDS: Mapping[Any, Any] = {_polylog: sympy.polylog, definite_integral: sympy.Integral}


def _check_arity(name: Token, func: Callable[..., Any], count: int) -> None:
    """Reject a call to a known function with the wrong number of arguments."""
    low, high = _ARITY.get(func, (0, None))
    if low <= count and (high is None or count <= high):
        return
    if high is None:
        wanted = f"at least {low} argument{'s' * (low != 1)}"
    else:
        wanted = f"{low}{f' or {high}' * (high != low)} argument{'s' * (high != 1)}"
    raise ParseError(f"function {name.text!r} at position {name.pos} takes {wanted} (got {count})", position=name.pos)


# ---------------------------------------------------------------- limits on calls
#: Arguments (by position) bounded by :data:`MAX_SPECIAL_ARGUMENT`: with a number there,
#: SymPy evaluates a closed form whose size grows with that number (a factorial, a
#: Bernoulli number, a sum of that many terms: ``factorial(10**9)``, ``polygamma(3, 10**9)``,
#: ``lowergamma(10**6, x)`` and ``dirichlet_eta(10**6)`` never return).  Orders of Bessel
#: functions and of ``expint`` are bounded too: a half-integer order expands into that many terms.
#: harmonic, bernoulli, factorial2 and the rising/falling factorials cannot be written in an
#: expression; they can appear in derivation files.
_BOUNDED_ARGUMENTS: Mapping[Any, tuple[int, ...]] = {
    sympy.gamma: (0,), sympy.loggamma: (0,), sympy.digamma: (0,), sympy.trigamma: (0,), sympy.polygamma: (0, 1),
    sympy.beta: (0, 1), sympy.uppergamma: (0,), sympy.lowergamma: (0,), sympy.expint: (0,),
    sympy.factorial: (0,), sympy.factorial2: (0,), sympy.binomial: (0, 1), sympy.harmonic: (0,),
    sympy.bernoulli: (0,), sympy.RisingFactorial: (0, 1), sympy.FallingFactorial: (0, 1),
    sympy.zeta: (0, 1), sympy.dirichlet_eta: (0, 1), sympy.polylog: (0,),
    **{bessel: (0,) for bessel in (sympy.besselj, sympy.bessely, sympy.besseli, sympy.besselk)},
}

#: Arguments (by position) whose magnitude is bounded because the value grows or decays like an
#: exponential of them (``erf``'s family like the exponential of their square): ``sin(Ei(10**9))``
#: or a comparison with ``erfc(10**9)`` (about ``exp(-10**18)``) needs as many digits as the
#: exponent has and never returns.  The bounds keep such values within about
#: ``exp(+-MAX_EXP_ARGUMENT)``.
_GROWTH: Mapping[Any, tuple[int, int]] = {
    **{kind: (0, MAX_EXP_ARGUMENT) for kind in (sympy.exp, sympy.sinh, sympy.cosh, sympy.sech, sympy.csch)},
    **{kind: (0, MAX_EXP_ARGUMENT) for kind in (sympy.Ei, sympy.Shi, sympy.Chi, sympy.E1)},
    **{kind: (1, MAX_EXP_ARGUMENT) for kind in (sympy.uppergamma, sympy.lowergamma, sympy.expint)},
    **{kind: (1, MAX_EXP_ARGUMENT) for kind in (sympy.besseli, sympy.besselk)},
    **{kind: (0, MAX_GAUSS_ARGUMENT) for kind in (sympy.erf, sympy.erfc, sympy.erfi)},
}


def _beyond(value: sympy.Expr, limit: int) -> bool:
    """Whether a finite numeric ``value`` exceeds ``limit`` in magnitude (False for others).

    Numbers built within the limits are at most about ``exp(MAX_EXP_ARGUMENT)``, so the
    15-digit evaluation of a non-rational one is cheap.
    """
    if isinstance(value, sympy.Rational):
        return bool(abs(value) > limit)
    if not value.is_number or value.has(sympy.oo, -sympy.oo, sympy.zoo):  # exp(-oo) is 0, not a huge number
        return False
    try:
        return not abs(complex(value.evalf(15))) <= limit
    except OverflowError:
        return True
    except (TypeError, ValueError, ArithmeticError):
        return False


#: Tree size from which a non-numeric argument is worth a trial call (:meth:`_Tally.check_call`).
_TRIAL_SIZE = 20


def _occurrences(expr: sympy.Basic, atom: sympy.Basic) -> int:
    """How many times ``atom`` occurs in the tree of ``expr`` (each occurrence of a shared subtree counts)."""
    return 1 if expr == atom else sum(_occurrences(arg, atom) for arg in expr.args)


class _Tally:
    """Work counted over one expression: the pairs of arguments Max and Min compared so far, and the
    tree sizes of the subexpressions seen (:func:`~symcond.parse.caps._tree_size`)."""

    def __init__(self) -> None:
        self.minmax = 0
        self.expanded = 0
        self.sizes: dict[sympy.Basic, int] = {}

    def check_call(self, kind: Any, label: str, args: Sequence[sympy.Basic], where: str) -> None:
        """Bound the numeric arguments of ``kind(*args)`` and the Max/Min work before SymPy evaluates it.

        ``kind`` is the SymPy class the call builds, ``label`` its name in messages.
        """
        for index in _BOUNDED_ARGUMENTS.get(kind, ()):
            value = args[index] if index < len(args) else sympy.S.Zero
            if isinstance(value, sympy.Rational) and abs(value) > MAX_SPECIAL_ARGUMENT:
                raise ParseError(
                    f"argument {_short(value)} of {label!r} {where}"
                    f" exceeds the limit of {MAX_SPECIAL_ARGUMENT} in magnitude"
                )
        index, limit = _GROWTH.get(kind, (0, 0))
        if index < len(args) and limit and _beyond(args[index], limit):
            raise ParseError(
                f"argument {_short(args[index])} of {label!r} {where} exceeds the limit of {limit} in magnitude"
            )
        if kind is sympy.exp and args:  # exp(c*log(b)) evaluates to b**c
            for term in sympy.Add.make_args(args[0]):
                if term.has(sympy.log):
                    _check_exponent(term.as_coeff_Mul()[0], where)
        if kind in _KNOWN_KINDS:
            self._check_repeats(kind, label, args, where)
        if kind in (sympy.Max, sympy.Min):
            count = sum(len(arg.args) if arg.func is kind else 1 for arg in args)
            self.minmax += count * (count - 1) // 2
            if self.minmax > MAX_MINMAX_PAIRS:
                raise ParseError(
                    f"{label!r} {where} makes Max and Min compare {self.minmax} pairs of arguments in one"
                    f" expression, more than the limit of {MAX_MINMAX_PAIRS}"
                )

    def _check_repeats(self, kind: Any, label: str, args: Sequence[sympy.Basic], where: str) -> None:
        """Bound the nodes of calls that SymPy expands into a form repeating a large argument.

        ``uppergamma(10, z)`` is a polynomial in ``z`` times ``exp(-z)`` (``z`` 10 times),
        ``expint(1/2, z)`` uses ``z`` twice: nested, such calls grow exponentially, and SymPy's
        expansion takes time in proportion.  The call is tried first with a symbol in place of each
        large non-numeric argument; where the trial repeats one, the size of the real result is
        predicted from it and added to :attr:`expanded`, at most
        :data:`~symcond.parse.caps.MAX_EXPANDED_NODES` in one expression.
        """
        trial_args = [sympy.Dummy() if _tree_size(arg, self.sizes) > _TRIAL_SIZE and not arg.is_number else arg
                      for arg in args]
        dummies = [(trial, arg) for trial, arg in zip(trial_args, args, strict=True) if trial is not arg]
        if not dummies:
            return
        try:
            trial = kind(*trial_args)
        except _SYMPY_ERRORS:  # the real call reports it
            return
        counts = [(_occurrences(trial, dummy), arg) for dummy, arg in dummies]
        if all(count < 2 for count, _ in counts):
            return
        self.expanded += _tree_size(trial, {}) + sum(count * (_tree_size(arg, self.sizes) - 1) for count, arg in counts)
        if self.expanded > MAX_EXPANDED_NODES:
            raise ParseError(
                f"{label!r} {where} repeats its arguments into {self.expanded} nodes in one expression,"
                f" more than the limit of {MAX_EXPANDED_NODES}"
            )


#: The SymPy classes the whitelisted functions build (``E1(x)`` builds ``expint(1, x)``).
_KNOWN_KINDS: frozenset[Any] = frozenset({_KINDS.get(func, func) for func in DEFAULT_FUNCTIONS.values()}
                                         | {sympy.expint, sympy.polygamma})
