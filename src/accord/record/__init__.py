"""record: merge, resolve and validate facts into a Record (no NLP, no I/O)."""
