"""Toponym recognition: gazetteer spans, cues, containers, datelines and the vetoes."""

from spacy.language import Language
from spacy.tokens import Span

from eventwire.geo import Geoparser
from eventwire.geo.recognise import find_toponyms


def _mentions(nlp: Language, geoparser: Geoparser, text: str) -> dict[str, object]:
    return {m.text: m for m in find_toponyms(nlp(text), geoparser.gazetteer)}


def test_names_spacy_mislabels_are_found(nlp: Language, geoparser: Geoparser) -> None:
    found = _mentions(nlp, geoparser, "Volunteers drove from Irpin to Hostomel and then to Bucha.")
    assert {"Irpin", "Hostomel", "Bucha"} <= set(found)


def test_lower_case_big_city_is_found(nlp: Language, geoparser: Geoparser) -> None:
    found = _mentions(nlp, geoparser, "Sirens sounded again over kyiv before dawn.")
    assert "kyiv" in found


def test_common_words_are_not_places(nlp: Language, geoparser: Geoparser) -> None:
    text = "Most residents stayed. Police said nine people were hurt. Said it was calm."
    found = _mentions(nlp, geoparser, text)
    assert not {"Most", "Police", "Said"} & set(found)


def test_person_names_are_not_places(nlp: Language, geoparser: Geoparser) -> None:
    text = "Reporter Maria Steele filed the story. Steele said the road was closed."
    found = _mentions(nlp, geoparser, text)
    assert "Steele" not in found


def test_a_preposition_spacy_runs_into_a_name_makes_no_person(
    nlp: Language, geoparser: Geoparser
) -> None:
    # spaCy tags "Beyond Chemnitz" PERSON: the town stays a place where the story names it
    text = (
        "Police in Chemnitz said 18 people were hurt on Monday. "
        "Beyond Chemnitz, about 2,500 people marched in Koethen a week later."
    )
    found = [m.text for m in find_toponyms(nlp(text), geoparser.gazetteer)]
    assert "Chemnitz" in found, found


def test_a_building_s_name_makes_no_surname(nlp: Language, geoparser: Geoparser) -> None:
    # spaCy tags "Abha Maternity" PERSON: a hospital's name, not a person's, so the town stays
    text = (
        "Police in Abha, Saudi Arabia, said a suicide bomber blew himself up in a mosque. "
        "The wounded were taken to Abha Maternity and Children's Hospital."
    )
    assert "Abha" in [m.text for m in find_toponyms(nlp(text), geoparser.gazetteer)]


def test_cues_are_read(nlp: Language, geoparser: Geoparser) -> None:
    text = "Drones hit the eastern town of Kupiansk and a depot near Izium in Kharkiv region."
    found = _mentions(nlp, geoparser, text)
    assert found["Kupiansk"].cues.settlement == "town"  # type: ignore[attr-defined]
    assert found["Izium"].cues.near == "near"  # type: ignore[attr-defined]
    assert found["Kharkiv"].cues.region_after  # type: ignore[attr-defined]


def test_container_after_comma_and_in_parentheses(nlp: Language, geoparser: Geoparser) -> None:
    found = _mentions(
        nlp, geoparser, "Artillery struck Avdiivka, Donetsk, and Vovchansk (Kharkiv)."
    )
    assert found["Donetsk"].cues.container_of >= 0  # type: ignore[attr-defined]
    assert found["Kharkiv"].cues.container_of >= 0  # type: ignore[attr-defined]


def test_dateline_is_marked(nlp: Language, geoparser: Geoparser) -> None:
    found = _mentions(nlp, geoparser, "ODESA, Ukraine — Port workers returned on Tuesday.")
    assert found["ODESA"].cues.dateline  # type: ignore[attr-defined]


def test_a_bracketed_place_list_is_no_longer_name(nlp: Language, geoparser: Geoparser) -> None:
    # spaCy's small model may tag "Fongba (Lokossa, Mono" as one WORK_OF_ART: the places in
    # the bracket are still places
    found = _mentions(nlp, geoparser, "People killed a thief in Fongba (Lokossa, Mono).")
    assert {"Lokossa", "Mono"} <= set(found)
    doc = nlp("Residents killed a robber in Gamia (Bembereke, Borgou) on Friday.")
    start = next(t.i for t in doc if t.text == "Gamia")
    doc.ents = [Span(doc, start, start + 5, label="WORK_OF_ART")]  # "Gamia (Bembereke, Borgou"
    assert {"Bembereke", "Borgou"} <= {m.text for m in find_toponyms(doc, geoparser.gazetteer)}
    # a real longer name still vetoes its parts
    doc = nlp("The film Paris Blues was shown in Lyon.")
    start = next(t.i for t in doc if t.text == "Paris")
    doc.ents = [Span(doc, start, start + 2, label="WORK_OF_ART")]
    assert "Paris" not in {m.text for m in find_toponyms(doc, geoparser.gazetteer)}


def test_a_street_named_after_a_place_is_no_place(nlp: Language, geoparser: Geoparser) -> None:
    """A street, square or bridge takes a faraway place's name ("Cumming Street", "Moscow
    Avenue"): the event is in the city the street runs through, not in the place named."""
    text = (
        "Protesters marched down Cumming Street in Monrovia on Friday. A grenade went off on "
        "Moscow Avenue in Kyiv. Traders on Paris Road in Freetown shut their stalls, and youths "
        "blocked Liverpool St. in Accra. Crowds filled Kabul Square in Baghdad."
    )
    found = _mentions(nlp, geoparser, text)
    assert not {"Cumming", "Moscow", "Paris", "Liverpool", "Kabul"} & set(found)
    assert {"Monrovia", "Kyiv", "Freetown", "Accra", "Baghdad"} <= set(found)


def test_a_street_named_after_a_people_is_no_place(nlp: Language, geoparser: Geoparser) -> None:
    """A street named after a people ("Central American Boulevard", "African Avenue") is in the
    city it runs through, not a region of that people's country."""
    text = (
        "Officers on patrol on Central American Boulevard in Belize City came under fire. "
        "Traders on African Avenue in Lusaka closed their shops."
    )
    found = _mentions(nlp, geoparser, text)
    assert not any("American" in k or "African" in k for k in found), found
    assert {"Belize City", "Lusaka"} <= set(found)


def test_the_first_word_of_a_name_with_an_arabic_article_is_no_place(
    nlp: Language, geoparser: Geoparser
) -> None:
    """ "Ain al-Hilweh", "Tell el-Kebir": the first word of a longer name, not the place the
    gazetteer knows by that word alone (Ain, a department of France); a name the gazetteer
    knows whole stays ("Deir al-Balah", "Ain Issa")."""
    found = _mentions(nlp, geoparser, "Fighting resumed in the Ain al-Hilweh camp near Sidon.")
    assert "Ain" not in found and "Sidon" in found, found
    found = _mentions(nlp, geoparser, "Strikes hit Deir al-Balah, and fighters left Ain Issa.")
    assert {"Deir al-Balah", "Ain Issa"} <= set(found), found


def test_the_landmark_is_no_town_of_its_name(nlp: Language, geoparser: Geoparser) -> None:
    """A landmark ("the Old Bridge", "the Clock Tower") is in the story's town, where a town
    somewhere else has the same words as its name; a place "the" belongs to stays one."""
    text = (
        "Police fired tear gas at youths near the Old Bridge in Monrovia. Soldiers guarded the "
        "Red Square in Moscow. Talks resumed in the Hague, and aid reached the Gambia."
    )
    found = _mentions(nlp, geoparser, text)
    assert not {"Old Bridge", "Red Square"} & set(found)
    assert {"Monrovia", "Moscow", "Hague", "Gambia"} <= {k.split()[-1] for k in found}


def test_a_place_before_a_lower_case_road_stays(nlp: Language, geoparser: Geoparser) -> None:
    """A lower-case road ("the Bakhmut road") runs towards the town, which locates the event near it."""
    text = "Shelling hit a convoy on the Bakhmut road, and a bridge near Izium was destroyed."
    found = _mentions(nlp, geoparser, text)
    assert {"Bakhmut", "Izium"} <= set(found)


def test_a_town_s_own_name_before_a_site_word_is_placed(
    nlp: Language, geoparser: Geoparser
) -> None:
    """ "At the Spin Boldak crossing": spaCy tags the town's name an organisation, and a town
    of unknown size so tagged is dropped; the lower-case word of a site after it ("crossing",
    "checkpoint", "camp") says the name is a place's."""
    places = geoparser.places(nlp("Border commanders met at the Spin Boldak crossing on Thursday."))
    assert [p.name for p in places] == ["Spīn Bōldak"], places


def test_a_town_that_shares_a_name_with_a_club_is_still_the_town_where_told_as_one(
    nlp: Language, geoparser: Geoparser
) -> None:
    """The parser reads a club ("Atlético Tucumán") as a person: the town keeps its name
    where a place's preposition or the parser tells it as a place."""
    text = (
        "Hundreds of teachers marched in Tucumán on Friday to demand higher wages. "
        "In sport, Atlético Tucumán signed two players for the new season."
    )
    found = {m.start: m.text for m in find_toponyms(nlp(text), geoparser.gazetteer)}
    assert "Tucumán" in found.values(), found
