"""The `unspin` command: a thin shell over the public API and the batch runner.

    unspin fix [PATH ...]     print repaired text (-w rewrites files, --out-dir mirrors them, --diff shows a diff)
    unspin check [PATH ...]   list changes; exit 1 if there are any
    unspin report [PATH ...] -o report.html   one HTML page showing every change
    unspin screen [PATH ...]  evidence of tortured phrases per document: hits, risk band; exit 1 if any
    unspin lexicon lint|learn, unspin eval    tools for lexicon curators

PATH is a file, a folder (walked recursively) or '-' for standard input.
Settings come from the nearest unspin.toml or [tool.unspin] in pyproject.toml
(unspin.config), overridden by the options given here.

Exit codes follow ruff and black: 0 nothing to do or all done, 1 changes
found (check, or fix --diff), 2 an error (the other files are still processed).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path
from typing import List, Optional

from . import __version__, config, report
from .api import Config, Unspinner
from .batch import STDIN, Options, UsageError, read_inputs, run
from .context import DEFAULT_LEVEL, LEVELS
from .evaluate import PIECE_LINES, evaluate, parallel_pairs
from .files import ERROR_POLICIES, InputError, read_text, write_atomic
from .learn import learn, lexicon_coverage, to_yaml
from .lexicon import LexiconError, LexiconWarning
from .lint import lint_paths
from .screen import screen

# Built-in defaults of the options that a configuration file may also set.
DEFAULTS = {
    "level": DEFAULT_LEVEL,
    "lexicon": [],
    "include": None,
    "exclude": [],
    "assume-spun": None,
    # None: the command decides (screen infers, fix and check do not).
    "infer": None,
    "ngram": False,
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
    add("--infer", dest="infer", action="store_const", const=True, help="also repair tortured phrases no lexicon lists "
        "(default for screen only: slower, and rare false edits on clean prose)")
    add("--no-infer", dest="infer", action="store_const", const=False, help="repair listed phrases only, infer no unlisted ones")
    add("--ngram", dest="ngram", action="store_const", const=True, help="let an n-gram model stand in for unmet "
        "context in spun documents (needs pip install 'unspin[ngram]'; slower)")
    add("--no-ngram", dest="ngram", action="store_const", const=False, help="never consult the n-gram model (default)")
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
    add_curator_commands(commands)

    report_parser = commands.add_parser("report", parents=[common], help="write one HTML page that shows every change")
    report_parser.add_argument("-o", "--output", default=STDIN, metavar="FILE", help="the HTML file to write (default: standard output)")
    commands.add_parser(
        "screen", parents=[common], help="evidence of tortured phrases per document (hits, fingerprints, risk band)"
    )
    return parser


def add_curator_commands(commands) -> None:
    """Commands for lexicon curators; each runs one function of its own module."""
    lexicon = commands.add_parser("lexicon", help="tools for lexicon curators")
    tools = lexicon.add_subparsers(dest="tool", required=True)

    lint = tools.add_parser("lint", help="find defects in lexicons (the built-in ones when no PATH); exit 1 on findings")
    lint.add_argument("paths", nargs="*", metavar="PATH", help="lexicon files, linted together")
    lint.add_argument("--format", choices=("text", "json"), default="text")
    lint.set_defaults(run=_run_lint)

    learn = tools.add_parser("learn", help="propose lexicon entries from a spun text and its original (YAML for review)")
    learn.add_argument("spun", metavar="SPUN", help="the spun text")
    learn.add_argument("original", metavar="ORIGINAL", help="its original wording")
    learn.add_argument("--min-count", type=int, default=1, metavar="N", help="only substitutions seen N times or more")
    learn.add_argument("--name", default="learned", help="lexicon name and id prefix of the candidates")
    learn.add_argument(
        "--coverage", action="store_true", help="also say (on stderr) how many of the built-in lexicons' right changes it proposes"
    )
    learn.set_defaults(run=_run_learn)

    evaluate = commands.add_parser(
        "eval", help="score repairs against references (word error, precision, recall) and false edits on clean text"
    )
    evaluate.add_argument("--pair", nargs=2, action="append", default=[], metavar=("SPUN", "REFERENCE"),
                          help="a spun file and its reference (repeatable)")
    evaluate.add_argument("--parallel", action="append", default=[], metavar="FOLDER",
                          help="a folder of spun files, each beside its reference (spun.txt / reference.txt, "
                               "NAME.spun.txt / NAME.reference.txt)")
    evaluate.add_argument("--clean", action="append", default=[], metavar="PATH",
                          help="clean text: a file, or a folder of .txt files (repeatable)")
    evaluate.add_argument("--piece-lines", type=int, default=PIECE_LINES, metavar="N",
                          help="judge clean text in pieces of N lines, each a document (0: whole files; default %(default)s)")
    evaluate.add_argument("--level", choices=LEVELS, default=DEFAULT_LEVEL)
    evaluate.add_argument("--lexicon", action="append", default=[], metavar="PATH", help="an extra lexicon file")
    evaluate.add_argument("--include", action="append", metavar="NAME", help="use only these built-in lexicons")
    evaluate.add_argument("--exclude", action="append", default=[], metavar="NAME", help="switch a built-in lexicon off")
    evaluate.add_argument("--ngram", action="store_true", help="let the n-gram model stand in for unmet context")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    evaluate.set_defaults(run=_run_eval)


def _run_lint(args) -> int:
    findings = lint_paths(args.paths)
    if args.format == "json":
        json.dump([finding.to_dict() for finding in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for finding in findings:
            print(finding)
        print(f"{len(findings)} findings" if findings else "no findings", file=sys.stderr)
    return 1 if findings else 0


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


def _run_learn(args) -> int:
    try:
        spun, original = read_text(Path(args.spun)).text, read_text(Path(args.original)).text
    except InputError as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return 2
    candidates = [c for c in learn(spun, original) if c.count >= args.min_count]
    sys.stdout.write(to_yaml(candidates, args.name, f"{args.spun} against {args.original}"))
    if args.coverage:
        coverage = lexicon_coverage(Unspinner(), spun, original, candidates)
        total = len(coverage.covered) + len(coverage.missing)
        print(f"learn proposes {len(coverage.covered)} of the {total} substitutions the lexicons make rightly "
              f"({coverage.share:.1%})", file=sys.stderr)
        for spun_words, canonical in coverage.missing:
            print(f"  not proposed: {spun_words} → {canonical}", file=sys.stderr)
    return 0


def _run_eval(args) -> int:
    pairs = [(Path(spun), Path(reference)) for spun, reference in args.pair]
    for folder in map(Path, args.parallel):
        found = parallel_pairs(folder)
        if not found:
            print(f"unspin: error: {folder}: no spun file with a reference beside it", file=sys.stderr)
            return 2
        pairs.extend(found)
    if not pairs and not args.clean:
        print("unspin: error: eval needs --pair, --parallel or --clean", file=sys.stderr)
        return 2
    try:
        unspinner = Unspinner(
            level=args.level,
            include=tuple(args.include) if args.include else None,
            exclude=tuple(args.exclude),
            extra_lexicons=tuple(args.lexicon),
            ngram=args.ngram,
        )
        report = evaluate(unspinner, pairs, [Path(p) for p in args.clean], args.piece_lines)
    except (LexiconError, InputError, ValueError) as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(report.to_text())
    return 0


def run_screen(args: argparse.Namespace, unspinner: Unspinner, options: Options) -> int:
    """`unspin screen`: one evidence report per document; exit 1 if any document has a hit."""
    texts, failed = read_inputs(args.paths, options)
    reports, hit = [], False
    for name, text in texts:
        screening = screen(text, unspinner, name)
        reports.append(screening.to_dict())
        if options.output_format == "text":
            print(screening.to_text())
        hit = hit or bool(screening.hits)
    if options.output_format == "json":
        json.dump(reports if len(reports) != 1 else reports[0], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 2 if failed else (1 if hit else 0)


def _run_report(args, unspinner: Unspinner, options: Options) -> int:
    """Every input in one HTML page; unreadable inputs are reported and the others still shown."""
    texts, failed = read_inputs(args.paths, options)
    documents = [report.Document(name, text, unspinner.analyze(text)) for name, text in texts]
    if documents:
        title = documents[0].name if len(documents) == 1 else f"{len(documents)} documents"
        page = report.render(documents, title=f"unspin report: {title}")
        if args.output == STDIN:
            sys.stdout.write(page)
        else:
            try:
                write_atomic(Path(args.output), page.encode("utf-8"))
            except OSError as exc:
                print(f"unspin: error: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
                failed = True
    return 2 if failed else 0


def _tuple(value) -> Optional[tuple]:
    return tuple(value) if value is not None else None


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(args, "run"):
        return args.run(args)
    try:
        chosen = settings(args)
        repair_config = Config(
            level=chosen["level"],
            include=_tuple(chosen["include"]),
            exclude=tuple(chosen["exclude"]),
            extra_lexicons=tuple(chosen["lexicon"]),
            assume_spun=chosen["assume-spun"],
            infer=chosen["infer"] if chosen["infer"] is not None else args.command == "screen",
            ngram=chosen["ngram"],
        )
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", LexiconWarning)
            unspinner = Unspinner(repair_config)
        for warning in caught:
            print(f"unspin: warning: {warning.message}", file=sys.stderr)
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
    if args.command == "report":
        return _run_report(args, unspinner, options)
    if args.command == "screen":
        return run_screen(args, unspinner, options)
    return run(args.paths, options, unspinner)


if __name__ == "__main__":
    sys.exit(main())
