"""Resolution in context: homonyms, transliterations, districts, relations, fallbacks."""

from collections.abc import Callable

from spacy.language import Language

from eventwire.geo import Geoparser
from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def _near(p: Place, lat: float, lon: float, within: float = 25.0) -> bool:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon) <= within


def test_homonym_in_the_articles_country_wins(places_of: Places) -> None:
    text = (
        "Ukraine says Russian troops withdrew from towns north of Kyiv. "
        "In Bucha, residents counted the dead in the streets."
    )
    bucha = places_of(text)["Bucha"]
    assert bucha.country_code == "UA" and _near(bucha, 50.55, 30.21)


def test_homonym_abroad_wins_when_the_text_says_so(places_of: Places) -> None:
    text = "The folk festival in Bucha, Germany, drew a record crowd this summer."
    assert places_of(text)["Bucha"].country_code == "DE"


def test_transliteration_variants_resolve_to_one_place(places_of: Places) -> None:
    a = places_of("Officials in Kiev announced new curfews across Ukraine.")["Kiev"]
    b = places_of("Officials in Zaporozhye and Mykolayiv reported shelling in Ukraine.")
    assert a.name == "Kyiv"
    assert _near(b["Zaporozhye"], 47.85, 35.12) and _near(b["Mykolayiv"], 46.97, 31.99)


def test_the_city_not_the_same_name_village(places_of: Places) -> None:
    zap = places_of("Evacuees reached the city of Zaporizhzhia late on Friday.")["Zaporizhzhia"]
    assert zap.geo_precision == 1 and _near(zap, 47.85, 35.12)


def test_lower_case_capital(places_of: Places) -> None:
    kyiv = places_of("Power cuts hit kyiv and its suburbs overnight.")["kyiv"]
    assert kyiv.name == "Kyiv" and kyiv.admin1 == "Kyiv City"


def test_renamed_place_resolves_to_its_new_name(places_of: Places) -> None:
    place = places_of("Fighting continued around Artemivsk in eastern Ukraine.")["Artemivsk"]
    assert place.name == "Bakhmut" and place.geo_precision == 2


def test_district_of_a_city(places_of: Places) -> None:
    text = "A drone hit a tower block in Kyiv. Debris fell in the capital's Obolonskyi district."
    district = places_of(text)["Obolonskyi"]
    assert district.kind == "district" and district.geo_precision == 2
    assert district.admin1 == "Kyiv City" and _near(district, 50.45, 30.52)


def test_unknown_district_takes_the_city_named_before(places_of: Places) -> None:
    text = "Shells hit Kharkiv on Monday. A school in the city's northern Zelenyi district burned."
    district = places_of(text)["Zelenyi"]
    assert district.geo_precision == 2 and _near(district, 49.98, 36.25)


def test_relational_region(places_of: Places) -> None:
    text = "Missiles struck an airfield in western Ukraine on Sunday."
    region = places_of(text)["western Ukraine"]
    assert region.kind == "region" and region.geo_precision == 3
    assert region.longitude is not None and region.longitude < 27


def test_near_makes_precision_2(places_of: Places) -> None:
    place = places_of("Fighting flared 20 kilometres east of Kramatorsk in Ukraine.")["Kramatorsk"]
    assert place.geo_precision == 2


def test_village_at_its_hromada_centre_with_the_named_oblast(places_of: Places) -> None:
    place = places_of("On 3 May 2024, Russian forces shelled near Zvanivka, Donetsk.")["Zvanivka"]
    assert place.admin1 == "Donetsk" and place.geo_precision == 2


def test_oblast_in_parentheses_is_the_region(places_of: Places) -> None:
    places = places_of("Sappers cleared mines in Makariv (Kyiv) on Friday.")
    assert places["Kyiv"].kind == "admin1" and places["Makariv"].admin1 == "Kyiv"


def test_directional_adjective_picks_the_homonym_in_that_part(places_of: Places) -> None:
    text = "Ukraine: a strike hit a mast in the western village of Antopil, officials said."
    place = places_of(text)["Antopil"]
    assert place.admin1 == "Rivne"


def test_demonym_is_its_country(places_of: Places) -> None:
    place = places_of("A Turkish official met the delegation.")["Turkish"]
    assert place.country_code == "TR" and place.kind == "demonym" and place.geo_precision == 3


def test_dateline_sets_the_country(places_of: Places) -> None:
    text = "KABUL (Reuters) - A blast near a school killed four people, police said."
    assert places_of(text)["KABUL"].country_code == "AF"


def test_fallback_places(geoparser: Geoparser) -> None:
    country = geoparser.country_place("UA")
    assert country is not None and country.geo_precision == 3 and country.start == -1
    region = geoparser.region_place("Kharkiv oblast", "UA")
    assert region is not None and region.admin1 == "Kharkiv" and region.geo_precision == 3
    assert geoparser.region_place("Alibori", "BJ") is not None


def test_focus_country(nlp: Language, geoparser: Geoparser) -> None:
    text = "Russian drones hit Odesa and Mykolaiv; Ukraine said Kherson was also shelled."
    assert geoparser.focus_country(geoparser.places(nlp(text))) == "UA"


def test_odd_text_never_raises(nlp: Language, geoparser: Geoparser) -> None:
    for text in ("", "   ", "(((", "A" * 500, "—\n\n, (Kyiv)", "U.S. U.K. B.C."):
        assert isinstance(geoparser.places(nlp(text)), list)


def test_places_are_sorted_with_offsets_into_the_text(nlp: Language, geoparser: Geoparser) -> None:
    text = "From Lviv to Kharkiv and on to Dnipro, trains ran late in Ukraine."
    places = geoparser.places(nlp(text))
    assert [p.start for p in places] == sorted(p.start for p in places)
    for p in places:
        assert text[p.start : p.end] == p.text


def test_a_place_not_in_the_region_named_after_it_gives_way_to_the_region(geoparser) -> None:
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    inside = geoparser.places(nlp("On 3 May 2024, artillery hit Buda, Chernivtsi."))
    assert [p.name for p in inside if p.text == "Buda"] == ["Buda"]
    outside = geoparser.places(nlp("On 3 May 2024, artillery hit Buda, Sumy."))
    assert not [p for p in outside if p.text == "Buda"]  # no Buda in Sumy oblast: no wrong point
    assert [p.kind for p in outside if p.text == "Sumy"] == ["admin1"]


def test_a_place_told_in_a_named_region_lies_in_it(nlp: Language, geoparser: Geoparser) -> None:
    # "X in Y state": the region holds the place, as "X, Y" does; a namesake abroad (a
    # Greek Varvara for a village the gazetteer lacks) gives way to the region
    for text in (
        "The militants invaded Warwara in Borno state, killing nine people.",
        "Gunmen stormed Warwara in the northern state of Borno on Sunday.",
    ):
        places = geoparser.places(nlp(text))
        assert not [p for p in places if p.text == "Warwara"], text
        assert [p.kind for p in places if p.text == "Borno"] == ["admin1"]
    inside = geoparser.places(nlp("Gunmen attacked Dikwa in Borno state on Sunday."))
    assert [p.admin1 for p in inside if p.text == "Dikwa"] == ["Borno"]
    # a town in a province named after it: the province's own town, not a namesake elsewhere
    kunduz = geoparser.places(nlp("Troops cleared Chahar Dara in Kunduz province on Monday."))
    assert [p.country_code for p in kunduz if p.text == "Chahar Dara"] in ([], ["AF"])


def test_a_district_of_a_named_city_is_that_city_s_district(geoparser) -> None:
    from eventwire.nlp import load_nlp

    places = geoparser.places(load_nlp()("A car burned in Desnyanskyi district of Kiev."))
    [district] = [p for p in places if p.kind == "district"]
    assert district.admin1 == "Kyiv City"  # not the Desnianskyi district of Chernihiv


def test_the_container_is_the_homonym_that_holds_the_place_named_before(places_of: Places) -> None:
    # Littoral and Plateau are regions of Cameroon and Nigeria too (bigger ones): the one that
    # holds the town before it is meant, and the town stays
    found = places_of("Teachers marched through Cotonou (Littoral) on Tuesday.")
    assert found["Littoral"].country_code == "BJ" and found["Cotonou"].country_code == "BJ"
    found = places_of("A farmer was stabbed in a field outside Ketou, Plateau, on Monday.")
    assert found["Plateau"].country_code == "BJ" and found["Ketou"].country_code == "BJ"
    found = places_of("Gunmen attacked a church in Jos, Plateau, on Sunday.")
    assert found["Plateau"].country_code == "NG" and found["Jos"].country_code == "NG"


def test_no_continent_by_a_near_spelling(places_of: Places) -> None:
    found = places_of("Herders clashed with farmers in Assia on Monday.")
    assert "Asia" not in {p.name for p in found.values()}
    asia = places_of("Leaders from Asia met in Geneva.")["Asia"]
    assert asia.name == "Asia" and asia.country_code in (None, "")


def test_the_state_of_x_is_the_region(places_of: Places) -> None:
    # Michoacan is also a hamlet in Chiapas: "the state of" says which is meant
    found = places_of("Troops were sent to the western state of Michoacan after the ambush.")
    assert found["Michoacan"].kind == "admin1"
    assert (found["Michoacan"].admin1 or "").startswith("Michoacan")
    found = places_of("Gunmen killed ten farmers in the northeastern state of Borno on Sunday.")
    assert found["Borno"].kind == "admin1" and found["Borno"].country_code == "NG"


def test_a_home_town_after_in_stands_whatever_spacy_tags_it(places_of: Places) -> None:
    # spaCy's small model tags these PERSON or ORG; after "in", in the article's country, a
    # name the gazetteer knows exactly is a place
    found = places_of("In Niger state, bandits attacked a police post in Kagara on Monday.")
    assert found["Kagara"].country_code == "NG"
    found = places_of("Haiti: in Petit-Goave, residents set up barricades against the gangs.")
    assert found["Petit-Goave"].country_code == "HT"


def test_congo_alone_is_a_country(places_of: Places) -> None:
    found = places_of("GOMA, Congo, March 3 (Reuters) - Rebels shelled the town of Sake.")
    assert found["Congo"].kind == "country" and found["Congo"].country_code == "CD"
    found = places_of("Protesters marched in Brazzaville, Congo, on Friday.")
    assert found["Congo"].country_code == "CG"


def test_the_capital_is_the_articles_or_the_demonyms_capital(
    nlp: Language, geoparser: Geoparser
) -> None:
    def refs(text: str) -> list[tuple[str, str]]:
        doc = nlp(text)
        return [(p.text, p.name) for p in geoparser.references(doc, geoparser.places(doc))]

    assert refs("Gunmen attacked Baidoa, Somalia. In the capital, a grenade wounded five.") == [
        ("the capital", "Mogadishu")
    ]
    assert refs("Thousands marched through the Sudanese capital on Friday.") == [
        ("the Sudanese capital", "Khartoum")
    ]
    assert refs("Troops left Goma, Congo. Rallies took place in the country's capital.") == [
        ("the country's capital", "Kinshasa")
    ]
    assert refs("Rival militias clashed overnight in Libya's capital, killing nine.") == [
        ("Libya's capital", "Tripoli")
    ]
    # a name follows, or it is some other capital: no reference
    assert refs("In the capital Kinshasa, youths burned tyres in Congo.") == []
    assert refs("Rebels neared the capital of Chad. The regional capital was calm.") == []
    # not a toponym: the geoparser's places leave it out
    doc = nlp("In the capital, a grenade wounded five in Somalia.")
    assert all("capital" not in p.text for p in geoparser.places(doc))


def test_a_name_said_again_is_no_new_evidence_for_its_country(places_of: Places) -> None:
    # "Fano" is a town in Italy; said three times in an Ethiopia story it is still a stray
    found = places_of(
        "BAHIR DAR, Ethiopia (AFP) - Fano fighters attacked an army post near Debre Markos "
        "in Amhara region on Monday. Fano said it killed 20 soldiers. Fano leaders in "
        "Gondar denied talks with Addis Ababa."
    )
    assert "Fano" not in found
    assert found["Debre Markos"].country_code == "ET"


def test_a_sea_is_no_region_and_a_port_on_it_stays(places_of: Places) -> None:
    found = places_of(
        "Yemen's Houthis said they fired missiles at a tanker in the Red Sea on Monday and "
        "that U.S. jets struck the Red Sea port of Hodeidah. Gangs fight over routes to the "
        "Pacific ports of Ecuador."
    )
    assert "Red Sea" not in found and "Pacific" not in found
    assert found["Hodeidah"].country_code == "YE"
    # a state of that name, said so, stays
    assert places_of("Floods hit Sudan's Red Sea state on Monday.")["Red Sea"].kind == "admin1"
