"""Headlines written from the record, in English and Japanese, without translation.

A merged event's type, status, parties, place, date and amount fill the templates in
`headlines.toml`. Names come from the canonical entity in the reader's language: the
gazetteer's Japanese name (a person's surname and office, 石破首相), or the English
canonical name (a person's surname, Ishiba); an actor known in one language only keeps
that form. Free text from a source (the event's object) is used only when it is in the
reader's script, so a headline never mixes in a sentence the reader cannot read.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from kizuna.render.formats import amount_text, date_text
from kizuna.render.languages import READER_LANGUAGES
from kizuna.resolve.gazetteer import KnownActor, default_gazetteer

LANGUAGES = READER_LANGUAGES
_SLOT = re.compile(r"\{(\w+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_MAX_NAMES = 3
# What the event is about, as the source words it: only short noun phrases make a headline.
MAX_EN_OBJECT = 48
MAX_JA_OBJECT = 16


@cache
def _templates() -> dict[str, Any]:
    text = resources.files("kizuna.render").joinpath("headlines.toml").read_text("utf-8")
    return tomllib.loads(text)


def headlines(event: dict[str, Any]) -> dict[str, str]:
    """{"en": …, "ja": …} for a merged event in the contract's shape."""
    return {language: headline(event, language) for language in LANGUAGES}


def headline(event: dict[str, Any], language: str) -> str:
    text = _headline(event, language)
    return text[:1].upper() + text[1:] if language == "en" else text


def _headline(event: dict[str, Any], language: str) -> str:
    slots = _slots(event, language)
    lines = _templates()[event["type"]][language]
    template = lines[event["status"]]
    if not _required_filled(template, slots) and "any" in lines:
        mark = _templates()["status_marks"][language].get(event["status"], "")
        return fill(_agreeing(lines["any"], event, language), slots) + mark
    return fill(_agreeing(template, event, language), slots)


def _agreeing(template: str, event: dict[str, Any], language: str) -> str:
    """The verb after {actors} in the form that agrees with them: the templates are
    written for one actor ("Japan plans to buy"); two or more take the language's plural
    forms (`plural_verbs` in headlines.toml: "Japan and Ishiba plan to buy")."""
    verbs = _templates().get("plural_verbs", {}).get(language, {})
    lead = "{actors} "
    if len(event.get("actors") or []) < 2 or not template.startswith(lead):
        return template
    verb, space, rest = template[len(lead):].partition(" ")
    return f"{lead}{verbs[verb]}{space}{rest}" if verb in verbs else template


def fill(template: str, slots: dict[str, str]) -> str:
    """The template with its slots filled; an optional [part] with an empty slot goes."""
    def optional(match: re.Match[str]) -> str:
        part = match.group(1)
        names = _SLOT.findall(part)
        return part.format(**slots) if all(slots.get(n) for n in names) else ""

    text = _OPTIONAL.sub(optional, template)
    return _SLOT.sub(lambda m: slots.get(m.group(1), ""), text).strip()


def _required_filled(template: str, slots: dict[str, str]) -> bool:
    required = _SLOT.findall(_OPTIONAL.sub("", template))
    return all(slots.get(name) for name in required)


def _slots(event: dict[str, Any], language: str) -> dict[str, str]:
    actors = [_name(p, language) for p in event.get("actors", [])]
    targets = [_name(p, language) for p in event.get("targets", [])]
    when = event.get("date") or {}
    amount = event.get("amount")
    return {
        "actors": _join(actors, language), "targets": _join(targets, language),
        "parties": _join(list(dict.fromkeys(actors + targets)), language),
        "object": _in_script(event.get("object") or "", language),
        "place": _place(event.get("location"), language),
        "date": date_text(_day(when.get("start")), _day(when.get("end")),
                          when.get("granularity") or "day", language) if when else "",
        "amount": amount_text(amount["value"], amount["currency"], language) if amount else "",
    }


def _name(party: dict[str, Any], language: str) -> str:
    known = default_gazetteer().by_name(party["name"])
    if language == "ja":
        return _japanese_name(party, known)
    if party.get("type") == "PERSON":
        return party["name"].split()[-1]
    return _with_article(party["name"])


def _with_article(name: str) -> str:
    return f"the {name}" if name in _templates()["names"]["en_the"] else name


def _japanese_name(party: dict[str, Any], known: KnownActor | None) -> str:
    if known is None or not known.ja:
        return party["name"]  # known in one language only: that form
    if known.type != "PERSON":
        return known.ja[0]
    surname = min((j for j in known.ja if j in known.ja[0]), key=len, default=known.ja[0])
    titles = _templates()["names"]["ja_titles"]
    office = next((titles[t] for t in known.titles if t in titles), "")
    return surname + office if surname != known.ja[0] or office else known.ja[0]


def _place(name: str | None, language: str) -> str:
    if not name:
        return ""
    if language == "en":
        return _with_article(name)
    known = default_gazetteer().by_name(name)
    return known.ja[0] if known and known.ja else name


def _join(names: list[str], language: str) -> str:
    names = names[:_MAX_NAMES]
    if language == "ja":
        return "と".join(names)
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _in_script(text: str, language: str) -> str:
    """The source's words for what the event is about, when they read as a short noun
    phrase in the reader's script; a clause cut from a sentence does not."""
    text = " ".join(text.split())
    japanese = bool(_JA.search(text))
    if japanese != (language == "ja"):
        return ""
    if language == "ja":
        short = len(text) <= MAX_JA_OBJECT and not re.search(r"[、。「」は]", text)
    else:
        short = len(text) <= MAX_EN_OBJECT and len(text.split()) <= 6
    return text if short else ""


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
