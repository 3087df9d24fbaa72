"""clean: RawDocument -> Document (boilerplate removed, offsets, outlet, credits)."""
