"""The run record: every rerank run and chat turn kept in one SQLite database, without keys."""
