r"""LaTeX output: safe escaping of claim text and the ledger as a ``longtable`` document.

Everything that comes from a claim (ids, locations, reasons, statements) passes through
:func:`escape_text` or :func:`statement_latex`: the LaTeX specials ``\ & % $ # _ { } ~ ^``
and the characters that the default OT1 font encoding prints wrongly (``< > |``) are
escaped, and non-ASCII characters become LaTeX commands (Greek letters, dashes, accents;
anything else ``[U+XXXX]``).  The document uses only packages of Debian's
``texlive-latex-base`` and ``texlive-latex-recommended`` (geometry, amsmath, amssymb,
textcomp, array, longtable, booktabs, xcolor) and compiles with ``pdflatex``.

>>> print(escape_text("q_P^2 & 50% of #3 in {x}"))
q\texttt{\char95}P\texttt{\char94}2 \& 50\% of \#3 in \{x\}
>>> print(escape_text("τ ≤ 1 — µ"))
\ensuremath{\tau} \ensuremath{\le} 1 --- \ensuremath{\mu}
>>> print(statement_latex(r"\tau_m < \tau_{in}"))
$\tau_m < \tau_{in}$
>>> print(statement_latex("G_0 x D_0 for m is independent of h"))
G\texttt{\char95}0 x D\texttt{\char95}0 for m is independent of h
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

import sympy

from symcond import __version__
from symcond.ledger.run import Entry, Ledger
from symcond.model.paper import Paper
from symcond.model.verdict import Finding, Verdict, listed
from symcond.report.plain import counted
from symcond.report.typeset import (
    Segment,
    _chain_tex,
    expr_tex,
    latex_names,
    names_of,
    number_tex,
    reason_segments,
    unit_tex,
)

__all__ = ["escape_text", "escape_math", "statement_latex", "latex_ledger", "tt_text", "breakable",
           "VERDICT_COLOURS", "detail_latex", "prose_as_text"]

# ASCII characters the roman OT1 font lacks are taken from the typewriter font (copyable from the PDF)
_SPECIAL = {"\\": r"\texttt{\char92}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\texttt{\char95}",
            "{": r"\{", "}": r"\}", "~": r"\texttt{\char126}", "^": r"\texttt{\char94}", "<": r"\textless{}",
            ">": r"\textgreater{}", "|": r"\textbar{}", '"': r"\texttt{\char34}"}
_GREEK = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho varsigma sigma "
          "tau upsilon phi chi psi omega").split()
_MATH = {chr(0x3B1 + i): "\\" + name for i, name in enumerate(_GREEK) if name != "omicron"}
_MATH.update({chr(0x391 + i): "\\" + name.capitalize() for i, name in enumerate(_GREEK)
              if name.capitalize() in {"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi",
                                       "Psi", "Omega"}})
_MATH.update({"µ": r"\mu", "ε": r"\varepsilon", "ϵ": r"\epsilon", "ϑ": r"\vartheta", "φ": r"\varphi",
              "ϕ": r"\phi", "ħ": r"\hbar", "ℏ": r"\hbar", "≤": r"\le", "≥": r"\ge", "≠": r"\neq",
              "≈": r"\approx", "∼": r"\sim", "≡": r"\equiv", "∝": r"\propto", "→": r"\to", "←": r"\leftarrow",
              "⇒": r"\Rightarrow", "⇔": r"\Leftrightarrow", "↔": r"\leftrightarrow", "×": r"\times",
              "·": r"\cdot", "±": r"\pm", "∓": r"\mp", "∞": r"\infty", "∂": r"\partial", "∇": r"\nabla",
              "√": r"\surd", "∫": r"\int", "∑": r"\sum", "∏": r"\prod", "⟨": r"\langle", "⟩": r"\rangle",
              "′": "'", "″": "''", "°": r"^\circ", "²": "^2", "³": "^3", "¹": "^1", "⁻": "^-", "∈": r"\in",
              "−": "-", "Å": r"\mathring{A}", "ℓ": r"\ell", "…": r"\ldots", "∥": r"\parallel", "⊥": r"\perp"})
_MATH.update({chr(0x2080 + i): f"_{i}" for i in range(10)})
_TEXT = {"—": "---", "–": "--", "‘": "`", "’": "'", "“": "``", "”": "''", "\u00a0": "~", "§": r"\S{}",
         "©": r"\copyright{}", "ß": r"\ss{}", "æ": r"\ae{}", "ø": r"\o{}", "Ø": r"\O{}", "ł": r"\l{}",
         "\u2009": r"\,", "\u202f": r"\,"}
_ACCENTS = {"\u0301": "'", "\u0300": "`", "\u0308": '"', "\u0302": "^", "\u0303": "~", "\u0327": "c",
            "\u030c": "v", "\u030a": "r", "\u0304": "=", "\u0306": "u", "\u030b": "H"}


def _unicode(ch: str, math: bool) -> str:
    if ch in _MATH:
        return _MATH[ch] + " " if math else f"\\ensuremath{{{_MATH[ch]}}}"
    if ch in _TEXT:
        return f"\\text{{{_TEXT[ch]}}}" if math else _TEXT[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if base.isascii() and marks and all(m in _ACCENTS for m in marks):
        text = base
        for mark in marks:
            text = f"\\{_ACCENTS[mark]}{{{text}}}"
        return f"\\text{{{text}}}" if math else text
    code = f"[U+{ord(ch):04X}]"
    return f"\\text{{{code}}}" if math else code


def escape_text(text: str) -> str:
    r"""Plain text made safe for LaTeX text mode (specials escaped, unicode as commands).

    >>> print(escape_text("café ∞"))
    caf\'{e} \ensuremath{\infty}
    """
    return "".join(_SPECIAL.get(ch, ch) if ch.isascii() else _unicode(ch, math=False) for ch in text)


def escape_math(latex: str) -> str:
    r"""LaTeX math with non-ASCII characters replaced by commands (ASCII left as written).

    >>> print(escape_math("τ_in ≤ τ_el"))
    \tau _in \le  \tau _el
    """
    return "".join(ch if ch.isascii() else _unicode(ch, math=True) for ch in latex)


_BREAKABLE = re.compile(r"(\\texttt\{\\char9[45]\}|[*/+=,.:])")


def breakable(escaped: str) -> str:
    r"""Allow line breaks after operators and underscores of already escaped text (long ids, formulas).

    >>> print(breakable(escape_text("a_b*c")))
    a\texttt{\char95}\allowbreak{}b*\allowbreak{}c
    """
    return _BREAKABLE.sub(lambda m: m.group(1) + r"\allowbreak{}", escaped)


def tt_text(text: str) -> str:
    r"""Text for a typewriter cell: escaped, with line breaks allowed after dots and underscores.

    >>> print(tt_text("eq5.below_tau"))
    eq5.\allowbreak{}below\texttt{\char95}\allowbreak{}tau
    """
    return breakable(escape_text(text))


def _balanced(latex: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", latex):
        depth += {"{": 1, "}": -1}.get(match.group(), 0)
        if depth < 0:
            return False
    return depth == 0


def _safe_math(latex: str) -> bool:
    """True when ``latex`` can be set in ``$...$`` inside a table cell without breaking the table."""
    return _balanced(latex) and not re.search(r"(?<!\\)[&%#$]|\\\\|\\(begin|end|par|item)\b", latex)


def _looks_like_words(text: str) -> bool:
    bare = re.sub(r"[_^](\{[^{}]*\}|\w)", "", text)  # sub- and superscripts are labels, not words
    return "\\" not in text and len(re.findall(r"\b[A-Za-z]{2,}\b", bare)) >= 3


def statement_latex(statement: str, paper: Paper | None = None) -> str:
    r"""A claim's statement for a LaTeX cell: text with ``$...$`` math, pure math, or escaped words.

    Statements that would not compile (unbalanced braces, table specials) are shown as text.

    >>> print(statement_latex("at $l = L$ the time is $\\tau_T$"))
    at $l = L$ the time is $\tau_T$
    >>> print(statement_latex(r"\frac{1}{2"))
    \texttt{\char92}frac\{1\}\{2
    """
    if "$" in statement:
        parts = statement.split("$")
        if len(parts) % 2 == 1 and all(_safe_math(p) for p in parts[1::2]):
            return "".join(f"${escape_math(p)}$" if i % 2 else _words(p, paper) for i, p in enumerate(parts) if p)
        return escape_text(statement)
    if _looks_like_words(statement) or not _safe_math(statement):
        return _words(statement, paper) if _safe_math(statement) or paper is not None else escape_text(statement)
    return _math_and_text(prose_as_text(statement))


_SPACING = r"(?:\\[ ,;:!]|\\q?quad\b|\s)+"


def _trim(math: str) -> str:
    r"""A math piece without the spacing commands (``\ ``, ``\quad``) at its ends: ``$`` may follow."""
    return re.sub(f"^{_SPACING}|{_SPACING}$", " ", math)


def _math_and_text(latex: str) -> str:
    r"""A formula whose top-level ``\text{...}`` groups are set as text between ``$...$`` pieces (so a long
    statement breaks across lines in a narrow cell); as one formula when a piece would not compile.

    >>> print(_math_and_text(r"x \text{ at low currents } y"))
    $x$ at low currents $y$
    >>> print(_math_and_text(r"h \ge 1\ \text{(it holds)}"))
    $h \ge 1$ (it holds)
    """
    pieces: list[tuple[bool, str]] = []
    pos = 0
    for match in re.finditer(r"\\text\{", latex):
        if match.start() < pos or not _balanced(latex[:match.start()]):
            continue
        depth, end = 0, match.end() - 1
        for end in range(match.end() - 1, len(latex)):
            depth += {"{": 1, "}": -1}.get(latex[end], 0)
            if depth == 0:
                break
        pieces += [(True, _trim(latex[pos:match.start()])), (False, latex[match.end():end])]
        pos = end + 1
    pieces.append((True, _trim(latex[pos:])))
    unsafe = not all(_safe_math(p) for math, p in pieces if math) or any("$" in p for math, p in pieces if not math)
    if len(pieces) == 1 or unsafe:
        return f"${escape_math(latex)}$"
    out = []
    for math, piece in pieces:
        if math and piece.strip():
            out.append(f"${escape_math(piece.strip())}$")
            out.append(" " if piece.endswith(" ") else "")
        elif not math:  # words are set apart from the math around them (\text{of}x printed "ofx")
            words = piece.replace("\n", " ").strip()
            out.append(("" if words[:1] in tuple(",.;:)") else " ") + words + ("" if words.endswith("(") else " "))
    return re.sub(r" {2,}", " ", re.sub(r"\$\s*\$", " ", "".join(out))).strip()


def _words(text: str, paper: Paper | None) -> str:
    """Prose of a statement: escaped, with the registry's names (and Python spellings) typeset when a paper is given."""
    if paper is None:
        return escape_text(text)

    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return (" " if lead else "") + reason_latex(text, names_of(paper), latex_names(paper)) + (" " if trail else "")


_PROSE = re.compile(r"(?<![\\\w^_])(?:(?:[A-Za-z]{2,}[,.;:]?\s+)+[A-Za-z]{2,}|[A-Za-z]{3,}(?:-[A-Za-z]{3,})+)"
                    r"[,.;:]?(?![\w{(])")


def prose_as_text(latex: str) -> str:
    r"""A LaTeX formula with runs of two or more English words at the top level set as ``\text{...}``.

    >>> print(prose_as_text(r"\varepsilon_0 c is the vacuum admittance 1/Z_0 = \sqrt{\varepsilon_0/\mu_0}"))
    \varepsilon_0 c\text{ is the vacuum admittance }1/Z_0 = \sqrt{\varepsilon_0/\mu_0}
    >>> print(prose_as_text(r"\text{sparse classical: } v \to w"))
    \text{sparse classical: } v \to w
    """
    depth, levels = 0, []
    for ch in latex:
        levels.append(depth)
        depth += {"{": 1, "}": -1}.get(ch, 0)
    out, pos = [], 0
    for match in _PROSE.finditer(latex):
        if levels[match.start()] or re.search(r"\\[A-Za-z]*$", latex[:match.start()]):
            continue
        start, end = match.start(), match.end()
        while start > pos and latex[start - 1] == " ":
            start -= 1
        while end < len(latex) and latex[end] == " ":
            end += 1
        out += [latex[pos:start], r"\text{", latex[start:end], "}"]
        pos = end
    return "".join(out) + latex[pos:]


#: xcolor colours of the verdicts.
VERDICT_COLOURS = {"holds": "green!45!black", "holds-under": "cyan!50!black", "fails": "red!75!black",
                   "undecided": "orange!85!black", "postulate": "blue!45!black", "definition": "black!60",
                   "data": "teal!70!black"}

_PREAMBLE = r"""\documentclass[10pt]{article}
\usepackage[a4paper,landscape,margin=1.4cm]{geometry}
\usepackage{amsmath,amssymb,textcomp,array,longtable,booktabs}
\usepackage[dvipsnames]{xcolor}
\setlength{\LTleft}{0pt}\setlength{\LTright}{0pt}\setlength{\LTpre}{4pt}
\newcolumntype{P}[1]{>{\raggedright\arraybackslash}p{#1}}
\pagestyle{plain}\sloppy
\begin{document}
"""
_COLUMNS = r"P{3.9cm}P{2.5cm}P{7.3cm}P{2.0cm}P{9.1cm}"
_HEAD = r"claim & where & statement & verdict & detail"


def _verdict_cell(entry: Entry) -> str:
    verdict = entry.outcome.verdict.value
    shown = f"\\mbox{{\\textcolor{{{VERDICT_COLOURS[verdict]}}}{{\\textbf{{{verdict}}}}}}}"
    return shown if entry.as_expected else shown + r"$^\dagger$"


_RUNS_MARK = "; runs: "  # a solver-backed claim lists its runs after it (symcond explain shows them)


def detail_latex(entry: Entry) -> str:
    r"""The detail cell of a claim, typeset: the reason with its expressions as mathematics
    (:func:`symcond.report.typeset.reason_latex`), then from the structured evidence the ratio,
    residual and counterexample of a refutation under the registry's LaTeX names, differing
    SI dimensions with raised exponents, and the erratum recorded.
    """

    paper, ev, verdict = entry.paper, entry.outcome.evidence, entry.outcome.verdict
    names, symbols = names_of(paper), latex_names(paper)
    reason, _, runs = ev.reason.partition(_RUNS_MARK)
    parts = [reason_latex(reason, names, symbols) + (r"; solver runs: see \texttt{symcond explain}" if runs else "")]
    shown = ev.shown()
    if verdict is Verdict.FAILS and ev.ratio is not None and ev.finding is not Finding.CONSTANT_FACTOR:
        ratio = number_tex(str(shown.ratio)) if ev.numeric else expr_tex(ev.ratio, symbols)
        parts.append(f"ratio lhs/rhs ${ratio}$")
    if verdict is Verdict.FAILS and ev.residual is not None and ev.ratio is None:
        parts.append(f"residual lhs $-$ rhs ${expr_tex(ev.residual, symbols)}$")
    if shown.counterexample:
        label = "counterexample without them" if verdict is not Verdict.FAILS and ev.conditions else "counterexample"
        coordinates = []
        for name, value in shown.counterexample.items():
            symbol = names.get(name)
            shown_name = symbols.get(symbol, name) if symbol is not None else rf"\text{{{escape_text(name)}}}"
            number = number_tex(value) if value != "undefined" else r"\text{undefined}"
            unit = (shown.units or {}).get(name) if value != "undefined" else None
            number += rf"\,{unit_tex(unit, named=False)}" if unit else ""
            codata = " (CODATA)" if name in shown.constants else ""
            coordinates.append(f"${escape_math(shown_name)} = {number}${codata}")
        parts.append(f"{label}: " + ", ".join(coordinates))
    lhs, rhs = ev.lhs_dimension, ev.rhs_dimension
    if lhs is not None and rhs is not None and lhs != rhs and ev.finding is not Finding.DIMENSION_MISMATCH:
        parts.append(f"SI dimensions ${unit_tex(lhs.unit_name())}$ vs ${unit_tex(rhs.unit_name())}$")
    if entry.claim.expect.note:
        parts.append(f"[erratum: {reason_latex(entry.claim.expect.note, names, symbols)}]")
    if not entry.as_expected:
        parts.append("[UNEXPECTED]")
    return "; ".join(p for p in parts if p)


def _row(entry: Entry, detail: str | None = None) -> str:
    local = entry.claim.id.partition(":")[2] or entry.claim.id
    shown = detail_latex(entry) if detail is None else breakable(escape_text(detail))
    cells = [r"\texttt{" + tt_text(local) + "}", escape_text(entry.claim.where),
             statement_latex(entry.claim.statement, entry.paper), _verdict_cell(entry), shown]
    return r"\footnotesize " + " & \\footnotesize ".join(cells) + r" \\"


def _summary(ledger: Ledger) -> list[str]:
    summary = ledger.summary()
    order = listed(summary["verdicts"])  # premises apart, last
    lines = [r"\begin{tabular}{l" + "r" * (len(order) + 2) + "}", r"\toprule",
             "paper & claims & " + " & ".join(order) + r" & unexpected \\", r"\midrule"]
    for key, counts in summary["papers"].items():
        unexpected = sum(1 for e in ledger.entries if e.paper.key == key and not e.as_expected)
        cells = " & ".join(str(counts.get(v, 0)) for v in order)
        lines.append(f"{escape_text(key)} & {sum(counts.values())} & {cells} & {unexpected} \\\\")
    return [*lines, r"\bottomrule", r"\end{tabular}", ""]


def _paper_section(paper: Paper, entries: list[Entry], detail: dict[str, str] | None) -> list[str]:
    lines = [f"\\section*{{{escape_text(paper.key)}: {escape_text(paper.title)}}}"]
    lines += [escape_text(paper.reference) + r"\par"] if paper.reference else []
    lines += [r"\begin{longtable}{" + _COLUMNS + "}", r"\toprule", _HEAD + r" \\", r"\midrule", r"\endfirsthead",
              r"\toprule", _HEAD + r" \\", r"\midrule", r"\endhead", r"\bottomrule", r"\endfoot"]
    lines += [_row(e, None if detail is None else detail[e.claim.id]) for e in entries]
    return [*lines, r"\end{longtable}", ""]


def latex_ledger(ledger: Ledger, details: dict[str, str] | None = None) -> str:
    r"""The ledger as a complete LaTeX document: a summary table, then one ``longtable`` per paper.

    Parameters
    ----------
    ledger : Ledger
        The verdicts to render.
    details : dict, optional
        One line of plain-text detail per claim id, set as text; by default each claim's detail is
        typeset from its evidence (:func:`detail_latex`).

    Examples
    --------
    >>> doc = latex_ledger(Ledger(()), {})
    >>> doc.startswith(r"\documentclass") and doc.rstrip().endswith(r"\end{document}")
    True
    """
    unexpected = ledger.summary()["unexpected"]
    lines = [_PREAMBLE, r"\section*{symcond ledger}", *_summary(ledger)]
    papers: dict[str, tuple[Paper, list[Entry]]] = {}
    for entry in ledger.entries:
        papers.setdefault(entry.paper.key, (entry.paper, []))[1].append(entry)
    for paper, entries in papers.values():
        lines += _paper_section(paper, entries, details)
    differ = "differs" if len(unexpected) == 1 else "differ"
    lines.append(f"\\noindent {counted(len(ledger.entries), 'claim')} decided by symcond {escape_text(__version__)}; "
                 f"{counted(len(unexpected), 'verdict')} {differ} from the recorded expectation (marked $^\\dagger$).")
    return "\n".join([*lines, r"\end{document}", ""])


def segments_latex(segments: Sequence[Segment], symbols: Mapping[sympy.Symbol, str]) -> str:
    """Segments as LaTeX text: words escaped, verbatim names in ``\\texttt``, expressions in ``$...$``."""
    out = []
    for kind, value in segments:
        if kind == "text":
            out.append(escape_text(str(value)))
        elif kind == "tt":
            out.append(r"\texttt{" + tt_text(str(value)) + "}")
        elif kind == "unit":
            out.append(f"${unit_tex(str(value))}$")
        else:
            out.append(f"${_chain_tex(value, symbols)}$")  # type: ignore[arg-type]
    return "".join(out)


def reason_latex(text: str, names: Mapping[str, sympy.Symbol], symbols: Mapping[sympy.Symbol, str]) -> str:
    """Free text of the evidence as LaTeX text with its expressions typeset (see the module's rule)."""
    return segments_latex(reason_segments(" ".join(text.split()), names), symbols)
