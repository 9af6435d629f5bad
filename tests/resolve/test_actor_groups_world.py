"""Named armed groups, militias, gangs, cartels and parties from every region, coded from short reports written for
these tests: the extractor finds the actor phrase in the sentence, the resolver codes it."""

from __future__ import annotations

import csv

import pytest

from flashpoint.clean import clean_document
from flashpoint.extract import extract_mentions
from flashpoint.nlp import load_model, parse
from flashpoint.records import Document
from flashpoint.resolve import actors as actors_mod
from flashpoint.resolve.actors import DATA_DIR, ActorResolver

PUBLISHED = "2024-06-12"


@pytest.fixture(scope="module")
def res() -> ActorResolver:
    return ActorResolver.load()


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def phrases_of(nlp):
    """sentence -> (source phrases, target phrases) of its event mentions, in order."""

    def run(sentence: str) -> tuple[list[str], list[str]]:
        doc = Document(id="t", text=sentence, published=PUBLISHED)
        mentions = extract_mentions(next(parse([clean_document(doc)], nlp)))
        sources = [p.text for m in mentions for p in m.sources]
        targets = [p.text for m in mentions for p in m.targets]
        return sources, targets

    return run


# sentence, role of the phrase checked, canonical name, home country, kind
SENTENCES = [
    # Latin America and the Caribbean
    ("Suspected Jalisco cartel gunmen opened fire on a police patrol in Michoacan.", "source",
     "Jalisco New Generation Cartel", "MEX", "armed group"),
    ("CJNG hitmen ambushed state police officers near Zamora.", "source",
     "Jalisco New Generation Cartel", "MEX", "armed group"),
    ("Los Chapitos gunmen clashed with La Mayiza fighters on the outskirts of Culiacan.", "source",
     "Los Chapitos", "MEX", "armed group"),
    ("Los Chapitos gunmen clashed with La Mayiza fighters on the outskirts of Culiacan.", "target",
     "La Mayiza", "MEX", "armed group"),
    ("Members of the Cartel del Noreste ambushed soldiers near Nuevo Laredo.", "source",
     "Cartel del Noreste", "MEX", "armed group"),
    ("La Nueva Familia Michoacana kidnapped 14 employees of a poultry firm.", "source",
     "La Familia Michoacana", "MEX", "armed group"),
    ("Carteles Unidos gunmen attacked a village near Aguililla.", "source", "Carteles Unidos", "MEX", "armed group"),
    ("Guerreros Unidos abducted a teacher in Iguala.", "source", "Guerreros Unidos", "MEX", "armed group"),
    ("Soldiers arrested five members of the Gulf Cartel in Reynosa.", "target", "Gulf Cartel", "MEX", "armed group"),
    ("Tren de Aragua members shot dead a shopkeeper in Santiago.", "source", "Tren de Aragua", "VEN", "armed group"),
    ("ELN rebels attacked a military base in Arauca.", "source",
     "National Liberation Army (Colombia)", "COL", "rebels"),
    ("FARC dissidents detonated a car bomb outside a police station in Jamundi.", "source",
     "FARC dissidents", "COL", "rebels"),
    ("Fighters of the Estado Mayor Central clashed with the army in Cauca.", "source",
     "Central General Staff", "COL", "rebels"),
    ("The Clan del Golfo killed a community leader in Antioquia.", "source", "Gulf Clan", "COL", "armed group"),
    ("Members of Los Pachenca shot dead a farmer near Santa Marta.", "source",
     "Self-Defense Conquerors of the Sierra Nevada", "COL", "armed group"),
    ("The PCC set fire to buses in Sao Paulo.", "source", "Primeiro Comando da Capital", "BRA", "armed group"),
    ("Comando Vermelho traffickers fought police in a Rio favela.", "source",
     "Comando Vermelho", "BRA", "armed group"),
    ("G9 gang members burned houses in Cite Soleil.", "source", "G9 and Family", "HTI", "armed group"),
    ("Viv Ansanm gangs attacked the town of Mirebalais.", "source", "Viv Ansanm", "HTI", "armed group"),
    ("Gran Grif gunmen killed dozens of residents in Pont-Sonde.", "source", "Gran Grif", "HTI", "armed group"),
    ("Kraze Baryè gang members set fire to a church in Tabarre.", "source", "Kraze Barye", "HTI", "armed group"),
    ("Los Choneros members rioted inside the Litoral prison.", "source", "Los Choneros", "ECU", "armed group"),
    ("Los Lobos gunmen attacked a mining camp in Ponce Enriquez.", "source", "Los Lobos", "ECU", "armed group"),
    ("MS-13 gang members murdered a bus driver in San Salvador.", "source", "MS-13", "SLV", "armed group"),
    ("Shining Path remnants ambushed a police patrol in the VRAEM.", "source", "Shining Path", "PER", "rebels"),
    # Europe and the Caucasus
    ("Wagner Group fighters seized the town of Soledar.", "source", "Wagner Group", "RUS", "armed group"),
    ("The Russian Volunteer Corps launched a raid into Belgorod region.", "source",
     "Russian Volunteer Corps", "UKR", "rebels"),
    ("Azov fighters attacked Russian positions near Toretsk.", "source", "Azov", "UKR", "military"),
    ("Akhmat forces shelled Ukrainian positions near Kurakhove.", "source", "Akhmat", "RUS", "militia"),
    ("PKK militants attacked a Turkish army outpost in Hakkari.", "source",
     "Kurdistan Workers' Party", "TUR", "rebels"),
    # Middle East and North Africa
    ("Hayat Tahrir al-Sham fighters clashed with government forces in Idlib.", "source",
     "Hayat Tahrir al-Sham", "SYR", "rebels"),
    ("The SDF arrested 20 suspected Islamic State members in Raqqa.", "source",
     "Syrian Democratic Forces", "SYR", "rebels"),
    ("Turkish-backed SNA factions shelled villages near Manbij.", "source", "Syrian National Army", "SYR", "rebels"),
    ("Kataib Hezbollah claimed a drone attack on a US base.", "source", "Kataib Hezbollah", "IRQ", "militia"),
    ("Fighters of Asa'ib Ahl al-Haq attacked a liquor shop in Baghdad.", "source",
     "Asaib Ahl al-Haq", "IRQ", "militia"),
    ("Houthi forces shelled government positions in Marib.", "source", "Houthis", "YEM", "rebels"),
    ("Fighters of the Southern Transitional Council clashed with Islah gunmen in Shabwa.", "source",
     "Southern Transitional Council", "YEM", "militia"),
    ("Hezbollah fired rockets at northern Israel.", "source", "Hezbollah", "LBN", "militia"),
    ("The Qassam Brigades fired rockets at Tel Aviv.", "source", "Izz ad-Din al-Qassam Brigades", "PSE", "rebels"),
    ("Palestinian Islamic Jihad fighters clashed with Israeli troops in Jenin.", "source",
     "Palestinian Islamic Jihad", "PSE", "rebels"),
    ("Lions' Den militants opened fire on an army checkpoint near Nablus.", "source", "Lions' Den", "PSE", "militia"),
    ("The Libyan National Army shelled positions in southern Tripoli.", "source",
     "Libyan National Army", "LBY", "military"),
    ("The Radaa Special Deterrence Force detained a militia commander in Tripoli.", "source",
     "Rada Special Deterrence Force", "LBY", "militia"),
    ("Jaish al-Adl militants attacked a police station in Sistan-Baluchestan.", "source",
     "Jaish al-Adl", "IRN", "rebels"),
    ("Basij members beat protesters in Tehran.", "source", "Basij", "IRN", "militia"),
    # South Asia
    ("TTP militants attacked a checkpoint in North Waziristan.", "source",
     "Tehrik-i-Taliban Pakistan", "PAK", "rebels"),
    ("The Balochistan Liberation Army hijacked a train in Bolan.", "source",
     "Balochistan Liberation Army", "PAK", "rebels"),
    ("ISKP claimed a suicide bombing at a rally in Bajaur.", "source",
     "Islamic State Khorasan Province", "AFG", "rebels"),
    ("Naxalites killed two villagers in Bijapur.", "source", "Communist Party of India (Maoist)", "IND", "rebels"),
    ("ULFA-I militants fired at an army camp in Tinsukia.", "source",
     "United Liberation Front of Asom", "IND", "rebels"),
    ("Arambai Tenggol members abducted three men in Imphal.", "source", "Arambai Tenggol", "IND", "militia"),
    ("Lashkar-e-Taiba militants attacked tourists in Pahalgam.", "source", "Lashkar-e-Taiba", "PAK", "rebels"),
    ("The Taliban detained two journalists in Kabul.", "source", "Taliban", "AFG", "rebels"),
    ("Chhatra League members attacked students at Dhaka University.", "source",
     "Bangladesh Chhatra League", "BGD", "political party"),
    # Southeast Asia
    ("NPA rebels ambushed soldiers in Samar.", "source", "New People's Army", "PHL", "rebels"),
    ("Dawlah Islamiyah militants attacked a military detachment in Lanao del Sur.", "source",
     "Maute Group", "PHL", "rebels"),
    ("Fighters of the Arakan Army seized a border town in Rakhine.", "source", "Arakan Army", "MMR", "rebels"),
    ("The Kachin Independence Army captured a junta base in Bhamo.", "source",
     "Kachin Independence Army", "MMR", "rebels"),
    ("The TNLA attacked junta troops in Lashio.", "source", "Ta'ang National Liberation Army", "MMR", "rebels"),
    ("Chinland Defense Force fighters attacked a police station in Falam.", "source",
     "Chinland Defense Force", "MMR", "militia"),
    ("BRN insurgents bombed a railway line in Yala.", "source", "Barisan Revolusi Nasional", "THA", "rebels"),
    ("TPNPB rebels shot dead two construction workers in Puncak.", "source",
     "West Papua National Liberation Army", "IDN", "rebels"),
    # Africa beyond the Sahel
    ("Al Shabaab militants stormed a hotel in Mogadishu.", "source", "al-Shabaab", "SOM", "rebels"),
    ("The RSF shelled a displacement camp near El Fasher.", "source", "Rapid Support Forces", "SDN", "militia"),
    ("SPLA-IO forces attacked government troops in Upper Nile.", "source",
     "Sudan People's Liberation Movement-in-Opposition", "SSD", "rebels"),
    ("Fano militiamen ambushed federal troops near Gondar.", "source", "Fano", "ETH", "militia"),
    ("M23 rebels seized the town of Sake.", "source", "M23", "COD", "rebels"),
    ("CODECO militiamen attacked a displacement camp in Djugu.", "source", "CODECO", "COD", "militia"),
    ("Wazalendo fighters clashed with M23 in Masisi.", "source", "Wazalendo", "COD", "militia"),
    ("CPC rebels attacked a gendarmerie post near Bossangoa.", "source",
     "Coalition of Patriots for Change", "CAF", "rebels"),
    ("Ambazonian separatists kidnapped a teacher in Bamenda.", "source", "Ambazonia Defence Forces", "CMR", "rebels"),
    ("ISWAP fighters overran a military base in Borno.", "source",
     "Islamic State West Africa Province", "NGA", "rebels"),
    ("Lakurawa militants killed 15 villagers in Kebbi.", "source", "Lakurawa", "NGA", "rebels"),
    ("JNIM militants attacked an army convoy near Djibo.", "source",
     "Jama'at Nusrat al-Islam wal-Muslimin", "MLI", "rebels"),
    ("Koglweogo vigilantes killed three herders in Namentenga.", "source", "Koglweogo", "BFA", "militia"),
]


@pytest.mark.parametrize("sentence, role, name, country, kind", SENTENCES)
def test_groups_in_sentences(phrases_of, res, sentence, role, name, country, kind):
    sources, targets = phrases_of(sentence)
    phrases = sources if role == "source" else targets
    assert phrases, (sentence, sources, targets)
    e = res.lookup(phrases[0], date=PUBLISHED)
    assert e is not None, phrases[0]
    assert (e.name, e.country, e.kind) == (name, country, kind), phrases[0]


# spellings and transliterations reports use -> canonical name
@pytest.mark.parametrize("text, name", [
    ("Cártel Jalisco Nueva Generación", "Jalisco New Generation Cartel"),
    ("Cartel de Sinaloa", "Sinaloa Cartel"),
    ("Gaitanista Army of Colombia", "Gulf Clan"),
    ("Segunda Marquetalia", "Segunda Marquetalia"),
    ("Militarized Communist Party of Peru", "Shining Path"),
    ("Mara Salvatrucha", "MS-13"),
    ("G-Pèp", "G-Pep"),
    ("400 Mawazo", "400 Mawozo"),
    ("Legion Freedom of Russia", "Freedom of Russia Legion"),
    ("Ukrainian Territorial Defence Forces", "Territorial Defence Forces (Ukraine)"),
    ("Kurdistan Freedom Hawks", "Kurdistan Freedom Falcons"),
    ("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    ("Kata'ib Hizballah", "Kataib Hezbollah"),
    ("Hashd al-Sha'bi", "Popular Mobilization Forces"),
    ("Harakat al-Nujaba", "Harakat Hezbollah al-Nujaba"),
    ("Saraya al-Salaam", "Saraya al-Salam"),
    ("Ansarullah", "Houthis"),
    ("Huthi rebels", "Houthis"),
    ("the al-Qassam Brigades", "Izz ad-Din al-Qassam Brigades"),
    ("Saraya al-Quds", "Palestinian Islamic Jihad"),
    ("Al-Aqsa Martyrs Brigade", "Al-Aqsa Martyrs' Brigades"),
    ("Tulkarem Battalion", "Tulkarm Brigade"),
    ("Tripoli Revolutionaries' Brigade", "Tripoli Revolutionaries Brigade"),
    ("Wilayat Sinai", "Islamic State Sinai Province"),
    ("Kurdistan Free Life Party", "Party of Free Life of Kurdistan"),
    ("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
    ("Fitna al-Khawarij", "Tehrik-i-Taliban Pakistan"),
    ("ISIS-K", "Islamic State Khorasan Province"),
    ("Jaish-e-Mohammad", "Jaish-e-Mohammed"),
    ("Hizb-ul-Mujahideen", "Hizbul Mujahideen"),
    ("CPI (Maoist)", "Communist Party of India (Maoist)"),
    ("NSCN (IM)", "National Socialist Council of Nagaland (Isak-Muivah)"),
    ("NSCN-K", "National Socialist Council of Nagaland (Khaplang)"),
    ("PLA (Manipur)", "People's Liberation Army of Manipur"),
    ("Jamaat-e-Islami", "Bangladesh Jamaat-e-Islami"),
    ("Pakistani Jamaat-e-Islami", "Jamaat-e-Islami Pakistan"),
    ("Jatiyatabadi Chhatra Dal", "Jatiyatabadi Chhatra Dal"),
    ("CPP-NPA", "New People's Army"),
    ("Dawlah Islamiyah-Maute", "Maute Group"),
    ("Karenni Nationalities Defense Force", "Karenni Nationalities Defence Force"),
    ("Kokang rebels", "Myanmar National Democratic Alliance Army"),
    ("Papuan separatists", "West Papua National Liberation Army"),
    ("al-Shebab", "al-Shabaab"),
    ("SLM-Minni Minawi", "Sudan Liberation Movement-Minni Minawi"),
    ("SPLM-N (al-Hilu)", "Sudan People's Liberation Movement-North (al-Hilu)"),
    ("OLF-Shene", "Oromo Liberation Army"),
    ("Mayi-Mayi militiamen", "Mai-Mai"),
    ("AFC/M23", "M23"),
    ("3R rebels", "Return, Reclamation, Rehabilitation"),
    ("Ansar al-Sunna", "Islamic State Mozambique Province"),
    ("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "Boko Haram"),
    ("Dan Nan Ambassagou", "Dan Na Ambassagou"),
    ("Volontaires pour la défense de la patrie", "Volunteers for the Defense of the Homeland"),
    ("Front de Libération de l'Azawad", "Azawad Liberation Front"),
])
def test_spelling_variants(res, text, name):
    e = res.lookup(text)
    assert e is not None and e.name == name, (text, e)


# ---------------------------------------------------------------- false positives


def test_mixed_case_acronyms_are_not_words(res):
    assert res.lookup("LeT").name == "Lashkar-e-Taiba"
    assert res.lookup("JeM").name == "Jaish-e-Mohammed"
    assert res.lookup("MoD").name == "Ministry of Defence (UK)"
    for word in ["let", "jem", "mod", "the mod", "pdfs", "bra", "a territorial dispute"]:
        assert res.lookup(word) is None, word


@pytest.mark.parametrize("text, country", [
    ("Polish territorial defence forces", "POL"),  # not Ukraine's Territorial Defence
    ("CDF Francis Ogolla", None),  # Kenya's Chief of Defence Forces, not the Chinland Defense Force
    ("the MPC", None),  # a monetary policy committee, not a Central African rebel movement
    ("Jamaat-e-Islami Hind", "IND"),
])
def test_generic_or_ambiguous_names_do_not_take_a_group(res, text, country):
    e = res.lookup(text)
    assert e is None or e.country == country, (text, e)


@pytest.mark.parametrize("sentence", [
    "Police let the crowd march to parliament on Friday.",
    "The MPC raised interest rates by half a point.",
    "Traders in the market said the bra shortage had eased.",
])
def test_ordinary_words_in_sentences_take_no_group(phrases_of, res, sentence):
    groups = {r["name"] for r in _groups()}
    sources, targets = phrases_of(sentence)
    for phrase in sources + targets:
        e = res.lookup(phrase)
        assert e is None or e.name not in groups, (phrase, e)


# ---------------------------------------------------------------- table


def _groups() -> list[dict[str, str]]:
    with open(DATA_DIR / "groups.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_no_name_or_alias_belongs_to_two_groups():
    seen: dict[tuple[bool, str], str] = {}
    for r in _groups():
        for form in [r["name"], *actors_mod._split_list(r["aliases"])]:
            tokens = actors_mod._tokenize(form)
            if tokens and tokens[0].lower() == "the" and len(tokens) > 1:
                tokens = tokens[1:]
            cs = actors_mod._is_cs_key(tokens)
            key = (cs, " ".join(tokens) if cs else " ".join(tokens).lower())
            assert seen.setdefault(key, r["name"]) == r["name"], (form, seen[key], r["name"])


def test_group_codes_start_with_the_home_country():
    cameo = {}
    with open(DATA_DIR / "countries.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            cameo[r["iso3"]] = r["cameo"]
    odd = [r["name"] for r in _groups() if r["country"] and not r["code"].startswith(cameo[r["country"]])]
    # exiles fighting for the host country keep their own country's code
    assert set(odd) <= {"Freedom of Russia Legion", "Russian Volunteer Corps"}, odd
