"""`accord report`: one self-contained HTML file with the dashboard's charts.

The file is opened from disk, not served, so the JavaScript (plotly.js, accord.js)
and the CSS are inlined, and the data rides in a <script type="application/json">
block. ``</`` is escaped in every inlined script so no text can close the tag early.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from markupsafe import Markup

from accord.serve import charts
from accord.serve.app import STATIC, version
from accord.serve.pages import environment
from accord.serve.vendor import plotly_js
from accord.store import Filters, Store


def inline_script(source: str) -> Markup:
    """Script text safe inside <script>…</script>: ``</`` cannot end the element."""
    return Markup(source.replace("</", "<\\/"))


def report_context(store: Store, f: Filters | None = None) -> dict[str, Any]:
    """The numbers and chart specs the report shows."""
    f = f or Filters()
    counts = store.counts(f)
    graph = store.network(f, max_nodes=60)
    by_month = store.event_counts(f, ("month", "type"))
    money = store.sum_amounts(f, ("kind", "year"))
    events = store.list_events(f, limit=500, oldest_first=True)["items"]
    actors = store.list_actors(f, limit=30)["items"]
    flows = store.sum_amounts(f, ("pair",))[:30]
    return {
        "counts": counts,
        "pairs": graph["edges"][:20],
        "actors": actors,
        "flows": flows,
        "events": events[-50:][::-1],
        "charts": {
            "network": charts.network(graph, actor_link="", pair_link=""),
            "events": charts.event_bars(by_month, "Events per {unit} by PLOVER type"),
            "timeline": charts.timeline(events, link=""),
            "money": charts.money_bars(money, "Money per year by kind (USD)"),
        },
    }


def render_report(store: Store, f: Filters | None = None) -> str:
    """The report as one HTML string."""
    plotly = plotly_js()
    context = report_context(store, f)
    template = environment().get_template("report.html")
    return template.render(
        **context,
        plotly=inline_script(plotly.read_text(encoding="utf-8")) if plotly else None,
        accord_js=inline_script((STATIC / "accord.js").read_text(encoding="utf-8")),
        css=Markup((STATIC / "accord.css").read_text(encoding="utf-8").replace("</", "<\\/")),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=version(),
        store=store.url,
    )
