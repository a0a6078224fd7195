"""History pane: every recorded run, searched, filtered, inspected, annotated and exported."""
