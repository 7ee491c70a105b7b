"""Configuration files: `[tool.unspin]` in pyproject.toml, or unspin.toml.

The nearest folder, from the current one upward, that has an `unspin.toml` or
a `pyproject.toml` with a `[tool.unspin]` table gives the settings (unspin.toml
first when a folder has both).  Keys are the long command-line options
(`level`, `exclude-files`, ...); an option given on the command line wins over
the file.  Paths in the file (`lexicon`, `out-dir`) are relative to its folder.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on older Pythons only
    import tomli as tomllib

# key: (type, is a list, holds paths)
KEYS = {
    "level": (str, False, False),
    "lexicon": (str, True, True),
    "include": (str, True, False),
    "exclude": (str, True, False),
    "assume-spun": (bool, False, False),
    "infer": (bool, False, False),
    "ngram": (bool, False, False),
    "include-files": (str, True, False),
    "exclude-files": (str, True, False),
    "encoding": (str, False, False),
    "errors": (str, False, False),
    "field": (str, False, False),
    "column": (str, False, False),
    "jobs": (int, False, False),
    "out-dir": (str, False, True),
    "format": (str, False, False),
}


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class FileConfig:
    path: Optional[Path]
    values: Dict[str, Any]


def _table(path: Path) -> Optional[dict]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("unspin")
    return data.get("tool", {}).get("unspin", data)


def find(start: Optional[Path] = None) -> Optional[Path]:
    """The configuration file that applies in `start` (default: the current folder)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        for name in ("unspin.toml", "pyproject.toml"):
            path = candidate / name
            if path.is_file() and (name == "unspin.toml" or _table(path) is not None):
                return path
    return None


def _check(path: Path, key: str, value: Any) -> Any:
    if key not in KEYS:
        raise ConfigError(f"{path}: unknown key {key!r} in the unspin settings (known: {', '.join(KEYS)})")
    kind, is_list, holds_paths = KEYS[key]
    if is_list and isinstance(value, str):
        value = [value]
    items = value if is_list else [value]
    if (is_list and not isinstance(value, list)) or not all(isinstance(v, kind) and not (kind is int and isinstance(v, bool)) for v in items):
        expected = f"a list of {kind.__name__}" if is_list else kind.__name__
        raise ConfigError(f"{path}: key {key!r} must be {expected}, not {value!r}")
    if holds_paths:
        items = [str((path.parent / v)) for v in items]
    return items if is_list else items[0]


def load(path: Optional[Path]) -> FileConfig:
    if path is None:
        return FileConfig(None, {})
    table = _table(path) or {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: the unspin settings must be a table")
    return FileConfig(path, {key: _check(path, key, value) for key, value in table.items()})
