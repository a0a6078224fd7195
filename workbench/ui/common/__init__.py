"""Widgets several panes share: JSON editor, table model base, endpoint picker, accessibility helpers."""
