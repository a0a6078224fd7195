"""Text helpers shared by ranking and the responder: a simple any-language tokenizer and sentence splitter."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
# A generated "token" is a run of spaces plus a word or a single other character, so joining
# the pieces gives back the text exactly (streams concatenate to the non-streamed answer).
_PIECE = re.compile(r"\s*(?:\w+|[^\w\s])|\s+")
# Sentence ends include the CJK full stop and full-width marks (escaped: ruff flags look-alikes).
_ENDS = ".!?\u3002\uff01\uff1f"
# A full stop between digits ("SAML 2.0", "1.5 s") is a decimal point, not the end of a sentence.
_SENTENCE = re.compile(f"(?:[^{_ENDS}\\n]|(?<=\\d)\\.(?=\\d))+(?:[{_ENDS}]+|$)", re.MULTILINE)


def words(text: str) -> list[str]:
    """Lowercase unicode word tokens of `text` (works for any script that has word characters)."""
    return _WORD.findall(text.lower())


def pieces(text: str) -> list[str]:
    """Split `text` into generation tokens whose concatenation is exactly `text`."""
    return _PIECE.findall(text)


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of `text` as (code-point offset, sentence without surrounding spaces)."""
    found: list[tuple[int, str]] = []
    for match in _SENTENCE.finditer(text):
        raw = match.group(0)
        stripped = raw.strip()
        if stripped and _WORD.search(stripped):
            found.append((match.start() + raw.index(stripped), stripped))
    return found


STOP_WORDS = frozenset(
    # English function words and question words: they say how something is asked, not what about.
    # Single letters come from splitting contractions and abbreviations ("what's", "e.g.").
    [
        "a",
        "about",
        "after",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "before",
        "between",
        "by",
        "can",
        "could",
        "d",
        "did",
        "do",
        "does",
        "e",
        "for",
        "from",
        "g",
        "get",
        "give",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "ll",
        "m",
        "me",
        "my",
        "not",
        "of",
        "on",
        "or",
        "over",
        "please",
        "re",
        "s",
        "show",
        "so",
        "t",
        "tell",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "this",
        "those",
        "to",
        "under",
        "ve",
        "was",
        "we",
        "were",
        "what",
        "whats",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)


def stem(word: str) -> str:
    """Strip a regular English plural ("lentils" → "lentil", "currencies" → "currency").

    Deliberately light (no suffix stripping beyond plurals): applied to both sides of a match it
    only merges singular and plural, and words in other languages mostly pass through unchanged.
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def stems(text: str) -> list[str]:
    """The stemmed words of `text` (how documents and tool descriptions are indexed)."""
    return [stem(w) for w in words(text)]


def content_terms(text: str) -> list[str]:
    """The stemmed words of `text` minus stop words (how queries are matched)."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]
