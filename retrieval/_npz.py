"""Reading the arrays of an index or collection file without trusting it.

``np.load`` on an untrusted ``.npz`` inflates what a zip entry holds and
allocates what a member's ``.npy`` header declares before anything is checked:
a 391 KB file whose member inflates to 400 MB cost 440 MB of memory before the
load failed, and a member may declare any shape. Here nothing is inflated or
allocated that the file does not hold:

- every member must be stored uncompressed, as ``write_arrays`` writes it,
  so no member holds more bytes than the file itself (a compressed one is
  refused before a byte of it is inflated);
- a member's ``.npy`` header (a few hundred bytes, capped) is read first, and
  its type, dimensions and declared size checked against what the member must
  be and against the bytes the zip entry holds, before the data is read;
- a member may be capped (the JSON header is small).

Every problem is an :class:`ArchiveError`, which the readers turn into their own
error type.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
from numpy.lib import format as npy_format

from retrieval.printable import printable

__all__ = ["ArchiveError", "Member", "read_members"]

# A .npy header is a short dict literal (NumPy's own reader caps it at 10,000 bytes).
_MAX_NPY_HEADER_BYTES = 10_000
_MAX_REASON_CHARS = 200
_READ_CHUNK = 1024 * 1024  # small enough to stay in cache while zipfile checksums it


class ArchiveError(ValueError):
    """An archive does not hold the members it must, as they must be."""


@dataclass(frozen=True, slots=True)
class Member:
    """What one member must be: its element type (``"f4"``, ``"i8"``, ``"u1"``, ``"b1"``),
    its number of dimensions, and optionally a cap on its bytes."""

    dtype: str
    ndim: int = 1
    max_bytes: int | None = None


def read_members(path: Path, members: Mapping[str, Member]) -> dict[str, np.ndarray]:
    """The arrays ``members`` names from the ``.npz`` at ``path``, each checked before reading."""
    try:
        with zipfile.ZipFile(path) as archive:
            return {name: _read_member(archive, name, member) for name, member in members.items()}
    except ArchiveError:
        raise
    except Exception as error:
        # A damaged zip fails in many ways (BadZipFile, EOFError, OSError, an
        # "encrypted" flag's RuntimeError, NotImplementedError for an unknown
        # method); all mean the same to the reader.
        reason = printable(str(error))[:_MAX_REASON_CHARS]  # it may quote the file
        raise ArchiveError(f"a damaged archive ({type(error).__name__}: {reason})") from None


def _read_member(archive: zipfile.ZipFile, name: str, member: Member) -> np.ndarray:
    try:
        info = archive.getinfo(f"{name}.npy")
    except KeyError:
        raise ArchiveError(f"no member {name!r}") from None
    if info.compress_type != zipfile.ZIP_STORED:
        raise ArchiveError(f"member {name!r} is compressed, which this format never is")
    if member.max_bytes is not None and info.file_size > member.max_bytes + _MAX_NPY_HEADER_BYTES:
        raise ArchiveError(f"member {name!r} is {info.file_size:,} bytes, over its limit")
    with archive.open(info) as stream:
        shape, dtype = _npy_header(stream, name, member)
        size = math.prod(shape) * dtype.itemsize
        if stream.tell() + size != info.file_size:
            raise ArchiveError(f"member {name!r} declares {size:,} bytes of data it does not hold")
        array = np.empty(shape, dtype=dtype)  # no larger than the member: checked above
        _read_into(stream, memoryview(array.reshape(-1).view(np.uint8).data), name)
    return array.astype(dtype.newbyteorder("="), copy=False)


def _read_into(stream: IO[bytes], target: memoryview, name: str) -> None:
    """Fill ``target`` from ``stream`` in chunks (one read of a large member costs a copy more)."""
    offset = 0
    while offset < len(target):  # each pass reads at least one byte, or raises
        chunk = stream.read(min(_READ_CHUNK, len(target) - offset))
        if not chunk:
            raise ArchiveError(f"member {name!r} is cut short")
        target[offset : offset + len(chunk)] = chunk
        offset += len(chunk)


def _npy_header(stream: IO[bytes], name: str, member: Member) -> tuple[tuple[int, ...], np.dtype]:
    """The shape and element type a member declares, checked against what it must be."""
    version = npy_format.read_magic(stream)
    if version == (1, 0):
        header = npy_format.read_array_header_1_0(stream, max_header_size=_MAX_NPY_HEADER_BYTES)
    elif version == (2, 0):
        header = npy_format.read_array_header_2_0(stream, max_header_size=_MAX_NPY_HEADER_BYTES)
    else:
        raise ArchiveError(f"member {name!r} is .npy version {version}")
    shape, fortran_order, dtype = header
    expected = np.dtype(member.dtype)
    if dtype.hasobject or dtype.kind != expected.kind or dtype.itemsize != expected.itemsize:
        raise ArchiveError(f"member {name!r} holds {dtype}, not {expected}")
    if len(shape) != member.ndim or (fortran_order and member.ndim > 1):
        raise ArchiveError(f"member {name!r} has shape {shape}, not {member.ndim} dimension(s)")
    if any(not isinstance(extent, int) or extent < 0 for extent in shape):
        raise ArchiveError(f"member {name!r} has shape {shape}")
    return shape, dtype
