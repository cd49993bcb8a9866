"""Physical symbols with SI dimensions, CODATA values and defining relations.

A :class:`Registry` maps identifiers (``h_s``, ``tau_in``) to :class:`Quantity` records:
the SymPy symbol, its SI dimension (from :mod:`sympy.physics.units`), a LaTeX name, an
optional CODATA value (read from :mod:`scipy.constants`, never typed) and an optional
definition in terms of other symbols (``hbar = h/(2*pi)``).  :data:`DEFAULT` holds the
conventional symbols of conductance and diffusion physics; papers work on a copy.

>>> reg = Registry.default()
>>> reg.quantity("h_s").dimension.unit_name()
'J s'
>>> reg.definition(reg.symbol("hbar"))
h/(2*pi)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import scipy.constants as sc
import sympy
from sympy.physics.units import Dimension

from symcond.errors import DefinitionError
from symcond.parse.functions import DEFAULT_FUNCTIONS
from symcond.parse.grammar import parse_expression
from symcond.quantities.codata import LINKED, SHORT_NAMES, CodataConstant, constant
from symcond.quantities.dimensions import DIMENSIONLESS, Dim
from symcond.quantities.units import dimension_from_name

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
    value : str or None
        SI value as a decimal string (CODATA via scipy.constants), for numeric claims.
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
    value: str | None = None
    definition: sympy.Expr | None = None
    codata: str | None = None


@dataclass
class Registry:
    """A mutable table of :class:`Quantity` keyed by name (copy before changing shared ones)."""

    _quantities: dict[str, Quantity] = field(default_factory=dict)

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
        try:
            return self._quantities[name]
        except KeyError:
            raise DefinitionError(f"unknown symbol {name!r}; declare it with its dimension first") from None

    def constant(self, name: str) -> CodataConstant:
        """The CODATA entry of a registry symbol (``"G_0"``) or of a CODATA name (``"Rydberg constant"``).

        >>> reg = Registry.default()
        >>> reg.constant("R_K").name, reg.constant("R_K").exact
        ('von Klitzing constant', True)
        >>> reg.constant("Newtonian constant of gravitation").uncertainty
        1.5e-15
        """
        found = self._quantities.get(name)
        if found is not None and found.codata is not None:
            return constant(found.codata)
        if found is not None:
            raise DefinitionError(f"the symbol {name!r} ({found.description}) is not a CODATA constant")
        return constant(name)

    def get(self, name: str) -> Quantity | None:
        """The record for ``name`` or None."""
        return self._quantities.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._quantities

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._quantities.values())

    def dimension(self, symbol: sympy.Symbol) -> Dim | None:
        """SI dimension of a symbol, None when the symbol is not declared."""
        found = self._quantities.get(symbol.name)
        return found.dimension if found is not None and found.symbol == symbol else None

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
        return MappingProxyType({q.symbol: q.value for q in self._quantities.values() if q.value is not None})

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


def _as_dim(dimension: Dimension | Dim | str | int | None) -> Dim | None:
    if dimension is None:  # not known: dimension checks that involve it are skipped
        return None
    if isinstance(dimension, Dim):
        return dimension
    if isinstance(dimension, Dimension):
        return Dim.of(dimension)
    if isinstance(dimension, str):
        return dimension_from_name(dimension)
    if dimension == 1:
        return DIMENSIONLESS
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
    try:
        return float(sc.physical_constants[name][0])
    except KeyError:
        raise DefinitionError(f"scipy.constants has no CODATA constant {name!r}") from None


# name, dimension, description, latex, value
_CONVENTIONAL: Iterable[tuple[str, str | int, str, str, float | None]] = (
    ("e", "charge", "elementary charge", "e", sc.e),
    ("q", "charge", "carrier charge", "q", None),
    ("h", "action", "Planck constant", "h", sc.h),
    ("hbar", "action", "reduced Planck constant", r"\hbar", sc.hbar),
    ("h_s", "action", "statistical classical action", "h_s", None),
    ("m", "mass", "carrier mass", "m", None),
    ("m_star", "mass", "effective mass", "m^*", None),
    ("m_e", "mass", "electron mass", "m_e", sc.m_e),
    ("m_r", "mass", "relativistic equivalent mass", "m_r", None),
    ("L", "length", "sample length", "L", None),
    ("l", "length", "mean free path", "l", None),
    ("W", "length", "transverse width", "W", None),
    ("lam", "length", "wavelength", r"\lambda", None),
    ("t", "time", "time", "t", None),
    ("tau", "time", "scattering time", r"\tau", None),
    ("tau_m", "time", "momentum relaxation time", r"\tau_m", None),
    ("tau_in", "time", "inelastic scattering time", r"\tau_{in}", None),
    ("tau_el", "time", "elastic scattering time", r"\tau_{el}", None),
    ("tau_T", "time", "transit time", r"\tau_T", None),
    ("v", "velocity", "velocity", "v", None),
    ("v_F", "velocity", "Fermi velocity", "v_F", None),
    ("v_th", "velocity", "thermal velocity", r"v_{th}", None),
    ("c", "velocity", "speed of light in vacuum", "c", sc.c),
    ("s", "velocity", "sound velocity", "s", None),
    ("T", "temperature", "absolute temperature", "T", None),
    ("k_B", "energy/temperature", "Boltzmann constant", "k_B", sc.k),
    ("eps0", "capacitance/length", "vacuum permittivity", r"\varepsilon_0", sc.epsilon_0),
    ("mu0", "inductance/length", "vacuum permeability", r"\mu_0", sc.mu_0),
    ("eps", "energy", "energy", r"\varepsilon", None),
    ("eps_i", "energy", "sub-band threshold energy", r"\varepsilon_i", None),
    ("mu", "energy", "chemical potential", r"\mu", None),
    ("f", "frequency", "frequency", "f", None),
    ("k_F", "1/length", "Fermi wave number", "k_F", None),
    ("N", 1, "number of carriers", "N", None),
    ("Gamma", 1, "transmission probability", r"\Gamma", None),
    ("alpha", 1, "fine-structure constant", r"\alpha", codata("fine-structure constant")),
    ("eta", 1, "reduced chemical potential (mu - eps_i)/k_B T", r"\eta", None),
)


def _build_default() -> Registry:
    reg = Registry()
    for name, dim, description, latex, value in _CONVENTIONAL:
        reg.declare(name, dim, description, latex=latex, value=value)
    h, eps0, c, e = reg.symbols("h eps0 c e")
    pi = sympy.pi
    reg.declare("hbar", "action", "reduced Planck constant", latex=r"\hbar", value=sc.hbar, definition=h / (2 * pi))
    reg.declare("mu0", "inductance/length", "vacuum permeability", latex=r"\mu_0", value=sc.mu_0,
                definition=1 / (eps0 * c**2))
    hbar = h / (2 * pi)
    reg.declare("alpha", 1, "fine-structure constant", latex=r"\alpha",
                value=codata("fine-structure constant"), definition=e**2 / (4 * pi * eps0 * hbar * c))
    reg.declare("q_P", "charge", "Planck charge", latex="q_P", definition=sympy.sqrt(4 * pi * eps0 * hbar * c))
    _declare_codata(reg)
    return reg


#: What the defining relations of :data:`~symcond.quantities.codata.SHORT_NAMES` may call.
_DEFINITION_FUNCTIONS = {**DEFAULT_FUNCTIONS, "LambertW": sympy.LambertW}


def _declare_codata(reg: Registry) -> None:
    """Link the older symbols to their CODATA entry, then declare the conventional CODATA symbols."""
    for name, codata_name in LINKED.items():
        reg._quantities[name] = dataclasses.replace(reg.quantity(name), codata=codata_name)
    for short in SHORT_NAMES:
        entry = constant(short.codata)
        definition = None if short.definition is None else parse_expression(
            short.definition, reg.resolver(strict=True), functions=_DEFINITION_FUNCTIONS)
        reg.declare(short.name, entry.dimension, entry.name, latex=short.latex, value=entry.value,
                    definition=definition)
        reg._quantities[short.name] = dataclasses.replace(reg.quantity(short.name), codata=entry.name)


DEFAULT: Registry = _build_default()
