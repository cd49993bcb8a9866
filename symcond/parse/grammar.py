"""Safe parsing of user-supplied expressions, assignments and relations into SymPy.

Nothing here executes user text: there is no ``eval``/``exec``, no ``sympify`` or
``parse_expr`` of strings and no ``ast``.  Input is tokenized (:mod:`symcond.parse.tokenize`),
then parsed by precedence climbing over an explicit operator table; the tree is built
directly from ``sympy.Add``/``Mul``/``Pow``/``Integer``/``Rational`` and the functions in
:data:`DEFAULT_FUNCTIONS`, with SymPy's automatic evaluation on.

Grammar (Python's precedence and associativity)::

    expression := term (('+' | '-') term)*
    term       := factor (('*' | '/') factor)*
    factor     := ('+' | '-') factor | power
    power      := atom ['**' factor]            # right-associative; -x**2 is -(x**2)
    atom       := NUMBER | NAME | NAME '(' expression (',' expression)* ')' | '(' expression ')'

Decimal literals are exact rationals (``0.5`` is ``1/2``).  Names resolve to positive
symbols by default, except the constants ``pi`` and ``oo``; ``E`` and ``I`` are ordinary
names.  A chain such as ``a + b - c`` is built as one n-ary ``Add`` (linear time); the
result equals Python's left-to-right evaluation up to where SymPy distributes a numeric
factor over a sum.  Error positions are 0-based character offsets.

Resource limits (module constants, checked before SymPy does the expensive work):
:data:`MAX_INPUT_LENGTH` characters; :data:`MAX_DEPTH` nesting levels (parentheses, calls,
signs, exponents); :data:`MAX_LITERAL_DIGITS` digits per literal; numeric exponents (and
``c`` in ``exp(c*log(b))``) up to :data:`MAX_EXPONENT` in magnitude (roots of numbers up to
degree :data:`MAX_ROOT_DEGREE`, powers of possibly non-real numbers up to
:data:`MAX_COMPLEX_POWER`); exact numbers up to
:data:`MAX_NUMBER_DIGITS` digits, estimated *before* a numeric power is computed; at most
:data:`MAX_TRANSIENT_DIGITS` digits combined by one sum or product; numeric arguments of
``gamma``/``zeta`` and orders of ``polylog`` up to :data:`MAX_SPECIAL_ARGUMENT`, of
``exp``/``sinh``/``cosh`` up to :data:`MAX_EXP_ARGUMENT`; at most
:data:`MAX_MINMAX_PAIRS` pairs of arguments compared by ``Max``/``Min``; the sides of
``< <= > >=`` real and finite.  A substitution into a parsed expression
(:meth:`symcond.model.context.Context.prepare`) is held to the same limits, and to
:data:`MAX_EXPRESSION_NODES` nodes.

>>> parse_expression("e**2*N*tau/(m*L**2)")
N*e**2*tau/(L**2*m)
>>> parse_relation("tau_in <= tau_el")
tau_in <= tau_el
>>> parse_assignment("Gamma = l/L")
('Gamma', l/L)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import Any

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
    _at,
    _build,
    _check_defined,
    _check_power,
    _check_transient,
    _inverse,
    _polylog,
    _reason,
    _short,
    _Tally,
)
from symcond.parse.tokenize import (
    MAX_INPUT_LENGTH,
    MAX_LITERAL_DIGITS,
    Token,
    TokenKind,
    abbreviate,
    describe,
    is_identifier,
    literal_fraction,
    relation_missing,
    tokenize,
    unexpected,
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

Resolver = Callable[[str], sympy.Expr]

#: Names that always mean a SymPy constant, whatever the resolver says.
CONSTANTS: Mapping[str, sympy.Expr] = MappingProxyType({"pi": sympy.pi, "oo": sympy.oo})


_SYMPY_FUNCTION_NAMES = (
    *("sqrt", "exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos", "atan"),
    *("Abs", "zeta", "gamma", "Min", "Max", "Heaviside"),
)


#: The whitelist of callable functions, by the name used in expressions.  ``log(x, b)`` is
#: the base-``b`` logarithm, ``zeta(s, a)`` the Hurwitz zeta, ``Heaviside(x, H0)`` sets H(0).
DEFAULT_FUNCTIONS: Mapping[str, Callable[..., sympy.Expr]] = MappingProxyType(
    {
        **{name: getattr(sympy, name) for name in _SYMPY_FUNCTION_NAMES},
        "abs": sympy.Abs,
        "polylog": _polylog,
    }
)

_ARITY: Mapping[Any, tuple[int, int | None]] = {
    **{func: (1, 1) for func in DEFAULT_FUNCTIONS.values()},
    sympy.log: (1, 2),
    _polylog: (2, 2),
    sympy.zeta: (1, 2),
    sympy.Min: (1, None),
    sympy.Max: (1, None),
    sympy.Heaviside: (1, 2),
}
#: The SymPy class a whitelisted function builds, where it is not the function itself.
_KINDS: Mapping[Any, Any] = {_polylog: sympy.polylog}
_RELATIONS: Mapping[str, Callable[..., Relational]] = {
    "<": sympy.Lt,
    "<=": sympy.Le,
    ">": sympy.Gt,
    ">=": sympy.Ge,
    "==": sympy.Eq,
}
#: Binding powers of the infix operators (Python precedence); unary signs bind between.
_BINDING: Mapping[str, int] = {"+": 10, "-": 10, "*": 20, "/": 20, "**": 40}
_UNARY_BINDING = 30


def positive_symbol(name: str) -> sympy.Expr:
    """Return the default resolution of ``name``: a positive SymPy symbol.

    >>> positive_symbol("tau_in").is_positive
    True
    """
    return sympy.Symbol(name, positive=True)


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
    parser = _Parser(text, resolve, functions)
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
    parser = _Parser(text, resolve, functions)
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
    parser = _Parser(text, resolve, functions)
    return parser.run(parser.relation)


class _Parser:
    """Precedence-climbing parser over one token list, with an explicit depth cap.

    Each nesting level costs at most four Python frames, so :data:`MAX_DEPTH` levels stay
    far below the interpreter's recursion limit.
    """

    def __init__(
        self, text: str, resolve: Resolver | None, functions: Mapping[str, Callable[..., sympy.Expr]] | None
    ) -> None:
        self._tokens = tokenize(text)
        self._text = text
        self._index = 0
        self._depth = 0
        self._resolve = positive_symbol if resolve is None else resolve
        self._functions = DEFAULT_FUNCTIONS if functions is None else functions
        self._tally = _Tally()

    def run(self, rule: Callable[[], Any]) -> Any:
        """Apply ``rule`` to the whole input; turn a deep SymPy recursion into ParseError."""
        try:
            result = rule()
        except RecursionError as exc:
            raise ParseError(f"expression is nested too deeply for SymPy (limit {MAX_DEPTH} levels)") from exc
        if self._token.kind is not TokenKind.END:
            raise ParseError(unexpected(self._token))
        return result

    # ----------------------------------------------------------------- entry rules
    def expression(self) -> sympy.Expr:
        """The whole input is one expression."""
        return _check_defined(self._expression())

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

    # ------------------------------------------------------------------- grammar
    def _expression(self, min_binding: int = 0) -> sympy.Expr:
        """Parse an operand and every following operator that binds tighter than ``min_binding``."""
        left = self._prefix()
        while (binding := self._binding()) > min_binding:
            left = self._power(left) if binding == _BINDING["**"] else self._chain(left, binding)
        return left

    def _chain(self, first: sympy.Expr, binding: int) -> sympy.Expr:
        """Parse a left-associative ``+ -`` or ``* /`` chain and build one n-ary Add or Mul."""
        start = self._token.pos
        items = [first]
        while self._binding() == binding:
            operator = self._advance()
            items.append(_inverse(operator, self._expression(binding)))
        combine = sympy.Add if binding == _BINDING["+"] else sympy.Mul
        _check_transient(items, combine, _at(start))
        return _build(combine, items, _at(start))

    def _power(self, base: sympy.Expr) -> sympy.Expr:
        """Parse ``'**' exponent`` (right-associative; the exponent may carry a sign)."""
        operator = self._advance()
        with self._deeper(operator):
            exponent = self._expression(_BINDING["**"] - 1)
        _check_power(base, exponent, _at(operator.pos))
        return _build(sympy.Pow, (base, exponent), _at(operator.pos))

    def _prefix(self) -> sympy.Expr:
        """Parse a signed operand, a number, a name, a call or a parenthesised expression."""
        token = self._advance()
        if token.kind is TokenKind.OPERATOR and token.text in ("+", "-"):
            with self._deeper(token):
                value = self._expression(_UNARY_BINDING)
            return value if token.text == "+" else _build(sympy.Mul, (sympy.S.NegativeOne, value), _at(token.pos))
        if token.kind is TokenKind.NUMBER:
            return sympy.Rational(*literal_fraction(token.text))
        if token.kind is TokenKind.NAME:
            return self._call(token) if self._token.kind is TokenKind.LPAREN else self._name(token)
        if token.kind is TokenKind.LPAREN:
            with self._deeper(token):
                value = self._expression()
            self._close(token)
            return value
        raise ParseError(unexpected(token))

    def _name(self, token: Token) -> sympy.Expr:
        """Resolve a name: a constant, else whatever the resolver returns."""
        if token.text in CONSTANTS:
            return CONSTANTS[token.text]
        value = self._resolve(token.text)
        if not isinstance(value, sympy.Expr):
            raise TypeError(f"resolver returned {type(value).__name__} for {token.text!r}, not a sympy.Expr")
        return value

    def _call(self, name: Token) -> sympy.Expr:
        """Parse ``'(' [expression (',' expression)*] ')'`` after a whitelisted function name."""
        func = self._functions.get(name.text)
        if func is None:
            allowed = ", ".join(sorted(self._functions)) or "none"
            raise ParseError(f"unknown function {name.text!r} at position {name.pos}; allowed: {allowed}")
        opening = self._advance()
        with self._deeper(opening):
            args = self._arguments()
        self._close(opening)
        _check_arity(name, func, len(args))
        self._tally.check_call(_KINDS.get(func, func), name.text, args, _at(name.pos))
        return _build(func, args, _at(name.pos))

    def _arguments(self) -> list[sympy.Expr]:
        """Parse the comma-separated call arguments before the closing ')'."""
        if self._token.kind is TokenKind.RPAREN:
            return []
        args = [self._expression()]
        while self._token.kind is TokenKind.COMMA:
            self._advance()
            args.append(self._expression())
        return args

    # ------------------------------------------------------------------- helpers
    @property
    def _token(self) -> Token:
        """The current (not yet consumed) token."""
        return self._tokens[self._index]

    def _advance(self) -> Token:
        """Consume and return the current token (END is never consumed twice)."""
        token = self._token
        self._index = min(self._index + 1, len(self._tokens) - 1)
        return token

    def _binding(self) -> int:
        """Binding power of the current token as an infix operator (0 if it is not one)."""
        token = self._token
        return _BINDING.get(token.text, 0) if token.kind is TokenKind.OPERATOR else 0

    @contextmanager
    def _deeper(self, token: Token) -> Iterator[None]:
        """Enter one nesting level; raise ParseError beyond MAX_DEPTH."""
        if self._depth >= MAX_DEPTH:
            raise ParseError(f"expression nests deeper than {MAX_DEPTH} levels at position {token.pos}")
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1

    def _close(self, opening: Token) -> None:
        """Consume the ')' matching ``opening``."""
        token = self._advance()
        if token.kind is TokenKind.END:
            raise ParseError(f"missing ')' for the '(' at position {opening.pos}")
        if token.kind is not TokenKind.RPAREN:
            raise ParseError(unexpected(token))


def _check_arity(name: Token, func: Callable[..., Any], count: int) -> None:
    """Reject a call to a known function with the wrong number of arguments."""
    low, high = _ARITY.get(func, (0, None))
    if low <= count and (high is None or count <= high):
        return
    if high is None:
        wanted = f"at least {low} argument{'s' * (low != 1)}"
    else:
        wanted = f"{low}{f' or {high}' * (high != low)} argument{'s' * (high != 1)}"
    raise ParseError(f"function {name.text!r} at position {name.pos} takes {wanted} (got {count})")
