"""The capacity benchmark, kept tiny: every article is stored, the figures add up, and
the cores table follows from the rates."""

from __future__ import annotations

from kizuna.bench import capacity as capacity_bench


def test_a_small_run_stores_every_article_into_a_copy_of_the_store(tmp_path):
    from kizuna.store import Store
    from tests.store.factory import summit_doc

    template = tmp_path / "template.db"
    with Store.open(str(template)) as store:
        store.save_document(summit_doc())
    result = capacity_bench.run(str(template), english=3, japanese=0,
                                runs=(("local", 1),))
    (run,) = result["runs"]
    assert (run["language"], run["articles"], run["stored"], run["failed"]) == ("en", 3, 3, 0)
    assert run["articles_per_second"] > 0
    with Store.open(str(template)) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM articles").scalar_one() == 1
    assert "articles/s" in capacity_bench.table(result)


def test_cores_follow_from_the_rates():
    rows = capacity_bench.cores_needed({"en": 2.0, "ja": 1.0})
    first = rows[0]  # 150,000 a day, 80 % English: 150000 * (0.4 + 0.2) s / 86400 s
    assert (first["articles_per_day"], first["english_share"], first["cores"]) == (
        150_000, 0.8, round(150_000 * 0.6 / 86_400, 1))
    assert capacity_bench.cores_needed({"en": 2.0}) == []
