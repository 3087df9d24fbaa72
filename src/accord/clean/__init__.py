"""clean: RawDocument -> Document (boilerplate removed, offsets, outlet, credits)."""

from accord.clean.cleaner import clean, content_hash

__all__ = ["clean", "content_hash"]
