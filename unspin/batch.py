"""Batch runs: many files, one process or many, with progress and a closing summary.

Each file is read, repaired and then either listed (`check`), shown as a diff,
printed, written in place atomically (`-w`, only when something changed, never
over a read-only file) or written below `--out-dir` at the same place in the
tree.  A file larger than `Options.stream_above` bytes is streamed (see
`unspin.stream`), so memory does not grow with it.  An error in one file is
reported and the others are still processed; the exit code says what happened:
0 nothing to do or all done, 1 changes found (check, or fix --diff), 2 errors.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import io
import itertools
import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, List, Optional, Tuple

from . import records, stream
from .api import Result, Unspinner
from .discover import Skipped, Source, discover
from .files import (
    LOSSY_ERROR_POLICIES,
    BinaryFileError,
    Encoder,
    InputError,
    TextStream,
    atomic_writer,
    decode,
    is_read_only,
    read_text,
)
from .findings import Differ, LinePosition, change_record, check_lines, one_line
from .summary import Outcome, Tally

STDIN = "-"
STREAM_ABOVE = 4 << 20  # bytes: smaller files are repaired whole, in one pass


class UsageError(ValueError):
    """Options that cannot work together."""


@dataclass(frozen=True)
class Options:
    command: str = "check"  # check | fix
    write: bool = False
    diff: bool = False
    out_dir: Optional[Path] = None
    output_format: str = "text"  # text | json
    encoding: str = "utf-8"
    errors: str = "strict"
    field: Optional[str] = None  # the JSONL field to repair
    column: Optional[str] = None  # the CSV / Parquet column to repair
    include_files: Optional[Tuple[str, ...]] = None
    exclude_files: Tuple[str, ...] = ()
    jobs: int = 1
    summary: bool = True
    progress: Optional[bool] = None  # None: when standard error is a terminal
    stream_above: int = STREAM_ABOVE

    def validate(self) -> None:
        """Raise UsageError on options that cannot work together."""
        if self.writes and self.errors in LOSSY_ERROR_POLICIES:
            raise UsageError(
                f"--errors {self.errors} would write U+FFFD over undecodable bytes; "
                "use --errors surrogateescape to keep them when writing"
            )
        if self.write and self.out_dir is not None:
            raise UsageError("-w and --out-dir exclude each other")
        if self.jobs < 1:
            raise UsageError("--jobs must be at least 1")

    @property
    def writes(self) -> bool:
        return self.command == "fix" and (self.write or self.out_dir is not None) and not self.diff

    @property
    def durable(self) -> bool:
        """Wait for each written file to be on disk?  In place (-w) it replaces
        the only copy of a text; --out-dir writes a copy and leaves the source
        as it was (and two workers waiting on the disk at once cost --jobs 2
        a tenth of its time)."""
        return self.write


class FileRun:
    """Processes one file into an Outcome; standard output goes to `out` (bytes)."""

    def __init__(
        self,
        source: Source,
        options: Options,
        unspinner: Unspinner,
        out: BinaryIO,
        target: Optional[Path],
        analyze: Optional[records.Analyze] = None,
    ):
        self.source, self.options, self.unspinner, self.out = source, options, unspinner, out
        self.target = target
        # How the records of a data file are analyzed: here, or by workers.
        self.analyze = analyze or records.serial(unspinner)
        self.outcome = Outcome(source.shown)
        self.changes: List[dict] = []  # for --format json
        self._position = LinePosition()
        self._differ = Differ(source.shown)

    # Showing ------------------------------------------------------------------

    def _print(self, line: str) -> None:
        self.out.write((line + "\n").encode("utf-8", "backslashreplace"))

    def _count_document(self, found) -> None:
        outcome = self.outcome
        outcome.documents += 1
        outcome.spun_documents += found.spun
        outcome.words += found.words
        outcome.safe_hits += found.hits

    # Text files -------------------------------------------------------------

    def _text_parts(self):
        """(format, evidence, parts, anything to change at all) for the file, whole or streamed."""
        path, options = self.source.path, self.options
        if self.source.relative == STDIN:
            return self._whole(decode(sys.stdin.buffer.read(), self.source.shown, options.encoding, options.errors))
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(f"{self.source.shown}: cannot read: {exc.strerror or exc}") from None
        if size <= options.stream_above:
            return self._whole(read_text(path, options.encoding, options.errors))
        text_stream = TextStream(path, options.encoding, options.errors)
        survey, parts = stream.run(self.unspinner, text_stream.pieces)
        return text_stream.format, survey.evidence, parts, survey.candidates > 0

    def _whole(self, text_file):
        result = self.unspinner.analyze(text_file.text)
        parts = [stream.Repaired(text_file.text, result.text, result.changes)]
        return text_file, result.evidence, parts, bool(result.changes)

    def text(self) -> None:
        text_format, evidence, parts, may_change = self._text_parts()
        if self.target is not None and (may_change or self.options.out_dir is not None):
            with atomic_writer(self.target, mode_from=self.source.path, durable=self.options.durable) as handle:
                encoder = Encoder(text_format)
                for part in parts:
                    handle.write(encoder.encode(part.after))
                    self._show(part)
                handle.write(encoder.encode("", final=True))
                handle.discard = self.options.write and not self.outcome.rules
            self.outcome.written = not handle.discard
        else:
            encoder = Encoder(text_format)
            for part in parts:
                self._show(part, encoder)
            if self._printing:
                self.out.write(encoder.encode("", final=True))
        self._count_document(evidence)
        self._finish_record(evidence.density, evidence.spun)

    @property
    def _printing(self) -> bool:
        """`fix` without -w, --out-dir or --diff prints the repaired file."""
        options = self.options
        return options.command == "fix" and not options.diff and not options.writes and options.output_format == "text"

    def _show(self, part: stream.Repaired, encoder: Optional[Encoder] = None) -> None:
        self.outcome.rules.update(c.rule for c in part.changes)
        if self.options.output_format == "json":
            for change in part.changes:
                line, column = self._position.locate(part.before, change.start)
                self.changes.append(change_record(change, line, column))
        if self.options.command == "check" and self.options.output_format == "text":
            for line in check_lines(self.source.shown, part.before, part.changes, self._position):
                self._print(line)
        elif self.options.diff and self.options.output_format == "text":
            for line in self._differ.part(part.before, part.after):
                self.out.write(line.encode("utf-8", "backslashreplace"))
        elif self._printing and encoder is not None:
            self.out.write(encoder.encode(part.after))
        self._position.advance(part.before)

    def _finish_record(self, density: float, spun: bool) -> None:
        outcome = self.outcome
        if self.options.command == "check" and self.options.output_format == "text" and outcome.changes:
            verdict = "spun" if spun else "not shown to be spun"
            self._print(
                f"{outcome.shown}: {outcome.changes} changes; spin density {density:.1f} per 1,000 words ({verdict})"
            )
        if self.options.output_format == "json":
            outcome.record = {
                "path": outcome.shown,
                "words": outcome.words,
                "spin_density": round(density, 2),
                "spun": bool(spun),
                "changes": self.changes,
            }

    # Data files ---------------------------------------------------------------

    def _records(self, handle: Optional[BinaryIO]) -> Iterator[Tuple[str, str, Result]]:
        source, options = self.source, self.options
        kind = source.format
        if kind == "jsonl":
            if not options.field:
                raise InputError(f"{source.shown}: a JSON Lines file needs --field NAME")
            return records.repair_jsonl(source.path, self.analyze, options.field, options.encoding, options.errors, handle)
        if not options.column:
            raise InputError(f"{source.shown}: a {kind.upper()} file needs --column NAME")
        if kind == "parquet":
            return records.repair_parquet(source.path, self.analyze, options.column, handle)
        delimiter = "\t" if kind == "tsv" else ","
        return records.repair_csv(
            source.path, self.analyze, options.column, options.encoding, options.errors, handle, delimiter
        )

    def data(self) -> None:
        if self.target is not None:
            with atomic_writer(self.target, mode_from=self.source.path, durable=self.options.durable) as handle:
                self._show_records(self._records(handle))
                handle.discard = self.options.write and not self.outcome.rules
            self.outcome.written = not handle.discard
        else:
            self._show_records(self._records(self.out if self._printing else None))
        self._finish_record(self.outcome.density, self.outcome.spun_documents > 0)

    def _show_records(self, results: Iterable[Tuple[str, str, Result]]) -> None:
        name = self.options.field or self.options.column
        for where, original, result in results:
            self._count_document(result.evidence)
            self.outcome.rules.update(c.rule for c in result.changes)
            if self.options.output_format == "json":
                self.changes.extend({**change.to_dict(), "record": where} for change in result.changes)
                continue
            if self.options.command == "check":
                for change in result.changes:
                    self._print(f"{self.source.shown}:{where}: {name}: {one_line(change.before)} → {change.after} [{change.rule}]")
            elif self.options.diff and result.changes:
                differ = Differ(f"{self.source.shown}:{where}:{name}")
                for line in differ.part(original, result.text):
                    self.out.write(line.encode("utf-8", "backslashreplace"))

    # ----------------------------------------------------------------------------

    def run(self) -> Outcome:
        try:
            read_only = self.options.writes and self.options.write and is_read_only(self.source.path)
            if read_only:
                self.target = None  # repaired and counted, never written
            if self.target is not None and self.options.out_dir is not None:
                self.target.parent.mkdir(parents=True, exist_ok=True)
            if self.source.format == "text":
                self.text()
            else:
                self.data()
            if read_only and self.outcome.changes:
                self.outcome.errors.append(f"{self.source.shown}: read-only file, {self.outcome.changes} changes not written")
        except BinaryFileError as exc:
            self.outcome.skipped = str(exc)
        except InputError as exc:
            self.outcome.errors.append(str(exc))
        except OSError as exc:
            # Reading errors mostly arrive as InputError; what is left comes from writing.
            action = f"cannot write {self.target}" if self.target is not None else "cannot read"
            where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(self.target) else ""
            self.outcome.errors.append(f"{self.source.shown}: {action}: {exc.strerror or exc}{where}")
        return self.outcome


class _Worker:
    """State of a worker process: set once by the pool's initializer, then used for every file."""

    unspinner: Optional[Unspinner] = None
    options: Optional[Options] = None


def _start_worker(unspinner: Unspinner, options: Options) -> None:
    _Worker.unspinner, _Worker.options = unspinner, options


def _analyze_record(text: str) -> Result:
    return _Worker.unspinner.analyze(text)


def _work(item: Tuple[Source, Optional[Path]]) -> Outcome:
    source, target = item
    out = io.BytesIO()
    outcome = FileRun(source, _Worker.options, _Worker.unspinner, out, target).run()
    outcome.output = out.getvalue()
    return outcome


def _plan(paths: List[str], options: Options, skipped: List[Outcome]) -> List[Tuple[Source, Optional[Path]]]:
    """Every source with the file it is written to, if any; files passed over go to `skipped`."""
    planned, targets = [], {}
    found = discover(
        paths, options.include_files, options.exclude_files, bool(options.field or options.column), options.out_dir
    )
    for item in found:
        if isinstance(item, Skipped):
            skipped.append(Outcome(item.shown, skipped=f"{item.shown}: {item.reason}"))
            continue
        target = None
        if options.writes and options.write:
            target = item.path
        elif options.writes:
            target = options.out_dir / item.relative
            if target in targets:
                skipped.append(Outcome(item.shown, errors=[f"{item.shown}: {target} is already written from {targets[target]}"]))
                continue
            targets[target] = item.shown
        planned.append((item, target))
    return planned


class _Progress:
    """A progress bar on standard error (when it is a terminal, unless switched off) that output can pass."""

    def __init__(self, total: int, options: Options):
        show = options.progress if options.progress is not None else sys.stderr.isatty()
        self.bar = None
        if show and total > 1:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False)

    def __enter__(self):
        return self

    def passing(self):
        """A context in which output does not tear the bar."""
        return self.bar.external_write_mode(file=sys.stderr) if self.bar else contextlib.nullcontext()

    def step(self) -> None:
        if self.bar:
            self.bar.update(1)

    def __exit__(self, *exc_info):
        if self.bar:
            self.bar.close()


class _PastTheBar:
    """Standard output for files processed in this process, written past the progress bar."""

    def __init__(self, out: BinaryIO, progress: _Progress):
        self.out, self.progress = out, progress

    def write(self, data: bytes) -> int:
        with self.progress.passing():
            return self.out.write(data)


def read_inputs(paths: List[str], options: Options) -> Tuple[List[Tuple[str, str]], bool]:
    """(name, text) of every input, for commands that need whole texts; messages on standard error.

    The second value says whether any input failed.
    """
    names = [p for p in paths if p != STDIN]
    sources = [Source(Path(STDIN), "<stdin>", STDIN)] if not paths or STDIN in paths else []
    failed = False
    for item in discover(names, options.include_files, options.exclude_files, bool(options.field or options.column)):
        if isinstance(item, Skipped):
            print(f"unspin: {item.shown}: {item.reason}", file=sys.stderr)
        else:
            sources.append(item)
    texts = []
    for source in sources:
        try:
            if source.relative == STDIN:
                text_file = decode(sys.stdin.buffer.read(), source.shown, options.encoding, options.errors)
            else:
                text_file = read_text(source.path, options.encoding, options.errors)
            texts.append((source.shown, text_file.text))
        except BinaryFileError as exc:
            print(f"unspin: {exc}", file=sys.stderr)
        except InputError as exc:
            print(f"unspin: error: {exc}", file=sys.stderr)
            failed = True
    return texts, failed


def run(paths: List[str], options: Options, unspinner: Unspinner) -> int:
    """Process every path (files, folders, '-' for standard input); the exit code."""
    options.validate()
    sys.stdout.flush()
    out = sys.stdout.buffer
    outcomes: List[Outcome] = []
    names = [p for p in paths if p != STDIN]
    if not paths or STDIN in paths:
        # Standard input is answered on standard output, whatever -w or --out-dir say.
        reading = dataclasses.replace(options, write=False, out_dir=None)
        outcomes.append(FileRun(Source(Path(STDIN), "<stdin>", STDIN), reading, unspinner, out, None).run())
    planned = _plan(names, options, outcomes) if names else []
    tally = Tally()
    json_records = []
    pool, frozen = None, False
    with _Progress(len(planned), options) as progress:
        # One data file shares its records among the workers; several files
        # are shared out a file at a time.
        by_records = options.jobs > 1 and len(planned) == 1 and planned[0][0].format != "text"
        analyze = None  # each record in this process
        if options.jobs > 1 and (len(planned) > 1 or by_records):
            if multiprocessing.get_start_method() == "fork":
                # Forked workers inherit what is compiled here; each would
                # otherwise build the same patterns again (0.02 s each from
                # the lexicon cache's programs, 0.4 s without a cache).
                for lexicon in unspinner.lexicons:
                    lexicon.compile_patterns()
                # Out of the collector's sight: a worker's collections would
                # otherwise walk (and so write to, and copy) every page of the
                # lexicons it shares with this process.  Workers' CPU over the
                # benchmark's 463 files: 5.8 s -> 4.9 s (medians of 9 runs).
                gc.freeze()
                frozen = True
            pool = ProcessPoolExecutor(options.jobs, initializer=_start_worker, initargs=(unspinner, options))
            if by_records:
                # A few tasks per worker for each batch of records, so that a long record evens out.
                chunks = max(1, records.BATCH // (4 * options.jobs))
                analyze = functools.partial(pool.map, _analyze_record, chunksize=chunks)
            else:
                results = pool.map(_work, planned, chunksize=1)
        if pool is None or by_records:
            file_out = _PastTheBar(out, progress) if progress.bar else out
            results = (FileRun(source, options, unspinner, file_out, target, analyze).run() for source, target in planned)
        try:
            for outcome in itertools.chain(outcomes, results):
                with progress.passing():
                    out.write(outcome.output)
                    out.flush()
                    for message in outcome.errors:
                        print(f"unspin: error: {message}", file=sys.stderr)
                    if outcome.skipped:
                        print(f"unspin: {outcome.skipped}", file=sys.stderr)
                progress.step()
                if outcome.record is not None:
                    json_records.append(outcome.record)
                tally.add(outcome)
        finally:
            if pool is not None:
                pool.shutdown()
            if frozen:
                gc.unfreeze()
    if options.output_format == "json":
        document = json_records[0] if len(json_records) == 1 else json_records
        out.write((json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "backslashreplace"))
        out.flush()
    if options.summary and names:
        for line in tally.lines(options.writes):
            print(line, file=sys.stderr)
    if tally.failed:
        return 2
    reports_changes = options.command == "check" or options.diff
    return 1 if reports_changes and tally.rules else 0
