"""The dyad chart drawn on the server: bar geometry for an SVG, numbers and labels only.

Cooperative events of a month stand above the axis, restrictive ones hang below it;
the template draws each bar as a <rect> with a <title> tooltip. No JavaScript.
"""

from __future__ import annotations

from datetime import date
from typing import Any

WIDTH, HEIGHT = 720, 240
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 36, 8, 12, 28
MAX_LABELS = 12


def dyad_chart(months: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars, axis and labels for `months` ([{"month", "cooperative", "restrictive"}])."""
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    top = max([m["cooperative"] for m in months] + [1])
    bottom = max([m["restrictive"] for m in months] + [0])
    scale = plot_h / (top + bottom)
    axis_y = MARGIN_TOP + top * scale
    step = plot_w / max(len(months), 1)
    bar_w = max(step * 0.7, 1.0)
    every = max(1, -(-len(months) // MAX_LABELS))  # label at most MAX_LABELS months
    bars, labels = [], []
    for i, m in enumerate(months):
        x = MARGIN_LEFT + i * step + (step - bar_w) / 2
        up, down = m["cooperative"] * scale, m["restrictive"] * scale
        if m["cooperative"]:
            bars.append(_bar("cooperative", x, axis_y - up, bar_w, up, m["month"],
                             m["cooperative"]))
        if m["restrictive"]:
            bars.append(_bar("restrictive", x, axis_y, bar_w, down, m["month"],
                             m["restrictive"]))
        if i % every == 0:
            labels.append({"x": round(x + bar_w / 2, 1), "text": m["month"]})
    return {"width": WIDTH, "height": HEIGHT, "axis_y": round(axis_y, 1),
            "x0": MARGIN_LEFT, "x1": WIDTH - MARGIN_RIGHT, "label_y": HEIGHT - 8,
            "top": top, "bottom": bottom, "bars": bars, "labels": labels,
            "top_y": MARGIN_TOP + 10}


def _bar(kind: str, x: float, y: float, w: float, h: float, month: str,
         count: int) -> dict[str, Any]:
    return {"kind": kind, "x": round(x, 1), "y": round(y, 1), "w": round(w, 1),
            "h": round(h, 1), "title": f"{month}: {count} {kind}"}


TIMELINE_W = 720
LANE_H = 26
TL_LEFT, TL_RIGHT, TL_TOP, TL_BOTTOM = 92, 12, 8, 26
MARK_R = 5


def timeline_chart(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Marks along time, one lane per event type, for merged events in the contract's shape:
    a planned or considered event is a hollow mark, a negated one is struck through.
    Events with no date are placed at their first report's publication date."""
    placed = [(e, when) for e in events if (when := _when(e))]
    if not placed:
        return {"marks": []}
    types = sorted({e["type"] for e, _ in placed})
    first, last = min(w for _, w in placed), max(w for _, w in placed)
    days = max((_day(last) - _day(first)), 1)
    plot_w = TIMELINE_W - TL_LEFT - TL_RIGHT
    height = TL_TOP + LANE_H * len(types) + TL_BOTTOM
    marks = []
    for event, when in sorted(placed, key=lambda p: (p[1], p[0]["id"])):
        x = TL_LEFT + plot_w * (_day(when) - _day(first)) / days if last != first \
            else TL_LEFT + plot_w / 2
        y = TL_TOP + LANE_H * types.index(event["type"]) + LANE_H / 2
        names = ", ".join(p["name"] for p in (*event["actors"], *event["targets"]))
        marks.append({"x": round(x, 1), "y": round(y, 1), "r": MARK_R, "id": event["id"],
                      "kind": _mark_kind(event["status"]), "type": event["type"].lower(),
                      "title": f"{event['type']} · {event['status']} · {when} · {names}"})
    lanes = [{"y": round(TL_TOP + LANE_H * i + LANE_H / 2, 1), "label": t}
             for i, t in enumerate(types)]
    return {"width": TIMELINE_W, "height": height, "x0": TL_LEFT,
            "x1": TIMELINE_W - TL_RIGHT, "marks": marks, "lanes": lanes,
            "axis_y": height - TL_BOTTOM, "label_y": height - 8,
            "first": first, "last": last}


def _when(event: dict[str, Any]) -> str | None:
    if event.get("date") and event["date"].get("start"):
        return event["date"]["start"]
    published = [c["published"] for c in event.get("citations", []) if c.get("published")]
    return min(published) if published else None


def _day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def _mark_kind(status: str) -> str:
    return {"planned": "hollow", "considered": "hollow", "negated": "struck"}.get(status,
                                                                                  "solid")
