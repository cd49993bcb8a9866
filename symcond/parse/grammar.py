"""Safe parsing of user-supplied expressions, assignments and relations into SymPy.

Nothing here executes user text: there is no ``eval``/``exec``, no ``sympify`` or
``parse_expr`` of strings and no ``ast``.  Input is tokenized (:mod:`symcond.parse.tokenize`),
then parsed by precedence climbing over an explicit operator table
(:mod:`symcond.parse.precedence`, which gives the grammar); the tree is built directly from
``sympy.Add``/``Mul``/``Pow``/``Integer``/``Rational`` and the functions in
:data:`DEFAULT_FUNCTIONS` (:mod:`symcond.parse.functions`), with SymPy's automatic
evaluation on.  This module adds the two statement forms, ``a OP b`` and ``NAME=EXPR``.

Decimal literals are exact rationals (``0.5`` is ``1/2``).  Names resolve to positive
symbols by default, except the constants ``pi`` and ``oo``; ``E`` and ``I`` are ordinary
names (write ``exp(1)`` and ``sqrt(-1)``), unless the resolver is
:func:`~symcond.parse.functions.plain_symbol` (plain-maths mode).  A chain such as
``a + b - c`` is built as one n-ary ``Add`` (linear time); the result equals Python's
left-to-right evaluation up to where SymPy distributes a numeric factor over a sum.  Error
positions are 0-based character offsets.

Resource limits (module constants, checked before SymPy does the expensive work):
:data:`MAX_INPUT_LENGTH` characters; :data:`MAX_DEPTH` nesting levels (parentheses, calls,
signs, exponents); :data:`MAX_LITERAL_DIGITS` digits per literal; numeric exponents (and
``c`` in ``exp(c*log(b))``) up to :data:`MAX_EXPONENT` in magnitude (roots of numbers up to
degree :data:`MAX_ROOT_DEGREE`, powers of possibly non-real numbers up to
:data:`MAX_COMPLEX_POWER`); exact numbers up to
:data:`MAX_NUMBER_DIGITS` digits, estimated *before* a numeric power is computed; at most
:data:`MAX_TRANSIENT_DIGITS` digits combined by one sum or product; numeric arguments of
``gamma``/``factorial``/``binomial``/``zeta``... and orders of ``polylog``/``polygamma``/Bessel
functions up to :data:`MAX_SPECIAL_ARGUMENT`, of ``exp``/``sinh``/``cosh``/``Ei``... up to
:data:`MAX_EXP_ARGUMENT`, of ``erf``/``erfc``/``erfi`` up to ``sqrt(MAX_EXP_ARGUMENT)``; at most
:data:`MAX_MINMAX_PAIRS` pairs of arguments compared by ``Max``/``Min``; the sides of
``< <= > >=`` real and finite.  The limits are defined in :mod:`symcond.parse.caps`.  A
substitution into a parsed expression (:func:`symcond.parse.substitute.bounded_xreplace`,
used by :meth:`symcond.model.context.Context.prepare`) is held to the same limits, and to
:data:`MAX_EXPRESSION_NODES` nodes.

>>> parse_expression("e**2*N*tau/(m*L**2)")
N*e**2*tau/(L**2*m)
>>> parse_relation("tau_in <= tau_el")
tau_in <= tau_el
>>> parse_assignment("Gamma = l/L")
('Gamma', l/L)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import sympy
from sympy.core.relational import Relational

from symcond.errors import ParseError
from symcond.parse.caps import (
    _SYMPY_ERRORS,
    MAX_COMPLEX_POWER,
    MAX_DEPTH,
    MAX_EXP_ARGUMENT,
    MAX_EXPONENT,
    MAX_EXPRESSION_NODES,
    MAX_MINMAX_PAIRS,
    MAX_NUMBER_DIGITS,
    MAX_ROOT_DEGREE,
    MAX_SPECIAL_ARGUMENT,
    MAX_TRANSIENT_DIGITS,
    _check_defined,
    _reason,
    _short,
)
from symcond.parse.functions import CONSTANTS, DEFAULT_FUNCTIONS, Resolver, positive_symbol
from symcond.parse.precedence import ExpressionParser
from symcond.parse.tokenize import (
    MAX_INPUT_LENGTH,
    MAX_LITERAL_DIGITS,
    TokenKind,
    abbreviate,
    describe,
    is_identifier,
    relation_missing,
)

__all__ = [
    "CONSTANTS",
    "DEFAULT_FUNCTIONS",
    "MAX_COMPLEX_POWER",
    "MAX_DEPTH",
    "MAX_EXP_ARGUMENT",
    "MAX_EXPONENT",
    "MAX_EXPRESSION_NODES",
    "MAX_INPUT_LENGTH",
    "MAX_LITERAL_DIGITS",
    "MAX_MINMAX_PAIRS",
    "MAX_NUMBER_DIGITS",
    "MAX_ROOT_DEGREE",
    "MAX_SPECIAL_ARGUMENT",
    "MAX_TRANSIENT_DIGITS",
    "Resolver",
    "is_identifier",
    "parse_assignment",
    "parse_expression",
    "parse_relation",
    "positive_symbol",
]

_RELATIONS: Mapping[str, Callable[..., Relational]] = {
    "<": sympy.Lt,
    "<=": sympy.Le,
    ">": sympy.Gt,
    ">=": sympy.Ge,
    "==": sympy.Eq,
}


def parse_expression(
    text: str,
    resolve: Resolver | None = None,
    *,
    functions: Mapping[str, Callable[..., sympy.Expr]] | None = None,
) -> sympy.Expr:
    """Parse an arithmetic expression into a SymPy expression without executing anything.

    Parameters
    ----------
    text : str
        The expression, e.g. ``"e**2*N*tau/(m*L**2)"``; at most :data:`MAX_INPUT_LENGTH`
        characters.
    resolve : Resolver, optional
        Maps each name (other than :data:`CONSTANTS`) to a SymPy expression; it may raise
        :class:`~symcond.errors.ParseError` for unknown names.  Default
        :func:`positive_symbol`.
    functions : Mapping[str, Callable], optional
        The callable functions, replacing :data:`DEFAULT_FUNCTIONS` (extend it with
        ``{**DEFAULT_FUNCTIONS, ...}``).

    Returns
    -------
    sympy.Expr
        The expression, with SymPy's automatic evaluation applied.

    Raises
    ------
    ParseError
        On any input outside the grammar or beyond a resource limit; the one-line message
        names the offending token and its 0-based position.

    Examples
    --------
    >>> parse_expression("2*tau_in/(tau_in + L/v_F)")
    2*tau_in/(L/v_F + tau_in)
    >>> parse_expression("1.25e-27*x + 0.5")
    x/800000000000000000000000000 + 1/2
    >>> parse_expression("-x**2 + 2**-1*pi")
    -x**2 + pi/2
    >>> parse_expression("x^2")
    Traceback (most recent call last):
    ...
    symcond.errors.ParseError: '^' at position 1 is not an operator; use '**' for powers
    """
    parser = ExpressionParser(text, resolve, functions)
    return parser.run(parser.expression)


def parse_assignment(
    text: str,
    resolve: Resolver | None = None,
    *,
    functions: Mapping[str, Callable[..., sympy.Expr]] | None = None,
) -> tuple[str, sympy.Expr]:
    """Parse ``"NAME=EXPR"`` (a single ``=``) into the name and the parsed expression.

    Parameters and errors are as for :func:`parse_expression`; ``NAME`` must be a valid
    identifier (:func:`is_identifier`) other than a constant name.

    >>> parse_assignment("Gamma=l/L")
    ('Gamma', l/L)
    """
    parser = _Statements(text, resolve, functions)
    return parser.run(parser.assignment)


def parse_relation(
    text: str,
    resolve: Resolver | None = None,
    *,
    functions: Mapping[str, Callable[..., sympy.Expr]] | None = None,
) -> Relational:
    """Parse ``"a OP b"`` with exactly one of ``< <= > >= ==`` into an unevaluated relation.

    Both sides are evaluated as by :func:`parse_expression`; the relation itself is not,
    so ``1 < 2`` stays a :class:`~sympy.core.relational.Relational`.  The sides of an
    ordering (``< <= > >=``) must be real and finite: ``x < sqrt(-1)`` and ``x < oo`` are
    errors.

    >>> parse_relation("tau_in<=tau_el")
    tau_in <= tau_el
    >>> parse_relation("1 < 2")
    1 < 2
    """
    parser = _Statements(text, resolve, functions)
    return parser.run(parser.relation)


class _Statements(ExpressionParser):
    """The parser of :mod:`symcond.parse.precedence`, with the rules for a relation and an assignment."""

    def relation(self) -> Relational:
        """The whole input is ``expression RELATION expression``."""
        lhs = self._expression()
        operator = self._advance()
        if operator.kind is not TokenKind.RELATION:
            raise ParseError(relation_missing(operator))
        rhs = self._expression()
        if self._token.kind is TokenKind.RELATION:
            second = self._token
            raise ParseError(f"relation has a second relational operator {second.text!r} at position {second.pos}")
        lhs, rhs = _check_defined(lhs), _check_defined(rhs)
        if operator.text != "==":
            for side in (lhs, rhs):
                self._check_orderable(side)
        return _RELATIONS[operator.text](lhs, rhs, evaluate=False)

    def _check_orderable(self, side: sympy.Expr) -> None:
        """Reject a side of ``<``, ``<=``, ``>``, ``>=`` that is not real or not finite."""
        try:
            real = side.is_extended_real
        except _SYMPY_ERRORS as exc:  # SymPy may evaluate: polylog(oo, -101) divides by zero
            raise ParseError(
                f"relation {abbreviate(self._text.strip())!r}: cannot tell whether {_short(side)} is real"
                f" ({_reason(exc)})"
            ) from exc
        problem = "non-real" if real is False else "infinite" if side.has(sympy.oo, -sympy.oo) else ""
        if problem:
            raise ParseError(
                f"relation {abbreviate(self._text.strip())!r} compares with the {problem} value {_short(side)};"
                f" '<', '<=', '>', '>=' need real, finite sides"
            )

    def assignment(self) -> tuple[str, sympy.Expr]:
        """The whole input is ``NAME '=' expression``."""
        name = self._advance()
        if name.kind is not TokenKind.NAME:
            raise ParseError(f"assignment must start with a name (got {describe(name)})")
        equals = self._advance()
        if equals.text == "==":
            raise ParseError(f"use a single '=' in an assignment (got '==' at position {equals.pos})")
        if equals.kind is not TokenKind.ASSIGN:
            raise ParseError(f"assignment must have the form NAME=EXPR (got {describe(equals)})")
        if name.text in CONSTANTS:
            raise ParseError(f"cannot assign to the constant {name.text!r}")
        return name.text, self.expression()
