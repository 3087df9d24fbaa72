"""Full-text search over title and body, the same call on SQLite (FTS5) and PostgreSQL.

The user's query is cut into words and every word is bound as a parameter, so quotes,
operators or SQL in the query are just text; all words must occur (AND). Both backends
stem English words ("plants" finds "plant"); PostgreSQL also drops stop words.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from accord.store.base import MARK, SearchHit, words

__all__ = ["MARK", "SearchHit", "search", "words"]

_SQLITE = text(
    "SELECT d.doc_id, d.title, d.published, d.outlet, "
    "snippet(documents_fts, 1, :open, :close, '…', 24) AS snip, "
    "-bm25(documents_fts) AS score "
    "FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid "
    "WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts) LIMIT :limit"
)

_POSTGRES = text(
    "SELECT d.doc_id, d.title, d.published, d.outlet, "
    "ts_headline('english', d.body, q, :options) AS snip, "
    "ts_rank(to_tsvector('english', coalesce(d.title, '') || ' ' || d.body), q) AS score "
    "FROM documents d, plainto_tsquery('english', :q) AS q "
    "WHERE to_tsvector('english', coalesce(d.title, '') || ' ' || d.body) @@ q "
    "ORDER BY score DESC, d.pk LIMIT :limit"
)


def search(session: Session, query: str, limit: int = 20) -> list[SearchHit]:
    """Documents whose title or body hold every word of ``query``, best first."""
    terms = words(query)
    if not terms or limit <= 0:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        # Each word as an FTS5 string literal: no FTS5 operator can come from the user.
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        params = {"q": match, "open": MARK[0], "close": MARK[1], "limit": limit}
        rows = session.execute(_SQLITE, params).all()
    elif dialect == "postgresql":
        options = f"StartSel={MARK[0]}, StopSel={MARK[1]}, MaxWords=35, MinWords=15"
        params2 = {"q": " ".join(terms), "options": options, "limit": limit}
        rows = session.execute(_POSTGRES, params2).all()
    else:  # pragma: no cover - only the two supported backends reach here
        raise NotImplementedError(f"search is not available on {dialect}")
    return [
        SearchHit(
            doc_id=r.doc_id,
            title=r.title,
            published=r.published,
            outlet=r.outlet,
            snippet=r.snip or "",
            score=float(r.score or 0.0),
        )
        for r in rows
    ]
