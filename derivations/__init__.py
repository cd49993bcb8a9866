"""The derivation files bundled with symcond (one module per paper)."""
