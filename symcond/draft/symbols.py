"""Symbols of a draft: LaTeX keys mapped to the registry by their LaTeX form, the rest declared.

A key is ``base|sub|sup|accent`` (:mod:`symcond.draft.latex`).  Registry quantities are found by
the key of their own LaTeX (``\\varepsilon_0`` -> ``eps0``, ``k_B`` -> ``k_B``, ``m^*`` -> ``m_star``),
except the generic letters a paper may mean otherwise (``R`` is not the gas constant, ``G`` not
Newton's constant): those, and every other symbol, are the paper's own and are declared.

>>> table = SymbolTable()
>>> [table.symbol(k).name for k in ("k|B|||", "varepsilon|0|||", "epsilon|0|||", "G||qp|", "N|||bar", "R|||")]
['k_B', 'eps0', 'eps0', 'G_qp', 'N_bar', 'R']
>>> sorted(table.registry_names()), sorted(table.own_names())
(['eps0', 'k_B'], ['G_qp', 'N_bar', 'R'])
"""

from __future__ import annotations

import keyword
import re

import sympy

from symcond.draft.latex import tokenize
from symcond.errors import ParseError
from symcond.quantities.registry import DEFAULT, Registry

__all__ = ["RESERVED", "SymbolTable"]

#: Registry names not taken from a bare letter: papers use these letters for their own quantities.
_GENERIC = frozenset("q m W s f N Gamma eta mu eps l v tau lam R F b_Wien G_N h_s m_r".split())
#: Names the drafted file binds itself (imports, ``paper``): a symbol never takes one of them.
RESERVED = frozenset("paper Abs Eq Ge Gt Le Lt Rational Symbol acos asin atan cos cosh exp log oo pi sin sinh sqrt "
                     "tan tanh zeta gamma erf erfc E I S N Paper Expect Step".split())
#: LaTeX spellings of one symbol.
_ALIASES = {"epsilon": "varepsilon", "hslash": "hbar", "lambda": "lambda"}


def _registry_keys(registry: Registry) -> dict[str, str]:
    """Key of each registry quantity's LaTeX -> its name."""
    keys: dict[str, str] = {}
    for quantity in registry:
        if quantity.name in _GENERIC:
            continue
        try:
            tokens = tokenize(quantity.latex)
        except ParseError:
            continue
        if len(tokens) == 1 and tokens[0].type == "NAME":
            keys.setdefault(str(tokens[0].value), quantity.name)
    return keys


def _python_name(key: str) -> str:
    base, sub, sup, accent = key.split("|")
    base = {"lambda": "lam", "varepsilon": "eps", "epsilon": "eps", "varphi": "phi", "vartheta": "theta"}.get(base,
                                                                                                          base)
    name = "_".join(part for part in (base, sub, sup, accent) if part)
    name = re.sub(r"\W", "", name.encode("ascii", "ignore").decode()) or "x"
    if not name[0].isalpha():
        name = "x" + name
    return name


class SymbolTable:
    """Symbols met while drafting, in order: registry quantities and the paper's own."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or DEFAULT
        self._registry_keys = _registry_keys(self.registry)
        self._symbols: dict[str, sympy.Symbol] = {}
        self._own: dict[str, str] = {}  # name -> latex
        self._from_registry: list[str] = []

    def symbol(self, key: str) -> sympy.Symbol:
        """The symbol of a key (made, and remembered, on first use)."""
        base, sub, sup, accent = ([*key.split("|"), "", "", "", ""])[:4]
        key = "|".join((_ALIASES.get(base, base), sub, sup, accent))
        if key in self._symbols:
            return self._symbols[key]
        name = self._registry_keys.get(key)
        if name is not None:
            symbol = self.registry.symbol(name)
            if name not in self._from_registry:
                self._from_registry.append(name)
        else:
            name = _python_name(key)
            taken = set(self._own) | set(self._registry_keys.values()) | RESERVED
            while name in taken or keyword.iskeyword(name):
                name += "_"
            symbol = sympy.Symbol(name, positive=True)
            self._own[name] = _latex(key)
        self._symbols[key] = symbol
        return symbol

    def __call__(self, key: str) -> sympy.Symbol:
        return self.symbol(key)

    def registry_names(self) -> list[str]:
        """Registry quantities used, in order of first use."""
        return list(self._from_registry)

    def own_names(self) -> dict[str, str]:
        """The paper's own symbols, name -> LaTeX, in order of first use."""
        return dict(self._own)

    def is_own(self, symbol: sympy.Basic) -> bool:
        """True for a symbol the paper declares itself."""
        return isinstance(symbol, sympy.Symbol) and symbol.name in self._own


def _latex(key: str) -> str:
    base, sub, sup, accent = key.split("|")
    text = "\\" + base if len(base) > 1 else base
    if accent:
        text = {"bar": r"\overline", "hat": r"\hat", "tilde": r"\tilde", "dot": r"\dot", "ddot": r"\ddot",
                "vec": r"\vec"}[accent] + "{" + text + "}"
    if sub:
        text += "_{" + (r"\mathrm{" + sub + "}" if len(sub) > 1 and sub.isalpha() else sub) + "}"
    if sup:
        text += "^{" + {"star": "*", "p": r"\prime", "dag": r"\dagger"}.get(sup, sup) + "}"
    return text
