"""Length-prefixed JSON messages over a pipe: the only channel to a student process.

JSON, never pickle: a message from a student process is data, and a malformed or oversized one is
an error of that submission, never of the grader.
"""

from __future__ import annotations

import json
import os
import struct
from typing import Any, BinaryIO, Callable

HEADER = struct.Struct(">I")
MAX_MESSAGE = 16 * 1024 * 1024


class FramingError(Exception):
    """The other side sent something that is not a well-formed message."""


def encode(message: Any) -> bytes:
    body = json.dumps(message, allow_nan=True).encode("utf-8")
    return HEADER.pack(len(body)) + body


def writer(fd: int) -> Callable[[Any], None]:
    """A function that writes whole messages to ``fd``."""

    def send(message: Any) -> None:
        data = memoryview(encode(message))
        while data:
            written = os.write(fd, data)
            data = data[written:]

    return send


def read(stream: BinaryIO) -> Any:
    """Read one message; None at end of stream."""
    header = _read_exactly(stream, HEADER.size)
    if header is None:
        return None
    (length,) = HEADER.unpack(header)
    if length > MAX_MESSAGE:
        raise FramingError(f"message of {length} bytes exceeds the {MAX_MESSAGE}-byte limit")
    body = _read_exactly(stream, length)
    if body is None:
        raise FramingError("stream ended inside a message")
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FramingError(f"not a JSON message: {error}") from None


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    chunks, remaining = [], size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            if remaining == size:
                return None
            raise FramingError("stream ended inside a message")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
