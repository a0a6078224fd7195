"""Metrics against ir-measures (trec_eval's own C code through pytrec_eval), on the sample set and
on generated qrels and runs."""

from __future__ import annotations

import math
from pathlib import Path

import ir_measures
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ir_measures import RR, R, nDCG

from workbench.core.evaluation.metrics import means, ndcg_at, score_run
from workbench.core.evaluation.readers import load_set
from workbench.core.evaluation.trec import trec_order

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "rerank_eval"


def _oracle(qrels, run, k, measures):
    """Per-query values from ir-measures' pytrec_eval provider (trec_eval 9's code)."""
    found: dict[tuple[str, str], float] = {}
    for m in ir_measures.pytrec_eval.iter_calc(measures, qrels, run):
        found[(m.query_id, str(m.measure))] = m.value
    return found


def _check(qrels, run, k):
    # trec_eval without -c averages over queries both judged and ranked; ir-measures would add
    # judged queries missing from the run as zeros (trec_eval -c), so it gets only shared ones.
    qrels = {q: judged for q, judged in qrels.items() if q in run}
    ours = {q.query_id: q for q in score_run(run, qrels, k)}
    oracle = _oracle(qrels, run, k, [nDCG @ k, R @ k, RR])
    assert {q for q, _ in oracle} == set(ours)
    for query_id, scores in ours.items():
        assert math.isclose(scores.ndcg, oracle[(query_id, f"nDCG@{k}")], abs_tol=1e-9)
        assert math.isclose(scores.recall, oracle[(query_id, f"R@{k}")], abs_tol=1e-9)
        if k >= len(run[query_id]):  # trec_eval's recip_rank has no cut-off: equal only then
            assert math.isclose(scores.mrr, oracle[(query_id, "RR")], abs_tol=1e-9)
    aggregate = ir_measures.pytrec_eval.calc_aggregate([nDCG @ k, R @ k], qrels, run)
    ours_mean = means(list(ours.values()))
    assert math.isclose(ours_mean["ndcg"], aggregate[nDCG @ k], abs_tol=1e-9)
    assert math.isclose(ours_mean["recall"], aggregate[R @ k], abs_tol=1e-9)


def _bm25ish_run(eval_set):
    """A deterministic run over the sample: word overlap with the query, so ties occur."""
    run = {}
    for query in eval_set.queries:
        words = set(query.text.lower().split())
        run[query.id] = {
            d: float(len(words & set(eval_set.documents[d].rerank_text().lower().split())))
            for d in query.candidates
        }
    return run


@pytest.mark.parametrize("k", [1, 3, 10, 100])
def test_sample_set_metrics_match_trec_eval(k: int) -> None:
    eval_set = load_set(SAMPLE)
    _check(eval_set.qrels, _bm25ish_run(eval_set), k)


def test_mrr_at_k_matches_ir_measures_without_ties() -> None:
    eval_set = load_set(SAMPLE)
    run = {
        q: {d: s + i * 1e-6 for i, (d, s) in enumerate(sorted(scores.items()))}
        for q, scores in _bm25ish_run(eval_set).items()
    }
    ours = means(score_run(run, eval_set.qrels, 10))["mrr"]
    assert math.isclose(ours, ir_measures.calc_aggregate([RR @ 10], eval_set.qrels, run)[RR @ 10])


DOCS = st.sampled_from([f"d{i}" for i in range(12)])
QUERIES = st.sampled_from(["q1", "q2", "q3", "q4"])
qrels_strategy = st.dictionaries(
    QUERIES, st.dictionaries(DOCS, st.integers(-1, 4), min_size=1, max_size=10), min_size=1
)
run_strategy = st.dictionaries(
    QUERIES,
    st.dictionaries(DOCS, st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0, -3.5]), min_size=1),
    min_size=1,
)


@settings(max_examples=150, deadline=None)
@given(qrels=qrels_strategy, run=run_strategy, k=st.integers(1, 15))
def test_generated_runs_match_trec_eval(qrels, run, k) -> None:
    if not set(run) & set(qrels):
        return
    _check(qrels, run, k)


@settings(max_examples=100, deadline=None)
@given(
    qrels=qrels_strategy,
    run=st.dictionaries(
        QUERIES,
        st.dictionaries(DOCS, st.floats(-10, 10, allow_nan=False), min_size=1),
        min_size=1,
    ),
    k=st.integers(1, 15),
)
def test_generated_mrr_at_k_matches_ir_measures(qrels, run, k) -> None:
    # ir-measures' RR@k comes from a provider that breaks score ties its own way: distinct scores.
    if not set(run) & set(qrels) or any(len(set(s.values())) < len(s) for s in run.values()):
        return
    shared = {q: run[q] for q in run if q in qrels}
    judged = {q: qrels[q] for q in shared}
    ours = {q.query_id: q.mrr for q in score_run(shared, judged, k)}
    for m in ir_measures.iter_calc([RR @ k], judged, shared):
        assert math.isclose(ours[m.query_id], m.value, abs_tol=1e-9)


def test_ties_rank_by_document_id_descending_as_trec_eval() -> None:
    assert trec_order({"a": 1.0, "c": 1.0, "b": 2.0}) == ["b", "c", "a"]


def test_ndcg_by_hand() -> None:
    # Ranking: 0, 2, 1 → DCG = 2/log2(3) + 1/log2(4); ideal = 2 + 1/log2(3).
    judged = {"x": 0, "y": 2, "z": 1}
    expected = (2 / math.log2(3) + 0.5) / (2 + 1 / math.log2(3))
    assert math.isclose(ndcg_at(["x", "y", "z"], judged, 10), expected)
    assert ndcg_at(["x"], {"x": 0}, 10) == 0.0  # no relevant document: 0, not a division by zero
