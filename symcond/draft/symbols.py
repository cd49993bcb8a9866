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

from symcond.draft.latex import GREEK, tokenize
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


_SHORT = {"lambda": "lam", "varepsilon": "eps", "epsilon": "eps", "varphi": "phi", "vartheta": "theta"}


def _python_name(key: str) -> str:
    base, sub, sup, accent = key.split("|")
    parts = [_SHORT.get(part, part) for part in (base, sub, sup, accent)]
    name = "_".join(part.replace(",", "_") for part in parts if part)
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
        self._uses: dict[str, int] = {}  # name -> times met, less the times it was the base of a label

    def symbol(self, key: str) -> sympy.Symbol:
        """The symbol of a key (made, and remembered, on first use)."""
        base, sub, sup, accent = ([*key.split("|"), "", "", "", ""])[:4]
        key = "|".join((_ALIASES.get(base, base), sub, sup, accent))
        if key in self._symbols:
            self._uses[self._symbols[key].name] += 1
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
        self._uses[symbol.name] = 1
        return symbol

    def release(self, symbol: sympy.Symbol) -> None:
        """One use of ``symbol`` was not one: it was the base ``G`` of the label ``G^{m}`` (not declared for it)."""
        self._uses[symbol.name] -= 1

    def __call__(self, key: str) -> sympy.Symbol:
        return self.symbol(key)

    def registry_names(self) -> list[str]:
        """Registry quantities used, in order of first use."""
        return [name for name in self._from_registry if self._uses[name] > 0]

    def own_names(self) -> dict[str, str]:
        """The paper's own symbols, name -> LaTeX, in order of first use."""
        return {name: latex for name, latex in self._own.items() if self._uses[name] > 0}

    def is_own(self, symbol: sympy.Basic) -> bool:
        """True for a symbol the paper declares itself."""
        return isinstance(symbol, sympy.Symbol) and symbol.name in self._own


def _word(word: str) -> str:
    """A name's word in LaTeX: ``\\delta`` for a Greek letter, ``\\mathrm{ph}`` for a word."""
    if word in GREEK:
        return "\\" + word
    return "\\mathrm{" + word + "}" if len(word) > 1 else word


def _latex(key: str) -> str:
    """The LaTeX of a key: ``G|0|e,th|`` -> ``G_{0}^{e,th}``, ``v|x|p|bar^2`` -> ``\\overline{v_{x}^{\\prime 2}}``."""
    base, sub, sup, accent = key.split("|")
    accent, _, power = accent.partition("^")
    text = " ".join(_word(word) for word in base.split())
    if sub:
        text += "_{" + ",".join(_word(w) if w in GREEK or w.isalpha() else w for w in sub.split(",")) + "}"
    sup = {"star": "*", "dag": r"\dagger"}.get(sup, r"\prime" * len(sup) if set(sup) == {"p"} else
                                             ",".join(_word(w) if w in GREEK else w for w in sup.split(",")))
    if sup or power:
        text += "^{" + " ".join(part for part in (sup, power) if part) + "}"
    if accent:
        text = {"bar": r"\overline", "hat": r"\hat", "tilde": r"\tilde", "dot": r"\dot", "ddot": r"\ddot",
                "vec": r"\vec"}[accent] + "{" + text + "}"
    return text
