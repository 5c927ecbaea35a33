"""What ACLED's codebook decides by role, the parse decides, whoever read the event: a capture
of territory is typed by who takes it (the state's own forces regain it; rebels, militias or
a foreign army overtake it), whether the rules or the coder read it as a capture; a crowd
that fought is a violent demonstration even where police used tear gas. Texts are our own."""

import pytest

import eventwire

GRT = "Government regains territory"
NSOT = "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # "recaptured" is a government's word, but rebels recapture too
        (
            "Rebel fighters recaptured the town of Kafr Nabl from government troops on Tuesday "
            "after two days of fighting.",
            NSOT,
        ),
        (
            "Government troops recaptured the market town of Dembel from the insurgents on "
            "Sunday, the army said.",
            GRT,
        ),
        # "took control", "seized": the army's capture is the government's
        (
            "Soldiers of the national army took full control of the town of Gaviota after "
            "clashes with the rebels.",
            GRT,
        ),
        (
            "Islamist militants seized the district headquarters in Mandera county on Monday, "
            "officials said.",
            NSOT,
        ),
        (
            "Federal police regained control of the old city after a week of clashes with gang "
            "members.",
            GRT,
        ),
        # a foreign army's capture is no government's regaining
        (
            "Ukrainian troops took control of the town of Sudzha in Russia's Kursk region after "
            "heavy fighting, Kyiv said.",
            NSOT,
        ),
        (
            "Ukrainian forces retook the village of Robotyne in Zaporizhzhia region after weeks "
            "of fighting.",
            GRT,
        ),
        (
            "Turkish troops and allied Syrian fighters captured the town of Tal Abyad from "
            "Kurdish forces on Sunday.",
            NSOT,
        ),
    ],
)
def test_a_capture_of_territory_is_typed_by_who_takes_it(text: str, sub: str) -> None:
    events = eventwire.extract(text, published="2021-05-10")
    assert [e.sub_event_type for e in events] == [sub]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # both sides fought: a violent demonstration, though police used tear gas
        (
            "Police fired tear gas and water cannon in running clashes with stone-throwing "
            "protesters near the parliament in Tbilisi on Saturday.",
            "Violent demonstration",
        ),
        (
            "Riot police clashed with hundreds of demonstrators outside the labour ministry in "
            "Yerevan on Thursday, and several officers were hurt.",
            "Violent demonstration",
        ),
        # the crowd attacked: the rules read it as the attacker, whatever the coder's words
        (
            "Protesters attacked police officers in Tikapur on Monday, killing six.",
            "Violent demonstration",
        ),
        # the crowd stayed peaceful: the police's intervention
        (
            "Police used tear gas to disperse hundreds of teachers who had gathered peacefully "
            "outside the ministry in Niamey on Monday.",
            "Protest with intervention",
        ),
        (
            "Security forces opened fire on peaceful marchers in Bamenda on Sunday, killing "
            "three of them, witnesses said.",
            "Excessive force against protesters",
        ),
    ],
)
def test_a_crowd_that_fought_is_a_violent_demonstration(text: str, sub: str) -> None:
    events = eventwire.extract(text, published="2021-05-10")
    assert [e.sub_event_type for e in events] == [sub]


@pytest.mark.parametrize(
    ("text", "subs"),
    [
        # a weapon word named alone is no armed author: a storage tank that blows up is an
        # industrial accident
        (
            "Several workers at a gas plant outside Pittsburgh were hurt when a storage tank at "
            "the plant exploded on Thursday night.",
            [],
        ),
        (
            "A fuel tank exploded at a depot in the port of Beira on Monday, injuring four "
            "workers, the fire service said.",
            [],
        ),
        (
            "Russian tanks shelled the outskirts of Vuhledar on Monday, the Ukrainian military "
            "said.",
            ["Shelling/artillery/missile attack"],
        ),
    ],
)
def test_a_weapon_named_alone_is_no_armed_author(text: str, subs: list[str]) -> None:
    events = eventwire.extract(text, published="2021-05-10")
    assert [e.sub_event_type for e in events] == subs


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a force's lethal force with no crowd told: a shoot-out after a killing, a suspect
        (
            "Gunmen shot dead a trader at his shop in Jos on Monday evening, police said.\n\n"
            "On Tuesday, police shot dead a suspect in Bukuru after he fired at a patrol team, "
            "the state police spokesman said. Two rifles were recovered from him.",
            "Bukuru",
        ),
        (
            "Gunmen shot dead two traders at a market in Kisumu on Saturday 4 May, police said. "
            "Residents said the killings followed a dispute over land.\n\n"
            "The next day, Sunday 5 May, police shot dead a suspect in Kakamega after he fired "
            "at officers, the police commander said.",
            "Kakamega",
        ),
    ],
)
def test_a_force_s_violence_with_no_crowd_told_is_against_no_protesters(
    text: str, place: str
) -> None:
    # ACLED's codebook: excessive force and intervention are against protesters; where the
    # text tells no crowd, the force's violence is a clash or an attack, whatever the coder's
    # words (police, shot dead, fired) lean to
    events = eventwire.extract(text, published="2024-05-07")
    [shooting] = [e for e in events if e.location == place]
    assert shooting.event_type in ("Battles", "Violence against civilians")
    # one person named by their work is a civilian, no crowd of protesters
    assert all(e.actor2 != "Protesters (Nigeria)" for e in events)


def test_a_force_s_violence_on_a_crowd_told_keeps_its_protest_type() -> None:
    text = (
        "Police opened fire on hundreds of unarmed demonstrators marching to the governor's "
        "office in Kaduna on Monday, killing four of them, witnesses said."
    )
    events = eventwire.extract(text, published="2021-05-10")
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("Gunmen killed four villagers near Djibo on Sunday, residents said.", "Civilians"),
        ("A shell hit a group of youths playing football in Horlivka on Sunday.", "Civilians"),
        # a riot's crowd stays the rioters
        ("Police fired on rioters in Kisumu on Sunday, killing two.", "Police Forces"),
    ],
)
def test_people_a_crowd_s_word_names_struck_by_violence_are_civilians(
    text: str, actor2: str
) -> None:
    events = eventwire.extract(text, published="2021-05-10")
    assert [(e.actor2 or "").startswith(actor2) for e in events] == [True], events


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, police in Kunduz stopped a car at a checkpoint and found two suicide vests "
        "hidden under the seats.",
        "Soldiers seized a suicide belt and two grenades during a raid in Mosul on Monday.",
    ],
)
def test_a_weapon_found_or_seized_never_went_off(text: str) -> None:
    # the parse reads the verb of finding; the coder reads only the weapon
    events = eventwire.extract(text, published="2024-05-30")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]
