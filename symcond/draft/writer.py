"""A drafted derivation file, in the house style, from a LaTeX or Markdown source.

>>> text = draft_text(r"Ohm: \\begin{equation} G_0 = \\frac{2e^2}{h} \\end{equation}", "ohm2026")
>>> 'paper.equality("eq1", G_0, 2*e**2/h, where="Eq. (1)")' in text
True
"""

from __future__ import annotations

import re

import sympy
from sympy.printing.str import StrPrinter

from symcond.draft.claims import Drafted, draft_claims
from symcond.draft.dimensions import infer_dimensions
from symcond.draft.sources import displays
from symcond.draft.symbols import SymbolTable
from symcond.errors import DefinitionError

__all__ = ["draft_text", "python_of"]

_FUNCTIONS = ("Abs", "Integral", "acos", "asin", "atan", "cos", "cosh", "erf", "erfc", "exp", "gamma", "log", "oo",
              "pi", "sin", "sinh", "sqrt", "tan", "tanh", "zeta", "Rational")


class _Printer(StrPrinter):
    """Python that ``from symcond import ...`` runs: exact rationals, exp(1) for e."""

    def _print_Rational(self, expr: sympy.Rational) -> str:
        return f"Rational({expr.p}, {expr.q})"

    def _print_Exp1(self, expr: sympy.Basic) -> str:
        return "exp(1)"

    def _print_Infinity(self, expr: sympy.Basic) -> str:
        return "oo"


def python_of(expr: sympy.Basic) -> str:
    """Python source for ``expr``: ``x**(1/3)`` is written with ``Rational(1, 3)``.

    >>> x = sympy.Symbol("x", positive=True)
    >>> python_of(x**sympy.Rational(1, 3) / 2 + sympy.E)
    'x**(Rational(1, 3))/2 + exp(1)'
    """
    return _Printer().doprint(expr)


def _comment(text: str) -> str:
    return "# " + " ".join(text.split())


def _givens(item: Drafted) -> str:
    if not item.givens:
        return ""
    pairs = ", ".join(f"{python_of(k)}: {python_of(v)}" for k, v in item.givens.items())
    return f", givens={{{pairs}}}"


def _claim_lines(item: Drafted) -> list[str]:
    where = f'where="{item.where}"'
    if item.kind == "definition":
        written = f" ({item.note}: its arguments are not kept)" if item.note else ""
        return [f"# {item.where} defines {python_of(item.lhs)} = {python_of(item.rhs)}{written} (a given of the"
                " claims that use it)"]
    if item.kind in ("asymptotic", "limit"):
        note = [_comment(f"NOTE {item.id}: {item.note}")] if item.note else []
        return [*note, f'paper.{item.kind}("{item.id}", {python_of(item.lhs)}, var={python_of(item.var)}, '
                f'point={python_of(item.point)}, value={python_of(item.rhs)}{_givens(item)}, {where})']
    if item.kind == "equality":
        note = [_comment(f"NOTE {item.id}: {item.note}")] if item.note else []
        return [*note, f'paper.equality("{item.id}", {python_of(item.lhs)}, {python_of(item.rhs)}{_givens(item)}, '
                f'{where})']
    if item.kind == "inequality":
        return [f'paper.inequality("{item.id}", {python_of(item.lhs)}, {python_of(item.rhs)}, '
                f'relation="{item.relation}"{_givens(item)}, {where})']
    if item.kind == "value":
        unit = f', unit="{item.unit}"' if item.unit else ""
        return [f'paper.value("{item.id}", {python_of(item.lhs)}, "{item.stated}"{unit}{_givens(item)}, {where})']
    return [f"# TODO {item.id} ({item.where}): {item.todo}", _comment(f"    {item.latex}")]


def draft_text(source: str, key: str, markdown: bool = False, title: str = "", reference: str = "") -> str:
    """The derivation file drafted from ``source`` (the text of a .tex or Markdown file)."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise DefinitionError(f"paper key {key!r} must be lower-case letters, digits and '_'")
    table = SymbolTable()
    found = displays(source, markdown=markdown)
    drafted = draft_claims(found, table)
    dims = infer_dimensions(drafted, table)
    body: list[str] = []
    sentence = None
    for item in drafted:
        if item.sentence and item.sentence != sentence:
            body += ["", _comment(item.sentence)]
            sentence = item.sentence
        body += _claim_lines(item)
    used = " ".join(body)
    imports = sorted({"Paper", *(f for f in _FUNCTIONS if re.search(rf"\b{f}\(|\b{f}\b(?!_)", used)
                                 and re.search(rf"(?<![\w\"]){f}\b", used))}, key=str.lower)
    counts = {k: sum(d.kind == k for d in drafted)
              for k in ("equality", "inequality", "value", "asymptotic", "limit", "definition", "todo")}
    equations = "1 displayed equation" if len(found) == 1 else f"{len(found)} displayed equations"
    head = [f'"""{key} -- drafted by `symcond draft` from {equations}.', "",
            "Drafted: " + ", ".join(f"{n} {k}" for k, n in counts.items() if n) + ".",
            "Read every line against the paper before trusting a verdict: symbols mapped to the registry,",
            'dimensions marked TODO and the commented TODOs need a human."""', "",
            f"from symcond import {', '.join(imports)}", "",
            f"paper = Paper({key!r}" + (f", title={title!r}" if title else "")
            + (f", reference={reference!r}" if reference else "") + ")", "",
            "# --- symbols: from the registry (CODATA constants, conventional quantities), then the paper's own"]
    names = table.registry_names()
    for start in range(0, len(names), 8):
        chunk = names[start:start + 8]
        head.append(f'{", ".join(chunk)}{"," if len(chunk) == 1 else ""} = paper.symbols("{" ".join(chunk)}")')
    for name, latex in table.own_names().items():
        dim = dims.get(name)
        note = "inferred from the equations" if dim else "TODO: dimension not pinned by the equations (None: unknown)"
        shown = (repr(dim) if dim != "1" else "1") if dim else "None"  # None: dimension checks skip it
        head.append(f'{name} = paper.declare("{name}", {shown}, "{note}", latex=r"{latex}")')
    definitions = [d for d in drafted if d.kind == "definition"]
    if definitions:
        head.append("# definitions of the paper's own symbols are givens of the claims that use them")
    head += ["", "# --- claims, in the paper's order"]
    return "\n".join(head + body) + "\n"
