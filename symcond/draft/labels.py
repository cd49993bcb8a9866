"""A superscript letter on a symbol: a label (``G^{m}``, the mass conductance) or a power (``x^n``)?

The lexer (:mod:`symcond.draft.latex`) already reads as labels the superscripts that can only be
labels: words (``G^{qp}``), comma lists (``G^{e,th}``), roman text (``G^{\\mathrm{m}}``,
``f^{\\rm eq}``), ``*``, primes, daggers, ``0`` (``E^0``, never a power giving 1).  Numbers are
powers, and so is anything raised after a bracket or a number (``(k_BT)^{n}``, ``2^{n}``).  What is
left, one letter (Latin or Greek) over a symbol, is decided by the whole document (:class:`Powers`):

* a label, when that symbol is never raised to a number anywhere in the document and that letter is
  never an exponent of a bracket or a number: ``G^{m}``, ``D_0^{m}`` and ``\\tau_T^{r}`` in a paper
  that writes ``m^2`` but never ``G^2``;
* otherwise neither: the claim is a TODO saying so (``x^n`` in a paper that also writes ``x^2``).

Without a document (``powers`` None) nothing is decided: one letter over a symbol is a TODO.

One more spelling is read by the document: the bar of an average drawn over the name only,
``\\overline{v_x}'^2``, is the average ``\\overline{v_x'^2}`` when the document writes that average
elsewhere (:func:`mean_key`); the square of the derivative of a mean would not be written so.

>>> powers = powers_of([r"G^{m}", r"\\frac{m^{2}}{h}", r"(k_B T)^{n}"])  # the sides of a document's relations
>>> sorted(powers.bases), sorted(powers.exponents)
(['m|||'], ['n|||'])
>>> label_key("G|0||", "m|||", powers), label_key("m|||", "e|||", powers), label_key("T|||", "n|||", powers)
('G|0|m|', None, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lark import Token

from symcond.draft.latex import tokenize
from symcond.errors import ParseError

__all__ = ["Powers", "label_key", "mean_key", "powers_of"]

#: Superscript keys the lexer gives to ``'``, ``*``, ``\dagger``, ``\circ``: a letter spelling one is not a label.
_MARKERS = frozenset("p pp ppp star dag o".split())


@dataclass(frozen=True)
class Powers:
    """What a document raises to powers.

    Attributes
    ----------
    bases : frozenset of str
        Keys (``base|sub|sup|accent``) of the symbols raised to a number somewhere (``m^2``).
    exponents : frozenset of str
        Keys of the symbols used as the exponent of a bracket or a number (``(k_BT)^{n}``).
    means : frozenset of str
        Keys of the averages of a power written in the document (``\\overline{v_x'^2}`` is ``v|x|p|bar^2``).
    """

    bases: frozenset[str]
    exponents: frozenset[str]
    means: frozenset[str] = frozenset()


def _exponent(tokens: list[Token], k: int) -> Token | None:
    """The first token of the exponent after the CARET at ``k`` (inside its braces, past a minus sign)."""
    for token in tokens[k + 1:k + 4]:
        if token.type not in ("LBRACE", "MINUS"):
            return token
    return None


def _scan(tokens: list[Token], bases: set[str], exponents: set[str], means: set[str]) -> None:
    means.update(str(t.value) for t in tokens if t.type == "NAME" and "^" in str(t.value))
    for k, token in enumerate(tokens):
        if token.type != "CARET" or k == 0:
            continue
        base, first = tokens[k - 1], _exponent(tokens, k)
        if first is None:
            continue
        if base.type == "NAME" and first.type == "NUMBER":
            bases.add(str(base.value))
        elif base.type in ("RPAR", "RBRACE", "RSQB", "NUMBER") and first.type == "NAME":
            exponents.add(str(first.value))


def powers_of(sides: Iterable[str]) -> Powers:
    """The :class:`Powers` of a document, from the LaTeX of every side of its relations.

    A side the lexer does not read is skipped (its claims are TODOs anyway).
    """
    bases: set[str] = set()
    exponents: set[str] = set()
    means: set[str] = set()
    for side in sides:
        try:
            tokens = tokenize(side)
        except ParseError:
            continue
        _scan(tokens, bases, exponents, means)
    return Powers(frozenset(bases), frozenset(exponents), frozenset(means))


def label_key(base: str, exponent: str, powers: Powers | None) -> str | None:
    """The key of ``base^{exponent}`` read as a label, or None when it may be a power (see the module)."""
    if powers is None or base in powers.bases or exponent in powers.exponents:
        return None
    name, sub, sup, accent = [*exponent.split("|"), "", "", ""][:4]
    parts = base.split("|")
    if sub or sup or accent or name in _MARKERS or len(parts) != 4 or parts[3].partition("^")[2]:
        return None
    return f"{parts[0]}|{parts[1]}|{parts[2] + name}|{parts[3]}"


def mean_key(base: str, power: int, powers: Powers | None) -> str | None:
    """The key of the average ``\\overline{v_x'^2}`` that ``\\overline{v_x}'^2`` spells, or None (see the module).

    >>> means = powers_of([r"\\overline{v_x'^2}", r"\\overline{N^2}"])
    >>> mean_key("v|x|p|bar", 2, means), mean_key("N|||bar", 2, means)
    ('v|x|p|bar^2', None)
    """
    parts = base.split("|")
    if powers is None or len(parts) != 4 or not parts[2].endswith("p") or not parts[3].isalpha():
        return None
    key = f"{base}^{power}"
    return key if key in powers.means else None
