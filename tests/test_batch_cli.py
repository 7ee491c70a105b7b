"""The batch command line: folders, writes, data files, configuration, and every error path.

Each test runs `python -m unspin` in a fresh folder whose unspin.toml selects
the test lexicon only, so built-in lexicons can change without touching these.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "tests" / "data" / "batch-lexicon.yaml"

SPUN = "The regulation enforcement came.\n\"Yes,\" mentioned Lee. profound learning here.\n"
FIXED = "The law enforcement came.\n\"Yes,\" said Lee. deep learning here.\n"
CLEAN = "Nothing to see here.\n"


def unspin(folder, *args, stdin=b""):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "unspin", *map(str, args)], cwd=folder, input=stdin, capture_output=True, env=env
    )
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


@pytest.fixture
def work(tmp_path):
    (tmp_path / "unspin.toml").write_text(f"include = []\nlexicon = [{json.dumps(str(LEXICON))}]\n")
    return tmp_path


def tree(root, files):
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root


# Folders and globs --------------------------------------------------------------


def test_check_walks_folder_with_default_text_files(work):
    tree(work, {"d/a.txt": SPUN, "d/sub/b.md": SPUN, "d/c.py": SPUN, "d/.hidden/e.txt": SPUN, "d/f.txt": CLEAN})
    code, out, err = unspin(work, "check", "d")
    assert code == 1
    assert "d/a.txt:1:5: regulation enforcement → law enforcement [test.law-enforcement]" in out
    assert "d/sub/b.md:2:8: mentioned → said [test.said]" in out
    assert "c.py" not in out and ".hidden" not in out
    assert "unspin: 3 files, 2 changed, 0 with errors, 0 skipped; " in err


def test_include_and_exclude_globs(work):
    tree(work, {"d/a.txt": SPUN, "d/c.py": SPUN, "d/sub/b.txt": SPUN})
    code, out, _ = unspin(work, "check", "d", "--include-files", "*.py", "--include-files", "*.txt", "--exclude-files", "sub/*")
    assert code == 1
    assert "d/c.py:1" in out and "d/a.txt:1" in out and "b.txt" not in out


def test_clean_tree_exits_0_and_writes_nothing(work):
    tree(work, {"d/a.txt": CLEAN})
    before = os.stat(work / "d/a.txt")
    assert unspin(work, "check", "d")[0] == 0
    code, _, err = unspin(work, "fix", "-w", "d")
    assert code == 0
    after = os.stat(work / "d/a.txt")
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)
    assert not [p for p in (work / "d").iterdir() if p.name.endswith(".unspin-tmp")]


# Writing ------------------------------------------------------------------------


def test_fix_write_in_place_keeps_mode_bom_and_crlf(work):
    content = "\ufeff" + SPUN.replace("\n", "\r\n")
    tree(work, {"d/a.txt": content.encode("utf-8"), "d/b.txt": CLEAN})
    os.chmod(work / "d/a.txt", 0o640)
    code, out, err = unspin(work, "fix", "-w", "d")
    assert (code, out) == (0, "")
    assert (work / "d/a.txt").read_bytes() == ("\ufeff" + FIXED.replace("\n", "\r\n")).encode("utf-8")
    assert os.stat(work / "d/a.txt").st_mode & 0o777 == 0o640
    assert "unspin: 2 files, 1 changed, 1 written, 0 with errors, 0 skipped;" in err


def test_out_dir_mirrors_the_tree_and_leaves_sources(work):
    tree(work, {"d/a.txt": SPUN, "d/sub/b.txt": CLEAN})
    code, _, _ = unspin(work, "fix", "d", "--out-dir", "out")
    assert code == 0
    assert (work / "out/a.txt").read_text() == FIXED
    assert (work / "out/sub/b.txt").read_text() == CLEAN
    assert (work / "d/a.txt").read_text() == SPUN


def test_out_dir_inside_the_tree_is_not_walked_again(work):
    tree(work, {"d/a.txt": SPUN})
    assert unspin(work, "fix", "d", "--out-dir", "d/out")[0] == 0
    assert unspin(work, "fix", "d", "--out-dir", "d/out")[0] == 0
    assert not (work / "d/out/out").exists()


def test_read_only_file_is_reported_not_written(work):
    tree(work, {"d/a.txt": SPUN, "d/b.txt": SPUN})
    os.chmod(work / "d/a.txt", 0o444)
    code, _, err = unspin(work, "fix", "-w", "d")
    assert code == 2
    assert "unspin: error: d/a.txt: read-only file, 3 changes not written" in err
    assert "unspin: 2 files, 2 changed, 1 written, 1 with errors, 0 skipped;" in err
    assert (work / "d/a.txt").read_text() == SPUN
    assert (work / "d/b.txt").read_text() == FIXED


def test_symlink_out_of_tree_is_not_followed(work, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text(SPUN)
    tree(work, {"d/a.txt": SPUN})
    (work / "d/link.txt").symlink_to(outside)
    (work / "d/inner.txt").symlink_to(work / "d/a.txt")
    code, _, err = unspin(work, "fix", "-w", "d")
    assert code == 0
    assert "unspin: d/link.txt: symbolic link out of d, not followed" in err
    assert outside.read_text() == SPUN
    assert (work / "d/a.txt").read_text() == FIXED
    assert (work / "d/inner.txt").is_symlink(), "a link inside the tree is written through, not replaced"


def test_stdin_goes_to_stdout_even_with_write(work):
    code, out, err = unspin(work, "fix", "-w", stdin=SPUN.encode())
    assert (code, out, err) == (0, FIXED, "")


# Encodings and hostile bytes ------------------------------------------------------


def test_invalid_utf8_names_file_and_offset_and_others_still_run(work):
    tree(work, {"d/a.txt": b"ok \xff regulation enforcement\n", "d/b.txt": SPUN})
    code, _, err = unspin(work, "fix", "-w", "d")
    assert code == 2
    assert "unspin: error: d/a.txt: not valid utf-8 at byte 3 (invalid start byte)" in err
    assert (work / "d/a.txt").read_bytes() == b"ok \xff regulation enforcement\n"
    assert (work / "d/b.txt").read_text() == FIXED


def test_surrogateescape_keeps_undecodable_bytes_when_writing(work):
    tree(work, {"a.txt": b"ok \xff\xfe regulation enforcement \x80\n"})
    code, _, _ = unspin(work, "fix", "-w", "--errors", "surrogateescape", "a.txt")
    assert code == 0
    assert (work / "a.txt").read_bytes() == b"ok \xff\xfe law enforcement \x80\n"


@pytest.mark.parametrize("where", [["-w"], ["--out-dir", "out"]])
def test_errors_replace_is_refused_when_writing(work, where):
    tree(work, {"a.txt": b"ok \xff regulation enforcement\n"})
    code, _, err = unspin(work, "fix", "--errors", "replace", *where, "a.txt")
    assert code == 2
    assert "--errors replace would write U+FFFD over undecodable bytes" in err
    assert (work / "a.txt").read_bytes() == b"ok \xff regulation enforcement\n"


def test_errors_replace_may_read_and_report(work):
    tree(work, {"a.txt": b"ok \xff regulation enforcement\n"})
    code, out, _ = unspin(work, "check", "--errors", "replace", "a.txt")
    assert code == 1 and "a.txt:1:6: regulation enforcement" in out


def test_other_encoding_is_written_back_in_it(work):
    tree(work, {"a.txt": "Café regulation enforcement\n".encode("latin-1")})
    assert unspin(work, "fix", "-w", "--encoding", "latin-1", "a.txt")[0] == 0
    assert (work / "a.txt").read_bytes() == "Café law enforcement\n".encode("latin-1")


def test_unknown_encoding(work):
    tree(work, {"a.txt": SPUN})
    code, _, err = unspin(work, "check", "--encoding", "no-such-codec", "a.txt")
    assert code == 2 and "unspin: error: a.txt: unknown encoding 'no-such-codec'" in err


def test_binary_file_skipped_with_message(work):
    tree(work, {"a.txt": b"PK\x03\x04\x00\x00regulation enforcement", "b.txt": CLEAN, "c.txt": b"\xef\xbb\xbfab\x00"})
    code, _, err = unspin(work, "check", "a.txt", "b.txt", "c.txt")
    assert code == 0
    assert "unspin: a.txt: binary file (NUL byte at byte 4), skipped" in err
    assert "unspin: c.txt: binary file (NUL byte at byte 5), skipped" in err


def test_missing_file_is_an_error_others_still_run(work):
    tree(work, {"b.txt": SPUN})
    code, out, err = unspin(work, "check", "nope.txt", "b.txt")
    assert code == 2
    assert "unspin: error: nope.txt: cannot read: No such file or directory" in err
    assert "b.txt:1:5" in out
    code, _, err = unspin(work, "fix", "-w", "nope.txt", "b.txt")
    assert code == 2
    assert "unspin: error: nope.txt: cannot read: No such file or directory" in err
    assert (work / "b.txt").read_text() == FIXED


def test_empty_file_and_control_characters(work):
    tree(work, {"e.txt": b"", "c.txt": "\x01\x1b[0m regulation enforcement\x7f\u200f\n".encode()})
    code, _, _ = unspin(work, "fix", "-w", "e.txt", "c.txt")
    assert code == 0
    assert (work / "e.txt").read_bytes() == b""
    assert (work / "c.txt").read_text() == "\x01\x1b[0m law enforcement\x7f\u200f\n"


def test_cr_only_newlines_kept(work):
    tree(work, {"a.txt": b"one regulation\renforcement\rtwo\r"})
    assert unspin(work, "fix", "-w", "a.txt")[0] == 0
    assert (work / "a.txt").read_bytes() == b"one law\renforcement\rtwo\r"


# Data files ------------------------------------------------------------------------


def test_jsonl_field_repaired_other_lines_kept_byte_for_byte(work):
    lines = [
        '{"id": 1, "text": "The regulation enforcement came."}\r\n',
        '{"id":2,"text":"untouched  spacing"}\n',
        '{"id": 3, "meta": {"body": "profound learning"}}\n',
        "\n",
    ]
    tree(work, {"d/a.jsonl": "".join(lines)})
    code, out, _ = unspin(work, "check", "--field", "text", "d")
    assert code == 1 and "d/a.jsonl:1: text: regulation enforcement → law enforcement [test.law-enforcement]" in out
    assert unspin(work, "fix", "-w", "--field", "text", "d")[0] == 0
    written = (work / "d/a.jsonl").read_bytes().decode().splitlines(keepends=True)
    assert json.loads(written[0])["text"] == "The law enforcement came." and written[0].endswith("\r\n")
    assert written[1:] == lines[1:]
    assert unspin(work, "fix", "-w", "--field", "meta.body", "d/a.jsonl")[0] == 0
    assert json.loads((work / "d/a.jsonl").read_text().splitlines()[2])["meta"]["body"] == "deep learning"


def test_one_data_file_shares_its_records_among_jobs_with_the_same_result(work):
    # More records than one batch, so that several batches go to the workers and come back in order.
    texts = [SPUN.replace("Lee", f"Lee {i}") if i % 3 else CLEAN for i in range(2100)]
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    rows = "id,text\n" + "".join(f'{i},"{t}"\n' for i, t in enumerate(texts))
    tree(work, {"one.jsonl": lines, "two.jsonl": lines, "one.csv": rows, "two.csv": rows})
    for name, option in (("jsonl", "--field"), ("csv", "--column")):
        checked = [unspin(work, "check", option, "text", "--jobs", jobs, f"one.{name}") for jobs in (1, 2)]
        assert checked[0] == checked[1] and checked[0][0] == 1
        assert unspin(work, "fix", "-w", option, "text", "--jobs", "1", f"one.{name}")[0] == 0
        assert unspin(work, "fix", "-w", option, "text", "--jobs", "2", f"two.{name}")[0] == 0
        assert (work / f"one.{name}").read_bytes() == (work / f"two.{name}").read_bytes()
    repaired = [json.loads(line)["text"] for line in (work / "two.jsonl").read_text().splitlines()]
    assert repaired == [FIXED.replace("Lee", f"Lee {i}") if i % 3 else CLEAN for i in range(2100)]


def test_jsonl_errors(work):
    tree(work, {"a.jsonl": '{"text": "ok"}\n{"text": broken\n', "b.jsonl": '{"text": "x"}\n'})
    tree(work, {"c.jsonl": '{"text": "The regulation enforcement came."}\n{"text": broken\n'})
    code, out, err = unspin(work, "check", "--field", "text", "c.jsonl")
    assert code == 2 and "c.jsonl:1: text: regulation enforcement → law enforcement" in out and "c.jsonl:2: invalid JSON" in err
    code, _, err = unspin(work, "fix", "-w", "--field", "text", "a.jsonl")
    assert code == 2 and "unspin: error: a.jsonl:2: invalid JSON at column 10: Expecting value" in err
    code, _, err = unspin(work, "check", "b.jsonl")
    assert code == 2 and "unspin: error: b.jsonl: a JSON Lines file needs --field NAME" in err


def test_csv_column(work):
    tree(work, {"a.csv": 'id,text\r\n1,"The regulation enforcement, then"\r\n2,clean\r\n'})
    code, out, _ = unspin(work, "check", "--column", "text", "a.csv")
    assert code == 1 and "a.csv:2: text: regulation enforcement → law enforcement" in out
    assert unspin(work, "fix", "-w", "--column", "text", "a.csv")[0] == 0
    assert (work / "a.csv").read_bytes().decode() == 'id,text\r\n1,"The law enforcement, then"\r\n2,clean\r\n'
    code, _, err = unspin(work, "check", "--column", "body", "a.csv")
    assert code == 2 and "unspin: error: a.csv: no column 'body' (columns: id, text)" in err


def test_csv_field_of_a_whole_document(work):
    body = "word " * 60_000 + "regulation enforcement"
    tree(work, {"a.csv": f'id,text\n1,"{body}"\n'})
    assert unspin(work, "fix", "-w", "--column", "text", "a.csv")[0] == 0
    assert (work / "a.csv").read_text().endswith("law enforcement\n")  # quoting becomes minimal


def test_parquet_column(work):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": [1, 2, 3], "text": ["The regulation enforcement came.", None, "clean"]})
    pq.write_table(table, work / "a.parquet", row_group_size=2)
    code, out, _ = unspin(work, "check", "--column", "text", "a.parquet")
    assert code == 1 and "a.parquet:1: text: regulation enforcement → law enforcement" in out
    assert unspin(work, "fix", "-w", "--column", "text", "a.parquet")[0] == 0
    assert pq.read_table(work / "a.parquet").to_pydict() == {
        "id": [1, 2, 3],
        "text": ["The law enforcement came.", None, "clean"],
    }
    code, _, err = unspin(work, "check", "--column", "id", "a.parquet")
    assert code == 2 and "unspin: error: a.parquet: column 'id' holds int64, not text" in err


# Jobs, output formats, summary ---------------------------------------------------------


def test_jobs_give_the_same_output_in_order(work):
    tree(work, {f"d/{i:02}.txt": SPUN if i % 3 else CLEAN for i in range(12)})
    one = unspin(work, "check", "d", "--jobs", "1")
    two = unspin(work, "check", "d", "--jobs", "2")
    assert one == two and one[0] == 1


def test_json_format(work):
    tree(work, {"a.txt": SPUN})
    code, out, _ = unspin(work, "check", "--format", "json", "a.txt")
    record = json.loads(out)
    assert code == 1 and record["path"] == "a.txt" and record["spun"] is True
    assert [(c["rule"], c["line"], c["column"]) for c in record["changes"]] == [
        ("test.law-enforcement", 1, 5), ("test.said", 2, 8), ("test.deep-learning", 2, 23)
    ]


def test_summary_counts_a_change_of_two_joined_phrases_once(tmp_path):
    # The built-in lexicons: "Bayesian advancement" and "advancement calculation" overlap
    # and are read as one change (repair.joined()), under the rule that names both.
    tree(tmp_path, {"a.txt": "The Bayesian advancement calculation converged.\n"})
    _, _, err = unspin(tmp_path, "check", "a.txt")
    assert "; 5 words, 1 changes" in err
    assert "       1  ml.bayesian-optimization+ml.optimization-algorithm" in err


def test_summary_counts_rules_and_spin(work):
    tree(work, {"d/a.txt": SPUN, "d/b.txt": CLEAN})
    _, _, err = unspin(work, "check", "d")
    assert "unspin: 2 files, 1 changed, 0 with errors, 0 skipped; 14 words, 3 changes" in err
    assert "       1  test.said" in err
    assert "spin: 1 of 2 documents show spin evidence" in err
    assert unspin(work, "check", "-q", "d")[2] == ""


def test_diff_exits_1(work):
    tree(work, {"a.txt": SPUN})
    code, out, _ = unspin(work, "fix", "--diff", "a.txt")
    assert code == 1
    assert out.startswith("--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n-The regulation")
    assert (work / "a.txt").read_text() == SPUN


# Configuration ----------------------------------------------------------------------------


def test_pyproject_config_found_upward_and_overridden(work):
    (work / "unspin.toml").unlink()
    (work / "pyproject.toml").write_text(
        f'[tool.unspin]\ninclude = []\nlexicon = [{json.dumps(str(LEXICON))}]\nexclude-files = ["skip*"]\nlevel = "safe"\n'
    )
    tree(work, {"d/sub/a.txt": SPUN, "d/sub/skip.txt": SPUN})
    code, out, _ = unspin(work / "d" / "sub", "check", ".")
    assert code == 1 and "mentioned" not in out and "skip.txt" not in out
    code, out, _ = unspin(work / "d" / "sub", "check", ".", "--level", "contextual")
    assert "mentioned → said" in out


def test_config_errors(work):
    (work / "unspin.toml").write_text("level = 3\n")
    code, _, err = unspin(work, "check", "-")
    assert code == 2 and "unspin.toml: key 'level' must be str, not 3" in err
    (work / "unspin.toml").write_text("colour = 'blue'\n")
    code, _, err = unspin(work, "check", "-")
    assert code == 2 and "unspin.toml: unknown key 'colour'" in err
    (work / "unspin.toml").write_text("level = \n")
    code, _, err = unspin(work, "check", "-")
    assert code == 2 and "unspin.toml: invalid TOML" in err
    assert unspin(work, "check", "--no-config", "-")[0] == 0


def test_usage_errors(work):
    code, _, err = unspin(work, "fix", "-w", "--out-dir", "o", "x.txt")
    assert code == 2 and "unspin: error: -w and --out-dir exclude each other" in err
    code, _, err = unspin(work, "check", "--jobs", "0", "x.txt")
    assert code == 2 and "unspin: error: --jobs must be at least 1" in err
    code, _, err = unspin(work, "check", "--lexicon", "missing.yaml", "x.txt")
    assert code == 2 and "missing.yaml" in err


def test_unicode_offsets_and_case_changing_characters(work):
    text = "İstanbul ﬁne straße 🙂 שלום e\u0301 Regulation Enforcement, \u202eREGULATION ENFORCEMENT\n"
    tree(work, {"a.txt": text})
    code, out, _ = unspin(work, "check", "a.txt")
    assert code == 1
    column = text.index("Regulation") + 1
    assert f"a.txt:1:{column}: Regulation Enforcement → Law Enforcement" in out
    assert unspin(work, "fix", "-w", "a.txt")[0] == 0
    assert (work / "a.txt").read_text() == text.replace("Regulation Enforcement", "Law Enforcement").replace(
        "REGULATION ENFORCEMENT", "LAW ENFORCEMENT"
    )


def test_nul_past_the_binary_sniff_is_text(work):
    content = "x" * 9000 + "\x00 regulation enforcement\n"
    tree(work, {"a.txt": content})
    assert unspin(work, "fix", "-w", "a.txt")[0] == 0
    assert (work / "a.txt").read_text() == content.replace("regulation", "law")


def test_unwritable_output_is_an_error_others_still_written(work):
    tree(work, {"d/a/x.txt": SPUN, "d/b.txt": SPUN, "out/a": "a file where a folder must go"})
    code, _, err = unspin(work, "fix", "d", "--out-dir", "out")
    assert code == 2
    assert "unspin: error: d/a/x.txt: cannot write out/a/x.txt: File exists (out/a)" in err
    assert (work / "out/b.txt").read_text() == FIXED


def test_data_file_error_paths(work):
    tree(work, {
        "bom.jsonl": b'\xef\xbb\xbf{"text": "x"}\n',
        "bytes.jsonl": b'{"text": "ok"}\n{"text": "\xff"}\n',
        "bytes.csv": b"text\nok\n\xff\n",
        "rows.csv": "text\nregulation enforcement\n",
        "broken.parquet": b"PAR1 not really parquet",
    })
    cases = [
        (["--field", "text", "bom.jsonl"], "bom.jsonl:1: JSON Lines must not start with a byte-order mark"),
        (["--field", "text", "bytes.jsonl"], "bytes.jsonl:2: not valid utf-8 at byte 10 of the line (invalid start byte)"),
        (["--column", "text", "bytes.csv"], "bytes.csv: not valid utf-8 (invalid start byte); use --encoding or --errors surrogateescape"),
        (["rows.csv"], "rows.csv: a CSV file needs --column NAME"),
        (["--column", "text", "broken.parquet"], "broken.parquet: cannot read Parquet: "),
    ]
    for args, message in cases:
        code, _, err = unspin(work, "check", *args)
        assert code == 2 and f"unspin: error: {message}" in err, (args, err)


def test_parquet_without_pyarrow_says_how_to_get_it(tmp_path, monkeypatch):
    from unspin import Unspinner, records

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(records.InputError, match=r"x.parquet: reading Parquet needs pyarrow: pip install 'unspin\[parquet\]'"):
        list(records.repair_parquet(tmp_path / "x.parquet", Unspinner(include=()), "text", None))


def test_symlinked_folder_is_not_followed(work):
    tree(work, {"d/a.txt": CLEAN, "elsewhere/b.txt": SPUN})
    (work / "d/linked").symlink_to(work / "elsewhere", target_is_directory=True)
    code, out, err = unspin(work, "check", "d")
    assert code == 0 and out == ""
    assert "unspin: d/linked: symbolic link to a folder, not followed" in err


def test_pyproject_unspin_settings_must_be_a_table(work):
    (work / "unspin.toml").unlink()
    (work / "pyproject.toml").write_text("[tool]\nunspin = 3\n")
    code, _, err = unspin(work, "check", "-")
    assert code == 2 and "pyproject.toml: the unspin settings must be a table" in err


def test_report_reads_a_folder_like_the_other_commands(work):
    tree(work, {"d/a.txt": SPUN, "d/b.txt": b"\x00binary", "d/c.py": SPUN})
    code, _, err = unspin(work, "report", "d", "-o", "r.html")
    page = (work / "r.html").read_text()
    assert code == 0 and "d/a.txt" in page and "c.py" not in page
    assert "unspin: d/b.txt: binary file (NUL byte at byte 0), skipped" in err
