"""The HTML report: every change marked and explained, counts by rule, everything escaped."""

import html
import re
import shutil
import subprocess

import pytest

from unspin import Unspinner
from unspin.cli import main
from unspin.report import Document, counts_by_rule, render

LEXICON = """\
name: report-test
entries:
  - id: test.law-enforcement.quux-enforcement
    spun: quux enforcement
    canonical: law enforcement
    note: test
  - id: test.script.scrip
    spun: <b>bold</b>
    canonical: '"quoted" & <i>'
    note: markup in a rule must be shown, never run
"""

TEXT = 'Denver quux enforcement & <script>alert("x")</script> met <b>bold</b>; quux\nenforcement again.'


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "report-test.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return path


@pytest.fixture
def document(lexicon):
    result = Unspinner(extra_lexicons=[str(lexicon)], assume_spun=True).analyze(TEXT)
    return Document("a <file>.txt", TEXT, result)


def test_each_change_is_struck_through_and_replaced_with_its_rule_and_reason(document):
    page = render([document])
    marked = re.findall(r'<span class="change" tabindex="0" title="([^"]*)"><del>(.*?)</del><ins>(.*?)</ins>', page, re.S)
    changes = document.result.changes
    assert len(changes) == 3
    assert [(html.unescape(b), html.unescape(a)) for _, b, a in marked] == [(c.before, c.after) for c in changes]
    for (title, _, _), change in zip(marked, changes):
        assert change.rule in html.unescape(title) and change.reason in html.unescape(title)


def test_text_between_changes_is_kept_whole_and_escaped(document):
    page = render([document])
    body = re.search(r'<div class="text">(.*)</div></section>', page, re.S).group(1)
    shown = re.sub(r'<span class="why"[^>]*>.*?</span></span>', "", body)
    shown = re.sub(r"<del>.*?</del>", "", shown, flags=re.S)
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == document.result.text
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "a &lt;file&gt;.txt" in page and "<b>bold</b>" not in page


def test_counts_by_rule_and_spin_score_are_shown(document):
    assert counts_by_rule(document.result.changes) == [
        ("test.law-enforcement.quux-enforcement", "safe", 2),
        ("test.script.scrip", "safe", 1),
    ]
    page = render([document])
    assert re.search(r"<code>test\.law-enforcement\.quux-enforcement</code></td><td>safe</td><td class=\"count\">2<", page)
    assert f"spin score <b>{document.result.evidence.density:.1f}</b>" in page


def test_page_is_self_contained(document):
    page = render([document, document])
    # Links only within the page; nothing loaded from anywhere.
    assert not re.search(r"\bsrc=|href=\"(?!#)|url\(|@import|https?:", page)
    assert 'href="#document-2"' in page and 'id="document-2"' in page
    assert "All 2 documents: 6 changes" in page


def test_cli_writes_the_report_file(tmp_path, lexicon):
    source = tmp_path / "spun.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "report.html"
    status = main(["report", str(source), "--lexicon", str(lexicon), "--assume-spun", "-o", str(out)])
    assert status == 0
    assert out.read_text(encoding="utf-8").count('class="change"') == 3
    assert source.read_text(encoding="utf-8") == TEXT


def test_cli_reports_unreadable_input_and_still_writes_the_others(tmp_path, lexicon, capsys):
    source = tmp_path / "spun.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "report.html"
    status = main(["report", str(tmp_path / "missing.txt"), str(source), "--lexicon", str(lexicon), "-o", str(out)])
    assert status == 2
    assert "missing.txt: cannot read" in capsys.readouterr().err
    assert "spun.txt" in out.read_text(encoding="utf-8")


CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_a_real_browser_parses_every_change_and_renders_the_page(document, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render([document]), encoding="utf-8")
    browser = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,700"]
    dom = subprocess.run([*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    # The browser's own parse: as many struck-through spans as changes, and no script element.
    assert dom.count("<del>") == len(document.result.changes)
    assert "<script" not in dom
    shot = tmp_path / "report.png"
    subprocess.run([*browser, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
