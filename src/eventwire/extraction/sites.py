"""Which places of a sentence can be an event's site, and which sites a clause lists
(vocabulary in data/sites.yaml)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventwire.data import load_vocabulary
from eventwire.extraction.actors import ActorPhrase
from eventwire.extraction.attribution import SAY_LEMMAS, Claim
from eventwire.extraction.dates import CALENDAR_WORDS, ISSUE_DATE, SENTENCE_WORD
from eventwire.geo.distance import STAND_IN_KM, told_km
from eventwire.geo.gazetteer import load_gazetteer
from eventwire.geo.names import fold
from eventwire.geo.resolve import REGION_WORDS
from eventwire.model import Place
from eventwire.nlp import doc_text

COORDINATION = re.compile(
    r"^[\s,]*(?:(?:and|or|as well as)\s+)?(?:(?:in|near|at|on)\s+)?"
    r"(?:the\s+(?:\w+\s+)?(?:city|town|village|settlement|port|district)s?\s+of\s+)?$",
    re.IGNORECASE,
)
# "east of Kyiv" places an event away from Kyiv (a site only when no other town is named);
# "in the north of Gorlovka" inside it
RELATIVE_REFERENCE = re.compile(
    r"(?<!the )\b(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
    r"|kilometers|kilometres|km|miles)\s+(?:of|from)\s*$",
    re.IGNORECASE,
)
# "80 km north-east of Baghdad": a distance told before a relative reference
DISTANCE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|kilomet(?:er|re)s?|miles?)\b", re.IGNORECASE)


def _km_before(before: str) -> float:
    """The distance told in the words before a place ("80 km north-east of"), 0 if none."""
    found = DISTANCE.findall(before)
    return told_km(*found[-1]) if found else 0.0


# the number of a report's item or section before the place that opens it ("3.2 ", "2. ", "(b) ")
ITEM_NUMBER = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|\(\d+\))\s+$")
CODED_TO = re.compile(r"coded to\s*$", re.IGNORECASE)
PLACE_RANK = {"district": 0, "city": 1, "feature": 2, "region": 3, "admin1": 4, "country": 5}
SITE_KINDS = frozenset({"district", "city", "feature"})
_WORDS = load_vocabulary("sites")
LOCATIVE = frozenset(_WORDS["locative"])
NOT_SITE_HEADS = frozenset(_WORDS["not_site_heads"])
DIRECTIONS = frozenset(_WORDS["directions"])
STATE_HEADS = frozenset(_WORDS["state_heads"])
JUDGING_HEADS = frozenset(_WORDS["judging_heads"])
PARTY_HEADS = frozenset(_WORDS["party_heads"])
BACKING_WORDS = frozenset(_WORDS["backing_words"])
STANCE_PREFIXES = frozenset(_WORDS["stance_prefixes"])
STANCE_VERBS = frozenset(_WORDS["stance_verbs"])
MORGUE_HEADS = frozenset(_WORDS["morgue_heads"])
DYING_VERBS = frozenset(_WORDS["dying_verbs"])
_CARE_OR_WOUND = frozenset(_WORDS["care_heads"]) | frozenset(_WORDS["wound_words"])
ORIGIN_VERBS = frozenset(_WORDS["origin_verbs"]) | frozenset(_WORDS["launch_verbs"])
BASE_VERBS = frozenset(_WORDS["base_verbs"])
LEAVING_VERBS = frozenset(_WORDS["leaving_verbs"])
RELATING_PREPS = frozenset(_WORDS["relating_preps"])
_ROUTE = "|".join(re.escape(str(w)) for w in _WORDS["route_words"])
# "Abidjan" before "-Yamoussoukro motorway", "Yamoussoukro" after "Abidjan-" before "motorway"
_ROUTE_FIRST_END = re.compile(
    rf"[ \t]*[-–][ \t]*[A-Z][\w'’.]*(?:[ \t][A-Z][\w'’.]*)?[ \t]+(?:{_ROUTE})\b"
)
_ROUTE_SECOND_END = re.compile(rf"[ \t]+(?:{_ROUTE})\b")
_BEFORE_SECOND_END = re.compile(r"[A-Z][\w'’.]*[ \t]*[-–][ \t]*$")
# "on the road to Dangila", "the highway leading to Kabul": where the road goes, not the site
_ROUTE_TO = re.compile(rf"\b(?:{_ROUTE})s?[ \t]+(?:leading[ \t]+)?(?:to|towards?)[ \t]+$", re.I)
HEADING_WORDS = frozenset(_WORDS["heading_words"])
_HYPHENS = frozenset({"-", "–", "‑"})
PEOPLE_POS = frozenset({"NOUN", "PRON", "ADJ"})  # "many from", "people from", "those from"
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def _is_demonym(place: Place, doc: Doc) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if place.kind == "demonym":
        return True
    if place.kind not in ("country", "admin1"):
        return False  # a lower-case city ("kyiv") is often tagged as an adjective
    if span.end < len(doc) and doc[span.end].lower_ in REGION_WORDS:
        return False  # "the Belgorod region": a name, whatever tag it got
    if fold(place.text) == fold(place.name):
        return root.pos_ == "ADJ"  # "Alibori", "Mali": the region's or country's own name
    return (
        root.pos_ == "ADJ"
        or root.ent_type_ == "NORP"
        or place.text.lower().endswith(("ian", "ish", "ese", "ean", "i"))
    )


DATELINE_TAIL = re.compile(r"^[\w\s.,)]{0,30}?(?:\(|—|–|\s-\s)")
_HEADER_FIELD = re.compile(r"\s[|·•]\s")


def _in_quotation(offset: int, sent: Span) -> bool:
    before = doc_text(sent.doc)[sent.start_char : offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# A wire headline's trailing source tag: "… - DPR Defense Ministry", "… — agency", "…: official"
SOURCE_TAG = re.compile(r"(?:\s[-—–]|:)\s+([^-—–.,;:!?\d\n\[\]()]{1,60}?)\s*$")
SOURCE_TAG_WORDS = 6


def source_tag_start(doc: Doc) -> int | None:
    """Where the source tag of the headline (the first line) starts, None if it has none.

    "Three killed in DPR shelling - Lugansk news agency": the tail after the last dash names who
    reports it, not where it happened. A tail with a verb or a number is part of the news
    ("… shelled Toretsk - one dead"); one with more than a few words is no tag.
    """
    text = doc_text(doc)
    end = text.find("\n")
    line = text if end < 0 else text[:end]
    match = SOURCE_TAG.search(line)
    if match is None or len(match.group(1).split()) > SOURCE_TAG_WORDS:
        return None
    tail = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if (
        tail is None
        or tail.start == 0
        or any(t.pos_ in ("VERB", "AUX") or t.like_num for t in tail)
    ):
        return None
    return match.start(1)


def is_dateline(place: Place, text: str) -> bool:
    """The reporter's dateline ("LVIV, Ukraine —") says where the story was filed, not where.
    It opens a line, or, in capitals, follows a release's header on the same line ("For
    Immediate Release   KABUL, Afghanistan (March 12, 2011) –"); a release's place of issue
    comes before its date in a header ("PRESS RELEASE - Juba, 21 February 2016"); a region
    in brackets after the town belongs to the dateline ("DJUGU (ITURI) -"). A place after an
    item's number ("3.2 Tambura, 9 September.") is where that item happened."""
    line_start = text.rfind("\n", 0, place.start) + 1
    before = text[line_start : place.start]
    # a header line of fields ("By our correspondent | Parliament report | Edinburgh, Thursday
    # 20 May 2021"): the place opens its own field
    before = _HEADER_FIELD.split(before)[-1]
    if ITEM_NUMBER.match(before):
        return False  # "3.2 Tambura, 9 September. Three displaced persons …": an item's place
    if ISSUE_DATE.match(text, place.end) and not SENTENCE_WORD.search(before):
        return True
    opens = not before.strip() or (place.text.isupper() and len(place.text) > 2)
    # its region in brackets: "DJUGU (ITURI) -", "Djugu (Ituri) -"
    opens = opens or (before.rstrip().endswith("(") and not SENTENCE_WORD.search(before))
    return opens and bool(DATELINE_TAIL.match(text[place.end : place.end + 40]))


def names_a_side(place: Place, doc: Doc) -> str | None:
    """Why a place is named as a political side rather than a location, None if it is not.

    "Moscow-backed rebels", "Kyiv-controlled Avdiivka", "pro-Kiev forces": a sponsor or a side,
    whatever kind of place. "Kiev's forces", "Damascus troops", "Khartoum's army": a national
    capital standing for its state (metonymy), so the forces are not there. Read from the
    words around the name, not the parse: terse headlines parse badly ("Kiev's forces - Donetsk
    news agency" hangs "Kiev" on "agency"). A capital that is the subject of a verb of saying
    or taking a stance, or stands just before one ("a charge Kigali rejects", which parses
    "rejects" as a noun; "Moscow denied any role") is its state speaking; one after "with" on
    a word of agreeing or talking ("agreed with Baku", "talks with Moscow") is its state as a
    party.
    """
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    n = len(doc)
    after, first = span.end, span.start
    if after + 1 < n and doc[after].text in _HYPHENS and doc[after + 1].lower_ in BACKING_WORDS:
        return f"'{place.text}-{doc[after + 1].text}' names a side"
    if first >= 2 and doc[first - 1].text in _HYPHENS and doc[first - 2].lower_ in STANCE_PREFIXES:
        return f"'{doc[first - 2].text}-{place.text}' names a side"
    if place.kind not in ("city", "admin1") or not place.country_code:
        return None
    k = after + 1 if after < n and doc[after].text in _POSSESSIVE else after
    head = None
    while k < min(n, after + 4) and doc[k].is_alpha and doc[k].is_lower:
        if doc[k].pos_ not in ("NOUN", "ADJ", "VERB", "PROPN"):
            break
        if doc[k].pos_ == "VERB" and doc[k].dep_ not in ("amod", "compound"):
            break  # "Kiev forces shelled": the verb ends the noun phrase
        head = doc[k]
        k += 1
    states = head is not None and (head.lower_ in STATE_HEADS or head.lemma_.lower() in STATE_HEADS)
    # "Minutes after a Cairo court sentenced 21 men, crowds converged on the prison": a
    # capital's court that acts is the state's (a protest "outside a Cairo court" is there)
    states = states or (head is not None and head.lower_ in JUDGING_HEADS and head.dep_ == "nsubj")
    verb = span.root.head if span.root.dep_ == "nsubj" else None
    if verb is None and after < n and span.root.dep_ != "pobj":  # not "ministers in Bamako said"
        verb = doc[after]  # "a charge Kigali rejects", where the parse makes "rejects" a noun
    if verb is not None and not (
        verb.lemma_.lower() in STANCE_VERBS and verb.tag_ in ("VBD", "VBZ", "VBP", "NNS")
    ):
        verb = None
    with_ = span.root.head if span.root.dep_ == "pobj" and span.root.head.lower_ == "with" else None
    deal = with_.head if with_ is not None and with_.head.lemma_.lower() in PARTY_HEADS else None
    if not (states or verb or deal) or not load_gazetteer().names_capital(
        place.text, place.country_code
    ):
        return None
    if deal is not None:
        return f"'{deal.text} with {place.text}': the capital stands for a party to it"
    if verb is not None:
        return f"'{place.text} … {verb.text}': the capital speaks for the state"
    return f"'{doc[span.start : k].text}': the capital stands for the state"


def is_origin(place: Place, doc: Doc) -> bool:
    """Whether a place is where people came or were sent from ("commandos flown in from the
    capital", "troops deployed from Goma"), or weapons were fired from ("rockets fired from
    Gaza at Sderot"): no site of what they did on arrival, nor of where the weapons struck."""
    return _on_a_route(place, doc, ("from",), ORIGIN_VERBS)


def is_base(place: Place, doc: Doc) -> bool:
    """Whether a place is where the doers are based, told in a participle of their noun
    ("Mirage jets based in N'Djamena struck the column near Amdjarass", "a militia stationed
    in Beni"): no site of what they did."""
    root = _listed_root(place, doc)
    return (
        root is not None
        and _on_a_route(place, doc, ("in", "at"), BASE_VERBS)
        and root.head.head.dep_ == "acl"
    )


def is_destination(place: Place, doc: Doc) -> bool:
    """Whether a place is where people withdrew, fled or set off to ("the remaining forces
    withdrew towards Lashkar Gah", "a convoy of protesters set off for Tunis"): no site of
    what the sentence tells; nor the town of the place they were taken to ("two others were
    wounded and evacuated to the regional hospital in Buea")."""
    preps = ("towards", "toward", "to", "for")
    if _on_a_route(place, doc, preps, LEAVING_VERBS):
        return True
    root = _listed_root(place, doc)
    if root is None or root.dep_ != "pobj" or root.head.lower_ not in ("in", "at"):
        return False
    # "to the hospital in Buea", however the parse hangs "in Buea": on the hospital's route
    held = root.head.head
    if held.dep_ != "pobj":
        to = next((c for c in held.children if c.lower_ in preps and c.i < root.i), None)
        held = next((c for c in to.children if c.dep_ == "pobj"), held) if to else held
    return _routed(held, preps, LEAVING_VERBS)


def _listed_root(place: Place, doc: Doc) -> Token | None:
    """The place's noun in the parse, through the list or the compound it stands in ("from
    Goma and Bukavu": "Goma"), or None when its span is no tokens'. Found once per place's
    span (in `Doc.user_data`): seven tests of a sentence's places ask for it."""
    roots = doc.user_data.get(_LISTED_ROOTS)
    if roots is None:
        roots = doc.user_data[_LISTED_ROOTS] = {}
    key = (place.start, place.end)
    if key not in roots:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        root = span.root if span is not None else None
        while root is not None and root.dep_ in ("conj", "appos", "compound"):
            root = root.head
        roots[key] = root.i if root is not None else None
    i = roots[key]
    return doc[i] if i is not None else None


_LISTED_ROOTS = "eventwire.listed_roots"  # Doc.user_data: (start, end) -> its root's index


def _on_a_route(place: Place, doc: Doc, preps: tuple[str, ...], verbs: frozenset[str]) -> bool:
    """Whether the place is the object of one of `preps` on one of `verbs` ("from Goma and
    Bukavu" too); a verb with its particle ("set off") is one of them when listed so."""
    root = _listed_root(place, doc)
    return root is not None and _routed(root, preps, verbs)


def _routed(root: Token, preps: tuple[str, ...], verbs: frozenset[str]) -> bool:
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in preps or prep.head.pos_ != "VERB":
        return False
    verb = prep.head
    lemma = verb.lemma_.lower()
    particles = [f"{lemma} {t.lower_}" for t in verb.children if t.dep_ == "prt"]
    return lemma in verbs or any(p in verbs for p in particles)  # "set off for Tunis"


def _a_route_s_end(place: Place, text: str) -> bool:
    """Whether the place names an end of a road ("the Abidjan-Yamoussoukro motorway", "on the
    road to Dangila")."""
    if _ROUTE_FIRST_END.match(text, place.end) or _ROUTE_TO.search(
        text, max(0, place.start - 30), place.start
    ):
        return True
    return bool(
        _ROUTE_SECOND_END.match(text, place.end)
        and _BEFORE_SECOND_END.search(text, max(0, place.start - 40), place.start)
    )


def _of_a_related_event(place: Place, doc: Doc) -> bool:
    """Whether the place is told of a noun the sentence's event is told after, over or
    against, in a participle clause of it ("following the verdict delivered in Darwin that
    day") or with it ("after the vote in Paris on the constitutional bill, riots broke out in
    Nouméa"): the place of that other event."""
    root = _listed_root(place, doc)
    if root is None or root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    verb = root.head.head
    if verb.pos_ == "NOUN" and verb.dep_ == "pobj":
        return verb.head.lower_ in RELATING_PREPS  # "after the vote in Paris"
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    noun = verb.head
    return noun.dep_ == "pobj" and noun.head.lower_ in RELATING_PREPS


def _where_the_wounded_died(place: Place, doc: Doc) -> bool:
    """Whether the place is where someone wounded earlier died: the town of the hospital of a
    death verb ("died … in a military hospital in Baghdad"), or of a death of wounds ("died of
    his wounds in Gao", "succumbed to his injuries in Kandahar")."""
    root = _listed_root(place, doc)
    if root is None or root.dep_ != "pobj" or root.head.lower_ not in ("in", "at"):
        return False
    held = root.head.head
    told = held.lemma_.lower() in _CARE_OR_WOUND
    return died_of_wounds(held.head.head if told and held.dep_ == "pobj" else held)


def died_of_wounds(verb: Token) -> bool:
    """Whether a death verb tells a death of wounds or in hospital ("died of his wounds",
    "died … at the regional hospital", "succumbed to his injuries"; sites.yaml dying_verbs):
    someone wounded earlier died, not a death the violence of that day dealt."""
    return verb.lemma_.lower() in DYING_VERBS and any(
        c.dep_ == "prep"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in _CARE_OR_WOUND for o in c.children)
        for c in verb.children
    )


def _a_morgue_s_town(place: Place, doc: Doc) -> bool:
    """Whether the place is the town of a morgue ("returned from the morgue in Trujillo", "the
    San Pedro Sula morgue"): where the dead were taken, not where they died."""
    root = _listed_root(place, doc)
    if root is None:
        return False
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "of"):
        return root.head.head.lemma_.lower() in MORGUE_HEADS
    return root.lemma_.lower() in MORGUE_HEADS or (
        root.dep_ in ("compound", "poss") and root.head.lemma_.lower() in MORGUE_HEADS
    )


_DAY_WORDS = CALENDAR_WORDS | {"day", "yesterday", "today"}
_DAY_NOUNS = frozenset({"day", "anniversary", "eve", "date", "night", "morning", "evening"})


def _in_a_day_s_gloss(place: Place, doc: Doc) -> bool:
    """Whether the place is told in words that say what a day was ("On Wednesday, 15 January,
    the day of the inauguration in Maputo, thousands marched in Quelimane"): that occasion's
    place, not the event's."""
    root = _listed_root(place, doc)
    for t in root.ancestors if root is not None else ():
        if t.dep_ == "appos" and t.lemma_.lower() in _DAY_NOUNS and t.head.lower_ in _DAY_WORDS:
            return True  # (not "On Sunday, a polling station in X": the parse's apposition)
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _is_location_use(place: Place, doc: Doc) -> bool:
    """Whether a place is named as a location, not as an actor ("Russia and Ukraine held talks",
    "Kyiv said", "Moscow forces")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    whole = place.kind in ("country", "admin1")
    if root.dep_ == "nsubj" and (whole or root.head.lemma_ in SAY_LEMMAS):
        return False
    if root.dep_ == "poss" and whole and root.head.lemma_ not in DIRECTIONS:
        return False  # "Ukraine's army" names an actor; "Ukraine's east" a place
    if root.dep_ in ("compound", "amod", "poss") and root.head.lemma_ in NOT_SITE_HEADS:
        return False  # "Moscow forces", "Kiev's troops"
    home = root  # "women from Macomia and Chiure districts", "from the districts of Macomia"
    while home.head.i != home.i and (
        home.dep_ in ("compound", "conj", "appos", "nmod")
        or (home.dep_ == "pobj" and home.head.lower_ == "of" and home.head.head.pos_ == "NOUN")
    ):
        home = home.head.head if home.dep_ == "pobj" else home.head
    if home.dep_ == "pobj" and home.head.lower_ == "from" and home.head.head.pos_ in PEOPLE_POS:
        return False  # "people, many from Menzel Bouzaiane, gather in Sidi Bouzid": their home
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


def _where_named(place: Place, actor: ActorPhrase, doc: Doc) -> bool:
    """An actor read from a place name that the sentence uses as a location: "killed in DPR"
    (the DPR's militia may be the agent, but "in DPR" says where)."""
    if actor.start < place.start or actor.end > place.end:
        return False  # the actor phrase says more than the name: "DPR militia"
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def site_candidates(
    places: list[Place], sent: Span, actors: list[ActorPhrase], claim: Claim | None
) -> list[Place]:
    """The places of a sentence that can be an event's site, best first.

    A place named only as the claimant's or an actor's home ("Donetsk rebels say", "Kiev's
    forces") or as the city whose suburbs were hit is a site only when nothing else is.
    """
    doc = sent.doc
    text = doc_text(doc)
    tag = source_tag_start(doc) if sent.start_char == 0 else None
    out: list[Place] = []
    coded: list[Place] = []
    weak: list[Place] = []
    relative: list[Place] = []
    for p in places:
        if p.start < sent.start_char or p.end > sent.end_char:
            continue
        if _is_demonym(p, doc) or is_dateline(p, text) or _in_quotation(p.start, sent):
            continue  # "Don't forget Aleppo!" names no site
        if not p.country_code:
            continue  # "Asia", "the Pacific": in no one country, no event's site
        if names_a_side(p, doc) or is_origin(p, doc) or is_destination(p, doc) or is_base(p, doc):
            continue  # "Kiev's forces", "Moscow-backed", "sent from Kampala": not the site
        before = text[max(sent.start_char, p.start - 40) : p.start]
        if RELATIVE_REFERENCE.search(before) and p.kind not in ("region",):
            if _km_before(before) <= STAND_IN_KM:
                relative.append(p)  # "villages west of Sennar": near Sennar, if nothing nearer
            continue  # "80 km north-east of Baghdad": too far to stand for the site
        in_claim = claim is not None and claim.holds(p.start)
        in_claim = in_claim or (tag is not None and tag <= p.start < sent.end_char)
        in_actor = any(
            a.start <= p.start < a.end and a.kind != "civilians" and not _where_named(p, a, doc)
            for a in actors
        )
        if (
            in_claim
            or in_actor
            or not _is_location_use(p, doc)
            or _of_a_related_event(p, doc)
            or _in_a_day_s_gloss(p, doc)
            or _a_morgue_s_town(p, doc)
            or _where_the_wounded_died(p, doc)
            or _a_route_s_end(p, text)
        ):
            if p.kind != "country":
                weak.append(p)
            continue
        if CODED_TO.search(before):
            coded.append(p)
        out.append(p)
    if coded:
        return coded
    ranked = sorted(out or weak, key=lambda p: (PLACE_RANK.get(p.kind, 6), p.start))
    near = [_near(p) for p in relative if p.kind in SITE_KINDS][:1]
    if near and any(fold(p.text) == fold(near[0].text) for p in out):
        # a town the sentence names and also tells the event relative to ("on the track between
        # Tillia and Tassara, about 30 kilometres from Tassara"): near it, not at the other end
        return near + [p for p in ranked if fold(p.text) != fold(near[0].text)]
    if near and not any(p.kind in SITE_KINDS for p in out):
        # a town the event is told relative to beats a region or country: ACLED codes
        # "15 km west of X" to X, "near" it (geo_precision 2); and it beats a town named only
        # weakly, a road's end or the home of who tells it ("about 10 km from Bure on the road
        # to Dangila"), unless it only says where that town lies ("A councilor from Brovary,
        # east of Kyiv, was killed in fighting there": Brovary)
        if not any(_described_by(w, near[0], text) for w in weak):
            ranked = near + [p for p in ranked if out or p.kind not in SITE_KINDS]
    return ranked


# what stands between a place and the town it is told relative to, when the reference only
# says where that place lies ("Brovary, east of Kyiv", "Chuhuiv, 40 km southeast of Kharkiv")
_WHERE_IT_LIES = re.compile(
    r",\s*(?:(?:about|some|roughly|around)\s+)?(?:[\d.,]+\s*(?:km|kilomet(?:er|re)s?|miles?)\s+)?"
    r"(?:(?:north|south)(?:ern)?[\s-]?)?(?:(?:east|west)(?:ern)?)?\s*(?:of|from)\s*",
    re.IGNORECASE,
)


def _described_by(place: Place, town: Place, text: str) -> bool:
    """Whether the reference to `town` only tells where `place` lies ("Brovary, east of
    Kyiv")."""
    return place.end <= town.start and bool(_WHERE_IT_LIES.fullmatch(text, place.end, town.start))


def _near(p: Place) -> Place:
    if p.geo_precision >= 2:
        return p
    return replace(p, geo_precision=2, reason=f"{p.reason}; the event is told relative to it")


def listed_sites(candidates: list[Place], text: str) -> list[Place]:
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
