"""Steady-state solver of the 1D kinetic equation (9) of Das & Green (2003).

Units and parameters: :mod:`symcond.kinetic.params`.
"""

from symcond.kinetic.params import ETA_MAX, ETA_MIN, KineticParams, TimeLaw

__all__ = ["ETA_MAX", "ETA_MIN", "KineticParams", "TimeLaw"]
