"""Values a message offers for tool arguments: names, numbers, codes, dates, e-mails, quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_WORD = re.compile("[\\w'\u2019-]+")  # apostrophes, straight and curly
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)?(?!\w)")
_CODE = re.compile(r"\b[A-Z]{3}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_QUOTED = re.compile("(?<!\\w)(?:\"([^\"]+)\"|\u201c([^\u201d]+)\u201d|'([^']+)')(?!\\w)")
_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b"
    r"|\b(?:today|tonight|tomorrow|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)
_PREVIOUS_WORD = re.compile(r"([\w-]+)\W*$")
_SENTENCE_ENDS = frozenset(".!?")
# Lowercase words that join the parts of a place name ("Rio de Janeiro", "Rue du Bac").
_CONNECTORS = frozenset(["de", "do", "da", "dos", "das", "del", "di", "du", "des", "la", "le"])
_NOT_NAMES = frozenset(
    [
        "What",
        "Whats",
        "How",
        "Is",
        "Are",
        "The",
        "Please",
        "Can",
        "Could",
        "Tell",
        "Show",
        "Find",
        "Get",
        "Give",
        "I",
        "In",
        "At",
        "For",
        "Will",
        "Would",
        "Do",
        "Does",
        "When",
        "Where",
        "Which",
        "Who",
        "Why",
        "Hi",
        "Hello",
        "Hey",
        "And",
        "Or",
        "Then",
        "Also",
        "Look",
        "Check",
        "Search",
        "Use",
        "Call",
        "Convert",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Today",
        "Tomorrow",
        "Yesterday",
    ]
)


@dataclass(frozen=True)
class Found:
    """A value found in a text: where it is, what it says, and the word just before it."""

    start: int
    end: int
    value: str
    cue: str = ""
    """The preceding word, lowercased ("to" in "to JPY"): a hint at which parameter it fills."""
    opens_sentence: bool = False
    """A capitalised phrase that opens a sentence may be capitalised only for that reason."""

    def overlaps(self, other: Found) -> bool:
        """Whether the two values share a character of the text."""
        return self.start < other.end and other.start < self.end


def _found(text: str, start: int, end: int, value: str | None = None) -> Found:
    before = _PREVIOUS_WORD.search(text[:start])
    cue = before.group(1).lower() if before else ""
    return Found(start, end, text[start:end] if value is None else value, cue)


def _matches(pattern: re.Pattern[str], text: str) -> list[Found]:
    return [_found(text, m.start(), m.end()) for m in pattern.finditer(text)]


def dates(text: str) -> list[Found]:
    """ISO dates (`2026-11-24`, with an optional time) and day words ("tomorrow"), as written."""
    return _matches(_DATE, text)


def emails(text: str) -> list[Found]:
    """E-mail addresses."""
    return _matches(_EMAIL, text)


def codes(text: str) -> list[Found]:
    """Three-capital-letter codes such as ISO 4217 currencies ("EUR") or airports ("LHR")."""
    return _matches(_CODE, text)


def quoted(text: str) -> list[Found]:
    """Text between straight or curly quotes (apostrophes inside words do not count)."""
    return [
        _found(text, m.start(), m.end(), next(g for g in m.groups() if g))
        for m in _QUOTED.finditer(text)
    ]


def numbers(text: str) -> list[Found]:
    """Numbers (a decimal comma becomes a point), except those inside dates or e-mail addresses."""
    taken = dates(text) + emails(text)
    found = [
        _found(text, m.start(), m.end(), m.group(0).replace(",", "."))
        for m in _NUMBER.finditer(text)
    ]
    return [f for f in found if not any(f.overlaps(t) for t in taken)]


def _is_name(word: str) -> bool:
    base = re.split("['\u2019]", word)[0]  # "What's" is "What"
    return word[0].isupper() and base not in _NOT_NAMES


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_ENDS


def _phrase_end(text: str, tokens: list[re.Match[str]], first: int) -> int:
    """Index past the last token of the capitalised run starting at `first`."""
    j = first + 1
    while j < len(tokens) and text[tokens[j - 1].end() : tokens[j].start()] == " ":
        if _is_name(tokens[j].group(0)):
            j += 1
        elif (
            tokens[j].group(0) in _CONNECTORS
            and j + 1 < len(tokens)
            and text[tokens[j].end() : tokens[j + 1].start()] == " "
            and _is_name(tokens[j + 1].group(0))
        ):
            j += 2
        else:
            break
    return j


def phrases(text: str) -> list[Found]:
    """Runs of capitalised words ("São Paulo", "Rio de Janeiro"), skipping question words and "I".

    A sentence's first word is capitalised anyway, so phrases that open a sentence come last.
    """
    tokens = list(_WORD.finditer(text))
    inner: list[Found] = []
    openers: list[Found] = []
    i = 0
    while i < len(tokens):
        if not _is_name(tokens[i].group(0)):
            i += 1
            continue
        end = _phrase_end(text, tokens, i)
        found = _found(text, tokens[i].start(), tokens[end - 1].end())
        if _opens_sentence(text, found.start):
            openers.append(replace(found, opens_sentence=True))
        else:
            inner.append(found)
        i = end
    return inner + openers


# "I'd like 4 apples", "can I get a coffee", "two tickets please": a person asking for things.
_WANT = re.compile(
    r"\b(?:i['\u2019]?d like|i would like|i want|i['\u2019]ll take|i will take|i need"
    r"|(?:can|could|may) i (?:get|have|order)|give me|get me|please)\b",
    re.IGNORECASE,
)
# ... unless what is wanted is to be told something: "I'd like to know the capital of France".
_ASKS_INFO = re.compile(
    r"\b(?:know|learn|understand|tell|explain|what|which|who|why|how|when|where)\b",
    re.IGNORECASE,
)
_NOT_THINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "some",
        "any",
        "me",
        "us",
        "please",
        "of",
        "to",
        "i",
        "i'd",
        "id",
        "i'll",
        "like",
        "want",
        "would",
        "need",
        "and",
        "also",
        "too",
        "more",
        "can",
        "could",
        "may",
        "get",
        "have",
        "give",
        "take",
        "will",
        "for",
        "my",
        "our",
        "order",
        "buy",
        "purchase",
        "just",
    ]
)
_COUNT_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozen",
        "couple",
        "few",
    ]
)


def wants(text: str) -> bool:
    """Whether `text` asks for things (not for information)."""
    return bool(_WANT.search(text)) and not _ASKS_INFO.search(text)


def things(text: str) -> list[Found]:
    """What a request for things names: the first run of words that are neither request words
    nor counts ("apples" in "I'd like 4 apples please", "fish" in "a fish")."""
    run: list[re.Match[str]] = []
    for token in _WORD.finditer(text):
        word = token.group(0).lower().replace("\u2019", "'")
        skip = word in _NOT_THINGS or word in _COUNT_WORDS or _NUMBER.fullmatch(word)
        if skip and run:
            break
        if not skip:
            run.append(token)
    if not run:
        return []
    return [_found(text, run[0].start(), run[-1].end())]
