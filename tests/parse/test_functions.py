"""The names an expression may use: the function whitelist, arities, constants and the limits on calls."""

from __future__ import annotations

import re

import pytest
import sympy

from symcond.errors import ParseError
from symcond.parse.caps import MAX_DEPTH
from symcond.parse.functions import (
    _ARITY,
    CONSTANTS,
    DEFAULT_FUNCTIONS,
    PLAIN_CONSTANTS,
    plain_symbol,
    positive_symbol,
)
from symcond.parse.grammar import parse_expression

x, y, z = (sympy.Symbol(name, positive=True) for name in "xyz")

ARITY_ERRORS = [
    ("sin()", "function 'sin' at position 0 takes 1 argument (got 0)"),
    ("log(x, 2, 3)", "function 'log' at position 0 takes 1 or 2 arguments (got 3)"),
    ("polylog(x)", "function 'polylog' at position 0 takes 2 arguments (got 1)"),
    ("Max()", "function 'Max' at position 0 takes at least 1 argument (got 0)"),
    ("besselj(x)", "function 'besselj' at position 0 takes 2 arguments (got 1)"),
    ("1 + atan2(y)", "function 'atan2' at position 4 takes 2 arguments (got 1)"),
    ("LambertW(x, 0, 1)", "function 'LambertW' at position 0 takes 1 or 2 arguments (got 3)"),
    ("factorial(x, y)", "function 'factorial' at position 0 takes 1 argument (got 2)"),
    ("polygamma(x)", "function 'polygamma' at position 0 takes 2 arguments (got 1)"),
    ("E1(1, x)", "function 'E1' at position 0 takes 1 argument (got 2)"),
]

#: Each function of the vocabulary, called as a paper writes it, and what it builds.
VOCABULARY = [
    ("erf(x)", sympy.erf(x)), ("erfc(x)", sympy.erfc(x)), ("erfi(x)", sympy.erfi(x)),
    ("erfinv(x/9)", sympy.erfinv(x / 9)), ("fresnels(x)", sympy.fresnels(x)), ("fresnelc(x)", sympy.fresnelc(x)),
    ("cot(x)", sympy.cot(x)), ("sec(x)", sympy.sec(x)), ("csc(x)", sympy.csc(x)),
    ("acot(x)", sympy.acot(x)), ("asec(x)", sympy.asec(x)), ("acsc(x)", sympy.acsc(x)),
    ("atan2(y, x)", sympy.atan2(y, x)),
    ("Integral(exp(-t*y), t, 0, oo)",
     sympy.Integral(sympy.exp(-sympy.Symbol("t", real=True) * y), (sympy.Symbol("t", real=True), 0, sympy.oo))),
    ("coth(x)", sympy.coth(x)), ("sech(x)", sympy.sech(x)), ("csch(x)", sympy.csch(x)),
    ("asinh(x)", sympy.asinh(x)), ("acosh(x)", sympy.acosh(x)), ("atanh(x)", sympy.atanh(x)),
    ("acoth(x)", sympy.acoth(x)), ("asech(x)", sympy.asech(x)), ("acsch(x)", sympy.acsch(x)),
    ("loggamma(x)", sympy.loggamma(x)), ("digamma(x)", sympy.polygamma(0, x)), ("trigamma(x)", sympy.polygamma(1, x)),
    ("polygamma(2, x)", sympy.polygamma(2, x)), ("beta(x, y)", sympy.beta(x, y)),
    ("uppergamma(x, y)", sympy.uppergamma(x, y)), ("lowergamma(x, y)", sympy.lowergamma(x, y)),
    ("factorial(x)", sympy.factorial(x)), ("binomial(x, y)", sympy.binomial(x, y)),
    ("Ei(x)", sympy.Ei(x)), ("E1(x)", sympy.expint(1, x)), ("expint(y, x)", sympy.expint(y, x)),
    ("Si(x)", sympy.Si(x)), ("Ci(x)", sympy.Ci(x)), ("Shi(x)", sympy.Shi(x)), ("Chi(x)", sympy.Chi(x)),
    ("li(x)", sympy.li(x)),
    ("besselj(y, x)", sympy.besselj(y, x)), ("bessely(y, x)", sympy.bessely(y, x)),
    ("besseli(y, x)", sympy.besseli(y, x)), ("besselk(y, x)", sympy.besselk(y, x)),
    ("dirichlet_eta(x)", sympy.dirichlet_eta(x)), ("dirichlet_eta(x, y)", sympy.dirichlet_eta(x, y)),
    ("sign(x - y)", sympy.sign(x - y)), ("LambertW(x)", sympy.LambertW(x)),
    ("LambertW(-x, -1)", sympy.LambertW(-x, -1)),
    ("factorial(5) + binomial(10, 3)", sympy.Integer(240)), ("gamma(1/2)", sympy.sqrt(sympy.pi)),
]

CALL_LIMIT_ERRORS = [
    ("exp(2000*log(x))", "exponent 2000 at position 0 exceeds the limit of 1000 in magnitude"),
    ("gamma(101)", "argument 101 of 'gamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("zeta(2, 1000)", "argument 1000 of 'zeta' at position 0 exceeds the limit of 100 in magnitude"),
    ("polylog(-1000, x)", "argument -1000 of 'polylog' at position 0 exceeds the limit of 100 in magnitude"),
    ("sin(exp(1e300/2))", "argument 5e299 of 'exp' at position 4 exceeds the limit of 10000 in magnitude"),
    ("exp(exp(10))", "argument exp(10) of 'exp' at position 0 exceeds the limit of 10000 in magnitude"),
    ("cosh(-10001)", "argument -10001 of 'cosh' at position 0 exceeds the limit of 10000 in magnitude"),
    ("factorial(10**9)", "argument 1000000000 of 'factorial' at position 0 exceeds the limit of 100 in magnitude"),
    ("binomial(x, 10**9)", "argument 1000000000 of 'binomial' at position 0 exceeds the limit of 100 in magnitude"),
    ("gamma(10**9 + 1/2)", "argument 2000000001/2 of 'gamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("loggamma(-101)", "argument -101 of 'loggamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("digamma(10**9)", "argument 1000000000 of 'digamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("trigamma(10**9)", "argument 1000000000 of 'trigamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("polygamma(10**9, x)", "argument 1000000000 of 'polygamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("polygamma(3, 10**9)", "argument 1000000000 of 'polygamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("beta(2, 10**9)", "argument 1000000000 of 'beta' at position 0 exceeds the limit of 100 in magnitude"),
    ("uppergamma(10**6, x)", "argument 1000000 of 'uppergamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("lowergamma(10**6, 1)", "argument 1000000 of 'lowergamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("expint(-200, x)", "argument -200 of 'expint' at position 0 exceeds the limit of 100 in magnitude"),
    ("besselj(10**9, x)", "argument 1000000000 of 'besselj' at position 0 exceeds the limit of 100 in magnitude"),
    ("besselk(201/2, x)", "argument 201/2 of 'besselk' at position 0 exceeds the limit of 100 in magnitude"),
    ("dirichlet_eta(10**6)", "argument 1000000 of 'dirichlet_eta' at position 0 exceeds the limit of 100 in magnitude"),
    ("sin(Ei(10**9))", "argument 1000000000 of 'Ei' at position 4 exceeds the limit of 10000 in magnitude"),
    ("Shi(-20000)", "argument -20000 of 'Shi' at position 0 exceeds the limit of 10000 in magnitude"),
    ("E1(10**5)", "argument 100000 of 'E1' at position 0 exceeds the limit of 10000 in magnitude"),
    ("sech(10**5)", "argument 100000 of 'sech' at position 0 exceeds the limit of 10000 in magnitude"),
    ("uppergamma(1, 10**9)",
     "argument 1000000000 of 'uppergamma' at position 0 exceeds the limit of 10000 in magnitude"),
    ("besseli(0, 10**5)", "argument 100000 of 'besseli' at position 0 exceeds the limit of 10000 in magnitude"),
    ("erfc(10**9)", "argument 1000000000 of 'erfc' at position 0 exceeds the limit of 100 in magnitude"),
    ("erfi(101)", "argument 101 of 'erfi' at position 0 exceeds the limit of 100 in magnitude"),
    ("erf(exp(5))", "argument exp(5) of 'erf' at position 0 exceeds the limit of 100 in magnitude"),
    (
        "expint(1/2, expint(1/2, expint(1/2, expint(1/2, expint(1/2, expint(1/2, expint(1/2, expint(1/2,"
        " x + y) + y) + y) + y) + y) + y) + y) + y)",
        "'expint' at position 0 repeats its arguments into 6978 nodes in one expression, more than the limit of 5000",
    ),
    (
        "uppergamma(100, uppergamma(100, x + y + z))",
        "'uppergamma' at position 0 repeats its arguments into 80599 nodes in one expression,"
        " more than the limit of 5000",
    ),
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


def test_e_and_i_are_names_by_default() -> None:
    """Without the plain-maths resolver E, I and EulerGamma are positive symbols (an energy, a current)."""
    names = sympy.symbols("E I EulerGamma", positive=True)
    assert parse_expression("E + I + EulerGamma") == sum(names)


def test_plain_resolver_knows_e_i_and_euler_gamma() -> None:
    """With plain_symbol, E, I and EulerGamma are SymPy's constants and other names positive symbols."""
    assert dict(PLAIN_CONSTANTS) == {"E": sympy.E, "I": sympy.I, "EulerGamma": sympy.EulerGamma}
    assert parse_expression("log(E**x) + I**2 + digamma(1) + EulerGamma", plain_symbol) == x - 1


def test_euler_number_and_imaginary_unit_have_spellings_in_every_mode() -> None:
    """exp(1) and sqrt(-1) are Euler's number and the imaginary unit whatever the resolver."""
    assert parse_expression("exp(1)*sqrt(-1)") == sympy.E * sympy.I


@pytest.mark.parametrize(("text", "expected"), VOCABULARY, ids=lambda v: str(v)[:24])
def test_vocabulary_function_parses_to_its_sympy_function(text: str, expected: sympy.Expr) -> None:
    """Each function of the vocabulary parses with its arity to the SymPy function of that name."""
    assert parse_expression(text) == expected


def test_vocabulary_is_whole() -> None:
    """Every whitelisted function is in the vocabulary table or was whitelisted before it."""
    older = {"sqrt", "exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos", "atan", "Abs", "abs",
             "zeta", "gamma", "Min", "Max", "Heaviside", "polylog"}
    tested = {text.partition("(")[0] for text, _ in VOCABULARY}
    assert set(DEFAULT_FUNCTIONS) == older | tested


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
    special = {"zeta": "zeta({} + y, 2)", "Min": "Min({} + y, z)", "expint": "expint(2, {} + y)",
               "Integral": "Integral({} + y, t, 0, 1)"}
    unary = _ARITY[DEFAULT_FUNCTIONS[name]][0] == 1
    template = special.get(name, f"{name}({{}} + y)" if unary else f"{name}(1/2, {{}} + y)")
    text = "x"
    for _ in range(MAX_DEPTH):
        text = template.format(text)
    expr = parse_expression(text)
    assert sympy.sstr(expr) and sympy.srepr(expr) and expr.free_symbols <= {x, y, z}


def test_integral_variable_is_real_inside_the_integrand() -> None:
    """In Integral(f, x, a, b) the name x is a real symbol while f is read: sqrt(x**2) stays |x|."""
    t = sympy.Symbol("t", real=True)
    assert parse_expression("Integral(sqrt(t**2), t, -1, 1) + sqrt(t**2)") == (
        sympy.Integral(sympy.Abs(t), (t, -1, 1)) + sympy.Symbol("t", positive=True))


@pytest.mark.parametrize(("text", "message"), [
    ("Integral(x, x, 0, x)", "the limits of an Integral cannot contain its variable x"),
    ("Integral(x, 2*x, 0, 1)", "the variable of an Integral must be a name"),
    ("Integral(x, x, 0)", "function 'Integral' at position 0 takes 4 arguments (got 3)"),
])
def test_bad_integrals_are_parse_errors(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)):
        parse_expression(text)
