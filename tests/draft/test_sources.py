"""Finding display math: environments, numbers, labels, tags, macros, Markdown."""

from symcond.draft.sources import displays

TEX = r"""
\newcommand{\kB}{k_{\rm B}}
We start from
\begin{equation} a = b \label{eq:first} \end{equation}
then \[ c = d \] and
\begin{align}
 x &= y \\
   &= z \nonumber \\
 u &< v \tag{7a}
\end{align}
\begin{gather*} p = \kB T \end{gather*}
$$ q = r $$
"""


def test_latex_numbers_follow_the_numbered_lines():
    found = displays(TEX)
    assert [(d.math, d.number) for d in found] == [
        ("a = b", "1"), ("c = d", None), ("x &= y", "2"), ("&= z", None), ("u &< v", "7a"),
        (r"p = {k_{\rm B}} T" if False else r"p = k_{\rm B} T", None), ("q = r", None)]
    assert found[0].label == "eq:first" and "We start from" in found[0].sentence
    assert found[3].continued


def test_markdown_displays_are_numbered_in_order():
    text = "Energy:\n\n$$E = mc^2$$\n\nand\n\n```math\nF = m a\n```\n"
    assert [(d.math, d.number) for d in displays(text, markdown=True)] == [("E = mc^2", "1"), ("F = m a", "2")]
