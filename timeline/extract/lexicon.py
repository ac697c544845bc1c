"""Word lists the date extractor is built from, one table per concern and language.

Kept apart from the rules in the other modules of ``timeline.extract`` so that adding a spelling
(a month abbreviation, a French number word) never means touching a regex.
Every key is lower case and accent-bearing where the language has accents;
the extractor matches case-insensitively.
"""

from __future__ import annotations

MONTHS: dict[str, dict[str, int]] = {
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
        "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    },
    "fr": {
        "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2,
        "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7,
        "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10,
        "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12,
    },
}

# Month names that are also ordinary words ("you may", "the march on Rome",
# "mars" the planet): only taken alone when written as a name and introduced
# by a word that expects a date.
AMBIGUOUS_MONTHS: dict[str, frozenset[str]] = {
    "en": frozenset({"may", "march", "mar", "jan", "dec", "sep", "oct", "nov", "aug", "jun",
                     "jul", "apr", "feb", "sept"}),
    "fr": frozenset({"mars", "mai", "sept", "oct", "nov", "avr", "janv", "juil", "déc", "fév",
                     "févr"}),
}

WEEKDAYS: dict[str, dict[str, int]] = {
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
           "saturday": 5, "sunday": 6},
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
           "dimanche": 6},
}

SEASONS: dict[str, dict[str, str]] = {
    "en": {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
    "fr": {"printemps": "SP", "été": "SU", "eté": "SU", "ete": "SU", "automne": "FA",
           "hiver": "WI"},
}

# Decades written as words: the tens digit ("the sixties", "les années trente").
DECADE_WORDS: dict[str, dict[str, int]] = {
    "en": {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
           "seventies": 7, "eighties": 8, "nineties": 9},
    "fr": {"vingt": 2, "trente": 3, "quarante": 4, "cinquante": 5, "soixante": 6,
           "soixante-dix": 7, "quatre-vingt": 8, "quatre-vingts": 8, "quatre-vingt-dix": 9},
}

# Calendar units that relative expressions count in.
UNITS: dict[str, dict[str, str]] = {
    "en": {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
           "months": "month", "year": "year", "years": "year", "decade": "decade",
           "decades": "decade", "century": "century", "centuries": "century",
           "weekend": "weekend"},
    "fr": {"jour": "day", "jours": "day", "journée": "day", "semaine": "week",
           "semaines": "week", "mois": "month", "an": "year", "ans": "year", "année": "year",
           "années": "year", "décennie": "decade", "décennies": "decade", "siècle": "century",
           "siècles": "century", "week-end": "weekend", "weekend": "weekend"},
}

NUMBERS: dict[str, dict[str, int]] = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
           "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
           "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           "hundred": 100, "a couple of": 2},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
           "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
           "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30,
           "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100},
}

# Hedges before a count that TimeML keeps in the span ("almost two decades earlier").
HEDGES: dict[str, tuple[str, ...]] = {
    "en": ("just", "only", "almost", "nearly", "about", "some", "around", "over", "more than",
           "less than", "barely", "roughly", "approximately", "at least", "exactly"),
    "fr": ("près de", "environ", "plus de", "moins de", "presque", "quelque", "au moins"),
}

# Quantities that say "some" without a number: "a few years later" is a
# vague past or future, not a date that can be computed.
VAGUE_QUANTITIES: dict[str, tuple[str, ...]] = {
    "en": ("a few", "few", "several", "some", "many", "a number of", "a couple of"),
    "fr": ("quelques", "plusieurs", "des", "de nombreuses", "de nombreux"),
}

ORDINALS: dict[str, dict[str, int]] = {
    "en": {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
           "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
           "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
           "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
           "twentieth": 20, "twenty-first": 21},
    "fr": {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2,
           "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7,
           "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12,
           "treizième": 13, "quatorzième": 14, "quinzième": 15, "seizième": 16,
           "dix-septième": 17, "dix-huitième": 18, "dix-neuvième": 19, "vingtième": 20,
           "vingt et unième": 21},
}

# Quarters named in words ("the third quarter").
QUARTER_WORDS: dict[str, dict[str, int]] = {
    "en": {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4},
    "fr": {"premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4,
           "dernier": 4},
}

# Words that on their own point at the present, past or future of whoever
# writes (TimeML's PRESENT_REF/PAST_REF/FUTURE_REF). Words that usually say
# something else ("former" president, "once", "soon", "l'avenir" as a noun)
# are left out: a missed vague reference costs less than a false date.
REFERENCE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "now": "PRESENT_REF", "currently": "PRESENT_REF",
        "current": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
        "the present": "PRESENT_REF", "present day": "PRESENT_REF",
        "present-day": "PRESENT_REF",
        "the present day": "PRESENT_REF", "these days": "PRESENT_REF",
        "at the moment": "PRESENT_REF", "the time being": "PRESENT_REF",
        "recently": "PAST_REF", "recent": "PAST_REF",
        "formerly": "PAST_REF", "the past": "PAST_REF", "lately": "PAST_REF",
        "the future": "FUTURE_REF", "future": "FUTURE_REF", "to this day": "PRESENT_REF",
        # Only in a news clause that looks ahead (see resolve_deixis._r_ref).
        "soon": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
        # Nouns only: "short-term debt" is an adjective and refers to no time.
        "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
        "the long term": "FUTURE_REF", "a later date": "FUTURE_REF",
    },
    "fr": {
        "maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "actuel": "PRESENT_REF",
        "actuelle": "PRESENT_REF", "actuels": "PRESENT_REF", "actuelles": "PRESENT_REF",
        "désormais": "PRESENT_REF", "à présent": "PRESENT_REF", "de nos jours": "PRESENT_REF",
        "à l'heure actuelle": "PRESENT_REF", "en ce moment": "PRESENT_REF",
        "récemment": "PAST_REF", "auparavant": "PAST_REF", "autrefois": "PAST_REF",
        "naguère": "PAST_REF", "jadis": "PAST_REF", "nouvellement": "PAST_REF",
        "le passé": "PAST_REF", "dernièrement": "PAST_REF",
        "dorénavant": "PRESENT_REF", "pour l'instant": "PRESENT_REF",
        "pour le moment": "PRESENT_REF", "pour l'heure": "PRESENT_REF",
        "à l'heure qu'il est": "PRESENT_REF", "ces jours-ci": "PRESENT_REF",
        "à ce jour": "PRESENT_REF", "dans l'immédiat": "PRESENT_REF",
        "d'ores et déjà": "PRESENT_REF", "à terme": "FUTURE_REF",
        # "still today": the present, not the paper's day.
        "aujourd'hui encore": "PRESENT_REF", "encore aujourd'hui": "PRESENT_REF",
        "prochainement": "FUTURE_REF",
        # Adverbials only: "l'avenir de l'usine" and "un pont vers le futur"
        # are nouns that TimeML corpora leave unannotated as often as not.
        "dans l'avenir": "FUTURE_REF", "dans le futur": "FUTURE_REF",
    },
}

# Deictic days: offset in days from the publication date.
DEICTIC_DAYS: dict[str, dict[str, int]] = {
    "en": {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
           "this evening": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
           "the day before yesterday": -2, "the day after tomorrow": 2},
    "fr": {"aujourd'hui": 0, "ce matin": 0, "ce soir": 0, "cet après-midi": 0,
           "cette nuit": 0, "la nuit dernière": -1, "hier": -1, "demain": 1, "avant-hier": -2,
           "après-demain": 2},
}

# Parts of a day that may follow a day expression and stay in its span
# ("hier soir", "the next morning").
DAY_PARTS: dict[str, tuple[str, ...]] = {
    "en": ("morning", "afternoon", "evening", "night"),
    "fr": ("matin", "après-midi", "soir", "soirée", "nuit", "midi", "matinée"),
}

# "this/next/last" in both languages, as a step in the given unit.
# The French words may stand before or after the unit ("la semaine dernière",
# "le mois prochain", "cette année").
DEICTIC_STEPS: dict[str, dict[str, int]] = {
    "en": {"this": 0, "next": 1, "last": -1, "past": -1, "coming": 1},
    "fr": {"ce": 0, "cet": 0, "cette": 0, "prochain": 1, "prochaine": 1, "prochains": 1,
           "prochaines": 1, "dernier": -1, "dernière": -1, "derniers": -1,
           "dernières": -1, "passé": -1, "passée": -1},
}

# Anaphoric steps, counted from the date the narrative last gave: "the
# following year", "the day before", "l'année suivante", "la veille".
ANAPHORIC_STEPS: dict[str, dict[str, int]] = {
    "en": {"the following": 1, "the next": 1, "the subsequent": 1, "the previous": -1,
           "the preceding": -1, "the prior": -1, "the same": 0, "that same": 0, "that": 0,
           "before": -1, "after": 1, "following": 1},
    "fr": {"suivant": 1, "suivante": 1, "d'après": 1, "précédent": -1, "précédente": -1,
           "d'avant": -1, "même": 0, "le lendemain": 1, "la veille": -1, "l'avant-veille": -2,
           "le surlendemain": 2},
}

# Which way "N units later/earlier" counts.
LATER_WORDS: dict[str, dict[str, int]] = {
    "en": {"later": 1, "after": 1, "afterwards": 1, "afterward": 1, "earlier": -1,
           "before": -1, "previously": -1},
    "fr": {"plus tard": 1, "après": 1, "auparavant": -1, "plus tôt": -1, "avant": -1},
}

# Words after a number that show it counts things, not years ("1500 men").
COUNTED_NOUNS: frozenset[str] = frozenset("""
men man soldiers troops people persons civilians casualties dead killed wounded prisoners
tanks guns aircraft planes ships vessels boats vehicles km kilometres kilometers miles metres
meters feet yards tons tonnes hours hrs pounds dollars euros francs rifles horses cavalry
infantry sailors marines officers residents inhabitants votes deaths refugees workers members
hommes soldats personnes morts blessés habitants voix euros francs mètres kilomètres tonnes
heures emplois salariés élèves places exemplaires litres hectares logements
m km cm mm kg t ha mw kw hab
points cases copies units pages seats jobs children women students patients families homes
houses households buildings cars trucks rounds shells bombs missiles sorties acres barrels
victims voters participants protesters visitors spectators passengers employees staff
enfants femmes familles maisons véhicules voitures sièges élus victimes participants
manifestants spectateurs visiteurs étudiants chômeurs postes foyers ménages passagers
points cas pages
""".split())

# Feasts with a fixed day: (month, day). Easter is computed.
HOLIDAYS: dict[str, dict[str, tuple[int, int]]] = {
    "en": {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
           "new year's day": (1, 1), "new year's eve": (12, 31), "bastille day": (7, 14),
           "independence day": (7, 4), "armistice day": (11, 11), "all saints' day": (11, 1),
           "halloween": (10, 31), "boxing day": (12, 26), "valentine's day": (2, 14),
           "may day": (5, 1), "new year": (1, 1)},
    "fr": {"noël": (12, 25), "la saint-sylvestre": (12, 31), "le jour de l'an": (1, 1),
           "la toussaint": (11, 1), "le nouvel an": (1, 1)},
}
# Feasts counted from Easter Sunday, in days.
EASTER: dict[str, dict[str, int]] = {
    "en": {"easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1,
           "good friday": -2, "palm sunday": -7, "ash wednesday": -46, "maundy thursday": -3,
           "ascension day": 39, "pentecost": 49, "whit sunday": 49, "whit monday": 50},
    "fr": {"pâques": 0, "lundi de pâques": 1, "vendredi saint": -2, "pentecôte": 49,
           "lundi de pentecôte": 50},
}
# Feasts on the nth weekday of a month, from a given day on (United States
# ones, which news agencies write most): (month, weekday with Monday 0, nth
# or -1 for the last, first day counted). Election Day is the Tuesday after
# the first Monday of November, the first Tuesday from the 2nd.
WEEKDAY_FEASTS: dict[str, dict[str, tuple[int, int, int, int]]] = {
    "en": {"thanksgiving": (11, 3, 4, 1), "thanksgiving day": (11, 3, 4, 1),
           "election day": (11, 1, 1, 2), "memorial day": (5, 0, -1, 1),
           "labor day": (9, 0, 1, 1), "columbus day": (10, 0, 2, 1),
           "presidents' day": (2, 0, 3, 1), "presidents day": (2, 0, 3, 1),
           "martin luther king day": (1, 0, 3, 1)},
    "fr": {},
}

# Words that mark a clause as looking ahead or back, for dates written
# without a year or week in news ("will meet on Tuesday", "a voté mardi").
# Regular forms are recognised by their endings in ``timeline.extract.tense``
# ("-ed", "présentera", "votait"); these are the auxiliaries and the
# irregular forms the endings miss.
FUTURE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("will", "won't", "shall", "'ll", "’ll", "going to", "is to", "are to", "is due",
           "are due", "due to", "scheduled", "expected", "plans to", "plan to", "planned",
           "set to", "is set", "are set", "upcoming", "would", "is to be", "intends to",
           "is supposed to", "are supposed to",
           "aims to", "hopes to", "calls for", "call for", "called for", "threatens to",
           "threatened to", "is poised to", "are poised to", "takes effect", "take effect",
           "goes into effect", "go into effect", "comes into force", "come into force",
           "expires", "expire",
           # The present of a scheduled event: "the board meets Monday".
           "meets", "meet", "opens", "begins", "starts", "hosts", "plays", "resumes",
           "reconvenes", "takes place", "take place", "votes", "visits", "arrives",
           "convenes", "testifies", "kicks off", "premieres", "airs", "debuts", "returns",
           "leaves", "departs", "heads", "flies",
           # What may still happen: "the decision could come as early as Friday".
           "could", "might", "should", "as early as", "as soon as"),
    "fr": ("ira", "iront", "va", "vont", "doit", "doivent", "devrait", "devraient",
           "est prévu", "est prévue", "sont prévus", "sont prévues", "prévoit", "prévoient",
           "aura", "auront", "saura", "sauront", "sera", "seront", "fera", "feront", "compte",
           "envisage", "appelle à", "appellent à", "appelé à", "appelés à", "appelait à",
           "appelaient à", "invite à", "invitent à", "s'apprête à", "s'apprêtent à",
           "menace de", "menacent de", "prévu", "prévue", "prévus", "prévues", "programmé",
           "programmée", "rendez-vous",
           # The present of a scheduled event, as local news announces it ("le
           # club organise sa fête dimanche"); reporting verbs ("annonce
           # mardi") are left out: that present tells of the past.
           "a lieu", "ont lieu", "se déroule", "se déroulent", "se tient", "se tiennent",
           "organise", "organisent", "accueille", "accueillent", "se réunit", "se réunissent",
           "débute", "débutent", "commence", "commencent", "reprend", "reprennent",
           "rouvre", "rouvrent", "ouvre ses portes", "ouvrent leurs portes", "reçoit",
           "reçoivent", "fête", "fêtent", "célèbre", "célèbrent", "joue", "jouent",
           # What may still happen ("pourrait tomber vendredi"); "aurait été
           # arrêté" is a reported past and stays out.
           "pourrait", "pourraient", "dès que possible"),
}
PAST_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("was", "were", "had", "did", "didn't", "ago", "has been", "have been",
           "began", "came", "went", "took", "met", "made", "left", "fell", "rose", "won",
           "lost", "held", "told", "gave", "saw", "knew", "got", "became", "broke", "ran",
           "sent", "spent", "built", "brought", "bought", "thought", "found", "struck",
           "fought", "chose", "drew", "wrote", "spoke", "stood", "sat", "flew", "threw",
           "paid", "led", "fled", "said", "sold", "kept", "felt", "heard", "meant", "began",
           "shot", "caught", "taught", "won", "withdrew", "overtook", "underwent", "forgot"),
    "fr": ("a", "ont", "avait", "avaient", "avons", "avez", "eut", "eurent", "fut", "furent",
           "était", "étaient", "ai", "as"),
}
