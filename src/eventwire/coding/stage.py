"""The type stage: each mention's type from the rules and the trained coder, in batches.

The coder reads every mention of a batch of stories in one call (the mention's sentence). In
a short report the rules lead and the coder vetoes and retypes where it is sure; a long story
is coder-led. A short report left with no event gets one more look: the coder
reads its headline and lead, and its surest event sentence, if it is sure, becomes a mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.coding.coder import Decision, load_coder
from eventwire.coding.combine import MODE, CodedType, code_type, proposed_type
from eventwire.extraction.cues import Cue
from eventwire.extraction.facts import StoryFacts
from eventwire.extraction.mentions import Mention, sentence_mention

# A story longer than this is coder-led: the coder drops what it reads as no event and types
# what it keeps. Measured: on long stories the rules never met, the coder alone is more
# precise than the rules (own sets 2-4: P .855/.615/.412 vs .810/.525/.343); on analysts'
# notes and short releases, the register the rules were written on, it is worse (Benin type
# .651 vs .841), so short reports stay rules-led.
LONG = 15
LEAD_SENTENCES = 5  # an event the rules missed is sought in the headline and lead only
SHORT = 12  # … of a short report (a release, a snippet, a note): a long story with no event
# the rules can read is rarely about one (and the look costs a coder call per lead sentence)
_ARMED = frozenset({"military", "police", "armed_group"})


@dataclass(frozen=True)
class Typed:
    """A mention and the type it is coded with."""

    mention: Mention
    coded: CodedType


def type_stories(stories: list[tuple[StoryFacts, list[Mention]]]) -> list[list[Typed]]:
    """For each story, its mentions that are events, each with its type."""
    # an analyst's note that opens with its kind needs no second opinion
    asked = [m for _, mentions in stories for m in mentions if m.kind.cue.category != "label"]
    answers: dict[int, Decision] = {}
    if MODE != "rules" and asked:
        decided = load_coder().decide([told(m) for m in asked])
        answers = {id(m): d for m, d in zip(asked, decided, strict=True)}
    out: list[list[Typed]] = []
    for story, mentions in stories:
        first = story.sentences[0].sent.start_char if story.sentences else 0
        mode = MODE
        if MODE == "both" and len(story.sentences) > LONG:
            mode = "led"
        typed = []
        for m in mentions:
            killed = any(t.field == "fatalities" and t.value > 0 for t in m.tolls)
            later = m.sentence.start_char > first and not killed
            coded = code_type(m.kind, answers.get(id(m)), _armed(m), followed_up(m), later, mode)
            if coded is not None:  # else a flood, a fire, a crash: no one did it
                typed.append(Typed(m, coded))
        out.append(typed)
    if MODE != "rules":
        empty = [
            i for i, typed in enumerate(out) if not typed and len(stories[i][0].sentences) <= SHORT
        ]
        for i, found in zip(empty, _proposed([stories[i][0] for i in empty]), strict=True):
            out[i] = found
    return out


def told(mention: Mention) -> str:
    """The text the coder reads: the mention's sentence."""
    return mention.sentence.text


def followed_up(mention: Mention) -> bool:
    """Whether the rules joined later sentences to the mention ("Students marched … Police
    fired tear gas to disperse them."): their reading then rests on more than the coder's."""
    end = mention.sentence.end_char
    doc = mention.sentence.doc
    return any(doc[c.end - 1].idx >= end for c in mention.cues) or any(
        t.start >= end for t in mention.tolls
    )


def _proposed(stories: list[StoryFacts]) -> list[list[Typed]]:
    """For each story the rules found nothing in, the coder's surest event sentence of its
    headline and lead, when it is sure (one coder call for all of them)."""
    leads = [[f for f in s.sentences[:LEAD_SENTENCES] if len(f.sent) > 3] for s in stories]
    flat = [f for lead in leads for f in lead]
    decisions = load_coder().decide([f.sent.text for f in flat]) if flat else []
    out: list[list[Typed]] = []
    k = 0
    for story, lead in zip(stories, leads, strict=True):
        mine = decisions[k : k + len(lead)]
        k += len(lead)
        if not lead:
            out.append([])
            continue
        facts, decision = max(zip(lead, mine, strict=True), key=lambda x: x[1].p_event)
        token = _cue_token(facts.sent, decision)
        cue = Cue("coder", token.i, token.i + 1, token.text, token.lemma_.lower())
        coded = proposed_type(decision, cue)
        mention = sentence_mention(story, facts, token.i, coded.kind) if coded else None
        out.append([Typed(mention, coded)] if mention is not None and coded is not None else [])
    return out


def _cue_token(sent: Span, decision: Decision) -> Token:
    """The word the coder's event hangs on: its likeliest verb, else the sentence's root."""
    doc = sent.doc
    for start, end, _ in decision.words:
        span = doc.char_span(sent.start_char + start, sent.start_char + end, "expand")
        if span is not None and span.root.pos_ == "VERB":
            return span.root
    return sent.root


def _armed(mention: Mention) -> bool:
    agent = mention.who.agent
    return agent is not None and agent.kind in _ARMED
