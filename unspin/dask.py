"""Dask: repair a bag of texts, or a text column of a dataframe, on any Dask scheduler.

Needs the optional extra: `pip install 'unspin[dask]'`.  Nothing here is
computed until Dask computes it.  The Unspinner travels to the workers pickled
as its Config alone, and each worker process compiles the lexicons once.

    import dask.bag as db
    from unspin.dask import explain_bag, repair_bag, repair_column

    repaired = repair_bag(db.read_text("articles/*.txt", linedelimiter="\\n\\n"))
    frame = repair_column(frame, "body", into="body_fixed", changes_into="body_changes")
"""

from __future__ import annotations

from typing import Optional

import dask.bag
import dask.dataframe
import pandas

from .api import Unspinner


def _text(value, where: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{where} holds a {type(value).__name__}, not text: {value!r:.60}")
    return value


def _explained(result) -> dict:
    """A plain record of one analysed text, for bags and dataframes alike."""
    evidence = result.evidence
    return {
        "text": result.text,
        "changes": [change.to_dict() for change in result.changes],
        "words": evidence.words,
        "spin_density": evidence.density,
        "spun": evidence.spun,
    }


def _chosen(unspinner: Optional[Unspinner], options: dict) -> Unspinner:
    if unspinner is not None and options:
        raise TypeError("pass either an Unspinner or Config options, not both")
    return unspinner if unspinner is not None else Unspinner(**options)


def _repair_element(text, unspinner: Unspinner) -> str:
    return unspinner.repair(_text(text, "a bag element"))


def _explain_element(text, unspinner: Unspinner) -> dict:
    return _explained(unspinner.analyze(_text(text, "a bag element")))


def repair_bag(bag: dask.bag.Bag, unspinner: Optional[Unspinner] = None, **options) -> dask.bag.Bag:
    """A bag of the repaired texts, in the same order.  Options are those of Config."""
    return bag.map(_repair_element, _chosen(unspinner, options))


def explain_bag(bag: dask.bag.Bag, unspinner: Optional[Unspinner] = None, **options) -> dask.bag.Bag:
    """A bag of records: repaired `text`, `changes` (rule, reason, span...), `words`, `spin_density`, `spun`."""
    return bag.map(_explain_element, _chosen(unspinner, options))


def _repair_partition(frame, column: str, into: str, changes_into: Optional[str], unspinner: Unspinner):
    where = f"column {column!r}"
    results = frame[column].map(lambda value: unspinner.analyze(_text(value, where)), na_action="ignore")
    frame = frame.copy()
    frame[into] = results.map(lambda result: result.text, na_action="ignore").astype(frame[column].dtype)
    if changes_into is not None:
        frame[changes_into] = results.map(lambda result: len(result.changes), na_action="ignore").fillna(0).astype("int64")
    return frame


def repair_column(
    frame: dask.dataframe.DataFrame,
    column: str,
    *,
    into: Optional[str] = None,
    changes_into: Optional[str] = None,
    unspinner: Optional[Unspinner] = None,
    **options,
) -> dask.dataframe.DataFrame:
    """The dataframe with `column` repaired (in place, or into a new column `into`).

    Missing values stay missing; any other value that is not text raises a
    TypeError naming the column.  `changes_into` adds a column with the
    number of changes in each row.
    """
    if column not in frame.columns:
        raise KeyError(f"no column {column!r}; the dataframe has {', '.join(map(str, frame.columns))}")
    chosen = _chosen(unspinner, options)
    into = into or column
    meta = frame._meta.copy()
    meta[into] = meta[column]
    if changes_into is not None:
        meta[changes_into] = pandas.Series([], index=meta.index, dtype="int64")
    return frame.map_partitions(_repair_partition, column, into, changes_into, chosen, meta=meta)
