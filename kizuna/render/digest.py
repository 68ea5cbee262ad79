"""The daily brief as Markdown: one section per dyad and type, one line per event, each
linking to its page."""

from __future__ import annotations

from datetime import date

from kizuna.contract import merged_event_to_dict
from kizuna.model import MergedEvent
from kizuna.render.headlines import headline, headlines
from kizuna.store.digest import Digest, DigestLine

KIND_LABELS = {"new": "New", "status": "Status", "sources": "New sources"}


def digest_markdown(digest: Digest, base_url: str, lang: str = "en") -> str:
    """The brief as Markdown; headlines in `lang` (the labels stay English)."""
    lines = [f"# kizuna brief: {window(digest)}", "", summary(digest), ""]
    for group in digest.groups:
        lines += [f"## {group.dyad} · {group.type}", ""]
        lines += [f"- {line_markdown(line, base_url, lang)}" for line in group.lines]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def window(digest: Digest) -> str:
    return f"{digest.since} – {digest.until}" if digest.until else f"since {digest.since}"


def summary(digest: Digest) -> str:
    new, changed, sourced = (digest.count(k) for k in ("new", "status", "sources"))
    if not (new or changed or sourced):
        return "Nothing was reported in this window."
    return (f"{new} new happening{'' if new == 1 else 's'}, {changed} status "
            f"change{'' if changed == 1 else 's'}, {sourced} with new sources.")


def line_markdown(line: DigestLine, base_url: str, lang: str = "en") -> str:
    told = headline(merged_event_to_dict(line.event), lang)
    link = f"[{_md(told)}]({base_url.rstrip('/')}/events/{line.event.id})"
    outlets = ", ".join(dict.fromkeys(_md(c.source or c.doc_id) for c in line.citations))
    if line.kind == "status" and line.change is not None:
        mover = next((c for c in line.citations if c.doc_id == line.change.doc_id), None)
        by = _md(mover.source or mover.doc_id) if mover else line.change.doc_id
        return (f"**Status** {line.previous} → {line.change.status} · {link} · "
                f"reported by {by} ({line.change.as_of})")
    if line.kind == "sources":
        return f"**New sources** · {link} · +{len(line.citations)}: {outlets}"
    return f"**New** · {link} · {line.event.status} · {outlets}"


def describe(event: MergedEvent) -> str:
    """The event's English headline ("Ishiba and Trump met in Washington (Feb. 7, 2025)"),
    written from the record (no sentence of any source)."""
    return headline(merged_event_to_dict(event), "en")


def _md(text: str) -> str:
    """Text with Markdown's link and emphasis characters escaped."""
    for char in "\\[]()*_`<>":
        text = text.replace(char, "\\" + char)
    return text


def digest_view(digest: Digest) -> dict:
    """The brief as data: what `/digest.json` answers and the HTML templates draw."""
    def line_view(line: DigestLine) -> dict:
        change = None
        if line.change is not None:
            change = {"from": line.previous, "to": line.change.status,
                      "as_of": _iso(line.change.as_of), "doc_id": line.change.doc_id}
        event = merged_event_to_dict(line.event)
        return {"kind": line.kind, "label": KIND_LABELS[line.kind],
                "event": {**event, "headline": headlines(event)},
                "description": describe(line.event), "change": change,
                "reports": [{"doc_id": c.doc_id, "source": c.source, "url": c.url,
                             "published": _iso(c.published), "language": c.language}
                            for c in line.citations]}

    return {"since": _iso(digest.since), "until": _iso(digest.until), "window": window(digest),
            "summary": summary(digest),
            "counts": {kind: digest.count(kind) for kind in KIND_LABELS},
            "groups": [{"dyad": g.dyad, "type": g.type,
                        "lines": [line_view(line) for line in g.lines]}
                       for g in digest.groups]}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
