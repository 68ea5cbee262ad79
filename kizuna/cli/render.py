"""How the commands print: tables and views of events, actors and dyads, file formats."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from rich import box
from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from kizuna.cli.options import ID_WIDTH, MERGED_ID_WIDTH
from kizuna.contract import (
    MERGED_CSV_FIELDS,
    merged_event_to_dict,
    merged_event_to_row,
)
from kizuna.model import Citation, Entity, MergedEvent
from kizuna.render.headlines import headline
from kizuna.store import merged, merger, queries


def ledger_table(pledges: list, summed: dict) -> Group:
    table = Table(box=box.SIMPLE_HEAD, caption=f"{len(pledges)} pledges")
    for name in ("date", "pledger", "recipient", "amount", "status", "told as", "sources"):
        table.add_column(name, overflow="fold")
    for pledge in pledges:
        value, currency = pledge.amount
        also = "".join(f" (≈ {number_label(v)} {c})" for v, c in pledge.also_reported_as[:1])
        table.add_row(iso(pledge.when) or "", "; ".join(e.id for e in pledge.pledgers),
                      "; ".join(e.id for e in pledge.recipients),
                      f"{number_label(value)} {currency}{also}", pledge.status,
                      ", ".join(pledge.types), str(pledge.sources))
    lines = [Text(f"{kind.removeprefix('by_')}: " + "; ".join(
        f"{key} " + " + ".join(f"{number_label(v)} {c}" for c, v in sums.items())
        for key, sums in groups.items())) for kind, groups in summed.items() if groups]
    return Group(table, *lines)


def write_rows(rows: list[queries.EventRow], format: str, out: TextIO) -> None:
    if format == "jsonl":
        for row in rows:
            out.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=queries.EVENT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        data = row.to_dict()
        data["actors"], data["targets"] = "; ".join(row.actors), "; ".join(row.targets)
        writer.writerow(data)


def write_merged(events: Iterable[MergedEvent], format: str, out: TextIO) -> None:
    if format == "jsonl":
        for event in events:
            out.write(json.dumps(merged_event_to_dict(event), ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=MERGED_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(merged_event_to_row(event))


def merged_table(events: list[MergedEvent], lang: str = "en") -> Table:
    """Like `events_table`, one row per happening, with how many articles report it; what
    happened is its headline in `lang`."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False,
                  caption=f"{len(events)} event{'s' * (len(events) != 1)}")
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("participants", ratio=2)
    table.add_column("headline" if lang == "en" else "見出し", ratio=3)
    table.add_column("sources", justify="right", no_wrap=True)
    for event in events:
        what = headline(merged_event_to_dict(event), lang)
        table.add_row(event.id[:MERGED_ID_WIDTH], merged_date_label(event) or "–",
                      f"{event.type}\n[dim]{event.status}[/dim]",
                      escape("; ".join(p.name for p in event.actors + event.targets)),
                      escape(shortened(what)), str(merged.sources(event)))
    return table


def merged_view(detail: merged.MergedDetail,
                 placed: dict[str, merger.Placement] | None = None) -> Group:
    """The merged event as labelled lines, its status history, then every citation with
    why it joined (the judgement's reasons)."""
    event = detail.event
    count = merged.sources(event)
    amount = f"{number_label(event.amount[0])} {event.amount[1]}".strip() if event.amount else None
    fields = [
        ("Actors", ", ".join(entity_label(e) for e in event.actors)),
        ("Targets", ", ".join(entity_label(e) for e in event.targets)),
        ("Date", merged_date_label(event).replace("\n", "") or "not stated"),
        ("Location", event.location), ("Object", event.object), ("Amount", amount),
        ("Status history", "; ".join(
            f"{c.status} ({iso(c.as_of) or 'undated'}, {c.doc_id})"
            for c in event.status_history)),
    ]
    return Group(
        Text.from_markup(f"[bold]{event.type}[/bold] ({event.status})  [cyan]{event.id}[/cyan]"
                         f"  {count} source{'s' * (count != 1)}"),
        *(Text.from_markup(f"[bold]{label}:[/bold] {escape(value)}")
          for label, value in fields if value),
        *(line for citation in event.citations
          for line in citation_lines(detail, citation, (placed or {}).get(citation.event_id))),
    )


def citation_lines(detail: merged.MergedDetail, citation: Citation,
                    why: merger.Placement | None = None) -> list[Text]:
    """A citation: its article, status and event id, its URL, its sentence highlighted,
    and why it joined."""
    before, evidence, after = detail.context(citation)
    where = ", ".join(filter(None, [citation.source, iso(citation.published),
                                    citation.language]))
    heading = " — ".join(filter(None, [citation.title or citation.doc_id, where]))
    return [
        Text(""),
        Text.from_markup(f"[bold]{escape(heading)}[/bold] ({citation.status})  "
                         f"[cyan]{citation.event_id}[/cyan]"),
        *([Text(citation.url)] if citation.url else []),
        Text.from_markup(f"{escape(before)}[reverse]{escape(evidence)}[/reverse]"
                         f"{escape(after)}"),
        *([Text(joined_label(why), style="dim")] if why else []),
    ]


def joined_label(why: merger.Placement) -> str:
    """"Joined (auto, 0.84): same type MEET; shared participants: …"."""
    score = "" if why.score is None else f", {why.score:.2f}"
    return f"Joined ({why.decided_by}{score}): {'; '.join(why.reasons)}"


def entity_label(entity: Entity) -> str:
    return f"{entity.name} ({', '.join(filter(None, [entity.type, entity.country]))})"


def merged_date_label(event: MergedEvent) -> str:
    if event.date is None:
        return ""
    return span_label(event.date.start, event.date.end, event.date.granularity)


def events_table(rows: list[queries.EventRow]) -> Table:
    """Ids cut to 10 characters (enough to be unique; `show` takes a prefix) to leave
    the width of an 80-column terminal to participants and evidence."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False,
                  caption=f"{len(rows)} event{'s' * (len(rows) != 1)}")
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("participants", ratio=2)
    table.add_column("what", ratio=3)
    table.add_column("source", ratio=1)
    for row in rows:
        table.add_row(row.id[:ID_WIDTH], date_label(row) or "–",
                      f"{row.type}\n[dim]{row.status}[/dim]",
                      escape("; ".join(row.participants)),
                      escape(shortened(row.object or row.evidence_text)), escape(row.source or ""))
    return table


def event_view(detail: queries.EventDetail) -> Group:
    """The event as labelled lines, then its sentence with the evidence highlighted.

    Every value from the article or the database is escaped: an article's "[b]" must
    print as text, not restyle the terminal.
    """
    event = detail.event
    fields = [
        ("Actors", ", ".join(participant_label(p) for p in detail.participants
                             if p.role == "actor")),
        ("Targets", ", ".join(participant_label(p) for p in detail.participants
                              if p.role == "target")),
        ("Date", " ".join(filter(None, [date_label(event) or "not stated",
                                        event.date_text and f"({event.date_text})"]))),
        ("Location", event.location), ("Object", event.object),
        ("Amount", amount_label(event)),
        ("Source", " — ".join(filter(None, [event.title or event.article_id, ", ".join(
            filter(None, [event.source, iso(event.published)]))]))),
        ("URL", event.url),
        ("Merged event", detail.merged_id),
    ]
    before, evidence, after = detail.context()
    return Group(
        Text.from_markup(f"[bold]{event.type}[/bold] ({event.status})  [cyan]{event.id}[/cyan]"),
        *(Text.from_markup(f"[bold]{label}:[/bold] {escape(value)}")
          for label, value in fields if value),
        Text(""),
        Text.from_markup(f"{escape(before)}[reverse]{escape(evidence)}[/reverse]"
                         f"{escape(after)}"),
    )


def participant_label(p: queries.Participant) -> str:
    return f"{p.name} ({', '.join(filter(None, [p.type, p.country]))})"


def date_label(row: queries.EventRow) -> str:
    if row.date_start is None:
        return ""
    return span_label(row.date_start, row.date_end, row.date_granularity)


def span_label(start: date, end: date | None, granularity: str | None) -> str:
    if granularity == "year":
        return str(start.year)
    if granularity == "month" and (end is None or end.month == start.month):
        return start.strftime("%Y-%m")
    # a range on two lines keeps the column narrow enough for an 80-column terminal
    return start.isoformat() + (f"\n..{end.isoformat()}" if end and end != start else "")


def amount_label(row: queries.EventRow) -> str | None:
    value = row.amount_value
    if value is None:
        return None
    return f"{number_label(value)} {row.amount_currency or ''}".strip()


def number_label(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def shortened(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def actor_view(profile) -> Group:
    """Who the actor is, in labelled lines, then who they appear with most as a table."""
    span = " – ".join(filter(None, [iso(profile.first), iso(profile.last)]))
    lines = [
        ("Also called", ", ".join(a for a in profile.aliases if a != profile.name)),
        ("Events", f"{profile.events:,}" + (f" ({span})" if span else "")),
        ("By type", ", ".join(f"{t} {n:,}" for t, n in profile.by_type.items())),
        ("Also matches", ", ".join(profile.others)),
    ]
    partners = Table(box=box.SIMPLE_HEAD, pad_edge=False, title="Appears most with",
                     title_justify="left")
    partners.add_column("name")
    partners.add_column("type", no_wrap=True)
    partners.add_column("country", no_wrap=True)
    partners.add_column("events", justify="right", no_wrap=True)
    for p in profile.partners:
        partners.add_row(escape(p.name), p.type, p.country or "–", f"{p.events:,}")
    label = ", ".join(filter(None, [profile.type, profile.country]))
    return Group(
        Text.from_markup(f"[bold]{escape(profile.name)}[/bold] ({escape(label)})"),
        *(Text.from_markup(f"[bold]{k}:[/bold] {escape(v)}") for k, v in lines if v),
        *([partners] if profile.partners else []),
    )


def dyad_table(series) -> Group:
    """A month a row: the counts, the index, and the index as a bar (green up, red down);
    then the totals."""
    a, b = series.countries
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=f"{a}–{b}")
    table.add_column("month", no_wrap=True)
    table.add_column("coop", justify="right", no_wrap=True)
    table.add_column("restrict", justify="right", no_wrap=True)
    table.add_column("index", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, min_width=10)
    for month in series.months:
        bar = "█" * round(abs(month.index) * 10)
        colour = "green" if month.index > 0 else "red"
        table.add_row(month.month, str(month.cooperative), str(month.restrictive),
                      f"{month.index:+.2f}" if month.cooperative + month.restrictive else "–",
                      f"[{colour}]{bar}[/{colour}]" if bar else "")
    undated = f"; {series.undated:,} undated" if series.undated else ""
    return Group(table, Text(f"{series.cooperative:,} cooperative, {series.restrictive:,} "
                             f"restrictive; index {series.index:+.2f}{undated}"))
