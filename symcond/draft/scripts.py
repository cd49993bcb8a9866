"""Sub- and superscripts in one canonical form before the draft lexer (:mod:`symcond.draft.latex`) reads them.

Two spellings found in papers (and in the text arXiv gives of them) are rewritten:

* primes written as a superscript on an empty group, ``v^{{}^{\\prime}2}`` or ``v^{\\prime 2}``,
  become ``v'^{2}`` (v prime, squared);
* a superscript written before the subscript, ``v^{2}_{x}``, goes after it: ``v_{x}^{2}`` (LaTeX
  sets both on the same symbol, so the order carries no meaning).

>>> normalize_scripts(r"\\overline{v^{{}^{\\prime}2}_{x}} = G^{m}_{0}")
"\\\\overline{v_{x}'^{2}} = G_{0}^{m}"
>>> normalize_scripts(r"x^{\\prime}, y^{\\prime\\prime 3}, e^{-x^{2}_{i}}")
"x', y''^{3}, e^{-x_{i}^{2}}"
"""

from __future__ import annotations

import re

from symcond.errors import ParseError

__all__ = ["group", "normalize_scripts"]

_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
_TEXT = frozenset("rm mathrm text textrm mathit it operatorname mathsf textit".split())
_PRIME = r"(?:\\prime|')"
#: Primes at the start of a superscript, on an empty group or not, and what follows them.
_PRIMES = re.compile(rf"\s*(?:\{{\s*\}}\s*\^\s*)?(?:\{{\s*((?:{_PRIME}\s*)+)\}}|((?:{_PRIME}\s*)+))(.*)", re.S)


def group(text: str, i: int) -> tuple[str, int]:
    """The text of the brace group (or single character / command) at ``i``, and the index after it.

    >>> group(r"^{ab}c", 1), group(r"_\\mathrm{B} T", 1), group(r"_x", 1)
    (('ab', 5), ('\\\\mathrm{B}', 11), ('x', 2))
    """
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        raise ParseError("a group is missing at the end")
    if text[i] == "{":
        depth = 0
        for j in range(i, len(text)):
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            if depth == 0:
                return text[i + 1:j], j + 1
        raise ParseError("unbalanced braces")
    found = _COMMAND.match(text, i)
    if found and found.group(1) in _TEXT:  # k_\mathrm{B}: the command with its argument
        inner, end = group(text, found.end())
        return found.group(0) + "{" + inner + "}", end
    if found:
        return found.group(0), found.end()
    return text[i], i + 1


def _superscript(content: str) -> str:
    """``{}^{\\prime}2`` -> ``'^{2}``; anything else braced again, its own scripts normalized."""
    found = _PRIMES.fullmatch(content)
    if not found:
        return "^{" + normalize_scripts(content) + "}"
    primes = len(re.findall(_PRIME, found.group(1) or found.group(2)))
    rest = found.group(3).strip()
    return "'" * primes + ("^{" + normalize_scripts(rest) + "}" if rest else "")


def normalize_scripts(text: str) -> str:
    """``text`` with primes as ``'`` and every subscript before its superscript (see the module)."""
    out, i = [], 0
    while i < len(text):
        if text[i] != "^" or (i > 0 and text[i - 1] == "\\"):
            out.append(text[i])
            i += 1
            continue
        content, i = group(text, i + 1)
        script = _superscript(content)
        j = i
        while j < len(text) and text[j].isspace():
            j += 1
        if j < len(text) and text[j] == "_":
            sub, i = group(text, j + 1)
            script = "_{" + normalize_scripts(sub) + "}" + script
        out.append(script)
    return "".join(out)
