"""Shared fixtures for the symcond test-suite."""

import os

# OpenBLAS threads fight over the few cores of CI machines; one thread is fastest here.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pytest
import sympy

from symcond.ledger.run import Ledger, load_papers, verify
from symcond.model.context import Context
from symcond.quantities.registry import Registry


@pytest.fixture
def registry() -> Registry:
    """A fresh copy of the default registry."""
    return Registry.default()


@pytest.fixture
def ctx(registry: Registry) -> Context:
    """A default context on a fresh registry."""
    return Context(registry)


@pytest.fixture
def xy() -> tuple[sympy.Symbol, sympy.Symbol]:
    """Two positive symbols without declared dimension."""
    return sympy.symbols("xx yy", positive=True)


@pytest.fixture(scope="session")
def bundled_ledger() -> Ledger:
    """Every claim of the bundled derivation files, decided once per session (about 20-30 s of CPU)."""
    return verify(load_papers())
