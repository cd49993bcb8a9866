r"""Superscript labels, primes and averages in several authors' styles, read by the whole document (issue 19)."""

import pytest
import sympy

from symcond.draft import draft_text
from symcond.draft.grammar import parse_side
from symcond.draft.labels import powers_of
from symcond.draft.symbols import SymbolTable
from symcond.errors import ParseError


def _md(*lines: str) -> str:
    return "\n\n".join(f"$$ {line} $$" for line in lines) + "\n"


def _read(latex: str, *document: str) -> sympy.Expr:
    """``latex`` parsed as one side of a document made of ``document`` and itself."""
    return parse_side(latex, SymbolTable(), powers=powers_of([*document, latex]))


@pytest.mark.parametrize("latex", [r"G^{m}", r"G^m", r"G^{\rm m}", r"G^{\mathrm{m}}", r"G^{\text{m}}"])
def test_a_letter_over_a_symbol_never_raised_is_a_label(latex):
    """G^{m} in a paper that squares m but never G: the mass conductance G_m, however the author sets the m."""
    assert _read(latex, r"\frac{m^2}{h}") == sympy.Symbol("G_m", positive=True)


@pytest.mark.parametrize(("latex", "name"), [
    (r"D_0^{m}", "D_0_m"), (r"G^{m}_{0}", "G_0_m"), (r"\tau_T^{r}", "tau_T_r"), (r"G_0^{\varepsilon}", "G_0_eps"),
    (r"G^{e,th}", "G_e_th"), (r"G^{e, th}_0", "G_0_e_th"), (r"E^0", "E_0"), (r"\mu^{0}", "mu_0"),
])
def test_label_spellings(latex, name):
    """Subscript after the label, Greek labels, comma lists, and ^0 (a standard-state label, never a power: 1)."""
    assert _read(latex, r"\varepsilon^2").name == name


@pytest.mark.parametrize(("latex", "document"), [
    (r"x^{n}", r"x^2"),  # x is squared elsewhere: x^n may be a power
    (r"T^{n}", r"(k_B T)^{n}"),  # n is an exponent elsewhere
    (r"T^{n}", r"2^{n}"),
])
def test_a_letter_over_a_symbol_the_document_raises_stays_a_todo(latex, document):
    """When the document raises the symbol to a number, or uses the letter as an exponent, nothing is guessed."""
    text = draft_text(_md(f"y = {document}", f"z = {latex}"), "todo2026", markdown=True)
    assert "# TODO eq2 (Eq. (2)): not read: cannot build" in text and "a label (G^{m}, D_0^{e}) or a power?" in text


def test_without_a_document_a_letter_over_a_symbol_is_not_decided():
    """parse_side with no document (no powers): G^{m} is neither a label nor a power."""
    with pytest.raises(ParseError, match=r"a label .* or a power"):
        parse_side(r"G^{m}", SymbolTable())


def test_a_letter_over_a_bracket_is_a_power():
    """(k_B T)^{n} is a power whatever the document."""
    table = SymbolTable()
    got = parse_side(r"(k_B T)^{n}", table, powers=powers_of([r"G^{m}"]))
    assert got == (table("k|B||") * table("T|||")) ** table("n|||")


@pytest.mark.parametrize("latex", [r"v^{{}^{\prime}2}_{x}", r"v_{x}^{{}^\prime 2}", r"v^{\prime 2}_x", r"v_x'^2",
                                   r"v'^{2}_{x}", r"v^{\prime\,2}_{x}"])
def test_primes_in_several_styles(latex):
    """v' along x, squared: primes on an empty group, \\prime, ', with the subscript before or after."""
    v = sympy.Symbol("v_x_p", positive=True)
    assert parse_side(latex, SymbolTable()) == v**2


@pytest.mark.parametrize(("latex", "name"), [
    (r"\overline{N_e}", "N_e_bar"), (r"\bar{N}_e", "N_e_bar"), (r"\overline{N_{\rm e}}", "N_e_bar"),
    (r"\overline{v^{{}^{\prime}2}_{x}}", "v_x_p_bar2"), (r"\overline{v_x'^2}", "v_x_p_bar2"),
    (r"\overline{\delta N^{2}}", "deltaN_bar2"), (r"\langle \delta N^2 \rangle", None),
])
def test_averages_are_symbols_of_their_own(latex, name):
    """\\overline over a name with its scripts is one symbol; the average of a power is a symbol of its own, never a
    power of an average (the mean of v'^2 is not the square of the mean); \\langle is not read (a TODO)."""
    if name is None:
        with pytest.raises(ParseError, match="not read"):
            parse_side(latex, SymbolTable())
        return
    assert parse_side(latex, SymbolTable()).name == name


def test_a_bar_over_the_name_only_is_the_average_the_document_writes():
    """\\overline{v_x}'^2 is the average of v_x'^2 where the document writes \\overline{v_x'^2}; elsewhere it is what
    it says, the square of \\overline{v_x}'."""
    assert _read(r"\overline{v_{x}}^{{}^{\prime}2}", r"\overline{v_x'^2}").name == "v_x_p_bar2"
    assert _read(r"\overline{v_{x}}^{{}^{\prime}2}") == sympy.Symbol("v_x_p_bar", positive=True) ** 2
    assert _read(r"\overline{N}^2", r"\overline{N^2}") == sympy.Symbol("N_bar", positive=True) ** 2  # no prime


def test_labels_in_a_drafted_file():
    """G^{m} drafts as the symbol G_m; its base G is not declared, m is."""
    text = draft_text(_md(r"G^{m} = \frac{m^{2} n}{h}"), "mass2026", markdown=True)
    assert "# Eq. (1) defines G_m = m**2*n/h" in text
    assert 'G_m = paper.declare("G_m"' in text and 'm = paper.declare("m"' in text
    assert "G = paper.declare" not in text


def test_rightarrow_is_a_relation_not_a_right_delimiter():
    r"""``A = B \rightarrow C = D``: the arrow is split as a relation (it used to be read as ``\right``)."""
    text = draft_text(_md(r"G^{e} = \frac{e^2 n \tau}{m L^2} \rightarrow G^{qp} = \frac{n}{h_s}"), "arrow2026",
                      markdown=True)
    assert "# Eq. (1) defines G_e = e**2*n*tau/(L**2*m)" in text
    assert "# TODO eq1 (Eq. (1)): not drafted: a limit arrow without its regime" in text
    assert "between two equations it reads 'becomes'" in text


@pytest.mark.parametrize(("latex", "line"), [
    (r"R_K = 25812.807\,\Omega", 'paper.value("eq1", R_K, "25812.807", unit="ohm", where="Eq. (1)")'),
    (r"R_K = 25812.807", 'paper.value("eq1", R_K, "25812.807", where="Eq. (1)")'),  # not R_K = 25812807/1000 exactly
    (r"G_{0}^{m} = 1.25\times 10^{-27}\ Kg^{2}/(Js)", "# TODO eq1 (Eq. (1)): unit not read"),  # not G_0_m := ... K g
    (r"\gamma = 1.4", "# Eq. (1) defines gamma_ = Rational(7, 5)"),  # a new symbol, no unit: a definition
    (r"x = 2\times 10^{3}", "# Eq. (1) defines x = 2000"),
])
def test_a_printed_number_after_equals(latex, line):
    """A printed decimal after = is a value claim (it used to be parsed as a product with a symbol Ω, or compared
    exactly); a new symbol set to a number with no unit is a definition."""
    assert line in draft_text(_md(latex), "value2026", markdown=True)


def test_definitions_are_written_out_to_the_end_before_the_one_sided_check():
    """h_s = m sqrt(w) L with w = k_B T n/m: a relation between w and h_s is an identity to check (n appears on
    both sides once h_s and w are both written out), not a condition on n."""
    text = draft_text(_md(r"h_s = m \sqrt{w} L", r"w = \frac{k_B T n}{m}", r"\frac{1}{L^2 m^2 w} = \frac{1}{h_s^2}"),
                      "chain2026", markdown=True)
    assert 'paper.equality("eq3", 1/(L**2*m**2*w), h_s**(-2), givens={' in text


@pytest.mark.parametrize(("first", "second_is_definition"), [
    (r"u \le v", True),  # u met only in a TODO (one-sided): it may be defined later
    (r"u + v = v + u", False),  # u in a drafted claim, which treated it as free: not defined later
])
def test_a_symbol_met_only_in_todos_can_be_defined_later(first, second_is_definition):
    """A definition after a TODO that mentions the symbol; never after a claim that used it as a free symbol."""
    text = draft_text(_md(first, r"u = 2 k_B T"), "later2026", markdown=True)
    assert ("# Eq. (2) defines u = 2*T*k_B" in text) is second_is_definition
