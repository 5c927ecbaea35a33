"""Find the event cue words of a sentence (data/cues.yaml), matched on lemmas."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from eventwire.data import load_vocabulary
from eventwire.extraction.tolls import is_person
from eventwire.nlp import in_title_case, sentence_before

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

    from eventwire.model import Place


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
    # category -> the lemmas one of its word's neighbours must have ("closed" a school)
    needs: dict[str, frozenset[str]]
    # category -> the category its words are cues of ("blocked the road": a protest)
    counts_as: dict[str, str]
    # categories whose verb is a cue only when people or a crowd do it ("taxi drivers blocked")
    by_a_crowd: frozenset[str]
    # … and those only when armed or uniformed men do it to a person ("gunmen took a teacher")
    by_armed_men: frozenset[str]
    # a meeting's words, and the words that make it talks between the sides of a conflict
    meeting: frozenset[str]
    sides: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    single: dict[str, list[tuple[str, str]]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    needs: dict[str, frozenset[str]] = {}
    counts_as: dict[str, str] = {}
    vocabulary = load_vocabulary("cues")
    for category, entry in vocabulary.items():
        if "with" in entry:
            needs[category] = frozenset(str(w).lower() for w in entry["with"])
        if "as" in entry:
            counts_as[category] = str(entry["as"])
        for item in entry.get("lemmas", []):
            lemma, _, pos = str(item).partition("/")
            single.setdefault(lemma.lower(), []).append((category, pos))
        for phrase in entry.get("phrases", []):
            words = tuple(w.lower() for w in str(phrase).split())
            phrases.setdefault(words[0], []).append((words, category))
    talks = vocabulary["talks"]
    return _Lexicon(
        single={k: tuple(v) for k, v in single.items()},
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        needs=needs,
        counts_as=counts_as,
        by_a_crowd=frozenset(c for c, e in vocabulary.items() if e.get("by") == "crowd"),
        by_armed_men=frozenset(c for c, e in vocabulary.items() if e.get("by") == "armed"),
        meeting=frozenset(str(w) for w in talks["meeting"]),
        sides=frozenset(str(w) for w in talks["sides"]),
    )


def _a_meeting_of_one_side(cue: Cue, sent: Span, lex: _Lexicon) -> bool:
    """ "The minister met the provincial governors", "convened a security meeting": a meeting
    with no word of a conflict's sides in its sentence is no talks between them."""
    return (
        cue.category == "talks"
        and cue.lemma.split()[0] in lex.meeting
        and not any(t.lemma_.lower() in lex.sides or t.lower_ in lex.sides for t in sent)
    )


def _grievance(token: Token) -> bool:
    """ "protested against the arrests", "demonstrated over the arrest of two students": what a
    protest is against is its cause, not an intervention in it."""
    return token.dep_ == "pobj" and token.head.lower_ in ("against", "over")


def _held_already(token: Token) -> bool:
    """ "were remanded in custody", "a motorcyclist who died in police custody", "escaped from
    custody": custody as where someone is, or was, held tells no arrest (taking someone "into
    custody" does)."""
    return (
        token.lemma_.lower() == "custody"
        and token.dep_ == "pobj"
        and token.head.lower_ in ("in", "from")
    )


def _a_person_singled_out(token: Token) -> bool:
    """ "relatives say he was targeted because of his family", "they targeted her": a person
    chosen as a victim, told by a pronoun, no strike from afar."""
    return token.lemma_.lower() == "target" and any(
        c.dep_ in ("nsubjpass", "dobj") and c.pos_ == "PRON" and c.lower_ not in ("it", "them")
        for c in token.children
    )


def _hit_by_a_bullet(token: Token) -> bool:
    """ "a woman hit by a stray bullet in her home": shot in the fire of an event told around
    it, no strike from afar; "struck by a tear gas canister", "hit by a rubber bullet": by
    what a force fired at a crowd (cues.yaml strike: less_lethal)."""
    if token.lemma_.lower() not in ("hit", "strike"):
        return False
    bullets = _words("strike", "small_arms")
    less_lethal = _words("strike", "less_lethal")
    return any(
        c.dep_ == "agent"
        and any(
            g.lemma_.lower() in bullets or any(w.lower_ in less_lethal for w in g.subtree)
            for g in c.children
        )
        for c in token.children
    )


def _a_unit_s_remit(token: Token) -> bool:
    """ "the anti-kidnapping department arrested a woman", "anti-riot police", "anti-aircraft
    guns": the word after "anti-" names what a unit or a weapon fights."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "anti"


def _in_a_civil_body_s_name(token: Token) -> bool:
    """ "The Civil Aviation Authority said flights would resume", "the Mine Action Service",
    "the Humanitarian Aid Commission": a capitalised word inside the name of a civil body (the
    tagger's ORG, with a word of cues.yaml bodies: heads: "the Public Authority for Civil
    Aviation") names what the body deals with, no act. (Not in a headline in title case, where
    every word is capitalised.)"""
    if not token.is_title or token.ent_type_ != "ORG" or token.i == token.sent.start:
        return False
    doc = token.doc
    start, end = token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > token.sent.start:
        start -= 1
    while end < token.sent.end and doc[end].ent_iob_ == "I":
        end += 1
    heads = _words("bodies", "heads")
    return any(
        t.is_title and t.lower_ in heads for t in doc[start:end] if t.i != token.i
    ) and not in_title_case(token.sent)


def _a_civil_aircraft(token: Token) -> bool:
    """ "a water-bombing aircraft put the fire out", "a rescue helicopter airlifted two
    climbers": an aircraft named by a civil use strikes nothing."""
    uses = _words("air", "civil_uses")
    return any(t.lemma_.lower() in uses for left in token.lefts for t in left.subtree)


def _an_airborne_unit(token: Token) -> bool:
    """ "airborne troops landed at the airport", "the 76th Airborne Division": "airborne" said
    of a unit tells how it travels, no strike from the air."""
    return token.lower_ == "airborne" and token.head.lemma_.lower() in _words("air", "units")


def _agrees_in_view(token: Token) -> bool:
    """ "Both governments agree that the first shots were fired at the post", "Analysts agree
    the shooting began at the post", "They agree on little else": people who hold the same
    view of what happened, no accord (not "agreed that prisoners would be exchanged", "agreed
    on a ceasefire", "agreed to withdraw")."""
    if token.lemma_.lower() != "agree" or token.pos_ != "VERB":
        return False
    for child in token.children:
        if (
            child.dep_ == "ccomp"
            and child.i > token.i  # (what is agreed follows: "…; nothing was agreed" does not)
            and not any(a.dep_ == "aux" and a.lower_ in _MODAL_WORDS for a in child.children)
        ):
            return True
        if child.dep_ == "prep" and child.lower_ in ("on", "about"):
            # (the parse may hang the word on what follows: "on little else")
            said = [w for g in child.children for w in (g, *g.children)]
            if any(w.lower_ in _VIEW_OBJECTS for w in said):
                return True
    return False


# What a clause of a decision is told with ("agreed that prisoners would be exchanged"), and
# what views are held on ("agree on little else")
_MODAL_WORDS = frozenset({"would", "will", "should", "shall", "must", "to", "can", "could"})
_VIEW_OBJECTS = frozenset({"little", "nothing", "much", "something", "anything", "everything"})


def _protest_in_words(token: Token) -> bool:
    """ "protested against the decision in statements", "protested the closure in a letter":
    a protest made in words, no gathering."""
    if token.pos_ != "VERB":
        return False
    kinds = _words("protest", "in_words")
    # (the parse may hang "in statements" on what was protested: "against the decision in …")
    heads = [token, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in kinds for g in c.children)
        for h in heads
        for c in h.children
    )


def _a_warrant(token: Token) -> bool:
    """ "tried to serve an arrest warrant", "an arrest order was issued": the arrest a paper
    orders, not one made."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in ("warrant", "order")


def _bomb_of(token: Token) -> str:
    """What a bomb carried, hyphened before it ("petrol-bombed", "fire-bombed", "a
    water-bombing aircraft"), or ""."""
    doc = token.doc
    if (
        token.lemma_.lower() in ("bomb", "bombing")
        and token.i >= 2
        and doc[token.i - 1].text == "-"
    ):
        return doc[token.i - 2].lower_
    return ""


def _a_gunshot(token: Token) -> bool:
    """ "fired a pistol at worshippers", "fired several shots", "one of them fired four times",
    "he fired again": a gun fired at close range, a shooting as "open fire" is, not shelling
    (not rubber bullets, warning shots or tear gas; not fired at a crowd, "fired shotguns
    towards the crowd", which the protest's rules read)."""
    if token.lemma_.lower() != "fire" or token.pos_ != "VERB":
        return False
    aimed = [token, *(c for c in token.children if c.dep_ == "dobj")]
    if any(
        p.dep_ == "prep"
        and p.lower_ in (*_AT, "towards", "toward")
        and any(o.lemma_.lower() in MET_CROWDS for o in p.children)
        for t in aimed
        for p in t.children
    ):
        return False
    guns = _words("strike", "guns")
    fired = [c for c in token.children if c.dep_ == "dobj"] + [
        g for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
    ]
    if any(
        c.lemma_.lower() in guns
        and not any(m.lemma_.lower() in _words("strike", "less_lethal") for m in c.children)
        for c in fired
    ):
        return True
    if any(
        c.dep_ == "npadvmod"
        and c.lemma_.lower() == "time"
        and any(n.dep_ == "nummod" for n in c.children)
        for c in token.children
    ):
        return True
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _words("strike", "shooters")
        for c in token.children
    )


def _done_to_a_thing(token: Token) -> bool:
    """ "Police executing search warrants", "executed the plan": a warrant or a plan carried
    out, no one put to death; "marched …, beating pots and pans": a drum or a pan beaten, no
    one struck."""
    lemma = token.lemma_.lower()
    if lemma not in ("execute", "beat"):
        return False
    things = _words("vac_attack", "executed_things" if lemma == "execute" else "beaten_things")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in things for c in token.children)


def _intercepting(head: Token) -> bool:
    """ "air defences destroyed 12 drones", "drones downed by air defence": air defences as the
    subject of their verb (or its agent) intercept; "hit an air defence system" hits one."""
    if head.dep_ == "compound":
        return False  # "an air defence system", "air defence units were hit"
    if head.dep_ in ("nsubj", "csubj"):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.dep_ == "agent"


# Nouns for where an event told before took place: "gathered at the site of the strike"
SITE_NOUNS = frozenset({"site", "scene", "aftermath"})


def _a_count(number: Token) -> bool:
    """ "The number of people killed has risen to 14", "their number of residents": a count,
    not a group that acts ("a number of villagers attacked the camp")."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ != "a" and c.lower_ != "an")
        for c in number.children
    )


def _a_workplace_mine(token: Token) -> bool:
    """Whether "mine" here is a workplace: the story names one by its mineral, a name or its
    staff ("the road to the Kumtor mine", "mine workers"), and this sentence tells no blast."""
    if token.lemma_.lower() != "mine":
        return False
    blast = _words("workplace_mine", "blast")
    if any(t.lemma_.lower() in blast for t in token.sent) or _harms(token):
        return False
    minerals, staff = _words("workplace_mine", "minerals"), _words("workplace_mine", "staff")
    for t in token.doc:
        if t.lemma_.lower() != "mine" or t.pos_ not in ("NOUN", "PROPN"):
            continue  # (a name's "Mine": "the Nyamongo Gold Mine")
        named = any(
            c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.lower_ in minerals)
            for c in t.children
        )
        if named or (t.dep_ in ("compound", "poss") and t.head.lower_ in staff):
            return True  # "mine workers", "the mine's open pit"
    return False


def _harms(mine: Token) -> bool:
    """ "A mine killed two soldiers", "two were wounded by a mine", "mine victims": the mine
    does the harm (not "two intruders were killed at the mine", where it is the place)."""
    harm = _words("workplace_mine", "harm")
    head = mine.head
    if mine.dep_ == "pobj" and head.lower_ == "by":
        head = head.head
    elif mine.dep_ == "compound":
        return head.lemma_.lower() in harm  # "mine victims"
    elif mine.dep_ not in ("nsubj", "nsubjpass", "dobj", "conj"):
        return False
    return head.lemma_.lower() in harm


def _beside_guns(token: Token) -> bool:
    """ "Gunmen attacked the police headquarters with guns and explosives": explosives that an
    assault carried with its guns are part of it, no bomb set off from afar ("attacked the
    convoy with a roadside bomb" is one)."""
    listed = first_listed(token)
    if listed.dep_ != "pobj" or listed.head.lower_ != "with":
        return False
    together = [listed, *(c for c in listed.subtree if c.dep_ == "conj")]
    return any(t.lemma_.lower() in _GUNS for t in together)


_GUNS = frozenset({"gun", "rifle", "firearm", "weapon", "machine-gun", "kalashnikov", "ak-47"})


def _named_as_a_site(head: Token) -> bool:
    """ "mourners gathered at the site of the blast": the blast is where they met, told before,
    not what this sentence reports."""
    if head.dep_ == "compound":
        head = head.head  # "the air strike"
    of = head.head
    return (
        head.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in SITE_NOUNS
        and any(c.dep_ == "pobj" for c in of.children)
    )


def with_places_taken(cues: list[Cue], doc: Doc, places: Sequence[Place]) -> list[Cue]:
    """The cues, without a word that is a place the geoparser found there, capitalised inside
    its sentence ("the martyrdom of two policemen in Tank", a district of Pakistan), and with
    a capture read as an arrest because the parse took its object for a
    person read again as a place taken, when the geoparser found a place there ("Government
    forces have retaken Bor", where spaCy calls Bor a person)."""
    lex = _lexicon()
    spans = [(p.start, p.end) for p in places]
    out = []
    for cue in cues:
        first = doc[cue.start]
        if first.is_title and not in_title_case(first.sent) and _inside(first.sent, cue, spans):
            continue  # "two policemen were martyred in Tank": the town, not the weapon
        taking = any(c == "territory" for c, _ in lex.single.get(cue.lemma, ()))
        if cue.category == "arrest" and taking:
            objects = [c for c in doc[cue.head_i].children if c.dep_ == "dobj"]
            if objects and all(any(a <= o.idx < b for a, b in spans) for o in objects):
                cue = replace(cue, category="territory")
        if cue.category == "unopposed" and _a_place_handed_over(doc[cue.start], spans):
            cue = replace(cue, category="transfer")
        out.append(cue)
    return out


def _a_place_handed_over(word: Token, spans: list[tuple[int, int]]) -> bool:
    """ "The handover of Aghdam went ahead", "Kalbajar district was handed over", "forces
    handed over Lachin to the army": a place the geoparser found, handed over, changed hands
    without a fight (not "handed over the bodies of two rebels")."""
    if word.lemma_.lower() == "handover":
        given = [g for p in word.children if p.lower_ == "of" for g in p.children]
    elif word.lemma_.lower() == "hand":
        given = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        return False
    # ("Kalbajar district": the place may stand before the word the parse makes the head)
    words = [t for g in given for t in g.subtree if t.i <= g.i]
    return bool(words) and any(a <= t.idx < b for t in words for a, b in spans)


def _inside(sent: Span, cue: Cue, spans: list[tuple[int, int]]) -> bool:
    """Whether the cue's words, not its sentence's first, lie within one of the spans."""
    words = sent.doc[cue.start : cue.end]
    return cue.start > sent.start and any(
        a <= words.start_char and words.end_char <= b for a, b in spans
    )


def _captures_a_person(token: Token) -> bool:
    """ "The security force captured a Taliban leader", "troops seized two suspects", "young
    men are being seized on the streets": a capture verb whose object (or passive subject) is
    a person takes a prisoner, not a place."""
    objects = [_counted(c) for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(is_person(o) and o.ent_type_ != "GPE" for o in objects)


def _counted(word: Token) -> Token:
    """The people a count or a part names ("one of the 20 gang members who escaped",
    "two of the prisoners"), else the word itself."""
    if word.pos_ in ("NUM", "PRON") or word.lower_ in ("some", "several", "most", "all"):
        return next(
            (g for p in word.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"),
            word,
        )
    return word


@cache
def _words(category: str, key: str) -> frozenset[str]:
    """A word list a cue category of cues.yaml keeps beside its cue words, in lower case."""
    return frozenset(str(w).lower() for w in load_vocabulary("cues")[category][key])


def arms() -> frozenset[str]:
    """The words for arms that can be captured, found or seized (cues.yaml territory arms)."""
    return _words("territory", "arms")


def _categories(lemma: str, pos: str = "") -> set[str]:
    """The cue categories the lexicon files a single word under (for `pos`, when given, only
    those whose word class it fits)."""
    return {c for c, p in _lexicon().single.get(lemma, ()) if not pos or p in ("", pos)}


def drives_out(cue: Cue) -> bool:
    """Whether the cue drove fighters from a place ("drove the militants out of the town"):
    the place is what the verb's "out of" or "from" names, not its object."""
    return cue.category == "territory" and "expulsion" in _categories(cue.lemma)


@cache
def _seizing_verbs() -> frozenset[str]:
    """Verbs of finding or seizing a thing ("found three petrol bombs"; factuality.yaml)."""
    return frozenset(load_vocabulary("factuality")["seizing_verbs"])


def _captures_arms(token: Token) -> bool:
    """ "Troops captured 40 rifles", "300 pistols and 20,000 bullets were seized": a capture
    verb whose object (or passive subject) is arms seizes a weapon, it takes no place."""
    dep = "nsubjpass" if any(c.dep_ == "auxpass" for c in token.children) else "dobj"
    objects = [c for c in token.children if c.dep_ == dep]
    return bool(objects) and all(o.lemma_.lower() in arms() for o in objects)


def _a_store_of_arms(token: Token) -> bool:
    """ "Sappers destroyed a cache of unexploded submunitions": a store of arms destroyed is
    disposed of, no property destroyed (a weapon destroyed in the fighting, "destroyed a
    mortar by dropping a mine from a drone", stays what the fighting did)."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _STORES for c in token.children)


_STORES = frozenset({"cache", "stockpile", "stash", "arsenal"})


_FORCE = frozenset({"strike", "artillery", "air", "attack", "clash", "vac_attack", "territory"})


def an_act_of_force(token: Token) -> bool:
    """Whether the lexicon names the word an act of armed force ("struck", "shelled",
    "launched", "invaded"), the kind of act a state's name as its subject makes that state's
    forces' ("Israel struck targets in Rafah")."""
    return bool(_categories(token.lemma_.lower(), token.pos_) & _FORCE)


def _launches_no_weapon(token: Token) -> bool:
    """ "Gang members launched an attack on the police station", "security forces launched an
    operation in the mountains", "launched a campaign", "a search operation was launched": a
    launch whose object is no weapon (arms, or a word the lexicon files as one: rockets,
    drones) fires no missile; an act of violence it names ("an attack", "a raid") tells the
    event."""
    if token.lemma_.lower() != "launch":
        return False
    return any(
        c.dep_ in ("dobj", "nsubjpass")  # "a search operation was launched in the area"
        and c.lemma_.lower() not in arms()
        and not _categories(c.lemma_.lower()) & _WEAPONS
        for c in token.children
    )


_WEAPONS = frozenset({"air", "artillery", "strike", "grenade", "ied", "chemical"})


def _a_stoppage(token: Token) -> bool:
    """ "Its port is half closed by a strike", "schools paralysed by the strike": a strike
    that closes or halts things is a stoppage of work, no blow struck; so is a strike named by
    who stops ("a shop strike in Bukan", "the teachers' strike"), one over what workers are
    owed ("a strike over unpaid wages") and one that those who stop call ("the dockworkers'
    union had announced a strike")."""
    if token.lemma_.lower() != "strike" or token.pos_ != "NOUN":
        return False
    stoppers = _words("strike", "stoppers")
    if any(
        c.dep_ in ("compound", "amod", "poss") and c.lemma_.lower() in stoppers
        for c in token.children
    ):
        return True
    grievances = _words("strike", "grievances")
    if any(
        p.dep_ == "prep" and p.lower_ in ("over", "for") and o.lemma_.lower() in grievances
        for p in token.children
        for o in p.children
        if o.dep_ == "pobj"
    ):
        return True
    caller = token.head if token.dep_ == "dobj" else None
    if caller is not None and any(
        c.dep_ == "nsubj"
        and (
            c.lemma_.lower() in stoppers
            or any(
                m.dep_ in ("compound", "poss") and m.lemma_.lower() in stoppers for m in c.children
            )
        )
        for c in caller.children
    ):
        return True
    by = token.head
    return token.dep_ == "pobj" and by.lower_ == "by" and by.head.lemma_.lower() in _STOPPED


_STOPPED = frozenset(
    {"close", "paralyse", "paralyze", "shut", "halt", "disrupt", "stop", "cripple", "ground"}
)


def _burns_a_person(token: Token) -> bool:
    """ "A 12-year-old boy inside the home was seriously burned", "burned two guards": a
    person burned is hurt (a toll of the event that did it), no property destroyed."""
    burned = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(burned) and all(is_person(b) for b in burned)


# Weapons that can be found or seized before use: the find is a disrupted weapons use (ACLED)
_SEIZABLE = frozenset(
    {"artillery", "ied", "grenade", "strike", "air", "chemical", "vac_attack", "suicide"}
)


def _weapon_seized(cue: Cue, doc: Doc) -> bool:
    """ "Police stopped a car and found three petrol bombs", "a mortar was recovered": a weapon
    noun that is the object of a verb of finding or seizing was taken before it was used, a
    disrupted weapons use, not an attack."""
    if cue.category not in _SEIZABLE:
        return False
    noun = doc[cue.end - 1]
    return noun.pos_ == "NOUN" and seizing_verb(noun, ("dobj", "nsubjpass")) is not None


def labour_strike(cue: Cue) -> bool:
    """A strike by workers ("a national strike", "went on strike"): a protest cue."""
    return cue.category == "protest" and "strike" in cue.lemma


def first_listed(token: Token) -> Token:
    """The first of the nouns a token is listed with ("three petrol bombs and a rifle"; "48
    spears, 17 machetes", which the parser may hang as an apposition)."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token


def direct_objects(verb: Token) -> list[Token]:
    """A verb's direct objects with the nouns listed with them ("attacked three villages and a
    market", "killing two officers and himself")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects + [g for o in objects for g in o.conjuncts]


def seizing_verb(token: Token, deps: tuple[str, ...]) -> Token | None:
    """The verb of finding or seizing that takes `token` (or the first of the nouns it is
    listed with) in one of the relations `deps` ("found three petrol bombs and a rifle")."""
    token = first_listed(token)
    if token.dep_ in deps and token.head.lemma_ in _seizing_verbs():
        return token.head
    return None


def _crowd_words() -> frozenset[str]:
    return _words("gathering", "crowd")


def _crowd_gathers(token: Token) -> bool:
    """ "Several dozen relatives gathered outside the hospital", "Hundreds assembled on the
    square": a verb of gathering with no object whose subject is people or a crowd."""
    if any(c.dep_ == "auxpass" or (c.dep_ == "dobj" and not _set_off(c)) for c in token.children):
        return False  # "gathered evidence", "were gathered"
    rites = _words("gathering", "rites")
    # ("in a cemetery for the funeral": the parse may hang the purpose on the place)
    preps = [p for p in token.children if p.dep_ == "prep"]
    preps += [q for p in preps for g in p.children for q in g.children if q.dep_ == "prep"]
    if any(
        p.lower_ in ("for", "at") and g.lemma_.lower() in rites for p in preps for g in p.children
    ):
        return False  # "gathered in a cemetery for the funeral of a soldier"
    return _done_by_a_crowd(token)


def _sits_in(token: Token) -> bool:
    """ "About sixty protesters sat down in front of the gate", "activists sat down on the
    floor of the lobby": a crowd that sits down where it is not meant to, a sit-in (not "sat
    down to eat": a purpose of its own that is no demand)."""
    if not any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return False
    aims = _words("sitting", "aims")
    if any(
        c.dep_ in ("xcomp", "advcl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and c.lemma_.lower() not in aims
        for c in token.children
    ):
        return False  # "sat down to eat"
    return _crowd_gathers(token)


def _set_off(noun: Token) -> bool:
    """Whether a noun stands after a comma: an apposition the parser hung on the verb ("gather
    in front of the akimat, the governor's office"), no object of it."""
    first = noun.left_edge.i
    return first > 0 and noun.doc[first - 1].text == ","


def _done_by_a_crowd(token: Token) -> bool:
    """Whether the verb's subject is people or a crowd ("Hundreds assembled", "about 200
    former workers blocked the main road", "unknown people sprayed slogans … and smashed the
    glass": a second verb's subject is the first's), not a force, a thing or a landslide
    ("The capital woke up to burnt-out cars, smashed shop fronts …")."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "conj":
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    if token.dep_ == "acl":  # the parser's "[About 1,000 people] [assembled on the square]"
        subjects.append(token.head)
    if any(s.lower_ == "they" for s in subjects):
        # "Hundreds of youths marched to the beach. At Maroubra they smashed the windows …":
        # the people the sentence before did something
        subjects += _subjects_before(token.sent)
    return any(
        s.lemma_.lower() in _crowd_words() or s.pos_ == "NUM" or _counted_in_crowds(s)
        for s in subjects
    )


def _counted_in_crowds(noun: Token) -> bool:
    """ "About a thousand restaurant owners", "several hundred taxi drivers": people counted
    in hundreds or thousands are a crowd, whatever they are."""
    return any(c.dep_ == "nummod" and c.lemma_.lower() in _CROWD_NUMBERS for c in noun.children)


_CROWD_NUMBERS = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozens"})


def _armed_men_take_a_person(token: Token) -> bool:
    """ "Men wearing military uniforms took a youth leader from his home", "two herders were
    taken by armed men": armed or uniformed men (cues.yaml taking: takers, marks) take a
    person, not a town ("rebels took the town"), nor control or part."""
    takers, marks = _words("taking", "takers"), _words("taking", "marks")
    taken = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(is_person(t) and t.lemma_.lower() not in takers for t in taken):
        return False
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    if not doers and token.dep_ == "conj":
        # "armed men … went from house to house and took away at least five people": the
        # first verb's subject took them
        doers = [c for c in token.head.children if c.dep_ == "nsubj"]
    return any(
        d.lemma_.lower() in takers or any(w.lower_ in marks for w in d.subtree) for d in doers
    )


def _fighters_driven(token: Token) -> bool:
    """ "Drove the militants out of three villages", "were pushed back from the ridge", "dislodged
    ISIL from the hills": what the verb drove are fighters (cues.yaml expulsion: fighters) or
    a named group, not a car, diplomats or a deadline."""
    fighters, away = _words("expulsion", "fighters"), _words("expulsion", "away")
    driven = [
        d
        for d in token.children
        if d.dep_ in ("dobj", "nsubjpass")
        and (d.lemma_.lower() in fighters or d.lower_ in fighters or _a_group_s_name(d))
    ]
    # ("chased the fighters out of the town": the parse may hang "out" on what was driven)
    return bool(driven) and any(w.lower_ in away for t in (token, *driven) for w in t.children)


def _a_group_s_name(token: Token) -> bool:
    """A name that is no person's or place's ("Islamic State", "ISIL", "al-Shabaab")."""
    return token.ent_type_ in ("ORG", "NORP") or (
        token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "GPE", "LOC", "FAC")
    )


def _subjects_before(sent: Span) -> list[Token]:
    """The subjects of the sentence before `sent` in its text (none for the first)."""
    before = sentence_before(sent)
    return [t for t in before if t.dep_ in ("nsubj", "nsubjpass")] if before is not None else []


def _describes_a_test(token: Token) -> bool:
    """A weapon's word that describes an examination of evidence ("sent for ballistic
    examination", "rocket trajectory analysis"): cues.yaml artillery: forensic."""
    return token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in _words(
        "artillery", "forensic"
    )


def _a_spent_case(token: Token) -> bool:
    """ "The shells of tear gas grenades", "shells of rubber bullets": the cases of what a force
    fired at a crowd, picked up after it, no shelling (cues.yaml strike: less_lethal)."""
    if token.lemma_.lower() not in ("shell", "shells") or token.pos_ != "NOUN":
        return False
    less_lethal = _words("strike", "less_lethal")
    return any(
        p.dep_ == "prep"
        and p.lower_ == "of"
        and any(m.lemma_.lower() in less_lethal for o in p.children for m in (o, *o.subtree))
        for p in token.children
    )


def _peaceful_dispersal(token: Token) -> bool:
    """ "dispersed peacefully", "presented a petition and dispersed", "the gathering … dispersed
    after the hearing": the crowd went home, no one broke it up (a verb with no object, not
    passive and no purpose: not "dispersed the crowd", "were dispersed", "moved in to
    disperse")."""
    if any(c.lower_ == "peacefully" for c in token.children):
        return True
    return (
        token.lemma_ == "disperse"
        and token.pos_ == "VERB"
        and token.tag_ != "VBG"
        and token.dep_ not in ("xcomp", "advcl", "acl", "amod", "pcomp")
        and not any(c.dep_ in ("dobj", "auxpass", "nsubjpass", "agent") for c in token.children)
        # (a force's, its object lost to a slip: "The police dispersed to demonstrators")
        and not any(c.dep_ == "nsubj" and c.lemma_.lower() in _forces() for c in token.children)
    )


@cache
def _forces() -> frozenset[str]:
    """Words of armed or police forces (factuality.yaml forces)."""
    return frozenset(load_vocabulary("factuality")["forces"])


def _has_neighbour(token: Token, lemmas: frozenset[str]) -> bool:
    """Whether the word's own subject, object or complement is one of `lemmas` ("the school …
    was closed", "closed the border", "the closure of schools"), or its head for a noun that
    is not a verb's object ("an arms cache" but not "bombed the fuel depot")."""
    nominal = token.pos_ == "NOUN" and token.head.pos_ not in ("VERB", "AUX")
    near = list(token.children) + ([token.head] if nominal else [])
    near += [g for t in token.children if t.dep_ == "prep" for g in t.children]
    near += [
        g for t in token.children if t.dep_ == "dobj" for g in t.children if g.dep_ == "compound"
    ]
    return any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in near if t.i != token.i)


def _before_its_noun(token: Token) -> bool:
    """A participle that describes the noun after it ("the targeted Taliban commander", "the
    bombed building", "burning vehicles blocked the road", "marched in memory of the murdered
    leader"): a strike, a burning or a killing told so is no act of its own, only the state of
    a thing or a person. (Not for other kinds: "stone-pelting students" tells what the
    students did, and "captured an abandoned army base" is the news.)"""
    return (
        token.tag_ in ("VBN", "VBG")
        and token.dep_ == "amod"
        and token.head.i > token.i
        and token.head.pos_ in ("NOUN", "PROPN")
    )


def _a_word_read_as_a_name(token: Token, pos: str) -> bool:
    """ "Hundreds of women from the communities march through the city centre": the tagger
    reads the verb as the month, but a month has no subject; "Last night's march for
    migrants' rights": nor is a month written in lower case."""
    if token.pos_ != "PROPN":
        return False
    if pos == "NOUN":
        return token.text.islower() and token.i > token.sent.start
    return pos == "VERB" and any(c.dep_ == "nsubj" for c in token.children)


def _after_a_determiner(token: Token) -> bool:
    """Whether a determiner or a possessive stands just before the word ("the murdered
    leader", "their beaten son"), as before a noun's modifier, not before a verb."""
    return token.i > 0 and token.doc[token.i - 1].dep_ in ("det", "poss")


def _forms(token: Token, token_lemma: str, token_lower: str) -> tuple[str, ...]:
    forms: tuple[str, ...] = (
        (token_lemma,) if token_lemma == token_lower else (token_lemma, token_lower)
    )
    if token.pos_ == "PROPN" and token_lemma == token_lower:
        # a plural noun opening a sentence that the tagger read as a name, its lemma not
        # taken ("Tue 7 April, 13:50 — Protesters have broken into …")
        forms += tuple(_singulars(token_lower))
    return forms


def _singulars(word: str) -> list[str]:
    """The singulars an English plural may have: "militias" → "militia", "gunmen" →
    "gunman", "casualties" → "casualty"."""
    if word.endswith("men"):
        return [word[:-3] + "man"]
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    return [word[:-1]] if word.endswith("s") and not word.endswith("ss") else []


def find_cues(sent: Span) -> list[Cue]:
    """Every cue in the sentence; a phrase wins over the single words inside it."""
    lex = _lexicon()
    tokens = list(sent)
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    # each token's forms, read once for the phrases and the single words (speed)
    forms = [_forms(tokens[i], lemmas[i], lowers[i]) for i in range(len(tokens))]
    cues: list[Cue] = []
    covered: set[int] = set()
    for i in range(len(tokens)):
        for form in forms[i]:
            for words, category in lex.phrases.get(form, ()):
                n = len(words)
                if i + n > len(tokens):
                    continue
                if all(words[k] in (lemmas[i + k], lowers[i + k]) for k in range(1, n)):
                    start, end = tokens[i].i, tokens[i + n - 1].i + 1
                    if any(j in covered for j in range(start, end)):
                        continue
                    if _named_as_a_site(sent.doc[end - 1]) or _in_a_civil_body_s_name(tokens[i]):
                        continue
                    if words[0] == "number" and _a_count(tokens[i]):
                        covered.update(range(start, end))  # counted people, no actors
                        continue
                    if category == "air_defence":
                        if not _intercepting(sent.doc[end - 1]):
                            continue
                        category = "disrupt"
                    cues.append(
                        Cue(category, start, end, sent.doc[start:end].text, " ".join(words))
                    )
                    covered.update(range(start, end))
    for i, token in enumerate(tokens):
        if token.i in covered:
            continue
        for form in forms[i]:
            entries = lex.single.get(form)
            if not entries:
                continue
            for category, pos in entries:
                if pos and token.pos_ != pos and not _a_word_read_as_a_name(token, pos):
                    continue
                if category in ("strike", "looting") and _before_its_noun(token):
                    continue
                if category == "strike" and _launches_no_weapon(token):
                    continue
                if (
                    category == "vac_attack"
                    and _before_its_noun(token)
                    and _after_a_determiner(token)
                ):
                    continue  # "in memory of the murdered leader" (not a verb misread)
                if category == "arrest" and (_grievance(token) or _held_already(token)):
                    continue
                if category == "ied" and (_a_workplace_mine(token) or _beside_guns(token)):
                    continue
                if category == "artillery" and (_describes_a_test(token) or _a_spent_case(token)):
                    continue
                if category == "vac_attack" and _done_to_a_thing(token):
                    continue
                if _a_unit_s_remit(token) or _in_a_civil_body_s_name(token):
                    continue
                if category == "strike" and _bomb_of(token) in _words("strike", "dousing"):
                    continue  # "a water-bombing aircraft put the fire out"
                if category == "air" and (_a_civil_aircraft(token) or _an_airborne_unit(token)):
                    continue
                if category == "protest" and _protest_in_words(token):
                    continue
                if category == "agreement" and _agrees_in_view(token):
                    continue
                if category == "arrest" and _a_warrant(token):
                    continue
                if category == "strike" and (
                    _hit_by_a_bullet(token) or _a_person_singled_out(token)
                ):
                    continue
                if category == "intervention" and _peaceful_dispersal(token):
                    continue
                if category != "casualty" and _named_as_a_site(token):
                    continue
                need = lex.needs.get(category)
                if need is not None and not _has_neighbour(token, need):
                    continue
                if category == "gathering" and not _crowd_gathers(token):
                    continue
                if category == "sitting" and not _sits_in(token):
                    continue
                if category in lex.by_a_crowd and not _done_by_a_crowd(token):
                    continue
                if category in lex.by_armed_men and not _armed_men_take_a_person(token):
                    continue
                if category == "expulsion" and not _fighters_driven(token):
                    continue
                driven = category == "expulsion"
                category = lex.counts_as.get(category, category)
                if category == "territory" and not driven and _captures_a_person(token):
                    category = "arrest"
                elif category == "territory" and _captures_arms(token):
                    category = "disrupt"
                elif category == "looting" and _a_store_of_arms(token):
                    category = "disrupt"
                elif category == "strike" and _a_stoppage(token):
                    category = "protest"
                elif category == "strike" and _a_gunshot(token):
                    category = "vac_attack"
                elif category == "strike" and _bomb_of(token) in _words("strike", "incendiary"):
                    category = "looting"  # "the house was petrol-bombed": arson
                if category == "looting" and _burns_a_person(token):
                    continue
                cues.append(Cue(category, token.i, token.i + 1, token.text, form))
            break
    cues = [c for c in cues if not _a_meeting_of_one_side(c, sent, lex)]
    cues = [replace(c, category="disrupt") if _weapon_seized(c, sent.doc) else c for c in cues]
    cues += _crowds_met(cues, sent.doc)
    if any(c.category == "territory" for c in cues):
        # "took the town after the garrison withdrew from it": the withdrawal says how the
        # capture went, it is no second event
        cues = [replace(c, category="unopposed") if c.category == "transfer" else c for c in cues]
    if any(_kills_its_doer(sent.doc[c.head_i]) for c in cues if c.category == "casualty"):
        # "one of them detonated her charge, killing herself and a gendarme", "set off an
        # explosive device hidden under his jacket, killing two officers and himself": a bomb
        # whose bomber died in it is a suicide bomb
        cues = [
            replace(c, category="suicide")
            if c.category == "ied" and _set_off_by_hand(c, sent.doc)
            else c
            for c in cues
        ]
    if any(c.category == "protest" for c in cues):
        # "people gathered … to remember the man killed on Saturday", "mourners gathered for a
        # teenager shot dead by police last week": a death that describes a person the crowd
        # came for is the protest's cause, told elsewhere or not; the crowd did no violence
        cues = [c for c in cues if not _describes_a_person(c, sent.doc)]
    cues.sort(key=lambda c: c.start)
    return cues


_HARM = frozenset({"casualty", "vac_attack"})
MET_CROWDS = frozenset(str(w) for w in load_vocabulary("cues")["intervention"]["crowds"])
_AT = frozenset({"at", "on", "into", "against"})
_MEETING_ONLY = frozenset({"intervention", "arrest"})


def _crowds_met(cues: list[Cue], doc: Doc) -> list[Cue]:
    """The crowd an intervention meets, where the sentence names no protest or riot of its
    own and no other violence ("Turkish police halted the May Day event, dispersing the
    crowds", "fired tear gas at the youths"): a gathering broken up, a protest cue on the
    crowd's word (cues.yaml intervention: crowds)."""
    verbs = {}
    for cue in cues:
        if cue.category == "intervention":
            verb = doc[cue.head_i]
            while verb.pos_ != "VERB" and verb.head.i != verb.i:
                verb = verb.head
            verbs[verb.i] = verb
    if not verbs or any(c.category not in _MEETING_ONLY and c.head_i not in verbs for c in cues):
        return []  # a protest of its own, or violence the crowd's word would hide
    for verb in verbs.values():
        met = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        met += [g for p in verb.children if p.lower_ in _AT for g in p.children]
        # … or the people a count names ("to disperse hundreds of people")
        met += [g for c in met for p in c.children if p.lower_ == "of" for g in p.children]
        for crowd in met:
            if crowd.lemma_.lower() in MET_CROWDS:
                return [Cue("protest", crowd.i, crowd.i + 1, crowd.text, crowd.lemma_.lower())]
            if crowd.lemma_.lower() in _words("intervention", "blockades"):
                # "police cleared a blockade of the road by oil workers": the crowd's blockade
                return [Cue("protest", crowd.i, crowd.i + 1, crowd.text, "blockade")]
        # what the force was there to clear ("used tear gas to clear a road block", "cleared a
        # roadblock …, using tear gas"): the verb of its purpose, or the one its means serve
        acts = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
        if verb.dep_ in ("xcomp", "advcl"):
            acts.append(verb.head)
        for act in acts:
            for thing in (c for c in act.children if c.dep_ in ("dobj", "nsubjpass")):
                words = {thing.lemma_.lower(), f"{compound_of(thing)} {thing.lemma_.lower()}"}
                if words & _words("intervention", "blockades"):
                    return [Cue("protest", thing.i, thing.i + 1, thing.text, "blockade")]
    return []


def compound_of(token: Token) -> str:
    """The compound noun before a noun ("road" in "road block", "health" in "health centre"),
    or ""."""
    return next((c.lower_ for c in token.children if c.dep_ == "compound"), "")


def _describes_a_person(cue: Cue, doc: Doc) -> bool:
    """A killing or a wounding told as a participle after a noun ("the man killed on
    Saturday", "a teenager shot dead by police")."""
    token = doc[cue.head_i]
    return cue.category in _HARM and token.tag_ == "VBN" and token.dep_ == "acl"


# Verbs of setting off a charge (cues.yaml ied)
_SET_OFF = frozenset({"detonate", "activate"})


def _kills_its_doer(token: Token) -> bool:
    """ "killing herself and a gendarme", "killing two officers and himself": a killing whose
    object, or one of its objects, is its doer (a reflexive)."""
    if token.pos_ != "VERB":
        return False
    return any(o.lower_ in ("himself", "herself", "themselves") for o in direct_objects(token))


def _set_off_by_hand(cue: Cue, doc: Doc) -> bool:
    """A charge its bearer set off: the cue is a verb of setting off ("detonated her charge")
    or the object of one ("set off an explosive device hidden under his jacket")."""
    if cue.lemma in _SET_OFF:
        return True
    verb = doc[cue.head_i].head
    return doc[cue.head_i].dep_ == "dobj" and (
        verb.lemma_.lower() in _SET_OFF
        or (verb.lemma_.lower() == "set" and any(c.lower_ == "off" for c in verb.children))
    )
