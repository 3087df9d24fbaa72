"""store: SQLite (default) and PostgreSQL behind one interface."""
