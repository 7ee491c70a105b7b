import json
import subprocess
import sys

from unspin.cli import main

SPUN = "Denver regulation enforcement and the Lawyer Common agreed.\n"
FIXED = "Denver law enforcement and the Attorney General agreed.\n"


def run(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "unspin", *args], input=stdin.encode(), capture_output=True, timeout=60
    )


def test_fix_prints_repaired_text_from_stdin():
    result = run("fix", stdin=SPUN)
    assert result.returncode == 0
    assert result.stdout.decode() == FIXED


def test_check_lists_changes_and_exits_1(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("x\n" + SPUN, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}:2:8: regulation enforcement → law enforcement [news.law-enforcement.regulation-enforcement]"
    assert out[1] == f"{path}:2:39: Lawyer Common → Attorney General [news.attorney-general.lawyer-common]"
    assert "spin density" in out[2]


def test_check_exits_0_on_clean_text(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("Nothing to see here.\n", encoding="utf-8")
    assert main(["check", str(path)]) == 0


def test_check_json_output(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    assert main(["check", "--format", "json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["path"] == str(path)
    assert [c["after"] for c in report["changes"]] == ["law enforcement", "Attorney General"]
    assert report["changes"][0]["line"] == 1 and report["changes"][0]["column"] == 8
    assert report["spun"] is True


def test_fix_write_rewrites_in_place_and_keeps_crlf_and_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SPUN.replace("\n", "\r\n").encode())
    assert main(["fix", "-w", str(path)]) == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()


def test_fix_diff_exits_1_and_leaves_file(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    assert main(["fix", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "-Denver regulation enforcement" in out and "+Denver law enforcement" in out
    assert path.read_text(encoding="utf-8") == SPUN


def test_unreadable_file_is_an_error_but_others_are_processed(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(SPUN, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff\xfe bytes")
    assert main(["fix", "-w", str(bad), str(good)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: not valid utf-8 at byte 3" in err
    assert good.read_text(encoding="utf-8") == FIXED
    assert bad.read_bytes() == b"ok \xff\xfe bytes"


def test_missing_file_is_an_error(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_broken_user_lexicon_is_an_error(tmp_path, capsys):
    lexicon = tmp_path / "bad.yaml"
    lexicon.write_text("name: x\nentries: [\n", encoding="utf-8")
    assert main(["check", "--lexicon", str(lexicon), str(lexicon)]) == 2
    assert f"{lexicon}:3" in capsys.readouterr().err


def test_console_entry_point_via_module():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.decode().startswith("unspin ")
