"""Rerank pane: documents editor, request form, sending, ranked results and comparison."""
