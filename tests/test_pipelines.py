"""Unspinner works unchanged in multiprocessing, datasets.map and a real Dask cluster."""

import multiprocessing

import pytest

from unspin import Unspinner

LEXICON = """\
name: pipeline-test
entries:
  - id: test.law-enforcement.quux-enforcement
    spun: quux enforcement
    canonical: law enforcement
    note: test
  - id: test.artificial-intelligence.counterfeit-quuxness
    spun: counterfeit quuxness
    canonical: artificial intelligence
    note: test
"""

TEXTS = [
    "Denver quux enforcement studied counterfeit quuxness.",
    "Nothing spun here.",
    "Quux Enforcement\nagencies and quux enforcement.",
    "",
]


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory):
    path = tmp_path_factory.mktemp("lexicon") / "pipeline-test.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def unspinner(lexicon):
    return Unspinner(extra_lexicons=[lexicon])


@pytest.fixture(scope="module")
def expected(unspinner):
    repaired = [unspinner.repair(text) for text in TEXTS]
    assert repaired[0] == "Denver law enforcement studied artificial intelligence."
    return repaired


def test_multiprocessing_pool_with_spawned_workers(unspinner, expected):
    # spawn: the workers share nothing with this process but the pickled Unspinner.
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(unspinner.repair, TEXTS) == expected


def test_datasets_map(unspinner, expected, monkeypatch, tmp_path):
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    rows = datasets.Dataset.from_dict({"text": TEXTS})
    fixed = rows.map(lambda row: {"text": unspinner.repair(row["text"])}, num_proc=2)
    assert fixed["text"] == expected
    batched = rows.map(lambda batch: {"text": [unspinner.repair(t) for t in batch["text"]]}, batched=True)
    assert batched["text"] == expected


@pytest.fixture(scope="module")
def cluster_client():
    pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            yield client


def test_dask_bag_on_a_local_cluster(cluster_client, unspinner, expected):
    import dask.bag as db

    from unspin.dask import explain_bag, repair_bag

    bag = db.from_sequence(TEXTS, npartitions=2)
    assert repair_bag(bag, unspinner).compute() == expected
    records = explain_bag(bag, unspinner)
    rules = dict(records.pluck("changes").flatten().pluck("rule").frequencies().compute())
    assert rules == {
        "test.law-enforcement.quux-enforcement": 3,
        "test.artificial-intelligence.counterfeit-quuxness": 1,
    }
    assert records.pluck("text").compute() == expected


def test_dask_dataframe_column_on_a_local_cluster(cluster_client, lexicon, expected):
    import dask.dataframe as dd
    import pandas as pd

    from unspin.dask import repair_column

    frame = dd.from_pandas(pd.DataFrame({"id": range(5), "body": TEXTS + [None]}), npartitions=2)
    fixed = repair_column(frame, "body", into="fixed", changes_into="changes", extra_lexicons=[lexicon]).compute()
    assert list(fixed["fixed"][:4]) == expected and pd.isna(fixed["fixed"][4])
    assert list(fixed["changes"]) == [2, 0, 2, 0, 0]
    assert list(fixed["body"][:4]) == TEXTS
    in_place = repair_column(frame, "body", extra_lexicons=[lexicon]).compute()
    assert list(in_place["body"][:4]) == expected


def test_dask_column_refuses_values_that_are_not_text(lexicon):
    dask = pytest.importorskip("dask")
    import dask.dataframe as dd
    import pandas as pd

    from unspin.dask import repair_column

    # Dask would otherwise turn the object column into strings ("3") itself.
    with dask.config.set({"dataframe.convert-string": False}):
        frame = dd.from_pandas(pd.DataFrame({"body": pd.Series(["fine", 3], dtype=object)}), npartitions=1)
    with pytest.raises(TypeError, match="column 'body' holds a int"):
        repair_column(frame, "body", extra_lexicons=[lexicon]).compute(scheduler="sync")
    with pytest.raises(KeyError, match="no column 'text'"):
        repair_column(frame, "text", extra_lexicons=[lexicon])
