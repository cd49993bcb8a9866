"""The limits on numbers and powers: exponents, digits, sums and products, undefined and unprintable results."""

from __future__ import annotations

import pytest
import sympy

from symcond.errors import ParseError
from symcond.parse.caps import MAX_EXPRESSION_NODES, _check_size, _scientific, _tree_size
from symcond.parse.grammar import parse_expression

NUMBER_ERRORS = [
    ("1/0", "division by zero at position 1"),
    ("x/(y - y)", "division by zero at position 1"),
    ("0**-1", "division by zero at position 1"),
    ("oo - oo", "expression is undefined (it contains nan)"),
    ("tan(pi/2)", "expression is undefined (it contains zoo)"),
    ("sin(oo)", "expression is undefined (it contains AccumBounds)"),
]

LIMIT_ERRORS = [
    ("10**10**10", "exponent 10000000000 at position 2 exceeds the limit of 1000 in magnitude"),
    ("(10**10)**(10**10)", "exponent 10000000000 at position 8 exceeds the limit of 1000 in magnitude"),
    ("2**(2**(2**(2**2)))", "exponent 65536 at position 1 exceeds the limit of 1000 in magnitude"),
    ("9**9**9", "exponent 387420489 at position 1 exceeds the limit of 1000 in magnitude"),
    ("x**100000", "exponent 100000 at position 1 exceeds the limit of 1000 in magnitude"),
    ("x**(y + 5000)", "exponent y + 5000 at position 1 exceeds the limit of 1000 in magnitude"),
    ("(x**600)*(x**600)", "exponent 1200 at position 8 exceeds the limit of 1000 in magnitude"),
    ("10**1000", "exponent 1000 at position 2 would make a number of about 1001 digits, more than the limit of 1000"),
    ("(10**999)*(10**999)", "number of about 1999 digits at position 9 exceeds the limit of 1000"),
    (
        "+".join(f"1/(10**999 + {k})" for k in range(1, 12)),
        "the sum at position 15 combines numbers of more than 10000 digits in total",
    ),
    ("*".join(["9" * 400] * 26), "the product at position 400 combines numbers of more than 10000 digits in total"),
    ("Max(2**1e-400, 3**1e-400)", "exponent 1e-400 at position 5 takes a root of degree 1e400 of a number,"
     " more than the limit of 1000"),
    ("Min((1 + sqrt(-2))**1000, 2)", "exponent 1000 at position 18 raises a number that may not be real to a power"
     " beyond the limit of 100 in magnitude"),
    ("x**(oo - oo)", "exponent nan at position 1 is undefined"),
    ("log(x, tanh(1001)) - y", "SymPy cannot print the expression (ZeroDivisionError)"),
]


@pytest.mark.parametrize(("text", "message"), NUMBER_ERRORS)
def test_division_by_zero_and_undefined_results(text: str, message: str) -> None:
    """A division by zero or an undefined value (nan, zoo, AccumBounds) gives its exact one-line message."""
    with pytest.raises(ParseError) as info:
        parse_expression(text)
    assert str(info.value) == message


@pytest.mark.parametrize(("text", "message"), LIMIT_ERRORS, ids=lambda v: str(v)[:30])
def test_resource_limit_message(text: str, message: str) -> None:
    """Inputs beyond a resource limit fail with ParseError before any blow-up."""
    with pytest.raises(ParseError) as info:
        parse_expression(text)
    assert str(info.value) == message


@pytest.mark.parametrize(("text", "expected"), [
    ("2**(1/1000)", 2 ** sympy.Rational(1, 1000)), ("(1 + sqrt(-2))**100", (1 + sympy.sqrt(-2)) ** 100),
    ("(pi + sqrt(2))**1000", (sympy.pi + sympy.sqrt(2)) ** 1000),
], ids=str)
def test_values_at_the_numeric_limits_parse(text: str, expected: sympy.Expr) -> None:
    """Limits of root degrees and powers of non-real numbers are inclusive."""
    assert parse_expression(text) == expected


def test_failing_custom_function_becomes_parse_error() -> None:
    """An exception raised while applying a whitelisted function is reported as a ParseError."""

    def picky(arg: sympy.Expr) -> sympy.Expr:
        raise ValueError("argument must be a number\nsecond line of detail")

    with pytest.raises(ParseError) as info:
        parse_expression("2*f(x)", functions={"f": picky})
    assert str(info.value) == "cannot evaluate the expression at position 2: argument must be a number"


def test_sympy_error_masked_as_attribute_error_becomes_parse_error() -> None:
    """SymPy turns a TypeError in asin(sin(-2**1000)) into an AttributeError (was exit 70); the TypeError is shown."""
    with pytest.raises(ParseError) as info:
        parse_expression("asin(sin(-(2**1000)))")
    assert str(info.value) == (
        "cannot evaluate the expression at position 0: cannot determine truth value of Relational:"
        " 10715086071862673209484250490600018105614048117055336..."
    )


@pytest.mark.parametrize(("value", "shown"), [
    (sympy.Integer(10) ** 100, "1e100"), (-(sympy.Integer(10) ** 100) - 1, "~-1e100"),
    (sympy.Rational(1, 10**400), "1e-400"), (sympy.Integer(3) ** 700, "~9.66e333"),
    (sympy.Integer(10) ** 30 - 1, "~1e30"),
], ids=str)
def test_large_numbers_are_shown_in_scientific_notation(value: sympy.Rational, shown: str) -> None:
    """Messages show a huge or tiny number as a mantissa of three digits, with '~' when not exact."""
    assert _scientific(value) == shown


def test_tree_size_counts_every_occurrence_of_a_shared_subexpression() -> None:
    """A subexpression used twice counts twice, as SymPy's tree walks visit it twice."""
    x = sympy.Symbol("x", positive=True)
    inner = sympy.sin(x + 1)
    assert _tree_size(inner, {}) == 4 and _tree_size(sympy.exp(inner) * inner, {}) == 10


def test_tree_beyond_the_node_limit_is_refused() -> None:
    """A freshly built node whose tree exceeds MAX_EXPRESSION_NODES is a one-line ParseError."""
    big = sympy.Add(*sympy.symbols(f"x0:{MAX_EXPRESSION_NODES}"))
    with pytest.raises(ParseError) as info:
        _check_size(big, {}, "at position 7")
    assert str(info.value) == "the expression at position 7 grows to more than 20000 nodes"
