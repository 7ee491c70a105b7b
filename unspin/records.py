"""Data files: repair one field of every record of JSONL, CSV/TSV and Parquet files.

Each record's value is its own document (its own spin evidence), as a row of
a data set is.  Files are read record by record, so memory follows the size
of a record (a Parquet row group), not of the file.  When an output handle is
given, the records are written to it as they are read: an untouched JSONL line
keeps its bytes; a changed one is written again by `json.dumps` with its
original line ending.  A CSV file that is written is written whole by the
`csv` module (same delimiter and line ending; quoting may become minimal).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Tuple

from .api import Result, Unspinner
from .files import InputError


FIELD_SIZE_LIMIT = 1 << 30


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
    path: Path, unspinner: Unspinner, field: str, encoding: str, errors: str, out: Optional[BinaryIO]
) -> Iterator[Tuple[str, str, Result]]:
    """(where, original value, result) for every record whose `field` holds a string."""
    errors_out = "surrogateescape" if errors == "surrogateescape" else "strict"
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        for number, raw in enumerate(handle, 1):
            body = raw.rstrip(b"\r\n")
            ending = raw[len(body) :]
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
            if holder is not None and isinstance(holder[key], str):
                result = unspinner.analyze(holder[key])
                yield f"{number}", holder[key], result
                if result.changes:
                    holder[key] = result.text
                    raw = json.dumps(record, ensure_ascii=False).encode(encoding, errors_out) + ending
            if out is not None:
                out.write(raw)


def _line_ending(path: Path) -> str:
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    return "\r\n" if b"\r\n" in head.split(b"\n", 1)[0] + b"\n" else "\n"


def repair_csv(
    path: Path, unspinner: Unspinner, column: str, encoding: str, errors: str, out: Optional[BinaryIO], delimiter: str = ","
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
            for row in reader:
                if index < len(row):
                    result = unspinner.analyze(row[index])
                    yield f"{reader.line_num}", row[index], result
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
    path: Path, unspinner: Unspinner, column: str, out: Optional[BinaryIO]
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
            for i, value in enumerate(values):
                if value is not None:
                    result = unspinner.analyze(value)
                    yield f"{row + i + 1}", value, result
                    values[i] = result.text
            row += batch.num_rows
            if writer:
                index = schema.names.index(column)
                columns = [pa.array(values, type=schema.field(column).type) if j == index else batch.column(j) for j in range(batch.num_columns)]
                writer.write_batch(pa.RecordBatch.from_arrays(columns, schema=schema))
    finally:
        if writer:
            writer.close()
