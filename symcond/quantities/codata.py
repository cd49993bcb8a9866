"""CODATA constants from :mod:`scipy.constants`, each with the SI dimension of its unit.

Every entry of :data:`scipy.constants.physical_constants` is a :class:`CodataConstant`: its
value in the unit CODATA states, its standard uncertainty, that unit, and the SI dimension
read from the unit string (``"J K^-1"``, ``"m^3 kg^-1 s^-2"``, ``""`` for a pure number)
through :mod:`sympy.physics.units` -- no dimension is typed by hand.  :data:`SHORT_NAMES`
lists the conventional symbols of the common constants (``G_0``, ``R_K``, ``a_0``, ...) with
their CODATA entry and defining relation, and :data:`LINKED` the CODATA entry of the symbols
the registry already had; :mod:`symcond.quantities.registry` declares both.  The tables here
are names only: :mod:`scipy.constants` and :mod:`sympy.physics.units` are imported when an entry is
first read (a check that uses no constant does not pay for them).

>>> entry = constant("conductance quantum")
>>> entry.unit, entry.dimension.unit_name(), entry.exact
('S', 'S', True)
>>> print(unit_dimension("m^3 kg^-1 s^-2"))
kg^-1 m^3 s^-2
>>> print(unit_dimension("(GeV/c^2)^-2"))
kg^-2
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import sympy

from symcond.errors import DefinitionError
from symcond.parse.grammar import parse_expression
from symcond.quantities.dimensions import DIMENSIONLESS, Dim

if TYPE_CHECKING:
    from sympy.physics.units import Quantity

__all__ = ["CodataConstant", "ShortName", "SHORT_NAMES", "LINKED", "constant", "table", "unit_dimension",
           "value_text"]


@dataclass(frozen=True)
class CodataConstant:
    """One CODATA entry as :mod:`scipy.constants` lists it.

    Attributes
    ----------
    name : str
        The CODATA name (``"conductance quantum"``).
    value : float
        The value, in ``unit``.
    uncertainty : float
        The standard uncertainty, in ``unit``; 0 for an exact constant.
    unit : str
        The unit as CODATA writes it (``"J K^-1"``; ``""`` for a pure number).
    dimension : Dim
        The SI dimension of ``unit``.
    current : bool
        True for the latest CODATA adjustment; False for a name scipy keeps from an older one.
    """

    name: str
    value: float
    uncertainty: float
    unit: str
    dimension: Dim
    current: bool = True

    @property
    def exact(self) -> bool:
        """True when the value is exact (a defining constant of the SI, or one derived from them)."""
        return self.uncertainty == 0


#: CODATA unit names that :mod:`sympy.physics.units` spells differently or lacks: each maps to a
#: unit sympy knows with the same SI dimension ("" for the steradian, a pure number in the SI).
_ALIASES: Mapping[str, str] = MappingProxyType({
    "u": "amu",        # unified atomic mass unit (dalton)
    "E_h": "eV",       # the Hartree energy, an energy unit of the atomic system
    "C_90": "C",       # the conventional coulomb of 1990
    "lm": "cd",        # lumen = cd sr
    "sr": "",          # steradian
})


@functools.cache
def unit_dimension(unit: str) -> Dim:
    """The SI dimension of a unit written as CODATA writes it.

    Units are separated by spaces, powers follow ``^``, and ``/`` and parentheses group
    (``"MeV/c"``, ``"(GeV/c^2)^-2"``); SI prefixes are allowed.

    >>> unit_dimension("J K^-1").unit_name()
    'J/K'
    >>> unit_dimension("")
    Dim(exponents=())

    Raises
    ------
    DefinitionError
        When a name is not a unit of :mod:`sympy.physics.units` (with or without a prefix).
    """
    if not unit.strip():
        return DIMENSIONLESS
    text = "*".join(unit.replace("^", "**").split())
    return _dimension_of(parse_expression(text, resolve=sympy.Symbol, functions={}), unit)


def _dimension_of(expr: sympy.Expr, unit: str) -> Dim:
    if expr.is_Symbol:
        return _unit_name_dimension(expr.name, unit)
    if expr.is_Number and expr.is_positive:
        return DIMENSIONLESS
    if isinstance(expr, sympy.Mul):
        return functools.reduce(lambda a, b: a * b, (_dimension_of(f, unit) for f in expr.args), DIMENSIONLESS)
    if isinstance(expr, sympy.Pow) and expr.exp.is_Rational:
        return _dimension_of(expr.base, unit) ** expr.exp
    raise DefinitionError(f"unit {unit!r} must be a product of units and rational powers")


def _unit_name_dimension(name: str, unit: str) -> Dim:
    from sympy.physics.units.prefixes import PREFIXES
    from sympy.physics.units.systems.si import SI

    name = _ALIASES.get(name, name)
    if not name:
        return DIMENSIONLESS
    found = _sympy_unit(name)
    for prefix in sorted(PREFIXES, key=len, reverse=True):
        if found is None and name.startswith(prefix) and len(name) > len(prefix):
            found = _sympy_unit(name[len(prefix):])
    if found is None:
        raise DefinitionError(f"unit {unit!r}: {name!r} is not a unit of sympy.physics.units")
    return Dim.of(SI.get_quantity_dimension(found))


def _sympy_unit(name: str) -> Quantity | None:
    from sympy.physics import units

    found = getattr(units, name, None)
    return found if isinstance(found, units.Quantity) else None


@functools.cache
def table() -> Mapping[str, CodataConstant]:
    """Every entry of :data:`scipy.constants.physical_constants`, by CODATA name.

    >>> table()["Boltzmann constant"].unit
    'J K^-1'
    """
    return MappingProxyType({name: constant(name) for name in _physical_constants()})


def constant(name: str) -> CodataConstant:
    """The CODATA entry called ``name`` (exactly as scipy.constants spells it).

    >>> constant("Rydberg constant").unit
    'm^-1'
    >>> constant("Rydberg")
    Traceback (most recent call last):
    ...
    symcond.errors.DefinitionError: scipy.constants has no CODATA constant 'Rydberg'; did you mean 'Rydberg constant'?
    """
    value, unit, uncertainty = _entry(name)
    return CodataConstant(name, float(value), float(uncertainty), unit, unit_dimension(unit), name in _current())


def value_text(name: str) -> str:
    """The value (in its CODATA unit) of the entry ``name``, as the registry stores it: the float's repr.

    >>> value_text("speed of light in vacuum")
    '299792458.0'
    """
    return repr(float(_entry(name)[0]))


def _entry(name: str) -> tuple[float, str, float]:
    """(value, unit, uncertainty) of the CODATA entry ``name``; DefinitionError, with a hint, if there is none."""
    try:
        return _physical_constants()[name]  # type: ignore[no-any-return]
    except KeyError:
        close = difflib.get_close_matches(name, _physical_constants(), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise DefinitionError(f"scipy.constants has no CODATA constant {name!r}{hint}") from None


@functools.cache
def _current() -> frozenset[str]:
    import scipy.constants

    return frozenset(scipy.constants.find())


def _physical_constants() -> Mapping[str, Any]:
    """:data:`scipy.constants.physical_constants`, imported on first use (with NumPy: a fifth of a second)."""
    import scipy.constants

    return scipy.constants.physical_constants  # type: ignore[no-any-return]


@dataclass(frozen=True)
class ShortName:
    """The conventional symbol of a CODATA constant.

    Attributes
    ----------
    name : str
        The identifier used in expressions (``"G_0"``).
    codata : str
        The CODATA name whose value, uncertainty and dimension the symbol takes.
    latex : str
        LaTeX for rendering.
    definition : str or None
        The defining relation in other registry symbols, in the restricted grammar
        (``"2*e**2/h"``); the engine substitutes it, so claims about the symbol are decided
        from the constants it is built from.
    """

    name: str
    codata: str
    latex: str
    definition: str | None = None


#: Registry symbols that predate this table -> their CODATA entry (value, dimension and
#: definition stay as the registry declares them; a test checks that they agree with CODATA).
LINKED: Mapping[str, str] = MappingProxyType({
    "e": "elementary charge",
    "h": "Planck constant",
    "hbar": "reduced Planck constant",
    "m_e": "electron mass",
    "c": "speed of light in vacuum",
    "k_B": "Boltzmann constant",
    "eps0": "vacuum electric permittivity",
    "mu0": "vacuum mag. permeability",
    "alpha": "fine-structure constant",
})

#: Conventional symbols added to the registry, in declaration order (a definition uses only
#: names declared before it).  Each defining relation is tested against the CODATA value.
SHORT_NAMES: tuple[ShortName, ...] = (
    # electrical standards: quantum Hall and Josephson effects
    ShortName("G_0", "conductance quantum", "G_0", "2*e**2/h"),
    ShortName("R_K", "von Klitzing constant", "R_K", "h/e**2"),
    ShortName("K_J", "Josephson constant", "K_J", "2*e/h"),
    ShortName("Phi_0", "mag. flux quantum", r"\Phi_0", "h/(2*e)"),
    ShortName("Z_0", "characteristic impedance of vacuum", "Z_0", "mu0*c"),
    # particles and atoms
    ShortName("m_p", "proton mass", "m_p"),
    ShortName("m_n", "neutron mass", "m_n"),
    ShortName("m_mu", "muon mass", r"m_\mu"),
    ShortName("m_u", "atomic mass constant", "m_u"),
    ShortName("mu_B", "Bohr magneton", r"\mu_B", "e*hbar/(2*m_e)"),
    ShortName("mu_N", "nuclear magneton", r"\mu_N", "e*hbar/(2*m_p)"),
    ShortName("a_0", "Bohr radius", "a_0", "4*pi*eps0*hbar**2/(m_e*e**2)"),
    ShortName("R_inf", "Rydberg constant", r"R_\infty", "alpha**2*m_e*c/(2*h)"),
    ShortName("E_h", "Hartree energy", "E_h", "alpha**2*m_e*c**2"),
    ShortName("lambda_C", "Compton wavelength", r"\lambda_C", "h/(m_e*c)"),
    ShortName("r_e", "classical electron radius", "r_e", "e**2/(4*pi*eps0*m_e*c**2)"),
    ShortName("sigma_e", "Thomson cross section", r"\sigma_e", "8*pi*r_e**2/3"),
    # thermodynamics and radiation
    ShortName("N_A", "Avogadro constant", "N_A"),
    ShortName("R", "molar gas constant", "R", "N_A*k_B"),
    ShortName("F", "Faraday constant", "F", "N_A*e"),
    ShortName("sigma_SB", "Stefan-Boltzmann constant", r"\sigma_{SB}", "2*pi**5*k_B**4/(15*h**3*c**2)"),
    ShortName("b_Wien", "Wien wavelength displacement law constant", "b",
              "h*c/(k_B*(5 + LambertW(-5*exp(-5))))"),
    # gravitation and Planck units
    ShortName("G_N", "Newtonian constant of gravitation", "G"),
    ShortName("m_P", "Planck mass", "m_P", "sqrt(hbar*c/G_N)"),
    ShortName("l_P", "Planck length", r"\ell_P", "sqrt(hbar*G_N/c**3)"),
    ShortName("t_P", "Planck time", "t_P", "sqrt(hbar*G_N/c**5)"),
    ShortName("T_P", "Planck temperature", "T_P", "sqrt(hbar*c**5/G_N)/k_B"),
)
