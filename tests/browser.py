"""Headless Chromium (the Debian package) for page tests: the DOM after scripts ran, console
messages, the page's own network requests, and screenshots."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
#: Headless, as root, and without the browser's own background traffic (updates, sync, accounts).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--enable-logging=stderr",
    "--v=0",
)
_CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\]? (.*)")


@dataclass
class Rendered:
    """What loading a page did."""

    dom: str
    console: list[str]
    requests: list[str]


def render(page: Path, work: Path, *, fragment: str = "") -> Rendered:
    """Load `page` (plus `#fragment`), run its scripts, and report the DOM, console lines and network requests."""
    work.mkdir(parents=True, exist_ok=True)
    net_log = work / "net-log.json"
    result = _chromium(
        work, f"--log-net-log={net_log}", "--virtual-time-budget=5000", "--dump-dom", page.as_uri() + fragment
    )
    console = [m.group(1) for m in map(_CONSOLE.search, result.stderr.splitlines()) if m]
    return Rendered(result.stdout, console, page_requests(net_log))


def screenshot(page: Path, target: Path, work: Path, *, width: int = 1400, height: int = 2000) -> Path:
    """A PNG of the page's first `height` pixels."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _chromium(work, f"--window-size={width},{height}", f"--screenshot={target}", page.as_uri())
    return target


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself asked the network for (requests whose site is the local file)."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if event["type"] == start and "file://" in str(params.get("network_isolation_key", "")):
            urls.append(str(params.get("url", "")))
    return [url for url in urls if not url.startswith(("file:", "data:"))]


def _chromium(work: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={work / 'profile'}", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
