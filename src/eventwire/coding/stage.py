"""The type stage: each mention's type from the rules and the trained coder, in batches.

The coder reads every mention of a batch of stories in one call (`told`: what the rules read
the mention from). In
an event-data coder's note the rules lead and the coder vetoes and retypes where it is sure;
news (a snippet, a release, a long story) is coder-led. A short report left with no event gets
one more look: the coder reads its headline and lead, and its surest event sentence, if it is
fairly sure, becomes a mention. A long story's sentences where a force or a crowd acts and no
cue word stands are read by the coder too: an event it is sure of becomes a mention. A witness's
report that the coder reads as a statement ("Residents told Reuters that police fired …") is
read again without its frame.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventwire.coding.coder import Decision, load_coder
from eventwire.coding.combine import (
    MODE,
    CodedType,
    between_crowds,
    by_taker,
    code_type,
    proposed_type,
)
from eventwire.data import load_vocabulary
from eventwire.extraction.actors import ActorPhrase, governing_verb, one_at_work, weapon_only
from eventwire.extraction.attribution import SAY_LEMMAS
from eventwire.extraction.cues import Cue, direct_objects
from eventwire.extraction.facts import SPEAKER_LABEL, SentenceFacts, StoryFacts
from eventwire.extraction.factuality import certain, is_background
from eventwire.extraction.mentions import (
    FORCES,
    MEETING_CROWDS,
    Mention,
    sentence_mention,
    time_clause,
    told_before,
)
from eventwire.extraction.types import (
    BATTLES,
    CROWDS,
    MARCH_LEMMAS,
    PROTESTS,
    RIOTS,
    a_street_crowd,
)
from eventwire.nlp import doc_text, sentence_before, span_text

# News is coder-led: the coder drops what it reads as no event and types what it keeps.
# Measured: on text the rules never met the coder types better than the rules (coder alone vs
# rules alone: CASE type .758 vs .607, ISAF arrests .80 vs .75, own sets 5-6 P .648/.580 vs
# .405/.450); on analysts' notes, the register the rules were written on, it is worse (Benin
# type .651 vs .841), so notes stay rules-led (facts.is_note tells them by their opening).
LEAD_SENTENCES = 5  # an event the rules missed is sought in the headline and lead only
SHORT = 12  # … of a short report (a release, a snippet, a note): a long story with no event
# the rules can read is rarely about one (and the look costs a coder call per lead sentence)
_ARMED = frozenset({"military", "police", "armed_group"})
# A force moved or a security measure taken in a long story ("troops were deployed to the
# town", "reinforcements were sent", "a curfew was imposed", "schools were closed") answers the
# events the story tells and is told around them: no event of its own there. A report about
# the measure itself (a note, a release, a snippet) codes it as ACLED does, a change to activity.
AROUND = frozenset({"movement", "measure", "closure"})
CHANGE = "Change to group/activity"
_PARTS = re.compile(r"(?<=;)|(?<= —)|(?<= --)")  # parts of a sentence that lists events


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
        texts = [told(m) for m in asked]
        decided = load_coder().decide([text for _, text in texts])
        answers = {
            id(m): _shifted(d, shift)
            for m, d, (shift, _) in zip(asked, decided, texts, strict=True)
        }
        # a report later in a news story, which the coder's reading as a statement drops
        later = [
            m
            for story, mentions in stories
            if not story.note
            for m in mentions
            if m.sentence.start_char > _first(story) and id(m) in answers
        ]
        answers.update(_reread_reports(later, answers))
    out: list[list[Typed]] = []
    for story, mentions in stories:
        first = _first(story)
        mode = MODE
        if MODE == "both":
            mode = "notes" if story.note else "news"
        long = not story.note and len(story.sentences) > SHORT
        typed = []
        for m in mentions:
            killed = any(t.field == "fatalities" and t.value > 0 for t in m.tolls)
            lead = m.sentence.start_char <= first
            coded = code_type(
                m.kind,
                answers.get(id(m)),
                armed_agent=_armed(m.who.agent),
                armed_target=_armed(m.who.target),
                crowd_side=_crowd_side(m),
                force_on_crowd=_force_on_crowd(m),
                crowd_met=_a_crowd_met(story, m),
                followed_up=followed_up(m),
                crowd_first=_crowd_told_first(m) is not None,
                later=not lead and not killed,
                mode=mode,
                lead=lead,
                killed=killed and len(story.sentences) <= SHORT,
                civilian_ground=_on_civilian_ground(m),
            )
            if coded is None:  # a flood, a fire, a crash: no one did it
                continue
            if _crowds_fight(story, m):
                coded = between_crowds(coded)
            if long and m.kind.cue.category in AROUND and coded.kind.sub_event_type == CHANGE:
                continue
            typed.append(_taken(m, coded))
        out.append(typed)
    if MODE != "rules":
        empty = [
            i for i, typed in enumerate(out) if not typed and len(stories[i][0].sentences) <= SHORT
        ]
        for i, found in zip(empty, _proposed([stories[i][0] for i in empty]), strict=True):
            out[i] = found
        for i, found in enumerate(_sensed(stories, out)):
            out[i] += found
    return out


# A long story's event in words the cue lexicon lacks ("Youths have set the ground floor of
# the presidency ablaze"): sought by the coder in the sentences where a force, an armed group or
# a crowd acts and no cue word stands, and kept when the coder is this sure that it tells an
# event and of which kind (measured on own sets 2-13: recall up 1.2-3.2 points on ten of them,
# precision down up to 2 points; a coder call for about one sentence in six)
SENSE = 0.8
SENSE_SUB = 0.6
SENSE_KINDS = frozenset({"military", "police", "protesters", "rioters", "armed_group"})


def _unread(story: StoryFacts, typed: list[Typed]) -> list[SentenceFacts]:
    """The sentences of a news story that no mention was read from and that hold no cue word,
    where a force, an armed group or a crowd acts: where the cue lexicon may lack the words of
    an event ("Protesters have broken into the presidency")."""
    if story.note or len(story.sentences) <= SHORT or not typed:
        # a short report's are sought in its lead (`_proposed`); a long story with no event
        # the rules can read is rarely about one
        return []
    taken = {t.mention.sentence.start_char for t in typed}
    return [
        f
        for f in story.sentences
        if not f.cues
        and not f.set_aside
        and f.sent.start_char not in taken
        and len(f.sent) > 5
        and any(a.kind in SENSE_KINDS for a in f.actors)
    ]


def _sensed(
    stories: list[tuple[StoryFacts, list[Mention]]], typed: list[list[Typed]]
) -> list[list[Typed]]:
    """For each news story, the events the coder is sure of in sentences the rules read none
    from (`_unread`), in one coder call for the batch."""
    asked = [_unread(story, t) for (story, _), t in zip(stories, typed, strict=True)]
    flat = [f for a in asked for f in a]
    decisions = load_coder().decide([span_text(f.sent) for f in flat]) if flat else []
    out: list[list[Typed]] = []
    k = 0
    for (story, _), mine in zip(stories, asked, strict=True):
        found = []
        told = told_before(story) if mine else None  # once per story, not once per sentence
        for facts, decision in zip(mine, decisions[k : k + len(mine)], strict=True):
            if decision.p_event < SENSE or decision.p_best_event < SENSE_SUB:
                continue
            token = _cue_token(facts.sent, decision)
            cue = Cue("coder", token.i, token.i + 1, token.text, token.lemma_.lower())
            if is_background(cue, story.doc, story.period_start or story.published) is not None:
                continue
            coded = proposed_type(decision, cue)
            mention = sentence_mention(story, facts, token.i, coded.kind, told) if coded else None
            if mention is not None and coded is not None and not _a_force_s_crowd(coded, mention):
                found.append(_taken(mention, coded))
        k += len(mine)
        out.append(found)
    return out


def _first(story: StoryFacts) -> int:
    """Where a story's first sentence starts (its headline, its lead or a note's only line)."""
    return story.sentences[0].sent.start_char if story.sentences else 0


# A report read as a statement: "Residents told Reuters by telephone that police fired at a
# crowd that had been marching", "Organisers said officers beat students with batons". The coder
# reads the frame and calls the sentence a statement; what the frame reports is read again on its
# own, and where that is an event it is the mention's reading.
REPORTS = ("none:statement", "none:claim")
_WITNESSES = frozenset(load_vocabulary("factuality")["witnesses"])


def _reread_reports(asked: list[Mention], answers: dict[int, Decision]) -> dict[int, Decision]:
    """The coder's reading of what a report frame tells, for the mentions it read as a statement
    or a claim whose cue lies in the clause a verb of saying reports; kept where it is an event,
    its words placed in the sentence."""
    framed = [
        (m, clause)
        for m in asked
        if (d := answers.get(id(m))) is not None
        and d.label in REPORTS
        and (clause := reported_clause(m)) is not None
    ]
    if not framed:
        return {}
    decided = load_coder().decide([clause.text for _, clause in framed])
    out = {}
    for (m, clause), d in zip(framed, decided, strict=True):
        if d.is_event:
            out[id(m)] = _shifted(d, clause.start_char - m.sentence.start_char)
    return out


def _shifted(decision: Decision, shift: int) -> Decision:
    """The coder's decision on a part of a sentence, its words placed in the sentence."""
    if not shift:
        return decision
    words = tuple((a + shift, b + shift, w) for a, b, w in decision.words)
    return replace(decision, words=words)


def reported_clause(mention: Mention) -> Span | None:
    """The clause a witness's verb of saying reports, when it tells an act, the mention's cue
    verb, in the mention's first sentence ("Residents told Reuters that [police fired at a
    crowd]"); None for a sentence with no such frame, for a party's claim ("Hezbollah said its
    fighters had killed five soldiers": a claim, as the coder read) and for a clause that names
    an event told before by its noun ("[The attack targeted a position], residents said")."""
    if not mention.cues or mention.claim is None or mention.claim.anchor < 0:
        return None
    sent = mention.sentence
    doc = sent.doc
    verb, cue = doc[mention.claim.anchor], doc[mention.cues[0].start]
    if verb.lemma_.lower() not in SAY_LEMMAS or not sent.start <= verb.i < sent.end:
        return None
    speaker = doc.char_span(mention.claim.start, mention.claim.end, alignment_mode="expand")
    if cue.pos_ != "VERB" or speaker is None or speaker.root.lemma_.lower() not in _WITNESSES:
        return None
    for clause in verb.children:
        if clause.dep_ == "ccomp" and (clause.i == cue.i or clause in cue.ancestors):
            start = clause.left_edge.i
            while start < clause.i and doc[start].dep_ == "mark":  # "that"
                start += 1
            return doc[start : clause.right_edge.i + 1]
    return None


def told(mention: Mention) -> tuple[int, str]:
    """The text the coder reads, and where it starts in the mention's sentence: what the rules
    read the mention from. That is its sentence, or the part of it that holds the cue that
    decided the mention's kind when the sentence lists several ("Protesters rally in Kyiv;
    drone strikes Sumy"), up to the end of the last sentence the rules joined to it ("Students
    marched … Police fired tear gas to disperse them."), or the clause that tells it as the
    time of the sentence's own event ("Two clans signed a peace covenant on Thursday, [six days
    after a gunfight left three men dead]": its words are not the mention's); never a
    transcript's speaker label ("[PRESENTER]")."""
    sent = mention.sentence
    doc = sent.doc
    said = span_text(sent)
    label = SPEAKER_LABEL.match(said)
    begin, end = (label.end() - 1 if label else 0), len(said)
    # the part that holds the cue that decided its kind; a toll that decided it is read with
    # the act it is the toll of, parts before ("police … fired tear gas at students …; three
    # students were wounded": the shooting and its wounded, not the wounded alone)
    at = doc[mention.kind.cue.start].idx - sent.start_char
    acts = [
        doc[c.start].idx - sent.start_char
        for c in mention.cues
        if sent.start <= c.start < sent.end and c.category != "casualty"
    ]
    first_at = min([at, *acts]) if mention.kind.cue.category == "casualty" else at
    crowd = _crowd_told_first(mention)
    if crowd is not None:  # … and a force's act with the crowd it met
        first_at = doc[crowd.start].idx - sent.start_char
    start = first = 0
    for part in _PARTS.split(said):
        if start <= first_at:
            first = start  # (parts in order: the last to start by then holds it)
        if start <= at < start + len(part):
            if len(part.split()) > 1:  # "Jabrayil liberated"
                begin, end = max(first, begin), start + len(part)
            break
        start += len(part)
    clause = time_clause(doc[mention.kind.cue.head_i])
    if clause is not None:  # "…, six days after a gunfight left three men dead"
        return clause[0] - sent.start_char, doc_text(doc)[clause[0] : clause[1]]
    last = _last_read(mention)
    joined = doc.char_span(last, last + 1, alignment_mode="expand")
    if last >= sent.end_char and joined is not None:
        end = joined.sent.end_char - sent.start_char
    before = _whom_it_goes_on_from(sent) if begin == 0 else None
    if before is not None:
        begin = before.start_char - sent.start_char
    return begin, doc_text(doc)[sent.start_char + begin : sent.start_char + end]


def _whom_it_goes_on_from(sent: Span) -> Span | None:
    """The sentence before, in its paragraph, when this one goes on from it through a pronoun
    that is its subject ("A teacher was dragged from his home by a group of youths. He was
    beaten with logs and died of his injuries"): who the pronoun is, and who did it, stand
    there, and the coder reads the act by them."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None or first.lower_ not in _GOING_ON or first.dep_ not in ("nsubj", "nsubjpass"):
        return None
    before = sentence_before(sent)
    if before is None or "\n" in doc_text(sent.doc)[before.start_char : sent.start_char]:
        return None
    return before


_GOING_ON = frozenset({"he", "she", "they"})


def _crowd_told_first(mention: Mention) -> Cue | None:
    """The crowd's word told before the force's act that met it, in the mention's own
    sentence ("Workers gathered at the gate; police arrested five of them"), when a force's
    act decided the crowd's event; else None (not "activists were detained before the
    president's rally": the rally is no crowd they were part of)."""
    cue = mention.kind.cue
    sent = mention.sentence
    if (
        mention.kind.event_type not in (PROTESTS, RIOTS)
        or cue.category not in MEETING_CROWDS
        or cue.start >= sent.end  # (told in a later sentence: the coder reads from the crowd)
    ):
        return None
    doc = sent.doc
    act = governing_verb(doc[cue.head_i])
    # the crowd in a clause of its own, not a phrase of the act's ("Following the gathering
    # at the university yesterday, police today arrested 14 students")
    crowd = [
        c
        for c in mention.cues
        if sent.start <= c.start < cue.start
        and c.category in _CROWD_CUES - MEETING_CROWDS
        and governing_verb(doc[c.head_i]).i != act.i
    ]
    return crowd[0] if crowd else None


def followed_up(mention: Mention) -> bool:
    """Whether the rules joined later sentences to the mention ("Students marched … Police
    fired tear gas to disperse them."): their reading then rests on more than one sentence."""
    return _last_read(mention) >= mention.sentence.end_char


def _last_read(mention: Mention) -> int:
    """Where the last cue or toll the rules read into the mention starts (its sentence's
    start when it has none)."""
    doc = mention.sentence.doc
    return max(
        [doc[c.end - 1].idx for c in mention.cues] + [t.start for t in mention.tolls],
        default=mention.sentence.start_char,
    )


def _proposed(stories: list[StoryFacts]) -> list[list[Typed]]:
    """For each story the rules found nothing in, the coder's surest event sentence of its
    headline and lead, when it is sure (one coder call for all of them)."""
    # (not a sentence whose only cue words the rules read as no event: "police arrested no
    # one", "troops remain deployed")
    leads = [
        [
            f
            for f in s.sentences[:LEAD_SENTENCES]
            if len(f.sent) > 3 and (f.cues or not any(certain(why) for _, why in f.set_aside))
        ]
        for s in stories
    ]
    flat = [f for lead in leads for f in lead]
    decisions = load_coder().decide([span_text(f.sent) for f in flat]) if flat else []
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
        if mention is not None and coded is not None and _a_force_s_crowd(coded, mention):
            mention = None
        out.append([_taken(mention, coded)] if mention is not None and coded is not None else [])
    return out


def _a_force_s_crowd(coded: CodedType, mention: Mention) -> bool:
    """A demonstration or a riot proposed for what an armed force did ("Hundreds of soldiers
    marched into the town of Beni"): a force's march is no demonstration, as the rules read
    it (`types._protest_type`), whatever the coder's words say. (A force that acts on a crowd
    is one: "They were dispersed by police forces".)"""
    target = mention.who.target
    return (
        coded.kind.event_type in (PROTESTS, RIOTS)
        and coded.kind.cue.lemma in MARCH_LEMMAS
        and _armed(mention.who.agent)
        and (target is None or target.kind not in CROWDS)
    )


def _taken(mention: Mention, coded: CodedType) -> Typed:
    """A typed mention, a capture of territory typed by who took it (`combine.by_taker`)."""
    country = mention.place.country if mention.place is not None else None
    return Typed(mention, by_taker(coded, mention.who.agent, country))


def _cue_token(sent: Span, decision: Decision) -> Token:
    """The word the coder's event hangs on: its likeliest verb, else the sentence's root."""
    doc = sent.doc
    for start, end, _ in decision.words:
        span = doc.char_span(sent.start_char + start, sent.start_char + end, "expand")
        if span is not None and span.root.pos_ == "VERB":
            return span.root
    return sent.root


def _force_on_crowd(m: Mention) -> bool:
    """A state force as the author and protesters as the target ("police attacked
    protesters"), in a sentence that tells no violence of the crowd's own ("police opened fire
    on protesters after a crowd set fire to the police station")."""
    who = m.who
    return (
        not any(c.category in ("riot", "looting") for c in m.cues)
        and who.agent is not None
        and who.agent.kind in ("military", "police")
        and who.target is not None
        and who.target.kind == "protesters"
    )


_FIGHTS = frozenset({"riot", "clash", "vac_attack", "mob"})
_FIGHT_VERBS = frozenset({"fight", "clash", "brawl", "scuffle"})
_NO_CROWD = frozenset({*FORCES, "armed_group", "government", "communal"})
_CROWD_KINDS = frozenset({"protesters", "rioters", "civilians"})
_GUNS = frozenset(
    {*map(str, load_vocabulary("cues")["strike"]["guns"]), "firearm", "arm", "gunfire"}
)
_CROWD_NOUNS = frozenset({"fan", "side", "hooligan"})  # "the two sides", "fans of the two clubs"


def _crowds_fight(story: StoryFacts, m: Mention) -> bool:
    """Two crowds that fought each other in the mention's sentence: a fight's cue with a
    reciprocal object ("threw stones at each other", "clashed with one another") or with a
    subject of two groups listed ("supporters of the DPP and of the UTM fought"); a crowd named
    (protesters, people, youths, fans, "the two sides") and no force, government or armed group
    among the sentence's actors or the mention's sides, and no gun named ("protesters and
    police threw stones at each other" is a demonstration's violence; "rival militias fought
    each other", "farmers and herders clashed with firearms", a battle)."""
    if not any(c.category in _FIGHTS for c in m.cues):
        return False
    sent = m.sentence
    facts = next(iter(_facts_in(story, sent.start_char, sent.start_char + 1)), None)
    sides = [a for a in (m.who.agent, m.who.target) if a is not None]
    if facts is None or any(a.kind in _NO_CROWD for a in (*facts.actors, *sides)):
        return False
    if any(t.lemma_.lower() in _GUNS for t in sent):
        return False  # "clashed with firearms and machetes": armed men, a battle
    if not any(a.kind in _CROWD_KINDS for a in facts.actors) and not any(
        t.dep_ == "nsubj" and t.lemma_.lower() in _CROWD_NOUNS for t in sent
    ):
        return False  # "rival militias fought each other": no crowd named
    tokens = list(sent)
    reciprocal = any(
        (a.lower_, b.lower_) in (("each", "other"), ("one", "another"))
        for a, b in zip(tokens, tokens[1:], strict=False)
    )
    return reciprocal or any(
        t.lemma_.lower() in _FIGHT_VERBS
        and t.pos_ == "VERB"
        and not any(c.dep_ == "dobj" for c in t.children)
        and any(c.dep_ == "nsubj" and _two_listed(c) for c in t.children)
        for t in tokens
    )


def _two_listed(subject: Token) -> bool:
    """A subject of two groups listed: "supporters of the ruling party and opposition
    activists", "supporters of the DPP and of the UTM"."""
    kids = list(subject.children)
    of = [p for p in kids if p.dep_ == "prep" and p.lower_ == "of"]
    return (
        any(c.dep_ == "conj" for c in kids)
        or any(c.dep_ == "conj" and c.pos_ == "ADP" for p in of for c in p.children)
        or (len(of) > 1 and any(c.dep_ == "cc" for c in kids))
    )


def _crowd_side(m: Mention) -> bool:
    """Rioters or protesters by name as a side of a mention the rules did not type as a battle
    ("rioters clashed with troops"). (Civilians as the target are no such sign: the rules read
    "men" or "people" killed in a gunfight as civilians, where the coder reads the fight.)"""
    who = m.who
    return m.kind.event_type != BATTLES and (
        a_street_crowd(who.agent) or a_street_crowd(who.target)
    )


# the cue words that tell a crowd in the street: a protest, a gathering, a riot, a force's
# means against a crowd ("tear gas", "dispersed"); and people in numbers who may march or riot
_CROWD_CUES = frozenset(
    {"protest", "gathering", "blockade", "silent_march", "peaceful", "intervention", "riot", "mob"}
)
_IN_NUMBERS = frozenset({"protesters", "rioters"})


def _a_crowd_met(story: StoryFacts, m: Mention) -> bool:
    """Whether the text the coder read for the mention (`told`) tells a crowd and a force
    that may meet it. A crowd: a protest, a riot or a force's means against a crowd among its
    cue words (read as an event or not), or people in numbers among its actors ("a crowd",
    "students"; not "a trader"). A force: a force's act among its cues (an intervention, an
    arrest, an attack) or a state force among its actors. ACLED's codebook types a force's
    violence as against protesters only where there are protesters ("police shot dead a
    suspect who fired at them" is none), and a protest as met only where a force is told
    ("presented a petition and dispersed": the coder reads "dispersed" as police work)."""
    begin = m.sentence.start_char
    end = max(m.sentence.end_char, _last_read(m) + 1)
    read = _facts_in(story, begin, end)
    crowd = any(
        any(c.category in _CROWD_CUES for c in (*f.cues, *(c for c, _ in f.set_aside)))
        or any(a.kind in _IN_NUMBERS and not one_at_work(a, story.doc) for a in f.actors)
        for f in read
    )
    return crowd and any(
        any(c.category in MEETING_CROWDS for c in f.cues) or any(a.kind in FORCES for a in f.actors)
        for f in read
    )


def _facts_in(story: StoryFacts, begin: int, end: int) -> tuple[SentenceFacts, ...]:
    """The facts of the story's sentences that start in [begin, end), found by position (the
    story's sentences are in text order): no scan of the whole story for each mention."""
    sentences = story.sentences
    lo = bisect_left(sentences, begin, key=_start)
    return sentences[lo : bisect_left(sentences, end, lo, key=_start)]


def _start(facts: SentenceFacts) -> int:
    return facts.sent.start_char


_CIVILIAN_PLACES = frozenset(str(w) for w in load_vocabulary("cues")["attack"]["civilian_places"])
_STATE = frozenset({"military", "police", "government"})


def _on_civilian_ground(m: Mention) -> bool:
    """A non-state side's attack verb has only places where civilians live, pray, trade or
    travel as its objects ("militants attacked three villages", "gunmen raided a market"; not
    "attacked the homes and bases of troops", nor a force's raid on a suspects' house), and no
    armed side was named its target (cues.yaml attack: civilian_places)."""
    agent = m.who.agent
    if _armed(m.who.target) or (agent is not None and agent.kind in _STATE):
        return False
    objects = direct_objects(m.sentence.doc[m.kind.cue.head_i])
    return bool(objects) and all(o.lemma_.lower() in _CIVILIAN_PLACES for o in objects)


def _armed(actor: ActorPhrase | None) -> bool:
    """An armed side named as agent or target; a weapon named alone is none ("a tank at the
    gas plant exploded": no one is said to have fired it)."""
    return actor is not None and actor.kind in _ARMED and not weapon_only(actor)
