"""The `unspin` command: a thin shell over the public API.

    unspin fix [PATH ...]     print repaired text (-w rewrites files, --diff shows a diff)
    unspin check [PATH ...]   list changes; exit 1 if there are any
    unspin report [PATH ...] -o report.html   one HTML page showing every change
    unspin screen [PATH ...]  evidence of tortured phrases per document: hits, risk band; exit 1 if any

Exit codes follow ruff and black: 0 nothing to do or all done, 1 changes
found (check, or fix --diff), 2 an error (the other files are still processed).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import warnings
from pathlib import Path
from typing import List, Optional

from . import __version__, report
from .api import Config, Unspinner
from .context import DEFAULT_LEVEL, LEVELS
from .files import InputError, TextFile, decode, encode, read_text, write_atomic
from .lexicon import LexiconError, LexiconWarning
from .evaluate import PIECE_LINES, evaluate, parallel_pairs
from .learn import learn, lexicon_coverage, to_yaml
from .lint import lint_paths
from .repair import Change
from .screen import screen

STDIN = "-"


def line_and_column(text: str, offset: int):
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _one_line(text: str) -> str:
    return " ".join(text.split())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="unspin", description="Find, explain and repair machine-spun English.")
    parser.add_argument("--version", action="version", version=f"unspin {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="*", metavar="PATH", help="files to read; '-' or none reads standard input")
    common.add_argument("--level", choices=LEVELS, default=DEFAULT_LEVEL, help="which tiers to apply (default: %(default)s)")
    common.add_argument("--lexicon", action="append", default=[], metavar="PATH", help="an extra lexicon file (repeatable)")
    common.add_argument("--include", action="append", metavar="NAME", help="use only these built-in lexicons (repeatable)")
    common.add_argument("--exclude", action="append", default=[], metavar="NAME", help="switch a built-in lexicon off (repeatable)")
    common.add_argument("--assume-spun", action="store_true", default=None, help="treat every document as spun")
    common.add_argument("--no-infer", dest="infer", action="store_false", help="repair listed phrases only, infer no unlisted ones")
    common.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: %(default)s)")
    common.add_argument("--encoding", default="utf-8", help="input encoding (default: %(default)s)")

    fix = commands.add_parser("fix", parents=[common], help="print the repaired text, or rewrite files with -w")
    fix.add_argument("-w", "--write", action="store_true", help="rewrite files in place (atomically)")
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


def run_screen(args: argparse.Namespace, unspinner: Unspinner) -> int:
    """`unspin screen`: one evidence report per document; exit 1 if any document has a hit."""
    run = Run(args, unspinner)
    reports = []
    for name in args.paths or [STDIN]:
        source = run.read(name)
        if source is None:
            continue
        screening = screen(source.text, unspinner, "<stdin>" if name == STDIN else name)
        reports.append(screening.to_dict())
        if args.format == "text":
            print(screening.to_text())
        run.changed = run.changed or bool(screening.hits)
    if args.format == "json":
        json.dump(reports if len(reports) != 1 else reports[0], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 2 if run.failed else (1 if run.changed else 0)


class Run:
    """One command over many inputs; remembers whether anything failed or changed."""

    def __init__(self, args: argparse.Namespace, unspinner: Unspinner):
        self.args = args
        self.unspinner = unspinner
        self.failed = False
        self.changed = False
        self.records: List[dict] = []
        self.documents: List[report.Document] = []

    def error(self, message: str) -> None:
        self.failed = True
        print(f"unspin: error: {message}", file=sys.stderr)

    def read(self, name: str) -> Optional[TextFile]:
        try:
            if name == STDIN:
                return decode(sys.stdin.buffer.read(), "<stdin>", self.args.encoding)
            return read_text(Path(name), self.args.encoding)
        except InputError as exc:
            self.error(str(exc))
            return None

    def process(self, name: str) -> None:
        source = self.read(name)
        if source is None:
            return
        text = source.text
        result = self.unspinner.analyze(text)
        fixed, changes, evidence = result.text, result.changes, result.evidence
        self.changed = self.changed or bool(changes)
        shown = "<stdin>" if name == STDIN else name
        if self.args.format == "json":
            self.records.append(self.record(shown, text, changes, evidence))
        if self.args.command == "report":
            self.documents.append(report.Document(shown, text, result))
        elif self.args.command == "check":
            self.report(shown, text, changes, evidence)
        elif self.args.diff:
            self.diff(shown, text, fixed)
        elif self.args.write and name != STDIN:
            if changes:
                try:
                    write_atomic(Path(name), encode(fixed, source))
                except OSError as exc:
                    self.error(f"{name}: cannot write: {exc.strerror or exc}")
        elif self.args.format == "text":
            sys.stdout.write(fixed)

    def record(self, name, text, changes: List[Change], evidence) -> dict:
        items = []
        for change in changes:
            line, column = line_and_column(text, change.start)
            items.append({**change.to_dict(), "line": line, "column": column})
        return {
            "path": name,
            "words": evidence.words,
            "spin_density": round(evidence.density, 2),
            "spun": evidence.spun,
            "changes": items,
        }

    def report(self, name, text, changes: List[Change], evidence) -> None:
        if self.args.format != "text":
            return
        for change in changes:
            line, column = line_and_column(text, change.start)
            print(f"{name}:{line}:{column}: {_one_line(change.before)} → {change.after} [{change.rule}]")
        if changes:
            verdict = "spun" if evidence.spun else "not shown to be spun"
            print(f"{name}: {len(changes)} changes; spin density {evidence.density:.1f} per 1,000 words ({verdict})")

    def diff(self, name, text, fixed) -> None:
        if self.args.format != "text" or text == fixed:
            return
        lines = difflib.unified_diff(
            text.splitlines(keepends=True), fixed.splitlines(keepends=True), f"a/{name}", f"b/{name}"
        )
        for line in lines:
            sys.stdout.write(line if line.endswith("\n") else line + "\n")

    def write_report(self) -> None:
        names = self.documents[0].name if len(self.documents) == 1 else f"{len(self.documents)} documents"
        page = report.render(self.documents, title=f"unspin report: {names}")
        if self.args.output == STDIN:
            sys.stdout.write(page)
            return
        try:
            write_atomic(Path(self.args.output), page.encode("utf-8"))
        except OSError as exc:
            self.error(f"{self.args.output}: cannot write: {exc.strerror or exc}")

    def finish(self) -> int:
        if self.args.command == "report" and self.documents:
            self.write_report()
        if self.args.format == "json":
            json.dump(self.records if len(self.records) != 1 else self.records[0], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        if self.failed:
            return 2
        wants_changes_reported = self.args.command == "check" or getattr(self.args, "diff", False)
        return 1 if wants_changes_reported and self.changed else 0


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
        )
        report = evaluate(unspinner, pairs, [Path(p) for p in args.clean], args.piece_lines)
    except (LexiconError, InputError) as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(report.to_text())
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(args, "run"):
        return args.run(args)
    try:
        config = Config(
            level=args.level,
            include=tuple(args.include) if args.include else None,
            exclude=tuple(args.exclude),
            extra_lexicons=tuple(args.lexicon),
            assume_spun=args.assume_spun,
            infer=args.infer,
        )
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", LexiconWarning)
            unspinner = Unspinner(config)
        for warning in caught:
            print(f"unspin: warning: {warning.message}", file=sys.stderr)
    except (LexiconError, ValueError) as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return 2
    if args.command == "screen":
        return run_screen(args, unspinner)
    run = Run(args, unspinner)
    for name in args.paths or [STDIN]:
        run.process(name)
    return run.finish()


if __name__ == "__main__":
    sys.exit(main())
