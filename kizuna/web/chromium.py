"""Headless Chromium for the browser tests and `make screenshots`: Debian's `chromium`
package, driven by Playwright's Python package (the `test` extra).

Playwright is never asked to download a browser of its own (the tool runs on
air-gapped networks): it drives the system's binary through `executable_path`.
`KIZUNA_CHROMIUM` names another binary.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

DEFAULT_PATH = "/usr/bin/chromium"
ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync")


def chromium_path() -> str | None:
    """The Chromium binary to drive: KIZUNA_CHROMIUM, else `chromium` on PATH or in
    /usr/bin; None when there is none."""
    given = os.environ.get("KIZUNA_CHROMIUM")
    for candidate in ([given] if given else [shutil.which("chromium"), DEFAULT_PATH]):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def unavailable() -> str | None:
    """Why no browser can be driven here (a sentence saying what to install), or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("Playwright's Python package is not installed (it is in the `test` extra: "
                "`make` installs it)")
    if chromium_path() is None:
        given = os.environ.get("KIZUNA_CHROMIUM")
        where = f"KIZUNA_CHROMIUM={given} is not an executable" if given else (
            "no `chromium` on PATH or at /usr/bin/chromium")
        return f"{where}: install Debian's package `chromium` (.ci/run does when missing)"
    return None


@contextmanager
def launched() -> Iterator[Browser]:
    """A headless Chromium, closed at the end of the `with`; RuntimeError when there is
    none (see `unavailable`)."""
    reason = unavailable()
    if reason:
        raise RuntimeError(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=list(ARGS))
        try:
            yield browser
        finally:
            browser.close()
