"""One gateway connection of the stand-in: framing, compression and sequence numbers.

discord.py asks for ``compress=zlib-stream``: the whole connection is one zlib
stream, and each payload is compressed with the connection's shared
compressor and ended with a ``Z_SYNC_FLUSH`` (the ``00 00 ff ff`` marker the
client waits for before decoding). Without the ``compress`` query parameter
payloads go as plain text frames.
"""

from __future__ import annotations

import json
import logging
import zlib
from typing import Any

from aiohttp import web

__all__ = ["GatewayConnection", "Op"]

_log = logging.getLogger(__name__)


class Op:
    """Gateway opcodes the stand-in speaks."""

    DISPATCH = 0
    HEARTBEAT = 1
    IDENTIFY = 2
    PRESENCE_UPDATE = 3
    RESUME = 6
    RECONNECT = 7
    INVALID_SESSION = 9
    HELLO = 10
    HEARTBEAT_ACK = 11


class GatewayConnection:
    """Sends payloads to one connected client, compressed the way it asked."""

    def __init__(
        self, socket: web.WebSocketResponse, compression: str | None, sequence: int = 0
    ) -> None:
        if compression not in (None, "zlib-stream"):
            # Loudly: discord.py picks zstd-stream when the zstandard package is
            # installed; teach the stand-in that before relying on it.
            _log.error("gateway: unsupported compression %r requested", compression)
            raise ValueError(f"unsupported gateway compression {compression!r}")
        self.socket = socket
        self._compressor = zlib.compressobj() if compression == "zlib-stream" else None
        # A resumed session goes on counting where the dropped connection stopped.
        self.sequence = sequence
        self.started = False  # identified or resumed: events may be dispatched

    async def send(self, op: int, data: Any, event: str | None = None) -> None:
        """Send one payload; dispatches (``op`` 0) get the next sequence number."""
        payload: dict[str, Any] = {"op": op, "d": data, "s": None, "t": event}
        if op == Op.DISPATCH:
            self.sequence += 1
            payload["s"] = self.sequence
        text = json.dumps(payload)
        if self._compressor is None:
            await self.socket.send_str(text)
            return
        frame = self._compressor.compress(text.encode()) + self._compressor.flush(zlib.Z_SYNC_FLUSH)
        await self.socket.send_bytes(frame)

    async def dispatch(self, event: str, data: Any) -> None:
        await self.send(Op.DISPATCH, data, event)

    @property
    def open(self) -> bool:
        return not self.socket.closed
