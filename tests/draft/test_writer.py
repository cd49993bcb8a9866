"""A page of relations between fundamental constants drafts and verifies with no editing."""

import subprocess
import sys

from symcond.draft import draft_text

PAGE = r"""\documentclass{article}
\newcommand{\eps}{\varepsilon_0}
\begin{document}
The quantum Hall resistance is
\begin{equation} R_K = \frac{h}{e^2} \approx 25812.807\,\Omega . \end{equation}
The conductance quantum (a slip: spin is forgotten) is
\begin{equation} G_0 = \frac{e^2}{h} . \end{equation}
The impedance of free space and the Bohr radius,
\begin{align}
  Z_0 &= \mu_0 c , \\
  a_0 &= \frac{4\pi\eps\hbar^2}{m_{\mathrm e} e^2} ,
\end{align}
and the fine-structure constant, with a second slip (a factor $2\pi$ lost),
\begin{equation}
  \alpha = \frac{e^2}{4\pi\eps \hbar c} = \frac{e^2}{2\eps h c} = \frac{e^2}{4 \pi\eps h c} .
\end{equation}
A thermal energy is compared with the flux quantum's energy scale:
\[ E_T = k_{\rm B} T , \qquad \Phi_0 = \frac{h}{2e} \le \frac{h}{e} . \]
\end{document}
"""


def test_constants_page_drafts(tmp_path):
    text = draft_text(PAGE, "constants2026")
    assert 'paper.equality("eq1", R_K, h/e**2, where="Eq. (1)")' in text
    assert 'paper.value("eq1.2", h/e**2, "25812.807", unit="ohm", where="Eq. (1)")' in text
    assert 'E_T = paper.declare("E_T", \'J\', "inferred from the equations"' in text


def test_constants_page_verifies_with_no_editing(tmp_path):
    source = tmp_path / "constants2026.tex"
    source.write_text(PAGE)
    out = tmp_path / "constants2026.py"
    drafted = subprocess.run([sys.executable, "-m", "symcond", "draft", str(source), "--out", str(out)],
                             capture_output=True, text=True, timeout=120)
    assert drafted.returncode == 0, drafted.stderr
    run = subprocess.run([sys.executable, "-m", "symcond", "verify", str(out), "--no-cache", "--jobs", "1"],
                         capture_output=True, text=True, timeout=600)
    lines = {line.split()[0]: line for line in run.stdout.splitlines() if line.startswith("constants2026:eq")}
    verdict = {claim: line.split()[3 if "Eq." in line else 2] for claim, line in lines.items()}
    fails = sorted(c for c, line in lines.items() if " fails " in line)
    assert fails == ["constants2026:eq2", "constants2026:eq5.3"], run.stdout
    assert "factor lhs/rhs = 2" in lines["constants2026:eq2"]
    assert "pi" in lines["constants2026:eq5.3"] or "2" in lines["constants2026:eq5.3"]
    assert all(" holds " in line for c, line in lines.items() if c not in fails), run.stdout
    assert len(verdict) == 10


def test_value_in_scientific_notation_with_a_spaced_unit_and_a_full_stop():
    r"""``\approx 5.670\times10^{-8}\ \mathrm{W\,m^{-2}\,K^{-4}} .`` is a value claim with its unit (the letters
    of ``\times`` and the sentence's full stop used to turn it into a TODO)."""
    text = ("$$ \\sigma = \\frac{2\\pi^5 k_B^4}{15 h^3 c^2} \\approx 5.670\\times10^{-8}\\ "
            "\\mathrm{W\\,m^{-2}\\,K^{-4}} . $$\n")
    drafted = draft_text(text, "sb2026", markdown=True)
    assert 'paper.value("eq1", 2*pi**5*k_B**4/(15*c**2*h**3), "5.670e-8", unit="W m^-2 K^-4"' in drafted


def test_operator_names_in_subscripts_are_labels():
    r"""``\lambda_{\max}`` is a symbol lam_max, not an unreadable label; ``\lambda_{\max} T = b`` relates two
    symbols the page never defines, so it is a TODO, not an identity refuted at random points."""
    drafted = draft_text("$$ \\lambda_{\\max} T = b $$\n", "wien2026", markdown=True)
    assert 'lam_max = paper.declare("lam_max"' in drafted
    assert "# TODO eq1 (Eq. (1)): not drafted: b, lam_max (not defined above) on one side only" in drafted
    drafted = draft_text("$$ E_T = k_B T $$\n\n$$ E_T = \\frac{1}{2} k_B T $$\n", "thermal2026", markdown=True)
    assert 'paper.equality("eq2", E_T, T*k_B/2' in drafted  # a defined symbol: an identity to check


def test_one_displayed_equation_is_counted_in_the_singular():
    """The drafted file's docstring says 'from 1 displayed equation', not '1 displayed equations'."""
    drafted = draft_text("$$ E_T = k_B T $$\n", "single2026", markdown=True)
    assert "drafted by `symcond draft` from 1 displayed equation." in drafted.splitlines()[0]
