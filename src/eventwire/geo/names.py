"""Name keys: the folded and the loose form a place name is indexed and looked up under."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({c: "" for c in "'’ʼ`´‘ʻ"})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,]+")
_LATIN = re.compile(r"^[a-z0-9 ()]+$")
# Loose key rewrites, in order: Ukrainian/Russian romanisation variants that name the same place.
_LOOSE_RULES = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("kh", "h"),
    ("zh", "z"),
    ("g", "h"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
    ("ck", "k"),
    ("x", "ks"),
)
_DOUBLED = re.compile(r"(.)\1+")
# Each rewrite after the literal text every match of it holds: a word without it is skipped
# unread (the index build reads 1.4M names).
_ENDINGS = (
    ("aleks", re.compile(r"^aleks"), "oleks"),
    # the soft sign before o: official Ukrainian drops it (Verkhnokamianka), others write
    # "yo" (Verkhnyokamianka)
    ("io", re.compile(r"([bcdfhklmnprstvz])io"), r"\1o"),
    # Russian forms of Ukrainian names: Kamenka/Kamianka, Dneprovskaya/Dniprovska
    ("kamen", re.compile(r"^kamen"), "kamian"),
    ("dnepr", re.compile(r"dnepr"), "dnipr"),
    ("skaia", re.compile(r"skaia$"), "ska"),
    ("sko", re.compile(r"sko(i)?e$"), "ske"),
    ("pol", re.compile(r"pol$"), "pil"),
    ("ka", re.compile(r"(ov|ev|iiv|iv)ka$"), "ivka"),
    ("ske", re.compile(r"(ov|ev|iv)ske$"), "ivske"),
    ("ie", re.compile(r"ie$"), "ia"),
    # Arabic names: Raqqah/Raqqa, Hodeidah/Hodeida
    ("ah", re.compile(r"^(\w{2,}[^aeiou])ah$"), r"\1a"),
)
# The Arabic article as romanised before sun letters and in other traditions: "Jisr ash
# Shughur" and "Jisr al-Shughur", "Ad Dali" and "Al Dali", "El Fasher" and "Al Fashir".
_ARTICLE = frozenset({"al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ul"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, no diacritics or apostrophes, separators as single spaces."""
    if not text.isascii():  # ASCII has no diacritics: NFKD leaves it as it is
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_APOSTROPHES).lower()
    return _SEPARATORS.sub(" ", text).strip()


def is_latin(folded: str) -> bool:
    """Whether a folded name is written in plain Latin letters (the only names indexed)."""
    return bool(folded) and _LATIN.match(folded) is not None


@lru_cache(maxsize=200_000)
def loose(text: str) -> str:
    """A key that equates spelling variants: Kyiv/Kiiv, Zaporizhzhia/Zaporizhia, -pol/-pil,
    -ovka/-ivka, the Arabic article's romanisations (al/ash/ad/el …)."""
    folded = fold(text).split()
    return " ".join(
        "al" if word in _ARTICLE and k + 1 < len(folded) else _loose_word(word)
        for k, word in enumerate(folded)
    )


@lru_cache(maxsize=200_000)
def _loose_word(word: str) -> str:
    """One word's loose form (words recur across names: the index build reads 1.4M names)."""
    for old, new in _LOOSE_RULES:
        word = word.replace(old, new)
    word = _DOUBLED.sub(r"\1", word)
    for needed, pattern, new in _ENDINGS:
        if needed in word:
            word = pattern.sub(new, word)
    return word


_VOWELS = re.compile(r"[aeiouy]+")


def skeleton(text: str) -> str:
    """The loose key without vowels: "Khan Younis" and "Khan Yunis"."""
    return _VOWELS.sub("", loose(text))


def key_hash(key: str) -> int:
    """A name key's stable 63-bit hash: how the index files a key without storing its text
    (`eventwire.geo.gazetteer.NameTable`). Stable across processes, unlike `hash`."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1
