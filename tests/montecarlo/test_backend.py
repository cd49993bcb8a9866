"""The backend choice: names, parsing, the default thread count."""

from __future__ import annotations

import pytest

from symcond.errors import DefinitionError
from symcond.kinetic.params import KineticParams
from symcond.montecarlo import drift
from symcond.montecarlo.backend import EventLoopBackend, default_threads


@pytest.mark.parametrize("name", ["auto", "numba", "numpy"])
def test_backend_parses_its_names_and_itself(name: str) -> None:
    """Each backend name parses to its member, and a member parses to itself."""
    backend = EventLoopBackend.parse(name)
    assert backend.value == name and EventLoopBackend.parse(backend) is backend


def test_unknown_backend_is_rejected() -> None:
    """A backend name outside auto/numba/numpy is a DefinitionError naming the choices."""
    with pytest.raises(DefinitionError, match=r"^'backend' must be one of 'auto', 'numba', 'numpy' \(got 'gpu'\)$"):
        drift(KineticParams(eta=0.0, ratio=1.0, field=1.0), particles=10, time=1.0, backend="gpu")


def test_default_threads_is_a_positive_count() -> None:
    """The default thread count is at least one."""
    threads = default_threads()
    assert isinstance(threads, int) and threads >= 1
