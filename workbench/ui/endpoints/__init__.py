"""Endpoints pane: the saved endpoints, their form, keys in the keyring, import and export."""
