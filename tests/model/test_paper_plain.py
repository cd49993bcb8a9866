"""Paper(plain=True): a pure-maths paper whose names are plain positive symbols, not the registry's quantities."""

import sympy

from symcond import Paper, decide
from symcond.model.verdict import Verdict


def test_plain_paper_names_are_dimensionless_positive_symbols():
    """In a plain paper c is a dimensionless positive symbol without a CODATA value."""
    paper = Paper("maths2026", plain=True)
    (c,) = paper.symbols("c")
    assert c.is_positive and paper.registry.quantity("c").dimension.is_dimensionless
    assert paper.registry.values() == {} and paper.registry.definitions() == {}


def test_plain_paper_decides_a_pure_maths_identity_with_c():
    """(a + c)**2 = a**2 + 2*a*c + c**2 + 0*exp(c) holds in a plain paper; exp(c) of the speed of light would not."""
    paper = Paper("maths2026", plain=True)
    a, c = paper.symbols("a c")
    claim = paper.equality("eq1", (a + c) ** 2 * sympy.exp(c), (a**2 + 2 * a * c + c**2) * sympy.exp(c))
    assert decide(claim, paper).verdict is Verdict.HOLDS


def test_physics_paper_keeps_the_registry():
    """By default c is the speed of light: exp(c) is dimensionally inconsistent and the claim fails."""
    paper = Paper("phys2026")
    (c,) = paper.symbols("c")
    claim = paper.equality("eq1", sympy.exp(c), sympy.exp(c))
    assert decide(claim, paper).verdict is Verdict.FAILS


def test_plain_paper_still_declares_dimensions():
    """declare() gives a name a dimension in a plain paper; symbols() then returns that symbol."""
    paper = Paper("maths2026", plain=True)
    L = paper.declare("L", "length", "a length")
    assert paper.symbols("L") == (L,) and str(paper.registry.quantity("L").dimension) == "m"
