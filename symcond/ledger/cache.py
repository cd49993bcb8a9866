"""The result cache of ``verify``: a verdict is decided once, then read back while nothing it depends on changes.

**Key.** The SHA-256 of a canonical text of everything the verdict depends on: the claim
(every field but its expectation, SymPy expressions as ``sympy.srepr``, which names each
symbol's assumptions), its givens, the stated assumptions it may use, the registry entries of
the symbols it reaches (dimension, value, defining relation, followed through the
definitions), the paper's per-operation budget and the claim's hard limit; plus the versions
of symcond, SymPy, mpmath and Python, and a digest of symcond's own source files (a checkout
being edited never reuses a verdict of other code).  A claim that holds an object of a
derivation file's own class (a SymPy function with its own ``eval``, a rule of its own) is
not cached: its behaviour is code, not data, and no code of a derivation file runs while
keys are computed (the classes are recognised by their module before any attribute is read).

**Entries.** One JSON file per key, ``<folder>/v1/<2 hex>/<key>.json``, holding the key, the
outcome as data (:mod:`symcond.ledger.encode`: no pickle, nothing is executed when read) and
the SHA-256 of both.  An entry that does not parse, names another key or fails its checksum is
*rejected*: the claim is decided again and the entry rewritten.  Files are written atomically
(:func:`symcond.files.write_bytes`), so concurrent runs never see half an entry.

**Not cached: any ``undecided`` verdict.**  A hard limit that ran out, a stopped or crashed
worker depend on the machine's load; and the prover's per-operation CPU budgets can end in
an ``undecided`` for want of a proof whose finding does not say a budget was involved.  So
the next run always tries again (the bundled papers have no ``undecided`` claim); ``holds``,
``holds-under`` and ``fails`` (a proof or a checked counterexample) are cached.

**Folder.** ``$SYMCOND_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/symcond``, else
``~/.cache/symcond``.  Deleting it is always safe.

>>> import tempfile
>>> from symcond.model.paper import Paper
>>> paper = Paper("demo2026", plain=True)
>>> x, = paper.symbols("x")
>>> claim = paper.equality("eq1", 2 * x, x + x)
>>> cache = ResultCache(tempfile.mkdtemp())
>>> key = cache.key(paper, claim, 120.0)
>>> cache.get(key) is None
True
>>> cache.put(key, Outcome(Verdict.HOLDS, Evidence(reason="proved", finding=Finding.PROVED)))
True
>>> cache.get(key).evidence.reason
'proved'
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import mpmath
import sympy

from symcond.errors import OutputError
from symcond.files import write_bytes
from symcond.ledger.encode import Unencodable, decode_outcome, encode_outcome
from symcond.model.claims import Claim
from symcond.model.paper import Paper
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict  # noqa: F401 (Evidence: doctests)

__all__ = ["CacheStats", "ResultCache", "cacheable", "default_folder"]

#: Format of the entries (a new format lives in a new sub-folder).
FORMAT = 1
#: Entries larger than this are rejected unread, bytes.
_MAX_ENTRY = 4 << 20
#: Modules whose classes are described by their data alone (their code is covered by the versions).
_LIBRARIES = frozenset({"sympy", "symcond", "mpmath", "gmpy2", *sys.stdlib_module_names})


def default_folder() -> Path:
    """``$SYMCOND_CACHE_DIR``, else ``$XDG_CACHE_HOME/symcond``, else ``~/.cache/symcond``."""
    if os.environ.get("SYMCOND_CACHE_DIR"):
        return Path(os.environ["SYMCOND_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "symcond"


def cacheable(outcome: Outcome) -> bool:
    """False for ``undecided``: it may depend on the machine's load (see the module's notes).

    >>> cacheable(Outcome(Verdict.UNDECIDED, Evidence(finding=Finding.BUDGET_EXCEEDED)))
    False
    >>> cacheable(Outcome(Verdict.UNDECIDED, Evidence(finding=Finding.NO_PROOF)))
    False
    >>> cacheable(Outcome(Verdict.FAILS, Evidence(finding=Finding.CONSTANT_FACTOR)))
    True
    """
    return outcome.verdict is not Verdict.UNDECIDED


@dataclass
class CacheStats:
    """What the cache did in one run: verdicts read (hits), decided (misses), entries rejected, written, unwritable."""

    hits: int = 0
    misses: int = 0
    rejected: int = 0
    stored: int = 0
    unwritable: int = 0

    def as_dict(self) -> dict[str, int]:
        """The counts, for the JSON summary."""
        return dataclasses.asdict(self)


class ResultCache:
    """Verdicts on disk under ``folder`` (default :func:`default_folder`), keyed by :meth:`key`."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_folder()
        self.stats = CacheStats()

    def key(self, paper: Paper, claim: Claim, claim_budget: float) -> str | None:
        """The hex key of ``claim`` in ``paper`` with a hard limit of ``claim_budget`` s; None: not cacheable."""
        try:
            text = _canonical_text(paper, claim, claim_budget)
        except (_Undescribed, RecursionError):
            return None
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        """The entry file of ``key``."""
        return self.folder / f"v{FORMAT}" / key[:2] / f"{key}.json"

    def get(self, key: str | None) -> Outcome | None:
        """The cached outcome of ``key``; None when absent or rejected (counted in :attr:`stats`)."""
        if key is None:
            return None
        path = self.path(key)
        try:
            if path.stat().st_size > _MAX_ENTRY:
                raise Unencodable("entry too large")
            outcome = _read_entry(path.read_bytes(), key)
        except FileNotFoundError:
            return None
        except (OSError, Unencodable, UnicodeDecodeError, RecursionError):
            self.stats.rejected += 1
            return None
        self.stats.hits += 1
        return outcome

    def put(self, key: str | None, outcome: Outcome) -> bool:
        """Store ``outcome`` under ``key`` when it is :func:`cacheable` and encodable; True when written."""
        if key is None or not cacheable(outcome):
            return False
        try:
            data = encode_outcome(outcome)
        except (Unencodable, RecursionError):
            return False
        entry = {"symcond-cache": FORMAT, "key": key, "outcome": data, "checksum": _checksum(key, data)}
        path = self.path(key)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_bytes(path, json.dumps(entry, separators=(",", ":")).encode("utf-8"), force=True)
        except (OSError, OutputError):
            self.stats.unwritable += 1
            return False
        self.stats.stored += 1
        return True


def _checksum(key: str, data: Any) -> str:
    return hashlib.sha256(json.dumps([key, data], sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _read_entry(raw: bytes, key: str) -> Outcome:
    """The outcome of an entry file's bytes, or Unencodable when it is corrupt or belongs to another key."""
    try:
        entry = json.loads(raw.decode("utf-8"))
    except ValueError as exc:
        raise Unencodable("not JSON") from exc
    if not isinstance(entry, dict) or entry.get("symcond-cache") != FORMAT or entry.get("key") != key:
        raise Unencodable("a foreign entry")
    if entry.get("checksum") != _checksum(key, entry.get("outcome")):
        raise Unencodable("checksum mismatch")
    return decode_outcome(entry["outcome"])


# ----------------------------------------------------------------------------- canonical text
class _Undescribed(Exception):
    """The claim holds something the canonical text cannot describe."""


@cache
def _versions() -> str:
    """Versions of symcond, SymPy, mpmath, SciPy (its CODATA values), Python and a digest of symcond's sources."""
    from importlib.metadata import PackageNotFoundError, version

    root = Path(__file__).resolve().parents[1]
    try:
        release = version("symcond")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree that is not installed
        release = "unknown"
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return (f"symcond-cache {FORMAT}; symcond {release} {digest.hexdigest()}; sympy {sympy.__version__};"
            f" mpmath {mpmath.__version__}; scipy {version('scipy')};"
            f" python {sys.version_info[0]}.{sys.version_info[1]}")


def _canonical_text(paper: Paper, claim: Claim, claim_budget: float) -> str:
    fields = {f.name: getattr(claim, f.name) for f in dataclasses.fields(claim) if f.name != "expect"}
    names = claim.assumptions if claim.assumptions is not None else tuple(a.name for a in paper.assumptions)
    assumptions = [a for a in paper.assumptions if a.name in names]
    parts = [_versions(), f"{type(claim).__module__}.{type(claim).__qualname__}",
             _canon(fields), _canon([(a.name, a.relation) for a in assumptions]),
             _canon(_registry_entries(paper, [*fields.values(), *(a.relation for a in assumptions)])),
             f"budget {paper.budget!r}; claim budget {claim_budget!r}"]
    return "\n".join(parts)


def _registry_entries(paper: Paper, values: list[Any]) -> list[Any]:
    """The registry's quantities of every symbol in ``values``, followed through their definitions."""
    todo = [s for v in values for s in _symbols(v)]
    seen: set[str] = set()
    found = []
    while todo:
        name = todo.pop().name
        quantity = paper.registry.get(name)
        if name in seen or quantity is None:
            continue
        seen.add(name)
        found.append(quantity)
        if quantity.definition is not None:
            todo.extend(_symbols(quantity.definition))
    return sorted(found, key=lambda q: q.name)


def _symbols(value: Any) -> Iterator[sympy.Symbol]:
    """Every SymPy symbol inside ``value`` (expressions, containers, dataclasses)."""
    if isinstance(value, sympy.Basic):
        yield from value.atoms(sympy.Symbol)
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _symbols(k)
            yield from _symbols(v)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for v in value:
            yield from _symbols(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _symbols(getattr(value, f.name))


def _canon(value: Any) -> str:
    """A text that determines ``value``; _Undescribed for anything else (a derivation file's own class)."""
    if value is None or isinstance(value, (bool, int, float, str, Fraction)):
        return repr(value)
    _library_class(type(value))
    if isinstance(value, sympy.Basic):
        _library_tree(value)
        return sympy.srepr(value)
    if isinstance(value, Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if isinstance(value, Mapping):
        return "{" + ", ".join(sorted(f"{_canon(k)}: {_canon(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_canon(v) for v in value) + "]"
    if isinstance(value, (frozenset, set)):
        return "{" + ", ".join(sorted(_canon(v) for v in value)) + "}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = ", ".join(f"{f.name}={_canon(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__module__}.{type(value).__qualname__}({inner})"
    raise _Undescribed(type(value).__qualname__)


#: Classes found to come from the libraries (checked once each).
_CHECKED: set[type] = set()


def _library_class(kind: type) -> None:
    """_Undescribed unless ``kind`` and its bases come from SymPy, symcond, mpmath or the standard library."""
    if kind in _CHECKED:
        return
    for base in kind.__mro__:
        module = vars(base).get("__module__", "builtins")  # a class written in Python has it, a C type has not
        if type(base).__name__ == "UndefinedFunction":
            continue
        if not isinstance(module, str) or module.split(".")[0] not in _LIBRARIES:
            raise _Undescribed(base.__qualname__)
    _CHECKED.add(kind)


def _library_tree(expr: sympy.Basic) -> None:
    """Check every node's class before anything of it runs (``_args`` is the tuple SymPy stores)."""
    todo = [expr]
    while todo:
        node = todo.pop()
        _library_class(type(node))
        todo.extend(node._args)
