r"""Typesetting free text of the evidence and units: no Python spelling reaches a typeset page.

The provers write a verdict's *reason* as one line of text in which expressions appear as
``sympy.sstr`` prints them (``rhs - lhs = tau_in**2/(tau_el + tau_in)``, ``v_th/sqrt(pi)``).
The typeset outputs (the LaTeX ledger, the tables, the HTML ledger) do not print that line
as it is: :func:`reason_segments` splits it into plain words and the expressions it can
detect, and each output sets the expressions as mathematics with the registry's names
(``$\tau_{in}^{2}$``, MathML ``τ_in``).  The rule, chosen to be predictable:

* a whitespace-separated chunk (with trailing ``,;:.`` and unmatched brackets set aside)
  is *math* when it contains an operator (``* / ^ = ( )``), is a registry symbol, ``lhs``/``rhs``,
  or a number in scientific notation; chunks ``=``, ``+``, ``-``, ``<=``, ``>=`` join the math
  chunks (or numbers) on both sides into one expression;
* an expression is read by the safe parser (:func:`symcond.parse.parse_expression`, nothing is
  executed); its names become the registry's symbols, other names without ``_`` are kept as
  upright names; ``d/dX`` of a registry symbol is a derivative;
* what cannot be read, and every other identifier spelled with ``_`` (a condition name such
  as ``tau_in_le_tau_el``, a file name), is set **verbatim** (``\texttt`` in LaTeX, ``<code>``
  in HTML): it is a name, not mathematics, and is shown exactly as the derivation file has it;
* units after ``dimension is`` / ``lhs is ... rhs is`` are set as units with raised exponents
  (:func:`unit_tex`), a named unit with its name (``S`` is "siemens").

>>> [kind for kind, _ in reason_segments("rhs - lhs = x**2 is positive", {"x": sympy.Symbol("x")})]
['math', 'text']
>>> print(unit_tex("m^2 s^-2"), unit_tex("S"))
\mathrm{m^{2}\,s^{-2}} \mathrm{S}~\text{(siemens)}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import sympy

from symcond.errors import SymcondError
from symcond.parse import DEFAULT_FUNCTIONS, parse_expression
from symcond.special.sympy_fd import FermiDirac

__all__ = ["reason_segments", "reason_markdown", "unit_tex", "unit_name_text",
           "names_of", "latex_names", "expr_tex", "number_tex", "Segment"]

#: A piece of typeset text: ("text", words), ("tt", verbatim), ("math", LaTeX-ready parts), ("unit", unit).
Segment = tuple[str, object]

#: Names of the SI units ``Dim.unit_name`` prints.
UNIT_NAMES = {"S": "siemens", "W": "watt", "Ω": "ohm", "J": "joule", "V": "volt", "A": "ampere", "C": "coulomb",
              "F": "farad", "H": "henry", "T": "tesla", "Wb": "weber", "Hz": "hertz", "N": "newton",
              "Pa": "pascal", "K": "kelvin", "kg": "kilogram", "m": "metre", "s": "second"}

_FUNCTIONS = {"sqrt", "exp", "log", "ln", "sin", "cos", "tan", "sinh", "cosh", "tanh", "Abs", "pi", "oo"}
_SCI = re.compile(r"[-+]?\d+(?:\.\d+)?[eE][-+]?\d+")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_MATHY = re.compile(r"[\w.()*/+\-^=]+")
_IDENT = re.compile(r"[A-Za-z_]\w*")
_JOINERS = {"=", "+", "-", "<=", ">=", "<", ">", "*", "/"}
_RELATION = re.compile(r"\s*(<=|>=|==|=|<|>)\s*")
_TEX_RELATION = {"=": "=", "==": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">"}
_HTML_RELATION = {"=": "=", "==": "=", "<=": "≤", ">=": "≥", "<": "&lt;", ">": "&gt;"}
_AVERAGE = re.compile(r"(?:^|(?<=[\s(\[]))<([^<>=\s][^<>=]*?)>")
_OPENS_AVERAGE = re.compile(r"(?:^|(?<=[\s(\[]))<(?=[\w|\[(])")
_CLOSES_AVERAGE = re.compile(r"(?<=[\w)|\]^])>")
_SHORT_NAME = re.compile(r"[A-Za-z]{1,2}_[A-Za-z0-9]{1,3}")


class Average(sympy.Function):
    r"""An average ``<x>`` written in a reason's text, typeset as :math:`\langle x \rangle`.

    >>> print(sympy.latex(Average(sympy.Symbol("x") ** 2)))
    \left\langle x^{2} \right\rangle
    """

    nargs = 1

    def _latex(self, printer: sympy.printing.latex.LatexPrinter) -> str:
        return rf"\left\langle {printer._print(self.args[0])} \right\rangle"


class Modulus(sympy.Function):
    r"""A modulus ``|x|`` written in a reason's text, kept as written (``Abs`` of a positive symbol is the symbol).

    >>> print(sympy.latex(Modulus(sympy.Symbol("v", positive=True))))
    \left|v\right|
    """

    nargs = 1

    def _latex(self, printer: sympy.printing.latex.LatexPrinter) -> str:
        return rf"\left|{printer._print(self.args[0])}\right|"


#: The functions a reason's expressions may call: the parser's, ``ln``, averages (``<x>`` is read as ``avg(x)``)
#: and Fermi-Dirac integrals (``F_{-1/2}(eta)``).
_READ_FUNCTIONS = {**DEFAULT_FUNCTIONS, "ln": sympy.log, "avg": Average, "modulus": Modulus, "FermiDirac": FermiDirac}


def _depth(text: str) -> int:
    """Brackets (and the angle brackets of an average) that ``text`` opens and does not close."""
    opened = sum(text.count(c) for c in "([{") + len(_OPENS_AVERAGE.findall(text))
    return opened - sum(text.count(c) for c in ")]}") - len(_CLOSES_AVERAGE.findall(text))


def _opens_math(chunk: str) -> bool:
    """``chunk`` opens a bracket inside an expression (``v(n,``, ``m/(15``, ``<|v|``), not prose's ``(see``."""
    return _depth(chunk) > 0 and bool(re.search(r"[\w)\]*/^][(\[{]", chunk) or _OPENS_AVERAGE.match(chunk))


def _chunks(text: str) -> list[str]:
    """``text`` split at whitespace (kept as chunks), except inside the brackets of an expression:
    ``v(n, T)``, ``m/(15 zeta(3) L h)`` and ``<|v| f_eq>/n`` stay one chunk (when closed within 12 words)."""
    chunks, out, i = re.split(r"(\s+)", text), [], 0
    while i < len(chunks):
        end = i
        if _opens_math(chunks[i]):
            end = next((j for j in range(i + 2, min(len(chunks), i + 25), 2)
                        if _depth("".join(chunks[i:j + 1])) <= 0), i)
        out.append("".join(chunks[i:end + 1]))
        i = end + 1
    return out


def _spelled(text: str) -> str:
    """A reason's expression in the parser's spelling: ``<x>`` is ``avg(x)``, ``|x|`` is ``modulus(x)``, factors
    written side by side (``15 zeta(3) L h``) are multiplied, ``F_{j}(x)`` is ``FermiDirac(j, x)``, ``^`` is ``**``.

    >>> _spelled("<|v| f_eq>/n"), _spelled("m/(15 zeta(3) L h)"), _spelled("F_{-1/2}(eta)")
    ('avg(modulus(v)*f_eq)/n', 'm/(15*zeta(3)*L*h)', 'FermiDirac(-1/2, eta)')
    """
    previous = None
    while previous != text:
        previous, text = text, _AVERAGE.sub(r"avg(\1)", text)
    text = re.sub(r"\|([^|]+)\|", r"modulus(\1)", text)
    text = re.sub(r"\bF_\{?(-?\d+(?:/\d+)?)\}?\(", r"FermiDirac(\1, ", text)
    text = re.sub(r"(?<=[\w)])\s+(?=[\w(])", "*", text)
    return text.replace("^", "**")


def names_of(paper: object) -> dict[str, sympy.Symbol]:
    """The registry's symbols of ``paper`` by name."""
    return {q.symbol.name: q.symbol for q in paper.registry}  # type: ignore[attr-defined]


def latex_names(paper: object) -> dict[sympy.Symbol, str]:
    """The registry's LaTeX of each symbol of ``paper``."""
    return {q.symbol: q.latex for q in paper.registry}  # type: ignore[attr-defined]


def _strip(chunk: str) -> tuple[str, str, str]:
    """``chunk`` as (lead, core, tail): trailing punctuation and unmatched brackets set aside."""
    lead, core, tail = "", chunk, ""
    while core and core[-1] in ",;:.":
        tail, core = core[-1] + tail, core[:-1]
    while core.startswith("(") and core.count("(") > core.count(")"):
        lead, core = lead + "(", core[1:]
    while core.endswith(")") and core.count(")") > core.count("("):
        tail, core = ")" + tail, core[:-1]
    while core and core[-1] in ",;:.":
        tail, core = core[-1] + tail, core[:-1]
    return lead, core, tail


def _is_math(core: str, names: Mapping[str, sympy.Symbol]) -> bool:
    if re.search(r"[\s,<>|\[\]]", core):  # an expression with spaces or commas inside brackets, an average, bars
        return bool(re.search(r"[_^*/(]", core)) and _read(core, names) is not None
    if not core or not _MATHY.fullmatch(core):
        return False
    if core in names or core in ("lhs", "rhs", "pi") or _SCI.fullmatch(core):
        return True
    if not re.search(r"[A-Za-z]", core):
        return False
    if re.fullmatch(r"\(?[A-Za-z]+(?:-[A-Za-z]+)+\)?", core):  # hyphenated words
        return False
    return bool(re.search(r"[*/^=()]", core)) and bool(re.search(r"\w", core))


def _read(text: str, names: Mapping[str, sympy.Symbol]) -> list[object] | None:
    """An expression chain (expr, relation, expr, ...) read from ``text``, None when it is not one."""
    match = re.fullmatch(r"d/d(\w+)", text)
    if match and match.group(1) in names:
        return [("d/d", names[match.group(1)])]
    pieces = _RELATION.split(_spelled(text))
    chain: list[object] = []
    for i, piece in enumerate(pieces):
        if i % 2:
            chain.append(piece)
            continue
        if not piece:
            return None
        if _SCI.fullmatch(piece) or _NUMBER.fullmatch(piece):
            chain.append(("number", piece))
            continue

        def resolve(name: str) -> sympy.Expr:
            if name in names:
                return names[name]
            if "_" in name and not _SHORT_NAME.fullmatch(name):  # a condition's name, not a subscripted symbol
                raise ValueError(name)
            return sympy.Symbol(name)

        try:
            chain.append(parse_expression(piece, resolve, functions=_READ_FUNCTIONS))  # type: ignore[arg-type]
        except (SymcondError, ValueError, TypeError, RecursionError):
            return None
    return chain


def _units(text: str) -> list[Segment] | None:
    """The segments of a dimension reason (units typeset), None for any other text."""
    match = re.fullmatch(r"dimension is ([^;]+)(.*)", text)
    if match:
        return [("text", "dimension is "), ("unit", match.group(1)), ("text", match.group(2))]
    match = re.fullmatch(r"dimension mismatch: lhs is (.+?) but rhs is (.+?)(?: \(lhs/rhs: ([^)]+)\))?", text)
    if match:
        out: list[Segment] = [("text", "dimension mismatch: lhs is "), ("unit", match.group(1)),
                              ("text", " but rhs is "), ("unit", match.group(2))]
        return out + ([("text", " (lhs/rhs: "), ("unit", match.group(3)), ("text", ")")] if match.group(3) else [])
    return None


def reason_segments(text: str, names: Mapping[str, sympy.Symbol]) -> list[Segment]:
    """``text`` split into plain text, verbatim names and expressions (see the module's rule)."""
    units = _units(text)
    if units is not None:
        return units
    kinds: list[tuple[str, str, str, str]] = []  # (kind, lead, core, tail) per chunk; kind math/join/num/word/space
    for chunk in _chunks(text):
        if not chunk or chunk.isspace():
            kinds.append(("space", "", chunk, ""))
            continue
        lead, core, tail = _strip(chunk)
        if chunk in _JOINERS:
            kinds.append(("join", "", chunk, ""))
        elif _is_math(core, names):
            kinds.append(("math", lead, core, tail))
        elif _NUMBER.fullmatch(core):
            kinds.append(("num", lead, core, tail))
        else:
            kinds.append(("word", "", chunk, ""))
    out: list[Segment] = []
    i = 0
    while i < len(kinds):
        kind, lead, core, tail = kinds[i]
        if kind not in ("math", "num"):
            out.append(("word" if kind == "word" else "text", core))
            i += 1
            continue
        # extend: [space join space (math|num)]* while the chunk so far has no tail; a number and the math
        # written after it (4 ln(2)^2) are one product
        parts, j, has_math, end_tail, last = [core], i, kind == "math", tail, kind
        while not end_tail:
            if (last == "num" and j + 2 < len(kinds) and kinds[j + 1][0] == "space" and kinds[j + 2][0] == "math"
                    and not kinds[j + 2][1]):
                step, joined = 2, [kinds[j + 2][2]]
            elif (j + 4 < len(kinds) and kinds[j + 1][0] == "space" and kinds[j + 2][0] == "join"
                  and kinds[j + 3][0] == "space" and kinds[j + 4][0] in ("math", "num") and not kinds[j + 4][1]):
                step, joined = 4, [kinds[j + 2][2], kinds[j + 4][2]]
            else:
                break
            parts += joined
            last, end_tail = kinds[j + step][0], kinds[j + step][3]
            has_math = has_math or last == "math"
            j += step
        expression = " ".join(parts)
        while end_tail.startswith(")") and expression.count("(") > expression.count(")"):
            expression, end_tail = expression + ")", end_tail[1:]
        chain = _read(expression, names) if has_math else None
        out.append(("text", lead))
        if chain is None:
            out.append(("word", expression) if has_math else ("text", expression))
        else:
            out.append(("math", chain))
        out.append(("text", end_tail))
        i = j + 1
    return _words(out)


_SUBSCRIPTED = re.compile(r"[A-Za-z]{1,2}(?:_[A-Za-z0-9]{1,3})?(?:\^[A-Za-z0-9]{1,3})?")


def _subscripted(word: str) -> tuple[str, str]:
    """A short subscripted name (``G_0^ph``) as LaTeX."""
    base, sub, sup = re.fullmatch(r"([A-Za-z]+)(?:_([A-Za-z0-9]+))?(?:\^([A-Za-z0-9]+))?", word).groups()  # type: ignore[union-attr]
    return ("tex", base + (f"_{{{sub}}}" if sub else "") + (f"^{{{sup}}}" if sup else ""))


def _words(segments: list[Segment]) -> list[Segment]:
    """Words with ``_`` or Python operators become verbatim; neighbouring text is merged."""
    merged: list[Segment] = []
    for kind, value in segments:
        if kind == "word":
            word = str(value)
            kind = "tt" if ("_" in word or "**" in word or re.search(r"\w\(", word)) else "text"
            lead, core, tail = _strip(word)
            if ("_" in core or "^" in core) and _SUBSCRIPTED.fullmatch(core):
                merged += [("text", lead), ("math", [_subscripted(core)]), ("text", tail)]
                continue
            if kind == "tt":
                merged += [("text", lead), ("tt", core), ("text", tail)]
                continue
        merged.append((kind, value))
    out: list[Segment] = []
    for kind, value in merged:
        if kind == "text" and not value:
            continue
        if kind == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", str(out[-1][1]) + str(value))
        else:
            out.append((kind, value))
    return out


# --- LaTeX ---------------------------------------------------------------------------------------
def number_tex(text: str) -> str:
    r"""A decimal number in LaTeX, scientific notation as ``\times 10^{n}``.

    >>> number_tex("4.06e-15"), number_tex("0.5")
    ('4.06 \\times 10^{-15}', '0.5')
    """
    mantissa, _, exponent = text.lower().partition("e")
    if not exponent:
        return text
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def expr_tex(expr: object, symbols: Mapping[sympy.Symbol, str]) -> str:
    r"""An expression in LaTeX with the registry's names; other multi-letter names upright.

    >>> expr_tex(sympy.Symbol("ratio") / sympy.Symbol("x"), {})
    '\\frac{\\mathrm{ratio}}{x}'
    """
    expr = sympy.sympify(expr)
    names = dict(symbols)
    for s in getattr(expr, "free_symbols", set()):
        if isinstance(s, sympy.Symbol) and s not in names and len(s.name) > 1 and s.name.isalpha():
            names[s] = rf"\mathrm{{{s.name}}}"
    return sympy.latex(expr, symbol_names=names, order="none")


def _chain_tex(chain: Sequence[object], symbols: Mapping[sympy.Symbol, str]) -> str:
    out = []
    for part in chain:
        if isinstance(part, str):
            out.append(_TEX_RELATION[part])
        elif isinstance(part, tuple) and part[0] == "number":
            out.append(number_tex(part[1]))
        elif isinstance(part, tuple) and part[0] == "tex":
            out.append(part[1])
        elif isinstance(part, tuple) and part[0] == "d/d":
            out.append(rf"\partial/\partial {symbols.get(part[1], sympy.latex(part[1]))}")
        else:
            out.append(expr_tex(part, symbols))
    return " ".join(out)


def unit_tex(unit: str, named: bool = True) -> str:
    r"""A unit name (``'kg m^2 s^-2'``, ``'1/(J s)'``, ``'Ω'``) in upright LaTeX with raised exponents; a
    named unit of one symbol (``S``, ``W``, ``Ω``) says its name unless not ``named`` (after a number).

    >>> print(unit_tex("kg^2/(J s)"), unit_tex("Ω"), unit_tex("1"), unit_tex("V", named=False))
    \mathrm{kg^{2}/(J\,s)} \mathrm{\Omega}~\text{(ohm)} 1~\text{(dimensionless)} \mathrm{V}
    """
    unit = unit.strip()
    if unit == "1":
        return r"1~\text{(dimensionless)}"
    braced = re.sub(r"\^(-?\d+(?:/\d+)?)", r"^{\1}", unit)
    tex = r"\mathrm{" + braced.replace(" ", r"\,").replace("Ω", r"\Omega") + "}"
    return tex + rf"~\text{{({UNIT_NAMES[unit]})}}" if named and unit in UNIT_NAMES else tex


def unit_name_text(unit: str) -> str:
    """A unit with its name for plain text and HTML (``S (siemens)``)."""
    unit = unit.strip()
    return f"{unit} ({UNIT_NAMES[unit]})" if unit in UNIT_NAMES else unit


def reason_markdown(text: str, names: Mapping[str, sympy.Symbol], symbols: Mapping[sympy.Symbol, str]) -> str:
    """Free text of the evidence as Markdown: expressions as ``$...$``, verbatim names in backticks."""
    out = []
    for kind, value in reason_segments(" ".join(text.split()), names):
        if kind == "text":
            out.append(re.sub(r"([*_`$])", r"\\\1", str(value)))
        elif kind == "tt":
            out.append(f"`{value}`")
        elif kind == "unit":
            out.append(f"${unit_tex(str(value))}$")
        else:
            out.append(f"${_chain_tex(value, symbols)}$")  # type: ignore[arg-type]
    return "".join(out).replace("|", "\\|")


