"""Rerank pane texts built from figures (token estimate, field warnings, span captions, summary
lines, the batch offer), in the GUI's language and locale; core keeps its English versions for the
command line.

The texts live on a QObject so lupdate files them under one context and plural forms (`%n`)
work; a `RerankTexts()` is made where one is needed (it is cheap and holds no state).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workbench.api.models import Usage
from workbench.core.rerank_docs import (
    MAX_DOCS_TIMES_CHUNKS,
    RECOMMENDED_MAX_DOCUMENTS,
    query_token_note,
)
from workbench.core.rerank_models import limits_for
from workbench.ui.common import l10n

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api.models import RerankResponse
    from workbench.core.chat_metrics import PriceTable
    from workbench.core.rerank_compare import Comparison
    from workbench.core.rerank_docs import KeyCount
    from workbench.core.rerank_spans import SpanMark

_PLACE = re.compile(r"%(\d)")


def fill(text: str, *values: object) -> str:
    """`text` with %1, %2… replaced by `values` in one pass (a value holding "%2" stays as is)."""
    return _PLACE.sub(lambda m: str(values[int(m.group(1)) - 1]), text)


def cost_text(cost: float, currency: str) -> str:
    """An estimated cost with two significant digits: "≈ 0.0025 USD" ("≈ 0,0025 USD")."""
    decimals = 0 if cost == 0 else max(2, 1 - math.floor(math.log10(cost)))
    return f"≈ {l10n.format_number(cost, decimals)} {currency}"


class RerankTexts(QObject):
    """The rerank pane's texts made of figures, in the current language."""

    def query_token_label(self, query: str, model: str | None) -> str:
        """ "≈ 2,500 / 4,096 tokens (Rerank 4)", with a warning when over the model's limit."""
        limits = limits_for(model)
        tokens, over = query_token_note(query, model)
        counted = l10n.format_count(tokens), l10n.format_count(limits.query_tokens)
        text = fill(self.tr("≈ %1 / %2 tokens (%3)"), *counted, limits.family)
        return fill(self.tr("⚠ %1: too long for the query limit"), text) if over else text

    def missing_field_warning(
        self, inventory: Sequence[KeyCount], fields: Sequence[str], total: int
    ) -> str:
        """A sentence warning about chosen rank fields some documents lack ("" when none)."""
        by_key = {k.key: k for k in inventory}
        parts = []
        for name in fields:
            found = by_key.get(name)
            have = found.count if found else 0
            if have < total:
                # The noun goes with the documents lacking the field ("manca in 1 documento su
                # 5"), so their count picks the plural form, not the total.
                missing = self.tr("“%1” is missing from %2 of %3 documents", "", total - have)
                counts = l10n.format_count(total - have), l10n.format_count(total)
                parts.append(fill(missing, name, *counts))
        return "; ".join(parts)

    def spans_caption(self, marks: Sequence[SpanMark]) -> str:
        """Header lines: `// span 1 · score 0.67 · characters 20 to 48`, best first."""
        best_first = sorted(marks, key=lambda m: -m.score)
        line = self.tr("// span %1 · score %2 · characters %3 to %4")
        return "\n".join(
            fill(line, n, l10n.format_number(m.score, 2), m.start, m.end)
            for n, m in enumerate(best_first, start=1)
        )

    def summary_line(self, response: RerankResponse, prices: PriceTable | None = None) -> str:
        """ "12 results in 84.0 ms · 1 search unit · ≈ 0.0020 USD" (other billed units too)."""
        count = len(response.results)
        head = self.tr("%1 result(s) in %2", "", count)
        parts = [fill(head, l10n.format_count(count), l10n.format_ms(response.latency_ms))]
        parts += [self._billed(unit, amount) for unit, amount in response.billed_units.items()]
        from workbench.core.chat_metrics import estimate_cost  # here: not for the first paint

        cost = estimate_cost(Usage(billed_units=response.billed_units), prices)
        if cost is not None and prices is not None:
            parts.append(cost_text(cost, prices.currency))
        return " · ".join(parts)

    def _billed(self, unit: str, amount: float) -> str:
        """ "1 search unit", "3 search units"; a unit the workbench does not know keeps its name."""
        shown = l10n.format_number(amount, 0 if float(amount).is_integer() else 2)
        if unit == "search_units":
            return fill(self.tr("%1 search unit(s)", "", round(amount)), shown)
        name = unit.replace("_", " ")
        return f"{shown} {name[:-1] if name.endswith('s') and amount == 1 else name}"

    def comparison_line(self, comparison: Comparison, name_a: str, name_b: str) -> str:
        """One line naming A and B with overlap@k and Kendall's tau."""
        tau = self.tr("n/a")
        if comparison.tau is not None:
            sign = "+" if comparison.tau >= 0 else ""
            tau = sign + l10n.format_number(comparison.tau, 3)
        line = self.tr("A: %1  ·  B: %2  ·  overlap@%3: %4/%3  ·  Kendall's τ over %5 shared: %6")
        k, overlap = l10n.format_count(comparison.k), l10n.format_count(comparison.overlap)
        return fill(line, name_a, name_b, k, overlap, l10n.format_count(comparison.common), tau)

    def split_offer(self, count: int, size: int) -> str:
        """The "Split into batches" box's text for `count` documents in batches of `size`."""
        offer = self.tr(
            "⚠ %1 documents: more than one request should carry here (at most %2 recommended; "
            "v1 also needs documents x max_chunks_per_doc below %3). Split into batches of %4 "
            "and merge the results"
        )
        figures = (count, RECOMMENDED_MAX_DOCUMENTS, MAX_DOCS_TIMES_CHUNKS, size)
        return fill(offer, *(l10n.format_count(n) for n in figures))

    def no_documents(self) -> str:
        """What the request body box says before there are documents."""
        return self.tr(
            "// Add documents (type JSON, paste or import them) to see the request body."
        )

    def bad_documents(self, problem: str) -> str:
        """What the request body box says while the documents cannot be sent: the editor's
        message (bad JSON, or a document this flavour does not take)."""
        return fill(self.tr("// The documents cannot be sent yet: %1"), problem)

    def more_documents(self, more: int) -> str:
        """The request body box's last line when it lists only the first documents."""
        note = self.tr("// … and %1 more document(s) (Copy body copies them all)", "", more)
        return fill(note, l10n.format_count(more))

    def side_failed(self, side: str, title: str) -> str:
        """ "B failed (Authentication failed)": one side of a comparison had no answer."""
        return fill(self.tr("%1 failed (%2)"), side, title)


def query_token_label(query: str, model: str | None) -> str:
    """See `RerankTexts.query_token_label`."""
    return RerankTexts().query_token_label(query, model)


def summary_line(response: RerankResponse, prices: PriceTable | None = None) -> str:
    """See `RerankTexts.summary_line`."""
    return RerankTexts().summary_line(response, prices)
