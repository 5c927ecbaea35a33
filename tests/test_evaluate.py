"""eventwire.evaluate: each figure on a small invented gold file with a fake extractor."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluate import (
    GoldEvent,
    actor_country,
    evaluate_file,
    match_events,
    place_named,
    read_gold,
    run,
    score_file,
)
from eventwire.geo.distance import distance_km as geo_distance_km
from eventwire.model import Article, Event

EXPLOSIONS = "Explosions/Remote violence"
SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"

# Invented places: A at (50.0, 30.0); 30 km north is 50.2698 (one degree of latitude ≈ 111.2 km).
A = (50.0, 30.0)
A_30KM_NORTH = (50.0 + 30 / 111.195, 30.0)


def gold_event(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "event_date": "2023-05-01",
        "time_precision": 1,
        "event_type": EXPLOSIONS,
        "sub_event_type": SHELLING,
        "actor1": "Military Forces of Russia (2000-)",
        "actor2": None,
        "civilian_targeting": False,
        "country": "Ukraine",
        "admin1": "Testova",
        "location": "Alphaville",
        "latitude": A[0],
        "longitude": A[1],
        "geo_precision": 1,
        "fatalities": 0,
        "fatalities_reliable": True,
    }
    base.update(over)
    return base


def event(article_id: str = "", **over: Any) -> Event:
    base: dict[str, Any] = {
        "event_id": "e",
        "article_id": article_id,
        "event_date": "2023-05-01",
        "time_precision": 1,
        "event_type": EXPLOSIONS,
        "sub_event_type": SHELLING,
        "plover": "ASSAULT",
        "actor1": "Military Forces of Russia (2000-)",
        "actor2": None,
        "civilian_targeting": False,
        "country": "Ukraine",
        "admin1": "Testova Oblast",
        "location": "Alphaville",
        "latitude": A[0],
        "longitude": A[1],
        "geo_precision": 1,
        "geonameid": None,
        "fatalities": None,
        "injuries": None,
        "claimed_by": None,
        "verified": None,
    }
    base.update(over)
    return Event(**base)


def write_gold(tmp_path: Path, lines: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def article_line(aid: str, text: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": aid, "text": text, "published": "2023-05-01", "source": "Test", "events": events}


class FakeExtractor:
    """Returns canned events per article id, and records that it was called once, in batch."""

    def __init__(self, answers: dict[str, list[Event]]) -> None:
        self.answers = answers
        self.calls = 0

    def __call__(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        self.calls += 1
        for article in articles:
            yield article, self.answers.get(article.article_id, [])


def test_a_perfect_prediction_scores_one_everywhere(tmp_path: Path) -> None:
    path = write_gold(tmp_path, [article_line("a1", "Shelling hit Alphaville.", [gold_event()])])
    fake = FakeExtractor({"a1": [event("a1")]})
    figures = evaluate_file(path, extractor=fake)
    assert fake.calls == 1
    head = figures["headline"]
    for name in (
        "event_found",
        "event_type",
        "sub_event_type",
        "actor1_country",
        "event_date",
        "time_precision",
        "fatalities",  # gold 0 and predicted None are the same answer
        "place_25km",
        "admin1",  # "Testova Oblast" and "Testova" are the same admin1
        "civilian_targeting",
        "geo_precision",
    ):
        assert head[name]["value"] == 1.0, name
    assert head["events_per_text"]["value"] == 1.0
    assert figures["fields"]["event (type, date, ≤ 50 km)"]["f1"] == 1.0
    assert figures["records"] == 1 and figures["gold_events"] == 1


def test_wrong_type_lowers_type_figures_and_unmatched_counts_wrong(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        [
            article_line("a1", "one", [gold_event()]),
            article_line("a2", "two", [gold_event()]),
            article_line("a3", "three", [gold_event()]),
            article_line("a4", "four", [gold_event()]),
        ],
    )
    fake = FakeExtractor(
        {
            "a1": [event("a1")],
            "a2": [event("a2", event_type="Battles", sub_event_type="Armed clash")],
            "a3": [event("a3", sub_event_type=AIR)],
            # a4: nothing found
        }
    )
    head = evaluate_file(path, extractor=fake)["headline"]
    assert head["event_found"]["value"] == 0.75
    assert head["event_type"]["value"] == 0.5  # a1, a3
    assert head["event_type"]["of_matched"] == pytest.approx(2 / 3, abs=0.001)
    assert head["sub_event_type"]["value"] == 0.25  # a1 only
    assert head["events_per_text"]["value"] == 0.75


def test_place_radii(tmp_path: Path) -> None:
    assert geo_distance_km(*A, *A_30KM_NORTH) == pytest.approx(30, abs=0.1)
    path = write_gold(tmp_path, [article_line("a1", "x", [gold_event()])])
    fake = FakeExtractor({"a1": [event("a1", latitude=A_30KM_NORTH[0])]})
    head = evaluate_file(path, extractor=fake)["headline"]
    assert head["place_25km"]["value"] == 0.0
    assert head["place_50km"]["value"] == 1.0
    assert head["place_100km"]["value"] == 1.0


def test_place_without_coordinates_is_a_miss(tmp_path: Path) -> None:
    path = write_gold(tmp_path, [article_line("a1", "x", [gold_event()])])
    fake = FakeExtractor({"a1": [event("a1", latitude=None, longitude=None)]})
    head = evaluate_file(path, extractor=fake)["headline"]
    assert head["place_100km"]["value"] == 0.0


def test_toll_rules(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        [
            article_line("a1", "x", [gold_event(fatalities=3)]),
            article_line("a2", "x", [gold_event(fatalities=3)]),
            article_line("a3", "x", [gold_event(fatalities=0)]),
            article_line("a4", "x", [gold_event(fatalities=5, fatalities_reliable=False)]),
        ],
    )
    fake = FakeExtractor(
        {
            "a1": [event("a1", fatalities=3)],
            "a2": [event("a2", fatalities=None)],
            "a3": [event("a3", fatalities=0)],
            "a4": [event("a4", fatalities=1)],
        }
    )
    figures = evaluate_file(path, extractor=fake)
    toll = figures["headline"]["fatalities"]
    assert (toll["hits"], toll["n"]) == (2, 3)  # a4 skipped: the toll was split
    # P/R count only real figures (non-zero): one right out of one predicted (a4 is skipped).
    fields = figures["fields"]["fatalities"]
    assert (fields["tp"], fields["gold"]) == (1, 2)


@pytest.mark.parametrize(
    ("actor", "country"),
    [
        ("Military Forces of Russia (2000-) Air Force", "Russia"),
        ("Civilians (Benin)", "Benin"),
        ("Police Forces of Ukraine (2019-) State Emergency Service of Ukraine", "Ukraine"),
        ("NAF: United Armed Forces of Novorossiya", "Ukraine"),
        ("JNIM: Group for Support of Islam and Muslims", None),
        ("Islamic State (Sahel)", None),
        ("Unidentified Military Forces", None),
        ("Rioters (Burkina Faso)", "Burkina Faso"),
        ("Government of Benin (2016-)", "Benin"),
        ("Military Forces of Russia", "Russia"),
        (None, None),
    ],
)
def test_actor_country(actor: str | None, country: str | None) -> None:
    assert actor_country(actor) == country


def test_actor_country_figure(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        [
            article_line("a1", "x", [gold_event(actor1="Military Forces of Russia (2000-)")]),
            article_line("a2", "x", [gold_event(actor1="Islamic State (Sahel)")]),
            article_line("a3", "x", [gold_event(actor1="Civilians (Benin)")]),
        ],
    )
    fake = FakeExtractor(
        {
            "a1": [event("a1", actor1="Military Forces of Russia (2000-) Air Force")],
            "a2": [event("a2", actor1="Unidentified Military Forces")],  # both: no country
            "a3": [event("a3", actor1="Military Forces of Benin (2016-)")],
        }
    )
    head = evaluate_file(path, extractor=fake)["headline"]
    assert head["actor1_country"]["hits"] == 3


def test_date_and_precision(tmp_path: Path) -> None:
    path = write_gold(tmp_path, [article_line("a1", "x", [gold_event()])])
    fake = FakeExtractor({"a1": [event("a1", event_date="2023-04-30", time_precision=2)]})
    head = evaluate_file(path, extractor=fake)["headline"]
    assert head["event_date"]["value"] == 0.0
    assert head["time_precision"]["value"] == 0.0


def test_admin1_civilians_and_geo_precision(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path, [article_line("a1", "x", [gold_event(civilian_targeting=True, admin1="Ost")])]
    )
    fake = FakeExtractor({"a1": [event("a1", geo_precision=2, admin1="West")]})
    figures = evaluate_file(path, extractor=fake)
    head = figures["headline"]
    assert head["admin1"]["value"] == 0.0
    assert head["civilian_targeting"]["value"] == 0.0
    assert head["geo_precision"]["value"] == 0.0
    assert figures["fields"]["civilian_targeting"]["recall"] == 0.0


def gold_events_of_one_article(tmp_path: Path, *events: dict[str, Any]) -> tuple[GoldEvent, ...]:
    """The gold events of a one-article gold file, as `eventwire eval` reads them."""
    return read_gold(write_gold(tmp_path, [article_line("a1", "x", list(events))]))[0].events


def test_matching_prefers_type_then_place_then_date(tmp_path: Path) -> None:
    golds = gold_events_of_one_article(
        tmp_path,
        gold_event(latitude=A_30KM_NORTH[0]),
        gold_event(event_type="Battles", sub_event_type="Armed clash"),
    )
    preds = [
        event(event_type="Battles", sub_event_type="Armed clash", latitude=A_30KM_NORTH[0]),
        event(),  # at A, a strike
        event(latitude=A_30KM_NORTH[0]),  # a strike right at the first gold point
    ]
    # gold 0 (strike, 30 km north) takes pred 2 (same type, 0 km) over pred 1 (same type, 30 km);
    # gold 1 (battle) takes pred 0 (same type) though pred 1 is nearer.
    assert match_events(golds, preds) == [(0, 2), (1, 0)]


def test_matching_prefers_the_day_among_places_within_reach(tmp_path: Path) -> None:
    # two explosions 3 km apart on two days, both read right: the day pairs them, not the
    # few kilometres by which one predicted point lies nearer the other gold point
    a_3km = (50.0 + 3 / 111.195, 30.0)
    golds = gold_events_of_one_article(
        tmp_path,
        gold_event(event_date="2023-05-01", latitude=A[0]),
        gold_event(event_date="2023-05-02", latitude=a_3km[0]),
    )
    preds = [
        event(event_date="2023-05-02", latitude=A[0] + 0.5 / 111.195),  # 0.5 km from gold 0
        event(event_date="2023-05-01", latitude=A[0] + 1 / 111.195),  # 1 km from gold 0
    ]
    # nearest place first paired gold 0 with pred 0 (0.5 km) and so both days were wrong
    assert match_events(golds, preds) == [(0, 1), (1, 0)]


def test_extra_predictions_lower_event_precision(tmp_path: Path) -> None:
    path = write_gold(tmp_path, [article_line("a1", "x", [gold_event()])])
    fake = FakeExtractor({"a1": [event("a1"), event("a1", event_type="Battles")]})
    figures = evaluate_file(path, extractor=fake)
    row = figures["fields"]["event (type, date, ≤ 50 km)"]
    assert (row["precision"], row["recall"]) == (0.5, 1.0)
    assert figures["headline"]["events_per_text"]["value"] == 2.0


UCDP_LINES = [
    {
        "id": "u1",
        "text": "Shelling kills two in Alphavillé",
        "published": "2015-02-03",
        "source": "Wire",
        "events": [
            {
                "fatalities": 2,
                "latitude": A[0],
                "longitude": A[1],
                "place": "Alphaville",
                "where": "Alphaville town",
            }
        ],
    },
    {
        "id": "u2",
        "text": "Three soldiers killed in the east",
        "published": "2015-02-04",
        "source": "Wire",
        "events": [
            {
                "fatalities": 3,
                "latitude": A[0],
                "longitude": A[1],
                "place": "Betatown",
                "where": "Betatown Oblast",
            }
        ],
    },
]


def test_ucdp_headlines(tmp_path: Path) -> None:
    path = write_gold(tmp_path, UCDP_LINES)
    fake = FakeExtractor(
        {
            "u1": [event("u1", event_date="2015-02-03", fatalities=2)],
            "u2": [event("u2", event_date="2015-02-04", fatalities=3, latitude=52.0)],
        }
    )
    figures = evaluate_file(path, extractor=fake)
    head = figures["headline"]
    assert "event_type" not in head  # UCDP gives no type
    assert head["event_date"]["value"] == 1.0  # `published` is the event's day
    assert head["fatalities"]["value"] == 1.0
    assert head["place_50km"]["value"] == 0.5
    assert (head["place_50km_named"]["hits"], head["place_50km_named"]["n"]) == (1, 1)
    assert "event_type" not in figures["fields"]


def test_place_named_loose_match() -> None:
    assert place_named(
        GoldEvent(place="Oleksandrivsk", where="Alexandrovka village"),
        "30 militiamen killed in shelling of Alexandrovka",
    )
    assert place_named(
        GoldEvent(place="Donetsk", where="Donetsk Oblast"), "One killed in Donetsk's suburb"
    )
    assert not place_named(
        GoldEvent(place="Donetsk", where="Donetsk Oblast"),
        "Fighting in the east kills four; Oblast officials say",
    )
    assert not place_named(
        GoldEvent(place="Smile", where="Smeloe/Smile village"),
        "Two soldiers killed in ambush on a Ukrainian checkpoint",
    )


def test_a_region_named_is_not_the_place_named() -> None:
    gold = GoldEvent(place="Pryshyb", where="village of Prishib, Zaporozhye region")
    text = "Two killed as shelling hits a village in the Zaporozhye region"
    assert not place_named(gold, text)
    assert place_named(gold, text, region_counts=True)
    assert place_named(gold, "Two killed as shelling hits Prishib, Zaporozhye region")
    # the place itself named as a region's namesake still names it
    assert place_named(GoldEvent(place="Kherson", where="Kherson region"), "Shelling of Kherson")


def test_show_misses_and_json(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        [
            article_line("a1", "Strike on Alphaville.", [gold_event()]),
            article_line("a2", "Battle near Alphaville.", [gold_event(event_type="Battles")]),
        ],
    )
    fake = FakeExtractor({"a1": [event("a1")], "a2": [event("a2")]})
    out = io.StringIO()
    run(str(path), show_misses="event_type", extractor=fake, out=out)
    text = out.getvalue()
    assert "Battle near Alphaville." in text and "Strike on Alphaville." not in text
    assert "reproduce: eventwire eval" in text
    card = score_file(path, extractor=fake)
    assert [m["id"] for m in card.misses("event_type")] == ["a2"]

    out = io.StringIO()
    run(str(path), as_json=True, extractor=fake, limit=1, out=out)
    figures = json.loads(out.getvalue())
    assert figures["records"] == 1
    assert figures["command"].endswith("--limit 1")

    with pytest.raises(ValueError):
        run(str(path), show_misses="nonsense", extractor=fake, out=io.StringIO())


def test_toponym_file_is_handed_to_the_geoparser_scorer(tmp_path: Path) -> None:
    path = tmp_path / "toponyms.jsonl"
    line = {"id": "t1", "text": "In Alphaville.", "published": None, "source": None}
    line["toponyms"] = [{"start": 3, "end": 13, "name": "Alphaville", "lat": A[0], "lon": A[1]}]
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    figures = evaluate_file(path, extractor=FakeExtractor({}))
    assert "headline" not in figures  # not scored as events


def test_bad_gold_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x", "events": []}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":2:"):
        read_gold(path)
