"""The keyword arguments each SDK call takes (cohere 7.3.1, openai 1.x), for exported code.

A field of a run's body outside them goes in the call's extra body (`export_code`): passed as an
argument, the SDK refuses it with a TypeError, and the snippet does not run.
"""

from __future__ import annotations

COHERE_V1_CHAT = frozenset(
    [
        "accepts",
        "chat_history",
        "citation_quality",
        "connectors",
        "conversation_id",
        "documents",
        "force_single_step",
        "frequency_penalty",
        "k",
        "max_input_tokens",
        "max_tokens",
        "message",
        "model",
        "p",
        "preamble",
        "presence_penalty",
        "prompt_truncation",
        "raw_prompting",
        "response_format",
        "safety_mode",
        "search_queries_only",
        "seed",
        "stop_sequences",
        "temperature",
        "tool_results",
        "tools",
    ]
)
COHERE_V2_CHAT = frozenset(
    [
        "citation_options",
        "documents",
        "frequency_penalty",
        "k",
        "logprobs",
        "max_tokens",
        "messages",
        "model",
        "p",
        "presence_penalty",
        "priority",
        "response_format",
        "safety_mode",
        "seed",
        "stop_sequences",
        "strict_tools",
        "temperature",
        "thinking",
        "tool_choice",
        "tools",
    ]
)
COHERE_RERANK = frozenset(
    [
        "documents",
        "max_chunks_per_doc",
        "max_tokens_per_doc",
        "model",
        "priority",
        "query",
        "rank_fields",
        "relevant_spans",
        "return_documents",
        "top_n",
    ]
)
OPENAI_CHAT = frozenset(
    [
        "audio",
        "frequency_penalty",
        "function_call",
        "functions",
        "logit_bias",
        "logprobs",
        "max_completion_tokens",
        "max_tokens",
        "messages",
        "metadata",
        "modalities",
        "model",
        "n",
        "parallel_tool_calls",
        "prediction",
        "presence_penalty",
        "reasoning_effort",
        "response_format",
        "seed",
        "service_tier",
        "stop",
        "store",
        "stream",
        "stream_options",
        "temperature",
        "tool_choice",
        "tools",
        "top_logprobs",
        "top_p",
        "user",
    ]
)
