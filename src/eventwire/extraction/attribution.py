"""Who says so: the source a sentence attributes its report to, and unverified-claim notices."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.nlp import doc_text, span_text

SAY_LEMMAS = frozenset(
    {
        "say",
        "report",
        "claim",
        "announce",
        "tell",
        "state",
        "confirm",
        "tweet",
        "write",
        "add",
        "allege",
        "post",
        "assert",
        "indicate",
        "inform",
    }
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who"})
UNVERIFIED = re.compile(
    r"\b(could not|couldn't|cannot|can't|can not|were not|was not|has not been|have not been"
    r"|had not been)\s+(be\s+)?(independently\s+)?(verified|confirmed|corroborated)"
    r"|\bunverified\b|\bunconfirmed\b|\bnot independently (verified|confirmed)"
    r"|\b(neither|none)\b[^.]{0,60}\bcould be (independently )?(verified|confirmed)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    """The party a report is attributed to, as its span in the text."""

    start: int
    end: int
    text: str
    reason: str
    anchor: int = -1  # token index of "according" or of the speech verb

    def holds(self, offset: int) -> bool:
        """Whether a character offset lies in the claimant's phrase ("a military source in
        Pemba said": Pemba is where the speaker is)."""
        return self.start <= offset < self.end

    def covers(self, token: Token) -> bool:
        """Whether the claim is about the clause of `token` (its anchor governs it)."""
        if self.anchor < 0:
            return True
        anchor = token.doc[self.anchor]
        if anchor.lower_ == "according":
            anchor = anchor.head
        return anchor.i == token.i or any(a.i == anchor.i for a in token.ancestors)


def _phrase(token: Token) -> tuple[int, int]:
    """Char span of a subject's noun phrase, without trailing appositions or clauses."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("prep", "compound", "poss", "case") and child.i == right + 1:
            right = child.right_edge.i
        elif child.dep_ == "cc" and child.i == right + 1:
            right = child.i  # "three residents and a rights group": both are the source
        elif child.dep_ == "conj" and right == child.left_edge.i - 1 and child.pos_ in _NOUNS:
            right = _phrase_end(child)
    if token.doc[right].dep_ == "cc":
        right -= 1
    doc = token.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


_NOUNS = frozenset({"NOUN", "PROPN"})


def _phrase_end(token: Token) -> int:
    """The last token of a conjoined noun's phrase (its own modifiers after it)."""
    right = token.i
    for child in token.rights:
        if child.dep_ in ("prep", "compound", "poss", "case") and child.i == right + 1:
            right = child.right_edge.i
    return right


NOT_SOURCES = frozenset({"plan", "plans", "schedule", "reports", "sources"})


def _in_relative_clause(token: Token) -> bool:
    return any(a.dep_ in ("relcl", "acl") for a in token.ancestors)


def find_claim(sent: Span) -> Claim | None:
    """The source of a sentence ("…, the city council reported", "according to the governor")."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            if _in_relative_clause(tok):
                continue  # "a bombardment that, according to X, has …" sources the clause only
            for pobj in doc[tok.i + 1].children:
                if pobj.dep_ == "pobj" and pobj.lower_ not in PRONOUNS | NOT_SOURCES:
                    start, end = _phrase(pobj)
                    return Claim(start, end, doc_text(doc)[start:end], "'according to'", tok.i)
    for tok in sent:
        if tok.lemma_ not in SAY_LEMMAS or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ not in ("ROOT", "parataxis", "advcl", "conj", "ccomp"):
            continue
        for child in tok.children:
            if child.dep_ in ("nsubj",) and child.lower_ not in PRONOUNS:
                if _object_of_participle(child):
                    continue  # "killing at least six people, … said": the victims, torn off
                start, end = _phrase(child)
                return Claim(
                    start, end, doc_text(doc)[start:end], f"subject of '{tok.text}'", tok.i
                )
        torn = _torn_subject(tok, sent)
        if torn is not None:
            return torn
    return None


def _object_of_participle(token: Token) -> bool:
    """Whether a subject the parse found is really the object of the participle before it
    ("killing at least six people")."""
    before = token.left_edge.i - 1
    return before >= 0 and token.doc[before].tag_ == "VBG"


def _torn_subject(verb: Token, sent: Span) -> Claim | None:
    """ "…, killing six people, four of them soldiers, a police officer and a hospital
    official said.": the parse hangs the speakers on the victims; a closing speech verb with
    no subject has the words since the last comma as its source."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ != "ROOT" or not all(_object_of_participle(c) for c in subjects):
        return None
    if any(t.is_alpha for t in sent.doc[verb.i + 1 : sent.end]):
        return None  # "said" closes the sentence
    k = verb.i - 1
    while k > sent.start and sent.doc[k].text != ",":
        k -= 1
    words = sent.doc[k + 1 : verb.i]
    if sent.doc[k].text != "," or not 1 <= len(words) <= 8:
        return None
    if not any(t.pos_ in _NOUNS for t in words) or any(t.pos_ == "VERB" for t in words):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = doc_text(sent.doc)[start:end]
    return Claim(start, end, text, f"the words before a closing '{verb.text}'", verb.i)


def unverified_notice(sent: Span) -> tuple[int, int, str] | None:
    """The span of a "could not be independently verified" notice in the sentence, if any."""
    m = UNVERIFIED.search(span_text(sent))
    if m is None:
        return None
    start = sent.start_char + m.start()
    return start, sent.start_char + m.end(), m.group()
