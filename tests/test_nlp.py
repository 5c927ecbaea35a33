"""Parsing a text over spaCy's length limit: in pieces that keep every offset, parsed in two
processes as they would be in one."""

from __future__ import annotations

import os

from eventwire import nlp as nlp_module
from eventwire.nlp import _halves, load_nlp, parse, parse_pieces, split_text

STORY = (
    "Shelling hits market in Kharkiv\n\n"
    "Russian artillery shelled a market in Kharkiv on Sunday, killing four people.\n\n"
)


def test_pieces_join_back_and_end_at_paragraphs():
    text = STORY * 50
    pieces = split_text(text, limit=1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces) and len(pieces) > 5
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_a_paragraph_longer_than_a_piece_ends_at_a_sentence_then_a_space():
    sentence = "Troops shelled the village of Bakhmut at dawn. "
    pieces = split_text(sentence * 100, limit=500)
    assert "".join(pieces) == sentence * 100
    assert all(p.endswith("dawn. ") for p in pieces[:-1])
    words = split_text("word " * 1000, limit=333)
    assert "".join(words) == "word " * 1000 and all(p.endswith(" ") for p in words[:-1])
    assert "".join(split_text("x" * 1000, limit=300)) == "x" * 1000  # no break anywhere: cut


def test_a_long_text_is_parsed_whole_with_its_offsets(monkeypatch):
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 400)
    text = STORY * 12
    (short, _), (long, _) = parse(load_nlp(), [(STORY, "short"), (text, "long")])
    assert long.text == text and short.text == STORY
    kharkiv = [e for e in long.ents if e.text == "Kharkiv"]
    assert len(kharkiv) == 24 and all(text[e.start_char : e.end_char] == "Kharkiv" for e in kharkiv)
    assert sum(1 for _ in long.sents) >= 24


def test_a_line_break_starts_a_sentence():
    doc = load_nlp()("KYIV\nRussian forces shelled the city\n\nTwo people died in Kharkiv")
    assert [s.text for s in doc.sents] == [
        "KYIV\n",
        "Russian forces shelled the city\n\n",
        "Two people died in Kharkiv",
    ]


def test_a_day_s_month_opens_no_sentence():
    # the parser alone ended a sentence after "14", and its event lost its day
    nlp = load_nlp()
    for text in (
        "Incidents at the mine\n\nOn the night of Saturday 14 September, a large group of "
        "intruders forced their way through the fence.",
        "On the night of Friday 3 May, gunmen attacked the post.",
    ):
        sents = [s.text.strip() for s in nlp(text).sents]
        assert sents[-1].startswith("On the night of"), sents
    # … and "14 May" after a full stop may still open one
    assert len(list(nlp("He was born in 1990. 14 May is the day.").sents)) == 2


def test_a_log_entrys_stamp_is_a_sentence_of_its_own():
    """ "Tue 7 May, 14:50 — Protesters …": the entry's words are parsed apart from its stamp;
    a dash after no day or time (a dateline) stays in its sentence."""
    doc = load_nlp()(
        "Tue 7 May, 14:50 — Rioters set fire to a bank.\n19:45 — Crowds have gone home.\n"
        "VILNIUS — Police made arrests."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Tue 7 May, 14:50 —",
        "Rioters set fire to a bank.",
        "19:45 —",
        "Crowds have gone home.",
        "VILNIUS — Police made arrests.",
    ]


def test_other_line_ends_are_read_as_line_ends_one_character_for_one():
    # releases copied from PDF or Word separate their lines with U+2028 (and paragraphs with
    # U+2029): the parse sees lines, and every offset still points into the original text
    text = "NEWS RELEASE\u2028For Immediate Release\u2029BASRA, Iraq (May 3)\u2028Troops raided a house."
    ((doc, _),) = list(parse(load_nlp(), [(text, None)]))
    assert len(doc.text) == len(text)
    assert doc.text == text.replace("\u2028", "\n").replace("\u2029", "\n")
    assert doc.text.splitlines() == text.splitlines()
    assert any(s.text.startswith("Troops raided") for s in doc.sents)


def test_the_blank_tokenizer_is_filled_with_the_models_own():
    """load_nlp builds no default tokenizer (start-up time): the one it ends with is the one
    a plain `spacy.load` gives, byte for byte, and splits text the same way."""
    import spacy

    plain = spacy.load(nlp_module.MODEL, exclude=list(nlp_module.EXCLUDED))
    ours = load_nlp()
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    text = "U.S.-led forces didn't shell Kharkiv's e-mail@x.org at 5p.m. (Reuters) -- 12km/h :)"
    assert [t.text for t in ours.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]
    assert len(ours.tokenizer.rules) > 1000


def test_the_msgpack_decoders_are_the_same_after_the_model_has_loaded():
    """load_nlp has srsly look its msgpack decoders up once (start-up time): none is
    registered while the model loads, and the registry answers as before once it has."""
    import spacy
    import srsly

    before = srsly.msgpack_decoders.get_all()
    with nlp_module._msgpack_decoders_found_once():
        assert srsly.msgpack_decoders.get_all() == before
        spacy.load(nlp_module.MODEL, exclude=list(nlp_module.EXCLUDED))
    assert "get_all" not in vars(srsly.msgpack_decoders)
    assert srsly.msgpack_decoders.get_all() == before


def _annotations(doc):
    return [
        (t.text, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.norm_, t.shape_)
        + (t.ent_type_, t.ent_iob_, str(t.morph), t.is_sent_start, t.is_stop, t.like_num)
        for t in doc
    ] + [(e.start, e.end, e.label_) for e in doc.ents]


def test_the_models_string_table_is_not_read_and_not_needed():
    """load_nlp leaves out the model's vocab/strings.json (start-up time): the parse is the one
    a model with it gives, every string and the tensors alike."""
    import numpy as np
    import spacy

    # (a fresh load: the shared one holds the strings of every text the tests before parsed)
    ours = load_nlp.__wrapped__()
    plain = spacy.load(nlp_module.MODEL, exclude=list(nlp_module.EXCLUDED))
    plain.add_pipe("line_breaks", before="parser")
    plain.add_pipe("riders", after="parser")
    assert len(ours.vocab.strings) < len(plain.vocab.strings) / 10
    texts = [
        STORY,
        "KYIV, Ukraine (AP) — Drones struck Zaporizhzhia overnight; the governor, Ivan Fedorov,"
        " said 3 people were hurt. Al-Shabaab fighters ambushed AMISOM troops near Mogadishu.",
        "Protesters torched the ministry's annex in Ouagadougou as gendarmes fired teargas.",
    ]
    for a, b in zip(plain.pipe(texts), ours.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b)
        assert np.array_equal(a.tensor, b.tensor)


def test_pieces_in_two_processes_are_parsed_as_in_one(monkeypatch):
    monkeypatch.setattr(nlp_module, "PARALLEL_CHARS", 1)
    nlp = load_nlp()
    pieces = split_text(STORY * 40, limit=1000)
    alone = [doc.to_bytes() for doc in nlp.pipe(pieces)]
    assert [doc.to_bytes() for doc in parse_pieces(nlp, pieces)] == alone


def test_a_failed_child_leaves_its_pieces_to_the_parent(monkeypatch):
    def fail(nlp, pieces, batch_size, sender):  # one piece sent, then the child dies
        sender.send_bytes(nlp(pieces[0]).to_bytes())
        os._exit(1)

    monkeypatch.setattr(nlp_module, "PARALLEL_CHARS", 1)
    monkeypatch.setattr(nlp_module, "_parse_in_child", fail)
    nlp = load_nlp()
    pieces = split_text(STORY * 20, limit=1000)
    assert [d.text for d in parse_pieces(nlp, pieces)] == pieces


def test_halves_share_the_characters():
    assert _halves(["a" * 10]) == (["a" * 10], [])
    assert _halves(["a" * 10, "b" * 10, "c" * 10, "d"]) == (["a" * 10, "b" * 10], ["c" * 10, "d"])
    assert _halves(["a" * 10, "b" * 10, "c"]) == (["a" * 10], ["b" * 10, "c"])


def test_a_rider_on_a_vehicle_named_in_the_singular_keeps_the_verb():
    """ "Gunmen on a motorcycle shot dead …": the small parser reads "a motorcycle shot" as one
    noun; the sentence is parsed again as "two motorcycles" and keeps its verb, its own words
    and the parse of the sentences around it."""
    nlp = load_nlp()
    doc = nlp(
        "Residents were asleep. Gunmen on a motorcycle shot dead a village headman outside his "
        "house on Tuesday, police said. A man on a motorbike opened fire on a tea shop."
    )
    by_text = {t.text: t for t in doc}
    assert by_text["shot"].pos_ == "VERB" and by_text["shot"].tag_ == "VBD"
    assert by_text["headman"].head.text == "shot"
    assert by_text["opened"].pos_ == "VERB"
    assert (by_text["a"].tag_, by_text["motorcycle"].tag_) == ("DT", "NN")
    assert [s.text for s in doc.sents][0] == "Residents were asleep."
    assert doc.text.count("motorcycle") == 1 and "two" not in doc.text
