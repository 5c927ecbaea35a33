"""A square's or a bridge's name that the gazetteer knows only as a town's alternate name
("Liberty Square" is an old name of Manlius, New York): the landmark where the story is, not the
town abroad."""

from collections.abc import Callable

from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def test_a_square_abroad_is_not_the_town_that_bears_its_name(places_of: Places) -> None:
    text = (
        "Thousands of people rallied in Liberty Square on Sunday, Taiwan's opposition said. "
        "Police in Taipei called the rally peaceful; U.S. diplomats watched from a hotel."
    )
    found = places_of(text)
    assert "Liberty Square" not in found or found["Liberty Square"].country_code == "TW"
    assert found["Taipei"].country_code == "TW"


def test_a_square_with_nothing_else_named_is_no_town(places_of: Places) -> None:
    assert "Liberty Square" not in places_of("Protesters gathered in Liberty Square, police said.")


def test_a_square_by_its_own_city_keeps_its_namesake(places_of: Places) -> None:
    text = "Police in Philadelphia said a man was stabbed in Rittenhouse Square on Friday."
    square = places_of(text)["Rittenhouse Square"]
    assert square.country_code == "US" and square.admin1 == "Pennsylvania"


def test_a_square_after_its_citys_possessive_is_a_part_of_that_city(places_of: Places) -> None:
    square = places_of("Riot police cleared Taipei's Liberty Square before dawn.")["Liberty Square"]
    assert square.country_code == "TW" and square.geo_precision == 2


def test_a_town_named_so_itself_stays(places_of: Places) -> None:
    found = places_of("A tornado struck Highland Park, Illinois, on Monday.")
    assert found["Highland Park"].admin1 == "Illinois"


def test_the_last_word_of_a_building_s_name_is_no_town(places_of: Places) -> None:
    # "Hall" is an alternate name of Hull, "House" of no town we want: a building's name ends so
    found = places_of("Marchers walked from the harbour to City Hall in Bristol on Saturday.")
    assert set(found) == {"Bristol"}
    assert "House" not in places_of("Pensioners linked arms at the gates of Sessions House.")


def test_a_people_named_like_a_place_is_no_place(places_of: Places) -> None:
    # the Roma are a people; Rome is "Rome" in English news
    found = places_of("Police raided a Roma settlement near Trebisov, in eastern Slovakia.")
    assert "Roma" not in found and "Rome" not in {p.name for p in found.values()}
    assert found["Trebisov"].country_code == "SK"


def test_a_square_or_street_named_in_the_place_s_language_is_no_town(places_of: Places) -> None:
    # "Plaza" and "Piazza" are alternate names of towns in Spain and Italy, "Martín" and
    # "Alimonda" of nothing we want: the square stands in the story's city
    found = places_of("Marchers regrouped in the Plaza San Martín in Arequipa on Friday.")
    assert set(found) == {"Arequipa"}, found
    found = places_of("A student was hurt near Piazza Alimonda in Genoa, organisers said.")
    assert set(found) == {"Genoa"}, found
    found = places_of("Water cannon cleared protesters on Zhongxiao East Road in Taipei.")
    assert set(found) == {"Taipei"}, found


def test_one_word_of_a_neighbourhood_s_longer_name_is_no_town(places_of: Places) -> None:
    # "Vert" is an alternate name of Weert in the Netherlands
    found = places_of("Gunmen shot two men in the Pont Vert neighbourhood of Maroua.")
    assert set(found) == {"Maroua"}, found
    found = places_of("Families fled the Canapé-Vert district of Port-au-Prince overnight.")
    assert set(found) == {"Port-au-Prince"}, found
    # … or the first word, a hyphen joining it to a word the gazetteer lacks (not a route
    # between two towns it knows)
    found = places_of("Gendarmes landed at Roland-Garros airport and began patrolling Saint-Denis.")
    assert set(found) == {"Saint-Denis"}, found
    found = places_of("Gunmen stopped three trucks on the Abuja-Kaduna highway on Friday.")
    assert set(found) == {"Abuja", "Kaduna"}, found


def test_the_last_word_of_an_unknown_town_is_no_big_city_s_other_name(places_of: Places) -> None:
    # "Sola" is an alternate name of Seoul: a big city lends its own name to longer ones
    # ("Greater Manchester"), not one of its other names
    found = places_of("Jets struck an island east of Baga Sola, near Bol, on Sunday.")
    assert "Sola" not in found and found["Bol"].country_code == "TD", found
    assert "Manchester" in places_of("Police in Greater Manchester arrested two men.")


def test_a_headline_in_title_case_keeps_its_places(places_of: Places) -> None:
    assert "Kaduna" in places_of("Gunmen Kill Five In Kaduna Village Raid")


def test_the_edge_of_a_town_is_near_it(places_of: Places) -> None:
    # "on the edge of X", "the fringes of X": near the town (geo_precision 2), like "outskirts"
    for text, town in (
        ("Gunmen burned houses on the edge of Kafanchan overnight.", "Kafanchan"),
        ("Troops camped on the fringes of Gwoza after the raid.", "Gwoza"),
    ):
        place = places_of(text)[town]
        assert place.geo_precision == 2, place


def test_what_a_park_or_a_church_is_named_for_is_no_place(places_of: Places) -> None:
    # "the park of the Virgin of Fatima": a title and a shrine, not Virgin (Utah) nor Fatima
    found = places_of(
        "Some three thousand people walked in silence to the park of the Virgin of Fatima in "
        "Matagalpa on Sunday."
    )
    assert "Virgin" not in found and "Fatima" not in found, found
    assert found["Matagalpa"].country_code == "NI"


def test_the_market_of_a_town_names_the_town(places_of: Places) -> None:
    assert (
        places_of("Traders gathered at the market of Kano on Monday.")["Kano"].country_code == "NG"
    )


def test_a_name_joined_to_a_square_word_is_the_square_s(places_of: Places) -> None:
    # "Praça da Sé", "Plaza de la Revolución": the square word and the name after its particles
    # are one landmark, not Prača (Bosnia), Sé (Macao) or Revolución (Mexico)
    found = places_of("Police dispersed a crowd in the Praça da Sé in São Paulo on Friday.")
    assert set(found) == {"São Paulo"}, found
    found = places_of("About 1,500 workers rallied in the Plaza de la Revolucion on Monday.")
    assert all(p.country_code != "MX" for p in found.values()), found


def test_a_square_told_of_a_town_is_that_town_s(places_of: Places) -> None:
    # a name that opens with a square word, "of" or "in" a town: that town's square, not the
    # Havana district the name also is; alone, it keeps that reading
    found = places_of(
        "An act of revolutionary reaffirmation was held in the Plaza de la Revolucion of "
        "Camaguey on Monday."
    )
    assert [p.country_code for p in found.values()] == ["CU"], found
    assert all(p.admin1 != "La Habana" for p in found.values()), found
    found = places_of("Thousands rallied in the Plaza de la Revolución on Monday.")
    assert found["Plaza de la Revolución"].admin1 == "La Habana"


def test_a_town_s_quarter_named_in_the_place_s_language_is_no_town(places_of: Places) -> None:
    """ "the Colonia San Jorge of El Progreso": a neighbourhood (Köln is "Colonia" in Spanish,
    San Jorge a town elsewhere); a hamlet's "Barangay" likewise. A town whose own name opens
    with the word stays that town."""
    found = places_of(
        "Gunmen burst into a pool hall in the Colonia San Jorge of El Progreso, police said."
    )
    assert set(found) == {"El Progreso"}, found
    found = places_of("A village official was shot in Barangay Gadong, Sultan sa Barongis.")
    assert "Gadong" not in found and "Barangay" not in found, found
    found = places_of("Tourists visited Colonia del Sacramento in Uruguay.")
    assert found["Colonia del Sacramento"].country_code == "UY", found


def test_a_lower_case_quarter_word_still_lets_a_landmark_be_one(places_of: Places) -> None:
    """ "the barrio Liverpool Street": the quarter word in lower case names no quarter, but the
    street after it is still a street, not Liverpool in England."""
    found = places_of("Residents blocked the barrio Liverpool Street in La Ceiba on Monday.")
    assert "Liverpool" not in found, found


def test_a_quarter_named_for_a_city_elsewhere_is_no_place_of_its_own(places_of: Places) -> None:
    """ "a polling station in the Libreville neighbourhood" of an Ivorian town: a quarter named
    for Gabon's capital, a part of the town the story is in (placed at it), not Libreville."""
    found = places_of(
        "In Bouake, young men stormed a polling station in the Libreville neighbourhood on "
        "Saturday, police said."
    )
    assert {p.country_code for p in found.values()} == {"CI"}, found
    # "the Lome neighbourhood of the opposition leader": Lome's, whoever lives there
    found = places_of("Riots resumed on Monday in the Lome neighbourhood of the opposition leader.")
    assert found["Lome"].country_code == "TG", found
