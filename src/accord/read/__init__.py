"""read: sources (text, folder, JSONL, HTML, stdin, ...) -> RawDocument."""
