"""Merging on write, in the store: placing each article-level event in a merged event.

Words, one per idea:
- *merge*: across articles, an event joins the merged event of the happening it reports
  (`placing`; the pure decision is `kizuna.resolve.merging`);
- *combine*: within one article, events that are one happening (one clause read as two
  types, one meeting split into several events) go to one merged event (`combining`);
- *fold*: two merged events found to be one happening become one (`folding`);
- *correct*: a person moves an event or splits it out (`corrections`), and wins.

`candidates` reads what merging compares, `rows` writes merged events and judgements,
`nearby` tells the person who checks why an event is where it is and what is near it.
"""
