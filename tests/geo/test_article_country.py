"""The article's country wins over a far homonym: a place the gazetteer lacks is no place abroad."""

from __future__ import annotations

MYANMAR = (
    "Myanmar army jets bomb village near Kani\n\n"
    "YANGON, Myanmar — Military jets bombed a village on the outskirts of Kani, a town in the "
    "northwest of the country, on Tuesday, killing nine people, residents said. Resistance "
    "fighters said they had shot at the aircraft near Monywa."
)
MALI = (
    "Jihadists attack army camp in Lere\n\n"
    "BAMAKO, Mali — Jihadist fighters attacked an army camp in Lere, in the Timbuktu region, on "
    "Sunday, killing six soldiers, the army said. The attackers fled towards the border with "
    "Mauritania."
)


def test_kani_in_a_myanmar_story_is_not_japan(places_of) -> None:  # type: ignore[no-untyped-def]
    places = places_of(MYANMAR)
    assert "Kani" not in places or places["Kani"].country_code == "MM"
    assert places["Monywa"].country_code == "MM"


def test_lere_in_a_mali_story_is_not_nigeria(places_of) -> None:  # type: ignore[no-untyped-def]
    places = places_of(MALI)
    assert "Lere" not in places or places["Lere"].country_code == "ML"
    assert places["Timbuktu"].country_code == "ML"


def test_a_homonym_in_a_country_the_story_names_still_stands(places_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KANO, Nigeria — Gunmen attacked a market in Lere, in Kaduna state, on Sunday, killing "
        "five traders, police in Nigeria said. Mali and Niger were not affected."
    )
    assert places_of(text)["Lere"].country_code == "NG"


def test_a_big_city_abroad_still_stands(places_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAMAKO, Mali — Mali's junta leader flew to Lagos on Monday for talks, officials in "
        "Bamako said. Mali has left the regional bloc."
    )
    assert places_of(text)["Lagos"].country_code == "NG"


def test_a_loose_home_match_does_not_beat_the_city_of_that_very_name(places_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "SANAA, Yemen — Houthi rebels fired missiles at ships off Yemen's coast on Monday and "
        "vowed to go on until the war in Gaza ends. US jets struck the port city of Hodeidah, the rebels said."
    )
    places = places_of(text)
    assert places["Gaza"].country_code == "PS"  # not Ḩajjah, Yemen, a loose match
    assert places["Hodeidah"].country_code == "YE"  # data/renamed.tsv: the English spelling


def test_a_country_point_is_no_nearby_place(places_of) -> None:  # type: ignore[no-untyped-def]
    # a village of that name placed near Ukraine's country point must not win for being "near"
    text = (
        "ZAPORIZHZHIA, Ukraine — Russian shelling of Huliaipole on Sunday wounded an elderly "
        "man, regional officials in Ukraine said."
    )
    place = places_of(text)["Huliaipole"]
    assert place.country_code == "UA" and place.admin1 == "Zaporizhia"


def test_a_place_whose_container_the_text_names_stands(places_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "CAIRO, Egypt — Negotiators met in Cairo on Thursday, Egyptian state media said, and "
        "Egypt's foreign minister joined them. Israeli forces arrested 15 Palestinians in "
        "overnight raids in the West Bank city of Jenin, a prisoners' group said."
    )
    assert places_of(text)["Jenin"].country_code == "PS"
    syria = (
        "ANKARA, Turkey — Turkish officials met in Ankara, Turkey's capital, on Monday. A car bomb "
        "killed three people in the northern Syrian town of Jarabulus, a monitor said."
    )
    assert places_of(syria)["Jarabulus"].country_code == "SY"


LIBYA = (
    "Militia routed in Tripoli\n\n"
    "TRIPOLI, Libya — Fighting broke out in Tripoli on Monday, and forces loyal to the government "
    "in Tripoli overran positions in the Abu Salim neighbourhood, residents of Tripoli said. Clashes "
    "spread to Zawiya and Misrata, and the government in Tripoli declared a truce in Misrata. "
    "On Tuesday, protesters marched on the offices on al-Sikka road in Tripoli. Bodies were "
    "found in a hospital in Abu Salim, residents of Zawiya said."
)


def test_small_towns_abroad_do_not_back_each_other(places_of) -> None:  # type: ignore[no-untyped-def]
    # "Abu" (a town in India, from "Abu Salim") and "Sikka" (another, from "al-Sikka road"):
    # a country the story never names, with a few votes against Libya's many
    places = places_of(LIBYA)
    assert all(p.country_code == "LY" for p in places.values()), places


def test_towns_of_a_country_the_story_names_still_stand(places_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TRIPOLI, Libya — Libya's prime minister met officials in Tripoli, Misrata and Zawiya "
        "this week, and in Tripoli again on Friday. Tripoli's mayor flew on to India, where he "
        "visited Abu and Sikka."
    )
    places = places_of(text)
    assert places["Sikka"].country_code == "IN", places
