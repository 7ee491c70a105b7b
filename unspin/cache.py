"""Validated built-in lexicons kept on disk, so that a process starts quickly.

Parsing and validating the built-in YAML (6,753 entries) takes 0.5 s,
and every process pays it: each `unspin` command, each `--jobs` worker, each
pipeline worker.  Unpickling the validated lexicons takes a fifth of that,
and the pickles carry their context patterns' compiled programs too
(unspin.programs), which spares every process another 0.4 s.  A pickle
is stored under a key made of all it depends on: the file's bytes, how it was
loaded, and the source of the module that defines lexicons, so that neither
an edited file nor a changed class is ever read from an old pickle.

The folder is $UNSPIN_CACHE_DIR, else $XDG_CACHE_HOME/unspin, else
~/.cache/unspin; UNSPIN_NO_CACHE=1 switches the cache off.  A cache that
cannot be read or written is passed over: it only ever saves time.  Like
the caches of black and mypy, it trusts the files of the user's own cache
folder (whoever can write there can also change the user's programs).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Optional, TypeVar

Value = TypeVar("Value")


def folder() -> Optional[Path]:
    """Where pickles go, or None when the cache is switched off."""
    if os.environ.get("UNSPIN_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("UNSPIN_CACHE_DIR"):
        return Path(os.environ["UNSPIN_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "unspin"
    try:
        return Path.home() / ".cache" / "unspin"
    except RuntimeError:  # no home folder to be found: no cache
        return None


def remember(
    path: Path, depends_on: Iterable[str], build: Callable[[], Value], before_storing: Optional[Callable[[Value], None]] = None
) -> Value:
    """build(), or what it returned before for the same bytes of `path` and the same `depends_on`.

    `before_storing` completes a value that is about to be stored with what
    only later processes gain from (it is not called when nothing is stored).
    """
    where = folder()
    try:
        content = path.read_bytes()
    except OSError:
        where = None  # build() reads the file again and reports the problem in its own words
    if where is None:
        return build()
    key = hashlib.sha256(content)
    for part in depends_on:
        key.update(b"\0" + part.encode("utf-8"))
    stored = where / f"{path.stem}-{key.hexdigest()[:24]}.pickle"
    try:
        return pickle.loads(stored.read_bytes())
    except Exception:  # missing, truncated, or written by another Python: build it again
        pass
    value = build()
    if before_storing is not None:
        before_storing(value)
    _store(stored, value)
    return value


def _store(stored: Path, value) -> None:
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=stored.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        # Atomic: a process reading at the same time finds no pickle or a whole one.
        os.replace(temporary, stored)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    # Other versions of the same file are kept, the newest few: two
    # installations of unspin (or two checkouts) that take turns would
    # otherwise each throw the other's pickle away and build it again.
    stem = stored.name.rsplit("-", 1)[0]
    others = [old for old in stored.parent.glob(f"{stem}-*.pickle") if old != stored and old.name.rsplit("-", 1)[0] == stem]
    for old in sorted(others, key=_written, reverse=True)[KEPT_VERSIONS - 1 :]:
        try:
            old.unlink()
        except OSError:
            pass


# How many pickles of one lexicon file, of different bytes or code, are kept.
KEPT_VERSIONS = 4


def _written(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:  # removed meanwhile by another process
        return 0
