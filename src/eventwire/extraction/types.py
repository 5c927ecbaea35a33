"""The event type: ACLED type and sub-event type plus the PLOVER class, from a sentence's cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from eventwire.data import load_vocabulary
from eventwire.extraction.cues import Cue, drives_out

if TYPE_CHECKING:
    from eventwire.extraction.actors import ActorPhrase, Participants

EXPLOSIONS = "Explosions/Remote violence"
BATTLES = "Battles"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
# The event types of political violence: they carry a toll and may target civilians
VIOLENT = (EXPLOSIONS, BATTLES, VAC)

# The order in which cue categories decide the type: the first category present wins, so a
# specific reading beats a generic one ("shot down a drone" is Disrupted weapons use, not an
# air strike; "shelled and assaulted positions" is a battle, as ACLED codes combined fighting).
# Each row: category, event type, sub-event type, PLOVER class.
DECISION_ORDER: tuple[tuple[str, str, str, str | None], ...] = (
    ("disrupt", STRATEGIC, "Disrupted weapons use", "COERCE"),
    ("cache", STRATEGIC, "Disrupted weapons use", "COERCE"),
    ("territory", BATTLES, "Non-state actor overtakes territory", "ASSAULT"),
    ("clash", BATTLES, "Armed clash", "ASSAULT"),
    ("suicide", EXPLOSIONS, "Suicide bomb", "ASSAULT"),
    ("chemical", EXPLOSIONS, "Chemical weapon", "ASSAULT"),
    ("air", EXPLOSIONS, "Air/drone strike", "ASSAULT"),
    ("ied", EXPLOSIONS, "Remote explosive/landmine/IED", "ASSAULT"),
    ("grenade", EXPLOSIONS, "Grenade", "ASSAULT"),
    ("artillery", EXPLOSIONS, "Shelling/artillery/missile attack", "ASSAULT"),
    ("sexual", VAC, "Sexual violence", "ASSAULT"),
    ("abduction", VAC, "Abduction/forced disappearance", "ASSAULT"),
    ("strike", EXPLOSIONS, "Shelling/artillery/missile attack", "ASSAULT"),
    ("vac_attack", VAC, "Attack", "ASSAULT"),
    ("attack", VAC, "Attack", "ASSAULT"),
    ("arrest", STRATEGIC, "Arrests", "COERCE"),
    ("looting", STRATEGIC, "Looting/property destruction", "COERCE"),
    ("base", STRATEGIC, "Headquarters or base established", "MOBILIZE"),
    ("transfer", STRATEGIC, "Non-violent transfer of territory", "CONCEDE"),
    ("agreement", STRATEGIC, "Agreement", "AGREE"),
    ("evacuation", STRATEGIC, "Other", "AID"),
    ("sanction", STRATEGIC, "Other", "SANCTION"),
    ("talks", STRATEGIC, "Other", "CONSULT"),
    ("movement", STRATEGIC, "Change to group/activity", "MOBILIZE"),
    ("measure", STRATEGIC, "Change to group/activity", "COERCE"),
    ("formation", STRATEGIC, "Change to group/activity", "MOBILIZE"),
    ("displacement", STRATEGIC, "Other", None),
    ("activity", STRATEGIC, "Other", None),
    ("closure", STRATEGIC, "Change to group/activity", "COERCE"),
)
VIOLENT_CATEGORIES = frozenset(c for c, t, _, _ in DECISION_ORDER if t in VIOLENT) | {"casualty"}
# Violence told beside a capture or a march: fighting, not the taking of the place itself
FIGHT_CATEGORIES = VIOLENT_CATEGORIES - {"territory"}
# Clash words that can be aimed at unarmed people ("gunmen attacked villagers"); "fighting"
# and "clashes" always involve two armed sides.
DIRECTED_CLASH_LEMMAS = frozenset({"assault", "storm", "ambush", "raid", "engage"})
REGAIN_LEMMAS = frozenset({"recapture", "retake", "liberate", "regain", "regain control"})
_STATE = frozenset({"military", "police", "government"})
_NON_STATE = frozenset({"armed_group", "group", "communal"})


@dataclass(frozen=True)
class EventType:
    """The decided type, the cue that decided it and why."""

    event_type: str
    sub_event_type: str
    plover: str | None
    cue: Cue
    reason: str
    # damage done by doers named by no name or only by their arms ("someone threw stones
    # through the windows", "gunmen set fire to eight vehicles"): no crowd's, whatever words
    # of a riot it holds
    hidden_hand: bool = False


TAKEN = ("Government regains territory", "Non-state actor overtakes territory")
TRANSFER = "Non-violent transfer of territory"


_RIVAL = re.compile(r"\(\d{4}-\d{0,4}\) \S")


def taken_by(
    sub: str,
    agent: ActorPhrase | None,
    country: str | None,
    regained: bool,
    loser: ActorPhrase | None = None,
) -> str:
    """A capture of territory, typed by who takes it, as ACLED's codebook does: the state's
    own forces regain it ("the army took full control of the town"); a non-state group, or a
    foreign state's army, overtakes it ("rebels recaptured the town"). With no taker named,
    the verb says: "recaptured", "liberated" are a government's words; and a place taken
    from the state's own forces (`loser`: "captured a military camp", "the army garrison was
    overrun") was its enemy's to take. Other sub-types pass."""
    if sub not in TAKEN:
        return sub
    if agent is None or agent.kind not in _STATE | _NON_STATE:
        if not regained and loser is not None and _state_force(loser):
            return TAKEN[1]
        return TAKEN[0] if regained else sub
    group = agent.group or ""
    state = _state_force(agent)
    if _RIVAL.search(group):
        # "Military Forces of Yemen (2017-) Houthi": a rival authority's forces, named by
        # ACLED after the state but not its government's
        state = False
    foreign = agent.country is not None and country is not None and agent.country != country
    return TAKEN[0] if state and not foreign else TAKEN[1]


@cache
def known_types() -> dict[str, tuple[str, ...]]:
    """ACLED's event types and their sub-event types, from data/taxonomy.yaml."""
    types = load_vocabulary("taxonomy")["event_types"]
    return {name: tuple(entry["sub_event_types"]) for name, entry in types.items()}


@cache
def _type_of_sub() -> dict[str, str]:
    return {sub: event_type for event_type, subs in known_types().items() for sub in subs}


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to."""
    return _type_of_sub()[sub_event_type]


def disorder_type(event_type: str) -> str:
    """ACLED's disorder type of an event type."""
    return str(load_vocabulary("taxonomy")["event_types"][event_type]["disorder_type"])


@cache
def _gunfire() -> frozenset[str]:
    """Fights with guns on both sides (data/cues.yaml, clash: gunfire)."""
    return frozenset(str(w) for w in load_vocabulary("cues")["clash"]["gunfire"])


@cache
def _mutual() -> frozenset[str]:
    """Fighting words that need two sides (data/cues.yaml, clash: mutual)."""
    return frozenset(str(w) for w in load_vocabulary("cues")["clash"]["mutual"])


def _first(cues: list[Cue], *categories: str) -> Cue | None:
    for cue in cues:
        if cue.category in categories:
            return cue
    return None


def _protest_type(cues: list[Cue], who: Participants) -> tuple[str, str, Cue] | None:
    protest = _first(cues, "protest")
    if protest is None:
        return None
    if (
        protest.lemma in MARCH_LEMMAS
        and who.agent is not None
        and who.agent.kind in _ARMED_KINDS
        and (who.target is None or who.target.kind not in CROWDS)
        and not {c.category for c in cues} & (FIGHT_CATEGORIES | {"intervention"})
    ):
        # "troops marched into the town", "captured the town and marched on": an army's march
        # is no demonstration (but "police fired on farmers marching" is the farmers' march,
        # and "a march … was dispersed by the gendarmerie" the marchers')
        return None
    riot = _first(cues, "riot", "looting")
    if riot is not None:
        return RIOTS, "Violent demonstration", riot
    violence = _first(cues, "clash", "vac_attack")
    crowd = who.agent is None or who.agent.kind in CROWDS
    # "police … in running clashes with protesters": both sides fought
    mutual = violence is not None and violence.lemma in _mutual()
    peaceful = _first(cues, "peaceful") is not None  # "protested peacefully, before the fighting"
    if (
        violence is not None
        and (crowd or mutual)
        and not peaceful
        and not {c.category for c in cues} & WEAPON_CATEGORIES
    ):
        # "a group demonstrated and clashed with forest guards": a demonstration turned violent
        return RIOTS, "Violent demonstration", violence
    casualty = _first(cues, "casualty")
    intervention = _first(cues, "intervention", "arrest")
    if intervention is None and violence is not None and not crowd:
        intervention = violence  # "police opened fire on protesters"
    if intervention is not None and casualty is not None:
        return PROTESTS, "Excessive force against protesters", casualty
    if intervention is not None:
        return PROTESTS, "Protest with intervention", intervention
    return PROTESTS, "Peaceful protest", protest


# People who are no armed organisation: with a mob cue ("a number of locals") they are a mob
CROWDS = frozenset({"civilians", "rioters", "protesters"})
WEAPON_CATEGORIES = frozenset({"artillery", "air", "ied", "suicide", "grenade", "chemical"})
CREWED = frozenset(
    {"aircraft", "helicopter", "chopper", "jet", "warplane", "bomber", "gunship", "fighter jet"}
)
UNCREWED = frozenset({"drone", "uav", "shahed", "lancet", "quadcopter", "kamikaze"})


def _crewed_aircraft(cues: list[Cue]) -> bool:
    lemmas = {c.lemma for c in cues if c.category == "air"}
    return bool(lemmas & CREWED) and not lemmas & UNCREWED


_ARMED_KINDS = frozenset({"military", "police", "armed_group", "group", "communal"})
MARCH_LEMMAS = frozenset({"march", "parade"})
BOMB_LEMMAS = frozenset({"bomb", "bombing", "blast", "explosion", "explode"})


# Places of the state's forces named as targets ("set fire to a police station")
INSTALLATIONS = frozenset(
    {"station", "post", "base", "camp", "outpost", "position", "positions", "checkpoint"}
    | {"barracks", "prison", "prisons", "jail", "convoy"}
)
# Explosives named as things held, not as what went off ("seized explosives")
SEIZED_LEMMAS = frozenset({"explosive", "explosives"})
# Firing that crowd-control munitions name as such ("fired tear gas")
FIRE_LEMMAS = frozenset({"fire", "launch"})
ARSON_LEMMAS = frozenset({"set fire", "set ablaze"})
STONING_LEMMAS = frozenset({"stone", "throw stone", "throw rock", "hurl stone"})


def _unopposed(categories: set[str]) -> bool:
    """A place taken with words that say no one fought for it, and no fighting told beside."""
    return "unopposed" in categories and not categories & FIGHT_CATEGORIES


def _damage_by_a_hidden_hand(riot: Cue, who: Participants, categories: set[str]) -> bool:
    """A riot's act of damage (not a clash) by doers named by no name or only by their arms
    (`unnamed_doer`: "someone", "unknown persons", "gunmen"; not "settlers", "youths"), with no
    crowd in the sentence: stones or a petrol bomb thrown at a building at night by "someone"."""
    agent = who.agent
    return (
        agent is not None
        and unnamed_doer(agent)
        and not riot.lemma.startswith("clash")
        and not categories & {"protest", "gathering", "mob", "blockade"}
    )


def _non_state_agent(who: Participants) -> bool:
    return who.agent is not None and who.agent.kind in ("armed_group", "group", "communal")


def _state_force(agent: ActorPhrase) -> bool:
    """A state's forces: the army, the police, a government, or a named group ACLED counts
    under a state's forces ("Military Forces of Russia (2000-) Donetsk People's Militia")."""
    group = agent.group or ""
    return agent.kind in _STATE or group.startswith(("Military Forces", "Police Forces"))


def _armed_non_state(agent: ActorPhrase | None) -> bool:
    """An armed group that is no state's force: "jihadists", "rebels", "Al-Shabaab"."""
    return agent is not None and agent.kind in ("armed_group", "group") and not _state_force(agent)


@cache
def street_crowds() -> frozenset[str]:
    """Rioters, protesters, demonstrators: the words that name a crowd in the street."""
    return frozenset(str(w) for w in load_vocabulary("actors")["street_crowds"])


@cache
def _unnamed_doers() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_vocabulary("actors")["unnamed_doers"])


def unnamed_doer(actor: ActorPhrase) -> bool:
    """Whether the actor is named by no name or only by its arms ("someone", "unknown
    persons", "vandals", "gunmen": actors.yaml unnamed_doers)."""
    words = actor.text.lower().split()
    if words and words[0] in ("the", "some"):
        words = words[1:]
    return " ".join(words) in _unnamed_doers()


def a_street_crowd(actor: ActorPhrase | None) -> bool:
    """Rioters, protesters or demonstrators by name ("Palestinian rioters"), not people who
    may be armed or at work ("youths", "workers")."""
    words = actor.text.lower().split() if actor is not None else []
    return bool(words) and words[-1] in street_crowds()


def _fought_both_ways(cues: list[Cue]) -> bool:
    """Whether every clash word of the cues needs two sides ("clashed", not "opened fire")."""
    return all(c.lemma in _mutual() for c in cues if c.category == "clash")


def _crowd_s_fight(cues: list[Cue], who: Participants) -> Cue | None:
    """The fighting word of a clash between a crowd of rioters or protesters and anyone
    ("rioters clashed with soldiers", "troops clashed with protesters"), None if not one."""
    if not (a_street_crowd(who.agent) or a_street_crowd(who.target)):
        return None
    return _first(cues, "clash") if _fought_both_ways(cues) else None


def _state_agent(who: Participants) -> bool:
    return who.agent is not None and who.agent.kind in ("military", "group")


def classify(cues: list[Cue], who: Participants) -> EventType | None:
    """The event type a sentence's cues describe, or None when they describe no event."""
    categories = {c.category for c in cues}
    military = categories & {"artillery", "air", "ied", "clash", "suicide", "grenade"}
    # a fight with guns on both sides ("a shootout with the marine police", "villagers
    # exchanged fire with rustlers"): those who fight it are armed, no mob
    gunfight = any(c.lemma in _gunfire() for c in cues)
    crowd = who.agent is None or who.agent.kind in CROWDS
    # "police clashed with protesters" (a fight, not "exchanged gunfire with demonstrators")
    crowd_target = who.target is not None and who.target.kind in CROWDS and _fought_both_ways(cues)
    if (
        military == {"clash"}
        and "protest" in categories
        and (crowd or crowd_target or "riot" in categories)
    ):
        # demonstrators who fight are rioters, not a battle's side; police firing on a crowd
        # that "stormed parliament and set it ablaze" are in a violent demonstration too, and
        # so are police who "clashed with protesters": the clash is the crowd's fight
        military = set()
    fight = _crowd_s_fight(cues, who) if military == {"clash"} else None
    if fight is not None:
        # "Palestinian rioters clashed with troops": rioters and protesters are a crowd, not
        # a battle's side, whatever force they fought
        sub = "Violent demonstration"
        return EventType(RIOTS, sub, "PROTEST", fight, f"'{fight.text}' of a crowd → {sub}")
    if not military:
        protest = _protest_type(cues, who)
        if protest is not None:
            event_type, sub, protest_cue = protest
            return EventType(
                event_type, sub, "PROTEST", protest_cue, f"'{protest_cue.text}' → {sub}"
            )
        riot = _first(cues, "riot")
        if riot is not None and _non_state_agent(who) and riot.lemma.startswith("clash"):
            # an armed group's clash with the police is a battle ("gangs clashed with police")
            return EventType(
                BATTLES, "Armed clash", "ASSAULT", riot, f"'{riot.text}' → Armed clash"
            )
        if (
            riot is not None
            and riot.lemma in ARSON_LEMMAS
            and who.agent is not None
            and who.agent.kind == "military"
            and (who.target is None or who.target.kind not in _ARMED_KINDS)
        ):
            # soldiers who kill villagers and burn their houses: no riot, the state's violence
            # against civilians; the burning alone is property destruction
            if "casualty" in categories:
                return EventType(
                    VAC, "Attack", "ASSAULT", riot, f"'{riot.text}' by forces → Attack"
                )
            sub = "Looting/property destruction"
            return EventType(STRATEGIC, sub, "COERCE", riot, f"'{riot.text}' by forces → {sub}")
        hidden = riot is not None and _damage_by_a_hidden_hand(riot, who, categories)
        if riot is not None and _non_state_agent(who) and (riot.lemma in ARSON_LEMMAS or hidden):
            # an armed group's arson is no riot ("gangs set fire to a police station"), nor is
            # the damage of someone no one has named ("someone threw stones through the
            # windows of the party office", "unknown persons threw a petrol bomb at a shop");
            # with people beaten or killed, an attack ("settlers attacked houses, setting fire
            # to two cars and beating three residents")
            if categories & {"casualty", "vac_attack"} and (
                who.target is None or who.target.kind not in _ARMED_KINDS
            ):
                return EventType(VAC, "Attack", "ASSAULT", riot, f"'{riot.text}' → Attack")
            sub = "Looting/property destruction"
            return EventType(STRATEGIC, sub, "COERCE", riot, f"'{riot.text}' → {sub}", hidden)
        if riot is not None and riot.lemma in STONING_LEMMAS and who.target is not None:
            # stones thrown at someone with no demonstration: a crowd's violence
            return EventType(
                RIOTS, "Mob violence", "ASSAULT", riot, f"'{riot.text}' → Mob violence"
            )
        if riot is not None:
            return EventType(
                RIOTS,
                "Violent demonstration",
                "PROTEST",
                riot,
                f"'{riot.text}' → Violent demonstration",
            )
        mob = _first(cues, "mob")
        crowd_agent = who.agent is None or who.agent.kind in CROWDS
        if (
            mob is not None
            and crowd_agent
            and categories & {"vac_attack", "casualty", "looting", "clash"}
            and not gunfight
        ):
            return EventType(RIOTS, "Mob violence", "ASSAULT", mob, f"'{mob.text}' → Mob violence")
        # Violence by people who are no armed organisation is mob violence in ACLED's terms
        # (not a gun fired: "a man fired a pistol at worshippers" is armed, an attack).
        agent = who.agent
        violence = _first(cues, "vac_attack", "clash")
        if (
            violence is not None
            and agent is not None
            and agent.kind in ("civilians", "rioters")
            and not gunfight
            and violence.lemma != "fire"
        ):
            return EventType(
                RIOTS,
                "Mob violence",
                "ASSAULT",
                violence,
                f"'{violence.text}' by {agent.text} (not an armed group) → Mob violence",
            )
        # A labour strike: "strike" as a noun with workers and no weapon.
        strike = _first(cues, "strike")
        if (
            strike is not None
            and strike.lemma == "strike"
            and any(c.category == "strike" and c.lemma == "strike" for c in cues)
            and agent is not None
            and agent.kind == "protesters"
        ):
            return EventType(
                PROTESTS,
                "Peaceful protest",
                "PROTEST",
                strike,
                f"'{strike.text}' by {agent.text} → a labour strike",
            )
    control = _first(cues, "intervention")
    fired = _first(cues, "strike")
    if (
        control is not None
        and fired is not None
        and fired.lemma in FIRE_LEMMAS
        and not categories & (WEAPON_CATEGORIES | {"clash", "attack"})
    ):
        # "police fired tear gas and smoke shells at the crowd": crowd control, no shelling
        if "casualty" in categories:
            sub = "Excessive force against protesters"
        else:
            sub = "Protest with intervention"
        return EventType(PROTESTS, sub, "PROTEST", control, f"'{control.text}' fired → {sub}")
    mob = _first(cues, "mob")
    if (
        mob is not None
        and (who.agent is None or who.agent.kind in CROWDS)
        and not categories & WEAPON_CATEGORIES
        and categories & {"vac_attack", "casualty", "clash"}
        and not gunfight
    ):
        # "a number of people assaulted a thief": a crowd's beating is mob violence, whatever
        # the verb (the weapon-free fight words are the crowd's too)
        return EventType(RIOTS, "Mob violence", "ASSAULT", mob, f"'{mob.text}' → Mob violence")
    if (
        mob is not None
        and who.agent is not None
        and who.agent.kind == "communal"
        and not categories & WEAPON_CATEGORIES
        and categories & {"vac_attack", "casualty", "clash"}
    ):
        # "a group of herders armed with machetes wounded a farmer": a communal militia's attack
        event_type, sub = _fight_or_attack(who)
        return EventType(event_type, sub, "ASSAULT", mob, f"'{mob.text}' armed → {sub}")
    for category, event_type, sub, plover in DECISION_ORDER:
        cue = _first(cues, category)
        if cue is None:
            continue
        arrest = _first(cues, "arrest")
        if (
            category == "ied"
            and cue.lemma in SEIZED_LEMMAS
            and arrest is not None
            and "casualty" not in categories
        ):
            # "arrested nine suspects and seized rifles and explosives": the arrests, not a bomb
            return EventType(
                STRATEGIC,
                "Arrests",
                "COERCE",
                arrest,
                f"'{arrest.text}' with '{cue.text}' → Arrests",
            )
        if cue.lemma == "raid" and arrest is not None and "casualty" not in categories:
            # "arrested 15 in overnight raids": ACLED codes the arrests, not an attack
            return EventType(
                STRATEGIC, "Arrests", "COERCE", arrest, f"'{arrest.text}' in '{cue.text}' → Arrests"
            )
        if category == "disrupt" and _crewed_aircraft(cues):
            # ACLED: downing a crewed aircraft is an attack on it, not a disrupted weapon
            event_type, sub, plover = EXPLOSIONS, "Shelling/artillery/missile attack", "ASSAULT"
        if category == "strike" and not categories & WEAPON_CATEGORIES and _shot_or_hit(cue, who):
            event_type, sub = _fight_or_attack(who)
        if category == "clash" and _by_aircraft(cue, cues, who):
            # "Two fixed-wing aircraft engaged the insurgent positions": the aircraft strike
            event_type, sub = EXPLOSIONS, "Air/drone strike"
        if category == "attack" and who.target is not None and who.target.kind in _ARMED_KINDS:
            event_type, sub = BATTLES, "Armed clash"  # "an attack on a police post"
        if category == "strike" and cue.lemma in BOMB_LEMMAS and _non_state_agent(who):
            # militants' bombings are planted or thrown, not fired
            sub = "Remote explosive/landmine/IED"
        elif category == "strike" and cue.lemma in ("bomb", "bombing") and _state_agent(who):
            sub = "Air/drone strike"  # armies bomb from the air; artillery shells
        if category == "looting" and cue.lemma == "destroy" and _state_agent(who):
            # forces "destroyed a fuel depot": by fire, not by looters
            event_type, sub, plover = EXPLOSIONS, "Shelling/artillery/missile attack", "ASSAULT"
        if category == "territory" and _unopposed(categories):
            # "seized the border post after the garrison withdrew": no fight for the place
            event_type, sub, plover = STRATEGIC, "Non-violent transfer of territory", "CONCEDE"
        elif category == "territory":
            # ("the militants were pushed back from their strongholds": taken back from rebels
            # by no one named, the state's forces retook it)
            regained = cue.lemma in REGAIN_LEMMAS or (
                drives_out(cue) and _armed_non_state(who.target)
            )
            sub = taken_by(sub, who.agent, None, regained, who.target)
        if (
            category == "clash"
            and who.agent is not None
            and who.agent.kind
            in (
                "civilians",
                "rioters",
            )
        ) and not gunfight:
            # "farmers and herders clashed": no armed organisation, so mob violence (not a
            # shootout: those who fight with guns on both sides are armed)
            event_type, sub = RIOTS, "Mob violence"
        if (
            category == "clash"
            and event_type == BATTLES
            and cue.lemma in DIRECTED_CLASH_LEMMAS
            and who.target is not None
            and who.target.kind == "civilians"
        ):
            if not categories & {"artillery", "air"}:
                event_type, sub = VAC, "Attack"
        if (
            category == "arrest"
            and _armed_non_state(who.agent)
            and who.agent_reason.startswith("subject of")
        ):
            # "jihadists seized twenty villagers", "rebels captured 12 farmers": ACLED's
            # arrests are the state's; people an armed group takes (its verb's subject) are
            # abducted
            event_type, sub, plover = VAC, "Abduction/forced disappearance", "ASSAULT"
        if category == "abduction" and "casualty" in categories:
            sub = "Attack"  # ACLED: an abduction in which people are killed is an attack
        if (
            category == "vac_attack"
            and who.target is not None
            and who.target.kind
            in (
                "military",
                "police",
                "armed_group",
                "group",
            )
        ):
            event_type, sub = BATTLES, "Armed clash"
        if (
            category in ("clash", "attack", "vac_attack")
            and who.agent is not None
            and who.agent.kind == "protesters"
        ):
            # "supporters of an opposition candidate stormed a polling station", "opposition
            # supporters attacked a police station": a crowd with a cause that storms or
            # attacks is a violent demonstration, not a battle; supporters who clash ("clashes
            # between DPP and MCP supporters") fight each other: mob violence
            directed = category != "clash" or cue.lemma in DIRECTED_CLASH_LEMMAS
            sub = "Violent demonstration" if directed else "Mob violence"
            event_type, plover = RIOTS, "PROTEST" if directed else "ASSAULT"
        hidden = category == "looting" and _damage_by_a_hidden_hand(cue, who, categories)
        return EventType(event_type, sub, plover, cue, f"'{cue.text}' → {sub}", hidden)
    return None


def _shot_or_hit(cue: Cue, who: Participants) -> bool:
    """Whether a strike word with no heavy weapon named is a shot or a blow, not shelling: the
    police fire and hit ("officers were filmed hitting residents", "police fired at a car"), a
    gunman or militants fire ("a gunman with a rifle … firing at people"), and so does whoever
    fires at people, soldiers too ("soldiers fired on young men who had blocked the road",
    "troops fired on civilians fleeing the town"); an army's fire at armed men or at a place
    stays shelling. ("hit" and "fire" are verbs only in the lexicon; a "strike" may be a noun.)"""
    agent, target = who.agent, who.target
    if cue.lemma == "hit":
        return agent is not None and agent.kind == "police"
    if cue.lemma != "fire":
        return False
    if target is not None and target.kind in CROWDS:
        return True
    if agent is None:
        return False
    return agent.kind not in ("military", "group")


def _fight_or_attack(who: Participants) -> tuple[str, str]:
    """Violence on armed men is a fight, on anyone else an attack on civilians."""
    armed = who.target is not None and who.target.kind in _ARMED_KINDS
    return (BATTLES, "Armed clash") if armed else (VAC, "Attack")


def _by_aircraft(verb: Cue, cues: list[Cue], who: Participants) -> bool:
    """Whether the fight's verb is an aircraft's or a drone's: its agent's noun is an air cue, or
    one stands right before the verb ("Two fixed-wing aircraft engaged …", "A helicopter gunship
    engaged the militants")."""
    agent = who.agent
    return any(
        c.category == "air"
        and (c.end == verb.start or (agent is not None and c.start <= agent.head_i < c.end))
        for c in cues
    )


def casualty_only(cue: Cue, victims_military: bool, who: Participants) -> EventType:
    """A toll with no other cue ("two soldiers were killed in the east"): the likeliest type."""
    if who.agent is not None and who.agent.kind in ("civilians", "rioters"):
        return EventType(
            RIOTS,
            "Mob violence",
            "ASSAULT",
            cue,
            f"'{cue.text}' by {who.agent.text} (not an armed group) → Mob violence",
        )
    target = who.target
    armed_target = (
        target is not None
        and target.kind in ("military", "police")
        and target.text.lower().split()[-1] not in INSTALLATIONS  # the dead may be anyone there
    )
    if victims_military or (armed_target and _non_state_agent(who)):
        # "gunmen robbed a police officer and killed him": a fight with the state's forces
        return EventType(
            BATTLES,
            "Armed clash",
            "ASSAULT",
            cue,
            f"'{cue.text}' of combatants, no weapon named → Armed clash",
        )
    return EventType(
        VAC, "Attack", "ASSAULT", cue, f"'{cue.text}' of civilians, no weapon named → Attack"
    )


def note_label(text: str) -> tuple[str, str, str | None, int] | None:
    """The type an ACLED-style note's opening label names ("Interception: On …"), and where
    the label ends; None for text that opens with no known label (data/note_labels.yaml)."""
    head, colon, _ = text[:40].partition(":")
    if not colon:
        return None
    entry = load_vocabulary("note_labels").get(head.strip())
    if entry is None:
        return None
    event_type, sub, plover = entry
    return event_type, sub, plover, len(head)
