"""`kizuna bench-store`: the common reads, timed on a generated store of many articles.

No NLP runs. `generate` plans, from one seeded `random.Random`, a few hundred actors
acting for some thirty countries (real names and synthetic ones, English and Japanese
forms), 1 to 3 events per article (2 on average), each article-level event the citation
of a merged event cited 1 to 10 times, dates over the three years 2023–2025, a quarter of
the articles in Japanese. `articles` writes each article as the `Document` extraction
would give (short: a title, event sentences, background sentences: what is timed is
finding rows, not reading long texts), and `load` stores them through the writer and the
merger's own functions. `vocabulary` holds what the news is about.

`timing.time_reads` then calls each common read `repeats` times with a different
argument each time (after one untimed warm-up call) and reports the median and 95th
percentile in milliseconds:

- `actor_events`: a page (50) of one actor's merged events, named by canonical name,
  alias or Japanese form; `actor_profile`: who they are and who they meet most;
- `dyad_series`: a pair of countries' monthly series over all dates, with its latest
  events;
- `search`: articles holding a word (English or Japanese), a page of 20;
  `merged_search`: merged events whose articles or evidence hold it, a page of 20;
- `merged_event_with_citations`: one merged event in full, every citation's article.

It is a measurement, never a pass/fail test. The same code runs against PostgreSQL when
`--db` is a `postgresql://` URL (the database must hold no articles yet); there the load
ends with VACUUM ANALYZE, as autovacuum would soon do, so the reads meet the planner
statistics and merged trigram indexes a store in use has.
"""

from kizuna.bench.store.generate import Actor, Happening, Plan, plan
from kizuna.bench.store.load import build
from kizuna.bench.store.timing import READS, REPEATS, run, table, time_reads

__all__ = ["READS", "REPEATS", "Actor", "Happening", "Plan", "build", "plan", "run", "table",
           "time_reads"]
