"""Physical quantities: the symbol registry (CODATA constants, declared quantities) and SI dimensions."""
