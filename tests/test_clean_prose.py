"""False edits on clean prose stay under the target at the default level (inference included)."""

from conftest import CORPORA

from unspin import Unspinner
from unspin.evidence import count_words
from unspin.score import words

# The project's target: at most 0.5 edited words per 10,000 words of clean prose.
MAX_EDITED_PER_10K = 0.5


def test_default_level_barely_touches_clean_prose():
    unspinner = Unspinner()
    total = edited = 0
    changes = []
    for path in sorted((CORPORA / "clean").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        total += count_words(text)
        for change in unspinner.scan(text):
            edited += len(words(change.before))
            changes.append((path.name, change.before, change.after, change.rule))
    assert total > 100_000
    assert 10_000 * edited / total <= MAX_EDITED_PER_10K, changes
