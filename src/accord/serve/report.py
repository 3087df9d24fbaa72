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
from accord.store import Store
from accord.store import queries as qy
from accord.store.queries import Filters


def inline_script(source: str) -> Markup:
    """Script text safe inside <script>…</script>: ``</`` cannot end the element."""
    return Markup(source.replace("</", "<\\/"))


def report_context(store: Store, f: Filters | None = None) -> dict[str, Any]:
    """The numbers and chart specs the report shows."""
    f = f or Filters()
    with store.session() as session:
        counts = qy.counts(session, f)
        graph = qy.network(session, f, max_nodes=60)
        by_month = qy.event_counts(session, f, ("month", "type"))
        money = qy.sum_amounts(session, f, ("kind", "year"))
        events = qy.list_events(session, f, limit=500, oldest_first=True)["items"]
        actors = qy.list_actors(session, f, limit=30)["items"]
        flows = qy.sum_amounts(session, f, ("pair",))[:30]
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
