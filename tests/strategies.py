"""Shared hypothesis strategies for the symcond test-suite.

Expressions are built directly with SymPy (never from strings) over positive symbols, so
they match what :func:`symcond.parse.grammar.parse_expression` produces with its default resolver.
"""

from __future__ import annotations

import keyword
from fractions import Fraction

import sympy
from hypothesis import strategies as st

__all__ = [
    "DANGEROUS_TOKENS",
    "VALID_TOKENS",
    "expressions",
    "hostile_texts",
    "identifiers",
    "positive_expressions",
    "positive_symbols",
    "rationals",
]

#: Names the parser maps to constants; they never name a symbol.
CONSTANT_NAMES = frozenset({"pi", "oo"})

#: Fragments of code injection, Python syntax and look-alike characters.
DANGEROUS_TOKENS = (
    *("_", ".", "[", "]", "'", '"', ";", ":", "{", "}", "@", "#", "!", "\\", "^", "`", "$", "=", "=="),
    *("lambda", "import", "__", "os", "system", "eval", "exec", "open", "getattr", "__import__", "__class__"),
    *("__builtins__", "globals", "subprocess", "for", "if", "def", "None", "True", "x(", "1(", "2x"),
    *("\x00", "\u0430", "\u00a0", "\u2212", "\u00b2", "\uff58", "\U0001d465"),
)
#: Tokens of the grammar itself, so glued texts often get deep into the parser.
VALID_TOKENS = (
    *("x", "y", "tau_in", "e", "pi", "oo", "1", "2", "0", "9", ".5", "1e3", "1.25e-27", "10", "99"),
    *("+", "-", "*", "/", "**", "(", ")", ",", " ", "\n", "\t"),
    *("sqrt(", "exp(", "log(", "sin(", "Abs(", "polylog(", "zeta(", "gamma(", "Min(", "Heaviside(", "tan("),
)

#: Names used by physics-flavoured expressions; they collide often, so terms combine.
PHYSICS_NAMES = ("x", "y", "tau_in", "L", "v_F", "e", "N", "E", "Gamma")


def identifiers() -> st.SearchStrategy[str]:
    """Valid symcond names: ASCII letter first, then letters/digits/underscores, no ``__``."""
    return st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True).filter(
        lambda name: "__" not in name and not keyword.iskeyword(name) and name not in CONSTANT_NAMES
    )


def positive_symbols() -> st.SearchStrategy[sympy.Symbol]:
    """Positive symbols, mostly from a small pool of physics names."""
    names = st.one_of(st.sampled_from(PHYSICS_NAMES), identifiers())
    return names.map(lambda name: sympy.Symbol(name, positive=True))


def rationals(max_numerator: int = 30, max_denominator: int = 12, positive: bool = False) -> st.SearchStrategy:
    """Small exact rationals as SymPy numbers (strictly positive if ``positive``)."""
    low = 1 if positive else -max_numerator
    fractions = st.fractions(min_value=low, max_value=max_numerator, max_denominator=max_denominator)
    return fractions.filter(lambda f: f != 0 or not positive).map(lambda f: sympy.Rational(f.numerator, f.denominator))


def positive_expressions(max_leaves: int = 6) -> st.SearchStrategy[sympy.Expr]:
    """Sums, products and rational powers of positive symbols and positive rationals."""
    exponents = st.sampled_from([Fraction(1, 2), Fraction(3, 2), Fraction(-1, 2), Fraction(1, 3), 2, -1, 3])

    def extend(children: st.SearchStrategy[sympy.Expr]) -> st.SearchStrategy[sympy.Expr]:
        return st.one_of(
            st.tuples(children, children).map(lambda ab: ab[0] + ab[1]),
            st.tuples(children, children).map(lambda ab: ab[0] * ab[1]),
            st.tuples(children, exponents).map(lambda be: be[0] ** sympy.Rational(be[1])),
        )

    leaves = st.one_of(positive_symbols(), positive_symbols(), rationals(positive=True))
    return st.recursive(leaves, extend, max_leaves=max_leaves)


def _applied_function(args: st.SearchStrategy[sympy.Expr]) -> st.SearchStrategy[sympy.Expr]:
    """A whitelisted function applied to positive arguments that contain a symbol."""
    symbolic = args.filter(lambda a: bool(a.free_symbols))
    unary = st.sampled_from(
        [
            *(sympy.sqrt, sympy.exp, sympy.log, sympy.sin, sympy.cos, sympy.tan, sympy.sinh, sympy.cosh, sympy.tanh),
            *(sympy.asin, sympy.acos, sympy.atan, sympy.Abs, sympy.gamma, sympy.zeta, sympy.Heaviside),
        ]
    )
    orders = st.sampled_from([sympy.Rational(1, 2), sympy.Rational(3, 2), sympy.Rational(5, 2)])
    return st.one_of(
        st.tuples(unary, symbolic).map(lambda fa: fa[0](fa[1])),
        st.tuples(orders, symbolic).map(lambda sz: sympy.polylog(sz[0], sz[1])),
        st.tuples(st.sampled_from([sympy.Min, sympy.Max]), symbolic, args).map(lambda fab: fab[0](fab[1], fab[2])),
    )


def expressions(max_leaves: int = 10) -> st.SearchStrategy[sympy.Expr]:
    """SymPy expressions in the parser's language that print (``sympy.sstr``) unambiguously.

    Fractional powers only act on positive bases and functions only on positive symbolic
    arguments, so no ``I`` appears; results containing ``E`` (which would print as a name),
    ``zoo``, ``nan`` or infinities are filtered out.
    """
    integer_exponents = st.integers(min_value=-3, max_value=4).map(sympy.Integer)

    def extend(children: st.SearchStrategy[sympy.Expr]) -> st.SearchStrategy[sympy.Expr]:
        return st.one_of(
            st.tuples(children, children).map(lambda ab: ab[0] + ab[1]),
            st.tuples(children, children).map(lambda ab: ab[0] - ab[1]),
            st.tuples(children, children).map(lambda ab: ab[0] * ab[1]),
            st.tuples(children, children.filter(lambda b: b != 0)).map(lambda ab: ab[0] / ab[1]),
            st.tuples(children, integer_exponents).map(lambda be: be[0] ** be[1]),
        )

    leaves = st.one_of(
        positive_symbols(), rationals(), positive_expressions(4), _applied_function(positive_expressions(4))
    )
    bad = (sympy.E, sympy.I, sympy.zoo, sympy.nan, sympy.oo, sympy.S.NegativeInfinity)
    return st.recursive(leaves, extend, max_leaves=max_leaves).filter(lambda e: not e.has(*bad))


def hostile_texts(max_tokens: int = 30) -> st.SearchStrategy[str]:
    """Strings glued from :data:`VALID_TOKENS` and :data:`DANGEROUS_TOKENS`, or arbitrary text."""
    token = st.one_of(st.sampled_from(VALID_TOKENS), st.sampled_from(VALID_TOKENS), st.sampled_from(DANGEROUS_TOKENS))
    glued = st.lists(token, max_size=max_tokens).map("".join)
    return st.one_of(glued, glued, st.text(max_size=40))
