"""Translation tooling: `python packaging/i18n.py update|compile|check` (see docs/translations.md).

update   extract every tr()/translate() string of workbench/ui into resources/i18n/workbench_LANG.ts,
         keeping the translations already there and dropping strings no longer in the code
compile  compile each .ts into a .qm (default folder: build/i18n; the running program compiles a
         source checkout's .ts on its own, so this is for builds and for checking by hand)
check    list the strings without a finished translation, and say when a .ts is stale
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.ui.linguist import (  # noqa: E402  after the path: runs from a plain checkout too
    LANGUAGES,
    compile_ts,
    python_sources,
    stale_messages,
    ts_file,
    unfinished_messages,
    update_ts,
)

I18N = REPO / "resources" / "i18n"


def update() -> int:
    """Refresh every language's .ts from the sources."""
    for language in LANGUAGES:
        print(update_ts(python_sources(REPO), ts_file(I18N, language), language).strip())
    return 0


def compile_all(out: Path) -> int:
    """Compile every .ts into `out`."""
    for language in LANGUAGES:
        target = compile_ts(ts_file(I18N, language), out / f"workbench_{language}.qm")
        print(f"compiled {target}")
    return 0


def check() -> int:
    """Print what is untranslated or stale; 1 when anything is."""
    problems = 0
    for language in LANGUAGES:
        ts = ts_file(I18N, language)
        with tempfile.TemporaryDirectory() as temporary:
            missing, gone = stale_messages(REPO, ts, Path(temporary), language)
        for context, source in missing:
            print(f"{ts.name}: not in the file (run update): [{context}] {source!r}")
        for context, source in gone:
            print(f"{ts.name}: no longer in the code (run update): [{context}] {source!r}")
        for context, source in unfinished_messages(ts):
            print(f"{ts.name}: not translated: [{context}] {source!r}")
        problems += len(missing) + len(gone) + len(unfinished_messages(ts))
    print(f"{problems} problem(s)")
    return 1 if problems else 0


def main() -> int:
    """Run the command named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["update", "compile", "check"])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "i18n", help="for compile")
    options = parser.parse_args()
    if options.command == "update":
        return update()
    if options.command == "compile":
        return compile_all(options.out)
    return check()


if __name__ == "__main__":
    sys.exit(main())
