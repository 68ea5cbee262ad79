"""The timeline drawn on the server: lanes by type, marks along time, status as shape."""

from kizuna.web.chart import timeline_chart


def event(id: str, type: str, status: str, start: str | None, published: str = "2025-01-01"):
    return {"id": id, "type": type, "status": status,
            "date": {"start": start, "end": start, "granularity": "day"} if start else None,
            "actors": [{"name": "Shigeru Ishiba"}], "targets": [],
            "citations": [{"published": published}] if published else []}


def test_marks_lie_along_time_in_lanes_by_type():
    chart = timeline_chart([event("a", "MEET", "happened", "2025-01-01"),
                            event("b", "MEET", "planned", "2025-12-31"),
                            event("c", "INVEST", "negated", None, published="2025-07-02")])
    marks = {m["id"]: m for m in chart["marks"]}
    assert [lane["label"] for lane in chart["lanes"]] == ["INVEST", "MEET"]
    assert marks["a"]["x"] == chart["x0"] and marks["b"]["x"] == chart["x1"]
    assert chart["x0"] < marks["c"]["x"] < chart["x1"]  # undated: its report's date
    assert marks["a"]["y"] == marks["b"]["y"] != marks["c"]["y"]
    assert (marks["a"]["kind"], marks["b"]["kind"], marks["c"]["kind"]) == (
        "solid", "hollow", "struck")
    assert (chart["first"], chart["last"]) == ("2025-01-01", "2025-12-31")


def test_one_event_sits_in_the_middle_and_none_draws_nothing():
    chart = timeline_chart([event("a", "VISIT", "happened", "2025-03-03")])
    (mark,) = chart["marks"]
    assert mark["x"] == (chart["x0"] + chart["x1"]) / 2
    assert timeline_chart([]) == {"marks": []}
    assert timeline_chart([event("x", "MEET", "happened", None, published="")])["marks"] == []
