"""Physical ranges of free quantities by SI dimension (where believable counterexamples are drawn)."""

import pytest
from sympy.physics.units import conductance, energy, length, mass, temperature, time

from symcond.errors import DefinitionError
from symcond.quantities.dimensions import DIMENSIONLESS, Dim
from symcond.quantities.ranges import PhysicalRange, physical_range, ranges


@pytest.mark.parametrize(("dimension", "low", "high"), [
    (temperature, 1.0, 1e3),
    (length, 1e-9, 1.0),
    (time, 1e-15, 1.0),
    (energy, 1.602176634e-22, 1.602176634e-19),
    (mass, 9.1093837139e-33, 9.1093837139e-29),
])
def test_range_of_a_listed_dimension(dimension, low, high):
    """Temperatures 1 K..1000 K, lengths nm..m, times fs..s, energies meV..eV, masses around m_e (SI units)."""
    found = physical_range(Dim.of(dimension))
    assert found.low == pytest.approx(low, rel=1e-12) and found.high == pytest.approx(high, rel=1e-12)


@pytest.mark.parametrize("dim", [None, DIMENSIONLESS, Dim.of(conductance)])
def test_no_range_for_unknown_dimensionless_or_unlisted(dim):
    """A quantity without a listed range is sampled as any symbol."""
    assert physical_range(dim) is None


def test_every_dimension_is_listed_once():
    """The table is keyed by dimension: no dimension has two ranges."""
    dims = [Dim.of(dimension) for dimension, _ in ranges()]
    assert len(set(dims)) == len(dims)


def test_a_range_needs_positive_ordered_bounds():
    """Log-uniform draws need 0 < low < high; the message names the bounds."""
    with pytest.raises(DefinitionError, match=r"^a physical range needs 0 < low < high \(got 2.0 \.\. 1.0\)$"):
        PhysicalRange(2.0, 1.0, "backwards")
