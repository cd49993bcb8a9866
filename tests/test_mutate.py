"""The mutant generator tests.mutate: each slip, each claim kind, reproducible sampling."""

import pytest
import sympy
from hypothesis import given, settings

from symcond.model.claims import DimensionClaim, Equality, Inequality, NumericValue
from symcond.model.derivation import Derivation, Step
from symcond.quantities.dimensions import DIMENSIONLESS
from symcond.rules.base import Rewrite
from tests.mutate import MutationKind, mutants, mutate_expression, sample
from tests.strategies import positive_expressions

a, b, h, hbar = sympy.symbols("a b h hbar", positive=True)


def results(expr, kind):
    """The mutated expressions of one kind."""
    return {m.expr for m in mutate_expression(expr) if m.kind is kind}


@pytest.mark.parametrize("expr, kind, expected", [
    (a * b, MutationKind.DOUBLE, {2 * a * b}),
    (a * b, MutationKind.HALVE, {a * b / 2}),
    (a / b, MutationKind.SIGN, {-a / b}),
    (a**3, MutationKind.EXPONENT_UP, {a**4}),
    (a**3, MutationKind.EXPONENT_DOWN, {a**2}),
    (1 / h, MutationKind.H_HBAR, {1 / hbar}),
    (hbar * a, MutationKind.H_HBAR, {h * a}),
    (a + b, MutationKind.DROP_TERM, {a, b}),
    (a * b**2, MutationKind.DROP_FACTOR, {a, b**2}),
    (a / b, MutationKind.SWAP, {b / a}),
    (sympy.sqrt(sympy.pi) * a, MutationKind.PI, {sympy.sqrt(2 * sympy.pi) * a, sympy.sqrt(sympy.pi / 2) * a}),
])
def test_each_slip_produces_the_expected_expression(expr, kind, expected):
    """Each kind of slip turns a small expression into the hand-derived mutants."""
    assert results(expr, kind) == expected


def test_symbol_without_power_gets_squared():
    """A bare symbol factor gets exponent 2 (exponent +1)."""
    assert a**2 * b in results(a * b, MutationKind.EXPONENT_UP)


def test_pi_in_a_product_is_labelled_as_a_factor():
    """In pi*a, pi -> 2 pi is the same mutant as the factor 2, so it is kept once (as the factor)."""
    assert results(sympy.pi * a, MutationKind.PI) == set() and 2 * sympy.pi * a in results(sympy.pi * a,
                                                                                         MutationKind.DOUBLE)


def test_symmetric_swap_is_dropped():
    """Swapping the symbols of a*b gives a*b again, which is not a mutant."""
    assert results(a * b, MutationKind.SWAP) == set()


@settings(max_examples=60, deadline=None, derandomize=True)
@given(positive_expressions(max_leaves=6))
def test_no_mutant_equals_its_original(expr):
    """Every generated mutant differs structurally from the expression, and no two coincide."""
    found = [m.expr for m in mutate_expression(expr)]
    assert expr not in found and len(found) == len(set(found))


def test_inequality_gets_turned_around():
    """An inequality a <= a + b has the mutant a + b <= a."""
    turned = [m.claim for m in mutants(Inequality(a, a + b, id="demo:eq1")) if m.kind is MutationKind.DIRECTION]
    assert [(c.lhs, c.rhs) for c in turned] == [(a + b, a)]


def test_givens_are_mutated_with_their_site():
    """Given definitions are mutated too, and the site names the given symbol."""
    claim = Equality(a, 2 * b, id="demo:eq1", givens={a: 2 * b})
    doubled = [m for m in mutants(claim) if m.site == "given a" and m.kind is MutationKind.DOUBLE]
    assert [dict(m.claim.givens) for m in doubled] == [{a: 4 * b}]


def test_mutants_keep_id_and_assumptions():
    """A mutant is decided in the same context as its original."""
    claim = Equality(a, b, id="demo:eq1", assumptions=("x",))
    assert {(m.claim.id, m.claim.assumptions) for m in mutants(claim)} == {("demo:eq1", ("x",))}


def test_dimension_claims_have_no_mutants():
    """Dimension claims are not mutated (no numeric truth to compare with)."""
    assert mutants(DimensionClaim(a, DIMENSIONLESS, id="demo:eq1")) == []


def test_stated_value_is_doubled_and_halved_with_its_digits():
    """The printed 1.25e-27 becomes 2.50e-27 and 6.25e-28."""
    claim = NumericValue(a, "1.25e-27", id="demo:eq1")
    stated = {m.claim.stated for m in mutants(claim) if m.site == "stated"}
    assert stated == {"2.50e-27", "6.25e-28"}


def test_focused_derivation_keeps_predecessor_and_successor():
    """A mutated step k becomes the derivation from step k-1 through step k+1."""
    chain = Derivation(id="demo:eq1", start=a, steps=[Step(a * b / b, Rewrite()), Step(2 * a / 2, Rewrite()),
                                                      Step(a + 0 * b, Rewrite())])
    second = next(m for m in mutants(chain) if m.step == 2 and m.kind is MutationKind.DOUBLE)
    focused = second.focused()
    assert focused.start == a and [s.expr for s in focused.steps] == [2 * a, a]


def test_sample_is_reproducible_and_seeded():
    """The same seed gives the same sample; another seed usually another one."""
    items = list(range(100))
    assert sample(items, 5, "s1") == sample(items, 5, "s1") != sample(items, 5, "s2")
    assert sample(items, 500, "s1") == items
