"""Find the event cue words of a sentence (data/cues.yaml), matched on lemmas."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from eventwire.data import load_vocabulary


@dataclass(frozen=True)
class Cue:
    """One cue word or phrase: its category and its tokens (doc indices, end exclusive)."""

    category: str
    start: int
    end: int
    text: str
    lemma: str

    @property
    def head_i(self) -> int:
        return self.end - 1


@dataclass(frozen=True)
class _Lexicon:
    # lemma -> [(category, pos or "")]
    single: dict[str, tuple[tuple[str, str], ...]]
    # first lemma -> [(lemmas, category)], longest first
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]


@cache
def _lexicon() -> _Lexicon:
    single: dict[str, list[tuple[str, str]]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for category, entry in load_vocabulary("cues").items():
        for item in entry.get("lemmas", []):
            lemma, _, pos = str(item).partition("/")
            single.setdefault(lemma.lower(), []).append((category, pos))
        for phrase in entry.get("phrases", []):
            words = tuple(w.lower() for w in str(phrase).split())
            phrases.setdefault(words[0], []).append((words, category))
    return _Lexicon(
        single={k: tuple(v) for k, v in single.items()},
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
    )


def _forms(token_lemma: str, token_lower: str) -> tuple[str, ...]:
    return (token_lemma,) if token_lemma == token_lower else (token_lemma, token_lower)


def find_cues(sent: Span) -> list[Cue]:
    """Every cue in the sentence; a phrase wins over the single words inside it."""
    lex = _lexicon()
    tokens = list(sent)
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    cues: list[Cue] = []
    covered: set[int] = set()
    for i in range(len(tokens)):
        for form in _forms(lemmas[i], lowers[i]):
            for words, category in lex.phrases.get(form, ()):
                n = len(words)
                if i + n > len(tokens):
                    continue
                if all(words[k] in (lemmas[i + k], lowers[i + k]) for k in range(1, n)):
                    start, end = tokens[i].i, tokens[i + n - 1].i + 1
                    if any(j in covered for j in range(start, end)):
                        continue
                    cues.append(
                        Cue(category, start, end, sent.doc[start:end].text, " ".join(words))
                    )
                    covered.update(range(start, end))
    for i, token in enumerate(tokens):
        if token.i in covered:
            continue
        for form in _forms(lemmas[i], lowers[i]):
            entries = lex.single.get(form)
            if not entries:
                continue
            for category, pos in entries:
                if pos and token.pos_ != pos:
                    continue
                cues.append(Cue(category, token.i, token.i + 1, token.text, form))
            break
    cues.sort(key=lambda c: c.start)
    return cues
