"""Numbers from expressions: random admissible points, quadrature, lambdify and its overflow-safe rewrites."""
