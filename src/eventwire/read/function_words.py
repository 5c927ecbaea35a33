"""The commonest function words of English and of the languages most often mistaken for it.

Source: eventwire's own lists, written by the eventwire developers from general knowledge of
each language's grammar words (articles, pronouns, prepositions, auxiliaries); no list copied.
Kept apart from the rule in `language.py`, as spaCy keeps `spacy/lang/<code>/stop_words.py`.

A foreign list leaves out the words that are also English ("in", "a", "on", "die", "do", "van",
"door") and those common in English news names ("al", "el": al-Shabaab, El Fasher; "com":
reuters.com), so that a stray English word never counts as evidence against English.
"""

from __future__ import annotations

# The 100 commonest English function words.
ENGLISH = frozenset(
    """
    the of and to a in is was for on that with as by at from it its be are were been has have
    had he she they his her their them we our you your i me my an or but not no this these
    those there which who what when where while after before since during
    about against between into through over under up down out off than then also so if
    because would will could can may might should must said says two one all more most other
    some any such only both each just do did
    """.split()
)

# Per language: the commonest grammar words that are not also English words.
FOREIGN: dict[str, frozenset[str]] = {
    "French": frozenset(
        """
        le la les des du de et est une un dans qui que sur pas par ont sont avec ce cette il
        elle ils au aux été ne se sa ses leur leurs selon lors entre après aussi mais ou où
        nous vous être fait deux ville l d qu
        """.split()
    ),
    "German": frozenset(
        """
        der das und ist nicht mit sich des auf für dem den ein eine einem einen einer zu von
        im wurde wurden auch bei nach wird sind werden aus haben wie über oder sei zwei seit
        durch gegen vom zum zur noch bereits worden laut stadt
        """.split()
    ),
    "Spanish": frozenset(
        """
        la los las del de y en que es un una por con para se su sus lo como más pero fue ha
        este esta según entre sobre dos ciudad tras desde muy también
        """.split()
    ),
    "Italian": frozenset(
        """
        il lo la gli le di che è del della delle dei degli per ha nel nella nei alla alle da
        si anche più stato sono una un dopo secondo tra fra due città questo questa dell nell
        """.split()
    ),
    "Portuguese": frozenset(
        """
        os de em que um uma para não na por se foi são mais ao pelo pela pelos
        segundo dos das da cidade duas dois também após entre sobre
        """.split()
    ),
    "Dutch": frozenset(
        """
        de het een en dat op te voor met zijn niet aan er ook als bij worden wordt
        naar om tot uit werd twee stad volgens na heeft hebben nog
        """.split()
    ),
}
