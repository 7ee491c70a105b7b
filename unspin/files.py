"""Reading and writing text files without losing anything.

Bytes are decoded as given (a UTF-8 byte-order mark is remembered, newlines
are kept as they are) and written back the same way, atomically: a temporary
file in the same folder, flushed to disk, then renamed over the original, with
the original's mode.  Large files are read as a stream of decoded pieces, so
memory does not grow with the file.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Optional

# How undecodable bytes are handled: refused (strict), shown as U+FFFD
# (replace: the bytes are lost, so never written back), or kept as lone
# surrogates that encode back to the very same bytes (surrogateescape).
ERROR_POLICIES = ("strict", "replace", "surrogateescape")
LOSSY_ERROR_POLICIES = ("replace",)

# A NUL byte in the first bytes marks a binary file (as git and grep decide).
BINARY_SNIFF = 8192
READ_SIZE = 1 << 20


class InputError(Exception):
    """A file could not be read as text; the message says where and why."""


class BinaryFileError(InputError):
    """The file looks binary; it is skipped, not an error of the run."""


@dataclass(frozen=True)
class TextFile:
    text: str
    encoding: str
    bom: bool
    errors: str = "strict"


def _is_utf8(encoding: str) -> bool:
    return encoding.replace("_", "-").lower() in ("utf-8", "utf8")


def _check_encoding(encoding: str, name: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None


def _check_not_binary(head: bytes, name: str, encoding: str, skipped: int) -> None:
    """`skipped`: bytes before `head` (a byte-order mark), for the offset in the message."""
    if _is_utf8(encoding):
        nul = head.find(b"\x00", 0, BINARY_SNIFF)
        if nul >= 0:
            raise BinaryFileError(f"{name}: binary file (NUL byte at byte {skipped + nul}), skipped")


def _decode_error(exc: UnicodeDecodeError, name: str, encoding: str, offset: int) -> InputError:
    return InputError(
        f"{name}: not valid {encoding} at byte {offset} ({exc.reason}); "
        "use --encoding, or --errors surrogateescape to keep the bytes as they are"
    )


def decode(data: bytes, name: str, encoding: str = "utf-8", errors: str = "strict") -> TextFile:
    _check_encoding(encoding, name)
    bom = _is_utf8(encoding) and data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8) :]
    _check_not_binary(data, name, encoding, len(codecs.BOM_UTF8) if bom else 0)
    try:
        text = data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        raise _decode_error(exc, name, encoding, exc.start + (len(codecs.BOM_UTF8) if bom else 0)) from None
    return TextFile(text, encoding, bom, errors)


def _read_error(path, exc: OSError) -> InputError:
    return InputError(f"{path}: cannot read: {exc.strerror or exc}")


def read_text(path: Path, encoding: str = "utf-8", errors: str = "strict") -> TextFile:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise _read_error(path, exc) from None
    return decode(data, str(path), encoding, errors)


class TextStream:
    """A file decoded piece by piece; `pieces()` yields text, `format` says how to write it back."""

    def __init__(self, path: Path, encoding: str = "utf-8", errors: str = "strict", read_size: int = READ_SIZE):
        self.path, self.encoding, self.errors, self.read_size = Path(path), encoding, errors, read_size
        _check_encoding(encoding, str(path))
        self.bom = False

    @property
    def format(self) -> TextFile:
        return TextFile("", self.encoding, self.bom, self.errors)

    def pieces(self) -> Iterator[str]:
        name = str(self.path)
        decoder = codecs.getincrementaldecoder(self.encoding)(self.errors)
        consumed = 0  # bytes handed to the decoder so far
        try:
            handle = open(self.path, "rb")
        except OSError as exc:
            raise _read_error(self.path, exc) from None
        with handle:
            first = True
            while True:
                try:
                    data = handle.read(self.read_size)
                except OSError as exc:
                    raise _read_error(self.path, exc) from None
                if first:
                    first = False
                    if _is_utf8(self.encoding) and data.startswith(codecs.BOM_UTF8):
                        self.bom = True
                        data = data[len(codecs.BOM_UTF8) :]
                        consumed = len(codecs.BOM_UTF8)
                    _check_not_binary(data, name, self.encoding, consumed)
                pending = len(decoder.getstate()[0])
                try:
                    text = decoder.decode(data, final=not data)
                except UnicodeDecodeError as exc:
                    raise _decode_error(exc, name, self.encoding, consumed - pending + exc.start) from None
                consumed += len(data)
                if text:
                    yield text
                if not data:
                    return


class Encoder:
    """Encodes text back as the file was: same encoding, BOM, surrogate-escaped bytes."""

    def __init__(self, original: TextFile):
        errors = "surrogateescape" if original.errors == "surrogateescape" else "strict"
        self._encoder = codecs.getincrementalencoder(original.encoding)(errors)
        self._bom = codecs.BOM_UTF8 if original.bom else b""

    def encode(self, text: str, final: bool = False) -> bytes:
        data = self._bom + self._encoder.encode(text, final)
        self._bom = b""
        return data


def is_read_only(path: Path) -> bool:
    """No write bit at all: the owner meant it to stay as it is (even for root)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # reading it will say what is wrong
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@contextlib.contextmanager
def atomic_writer(path: Path, mode_from: Optional[Path] = None, durable: bool = True) -> Iterator[BinaryIO]:
    """A handle to a temporary file beside `path` that replaces `path` on success.

    A crash or an exception leaves `path` as it was.  The new file gets the mode
    of `mode_from` (default: `path` itself, when it exists).  A handle marked
    `handle.discard = True` is thrown away instead of replacing anything.
    `durable` waits until the new file is on disk (fsync): needed when it
    replaces the only copy of a text, not for a copy written elsewhere.
    """
    path = Path(path)
    directory = path.parent
    source = Path(mode_from) if mode_from is not None else path
    mode = source.stat().st_mode & 0o7777 if source.exists() else None
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".unspin-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.discard = False
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
            discard = handle.discard
        if discard:
            os.unlink(temporary)
            return
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    if durable:
        _sync_directory(directory)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable."""
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file."""
    with atomic_writer(path) as handle:
        handle.write(data)
