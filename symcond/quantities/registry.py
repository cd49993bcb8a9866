"""Physical symbols with SI dimensions, CODATA values and defining relations.

A :class:`Registry` maps identifiers (``h_s``, ``tau_in``) to :class:`Quantity` records:
the SymPy symbol, its SI dimension (from :mod:`sympy.physics.units`), a LaTeX name, an
optional CODATA value (read from :mod:`scipy.constants`, never typed) and an optional
definition in terms of other symbols (``hbar = h/(2*pi)``).  :data:`DEFAULT` holds the
conventional symbols of conductance and diffusion physics; papers work on a copy.  Its
dimensions are read when a quantity is first looked up, and CODATA values when one is asked for
(:mod:`sympy.physics.units` and :mod:`scipy.constants` cost a third of a second to import):
names, symbols and definitions are there from the start.

>>> reg = Registry.default()
>>> reg.quantity("h_s").dimension.unit_name()
'J s'
>>> reg.definition(reg.symbol("hbar"))
h/(2*pi)
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

import sympy

from symcond.errors import DefinitionError
from symcond.parse.functions import DEFAULT_FUNCTIONS
from symcond.parse.grammar import parse_expression
from symcond.quantities.codata import LINKED, SHORT_NAMES, CodataConstant, constant, value_text
from symcond.quantities.dimensions import DIMENSIONLESS, Dim

if TYPE_CHECKING:
    from sympy.physics.units import Dimension

__all__ = ["Quantity", "Registry", "DEFAULT", "codata", "dimension_from_name"]

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")


@dataclass(frozen=True)
class Quantity:
    """One named physical quantity.

    Attributes
    ----------
    name : str
        Identifier used in expressions (``"tau_in"``).
    symbol : sympy.Symbol
        The (positive, unless declared otherwise) SymPy symbol.
    dimension : Dim or None
        SI dimension; None when it is not known (a drafted symbol the equations do not pin): every
        dimension check involving the quantity is then skipped, never failed.
    description : str
        One line for humans.
    latex : str
        LaTeX for rendering.
    declared_value : str or None
        SI value as a decimal string, as declared (``Registry.declare(..., value=...)``); see :attr:`value`.
    definition : sympy.Expr or None
        Defining relation in other symbols, substituted before checking claims.
    codata : str or None
        The CODATA entry the value comes from (``"conductance quantum"``), see :meth:`Registry.constant`.
    """

    name: str
    symbol: sympy.Symbol
    dimension: Dim | None
    description: str = ""
    latex: str = ""
    declared_value: str | None = None
    definition: sympy.Expr | None = None
    codata: str | None = None

    @property
    def value(self) -> str | None:
        """SI value as a decimal string, for numeric claims: the declared one, else that of the CODATA entry.

        A CODATA value is read from :mod:`scipy.constants` when it is asked for (a check whose
        claim holds never asks: its proof and confirmation leave constants symbolic).

        >>> Registry.default().quantity("c").value
        '299792458.0'
        """
        if self.declared_value is None and self.codata is not None:
            return value_text(self.codata)
        return self.declared_value


@dataclass(frozen=True)
class _Pending:
    """A conventional quantity whose dimension is read when it is first looked up.

    ``quantity`` has everything else; ``dimension`` is a name for :func:`dimension_from_name`, 1 for
    dimensionless, or None for the dimension of the unit of its CODATA entry.
    """

    quantity: Quantity
    dimension: str | int | None

    @property
    def symbol(self) -> sympy.Symbol:
        """The quantity's symbol (known without resolving)."""
        return self.quantity.symbol

    @property
    def definition(self) -> sympy.Expr | None:
        """The quantity's defining relation (known without resolving)."""
        return self.quantity.definition


@functools.cache
def _resolve(pending: _Pending) -> Quantity:
    """The full quantity: its dimension read now (sympy.physics.units; scipy.constants for a CODATA unit)."""
    quantity, codata_name = pending.quantity, pending.quantity.codata
    if pending.dimension is None and codata_name is not None:
        return dataclasses.replace(quantity, dimension=constant(codata_name).dimension)
    return dataclasses.replace(quantity, dimension=_as_dim(pending.dimension))


@dataclass(eq=False)
class Registry:
    """A mutable table of :class:`Quantity` keyed by name (copy before changing shared ones)."""

    _quantities: dict[str, Quantity | _Pending] = field(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Registry):
            return NotImplemented
        return list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # mutable

    @classmethod
    def default(cls) -> Registry:
        """A fresh copy of the conventional symbols (:data:`DEFAULT`)."""
        return DEFAULT.copy()

    def copy(self) -> Registry:
        """An independent copy (quantities themselves are immutable)."""
        return Registry(dict(self._quantities))

    def declare(
        self,
        name: str,
        dimension: Dimension | Dim | str | int | None = 1,
        description: str = "",
        *,
        latex: str | None = None,
        value: float | str | None = None,
        definition: sympy.Expr | None = None,
        positive: bool = True,
    ) -> sympy.Symbol:
        """Add (or redefine) a quantity and return its symbol.

        ``dimension`` is a SymPy Dimension, a :class:`Dim`, 1 for dimensionless, a
        name such as ``"velocity"`` or ``"energy/temperature"``, or None when it is not known
        (dimension checks involving the quantity are then skipped, never failed).

        >>> Registry().declare("v_p", "velocity", latex="v'")
        v_p
        """
        if not _IDENTIFIER.match(name):
            raise DefinitionError(f"symbol name {name!r} must be an ASCII identifier")
        assumptions = {"positive": True} if positive else {"real": True}
        symbol = sympy.Symbol(name, **assumptions)
        text = None if value is None else (value if isinstance(value, str) else repr(float(value)))
        self._quantities[name] = Quantity(
            name, symbol, _as_dim(dimension), description, latex or sympy.latex(symbol), text, definition
        )
        return symbol

    def symbol(self, name: str) -> sympy.Symbol:
        """The symbol of a declared quantity; DefinitionError if unknown."""
        return self.quantity(name).symbol

    def symbols(self, names: str) -> tuple[sympy.Symbol, ...]:
        """Several symbols from a space-separated list of names."""
        return tuple(self.symbol(n) for n in names.split())

    def quantity(self, name: str) -> Quantity:
        """The record of a declared quantity; DefinitionError if unknown."""
        found = self.get(name)
        if found is None:
            raise DefinitionError(f"unknown symbol {name!r}; declare it with its dimension first")
        return found

    def constant(self, name: str) -> CodataConstant:
        """The CODATA entry of a registry symbol (``"G_0"``) or of a CODATA name (``"Rydberg constant"``).

        >>> reg = Registry.default()
        >>> reg.constant("R_K").name, reg.constant("R_K").exact
        ('von Klitzing constant', True)
        >>> reg.constant("Newtonian constant of gravitation").uncertainty
        1.5e-15
        """
        found = self.get(name)
        if found is not None and found.codata is not None:
            return constant(found.codata)
        if found is not None:
            raise DefinitionError(f"the symbol {name!r} ({found.description}) is not a CODATA constant")
        return constant(name)

    def get(self, name: str) -> Quantity | None:
        """The record for ``name`` or None."""
        found = self._quantities.get(name)
        if isinstance(found, _Pending):
            found = self._quantities[name] = _resolve(found)
        return found

    def __contains__(self, name: object) -> bool:
        return name in self._quantities

    def __iter__(self) -> Iterator[Quantity]:
        return iter([self.quantity(name) for name in list(self._quantities)])

    def dimension(self, symbol: sympy.Symbol) -> Dim | None:
        """SI dimension of a symbol, None when the symbol is not declared."""
        found = self._quantities.get(symbol.name)
        if found is None or found.symbol != symbol:
            return None
        return self.quantity(symbol.name).dimension

    def definition(self, symbol: sympy.Symbol) -> sympy.Expr | None:
        """The defining expression of a symbol, or None."""
        found = self._quantities.get(symbol.name)
        return found.definition if found is not None else None

    def definitions(self) -> Mapping[sympy.Symbol, sympy.Expr]:
        """All defining relations, symbol -> expression."""
        return MappingProxyType(
            {q.symbol: q.definition for q in self._quantities.values() if q.definition is not None}
        )

    def values(self) -> Mapping[sympy.Symbol, str]:
        """All known SI values, symbol -> decimal string."""
        return MappingProxyType({q.symbol: q.value for q in self if q.value is not None})

    def resolver(self, strict: bool = False) -> Callable[[str], sympy.Expr]:
        """A name resolver for the parser: declared symbols, else (unless strict) a new positive symbol."""

        def resolve(name: str) -> sympy.Expr:
            found = self._quantities.get(name)
            if found is not None:
                return found.symbol
            if strict:
                raise DefinitionError(f"unknown symbol {name!r}; declare it with its dimension first")
            return sympy.Symbol(name, positive=True)

        return resolve


def dimension_from_name(text: str) -> Dim:
    """A dimension from SymPy dimension or unit names (:func:`symcond.quantities.units.dimension_from_name`).

    >>> print(dimension_from_name("energy/temperature"))
    kg m^2 s^-2 K^-1
    """
    from symcond.quantities.units import dimension_from_name as from_name  # sympy.physics.units: on first use

    return from_name(text)


def _as_dim(dimension: Dimension | Dim | str | int | None) -> Dim | None:
    if dimension is None:  # not known: dimension checks that involve it are skipped
        return None
    if isinstance(dimension, Dim):
        return dimension
    if isinstance(dimension, str):
        return dimension_from_name(dimension)
    if dimension == 1:
        return DIMENSIONLESS
    from sympy.physics.units import Dimension  # a Dimension exists only once sympy.physics.units is imported

    if isinstance(dimension, Dimension):
        return Dim.of(dimension)
    raise DefinitionError(f"dimension must be a Dimension, a name or 1 (got {dimension!r})")


def codata(name: str) -> float:
    """The CODATA value (SI) of the constant ``name`` as scipy.constants lists it.

    >>> codata("atomic mass constant") > 1.66e-27
    True

    Raises
    ------
    DefinitionError
        When scipy.constants has no constant of that name.
    """
    import scipy.constants  # on first use: with NumPy, a fifth of a second

    try:
        return float(scipy.constants.physical_constants[name][0])
    except KeyError:
        raise DefinitionError(f"scipy.constants has no CODATA constant {name!r}") from None


# name, dimension, description, latex; the value of a CODATA constant is that of its LINKED entry
_CONVENTIONAL: Iterable[tuple[str, str | int, str, str]] = (
    ("e", "charge", "elementary charge", "e"),
    ("q", "charge", "carrier charge", "q"),
    ("h", "action", "Planck constant", "h"),
    ("hbar", "action", "reduced Planck constant", r"\hbar"),
    ("h_s", "action", "statistical classical action", "h_s"),
    ("m", "mass", "carrier mass", "m"),
    ("m_star", "mass", "effective mass", "m^*"),
    ("m_e", "mass", "electron mass", "m_e"),
    ("m_r", "mass", "relativistic equivalent mass", "m_r"),
    ("L", "length", "sample length", "L"),
    ("l", "length", "mean free path", "l"),
    ("W", "length", "transverse width", "W"),
    ("lam", "length", "wavelength", r"\lambda"),
    ("t", "time", "time", "t"),
    ("tau", "time", "scattering time", r"\tau"),
    ("tau_m", "time", "momentum relaxation time", r"\tau_m"),
    ("tau_in", "time", "inelastic scattering time", r"\tau_{in}"),
    ("tau_el", "time", "elastic scattering time", r"\tau_{el}"),
    ("tau_T", "time", "transit time", r"\tau_T"),
    ("v", "velocity", "velocity", "v"),
    ("v_F", "velocity", "Fermi velocity", "v_F"),
    ("v_th", "velocity", "thermal velocity", r"v_{th}"),
    ("c", "velocity", "speed of light in vacuum", "c"),
    ("s", "velocity", "sound velocity", "s"),
    ("T", "temperature", "absolute temperature", "T"),
    ("k_B", "energy/temperature", "Boltzmann constant", "k_B"),
    ("eps0", "capacitance/length", "vacuum permittivity", r"\varepsilon_0"),
    ("mu0", "inductance/length", "vacuum permeability", r"\mu_0"),
    ("eps", "energy", "energy", r"\varepsilon"),
    ("eps_i", "energy", "sub-band threshold energy", r"\varepsilon_i"),
    ("mu", "energy", "chemical potential", r"\mu"),
    ("f", "frequency", "frequency", "f"),
    ("k_F", "1/length", "Fermi wave number", "k_F"),
    ("N", 1, "number of carriers", "N"),
    ("Gamma", 1, "transmission probability", r"\Gamma"),
    ("alpha", 1, "fine-structure constant", r"\alpha"),
    ("eta", 1, "reduced chemical potential (mu - eps_i)/k_B T", r"\eta"),
)


def _build_default() -> Registry:
    reg = Registry()
    for name, dim, description, latex in _CONVENTIONAL:
        _defer(reg, name, dim, description, latex)
    h, eps0, c, e = (reg.resolver(strict=True)(name) for name in ("h", "eps0", "c", "e"))
    pi = sympy.pi
    _defer(reg, "hbar", "action", "reduced Planck constant", r"\hbar", definition=h / (2 * pi))
    _defer(reg, "mu0", "inductance/length", "vacuum permeability", r"\mu_0", definition=1 / (eps0 * c**2))
    hbar = h / (2 * pi)
    _defer(reg, "alpha", 1, "fine-structure constant", r"\alpha", definition=e**2 / (4 * pi * eps0 * hbar * c))
    _defer(reg, "q_P", "charge", "Planck charge", "q_P", definition=sympy.sqrt(4 * pi * eps0 * hbar * c))
    _declare_codata(reg)
    return reg


def _defer(reg: Registry, name: str, dimension: str | int | None, description: str, latex: str,
           codata_name: str | None = None, definition: sympy.Expr | None = None) -> None:
    """Declare a positive conventional symbol whose dimension is read on first use (see ``_Pending``);
    a symbol of :data:`~symcond.quantities.codata.LINKED` takes its CODATA entry from there."""
    codata_name = codata_name or LINKED.get(name)
    quantity = Quantity(name, sympy.Symbol(name, positive=True), None, description, latex, None, definition,
                        codata_name)
    reg._quantities[name] = _Pending(quantity, dimension)


#: What the defining relations of :data:`~symcond.quantities.codata.SHORT_NAMES` may call.
_DEFINITION_FUNCTIONS = {**DEFAULT_FUNCTIONS, "LambertW": sympy.LambertW}


def _declare_codata(reg: Registry) -> None:
    """Declare the conventional CODATA symbols (dimension: that of the CODATA unit, read on first use)."""
    for short in SHORT_NAMES:
        definition = None if short.definition is None else parse_expression(
            short.definition, reg.resolver(strict=True), functions=_DEFINITION_FUNCTIONS)
        _defer(reg, short.name, None, short.codata, short.latex, short.codata, definition)


DEFAULT: Registry = _build_default()
