"""English or not: the script and function-word rule (texts written for these tests)."""

from __future__ import annotations

import time

import pytest

from eventwire.read.language import why_not_english

ENGLISH = [
    "Shelling kills two in eastern city",
    "Drone strike hits fuel depot",
    "Kharkiv: explosions heard overnight",
    "30 rebels killed near Alexandrovka - agency",
    "Le Monde reports shelling of Kherson as talks resume in Istanbul",
    "Al-Shabaab fighters attacked an army base near El Baraf on Tuesday, officials said.",
    "Protesters gathered outside the parliament in Kyiv on Sunday, chanting 'Slava Ukraini'"
    " and waving flags, while police kept the crowd away from the government quarter.",
    "On 3 May 2023, Russian forces shelled the village of Bilozerka (Kherson). Two civilians"
    " were killed and four more were injured, according to the regional administration.",
    "Київ: air raid alert as missiles hit the capital overnight, the mayor said.",
]

FOREIGN = [
    ("Росія завдала ракетного удару по Харкову, загинули двоє людей.", "Cyrillic/Ukrainian"),
    ("Россия нанесла удар по Харькову, погибли два человека.", "Cyrillic/Russian"),
    ("Обстріл міста тривав усю ніч", "Cyrillic/Ukrainian"),
    (
        "Une frappe russe a touché la ville de Kharkiv dans la nuit, selon les autorités"
        " locales, qui font état de deux morts.",
        "French",
    ),
    (
        "Bei einem russischen Angriff auf die Stadt Charkiw sind in der Nacht zwei Menschen"
        " getötet worden, teilte der Bürgermeister mit.",
        "German",
    ),
    (
        "Un ataque ruso contra la ciudad de Járkov dejó dos muertos y varios heridos, según"
        " las autoridades locales.",
        "Spanish",
    ),
    (
        "Un attacco russo ha colpito la città di Kharkiv nella notte, secondo le autorità locali.",
        "Italian",
    ),
    ("Bij een Russische aanval op de stad Charkiv zijn twee mensen gedood.", "Dutch"),
    ("قصفت القوات الروسية مدينة خاركيف الليلة الماضية", "Arabic"),
    ("俄罗斯军队昨晚炮击了哈尔科夫市", "CJK"),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_passes(text: str) -> None:
    assert why_not_english(text) is None


@pytest.mark.parametrize(("text", "language"), FOREIGN)
def test_other_languages_are_named(text: str, language: str) -> None:
    reason = why_not_english(text)
    assert reason is not None and language in reason


def test_long_latin_text_without_english_words_is_caught() -> None:
    # Polish, a language the function-word lists do not cover
    text = (
        "W nocy rosyjskie wojska ostrzelały miasto Charków. Zginęły dwie osoby, a kilka"
        " zostało rannych. Władze miasta poinformowały, że pociski trafiły w budynki"
        " mieszkalne i szkołę. Służby ratunkowe pracowały na miejscu przez całą noc, gasząc"
        " pożary i szukając ludzi pod gruzami zniszczonych domów."
    )
    reason = why_not_english(text)
    assert reason is not None and "common English words" in reason


def test_no_letters() -> None:
    assert why_not_english("12 345 -- 67 !!") is not None


def test_fast_on_a_long_article() -> None:
    text = ENGLISH[7] * 500 + " Киев" * 2000
    start = time.perf_counter()
    for _ in range(100):
        why_not_english(text)
    assert (time.perf_counter() - start) / 100 < 0.001
