"""Rerank evaluation without Qt: labelled sets, trec_eval's metrics, a paired test, a runner."""
