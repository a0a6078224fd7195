"""Transcript formats: the character formats of a turn's parts and the painted citation highlights.

Citation spans are painted at their UTF-16 positions (`core.citations`), which is what
QTextCursor counts; each highlighted run carries `CITE_PROPERTY` ("turn:span,span") so what the
document actually highlights can be read back from Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)

from workbench.ui.common.l10n import fill
from workbench.ui.common.roles import role_background, role_colour

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtGui import QTextDocument

    from workbench.core.citations import CitationSpan, Segment

CITE_PROPERTY = QTextFormat.Property.UserProperty + 1
"""Char-format property holding "turn:span,span" on highlighted text."""
TURN_GAP_PX = 24
"""Space above each turn's card (the cards are painted by `transcript_cards`)."""


def plain_format() -> QTextCharFormat:
    return QTextCharFormat()


def bold() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def muted(*, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
    fmt.setFontItalic(italic)
    return fmt


def metrics() -> QTextCharFormat:
    """The answer's one metrics line: muted and a little smaller than the text."""
    fmt = muted()
    size = QGuiApplication.font().pointSizeF()
    if size > 0:
        fmt.setFontPointSize(size * 0.9)
    return fmt


def warning() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(role_colour("error"))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def link(href: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    fmt.setForeground(QGuiApplication.palette().color(QPalette.ColorRole.Link))
    fmt.setFontUnderline(True)
    return fmt


def cited(
    value: str,
    documents: list[str],
    background: QColor | None = None,
    labels: Mapping[str, str] | None = None,
) -> QTextCharFormat:
    """A cited run's format; `labels` name where a document came from (its rerank row)."""
    if labels:
        documents = [f"{d} ({labels[d]})" if d in labels else d for d in documents]
    fmt = QTextCharFormat()
    fmt.setBackground(background or role_background("citation"))
    fmt.setFontUnderline(True)
    fmt.setAnchor(True)
    fmt.setAnchorHref(f"cite:{value}")
    fmt.setProperty(CITE_PROPERTY, value)
    named = ", ".join(documents) or QCoreApplication.translate("Transcript", "no document id")
    fmt.setToolTip(QCoreApplication.translate("Transcript", "Cited: %1").replace("%1", named))
    return fmt


def new_plain_block(cursor: QTextCursor) -> None:
    """Start a block of its own: `insertBlock()` would copy the block format of the answer above
    it, so after an answer ending in a list every later header, footer and plain answer joined that
    list (drawn as bullets, and each new block made Qt lay out the whole list again)."""
    cursor.insertBlock(QTextBlockFormat(), plain_format())


def start_turn_block(cursor: QTextCursor) -> None:
    """Start a turn's first block, with the space between cards above it."""
    fmt = QTextBlockFormat()
    fmt.setTopMargin(TURN_GAP_PX)
    if cursor.position() > 0:
        cursor.insertBlock(fmt, plain_format())
    else:
        cursor.setBlockFormat(fmt)


def source_order(spans: tuple[CitationSpan, ...]) -> list[str]:
    """The cited documents in the order the answer first cites them (marker [1] is the first)."""
    order: dict[str, None] = {}
    for span in sorted((s for s in spans if s.anchored), key=lambda s: s.start or 0):
        order.update(dict.fromkeys(span.document_ids))
    return list(order)


def add_markers(
    document: QTextDocument,
    base: int,
    turn: int,
    spans: tuple[CitationSpan, ...],
    labels: Mapping[str, str] | None = None,
) -> None:
    """Put numbered markers ([1], [2]) after each cited span, each a link to its source.

    Called once the turn's citations are painted: markers go in from the end backwards, so the
    UTF-16 positions of the spans before them still hold.
    """
    docs = source_order(spans)
    number = {d: n for n, d in enumerate(docs, 1)}
    at: dict[int, set[int]] = {}
    for span in spans:
        if span.anchored and span.end16 is not None:
            at.setdefault(span.end16, set()).update(number[d] for d in span.document_ids)
    # One format per source, not per marker: an answer may carry hundreds of markers (issue 15).
    formats = {n: marker(turn, n, docs[n - 1], labels) for n in set().union(*at.values())}
    cursor = QTextCursor(document)
    for end16 in sorted(at, reverse=True):
        cursor.setPosition(base + end16)
        for n in sorted(at[end16]):
            cursor.insertText(f"[{n}]", formats[n])


def marker(
    turn: int, number: int, document: str, labels: Mapping[str, str] | None
) -> QTextCharFormat:
    """A citation marker's format: a raised link to source `number` of the turn."""
    fmt = link(f"source:{turn}:{number}")
    fmt.setFontUnderline(False)
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    named = f"{document} ({labels[document]})" if labels and document in labels else document
    fmt.setToolTip(fill(QCoreApplication.translate("Transcript", "Source %1: %2"), number, named))
    return fmt


def paint_citations(
    document: QTextDocument,
    base: int,
    turn: int,
    spans: tuple[CitationSpan, ...],
    runs: list[Segment],
    only: set[int] | None = None,
    labels: Mapping[str, str] | None = None,
) -> None:
    """Format each cited run (all, or those touching `only`) at its UTF-16 position after `base`."""
    cursor = QTextCursor(document)
    background = role_background("citation")  # once: it reads the application's style sheet
    utf16 = {s.start: s.start16 for s in spans if s.anchored}
    utf16.update({s.end: s.end16 for s in spans if s.anchored})
    for run in runs:
        if not run.spans or run.start not in utf16 or run.end not in utf16:
            continue
        if only is not None and only.isdisjoint(run.spans):
            continue
        ids = ",".join(str(i) for i in run.spans)
        docs = sorted({d for i in run.spans for d in spans[i].document_ids})
        cursor.setPosition(base + (utf16[run.start] or 0))
        cursor.setPosition(base + (utf16[run.end] or 0), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(cited(f"{turn}:{ids}", docs, background, labels))


def highlighted_spans(document: QTextDocument, turn: int) -> dict[int, str]:
    """Span index → the text the document actually highlights for it in this turn."""
    found: dict[int, list[tuple[int, str]]] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            owner, spans = parse_cite(str(frag.charFormat().property(CITE_PROPERTY) or ""))
            if owner == turn:
                for span in spans:
                    found.setdefault(span, []).append((frag.position(), frag.text()))
            it += 1
        block = block.next()
    return {span: _join_runs(runs) for span, runs in found.items()}


def parse_cite(value: str) -> tuple[int | None, list[int]]:
    """Read "turn:span,span" (a cite link or `CITE_PROPERTY`); (None, []) when it is not one."""
    turn, _, ids = value.partition(":")
    if not turn.isdigit():
        return None, []
    return int(turn), [int(i) for i in ids.split(",") if i.isdigit()]


def _join_runs(runs: list[tuple[int, str]]) -> str:
    """Join fragments of one span; a gap of one position is a block separator (a newline)."""
    runs.sort()
    out: list[str] = []
    end = None
    for pos, text in runs:
        if end is not None and pos == end + 1:
            out.append("\n")
        out.append(text)
        end = pos + len(text.encode("utf-16-le")) // 2
    return "".join(out).replace("\u2029", "\n")
