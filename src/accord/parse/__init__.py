"""parse: the spaCy pipeline, loaded by model name."""

from accord.parse.nlp import DEFAULT_MODEL, load_nlp, parse, parse_many

__all__ = ["DEFAULT_MODEL", "load_nlp", "parse", "parse_many"]
