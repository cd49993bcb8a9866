"""The step rules derivations use: rewrites, substitutions, integrals (with their own checks), series."""
