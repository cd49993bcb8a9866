"""The draft grammar on LaTeX in several authors' styles: each formula as the author means it."""

import pytest
import sympy

from symcond.draft.grammar import parse_side
from symcond.draft.symbols import SymbolTable
from symcond.errors import ParseError

S = sympy.Symbol


def _p(name: str) -> sympy.Symbol:
    return S(name, positive=True)


CASES = [
    # (author's LaTeX, what it means in registry / declared names)
    (r"\frac{\pi^2 k_B^4}{60\hbar^3c^2}", "pi**2*k_B**4/(60*hbar**3*c**2)"),
    (r"\dfrac{k_{\rm B} T}{e}", "k_B*T/e"),
    (r"\tfrac12 k_\mathrm{B}T", None),  # \tfrac12 without braces: not read (see test below)
    (r"\left( \frac{m_{\mathrm e}}{2\pi\hbar^2} \right)^{3/2}", "(m_e/(2*pi*hbar**2))**(3/2)"),
    (r"\sqrt[3]{x} \cdot y \times z", "x**(1/3)*y*z"),
    (r"4\pi\varepsilon_0 \hbar c", "4*pi*eps0*hbar*c"),
    (r"4\pi\epsilon_0\hbar c", "4*pi*eps0*hbar*c"),
    (r"\zeta(3)\,\Gamma(4)", "6*zeta(3)"),
    (r"\exp\left(-\frac{U}{k_B T}\right)", "exp(-U/(k_B*T))"),
    (r"\mathrm{e}^{-x} + e^{-x}", "2*exp(-x)"),
    (r"\ln 2 \cdot \tau_{in}", "log(2)*tau_in"),
]


@pytest.mark.parametrize(("latex", "meaning"), [c for c in CASES if c[1]])
def test_formulas_mean_what_the_author_means(latex, meaning):
    table = SymbolTable()
    got = parse_side(latex, table)
    names = {s.name: s for s in got.free_symbols}
    expected = sympy.sympify(meaning, locals={n: s for n, s in names.items()})  # test oracle text, ours
    assert sympy.simplify(got - expected) == 0


def test_labels_are_not_powers():
    table = SymbolTable()
    assert parse_side(r"G^{qp}", table).name == "G_qp"
    assert parse_side(r"\overline{N}", table).name == "N_bar"
    assert parse_side(r"m^*", table).name == "m_star"
    assert parse_side(r"t'", table).name == "t_p"
    assert parse_side(r"k_{\rm B}", table) == parse_side(r"k_\mathrm{B}", table) == parse_side("k_B", table)


@pytest.mark.parametrize("latex", [r"x, y", r"\int f\,dx", r"\int_0^1 f", r"\int_{-1}^1 |x|\,dx", r"\tfrac12",
                                   r"n(T)", r"n(T, V)", r"\frac{a}{"])
def test_what_is_not_read_is_a_one_line_parse_error(latex):
    with pytest.raises(ParseError):
        parse_side(latex, SymbolTable())


@pytest.mark.parametrize("latex", [r"G^{m}", r"G_{0}^{e}", r"D_0^m h", r"x^n"])
def test_a_symbol_raised_to_a_symbol_is_not_guessed(latex):
    r"""``G^{m}`` in reggiani2026 is a label (the mass conductance), ``x^n`` a power: without the document
    (``powers``, see test_labels.py) neither is guessed."""
    with pytest.raises(ParseError, match=r"a label .* or a power"):
        parse_side(latex, SymbolTable())
