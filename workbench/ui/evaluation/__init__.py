"""The Evaluation pane: score a labelled set against one or two rerank endpoints."""
