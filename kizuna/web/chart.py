"""The dyad chart drawn on the server: bar geometry for an SVG, numbers and labels only.

Cooperative events of a month stand above the axis, restrictive ones hang below it;
the template draws each bar as a <rect> with a <title> tooltip. No JavaScript.
"""

from __future__ import annotations

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
