"""The Compare pane: one conversation sent to two or three routes at once, side by side."""
