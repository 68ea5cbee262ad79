"""API tokens for writing over the web service: created, checked and revoked by hash.

A token is shown once, when it is created; the store keeps only its SHA-256 hash and
its first characters (`PREFIX_LENGTH`), enough to name it in `kizuna token revoke`
but far too few to guess the rest.

    token = create_token(store)         # "kz_…", print it once
    is_valid(store, token)              # True until revoked
    revoke_token(store, token[:12])     # 1 (tokens revoked)
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from sqlalchemy import func, select, update

from kizuna.errors import KizunaError
from kizuna.store import schema as s
from kizuna.store.database import Store
from kizuna.store.locks import writing

TOKEN_PREFIX = "kz_"
PREFIX_LENGTH = 12  # "kz_" and 9 characters of the secret part


class TokenError(KizunaError):
    """A token to revoke is unknown, or a prefix names more than one."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.strip().encode("utf-8")).hexdigest()


def create_token(store: Store) -> str:
    """A new token, stored hashed; the only time the token itself is seen."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with writing(store.engine) as conn:
        conn.execute(s.api_tokens.insert().values(
            token_hash=token_hash(token), prefix=token[:PREFIX_LENGTH],
            created_at=datetime.now(UTC)))
    return token


def is_valid(store: Store, token: str | None) -> bool:
    """Whether `token` is a created token that has not been revoked."""
    if not token or not token.strip():
        return False
    t = s.api_tokens
    with store.engine.connect() as conn:
        found = conn.execute(select(t.c.id).where(t.c.token_hash == token_hash(token),
                                                  t.c.revoked_at.is_(None))).first()
    return found is not None


def active_tokens(store: Store) -> int:
    """How many tokens can write now."""
    t = s.api_tokens
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t)
                            .where(t.c.revoked_at.is_(None))).scalar_one()


def revoke_token(store: Store, token_or_prefix: str) -> int:
    """Revoke the token given whole, or the one active token its prefix names; 1.

    Raises TokenError when nothing matches or a prefix matches several tokens.
    """
    given = token_or_prefix.strip()
    t = s.api_tokens
    with writing(store.engine) as conn:
        ids = conn.execute(select(t.c.id).where(t.c.token_hash == token_hash(given),
                                                t.c.revoked_at.is_(None))).scalars().all()
        if not ids and len(given) >= len(TOKEN_PREFIX) + 4:
            ids = conn.execute(select(t.c.id).where(
                t.c.revoked_at.is_(None),
                t.c.prefix.startswith(given[:PREFIX_LENGTH], autoescape=True))).scalars().all()
            if len(given) > PREFIX_LENGTH:  # longer than a prefix but not a token
                ids = []
        if not ids:
            raise TokenError(f"no active token matches {given[:PREFIX_LENGTH]!r}")
        if len(ids) > 1:
            raise TokenError(f"{given!r} names {len(ids)} tokens; give more of it")
        conn.execute(update(t).where(t.c.id == ids[0]).values(revoked_at=datetime.now(UTC)))
    return 1
