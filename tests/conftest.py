"""Shared fixtures for the symcond test-suite."""

import os

# OpenBLAS threads fight over the few cores of CI machines; one thread is fastest here.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import atexit
import shutil
import tempfile
from pathlib import Path

# The tests never read or write the user's result cache: everything (subprocesses included) uses a
# throw-away folder, and each test a fresh one of its own (see ``fresh_result_cache``).
_CACHE_ROOT = tempfile.mkdtemp(prefix="symcond-test-cache-")
atexit.register(shutil.rmtree, _CACHE_ROOT, True)
os.environ["SYMCOND_CACHE_DIR"] = _CACHE_ROOT

import pytest  # noqa: E402
import sympy  # noqa: E402

from symcond.ledger.cache import ResultCache  # noqa: E402
from symcond.ledger.run import Ledger, load_papers, verify  # noqa: E402
from symcond.model.context import Context  # noqa: E402
from symcond.quantities.registry import Registry  # noqa: E402


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


@pytest.fixture(autouse=True)
def fresh_result_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty result cache folder for each test: a verdict is always decided afresh unless the test reuses it."""
    folder = tmp_path_factory.mktemp("result-cache")
    monkeypatch.setenv("SYMCOND_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def bundled_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The result cache folder that :func:`bundled_ledger` filled."""
    return tmp_path_factory.mktemp("bundled-cache")


@pytest.fixture(scope="session")
def bundled_ledger(bundled_cache: Path) -> Ledger:
    """Every claim of the bundled derivation files, decided once per session (about 20-30 s of CPU); the
    verdicts are stored in :func:`bundled_cache` (which starts empty: every claim is decided)."""
    return verify(load_papers(), cache=ResultCache(bundled_cache))
