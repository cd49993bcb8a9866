"""The draft's LaTeX expression grammar (lark, LALR) and its transformer to SymPy.

One side of a relation is tokenized by :func:`symcond.draft.latex.tokenize` and parsed by the
grammar below; the tree is turned into SymPy objects node by node (no text is ever evaluated).
Symbols are made by a ``namer`` callable from their key (``base|sub|sup|accent``).

>>> import sympy
>>> namer = lambda key: sympy.Symbol(key.replace("|", "_").strip("_"), positive=True)
>>> parse_side(r"\\frac{\\pi^2 k_B^4}{60\\hbar^3c^2}", namer)
pi**2*k_B**4/(60*c**2*hbar**3)
>>> parse_side(r"\\sqrt[3]{x}\\,\\zeta(3) + \\Gamma\\left(\\tfrac{1}{2}\\right)", namer)
x**(1/3)*zeta(3) + sqrt(pi)
>>> parse_side(r"\\mathrm{e}^{-E/k_{\\rm B}T}", namer)
exp(-E/(T*k_B))
"""

from __future__ import annotations

from collections.abc import Callable

import sympy
from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError, VisitError
from lark.lexer import Lexer

from symcond.draft.labels import Powers, label_key, mean_key
from symcond.draft.latex import tokenize
from symcond.errors import ParseError

__all__ = ["GRAMMAR", "parse_side"]

GRAMMAR = r"""
?start: sum
?sum: signed
    | sum PLUS signed      -> add
    | sum MINUS signed     -> sub
?signed: term
    | MINUS signed         -> neg
    | PLUS signed
?term: product
    | term CDOT product    -> mul
    | term SLASH product   -> div
?product: power
    | product power        -> mul
?power: atom
    | atom CARET exponent  -> pow
?exponent: LBRACE sum RBRACE
    | NUMBER | NAME | PI
    | MINUS exponent       -> neg
?atom: natom
    | LPAR sum RPAR
    | FUNC LPAR sum RPAR                        -> func
    | FUNC npower                               -> func
    | FUNC CARET exponent npower                -> func_power
    | FUNC CARET exponent LPAR sum RPAR         -> func_power
?npower: natom
    | natom CARET exponent -> pow
?natom: NAME               -> name
    | NUMBER               -> number
    | PI                   -> pi
    | EULER                -> euler
    | INF                  -> infinity
    | LBRACE sum RBRACE
    | LSQB sum RSQB
    | BAR sum BAR          -> abs
    | FRAC LBRACE sum RBRACE LBRACE sum RBRACE  -> frac
    | SQRT LBRACE sum RBRACE                    -> sqrt
    | SQRT LSQB sum RSQB LBRACE sum RBRACE      -> root
    | INT LBRACE sum RBRACE LBRACE sum RBRACE sum DIFF  -> integral

%declare PLUS MINUS CDOT SLASH CARET NUMBER NAME PI EULER INF LBRACE RBRACE LPAR RPAR LSQB RSQB BAR FRAC SQRT FUNC
%declare COMMA INT DIFF
"""


class _TokenLexer(Lexer):
    """Hands lark the tokens of :func:`~symcond.draft.latex.tokenize`."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, data: list[Token], *args: object) -> list[Token]:  # type: ignore[override]
        return data


_PARSER = Lark(GRAMMAR, parser="lalr", lexer=_TokenLexer)


@v_args(inline=True)
class _ToSympy(Transformer):  # type: ignore[type-arg]
    """Parse tree -> SymPy, with symbols from ``namer``."""

    def __init__(self, namer: Callable[[str], sympy.Expr], powers: Powers | None = None) -> None:
        super().__init__()
        self.namer = namer
        self.powers = powers
        self.keys: dict[sympy.Expr, str] = {}  # symbol -> its key, for G^{m} read as a label

    def _named(self, key: str) -> sympy.Expr:
        symbol = self.namer(key)
        self.keys.setdefault(symbol, key)
        return symbol

    def __default_token__(self, token: Token) -> object:
        return token

    def _clean(self, items: tuple[object, ...]) -> list[sympy.Expr]:
        return [x for x in items if not isinstance(x, Token)]

    def sum(self, *items: object) -> sympy.Expr:  # braces and parentheses: the inner sum
        return self._clean(items)[0]

    exponent = atom = natom = npower = start = sum

    def add(self, a: sympy.Expr, _op: Token, b: sympy.Expr) -> sympy.Expr:
        return a + b

    def sub(self, a: sympy.Expr, _op: Token, b: sympy.Expr) -> sympy.Expr:
        return a - b

    def neg(self, _op: Token, a: sympy.Expr) -> sympy.Expr:
        return -a

    def signed(self, _op: Token, a: sympy.Expr) -> sympy.Expr:
        return a

    def mul(self, *items: object) -> sympy.Expr:
        a, b = self._clean(items)
        return a * b

    def div(self, a: sympy.Expr, _op: Token, b: sympy.Expr) -> sympy.Expr:
        return a / b

    def pow(self, base: sympy.Expr, _op: Token, exponent: object) -> sympy.Expr:
        value = self._value(exponent)
        if base == sympy.E or (self.keys.get(base) == "e|||" and not (value.is_Integer and value > 0)):
            return sympy.exp(value)  # e^{-x}: Euler's number unless raised to a positive whole power
        label = self._label(base, value)
        if label is not None:
            return label
        if isinstance(base, sympy.Symbol) and isinstance(value, sympy.Symbol):
            raise ValueError(f"{base}^{value}: a label (G^{{m}}, D_0^{{e}}) or a power? not drafted")
        return base**value

    def _label(self, base: sympy.Expr, value: sympy.Expr) -> sympy.Expr | None:
        """``G^{m}`` as the symbol G_m, ``\\overline{v_x}'^2`` as the average of v_x'^2, by the document's
        :class:`~symcond.draft.labels.Powers`; None for a power."""
        key = self.keys.get(base, "") if isinstance(base, sympy.Symbol) else ""
        found = None
        if key and value.is_Integer:
            found = mean_key(key, int(value), self.powers)
        elif key and isinstance(value, sympy.Symbol):
            found = label_key(key, self.keys.get(value, ""), self.powers)
        if found is None:
            return None
        getattr(self.namer, "release", lambda _symbol: None)(base)  # G is not a symbol of G^{m}: not declared
        return self._named(found)

    def _value(self, item: object) -> sympy.Expr:
        if isinstance(item, Token):
            return {"NUMBER": lambda: sympy.Rational(str(item)), "NAME": lambda: self._named(str(item)),
                    "PI": lambda: sympy.pi}[item.type]()
        if isinstance(item, list):
            return self._clean(tuple(item))[0]
        return item  # type: ignore[return-value]

    def name(self, token: Token) -> sympy.Expr:
        return self._named(str(token))

    def number(self, token: Token) -> sympy.Expr:
        return sympy.Rational(str(token))

    def pi(self, _token: Token) -> sympy.Expr:
        return sympy.pi

    def euler(self, _token: Token) -> sympy.Expr:
        return sympy.E

    def infinity(self, _token: Token) -> sympy.Expr:
        return sympy.oo

    def abs(self, _a: Token, inner: sympy.Expr, _b: Token) -> sympy.Expr:
        return sympy.Abs(inner)

    def frac(self, *items: object) -> sympy.Expr:
        num, den = self._clean(items)
        return num / den

    def sqrt(self, *items: object) -> sympy.Expr:
        return sympy.sqrt(self._clean(items)[0])

    def root(self, *items: object) -> sympy.Expr:
        index, radicand = self._clean(items)
        return radicand ** (1 / index)

    def integral(self, *items: object) -> sympy.Expr:
        lower, upper, integrand = self._clean(items)
        variable = self.namer(str(items[-1]))
        if not (variable.is_positive and lower.is_extended_nonnegative and (upper - lower).is_extended_nonnegative):
            # the variable is the paper's (positive) symbol, so that a definition using it binds
            # in the integrand; over a range reaching negative values that would be wrong
            raise ValueError("an integral whose range is not within [0, oo) is not drafted (its variable would be"
                             " a real, not a positive, symbol)")
        return sympy.Integral(integrand, (variable, lower, upper))

    def func(self, *items: object) -> sympy.Expr:
        name = str(items[0])
        (argument,) = self._clean(items[1:])
        return _apply(name, argument)

    def func_power(self, func: Token, _caret: Token, exponent: object, *rest: object) -> sympy.Expr:
        (argument,) = self._clean(rest)
        return _apply(str(func), argument) ** self._value(exponent)


def _apply(name: str, argument: sympy.Expr) -> sympy.Expr:
    function = {"gamma": sympy.gamma, "zeta": sympy.zeta}.get(name) or getattr(sympy, name)
    return function(argument)  # type: ignore[no-any-return]


def parse_side(text: str, namer: Callable[[str], sympy.Expr], functions: dict[str, tuple[str, ...]] | None = None,
               powers: Powers | None = None) -> sympy.Expr:
    """The SymPy expression of one side of a relation; ParseError (one line) if it is not read.

    ``functions``: symbols defined in function notation, see :func:`~symcond.draft.latex.tokenize`;
    ``powers``: what the document raises to powers, which decides ``G^{m}`` (:mod:`symcond.draft.labels`).
    """
    tokens = tokenize(text, functions)
    if not tokens:
        raise ParseError("an empty side")
    try:
        tree = _PARSER.parse(tokens)  # type: ignore[arg-type]
        result = _ToSympy(namer, powers).transform(tree)
    except VisitError as exc:
        raise ParseError(f"cannot build {text.strip()!r}: {exc.orig_exc}") from None
    except LarkError as exc:
        found = getattr(exc, "token", None)
        where = f" at {str(found)!r}" if found is not None and str(found) else ""
        raise ParseError(f"cannot parse {text.strip()!r}{where}") from None
    if isinstance(result, Token) or not isinstance(result, sympy.Basic):
        raise ParseError(f"cannot parse {text.strip()!r}")
    return result  # type: ignore[return-value]
