"""The tokenizer: characters, names and number literals allowed in an expression, and their messages."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, seed, settings

from symcond.errors import ParseError
from symcond.parse.grammar import parse_expression
from symcond.parse.tokenize import MAX_INPUT_LENGTH, is_identifier
from tests.strategies import identifiers

TOKEN_ERRORS = [
    ("", "empty expression"),
    (" \t\n", "empty expression"),
    ("x^2", "'^' at position 1 is not an operator; use '**' for powers"),
    ("tau\u0430", "character '\u0430' (U+0430) is not allowed at position 3"),
    ("x\u00a0+ y", "character '\\xa0' (U+00A0) is not allowed at position 1"),
    ("x.__class__", "character '.' (U+002E) is not allowed at position 1"),
    ("x[0]", "character '[' (U+005B) is not allowed at position 1"),
    ("{x}", "character '{' (U+007B) is not allowed at position 0"),
    ("a:b", "character ':' (U+003A) is not allowed at position 1"),
    ("'x'", 'character "\'" (U+0027) is not allowed at position 0'),
    ('"x"', "character '\"' (U+0022) is not allowed at position 0"),
    ("x@y", "character '@' (U+0040) is not allowed at position 1"),
    ("x;y", "character ';' (U+003B) is not allowed at position 1"),
    ("a\\b", "character '\\\\' (U+005C) is not allowed at position 1"),
    ("lambda: 1", "name 'lambda' at position 0 is a Python keyword"),
    ("import os", "name 'import' at position 0 is a Python keyword"),
    ("x for x", "name 'for' at position 2 is a Python keyword"),
    ("x if y", "name 'if' at position 2 is a Python keyword"),
    ("__import__", "name '__import__' at position 0 must start with a letter"),
    ("_x", "name '_x' at position 0 must start with a letter"),
    ("a__b", "name 'a__b' at position 0 must not contain '__'"),
    ("1" * 401, "number '111111111111...(401 characters)' at position 0 has more than 400 digits"),
    ("1e401", "number '1e401' at position 0 has a decimal exponent beyond 400 in magnitude"),
    (
        "1e-" + "9" * 40,
        "number '1e-999999999...(43 characters)' at position 0 has a decimal exponent beyond 400 in magnitude",
    ),
    ("x" * (MAX_INPUT_LENGTH + 1), "expression has 20001 characters, more than the limit of 20000"),
]


@pytest.mark.parametrize(("text", "message"), TOKEN_ERRORS, ids=lambda v: str(v)[:30])
def test_token_error_message(text: str, message: str) -> None:
    """Each character, name or literal outside the grammar gives its exact one-line message."""
    with pytest.raises(ParseError) as info:
        parse_expression(text)
    assert str(info.value) == message


def test_decimal_literals_stay_exact() -> None:
    """A decimal literal becomes a Rational, never a Float."""
    assert isinstance(parse_expression("0.1"), sympy.Rational)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1e" + "0" * 5000 + "5", sympy.Integer(10**5)), ("1e-" + "0" * 5000 + "400", sympy.Rational(1, 10**400)),
     ("2.5e+" + "0" * 5000, sympy.Rational(5, 2))],
    ids=["exponent 5", "exponent -400", "exponent 0"],
)
def test_exponent_with_thousands_of_leading_zeros_is_exact(text: str, expected: sympy.Expr) -> None:
    """Leading zeros of an exponent do not count: no ValueError from Python's int-to-str digit limit."""
    assert parse_expression(text) == expected


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        *[("tau_in", True), ("v_F", True), ("x2", True), ("pi", True), ("a_", True), ("_x", False)],
        *[("a__b", False), ("2x", False), ("lambda", False), ("None", False), ("tau\u0430", False), ("", False)],
        ("a b", False),
    ],
)
def test_is_identifier_table(text: str, valid: bool) -> None:
    """is_identifier accepts ASCII names that start with a letter and are not keywords."""
    assert is_identifier(text) is valid


@seed(20260501)
@settings(max_examples=60, deadline=None)
@given(identifiers())
def test_every_generated_identifier_parses_to_its_symbol(name: str) -> None:
    """Any valid name parses to the positive symbol of that name."""
    assert is_identifier(name) and parse_expression(name) == sympy.Symbol(name, positive=True)
