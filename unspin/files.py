"""Reading and writing text files without losing anything.

Bytes are decoded as given (a UTF-8 byte-order mark is remembered, newlines
are kept as they are) and written back the same way, atomically: a temporary
file in the same folder, flushed to disk, then renamed over the original.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


class InputError(Exception):
    """A file could not be read as text; the message says where and why."""


@dataclass(frozen=True)
class TextFile:
    text: str
    encoding: str
    bom: bool


def decode(data: bytes, name: str, encoding: str = "utf-8", errors: str = "strict") -> TextFile:
    bom = encoding.replace("_", "-").lower() in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data[:8192] and encoding.lower().replace("-", "") == "utf8":
        raise InputError(f"{name}: binary file (NUL byte), skipped")
    try:
        text = data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(codecs.BOM_UTF8) if bom else 0)
        raise InputError(
            f"{name}: not valid {encoding} at byte {offset} ({exc.reason}); "
            "use --encoding or --errors replace"
        ) from None
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    return TextFile(text, encoding, bom)


def read_text(path: Path, encoding: str = "utf-8", errors: str = "strict") -> TextFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, str(path), encoding, errors)


def encode(text: str, original: TextFile) -> bytes:
    data = text.encode(original.encoding, errors="surrogateescape" if original.encoding.startswith("utf") else "strict")
    return codecs.BOM_UTF8 + data if original.bom else data


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file."""
    directory = path.parent
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".unspin-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    try:
        # Make the rename itself durable.
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
