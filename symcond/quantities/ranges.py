"""Physical ranges of free quantities, keyed by SI dimension: where a believable counterexample lives.

A counterexample to a claim with CODATA constants is first sought with every constant at its
CODATA value and each free quantity of a dimension listed here drawn log-uniformly in its range
(SI units); a quantity of another dimension, or a dimensionless one, is sampled as any symbol.
The table is data: one line per dimension, the bounds in SI units.

>>> from sympy.physics.units import temperature
>>> physical_range(Dim.of(temperature))
PhysicalRange(low=1.0, high=1000.0, what='1 K .. 1000 K')
>>> physical_range(DIMENSIONLESS) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from symcond.errors import DefinitionError
from symcond.quantities.dimensions import DIMENSIONLESS, Dim

if TYPE_CHECKING:
    from sympy.physics.units import Dimension

__all__ = ["PhysicalRange", "physical_range", "ranges"]


@dataclass(frozen=True)
class PhysicalRange:
    """Bounds (SI units, ``0 < low < high``) within which a free quantity is drawn log-uniformly."""

    low: float
    high: float
    what: str

    def __post_init__(self) -> None:
        if not 0 < self.low < self.high:
            raise DefinitionError(f"a physical range needs 0 < low < high (got {self.low!r} .. {self.high!r})")


@cache
def ranges() -> tuple[tuple[Dimension, PhysicalRange], ...]:
    """Dimension -> its physical range (SI); log-uniform draws, so a range may span many decades.

    Built on first use: it reads :mod:`scipy.constants` and :mod:`sympy.physics.units` (a third of a
    second to import), which a claim without registry quantities never needs.
    """
    import scipy.constants as sc
    from sympy.physics.units import charge, energy, frequency, length, mass, temperature, time, velocity

    return (
        (temperature, PhysicalRange(1.0, 1e3, "1 K .. 1000 K")),
        (mass, PhysicalRange(1e-2 * sc.m_e, 1e2 * sc.m_e, "0.01 .. 100 electron masses")),
        (length, PhysicalRange(1e-9, 1.0, "1 nm .. 1 m")),
        (time, PhysicalRange(1e-15, 1.0, "1 fs .. 1 s")),
        (energy, PhysicalRange(1e-3 * sc.eV, sc.eV, "1 meV .. 1 eV")),
        (velocity, PhysicalRange(1e2, 1e7, "100 m/s .. 10^7 m/s (below c)")),
        (frequency, PhysicalRange(1e3, 1e15, "1 kHz .. 10^15 Hz")),
        (charge, PhysicalRange(sc.e, 1e2 * sc.e, "1 .. 100 elementary charges")),
        (1 / length, PhysicalRange(1e3, 1e10, "wave numbers 10^3 .. 10^10 m^-1")),
    )


@cache
def _table() -> dict[Dim, PhysicalRange]:
    return {Dim.of(dimension): found for dimension, found in ranges()}


def physical_range(dim: Dim | None) -> PhysicalRange | None:
    """The physical range of a quantity of dimension ``dim``; None when unknown, dimensionless or not listed.

    >>> from sympy.physics.units import energy
    >>> physical_range(Dim.of(energy)).what
    '1 meV .. 1 eV'
    """
    if dim is None or dim == DIMENSIONLESS:
        return None
    return _table().get(dim)
