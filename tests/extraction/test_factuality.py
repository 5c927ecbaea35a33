import pytest

import eventwire
from eventwire.extraction.cues import find_cues
from eventwire.extraction.factuality import is_background


def reasons(nlp, text):
    doc = nlp(text)
    return {
        c.text: is_background(c, doc)
        for c in find_cues(next(doc.sents))
        if c.category != "casualty"
    }


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Earlier negotiations in Minsk did not produce an agreement.", "agreement"),
        ("The delegations plan to meet again on Friday.", "meet"),
        ("Rebels could launch an offensive within days, the general warned.", "offensive"),
        ("Past offensives have failed to take the ridge.", "offensives"),
        ("The army will not attack civilians, the spokesman said.", "attack"),
        ("Previous attempts to evacuate the town were blocked.", "evacuate"),
        ("Millions have fled their homes since the war began.", "fled their homes"),
        ("Air raid sirens sounded across the region overnight.", "Air raid"),
        ("Ministers will attend a peace meeting to be held in Vienna.", "meeting"),
        # "be to" + infinitive: what an agreement or an order lays down, not what happened
        ("Under the accord, the militias are to withdraw from the old town.", "withdraw from"),
        ("The rebels were to hand over the airport to the army on Friday.", "hand over"),
        ("Officers of the riot police lined the avenue.", "riot"),
        ("The two leaders have held several ceasefire meetings this year.", "meetings"),
        # long reports: history, statements and summaries around the news
        # a conjunct with a modal of its own
        ("Elections are planned for spring, and foreign troops could deploy by June.", "deploy"),
        ("The talks resumed on Monday, but the rebels may attack again soon.", "attack"),
        # … or a negation of its own
        ("The march was orderly, and the police did not intervene.", "intervene"),
        ("Crowds gathered at the gate but soldiers did not open fire.", "open fire"),
        # a relative clause about the war: its history
        (
            "The war, which started in 2011 when protesters clashed with police in Deraa, "
            "has displaced half the population.",
            "clashed with police",
        ),
        ("The insurgency, which erupted after troops stormed a mosque, goes on.", "stormed"),
        # a perfect-tense summary over a period
        ("Bandits have abducted hundreds of villagers over the past three years.", "abducted"),
        ("The group has carried out attacks in the north in recent months.", "attacks"),
        # the speaker of a statement
        ("The U.N. envoy urged both sides to show restraint.", "envoy"),
        ("The envoy said the sides remained far apart.", "envoy"),
        # a back-reference relating an event told before to another
        ("The shelling came after rebels ambushed a patrol near the town.", "shelling"),
        ("These attacks follow a week of unrest in the capital.", "attacks"),
        # a quantifier over the event noun: all of them, no one event
        ("Most attacks in the district target police posts.", "attacks"),
        # … or over a group told before, as the verb's subject: a detail of that event
        (
            "Gangs burned a police station, killing 12 people, most of them shot as they fled.",
            "shot",
        ),
        # an aircraft as the means of travel: no strike
        ("A contingent of troops arrived at the airstrip by helicopter and road.", "helicopter"),
        ("Medical supplies reached the town by air on Tuesday.", "by air"),
        # … or one that lands or hovers
        ("Two army helicopters landed on the football pitch behind the parliament.", "helicopters"),
        ("A police drone hovered over the square for most of the afternoon.", "drone"),
        # what a service deals with
        ("Partners are training staff in clinical management of rape.", "rape"),
        ("UNICEF runs sessions on the prevention of abduction in the camps.", "abduction"),
        (
            "Mobile clinics in Bria treated eight survivors of sexual violence last month.",
            "sexual violence",
        ),
        # aircraft that back a force on the ground: no strike
        ("Police officers, supported by a helicopter, entered the property.", "helicopter"),
        ("Police with helicopter support cleared the occupiers from the ranch.", "helicopter"),
        # aircraft that only fly over: no strike
        ("Residents said military helicopters had been flying over the forest.", "helicopters"),
        ("Drones were seen circling over the town on Tuesday night.", "Drones"),
        ("Fighter jets flew low over the capital on Tuesday in a show of force.", "Fighter jets"),
        # people carried off: a removal or an abduction, no looting
        ("Most did; officers carried away those who refused and detained two men.", "carried away"),
        ("Gunmen carried off two women from the village of Kolo on Sunday.", "carried off"),
        # … the wounded or the dead carried away
        ("The injured were carried away on stretchers in Edirne on Monday.", "carried away"),
        ("Officials showed a video of wounded men being carried away.", "carried away"),
        # … or that someone only saw or heard
        (
            "Residents said they had seen gendarmes' vehicles on the track from early on "
            "Thursday and a helicopter in the afternoon.",
            "helicopter",
        ),
        ("Villagers in Kafr Nabl said they heard drones over the town all night.", "drones"),
        # an event noun going on in the present tense: how things stand
        ("Attacks on civilians near the town continue.", "Attacks"),
        ("Air strikes continue against the militants in the north.", "Air strikes"),
        # sought and not found
        ("We found no evidence of an air strike near the town on that date.", "air strike"),
        ("There is no sign of an attack, the fire service said.", "attack"),
        ("There were no reports of fresh fighting in the district this week.", "fighting"),
        ("Residents said there was no word of the raid the army had announced.", "raid"),
        ("Investigators found no evidence that troops had fired on the crowd.", "fired"),
        # a diplomatic protest
        ("Romania has protested to Moscow over drone debris found on its soil.", "protested"),
        ("The ministry lodged a protest with the ambassador on Monday.", "protest"),
        # a protest word naming a thing of protests
        ("A Senate committee heard evidence on protest deaths in the county.", "protest"),
        ("Two protest organisers gave evidence to the committee.", "protest"),
        # a span that opened on a day named ("since Thursday morning"), not this morning
        ("Police have detained 600 people across the city since Thursday morning.", "detained"),
        # a capture told as what a place is
        ("Families in the villages now retaken by the army have fled to camps.", "retaken"),
        # a kind of event named to say that what happened was not one
        ("What happened on Tuesday has nothing to do with peaceful protest.", "protest"),
        ("The minister said the unrest in the town was not a protest.", "protest"),
    ],
)
def test_not_an_event(nlp, text, cue):
    found = reasons(nlp, text)
    assert cue in found, found
    assert found[cue], f"{cue!r} in {text!r} was taken as a real event"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Artillery shelled the northern suburbs on Tuesday, the mayor said.", "shelled"),
        ("Talks between the two sides resumed in Doha on Monday.", "Talks"),
        ("A missile hit a grain terminal in the port, officials said.", "missile"),
        ("A drone circled over the market, then fired a missile at a car.", "drone"),
        ("A military helicopter fired on the occupiers, wounding two.", "helicopter"),
        ("Foreign troops deployed to the border town on Sunday.", "deployed"),
        ("The talks resumed on Monday, and the rebels attacked a convoy hours later.", "attacked"),
        ("Protesters clashed with police in Deraa on Friday.", "clashed with police"),
        ("Bandits abducted 30 villagers in Zamfara on Saturday, police said.", "abducted"),
        ("Bandits have abducted 30 villagers in Zamfara, police said.", "abducted"),
        ("The envoy met rebel leaders in Geneva on Tuesday.", "met"),
        ("A shelling came after midnight, residents said.", "shelling"),
        ("Troops stormed a mosque where gunmen were hiding, the army said.", "stormed"),
        ("Insurgents seized the citadel on Friday.", "seized"),
        # "all" floating off the subject of one event's verb
        ("The three gunmen were all shot by police at the gate.", "shot"),
        ("The four border posts were all shelled overnight.", "shelled"),
        ("Troops moved to the front and attacked the village by helicopter.", "helicopter"),
        ("Police detained 53 people, most of them young men, at the stadium.", "detained"),
        ("Several hundred people, most of them women, marched in the town.", "marched"),
        ("Clashes continued in the town on Monday, killing two.", "Clashes"),
        ("A protest march through the town on Monday drew hundreds.", "protest"),
        ("Hundreds of students protested outside the embassy on Monday.", "protested"),
        ("Hundreds of students marched to the ministry on Monday.", "marched"),
        ("Investigators found evidence of an air strike near the town.", "air strike"),
        # a span that opened earlier the same day
        ("Police have detained 40 people in the square since this morning.", "detained"),
        # an official's word for a protest, and its crowd
        ("On Saturday a gathering took place in front of the parliament.", "gathering took place"),
        ("On Sunday some participants blocked the motorway in Casablanca.", "blocked"),
    ],
)
def test_real_event(nlp, text, cue):
    found = reasons(nlp, text)
    assert cue in found and found[cue] is None, found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("No civilians were injured during the operation, the statement said.", "injured"),
        ("Nobody was hurt when the device went off near the bridge.", "hurt"),
        ("No one was killed in the shelling of the depot, the mayor said.", "killed"),
        ("No one has been arrested over the killings, the police said.", "arrested"),
        ("Nobody was detained when the convoy was stopped at the checkpoint.", "detained"),
        ("The envoy met both delegations in Lima on Monday; nothing was agreed.", "agreed"),
        ("Nothing has been agreed yet, a spokesman for the rebels said.", "agreed"),
    ],
)
def test_a_deed_no_one_did_or_suffered_is_no_event(nlp, text, cue):
    # a verb whose subject is no one or nothing reports no event, of any kind
    doc = nlp(text)
    found = {c.text: is_background(c, doc) for c in find_cues(next(doc.sents))}
    assert cue in found and found[cue], found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Police in Nairobi said on Monday that they had arrested no one after the march.",
            "arrested",
        ),
        ("The gunmen detained nobody and left the village before dawn.", "detained"),
    ],
)
def test_a_deed_done_to_no_one_is_no_event(nlp, text, cue):
    # a verb whose object is no one was done to no one
    doc = nlp(text)
    found = {c.text: is_background(c, doc) for c in find_cues(next(doc.sents))}
    assert cue in found and found[cue], found


def test_a_deed_done_to_someone_stays_an_event(nlp):
    doc = nlp("Police said they had arrested one man after the march.")
    found = {c.text: is_background(c, doc) for c in find_cues(next(doc.sents))}
    assert "arrested" in found and not found["arrested"], found


@pytest.mark.parametrize(
    ("text", "factual"),
    [
        # the end of a state is no event's day; the end of a fight is the fight's
        ("The airport remained closed until Friday afternoon.", False),
        ("The road to the port was closed until Friday.", False),
        ("Youths fought running battles with police until late on Saturday night.", True),
        # a carried weapon's clause tells a day as well as any
        ("Police detained 15 people carrying paint bombs on Friday.", True),
    ],
)
def test_a_state_s_end_dates_no_event(nlp, text: str, factual: bool) -> None:
    from datetime import date

    from eventwire.extraction.dates import find_dates
    from eventwire.extraction.factuality import date_is_factual

    doc = nlp(text)
    (found,) = find_dates(text, date(2024, 10, 19))
    assert date_is_factual(found, doc) is factual


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Police detained 15 people who were carrying paint bombs and masks.", "bombs"),
        ("Officers arrested two men carrying grenades near the stadium.", "grenades"),
    ],
)
def test_a_weapon_carried_is_no_weapon_used(nlp, text: str, cue: str) -> None:
    assert "carried" in (reasons(nlp, text).get(cue) or "")


def test_strikes_carried_out_are_used(nlp) -> None:
    text = "On 1 April, Russian forces carried out airstrikes near Orikhiv."
    assert reasons(nlp, text).get("airstrikes") is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Travellers refused to be searched, calling the checkpoint an attack on their rights.",
            "attack",
        ),
        ("The union condemned the dismissals as an assault on workers' dignity.", "assault"),
        ("Editors said the new law was an attack on press freedom.", "attack"),
    ],
)
def test_what_a_speaker_calls_something_is_no_event(nlp, text: str, cue: str) -> None:
    assert "calls" in (reasons(nlp, text).get(cue) or "")


def test_an_attack_on_a_place_is_an_event(nlp) -> None:
    assert reasons(nlp, "Gunmen launched an attack on the police station.").get("attack") is None


def test_one_event_picked_out_of_a_summary_is_an_event(nlp) -> None:
    # "… tens of thousands rallied across the country. ¶ The largest rally took place …": one
    # of them told in full, not the summary named again nor a ranking against the past
    text = "The largest rally took place on Thursday 1 February in the Senate Square in Helsinki."
    assert reasons(nlp, text).get("rally") is None
    text = "The first attack came at dawn on Monday, when gunmen stormed a checkpoint in Gao."
    assert reasons(nlp, text).get("attack") is None
    text = "It was the largest rally in the city since 2011, organisers said."
    assert reasons(nlp, text).get("rally") is not None


def test_an_aircraft_seen_doing_something_or_strikes_reported_are_events(nlp) -> None:
    text = "Witnesses saw a helicopter firing on the crowd in the square on Monday."
    assert reasons(nlp, text).get("helicopter") is None
    text = "Residents reported airstrikes on the town of Maarat on Sunday."
    assert reasons(nlp, text).get("airstrikes") is None
    text = "Young men broke into the police post and carried away radios and two rifles."
    assert reasons(nlp, text).get("carried away") is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Talks between the unions and the state were expected to resume on Thursday.", "Talks"),
        ("Negotiations with the rebels are set to resume next week.", "Negotiations"),
        ("The march is scheduled to start at noon outside the ministry.", "march"),
    ],
)
def test_an_event_expected_or_scheduled_is_a_forecast(nlp, text: str, cue: str) -> None:
    assert "planned" in (reasons(nlp, text).get(cue) or "")


@pytest.mark.parametrize(
    ("text", "cue", "planned"),
    [
        # a protest held or staged, with its purpose after it, happened
        (
            "About 80 journalists held a silent protest in front of the cultural centre in "
            "Zrenjanin to condemn the attacks on colleagues.",
            "protest",
            False,
        ),
        (
            "Farmers staged a protest to demand fair prices outside parliament in Accra on Monday.",
            "protest",
            False,
        ),
        # … one still to be held is planned
        ("Nurses planned a protest to demand their unpaid allowances.", "protest", True),
    ],
)
def test_a_protest_held_for_a_purpose_happened(nlp, text: str, cue: str, planned: bool) -> None:
    assert ("planned" in (reasons(nlp, text).get(cue) or "")) == planned, reasons(nlp, text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Partners anticipate further fighting around Babanusah.", "fighting"),
        ("Analysts predict more air strikes on the port in the coming weeks.", "air strikes"),
        ("Elders foresee clashes over grazing land once the rains end.", "clashes"),
    ],
)
def test_an_event_anticipated_or_predicted_is_a_forecast(nlp, text: str, cue: str) -> None:
    assert "not factual" in (reasons(nlp, text).get(cue) or "")


def test_habits_told_in_the_present_are_no_event(nlp) -> None:
    # "Dozo hunters fight JNIM in some villages": what happens as a rule; a day in the
    # sentence or the one before it tells a story told in the present ("Also on Thursday,
    # border guards fire on a group")
    def second(text: str) -> dict[str, str | None]:
        doc = nlp(text)
        return {c.text: is_background(c, doc) for c in find_cues(list(doc.sents)[1])}

    lead = "The Dozo are a brotherhood of hunters with rifles of their own. "
    text = "The hunters fight the jihadists in some villages and guard markets in others."
    assert "as a rule" in (second(lead + text).get("fight") or "")
    text = "Also on Thursday, border guards fire on a group trying to cross with drugs."
    assert second(lead + text).get("fire") is None
    # a headline tells its news in the present
    assert reasons(nlp, "Gunmen kill two traders in Orodara.").get("kill") is None


def test_what_a_crowd_refused_or_aimed_at_is_told_of_a_real_crowd(nlp) -> None:
    assert reasons(nlp, "Protesters refused to leave the square.").get("Protesters") is None
    assert reasons(nlp, "The rally aimed to pressure the government.").get("rally") is None


@pytest.mark.parametrize(
    ("text", "accident"),
    [
        ("A minibus fell off the road near Mubi on Friday, killing four passengers.", True),
        ("Six people died when a lorry plunged into a river.", True),
        ("Two traders were killed in a road accident outside Jos.", True),
        # a crash told as a noun ("died in a crash on the ring road")
        ("A motorcyclist died early on Wednesday in a crash on the ring road, police said.", True),
        ("Three soldiers were killed in a helicopter crash near Gao on Monday.", True),
        ("A lorry slid off an icy road near Hamina on Friday morning, injuring its driver.", True),
        ("A tanker collided with a bus, killing nine.", True),
        # a vehicle that leaves its road ("left the road", "ran off the highway")
        ("Two soldiers died on Monday when their truck left the road near Gulu.", True),
        ("A pickup ran off the highway outside Tete on Sunday, killing three.", True),
        ("Gunmen forced the bus off the road near Tete and shot two passengers dead.", False),
        ("A commuter omnibus overturned on the Bulawayo road on Friday, killing five.", True),
        # … parsed with the vehicle as the clause's head and the accident below it
        ("A woman was killed when a lorry carrying maize overturned near Kisumu.", True),
        # the deaths told in a clause of the accident
        ("Police noted a bus accident near Kasese on Monday in which four passengers died.", True),
        # the accident as the subject of the killing
        ("On Wednesday, a motorcycle accident on the road to Simiti killed two young men.", True),
        ("A collision between two buses killed eleven people near Kumasi.", True),
        # done by a vehicle: "hit by a lorry", "struck by a bus" (not "hit by a roadside bomb")
        ("Two men died on the road to Tela when their car was hit by a lorry.", True),
        ("Their car was hit by a roadside bomb near Tela, killing two.", False),
        # a listing's item under its label: the parse hangs both verbs below the label
        (
            "- NORTH ROAD: A lorry and a minibus collided on the Gulu road near Kitgum on Monday, "
            "killing four people.",
            True,
        ),
        ("- EAST ROAD: Gunmen ambushed a van near Kitgum on Monday, killing six.", False),
        # a drone or a shell that falls is a strike; a bus attacked is violence
        ("A drone crashed into a house, killing two.", False),
        ("A shell fell on a market, killing three.", False),
        ("Gunmen stopped a bus and shot dead five passengers.", False),
    ],
)
def test_deaths_in_a_road_accident_are_no_event(nlp, text: str, accident: bool) -> None:
    doc = nlp(text)
    casualty = [c for c in find_cues(next(doc.sents)) if c.category == "casualty"]
    assert casualty, text
    assert any((is_background(c, doc) or "").startswith("an accident") for c in casualty) == (
        accident
    )


@pytest.mark.parametrize(
    "text",
    [
        "Two members of one family died near Tela on Saturday when their car was hit by a lorry.",
        "A pedestrian was struck by a bus in Tela on Saturday and died.",
    ],
)
def test_a_person_or_car_hit_by_a_vehicle_is_no_event(text: str) -> None:
    assert eventwire.extract(text, published="2017-12-04") == []


def test_a_power_to_act_is_no_act(nlp):
    """ "wide powers to arrest people", "the right to protest": what may be done, not done."""
    doc = nlp("The decree gives the secret police wide powers to arrest people.")
    [cue] = [c for s in doc.sents for c in find_cues(s) if c.category == "arrest"]
    assert "not factual" in (is_background(cue, doc) or "")
    # powers used are acts
    done = "Police used their powers to arrest 40 people in Tirana on Saturday."
    assert [e.sub_event_type for e in eventwire.extract(done, published="2024-03-05")] == [
        "Arrests"
    ]


def test_an_event_word_naming_a_statistic_is_no_event(nlp):
    doc = nlp("The shootings pushed the country's murder toll for 2024 past 620, a record.")
    [cue] = [c for s in doc.sents for c in find_cues(s) if c.text == "murder"]
    assert "statistic" in (is_background(cue, doc) or "")


@pytest.mark.parametrize(
    ("text", "cue", "why"),
    [
        # a fight waged on no one: a policy
        (
            "The new authorities have made fighting smuggling one of their priorities.",
            "fighting",
            "a fight against",
        ),
        (
            "Firefighters were still fighting fires in the hills above the town on Monday.",
            "fighting",
            "a fight against",
        ),
        # a stretch of time whose plural names many acts
        (
            "The raid came after several days of attacks by settlers on villages near Jenin.",
            "attacks",
            "many acts over",
        ),
        ("Weeks of protests have paralysed the capital.", "protests", "many acts over"),
        # what a force is for, or what the force that speaks does
        (
            "The town is the main supply hub for government troops fighting in the north.",
            "fighting",
            "describes a force",
        ),
        (
            "A Ukrainian brigade fighting in the north of the region said on Monday that drones "
            "had dropped grenades on its positions.",
            "fighting",
            "describes a force",
        ),
        # people named by what befell them
        (
            "Relatives of the detained gathered outside the prison in Tbilisi on Monday.",
            "detained",
            "people named by what befell them",
        ),
    ],
)
def test_a_fight_on_a_vice_a_span_of_acts_and_a_force_s_purpose_are_no_event(
    nlp, text: str, cue: str, why: str
) -> None:
    found = reasons(nlp, text)
    assert why in (found.get(cue) or ""), found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Soldiers fought the rebels outside Kidal on Monday.", "fought"),
        ("Two days of fighting in Ataq left 18 people dead.", "fighting"),
        ("Police fought smugglers near the border on Monday.", "fought"),
        ("Police raiding a house in the town centre were met with gunfire on Monday.", "raiding"),
    ],
)
def test_a_fight_with_people_or_a_counted_span_stays_an_event(nlp, text: str, cue: str) -> None:
    found = reasons(nlp, text)
    assert cue in found and found[cue] is None, found


def test_a_cue_inside_a_summarised_event_noun_is_the_summary_s(nlp) -> None:
    """ "has intensified attacks on military bases, including with drones": the drones belong to
    the summary over recent months, no strike of their own."""
    from eventwire.extraction.facts import sentence_facts

    doc = nlp(
        "In recent months the insurgents have intensified attacks on army bases in Borno, "
        "including with drones."
    )
    facts = sentence_facts(next(doc.sents), 0, [0], [], None)
    assert facts.cues == (), facts.cues
    assert any(c.text == "drones" and "within 'attacks'" in why for c, why in facts.set_aside)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("A judge in Leeds jailed three men on Thursday for their part in the riot.", "jailed"),
        ("A military court convicted two soldiers of rape on Wednesday.", "rape"),
        (
            "The trial of 12 men accused of attacking the police station opened on Tuesday.",
            "attacking",
        ),
        ("Prosecutors charged four men with murder on Friday over the shooting.", "murder"),
        # a crime named as a charge or a case, rioting too (no means, "charged with batons")
        ("Six youths were charged with rioting after the match in Kumasi.", "rioting"),
        ("Police in Gaya booked 30 villagers for rioting on Tuesday.", "rioting"),
        ("Officers registered an FIR for murder and rioting against the accused.", "rioting"),
        ("Investigators opened a criminal case for arson and hooliganism.", "arson"),
        ("A case of attempted murder was filed against the two guards.", "murder"),
        # a court's order of detention is a court step, not an arrest the story reports
        ("A magistrate in Kisumu ordered their detention on Wednesday.", "detention"),
        ("On Monday the district court placed the three men under house arrest.", "arrest"),
        ("A court in Sylhet yesterday sent 12 student leaders to jail.", "jail"),
        (
            "A judge in Sintra ordered five young men to be held in pre-trial detention on Monday.",
            "detention",
        ),
    ],
)
def test_what_a_court_tries_or_sentences_is_no_event(nlp, text: str, cue: str) -> None:
    """A court's verdict, sentence, charge or trial tells an act told before or long past, and
    a judge who jails men arrests no one."""
    found = reasons(nlp, text)
    assert "what a court tries" in (found.get(cue) or ""), found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Riot police charged the crowd on Monday, beating dozens of protesters.", "beating"),
        ("Residents accused soldiers of shelling the village near Kidal on Sunday.", "shelling"),
        ("Police arrested three men on Friday for the attack on the station.", "arrested"),
        # an arrest after a court's order is still the police's arrest
        ("After a judge signed the warrant, police detained the mayor on Monday.", "detained"),
        ("Police took the two men into custody on Friday on a court's order.", "custody"),
    ],
)
def test_a_charge_by_police_or_an_accusation_of_a_new_act_stays_an_event(
    nlp, text: str, cue: str
) -> None:
    found = reasons(nlp, text)
    assert cue in found and found[cue] is None, found


@pytest.mark.parametrize(
    ("text", "cue", "told"),
    [
        # people told of before, named by what befell them, in what happened to them next
        (
            "The two men killed in Koumra were buried on Thursday by their community.",
            "killed",
            True,
        ),
        ("The soldiers wounded in the ambush were flown to Bamako on Monday.", "wounded", True),
        # the event's noun in the words of such a participle
        ("The soldiers killed in the attack were buried in Kirkuk on Sunday.", "attack", True),
        (
            "The two soldiers killed on the day of the attack were buried in Najaf.",
            "attack",
            True,
        ),
        # not people told of before, nor a new act on them
        ("Two men killed in the raid were identified as gang members.", "killed", False),
        ("Soldiers killed in an ambush near Gao on Monday were flown to Bamako.", "ambush", False),
    ],
)
def test_people_told_of_before_named_by_what_befell_them(
    nlp, text: str, cue: str, told: bool
) -> None:
    found = _all_reasons(nlp, text)  # (casualty cues too)
    assert ("names people by an event told before" in (found.get(cue) or "")) is told, found


def _all_reasons(nlp, text):
    doc = nlp(text)
    return {c.text: is_background(c, doc) for c in find_cues(next(doc.sents))}


def test_a_story_that_tells_only_a_charge_gives_no_event() -> None:
    """The trained coder reads no event into a story whose one act is a crime charged."""
    events = eventwire.extract("Six youths were charged with rioting after the match in Kumasi.")
    assert events == [], events
