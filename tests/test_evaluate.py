"""`unspin eval`: word error before and after, precision and recall of changes,
false edits per 10,000 words on clean text."""

import json
import textwrap

import pytest

from unspin import Change, Unspinner
from unspin.cli import main
from unspin.evaluate import evaluate, judge, parallel_pairs, pieces, score_clean, score_parallel

LEXICON = """\
    name: user
    entries:
      - id: user.law.regulation
        spun: regulation
        canonical: law
        examples: [{spun: regulation enforcement, fixed: law enforcement}]
      - id: user.big.large
        spun: large
        canonical: big
        examples: [{spun: a large dog, fixed: a big dog}]
    """


@pytest.fixture
def unspinner(tmp_path):
    path = tmp_path / "user.yaml"
    path.write_text(textwrap.dedent(LEXICON), encoding="utf-8")
    return Unspinner(extra_lexicons=[str(path)], include=())


def change(text, before, after):
    start = text.index(before)
    return Change(start, start + len(before), before, after, "test", "safe", "test")


def test_a_change_is_right_when_alone_it_lowers_word_errors():
    text, reference = "the regulation enforcement mentioned it", "the law enforcement said it"
    changes = [change(text, "regulation", "law"), change(text, "the", "a"), change(text, "mentioned", "stated")]
    # Right: closer to the reference.  Wrong: further away, or no closer.
    assert judge(text, reference, changes) == [True, False, False]


def test_parallel_scores(unspinner):
    text = "A large regulation enforcement large house. The large dog."
    reference = "A big law enforcement house. The large dog."
    score = score_parallel(unspinner, "t", text, reference)
    # 4 changes: large→big (right), regulation→law (right), the second large
    # (the reference deletes it: big for large is no closer) and the last large (wrong).
    assert (score.changes, score.right) == (4, 2)
    assert (score.errors_before, score.errors_after, score.errors_after_right_only) == (3, 2, 1)
    assert score.precision == 0.5
    assert score.recall == pytest.approx(2 / 3)
    assert [w["before"] for w in score.wrong_changes] == ["large", "large"]


def test_no_errors_and_no_changes_score_as_perfect(unspinner):
    score = score_parallel(unspinner, "t", "A house.", "A house.")
    assert (score.precision, score.recall, score.errors_before) == (1.0, 1.0, 0)


def test_false_edits_per_10k_words(unspinner):
    score = score_clean(unspinner, "c", "word " * 9998 + "large regulation")
    assert (score.words, score.false_edits, score.per_10k_words) == (10000, 2, 2.0)


def test_clean_text_is_judged_in_pieces_of_lines():
    # Each piece is its own document: the spin evidence of the second line
    # lets the contextual "mentioned" of the first change only when both are one.
    text = "Lucero mentioned the agency will act.\nDenver regulation enforcement and the Lawyer Common met.\n"
    assert score_clean(Unspinner(), "c", text, piece_lines=1).false_edits == 2
    assert score_clean(Unspinner(), "c", text, piece_lines=0).false_edits == 3
    assert pieces(text, 1) == text.splitlines(keepends=True)
    assert pieces(text, 0) == [text]


def test_parallel_folders_pair_files_by_name(tmp_path):
    for name in ("spun.txt", "reference.txt", "ap-1.spun.txt", "ap-1.reference.txt", "lonely.spun.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [(s.name, r.name) for s, r in parallel_pairs(tmp_path)] == [
        ("ap-1.spun.txt", "ap-1.reference.txt"),
        ("spun.txt", "reference.txt"),
    ]


def test_report_totals(unspinner, tmp_path):
    (tmp_path / "spun.txt").write_text("A large house.", encoding="utf-8")
    (tmp_path / "reference.txt").write_text("A big house.", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("A large house. " * 10, encoding="utf-8")
    report = evaluate(unspinner, parallel_pairs(tmp_path), [tmp_path / "clean.txt"])
    totals = report.to_dict()["totals"]
    assert totals["error_rate_before"] == pytest.approx(1 / 3, abs=1e-4) and totals["error_rate_after"] == 0
    assert (totals["precision"], totals["recall"]) == (1.0, 1.0)
    assert (totals["clean_words"], totals["false_edits"], totals["false_edits_per_10k_words"]) == (30, 10, 3333.333)


def test_cli_text_and_json(tmp_path, capsys):
    spun, reference = tmp_path / "a.spun.txt", tmp_path / "a.reference.txt"
    spun.write_text("Denver regulation enforcement.", encoding="utf-8")
    reference.write_text("Denver law enforcement.", encoding="utf-8")
    lexicon = tmp_path / "user.yaml"
    lexicon.write_text(textwrap.dedent(LEXICON), encoding="utf-8")
    args = ["eval", "--include", "news-attribution", "--lexicon", str(lexicon), "--pair", str(spun), str(reference)]
    assert main(args + ["--clean", str(spun)]) == 0
    out = capsys.readouterr().out
    assert "word error 33.33% → 0.00% (1 → 0 errors, 3 reference words); 1 changes, precision 100.0%, recall 100.0%" in out
    assert "clean total: 1 false edits in 3 words" in out
    assert main(args + ["--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["parallel"][0]["errors_before"] == 1 and data["totals"]["recall"] == 1.0


def test_cli_errors(tmp_path, capsys):
    assert main(["eval"]) == 2
    assert "needs --pair, --parallel or --clean" in capsys.readouterr().err
    assert main(["eval", "--pair", str(tmp_path / "nope.txt"), str(tmp_path / "ref.txt")]) == 2
    assert "nope.txt: cannot read" in capsys.readouterr().err
    assert main(["eval", "--parallel", str(tmp_path)]) == 2
    assert "no spun file with a reference" in capsys.readouterr().err


def test_a_change_of_punctuation_only_is_judged_by_its_characters():
    text, reference = "law agencies– he said", "law agencies— he said"
    right = change(text, "–", "—")
    wrong = Change(text.index(" he"), text.index(" he"), "", ",", "test", "safe", "test")
    assert judge(text, reference, [right, wrong]) == [True, False]
