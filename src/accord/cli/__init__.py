"""cli: thin commands over the library."""
