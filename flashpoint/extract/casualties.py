"""Casualty counts: numbers of killed and injured with their qualifier (exact, at least, approx)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12, "half a dozen": 6,
}
# Vague quantities: ACLED-style coders record a conservative figure with qualifier "approx".
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "several": 3, "a few": 3, "few": 3,
         "many": 10, "some": 3, "a number": 3, "tens": 20}
_AT_LEAST = {"least", "over", "more", "minimum"}
_APPROX = {"about", "around", "nearly", "some", "approximately", "roughly", "almost", "up", "estimated", "close"}
_SINGULAR_DET = {"a", "an", "one", "another"}

_KILLED_WORDS = (r"(?:killed|dead|died|deaths?|killing|lives|bodies|corpses|slain|murdered|executed|massacred|perished|"
                 r"fatalities|martyred)")
_INJ_WORDS = r"(?:injured|wounded|hurt|injuring|wounding|injuries)"
_NUM = (r"(?P<q>at least|more than|over|about|around|nearly|some|up to|approximately|roughly|almost)?\s*"
        r"(?P<n>\d[\d,]*|a dozen|half a dozen|dozens|scores|hundreds|" + "|".join(
            k for k in WORD_NUMBERS if " " not in k) + r")")
_TOLL = re.compile(r"(?:death toll|toll)\s+(?:\w+\s+){0,3}?(?:rose|climbed|reached|stood|stands|is|was|of|to|at)"
                   r"\s+(?:to\s+|at\s+)?" + _NUM, re.I)
_ONE_DEAD = re.compile(r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+)\s+(?:is|was|has been|had been)\s+"
                       r"(?:found\s+|reported\s+|confirmed\s+)?dead\b", re.I)
_TOTAL = re.compile(r"\b(?:a |the )?total of\s+" + _NUM + r"\s+(?:[\w-]+\s+){0,2}?(?:fatalities|deaths|dead|killed|"
                    r"people killed|bodies)\b", re.I)
_N_KILLED = re.compile(_NUM + r"\s+(?:[\w-]+\s+){0,4}?(?:were|was|have been|had been|are|been)?\s*(?:reportedly\s+|"
                       r"confirmed\s+)?" + _KILLED_WORDS + r"\b", re.I)
_N_INJURED = re.compile(_NUM + r"\s+(?:[\w-]+\s+){0,4}?(?:were|was|have been|had been|are)?\s*" + _INJ_WORDS
                        + r"\b", re.I)
_DEAD_N = re.compile(r"\b(?:shot|gunned|beaten|hacked|stabbed|burned|burnt|bludgeoned|stoned)\s+(?:dead|to death|down)"
                     r"\s+" + _NUM + r"\b", re.I)
_KILLING_N = re.compile(r"\b(?:killing|killed|kills|kill|left)\s+" + _NUM + r"\b", re.I)
_NONE = re.compile(r"\b(?:no (?:one|casualties|deaths|fatalities|injuries)|nobody)\b[^.]{0,40}"
                   r"(?:reported|hurt|injured|killed|wounded|recorded|\.|$)|\bno (?:casualties|fatalities|"
                   r"deaths) (?:were|was)\b", re.I)


@dataclass(slots=True)
class Count:
    count: int | None
    qualifier: str  # exact, at_least, approx, none_reported, unknown


@dataclass(slots=True)
class SentenceCasualties:
    killed: Count | None = None
    injured: Count | None = None


def _to_int(text: str) -> tuple[int | None, bool]:
    """Number from digits or words; the flag says whether the figure is vague."""
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t), False
    if t in WORD_NUMBERS:
        return WORD_NUMBERS[t], False
    if t in VAGUE:
        return VAGUE[t], True
    return None, False


def _qualified(n: int | None, vague: bool, q: str | None) -> Count:
    if n is None:
        return Count(None, "unknown")
    ql = (q or "").lower()
    if vague or any(w in ql.split() for w in _APPROX):
        return Count(n, "approx")
    if any(w in ql.split() for w in _AT_LEAST):
        return Count(n, "at_least")
    return Count(n, "exact")


_ANIMALS = {"ox", "oxen", "cattle", "cow", "goat", "sheep", "camel", "livestock", "animal", "donkey", "dog", "chicken",
            "head", "elephant", "pig", "horse", "bull"}


# singular nouns for one person, counted as one with any determiner ("the driver", "his mother")
_ONE_PERSON = {
    "man", "woman", "boy", "girl", "child", "baby", "person", "civilian", "soldier", "officer", "policeman",
    "policewoman", "driver", "director", "chief", "commander", "leader", "neighbour", "neighbor", "mother", "father",
    "son", "daughter", "brother", "sister", "husband", "wife", "wives", "uncle", "nephew", "cousin", "gunman",
    "assailant", "attacker", "militant", "fighter", "rebel", "teacher", "student", "farmer", "herder", "trader",
    "shopkeeper", "imam", "pastor", "priest", "journalist", "lawyer", "judge", "mayor", "councillor", "governor",
    "official", "guard", "worker", "employee", "resident", "villager", "pastoralist", "militiaman", "member",
    "suspect", "owner", "motorcyclist", "passenger", "tout", "conscript", "recruit", "cook", "nurse", "doctor",
    "headmaster", "principal", "elder", "activist", "protester", "demonstrator", "pupil", "victim",
    "commissioner", "administrator", "minister", "spokesman", "chairman", "secretary", "deputy", "general",
    "colonel", "captain", "sergeant", "lieutenant", "major", "commandant", "prefect", "sheikh", "cleric",
    "businessman", "engineer", "contractor", "tourist", "hostage", "prisoner", "detainee", "informant",
}


# words after a number that say it counts things, not people
_NOT_PEOPLE = _ANIMALS | {
    "goat", "cow", "house", "home", "hut", "shop", "vehicle", "car", "truck", "motorbike", "motorcycle", "bus",
    "km", "kilometre", "kilometer", "mile", "metre", "meter", "year", "month", "week", "day", "hour", "minute",
    "percent", "%", "gun", "rifle", "weapon", "round", "bullet", "tonne", "ton", "kg", "dollar", "us$", "$", "acre",
    "hectare", "village", "school", "church", "mosque", "building", "structure", "bag", "litre", "liter",
    "device", "bomb", "ied", "explosive", "mine", "landmine", "drone", "missile", "rocket", "grenade", "shell",
    "plot", "threat", "attempt", "fire", "blaze",
}


def count_of_phrase(tok: Token) -> Count | None:
    """The number of people a noun phrase denotes: "25 fighters", "at least three soldiers", "an American";
    coordinated phrases add up ("2 civilians and 6 militants" -> 8)."""
    first = _count_one(tok)
    extra = [_count_one(c) for c in tok.conjuncts if c.i > tok.i]
    for a in tok.children if first is None or first.count == 1 else ():  # "four occupants (a woman, ...)"
        if a.dep_ == "appos" and a.conjuncts:
            # "a village chief, his son and a militiaman": a list the parser took for an apposition
            extra += [_count_one(x) for x in (a, *a.conjuncts)]
    counts = [c for c in [first, *extra] if c is not None and c.count is not None]
    if len(counts) > 1:
        qual = "exact" if all(c.qualifier == "exact" for c in counts) else "approx"
        return Count(sum(c.count for c in counts if c.count is not None), qual)
    return first


# singular nouns for a body of people, never one person
_COLLECTIVE = {"personnel", "police", "staff", "security", "military", "army", "force", "crowd", "family", "population",
               "group", "unit", "team", "militia", "gang", "community", "people", "public", "youth", "leadership",
               "convoy", "patrol", "battalion", "company", "platoon", "village", "household", "clan", "tribe"}
_REFLEXIVE_ONE = {"himself", "herself"}


def _reflexive_subject(tok: Token) -> Token | None:
    """The subject a reflexive object refers to: "bombers blew themselves up, killing only themselves"."""
    verb = tok.head
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("advcl", "conj", "xcomp", "acl") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _count_one(tok: Token) -> Count | None:
    head = tok
    if head.lemma_.lower() in _ANIMALS:
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return Count(0, "none_reported")  # "no one was killed", "no soldiers were hurt"
    if head.lower_ in _REFLEXIVE_ONE:
        return Count(1, "exact")
    if head.lower_ == "them" and head.dep_ == "dobj" and head.head.dep_ == "conj":
        # "arrested two men and executed them": the object of the verb the clause is joined to
        first = next((c for c in head.head.head.children if c.dep_ == "dobj"), None)
        return _count_one(first) if first is not None and first.lower_ != "them" else None
    if head.lower_ == "themselves":
        subj = _reflexive_subject(head)
        return _count_one(subj) if subj is not None and subj.lower_ != "themselves" else None
    # "dozens of protesters" / "three of them"
    if head.like_num or head.lower_ in VAGUE or head.lower_ in WORD_NUMBERS:
        n, vague = _to_int(head.text)
        q = " ".join(c.lower_ for c in head.children if c.dep_ in ("quantmod", "advmod", "amod"))
        return _qualified(n, vague, q)
    # the number may hang from a compound ("Three insurgent suicide bombers" parses "Three" under "insurgent")
    compounds = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
    for c in [*head.children, *(x for k in compounds for x in k.children if x.i < k.i)]:
        if c.dep_ == "nummod":
            n, vague = _to_int(c.text)
            if n is None and c.lower_ == "dozen":
                n = 12
            q = " ".join(x.lower_ for x in c.subtree if x.dep_ in ("quantmod", "advmod", "amod") or x.lower_ in
                         ("least", "more", "than", "about", "around", "nearly", "over", "some"))
            if n is not None:
                return _qualified(n, vague, q)
    dets = {c.lower_ for c in head.children if c.dep_ == "det"}
    if head.lemma_.lower() in _NOT_PEOPLE:
        return None  # "neutralised an explosive device"
    if head.lower_ in ("other", "one") and dets & {"the", "a", "an", "another"}:
        return Count(1, "exact")  # "the other died of his injuries"
    if head.lemma_.lower() == "number" and {c.lower_ for c in head.children} & {"unknown", "unspecified",
                                                                               "undetermined", "undisclosed"}:
        return Count(3, "approx")  # "an unspecified number of militants": ACLED's low estimate
    if head.tag_ in ("NN", "NNP") and dets & _SINGULAR_DET:
        return Count(1, "exact")
    if head.tag_ == "NN" and not dets and head.dep_ != "conj" and not any(
            c.dep_ in ("poss", "nummod") for c in head.children) and (
            head.lemma_.lower() in _ONE_PERSON or head.dep_ in ("nsubj", "nsubjpass", "dobj")
            and head.lemma_.lower() not in _COLLECTIVE):
        return Count(1, "exact")  # telegraphic notes drop the article: "gunmen kill woman", "coordinator shot dead"
    if head.tag_ == "NN" and head.lemma_.lower() in _ONE_PERSON and any(
            c.dep_ in ("det", "poss") for c in head.children):
        return Count(1, "exact")  # "killed his neighbour", "shot the director": one person
    if head.tag_ == "NNP" and head.ent_type_ == "PERSON":
        return Count(1, "exact")
    return None


def _first_count(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match whose number is a count, not a year or a date ("On 7 December 2019, ...")."""
    for m in rx.finditer(text):
        raw = m.group("n").rstrip(",")
        n, _ = _to_int(raw)
        if n is None or (raw.isdigit() and (1900 <= n <= 2100 or len(raw) > 1 and raw.startswith("0"))):
            continue
        after = text[m.end("n"):m.end("n") + 24].lower().split()
        if after and (after[0].rstrip(",.;") in _NOT_PEOPLE or after[0].rstrip("s,.;") in _NOT_PEOPLE):
            continue  # "accused of stealing 11 goats was beaten to death"
        before = text[max(0, m.start("n") - 12):m.start("n")].lower()
        if any(mon in before for mon in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                         "nov", "dec")) and n <= 31:
            continue  # "On 7 December 2019" / "March 13"
        return m
    return None


def sentence_casualties(sent: Span) -> SentenceCasualties:
    """Killed/injured figures stated anywhere in the sentence (fallback when the parse links none)."""
    text = sent.text
    out = SentenceCasualties()
    for rx in (_TOTAL, _TOLL, _KILLING_N, _DEAD_N, _N_KILLED):
        m = _first_count(rx, text)
        if m:
            n, vague = _to_int(m.group("n"))
            out.killed = _qualified(n, vague, m.group("q"))
            break
    if out.killed is None:
        one = _ONE_DEAD.search(text)
        if one and one["noun"].lower() in _ONE_PERSON:
            out.killed = Count(1, "exact")  # "A man is dead after ..."
    m = _first_count(_N_INJURED, text)
    if m:
        n, vague = _to_int(m.group("n"))
        out.injured = _qualified(n, vague, m.group("q"))
    if out.killed is None and _NONE.search(text):
        out.killed = Count(0, "none_reported")
    return out
