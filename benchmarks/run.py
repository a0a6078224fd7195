"""Run every benchmark and print one table: figure, value, unit, goal, met (and the core count).

Each benchmark is a script that also runs alone; here each runs in a fresh process with `--json`
(its own report goes to stderr, shown with `--verbose`) and hands back its figures. Goals are the
ones of issues 15 and 12; a figure with no goal is printed for reference. Nothing is asserted: this
script measures, it does not judge. The whole run takes about four minutes.

    .venv/bin/python benchmarks/run.py [--json] [--only NAME ...] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import Figure

HERE = Path(__file__).resolve().parent
BENCHMARKS: dict[str, list[str]] = {
    "startup": ["startup.py", "--runs", "5", "--offscreen-only"],
    "rerank_render": ["rerank_render.py", "--batched", "0"],
    "chat_stream_render": ["chat_stream_render.py", "2", "3"],
    "chat_long_transcript": ["chat_long_transcript.py", "2"],
    "chat_conversation": ["chat_conversation.py", "--turns", "500"],
    "chat_compare": ["chat_compare.py", "--rounds", "8", "--seconds", "3"],
    "first_token": ["first_token.py"],
    "frame_split": ["frame_split.py"],
    "stream_decode": ["stream_decode.py"],
    "sandbox_load": ["sandbox_load.py"],
    "entra_sign_in": ["entra_sign_in.py"],
    "evaluation": ["evaluation.py"],
    "qa_run": ["qa_run.py"],
    "history": ["history.py"],
}
"""Name → script and arguments; sizes chosen so the whole run stays under five minutes."""
NOT_APPLICABLE: list[Figure] = []
"""Goals whose feature does not exist yet: listed, not measured."""
TIMEOUT_S = 240


def run_one(name: str, verbose: bool) -> list[Figure]:
    """Run one benchmark with `--json`; its figures, or one row saying why there are none."""
    script, *args = BENCHMARKS[name]
    if not (HERE / script).exists():
        return [Figure(f"{name}: benchmarks/{script} does not exist yet", None, "", "", None)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    try:
        done = subprocess.run(
            [sys.executable, str(HERE / script), *args, "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [Figure(f"{name}: did not finish in {TIMEOUT_S} s", None, "", "", False)]
    if verbose:
        sys.stderr.write(done.stderr)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            try:
                return [Figure(**row) for row in json.loads(line)["figures"]]
            except (ValueError, KeyError, TypeError):
                break
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1][:80]
    return [Figure(f"{name}: failed (exit {done.returncode}: {tail})", None, "", "", False)]


def table(figures: list[Figure], cores: int, load: float) -> str:
    """The figures as an aligned Markdown table, with the core count and the load above it."""
    rows = [("figure", "value", "unit", "goal", "met")]
    for f in figures:
        value = "n/a" if f.value is None else _number(f.value)
        met = "" if f.met is None else ("yes" if f.met else "**no**")
        rows.append((f.name, value, f.unit, f.goal, met))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = [
        f"{cores} cores, Python {sys.version.split()[0]}, "
        f"load average {load:.1f} when the run started",
        "",
    ]
    for n, row in enumerate(rows):
        cells = [
            c.rjust(w) if i == 1 else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def _number(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.0f}"
    return f"{value:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these")
    parser.add_argument("--verbose", action="store_true", help="show each benchmark's report")
    args = parser.parse_args()
    figures: list[Figure] = []
    load = os.getloadavg()[0]  # a busy machine shows in every stall; the table says how busy
    started = time.perf_counter()
    for name in args.only or BENCHMARKS:
        t0 = time.perf_counter()
        figures += run_one(name, args.verbose)
        print(f"{name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    if not args.only:
        figures += NOT_APPLICABLE
    cores = os.cpu_count() or 0
    print(f"whole run: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.json:
        print(json.dumps({"figures": [asdict(f) for f in figures], "cores": cores}))
    else:
        print(table(figures, cores, load))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
