"""No Python spelling reaches a typeset page: reasons, units, statements and the bundled ledger as LaTeX/HTML."""

import re

import pytest
import sympy

from symcond import Paper, Rewrite, Step
from symcond.report.explain import explain
from symcond.report.html import html_ledger
from symcond.report.html_math import reason_html
from symcond.report.latex import prose_as_text, reason_latex, statement_latex
from symcond.report.ledger_formats import render_ledger
from symcond.report.plain import latex_plain
from symcond.report.typeset import unit_tex

TAU_IN, TAU_EL, V_TH, M_STAR = sympy.symbols("tau_in tau_el v_th m_star", positive=True)
NAMES = {s.name: s for s in (TAU_IN, TAU_EL, V_TH, M_STAR)}
LATEX = {TAU_IN: r"\tau_{in}", TAU_EL: r"\tau_{el}", V_TH: "v_{th}", M_STAR: "m^*"}
PYTHON_SPELLING = re.compile(r"\*\*|sqrt\(|\btau_in\b|\bv_th\b|m_star|\\char95|\\char94")


def _without_verbatim(tex: str) -> str:
    r"""``tex`` with every ``\texttt{...}`` group (nested braces included) removed."""
    out, i = [], 0
    while True:
        j = tex.find(r"\texttt{", i)
        if j < 0:
            return "".join([*out, tex[i:]])
        out.append(tex[i:j])
        depth, k = 0, j + len(r"\texttt")
        while k < len(tex):
            depth += {"{": 1, "}": -1}.get(tex[k], 0)
            k += 1
            if depth == 0:
                break
        i = k


@pytest.mark.parametrize("reason, expected", [
    ("rhs - lhs = tau_in**2/(tau_el + tau_in) is positive for all admissible values",
     r"$\mathrm{rhs} - \mathrm{lhs} = \frac{\tau_{in}^{2}}{\tau_{el} + \tau_{in}}$ is positive"),
    ("the limit is v_th/sqrt(pi), not v_th", r"the limit is $\frac{v_{th}}{\sqrt{\pi}}$, not $v_{th}$"),
    ("d/dm_star simplifies to 0; confirmed", r"$\partial/\partial m^*$ simplifies to 0"),
    ("holds only under tau_in_le_tau_el; without: a point", r"holds only under \texttt{tau"),
    ("worst 4.06e-15 (tolerance 3.83e-12) at law 4",
     r"worst $4.06 \times 10^{-15}$ (tolerance $3.83 \times 10^{-12}$)"),
    ("dimension is m^2 s^-2", r"dimension is $\mathrm{m^{2}\,s^{-2}}$"),
    ("dimension is S", r"$\mathrm{S}~\text{(siemens)}$"),
    ("dimension mismatch: lhs is J m^-2 K^-1 but rhs is s^-2 K^-1 (lhs/rhs: kg)",
     r"but rhs is $\mathrm{s^{-2}\,K^{-1}}$ (lhs/rhs: $\mathrm{kg}~\text{(kilogram)}$)"),
])
def test_reason_expressions_are_typeset(reason, expected):
    """Expressions in a prover's reason become mathematics with the registry's names; names are verbatim."""
    shown = reason_latex(reason, NAMES, LATEX)
    assert expected in shown
    assert not PYTHON_SPELLING.search(_without_verbatim(shown))


def test_reason_html_uses_mathml_and_code():
    """In HTML the expression is MathML and a condition name is code: no Python spelling in the text."""
    shown = reason_html("rhs - lhs = tau_in**2/(tau_el + tau_in) under tau_in_le_tau_el", NAMES, {})
    assert "<math>" in shown and "<code>tau_in_le_tau_el</code>" in shown
    assert "**" not in shown


def test_units_raise_whole_exponents_and_name_units():
    """``m^2 s^-2`` raises ``-2`` as a whole, and a one-symbol unit says its name."""
    assert unit_tex("m^2 s^-2") == r"\mathrm{m^{2}\,s^{-2}}"
    assert unit_tex("Ω") == r"\mathrm{\Omega}~\text{(ohm)}" and "watt" in unit_tex("W")


def test_prose_statement_is_set_as_text():
    """The words of eq11.admittance are text, not a run of italic letters."""
    statement = r"\varepsilon_0 c is the vacuum admittance 1/Z_0 = \sqrt{\varepsilon_0/\mu_0}"
    assert r"\text{ is the vacuum admittance }" in prose_as_text(statement)
    expected = r"$\varepsilon_0 c$ is the vacuum admittance $1/Z_0 = \sqrt{\varepsilon_0/\mu_0}$"
    assert statement_latex(statement) == expected


def test_words_around_dollar_math_keep_their_spaces():
    """Text between ``$...$`` pieces keeps the spaces that separate it from the math."""
    paper = Paper("demo2026")
    shown = statement_latex("the steps of $G_0^m = m^2/h$ are measured in units of $1/h$", paper)
    assert shown == "the steps of $G_0^m = m^2/h$ are measured in units of $1/h$"


def test_latex_plain_reads_aligned():
    """A terminal shows a derivation's LaTeX as plain text."""
    assert latex_plain(r"\begin{aligned}& \frac{e^{2}}{h} \\&= \frac{2 e^{2}}{h} && \text{rewrite}\end{aligned}") \
        == "e^2/h; = (2 e^2)/h rewrite"


@pytest.mark.parametrize(("latex", "plain"), [
    (r"\frac{2 v_F}{L}\frac{\tau_{el}\tau_{in}}{\tau_{el}+\tau_{in}}", "(2 v_F)/L·(τ_el τ_in)/(τ_el+τ_in)"),
    (r"n e^{2}\tau_m/m^*", "n e^2 τ_m/m^*"),
    (r"\int_0^t \frac{dk}{2\pi}", "∫_0^t dk/2π"),
    (r"a = \frac{b}{c}", "a = b/c"),
])
def test_latex_plain_keeps_juxtaposed_factors_apart(latex, plain):
    """A product of fractions gets a ·, a letter after a subscript a space; an integral's operand neither."""
    assert latex_plain(latex) == plain


def test_explain_prints_no_raw_latex_in_a_terminal():
    """A derivation without a printed statement (its statement is LaTeX) is plain text unless --latex."""
    paper = Paper("demo2026")
    e, h = paper.symbols("e h")
    claim = paper.derivation("eq1", e**2 / h, Step(e * e / h, Rewrite()))
    explanation = explain(paper, claim)
    assert "\\begin{aligned}" in claim.statement
    assert "\\begin{aligned}" not in explanation.text() and "\\" not in explanation.text().splitlines()[1]
    assert "\\begin{aligned}" in explanation.text(latex=True)


def test_bundled_ledger_latex_has_no_python_spelling(bundled_ledger):
    """The typeset ledger: outside ``\\texttt`` (claim ids, condition names) no ``**``, ``sqrt(``, ``tau_in``."""
    tex = render_ledger(bundled_ledger, "latex")
    body = _without_verbatim(tex[tex.index(r"\begin{document}"):])
    found = sorted({m.group() for m in PYTHON_SPELLING.finditer(body)})
    assert not found, found
    assert r"\mathrm{m^{2}\,s^{-2}}" in tex and "(siemens)" in tex
    assert r"$\varepsilon_0 c$ is the vacuum admittance $" in tex


def test_bundled_ledger_html_has_no_python_spelling(bundled_ledger):
    """The HTML ledger: outside ``<code>`` (names, the statement as printed) no Python spelling."""
    page = html_ledger(bundled_ledger)
    text = re.sub(r"<code>.*?</code>", "", page, flags=re.S)
    text = re.sub(r"<(script|style)>.*?</\1>", "", text, flags=re.S)
    pattern = r"\*\*|sqrt\(|\btau_in\b|\bv_th\b|m_star|fermidirac|<mi>dN2</mi>|<mi>lam</mi>"
    found = sorted({m.group() for m in re.finditer(pattern, text)})
    assert not found, found


def test_fermi_dirac_integral_is_script_f_in_mathml():
    """SymPy's MathML printer would spell the class name (fermidirac); the page shows a script F_j."""
    from symcond.report.html_math import expr_mathml
    from symcond.special.sympy_fd import FermiDirac

    shown = expr_mathml(FermiDirac(-sympy.Rational(1, 2), sympy.Symbol("eta")))
    assert "fermidirac" not in shown and '<msub><mi mathvariant="script">F</mi>' in shown


@pytest.mark.parametrize(("reason", "expected"), [
    ("the mean speed <|v| f_eq>/n is v_F/2",
     r"$\frac{\left\langle f_{eq} \left|v\right| \right\rangle}{n}$ is $\frac{v_{F}}{2}$"),
    ("an isotropic gas has sqrt(<v_x^2>) = c/sqrt(3)",
     r"$\sqrt{\left\langle v_{x}^{2} \right\rangle} = \frac{c \sqrt{3}}{3}$"),
    ("is pi^5 k_B c m/(15 zeta(3) L h) times", r"$\frac{m}{15 L h \zeta\left(3\right)}$ times"),
    ("the variance is pi^2/3 - 4 ln(2)^2 = 1.37, not",
     r"$- 4 \log{\left(2 \right)}^{2} + \frac{\pi^{2}}{3} = 1.37$, not"),
    ("h n/(4 m*) = v_F sqrt(pi) F_{-1/2}(eta)/(2 sqrt(eta)), not v_F",
     r"$\frac{\mathcal{F}_{- \frac{1}{2}}\left(\eta\right)}{2 \sqrt{\eta}}$, not"),
    ("with the literal v(n, T) = 1", r"\texttt{v(n,\allowbreak{} T)}"),
])
def test_averages_bars_and_bracketed_spaces_are_typeset(reason, expected):
    """``<x>`` is an average, ``|x|`` a modulus, ``F_{j}(x)`` a Fermi-Dirac integral, factors side by side
    inside brackets a product; what still cannot be read stays one verbatim piece, not split at its spaces."""
    names = {n: sympy.Symbol(n, positive=True) for n in ("n", "v", "v_F", "c", "k_B", "m", "L", "h", "eta")}
    shown = reason_latex(reason, names, {names["eta"]: r"\eta"})
    assert expected in shown
    assert not re.search(r"sqrt\(|_eq|<\||\bln\(|FermiDirac", _without_verbatim(shown))


def test_step_rules_are_typeset_from_their_expressions():
    """A substitution whose expression holds FermiDirac(-1/2, eta) (a comma) is MathML, never split text."""
    from symcond import Integrate, Substitute
    from symcond.report.html_math import rule_html
    from symcond.special.sympy_fd import FermiDirac

    eta, n, x = sympy.symbols("eta n x", positive=True)
    shown = rule_html(Substitute({n: sympy.sqrt(2) * FermiDirac(-sympy.Rational(1, 2), eta)}), {}, {})
    assert shown.startswith("substitute <math>") and "FermiDirac" not in shown and "sqrt(" not in shown
    assert '<mi mathvariant="script">F</mi>' in shown
    bose = type("Bose", (Integrate,), {"describe": lambda self: Integrate.describe(self) + " (Bose series)"})
    assert rule_html(bose(x, 0, sympy.oo), {}, {}).endswith("<math><mi>∞</mi></math> (Bose series)")


def test_condition_names_stay_verbatim_and_relations_are_math():
    """'tau_in_le_tau_el: tau_in <= tau_el' shows the name as code and the relation as MathML."""
    from symcond.report.html_math import condition_html

    shown = condition_html("tau_in_le_tau_el: tau_in <= tau_el", NAMES, {})
    assert shown.startswith("<code>tau_in_le_tau_el</code>: <math>") and "≤" in shown
    assert "tau_in <=" not in shown


@pytest.mark.parametrize(("latex", "markup"), [
    (r"\bar v", "<mi>v\u0304</mi>"),
    (r"|v_{12}|", "<mrow><mo>|</mo><msub><mi>v</mi><mi>12</mi></msub><mo>|</mo></mrow>"),
])
def test_registry_latex_names_reach_the_mathml(latex, markup):
    """A symbol declared with LaTeX \\bar v or |v_{12}| is printed as v̄ and |v₁₂|, not 'vbar' or '|v' sub '12|'."""
    from symcond.report.html_math import display_names, expr_mathml

    paper = Paper("names2026")
    w = paper.declare("w", "velocity", "a speed", latex=latex)
    shown = expr_mathml(-w**2, display_names(paper))
    assert markup in shown and "<mi>w</mi>" not in shown and "<mo>−</mo>" in shown and "<mo>-</mo>" not in shown


#: Python spellings that must not reach a typeset page (issue 18).
SPELLINGS = ("**", "sqrt(", "FermiDirac(", "tau_in", "vbar", "<|v| f_eq>/n", "_eq", "exp(", "Integral(")


@pytest.fixture(scope="module")
def typeset_pages(bundled_ledger):
    """The bundled ledger rendered once: the HTML page's text nodes outside ``<code>`` (script and style
    dropped, entities decoded) and the LaTeX document outside ``\\texttt``."""
    import html

    page = html_ledger(bundled_ledger)
    page = re.sub(r"<(script|style)>.*?</\1>|<code>.*?</code>", "", page, flags=re.S)
    texts = " | ".join(html.unescape(t) for t in re.findall(r">([^<]+)<", page))
    tex = render_ledger(bundled_ledger, "latex")
    return {"html": texts, "latex": _without_verbatim(tex[tex.index(r"\begin{document}"):]).replace(r"\_", "_")}


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("page", ["html", "latex"])
def test_no_python_spelling_on_a_typeset_page(typeset_pages, page, spelling):
    """No ``**``, ``sqrt(``, ``FermiDirac(``, ``tau_in``, ``vbar``, ``<|v| f_eq>/n``, ``_eq``, ``exp(``,
    ``Integral(`` in the HTML ledger's text or the LaTeX ledger outside verbatim names."""
    text = typeset_pages[page]
    at = text.find(spelling)
    assert at < 0, text[max(0, at - 80):at + 80]


def test_average_of_a_modulus_in_mathml():
    """The erratum's mean speed <|v| f_eq>/n is ⟨|v| f_eq⟩/n in MathML: angle brackets and the bars kept."""
    v = sympy.Symbol("v", positive=True)
    shown = reason_html("the mean speed <|v| f_eq>/n is v/2", {"v": v}, {})
    assert "<mo>⟨</mo>" in shown and "<mo>⟩</mo>" in shown and "<mo>|</mo><mi>v</mi><mo>|</mo>" in shown
    assert "&lt;" not in shown and "f_eq" not in shown
