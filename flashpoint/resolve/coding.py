"""Coding of event mentions: each mention's actors, place, date and event type.

``Resolver`` holds the loaded tables (actors, gazetteer, ontology) and turns the extractor's ``Mention``s of one
document into ``CodedMention``s: actors with ISO3 country, CAMEO actor code and kind; a ``Location`` from the
gazetteer; an absolute ``DateSpan``; the CAMEO code with its PLOVER and ACLED equivalents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from flashpoint.extract import Mention, Phrase
from flashpoint.extract import lexicon as lx
from flashpoint.ontology import Ontology, load_ontology
from flashpoint.records import Actor, DateSpan, Location
from flashpoint.resolve.times import published_span

if TYPE_CHECKING:
    from flashpoint.resolve.actors import ActorResolver
    from flashpoint.resolve.outlets import OutletTable
    from flashpoint.resolve.places import Gazetteer, Place

ARMED_KINDS = {"military", "police", "rebels", "militia", "armed group", "unknown armed", "government forces",
               "foreign forces"}
CROWD_KINDS = {"protesters", "rioters", "civilians", None}
STATE_KINDS = {"military", "police", "government"}
CIVILIAN_KINDS = {"civilians", "protesters", "media", "refugees", "religious", "business", "person"}


# What was attacked decides between a battle and violence against civilians when no actor is named.
_CIVILIAN_PLACES = {"village", "town", "home", "house", "residence", "market", "church", "mosque", "school", "bus",
                    "vehicle", "farm", "shop", "hotel", "bar", "restaurant", "hospital", "clinic", "camp", "settlement",
                    "hamlet", "compound", "family", "homestead", "wedding", "funeral", "worshipper", "passenger",
                    "convoy_civilian", "truck", "car", "motorist", "traveller", "herder", "field", "mine", "site"}
_MILITARY_PLACES = {"base", "barracks", "checkpoint", "outpost", "post", "patrol", "garrison", "position", "station",
                    "camp_military", "convoy", "headquarters", "detachment", "unit", "brigade", "fort"}
_LOCATING_KINDS = {"police", "military", "government", "protesters", "rioters", "civilians", "judiciary",
                   "legislature", "political party", "refugees", "business", "person", "media"}
_DOMESTIC_KINDS = {"police", "military", "government", "protesters", "rioters", "civilians", "armed group",
                  "unknown armed", "judiciary", "legislature", "political party", "media", "refugees", "business"}


@dataclass(slots=True)
class CodedMention:
    """A mention with coded fields; ``mention`` keeps the raw offsets and cues."""

    mention: Mention
    cameo: str
    acled: dict[str, str] | None
    source: list[Actor]
    target: list[Actor]
    date: DateSpan
    location: Location | None
    fatalities: tuple[int | None, str]
    injured: tuple[int | None, str]
    extras: dict[str, object] = field(default_factory=dict)


_COMMUNITY_TARGETS = {"house", "houses", "home", "homes", "church", "churches", "mosque", "mosques", "temple",
                      "temples", "shrine", "shop", "shops", "stage", "festival", "passenger", "passengers", "family",
                      "families", "village", "settlement"}
# victims whom a crowd or vigilantes punish for a crime they are said to have done (ACLED: mob violence)
CULPRITS = {"thief", "thieves", "robber", "robbers", "burglar", "burglars", "pickpocket", "pickpockets", "witch",
             "witches", "wizard", "wizards", "sorcerer", "sorcerers", "rustler", "rustlers", "kidnapper",
             "kidnappers", "rapist", "rapists", "blasphemer", "blasphemers", "smuggler", "smugglers"}
_PROPERTY_VERBS = ("torch", "vandali", "ransack", "set ablaze", "set fire")


def classify(m: Mention, source: list[Actor], target: list[Actor]) -> tuple[str, dict[str, str] | None]:
    """CAMEO code and ACLED type of a mention from its family, instrument and the kinds of its actors."""
    fam, inst = m.family, m.instrument
    skind = source[0].kind if source else None
    tkinds = {a.kind for a in target}
    killed = m.killed.count if m.killed else None

    def acled(t: str, s: str) -> dict[str, str]:
        return {"event_type": t, "sub_event_type": s}

    remote = "Explosions/Remote violence"
    hurt = bool(killed) or bool(m.injured and m.injured.count)
    if fam == "riot" and m.trigger_text.lower().startswith(_PROPERTY_VERBS) and skind in ARMED_KINDS \
            and not m.context_violent and not hurt:
        fam = "destroy"  # militants or police torching houses destroy property; a crowd doing it riots
    if fam == "storm" and skind not in CROWD_KINDS | {"unknown"}:
        fam = "attack"  # gunmen or soldiers storming a place attack it; crowds storming it riot
    if fam in ("protest", "march", "labour", "riot", "riot_act", "storm", "crowd", "disperse") or (
            fam in ("attack", "burn", "destroy", "loot") and m.context_violent and skind not in STATE_KINDS):
        protesters = skind in ("protesters", "rioters", "civilians", None) or fam in ("protest", "march", "labour")
        if fam == "storm" and skind in ARMED_KINDS - {"police"} and not m.context_violent:
            return "190", acled("Battles", "Armed clash")
        if fam == "protest" and m.cameo == "144" and not m.context_violent:
            return "144", acled("Protests", "Peaceful protest")
        if fam in ("crowd", "disperse"):
            if killed or (m.injured and m.injured.count) or inst == "firearm":
                return "175", acled("Protests", "Excessive force against protesters")
            return "175", acled("Protests", "Protest with intervention")
        if fam in ("riot", "riot_act", "storm") or m.context_violent and protesters:
            if not m.protest_context and fam != "riot" and skind not in STATE_KINDS and (
                    tkinds & (CIVILIAN_KINDS | {"religious", "person"}) or m.object_heads & _COMMUNITY_TARGETS):
                # a crowd turning on people, their homes or their places of worship with no protest told: ACLED's
                # mob violence ("villagers set fire to houses owned by Copts")
                return "145", acled("Riots", "Mob violence")
            code = "145"
            return code, acled("Riots", "Violent demonstration")
        if hurt:
            # ACLED: protesters killed or seriously hurt at a peaceful protest is excessive force against them.
            return "175", acled("Protests", "Excessive force against protesters")
        if m.crowd_control:
            return "141", acled("Protests", "Protest with intervention")
        return ("143" if fam == "labour" else "141"), acled("Protests", "Peaceful protest")
    if fam == "mob":
        return "1823", acled("Riots", "Mob violence")
    if fam == "warning_shots":
        if m.crowd_control or m.context_violent:
            return "175", acled("Protests", "Protest with intervention")
        return "150", acled("Strategic developments", "Change to group/activity")
    # ACLED: violence by an unorganised crowd (residents, villagers, youths, a mob) is mob violence, not a battle.
    crowd = {"civilians", "protesters", "rioters"} | ({"unknown"} if fam == "clash" else set())
    if fam == "clash" and m.trigger_text.lower() in ("fight", "brawl", "scuffle", "fistfight", "fisticuffs") and \
            not m.armed_nearby and not (tkinds & ARMED_KINDS) and skind not in ARMED_KINDS:
        return "145", acled("Riots", "Mob violence")  # a brawl with no armed party: "a fist fight broke out"
    if fam in ("clash", "attack", "shoot", "beat") and tkinds and tkinds <= {"rioters"} and skind in STATE_KINDS:
        return "145", acled("Riots", "Violent demonstration")  # "forces clashed with rioters": a riot met by force
    if fam in ("burn", "destroy") and skind in ("protesters", "rioters") and not hurt:
        return "145", acled("Riots", "Violent demonstration")  # protesters wrecking property riot
    if fam in ("burn", "destroy") and skind in crowd and not hurt and not (tkinds & (ARMED_KINDS | CIVILIAN_KINDS)):
        # a community pulling down a building or burning a field, with no one hurt: property destruction
        return "1712", acled("Strategic developments", "Looting/property destruction")
    if fam in ("attack", "kill", "clash", "beat", "shoot", "burn", "destroy") and skind in crowd and \
            not (tkinds & {"military", "rebels", "militia", "armed group"}) and inst not in ("air", "shelling"):
        return ("145" if fam in ("burn", "destroy") else "1823" if fam == "kill" else "145"), \
            acled("Riots", "Mob violence")
    if fam in ("attack", "kill", "beat", "shoot", "wound", "burn", "mob") and skind not in STATE_KINDS | {"rebels"} \
            and any(w in CULPRITS for a in target for w in a.name.lower().replace("-", " ").split()):
        return "1823" if killed else "145", acled("Riots", "Mob violence")  # people punishing "suspected thieves"
    if fam == "beat":
        if tkinds & {"protesters"} and skind in STATE_KINDS:
            return "175", acled("Protests", "Excessive force against protesters")
        return "182", acled("Violence against civilians", "Attack")
    if fam == "die":
        fam = "kill"
    if fam in lx.VIOLENT or fam in ("kill", "attack", "massacre"):
        if fam == "abduct":
            return "181", acled("Violence against civilians", "Abduction/forced disappearance")
        if fam == "sexual":
            return "1821", acled("Violence against civilians", "Sexual violence")
        if fam == "torture":
            return "1822", acled("Violence against civilians", "Attack")
        if fam == "shootdown":  # an aircraft brought down from the ground: not an air strike
            return "190", acled(remote, "Shelling/artillery/missile attack")
        if inst == "air":
            return "195", acled(remote, "Air/drone strike")
        if inst == "shelling" or fam == "shootdown":
            return "194" if fam != "shootdown" else "190", acled(remote, "Shelling/artillery/missile attack")
        if inst == "suicide":
            return "1831", acled(remote, "Suicide bomb")
        if inst == "explosive" and m.disrupted:
            return "190", acled("Strategic developments", "Disrupted weapons use")
        if inst == "explosive":
            return "183", acled(remote, "Remote explosive/landmine/IED")
        if inst == "grenade":
            return "190", acled(remote, "Grenade")
        if fam == "massacre":
            return "202", acled("Violence against civilians", "Attack")
        if fam == "assassinate":
            return "186", acled("Violence against civilians", "Attack")
        if tkinds & {"protesters"} and skind in STATE_KINDS:
            return "175", acled("Protests", "Excessive force against protesters")
        armed_target = bool(tkinds & ARMED_KINDS) or bool(m.object_heads & _MILITARY_PLACES)
        civ_target = bool(tkinds & CIVILIAN_KINDS) or (not target and fam == "kill") or (
            not armed_target and bool(m.object_heads & _CIVILIAN_PLACES))
        if fam in ("clash", "engage") or (armed_target and not civ_target):
            return ("193" if inst == "firearm" else "190"), acled("Battles", "Armed clash")
        if civ_target:
            return ("1823" if fam == "kill" else "180"), acled("Violence against civilians", "Attack")
        if skind in ARMED_KINDS and not target and (fam in ("shoot", "openfire", "fire", "engage") or not killed):
            return "190", acled("Battles", "Armed clash")
        return ("1823" if fam == "kill" else "190"), acled("Violence against civilians", "Attack")
    if fam == "arrest":
        return "173", acled("Strategic developments", "Arrests")
    if fam in ("loot",):
        return "171", acled("Strategic developments", "Looting/property destruction")
    if fam in ("burn", "destroy"):
        return "1712", acled("Strategic developments", "Looting/property destruction")
    if fam in ("seize", "retake"):
        if m.context_nonviolent:
            return "192", acled("Strategic developments", "Non-violent transfer of territory")
        if skind in STATE_KINDS:
            return "192", acled("Battles", "Government regains territory")
        return "192", acled("Battles", "Non-state actor overtakes territory")
    if fam == "withdraw":
        return "0874", acled("Strategic developments", "Non-violent transfer of territory")
    if fam == "disrupt":
        return "190", acled("Strategic developments", "Disrupted weapons use")
    if fam in ("change", "relocate"):
        return m.cameo, acled("Strategic developments", "Change to group/activity")
    if fam == "suspend":
        return "172", acled("Strategic developments", "Change to group/activity")
    if fam in ("deploy",):
        return "154", acled("Strategic developments", "Change to group/activity")
    if fam in ("emergency", "curfew"):
        return ("1724" if fam == "emergency" else "1723"), acled("Strategic developments", "Change to group/activity")
    if fam == "displacement":
        return "0874", acled("Strategic developments", "Other")
    if fam == "close":
        return "172", acled("Strategic developments", "Change to group/activity")
    if fam in ("bodies", "evict"):
        return ("174" if fam == "evict" else "180"), acled("Strategic developments", "Other")
    if fam in ("agreement", "sign", "ceasefire"):
        return ("0871" if fam == "ceasefire" else "057"), acled("Strategic developments", "Agreement")
    verbal = {"threaten": "130", "warn": "130", "vow": "138", "threat_call": "138", "accuse": "112",
              "condemn": "111", "demand": "100", "appeal": "020", "meet": "040", "talks": "040", "visit": "042",
              "host": "043", "negotiate": "046", "agree": "030", "sanction": "163", "expel": "166", "deport": "174",
              "curfew": "1723", "investigate": "090", "deny": "016", "release": "0841", "deploy": "154",
              "call": "020", "arrive": "042", "restore": "064", "aidnoun": "070", "provide": "070", "lift": "085",
              "sever": "161", "recall": "161", "dismiss": "120"}
    if fam == "crackdown":
        return "175", acled("Protests", "Protest with intervention") if m.crowd_control else None
    return verbal.get(fam, m.cameo), None


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Names of world regions (data/regions.csv), lower case."""
    import csv
    from importlib.resources import files

    out: set[str] = set()
    with (files("flashpoint") / "data" / "regions.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if (row.get("kind") or "region") != "region" or row.get("country"):
                continue  # seas and rivers ("the Red Sea") and regions of one country ("Eastern Ghouta") do locate
            for name in [row["name"], *(row["aliases"] or "").split("|")]:
                if name.strip():
                    out.add(name.strip().lower().removeprefix("the ").strip())
    return frozenset(out)


class Resolver:
    """Loaded resolution tables; build once per process and reuse for every document."""

    def __init__(self, actors: ActorResolver, gazetteer: Gazetteer, ontology: Ontology | None = None,
                 outlets: OutletTable | None = None) -> None:
        self.actors = actors
        self.gazetteer = gazetteer
        self.outlets = outlets  # loaded on first use when not given
        self.ontology = ontology or load_ontology()
        self._points: dict[str, dict[str, str]] | None = None

    @classmethod
    def load(cls, *, actors_file: str | None = None) -> Resolver:
        from flashpoint.resolve.actors import ActorResolver
        from flashpoint.resolve.outlets import OutletTable
        from flashpoint.resolve.places import Gazetteer

        return cls(ActorResolver.load(actors_file), Gazetteer.open(), outlets=OutletTable.load())

    # -- places -----------------------------------------------------------------------------------------
    def _place_index(self, mentions: list[Mention], toponyms: list[tuple[str, int, int]],
                     country_hint: str | None, prior: dict[str, float] | None = None) -> dict[tuple[int, int], Place]:
        from flashpoint.resolve.places import resolve_toponyms

        spans: dict[tuple[int, int], str] = {}
        regions = _regions()
        for text, s, e in toponyms:
            spans[(s, e)] = text
        for m in mentions:
            for p in m.places:
                spans.setdefault((p.start, p.end), p.text)
        # World regions ("the Middle East", "the Sahel") are too vague to locate an event; and a gazetteer would
        # happily resolve them to a namesake neighbourhood.
        spans = {k: v for k, v in spans.items() if v.lower().removeprefix("the ").strip() not in regions}
        keys = sorted(spans)
        if not keys:
            return {}
        chosen = resolve_toponyms([(spans[k], k[0], k[1]) for k in keys], self.gazetteer, country_hint=country_hint,
                                  country_prior=prior)
        return {k: p for k, p in zip(keys, chosen, strict=True) if p is not None}

    def _country_prior(self, mentions: list[Mention], hint: str | None, published: str | None) -> dict[str, float]:
        """Country votes that do not come from toponyms: the outlet's country, and the countries of the state
        forces, officials, protesters or civilians the document names ("Burkinabe soldiers", "Kenya Defence
        Forces"). A named armed group's home country is left out: groups act across borders."""
        prior: Counter[str] = Counter()
        if hint:
            prior[hint] += 2.0
        seen: set[str] = set()
        for m in mentions:
            for p in m.sources + m.targets:
                if p.pronoun or p.text in seen:
                    continue
                seen.add(p.text)
                entry = self.actors.lookup(p.text, date=published)
                if entry is not None and entry.country and entry.kind in _LOCATING_KINDS:
                    # troops are often abroad ("US Marines guarding the compound"); police and crowds are not
                    prior[entry.country] += 0.5 if entry.kind == "military" else 1.0
        return dict(prior)

    @staticmethod
    def _location(place: Place, start: int | None = None, end: int | None = None) -> Location:
        return Location(name=place.name, country=place.country, admin1=place.admin1, geonameid=place.geonameid,
                        lat=place.lat, lon=place.lon, precision=place.precision,  # type: ignore[arg-type]
                        start=start, end=end)

    # -- actors -----------------------------------------------------------------------------------------
    def _actor(self, p: Phrase, *, date: str | None, context_country: str | None) -> Actor | None:
        entry = self.actors.lookup(p.text, date=date, context_country=context_country)
        if entry is None:
            return None
        if entry.kind in ("unknown", None) and not entry.country and (
                p.text.islower() or p.ent in ("GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL")):
            return None  # a thing or a place, not an actor ("main door", "Green Zone")
        country = entry.country or (context_country if entry.kind in (
            "protesters", "civilians", "rioters", "police", "military", "government", "unknown armed",
            "militia") and not p.affiliation else None)
        code = entry.code
        if code and country and not entry.country and len(code) == 3:
            code = country + code
        return Actor(name=p.text, country=country, code=code, kind=entry.kind, start=p.start, end=p.end,
                     affiliation=p.affiliation)

    def outlet_country(self, source: str | None) -> str | None:
        """The country an outlet's name states ("Daily Nation (Kenya)"); none for a news agency (AFP, Xinhua),
        whose home country says nothing about where its stories happen."""
        if not source:
            return None
        if self.outlets is None:
            from flashpoint.resolve.outlets import OutletTable

            self.outlets = OutletTable.load()
        return self.outlets.country(source)

    def country_location(self, iso3: str, name: str | None = None) -> Location | None:
        """A country-precision location (the GeoNames country point), optionally named after an unresolved place."""
        row = self._country_points().get(iso3)
        if row is None:
            return None
        return Location(name=name or row["name"], country=iso3, geonameid=int(row["geonameid"] or 0) or None,
                        lat=float(row["lat"]), lon=float(row["lon"]), precision="country")

    def _country_points(self) -> dict[str, dict[str, str]]:
        if self._points is None:
            import csv
            from importlib.resources import files

            with (files("flashpoint") / "data" / "country_points.csv").open(encoding="utf-8") as f:
                self._points = {r["iso3"]: r for r in csv.DictReader(f)}
        return self._points

    def resolve_document(self, mentions: list[Mention], *, published: str | None,
                         toponyms: list[tuple[str, int, int]] | None = None,
                         dateline: str | None = None, source: str | None = None,
                         default_date: DateSpan | None = None) -> list[CodedMention]:
        """Code all mentions of one document (document-level context for places and actors)."""
        toponyms = list(toponyms or [])
        if dateline:
            toponyms.append((dateline, -2, -1))
        # The outlet's country (e.g. "Daily Nation (Kenya)") is a prior for ambiguous names, as for a human coder.
        hint = self.outlet_country(source)
        prior = self._country_prior(mentions, hint, published)
        places = self._place_index(mentions, toponyms, hint, prior)
        # The document's own place context: the dateline, else the most often named place.
        # The document's place: the place its body names most (first named on ties), else its dateline. A dateline
        # says where the reporter filed from ("WASHINGTON —" over a story about Iraq), the body where things happened.
        dateline_place = places.get((-2, -1))
        named = Counter(p.geonameid for k, p in places.items() if k[0] >= 0 and p.precision != "country")
        doc_place = None
        if named:
            top = max(named.values())
            first = {}
            for k, p in sorted(places.items()):
                if k[0] >= 0 and p.geonameid in named:
                    first.setdefault(p.geonameid, k[0])
            gid = min((g for g, n in named.items() if n == top), key=lambda g: first[g])
            doc_place = next(p for k, p in sorted(places.items()) if k[0] >= 0 and p.geonameid == gid)
            if dateline_place is not None and named.get(dateline_place.geonameid, 0) >= top - 1:
                doc_place = dateline_place  # the dateline city is also what the body is about
        countries = Counter(p.country for k, p in places.items() if k[0] >= 0 and p.country)
        if doc_place is None and dateline_place is not None and (
                not countries or dateline_place.country in countries):
            # A dateline locates the story unless the body is about another country: "PALM BEACH, Fla." over
            # a report on a vote in Baghdad's parliament says where the reporter was, not where it happened.
            doc_place = dateline_place
        doc_country = doc_place.country if doc_place else (countries.most_common(1)[0][0] if countries else None)
        # Toponyms inside actor phrases ("US air strikes", "Iraqi Shia militia") do not locate events.
        actor_spans = [(p.start, p.end) for m in mentions for p in m.sources + m.targets]
        places = {k: v for k, v in places.items()
                  if k[0] < 0 or not any(s <= k[0] < e for s, e in actor_spans)}
        out: list[CodedMention] = []
        last_actor: Phrase | None = None
        for m in mentions:
            if m.family == "_ref":
                out.append(CodedMention(m, "", None, [], [], DateSpan(None, None, "unknown"), None, (None, "unknown"),
                                        (None, "unknown")))
                continue
            # Place: local toponym, then one in the sentence, then the document's place.
            loc = None
            for p in m.places:
                pl = places.get((p.start, p.end))
                if pl is not None and (p.locative or pl.precision != "country"):
                    loc = self._location(pl, p.start, p.end)
                    break
            if loc is None:
                # A bare country name is usually an actor ("talks between the US and Iran"), not a location.
                flags = {(p.start, p.end): p.locative for p in m.places}
                for (s, e), pl in sorted(places.items()):
                    if m.sent_start <= s < m.sent_end and (flags.get((s, e)) or pl.precision != "country"):
                        loc = self._location(pl, s, e)
                        break
            if loc is None and doc_place is not None:
                loc = self._location(doc_place)
            ctx_country = (loc.country if loc else None) or doc_country
            date = m.time.span if m.time is not None and m.time.span is not None else (
                default_date or published_span(published))
            src, tgt = [], []
            for ph in m.sources:
                if ph.pronoun and last_actor is not None and ph.head in ("they", "he", "she", "it", "we"):
                    ph = last_actor
                a = self._actor(ph, date=published, context_country=ctx_country)
                if a is not None and a.kind != "place":
                    src.append(a)
            for ph in m.targets:
                if ph.pronoun:
                    continue
                a = self._actor(ph, date=published, context_country=ctx_country)
                if a is not None and a.kind != "place":
                    tgt.append(a)
            if m.sources and not m.sources[0].pronoun:
                last_actor = m.sources[0]
            cameo, acled = classify(m, src, tgt)
            killed = (m.killed.count, m.killed.qualifier) if m.killed else (None, "unknown")
            injured = (m.injured.count, m.injured.qualifier) if m.injured else (None, "unknown")
            out.append(CodedMention(m, cameo, acled, src, tgt, date, loc, killed, injured))
        # No place resolved anywhere: the country the document is about (its actors, else its outlet), so that
        # every event can still be counted by country. Precision "country" says the point is the country's.
        if doc_country is None:
            doc_country = hint
        if doc_country is None:
            # Countries of state forces, officials and civilians; a named armed group's home base is not evidence
            # of where it acted (JNIM is based in Mali and fights in Burkina Faso).
            actor_countries = Counter(a.country for c in out for a in c.source + c.target
                                      if a.country and a.kind in _LOCATING_KINDS) or Counter(
                a.country for c in out for a in c.source + c.target if a.country and a.kind not in ("igo", "ngo"))
            if actor_countries:
                doc_country = actor_countries.most_common(1)[0][0]
        if doc_country:
            # Domestic actors named without a country ("police", "protesters") belong to the document's country.
            for c in out:
                for a in c.source + c.target:
                    if a.country is None and a.kind in _DOMESTIC_KINDS and not a.affiliation:
                        a.country = doc_country
                        if a.code and len(a.code) == 3:
                            a.code = doc_country + a.code
        unresolved = [t for t, s, _ in toponyms if s >= 0 and (s, _) not in places]
        for c in out:
            if c.location is None and c.mention.family != "_ref":
                own = [a.country for a in c.target + c.source if a.country and a.kind in _LOCATING_KINDS] or [
                    a.country for a in c.target + c.source if a.country and a.kind not in ("igo", "ngo")]
                iso = doc_country or (own[0] if own else None)
                if iso:
                    c.location = self.country_location(iso, unresolved[0] if unresolved else None)
        return out
