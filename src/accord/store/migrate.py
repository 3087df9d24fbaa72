"""Runs the Alembic migrations in code, so users never need an alembic.ini."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = "accord.store:migrations"


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
