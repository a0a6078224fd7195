"""A file a person saves (a report, an export) is written whole or not at all."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.waits import WAIT_S
from workbench.core.atomic import write_export

REPO = Path(__file__).resolve().parents[2]

# A real short write: the file-size limit makes the kernel refuse a write past 4 KiB (EFBIG),
# as a full disk refuses one past its last block; SIGXFSZ ignored, the write just fails.
SHORT_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from workbench.cli.output import FileLost, write_file
    from workbench.core.atomic import write_export
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        if sys.argv[2] == "cli":
            write_file(sys.argv[1], "new report " * 2000, "--report")
        else:
            write_export(Path(sys.argv[1]), "new report " * 2000)
    except OSError as exc:
        print(exc.strerror)
    except FileLost as exc:
        print(exc)
    """
)


def _save_on_a_short_disk(path: Path, how: str = "gui") -> str:
    done = subprocess.run(
        [sys.executable, "-c", SHORT_DISK, str(path), how], cwd=REPO, capture_output=True,
        text=True, timeout=WAIT_S, check=True, env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    return done.stdout.strip()


def test_a_report_saved_over_an_older_one_on_a_full_disk_leaves_the_older_one(
    tmp_path: Path,
) -> None:
    """Written in place, the older report was emptied first and half the new one was left."""
    report = tmp_path / "qa-report.html"
    report.write_text("older report", encoding="utf-8")
    assert _save_on_a_short_disk(report) == "File too large"
    assert report.read_text(encoding="utf-8") == "older report"
    assert [p.name for p in tmp_path.iterdir()] == ["qa-report.html"]  # no part file left


def test_a_new_report_on_a_full_disk_leaves_no_file(tmp_path: Path) -> None:
    report = tmp_path / "qa-report.md"
    assert _save_on_a_short_disk(report) == "File too large"
    assert list(tmp_path.iterdir()) == []


def test_a_saved_file_gets_the_permissions_a_plain_write_gives(tmp_path: Path) -> None:
    """Not the private 0600 of the temporary file it is written through."""
    fresh, kept, plain = tmp_path / "fresh.json", tmp_path / "kept.json", tmp_path / "plain.json"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    plain.write_text("x", encoding="utf-8")  # what the umask gives a new file here
    write_export(fresh, "new")
    write_export(kept, "new")
    assert stat.S_IMODE(fresh.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert kept.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8") == "new"


def test_a_link_saved_over_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "latest.md"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(target)
    write_export(link, "new")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new"


def test_a_report_the_command_line_saves_over_an_older_one_on_a_full_disk_leaves_it(
    tmp_path: Path,
) -> None:
    """`workbench qa --report`, `history export-file --out`: the same, said as lost output."""
    report = tmp_path / "qa-report.md"
    report.write_text("older report", encoding="utf-8")
    said = _save_on_a_short_disk(report, "cli")
    assert said == f"cannot write {report}: File too large"
    assert report.read_text(encoding="utf-8") == "older report"
    assert [p.name for p in tmp_path.iterdir()] == ["qa-report.md"]
