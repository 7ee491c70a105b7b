"""The `unspin` command: a thin shell over the public API and the batch runner.

    unspin fix [PATH ...]     print repaired text (-w rewrites files, --out-dir mirrors them, --diff shows a diff)
    unspin check [PATH ...]   list changes; exit 1 if there are any

PATH is a file, a folder (walked recursively) or '-' for standard input.
Settings come from the nearest unspin.toml or [tool.unspin] in pyproject.toml
(unspin.config), overridden by the options given here.

Exit codes follow ruff and black: 0 nothing to do or all done, 1 changes
found (check, or fix --diff), 2 an error (the other files are still processed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional

from . import __version__, config
from .api import Config, Unspinner
from .batch import Options, UsageError, run
from .context import DEFAULT_LEVEL, LEVELS
from .files import ERROR_POLICIES
from .lexicon import LexiconError

# Built-in defaults of the options that a configuration file may also set.
DEFAULTS = {
    "level": DEFAULT_LEVEL,
    "lexicon": [],
    "include": None,
    "exclude": [],
    "assume-spun": None,
    "include-files": None,
    "exclude-files": [],
    "encoding": "utf-8",
    "errors": "strict",
    "field": None,
    "column": None,
    "jobs": 1,
    "out-dir": None,
    "format": "text",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="unspin", description="Find, explain and repair machine-spun English.")
    parser.add_argument("--version", action="version", version=f"unspin {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    common = argparse.ArgumentParser(add_help=False, argument_default=None)
    add = common.add_argument
    add("paths", nargs="*", metavar="PATH", help="files or folders; '-' or none reads standard input")
    add("--level", choices=LEVELS, help=f"which tiers to apply (default: {DEFAULT_LEVEL})")
    add("--lexicon", action="append", metavar="PATH", help="an extra lexicon file (repeatable)")
    add("--include", action="append", metavar="NAME", help="use only these built-in lexicons (repeatable)")
    add("--exclude", action="append", metavar="NAME", help="switch a built-in lexicon off (repeatable)")
    add("--assume-spun", action="store_true", default=None, help="treat every document as spun")
    add("--format", choices=("text", "json"), help="output format (default: text)")
    add("--encoding", help="input encoding (default: utf-8)")
    add("--errors", choices=ERROR_POLICIES, help="undecodable bytes: strict (default) refuses the file, replace "
        "shows U+FFFD (not with -w or --out-dir), surrogateescape keeps the bytes exactly")
    add("--include-files", action="append", metavar="GLOB", help="in folders, take only these files "
        "(default: prose files, and data files when --field/--column is given; repeatable)")
    add("--exclude-files", action="append", metavar="GLOB", help="in folders, leave these files out (repeatable)")
    add("--field", metavar="NAME", help="the field to repair in JSON Lines files (a.b reaches into objects)")
    add("--column", metavar="NAME", help="the column to repair in CSV, TSV and Parquet files")
    add("-j", "--jobs", type=int, metavar="N", help="worker processes (default: 1)")
    add("--no-config", action="store_true", help="ignore unspin.toml and pyproject.toml")
    add("-q", "--quiet", action="store_true", help="no closing summary on standard error")
    add("--no-progress", action="store_true", help="no progress bar, even on a terminal")

    fix = commands.add_parser("fix", parents=[common], help="print the repaired text, or rewrite files with -w")
    fix.add_argument("-w", "--write", action="store_true", help="rewrite files in place (atomically)")
    fix.add_argument("--out-dir", metavar="DIR", help="write repaired files below DIR, mirroring the tree")
    fix.add_argument("--diff", action="store_true", help="print a unified diff instead; exit 1 if there is one")

    commands.add_parser("check", parents=[common], help="list every change; exit 1 if there are any")
    return parser


def settings(args: argparse.Namespace) -> dict:
    """Built-in defaults, then the configuration file, then the command line."""
    merged = dict(DEFAULTS)
    if not args.no_config:
        merged.update(config.load(config.find()).values)
    for key in DEFAULTS:
        value = getattr(args, key.replace("-", "_"), None)
        if value is not None:
            merged[key] = value
    return merged


def _tuple(value) -> Optional[tuple]:
    return tuple(value) if value is not None else None


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        chosen = settings(args)
        unspinner = Unspinner(
            Config(
                level=chosen["level"],
                include=_tuple(chosen["include"]),
                exclude=tuple(chosen["exclude"]),
                extra_lexicons=tuple(chosen["lexicon"]),
                assume_spun=chosen["assume-spun"],
            )
        )
        options = Options(
            command=args.command,
            write=getattr(args, "write", False),
            diff=getattr(args, "diff", False),
            out_dir=Path(chosen["out-dir"]) if args.command == "fix" and chosen["out-dir"] else None,
            output_format=chosen["format"],
            encoding=chosen["encoding"],
            errors=chosen["errors"],
            field=chosen["field"],
            column=chosen["column"],
            include_files=_tuple(chosen["include-files"]),
            exclude_files=tuple(chosen["exclude-files"]),
            jobs=chosen["jobs"],
            summary=not args.quiet,
            progress=False if args.no_progress else None,
        )
        options.validate()
    except (LexiconError, config.ConfigError, UsageError, ValueError) as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return 2
    return run(args.paths, options, unspinner)


if __name__ == "__main__":
    sys.exit(main())
