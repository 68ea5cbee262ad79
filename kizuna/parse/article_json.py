"""Article records from JSON: one object, a list of objects, or JSON Lines, each an Article.

Records follow the contract's input shape and are read by `kizuna.contract.article_from_dict`;
a record without an `id` gets a content id, and its text is kept exactly as given.
"""

from __future__ import annotations

import json
from typing import Any

from kizuna.contract import article_from_dict
from kizuna.errors import InputError
from kizuna.model import Article
from kizuna.parse.record import NO_DEFAULTS, ArticleDefaults, Parsed, article_id, complete


def parse_article_json(
    text: str, origin: str, defaults: ArticleDefaults = NO_DEFAULTS
) -> list[Parsed]:
    """One `(label, Article | InputError)` per record; raises InputError for unreadable JSON."""
    records = load_records(text, origin)
    return [(label, _article(record, label, defaults)) for label, record in records]


def load_records(text: str, origin: str) -> list[tuple[str, Any]]:
    """The JSON values `text` holds, each with a label: `origin`, `origin[2]` or `origin:3`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            return _json_lines(text, origin)
        raise InputError(f"{origin}: is not valid JSON ({exc.msg} at line {exc.lineno} column "
                         f"{exc.colno}); fix it, or name it .txt to read it as plain text") from exc
    if isinstance(data, list):
        if not data:
            raise InputError(f"{origin}: the JSON list holds no article records; "
                             "give it objects with a text field")
        return [(f"{origin}[{i}]", record) for i, record in enumerate(data)]
    return [(origin, data)]


def with_id(record: Any) -> Any:
    """`record` with a content id added when it is an object with text but no id."""
    if not isinstance(record, dict) or record.get("id") or not isinstance(record.get("text"), str):
        return record
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return {**record, "id": article_id(url or None, record["text"])}


def _article(record: Any, label: str, defaults: ArticleDefaults) -> Article | InputError:
    try:
        return complete(article_from_dict(with_id(record), label), defaults)
    except InputError as exc:
        return exc


def _json_lines(text: str, origin: str) -> list[tuple[str, Any]]:
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append((f"{origin}:{number}", json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{origin}: line {number} is not valid JSON ({exc.msg}); "
                             "give one JSON object a line, or a single JSON value") from exc
    return records
