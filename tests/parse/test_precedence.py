"""The precedence parser: exact SymPy structure, Python's precedence, names, syntax errors and nesting depth."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, seed, settings

from symcond.errors import ParseError
from symcond.parse.caps import MAX_DEPTH
from symcond.parse.grammar import parse_expression
from symcond.parse.precedence import ExpressionParser
from tests.strategies import expressions

P = {
    name: sympy.Symbol(name, positive=True)
    for name in "e N tau m L Gamma h_s h l tau_in v_F eta x y a b c d".split()
}
e, N, tau, m, L, Gamma, h_s, h, l, tau_in, v_F, eta, x, y, a, b, c, d = P.values()
half = sympy.Rational(1, 2)

VALID = [
    ("e**2*N*tau/(m*L**2)", e**2 * N * tau / (m * L**2)),
    ("e**2*N*Gamma/h_s", e**2 * N * Gamma / h_s),
    ("2*tau_in/(tau_in + L/v_F)", 2 * tau_in / (tau_in + L / v_F)),
    ("h/(2*pi)", h / (2 * sympy.pi)),
    ("polylog(1/2, -exp(eta))", sympy.polylog(half, -sympy.exp(eta))),
    ("l/L", l / L),
    ("0.5", half),
    ("1.25e-27", sympy.Rational(125, 10**29)),
    ("1E3", sympy.Integer(1000)),
    ("3.", sympy.Integer(3)),
    (".5e-3", sympy.Rational(1, 2000)),
    ("007", sympy.Integer(7)),
    ("2*x/2", x),
    ("x - x", sympy.Integer(0)),
    ("sqrt(x)", sympy.sqrt(x)),
    ("log(x)", sympy.log(x)),
    ("log(x, 2)", sympy.log(x) / sympy.log(2)),
    ("Abs(x - y)", sympy.Abs(x - y)),
    ("abs(x - y)", sympy.Abs(x - y)),
    ("Min(x, y, 1)", sympy.Min(x, y, 1)),
    ("Max(x, 2)", sympy.Max(x, 2)),
    ("Heaviside(x - y)", sympy.Heaviside(x - y)),
    ("Heaviside(x - y, 1/2)", sympy.Heaviside(x - y, half)),
    ("zeta(3/2)", sympy.zeta(sympy.Rational(3, 2))),
    ("zeta(x, 2)", sympy.zeta(x, 2)),
    ("gamma(5/2)", 3 * sympy.sqrt(sympy.pi) / 4),
    ("exp(-e/(x*y))", sympy.exp(-e / (x * y))),
    ("sin(x)**2 + cos(x)**2", sympy.sin(x) ** 2 + sympy.cos(x) ** 2),
    ("tan(x) + sinh(x) + cosh(x) + tanh(x)", sympy.tan(x) + sympy.sinh(x) + sympy.cosh(x) + sympy.tanh(x)),
    ("asin(x) + acos(x) + atan(x)", sympy.asin(x) + sympy.acos(x) + sympy.atan(x)),
    ("oo", sympy.oo),
    ("pi", sympy.pi),
    ("x\n  +\ty", x + y),
    ("2**1000", sympy.Integer(2) ** 1000),
    ("x**1000", x**1000),
    ("x**-1000", x**-1000),
    ("gamma(100)", sympy.factorial(99)),
    ("1e-400*x", x / sympy.Integer(10) ** 400),
]

PRECEDENCE = [
    ("-x**2", -(x**2)),
    ("(-x)**2", x**2),
    ("2**-1", half),
    ("2**3**2", sympy.Integer(512)),
    ("x**-y**2", x ** (-(y**2))),
    ("2**-x*y", 2 ** (-x) * y),
    ("a-b-c", a - b - c),
    ("a-(b-c)", a - b + c),
    ("a/b/c", a / (b * c)),
    ("a/b*c", a * c / b),
    ("a+b*c**d", a + b * c**d),
    ("-x*y", -x * y),
    ("+x", x),
    ("--x", x),
    ("2*-x", -2 * x),
    ("a*b+c*d", a * b + c * d),
    ("(a+b)*(c+d)", (a + b) * (c + d)),
]

SYNTAX_ERRORS = [
    ("1,2", "unexpected ',' at position 1"),
    ("x)", "unexpected ')' at position 1"),
    ("(x", "missing ')' for the '(' at position 0"),
    ("x +", "unexpected end of expression at position 3"),
    ("x y", "missing operator before 'y' at position 2"),
    ("2x", "missing operator before 'x' at position 1"),
    ("x = y", "unexpected '=' at position 2"),
    ("x <= y", "unexpected '<=' at position 2"),
    ("sin(x,)", "unexpected ')' at position 6"),
]

DEPTH_ERRORS = [
    ("(" * 10_000 + "x" + ")" * 9_999, f"expression nests deeper than {MAX_DEPTH} levels at position {MAX_DEPTH}"),
    ("-" * 10_000 + "x", f"expression nests deeper than {MAX_DEPTH} levels at position {MAX_DEPTH}"),
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_valid_expression_gives_exact_sympy_structure(text: str, expected: sympy.Expr) -> None:
    """Each valid input parses to exactly the SymPy expression built by hand."""
    assert parse_expression(text) == expected


@pytest.mark.parametrize(("text", "expected"), PRECEDENCE)
def test_precedence_and_associativity_follow_python(text: str, expected: sympy.Expr) -> None:
    """Operators bind and associate as in Python (the reference is Python's own parse)."""
    assert parse_expression(text) == expected


def test_parser_alone_parses_one_expression() -> None:
    """ExpressionParser.run(expression) is what parse_expression does with the defaults."""
    parser = ExpressionParser("a-b-c", None, None)
    assert parser.run(parser.expression) == a - b - c


def test_default_resolver_gives_positive_symbols() -> None:
    """Names resolve to positive symbols by default."""
    assert parse_expression("tau_in").is_positive is True


def test_e_is_a_symbol_not_eulers_number() -> None:
    """'E' and 'I' are ordinary symbols, not SymPy's constants."""
    assert parse_expression("E*I") == sympy.Symbol("E", positive=True) * sympy.Symbol("I", positive=True)


def test_custom_resolver_receives_names_but_not_constants() -> None:
    """The resolver sees each name, except the constants pi and oo."""
    seen: list[str] = []

    def recording(name: str) -> sympy.Expr:
        seen.append(name)
        return sympy.Symbol(name)

    parse_expression("k*pi + oo", recording)
    assert seen == ["k"]


def test_resolver_parse_error_propagates() -> None:
    """A resolver's ParseError for an unknown name reaches the caller unchanged."""

    def strict(name: str) -> sympy.Expr:
        raise ParseError(f"unknown symbol {name!r}")

    with pytest.raises(ParseError) as info:
        parse_expression("2*q", strict)
    assert str(info.value) == "unknown symbol 'q'"


def test_resolver_returning_non_expression_is_a_type_error() -> None:
    """A resolver returning something other than a sympy.Expr is a programming error."""
    with pytest.raises(TypeError) as info:
        parse_expression("x", lambda name: name)  # type: ignore[arg-type, return-value]
    assert str(info.value) == "resolver returned str for 'x', not a sympy.Expr"


@pytest.mark.parametrize(("text", "message"), SYNTAX_ERRORS)
def test_syntax_error_message(text: str, message: str) -> None:
    """Each misplaced token gives its exact one-line message."""
    with pytest.raises(ParseError) as info:
        parse_expression(text)
    assert str(info.value) == message


@pytest.mark.parametrize(("text", "message"), DEPTH_ERRORS, ids=lambda v: str(v)[:30])
def test_nesting_beyond_the_limit_message(text: str, message: str) -> None:
    """Nesting beyond MAX_DEPTH fails with ParseError before any recursion error."""
    with pytest.raises(ParseError) as info:
        parse_expression(text)
    assert str(info.value) == message


def test_nesting_exactly_at_the_limit_parses() -> None:
    """MAX_DEPTH nested parentheses are accepted; one more is not."""
    assert parse_expression("(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH) == x
    with pytest.raises(ParseError, match="nests deeper"):
        parse_expression("(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1))


@seed(20260503)
@settings(max_examples=80, deadline=None)
@given(expressions(max_leaves=8))
def test_printed_expression_parses_back_to_itself(expr: sympy.Expr) -> None:
    """parse_expression(sympy.sstr(expr)) equals expr (structurally, else after simplify)."""
    parsed = parse_expression(sympy.sstr(expr))
    assert parsed == expr or sympy.simplify(parsed - expr) == 0
