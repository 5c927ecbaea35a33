"""Event mentions: which sentences and clauses of an article report a real event.

A mention is one event as one article reports it. Statements, forecasts, denials,
negated or background events and aggregates are not mentions; a follow-up sentence
("The attack killed 35 people") adds to the mention before it instead of making a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventwire.extraction.actors import (
    ActorPhrase,
    Participants,
    find_actor_phrases,
    governing_verb,
    participants,
)
from eventwire.extraction.attribution import SAY_LEMMAS as SAY_VERBS
from eventwire.extraction.attribution import Claim, find_claim, unverified_notice
from eventwire.extraction.cues import Cue, find_cues
from eventwire.extraction.dates import DateMention, find_dates
from eventwire.extraction.tolls import (
    TollFigure,
    refers_back,
    toll_figures,
    victims_are_combatants,
)
from eventwire.extraction.types import (
    BATTLES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    VAC,
    VIOLENT_CATEGORIES,
    EventType,
    casualty_only,
    classify,
)
from eventwire.model import Place

MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "can", "must"})
NONFACTUAL_HEADS = frozenset(
    {
        "plan",
        "threaten",
        "want",
        "intend",
        "seek",
        "vow",
        "promise",
        "warn",
        "call",
        "urge",
        "plead",
        "hope",
        "expect",
        "fear",
        "aim",
        "deny",
        "propose",
        "prepare",
        "refuse",
        "demand",
        "ask",
        "consider",
        "discuss",
        "need",
        "wish",
        "offer",
        "prevent",
        "avoid",
    }
)
BACKGROUND_ADJ = frozenset(
    {
        "previous",
        "past",
        "earlier",
        "former",
        "prior",
        "future",
        "possible",
        "potential",
        "planned",
        "further",
        "hypothetical",
        "alleged_past",
    }
)
# What can happen to a protest after it starts: police intervene, it turns violent
CROWD_FOLLOW_UPS = frozenset(
    {"intervention", "riot", "arrest", "mob", "vac_attack", "looting", "clash", "protest", "strike"}
)
# "since early morning", "since the beginning of the day" still name one day's events
SAME_DAY = frozenset({"morning", "dawn", "midnight", "day", "night", "evening", "hour", "noon"})
CURRENT_ADJ = frozenset({"latest", "newest"})  # superlatives that name the event at hand
AGGREGATE_WORDS = frozenset({"million", "millions", "billion", "billions"})
# Nouns a weapon word may modify and still name an event ("artillery fire", "drone attack")
EVENT_HEADS = frozenset(
    {
        "fire",
        "attack",
        "strike",
        "strikes",
        "shelling",
        "barrage",
        "raid",
        "bombardment",
        "hit",
        "explosion",
        "blast",
        "assault",
        "salvo",
        "launcher",
        "round",
        "shell",
        "unit",
        "operator",
    }
)
# Cue words that name a thing when they modify a noun: "aircraft factory", "riot police"
WEAPON_CATEGORIES = frozenset(
    {"air", "artillery", "ied", "strike", "grenade", "movement", "riot", "attack"}
)
SEVERAL = frozenset({"several", "many", "numerous", "multiple", "repeated", "dozens", "scores"})
ALERT_WORDS = frozenset({"alert", "siren", "warning", "alarm", "shelter"})
# Words between two place names that make them a list of separate event sites.
COORDINATION = re.compile(
    r"^[\s,]*(?:(?:and|or|as well as)\s+)?(?:(?:in|near|at|on)\s+)?"
    r"(?:the\s+(?:\w+\s+)?(?:city|town|village|settlement|port|district)s?\s+of\s+)?$",
    re.IGNORECASE,
)
# "east of Kyiv" places an event away from Kyiv; "in the north of Gorlovka" inside it
RELATIVE_REFERENCE = re.compile(
    r"(?<!the )\b(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
    r"|kilometers|kilometres|km|miles)\s+(?:of|from)\s*$",
    re.IGNORECASE,
)
CODED_TO = re.compile(r"coded to\s*$", re.IGNORECASE)
PLACE_RANK = {"district": 0, "city": 1, "feature": 2, "region": 3, "admin1": 4, "country": 5}
SITE_KINDS = frozenset({"district", "city", "feature"})
PLACELESS_OK = frozenset({"CONSULT", "SANCTION", "AGREE", "AID", "MOBILIZE"})


@dataclass
class Mention:
    """One event as one article reports it, with the spans each field was read from."""

    sentence: Span
    paragraph: int
    kind: EventType
    who: Participants
    place: Place | None
    place_reason: str
    date: DateMention | None
    tolls: list[TollFigure] = field(default_factory=list)
    claim: Claim | None = None
    unverified: tuple[int, int, str] | None = None
    follow_ups: list[Span] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    index: int = 0  # of its last sentence in the article


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]


def _paragraph_of(offset: int, starts: list[int]) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _has_background_modifier(token: Token) -> bool:
    """ "Previous talks", "the worst fighting": a past or summarised event, not a new one."""
    return any(
        c.dep_ == "amod"
        and (c.lower_ in BACKGROUND_ADJ or (c.tag_ == "JJS" and c.lower_ not in CURRENT_ADJ))
        for c in token.children
    )


# What can be captured as territory ("captured the village", "seized the airport")
TERRITORIAL = frozenset(
    {
        "village",
        "town",
        "city",
        "settlement",
        "position",
        "hill",
        "height",
        "area",
        "territory",
        "control",
        "base",
        "airport",
        "bridge",
        "district",
        "outskirt",
        "building",
        "checkpoint",
        "suburb",
        "region",
        "island",
        "port",
        "plant",
        "station",
        "trench",
        "stronghold",
        "line",
    }
)


def _not_territory(token: Token) -> bool:
    """ "Seized a cache of weapons", "captured a thief": a capture verb with no place as object."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ != "PROPN" and o.lemma_ not in TERRITORIAL for o in objects)


def is_background(cue: Cue, doc: Doc) -> str | None:
    """Why a cue does not report a real, specific event (negated, modal, forecast, past), or None."""
    token = doc[cue.head_i]
    if token.lower_ in ("no", "without") or any(
        c.lower_ in ("no", "without") for c in token.children if c.dep_ in ("det", "neg")
    ):
        return "negated"
    if token.i > 0 and doc[token.i - 1].lower_ in ("no", "without", "non"):
        return "negated"
    if cue.category == "air" and token.i + 1 < len(doc) and doc[token.i + 1].lemma_ in ALERT_WORDS:
        return "an alert, not a strike"
    if any(c.lower_ in ("all", "most", "every") for c in token.children):
        return "a statement about all of them, not one event"
    for c in token.children:
        if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return f"planned ('{token.text} … to {c.text}')"
    perfect = any(a.dep_ == "aux" and a.lemma_ == "have" for a in governing_verb(token).children)
    if perfect and any(c.lower_ in SEVERAL for c in token.children):
        return "a summary of several events over time"
    if cue.category == "territory" and _not_territory(token):
        return f"'{token.text}' takes no territory"
    if cue.lemma == "demonstrate" and any(c.dep_ == "dobj" for c in token.children):
        return "'demonstrate' with an object (showing something, not a protest)"
    if (
        cue.category in WEAPON_CATEGORIES
        and token.dep_ == "compound"
        and token.head.pos_ == "NOUN"
        and cue.end == cue.start + 1
    ):
        if token.head.lemma_ not in EVENT_HEADS:
            return f"names a thing ('{token.text} {token.head.text}'), not a weapon used"
    child = token
    for ancestor in token.ancestors:
        on_path, child = child, ancestor
        if ancestor.pos_ not in ("VERB", "AUX") or ancestor.lemma_ in SAY_VERBS:
            continue
        if ancestor.lemma_ in NONFACTUAL_HEADS and on_path.dep_ in ("xcomp", "ccomp", "dobj"):
            return f"not factual (under '{ancestor.text}')"
        for c in ancestor.children:
            if c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS):
                return f"under '{c.text} {ancestor.text}'"
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


def _clause_background(verb: Token) -> str | None:
    """Why the clause of a verb reports no real event (negated, modal, planned), or None."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head.pos_ in ("VERB", "AUX"):
        chain.append(chain[-1].head)  # "will attack and burn": the first conjunct carries "will"
    for v in chain[1:]:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in v.children):
            return f"modal ('{v.text} … {verb.text}')"
    verb = chain[-1] if verb.dep_ == "conj" else verb
    if _has_background_modifier(verb):
        return "background"
    for child in verb.children:
        if child.dep_ == "neg":
            return f"negated ('{child.text} {verb.text}')"
        if child.dep_ == "prep" and child.lower_ == "since":
            if not any(t.lemma_ in SAME_DAY for t in child.subtree):
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
    if verb.dep_ in ("xcomp", "ccomp", "acl") and verb.head.lemma_ in NONFACTUAL_HEADS:
        return f"not factual ('{verb.head.text} … {verb.text}')"
    if verb.dep_ in ("xcomp", "acl") and _has_background_modifier(verb.head):
        return "background"
    if verb.dep_ in ("xcomp", "conj") and verb.head.dep_ in ("xcomp", "ccomp", "conj"):
        if verb.head.head.lemma_ in NONFACTUAL_HEADS:
            return "not factual"
    return None


def _is_demonym(place: Place, doc: Doc) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if place.kind == "demonym":
        return True
    if place.kind not in ("country", "admin1"):
        return False  # a lower-case city ("kyiv") is often tagged as an adjective
    return (
        root.pos_ == "ADJ"
        or root.ent_type_ == "NORP"
        or place.text.lower().endswith(("ian", "ish", "ese", "ean", "i"))
    )


DATELINE_TAIL = re.compile(r"^[\w\s.,]{0,30}?(?:\(|—|–|\s-\s)")
# Prepositions that put an event inside a whole country or region ("in Syria", "across Ukraine");
# "ambassador to Turkey" or "support from Iran" do not
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "outside",
        "inside",
        "into",
        "over",
        "throughout",
        "around",
        "within",
    }
)


# Nouns a place name can modify without being the site: "Moscow forces", "the Kyiv suburbs of"
NOT_SITE_HEADS = frozenset(
    {
        "force",
        "troop",
        "authority",
        "official",
        "government",
        "military",
        "police",
        "governor",
        "administration",
        "council",
        "mayor",
        "army",
        "suburb",
        "outskirt",
        "ministry",
        "side",
        "leader",
        "president",
        "border",
        "soldier",
        "delegation",
        "negotiator",
        "embassy",
    }
)


DIRECTIONS = frozenset(
    {
        "east",
        "west",
        "north",
        "south",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "capital",
        "region",
        "border",
        "frontline",
        "front",
        "coast",
        "centre",
        "center",
    }
)


def _in_quotation(offset: int, sent: Span) -> bool:
    before = sent.doc.text[sent.start_char : offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _is_dateline(place: Place, text: str) -> bool:
    """The reporter's dateline ("LVIV, Ukraine —") says where the story was filed, not where."""
    line_start = text.rfind("\n", 0, place.start) + 1
    return not text[line_start : place.start].strip() and bool(
        DATELINE_TAIL.match(text[place.end : place.end + 40])
    )


def _is_location_use(place: Place, doc: Doc) -> bool:
    """Whether a place is named as a location, not as an actor ("Russia and Ukraine held talks",
    "Kyiv said", "Moscow forces")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    whole = place.kind in ("country", "admin1")
    if root.dep_ == "nsubj" and (whole or root.head.lemma_ in SAY_VERBS):
        return False
    if root.dep_ == "poss" and whole and root.head.lemma_ not in DIRECTIONS:
        return False  # "Ukraine's army" names an actor; "Ukraine's east" a place
    if root.dep_ in ("compound", "amod", "poss") and root.head.lemma_ in NOT_SITE_HEADS:
        return False  # "Moscow forces", "Kiev's troops"
    if not whole:
        return True
    t = root
    for _ in range(6):  # a whole country or region is a site only after a locative preposition
        if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE:
            return True
        if t.dep_ == "dobj" and t.head.pos_ == "VERB":
            return True  # "shelled the Kherson region"
        if t.dep_ not in ("conj", "appos", "compound", "pobj", "amod", "prep"):
            return False  # ("in the territories of Kharkiv region" walks up through "of")
        t = t.head
    return False


def _site_candidates(
    places: list[Place], sent: Span, actors: list[ActorPhrase], claim: Claim | None
) -> list[Place]:
    """The places of a sentence that can be an event's site, best first.

    A place named only as the claimant's or an actor's home ("Donetsk rebels say", "Kiev's
    forces") or as the city whose suburbs were hit is a site only when nothing else is.
    """
    doc = sent.doc
    text = doc.text
    out: list[Place] = []
    coded: list[Place] = []
    weak: list[Place] = []
    for p in places:
        if p.start < sent.start_char or p.end > sent.end_char:
            continue
        if _is_demonym(p, doc) or _is_dateline(p, text) or _in_quotation(p.start, sent):
            continue  # "Don't forget Aleppo!" names no site
        before = text[max(sent.start_char, p.start - 40) : p.start]
        if RELATIVE_REFERENCE.search(before) and p.kind not in ("region",):
            continue
        in_claim = claim is not None and claim.start <= p.start < claim.end
        in_actor = any(a.start <= p.start < a.end and a.kind != "civilians" for a in actors)
        if in_claim or in_actor or not _is_location_use(p, doc):
            if p.kind != "country":
                weak.append(p)
            continue
        if CODED_TO.search(before):
            coded.append(p)
        out.append(p)
    if coded:
        return coded
    return sorted(out or weak, key=lambda p: (PLACE_RANK.get(p.kind, 6), p.start))


def _sites(candidates: list[Place], text: str) -> list[Place]:
    """One site, or several when the text lists them ("in Irpin, Bucha and Hostomel")."""
    if not candidates:
        return []
    best = candidates[0]
    if best.kind not in SITE_KINDS:
        return [best]
    sites = [p for p in candidates if p.kind in SITE_KINDS]
    sites.sort(key=lambda p: p.start)
    groups: list[list[Place]] = [[sites[0]]]
    for p in sites[1:]:
        gap = text[groups[-1][-1].end : p.start]
        opening = text[max(0, groups[-1][0].start - 9) : groups[-1][0].start].lower()
        listed = COORDINATION.match(gap) and ("," in gap or re.search(r"\b(and|or)\b", gap))
        if listed and "(" not in gap and "between" not in opening:
            groups[-1].append(p)
        else:
            groups.append([p])
    for group in groups:
        if best in group:
            return group
    return [best]


def _own_clause(verb: Token) -> bool:
    """An adverbial clause with a subject or a conjunction of its own ("when the Russians
    struck …") can report another event; a bare participle ("…, hitting a school") cannot."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _clause_head(token: Token) -> int:
    """The head of the clause a token belongs to (main or adverbial/complement clause)."""
    t = token
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and (
            t.dep_ in ("ROOT", "parataxis", "ccomp") or (t.dep_ == "advcl" and _own_clause(t))
        ):
            break
        if t.head.i == t.i:
            break
        t = t.head
    return t.i


def _clauses(cues: list[Cue], doc: Doc) -> list[list[Cue]]:
    """Group the cues of a sentence by clause: subordinate clauses may report other events."""
    groups: dict[int, list[Cue]] = {}
    for cue in cues:
        groups.setdefault(_clause_head(doc[cue.head_i]), []).append(cue)
    return list(groups.values())


def _in_modifier(token: Token, head: int) -> bool:
    """Whether a token sits in a participial or relative modifier of a noun of its clause."""
    t = token
    while t.i != head and t.head.i != t.i:
        if t.dep_ in ("acl", "relcl"):
            return True
        t = t.head
    return False


def _in_clause(place: Place, head: int, doc: Doc) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and _clause_head(span.root) == head


def find_mentions(doc: Doc, places: list[Place], published: date | None) -> list[Mention]:
    """Every event mention of a parsed article, in text order."""
    text = doc.text
    starts = _paragraph_starts(text)
    dates = find_dates(text, published)
    mentions: list[Mention] = []
    for index, sent in enumerate(doc.sents):
        if sent.text.lstrip()[:1] in ("“", '"', "‘", "["):
            continue  # a quotation is testimony, a bracket an editor's note: no event report
        paragraph = _paragraph_of(sent.start_char, starts)
        cues = [c for c in find_cues(sent) if not is_background(c, doc)]
        deciding = [c for c in cues if c.category != "casualty"]
        casualty = [c for c in cues if c.category == "casualty"]
        tolls = toll_figures(sent) if casualty else []
        claim = find_claim(sent)
        notice = unverified_notice(sent)
        actors = find_actor_phrases(sent)
        candidates = _site_candidates(places, sent, actors, claim)
        previous = _previous(mentions, index, deciding, tolls)
        if previous is not None and _continues(previous, sent, deciding, candidates, tolls):
            if previous.date is None and (tolls or refers_back(sent)):
                previous.date = _date_for(sent, dates, sent.start)
            _add_follow_up(previous, sent, cues, tolls, claim, notice, candidates, text)
            previous.index = index
            continue
        new: list[Mention] = []
        specific = bool(tolls) or index == 0
        groups = _clauses(deciding, doc) if deciding else []
        for group in groups:
            verbal = next((c for c in group if doc[c.head_i].pos_ == "VERB"), group[0])
            head = _clause_head(doc[verbal.head_i])
            # "a convoy … along a route agreed with the authorities": a cue inside a noun's
            # modifier does not decide over the clause's own cues
            group = [c for c in group if not _in_modifier(doc[c.head_i], head)] or group
            who = participants(sent, group[0].head_i, actors)
            kind = classify(group + casualty, who)
            if kind is None:
                continue
            if (
                len(groups) == 1
                and kind.event_type not in (EXPLOSIONS, BATTLES, VAC)
                and casualty
                and any(t.value > 0 for t in tolls)
            ):
                # "four medics were killed during the evacuation": the deaths are the event
                kind = casualty_only(casualty[0], victims_are_combatants(tolls), who)
            in_clause = [p for p in candidates if _in_clause(p, head, doc)] or (
                candidates if len(groups) == 1 else []
            )
            new.extend(
                _mentions_for(
                    sent, paragraph, kind, who, in_clause, dates, mentions, text, specific
                )
            )
        if not groups and casualty and tolls:
            who = participants(sent, casualty[0].head_i, actors)
            kind = casualty_only(casualty[0], victims_are_combatants(tolls), who)
            new.extend(_mentions_for(sent, paragraph, kind, who, candidates, dates, [], text, True))
        if not new:
            if notice is not None and previous is not None:
                previous.unverified = notice
            continue
        violent = [m for m in new if m.kind.event_type in (EXPLOSIONS, BATTLES, VAC)]
        for m in new:
            cue_token = doc[m.kind.cue.head_i]
            m.claim = claim if claim is not None and claim.covers(cue_token) else None
            m.unverified, m.cues = notice, cues
            # one toll per sentence: it belongs to its event only when the event is alone
            if m in violent and len({id(v.place) for v in violent}) == 1 and m is violent[0]:
                m.tolls = list(tolls)
        for m in new:
            m.index = index
        mentions.extend(new)
    return mentions


def _previous(
    mentions: list[Mention], index: int, deciding: list[Cue], tolls: list[TollFigure]
) -> Mention | None:
    """The mention a sentence may continue: the latest of the two sentences before it, and
    the latest violent one when the sentence is about violence."""
    recent = [m for m in mentions if index - m.index <= 2]
    if not recent:
        return None
    violent_here = bool(tolls) or any(c.category in VIOLENT_CATEGORIES for c in deciding)
    if violent_here:
        for m in reversed(recent):
            if m.kind.event_type in (EXPLOSIONS, BATTLES, VAC):
                return m
    return recent[-1]


def _continues(
    previous: Mention,
    sent: Span,
    deciding: list[Cue],
    candidates: list[Place],
    tolls: list[TollFigure],
) -> bool:
    """Whether a sentence tells more about the mention before it rather than a new event.

    A sentence that names another site, or gives a second toll, is another event; one that
    names no site of its own and has only violent cues ("1 civilian was killed", "The attack
    killed 35") can only be about the event before it.
    """
    here = {p.name for p in candidates if p.kind in SITE_KINDS}
    before = previous.place.name if previous.place is not None else None
    if here and (before is None or here != {before}):
        return False
    violent = previous.kind.event_type in (EXPLOSIONS, BATTLES, VAC)
    if tolls and not violent:
        return False
    if tolls and previous.tolls and _toll_values(tolls) != _toll_values(previous.tolls):
        return False  # another toll: another event (a restated toll is the same one)
    if not deciding or refers_back(sent):
        return True
    if not here:
        if previous.kind.event_type in (PROTESTS, RIOTS):
            return all(c.category in CROWD_FOLLOW_UPS for c in deciding)
        return violent and all(c.category in VIOLENT_CATEGORIES | {"mob"} for c in deciding)
    # the same site named again with cues of its own: the same event only for the same cue kind
    # (a headline and its lead; "shelled X. The shelling of X destroyed …")
    return any(c.category == previous.kind.cue.category for c in deciding)


def _toll_values(tolls: list[TollFigure]) -> dict[str, int]:
    values: dict[str, int] = {}
    for t in tolls:
        values[t.field] = values.get(t.field, 0) + t.value
    return values


def _add_follow_up(
    mention: Mention,
    sent: Span,
    cues: list[Cue],
    tolls: list[TollFigure],
    claim: Claim | None,
    notice: tuple[int, int, str] | None,
    candidates: list[Place],
    text: str,
) -> None:
    mention.follow_ups.append(sent)
    if mention.place is None and candidates and (tolls or mention.index == 0):
        # a headline without a place, then a lead that names it
        mention.place = _sites(candidates, text)[0]
        mention.place_reason = "named in the sentence after"
    have = {t.field for t in mention.tolls}
    mention.tolls.extend(t for t in tolls if t.field not in have)
    if mention.claim is None and claim is not None and (tolls or notice):
        mention.claim = claim
    if notice is not None:
        mention.unverified = notice
    if mention.kind.event_type in (PROTESTS, RIOTS):
        # "… demonstrated. Police dispersed them with tear gas." is a protest with intervention
        richer = classify(mention.cues + cues, mention.who)
        if richer is not None and richer.event_type in (PROTESTS, RIOTS):
            mention.kind = richer
    mention.cues = mention.cues + cues


def _mentions_for(
    sent: Span,
    paragraph: int,
    kind: EventType,
    who: Participants,
    candidates: list[Place],
    dates: list[DateMention],
    earlier: list[Mention],
    text: str,
    specific: bool,
) -> list[Mention]:
    """The mentions of one classified clause: one per site it names.

    A violent event that names no site is kept only when it is `specific` (it gives a toll,
    or it is the headline); it then takes the site of the event before it in the paragraph,
    or the article's country downstream.
    """
    previous = earlier[-1] if earlier else None
    sites = _sites(candidates, text)
    date_here = _date_for(sent, dates, kind.cue.start)
    if date_here is None and previous is not None and previous.paragraph == paragraph:
        date_here = previous.date
    if not sites:
        placeless_ok = kind.plover in PLACELESS_OK or kind.event_type == "Strategic developments"
        if not (placeless_ok or specific):
            return []
        inherited = previous.place if previous and previous.paragraph == paragraph else None
        reason = "the place of the event before it" if inherited else "no place named"
        return [Mention(sent, paragraph, kind, who, inherited, reason, date_here)]
    out = []
    for site in sites:
        reason = "the place named with the event"
        if len(sites) > 1:
            reason = "one of the places the sentence lists"
        out.append(Mention(sent, paragraph, kind, who, site, reason, date_here))
    return out


def _date_is_factual(d: DateMention, doc: Doc) -> bool:
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return True
    verb = governing_verb(span.root)
    if any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return False  # "… since Russia invaded on February 24": the start of a period
    if verb.lemma_ in SAY_VERBS and verb.i in (span.root.head.i, span.root.head.head.i):
        return False  # "…, the army said on Wednesday": the day of the statement
    return _clause_background(verb) is None


def _date_for(sent: Span, dates: list[DateMention], cue_token: int) -> DateMention | None:
    doc = sent.doc
    inside = [
        d for d in dates if sent.start_char <= d.start < sent.end_char and _date_is_factual(d, doc)
    ]
    if not inside:
        return None
    cue_char = sent.doc[cue_token].idx
    return min(inside, key=lambda d: abs(d.start - cue_char))
