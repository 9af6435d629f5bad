"""The learned sub-type classifier: shipped model, predictions on sentences written for these tests, rebuild."""

from __future__ import annotations

import collections

import numpy as np
import pytest

from flashpoint.extract.classifier import (
    LABELS,
    MODEL_PATH,
    NONE,
    SUBTYPE_TO_TYPE,
    SubtypeClassifier,
    load_examples,
    train,
)

# Written for this test; none of them is in the training set (checked below).
NEW_SENTENCES = [
    ("Soldiers and insurgents traded gunfire for two hours outside the town of Gamboru on Friday.", "Armed clash"),
    ("A warplane bombed a rebel camp in the hills west of Kutum, killing eleven fighters.", "Air/drone strike"),
    ("A bus carrying wedding guests ran over a landmine on the road to Bandiagara; nine died.",
     "Remote explosive/landmine/IED"),
    ("A man wearing a vest packed with explosives blew himself up at the entrance of a crowded mosque.",
     "Suicide bomb"),
    ("Gunmen kidnapped a village headman and his two sons from their farm near Funtua.",
     "Abduction/forced disappearance"),
    ("Hundreds of nurses marched to the health ministry in Accra demanding overdue allowances.", "Peaceful protest"),
    ("Angry youths set fire to the district police post and stoned officers after a boy died in custody.",
     "Violent demonstration"),
    ("Police arrested the deputy governor at his home on charges of embezzlement.", "Arrests"),
    ("Riot police fired tear gas to break up a sit-in by market traders and detained their spokesman.",
     "Protest with intervention"),
    ("Villagers caught a suspected goat thief and beat him to death before the police arrived.", "Mob violence"),
    ("The two communities signed a peace accord after mediation by church leaders.", "Agreement"),
    ("Army engineers found a bomb hidden under a culvert and destroyed it in a controlled blast.",
     "Disrupted weapons use"),
    ("The minister said the government would never negotiate with the rebels.", NONE),
]


@pytest.fixture(scope="module")
def model() -> SubtypeClassifier:
    return SubtypeClassifier.load()


def test_shipped_model_loads(model: SubtypeClassifier) -> None:
    assert model.labels == LABELS
    assert len(LABELS) == 26 and set(SUBTYPE_TO_TYPE.values()) == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments"}
    assert model.weights.shape == (len(model.vocab), len(LABELS))
    assert MODEL_PATH.stat().st_size < 5_000_000


def test_training_set_shape() -> None:
    examples = load_examples()
    counts = collections.Counter(e.label for e in examples)
    assert all(counts[label] >= 40 for label in SUBTYPE_TO_TYPE), counts
    assert counts[NONE] >= 150
    texts = [e.text.lower() for e in examples]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("text,label", NEW_SENTENCES)
def test_new_sentences(model: SubtypeClassifier, text: str, label: str) -> None:
    assert text.lower() not in {e.text.lower() for e in load_examples()}
    assert model.predict(text)[0] == label


def test_probabilities_and_determinism(model: SubtypeClassifier) -> None:
    text = NEW_SENTENCES[0][0]
    probs = model.predict_proba(text)
    assert set(probs) == set(LABELS)
    assert abs(sum(probs.values()) - 1.0) < 1e-6
    assert probs == model.predict_proba(text) == SubtypeClassifier.load().predict_proba(text)
    label, p = model.predict(text)
    assert p == max(probs.values()) and probs[label] == p
    assert model.predict_type(text)[0] == "Battles"
    assert model.predict("")[0] in LABELS  # no features: the bias decides


def test_retraining_reproduces_shipped_model(model: SubtypeClassifier) -> None:
    rebuilt = train(load_examples())
    assert rebuilt.vocab == model.vocab
    np.testing.assert_allclose(rebuilt.weights, model.weights, atol=1e-5)
    np.testing.assert_allclose(rebuilt.bias, model.bias, atol=1e-5)
