"""Chart specs for the dashboard and the report: data shaped in Python, drawn by accord.js.

Every spec is a plain dict that goes to the page as JSON (never as script); the
browser side only maps it onto plotly.js traces. Colours live here so a PLOVER type or
a sector has the same colour on every page.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import networkx as nx
import numpy as np

from accord.serve.urls import segment

PLOVER_COLOURS = {
    "AGREE": "#e6ab02",
    "CONSULT": "#377eb8",
    "SUPPORT": "#66a61e",
    "COOPERATE": "#2c7fb8",
    "AID": "#a6761d",
    "REQUEST": "#7570b3",
    "CONCEDE": "#8da0cb",
    "RETREAT": "#b3b3b3",
    "ACCUSE": "#e7298a",
    "REJECT": "#d95f02",
    "THREATEN": "#e41a1c",
    "PROTEST": "#f781bf",
    "SANCTION": "#984ea3",
    "MOBILIZE": "#ff7f00",
    "COERCE": "#a50f15",
    "ASSAULT": "#67000d",
}
STATUS_SYMBOLS = {"occurred": "circle", "planned": "circle-open", "intended": "diamond-open"}
SECTOR_COLOURS = {
    "ict": "#000000",
    "cybersecurity": "#ff7711",
    "ai": "#770088",
    "trade": "#4400dd",
    "investment": "#44bbff",
    "finance": "#eebb88",
    "energy": "#005500",
    "nuclear": "#554455",
    "mining": "#aa55ff",
    "agriculture": "#ee1144",
    "health": "#bb55aa",
    "education": "#330044",
    "science": "#008844",
    "defense": "#ddbbdd",
    "infrastructure": "#7711bb",
    "space": "#223322",
    "tourism": "#77cc44",
    "culture": "#7766cc",
    "governance": "#bb9977",
    "diplomacy": "#aa6600",
}
KIND_COLOURS = {
    "export": "#1f77b4",
    "import": "#aec7e8",
    "trade_total": "#ff7f0e",
    "investment": "#2ca02c",
    "loan": "#d62728",
    "aid": "#9467bd",
    "deal": "#8c564b",
    "other": "#7f7f7f",
}
NO_SECTOR = "#999999"
"""Sector colours: scripts/sector_palette.py picked them to stay apart (CIELAB ΔE ≥ 15)
in normal vision and in simulated protanopia, deuteranopia and tritanopia, grey for none."""


def bars(
    rows: list[dict[str, Any]],
    x: str,
    stack: str,
    value: str,
    *,
    x_title: str,
    y_title: str,
    colours: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Stacked bars: one series per value of ``stack``, summing ``value`` per ``x``."""
    xs = sorted({str(r.get(x) or "unknown") for r in rows})
    series: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(xs, 0.0))
    for r in rows:
        series[str(r.get(stack) or "unknown")][str(r.get(x) or "unknown")] += float(r[value])
    return {
        "kind": "bars",
        "x": xs,
        "series": [
            {
                "name": name,
                "y": [values[k] for k in xs],
                "colour": (colours or {}).get(name),
            }
            for name, values in sorted(series.items())
        ],
        "x_title": x_title,
        "y_title": y_title,
    }


def _point_date(when: str | None) -> str | None:
    """A plottable date for a partial one: a year sits mid-year, a month mid-month."""
    if not when:
        return None
    if len(when) == 4:
        return f"{when}-07-01"
    if len(when) == 7:
        return f"{when}-15"
    return when[:10]


def timeline(events: list[dict[str, Any]], link: str = "/documents/") -> dict[str, Any]:
    """Events as points: x the date, y and colour the PLOVER type, symbol the status."""
    by_type: dict[str, dict[str, list[Any]]] = {}
    undated = 0
    for e in events:
        date = _point_date(e.get("date"))
        if date is None:
            undated += 1
            continue
        t = by_type.setdefault(e["type"], {"x": [], "symbol": [], "text": [], "url": []})
        t["x"].append(date)
        t["symbol"].append(STATUS_SYMBOLS.get(e["status"], "square"))
        t["text"].append(
            f"{e['type']} ({e['status']}): {e.get('what') or ''} — "
            f"{', '.join(e.get('actors') or [])} — {e.get('document_title') or e['document']}"
        )
        t["url"].append(link + segment(e["document"]) if link else None)
    return {
        "kind": "timeline",
        "series": [
            {"name": name, "colour": PLOVER_COLOURS.get(name, "#333333"), **points}
            for name, points in sorted(by_type.items())
        ],
        "statuses": STATUS_SYMBOLS,
        "undated": undated,
        "title": "Events over time (date of the event, else of publication)",
        "x_title": "date (event, else publication)",
        "y_title": "event type (PLOVER)",
    }


def layout(codes: list[str], edges: list[tuple[str, str, float]], seed: int = 3) -> np.ndarray:
    """Positions in [-1, 1] that keep clusters apart; deterministic for the same graph.

    The graph's communities (Louvain, by edge weight) are laid out one by one with a
    spring layout and then set on a spiral, largest in the middle, each in a disc sized
    to its members, so that a cluster reads as one group and the groups do not overlap.
    """
    n = len(codes)
    if n <= 1:
        return np.zeros((n, 2))
    graph = nx.Graph()
    graph.add_nodes_from(codes)
    for a, b, w in edges:
        if a in graph and b in graph and a != b:
            graph.add_edge(a, b, weight=1 + math.log1p(w))
    groups = sorted(
        (sorted(c) for c in nx.community.louvain_communities(graph, weight="weight", seed=seed)),
        key=lambda c: (-len(c), c[0]),
    )
    pos = np.zeros((n, 2))
    index = {c: i for i, c in enumerate(codes)}
    radii = [math.sqrt(len(g)) for g in groups]
    placed: list[tuple[np.ndarray, float]] = []
    golden = math.pi * (3 - math.sqrt(5))
    for g, radius in zip(groups, radii, strict=True):
        centre = np.zeros(2)
        step = 0
        # the first free spot along a spiral: no overlap with the discs placed so far
        while any(np.linalg.norm(centre - c) < radius + r + 0.6 for c, r in placed):
            step += 1
            turn = step * golden
            centre = 0.5 * math.sqrt(step) * np.array([math.cos(turn), math.sin(turn)])
        placed.append((centre, radius))
        if len(g) == 1:
            pos[index[g[0]]] = centre
            continue
        local = nx.spring_layout(graph.subgraph(g), weight="weight", seed=seed, iterations=80)
        points = np.array([local[c] for c in g])
        points -= points.mean(axis=0)
        points /= float(np.abs(points).max()) or 1.0
        for c, p in zip(g, points, strict=True):
            pos[index[c]] = centre + p * radius * 0.9
    pos -= (pos.max(axis=0) + pos.min(axis=0)) / 2
    scale = float(np.abs(pos).max()) or 1.0
    result: np.ndarray = pos / scale
    return result


LABELS = 16
"""Nodes named on the chart, heaviest first (and only where a name fits); the rest on hover."""


def network(
    graph: dict[str, Any], actor_link: str = "/actors/", pair_link: str = "/pairs/", qs: str = ""
) -> dict[str, Any]:
    """Nodes and edges with positions, sizes, colours and the pages a click opens."""
    nodes = graph["nodes"]
    codes = [n["code"] for n in nodes]
    pos = layout(codes, [(e["a"], e["b"], e["weight"]) for e in graph["edges"]])
    where = {
        c: (round(float(p[0]), 4), round(float(p[1]), 4)) for c, p in zip(codes, pos, strict=True)
    }
    top = max((n["weight"] for n in nodes), default=1.0) or 1.0
    heaviest = max((e["weight"] for e in graph["edges"]), default=1.0) or 1.0
    suffix = f"?{qs}" if qs else ""
    sectors = sorted({n["sector"] or "none" for n in nodes})
    return {
        "kind": "network",
        "nodes": [
            {
                "code": n["code"],
                "name": n["name"],
                "label": n["code"] if rank < LABELS else "",
                "x": where[n["code"]][0],
                "y": where[n["code"]][1],
                "size": round(10 + 30 * math.sqrt(n["weight"] / top), 2),
                "sector": n["sector"] or "none",
                "colour": SECTOR_COLOURS.get(n["sector"] or "", NO_SECTOR),
                "weight": n["weight"],
                "url": f"{actor_link}{segment(n['code'])}{suffix}" if actor_link else None,
            }
            for rank, n in enumerate(sorted(nodes, key=lambda n: -n["weight"]))
        ],
        "edges": [
            {
                "a": e["a"],
                "b": e["b"],
                "x": [where[e["a"]][0], where[e["b"]][0]],
                "y": [where[e["a"]][1], where[e["b"]][1]],
                "width": round(0.5 + 3.5 * e["weight"] / heaviest, 2),
                "handle": _handle(where[e["a"]], where[e["b"]], pos),
                "label": (
                    f"{e['a']}–{e['b']}: {e['events']} events, {e['relations']} relations, "
                    f"${e['usd'] / 1e6:,.1f}M"
                ),
                "url": (
                    f"{pair_link}{segment(e['a'])}/{segment(e['b'])}{suffix}" if pair_link else None
                ),
            }
            for e in graph["edges"]
        ],
        "legend": [{"sector": s, "colour": SECTOR_COLOURS.get(s, NO_SECTOR)} for s in sectors],
    }


def _handle(a: tuple[float, float], b: tuple[float, float], nodes: np.ndarray) -> list[float]:
    """Where an edge's click target sits: the point along it farthest from every node
    (its middle when that is clear), so that a click on a node never opens a pair."""
    out, clearance = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], -1.0
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75):
        x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
        gap = float(np.min(np.hypot(nodes[:, 0] - x, nodes[:, 1] - y))) if len(nodes) else 1.0
        if gap > clearance:
            out, clearance = [round(x, 4), round(y, 4)], gap
        if gap >= HANDLE_CLEARANCE:
            break
    return out


HANDLE_CLEARANCE = 0.06
"""How far (in layout units, the plot spans -1.2..1.2) an edge's handle keeps from nodes."""

MAX_MONTHS = 48
"""A time chart spanning more months than this bins by year (bars stay readable)."""


def _unit(keys: list[str]) -> str:
    """ "month" when every date has a month and the span is short, else "year"."""
    if not keys or any(len(k) < 7 for k in keys):
        return "year"
    lo, hi = min(keys), max(keys)
    months = (int(hi[:4]) - int(lo[:4])) * 12 + int(hi[5:7]) - int(lo[5:7])
    return "month" if months < MAX_MONTHS else "year"


def time_bars(
    rows: list[dict[str, Any]],
    when: str,
    stack: str,
    value: str,
    *,
    title: str,
    y_title: str,
    x_title: str = "",
    colours: dict[str, str] | None = None,
    unit: str | None = None,
    count: str | None = None,
) -> dict[str, Any]:
    """Stacked bars on a continuous time axis, one bar per month or per year.

    ``when`` holds a partial date (YYYY, YYYY-MM ...); the unit is the finest that every
    dated row has (and a year when months would be too many), and ``title`` names it
    through ``{unit}``. Rows without a date are not on the axis: they are counted in
    ``undated`` (summing ``count``, else ``value``), which the page shows with the chart.
    """
    dated = [r for r in rows if r.get(when)]
    undated = sum(float(r[count or value]) for r in rows if not r.get(when))
    unit = unit or _unit([str(r[when]) for r in dated])
    width = 7 if unit == "month" else 4
    binned = [{**r, when: str(r[when])[:width]} for r in dated]
    spec = bars(
        binned,
        when,
        stack,
        value,
        x_title=x_title or unit,
        y_title=y_title,
        colours=colours,
    )
    spec["x"] = [f"{x}-01" if unit == "month" else f"{x}-01-01" for x in spec["x"]]
    spec.update(
        x_type="date",
        period="M1" if unit == "month" else "M12",
        unit=unit,
        title=title.format(unit=unit),
        undated=round(undated, 2) if undated % 1 else int(undated),
    )
    return spec


def money_bars(sums: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """Money by year (period start, else publication), stacked by kind, in USD."""
    return time_bars(
        sums,
        "year",
        "kind",
        "total_usd",
        title=title,
        x_title="year (period start, else publication)",
        y_title="USD",
        colours=KIND_COLOURS,
        unit="year",
        count="amounts",
    )


def event_bars(rows: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """Events per month or year (``{unit}`` in ``title``), stacked by PLOVER type."""
    return time_bars(
        rows, "month", "type", "events", title=title, y_title="events", colours=PLOVER_COLOURS
    )
