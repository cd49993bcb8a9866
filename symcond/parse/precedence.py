"""The precedence-climbing parser of one arithmetic expression, over the tokens of
:mod:`symcond.parse.tokenize`.

Grammar (Python's precedence and associativity)::

    expression := term (('+' | '-') term)*
    term       := factor (('*' | '/') factor)*
    factor     := ('+' | '-') factor | power
    power      := atom ['**' factor]            # right-associative; -x**2 is -(x**2)
    atom       := NUMBER | NAME | NAME '(' expression (',' expression)* ')' | '(' expression ')'

Each node is built directly from ``sympy.Add``/``Mul``/``Pow``/``Rational`` and the
whitelisted functions (:mod:`symcond.parse.functions`), after the checks of
:mod:`symcond.parse.caps`.  A chain such as ``a + b - c`` is built as one n-ary ``Add``
(linear time).  The entry points are in :mod:`symcond.parse.grammar`, which extends
:class:`ExpressionParser` with relations and assignments.

>>> parser = ExpressionParser("2**3**2 - a/b/c", None, None)
>>> parser.run(parser.expression)
-a/(b*c) + 512
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sympy

from symcond.errors import ParseError
from symcond.parse.caps import (
    MAX_DEPTH,
    _at,
    _build,
    _check_defined,
    _check_power,
    _check_size,
    _check_transient,
    _inverse,
)
from symcond.parse.functions import (
    _KINDS,
    CONSTANTS,
    DEFAULT_FUNCTIONS,
    Resolver,
    _check_arity,
    _Tally,
    definite_integral,
    positive_symbol,
)
from symcond.parse.tokenize import Token, TokenKind, literal_fraction, tokenize, unexpected

__all__ = ["ExpressionParser"]

#: Binding powers of the infix operators (Python precedence); unary signs bind between.
_BINDING: Mapping[str, int] = {"+": 10, "-": 10, "*": 20, "/": 20, "**": 40}
_UNARY_BINDING = 30


class ExpressionParser:
    """Precedence-climbing parser over one token list, with an explicit depth cap.

    ``resolve`` maps names other than :data:`~symcond.parse.functions.CONSTANTS` to
    expressions (default :func:`~symcond.parse.functions.positive_symbol`); ``functions`` is
    the table of callable functions (default
    :data:`~symcond.parse.functions.DEFAULT_FUNCTIONS`).

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
            raise ParseError(unexpected(self._token), position=self._token.pos)
        return result

    # ------------------------------------------------------------------ entry rule
    def expression(self) -> sympy.Expr:
        """The whole input is one expression."""
        return _check_defined(self._expression())

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
        raise ParseError(unexpected(token), position=token.pos)

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
            raise ParseError(f"unknown function {name.text!r} at position {name.pos}; allowed: {allowed}",
                             position=name.pos)
        opening = self._advance()
        with self._deeper(opening), self._bound(func):
            args = self._arguments()
        self._close(opening)
        _check_arity(name, func, len(args))
        self._tally.check_call(_KINDS.get(func, func), name.text, args, _at(name.pos))
        result = _build(func, args, _at(name.pos))
        _check_size(result, self._tally.sizes, _at(name.pos))
        return result

    @contextmanager
    def _bound(self, func: Callable[..., sympy.Expr]) -> Iterator[None]:
        """Inside ``Integral(f, x, a, b)`` the name ``x`` is a real symbol (looked ahead: the name
        after the first comma at this level); elsewhere names resolve as usual."""
        var = self._integration_variable() if func is definite_integral else None
        if var is None:
            yield
            return
        outer = self._resolve
        self._resolve = lambda name: sympy.Symbol(name, real=True) if name == var else outer(name)
        try:
            yield
        finally:
            self._resolve = outer

    def _integration_variable(self) -> str | None:
        """The name that is the second argument of the call whose '(' was just consumed."""
        level = 0
        for index in range(self._index, len(self._tokens) - 1):
            token = self._tokens[index]
            if token.kind is TokenKind.LPAREN:
                level += 1
            elif token.kind is TokenKind.RPAREN:
                if level == 0:
                    return None
                level -= 1
            elif token.kind is TokenKind.COMMA and level == 0:
                name = self._tokens[index + 1]
                return name.text if name.kind is TokenKind.NAME and name.text not in CONSTANTS else None
        return None

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
            raise ParseError(f"expression nests deeper than {MAX_DEPTH} levels at position {token.pos}",
                             position=token.pos)
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1

    def _close(self, opening: Token) -> None:
        """Consume the ')' matching ``opening``."""
        token = self._advance()
        if token.kind is TokenKind.END:
            raise ParseError(f"missing ')' for the '(' at position {opening.pos}", position=opening.pos)
        if token.kind is not TokenKind.RPAREN:
            raise ParseError(unexpected(token), position=token.pos)
