"""All soundness numbers in one place, for the README generator.

>>> sorted(stored_numbers())
['completeness', 'completeness_full', 'hostile', 'hostile_full', 'mutation', 'mutation_full']
"""

from __future__ import annotations

import json
from typing import Any

from tests.soundness.mutants import RESULTS, mutation_numbers
from tests.soundness.rewrites import completeness_numbers

__all__ = ["soundness_numbers", "stored_numbers"]


def soundness_numbers(full: bool = False) -> dict[str, Any]:
    """Run the mutation and completeness suites now (sampled, or ``full``) and return their numbers."""
    return {"mutation": mutation_numbers(full), "completeness": completeness_numbers(full)}


def stored_numbers() -> dict[str, Any]:
    """The numbers last written with SYMCOND_WRITE_SOUNDNESS=1 (``results/<name>.json``), by name."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(RESULTS.glob("*.json"))}
