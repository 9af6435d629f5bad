"""Trigger lexicon and the word classes the extractor reasons with (loaded once from package data)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str  # VERB, NOUN or ANY
    family: str
    cameo: str


@lru_cache(maxsize=1)
def load_triggers() -> dict[tuple[str, str], Trigger]:
    """(lemma, coarse POS) -> Trigger; ANY entries are indexed under both VERB and NOUN."""
    table: dict[tuple[str, str], Trigger] = {}
    path = files("flashpoint") / "data" / "triggers.csv"
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            t = Trigger(row["lemma"].strip().lower(), row["pos"].strip(), row["family"].strip(), row["cameo"].strip())
            for pos in ("VERB", "NOUN") if t.pos == "ANY" else (t.pos,):
                table[(t.lemma, pos)] = t
    return table


# Families: what kind of happening a trigger denotes.
VIOLENT = {"attack", "storm", "shoot", "fire", "openfire", "kill", "massacre", "mob", "wound", "clash", "engage",
           "shelling", "air", "strike", "bomb", "grenade", "launch", "abduct", "sexual", "torture", "assassinate",
           "shootdown", "beat"}
CASUALTY_ONLY = {"kill", "wound", "die"}  # absorbed into a weapon/attack event when syntactically linked
PROTEST = {"protest", "march", "boycott", "riot"}
VERBAL = {"threaten", "threat", "warn", "vow", "accuse", "condemn", "demand", "appeal", "call", "deny",
          "revenge", "retaliate"}
SPEECH_LEMMAS = {"say", "tell", "report", "state", "announce", "add", "claim", "declare", "insist", "confirm",
                 "note", "explain", "write", "tweet", "allege", "according"}
ANAPHOR_NOUNS = {"incident", "violence", "unrest", "episode", "assault", "attack", "strike", "strikes", "raid",
                 "rampage", "clash", "bombing", "operation", "arrest", "arrests", "protest", "demonstration",
                 "kidnapping", "abduction", "killing", "killings", "explosion", "blast", "shelling", "riot", "march",
                 "ambush", "shooting", "massacre"}
# What a definite description can refer back to: ACLED event types (None = any violent or protest event).
ANAPHOR_TYPES: dict[str, set[str] | None] = {
    "attack": {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"},
    "assault": {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"},
    "raid": {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"},
    "ambush": {"Battles", "Violence against civilians"},
    "shooting": {"Battles", "Violence against civilians", "Protests"},
    "strike": {"Explosions/Remote violence"}, "strikes": {"Explosions/Remote violence"},
    "bombing": {"Explosions/Remote violence"}, "explosion": {"Explosions/Remote violence"},
    "blast": {"Explosions/Remote violence"}, "shelling": {"Explosions/Remote violence"},
    "clash": {"Battles", "Riots"}, "killing": {"Battles", "Violence against civilians", "Explosions/Remote violence",
                                               "Riots", "Protests"},
    "killings": {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"},
    "massacre": {"Violence against civilians", "Battles"},
    "arrest": {"Strategic developments"}, "arrests": {"Strategic developments"},
    "protest": {"Protests", "Riots"}, "demonstration": {"Protests", "Riots"}, "march": {"Protests", "Riots"},
    "riot": {"Riots"}, "rampage": {"Riots", "Violence against civilians"},
    "kidnapping": {"Violence against civilians"}, "abduction": {"Violence against civilians"},
    "incident": None, "violence": None, "unrest": None, "episode": None, "operation": None,
}

# Instruments refine the type of an attack.
AIR = {"air", "airstrike", "aerial", "warplane", "jet", "drone", "helicopter", "aircraft", "plane", "bomber",
       "airforce", "gunship", "uav"}
SHELLING = {"rocket", "missile", "mortar", "artillery", "shell", "shelling", "howitzer", "katyusha", "ballistic"}
EXPLOSIVE = {"bomb", "ied", "explosive", "landmine", "mine", "roadside", "car-bomb", "device", "vbied", "blast",
             "explosion"}
SUICIDE = {"suicide", "bomber"}
GRENADE = {"grenade"}
FIREARM = {"gun", "gunman", "gunmen", "gunfire", "bullet", "rifle", "firearm", "pistol", "shooting", "sniper"}
CROWD_CONTROL = {"tear", "teargas", "disperse", "baton", "cannon", "rubber", "stun", "beat", "baton-charge"}
RIOT_CUES = {"smash", "torch", "burn", "fire", "storm", "loot", "vandalise", "vandalize", "ransack", "stone",
             "rock", "petrol", "molotov", "break", "set", "clash", "rampage", "riot", "destroy", "attack", "throw"}
PROTESTER_NOUNS = {"protester", "protestor", "demonstrator", "crowd", "mob", "rioter", "supporter", "mourner",
                   "activist", "student", "worker", "marcher", "youth", "striker", "teacher", "trader", "farmer",
                   "resident", "villager", "people"}
MEMBER_NOUNS = {"fighter", "member", "militant", "militiaman", "militiamen", "combatant", "soldier", "troop",
                "officer", "commander", "leader", "official", "elements", "element", "supporter", "loyalist",
                "director", "chief", "head", "deputy"}
QUANTITY_HEADS = {"dozen", "dozens", "hundreds", "hundred", "thousands", "thousand", "scores", "score", "some",
                  "many", "several", "number", "group", "crowd", "handful", "most", "all", "millions", "tens",
                  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "body", "bodies"}
PERSON_NOUNS = {"people", "person", "civilian", "man", "men", "woman", "women", "child", "children", "soldier",
                "fighter", "militant", "officer", "policeman", "policemen", "troop", "contractor", "worker",
                "protester", "villager", "resident", "student", "farmer", "passenger", "member", "boy", "girl",
                "pupil", "teacher", "journalist", "herder", "trader", "driver", "militiaman", "militiamen",
                "jihadist", "insurgent", "rebel", "gunman", "gunmen", "assailant", "attacker", "victim", "casualty",
                "guard", "staff", "employee", "miner", "worshipper", "pilgrim", "refugee", "national", "citizen",
                "personnel", "servicemen", "serviceman", "official", "leader", "commander", "crew", "tourist",
                "individual", "suspect", "gendarme", "recruit", "cadet", "volunteer", "mourner"}


# spaCy's small model lemmatises some trigger words wrongly ("raped" -> "rap")
LEMMA_FIXES = {"raped": "rape", "rapes": "rape", "raping": "rape", "raper": "rape", "staged": "stage",
               "staging": "stage"}
# verbs that "sexually" turns into sexual violence ("sexually assaulted", "sexually abused")
SEXUAL_VERBS = {"assault", "abuse", "attack", "harass", "exploit", "violate", "torture"}
# subjects that make a violent verb a disaster or an accident, not an act of anyone ("the typhoon struck",
# "a gas explosion destroyed the building")
DISASTER_WORDS = {"typhoon", "hurricane", "cyclone", "storm", "tornado", "earthquake", "quake", "tremor", "flood",
                  "flooding", "landslide", "mudslide", "avalanche", "tsunami", "wildfire", "bushfire", "drought",
                  "lightning", "heatwave", "eruption", "volcano", "gas", "leak", "accident", "crash", "collapse",
                  "derailment", "pandemic", "epidemic", "outbreak", "virus", "disease", "cholera", "covid-19",
                  "coronavirus", "malfunction", "short-circuit"}
# what one "fights" or "battles" that is no armed foe ("a long battle with cancer", "firefighters battled the
# blaze", "vowed to fight corruption")
ABSTRACT_FOES = {"cancer", "illness", "disease", "covid", "covid-19", "coronavirus", "virus", "pandemic", "epidemic",
                 "poverty", "corruption", "inflation", "unemployment", "hunger", "famine", "climate", "change",
                 "blaze", "flame", "flames", "wildfire", "bushfire", "flood", "floods", "drug",
                 "drugs", "addiction", "depression", "injury", "injuries", "odds", "time", "clock", "weight",
                 "obesity", "malaria", "hiv", "aids", "ebola", "cholera", "tuberculosis", "illiteracy", "racism",
                 "discrimination", "misinformation", "disinformation", "fraud", "tax", "evasion", "smuggling"}

# things fired or flown at a target that can be shot down ("eight drones were shot down": a weapon stopped)
PROJECTILES = {"drone", "drones", "uav", "uavs", "missile", "missiles", "rocket", "rockets", "projectile",
               "projectiles", "shahed", "shaheds", "munition", "munitions"}
# nouns for armed bodies that may name who carried out a strike ("an Afghan forces airstrike")
FORCE_NOUNS = {"force", "forces", "army", "military", "troop", "troops", "coalition", "regime", "police", "navy",
               "government", "junta", "militia", "rebel", "insurgent"}
# words that tell a protest (a crowd's violence told with them is a demonstration's, not a mob's)
PROTEST_WORDS = {"protest", "protests", "protested", "protesting", "protesters", "protestors", "demonstration",
                 "demonstrations", "demonstrators", "demonstrated", "rally", "rallies", "march", "marched", "marchers",
                 "demanding", "demanded", "demands", "chanting", "chanted", "sit-in", "strike", "strikers",
                 "grievances", "placards", "riot", "riots", "rioters", "rioting", "unrest"}
# words that put a short report in ACLED's world (the classifier alone may type it) when no armed, governing
# or protesting actor was recognised
CONFLICT_WORDS = {
    "killed", "dead", "died", "wounded", "injured", "attack", "attacked", "attackers", "assailants", "gunmen",
    "militants", "militia", "militiamen", "rebels", "insurgents", "fighters", "jihadists", "bandits", "soldiers",
    "troops", "army", "police", "gendarmes", "security", "villagers", "residents", "civilians", "herders",
    "farmers", "pastoralists", "protesters", "demonstrators", "protest", "protested", "rioters", "mob", "youths",
    "abducted", "kidnapped", "missing", "hostages", "arrested", "detained", "custody", "raped", "looted", "torched",
    "burned", "clashes", "clashed", "fighting", "ceasefire", "truce", "prisoners", "weapons", "explosives",
    "checkpoint", "curfew", "displaced", "camp", "border",
}
