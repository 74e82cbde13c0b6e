"""uvicorn's HTTP protocol with ``TCP_NODELAY`` on every connection.

asyncio turns Nagle's algorithm off for the TCP connections it accepts, but only when the
listening socket says it is TCP (``sock.proto == IPPROTO_TCP``). With ``--workers`` uvicorn binds
the socket itself as ``socket.socket(family)`` (proto 0), so its accepted connections keep
Nagle. It writes a response's headers and body as two segments: the body then waits for the
client's ACK of the headers, which a keep-alive client delays by 40 ms, and every request took
40 ms more than with one worker. Setting the option per connection does not depend on how the
socket was bound.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from uvicorn.protocols.http.auto import AutoHTTPProtocol


def no_delay(transport: asyncio.BaseTransport) -> None:
    sock: Any = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:  # a connection already closed
            pass


class NoDelayHTTP(AutoHTTPProtocol):  # type: ignore[misc,valid-type]
    """The HTTP protocol uvicorn would pick (httptools or h11), Nagle off."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:  # type: ignore[override]
        no_delay(transport)
        super().connection_made(transport)
