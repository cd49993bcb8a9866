"""The safe expression parser: grammar, exact SymPy results, error messages, limits, safety."""

from __future__ import annotations

import builtins
import contextlib
from collections.abc import Iterator
from unittest import mock

import pytest
import sympy
from hypothesis import given, seed, settings

from symcond.errors import ParseError
from symcond.parse.grammar import (
    DEFAULT_FUNCTIONS,
    MAX_DEPTH,
    MAX_INPUT_LENGTH,
    is_identifier,
    parse_assignment,
    parse_expression,
    parse_relation,
)
from tests.strategies import expressions, hostile_texts, identifiers

P = {
    name: sympy.Symbol(name, positive=True)
    for name in "e N tau m L Gamma h_s h l tau_in tau_el v_F eta x y z a b c d".split()
}
e, N, tau, m, L, Gamma, h_s, h, l, tau_in, tau_el, v_F, eta, x, y, z, a, b, c, d = P.values()
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

EXPRESSION_ERRORS = [
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
    ("1,2", "unexpected ',' at position 1"),
    ("x)", "unexpected ')' at position 1"),
    ("(x", "missing ')' for the '(' at position 0"),
    ("x +", "unexpected end of expression at position 3"),
    ("x y", "missing operator before 'y' at position 2"),
    ("2x", "missing operator before 'x' at position 1"),
    ("x = y", "unexpected '=' at position 2"),
    ("x <= y", "unexpected '<=' at position 2"),
    ("sin(x,)", "unexpected ')' at position 6"),
    ("sin()", "function 'sin' at position 0 takes 1 argument (got 0)"),
    ("log(x, 2, 3)", "function 'log' at position 0 takes 1 or 2 arguments (got 3)"),
    ("polylog(x)", "function 'polylog' at position 0 takes 2 arguments (got 1)"),
    ("Max()", "function 'Max' at position 0 takes at least 1 argument (got 0)"),
    ("1/0", "division by zero at position 1"),
    ("x/(y - y)", "division by zero at position 1"),
    ("0**-1", "division by zero at position 1"),
    ("oo - oo", "expression is undefined (it contains nan)"),
    ("tan(pi/2)", "expression is undefined (it contains zoo)"),
    ("sin(oo)", "expression is undefined (it contains AccumBounds)"),
    ("1" * 401, "number '111111111111...(401 characters)' at position 0 has more than 400 digits"),
    ("1e401", "number '1e401' at position 0 has a decimal exponent beyond 400 in magnitude"),
    (
        "1e-" + "9" * 40,
        "number '1e-999999999...(43 characters)' at position 0 has a decimal exponent beyond 400 in magnitude",
    ),
]

LIMIT_ERRORS = [
    ("10**10**10", "exponent 10000000000 at position 2 exceeds the limit of 1000 in magnitude"),
    ("(10**10)**(10**10)", "exponent 10000000000 at position 8 exceeds the limit of 1000 in magnitude"),
    ("2**(2**(2**(2**2)))", "exponent 65536 at position 1 exceeds the limit of 1000 in magnitude"),
    ("9**9**9", "exponent 387420489 at position 1 exceeds the limit of 1000 in magnitude"),
    ("x**100000", "exponent 100000 at position 1 exceeds the limit of 1000 in magnitude"),
    ("x**(y + 5000)", "exponent y + 5000 at position 1 exceeds the limit of 1000 in magnitude"),
    ("(x**600)*(x**600)", "exponent 1200 at position 8 exceeds the limit of 1000 in magnitude"),
    ("exp(2000*log(x))", "exponent 2000 at position 0 exceeds the limit of 1000 in magnitude"),
    ("10**1000", "exponent 1000 at position 2 would make a number of about 1001 digits, more than the limit of 1000"),
    ("(10**999)*(10**999)", "number of about 1999 digits at position 9 exceeds the limit of 1000"),
    ("gamma(101)", "argument 101 of 'gamma' at position 0 exceeds the limit of 100 in magnitude"),
    ("zeta(2, 1000)", "argument 1000 of 'zeta' at position 0 exceeds the limit of 100 in magnitude"),
    ("polylog(-1000, x)", "argument -1000 of 'polylog' at position 0 exceeds the limit of 100 in magnitude"),
    ("(" * 10_000 + "x" + ")" * 9_999, f"expression nests deeper than {MAX_DEPTH} levels at position {MAX_DEPTH}"),
    ("-" * 10_000 + "x", f"expression nests deeper than {MAX_DEPTH} levels at position {MAX_DEPTH}"),
    ("x" * (MAX_INPUT_LENGTH + 1), "expression has 20001 characters, more than the limit of 20000"),
    (
        "+".join(f"1/(10**999 + {k})" for k in range(1, 12)),
        "the sum at position 15 combines numbers of more than 10000 digits in total",
    ),
    ("*".join(["9" * 400] * 26), "the product at position 400 combines numbers of more than 10000 digits in total"),
    ("Max(2**1e-400, 3**1e-400)", "exponent 1e-400 at position 5 takes a root of degree 1e400 of a number,"
     " more than the limit of 1000"),
    ("Min((1 + sqrt(-2))**1000, 2)", "exponent 1000 at position 18 raises a number that may not be real to a power"
     " beyond the limit of 100 in magnitude"),
    ("sin(exp(1e300/2))", "argument 5e299 of 'exp' at position 4 exceeds the limit of 10000 in magnitude"),
    ("exp(exp(10))", "argument exp(10) of 'exp' at position 0 exceeds the limit of 10000 in magnitude"),
    ("cosh(-10001)", "argument -10001 of 'cosh' at position 0 exceeds the limit of 10000 in magnitude"),
    ("x**(oo - oo)", "exponent nan at position 1 is undefined"),
    ("log(x, tanh(1001)) - y", "SymPy cannot print the expression (ZeroDivisionError)"),
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


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_valid_expression_gives_exact_sympy_structure(text: str, expected: sympy.Expr) -> None:
    """Each valid input parses to exactly the SymPy expression built by hand."""
    assert parse_expression(text) == expected


@pytest.mark.parametrize(("text", "expected"), PRECEDENCE)
def test_precedence_and_associativity_follow_python(text: str, expected: sympy.Expr) -> None:
    """Operators bind and associate as in Python (the reference is Python's own parse)."""
    assert parse_expression(text) == expected


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


def test_empty_function_table_rejects_every_call() -> None:
    """With functions={} no call is allowed and the message says so."""
    with pytest.raises(ParseError) as info:
        parse_expression("sqrt(x)", functions={})
    assert str(info.value) == "unknown function 'sqrt' at position 0; allowed: none"


def test_extra_function_can_be_whitelisted() -> None:
    """A caller may extend the whitelist with its own SymPy function."""
    f = sympy.Function("f")
    assert parse_expression("f(x, 2)", functions={**DEFAULT_FUNCTIONS, "f": f}) == f(x, 2)


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


def test_unknown_function_lists_the_whitelist() -> None:
    """Calling a name outside the whitelist names it and lists what is allowed."""
    allowed = ", ".join(sorted(DEFAULT_FUNCTIONS))
    with pytest.raises(ParseError) as info:
        parse_expression("x(2)")
    assert str(info.value) == f"unknown function 'x' at position 0; allowed: {allowed}"


@pytest.mark.parametrize(("text", "message"), EXPRESSION_ERRORS)
def test_expression_error_message(text: str, message: str) -> None:
    """Each class of bad input gives its exact one-line message."""
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
    ("exp(-oo)", sympy.S.Zero), ("exp(10000)", sympy.exp(10000)), ("2**(1/1000)", 2 ** sympy.Rational(1, 1000)),
    ("(1 + sqrt(-2))**100", (1 + sympy.sqrt(-2)) ** 100), ("(pi + sqrt(2))**1000", (sympy.pi + sympy.sqrt(2)) ** 1000),
], ids=str)
def test_values_at_the_numeric_limits_parse(text: str, expected: sympy.Expr) -> None:
    """Limits of exp arguments, root degrees and powers of non-real numbers are inclusive; infinities are exempt."""
    assert parse_expression(text) == expected


def test_nesting_exactly_at_the_limit_parses() -> None:
    """MAX_DEPTH nested parentheses are accepted; one more is not."""
    assert parse_expression("(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH) == x
    with pytest.raises(ParseError, match="nests deeper"):
        parse_expression("(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1))


@pytest.mark.parametrize("name", sorted(DEFAULT_FUNCTIONS))
def test_deepest_accepted_nesting_is_usable_by_sympy(name: str) -> None:
    """A whitelisted function nested MAX_DEPTH deep around a sum parses and prints without RecursionError."""
    template = {"polylog": "polylog(1/2, {} + y)", "zeta": "zeta({} + y, 2)", "Min": "Min({} + y, z)"}
    text = "x"
    for _ in range(MAX_DEPTH):
        text = template.get(name, f"{name}({{}} + y)").format(text)
    expr = parse_expression(text)
    assert sympy.sstr(expr) and sympy.srepr(expr) and expr.free_symbols <= {x, y, z}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tau_in<=tau_el", sympy.Le(tau_in, tau_el)),
        ("tau_in < tau_el", sympy.Lt(tau_in, tau_el)),
        ("x >= 2*y", sympy.Ge(x, 2 * y)),
        ("x > y", sympy.Gt(x, y)),
        ("x == y", sympy.Eq(x, y)),
    ],
)
def test_relation_table(text: str, expected: sympy.core.relational.Relational) -> None:
    """Each relational operator gives the matching SymPy relation."""
    assert parse_relation(text) == expected


def test_equality_may_have_a_non_real_side() -> None:
    """Only orderings need real sides: x == sqrt(-1) is a (false) equation, not an error."""
    assert parse_relation("x == sqrt(-1)") == sympy.Eq(x, sympy.I, evaluate=False)


def test_relation_is_not_evaluated() -> None:
    """A relation between numbers stays a Relational instead of becoming True."""
    relation = parse_relation("1 < 2")
    assert isinstance(relation, sympy.core.relational.Relational) and relation.args == (1, 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x", "relation needs one of '<', '<=', '>', '>=', '==' (got none)"),
        ("a < b < c", "relation has a second relational operator '<' at position 6"),
        ("a = b", "unexpected '=' at position 2; use '==' for equality"),
        ("a => b", "unexpected '=' at position 2; use '==' for equality"),
        ("a != b", "character '!' (U+0021) is not allowed at position 2"),
        ("a <= ", "unexpected end of expression at position 5"),
        ("a <= b)", "unexpected ')' at position 6"),
        ("x<sqrt(-1)", "relation 'x<sqrt(-1)' compares with the non-real value I; '<', '<=', '>', '>=' need real,"
         " finite sides"),
        ("2*sqrt(-x) >= x", "relation '2*sqrt(-x) >= x' compares with the non-real value 2*I*sqrt(x); '<', '<=',"
         " '>', '>=' need real, finite sides"),
        ("x < oo", "relation 'x < oo' compares with the infinite value oo; '<', '<=', '>', '>=' need real, finite"
         " sides"),
        ("-oo<=x", "relation '-oo<=x' compares with the infinite value -oo; '<', '<=', '>', '>=' need real, finite"
         " sides"),
        ("1/2 > polylog(oo, -101)", "relation '1/2 > polylog(oo, -101)': cannot tell whether polylog(oo, -101) is"
         " real (ZeroDivisionError)"),
        ("x > Max(y, oo)", "relation 'x > Max(y, oo)' compares with the infinite value oo; '<', '<=', '>', '>='"
         " need real, finite sides"),
    ],
)
def test_relation_error_message(text: str, message: str) -> None:
    """Malformed relations give their exact one-line message."""
    with pytest.raises(ParseError) as info:
        parse_relation(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Gamma=l/L", ("Gamma", l / L)), (" tau = 2*x ", ("tau", 2 * x)), ("pi_0=1", ("pi_0", sympy.Integer(1)))],
)
def test_assignment_table(text: str, expected: tuple[str, sympy.Expr]) -> None:
    """NAME=EXPR gives the name and the parsed expression."""
    assert parse_assignment(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x", "assignment must have the form NAME=EXPR (got end of input at position 1)"),
        ("x+y=3", "assignment must have the form NAME=EXPR (got '+' at position 1)"),
        ("f(x)=3", "assignment must have the form NAME=EXPR (got '(' at position 1)"),
        ("2=x", "assignment must start with a name (got '2' at position 0)"),
        ("x==3", "use a single '=' in an assignment (got '==' at position 1)"),
        ("x=y=3", "unexpected '=' at position 3"),
        ("x=", "unexpected end of expression at position 2"),
        ("pi=3", "cannot assign to the constant 'pi'"),
        ("__class__=3", "name '__class__' at position 0 must start with a letter"),
    ],
)
def test_assignment_error_message(text: str, message: str) -> None:
    """Malformed assignments give their exact one-line message."""
    with pytest.raises(ParseError) as info:
        parse_assignment(text)
    assert str(info.value) == message


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


# --------------------------------------------------------------------------- safety
_FORBIDDEN_MODULES = {"os", "subprocess", "sys", "shutil", "socket", "importlib", "pickle", "ctypes", "builtins"}
_ALLOWED_HEADS = {
    *(func for func in DEFAULT_FUNCTIONS.values() if isinstance(func, type)),
    *(sympy.Add, sympy.Mul, sympy.Pow, sympy.polylog, sympy.dirichlet_eta),
}


@contextlib.contextmanager
def _nothing_may_run() -> Iterator[None]:
    """Make eval/exec/compile, string parsing in SymPy and imports of system modules fail loudly."""
    real_import = builtins.__import__

    def guarded_import(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] in _FORBIDDEN_MODULES:
            raise AssertionError(f"parsing imported {name}")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsing tried to execute or parse code")

    with contextlib.ExitStack() as stack:
        for attribute in ("eval", "exec", "compile"):
            stack.enter_context(mock.patch.object(builtins, attribute, forbidden))
        stack.enter_context(mock.patch.object(builtins, "__import__", guarded_import))
        stack.enter_context(mock.patch("sympy.parsing.sympy_parser.parse_expr", forbidden))
        yield


def _only_allowed_nodes(expr: sympy.Expr) -> bool:
    """Whether every node is a symbol, a number or a whitelisted operation/function."""
    return all(
        node.is_Symbol or (node.is_number and node.is_Atom) or type(node) in _ALLOWED_HEADS
        for node in sympy.preorder_traversal(expr)
    )


def test_code_injection_is_rejected_and_not_run(tmp_path) -> None:
    """A classic injection string is a ParseError and its side effect never happens."""
    sentinel = tmp_path / "pwned"
    with _nothing_may_run(), pytest.raises(ParseError):
        parse_expression(f"__import__('os').system('touch {sentinel}')")
    assert not sentinel.exists()


@seed(20260502)
@settings(max_examples=300, deadline=None)
@given(hostile_texts())
def test_hostile_text_parses_safely_or_raises_parse_error(text: str) -> None:
    """Arbitrary hostile text gives a plain expression or a ParseError, and executes nothing."""
    with _nothing_may_run():
        try:
            expr = parse_expression(text)
        except ParseError:
            return
    assert isinstance(expr, sympy.Expr) and _only_allowed_nodes(expr)


@seed(20260503)
@settings(max_examples=80, deadline=None)
@given(expressions(max_leaves=8))
def test_printed_expression_parses_back_to_itself(expr: sympy.Expr) -> None:
    """parse_expression(sympy.sstr(expr)) equals expr (structurally, else after simplify)."""
    parsed = parse_expression(sympy.sstr(expr))
    assert parsed == expr or sympy.simplify(parsed - expr) == 0
