from flashpoint.clean import classify_lines, clean_document, unglue
from flashpoint.records import Document

REPORT = """Rebels seize border post in overnight raid

KASSALA (Example Wire) — Armed men overran a customs post near the border early on Monday, officials said.

Border Post Raid
Soldiers guard the damaged gate at the post (Amina Tesfaye/EW)

The attackers withdrew before dawn, leaving theoffice burned; the office had been rebuilt in 2018.

By Jonah Field

Photo: Kassala customs office, file image
"""


def kinds(text):
    return [(seg.kind, text[seg.start:seg.end]) for seg in classify_lines(text)]


def test_headline_caption_credit_byline():
    got = kinds(REPORT)
    assert got[0] == ("headline", "Rebels seize border post in overnight raid")
    assert ("caption", "Soldiers guard the damaged gate at the post (Amina Tesfaye/EW)") in got
    assert ("caption", "Border Post Raid") in got  # gallery title above a caption
    assert ("byline", "By Jonah Field") in got
    assert ("caption", "Photo: Kassala customs office, file image") in got
    assert sum(1 for k, _ in got if k == "body") == 2


def test_dateline_is_split_from_body():
    got = kinds(REPORT)
    assert got[1][0] == "dateline" and got[1][1].startswith("KASSALA (Example Wire)")
    assert got[2] == ("body", "Armed men overran a customs post near the border early on Monday, officials said.")


def test_segments_keep_raw_offsets():
    cd = clean_document(Document(id="x", text=REPORT))
    for seg in cd.segments:
        if seg.kind != "body" or cd.offset_maps:
            continue
        assert REPORT[seg.start:seg.end] == seg.text


def test_glued_word_split_with_offset_map():
    cd = clean_document(Document(id="x", text=REPORT))
    idx = next(i for i, s in enumerate(cd.segments) if "office burned" in s.text)
    seg = cd.segments[idx]
    assert "the office burned" in seg.text
    pos = seg.text.index("office burned")
    assert REPORT[cd.raw_offset(idx, pos):cd.raw_offset(idx, pos) + 6] == "office"


def test_unglue_leaves_real_words_alone():
    vocab = {"theory", "therapy", "office", "the", "other"}
    assert unglue("theory and therapy", vocab) == ("theory and therapy", None)
    assert unglue("theother side", {"other"})[0] == "the other side"


def test_text_without_headline_is_all_body():
    text = "Police arrested three men in Mombasa on Friday. They were charged on Saturday."
    assert [k for k, _ in kinds(text)] == ["body"]
