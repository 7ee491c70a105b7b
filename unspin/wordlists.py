"""Word lists: the fixed sets of words that inference and the known phrases read.

Function words (in code: a tortured phrase never starts or ends with one), the
words of ordinary English prose (`common-words.txt`, built by
bench/common_words.py) and the curated technical terms (`gazetteer.txt`).
The two files ship in the package and are read once, when first asked for.
"""

from __future__ import annotations

import functools
import importlib.resources
from typing import List, Tuple

# Words a tortured phrase never starts or ends with: a phrase that does is a
# piece of an ordinary sentence ("the network", "system of").
FUNCTION_WORDS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being
    this that these those it its their our your his her we they you he she i not no than then
    into onto over under via per so such which who whom whose what when where how""".split()
)


def package_lines(name: str) -> List[str]:
    """Lines of a data file shipped in the package, without comments and blank lines."""
    text = importlib.resources.files("unspin").joinpath(name).read_text(encoding="utf-8")
    return [line.split("#")[0].rstrip() for line in text.splitlines() if line.split("#")[0].strip()]


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset:
    """Words of ordinary English prose (unspin/common-words.txt, built by bench/common_words.py)."""
    return frozenset(package_lines("common-words.txt"))


@functools.lru_cache(maxsize=1)
def curated_terms() -> Tuple[str, ...]:
    """The technical terms shipped with the package (unspin/gazetteer.txt)."""
    return tuple(line.strip() for line in package_lines("gazetteer.txt"))
