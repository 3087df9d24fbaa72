"""Read-only queries for the dashboard and the REST API (parameterised SQLAlchemy Core).

Kept apart from ``Store`` because they answer views (lists, sums, graphs), not records.
"""

from accord.store.base import GROUPS, Filters, sum_groups
from accord.store.queries.lists import (
    level_counts,
    list_actors,
    list_amounts,
    list_documents,
    list_events,
    list_quotes,
    sum_amounts,
)
from accord.store.queries.views import (
    actor_view,
    counts,
    document_copies,
    documents_by_month,
    event_counts,
    facets,
    network,
    pair_view,
    story_list,
)

__all__ = [
    "GROUPS",
    "Filters",
    "actor_view",
    "counts",
    "document_copies",
    "documents_by_month",
    "event_counts",
    "facets",
    "level_counts",
    "list_actors",
    "list_amounts",
    "list_documents",
    "list_events",
    "list_quotes",
    "network",
    "pair_view",
    "story_list",
    "sum_amounts",
    "sum_groups",
]
