"""A generated one-sentence description of an event in ACLED's style."""

from __future__ import annotations

from datetime import date

from eventwire.model import Event

VERBS = {
    "Air/drone strike": "carried out an air/drone strike",
    "Shelling/artillery/missile attack": "shelled or fired missiles at",
    "Remote explosive/landmine/IED": "was the source of an explosive device that went off",
    "Grenade": "threw a grenade",
    "Suicide bomb": "carried out a suicide bombing",
    "Chemical weapon": "used a chemical weapon",
    "Armed clash": "clashed",
    "Government regains territory": "regained control",
    "Non-state actor overtakes territory": "took control",
    "Attack": "attacked civilians",
    "Abduction/forced disappearance": "abducted people",
    "Sexual violence": "committed sexual violence",
    "Peaceful protest": "held a peaceful protest",
    "Protest with intervention": "protested and were met with an intervention",
    "Excessive force against protesters": "used excessive force against protesters",
    "Violent demonstration": "took part in a violent demonstration",
    "Mob violence": "took part in mob violence",
    "Arrests": "made arrests",
    "Disrupted weapons use": "disrupted weapons use",
    "Looting/property destruction": "looted or destroyed property",
    "Headquarters or base established": "established a base",
    "Change to group/activity": "changed activity",
    "Agreement": "reached an agreement",
    "Non-violent transfer of territory": "took over territory without fighting",
}
PLOVER_PHRASES = {
    "CONSULT": "held talks",
    "AID": "organised humanitarian relief or an evacuation",
    "SANCTION": "announced sanctions",
}


def _day(value: str | None) -> str:
    if not value:
        return "On an unknown date"
    d = date.fromisoformat(value)
    return f"On {d.day} {d.strftime('%B %Y')}"


def write_note(event: Event) -> str:
    """ "On 14 March 2022, Military Forces of Russia shelled … in Kyiv (Kyiv City). 2 killed."."""
    sub_event_type, location, admin1 = event.sub_event_type, event.location, event.admin1
    actor1, actor2, fatalities = event.actor1, event.actor2, event.fatalities
    who = actor1 or "unidentified actors"
    verb = PLOVER_PHRASES.get(event.plover or "") if sub_event_type == "Other" else None
    verb = verb or VERBS.get(sub_event_type, sub_event_type.lower())
    target = ""
    if sub_event_type == "Shelling/artillery/missile attack":
        if actor2:
            target = f" {actor2}"
        else:
            verb = verb.removesuffix(" at")  # "shelled or fired missiles in Kyiv", no target
    if sub_event_type == "Armed clash" and actor2:
        verb += f" with {actor2}"
    where = ""
    if location:
        where = f" in {location}" + (f" ({admin1})" if admin1 and admin1 != location else "")
    toll = []
    if fatalities is not None:
        toll.append(f"{fatalities} killed" if fatalities else "no fatalities")
    if event.injuries:
        toll.append(f"{event.injuries} injured")
    sentence = f"{_day(event.event_date)}, {who} {verb}{target}{where}."
    if toll:
        sentence += " " + ", ".join(toll).capitalize() + "."
    if event.claimed_by:
        sentence += f" Reported by {event.claimed_by}."
    if event.verified is False:
        sentence += " The claim could not be independently verified."
    return sentence
