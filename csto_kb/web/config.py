"""How the web application is set up: which database, whether it may write, who decides, the access token."""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) is reachable from this machine only."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WebConfig:
    """The settings of one running application.

    ``token``: when set, every request must carry it (``Authorization: Bearer …`` or the cookie the login
    form sets); it is never printed, logged or put in a URL. ``allowed_hosts``: the Host headers accepted
    (a page on another site that resolves its own name to 127.0.0.1 is refused); None accepts any.
    """

    url: str
    read_only: bool = False
    reviewer: str = "unknown"
    token: str | None = field(default=None, repr=False)
    allowed_hosts: tuple[str, ...] | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
