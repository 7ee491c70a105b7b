"""Data files: repair one field of every record of JSONL, CSV/TSV and Parquet files.

Each record's value is its own document (its own spin evidence), as a row of
a data set is.  Files are read record by record, so memory follows the size
of a record (a Parquet row group), not of the file.  When an output handle is
given, the records are written to it as they are read: an untouched JSONL line
keeps its bytes; a changed one is written again by `json.dumps` with its
original line ending.  A CSV file that is written is written whole by the
`csv` module (same delimiter and line ending; quoting may become minimal).

Records are analyzed a batch at a time by an `analyze` function over a list
of values (serial() here, or the batch runner's pool of workers for --jobs),
so that one large data file can keep several cores busy while its records
are still read, and written, in order.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, List, Optional, Tuple

from .api import Result, Unspinner
from .files import InputError


FIELD_SIZE_LIMIT = 1 << 30

# Results of a list of values, in order.
Analyze = Callable[[List[str]], Iterable[Result]]
# Records read before their values are analyzed together: enough to share
# among a few workers at little cost a record (--jobs 2 on 43k short JSONL
# records, one run each on the shared machine: 3.4 s with 256 a batch, 2.3 s
# with 1,024, 2.2 s with 4,096), and up to a few megabytes, so that memory
# still follows a record, not the file.
BATCH = 1024
BATCH_CHARACTERS = 4_000_000


def serial(unspinner: Unspinner) -> Analyze:
    """Analyze the values one after another in this process."""
    return lambda values: map(unspinner.analyze, values)


def _batches(items: Iterable, size: Callable[[object], int]) -> Iterator[list]:
    batch, characters = [], 0
    try:
        for item in items:
            batch.append(item)
            characters += size(item)
            if len(batch) == BATCH or characters >= BATCH_CHARACTERS:
                yield batch
                batch, characters = [], 0
    except Exception:
        # The records before a bad one are still repaired and shown, as they
        # were when each was repaired as soon as it was read.
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def _analyzed(batches: Iterator[list], values_of: Callable[[list], List[str]], analyze: Analyze) -> Iterator[tuple]:
    """Each batch with its results, the next batch handed to `analyze` before
    this one's results are read: workers repair it while this process writes
    the last one and reads the next."""
    pending = None
    try:
        for batch in batches:
            ahead = (batch, iter(analyze(values_of(batch))))
            if pending is not None:
                yield pending
            pending = ahead
    except Exception:
        if pending is not None:
            yield pending
        raise
    if pending is not None:
        yield pending


def _lookup(record, field: str):
    """The container and key holding `field` ("a.b" reaches into nested objects)."""
    if not isinstance(record, dict):
        return None, None
    if field in record:
        return record, field
    head, dot, rest = field.partition(".")
    if dot and isinstance(record.get(head), dict):
        return _lookup(record[head], rest)
    return None, None


def repair_jsonl(
    path: Path, analyze: Analyze, field: str, encoding: str, errors: str, out: Optional[BinaryIO]
) -> Iterator[Tuple[str, str, Result]]:
    """(where, original value, result) for every record whose `field` holds a string."""
    errors_out = "surrogateescape" if errors == "surrogateescape" else "strict"
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        batches = _batches(_json_lines(path, handle, field, encoding, errors), size=lambda line: len(line[1]))
        values = lambda batch: [holder[key] for _, _, _, _, holder, key in batch if holder is not None]  # noqa: E731
        for batch, results in _analyzed(batches, values, analyze):
            for number, raw, ending, record, holder, key in batch:
                if holder is not None:
                    original, result = holder[key], next(results)
                    yield f"{number}", original, result
                    if result.changes:
                        holder[key] = result.text
                        raw = json.dumps(record, ensure_ascii=False).encode(encoding, errors_out) + ending
                if out is not None:
                    out.write(raw)


def _json_lines(path: Path, handle: BinaryIO, field: str, encoding: str, errors: str) -> Iterator[tuple]:
    """(number, raw line, its ending, record, holder of the field or None, key) for every line."""
    for number, raw in enumerate(handle, 1):
        body = raw.rstrip(b"\r\n")
        if number == 1 and body.startswith(codecs.BOM_UTF8):
            raise InputError(f"{path}:1: JSON Lines must not start with a byte-order mark")
        try:
            line = body.decode(encoding, errors)
            record = json.loads(line) if line.strip() else None
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid {encoding} at byte {exc.start} of the line ({exc.reason})") from None
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON at column {exc.colno}: {exc.msg}") from None
        holder, key = _lookup(record, field)
        if holder is not None and not isinstance(holder[key], str):
            holder = None
        yield number, raw, raw[len(body) :], record, holder, key


def _line_ending(path: Path) -> str:
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    return "\r\n" if b"\r\n" in head.split(b"\n", 1)[0] + b"\n" else "\n"


def repair_csv(
    path: Path, analyze: Analyze, column: str, encoding: str, errors: str, out: Optional[BinaryIO], delimiter: str = ","
) -> Iterator[Tuple[str, str, Result]]:
    try:
        handle = open(path, "r", encoding=encoding, errors=errors, newline="")
        ending = _line_ending(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    # A text column may hold whole documents; the csv module's default limit is 128 KiB a field.
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_SIZE_LIMIT))
    writer = None
    if out is not None:
        errors_out = "surrogateescape" if errors == "surrogateescape" else "strict"
        text_out = io.TextIOWrapper(out, encoding=encoding, errors=errors_out, newline="", write_through=True)
        writer = csv.writer(text_out, delimiter=delimiter, lineterminator=ending)
    try:
        with handle:
            reader = csv.reader(handle, delimiter=delimiter)
            header = next(reader, None)
            if header is None:
                return
            if column not in header:
                raise InputError(f"{path}: no column {column!r} (columns: {', '.join(header)})")
            index = header.index(column)
            if writer:
                writer.writerow(header)
            rows = ((reader.line_num, row) for row in reader)
            batches = _batches(rows, size=lambda numbered: len(numbered[1][index]) if index < len(numbered[1]) else 0)
            values = lambda batch: [row[index] for _, row in batch if index < len(row)]  # noqa: E731
            for batch, results in _analyzed(batches, values, analyze):
                for line_number, row in batch:
                    if index < len(row):
                        result = next(results)
                        yield f"{line_number}", row[index], result
                        row[index] = result.text
                    if writer:
                        writer.writerow(row)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid {encoding} ({exc.reason}); use --encoding or --errors surrogateescape") from None
    except csv.Error as exc:
        raise InputError(f"{path}: invalid CSV: {exc}") from None
    finally:
        if writer:
            text_out.detach()


def repair_parquet(
    path: Path, analyze: Analyze, column: str, out: Optional[BinaryIO]
) -> Iterator[Tuple[str, str, Result]]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{path}: reading Parquet needs pyarrow: pip install 'unspin[parquet]'") from None
    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: cannot read Parquet: {exc}") from None
    schema = parquet.schema_arrow
    if column not in schema.names:
        raise InputError(f"{path}: no column {column!r} (columns: {', '.join(schema.names)})")
    if not pa.types.is_string(schema.field(column).type) and not pa.types.is_large_string(schema.field(column).type):
        raise InputError(f"{path}: column {column!r} holds {schema.field(column).type}, not text")
    writer = pq.ParquetWriter(out, schema) if out is not None else None
    row = 0
    try:
        for batch in parquet.iter_batches():
            values = batch.column(column).to_pylist()
            present = [i for i, value in enumerate(values) if value is not None]
            for i, result in zip(present, analyze([values[i] for i in present])):
                yield f"{row + i + 1}", values[i], result
                values[i] = result.text
            row += batch.num_rows
            if writer:
                index = schema.names.index(column)
                columns = [pa.array(values, type=schema.field(column).type) if j == index else batch.column(j) for j in range(batch.num_columns)]
                writer.write_batch(pa.RecordBatch.from_arrays(columns, schema=schema))
    finally:
        if writer:
            writer.close()
