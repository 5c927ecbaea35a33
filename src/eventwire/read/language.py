"""Telling English text from other languages: a cheap script and function-word rule."""

from __future__ import annotations

import re
from collections import Counter

from eventwire.read.function_words import ENGLISH, FOREIGN

# The rule reads at most this many characters: a language shows in its first paragraphs,
# and the check must stay far below a millisecond on a long article.
SAMPLE_CHARS = 2000

# Scripts other than Latin: (name, the languages it suggests, its Unicode blocks).
SCRIPTS = (
    ("Cyrillic", "", ((0x0400, 0x052F),)),
    ("Arabic", "Arabic, Persian or Urdu", ((0x0600, 0x06FF), (0x0750, 0x077F))),
    ("Hebrew", "Hebrew", ((0x0590, 0x05FF),)),
    ("Greek", "Greek", ((0x0370, 0x03FF),)),
    ("Armenian", "Armenian", ((0x0530, 0x058F),)),
    ("Georgian", "Georgian", ((0x10A0, 0x10FF),)),
    ("Devanagari", "Hindi", ((0x0900, 0x097F),)),
    ("Thai", "Thai", ((0x0E00, 0x0E7F),)),
    ("CJK", "Chinese or Japanese", ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF))),
    ("Hangul", "Korean", ((0x1100, 0x11FF), (0xAC00, 0xD7AF))),
)
LATIN_END = "\u024f"  # the end of Latin Extended-B
LATIN_ADDITIONAL = ("\u1e00", "\u1eff")  # Latin Extended Additional (Vietnamese, Welsh)
WORD = re.compile(r"[^\W\d_]+")
UKRAINIAN_ONLY = re.compile(r"[іїєґ]")
RUSSIAN_ONLY = re.compile(r"[ыэъё]")

# word -> the foreign languages it is a function word of
FOREIGN_BY_WORD: dict[str, tuple[str, ...]] = {}
for _language, _words in FOREIGN.items():
    for _word in _words:
        FOREIGN_BY_WORD[_word] = (*FOREIGN_BY_WORD.get(_word, ()), _language)

# Confidence thresholds. A short English headline ("Shelling kills two in eastern city") may
# hold one function word or none, so a text is only called foreign on positive evidence: at
# least MIN_FOREIGN function words of one other language, and more than twice the English ones;
# or, with no such language found, a long text with almost no English function words.
MIN_FOREIGN = 3
LONG_TEXT_WORDS = 30
MIN_ENGLISH_SHARE_LONG = 0.08


def why_not_english(text: str) -> str | None:
    """None if `text` may be English, else why not ("looks like French")."""
    words = WORD.findall(text[:SAMPLE_CHARS].lower())
    if not words:
        return "no words, only digits, punctuation or symbols"
    english = letters = 0
    foreign = dict.fromkeys(FOREIGN, 0)
    non_latin: list[str] = []
    for word in words:
        letters += len(word)
        first = word[0]
        if first > LATIN_END and not LATIN_ADDITIONAL[0] <= first <= LATIN_ADDITIONAL[1]:
            non_latin.append(word)
        elif word in ENGLISH:
            english += 1
        else:
            for language in FOREIGN_BY_WORD.get(word, ()):
                foreign[language] += 1
    if sum(map(len, non_latin)) * 2 > letters:
        return f"looks like {_script(non_latin)}"
    language, count = max(foreign.items(), key=lambda item: item[1])
    if count >= MIN_FOREIGN and count > 2 * english:
        return f"looks like {language}"
    if len(words) >= LONG_TEXT_WORDS and english < MIN_ENGLISH_SHARE_LONG * len(words):
        return f"only {english} of {len(words)} words are common English words"
    return None


def _script(words: list[str]) -> str:
    """The script most of `words` are written in, with the languages it suggests."""
    counts: Counter[tuple[str, str]] = Counter()
    for first, number in Counter(word[0] for word in words).items():
        counts[_script_of(ord(first))] += number
    name, languages = counts.most_common(1)[0][0]
    if name == "Cyrillic":
        languages = _cyrillic_language(" ".join(words))
    return f"{name}/{languages}" if languages else name


def _script_of(code: int) -> tuple[str, str]:
    for name, languages, blocks in SCRIPTS:
        if any(low <= code <= high for low, high in blocks):
            return name, languages
    return "a non-Latin script", ""


def _cyrillic_language(text: str) -> str:
    ukrainian = bool(UKRAINIAN_ONLY.search(text))
    russian = bool(RUSSIAN_ONLY.search(text))
    if ukrainian and not russian:
        return "Ukrainian"
    if russian and not ukrainian:
        return "Russian"
    return "Russian or Ukrainian"
