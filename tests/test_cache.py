"""The on-disk cache of validated built-in lexicons (unspin.cache)."""

import pickle

import pytest

from unspin import cache, lexicon
from unspin.lexicon import _load_builtin, builtin_paths, load_file


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("UNSPIN_NO_CACHE", raising=False)
    return tmp_path / "cache"


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_a_second_load_reads_the_pickle(folder, tmp_path):
    source = tmp_path / "words.yaml"
    source.write_text("one")
    build = Builds({"entries": [1, 2]})
    assert cache.remember(source, ("x",), build) == {"entries": [1, 2]}
    assert cache.remember(source, ("x",), build) == {"entries": [1, 2]}
    assert build.calls == 1
    assert len(list(folder.glob("words-*.pickle"))) == 1


def test_changed_bytes_or_dependencies_build_again_and_keep_the_newest_few(folder, tmp_path):
    source = tmp_path / "words.yaml"
    build = Builds("value")
    for version in range(cache.KEPT_VERSIONS + 2):
        source.write_text(f"version {version}")
        cache.remember(source, ("x",), build)
    assert build.calls == cache.KEPT_VERSIONS + 2
    assert len(list(folder.glob("words-*.pickle"))) == cache.KEPT_VERSIONS
    # Two versions that take turns (two installations) are each read, not built again.
    calls = build.calls
    for _ in range(2):
        cache.remember(source, ("x",), build)
        cache.remember(source, ("an older installation",), build)
    assert build.calls == calls + 1


def test_a_damaged_pickle_is_built_again(folder, tmp_path):
    source = tmp_path / "words.yaml"
    source.write_text("one")
    cache.remember(source, (), Builds("value"))
    [stored] = folder.glob("words-*.pickle")
    stored.write_bytes(b"\x80\x05 not a whole pickle")
    build = Builds("value")
    assert cache.remember(source, (), build) == "value"
    assert build.calls == 1
    assert pickle.loads(stored.read_bytes()) == "value"


def test_switched_off_or_unwritable_it_only_builds(tmp_path, monkeypatch):
    source = tmp_path / "words.yaml"
    source.write_text("one")
    monkeypatch.setenv("UNSPIN_NO_CACHE", "1")
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(tmp_path / "off"))
    build = Builds("value")
    cache.remember(source, (), build)
    cache.remember(source, (), build)
    assert build.calls == 2 and not (tmp_path / "off").exists()

    monkeypatch.delenv("UNSPIN_NO_CACHE")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(blocker / "cache"))
    assert cache.remember(source, (), build) == "value"


def test_an_unreadable_source_is_left_to_build_to_report(folder, tmp_path):
    def build():
        raise FileNotFoundError("the loader's own message")

    with pytest.raises(FileNotFoundError, match="the loader's own message"):
        cache.remember(tmp_path / "missing.yaml", (), build)


def test_builtin_lexicons_from_the_cache_equal_freshly_parsed_ones(folder, monkeypatch):
    path = builtin_paths()[0]
    fresh = load_file(path, eager=False)
    assert _load_builtin(path) == fresh  # parsed, then stored
    assert list(folder.glob(f"{path.stem}-*.pickle"))

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(lexicon, "load_file", no_parsing)
    cached = _load_builtin(path)  # read back
    assert cached == fresh
    patterns = [e.context.before for e in cached.entries if e.context.before is not None]
    assert all(p._compiled is None for p in patterns), "compiled regexes are not pickled"
    assert all(p.program is not None for p in patterns), "their programs are"


def test_before_storing_completes_only_a_value_that_is_stored(folder, tmp_path, monkeypatch):
    source = tmp_path / "words.yaml"
    source.write_text("one")
    completed = []
    assert cache.remember(source, (), Builds(["value"]), before_storing=completed.append) == ["value"]
    assert completed == [["value"]]
    assert pickle.loads(next(folder.glob("words-*.pickle")).read_bytes()) == ["value"]
    cache.remember(source, (), Builds(["value"]), before_storing=completed.append)  # read back
    monkeypatch.setenv("UNSPIN_NO_CACHE", "1")
    cache.remember(source, (), Builds(["value"]), before_storing=completed.append)
    assert len(completed) == 1


def test_the_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("UNSPIN_NO_CACHE", raising=False)
    monkeypatch.delenv("UNSPIN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "unspin"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "unspin"
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.folder() == tmp_path / "mine"
    monkeypatch.setenv("UNSPIN_NO_CACHE", "1")
    assert cache.folder() is None


def test_two_copies_of_a_builtin_file_keep_their_own_paths(folder, tmp_path):
    # Two checkouts hold the same bytes; an error must name the file of the
    # checkout that raised it, so a copy's entries are not read from the
    # other's pickle.
    original = builtin_paths()[0]
    copies = []
    for checkout in ("one", "two"):
        copy = tmp_path / checkout / original.name
        copy.parent.mkdir()
        copy.write_bytes(original.read_bytes())
        copies.append(copy)
    for copy in copies + copies:  # the second round reads the pickles back
        loaded = _load_builtin(copy)
        assert {entry.path for entry in loaded.entries} == {str(copy)}
