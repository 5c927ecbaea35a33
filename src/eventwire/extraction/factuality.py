"""Whether a cue reports a real, specific event: not negated, planned, denied, summarised or
an aggregate (vocabulary in data/factuality.yaml)."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from eventwire.data import load_vocabulary
from eventwire.extraction.actors import governing_verb
from eventwire.extraction.attribution import SAY_LEMMAS
from eventwire.extraction.cues import (
    Cue,
    arms,
    compound_of,
    drives_out,
    first_listed,
    seizing_verb,
)
from eventwire.extraction.dates import CALENDAR_WORDS, DateMention
from eventwire.extraction.tolls import is_person, running_total
from eventwire.nlp import doc_text, sentence_before, span_text

_WORDS = load_vocabulary("factuality")
MODALS = frozenset(_WORDS["modals"])
NONFACTUAL_HEADS = frozenset(_WORDS["nonfactual_heads"])
BACKGROUND_ADJ = frozenset(_WORDS["background_adj"])
CURRENT_ADJ = frozenset(_WORDS["current_adj"])
ADDITION_ADJ = frozenset(_WORDS["addition_adj"])
AGGREGATE_WORDS = frozenset(_WORDS["aggregate_words"])
SAME_DAY = frozenset(_WORDS["same_day"])
SEVERAL = frozenset(_WORDS["several"])
ALERT_WORDS = frozenset(_WORDS["alert_words"])
_OVERFLIGHT_VERBS = frozenset(_WORDS["overflight_verbs"])
_SERVICE_HEADS = frozenset(_WORDS["service_heads"])
_CARE_VERBS = frozenset(_WORDS["care_verbs"])
_SUPPORT_VERBS = frozenset(_WORDS["support_verbs"])
_SUPPORT_NOUNS = frozenset(_WORDS["support_nouns"])
_SIGHTING_VERBS = frozenset(_WORDS["sighting_verbs"])
_TRAVEL_VERBS = frozenset(_WORDS["travel_verbs"])
_LANDING_VERBS = frozenset(_WORDS["landing_verbs"])
EVENT_HEADS = frozenset(_WORDS["event_heads"])
PROTEST_HEADS = frozenset(_WORDS["protest_heads"])
DIPLOMATS = frozenset(_WORDS["diplomats"])
EVIDENCE_NOUNS = frozenset(_WORDS["evidence_nouns"])
LODGING_VERBS = frozenset(_WORDS["lodging_verbs"])
WEAPON_CATEGORIES = frozenset(_WORDS["weapon_categories"])
TERRITORIAL = frozenset(_WORDS["territorial"])
CONFLICT_NOUNS = frozenset(_WORDS["conflict_nouns"])
PERIOD_NOUNS = frozenset(_WORDS["period_nouns"])
SPEAKER_CATEGORIES = frozenset(_WORDS["speaker_categories"])
STATEMENT_LEMMAS = SAY_LEMMAS | frozenset(_WORDS["statement_verbs"])
RELATING_VERBS = frozenset(_WORDS["relating_verbs"])
LASTING_STATE_VERBS = frozenset(_WORDS["lasting_state_verbs"])
FREQUENCY_ADVERBS = frozenset(_WORDS["frequency_adverbs"])
TIMES_COUNTS = frozenset(_WORDS["times_counts"])
END_VERBS = frozenset(_WORDS["end_verbs"])
HURT_WORDS = frozenset(_WORDS["hurt_words"])
CARE_PLACES = frozenset(_WORDS["care_places"])
FUNERAL_THINGS = frozenset(_WORDS["funeral_things"])
FUNERAL_RITES = frozenset(_WORDS["funeral_rites"])
# the cue categories of fighting, which an end is made to ("stop the fighting"; "police stopped
# the march" is a protest met by force)
FIGHTING = frozenset({"clash", "attack", "strike", "artillery", "air"})
CARRYING_VERBS = frozenset(_WORDS["carrying_verbs"])
HANDING_VERBS = frozenset(_WORDS["handing_verbs"])
ABSTRACT_TARGETS = frozenset(_WORDS["abstract_targets"])
ABSTRACT_FOES = frozenset(_WORDS["abstract_foes"])
FIGHT_LEMMAS = frozenset(_WORDS["fight_lemmas"])
SPAN_NOUNS = frozenset(_WORDS["span_nouns"])
COURT_VERBS = frozenset(_WORDS["court_verbs"])
COURT_PREPS = frozenset(_WORDS["court_preps"])
JUDGES = frozenset(_WORDS["judges"])
_CASE_NOUNS = frozenset(_WORDS["case_nouns"])
# cue categories that name a means ("charged the march with batons and pepper spray"), no act
MEANS_CATEGORIES = frozenset({"intervention"}) | WEAPON_CATEGORIES
_BEFALLING_VERBS = frozenset(_WORDS["befalling_verbs"])
FORECAST_HEADS = frozenset(_WORDS["forecast_heads"])
DEPLOYING = frozenset(_WORDS["deploying"])
FORCES = frozenset(_WORDS["forces"])
BACK_DETS = frozenset(_WORDS["back_dets"])
STATISTIC_VERBS = frozenset(_WORDS["statistic_verbs"])
NONFACTUAL_NOUNS = frozenset(_WORDS["nonfactual_nouns"])
HEARSAY_NOUNS = frozenset(_WORDS["hearsay_nouns"])
HEARSAY_ADJECTIVES = frozenset(_WORDS["hearsay_adjectives"])
HEARSAY_CARRIERS = frozenset(_WORDS["hearsay_carriers"])
STATISTIC_NOUNS = frozenset(_WORDS["statistic_nouns"])
CLAIM_NOUNS = frozenset(_WORDS["claim_nouns"])
HEARSAY_VERBS = frozenset(_WORDS["hearsay_verbs"])
SPREADING_VERBS = frozenset(_WORDS["spreading_verbs"])
VERIFYING_VERBS = frozenset(_WORDS["verifying_verbs"])
ACCIDENT_VERBS = frozenset(_WORDS["accident_verbs"])
VEHICLE_VERBS = frozenset(_WORDS["vehicle_verbs"])
VEHICLES = frozenset(_WORDS["vehicles"])
ACCIDENT_NOUNS = frozenset(_WORDS["accident_nouns"])
ROADS = frozenset(_WORDS["roads"])
CARRIED_PEOPLE = frozenset(_WORDS["carried_people"])
DOCUMENT_WORDS = frozenset(_WORDS["document_words"])
HEADER_WORDS = 12  # a header line is this short
CANCEL_VERBS = frozenset(_WORDS["cancel_verbs"])
REFERRING_VERBS = frozenset(_WORDS["referring_verbs"])
# Verbs of putting out a document (date_words.yaml): their day is the document's
PUBLISHING_VERBS = frozenset(load_vocabulary("date_words")["publishing_verbs"])
# Verbs whose day is a statement's or a document's, not an event's
TELLING_VERBS = SAY_LEMMAS | PUBLISHING_VERBS
# … and those whose object's own day dates the object's event ("confirmed the arrest of … Oct. 19")
_DATING_THEIR_OBJECT = TELLING_VERBS | REFERRING_VERBS
REASON_NOUNS = frozenset(_WORDS["reason_nouns"])
OWN_PEOPLE = frozenset(_WORDS["own_people"])
NATURAL_FORCES = frozenset(_WORDS["natural_forces"])
ARSON_WORDS = frozenset(_WORDS["arson_words"])
RECORD_WORDS = frozenset(_WORDS["record_words"])
RECORD_NOUNS = frozenset(_WORDS["record_nouns"])
# An editor's note on a wire story's update: "| Adds …" or "(Writes through with …" on its line
_WRITE_THROUGH = re.compile(
    r"[|(]\s*(?:" + "|".join(re.escape(w) for w in _WORDS["write_through"]) + r")\b",
    re.IGNORECASE,
)


def _has_background_modifier(token: Token) -> bool:
    """ "Previous talks", "the worst fighting": a past or summarised event, not a new one (but
    for an act ranked in a clause's frame); "a further 19 people": more victims of an event
    already told."""
    counted = any(c.dep_ == "nummod" for c in token.children)
    return any(
        c.dep_ == "amod"
        and (
            c.lower_ in BACKGROUND_ADJ
            or (
                c.tag_ == "JJS"
                and c.lower_ not in CURRENT_ADJ
                and not _ranked_frame(token)
                and not _one_picked_out(token)
            )
            or (counted and c.lower_ in ADDITION_ADJ)
        )
        for c in token.children
    )


def _ranked_frame(token: Token) -> bool:
    """ "In one of the deadliest attacks of the war, 40 people were killed": the act a clause
    tells, ranked among others in the frame that opens it, not a past one. (Ranked after the
    clause, "…, killing 58, in one of the deadliest attacks since …", the words only rank the
    act told, whose cue stands in the clause.)"""
    one = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if one is None or one.lower_ != "one" or one.dep_ != "pobj" or one.head.lower_ != "in":
        return False
    verb = one.head.head
    return verb.pos_ in ("VERB", "AUX") and one.head.i < verb.i


def _over_a_period(verb: Token) -> bool:
    """ "… over the past 15 years", "in recent months": a clause about a stretch of time."""
    # "has been fighting to topple the government for more than 15 years": its complement's too
    preps = [*verb.children, *(g for c in verb.children if c.dep_ == "xcomp" for g in c.children)]
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ not in ("over", "in", "during", "throughout", "for"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_ in PERIOD_NOUNS:
                if prep.lower_ == "for" and obj.tag_ == "NNS":
                    return True  # "for years", "for more than 15 years"
                if any(c.lower_ in ("past", "last", "recent") for c in obj.children):
                    return True
    return False


def _not_territory(token: Token) -> bool:
    """ "Seized a cache of weapons", "captured a thief": a capture verb with no place as object."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ != "PROPN" and o.lemma_ not in TERRITORIAL for o in objects)


def _count(token: Token) -> float:
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return 0.0


def _verb_lemmas(token: Token) -> set[str]:
    """The lemma of a verb, also when the parser took its -ing form for a noun ("who had been
    planning attacks")."""
    if token.pos_ in ("VERB", "AUX"):
        return {token.lemma_}
    if token.lower_.endswith("ing") and any(c.dep_ == "aux" for c in token.children):
        stem = token.lower_[:-3]
        return {stem, stem[:-1], stem + "e"}
    return set()


def _perfect(verb: Token) -> bool:
    return any(a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children)


def _running_total(token: Token) -> str | None:
    """ "The war has killed 20,000 people", "Fighting … has driven 135,000 people from their
    homes": the cue's clause sums a conflict up (tolls.running_total, the one test of it)."""
    subject = token.dep_ in ("nsubj", "nsubjpass", "csubj") and token.head.pos_ in ("VERB", "AUX")
    return running_total(token.head if subject else governing_verb(token))


def _one_picked_out(token: Token) -> bool:
    """ "The largest rally took place on Thursday in the Senate Square", "the first attack
    came at dawn": one of the events a summary told, picked out by a superlative or an ordinal
    as the subject of a verb of happening and told in full; neither the same event named again
    nor a ranking against the past ("the worst fighting since 2014"). ("The latest
    negotiations were the fourth round" names the last told, as "latest" does elsewhere.)"""
    return (
        token.dep_ == "nsubj"
        and token.head.lemma_ in RELATING_VERBS
        and any(
            c.dep_ == "amod"
            and c.lower_ not in CURRENT_ADJ
            and (c.tag_ == "JJS" or c.lower_ in ("first", "second", "third", "last"))
            for c in token.children
        )
    )


def _refers_to_told(token: Token) -> str | None:
    """ "Police confirmed the attack", "no group claimed the attack", "blamed insurgents for the
    drone attack": the object of a verb of comment on an event already told; "detained five
    civilians in connection with the attack of 22 December", "in retaliation for the killing":
    the reason for another act, and so is one an act was "over" ("arrested three men over the
    attack on the journalists", "over Sunday's attack"); "killed seven civilians on Friday, a
    day after the roadside bomb": the time of another act."""
    if not any(
        (c.dep_ == "det" and c.lower_ in BACK_DETS) or c.dep_ == "poss" for c in token.children
    ):
        return None
    head = token.head
    if token.dep_ == "pobj" and (head.head.lemma_ in REASON_NOUNS or head.lower_ == "over"):
        return f"the reason for another act ('{head.head.text} {head.text} … {token.text}')"
    if token.dep_ == "pobj" and head.lower_ in ("after", "before"):
        # "killed seven civilians near Gourcy on Friday, a day after the roadside bomb"
        return f"the time of another act ('{head.text} … {token.text}')"
    if token.dep_ == "pobj" and head.lower_ == "for":
        head = head.head
        if head.dep_ == "dobj":  # "blamed insurgents for the attack"
            head = head.head
        if head.lemma_ == "responsibility":  # "claimed responsibility for the attack"
            head = head.head
    elif token.dep_ != "dobj":
        return None
    if head.lemma_ in REFERRING_VERBS:
        return f"names an event told before ('{head.text} … {token.text}')"
    return None


def _on_the_record(token: Token) -> str | None:
    """ "A Taliban leader who was responsible for Tuesday's attack", "a commander directly
    connected to the July 2 attack", "two men suspected of involvement in the bombing": an
    event on someone's record, what they are held to have done, not the news told of them."""
    head = token.head
    if (
        token.dep_ != "pobj"
        or head.dep_ != "prep"
        or head.lower_ not in ("for", "to", "in", "of", "with")
    ):
        return None
    holder = head.head
    if holder.lemma_ in RECORD_NOUNS and holder.dep_ == "pobj":
        holder = holder.head.head  # "suspected of involvement in the bombing"
    if holder.lower_ in RECORD_WORDS and holder.pos_ in ("ADJ", "VERB"):
        return f"on someone's record ('{holder.text} {head.text} … {token.text}'), not news"
    return None


def _described(cue: Cue, token: Token) -> str | None:
    """ "Burned motorcycles", "the jailed drug lord", "seized vehicles", "the areas retaken
    by the army": a participle that describes a thing is no event; nor is a weapon seized or
    found ("seized … a grenade launcher"), nor one carried ("detained 15 people carrying paint
    bombs"); nor an attack that names what a speaker calls something ("calling the checkpoint
    an attack on the right to protest", "condemned the raid as an assault on press freedom")."""
    if token.dep_ == "amod" and token.tag_ in ("VBN", "JJ") and cue.end == cue.start + 1:
        if cue.category in ("arrest", "looting", "territory"):
            return f"describes a thing ('{token.text} {token.head.text}')"
    if (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and cue.category == "territory"
        and token.head.lemma_.lower() not in arms()  # ("a pistol and a rifle seized")
        and not any(c.dep_ == "nsubj" for c in token.children)
        and not any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
    ):
        # "the people in the areas now retaken by the army have fled to camps": a capture told
        # as what a place is, with no day of its own, told before or long past (not "the towns
        # which insurgents seized on Wednesday 29 October")
        return f"describes a place ('{token.head.text} {token.text}')"
    if cue.category in WEAPON_CATEGORIES | {"artillery", "ied"}:
        verb = seizing_verb(token, ("dobj",))
        if verb is not None:
            return f"a weapon seized or found ('{verb.text} … {token.text}')"
        if _carried(token):
            return f"a weapon carried ('{token.head.text} … {token.text}'), not used"
        if _handed_over(token):
            return f"a weapon given up ('{token.text}'), not used"
    if token.pos_ == "NOUN" and (
        token.dep_ == "oprd"
        or (token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ == "NOUN")
        or any(
            p.dep_ == "prep"
            and p.lower_ in ("on", "against")
            and any(o.dep_ == "pobj" and o.lemma_.lower() in ABSTRACT_TARGETS for o in p.children)
            for p in token.children
        )
    ):
        return f"what a speaker calls something ('{token.text}'), not an event"
    return None


def _handed_over(token: Token) -> bool:
    """ "handed over 14 firearms, including two rifles and a grenade launcher", "surrendered
    their mortars", "turned in a rocket launcher": a weapon (or a thing its list hangs on) that
    is the object of a verb of giving up (factuality.yaml handing_verbs; "hand" and "turn" only
    with "over" or "in")."""
    token = first_listed(token)
    while token.dep_ == "pobj" and token.head.lower_ in ("including", "of"):
        token = first_listed(token.head.head)
    if token.lemma_.lower() not in arms() and token.lower_ not in arms():
        return False  # "handed over their positions and several tanks": a place given up
    verb = token.head
    if token.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in HANDING_VERBS:
        return False
    particle = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return verb.lemma_.lower() not in ("hand", "turn") or bool(particle & {"over", "in"})


def _carried(token: Token) -> bool:
    """ "detained 15 people carrying paint bombs", "a man wearing a suicide vest was arrested":
    a weapon (or the first of the nouns it is listed with) that is the object of a verb of
    carrying or holding."""
    token = first_listed(token)
    verb = token.head
    return (
        token.dep_ == "dobj"
        and verb.lemma_ in CARRYING_VERBS
        and not any(c.dep_ == "prt" for c in verb.children)  # "carried out airstrikes"
    )


def _thing_described(token: Token) -> Token | None:
    """The thing a hyphenated modifier that holds `token` describes: "site" for "rocket" and
    "launching" in "a rocket-launching site" (the parser's npadvmod or compound under an -ing
    or -ed amod); None for a word in no such modifier, and for a weapon or an attack ("a
    drone-launched missile", "a rocket-propelled grenade") or people ("stone-pelting students",
    "knife-wielding men": what they did is the event) described."""
    if token.dep_ == "amod" and token.tag_ in ("VBG", "VBN"):
        modifier = token
        if not any(c.dep_ in ("npadvmod", "compound") for c in token.children):
            return None
    elif token.dep_ in ("npadvmod", "compound") and token.head.dep_ == "amod":
        modifier = token.head
        if modifier.tag_ not in ("VBG", "VBN"):
            return None
    else:
        return None
    thing = modifier.head
    if (
        thing.pos_ in ("NOUN", "PROPN")
        and thing.lemma_.lower() not in EVENT_HEADS | arms()
        and not is_person(thing)
    ):
        return thing
    return None


def _a_role(token: Token) -> str | None:
    """ "Mustapha Karimbe, a civilian helping the army fight the group, said …", "Ali, a
    commander leading attacks on the town": a participle clause in an apposition tells who
    someone is, what they do, not something that happened on a day."""
    for ancestor in (token, *token.ancestors):
        if ancestor.dep_ == "relcl":
            return None
        if ancestor.dep_ == "acl" and ancestor.tag_ == "VBG":
            person = ancestor.head
            if person.dep_ == "appos" and is_person(person):
                return f"who someone is ('{person.text} {ancestor.text} …'), not an event"
    return None


def _a_person_bomber(token: Token) -> bool:
    """ "helping the bomber to reach the site", "the bomber blew himself up": a bomber named
    alone, in the singular, is the person who set off a bomb; the aircraft comes with its kind
    ("strategic bombers", "a Tu-22 bomber", "bombers struck the city")."""
    return token.lower_ == "bomber" and not any(
        c.dep_ in ("compound", "amod", "nmod", "nummod") for c in token.children
    )


def _its_own_people(token: Token) -> bool:
    """ "We evacuated our 38 employees to the capital", "the company evacuated its staff":
    the object of an evacuation is the evacuator's own people."""
    return token.pos_ == "VERB" and any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in OWN_PEOPLE
        and any(d.dep_ == "poss" and d.lower_ in ("our", "its", "their", "my") for d in c.children)
        for c in token.children
    )


def _the_hurt_taken_for_care(token: Token) -> bool:
    """ "The wounded were evacuated to the regional hospital", "evacuated the injured": the
    hurt, or a hospital they were taken to, named with an evacuation."""
    if token.pos_ != "VERB":
        return False
    moved = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(m.lower_ in HURT_WORDS or m.lemma_.lower() in HURT_WORDS for m in moved):
        return True
    places = [g for p in token.children if p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
    return any(
        g.lemma_.lower() in CARE_PLACES or f"{compound_of(g)} {g.lemma_.lower()}" in CARE_PLACES
        for g in places
    )


def _a_funeral_procession(token: Token) -> bool:
    """ "Thousands of mourners marched behind the coffins", "Funerals were held on Wednesday,
    with thousands marching through the city behind the bodies": a march behind the dead, or
    one told as how a funeral went, is a funeral procession."""
    behind = [g for p in token.children if p.lower_ == "behind" for g in p.children]
    if any(g.lemma_.lower() in FUNERAL_THINGS for g in behind):
        return True
    if token.dep_ != "pcomp" or token.head.lower_ != "with":
        return False
    held = token.head.head
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in FUNERAL_RITES
        for c in held.children
    )


def _ended(token: Token) -> bool:
    """ "Agreed to stop the fighting", "called for an end to the clashes": an act named as what
    is to be brought to an end is one told before, no new event."""
    if token.pos_ != "NOUN":
        return False
    verb = token.head
    if token.dep_ == "dobj" and verb.lemma_.lower() in END_VERBS:
        # what is to be ended ("agreed to stop the fighting"), not an end forced ("troops had
        # ended the siege": an operation)
        return verb.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    to = token.head
    return token.dep_ == "pobj" and to.lower_ == "to" and to.head.lemma_.lower() == "end"


def _a_recital(verb: Token) -> bool:
    """ "Considering the suicide attacks carried out on Saturday 10 October …", "Considering
    that on 31 October two women …": a decree's recital opens with the participle and no
    subject, and states what happened ("the army is considering strikes" plans them)."""
    first = next((t for t in verb.sent if t.is_alpha), None)
    return (
        verb.lemma_ == "consider"
        and verb.tag_ == "VBG"
        and verb == first
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    )


def _done_by_a_natural_force(token: Token) -> bool:
    """ "A grass fire burned about 80 hectares", "the fire … ; it burned the grazing", "a house
    fire, which destroyed our meter": the subject is a fire or a storm, or a pronoun for one
    (a relative pronoun's noun, or "it" for the subject told before it in the sentence)."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in ("which", "that") and token.dep_ == "relcl":
        # the noun the clause describes, however the parser hung it ("a house fire in Mogotio
        # on 17 March, which destroyed our meter" hangs it on "March")
        subject = token.head
        while subject.dep_ == "pobj" and subject.head.head.pos_ in ("NOUN", "PROPN"):
            if subject.lemma_.lower() in NATURAL_FORCES:
                break
            subject = subject.head.head
    elif subject.lower_ == "it":
        before = [t for t in token.sent if t.i < subject.i and t.dep_ in ("nsubj", "nsubjpass")]
        if not before:
            return False
        subject = before[-1]
    return subject.lemma_.lower() in NATURAL_FORCES and not _lit_by_someone(token.sent)


def _lit_by_someone(sent: Span) -> bool:
    """ "… a fire destroyed the centre. The fire service has said it was started deliberately":
    the sentence, or the one after it, says its fire was arson (factuality.yaml arson_words)."""
    doc = sent.doc
    after = doc[sent.end].sent if sent.end < len(doc) else None
    return any(t.lower_ in ARSON_WORDS for s in (sent, after) if s is not None for t in s)


def _in_progress_when(verb: Token) -> str | None:
    """ "The soldiers were patrolling a highway when they came under fire": a past progressive
    with a 'when' clause sets the scene of another event."""
    if verb.tag_ != "VBG" or not any(
        c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children
    ):
        return None
    for c in verb.children:
        if c.dep_ == "advcl" and any(
            m.dep_ in ("advmod", "mark") and m.lower_ == "when" for m in c.children
        ):
            return f"the scene of another event ('{verb.text} … when')"
    return None


# Reasons no reading of the sentence can undo: the parse's negation, a deed done to no one,
# a state that lasts, a deployment of no force, a vehicle that hit someone, a rumour, an
# editor's note, weapons given up, the crime a court or a case names (the trained coder does
# not see them)
CERTAIN = (
    "negated",
    "an accident",
    "called off",
    "what a court tries",
    "a means of travel",
    "a state that lasts",
    "a deployment of no armed force",
    "an accident: a vehicle's crash",
    "hearsay",
    "an editor's note",
    "a weapon given up",
)


# Reasons that hold for every word of an event noun's phrase ("has intensified attacks on
# military bases, including with drones": the drones are that summary's too)
SPREADING = ("a summary over a period", "many acts over", "negated", "hearsay")


def within_set_aside(
    cue: Cue, doc: Doc, set_aside: list[tuple[Cue, str]]
) -> tuple[Cue, str] | None:
    """The set-aside event noun, and why, whose phrase holds the cue (`SPREADING`); not a noun
    of people ("dozens of rioters who tried to seize police stations")."""
    token = doc[cue.head_i]
    for other, why in set_aside:
        noun = doc[other.head_i]
        if (
            noun.pos_ == "NOUN"
            and not is_person(noun)
            and not noun.lemma_.lower().endswith(("er", "or", "ist"))  # "rioters", "protesters"
            and why.startswith(SPREADING)
            and noun.i != token.i
            and noun in token.ancestors
        ):
            return other, why
    return None


def certain(reason: str) -> bool:
    """Whether a background reason rules the cue out whatever else reads the sentence."""
    return reason.startswith(CERTAIN)


def is_background(cue: Cue, doc: Doc, published: dt.date | None = None) -> str | None:
    """Why a cue does not report a real, specific event (negated, modal, forecast, past, a
    period's start), or None. With `published`, a clause set in an earlier year is history."""
    why = _background(cue, doc)
    if why is None and _in_an_earlier_year(cue, doc, published):
        return "history: a year before the story's"
    if why is None and _since_clause(cue, doc):
        return "the start of a running count ('since …')"
    return why


def _what_a_noun_allows(verb: Token) -> bool:
    """ "gives the police wide powers to arrest people", "demanded the right to march": the
    infinitive right after a noun of what may be done, however the parser hangs it (not
    "used their powers to arrest 40 people")."""
    doc = verb.doc
    if verb.i < 2 or verb.pos_ != "VERB" or doc[verb.i - 1].lower_ != "to":
        return False
    noun = doc[verb.i - 2]
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in NONFACTUAL_NOUNS
        and noun.head.lemma_.lower() not in ("use", "exercise", "invoke")
    )


def _hearsay(noun: Token) -> bool:
    """A noun of hearsay ("a rumour that …"; "19:30 - Rumours on social media that …", a noun
    the tagger read as a name), or a claim that spreads with no one making it ("A claim spread
    on Tuesday that police had beaten a protester")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.lemma_.lower() in HEARSAY_NOUNS or noun.lower_ in HEARSAY_NOUNS:
        return True
    return (
        noun.lemma_.lower() in CLAIM_NOUNS
        and noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in SPREADING_VERBS
        and not any(c.dep_ in ("poss", "compound") for c in noun.children)
    )


def _quantifies(word: Token, token: Token) -> bool:
    """Whether "all", "most" or "every" under a cue counts its events or its subjects: any
    such word under a noun ("most attacks"); under a verb, only as its subject ("most of them
    shot as they fled"), not floating off it ("were all killed") or describing its object
    ("detained 53 people, most of them young men")."""
    if token.pos_ != "VERB":
        return True
    # "several hundred people, most of them women, marched": the parse makes "most" a second
    # subject, of a phrase that only describes the group
    described = any(c.dep_ == "appos" for c in word.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i != word.i for c in token.children
    )
    return word.dep_ in ("nsubj", "nsubjpass") and not described


def _a_service_s_topic(token: Token) -> bool:
    """ "Partners are training staff in clinical management of rape", "awareness sessions on
    the prevention of abduction", "GBV case management": an act named as what a service
    deals with, no event."""
    while token.dep_ == "conj":  # "… of abduction and child recruitment"
        token = token.head
    if token.dep_ == "compound":
        return token.head.lemma_.lower() in _SERVICE_HEADS
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("of", "against", "on", "for"):
        return False
    if prep.head.lemma_.lower() in _SERVICE_HEADS:
        return True
    # "Mobile clinics treated five survivors of sexual violence during the period": the people
    # a service cared for, counted
    survivors = prep.head
    return survivors.lemma_.lower() in ("survivor", "victim") and (
        survivors.head.lemma_.lower() in _CARE_VERBS and survivors.dep_ in ("dobj", "nsubjpass")
    )


def _in_support(token: Token) -> bool:
    """ "More than 200 police officers, supported by a helicopter, entered the property",
    "troops backed by helicopters", "with helicopter support": an aircraft that backs a force
    on the ground, no strike of its own."""
    if token.dep_ == "compound" and token.head.lemma_.lower() in _SUPPORT_NOUNS:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of":  # "with the support of a helicopter"
        return token.head.head.lemma_.lower() in _SUPPORT_NOUNS
    by = token.head
    return (
        token.dep_ == "pobj"
        and by.lower_ == "by"
        and by.head.tag_ == "VBN"
        and by.head.lemma_.lower() in _SUPPORT_VERBS
    )


def _an_overflight(token: Token) -> bool:
    """ "Military helicopters had been flying over the forest", "drones were seen circling over
    the town", "fighter jets flew low over the capital": aircraft that fly, circle or hover
    over a place, with nothing they do to it, fly over; no strike (not "jets flew sorties
    over Idlib", nor "a drone circled, then fired a missile")."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    if verb.lemma_.lower() in _SIGHTING_VERBS:  # "were seen circling"
        verb = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp")), verb)
    return verb.lemma_.lower() in _OVERFLIGHT_VERBS and not any(
        c.dep_ == "dobj" or c.pos_ == "VERB" for c in verb.children
    )


def _people_carried(verb: Token) -> str:
    """The people a verb of carrying off takes ("officers carried away those who refused",
    "gunmen carried off two women", "wounded men being carried away"): a removal, an
    abduction or the wounded, no looting; "" when it takes goods ("carried away radios")."""
    if verb.lemma_.lower() not in ("carry", "cart"):
        return ""
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl":  # "a video of wounded men being carried away"
        taken.append(verb.head)
    people = [
        t
        for t in taken
        if t.pos_ == "PRON" or is_person(t) or {t.lower_, t.lemma_.lower()} & CARRIED_PEOPLE
    ]
    return people[0].text if people else ""


# aircraft by name (not the strike nouns: "residents reported airstrikes" tells strikes)
_AIRCRAFT = frozenset(
    {"helicopter", "chopper", "drone", "uav", "jet", "warplane", "aircraft", "bomber", "gunship"}
    | {"quadcopter"}
)


def _only_sighted(token: Token) -> bool:
    """ "Residents had seen gendarmes' vehicles on the track … and a helicopter in the
    afternoon", "we heard drones all night": an aircraft that someone saw or heard, doing
    nothing the sentence tells (not "they saw a drone drop a grenade"); no strike."""
    if token.lemma_.lower() not in _AIRCRAFT or any(c.pos_ == "VERB" for c in token.children):
        return False
    node = token
    while node.dep_ == "conj":  # "… vehicles … and a helicopter", parsed on the verb or noun
        node = node.head
    verb = node.head if node.dep_ == "dobj" else node
    return verb is not token and verb.lemma_.lower() in _SIGHTING_VERBS - {"report"}


def _means_of_travel(token: Token) -> bool:
    """ "Ugandan troops arrived at the airstrip by helicopter", "supplies reached Bor by air":
    an aircraft after "by" on a verb of travel or transport; "a helicopter brought the church
    leaders to the monastery": an aircraft that carries people or goods (not one that
    "carried out" strikes); "helicopters have landed in the grounds": one that lands."""
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in _LANDING_VERBS:
        # (not "a drone circled over the market, then fired a missile")
        return not any(c.pos_ == "VERB" and c.dep_ in ("conj", "dep") for c in token.head.children)
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in _TRAVEL_VERBS:
        # "helicopters had been sent from Bangui with reinforcements": the aircraft carried,
        # unless sent to do something ("gunships were sent to strike the rebels")
        verb = token.head
        carries = token.dep_ == "nsubjpass" or any(c.dep_ == "dobj" for c in verb.children)
        return carries and not any(c.dep_ in ("prt", "xcomp", "advcl") for c in verb.children)
    by = token.head
    if by.lower_ != "by" or token.dep_ != "pobj":
        return False
    verb = by.head
    for _ in range(4):  # "arrived at the Bor airstrip by helicopter": "by" hangs on the noun
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _TRAVEL_VERBS


def _an_accident(token: Token) -> bool:
    """Whether a casualty word tells deaths in a road, rail or water accident: "a jeep fell
    off the road, killing three passengers", "died when a bus plunged into a gorge", "killed
    in a road accident", "a truck collided with a minibus, killing seven", "an omnibus
    overturned on the road, killing five"."""
    if token.dep_ in ("relcl", "acl") and token.head.lemma_.lower() in ACCIDENT_NOUNS:
        return True  # "a bus accident on the Fort Portal road in which four passengers died"
    clauses = [c for c in token.children if c.dep_ == "advcl"]
    # ("killed when a truck carrying tea overturned" may be parsed with the truck as the
    # clause's head and "overturned" as a modifier below it)
    verbs = [token, *clauses, *(g for c in clauses for g in c.subtree if g.dep_ == "acl")]
    if token.dep_ in ("advcl", "acl", "conj"):
        verbs.append(token.head)
        # "A commuter omnibus overturned on the road, killing five": both parsed as the bus's;
        # "- DESERT HIGHWAY: A lorry and a minibus collided …, killing four": both hang below an
        # item's label, the collision on the lorry
        verbs.extend(c for c in token.head.subtree if c.dep_ == "acl" and c is not token)
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if lemma in ACCIDENT_VERBS or _a_vehicle_s_crash(verb):
            return True
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "acl":
            subjects.append(verb.head)  # "a truck collided …" parsed as the truck's modifier
        if any(s.lemma_.lower() in VEHICLES for s in subjects) and (
            lemma in VEHICLE_VERBS or _leaves_the_road(verb)
        ):
            return True
        if any(s.lemma_.lower() in ACCIDENT_NOUNS for s in subjects):
            return True  # "a motorcycle accident on the same road killed two young men"
    return any(
        p.lower_ in ("in", "after") and g.lemma_.lower() in ACCIDENT_NOUNS
        for p in token.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pobj"
    )


def _leaves_the_road(verb: Token) -> bool:
    """ "left the road", "ran off the highway", "went off the road": a verb that takes its
    subject off a road (factuality.yaml roads)."""
    if verb.lemma_.lower() == "leave" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ROADS for c in verb.children
    ):
        return True
    return any(
        p.lower_ == "off" and any(g.lemma_.lower() in ROADS for g in p.children)
        for p in verb.children
    )


def _a_vehicle_s_crash(verb: Token) -> bool:
    """ "Their car was hit by a lorry", "struck by a train", "run over by a bus", "her car hit
    a utility pole": done by a vehicle, or a vehicle that hits something, an accident (not
    "hit by a roadside bomb", nor "the truck hit a landmine": the mine is the blow)."""
    by_a_vehicle = any(
        g.dep_ == "pobj" and g.lemma_.lower() in VEHICLES
        for a in verb.children
        if a.dep_ == "agent"
        for g in a.children
    )
    if by_a_vehicle:
        return True
    if verb.lemma_.lower() not in ("hit", "strike") or verb.pos_ != "VERB":
        return False
    children = list(verb.children)
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in VEHICLES for c in children) and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in arms() for c in children
    )


def _said_not_to_be(token: Token) -> bool:
    """A kind of event named to say that what happened had nothing to do with one: "It has
    nothing to do with peaceful protest" (a negated verb's words are read elsewhere: "This was
    not a protest")."""
    if token.dep_ != "pobj" or token.head.lower_ != "with":
        return False
    do = token.head.head
    return do.lemma_ == "do" and do.head.lower_ == "nothing"


def _background(cue: Cue, doc: Doc) -> str | None:
    token = doc[cue.head_i]
    # (a cue whose own words are negated tells what did not happen: "entered the town without
    # fighting" is a place handed over, no fighting denied)
    own = cue.lemma.split()[0] in ("no", "without")
    if (
        not own
        and (
            token.lower_ in ("no", "without")
            # (any word of a phrase: "no gathering took place")
            or any(
                c.lower_ in ("no", "without")
                for t in {token, *doc[cue.start : cue.end]}
                for c in t.children
                if c.dep_ in ("det", "neg")
            )
        )
    ):
        return "negated"
    if not own and (
        (token.i > 0 and doc[token.i - 1].lower_ in ("no", "without", "non"))
        or (token.dep_ == "pobj" and token.head.lower_ == "without")  # "without an agreement"
        # "drove into the town without a shot fired" (not "… without a shot being fired", where
        # "without a shot" makes the firing a place handed over: `cues.yaml` unopposed)
        or (
            token.dep_ == "acl"
            and token.head.dep_ == "pobj"
            and token.head.head.lower_ == "without"
        )
    ):
        return "negated"
    if _no_evidence_of(token):
        return "negated: no evidence of it"
    if _said_not_to_be(token):
        return "negated: what the events are said not to be"
    if _what_a_noun_allows(token):
        return f"not factual (what '{doc[token.i - 2].text}' allow)"
    if any(
        c.dep_ == "amod" and c.lower_ in HEARSAY_ADJECTIVES
        for c in (token.head if token.dep_ == "compound" else token).children
    ):
        return "hearsay: a rumoured event"  # "a rumoured second grenade attack … turned out …"
    if _in_an_editor_s_note(cue, doc):
        return "an editor's note listing what a story's update adds, told in the story"
    if _done_by_nobody(token):
        return "negated: no one and nothing did or suffered it"
    if cue.category == "casualty" and _an_accident(token):
        return "an accident: deaths with no one's violence"
    if _a_vehicle_s_crash(token):
        return "an accident: a vehicle's crash"
    if _done_to_nobody(token):
        return "negated: done to no one"
    if _a_lasting_state(token):
        return f"a state that lasts ('{token.head.text} {token.text}'), not an event"
    foe = _an_abstract_foe(token)
    if foe is not None:
        return f"a fight against '{foe.text}', a policy, not a battle"
    span = _span_of_them(token)
    if span is not None:
        return f"many acts over '{span.text}' ('{span.text} of {token.text}'), not one event"
    if _what_a_force_is_for(token):
        return f"describes a force ('{token.head.text} {token.text}'), no event"
    if _named_by_what_befell_them(cue, token):
        return f"people named by what befell them ('the {token.text}'), no event"
    named = _participle_over(token) or token
    if _the_people_it_befell(named):
        return f"names people by an event told before ('{named.head.text} {named.text} …')"
    # (a means is no charge: "charged the march with batons"; rioting is: "charged with rioting")
    means = cue.category in MEANS_CATEGORIES and not (
        cue.category == "riot" and token.pos_ == "NOUN"
    )
    court = None if means else _before_a_court(token)
    if court is not None:
        return f"what a court tries or sentences ('{court.text} … {token.text}'), no event"
    if _goes_on(token):
        return f"goes on ('{token.text} {token.head.text}'), no event of a day"
    if _habitual(token):
        return f"what happens as a rule ('{token.text}', present tense), no event of a day"
    if (often := _as_a_rule(token)) is not None:
        return f"what happens as a rule ('{often}'), no event of a day"
    if (grown := _grown_common(token)) is not None:
        return f"a state things have come to ('{grown}'), no event"
    if (most := _ranked_description(token)) is not None:
        return f"a description ranked against others ('{most} {token.text}'), no event"
    if cue.category == "movement" and _deploys_no_force(token):
        return "a deployment of no armed force"
    if cue.category == "looting" and _done_by_a_natural_force(token):
        return "damage a fire or a storm did, no one's act"
    if cue.category == "evacuation" and _its_own_people(token):
        return "an organisation moving its own people, a precaution"
    if cue.category == "protest" and _a_funeral_procession(token):
        return "a funeral procession, no protest"
    if cue.category == "evacuation" and _the_hurt_taken_for_care(token):
        return "the hurt taken away for care, a rescue"
    if cue.category in FIGHTING and _ended(token):
        return f"an end sought to what was told ('{token.head.text} … {token.text}')"
    if cue.category == "air" and token.i + 1 < len(doc) and doc[token.i + 1].lemma_ in ALERT_WORDS:
        return "an alert, not a strike"
    if cue.category == "air" and _means_of_travel(doc[cue.end - 1]):
        return "a means of travel, not a strike"
    if _a_service_s_topic(token):
        return f"what a service deals with ('{token.text}'), no event"
    if cue.category == "air" and _in_support(doc[cue.end - 1]):
        return "an aircraft backing a force on the ground, not a strike"
    if cue.category == "air" and _an_overflight(doc[cue.end - 1]):
        return f"an overflight ('{doc[cue.end - 1].text} … {doc[cue.end - 1].head.text}'), not a strike"
    if cue.category == "looting" and (people := _people_carried(doc[cue.start])):
        return f"people carried off ('{cue.text} {people}'), not goods"
    if cue.category == "air" and _only_sighted(doc[cue.end - 1]):
        return f"an aircraft seen or heard ('{doc[cue.end - 1].text}'), not a strike"
    if cue.category == "air" and _a_person_bomber(token):
        return "a bomber who is a person ('helping the bomber'), not an aircraft"
    if any(c.lower_ in ("all", "most", "every") and _quantifies(c, token) for c in token.children):
        # "all attacks", "most strikes", "killing 12 people, most of them shot as they fled"
        # (the part of a group told before); not "the armed men were all killed", where "all"
        # floats off the subject, nor "detained 53 people, most of them young men"
        return "a statement about all of them, not one event"
    named = token.head if token.dep_ == "compound" else token  # "the drone attack"
    why = (
        _described(cue, token)
        or _refers_to_told(named)
        or _running_total(token)
        or _on_the_record(named)
    )
    if cue.category == "movement":
        why = why or _in_progress_when(governing_verb(token))
    why = why or _a_role(token)
    if why:
        return why
    if token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.lemma_ in CANCEL_VERBS:
        return f"called off ('{token.text} … {token.head.text}')"
    if (
        token.dep_ in ("nsubj", "nsubjpass")
        and token.head.lemma_ in FORECAST_HEADS
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in token.head.children
        )
    ):
        # "Talks … were expected to resume on Thursday", "The march is scheduled to start"
        return f"planned ('{token.text} … {token.head.text} to …')"
    if (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "nsubj"
        and token.head.lemma_ == "be"
        and token.head.tag_ in ("VBP", "VBZ")
    ):
        return f"a statement about them ('{token.text} {token.head.text} …'), not a report"
    for c in token.children:
        if (
            c.dep_ == "acl"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and not _its_purpose(token, c)
        ):
            return f"planned ('{token.text} … to {c.text}')"
    verb = governing_verb(token)
    perfect = any(a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children)
    several = [*token.children]
    if token.dep_ == "pobj" and token.head.lower_ == "of":  # "dozens of strikes"
        several.append(token.head.head)
    if perfect and any(c.lower_ in SEVERAL for c in several):
        return "a summary of several events over time"
    # (a bare participle too: "with several candidates shot at in recent weeks")
    bare = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if (perfect or bare) and _over_a_period(verb):
        return "a summary over a period ('… over the past 15 years')"
    if cue.category in SPEAKER_CATEGORIES and token.dep_ == "nsubj":
        if token.head.lemma_ in STATEMENT_LEMMAS:
            return f"the speaker of a statement ('{token.text} … {token.head.text}')"
    if (
        token.dep_ == "nsubj"
        and token.head.lemma_ in RELATING_VERBS
        and any(c.dep_ == "det" and c.lower_ in BACK_DETS for c in token.children)
        and not _one_picked_out(token)
    ):
        return f"names an event told before ('{token.text} {token.head.text} …')"
    for ancestor in token.ancestors:
        if ancestor.dep_ == "relcl" and ancestor.head.lemma_ in CONFLICT_NOUNS:
            return f"the war's background (a clause about the '{ancestor.head.text}')"
    for clause in (token, *token.ancestors):
        if clause.dep_ == "relcl" and _on_the_record(clause.head):
            # "involved with a suicide attack that killed four soldiers": the record's toll
            return f"on someone's record (a clause about the '{clause.head.text}')"
    if cue.category == "territory" and not drives_out(cue) and _not_territory(token):
        return f"'{token.text}' takes no territory"
    if cue.category == "displacement" and any(
        t.lower_ in AGGREGATE_WORDS or (t.like_num and _count(t) >= 1000)
        for t in doc[token.sent.start : token.sent.end]
    ):
        return "displacement in thousands: a humanitarian statistic, not one event"
    if cue.lemma == "demonstrate" and any(c.dep_ == "dobj" for c in token.children):
        return "'demonstrate' with an object (showing something, not a protest)"
    noun = _noun_modified(cue, token)
    if cue.category != "casualty" and noun is not None and noun.lemma_.lower() in STATISTIC_NOUNS:
        return f"names a statistic ('{token.text} {noun.text}'), not an event"  # "murder toll"
    if cue.category in WEAPON_CATEGORIES and noun is not None and noun.lemma_ not in EVENT_HEADS:
        return f"names a thing ('{token.text} {noun.text}'), not a weapon used"
    if cue.category == "protest" and _diplomatic(token):
        return f"a diplomatic protest ('{token.text}'), no demonstration"
    if cue.category == "protest" and noun is not None and noun.lemma_.lower() not in PROTEST_HEADS:
        # "protest deaths", "protest organisers", "the protest movement": of protests, no protest
        return f"names a thing of protests ('{token.text} {noun.text}'), no protest"
    thing = _thing_described(token) if cue.category in WEAPON_CATEGORIES - {"riot"} else None
    if thing is not None:
        # "a deserted rocket-launching site", "a drone-making plant": the weapon and its verb
        # describe a place or a thing, no weapon used
        return f"names a thing ('{token.text} … {thing.text}'), not a weapon used"
    child = token
    for ancestor in token.ancestors:
        on_path, child = child, ancestor
        if _a_recital(ancestor):
            break  # what a decree's recital states happened
        if ancestor.pos_ == "ADJ" and ancestor.lemma_ in NONFACTUAL_HEADS:
            return f"not factual (under '{ancestor.text}')"  # "is due to hold a meeting"
        if ancestor.pos_ == "NOUN" and ancestor.lemma_ in NONFACTUAL_NOUNS:
            if on_path.dep_ in ("prep", "acl"):
                return f"not factual (under '{ancestor.text}')"  # "in need of aid"
        if _hearsay(ancestor) and on_path.dep_ in ("prep", "acl", "relcl"):
            return f"hearsay (under '{ancestor.text}')"  # "a rumour that … was killed"
        if ancestor.lemma_ in HEARSAY_VERBS:
            return f"hearsay (under '{ancestor.text}')"  # "a video purporting to show …"
        if (
            ancestor.lemma_ in SAY_LEMMAS
            and on_path.dep_ == "ccomp"
            and any(
                c.dep_ == "nsubj"
                and c.pos_ == "NOUN"  # not a paper's name ("said the Bangkok Post")
                and c.lemma_.lower() in HEARSAY_CARRIERS
                for c in ancestor.children
            )
        ):
            return f"hearsay (what '{ancestor.text}' by messages or posts)"
        if on_path.dep_ == "ccomp" and any(
            c.dep_ == "nsubj" and _hearsay(c) for c in ancestor.children
        ):  # "A claim spread on Tuesday that police had beaten a protester": extraposed
            return f"hearsay (under '{ancestor.text}')"
        if _verb_lemmas(ancestor) & NONFACTUAL_HEADS and on_path.dep_ in ("xcomp", "ccomp", "dobj"):
            return f"not factual (under '{ancestor.text}')"  # "had been planning attacks"
        if ancestor.lemma_ in STATISTIC_VERBS and ancestor.pos_ == "VERB":
            return f"a statistic (under '{ancestor.text}')"
        if ancestor.pos_ not in ("VERB", "AUX") or ancestor.lemma_ in SAY_LEMMAS:
            continue
        if ancestor.lemma_ in NONFACTUAL_HEADS and on_path.dep_ in ("xcomp", "ccomp", "dobj"):
            return f"not factual (under '{ancestor.text}')"
        if (
            ancestor.lemma_ == "be"
            and on_path.dep_ == "xcomp"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in on_path.children)
        ):
            return f"planned ('{ancestor.text} to')"  # "under the deal, gunmen are to withdraw"
        if ancestor.lemma_ in VERIFYING_VERBS and any(
            c.dep_ == "auxpass" for c in ancestor.children
        ):
            continue  # "… were killed; the claim could not be verified": unverified, still told
        for c in ancestor.children:
            if c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS):
                return f"under '{c.text} {ancestor.text}'"
        if ancestor.dep_ == "relcl" and _hearsay(ancestor.head):
            return f"hearsay (under '{ancestor.head.text}')"  # "a rumour that … killed protesters"
        if ancestor.dep_ == "relcl":
            break  # a relative clause asserts its own facts ("sanctions, which include …")
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.dep_ != "ROOT":
        if _has_background_modifier(t):
            return f"background ('{t.text}' is previous/planned)"
        if t.head.i == t.i:
            break
        t = t.head
    return _clause_background(t)


def _an_abstract_foe(token: Token) -> Token | None:
    """What a fight is waged on when it is no one ("have made fighting smuggling a priority",
    "the fight against corruption", "to combat terrorism"): the foe, None for a fight with
    people ("fighting the rebels")."""
    if token.lemma_.lower() not in FIGHT_LEMMAS and token.lower_ not in FIGHT_LEMMAS:
        return None
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    foes = [c for c in token.children if c.dep_ == "dobj"]
    foes += [o for p in token.children if p.lower_ in ("against", "on") for o in p.children]
    foes += [after] if after is not None and after.pos_ in ("NOUN", "VERB") else []
    return next((f for f in foes if {f.lemma_.lower(), f.lower_} & ABSTRACT_FOES), None)


def _span_of_them(token: Token) -> Token | None:
    """The stretch of time whose plural names many acts, told as what another event came after
    or amid, or as a doer ("The raid came after several days of attacks by settlers", "amid
    weeks of protests", "Weeks of protests have paralysed the capital"), None when there is
    none, it is counted ("two days of fighting" is one battle) or it is the fight a capture
    ended ("entered Goma early on Monday after days of fighting": ACLED codes the capture)."""
    t = token
    while t.dep_ == "conj":
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ != "of":
        return None
    span = t.head.head
    if span.lemma_.lower() not in SPAN_NOUNS or span.tag_ != "NNS":
        return None
    if any(c.like_num for c in span.children):
        return None
    if span.dep_ in ("nsubj", "nsubjpass") or (
        span.dep_ == "pobj" and span.head.lower_ in ("amid", "despite")
    ):
        return span
    return span if governing_verb(span).lemma_ in ("come", "follow") else None


def _what_a_force_is_for(token: Token) -> bool:
    """ "the main rear base for Russian forces fighting in the south", "families of soldiers
    fighting in the east", "A brigade fighting in the north said on Monday …": a participle
    that says what a force does, told of something it is for or of, or of who speaks (not
    "police raiding a house were met with gunfire": the raid told)."""
    force = token.head
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBG"
        and (force.lemma_.lower() in FORCES or force.lower_ in FORCES)
        and (
            (force.dep_ == "pobj" and force.head.lower_ in ("for", "of", "to"))
            or (force.dep_ == "nsubj" and force.head.lemma_ in SAY_LEMMAS)
        )
    )


def _before_a_court(token: Token) -> Token | None:
    """The court's verb when the cue is what a court tries or sentences people for ("jailed
    three men for their part in the disorder", "convicted two soldiers of rape", "men accused
    of attacking the station", "charged with murder over the shooting"), a judge's sentence
    itself ("A judge jailed three men") or a court's order ("a judge ordered her detention",
    "the court placed them under house arrest", "a court sent 41 activists to jail", "a judge
    ordered five young men to be held in pre-trial detention"); None
    otherwise (not "police charged the crowd, beating …", nor "residents accused soldiers of
    killing five", a report of a new act)."""
    if token.lemma_ in COURT_VERBS and _a_judge_s(token):
        return token
    if token.pos_ == "NOUN":
        # (up the verbs it hangs on: "a judge ordered five men to be held in pre-trial
        # detention")
        verb = next(
            (a for a in token.ancestors if a.pos_ in ("VERB", "AUX") and _a_judge_s(a)), None
        )
        if verb is not None:
            return verb  # what a court orders is no arrest the story reports
    child = token
    for ancestor in token.ancestors:
        if child.dep_ == "prep" and child.lower_ in COURT_PREPS:
            # the verb's own "of", "for", "with", or its object's ("convicted two soldiers of")
            verb = ancestor if ancestor.pos_ == "VERB" or ancestor.dep_ != "dobj" else ancestor.head
            if verb.lemma_ in COURT_VERBS and (verb.lemma_ != "accuse" or verb.dep_ == "acl"):
                return verb
            if _a_case(ancestor) or any(_a_case(c) for c in ancestor.children if c.dep_ == "dobj"):
                return ancestor  # "a case of murder", "registered an FIR for murder and rioting"
        if ancestor.pos_ == "VERB" and child.dep_ not in ("pcomp", "pobj", "prep"):
            return None
        child = ancestor
    return None


def _its_purpose(noun: Token, infinitive: Token) -> bool:
    """ "held a silent protest to condemn the attacks", "staged a sit-in to demand their pay":
    an infinitive after the object of a verb in the past that did it is what it was done for
    (not "organised a rally to be held on Friday", "announced a strike to demand …": planned)."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.tag_ == "VBD"
        and verb.lemma_ not in NONFACTUAL_HEADS | STATEMENT_LEMMAS | FORECAST_HEADS
        and not any(a.dep_ == "auxpass" for a in infinitive.children)
    )


def _a_judge_s(verb: Token) -> bool:
    """Whether a judge or a court does the verb ("a judge ordered", "the court placed", "an
    investigating judge, who ordered")."""
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in JUDGES:
        return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in JUDGES for c in verb.children)


def _a_case(noun: Token) -> bool:
    """A case the police or a prosecutor opens ("an FIR", "a criminal case", "charges")."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in _CASE_NOUNS


def _the_people_it_befell(token: Token) -> bool:
    """ "The two men killed in Koumra were buried on Thursday", "the soldiers wounded in the
    ambush were flown to Bamako": a participle that names people already told of (a definite
    noun) by what befell them, in a sentence that tells what happened to them next."""
    people = token.head
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and (is_person(people) or any(c.like_num for c in people.children))
        and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in people.children)
        and people.dep_ in ("nsubj", "nsubjpass")
        and people.head.pos_ in ("VERB", "AUX")
        and people.head.lemma_ not in _BEFALLING_VERBS
    )


def _participle_over(token: Token) -> Token | None:
    """The participle whose words a noun stands in ("the two soldiers killed in the attack",
    "killed on the day of the attack": "killed"), None when it stands in none."""
    t = token
    for _ in range(3):
        if t.dep_ != "pobj" or t.head.dep_ != "prep":
            return None
        t = t.head.head
        if t.dep_ == "acl" and t.tag_ == "VBN":
            return t
    return None


def _named_by_what_befell_them(cue: Cue, token: Token) -> bool:
    """ "families of the disappeared", "relatives of the detained": people named by what befell
    them, no event (the dead and the hurt are counted by the tolls)."""
    return (
        cue.category != "casualty"
        and cue.end == cue.start + 1
        and token.tag_ in ("VBN", "VBD", "JJ")
        and token.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "conj")
        and token.i > 0
        and token.doc[token.i - 1].lower_ == "the"
    )


def _a_lasting_state(token: Token) -> bool:
    """ "The security forces remain deployed in Sokode", "three suspects remain in custody":
    the complement of remain/stay is how things stand, not something that happened."""
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head
    return (
        token.dep_ in ("acomp", "xcomp", "oprd", "attr", "prep")
        and token.head.lemma_.lower() in LASTING_STATE_VERBS
    )


def _noun_modified(cue: Cue, token: Token) -> Token | None:
    """The noun outside the cue that a cue word modifies ("roadside bomb cells", "protest
    deaths"; not "air strike", one cue), None when it modifies none."""
    head = token.head
    if token.dep_ == "compound" and head.pos_ == "NOUN" and not cue.start <= head.i < cue.end:
        return head
    return None


def _no_evidence_of(token: Token) -> bool:
    """ "We found no evidence of an air strike near Chauk", "there is no sign of an attack",
    "no evidence that troops had fired on the crowd": an event whose trace was sought and not
    found (a verb's own negation is `_clause_background`'s: "did not find any evidence")."""
    t = token
    for _ in range(3):
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "of":
            t = t.head.head
        elif t.dep_ == "acl" and any(c.lower_ == "that" for c in t.children):
            t = t.head
        else:
            break
        if t.lemma_.lower() in EVIDENCE_NOUNS:
            return any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
    return False


def _diplomatic(token: Token) -> bool:
    """ "Romania has protested to Moscow over debris", "the ministry lodged a protest with the
    ambassador", "Kenya protested": a state's protest, made to another, is diplomacy; so is one
    on paper ("the ministry sent a note of protest", "a formal protest")."""
    if token.lemma_.lower() == "protest" and token.pos_ == "NOUN":
        of = token.head
        if of.lower_ == "of" and of.head.lemma_.lower() in _WORDS["protest_notes"]:
            return True
        if any(c.dep_ == "amod" and c.lower_ in _WORDS["formal_protest"] for c in token.children):
            return True
    verb = token.head if token.dep_ == "dobj" and token.head.lemma_ in LODGING_VERBS else token
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(s.ent_type_ == "GPE" or s.lemma_.lower() in DIPLOMATS for s in subjects):
        return True
    return token.lemma_.lower() == "protest" and any(  # (not "marched to the embassy")
        p.dep_ == "prep"
        and p.lower_ in ("to", "with")
        and any(
            o.dep_ == "pobj" and (o.ent_type_ == "GPE" or o.lemma_.lower() in DIPLOMATS)
            for o in p.children
        )
        for p in (*token.children, *verb.children)
    )


def _goes_on(token: Token) -> bool:
    """ "Attacks on civilians near Mueda continue", "Coalition strikes continue against ISIS":
    an event noun that goes on in the present tense tells how things stand, no event of a day
    ("clashes continued on Monday" tells that day's)."""
    verb = token.head
    return (
        token.dep_ == "nsubj"
        and verb.lemma_.lower() in ("continue", "persist")
        and verb.tag_ in ("VB", "VBP", "VBZ")  # (the parse tags "… near the town continue" VB)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _habitual(token: Token) -> bool:
    """ "Dozo hunters … fight JNIM in some villages", "sub-clans, some of whose members fight
    with the RSF": a verb in the simple present with no day tells what happens as a rule. News
    tells its events in the past; a headline ("Gunmen kill 12 in …"), a heading or a log line
    with no full stop, tells them in the present, and is left alone."""
    if token.pos_ != "VERB" or token.tag_ not in ("VBP", "VBZ"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    sent = token.sent
    said = span_text(sent)
    if sent.start == 0 or not said.rstrip().endswith((".", '."', ".”")):
        return False
    if "\n" in said.strip():
        return False  # a headline the parse ran into its lead
    # (a day in its sentence or the one before is a story told in the present: "Also on
    # Thursday, border guards fire on a group trying to cross", "8 December - police detain …")
    before = sentence_before(sent)
    return not any(
        t.ent_type_ in ("DATE", "TIME") for t in (*sent, *(before if before is not None else ()))
    )


def _as_a_rule(token: Token) -> str | None:
    """ "Border villages are regularly shelled", "gangs have increasingly used drones",
    "drones have reached Moscow several times": an act told with how often it happens and no
    day (a date or a time in its sentence) tells what happens as a rule; the adverb, else None.
    "Gunmen repeatedly fired on the post on Monday" is Monday's."""
    verb = token if token.dep_ not in ("dobj", "nsubjpass") else token.head  # "used drones"
    if verb.pos_ != "VERB":
        return None
    verbs = [verb]  # … and what it was done for ("have increasingly used drones to drop bombs")
    while verbs[-1].dep_ in ("xcomp", "advcl") and len(verbs) < 3:
        verbs.append(verbs[-1].head)
    often = next(
        (
            c.text
            for v in verbs
            for c in v.children
            if (c.dep_ == "advmod" and c.lower_ in FREQUENCY_ADVERBS)
            or (
                c.lemma_.lower() == "time"
                and c.dep_ in ("npadvmod", "advmod", "dobj")
                and any(m.lower_ in TIMES_COUNTS for m in c.children)
            )
        ),
        None,
    )
    if often is None or any(t.ent_type_ in ("DATE", "TIME") for t in verb.sent):
        return None
    return often


def _grown_common(token: Token) -> str | None:
    """ "Mines and improvised explosive devices have become a major threat on the roads",
    "kidnappings are becoming common": acts as the subject of what they have grown into,
    in the perfect or the present and with no day, tell how things stand ("the protest became
    violent on Monday" tells its day's); the verb's words, else None."""
    while token.dep_ in ("amod", "compound", "conj"):  # "Mines and improvised explosive devices"
        token = token.head
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() != "become":
        return None
    have = [c for c in verb.children if c.dep_ == "aux" and c.lemma_.lower() in ("have", "be")]
    if verb.tag_ not in ("VBZ", "VBP") and not have:
        return None
    if any(t.ent_type_ in ("DATE", "TIME") for t in verb.sent):
        return None
    return " ".join(t.text for t in [*have[:1], verb])


def _ranked_description(token: Token) -> str | None:
    """ "One of the most heavily shelled regions", "the most frequently attacked road", "the
    state has been hit hardest": a participle ranked with "most" or a superlative describes a
    place or a thing by what happens there, no event; the ranking words, else None."""
    if token.tag_ != "VBN":
        return None
    for adverb in token.children:
        if adverb.dep_ == "advmod":
            most = [m for m in adverb.children if m.lower_ in ("most", "least")]
            # ("has been hit hardest", "the worst affected"): a superlative of its own
            if most or adverb.lower_ == "most" or adverb.tag_ in ("RBS", "JJS"):
                return doc_text(token.doc)[
                    (most[0] if most else adverb).idx : adverb.idx + len(adverb.text)
                ]
    return None


def _deploys_no_force(token: Token) -> bool:
    """ "Aid groups deployed mobile clinics", "the deployment of water trucks": what a deploy
    word moves, when it names it (its object, its passive subject, "of" what), is no force."""
    if token.lemma_.lower() not in DEPLOYING:
        return False
    moved = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    moved += [
        g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    return bool(moved) and not any(
        m.lemma_.lower() in FORCES or m.lower_ in FORCES or m.pos_ == "PROPN" for m in moved
    )


def _in_an_earlier_year(cue: Cue, doc: Doc, published: dt.date | None) -> bool:
    """ "The kidnapping … first drew attention in 2014, when …": a clause set in a year before
    the story's is history (a bare year: a full date is for the date reader to judge). A
    "when" clause takes the year of what it hangs on ("in 2018, when militants seized …")."""
    if published is None:
        return False
    token = doc[cue.head_i]
    if token.pos_ == "NOUN" and _earlier_years(
        [c for c in token.children if c.dep_ in ("nummod", "compound", "amod")], published
    ):
        return True  # "the network behind the 2002 Bali bombings": an event named by its year
    verb = token.head if token.dep_ in ("nsubj", "nsubjpass", "csubj") else token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # "remembered for two deadly attacks in 1996 and 2006": the year may hang on the cue itself
    heads = [verb, *([token] if token.i != verb.i else [])]
    if any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in verb.children):
        if _earlier_years([verb.head], published):
            return True  # "… in 2018, when …" (the clause hangs on the year)
        heads.append(verb.head)
    preps = [
        p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("in", "since")
    ]
    return any(
        _earlier_years([y for y in p.children if y.dep_ == "pobj"], published) for p in preps
    )


def _earlier_years(tokens: list[Token], published: dt.date) -> bool:
    """Whether `tokens` are bare years (with their conjuncts), all before the story's year."""
    for year in tokens:
        years = [year, *(c for c in year.children if c.dep_ == "conj")]
        if all(re.fullmatch(r"(19|20)\d\d", y.text) for y in years):
            if max(int(y.text) for y in years) < published.year:
                return True
    return False


def _since_clause(cue: Cue, doc: Doc) -> bool:
    """ "… have been killed since Hezbollah began firing at Israel": a clause opened by 'since'
    tells when a running count began, not an event of the story."""
    token = doc[cue.head_i]
    for t in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in t.children):
            return True
    return False


def _from_a_point(clause: Token) -> bool:
    """A 'since' clause that starts a period ("since two militants attacked … on Oct 1"), not
    one of the same day ("since the shelling began at dawn")."""
    return any(m.dep_ == "mark" and m.lower_ == "since" for m in clause.children) and not any(
        t.lemma_ in SAME_DAY for t in clause.subtree
    )


def _done_by_nobody(token: Token) -> bool:
    """ "No civilians were injured", "nobody was hurt", "none of the crew was killed", "no one
    has been arrested", "nothing was agreed": a verb whose subject is no one or nothing reports
    no event, of any kind."""
    for child in token.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if _no_one(child):
            return True
        if any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in child.children):
            return True
    return False


def _done_to_nobody(token: Token) -> bool:
    """ "Police said they had arrested no one", "the gunmen harmed nobody": a verb whose
    object is no one was done to no one."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(_no_one(o) for o in objects)


def _no_one(token: Token) -> bool:
    """ "nobody", "none", "no one", "nothing"."""
    return token.lower_ in ("nobody", "none", "nothing") or (
        token.lower_ == "one" and _after_no(token)
    )


def _after_no(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ == "no"


def _on_a_day(verb: Token) -> bool:
    """ "The groups who held the runway since Monday 26 September left it on Monday 3 October":
    a clause that tells its own day beside a period's start tells a point in time."""
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(t.lower_ in CALENDAR_WORDS for t in c.subtree)
        for c in verb.children
    )


def _clause_background(verb: Token) -> str | None:
    """Why the clause of a verb reports no real event (negated, modal, planned), or None."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head.pos_ in ("VERB", "AUX"):
        chain.append(chain[-1].head)  # "will attack and burn": the first conjunct carries "will"
    # "…, and a mission could deploy": a conjunct with a modal of its own is no fact either
    for v in chain:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in v.children):
            return f"modal ('{v.text} … {verb.text}')"
    if verb.dep_ == "conj":
        # "The rally was peaceful, and police did not intervene": a conjunct with a negation of
        # its own is denied whatever the first conjunct asserts
        own = next((c for c in verb.children if c.dep_ == "neg"), None)
        if own is not None:
            return f"negated ('{own.text} {verb.text}')"
        verb = chain[-1]
    if _has_background_modifier(verb):
        return "background"
    for child in verb.children:
        if child.dep_ == "neg":
            return f"negated ('{child.text} {verb.text}')"
        if child.dep_ == "mark" and child.lower_ == "since":
            return "the start of a period ('since …')"  # "since militants attacked …"
        if child.dep_ == "advcl" and _perfect(verb) and _from_a_point(child):
            return "a development over a period ('has … since …')"
        if child.dep_ == "prep" and child.lower_ == "since":
            # ("since this morning" is the day's; "since Thursday morning" a span from a day)
            named = any(t.lower_ in CALENDAR_WORDS for t in child.subtree)
            same = any(t.lemma_ in SAME_DAY for t in child.subtree) and not named
            if not same and not _on_a_day(verb):
                return "a development over a period ('since …')"
        if child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS:
            return f"modal ('{child.text} {verb.text}')"
        if child.dep_ in ("nsubj", "nsubjpass") and _has_background_modifier(child):
            return f"background subject ('{child.text}')"
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in AGGREGATE_WORDS
            or any(g.lower_ in AGGREGATE_WORDS for g in child.subtree)
        ):
            return "an aggregate"
    if (
        verb.dep_ in ("xcomp", "ccomp", "acl")
        and verb.head.lemma_ in NONFACTUAL_HEADS
        and not _a_recital(verb.head)
    ):
        return f"not factual ('{verb.head.text} … {verb.text}')"
    if verb.dep_ in ("xcomp", "acl") and _has_background_modifier(verb.head):
        return "background"
    if verb.dep_ in ("xcomp", "conj") and verb.head.dep_ in ("xcomp", "ccomp", "conj"):
        if verb.head.head.lemma_ in NONFACTUAL_HEADS:
            return "not factual"
    return None


def dates_the_object(span: Span, verb: Token) -> bool:
    """ "Today, forces confirmed the arrest of a Taliban leader on Sunday", "… confirmed the
    arrest of X in Kunduz province Oct. 19": a date inside the object of a verb of saying or
    of comment on an event dates that object's event, not the statement. A date on the verb
    itself ("confirmed on Sunday", "said in a statement on Sunday") is the statement's."""
    if verb.lemma_ not in _DATING_THEIR_OBJECT:
        return False
    token = span.root
    for _ in range(8):
        if token.head.i == verb.i:
            break
        if token.head.i == token.i:
            return False
        token = token.head
    else:
        return False
    if token.i != span.root.i and token.dep_ == "dobj":
        return True
    # "Today, police confirmed the killing of … on Sunday": a statement has one day; a second
    # one after the object, which the parse hangs on the verb too, is the object's
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i < span.start]
    return bool(objects) and any(
        c.i < objects[0].i and names_a_day(c) for c in verb.children if c.i != token.i
    )


def _in_an_editor_s_note(cue: Cue, doc: Doc) -> bool:
    """A cue in a wire story's update note ("UPDATE 4-… | Adds FSB arrest in Bryansk, Kyiv
    comment", "(Writes through with army statement, Gao protest)"): after the note's first word
    on its own line, which names the items the story tells again in full."""
    text = doc_text(doc)
    start = doc[cue.head_i].idx
    line_start = text.rfind("\n", 0, start) + 1
    return any(m.end() <= start for m in _WRITE_THROUGH.finditer(text, line_start, start))


def names_a_day(token: Token) -> bool:
    """A word, or a preposition's object, that names a day ("Today", "on Monday")."""
    return token.ent_type_ == "DATE" or (
        token.dep_ == "prep" and any(c.ent_type_ == "DATE" for c in token.children)
    )


def _the_document_s_date(d: DateMention, doc: Doc) -> bool:
    """A date on a short line that names the document ("Media release, Wednesday 15 May
    2019", "Covering 8 to 15 July 2016"): the day it was issued or the period it covers."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, d.start) + 1
    end = text.find("\n", d.end)
    line = text[start : len(text) if end < 0 else end]
    words = re.findall(r"[^\W\d_]+", line.lower())
    return len(line.split()) <= HEADER_WORDS and any(w in DOCUMENT_WORDS for w in words)


def date_is_factual(d: DateMention, doc: Doc) -> bool:
    """Whether a date phrase dates a real event (not a plan, a statement or a period's start).
    Decided once per date of a doc (in `Doc.user_data`): the paragraph's days
    (`mentions.told_before`, for the rules and again for the coder's sentences) and each cue's
    (`mentions._date_for`) ask about the same dates."""
    decided = doc.user_data.get(_FACTUAL_DATES)
    if decided is None:
        decided = doc.user_data[_FACTUAL_DATES] = {}
    factual = decided.get(d)
    if factual is None:
        factual = decided[d] = _date_is_factual(d, doc)
    return bool(factual)


_FACTUAL_DATES = "eventwire.factual_dates"  # Doc.user_data: DateMention -> date_is_factual


def _date_is_factual(d: DateMention, doc: Doc) -> bool:
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return True
    if _the_document_s_date(d, doc):
        return False
    verb = governing_verb(span.root)
    if any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return False  # "… since Russia invaded on February 24": the start of a period
    if span[0].lower_ in ("until", "till") and (
        verb.lemma_ in LASTING_STATE_VERBS or any(c.dep_ == "auxpass" for c in verb.children)
    ):
        return False  # "the airport remained closed until Friday", "was held until …": a state
    if dates_the_object(span, verb):
        return True  # "confirmed the arrest of … on Sunday": the arrest's day
    if span.root.head.pos_ == "NOUN" and _on_the_record(span.root.head):
        return False  # "a leader responsible for Tuesday's attack": the day of his record
    if (
        verb.lemma_ in SAY_LEMMAS
        and verb.i in (span.root.head.i, span.root.head.head.i)
        and span.start > verb.i
    ):
        return False  # "…, the army said on Wednesday": the day of the statement
    why = _clause_background(verb)
    # "The biggest operation in Tammun began early on Tuesday 21 January": an event ranked
    # against others, told with a day of its own, happened on it (not "the worst fighting in
    # years", which sums up)
    return why is None or (
        why.startswith("background subject") and d.precision == 1 and _ranked_subject(verb)
    )


def _ranked_subject(verb: Token) -> bool:
    """ "The biggest operation began …": the verb's subject is ranked by a superlative (not
    "the previous talks")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(
            a.dep_ == "amod" and a.tag_ == "JJS" and a.lower_ not in BACKGROUND_ADJ
            for a in c.children
        )
        for c in verb.children
    )
