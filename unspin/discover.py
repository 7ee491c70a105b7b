"""Which files a batch run reads: paths given, directories walked, globs applied.

A directory is walked recursively in sorted order, skipping hidden folders
(`.git`, `.venv`, ...).  By default only prose files are taken (TEXT_GLOBS);
data files (DATA_GLOBS) join when a `--field` or `--column` says what to
repair in them.  `--include-files` replaces those defaults; `--exclude-files`
removes matches.  A glob matches the file name or its path below the walked
folder.  Symbolic links are never followed out of the walked folder; a link
inside it is read (and written) through its target, once.  A file named on the
command line is always taken, whatever its name.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence, Union

TEXT_GLOBS = ("*.txt", "*.text", "*.md", "*.markdown", "*.rst", "*.adoc", "*.org", "*.tex", "*.html", "*.htm")
DATA_GLOBS = ("*.jsonl", "*.ndjson", "*.csv", "*.tsv", "*.parquet")

_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".parquet": "parquet"}


def file_format(path: Path) -> str:
    return _FORMATS.get(path.suffix.lower(), "text")


@dataclass(frozen=True)
class Source:
    path: Path  # what is read and written (a link's target)
    shown: str  # the name the user knows it by
    relative: str  # its place below the folder it was found in (for --out-dir)

    @property
    def format(self) -> str:
        return file_format(self.path)


@dataclass(frozen=True)
class Skipped:
    shown: str
    reason: str


def _matches(relative: str, globs: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(relative, g) for g in globs)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str], skip_dirs: Sequence[Path]):
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        kept = []
        for name in sorted(dirs):
            sub = here / name
            relative = sub.relative_to(root).as_posix()
            if name.startswith(".") or _matches(relative, exclude) or sub.resolve() in skip_dirs:
                continue
            if sub.is_symlink():
                yield Skipped(str(sub), "symbolic link to a folder, not followed")
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = here / name
            relative = path.relative_to(root).as_posix()
            if not _matches(relative, include) or _matches(relative, exclude):
                continue
            if path.is_symlink():
                target = path.resolve()
                if not _inside(target, real_root):
                    yield Skipped(str(path), f"symbolic link out of {root}, not followed")
                    continue
                yield Source(target, str(path), relative)
            else:
                yield Source(path, str(path), relative)


def discover(
    paths: Sequence[str],
    include: Optional[Sequence[str]] = None,
    exclude: Sequence[str] = (),
    with_data: bool = False,
    out_dir: Optional[Path] = None,
) -> Iterator[Union[Source, Skipped]]:
    """Sources in order, each file once, and the files passed over with the reason."""
    include = tuple(include) if include else TEXT_GLOBS + (DATA_GLOBS if with_data else ())
    skip_dirs = [out_dir.resolve()] if out_dir is not None else []
    seen = set()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = _walk(path, include, exclude, skip_dirs)
        else:
            # Named on the command line: taken as it is (a missing file is reported when read).
            found = [Source(path.resolve() if path.is_symlink() else path, name, path.name)]
        for item in found:
            if isinstance(item, Source):
                key = os.path.realpath(item.path)
                if key in seen:
                    continue
                seen.add(key)
            yield item
