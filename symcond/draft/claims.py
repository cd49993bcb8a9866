"""Relations of display math -> drafted claims (or TODOs with the reason).

A chain ``a = b = c`` gives one equality per adjacent pair; ``\\le``, ``<``, ``\\ge``, ``>`` give
inequalities; ``\\approx`` with a number (and a unit) gives a value claim; a new symbol of the
paper alone on the left of its first appearance is a definition, passed as a given to the claims
that use it.  Anything else is a :class:`Drafted` with ``todo`` set: never a guessed claim.

>>> from symcond.draft.sources import Display
>>> [d.kind for d in draft_claims([Display(r"R_K = \\frac{h}{e^2} \\approx 25812.807\\,\\Omega", "1", "", "")])]
['equality', 'value']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sympy

from symcond.draft.grammar import parse_side
from symcond.draft.latex import RELATIONS
from symcond.draft.sources import Display
from symcond.draft.symbols import SymbolTable
from symcond.errors import SymcondError
from symcond.quantities.dimensions import dimension_of
from symcond.quantities.units import parse_unit

__all__ = ["Drafted", "draft_claims"]

_RELATION = re.compile(r"\\(?:leqslant|geqslant|lesssim|gtrsim|coloneqq|approx|simeq|equiv|propto|rightarrow|leq|geq|"
                       r"neq|sim|le|ge|ne|ll|gg|to)(?![A-Za-z])|:=|<|>|=")
_SEPARATOR = re.compile(r"\s*,?\s*\\q?quad\s*(?:\\(?:text|mathrm)\{\s*(?:and|or)\s*\}\s*\\q?quad)?\s*")
_INEQUALITY = {"<": "<", "<=": "<=", ">": ">", ">=": ">="}
_TRAILING = re.compile(r"(?:\\[,;:! ]|\\q?quad|\s|[.,;])+\Z")
_NUMBER = re.compile(r"\s*(-?\d+(?:\.\d+)?)(?:\s*(?:\\times|\\cdot)\s*10\^\{?\s*(-?\d+)\s*\}?)?\s*(.*)\Z", re.S)


@dataclass(frozen=True)
class Drafted:
    """One drafted line of the derivation file: a claim, a definition, or a TODO."""

    kind: str  # "equality", "inequality", "value", "definition", "todo"
    id: str
    where: str
    latex: str
    sentence: str = ""
    lhs: sympy.Expr | None = None
    rhs: sympy.Expr | None = None
    relation: str = ""
    stated: str = ""
    unit: str = ""
    givens: dict[sympy.Symbol, sympy.Expr] = field(default_factory=dict)
    todo: str = ""


def _split(math: str) -> tuple[list[str], list[str]]:
    """Sides and relation kinds of a chain, split at relations outside braces and parentheses."""
    sides, relations, depth, start, i = [], [], 0, 0, 0
    while i < len(math):
        ch = math[i]
        if ch == "\\" and math.startswith(("\\left", "\\right"), i):
            i += 6 if math.startswith("\\right", i) else 5
            i += 1  # the delimiter after it is never a relation
            continue
        depth += {"{": 1, "}": -1, "(": 1, ")": -1}.get(ch, 0)
        found = _RELATION.match(math, i) if depth == 0 else None
        if found:
            sides.append(math[start:i])
            relations.append(RELATIONS.get(found.group(0), found.group(0)))
            start = i = found.end()
            continue
        i += 1 + (len(m.group(0)) - 1 if (m := re.match(r"\\[A-Za-z]+", math[i:])) else 0)
    sides.append(math[start:])
    return [s.strip() for s in sides], relations


def _unit(text: str) -> str | None:
    """A unit written in LaTeX as :func:`~symcond.quantities.units.parse_unit` reads it, or None."""
    text = re.sub(r"\\(mathrm|text|textrm|rm|mbox)\b", " ", text)
    text = text.replace(r"\Omega", "ohm").replace(r"\mu", "u").replace(r"\,", " ").replace("~", " ")
    text = re.sub(r"\\[;:! ]", " ", text)
    text = re.sub(r"\s*\^\s*", "^", " ".join(text.replace("{", " ").replace("}", " ").split()))
    if not text:
        return ""
    if "\\" in text:
        return None
    try:
        parse_unit(text)
    except SymcondError:
        return None
    return text


class _Drafter:
    def __init__(self, table: SymbolTable) -> None:
        self.table = table
        self.seen: set[sympy.Symbol] = set()
        self.definitions: dict[sympy.Symbol, sympy.Expr] = {}
        self.out: list[Drafted] = []
        self.ids: set[str] = set()

    def givens(self, *exprs: sympy.Expr) -> dict[sympy.Symbol, sympy.Expr]:
        """The definitions the expressions use, with those the definitions use in turn."""
        wanted: dict[sympy.Symbol, sympy.Expr] = {}
        todo = set().union(*(e.free_symbols for e in exprs))
        while todo:
            symbol = todo.pop()
            if symbol in self.definitions and symbol not in wanted:
                wanted[symbol] = self.definitions[symbol]  # type: ignore[index]
                todo |= self.definitions[symbol].free_symbols  # type: ignore[index]
        return wanted

    def new_id(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}.{n}"
        self.ids.add(candidate)
        return candidate

    def line(self, display: Display, math: str, base: str, where: str) -> None:
        common: dict[str, Any] = {"where": where, "latex": display.math, "sentence": display.sentence}
        math = _TRAILING.sub("", math)  # the sentence's full stop or comma inside the display
        sides, relations = _split(math)
        if not relations:
            self.out.append(Drafted("todo", self.new_id(base), todo="no relation in this display", **common))
            return
        parsed: list[sympy.Expr | None] = []
        for side, relation in zip(sides, ["", *relations], strict=True):
            number = _NUMBER.match(side) if relation == "~" else None
            mantissa = re.sub(r"\\(times|cdot)", "", side[:number.start(3)]) if number else ""
            if number and re.search(r"[.]|\\times", side) and not re.search(r"[A-Za-z]", mantissa):
                parsed.append(None)  # a printed number: read below as a value
                continue
            try:
                parsed.append(parse_side(side, self.table))
            except SymcondError as exc:
                self.out.append(Drafted("todo", self.new_id(base), todo=f"not read: {exc}", **common))
                return
        for k, relation in enumerate(relations):
            lhs, rhs = parsed[k], parsed[k + 1]
            if lhs is None:
                continue
            if rhs is None:
                self.value(base, common, lhs, sides[k + 1])
                continue
            is_new = isinstance(lhs, sympy.Symbol) and self.table.is_own(lhs) and lhs not in self.seen
            if relation in ("=", ":=") and k == 0 and is_new and lhs not in rhs.free_symbols:
                self.definitions[lhs] = rhs  # type: ignore[index]
                self.out.append(Drafted("definition", base, lhs=lhs, rhs=rhs, **common))
            elif relation in ("=", ":="):
                self.out.append(Drafted("equality", self.new_id(base), lhs=lhs, rhs=rhs,
                                        givens=self.givens(lhs, rhs), **common))
            elif relation in _INEQUALITY:
                self.out.append(Drafted("inequality", self.new_id(base), lhs=lhs, rhs=rhs, relation=relation,
                                        givens=self.givens(lhs, rhs), **common))
            else:
                reason = {"~": "an approximation between two expressions (state its regime)",
                          "to": "a limit arrow (write it as paper.limit)"}.get(relation, f"the relation {relation!r}")
                self.out.append(Drafted("todo", self.new_id(base), todo=f"not drafted: {reason}", **common))
            self.seen |= lhs.free_symbols | rhs.free_symbols

    def value(self, base: str, common: dict[str, Any], expr: sympy.Expr, side: str) -> None:
        found = _NUMBER.match(side)
        assert found is not None
        stated = found.group(1) + (f"e{found.group(2)}" if found.group(2) else "")
        unit = _unit(found.group(3))
        unknown = sorted(s.name for s in self.givens_free(expr) if self.table.is_own(s))
        if unit is None:
            self.out.append(Drafted("todo", self.new_id(base), todo=f"unit not read: {found.group(3)!r}", **common))
        elif unknown:
            self.out.append(Drafted("todo", self.new_id(base), todo=f"a value of {', '.join(unknown)} is needed to"
                                    f" check the printed number {stated}", **common))
        else:
            self.out.append(Drafted("value", self.new_id(base), lhs=expr, stated=stated, unit=unit,
                                    givens=self.givens(expr), **common))

    def givens_free(self, expr: sympy.Expr) -> set[sympy.Basic]:
        return set(expr.xreplace(self.givens(expr)).free_symbols)  # type: ignore[arg-type]


def draft_claims(found: list[Display], table: SymbolTable | None = None) -> list[Drafted]:
    """Drafted claims of the displays, in order, with ids ``eq<N>[.k]`` and ``where="Eq. (N)"``."""
    drafter = _Drafter(table or SymbolTable())
    last, unnumbered, previous_tail = "0", 0, ""
    for display in found:
        number = display.number
        if number is not None and re.fullmatch(r"\d+[a-z]?", number):
            base, where, last, unnumbered = f"eq{number}", f"Eq. ({number})", number, 0
        else:
            unnumbered += 1
            base = f"eq{last.rstrip('abcdefghijklmnopqrstuvwxyz') or 0}.u{unnumbered}"
            where = f"Eq. ({number})" if number else f"unnumbered display after Eq. ({last})"
        math = previous_tail + " " + display.math.lstrip("& ") if display.continued else display.math
        for piece in _SEPARATOR.split(math):  # a = b, \qquad c = d: two relations on one line
            if piece.strip():
                drafter.line(display, piece, base, where)
        sides, _ = _split(display.math)
        previous_tail = sides[-1] if sides else ""
    return drafter.out


def infer_dimensions(drafted: list[Drafted], table: SymbolTable) -> dict[str, str]:
    """Dimensions of the paper's own symbols pinned by definitions and equalities (name -> unit text)."""
    known: dict[sympy.Basic, object] = {table.registry.symbol(n): table.registry.quantity(n).dimension
                                        for n in table.registry_names()}
    for _round in range(3):
        for item in drafted:
            if item.kind not in ("definition", "equality") or item.lhs is None or item.rhs is None:
                continue
            for side, other in ((item.lhs, item.rhs), (item.rhs, item.lhs)):
                if isinstance(side, sympy.Symbol) and side not in known and table.is_own(side):
                    try:
                        dim = dimension_of(other, known.get)  # type: ignore[arg-type]
                    except SymcondError:
                        dim = None
                    if dim is not None:
                        known[side] = dim
    return {s.name: d.unit_name() if not d.is_dimensionless else "1"  # type: ignore[attr-defined]
            for s, d in known.items() if isinstance(s, sympy.Symbol) and table.is_own(s)}
