"""The OpenAPI description is whole: every route the service answers, every scheme and
reference it names defined, every write documented with its body and its refusals."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from kizuna.store import Store
from kizuna.store.tokens import create_token

WRITES = {"/api/ingest": "201", "/api/merge": "200", "/api/unmerge": "200"}


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def resolve(spec: dict, ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = spec
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def test_every_reference_and_security_scheme_is_defined(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for ref in refs(spec):
        assert resolve(spec, ref), ref
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearer"] == {**schemes["bearer"], "type": "http", "scheme": "bearer"}
    for path, item in spec["paths"].items():
        for operation in item.values():
            for requirement in operation.get("security", []):
                assert set(requirement) <= set(schemes), path


def test_every_write_is_documented_with_its_body_and_refusals(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, success in WRITES.items():
        operation = spec["paths"][path]["post"]
        assert operation["security"] == [{"bearer": []}], path
        body = operation["requestBody"]
        assert body["required"] is True
        assert body["content"]["application/json"]["schema"], path
        assert {success, "400", "401", "403", "415"} <= set(operation["responses"]), path
        error = operation["responses"]["401"]["content"]["application/json"]["schema"]
        assert error["required"] == ["error"]
    merge = spec["paths"]["/api/merge"]["post"]["requestBody"]["content"]["application/json"]
    assert merge["schema"]["required"] == ["event", "into"]


def test_the_documented_status_is_the_one_answered(client: TestClient, store: Store) -> None:
    auth = {"Authorization": f"Bearer {create_token(store)}"}
    record = {"id": "doc-1", "text": "x", "language": "en"}
    assert client.post("/api/ingest", json=record, headers=auth).status_code == 201
    meet = client.get("/events.json", params={"type": "MEET"}).json()["events"][0]
    event_id = client.get(f"/events/{meet['id']}.json").json()["citations"][0]["event_id"]
    assert client.post("/api/unmerge", json={"event": event_id},
                       headers=auth).status_code == 200
