"""The outlet's home country wins a tie of the story's votes."""

from collections import Counter

from spacy.language import Language

from eventwire.geo import Geoparser
from eventwire.geo.resolve import Context


def test_the_home_country_wins_a_tie_of_votes() -> None:
    ctx = Context({"CA": 2.0, "US": 1.5, "GB": 2.0}, Counter(), [])
    assert ctx.focus() == "CA"  # no home: the first counted
    ctx.home = "GB"
    assert ctx.focus() == "GB"


def test_a_local_papers_homonym_is_its_own_region_on_a_tie(
    nlp: Language, geoparser: Geoparser
) -> None:
    # a north London paper (.co.uk): Edmonton four times (a Canadian city of 1M, one of five
    # homonyms) ties with the outlet's home; the story is London's
    text = (
        "PRIMARY school pupils put their cooking to the test in a contest in Edmonton.\n"
        "Eight schools pitched their snacks to judges at a theatre in Silver Street, Edmonton.\n"
        "Runners up were pupils from Galliard primary, in Galliard Road, who made an oat bar.\n"
        "A Greek salad won the mini chef contest set by pupils from Raynham Avenue.\n"
        "The Edmonton schools will repeat the project next year, the Edmonton organisers said."
    )
    places = [p for p in geoparser.places(nlp(text), "GB") if p.text == "Edmonton"]
    assert places and all(p.country_code == "GB" for p in places)
