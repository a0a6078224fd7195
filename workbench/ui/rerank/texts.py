"""Rerank pane texts built from figures: token estimate, field warnings, span captions, in the GUI's
language and locale (core keeps its English versions for the command line)."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.core.rerank_docs import query_token_note
from workbench.core.rerank_models import limits_for
from workbench.ui.common import l10n

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.core.rerank_docs import KeyCount
    from workbench.core.rerank_spans import SpanMark

_PLACE = re.compile(r"%(\d)")


def fill(text: str, *values: object) -> str:
    """`text` with %1, %2… replaced by `values` in one pass (a value holding "%2" stays as is)."""
    return _PLACE.sub(lambda m: str(values[int(m.group(1)) - 1]), text)


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("RerankTexts", text, disambiguation, n)


def query_token_label(query: str, model: str | None) -> str:
    """The query's token estimate against its model's limit: "≈ 2,500 / 4,096 tokens (Rerank 4)"."""
    limits = limits_for(model)
    tokens, over = query_token_note(query, model)
    counted = l10n.format_count(tokens), l10n.format_count(limits.query_tokens)
    text = fill(_tr("≈ %1 / %2 tokens (%3)"), *counted, limits.family)
    return fill(_tr("⚠ %1: too long for the query limit"), text) if over else text


def missing_field_warning(inventory: Sequence[KeyCount], fields: Sequence[str], total: int) -> str:
    """A sentence warning about chosen rank fields some documents lack ("" when none)."""
    by_key = {k.key: k for k in inventory}
    parts = []
    for name in fields:
        found = by_key.get(name)
        have = found.count if found else 0
        if have < total:
            missing = _tr("“%1” is missing from %2 of %Ln documents", "", total)
            parts.append(fill(missing, name, l10n.format_count(total - have)))
    return "; ".join(parts)


def spans_caption(marks: Sequence[SpanMark]) -> str:
    """Lines for the view's header: `// span 1 · score 0.67 · characters 20 to 48`, best first."""
    best_first = sorted(marks, key=lambda m: -m.score)
    line = _tr("// span %1 · score %2 · characters %3 to %4")
    return "\n".join(
        fill(line, n, l10n.format_number(m.score, 2), m.start, m.end)
        for n, m in enumerate(best_first, start=1)
    )


def cost_text(cost: float, currency: str) -> str:
    """An estimated cost as the status lines show it: "≈ 0.0025 USD" (two significant digits)."""
    decimals = 0 if cost == 0 else max(2, 1 - math.floor(math.log10(cost)))
    return f"≈ {l10n.format_number(cost, decimals)} {currency}"
