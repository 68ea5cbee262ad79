"""Engines extract the same documents: in this process, in local processes, on Ray (a
local Ray instance the test starts and stops)."""

from __future__ import annotations

from datetime import date

import pytest

from kizuna.engines import open_engine
from kizuna.errors import KizunaError
from kizuna.model import Article

LEADERS = [("Shigeru Ishiba", "Donald Trump", "Washington"),
           ("Fumio Kishida", "Joe Biden", "Tokyo"),
           ("Sanae Takaichi", "Donald Trump", "Tokyo")]


def articles() -> list[Article]:
    made = []
    for i, (visitor, host, city) in enumerate(LEADERS * 3):
        text = (f"{visitor} met {host} in {city} on Tuesday. The two leaders agreed to "
                f"deepen cooperation on artificial intelligence. Report {i}.")
        made.append(Article(id=f"engine-{i}", text=text, language="en",
                            published=date(2025, 3, 1 + i)))
    made.append(Article(id="engine-empty-ish", text="…", language="en"))
    return made


def test_the_ray_engine_extracts_what_the_local_one_does():
    given = articles()
    with open_engine("local") as local:
        expected = list(local.extract(given))
    with open_engine("ray", workers=2) as ray_engine:
        got = list(ray_engine.extract(given))
        again = list(ray_engine.extract(given[:3]))  # the actors serve many calls
    assert [type(r) for r in got] == [type(r) for r in expected]
    assert got == expected
    assert again == expected[:3]
    assert sum(len(doc.events) for doc in got) >= len(LEADERS) * 3


def test_an_unknown_engine_names_the_choices():
    with pytest.raises(KizunaError, match="choose one of local, ray"), open_engine("spark"):
        pass


def test_a_ray_ingest_builds_the_store_a_local_one_does(tmp_path):
    import json

    from kizuna.contract import merged_event_to_dict
    from kizuna.ingest import ingest
    from kizuna.store import Store
    from kizuna.store.merged import iter_merged_events

    folder = tmp_path / "news"
    folder.mkdir()
    for article in articles():
        record = {"id": article.id, "text": article.text, "language": "en",
                  "published": article.published.isoformat() if article.published else None}
        (folder / f"{article.id}.article.json").write_text(json.dumps(record), encoding="utf-8")

    def stored(engine: str) -> tuple[dict, list[dict]]:
        with Store.open(str(tmp_path / f"{engine}.db")) as store:
            report = ingest([str(folder)], store, workers=2, engine=engine, window=4)
            return ({"added": report.added, "failed": report.failed, "events": report.events},
                    [merged_event_to_dict(e) for e in iter_merged_events(store)])

    local_report, local_events = stored("local")
    ray_report, ray_events = stored("ray")
    assert ray_report == local_report and local_report["added"] >= len(LEADERS) * 3
    assert ray_events == local_events and local_events
