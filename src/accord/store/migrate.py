"""Runs the Alembic migrations in code, so users never need an alembic.ini."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = "accord.store:migrations"
HANDMADE = ("documents_fts", "ix_documents_fts", "alembic_version")
"""Objects the migrations make by hand (search) or Alembic keeps: not in the models."""


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, other: Any) -> bool:
    """Autogenerate's filter: leave the hand-made search objects alone."""
    return not (name or "").startswith(HANDMADE)


def alembic_config() -> Config:
    """An Alembic Config for the migrations shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind ``engine`` to ``revision`` (creating tables if new)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
