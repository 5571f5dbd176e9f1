"""``TfidfRetriever.load`` on hostile files: a clear ``IndexFileError``, and never any code run.

An index file may come from anywhere, so each way it can be wrong is tried:
cut at every length, bytes flipped anywhere, another program's zip or NumPy
file, a member holding a malicious pickle (which would create a marker file
if it were ever unpickled), an object array, a member declaring an enormous
shape, a directory. ``tests/test_retriever_api.py`` has the basic cases; these
are the hostile ones.
"""

from __future__ import annotations

import io
import pickle
import struct
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.lib import format as npy_format

from retrieval import IndexFileError, TfidfRetriever

CORPUS = [
    "The summit will be held in Geneva in June.",
    "Stock markets fell sharply on Monday.",
    "Leaders agreed to meet again at a later summit.",
]


class _Exploit:
    """Unpickling this runs ``exec``, which writes a marker file: proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (exec, (f"open({str(self.marker)!r}, 'w').write('pwned')",))


@pytest.fixture(scope="module")
def index_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("index") / "good.idx"
    TfidfRetriever.fit(CORPUS).save(path)
    return path.read_bytes()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    return buffer.getvalue()


def _refused(path: Path) -> str:
    with pytest.raises(IndexFileError) as caught:
        TfidfRetriever.load(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_the_good_index_loads(tmp_path: Path, index_bytes: bytes) -> None:
    path = tmp_path / "good.idx"
    path.write_bytes(index_bytes)
    assert TfidfRetriever.load(path).search("summit", k=1)


def test_a_malicious_pickle_in_a_member_is_refused_and_never_run(
    tmp_path: Path, index_bytes: bytes
) -> None:
    marker = tmp_path / "pwned"
    evil = np.empty(1, dtype=object)
    evil[0] = _Exploit(marker)
    for member in _members(index_bytes):
        members = _members(index_bytes)
        members[member] = _npy(evil)
        path = tmp_path / f"evil-{member}"
        _write_zip(path, members)

        message = _refused(path)

        assert not marker.exists(), f"unpickled the {member} member"
        assert "rebuild" in message


def test_the_exploit_does_run_when_unpickled(tmp_path: Path) -> None:
    """The guard above is meaningful only if the payload really runs when loaded with pickle."""
    marker = tmp_path / "pwned"
    pickle.loads(pickle.dumps(_Exploit(marker)))  # the point of this test
    assert marker.read_text() == "pwned"


@pytest.mark.parametrize(
    "content",
    [
        "pickle",  # a bare pickle of the exploit
        "npy",  # a single NumPy file holding it
        "npz of strangers",  # a NumPy archive of other arrays
        "zip of text",  # another program's zip (a .docx, say)
        "object array",  # an npz whose arrays are Python objects
    ],
)
def test_foreign_files_are_refused_without_running_code(tmp_path: Path, content: str) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "foreign.idx"
    evil = np.empty(1, dtype=object)
    evil[0] = _Exploit(marker)
    if content == "pickle":
        path.write_bytes(pickle.dumps(_Exploit(marker)))
    elif content == "npy":
        path.write_bytes(_npy(evil))
    elif content == "npz of strangers":
        with path.open("wb") as handle:
            np.savez(handle, weights=np.arange(3), names=np.array(["a", "b"]))
    elif content == "zip of text":
        _write_zip(path, {"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<x/>"})
    else:
        with path.open("wb") as handle:
            np.savez(handle, header=evil, idf=evil)

    assert "not found" not in _refused(path)

    assert not marker.exists()


def test_every_truncation_is_refused(tmp_path: Path, index_bytes: bytes) -> None:
    path = tmp_path / "cut.idx"
    cuts = sorted({*range(0, len(index_bytes), max(1, len(index_bytes) // 60)), 1, 2, 3, 4})
    for length in cuts:
        path.write_bytes(index_bytes[:length])
        _refused(path)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_flipped_bytes_are_refused_or_harmless(
    tmp_path: Path, index_bytes: bytes, data: st.DataObject
) -> None:
    damaged = bytearray(index_bytes)
    positions = data.draw(
        st.lists(st.integers(0, len(damaged) - 1), min_size=1, max_size=4, unique=True)
    )
    for position in positions:
        damaged[position] ^= data.draw(st.integers(1, 255))
    path = tmp_path / "flipped.idx"
    path.write_bytes(bytes(damaged))
    outcome = _loaded_or_message(path)
    if isinstance(outcome, str):
        assert "\n" not in outcome
        return
    # A flip the zip's checksums cannot see (a date, an unused field): the index
    # must still be the one saved.
    original = TfidfRetriever.fit(CORPUS)
    assert outcome.search("summit in June", k=3) == original.search("summit in June", k=3)


def _loaded_or_message(path: Path) -> TfidfRetriever | str:
    try:
        return TfidfRetriever.load(path)
    except IndexFileError as error:
        return str(error)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("method", 8),  # "deflated", though the data are stored
        ("method", 12),  # bzip2
        ("method", 14),  # lzma
        ("method", 99),  # AES, which zipfile does not know
        ("flags", 1 << 0),  # encrypted
        ("flags", 1 << 5),  # compressed patched data
        ("flags", 1 << 6),  # strong encryption
    ],
)
def test_flipped_zip_header_fields_are_refused(
    tmp_path: Path, index_bytes: bytes, field: str, value: int
) -> None:
    """zipfile raises NotImplementedError, RuntimeError or a codec error here, not BadZipFile."""
    damaged = bytearray(index_bytes)
    offset = {"flags": 8, "method": 10}[field]  # in a central directory entry
    for entry in range(len(damaged)):
        if damaged.startswith(b"PK\x01\x02", entry):
            damaged[entry + offset : entry + offset + 2] = struct.pack("<H", value)
    path = tmp_path / "flags.idx"
    path.write_bytes(bytes(damaged))

    _refused(path)


@pytest.mark.parametrize("member", ["header", "idf", "texts"])
def test_a_member_declaring_an_enormous_shape_is_refused(
    tmp_path: Path, index_bytes: bytes, member: str
) -> None:
    members = _members(index_bytes)
    header = io.BytesIO()
    npy_format.write_array_header_1_0(
        header, {"descr": "<f4", "fortran_order": False, "shape": (10**12,)}
    )
    members[f"{member}.npy"] = header.getvalue() + b"\x00" * 16
    path = tmp_path / "enormous.idx"
    _write_zip(path, members)

    _refused(path)


def test_a_directory_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    assert "not found" in _refused(tmp_path)
    assert "not found" in _refused(tmp_path / "nowhere.idx")
