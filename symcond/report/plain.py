r"""Plain text from LaTeX, for a terminal: ``\\frac{a}{b}`` is ``a/b``, ``\\tau_{in}`` is ``τ_in``.

Used by :mod:`symcond.report.explain` (a statement printed in a terminal) and by the HTML
ledger (a symbol's letters); :func:`counted` words a count for the text ledger (``1 claim``).
It imports nothing of the other report modules.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["counted", "latex_plain", "letter"]

_GREEK_NAMES = {"lambda": "lamda", "varepsilon": "epsilon", "varphi": "phi", "vartheta": "theta symbol",
                "epsilon": "lunate epsilon symbol", "phi": "phi symbol", "varsigma": "final sigma"}
_OTHER = {"hbar": "ħ", "ell": "ℓ", "partial": "∂", "infty": "∞"}


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one (``1 claim``, ``2 claims``).

    >>> counted(1, "claim"), counted(0, "verdict"), counted(2, "entry", "entries")
    ('1 claim', '0 verdicts', '2 entries')
    """
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def letter(command: str) -> str | None:
    """The character a LaTeX letter command names (``\\\\tau`` is τ), the text itself when it is no command,
    None when it names none."""
    if not command.startswith("\\"):
        return command
    name = command[1:]
    if name in _OTHER:
        return _OTHER[name]
    case = "CAPITAL" if name[0].isupper() else "SMALL"
    spelled = _GREEK_NAMES.get(name, name.lower())
    for candidate in (f"GREEK {case} LETTER {spelled.upper()}", f"GREEK {spelled.upper()}"):
        try:
            return unicodedata.lookup(candidate)
        except KeyError:
            continue
    return None


# --- plain text from LaTeX -----------------------------------------------------------------------
_PLAIN_COMMANDS = {"cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "to": "→",
                   "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼", "propto": "∝", "infty": "∞", "partial": "∂",
                   "hbar": "ħ", "ell": "ℓ", "iff": "⟺", "Rightarrow": "⇒", "equiv": "≡", "ll": "≪", "gg": "≫",
                   "langle": "⟨", "rangle": "⟩", "int": "∫", "sum": "∑", "pm": "±", "quad": "  ", "qquad": "    ",
                   "vert": "|", "mid": "|", "prime": "′", "circ": "°", "dots": "…", "ldots": "…", "cdots": "⋯"}


def _group(text: str, start: int) -> tuple[str, int]:
    """The brace group (or single character) at ``start``: (content, index after it)."""
    while start < len(text) and text[start] == " ":
        start += 1
    if start >= len(text):
        return "", start
    if text[start] != "{":
        if text[start] == "\\":
            match = re.match(r"\\[A-Za-z]+", text[start:])
            if match:
                return match.group(), start + match.end()
        return text[start], start + 1
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[start + 1:i], i + 1
    return text[start + 1:], len(text)


def _wrap(text: str) -> str:
    return text if re.fullmatch(r"[\w.′*^]+", text) else f"({text})"


#: The end of an operator with limits (``∫_0^t``, ``∑_i``): what follows is its operand.
_LIMITS = re.compile(r"[∫∑∏](?:[_^](?:\([^()]*\)|[^\s_^]+))*\Z")


def latex_plain(latex: str) -> str:
    r"""A readable plain-text rendering of a LaTeX formula (for a terminal).

    Juxtaposed factors stay apart: a letter after a subscript is spaced (``τ_el τ_in``, not
    ``τ_elτ_in``), and a fraction multiplying what precedes it gets a ``·``.

    >>> latex_plain(r"\begin{aligned}& \frac{a}{b+1} \\ &= \sqrt{\varepsilon_0/\mu_0} && \text{by (2)}\end{aligned}")
    'a/(b+1); = √(ε_0/μ_0) by (2)'
    >>> latex_plain(r"\tau_{in}^{2} \le \mathrm{kg\,s^{-2}}")
    'τ_in^2 ≤ kg s^-2'
    >>> latex_plain(r"\frac{2 v_F}{L}\frac{\tau_{el}\tau_{in}}{\tau_{el}+\tau_{in}}")
    '(2 v_F)/L·(τ_el τ_in)/(τ_el+τ_in)'
    >>> latex_plain(r"\int_{-k_F}^{k_F}\frac{2\,dk}{2\pi}")
    '∫_-k_F^k_F (2 dk)/2π'
    """
    out: list[str] = []
    text, i, script = re.sub(r"\\(begin|end)\{[a-z*]+\}", " ", latex), 0, False
    while i < len(text):
        piece, i, kind = _piece(text, i)
        joined = "".join(out).rstrip()
        if kind == "frac" and joined and (joined[-1].isalnum() or joined[-1] in ")′"):
            spaced = _LIMITS.search(joined) is not None  # ∫_0^t \frac{...}: the integrand, not a product
            piece = (" " if spaced else "·") + piece  # \frac{a}{b}\frac{c}{d}: a product, not a/bc/d
        elif script and piece[:1].isalpha():
            piece = " " + piece  # \tau_{el}\tau_{in}: two factors
        out.append(piece)
        script = kind == "script"
    return re.sub(r"\s+;", ";", re.sub(r"[ \n]+", " ", "".join(out))).strip()


def _piece(text: str, i: int) -> tuple[str, int, str]:
    """The plain text of the LaTeX at ``text[i:]``: (text, index after it, kind: frac, script or other)."""
    ch = text[i]
    if ch == "\\":
        return _command(text, i)
    if ch in "^_":
        arg, i = _group(text, i + 1)
        shown = latex_plain(arg)
        return ch + (shown if len(shown) == 1 or re.fullmatch(r"-?\w+", shown) else f"({shown})"), i, "script"
    if ch in "{}":
        return "", i + 1, "other"
    if ch == "&":
        double = text[i:i + 2] == "&&"
        return (" " if double else ""), i + (2 if double else 1), "other"
    return ch, i + 1, "other"


_WRAPPING = {"text", "mathrm", "mathit", "mathbf", "textrm", "operatorname", "mathcal", "bar", "hat", "tilde", "vec",
             "overline", "mbox"}
_IGNORED = {"left", "right", "big", "Big", "bigl", "bigr", "displaystyle", "limits"}


def _command(text: str, i: int) -> tuple[str, int, str]:
    """The plain text of the LaTeX command at ``text[i]`` (a backslash), as :func:`_piece`."""
    match = re.match(r"\\([A-Za-z]+|.)", text[i:])
    assert match is not None
    name, i = match.group(1), i + match.end()
    if name in ("frac", "dfrac", "tfrac"):
        num, i = _group(text, i)
        den, i = _group(text, i)
        return f"{_wrap(latex_plain(num))}/{_wrap(latex_plain(den))}", i, "frac"
    if name == "sqrt":
        arg, i = _group(text, i)
        return f"√{_wrap(latex_plain(arg))}", i, "other"
    if name in _WRAPPING:
        arg, i = _group(text, i)
        return (latex_plain(arg) if name not in ("text", "textrm", "mbox") else arg), i, "other"
    return _symbol(name), i, "other"


def _symbol(name: str) -> str:
    """The plain text of a command without arguments (``\\le``, ``\\tau``, ``\\,``)."""
    if name == "\\":
        return "; "
    if name in (",", ";", ":", " ", "!"):
        return " " if name != "!" else ""
    if name in _IGNORED:
        return ""
    if name in _PLAIN_COMMANDS:
        return _PLAIN_COMMANDS[name]
    found = name if len(name) == 1 else letter("\\" + name)
    return found if found is not None else name
