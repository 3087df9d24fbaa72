"""extract: one module per kind of fact, from a parsed Document."""
