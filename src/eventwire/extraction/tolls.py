"""Casualty tolls of one event read from a sentence, with aggregates and statistics left out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.data import load_vocabulary
from eventwire.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FATALITIES = "fatalities"
INJURIES = "injuries"

_DATA = load_vocabulary("toll_words")


def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _DATA[key])


_FATAL_VERBS = _words("fatal_verbs")
_INJURY_VERBS = _words("injury_verbs")
_INTRANSITIVE = _words("fatal_intransitive")
_FATAL_ADJ = _words("fatal_adjectives")
_INJURY_ADJ = _words("injury_adjectives")
_FATAL_NOUNS = _words("fatal_nouns")
_INJURY_NOUNS = _words("injury_nouns")
_CASUALTY_NOUNS = _words("casualty_nouns")
_TOLL_NOUNS = _words("toll_nouns")
_TOLL_CHANGE_VERBS = _words("toll_change_verbs")
_TOLL_SETTING_VERBS = _words("toll_setting_verbs")
_COUNT_NOUNS = _words("count_nouns")
_RUNNING_COUNTS = ("fatal_number", "injury_number")  # the kinds of "the number of dead"
_REVISING_KINDS = frozenset({"toll_noun", *_RUNNING_COUNTS})  # a running toll's words
_TOLL_VERBS = _TOLL_CHANGE_VERBS | _TOLL_SETTING_VERBS
_RUNNING_NOUNS = _TOLL_NOUNS | _COUNT_NOUNS  # "the toll", "the number" (of dead)
_NUMBERS: dict[str, int] = {str(k).lower(): int(v) for k, v in _DATA["numbers"].items()}
_MULTIPLIERS: dict[str, int] = {str(k).lower(): int(v) for k, v in _DATA["multipliers"].items()}
_VAGUE: dict[str, tuple[int, int]] = {
    str(k): (int(v["acled"]), int(v["min"])) for k, v in _DATA["vague_counts"].items()
}
_PERSONS = _words("person_nouns")
_PERSON_SUFFIXES = tuple(_words("person_suffixes"))
_OTHERS = _words("other_words")
_SINCE_OK = _words("since_ok")
_AGGREGATE_WORDS = _words("aggregate_words")
_AGGREGATE_PHRASES = tuple(_words("aggregate_phrases"))
_LONG_PERIODS = _words("long_periods")
_COUNTED_PERIODS = _words("counted_periods")
_AGGREGATE_OWNERS = _words("aggregate_owners")
_AGGREGATE_SUBJECTS = _words("aggregate_subjects")
_AGGREGATE_SOURCES = _words("aggregate_sources")
CLAIM_NOUNS = _words("claim_nouns")  # "reports", "claims" … that the story may call false
REJECTING_VERBS = _words("rejecting_verbs")
FALSE_WORDS = _words("false_words")
# number words that count in millions ("millions have been displaced"), kept with factuality's
_RUNNING_WORDS = frozenset(load_vocabulary("factuality")["aggregate_words"])
RUNNING_TOTAL_MIN = 1000  # a figure this large in a perfect-tense clause is a running total
BACK_SENTENCES = 3  # how far back a group named again with "the" may have been counted
_PART_OPENERS = _words("part_openers")
_NOT_VICTIMS = _words("not_victims")
_EVENT_NOUNS = _words("event_nouns")
_BACK_DETS = _words("back_determiners")
_AUTHOR_NOUNS = _words("author_nouns")
_BACK_PRONOUNS = _words("back_pronouns")
_PART_WORDS = _words("part_words")
_GENERIC_VICTIMS = _words("generic_victims")
_CIVILIAN_VICTIMS = _words("civilian_victims")

_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_TIME_WORDS = _MONTHS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday day week month year hour minute "
    "ago morning night evening afternoon am pm a.m. p.m. decade century today yesterday".split()
)
_NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
_MEASURES = frozenset({"year", "story", "storey", "floor", "mm", "km", "kg", "ton", "tonne", "old"})
_DASHES = frozenset({"-", "–", "—", ":", "|"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "obj"})
_BACKGROUND_MARKS = frozenset(
    {"if", "whether", "after", "because", "unless", "before", "once", "as"}
)
# Verbs that frame a casualty word as tried, feared or alleged background, not as the toll.
_TRY_VERBS = frozenset(
    "attempt try threaten plan want seek fail intend vow prevent avoid fear risk".split()
)
_ALLEGE_VERBS = frozenset("accuse suspect convict charge blame arrest believe allege".split())
_FINDING_VERBS = frozenset({"leave", "find", "lie", "lay", "shoot", "report", "confirm", "be"})
_REPORT_VERBS = frozenset(
    "say tell report announce claim state add confirm write declare insist".split()
)
_TO_DEATH_VERBS = frozenset({"beat", "burn", "stab", "stone", "hack", "club", "shoot", "lynch"})


@dataclass(frozen=True)
class TollFigure:
    """One casualty figure a sentence states for one event, with the words it was read from."""

    field: str  # "fatalities" or "injuries"
    value: int  # as ACLED codes it: a vague count ("several") takes the codebook's figure
    start: int  # char offsets into the text of the number phrase
    end: int
    text: str
    reason: str
    minimum: int | None = None  # the least the words support, where they give no number
    # a running toll of the event ("the death toll rose to 14"): its whole toll so far, which
    # replaces a figure told before rather than adding to it
    revises: bool = False

    @property
    def least(self) -> int:
        """The smallest number the words support ("several" → 3; "12" → 12)."""
        return self.value if self.minimum is None else self.minimum


def is_person(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in _NOT_VICTIMS:
        return False
    if lemma in _PERSONS or token.lower_ in _PERSONS or token.ent_type_ == "PERSON":
        return True
    if _an_age_for_its_person(token):
        return True
    return token.pos_ in ("NOUN", "PROPN") and lemma.endswith(_PERSON_SUFFIXES)


def _an_age_for_its_person(token: Token) -> bool:
    """An age that stands for its person: "a 17-year-old was shot dead", "two 15-year-olds"
    (the parse makes "old" of "a 17-year-old" an adjective, and "olds" a noun)."""
    i = token.i
    return (
        token.lower_ in ("old", "olds")
        and i >= 2
        and token.doc[i - 1].text in ("-", "–")
        and token.doc[i - 2].lemma_.lower() in ("year", "month")
        and not any(c.dep_ == "npadvmod" and c.i > i for c in token.children)
    )


def _may_be_person(token: Token) -> bool:
    """A victim noun counted as one: a person word (the lexicon, a person-forming ending or a
    person's name), never a thing ("script", "building", "car"), a group ("militia") or a bare
    singular that no determiner, possessive or number introduces ("killing three people <script>")."""
    if not is_person(token) or token.lemma_.lower() == "militia":
        return False
    if token.ent_type_ == "PERSON" or token.tag_ == "NNP":
        return True  # "reporter Benjamin Hall"
    if any(c.dep_ == "appos" and c.tag_ == "NNP" and c.i > token.i for c in token.children):
        return True  # "killed Taliban leader, Wali, …": a role named by the person's name
    node = token
    while node.dep_ == "conj" and not _introduced(node):
        node = node.head  # "a woman and man": the determiner is shared
    return _introduced(node)


def _introduced(noun: Token) -> bool:
    """A noun with a determiner, possessive or number before it ("a child", "his son", "1 civilian")."""
    if _has_det(noun):
        return True
    left = noun.doc[noun.left_edge.i : noun.i]
    if any(t.dep_ in ("det", "poss") or t.like_num or t.lower_ in _OTHERS for t in left):
        return True  # "a pastoralist man", "another young man"
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    return before is not None and (before.like_num or before.lower_ in ("a", "an", "one"))


def _plain_value(token: Token) -> int | None:
    """The value of one number token ("35", "2,000", "nine"), None if it is not a count."""
    text = token.lower_
    if text in _NUMBERS:
        if text == "dozen" and not any(c.lower_ in ("a", "one") for c in token.children):
            return None
        return _NUMBERS[text]
    if token.like_num:
        digits = text.replace(",", "")
        if digits.isdigit():
            return int(digits)
        try:
            return int(float(digits))
        except ValueError:
            return None
    return None


def _count_in_date(token: Token) -> bool:
    """A number the NER put in a DATE or TIME span that names no time ("Between 4 and 9")."""
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    span = [t for t in token.doc[max(token.i - 4, 0) : token.i + 5] if t.ent_iob_ != "O"]
    span = [t for t in span if t.ent_type_ == token.ent_type_]
    return (
        not any(
            (t.lemma_.lower() in _TIME_WORDS and not _of_an_age(t))
            or (t.is_digit and len(t.text) == 4)
            for t in span
        )
        and token.head.lemma_.lower() not in _TIME_WORDS
    )


def _of_an_age(token: Token) -> bool:
    """The "year" of an age ("two 17-year-olds", which the NER takes for a date)."""
    doc = token.doc
    return token.i + 2 < len(doc) and _an_age_for_its_person(doc[token.i + 2])


def _number_value(token: Token) -> tuple[int, int] | None:
    """(value, index of its last token) of the number phrase at `token`, None if not a count."""
    if token.ent_type_ in _NOT_COUNTS and not _count_in_date(token):
        return None
    value = _plain_value(token)
    if value is None:
        return None
    doc = token.doc
    nxt = token.i + 1
    if nxt < len(doc) and doc[nxt].lower_ in ("-", "mm") or token.lower_.endswith("mm"):
        after = doc[nxt + 1] if nxt + 1 < len(doc) else None
        if doc[nxt].lower_ == "mm" or (after is not None and after.lemma_.lower() in _MEASURES):
            return None  # "33-year-old", "122mm", "nine-story"
    last = token.i
    for child in token.children:  # "twenty five" parsed as compound
        if child.i < token.i and child.dep_ in ("compound", "nummod"):
            tens = _plain_value(child)
            if tens is not None and tens >= 20 and value < 10:
                value += tens
    if nxt < len(doc) and doc[nxt].lower_ in _MULTIPLIERS:
        value *= _MULTIPLIERS[doc[nxt].lower_]
        last = nxt
    elif token.lower_ in _MULTIPLIERS and token.i > 0:
        before = _plain_value(doc[token.i - 1])
        if before is not None and doc[token.i - 1].lower_ not in _MULTIPLIERS:
            return None  # counted from the number before it
    # "between 3 and 10", "one or two": the conservative figure is the lower bound
    ranged = any(
        c.lower_ in ("between", "or", "to") and c.dep_ in ("quantmod", "cc", "prep")
        for c in token.children
    ) or (token.head.lower_ == "between")
    for child in token.children:
        if child.dep_ == "conj" and ranged:
            other = _plain_value(child)
            if other is not None:
                value = min(value, other)
    if token.dep_ == "conj" and token.head.i < token.i and _plain_value(token.head) is not None:
        if any(c.dep_ == "quantmod" and c.lower_ == "between" for c in token.head.children):
            return None  # the upper bound of a range read from its lower bound
    return value, last


def _number_child(noun: Token) -> Token | None:
    """The number that counts a noun ("Nine people", "two other people"), None if none."""
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod", "compound") and child.i < noun.i:
            if _dash_before(noun, child.i) is not None:
                continue  # a dateline's day: "RAJSHAHI, Nov 8 - A Jubo Dal activist was killed"
            if _number_value(child) is not None:
                return child
        if child.dep_ in ("poss", "compound") and not is_person(child):
            # "Two Lugansk republic's servicemen", "Two Ukraine soldiers"
            inner = _number_child(child)
            if inner is not None:
                return inner
    return None


def _dash_before(token: Token, start: int) -> int | None:
    """Index of a dash or colon between `start` and `token` ("kills one - Reuters witness")."""
    doc = token.doc
    for t in doc[start + 1 : token.i]:
        if t.text in _DASHES and (t.whitespace_ or doc[t.i - 1].whitespace_):
            return t.i  # not the hyphen inside a word ("a 9-year-old boy")
    return None


def _is_singular(token: Token) -> bool:
    lower = token.lower_
    if lower.endswith("men") or (lower.endswith("s") and token.lemma_.lower() != lower):
        return False
    # (or the "old" of "a 17-year-old": `_an_age_for_its_person`)
    return token.tag_ in ("NN", "NNP") or lower == "old"


@dataclass(frozen=True)
class _Count:
    value: int
    start: int  # token indices, end exclusive
    end: int
    key: int  # token that identifies the victims, for de-duplication
    minimum: int | None = None  # a vague count's least reading
    before: str | None = None  # the words that counted them before ("several armed men")


def _vague(victim: Token) -> _Count | None:
    """A count told with no number ("several insurgents", "dozens of people", "a number of
    militants", "killing scores"): ACLED's figure for the word and the least it supports."""
    doc = victim.doc
    word = victim.lower_
    if word in _VAGUE and word not in ("several", "many", "numerous", "multiple"):
        # "dozens of people", "killing scores": the quantity word is the victim itself
        value, least = _VAGUE[word]
        return _Count(value, victim.i, victim.i + 1, victim.i, least)
    if word == "number" and victim.i > 0 and doc[victim.i - 1].lower_ == "a":
        of = next((c for c in victim.children if c.lower_ == "of"), None)
        if of is not None:
            value, least = _VAGUE["a number of"]
            return _Count(value, victim.i - 1, of.right_edge.i + 1, victim.i, least)
    if word in ("several", "many", "numerous", "multiple") and victim.pos_ in (
        "PRON",
        "ADJ",
        "NOUN",
    ):
        value, least = _VAGUE[word]  # "several were killed"
        return _Count(value, victim.i, victim.i + 1, victim.i, least)
    for child in victim.children:
        if child.i > victim.i or child.dep_ not in ("amod", "det", "nummod", "quantmod"):
            continue
        lower = child.lower_
        if lower == "few" and child.i > 0 and doc[child.i - 1].lower_ == "a":
            value, least = _VAGUE["a few"]
            return _Count(value, child.i - 1, victim.i + 1, victim.i, least)
        if lower in ("several", "many", "numerous", "multiple"):
            value, least = _VAGUE[lower]
            return _Count(value, child.i, victim.i + 1, victim.i, least)
    return None


def _count(victim: Token, anchor: Token) -> _Count | None:
    """How many victims a subject or object names ("at least 35", "a civilian", "another")."""
    before = victim.doc[victim.i - 1] if victim.i > 0 else None
    if victim.lower_ == "one" and before is not None and before.lower_ == "no":
        return _Count(0, before.i, victim.i + 1, victim.i)  # "No one was killed": none
    number = _plain_value(victim) is not None
    if not number and anchor.i < victim.i and _dash_before(victim, anchor.i) is not None:
        # a headline's source after a dash: "kills two - DPR command", "…: official"
        dash = _dash_before(victim, anchor.i) or victim.i
        nums = [t for t in victim.subtree if anchor.i < t.i < dash and t.pos_ == "NUM"]
        found = _number_value(nums[-1]) if nums else None
        if found is None:
            return None
        return _Count(found[0], nums[-1].left_edge.i, dash, nums[-1].i)
    if number:
        found = _number_value(victim)
        if found is None:
            return None
        value, last = found
        return _Count(value, victim.left_edge.i, last + 1, victim.i)
    lemma = victim.lemma_.lower()
    if lemma in _NOT_VICTIMS:
        return None
    if any(c.lower_ == "no" and c.dep_ in ("det", "neg") for c in victim.children):
        if lemma in ("one", "body", "person", "people", "civilian", "casualty") or is_person(
            victim
        ):
            return _Count(0, victim.left_edge.i, victim.i + 1, victim.i)
    if victim.lower_ in ("nobody", "none"):
        return _Count(0, victim.i, victim.i + 1, victim.i)
    vague = _vague(victim)
    if vague is not None:
        return vague
    child = _number_child(victim)
    if child is not None:
        found = _number_value(child)
        if found is None:
            return None
        return _Count(found[0], child.left_edge.i, victim.i + 1, victim.i)
    counted = _counted_before(victim) if anchor.pos_ == "VERB" else None
    if counted is not None:
        return counted
    if victim.lower_ in ("him", "her", "he", "she") and victim.pos_ == "PRON":
        if victim.dep_ in _OBJECTS or victim.dep_ in _SUBJECTS:  # "killing him", "she died"
            return _Count(1, victim.i, victim.i + 1, victim.i)
    if victim.lower_ in _OTHERS and victim.pos_ in ("DET", "PRON", "NOUN", "ADJ"):
        return _Count(1, victim.left_edge.i, victim.i + 1, victim.i)  # "wounds another"
    if (
        before is not None
        and before.dep_ == "amod"
        and before.head.i == victim.i
        and before.lower_ in _PERSONS
        and not is_person(victim)
        and victim.lemma_.lower() not in _NOT_VICTIMS
    ):
        victim = before  # "a male civilian mistaken for …": the parse makes the person an adjective
        if _has_det(victim.head):
            return _Count(1, victim.head.left_edge.i, victim.i + 1, victim.i)
    if _is_singular(victim) and _may_be_person(victim):
        start = victim.i
        for c in victim.children:
            if c.dep_ in ("det", "amod", "compound", "poss") and c.i < victim.i:
                start = min(start, c.left_edge.i)
        if victim.ent_type_ == "PERSON":  # "reporter Benjamin Hall"
            start = min([start] + [c.left_edge.i for c in victim.children if c.i < victim.i])
        return _Count(1, start, victim.i + 1, victim.i)
    return None


def _counted_before(victim: Token) -> _Count | None:
    """The count of a group named again with "the": "several armed men were observed near the
    compound … The armed men were all killed", "spotted several suspected insurgents … the
    insurgents fired and were killed". The same plural person noun, counted in one of the
    sentences just before (`BACK_SENTENCES`), gives its count; not when that count was already
    a toll ("killed 17 militants … The militants were killed after they opened fire" tells the
    same deaths again), nor for a victim the verb does not make one now ("the dead soldiers")."""
    if victim.tag_ != "NNS" or not is_person(victim):
        return None
    if not _definite(victim):
        return None
    doc, lemma = victim.doc, victim.lemma_.lower()
    first = victim.sent.start
    for _ in range(BACK_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for token in reversed(doc[first : victim.left_edge.i]):
        if token.lemma_.lower() != lemma or token.tag_ != "NNS":
            continue
        count = _vague(token)
        child = _number_child(token) if count is None else None
        found = _number_value(child) if child is not None else None
        if found is not None:
            count = _Count(found[0], token.left_edge.i, token.i + 1, token.i)
        if count is None and _definite(token):
            continue  # named again before too: "the insurgents split up … the insurgents fled"
        if count is None or _a_toll(token):
            return None  # a group named anew and not counted, or counted as victims already
        told = doc[min(count.start, token.left_edge.i) : token.i + 1].text
        return _Count(count.value, victim.left_edge.i, victim.i + 1, victim.i, count.minimum, told)
    return None


def _a_toll(noun: Token) -> bool:
    """Whether a noun is counted as victims where it stands: the subject or object of a
    casualty verb, or with a casualty word of its own ("17 militants killed", "three dead")."""
    argument = noun.dep_ in _SUBJECTS or noun.dep_ in _OBJECTS
    return (argument and _kind(noun.head) is not None) or any(
        _kind(c) is not None for c in noun.children
    )


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children)


def _one_body(noun: Token) -> _Count | None:
    """ "His dead body was found": one victim; a bare "the body" repeats one named before."""
    if _is_singular(noun) and any(c.lower_ == "dead" for c in noun.children):
        return _Count(1, noun.left_edge.i, noun.i + 1, noun.i)
    return None


def _group_total(token: Token) -> int | None:
    """How many victims a noun and the nouns coordinated with it count, None if one is uncounted."""
    items, stack = [token], [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj":
                items.append(child)
                stack.append(child)
    total = 0
    for t in items:
        count = _count(t, t)
        if count is None:
            return None
        total += count.value
    return total


def _has_det(noun: Token) -> bool:
    """A noun introduced by a determiner, a possessive or a number ("a child", "his son")."""
    return any(
        c.dep_ in ("det", "poss", "nummod") and c.i < noun.i and c.lower_ != "no"
        for c in noun.children
    )


def _names_part(appos: Token) -> bool:
    """An apposition that names part of the group before it ("three of them soldiers")."""
    for t in appos.subtree:
        if t.lower_ in _PART_WORDS:
            return True
        if t.lower_ == "of" and any(
            c.lower_ in ("them", "us", "those", "whom", "which") for c in t.children
        ):
            return True
    return False


def _lists(head: Token, appos: Token) -> bool:
    """Whether an apposition adds a victim group to `head` ("Three civilians, two soldiers") rather
    than restating it ("five people, a woman and four children") or naming part of it ("four
    people, three of them soldiers"): ACLED counts a comma list as one event, its total toll."""
    if _kind(appos) is not None or _names_part(appos) or _names_part(head):
        return False
    counted = _plain_value(appos) is not None or _number_child(appos) is not None
    if not counted:
        det = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in appos.children)
        if not (det and is_person(appos) and _number_child(head) is not None):
            return False  # "the chief hunter, a customary authority" names the same person
    return not _breaks_down(head, appos, appos=True)


def _breaks_down(head: Token, group: Token, appos: bool) -> bool:
    """Whether `group` (with its conjuncts) restates or divides the counted group `head` rather
    than adding to it: "five people, a woman and four children", "five civilians, three women
    and two children"; but "Three civilians, two soldiers killed" adds soldiers to civilians.
    A list after a comma that the parse makes conjuncts breaks down only if it adds up to it."""
    lemma = head.lemma_.lower()
    if lemma not in _GENERIC_VICTIMS and lemma not in _CIVILIAN_VICTIMS:
        return False
    own = _count(head, head)
    if own is None:
        return False  # "the victims, two soldiers and a civilian": the only count
    words = {t.lower_ for t in group.subtree} | {t.lemma_.lower() for t in group.subtree}
    combatants = bool(words & COMBATANT_WORDS)
    same_total = _group_total(group) == own.value
    if lemma in _CIVILIAN_VICTIMS:  # civilians are never soldiers
        return not combatants and (appos or same_total)
    return same_total or (appos and not combatants)


def _restates(head: Token, conj: Token) -> bool:
    """A list after a comma that breaks down the group before it (conjuncts in the parse)."""
    first = conj.left_edge.i
    if first == 0 or conj.doc[first - 1].text != ",":
        return False
    return _breaks_down(head, conj, appos=False)


def _with_conjuncts(token: Token, anchor: Token | None = None) -> Iterator[Token]:
    """A victim and those coordinated or listed with it ("2 civilians and 3 soldiers")."""
    yield token
    for child in token.children:
        if child.dep_ in ("conj", "appos") and child.i > token.i:
            if child.dep_ == "appos" and not _lists(token, child):
                continue
            if child.dep_ == "appos" and _an_age(token, child):
                continue  # "a teenager, 16,"
            if child.dep_ == "conj" and _restates(token, child):
                continue
            if _tells(child):
                continue  # "killed 31 civilians, three residents and a rights group said"
            nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if any(
                _kind(c) is not None and (anchor is None or c.i != anchor.i) for c in child.children
            ) or (
                nxt is not None and _kind(nxt) is not None and (anchor is None or nxt.i != anchor.i)
            ):
                continue  # "3 civilians killed, 3 wounded": the second has its own verb
            parallel = anchor is not None and anchor.dep_ == "acl" and anchor.head.i == token.i
            if (
                nxt is not None
                and nxt.tag_ == "VBN"
                and nxt.i != (anchor.i if anchor else -1)
                # "a woman accused of sorcery" describes her, unless the first group has its
                # own participle too: "two bombers killed and ten hostages freed"
                and (nxt.head.i != child.i or parallel)
            ):
                continue
            yield from _with_conjuncts(child, anchor)


def _an_age(head: Token, appos: Token) -> bool:
    """A bare number set after one person between commas is an age ("a farmer, 45, and his
    son, 12"): one person is one victim, whatever the number."""
    return (
        appos.pos_ == "NUM"
        and _plain_value(appos) is not None
        and _is_singular(head)
        and is_person(head)
    )


def _tells(noun: Token) -> bool:
    """A group listed after a comma that is the subject of the speech verb right after it ("…,
    three residents and a local rights group said", "…, two officials told Reuters"): the
    sources of the toll, not more victims, whichever way the parse hangs them."""
    doc = noun.doc
    first = noun.left_edge.i
    if first == 0 or doc[first - 1].text != ",":
        return False
    last = noun.right_edge.i
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    return (
        nxt is not None
        and nxt.lemma_.lower() in _REPORT_VERBS
        and nxt.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in _SUBJECTS for c in nxt.children if c.i > nxt.i)
    )


def _names_part_of_before(victim: Token, before: Token) -> bool:
    """A second object of the verb that names part of the first ("killing nine people, among them
    two nurses", "… , including three children"): the part is already in the first figure."""
    between = victim.doc[before.i + 1 : victim.i]
    if any(t.lower_ in _PART_OPENERS for t in between):
        return True
    return any(
        t.lower_ == "of" and t.i + 1 < victim.i and victim.doc[t.i + 1].lower_ in ("them", "whom")
        for t in between
    )


def _first_listed(noun: Token, anchor: Token) -> Token:
    """The first of the groups a headline lists before its verb: "Three civilians, two soldiers
    killed" hangs the verb on the last one."""
    while noun.dep_ == "appos" and noun.head.i < noun.i and _lists(noun.head, noun):
        head = noun.head
        if any(_kind(c) is not None and c.i != anchor.i for c in head.children):
            break  # "Three civilians killed, two soldiers wounded"
        noun = head
    return noun


def _as_well_as(verb: Token) -> Iterator[Token]:
    """Victims added with "as well as" ("Two policemen died as well as two assailants")."""
    for child in verb.children:
        if child.dep_ in ("npadvmod", "pobj", "prep") and child.i >= 3:
            doc = child.doc
            if child.dep_ == "prep" and child.lower_ == "as":
                if doc[child.i - 2 : child.i].text.lower() == "as well":
                    yield from (c for c in child.children if c.dep_ == "pobj")
            elif doc[child.i - 3 : child.i].text.lower().endswith("as well as"):
                yield child
            else:
                first = child.left_edge.i
                if first >= 3 and doc[first - 3 : first].text.lower() == "as well as":
                    yield child


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in _OBJECTS]
    if not objs and verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "shot and killed a man"
        objs = [c for c in verb.head.children if c.dep_ in _OBJECTS and c.i > verb.i]
    if not objs:  # "killed and mutilated a farmer": the object shared with the next verb
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB":
                objs = [
                    c
                    for c in conj.children
                    if c.dep_ in _OBJECTS and (is_person(c) or _number_child(c) is not None)
                ]
                break
    if not objs:  # "killed by machete a pastoralist": the parse hangs the object elsewhere
        objs = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "NUM")]
    if not objs and verb.dep_ == "acl" and _number_child(verb.head) is None:
        # "individuals killed by machete a Fulani man": the victim hung on the killers
        objs = [
            c
            for c in verb.head.children
            if c.dep_ == "appos" and c.i > verb.i and is_person(c) and _has_det(c)
        ]
    if not objs:  # "killed and mutilated a convert working as a mason": a clause's subject
        verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        objs = [
            s
            for v in verbs
            for c in v.children
            if c.dep_ == "ccomp" and c.tag_ == "VBG" and c.i > v.i
            for s in c.children
            if s.dep_ == "nsubj" and is_person(s) and _has_det(s)
        ][:1]
    return objs


def _is_passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps or ("auxpass" in deps and verb.tag_ == "VBN" and "dobj" not in deps)


def _verb_victims(verb: Token, intransitive: bool) -> list[Token]:
    shared = verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX")
    if shared and not any(c.dep_ in _SUBJECTS or c.dep_ in _OBJECTS for c in verb.children):
        if _is_passive(verb.head):  # "a man was shot and killed": the subject is shared
            return [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    if (
        verb.dep_ in ("xcomp", "oprd")
        and verb.tag_ == "VBN"
        and _is_passive(verb.head)
        and not any(c.dep_ in _OBJECTS for c in verb.children)
    ):
        # "two soldiers were reported killed", "a commander was confirmed killed": the victims
        # are the subject of the verb that reports the deaths
        return [c for c in verb.head.children if c.dep_ == "nsubjpass"] + list(_as_well_as(verb))
    if intransitive or _is_passive(verb):
        subj = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if not subj and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "a man was shot and killed", "was attacked … and died": the subject is shared
            subj = [c for c in verb.head.children if c.dep_ in _SUBJECTS]
        if not subj and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            subj = [_first_listed(verb.head, verb)]  # "resulted in six Afghans being killed"
        if not subj:
            subj = _gerund_subject(verb)
        return subj + list(_as_well_as(verb))
    objs = [c for c in verb.children if c.dep_ in _OBJECTS] or _objects(verb)
    if objs:
        # "killing a girl, 7, and her father": an age between commas can tear the list, and
        # the parse hangs the next victim on the verb
        return objs + [
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ in ("NOUN", "PROPN")
            and c.i > objs[-1].i
            and is_person(c)
            and (_introduced(c) or _number_child(c) is not None)
        ]
    subj = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if subj and (verb.tag_ == "VBN" or verb.dep_ == "acl"):
        head = verb.head
        if verb.dep_ == "acl" and head.i < subj[0].i and _number_child(head) is not None:
            if _lists(head, subj[0]):  # "Four gendarmes, two herders killed": the parse hangs
                return [head, *subj]  # the verb on the first group, the second as its subject
        return subj
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB":
        first = first.head  # "leaving two men shot and killed"
    if first.dep_ in ("oprd", "xcomp", "ccomp") and first.head.lemma_.lower() == "leave":
        return [c for c in first.head.children if c.dep_ in _OBJECTS]  # "left 4 people killed"
    objs = _objects(verb)
    if objs:
        return objs
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.dep_ == "acl" and before is not None and _plain_value(before) is not None:
        return [before]  # "Three dead and two injured": the number right before the participle
    if verb.dep_ in ("acl", "amod", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return [_first_listed(verb.head, verb)]  # "30 militiamen killed in mortar shelling"
    told = _told_victims(verb)
    if told:
        return told
    if verb.tag_ in ("VBN", "VBD"):  # headline style: "Two soldiers killed in ambush"
        subj = [c for c in verb.children if c.dep_ in _SUBJECTS]
        counted = [c for c in subj if _plain_value(c) is not None or _number_child(c) is not None]
        if counted:  # "Five soldiers, a child killed": a listed person counts too
            counted += [c for c in subj if c not in counted and is_person(c) and _has_det(c)]
            return sorted(counted, key=lambda c: c.i)
        return subj
    return []


def _gerund_subject(verb: Token) -> list[Token]:
    """The victims of a passive gerund the parse left without a subject: the noun right before
    its "being" ("which resulted in six Afghans being killed", "led to two guards being
    wounded", where "killed" hangs on "resulted" and "Afghans" on "in")."""
    being = next((c for c in verb.children if c.dep_ == "auxpass" and c.lower_ == "being"), None)
    if being is None or being.i == 0:
        return []
    before = verb.doc[being.i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or before.dep_ not in ("pobj", "dobj"):
        return []
    return [_first_listed(before, verb)]


def _told_victims(verb: Token) -> list[Token]:
    """The counted victims right after a participle that the parse made the subject of the
    sentence's speech verb ("…, killing at least six people, four of them soldiers, a police
    officer … said": "people" hangs on "said")."""
    if verb.tag_ != "VBG" or any(c.dep_ in _OBJECTS for c in verb.children):
        return []
    doc = verb.doc
    for t in doc[verb.i + 1 : min(verb.i + 6, len(doc))]:
        if t.left_edge.i != verb.i + 1 or t.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        if (
            t.dep_ in _SUBJECTS
            and t.head.i > t.i
            and t.head.lemma_.lower() in _REPORT_VERBS
            and (_plain_value(t) is not None or _number_child(t) is not None)
        ):
            return [t]
    return []


def _governed_by_casualty(noun: Token) -> bool:
    head = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass", "dobj") and _kind(head) is not None


def _adjective_victims(adj: Token) -> list[Token]:
    for child in adj.children:
        if child.dep_ in ("nummod", "nsubj", "nsubjpass") and child.i < adj.i:
            return [child]  # "3 dead", "three wounded"
    if adj.i > 0 and _plain_value(adj.doc[adj.i - 1]) is not None:
        return [adj.doc[adj.i - 1]]  # "- one dead, nine wounded": the number right before
    head = adj.head
    if head.i == adj.i:
        return []
    if _plain_value(head) is not None and adj.dep_ in ("amod", "acl"):
        return [head]  # "two dead"
    if adj.dep_ in ("amod", "acl", "appos") and head.pos_ in ("NOUN", "PROPN"):
        if _governed_by_casualty(head):
            return []  # "One injured policeman later died"
        if head.i < adj.i or head.tag_ not in ("NN", "NNP"):
            return [head]  # "Three rebels dead"
    if adj.dep_ in ("oprd", "xcomp", "ccomp", "advmod", "acomp", "attr", "conj"):
        if head.lemma_.lower() in _FINDING_VERBS or head.pos_ in ("VERB", "AUX"):
            if adj.dep_ == "conj" and head.pos_ != "VERB":
                return []
            objs = [c for c in head.children if c.dep_ in _OBJECTS]
            if objs:
                return objs  # "left 4 people dead", "shot dead a man"
            return [c for c in head.children if c.dep_ in _SUBJECTS]  # "was found dead"
    before = adj.doc[adj.i - 1] if adj.i > 0 else None
    if before is not None and before.pos_ == "VERB" and adj.dep_ == "amod":
        if head.dep_ in _OBJECTS and head.i > adj.i:
            return [head]  # "shot dead one assailant"
    if before is not None and (
        before.dep_ in _OBJECTS or before.dep_ in _SUBJECTS or _number_child(before) is not None
    ):
        return [before]  # a parse torn by a headline's dash: "leaves one militiaman dead - …"
    return []


def _noun_victims(noun: Token) -> list[Token]:
    out = [
        c
        for c in noun.children
        if c.dep_ in ("nummod", "appos", "quantmod") and _plain_value(c) is not None
    ]
    if out:
        return out  # "2 fatalities", "Fatalities: 3"
    out = [c for c in noun.children if c.dep_ == "appos" and _number_child(c) is not None]
    if out:
        return out  # "the death of a civilian, 2 militiamen"
    if any(c.lower_ == "no" and c.dep_ == "det" for c in noun.children):
        return [noun]  # "no fatalities"
    if noun.lemma_.lower() in ("body", "corpse") and any(c.lower_ == "dead" for c in noun.children):
        return [noun]
    lemma = noun.lemma_.lower()
    head = noun.head
    if lemma == "life" and head.lemma_.lower() in ("lose", "give", "sacrifice"):
        return [c for c in head.children if c.dep_ in _SUBJECTS]  # "3 soldiers lost their lives"
    if lemma == "death" and head.lower_ == "to" and head.head.lemma_.lower() in _TO_DEATH_VERBS:
        verb = head.head  # "beat to death a thief", "burned two robbers to death"
        return _verb_victims(verb, False) if not _is_passive(verb) else _verb_victims(verb, True)
    caused = head.lemma_.lower() in ("cause", "in", "to") and head.head.lemma_.lower() in (
        "cause",
        "result",
        "lead",
    )
    for child in noun.children:  # "the lives of 7", "the death of three armed men"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (
                    _plain_value(pobj) is not None
                    or _number_child(pobj) is not None
                    or _vague(pobj) is not None  # "the killing of several of the men"
                    or (caused or head.lemma_.lower() == "cause")
                    and is_person(pobj)
                ):
                    return [pobj]  # "resulted in the death of the pastoralist"
    return []


def _toll_victims(noun: Token) -> list[Token]:
    """The figure of a running toll: "the death toll rose to 12", "a toll of 9", "bringing the
    death toll to 14"; a bare "the toll" only where it changes ("the toll had risen to 14")."""
    kinds = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    if kinds and not kinds & (_FATAL_NOUNS | {"casualty", "fatality", "death", "dead"}):
        return []  # "the human toll", "the economic toll"
    if not kinds and not (
        noun.head.lemma_.lower() in _TOLL_VERBS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    ):
        return []
    for child in noun.children:
        if child.dep_ == "poss" and child.lemma_.lower() in _AGGREGATE_OWNERS:
            return []  # "the war's death toll"
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
            # ("the death toll from the unrest had risen to at least 45": the whole wave's;
            # "the death toll from the fighting" may be one fight's)
            owners = _AGGREGATE_OWNERS if child.lower_ == "of" else _AGGREGATE_SOURCES
            if any(p.lemma_.lower() in owners for p in child.children if p.dep_ == "pobj"):
                return []
        if child.dep_ == "prep" and child.lower_ == "of":
            pobjs = [p for p in child.children if p.dep_ == "pobj"]
            nums = [p for p in pobjs if _plain_value(p) is not None]
            if nums:
                return nums
    return _changed_to(noun)


def _changed_to(noun: Token) -> list[Token]:
    """The figure a running count changes to or stands at: "the toll rose to 14", "stands at
    14", "bringing the toll to 14", "the number of dead rose to 14"."""
    verb = noun.head
    if noun.dep_ in _SUBJECTS or (
        noun.dep_ == "dobj" and verb.lemma_.lower() in _TOLL_SETTING_VERBS
    ):
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "at"):
                nums = [p for p in child.children if _plain_value(p) is not None]
                if nums:
                    return nums[:1]
            if noun.dep_ in _SUBJECTS and child.dep_ in ("attr", "dobj"):
                if _plain_value(child) is not None:
                    return [child]
    return []


def _kind(token: Token) -> str | None:
    """Which casualty word a token is: "fatal_verb", "injury_adj", …; None for other words."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    pos = token.pos_
    if pos in ("VERB", "AUX") or token.tag_.startswith("VB"):
        if lemma in _FATAL_VERBS or lower in ("killed", "slain"):
            return "fatal_verb"
        if lemma in _INJURY_VERBS or lower in ("wounded", "injured", "hurt"):
            if pos == "ADJ":
                return "injury_adj"
            return "injury_verb"
        if lemma in _INTRANSITIVE:
            return "fatal_intransitive"
        if any(c.lower_ == "fatally" for c in token.children) and pos == "VERB":
            return "fatal_verb"  # "fatally assaulted"
    if pos == "ADJ" or token.dep_ in ("amod", "oprd", "acomp"):
        if lower in _FATAL_ADJ:
            return "fatal_adj"
        if lower in _INJURY_ADJ:
            return "injury_adj"
    if pos in ("NOUN", "PROPN", "PRON") or token.tag_.startswith("NN"):
        if lemma in _TOLL_NOUNS:
            return "toll_noun"
        if lemma in _COUNT_NOUNS:
            return _count_of(token)
        if lemma in _CASUALTY_NOUNS:
            return "casualty_noun"
        if lemma in _FATAL_NOUNS or lower in _FATAL_NOUNS:
            return "fatal_noun"
        if lemma in _INJURY_NOUNS or lower in _INJURY_NOUNS:
            return "injury_noun"
    return None


def _count_of(noun: Token) -> str | None:
    """ "the number of dead", "the number of people killed", "the number of wounded": a running
    count of the dead ("fatal_number") or the wounded ("injury_number") when it changes."""
    if noun.head.lemma_.lower() not in _TOLL_VERBS:
        return None  # "the number of dead is unknown"
    for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for counted in (p for p in of.children if p.dep_ == "pobj"):
            words = [counted, *(c for c in counted.children if c.dep_ in ("acl", "amod"))]
            where = [
                p
                for w in words
                for prep in w.children
                if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "from", "across")
                for p in prep.children
                if p.dep_ == "pobj"
            ]
            if any(p.lemma_.lower() not in _EVENT_NOUNS for p in where):
                return None  # "the number of people killed in south Trinidad", "… in a day"
            lemmas = {w.lemma_.lower() for w in words} | {w.lower_ for w in words}
            if lemmas & (_FATAL_NOUNS | _FATAL_ADJ | _FATAL_VERBS | _INTRANSITIVE):
                return "fatal_number"
            if lemmas & (_INJURY_NOUNS | _INJURY_ADJ | _INJURY_VERBS):
                return "injury_number"
    return None


def _clause(token: Token) -> Token:
    """The nearest verb at or above a token: the clause whose modifiers qualify its toll."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _aggregate(anchor: Token, victim: Token) -> str | None:
    """Why a toll is a total over a period or a place rather than one event's, None if it is not."""
    clause = _clause(anchor)
    tokens = list(clause.subtree)
    if victim.i not in {t.i for t in tokens}:
        tokens.extend(victim.subtree)
    # what opens a coordination qualifies each of its verbs: "In total, 51 soldiers were
    # killed and 30 were wounded" (the parse hangs "In total" on the first verb only)
    first = clause
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    if first is not clause:
        for c in first.children:
            if c.i < first.i and c.dep_ in ("prep", "advmod", "npadvmod"):
                tokens.extend(c.subtree)
    total = running_total(anchor)
    if total is not None:
        return total
    own = _paren_of(anchor)
    tokens = [t for t in tokens if _paren_of(t) in (-1, own)]  # another aside is no qualifier
    words = " ".join(t.lower_ for t in tokens)
    for phrase in _AGGREGATE_PHRASES:
        if phrase in words:
            return f"'{phrase}'"
    for t in tokens:
        lemma = t.lemma_.lower()
        if lemma in _AGGREGATE_WORDS:
            return f"'{t.text}'"
        if t.lower_ == "since":
            objs = [w.lower_ for w in t.subtree if w.i != t.i]
            if not _SINCE_OK.intersection(objs):
                return "'since'"
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "over", "during", "throughout", "for"):
            if lemma in _LONG_PERIODS and _ranked(t.head.head):
                continue  # "one of the deadliest attacks in the war": one attack, ranked
            if lemma in _LONG_PERIODS and any(
                c.lower_ in ("past", "last", "this", "the", "that", "previous", "recent")
                for c in t.children
            ):
                return f"'{t.head.text} … {t.text}'"
            if lemma in _COUNTED_PERIODS and t.tag_ == "NNS":
                counts = [_plain_value(c) for c in t.children if c.dep_ == "nummod"]
                if any(v is not None and v > 1 for v in counts) or any(
                    c.lower_ in ("several", "few") for c in t.children
                ):
                    return f"'{t.head.text} … {t.text}'"  # "in two weeks", "over ten days"
            if (
                t.lower_ in _MONTHS
                and t.text[:1].isupper()
                and not any(c.like_num or c.dep_ == "det" for c in t.children)
            ):
                return f"'{t.head.text} {t.text}'"  # "in May" (not "during a march")
            if t.like_num and len(t.text) == 4 and t.text.isdigit() and 1900 < int(t.text) < 2100:
                return f"'{t.head.text} {t.text}'"  # "in 2014"
        if lemma in ("event", "incident") and t.tag_ == "NNS":
            return f"'{t.text}'"  # "as the result of these two events"
        if (
            t.dep_ == "pobj"
            and t.head.lower_ == "across"
            and lemma
            in (
                "region",
                "country",
                "front",
                "oblast",
                "province",
                "state",
            )
        ):
            return f"'across … {t.text}'"
        if t.dep_ == "npadvmod" and lemma in _LONG_PERIODS and lemma not in ("war", "conflict"):
            if any(c.lower_ in ("this", "last", "past") for c in t.children):
                return f"'{t.text}'"  # "so far this year", "last month"
    return None


def _ranked(noun: Token) -> bool:
    """ "the deadliest attack", "one of the most serious attacks": an act ranked by a
    superlative among those of a war names one act (not "the deadliest year")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in _LONG_PERIODS | _COUNTED_PERIODS:
        return False
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or any(a.tag_ == "RBS" for a in c.children))
        for c in noun.children
    )


def running_total(anchor: Token) -> str | None:
    """Why a perfect-tense clause sums a conflict up rather than telling one event, None if it
    does not: its subject is a war, an insurgency or its violence ("the war has killed at least
    20,000 people"), or it counts in thousands ("… have been killed, 1,200 of them children"),
    or with an aggregate word ("a total of", "in all"). An attack's perfect ("an airstrike has
    killed 12 people", "three insurgents have been killed") stays one event's toll. The one
    test of a running total: the toll reader, the background of cues and the linking of
    follow-ups all ask it."""
    chain = [_clause(anchor)]  # "has killed", "has left … dead", "has claimed … lives"
    while (
        chain[-1].dep_ in ("conj", "advcl")
        and chain[-1].head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in _SUBJECTS for c in chain[-1].children)
    ):
        # "has killed … and displaced …": aux and subject shared; "Violence linked to the
        # insurgency has killed …" can be parsed with "linked" as the main verb
        chain.append(chain[-1].head)
    if not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ != "VBD"
        for verb in chain
        for c in verb.children
    ):
        return None  # "had killed" is a past event's pluperfect
    for subject in (c for verb in chain for c in verb.children if c.dep_ in _SUBJECTS):
        words = {subject.lemma_.lower()} | {
            c.lemma_.lower() for c in subject.children if c.dep_ in ("compound", "amod")
        }
        if words & _AGGREGATE_SUBJECTS:
            return "a running total of the whole conflict"
    for arg in (c for c in chain[0].children if c.dep_ in ("dobj", "nsubjpass")):
        for t in [arg, *arg.children]:
            if t.like_num and _as_number(t.text) >= RUNNING_TOTAL_MIN:
                return f"a running total ('{t.text}')"
            if t.lower_ in _RUNNING_WORDS or any(g.lower_ in _RUNNING_WORDS for g in t.children):
                return f"a running total ('{t.text}')"
    return None


def _as_number(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


def _paren_of(token: Token) -> int:
    """Index of the "(" of the parenthesis a token sits in, -1 outside any (within 30 tokens)."""
    doc = token.doc
    for i in range(token.i - 1, max(token.i - 30, -1), -1):
        if doc[i].text == ")" or doc[i].is_sent_start and i != token.i:
            return -1
        if doc[i].text == "(":
            return i
    return -1


def _split_note(sent: Span) -> bool:
    """A toll the text shares out among several events ("[6 fatalities split among 25 events]")."""
    for t in sent:
        if t.lower_ == "split" and t.i + 1 < len(t.doc):
            if t.doc[t.i + 1].lower_ in ("among", "between", "across", "over"):
                return True
        if t.lower_ == "separate" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_ == "event":
            return True  # "(coded as a separate event)"
    return False


def _reported(verb: Token) -> bool:
    """A clause that reports what someone said ("the army said its drones had struck …"): its
    past perfect is the reporter's tense, not an earlier event's."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORT_VERBS


def _uncertain(anchor: Token) -> bool:
    """A toll that is denied, asked, hypothetical or background to the event reported.

    "unclear if there were any casualties", "tried to lynch a woman", "accused of killing a
    villager", "after one of their colleagues was killed", "who had killed the son".
    """
    clause = _clause(anchor)
    nodes = [anchor, clause]
    if clause.dep_ == "conj":  # "after a bridge was destroyed and a child died"
        nodes.append(clause.head)
    if clause.dep_ == "advcl" and clause.left_edge.i > 0:
        before = clause.doc[clause.left_edge.i - 1]
        if before.lower_ in _BACKGROUND_MARKS and before.dep_ == "prep":
            return True  # "demonstrated after one of their colleagues was killed"
    for node in nodes:
        for child in node.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ == "mark" and child.lower_ in _BACKGROUND_MARKS:
                return True
            if child.dep_ == "aux" and child.lower_ in ("could", "might", "may", "would"):
                return True
            if (
                child.dep_ == "aux"
                and child.lower_ == "had"
                and not _reported(node)
                and not (
                    anchor.lemma_.lower() in _RUNNING_NOUNS
                    and node.lemma_.lower() in _TOLL_CHANGE_VERBS
                )
            ):
                # "who had killed the son"; but "the army said it had killed 20", and a toll
                # that had risen is where it stands now ("by evening the toll had risen to 14";
                # not "officials had brought the toll to 8", an earlier figure)
                return True
            if (
                child.dep_ == "auxpass"
                and child.lower_ == "been"
                and any(c.lower_ == "had" for c in node.children)
            ):
                return True
    if _in_a_rejected_claim(clause):
        return True
    node = anchor
    for _ in range(5):
        if node.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
            break
        head = node.head
        frame = head.lemma_.lower()
        perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in node.children)
        tried = frame in _TRY_VERBS and node.dep_ != "advcl"  # not "tried …, setting off clashes"
        if tried or (frame in _ALLEGE_VERBS and (head.dep_ != "ROOT" or perfect)):
            return True  # "attempted to burn to death", "a man accused of killing a child",
            # "the hunter is believed to have murdered a colleague the day before"
        if head.dep_ == "prep" and head.lower_ in ("after", "following", "for"):
            return True  # "demonstrated after a child died"
        node = head
    return False


def _in_a_rejected_claim(clause: Token) -> bool:
    """ "Claims … that five soldiers died … are false", "dismissed claims that twelve soldiers
    were killed": a toll in the content of a claim the story calls false or rejects."""
    node = clause
    for _ in range(3):  # "claims [made by the group] that five soldiers died"
        if node.dep_ not in ("acl", "ccomp"):
            return False
        claim = node.head
        forms = {claim.lemma_.lower(), claim.lower_, claim.lower_.removesuffix("s")}
        if forms & CLAIM_NOUNS:
            break
        node = claim
    else:
        return False
    verb = claim.head
    if claim.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in REJECTING_VERBS:
        return True
    if claim.dep_ in ("nsubj", "nsubjpass"):
        said = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
        said += [g for c in verb.children if c.dep_ == "conj" for g in c.children]
        return any(t.lemma_.lower() in FALSE_WORDS for s in said for t in s.subtree)
    return False


def _victims(anchor: Token, kind: str) -> list[Token]:
    if kind in ("fatal_verb", "injury_verb"):
        if anchor.dep_ == "amod" and anchor.head.pos_ in ("NOUN", "PROPN"):
            if _governed_by_casualty(anchor.head):
                return []
        return _verb_victims(anchor, False)
    if kind == "fatal_intransitive":
        return _verb_victims(anchor, True)
    if kind in ("fatal_adj", "injury_adj"):
        return _adjective_victims(anchor)
    if kind == "toll_noun":
        return _toll_victims(anchor)
    if kind in _RUNNING_COUNTS:
        return _changed_to(anchor)
    return _noun_victims(anchor)


def _up_from(anchor: Token) -> bool:
    """ "four assailants dead, up from two announced earlier", "nine wounded (down from 11)": a
    figure told against the one given before, a running toll's revision."""
    doc = anchor.doc
    end = min(anchor.i + 6, anchor.sent.end - 1)
    return any(
        doc[i].lower_ in ("up", "down") and doc[i + 1].lower_ == "from"
        for i in range(anchor.i + 1, end)
    )


def toll_figures(sent: Span) -> list[TollFigure]:
    """The casualty figures a sentence states for one event; aggregates and statistics excluded."""
    doc = sent.doc
    if _split_note(sent):
        return []
    figures: list[TollFigure] = []
    seen: set[tuple[str, int]] = set()
    for anchor in sent:
        kind = _kind(anchor)
        if kind is None:
            continue
        victims = _victims(anchor, kind)
        if not victims or _uncertain(anchor):
            continue
        fields = [INJURIES] if kind.startswith("injury") else [FATALITIES]
        revises = kind in _REVISING_KINDS or _up_from(anchor)
        if kind == "casualty_noun":
            fields = [FATALITIES, INJURIES]
        for k, first in enumerate(victims):
            if k > 0 and _names_part_of_before(first, victims[k - 1]):
                continue
            for victim in _with_conjuncts(first, anchor):
                if victim.i == anchor.i and kind != "casualty_noun":
                    if not any(c.lower_ == "no" for c in victim.children):
                        continue
                count = _count(victim, anchor)
                if victim.i == anchor.i and anchor.lemma_.lower() in ("body", "corpse"):
                    count = _one_body(anchor)
                if count is None:
                    continue
                if kind == "casualty_noun" and count.value != 0:
                    continue  # "3 casualties" mixes the dead and the wounded
                if _aggregate(anchor, victim) is not None:
                    continue
                start, end = doc[count.start].idx, doc[count.end - 1].idx + len(doc[count.end - 1])
                text = doc_text(doc)[start:end]
                for field_name in fields:
                    if (field_name, count.key) in seen:
                        continue
                    seen.add((field_name, count.key))
                    figures.append(
                        TollFigure(
                            field=field_name,
                            value=count.value,
                            start=start,
                            end=end,
                            text=text,
                            reason=_count_reason(anchor, text, count, revises),
                            minimum=count.minimum,
                            revises=revises,
                        )
                    )
    figures.sort(key=lambda f: (f.start, f.field))
    return _latest_revision(figures)


def states_a_running_toll(sent: Span) -> bool:
    """Whether a sentence names a running toll ("By Monday the toll had risen to 14."): its
    figures are read even when it has no casualty word of its own."""
    return any(t.lemma_.lower() in _RUNNING_NOUNS for t in sent)


def _latest_revision(figures: list[TollFigure]) -> list[TollFigure]:
    """A running toll replaces the figures of its field told before it in the sentence ("Early
    reports gave 12 dead, but by evening the toll had risen to 14": 14; "Two of the wounded
    died later, bringing the death toll to 14": 14, not 16)."""
    kept: list[TollFigure] = []
    for figure in figures:
        if figure.revises:
            kept = [f for f in kept if f.field != figure.field]
        kept.append(figure)
    return kept


def _count_reason(anchor: Token, text: str, count: _Count, revises: bool = False) -> str:
    told = f" (counted before: '{count.before}')" if count.before else ""
    if revises:
        told += " (a running toll: it replaces a figure told before)"
    if count.minimum is None:
        return f"'{anchor.text}' ← '{text}'{told} = {count.value}"
    return (
        f"'{anchor.text}' ← '{text}'{told}: a vague count, {count.value} as ACLED codes it,"
        f" at least {count.minimum}"
    )


def subject_is_victim(verb: Token) -> bool:
    """A casualty verb whose subject is its victim, not its author: "four people died", the
    headline "Three civilians killed, two soldiers wounded" (a killing verb with no object)."""
    kind = _kind(verb)
    if kind == "fatal_intransitive":
        return True
    if kind not in ("fatal_verb", "injury_verb"):
        return False
    return _is_passive(verb) or not (
        any(c.dep_ in _OBJECTS for c in verb.children) or _objects(verb)
    )


def _points_back(token: Token) -> bool:
    """An event noun with a definite determiner ("the attack"), or a pronoun standing for one."""
    if token.lower_ in _BACK_PRONOUNS and token.pos_ == "PRON":
        return True
    if token.lemma_.lower() not in _EVENT_NOUNS:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in _BACK_DETS for c in token.children)


def _the_scene(token: Token) -> bool:
    """ "the scene": where the event told before happened."""
    return token.lemma_.lower() == "scene" and any(
        c.dep_ == "det" and c.lower_ in _BACK_DETS for c in token.children
    )


def names_it_again(sent: Span) -> bool:
    """True if the sentence's subject is the event named before, by its noun ("The bomb went
    off at about 9 pm on Wednesday", "The raid began before dawn") or by its author's ("The
    bomber … detonated explosives"): what it says, its day too, is about that event."""
    root = sent.root
    # (the clause a reporting verb governs: "The bomb went off …, a police officer said")
    heads = [root, *(c for c in root.children if c.dep_ == "ccomp")]
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.pos_ == "NOUN"
        and (_points_back(c) or _author_again(c))
        for head in heads
        for c in head.children
    )


def _author_again(token: Token) -> bool:
    """The attack's author named again by a definite noun: "The bomber, disguised as a woman,
    walked past a guard … on Wednesday and detonated explosives", "The gunmen fled"."""
    return token.lemma_.lower() in _AUTHOR_NOUNS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    )


def refers_back(sent: Span) -> bool:
    """True if the sentence's toll is about an event named before ("The attack killed 35")."""
    for anchor in sent:
        kind = _kind(anchor)
        if kind is None:
            continue
        if kind in ("fatal_verb", "injury_verb") and not _is_passive(anchor):
            if any(c.dep_ == "nsubj" and _points_back(c) for c in anchor.children):
                return True
        if kind == "toll_noun" and any(c.lower_ in _BACK_DETS for c in anchor.children):
            return True
        clause = _clause(anchor)
        for child in list(anchor.children) + list(clause.children):
            if child.dep_ in ("prep", "agent") and child.lower_ in ("in", "during", "by", "of"):
                if any(p.dep_ == "pobj" and _points_back(p) for p in child.children):
                    return True
            if child.dep_ == "prep" and child.lower_ == "at":  # "were killed at the scene"
                if any(p.dep_ == "pobj" and _the_scene(p) for p in child.children):
                    return True
            if child.dep_ == "prep" and child.lower_ == "as":  # "As a result, 2 were killed"
                words = [t.lower_ for t in child.subtree]
                if words[:3] == ["as", "a", "result"] and (
                    len(words) == 3 or any(_points_back(t) for t in child.subtree)
                ):
                    return True
    return False


# Victims who are combatants: a bare killing of them is fighting, not violence against civilians
COMBATANT_WORDS = _words("combatant_words")


def victims_are_combatants(tolls: Sequence[TollFigure]) -> bool:
    """Whether the dead or wounded a toll counts are combatants ("two soldiers")."""
    return any(any(w in t.text.lower().split() for w in COMBATANT_WORDS) for t in tolls)
