"""schemathesis over /openapi.json: every operation of the app, in process (no network),
with generated parameters and bodies. No answer may be a 5xx, and every answer must be
one the description documents, in the shape it documents. (A request the schema allows
may still be refused with a documented 400 — a dyad of one country twice, a record the
contract cannot read — so "schema-valid data accepted" is the one check left out.)

Writes carry a valid token, so they get past the door; URLs given to /api/ingest are
answered by a MockTransport, so nothing leaves the process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kizuna.store import Store
from kizuna.store.tokens import create_token
from kizuna.web import create_app
from kizuna.web.writing import Writer
from tests.store.factory import japanese_doc, summit_doc
from tests.web.conftest import fake_extract, hostile_doc, read_without_extracting

MAX_EXAMPLES = 50  # per operation: the whole run stays well under a minute (about 10 s)




def page(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, html="<html><body><p>Short.</p></body></html>")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str]]:
    db = Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.db"
    with Store.open(str(db)) as store:
        for doc in (summit_doc(), japanese_doc(), hostile_doc()):
            store.save_document(doc)
        writer = Writer(store, fake_extract, read_without_extracting,
                        transport=httpx.MockTransport(page),
                        resolver=lambda host, port: ["8.8.4.4"])
        app = create_app("", store=store, writer=writer, allowed_hosts=["testserver"])
        yield app, create_token(store)


def test_every_operation_answers_as_documented(served: tuple[object, str]) -> None:
    app, token = served
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    auth = {"Authorization": f"Bearer {token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9  # six pages, three writes

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def answers_as_documented(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=auth, excluded_checks=[positive_data_acceptance])

        try:
            answers_as_documented()
        except Exception as exc:
            raise AssertionError(f"{operation.label}: {exc}") from exc
