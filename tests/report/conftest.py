"""Fixtures of the report tests: the real ledger of the bundled papers, computed once per session."""

import pytest

from symcond.ledger.run import Ledger, load_papers, verify


@pytest.fixture(scope="session")
def bundled_ledger() -> Ledger:
    """Every claim of the bundled derivation files, decided (about 20-30 s of CPU)."""
    return verify(load_papers())
