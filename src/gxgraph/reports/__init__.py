"""Human-readable renderings of analytics results (SVG charts); pure functions, no I/O."""
