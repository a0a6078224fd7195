"""Rerank evaluation: 100 queries x 50 candidates against the sandbox, in under 30 s (issue 17).

Run: `.venv/bin/python benchmarks/evaluation.py [--queries N] [--docs N] [--json]`. A made-up
BEIR set (a corpus over 1,000 documents, so the candidates come from a TREC run file) is written
to a temporary folder; the sandbox runs in a process of its own; every request is recorded in a
temporary run history, as `workbench eval` does. Nothing asserts on time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import below, emit, info
from benchmarks.sandbox_process import sandbox_process
from workbench.api import Connection, Flavour, WorkbenchClient
from workbench.core.evaluation.progress import ProgressStore, progress_path
from workbench.core.evaluation.readers import load_set
from workbench.core.evaluation.runner import EvaluationRunner, Side
from workbench.core.runs.history import History, rerank_start

if TYPE_CHECKING:
    from workbench.core.evaluation.sets import EvalSet

WORDS = [
    "lentil",
    "soup",
    "bread",
    "dough",
    "yeast",
    "oven",
    "pasta",
    "sauce",
    "garlic",
    "basil",
    "tomato",
    "olive",
    "harvest",
    "prune",
    "train",
    "ticket",
    "station",
    "platform",
    "museum",
    "ticket",
    "gallery",
    "opening",
    "hours",
    "passport",
    "renewal",
    "office",
    "battery",
    "charge",
    "laptop",
    "screen",
    "router",
    "password",
    "reset",
    "signal",
    "cactus",
    "water",
    "soil",
    "sunlight",
]


def write_set(root: Path, queries: int, docs: int, seed: int = 17) -> None:
    """A BEIR folder with a TREC run file: `docs` candidates per query, two or three relevant."""
    rng = random.Random(seed)
    (root / "qrels").mkdir(parents=True)
    with (
        (root / "corpus.jsonl").open("w") as corpus,
        (root / "queries.jsonl").open("w") as qfile,
        (root / "qrels" / "test.tsv").open("w") as qrels,
        (root / "run.trec").open("w") as run,
    ):
        qrels.write("query-id\tcorpus-id\tscore\n")
        for q in range(queries):
            topic = rng.sample(WORDS, 3)
            qfile.write(json.dumps({"_id": f"q{q}", "text": " ".join(topic)}) + "\n")
            for d in range(docs):
                grade = 2 if d == 0 else 1 if d < 3 else 0
                body = rng.choices(WORDS, k=40) + (topic * (grade + 1) if grade else [])
                rng.shuffle(body)
                doc_id = f"q{q}d{d}"
                corpus.write(
                    json.dumps({"_id": doc_id, "title": "", "text": " ".join(body)}) + "\n"
                )
                if d < 10:
                    qrels.write(f"q{q}\t{doc_id}\t{grade}\n")
                run.write(f"q{q} Q0 {doc_id} {d + 1} {rng.random():.6f} bm25\n")


async def _evaluate(base_url: str, eval_set: EvalSet, sides_n: int, history: History) -> float:
    connections = [
        Connection(base_url=base_url, model="rerank-v3.5"),
        Connection(base_url=base_url + "/v1/rerank", flavour=Flavour.COHERE_V1),
    ][:sides_n]
    started = time.perf_counter()
    clients = [WorkbenchClient(c) for c in connections]
    for client in clients:
        client.recorder = lambda _k, request, c=client.connection: history.begin(
            rerank_start(c, request, source="cli")
        )
    store = ProgressStore(progress_path(eval_set.fingerprint))
    try:
        sides = [Side(f"side {i}", client) for i, client in enumerate(clients)]
        await EvaluationRunner(eval_set, sides, k=10, progress=store).run()
    finally:
        store.close()
        for client in clients:
            await client.aclose()
    return time.perf_counter() - started


def main() -> None:
    """Print the figures (as JSON on stdout with `--json`)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    out = sys.stderr if args.json else sys.stdout
    with tempfile.TemporaryDirectory() as tmp, sandbox_process() as base_url:
        os.environ["WORKBENCH_DATA_DIR"] = str(Path(tmp) / "data")
        root = Path(tmp) / "set"
        write_set(root, args.queries, args.docs)
        started = time.perf_counter()
        eval_set = load_set(root)
        load_s = time.perf_counter() - started
        history = History(Path(tmp) / "runs.sqlite3")
        one = asyncio.run(_evaluate(base_url, eval_set, 1, history))
        resumed = asyncio.run(_evaluate(base_url, eval_set, 1, history))
        progress_path(eval_set.fingerprint).unlink()
        two = asyncio.run(_evaluate(base_url, eval_set, 2, history))
        history.close()
    size = f"{args.queries} queries x {args.docs} documents"
    print(f"read the set: {load_s * 1000:.0f} ms", file=out)
    print(f"{size}, one endpoint: {one:.2f} s; two endpoints: {two:.2f} s", file=out)
    print(f"the same again, all from saved progress: {resumed * 1000:.0f} ms", file=out)
    figures = [
        info(f"evaluation: read a BEIR set ({size}, run file)", load_s * 1000, "ms"),
        below(f"evaluation: {size}, one endpoint", one, "s", 30),
        info(f"evaluation: {size}, two endpoints compared", two, "s"),
        info("evaluation: rerun from saved progress", resumed * 1000, "ms"),
    ]
    emit(figures, args.json)


if __name__ == "__main__":
    main()
