"""The names an expression may use: the function whitelist, arities, constants and the limits on calls."""

from __future__ import annotations

import pytest
import sympy

from symcond.errors import ParseError
from symcond.parse.caps import MAX_DEPTH
from symcond.parse.functions import CONSTANTS, DEFAULT_FUNCTIONS, positive_symbol
from symcond.parse.grammar import parse_expression

x, y, z = (sympy.Symbol(name, positive=True) for name in "xyz")

ARITY_ERRORS = [
    ("sin()", "function 'sin' at position 0 takes 1 argument (got 0)"),
    ("log(x, 2, 3)", "function 'log' at position 0 takes 1 or 2 arguments (got 3)"),
    ("polylog(x)", "function 'polylog' at position 0 takes 2 arguments (got 1)"),
    ("Max()", "function 'Max' at position 0 takes at least 1 argument (got 0)"),
]

CALL_LIMIT_ERRORS = [
    ("exp(2000*log(x))", "exponent 2000 at position 0 exceeds the limit of 1000 in magnitude"),
    ("gamma(101)", "argument 101 of 'gamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("zeta(2, 1000)", "argument 1000 of 'zeta' at position 0 exceeds the limit of 100 in magnitude"),
    ("polylog(-1000, x)", "argument -1000 of 'polylog' at position 0 exceeds the limit of 100 in magnitude"),
    ("sin(exp(1e300/2))", "argument 5e299 of 'exp' at position 4 exceeds the limit of 10000 in magnitude"),
    ("exp(exp(10))", "argument exp(10) of 'exp' at position 0 exceeds the limit of 10000 in magnitude"),
    ("cosh(-10001)", "argument -10001 of 'cosh' at position 0 exceeds the limit of 10000 in magnitude"),
    (
        "Max(" + ",".join(f"x{k}" for k in range(21)) + ")",
        "'Max' at position 0 makes Max and Min compare 210 pairs of arguments in one expression,"
        " more than the limit of 200",
    ),
    (
        "Min(" + ",".join(f"x{k}" for k in range(3000)) + ")",
        "'Min' at position 0 makes Max and Min compare 4498500 pairs of arguments in one expression,"
        " more than the limit of 200",
    ),
    (
        "+".join("Min(" + ",".join(f"x{g}_{k}" for k in range(16)) + ")" for g in range(150)),
        "'Min' at position 91 makes Max and Min compare 240 pairs of arguments in one expression,"
        " more than the limit of 200",
    ),
]


def test_constants_and_default_resolution() -> None:
    """pi and oo are SymPy's constants; every other name is a positive symbol by default."""
    assert dict(CONSTANTS) == {"pi": sympy.pi, "oo": sympy.oo}
    assert positive_symbol("x") == x


def test_empty_function_table_rejects_every_call() -> None:
    """With functions={} no call is allowed and the message says so."""
    with pytest.raises(ParseError) as info:
        parse_expression("sqrt(x)", functions={})
    assert str(info.value) == "unknown function 'sqrt' at position 0; allowed: none"


def test_extra_function_can_be_whitelisted() -> None:
    """A caller may extend the whitelist with its own SymPy function."""
    f = sympy.Function("f")
    assert parse_expression("f(x, 2)", functions={**DEFAULT_FUNCTIONS, "f": f}) == f(x, 2)


def test_unknown_function_lists_the_whitelist() -> None:
    """Calling a name outside the whitelist names it and lists what is allowed."""
    allowed = ", ".join(sorted(DEFAULT_FUNCTIONS))
    with pytest.raises(ParseError) as info:
        parse_expression("x(2)")
    assert str(info.value) == f"unknown function 'x' at position 0; allowed: {allowed}"


@pytest.mark.parametrize(("text", "message"), ARITY_ERRORS)
def test_arity_error_message(text: str, message: str) -> None:
    """A whitelisted function called with the wrong number of arguments names what it takes."""
    with pytest.raises(ParseError) as info:
        parse_expression(text)
    assert str(info.value) == message


@pytest.mark.parametrize(("text", "message"), CALL_LIMIT_ERRORS, ids=lambda v: str(v)[:30])
def test_call_limit_message(text: str, message: str) -> None:
    """Calls beyond a limit on their arguments or on the Max/Min work fail with ParseError before any blow-up."""
    with pytest.raises(ParseError) as info:
        parse_expression(text)
    assert str(info.value) == message


@pytest.mark.parametrize(("text", "expected"), [("exp(-oo)", sympy.S.Zero), ("exp(10000)", sympy.exp(10000))],
                         ids=str)
def test_calls_at_the_limits_parse(text: str, expected: sympy.Expr) -> None:
    """The limit of exp arguments is inclusive; infinities are exempt."""
    assert parse_expression(text) == expected


@pytest.mark.parametrize("name", sorted(DEFAULT_FUNCTIONS))
def test_deepest_accepted_nesting_is_usable_by_sympy(name: str) -> None:
    """A whitelisted function nested MAX_DEPTH deep around a sum parses and prints without RecursionError."""
    template = {"polylog": "polylog(1/2, {} + y)", "zeta": "zeta({} + y, 2)", "Min": "Min({} + y, z)"}
    text = "x"
    for _ in range(MAX_DEPTH):
        text = template.get(name, f"{name}({{}} + y)").format(text)
    expr = parse_expression(text)
    assert sympy.sstr(expr) and sympy.srepr(expr) and expr.free_symbols <= {x, y, z}
