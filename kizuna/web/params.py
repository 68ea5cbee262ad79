"""What the routes take, as the OpenAPI description tells it (the views check the same
and answer 400; schemathesis holds the two to each other)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from kizuna.model import EVENT_TYPES, STATUSES
from kizuna.store.merged import SORTS
from kizuna.web import views

NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"  # control characters are refused (kizuna.web.guards)
TextQ = Annotated[str | None, Query(pattern=NO_CONTROL)]
TextP = Annotated[str, Path(pattern=NO_CONTROL)]
PairP = Annotated[str, Path(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$",
                            description="Two ISO 3166 alpha-3 codes: JPN-USA")]
PageQ = Annotated[int, Query(le=views.MAX_PAGE)]
DateQ = Annotated[str | None, Query(json_schema_extra={"format": "date"})]
SearchQ = Annotated[str | None, Query(
    pattern=NO_CONTROL, max_length=views.MAX_SEARCH_CHARS,
    description=f"Words the text must all hold: at most {views.MAX_SEARCH_WORDS} words, "
                f"{views.MAX_SEARCH_CHARS} characters (400 beyond)")]
TypeQ = Annotated[str | None, Query(json_schema_extra={"enum": list(EVENT_TYPES)})]
StatusQ = Annotated[str | None, Query(json_schema_extra={"enum": list(STATUSES)})]
SortQ = Annotated[str | None, Query(json_schema_extra={"enum": list(SORTS)})]
