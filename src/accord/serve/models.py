"""Response and request shapes of the REST API, for its OpenAPI description."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

NOT_FINITE = "null where the stored figure is not a finite number"


class Message(BaseModel):
    """An error other than a validation error: what went wrong, in words."""

    detail: str


class Issue(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class Invalid(BaseModel):
    """A 422: FastAPI's validation-error shape, also for the checks the API makes itself."""

    detail: list[Issue]


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    attributed_sources: list[str]
    actors: list[str]
    events: int
    amounts: int
    quotes: int


class EventItem(BaseModel):
    document: str
    document_title: str | None
    published: str | None
    type: str
    cameo: str | None
    actors: list[str]
    source: str | None
    target: str | None
    what: str | None
    where: str | None
    when: str | None
    date: str | None = Field(description="the event's date, else its document's")
    status: str
    sectors: list[str]
    span: list[int]


class AmountItem(BaseModel):
    document: str
    document_title: str | None
    published: str | None
    value: float | None = Field(description=NOT_FINITE)
    currency: str | None
    value_usd: float | None
    kind: str
    from_: str | None = Field(alias="from")
    to: str | None
    what: str | None
    period: list[str] | None
    span: list[int]
    measure: str | None = Field(None, description="flow (money between parties) or level")
    level_type: str | None = Field(None, description="for a level: price, exchange_rate, ...")
    usd_rate: float | None = Field(None, description="USD per unit of currency")
    usd_rate_date: str | None = Field(None, description="the rate's date, YYYY-MM-DD")
    usd_source: str | None = Field(None, description="where the rate comes from")
    usd_note: str | None = Field(None, description="why value_usd is null, where it is")


class AmountSum(BaseModel):
    from_: str | None = Field(None, alias="from")
    to: str | None = None
    kind: str | None = None
    year: str | None = None
    month: str | None = None
    total_usd: float | None = Field(description=NOT_FINITE)
    amounts: int
    documents: int


class QuoteItem(BaseModel):
    document: str
    document_title: str | None
    published: str | None
    text: str
    speaker: str | None
    speaker_actor: str | None
    cue: str | None
    span: list[int]


class ActorItem(BaseModel):
    code: str
    name: str
    kind: str
    documents: int
    events: int
    usd_out: dict[str, float | None] = Field(
        description="USD of flows from the actor, per kind (" + NOT_FINITE + ")"
    )
    usd_in: dict[str, float | None] = Field(
        description="USD of flows to the actor, per kind (" + NOT_FINITE + ")"
    )


class Page(BaseModel):
    total: int = Field(description="how many items match, over all pages")
    limit: int
    offset: int


class DocumentPage(Page):
    items: list[DocumentSummary]


class EventPage(Page):
    items: list[EventItem]


class AmountPage(Page):
    items: list[AmountItem]


class QuotePage(Page):
    items: list[QuoteItem]


class ActorPage(Page):
    items: list[ActorItem]


class StoryItem(BaseModel):
    story_id: int
    first_id: str = Field(description="the document published first (earliest date, then ingest)")
    first_title: str | None
    first_outlet: str | None
    first_published: str | None
    count: int = Field(description="documents carrying the story")
    outlets: list[str] = Field(description="distinct outlets, first publication first")


class StoryPage(Page):
    items: list[StoryItem]


class CopyItem(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    similarity: float = Field(
        description="estimated Jaccard of word 5-shingles with the asked text"
    )
    first: bool = Field(description="this copy is the story's first publication")


class Copies(BaseModel):
    id: str
    story: StoryItem | None
    items: list[CopyItem] = Field(description="the other documents of the story, first first")


class AmountSums(BaseModel):
    by: list[str]
    items: list[AmountSum]


class SearchHit(BaseModel):
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    snippet: str = Field(description="plain text; matched words between « and »")
    score: float


class SearchResult(BaseModel):
    q: str
    items: list[SearchHit]


class IngestRequest(BaseModel):
    """An article to process and store: plain text or an HTML page."""

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article as an HTML page")
    id: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    outlet: str | None = None
    url: str | None = None


class IngestResult(BaseModel):
    id: str
    outcome: str = Field(description="added, unchanged or replaced")
    url: str
    record: dict[str, Any]
