"""Relations of display math -> drafted claims (or TODOs with the reason).

A chain ``a = b = c`` gives one equality per adjacent pair; ``\\le``, ``<``, ``\\ge``, ``>`` give
inequalities; ``\\approx`` with a number (and a unit), or ``=`` with a printed decimal
(``1.25\\times10^{-27}``), gives a value claim; a symbol of the paper alone on the left, not defined
before and not used by a claim before (it may appear in a TODO), is a definition, passed as a given
to the claims that use it.  Anything else is a :class:`Drafted` with ``todo`` set: never a guessed claim.

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
from symcond.draft.labels import Powers, powers_of
from symcond.draft.latex import RELATIONS, function_head
from symcond.draft.sources import Display
from symcond.draft.symbols import SymbolTable
from symcond.errors import SymcondError
from symcond.quantities.units import parse_unit

__all__ = ["Drafted", "draft_claims"]

_RELATION = re.compile(r"\\(?:leqslant|geqslant|lesssim|gtrsim|coloneqq|approx|simeq|equiv|propto|rightarrow|leq|geq|"
                       r"neq|sim|le|ge|ne|ll|gg|to)(?![A-Za-z])|:=|<|>|=")
_SEPARATOR = re.compile(r"\s*,?\s*\\q?quad\s*(?:\\(?:text|mathrm)\{\s*(?:and|or)\s*\}\s*\\q?quad)?\s*")
_INEQUALITY = {"<": "<", "<=": "<=", ">": ">", ">=": ">="}
_TRAILING = re.compile(r"(?:\\[,;:! ]|\\q?quad|\s|[.,;])+\Z")
_REGIME = re.compile(r"\s*(?:\\(?:text|mathrm|textrm)\{\s*(?:for|if|when|as)\s*\}\s*)?"
                     r"(?:\\left)?\((.*)(?:\\right)?\)\s*\Z"
                     r"|\s*\\(?:text|mathrm|textrm)\{\s*(?:for|if|when|as)\s*\}\s*(.*)\Z", re.S)
_NUMBER = re.compile(r"\s*(-?\d+(?:\.\d+)?)(?:\s*(?:\\times|\\cdot)\s*10\^\{?\s*(-?\d+)\s*\}?)?\s*(.*)\Z", re.S)


@dataclass(frozen=True)
class Drafted:
    """One drafted line of the derivation file: a claim, a definition, or a TODO."""

    kind: str  # "equality", "inequality", "value", "definition", "asymptotic", "limit", "todo"
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
    var: sympy.Symbol | None = None
    point: sympy.Expr | None = None
    note: str = ""


def _split(math: str) -> tuple[list[str], list[str]]:
    """Sides and relation kinds of a chain, split at relations outside braces and parentheses."""
    sides, relations, depth, start, i = [], [], 0, 0, 0
    while i < len(math):
        ch = math[i]
        if ch == "\\" and re.match(r"\\(left|right)(?![A-Za-z])", math[i:]):  # not \rightarrow
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
    def __init__(self, table: SymbolTable, powers: Powers | None = None) -> None:
        self.table = table
        self.powers = powers
        self.seen: set[sympy.Symbol] = set()  # symbols of drafted claims: defining one later would change them
        self.definitions: dict[sympy.Symbol, sympy.Expr] = {}
        self.out: list[Drafted] = []
        self.ids: set[str] = set()
        self.functions: dict[str, tuple[str, ...]] = {}  # symbols defined in function notation: key -> argument keys

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

    def line(self, display: Display, math: str, base: str, where: str, regime: str = "") -> None:
        common: dict[str, Any] = {"where": where, "latex": display.math, "sentence": display.sentence}
        math = _TRAILING.sub("", math)  # the sentence's full stop or comma inside the display
        sides, relations = _split(math)
        if not relations:
            self.out.append(Drafted("todo", self.new_id(base), todo="no relation in this display", **common))
            return
        parsed: list[sympy.Expr | None] = []
        head = function_head(sides[0]) if relations[0] in ("=", ":=") else None
        note = ""
        for k, (side, relation) in enumerate(zip(sides, ["", *relations], strict=True)):
            number = _NUMBER.match(side) if relation in ("~", "=") else None
            mantissa = re.sub(r"\\(times|cdot)", "", side[:number.start(3)]) if number else ""
            printed = bool(number and re.search(r"\d\.\d|\\times\s*10", side[:number.start(3)]))
            if number and relation == "=" and not number.group(3).strip() and k == 1 and self.defines(parsed[0]):
                printed = False  # gamma = 1.4 (no unit): a definition; R_K = 25812.807: a value
            if number and not re.search(r"[A-Za-z]", mantissa) and (printed or (relation == "~" and not (
                    parsed[-1] is None or parsed[-1].free_symbols))):
                parsed.append(None)  # a printed number: read below as a value
                continue
            if k == 0 and head is not None:  # u(T) = ...: the symbol u, defined as the right side
                symbol = self.table(head[0])
                if not (self.table.is_own(symbol) and symbol not in self.seen | set(self.definitions)
                        and head[0] not in self.functions):
                    self.out.append(Drafted("todo", self.new_id(base), todo=f"not drafted: function notation "
                                            f"{side.strip()!r} of a symbol already used", **common))
                    return
                parsed.append(symbol)
                note = f"written {side.strip()}"
                continue
            try:
                parsed.append(parse_side(side, self.table, self.functions, self.powers))
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
            is_new = self.defines(lhs)
            drafted = len(self.out)
            if k == 0 and head is not None and not (relation in ("=", ":=") and lhs not in rhs.free_symbols):
                self.out.append(Drafted("todo", self.new_id(base), todo="not drafted: function notation on the left"
                                        " of a relation that is not a definition", **common))
                return
            if relation in ("=", ":=") and k == 0 and is_new and lhs not in rhs.free_symbols:
                self.definitions[lhs] = rhs  # type: ignore[index]
                if head is not None:
                    self.functions[head[0]] = head[1]
                self.out.append(Drafted("definition", base, lhs=lhs, rhs=rhs, note=note, **common))
            elif relation in ("=", ":=") and self.bound_givens(lhs, rhs):
                # a definition using an integral's variable: written out, since a given is a symbol's value
                # for the claim, where the integral's variable is bound
                used = ", ".join(sorted(s.name for s in self.bound_givens(lhs, rhs)))
                self.out.append(Drafted("equality", self.new_id(base), lhs=self.expanded(lhs),
                                        rhs=self.expanded(rhs), note=f"{used} written out as defined above",
                                        **common))
            elif (relation in ("=", ":=") or relation in _INEQUALITY) and self.one_sided(lhs, rhs):
                names = ", ".join(sorted(s.name for s in self.one_sided(lhs, rhs)))
                self.out.append(Drafted("todo", self.new_id(base), todo=f"not drafted: {names} (not defined above) "
                                        "on one side only: a condition on particular values, not an identity "
                                        "(define it first)", **common))
            elif relation in ("=", ":="):
                self.out.append(Drafted("equality", self.new_id(base), lhs=lhs, rhs=rhs,
                                        givens=self.givens(lhs, rhs), **common))
            elif relation in _INEQUALITY:
                self.out.append(Drafted("inequality", self.new_id(base), lhs=lhs, rhs=rhs, relation=relation,
                                        givens=self.givens(lhs, rhs), **common))
            elif relation in ("~", "sim", "to") and regime:
                self.regime_claim(base, common, lhs, rhs, relation, regime)
            else:
                reason = {"~": "an approximation between two expressions (state its regime)",
                          "sim": "an approximation between two expressions (state its regime)",
                          "to": "a limit arrow without its regime (T \\to \\infty)"}.get(
                              relation, f"the relation {relation!r}")
                if relation == "to" and "=" in relations[:k] and "=" in relations[k + 1:]:
                    reason += "; between two equations it reads 'becomes', which is not drafted"
                self.out.append(Drafted("todo", self.new_id(base), todo=f"not drafted: {reason}", **common))
            if any(d.kind not in ("todo", "definition") for d in self.out[drafted:]):
                self.seen |= lhs.free_symbols | rhs.free_symbols

    def defines(self, lhs: sympy.Expr | None) -> bool:
        """True when ``lhs = ...`` would define ``lhs``: a symbol of the paper, neither defined nor used by a claim."""
        return (isinstance(lhs, sympy.Symbol) and self.table.is_own(lhs) and lhs not in self.seen
                and lhs not in self.definitions)

    def bound_givens(self, *exprs: sympy.Expr) -> set[sympy.Symbol]:
        """Definitions used inside an integral that mention its variable (``u_nu`` in ``\\int u_\\nu d\\nu``)."""
        found: set[sympy.Symbol] = set()
        for expr in exprs:
            for integral in expr.atoms(sympy.Integral):
                bound = {limit[0] for limit in integral.limits}
                for symbol in self.givens(integral.function):
                    if bound & self.expanded(symbol).free_symbols:
                        found.add(symbol)
        return found

    def expanded(self, expr: sympy.Expr) -> sympy.Expr:
        """``expr`` with the paper's definitions substituted (to a fixed point, a few rounds)."""
        for _round in range(6):
            new = expr.xreplace(self.definitions)  # type: ignore[arg-type]
            if new == expr:
                break
            expr = new
        return expr

    def regime_claim(self, base: str, common: dict[str, Any], lhs: sympy.Expr, rhs: sympy.Expr, relation: str,
                     regime: str) -> None:
        """``A \\simeq B (x \\ll y)`` -> asymptotic, ``A \\to B (T \\to \\infty)`` -> limit; else a TODO (why)."""
        kind = "limit" if relation == "to" else "asymptotic"
        try:
            var, point = self.read_regime(regime, self.expanded(lhs))
        except ValueError as exc:
            self.out.append(Drafted("todo", self.new_id(base), todo=f"not drafted: the regime {regime.strip()!r}:"
                                    f" {exc}", **common))
            return
        notes = []
        used = sorted(s.name for s in self.givens(lhs, rhs))
        if used:  # a given would be an assumption about a symbol the limit sends to 0 or infinity
            notes.append(f"{', '.join(used)} written out as defined above")
        if relation == "sim":
            notes.append("\\sim read as asymptotic equality (the ratio tends to 1); if the paper means 'of the order"
                         " of', this claim is not what it says")
        self.out.append(Drafted(kind, self.new_id(base), lhs=self.expanded(lhs), rhs=self.expanded(rhs), var=var,
                                point=point, note="; ".join(notes), **common))

    def read_regime(self, regime: str, expr: sympy.Expr) -> tuple[sympy.Symbol, sympy.Expr]:
        """The variable and the point of a regime ``h\\nu \\ll k_BT`` / ``T \\to \\infty``; ValueError why not."""
        sides, relations = _split(_TRAILING.sub("", regime))
        if len(relations) != 1 or relations[0] not in ("<<", ">>", "to"):
            raise ValueError("not one relation \\ll, \\gg or \\to")
        try:
            left, right = (parse_side(side, self.table, self.functions, self.powers) for side in sides)
        except SymcondError as exc:
            raise ValueError(f"not read: {exc}") from None
        if relations[0] == "to":
            if not (isinstance(left, sympy.Symbol) and left in expr.free_symbols):
                raise ValueError("the limit's variable is not one symbol of the expression")
            if right not in (sympy.S.Zero, sympy.oo):
                raise ValueError("the limit's point is not 0 or infinity")
            return left, right
        candidates = [s for s in left.free_symbols if s in expr.free_symbols and not self.is_constant(s)]
        if len(candidates) != 1:
            raise ValueError(f"{len(candidates)} symbols of its left side vary in the expression, not one")
        var = candidates[0]
        powers = left.as_powers_dict()
        monomial = all((isinstance(b, sympy.Symbol) and b.is_positive) or (b.is_number and b.is_positive)
                       for b in sympy.Mul.make_args(left) for b in [b.as_base_exp()[0]])
        exponent = powers.get(var, 0)
        if not monomial or not (exponent.is_number and exponent != 0) or var in right.free_symbols:
            raise ValueError("its left side is not a product of powers of positive symbols with the variable"
                             " on that side only")
        small = (relations[0] == "<<") == bool(exponent > 0)
        return var, sympy.S.Zero if small else sympy.oo  # type: ignore[return-value]

    def one_sided(self, lhs: sympy.Expr, rhs: sympy.Expr) -> set[sympy.Basic]:
        """The paper's own symbols, not defined above, that make up a side by themselves (a product of their
        powers and constants) and do not appear on the other side.

        ``\\lambda_{\\max} T = b`` or ``\\lambda_{\\max}\\nu_{\\max} = c`` name quantities the paper defines in
        words (the peaks of a spectrum): as identities in free symbols they would be refuted at random points,
        a false alarm.  A free variable inside an expression (``1/(e^{E/k_BT} - 1) = ...``) is not concerned.
        """
        found: set[sympy.Basic] = set()
        for side, other in ((lhs, rhs), (rhs, lhs)):
            expanded, rest = self.expanded(side), self.givens_free(other)
            factors = sympy.Mul.make_args(expanded)
            if all(f.is_number or f.is_Symbol or (f.is_Pow and f.base.is_Symbol and f.exp.is_number)
                   for f in factors):
                found |= {s for s in expanded.free_symbols
                          if self.table.is_own(s) and s not in self.definitions and s not in rest}
        return found

    def is_constant(self, symbol: sympy.Basic) -> bool:
        """A registry constant (a value or a definition), which a regime never sends to 0 or infinity."""
        if self.table.is_own(symbol) or not isinstance(symbol, sympy.Symbol):
            return False
        try:
            quantity = self.table.registry.quantity(symbol.name)
        except SymcondError:
            return False
        return quantity.value is not None or quantity.definition is not None

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
        return set(self.expanded(expr).free_symbols)  # definitions written out to the end (h_s = m v L, v = ...)


def _regime(piece: str) -> str | None:
    """The relation of a stated regime, ``(h\\nu \\ll k_BT)`` or ``\\text{for } T \\to \\infty``, or None."""
    found = _REGIME.fullmatch(_TRAILING.sub("", piece))
    if not found:
        return None
    inner = found.group(1) if found.group(1) is not None else found.group(2)
    _sides, relations = _split(inner)
    return inner if relations and set(relations) <= {"<<", ">>", "to"} else None


def draft_claims(found: list[Display], table: SymbolTable | None = None) -> list[Drafted]:
    """Drafted claims of the displays, in order, with ids ``eq<N>[.k]`` and ``where="Eq. (N)"``."""
    maths = [display.math for display in found]
    drafter = _Drafter(table or SymbolTable(), powers_of(side for math in maths for side in _split(math)[0]))
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
        pieces = [p for p in _SEPARATOR.split(math) if p.strip()]  # a = b, \qquad c = d: two relations on one line
        for k, piece in enumerate(pieces):
            if _regime(piece) is not None and k > 0:
                continue  # the regime of the piece before it
            after = _regime(pieces[k + 1]) if k + 1 < len(pieces) else None
            drafter.line(display, piece, base, where, regime=after or "")
        sides, _ = _split(display.math)
        previous_tail = sides[-1] if sides else ""
    return drafter.out
