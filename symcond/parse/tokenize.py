"""Tokenizer for the restricted expression grammar of :mod:`symcond.parse.grammar`.

The tokenizer only recognises ASCII numbers, ASCII names, the arithmetic operators
``+ - * / **``, parentheses, commas, the relational operators ``< <= > >= ==`` and ``=``.
Every other character is rejected with a one-line :class:`~symcond.errors.ParseError`
naming the character and its position (0-based character offset into the input).

>>> [(t.kind.name, t.text, t.pos) for t in tokenize("2*x**-1")]  # doctest: +NORMALIZE_WHITESPACE
[('NUMBER', '2', 0), ('OPERATOR', '*', 1), ('NAME', 'x', 2), ('OPERATOR', '**', 3),
 ('OPERATOR', '-', 5), ('NUMBER', '1', 6), ('END', '', 7)]
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from enum import Enum

from symcond.errors import ParseError

__all__ = [
    "MAX_INPUT_LENGTH",
    "MAX_LITERAL_DIGITS",
    "Token",
    "TokenKind",
    "abbreviate",
    "describe",
    "is_identifier",
    "literal_fraction",
    "relation_missing",
    "tokenize",
    "unexpected",
]

#: Longest accepted input, in characters.
MAX_INPUT_LENGTH = 20_000
#: Most digits in the mantissa of a number literal, and largest ``|n|`` in its ``e<n>`` part.
MAX_LITERAL_DIGITS = 400

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*", re.ASCII)
_NUMBER = re.compile(r"(?P<mantissa>[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE](?P<exponent>[-+]?[0-9]+))?")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_SYMBOLS = ("**", "<=", ">=", "==", "+", "-", "*", "/", "(", ")", ",", "<", ">", "=")


class TokenKind(Enum):
    """The closed set of token kinds."""

    NUMBER = "number"
    NAME = "name"
    OPERATOR = "operator"
    LPAREN = "("
    RPAREN = ")"
    COMMA = ","
    RELATION = "relation"
    ASSIGN = "="
    END = "end"


_SYMBOL_KINDS = {
    "(": TokenKind.LPAREN,
    ")": TokenKind.RPAREN,
    ",": TokenKind.COMMA,
    "=": TokenKind.ASSIGN,
    "<": TokenKind.RELATION,
    "<=": TokenKind.RELATION,
    ">": TokenKind.RELATION,
    ">=": TokenKind.RELATION,
    "==": TokenKind.RELATION,
}


@dataclass(frozen=True)
class Token:
    """One token: its kind, its exact source text and its 0-based character offset."""

    kind: TokenKind
    text: str
    pos: int


def abbreviate(text: str, limit: int = 30) -> str:
    """Shorten ``text`` for an error message, keeping its start and its length.

    >>> abbreviate("1" * 50)
    '111111111111...(50 characters)'
    """
    return text if len(text) <= limit else f"{text[:12]}...({len(text)} characters)"


def is_identifier(text: str) -> bool:
    """Return whether ``text`` is a valid symcond name.

    A name is ASCII letters, digits and underscores, starts with a letter, contains no
    ``__`` and is not a Python keyword.  Constant names such as ``pi`` are valid names.

    >>> [is_identifier(s) for s in ("tau_in", "v_F", "_x", "a__b", "2x", "lambda", "tau\u0430")]
    [True, True, False, False, False, False, False]
    """
    return _IDENTIFIER.fullmatch(text) is not None and "__" not in text and not keyword.iskeyword(text)


def literal_fraction(text: str) -> tuple[int, int]:
    """Return the exact value of a validated number literal as ``(numerator, denominator)``.

    >>> literal_fraction("1.25e-27")
    (125, 100000000000000000000000000000)
    >>> literal_fraction("0007e-" + "0" * 5000 + "2")
    (7, 100)
    """
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise ValueError(f"not a number literal: {text!r}")
    whole, _, decimals = match["mantissa"].partition(".")
    shift = _integer(match["exponent"] or "0") - len(decimals)
    mantissa = _integer(whole + decimals)
    return (mantissa * 10**shift, 1) if shift >= 0 else (mantissa, 10**-shift)


def _integer(digits: str) -> int:
    """``int(digits)`` for a signed digit string, ignoring leading zeros.

    Python refuses to convert strings of more than ``sys.get_int_max_str_digits()`` digits,
    and ``1e0000...05`` is a valid, small literal.
    """
    sign = -1 if digits.startswith("-") else 1
    return sign * int(digits.lstrip("+-").lstrip("0") or "0")


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens, ending with an ``END`` token.

    Raises
    ------
    ParseError
        On empty or over-long input, a character outside the grammar, an invalid name,
        or an over-long number literal.
    """
    if len(text) > MAX_INPUT_LENGTH:
        raise ParseError(f"expression has {len(text)} characters, more than the limit of {MAX_INPUT_LENGTH}")
    if not text.strip():
        raise ParseError("empty expression")
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        space = _SPACE.match(text, pos)
        if space:
            pos = space.end()
            continue
        token = _next_token(text, pos)
        tokens.append(token)
        pos += len(token.text)
    tokens.append(Token(TokenKind.END, "", len(text)))
    return tokens


def _next_token(text: str, pos: int) -> Token:
    """Read the one token starting at ``pos``."""
    number = _NUMBER.match(text, pos)
    if number:
        _check_literal(number, pos)
        return Token(TokenKind.NUMBER, number.group(), pos)
    name = _NAME.match(text, pos)
    if name:
        _check_name(name.group(), pos)
        return Token(TokenKind.NAME, name.group(), pos)
    for symbol in _SYMBOLS:
        if text.startswith(symbol, pos):
            return Token(_SYMBOL_KINDS.get(symbol, TokenKind.OPERATOR), symbol, pos)
    raise ParseError(_bad_character(text[pos], pos), position=pos)


def _bad_character(char: str, pos: int) -> str:
    """Return the error message for a character outside the grammar."""
    if char == "^":
        return f"'^' at position {pos} is not an operator; use '**' for powers"
    return f"character {char!r} (U+{ord(char):04X}) is not allowed at position {pos}"


def _check_name(name: str, pos: int) -> None:
    """Reject names that start with '_', contain '__' or are Python keywords."""
    if name.startswith("_"):
        raise ParseError(f"name {abbreviate(name)!r} at position {pos} must start with a letter", position=pos)
    if "__" in name:
        raise ParseError(f"name {abbreviate(name)!r} at position {pos} must not contain '__'", position=pos)
    if keyword.iskeyword(name):
        raise ParseError(f"name {name!r} at position {pos} is a Python keyword", position=pos)


def _check_literal(match: re.Match[str], pos: int) -> None:
    """Reject number literals with too many digits or too large a decimal exponent."""
    shown = abbreviate(match.group())
    digits = len(match["mantissa"]) - ("." in match["mantissa"])
    if digits > MAX_LITERAL_DIGITS:
        raise ParseError(f"number {shown!r} at position {pos} has more than {MAX_LITERAL_DIGITS} digits", position=pos)
    exponent = (match["exponent"] or "0").lstrip("+-").lstrip("0")
    if len(exponent) > len(str(MAX_LITERAL_DIGITS)) or int(exponent or "0") > MAX_LITERAL_DIGITS:
        raise ParseError(
            f"number {shown!r} at position {pos} has a decimal exponent beyond {MAX_LITERAL_DIGITS} in magnitude"
        )


def describe(token: Token) -> str:
    """Name a token and its position for a message."""
    shown = "end of input" if token.kind is TokenKind.END else repr(abbreviate(token.text))
    return f"{shown} at position {token.pos}"


def unexpected(token: Token) -> str:
    """Message for a token that cannot appear where it was found."""
    if token.kind is TokenKind.END:
        return f"unexpected end of expression at position {token.pos}"
    if token.kind in (TokenKind.NAME, TokenKind.NUMBER, TokenKind.LPAREN):
        return f"missing operator before {abbreviate(token.text)!r} at position {token.pos}"
    return f"unexpected {token.text!r} at position {token.pos}"


def relation_missing(token: Token) -> str:
    """Message for a relation without a relational operator where one is needed."""
    if token.kind is TokenKind.END:
        return "relation needs one of '<', '<=', '>', '>=', '==' (got none)"
    if token.kind is TokenKind.ASSIGN:
        return f"unexpected '=' at position {token.pos}; use '==' for equality"
    return unexpected(token)
