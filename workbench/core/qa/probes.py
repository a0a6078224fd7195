"""Built-in probe sets: a query, one obviously relevant document among unrelated ones."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.api.text import english


@dataclass(frozen=True)
class ProbeSet:
    """A query and documents; `relevant` is the one a working reranker puts first."""

    language: str
    """The probe's language, named in English (the GUI translates the name)."""
    query: str
    documents: tuple[str, ...]
    relevant: int


ENGLISH = ProbeSet(
    language=english("English"),
    query="How do I reset my account password?",
    documents=(
        "The train to Milan leaves from platform 4 every hour on weekdays.",
        "Lentil soup is a cheap vegetarian dinner: simmer lentils with onion and carrot.",
        "To reset your account password, open Settings, choose Security and click Reset "
        "password; a link to choose a new password is sent to your email.",
        "The football season ends in May with the cup final.",
        "Tomorrow will be sunny in Lisbon with a light breeze from the sea.",
    ),
    relevant=2,
)

ITALIAN = ProbeSet(
    language=english("Italian"),
    query="Come posso reimpostare la password del mio account?",
    documents=(
        "Il treno per Milano parte dal binario 4 ogni ora nei giorni feriali.",
        "Per reimpostare la password del tuo account apri Impostazioni, scegli Sicurezza e fai "
        "clic su Reimposta password: riceverai un link via email.",
        "La zuppa di lenticchie è una cena vegetariana economica.",
        "La stagione calcistica finisce a maggio con la finale di coppa.",
        "Domani a Lisbona sarà soleggiato con una leggera brezza dal mare.",
    ),
    relevant=1,
)

PROBES = (ENGLISH, ITALIAN)

OBJECTS: tuple[dict[str, str], ...] = (
    {"title": "Train timetable", "text": "Trains to Milan leave every hour from platform 4."},
    {"title": "Password help", "text": "Reset your password under Settings, then Security."},
    {"title": "Soup recipe", "text": "Simmer lentils with onion and carrot for 30 minutes."},
)
"""Object documents for `rank_fields`; the second answers the probe query."""
OBJECTS_RELEVANT = 1

_TOPICS = (
    "the weather in coastal towns",
    "a recipe for bread",
    "train timetables",
    "the rules of chess",
    "gardening in spring",
    "the history of bridges",
    "saving energy at home",
    "birds of the Alps",
)


def thousand_documents(count: int = 1000, planted: int = 637) -> tuple[list[str], int]:
    """`count` filler documents with the English probe's relevant one at `planted`."""
    docs = [
        f"Note {i}: a short paragraph about {_TOPICS[i % len(_TOPICS)]}, number {i // 8}."
        for i in range(count)
    ]
    docs[planted] = ENGLISH.documents[ENGLISH.relevant]
    return docs, planted
