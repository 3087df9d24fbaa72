"""`accord copies ID` and `accord stories`: who carried a story, and who carried it first."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.errors import StoreError
from accord.settings import load_settings
from accord.store import Store, connect

DbOption = Annotated[
    str | None, typer.Option("--db", help="store URL (default: settings db, ACCORD_DB)")
]


def _open(db: str | None) -> Store:
    try:
        return connect(load_settings(db=db).db, create=False)
    except StoreError as exc:
        Console(stderr=True).print(Text(f"error: {exc}"))
        raise typer.Exit(code=2) from exc


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def copies(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="document id")],
    db: DbOption = None,
) -> None:
    """List the other documents carrying the same text, first publication first."""
    with _open(db) as store:
        story = store.story(doc_id)
        found = store.copies(doc_id)
    if story is None:
        Console(stderr=True).print(Text(f"error: no document {doc_id!r} in {store.url}"))
        raise typer.Exit(code=1)
    console = Console()
    if not found:
        console.print(Text(f"{doc_id}: no copies in {store.url}"))
        return
    first = story.first_doc_id
    console.print(
        Text(
            f"{doc_id}: story {story.story_id}, carried by {story.count} documents; first "
            f"by {story.first_outlet or 'an unnamed outlet'} "
            f"({_opt(story.first_published) or 'undated'}, {first})"
        )
    )
    table = Table(title_justify="left", expand=True)
    for header in ("", "id", "outlet", "published"):
        table.add_column(header, overflow="fold")
    table.add_column("similarity", justify="right")
    table.add_column("title", overflow="fold")
    for copy in found:
        table.add_row(
            "first" if copy.first else "",
            Text(copy.doc_id),
            Text(_opt(copy.outlet)),
            _opt(copy.published),
            f"{copy.similarity:.2f}",
            Text(_opt(copy.title)),
        )
    console.print(table)


def stories(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="stories to show", min=1)] = 20,
    offset: Annotated[int, typer.Option(help="stories to skip", min=0)] = 0,
) -> None:
    """List the stories carried by more than one document, and who carried each first."""
    with _open(db) as store:
        found = store.stories(limit=limit, offset=offset)
        total = store.count_stories()
    console = Console()
    if not found:
        console.print(Text(f"no story with copies in {store.url}"))
        return
    table = Table(
        title=f"Stories with copies in {store.url} ({total})", title_justify="left", expand=True
    )
    for header in ("story", "copies", "first published", "first outlet", "outlets", "title"):
        table.add_column(header, overflow="fold")
    for story in found:
        table.add_row(
            str(story.story_id),
            str(story.count),
            _opt(story.first_published),
            Text(_opt(story.first_outlet)),
            Text(", ".join(story.outlets)),
            Text(_opt(story.first_title)),
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("copies")(copies)
    app.command("stories")(stories)
