"""MathML for the HTML ledger: claims, expressions and SI units, safe to put in a page.

Expressions are printed by SymPy's presentation MathML printer
(``sympy.printing.mathml.mathml(expr, printer="presentation")``; Chromium and Firefox render
MathML Core natively), each symbol under the name its LaTeX in the paper's registry gives
(``m_star`` is printed ``m*``, ``eps0`` is ``ε0``).  SymPy's printer does not escape the names
of symbols and functions, which come from user-written derivation files: :func:`sanitise`
keeps only MathML elements with known attributes and escapes every other ``<``, ``>`` and ``&``.

>>> import sympy
>>> print(expr_mathml(sympy.Symbol("x") ** 2))
<math><msup><mi>x</mi><mn>2</mn></msup></math>
>>> print(sanitise('<mi><script>alert(1)</script></mi>'))
<mi>&lt;script&gt;alert(1)&lt;/script&gt;</mi>
>>> print(unit_html("kg^-1 m^-2 s^3 A^2"))
kg<sup>−1</sup> m<sup>−2</sup> s<sup>3</sup> A<sup>2</sup>
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import sympy
from sympy.printing.mathml import mathml

from symcond.model.claims import Claim, ClaimKind
from symcond.model.paper import Paper
from symcond.report.plain import latex_plain
from symcond.report.plain import letter as _letter
from symcond.report.typeset import _HTML_RELATION, Average, Modulus, reason_segments, unit_name_text

__all__ = ["sanitise", "expr_mathml", "claim_mathml", "display_names", "unit_html", "symbol_mathml", "rule_html",
           "condition_html"]

Names = Mapping[sympy.Symbol, sympy.Symbol]

_ELEMENTS = ("mrow|mi|mn|mo|ms|mtext|mfrac|msqrt|mroot|msub|msup|msubsup|munder|mover|munderover|mtable|mtr|mtd|"
             "mspace|mpadded|mphantom|menclose|mstyle|none|mprescripts|mmultiscripts|mfenced")
_ATTRIBUTES = ("mathvariant|stretchy|fence|separator|linethickness|lspace|rspace|form|accent|accentunder|"
               "columnalign|rowalign|displaystyle|scriptlevel|open|close|separators|notation|width|height|depth|"
               "largeop|movablelimits|symmetric|minsize|maxsize")
_TAG = re.compile(rf"</?(?:{_ELEMENTS})(?:\s+(?:{_ATTRIBUTES})=\"[-\w .#%]*\")*\s*/?>")
_TOKEN = re.compile(r"<[^<>]*>|[^<]+|<")


def sanitise(markup: str) -> str:
    """MathML from SymPy's printer with everything but known MathML tags shown as text.

    Known elements (never ``math`` itself, which the caller adds) with known attributes and
    plain values are kept; any other tag and all text are unescaped once and escaped again,
    so entities SymPy writes (``&InvisibleTimes;``) become characters and nothing else can
    close the ``math`` element or open an HTML one.

    >>> print(sanitise('<mo>&InvisibleTimes;</mo><mi onclick="x">a&b</mi>'))
    <mo>\u2062</mo>&lt;mi onclick=&quot;x&quot;&gt;a&amp;b</mi>
    """
    out = []
    for token in _TOKEN.findall(markup):
        if token.startswith("<") and _TAG.fullmatch(token):
            out.append(token)
        else:
            out.append(html.escape(html.unescape(token)))
    return "".join(out)


_ACCENT = re.compile(r"\\(bar|overline|hat|widehat|tilde|widetilde|dot|vec)\s*(?:\{\s*(\\[A-Za-z]+|[A-Za-z])\s*\}|"
                     r"(\\[A-Za-z]+|[A-Za-z]))")
_COMBINING = {"bar": "\u0304", "overline": "\u0304", "hat": "\u0302", "widehat": "\u0302", "tilde": "\u0303",
              "widetilde": "\u0303", "dot": "\u0307", "vec": "\u20d7"}
_LATEX_NAME = re.compile(r"(\\[A-Za-z]+|[A-Za-z])(?:_\{?([A-Za-z0-9]+)\}?)?(?:\^\{?([A-Za-z0-9*]+)\}?)?")


def _display_name(latex: str) -> str | None:
    r"""A symbol name that SymPy prints like ``latex`` (``\tau_{in}`` -> ``τ_in``), None when too complex.

    >>> _display_name(r"\varepsilon_0"), _display_name("m^*"), _display_name(r"\frac{a}{b}")
    ('ε_0', 'm^*', None)
    >>> _display_name(r"\bar v") == _display_name(r"\bar{v}") == "v\u0304"
    True
    """
    accent = _ACCENT.fullmatch(latex.strip())
    if accent:  # one accented letter (\bar v): the letter with the combining accent
        letter = _letter(accent.group(2) or accent.group(3))
        return None if letter is None else letter + _COMBINING[accent.group(1)]
    match = _LATEX_NAME.fullmatch(latex.strip())
    if not match:
        return None
    base, sub, sup = match.groups()
    letter = _letter(base)
    if letter is None:
        return None
    return letter + (f"_{sub}" if sub else "") + (f"^{sup}" if sup else "")


def display_names(paper: Paper) -> dict[sympy.Symbol, sympy.Symbol]:
    """Each registry symbol of ``paper`` mapped to a symbol printed as its LaTeX says (when unambiguous)."""
    wanted: dict[sympy.Symbol, str] = {}
    for quantity in paper.registry:
        name = _display_name(quantity.latex)
        if name is None:  # a decorated name (\overline{\delta N^2}): its letters, never the Python name
            plain = latex_plain(quantity.latex).replace(" ", "")
            name = plain if plain and "(" not in plain and len(plain) <= 8 else None
        if name is not None and name != quantity.symbol.name:
            wanted[quantity.symbol] = name
    taken = [n for n in wanted.values()] + [q.symbol.name for q in paper.registry if q.symbol not in wanted]
    return {s: sympy.Symbol(n) for s, n in wanted.items() if taken.count(n) == 1}


def _renamed(expr: sympy.Basic, names: Names) -> sympy.Basic:
    free: set[sympy.Symbol] = getattr(expr, "free_symbols", set())
    used = {s.name for s in free if s not in names}
    mapping = {s: names[s] for s in free if s in names and names[s].name not in used}
    if len({m.name for m in mapping.values()}) != len(mapping):
        return expr
    try:
        return expr.xreplace(mapping) if mapping else expr
    except Exception:  # a user's class that cannot be rebuilt prints under its own names
        return expr


def _special_functions(expr: sympy.Basic, names: Names) -> tuple[sympy.Basic, dict[str, str]]:
    """Fermi-Dirac integrals replaced by placeholder functions whose MathML is written here (SymPy's printer
    would spell the class name, ``fermidirac``): the placeholder name -> ``ℱ_j`` as MathML."""
    from symcond.special.sympy_fd import FermiDirac

    found: dict[str, str] = {}

    def placeholder(j: sympy.Expr, x: sympy.Expr) -> sympy.Expr:
        name = f"symcondfd{len(found)}"  # SymPy prints function names in lower case
        found[name] = f'<msub><mi mathvariant="script">F</mi>{_inner(j, names)}</msub>'
        return sympy.Function(name)(x)  # type: ignore[no-any-return]

    try:
        return expr.replace(FermiDirac, placeholder), found
    except Exception:  # a user's class that cannot be rebuilt prints as SymPy prints it
        return expr, {}


def _bars(expr: sympy.Basic) -> tuple[sympy.Basic, dict[str, str]]:
    """Symbols displayed between bars (``|v_12|``, the registry's ``|v_{12}|``), moduli and averages (``|x|``,
    ``<x>`` of a reason's text) replaced by placeholders whose MathML is written here: SymPy's printer would
    read ``12|`` as the subscript of ``|v`` and spell the class names.

    >>> print(_inner(sympy.Symbol("|v_12|") ** 2, {}))
    <msup><mrow><mo>|</mo><msub><mi>v</mi><mi>12</mi></msub><mo>|</mo></mrow><mn>2</mn></msup>
    >>> print(_inner(Average(sympy.Symbol("x")), {}))
    <mrow><mo>⟨</mo><mi>x</mi><mo>⟩</mo></mrow>
    """
    found: dict[str, str] = {}

    def placeholder(markup: str) -> sympy.Symbol:
        name = "symcondbar" + "".join(chr(ord("a") + int(d)) for d in str(len(found)))  # digits would be subscripts
        found[name] = markup
        return sympy.Symbol(name)

    mapping = {}
    for symbol in sorted(getattr(expr, "free_symbols", set()), key=str):
        name = getattr(symbol, "name", "")
        if len(name) > 2 and name[0] == name[-1] == "|" and "|" not in name[1:-1]:
            mapping[symbol] = placeholder(f"<mrow><mo>|</mo>{_inner(sympy.Symbol(name[1:-1]), {})}<mo>|</mo></mrow>")
    expr = expr.xreplace(mapping) if mapping else expr
    for kind, (left, right) in ((Average, ("⟨", "⟩")), (Modulus, ("|", "|"))):  # outer first: inner ones are
        # replaced by the _inner call that writes the outer one's markup
        if expr.has(kind):
            expr = expr.replace(kind, lambda x, a=left, b=right: placeholder(
                f"<mrow><mo>{a}</mo>{_inner(x, {})}<mo>{b}</mo></mrow>"))
    return expr, found


def _inner(expr: object, names: Names) -> str:
    try:
        renamed, bars = _bars(_renamed(sympy.sympify(expr), names))
        prepared, special = _special_functions(renamed, names)
        printed = mathml(prepared, printer="presentation")
    except Exception:  # an expression SymPy cannot print as MathML is shown as text
        return f"<mtext>{html.escape(sympy.sstr(expr))}</mtext>"
    shown = sanitise(printed).replace("<mo>-</mo>", "<mo>−</mo>").replace("<mn>-", "<mn>−")  # a true minus sign
    for name, markup in (special | bars).items():
        shown = shown.replace(f"<mi>{name}</mi>", markup)
    return shown


def expr_mathml(expr: object, names: Names | None = None, display: bool = False) -> str:
    """``expr`` as a ``<math>`` element (``display``: in a ``<div class="eq">`` block, display style)."""
    return _math(_inner(expr, names or {}), display)


def symbol_mathml(name: str, names: Names | None = None) -> str:
    """A counterexample coordinate's name as MathML, under its display name when the registry has one."""
    shown = {s.name: d for s, d in (names or {}).items()}.get(name, sympy.Symbol(name))
    return _math(_inner(shown, {}))


def _math(inner: str, display: bool = False) -> str:
    if display:  # block math is centred by Chromium: a left-aligned block of full-size (display style) math
        return f'<div class="eq"><math displaystyle="true">{inner}</math></div>'
    return f"<math>{inner}</math>"


def _mo(op: str) -> str:
    return f"<mo>{html.escape(op)}</mo>"


def _mtext(text: str) -> str:
    return f"<mtext>{html.escape(text)}</mtext>"


_RELATIONS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">"}
_UNIT_TOKEN = re.compile(r"([A-Za-zΩμ]+)(?:\^(-?\d+(?:/\d+)?))?|(\S)")


def unit_mathml(text: str) -> str:
    """An SI unit (``m^2/(V s)``) as MathML: upright names, raised exponents with a true minus, operators.

    >>> unit_mathml("m^2/s")
    '<msup><mi mathvariant="normal">m</mi><mn>2</mn></msup><mo>/</mo><mi mathvariant="normal">s</mi>'
    """
    parts = []
    for name, power, other in _UNIT_TOKEN.findall(text):
        if other:
            parts.append(_mo(other))
            continue
        base = f'<mi mathvariant="normal">{html.escape(name)}</mi>'
        parts.append(f"<msup>{base}<mn>{power.replace('-', '−')}</mn></msup>" if power else base)
    return "".join(parts)


def claim_mathml(claim: Claim, names: Names | None = None) -> str:
    """The claim as one display ``<math>`` in a ``<div class="eq">``, from its SymPy expressions (kind by kind)."""
    n = names or {}
    kind = claim.kind
    lhs, rhs = claim.sides()
    parts: list[str]
    if kind is ClaimKind.INEQUALITY:
        parts = [_inner(lhs, n), _mo(_RELATIONS.get(claim.relation, "≤")), _inner(rhs, n)]  # type: ignore[attr-defined]
    elif kind is ClaimKind.EQUALITY_IFF:
        cond = claim.condition  # type: ignore[attr-defined]
        parts = [_inner(lhs, n), _mo("="), _inner(rhs, n), _mo("⟺"), _inner(cond.lhs, n), _mo("="),
                 _inner(cond.rhs, n)]
    elif kind is ClaimKind.LIMIT:
        var, point = claim.var, claim.point  # type: ignore[attr-defined]
        parts = [_inner(sympy.Limit(lhs, var, point), n), _mo("="), _inner(rhs, n)]
    elif kind is ClaimKind.ASYMPTOTIC:
        var, point = claim.var, claim.point  # type: ignore[attr-defined]
        parts = [_inner(lhs, n), _mo("∼"), _inner(rhs, n), '<mspace width="1em"></mspace>', _mo("("),
                 _inner(var, n), _mo("→"), _inner(point, n), _mo(")")]
    elif kind is ClaimKind.INDEPENDENCE:
        var = claim.var  # type: ignore[attr-defined]
        parts = [_inner(sympy.Derivative(lhs, var, evaluate=False), n), _mo("="), "<mn>0</mn>"]
    elif kind is ClaimKind.VALUE:
        parts = [_inner(lhs, n), _mo("≈"), _mtext(claim.stated)]  # type: ignore[attr-defined]
    elif kind is ClaimKind.DATA:
        number, unit = claim.printed()  # type: ignore[attr-defined]
        parts = [_inner(lhs, n), _mo("="), f"<mn>{html.escape(number)}</mn>", '<mspace width="0.3em"></mspace>',
                 unit_mathml(unit.text)]
    elif kind is ClaimKind.KINETIC:  # the time laws the kinetic solver is run with
        parts = [_mtext("τ_in/τ_in0 = "), _inner(lhs, n), _mo(","), _mtext(" τ_el/τ_el0 = "), _inner(rhs, n)]
    elif kind is ClaimKind.DIMENSION:
        unit = claim.dimension.unit_name()  # type: ignore[attr-defined]
        parts = [_mo("["), _inner(lhs, n), _mo("]"), _mo("="), unit_mathml(unit)]
    else:  # equality, derivation (start = result)
        parts = [_inner(lhs, n), _mo("="), _inner(rhs, n)]
    return _math("<mrow>" + "".join(parts) + "</mrow>", display=True)


_POWER = re.compile(r"([^\s^/()]+)\^(-?\d+(?:/\d+)?)")


def unit_html(text: str) -> str:
    """SI units written ``kg^-1 m^2`` as escaped HTML with raised exponents and a true minus sign."""
    escaped = html.escape(text)
    return _POWER.sub(lambda m: f"{m.group(1)}<sup>{m.group(2).replace('-', '−')}</sup>", escaped)


# --- HTML ----------------------------------------------------------------------------------------
def reason_html(text: str, names: Mapping[str, sympy.Symbol], display: Mapping[sympy.Symbol, sympy.Symbol]) -> str:
    """Free text of the evidence as escaped HTML with its expressions as MathML, names in ``<code>``."""
    out = []
    for kind, value in reason_segments(" ".join(text.split()), names):
        if kind == "text":
            out.append(html.escape(str(value)))
        elif kind == "tt":
            out.append(f"<code>{html.escape(str(value))}</code>")
        elif kind == "unit":
            out.append(f'<span class="unit">{unit_html(unit_name_text(str(value)))}</span>')
        else:
            parts = []
            for part in value:  # type: ignore[attr-defined]
                if isinstance(part, str):
                    parts.append(_HTML_RELATION[part])
                elif isinstance(part, tuple) and part[0] == "number":
                    parts.append(html.escape(part[1]))
                elif isinstance(part, tuple) and part[0] == "tex":
                    parts.append(symbol_mathml(latex_plain(part[1])))
                elif isinstance(part, tuple) and part[0] == "d/d":
                    parts.append("∂/∂" + symbol_mathml(part[1].name, display))
                else:
                    parts.append(expr_mathml(part, display))
            out.append(" ".join(parts))
    return "".join(out)


def rule_html(rule: object, names: Mapping[str, sympy.Symbol], display: Mapping[sympy.Symbol, sympy.Symbol]) -> str:
    """A derivation step's rule (:meth:`~symcond.rules.base.Rule.describe`) as HTML, its expressions typeset
    from the rule's own SymPy objects (a substitution's definitions, an integral's variable and limits, a
    limit's point) rather than read back from the description, where ``FermiDirac(-1/2, eta)`` has a comma.

    >>> from symcond.rules.base import Integrate, Substitute
    >>> x, y = sympy.symbols("x y")
    >>> print(rule_html(Substitute({x: sympy.sqrt(y)}), {}, {}))
    substitute <math><mrow><mi>x</mi><mo>=</mo><msqrt><mi>y</mi></msqrt></mrow></math>
    >>> print(rule_html(Integrate(x, -sympy.oo, sympy.oo), {}, {}))  # doctest: +NORMALIZE_WHITESPACE
    integrate over <math><mi>x</mi></math> from <math><mrow><mo>−</mo><mi>∞</mi></mrow></math>
    to <math><mi>∞</mi></math>
    """
    text = rule.describe()  # type: ignore[attr-defined]
    tail = _rule_tail(rule, display)
    at = -1 if tail is None else text.rfind(tail[0])
    if tail is None or at < 0:
        return reason_html(text, names, display)
    rest = text[at + len(tail[0]):]
    after = (" " if rest[:1].isspace() else "") + reason_html(rest, names, display) if rest.strip() else ""
    return f"{reason_html(text[:at], names, display)} {tail[1]}{after}"


def _rule_tail(rule: object, display: Names) -> tuple[str, str] | None:
    """The end of a rule's description that holds its expressions, and that end as HTML with MathML."""
    definitions = getattr(rule, "definitions", None)
    if not definitions and hasattr(rule, "old") and hasattr(rule, "old_in_new"):
        definitions = {rule.old: rule.old_in_new}
    if definitions:
        return (", ".join(f"{k} = {sympy.sstr(v)}" for k, v in definitions.items()),
                ", ".join(expr_mathml(sympy.Eq(k, v, evaluate=False), display) for k, v in definitions.items()))
    var = getattr(rule, "var", None)
    if var is not None and hasattr(rule, "lower") and hasattr(rule, "upper"):
        return (f"{var} from {rule.lower} to {rule.upper}",
                f"{expr_mathml(var, display)} from {expr_mathml(rule.lower, display)} to"
                f" {expr_mathml(rule.upper, display)}")
    if var is not None and hasattr(rule, "point"):
        arrow = f"<mrow>{_inner(var, display)}{_mo('→')}{_inner(rule.point, display)}</mrow>"
        return f"{var} -> {rule.point}", _math(arrow)
    return None


def condition_html(text: str, names: Mapping[str, sympy.Symbol], display: Mapping[sympy.Symbol, sympy.Symbol]) -> str:
    """A condition of the evidence, ``name: relation``, as the name verbatim and the relation typeset.

    >>> print(condition_html("warm: T >= 300", {"T": sympy.Symbol("T")}, {}))
    <code>warm</code>: <math><mi>T</mi></math> ≥ 300
    """
    name, colon, relation = text.partition(": ")
    if not colon:
        return reason_html(text, names, display)
    return f"<code>{html.escape(name)}</code>: {reason_html(relation, names, display)}"
