"""Rerank document logic: rules, inventory, stringifying, token estimate, files, metrics, batches."""

from __future__ import annotations

import pytest

from workbench.api.errors import InputError
from workbench.api.models import Document, Flavour, RerankHit, RerankResponse
from workbench.core.rerank_compare import (
    batch_size,
    compare_rankings,
    kendall_tau,
    merge_batches,
    overlap_at_k,
    split_batches,
)
from workbench.core.rerank_docs import (
    QUERY_TOKEN_LIMIT,
    check_documents,
    estimate_tokens,
    key_inventory,
    missing_field_warning,
    preview_segments,
    query_token_note,
    rules_for,
    stringify_values,
)
from workbench.core.rerank_io import (
    DocFormat,
    decode_bytes,
    format_for_name,
    read_documents,
    sniff_format,
    write_documents,
)

V1 = rules_for(Flavour.COHERE_V1)
V2 = rules_for(Flavour.COHERE_V2)

# --- rules ----------------------------------------------------------------------------------------


def test_v1_accepts_strings_objects_and_a_mix() -> None:
    docs = ["a", {"text": "b", "title": "t"}]
    assert check_documents(docs, V1) == docs


def test_v2_refuses_a_mix_and_names_the_document() -> None:
    with pytest.raises(InputError) as caught:
        check_documents(["a", "b", {"text": "c"}], V2)
    assert caught.value.where == "documents[2]"
    assert "mixed" in caught.value.title


def test_v2_accepts_objects_alone() -> None:
    assert check_documents([{"title": "x"}], V2) == [{"title": "x"}]


def test_openai_flavour_has_no_rerank() -> None:
    rules = rules_for(Flavour.OPENAI)
    assert not rules.supported
    with pytest.raises(InputError, match="strings only"):
        check_documents([{"text": "a"}], rules)


@pytest.mark.parametrize(
    ("value", "where", "words"),
    [
        ({"a": 1}, "documents", "JSON array"),
        ([], "documents", "no documents"),
        (["a", 3], "documents[1]", "not a number"),
        (["a", None], "documents[1]", "not null"),
        ([["x"]], "documents[0]", "not an array"),
        ([{}], "documents[0]", "empty"),
    ],
)
def test_bad_document_lists_say_what_and_where(value: object, where: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        check_documents(value, V1)
    assert caught.value.where == where
    assert words in caught.value.title


def test_pasted_request_body_yields_its_documents() -> None:
    assert check_documents({"query": "q", "documents": ["a"]}, V1) == ["a"]


# --- inventory ------------------------------------------------------------------------------------


def test_key_inventory_counts_and_names_missing_documents() -> None:
    docs: list[Document] = [
        {"title": "a", "text": "x"},
        {"text": "y"},
        "z",
        {"title": "b", "year": "1"},
    ]
    inv = {k.key: k for k in key_inventory(docs)}
    assert list(inv) == ["title", "text", "year"]
    assert (inv["title"].count, inv["title"].missing) == (2, (1, 2))
    assert (inv["text"].count, inv["text"].missing) == (3, (3,))
    assert (inv["year"].count, inv["year"].missing) == (1, (0, 1, 2))


def test_missing_field_warning_names_each_field() -> None:
    docs = [{"title": "a", "text": "x"}, {"text": "y"}]
    inv = key_inventory(docs)
    assert missing_field_warning(inv, ["text"], 2) == ""
    warning = missing_field_warning(inv, ["title", "text", "nope"], 2)
    assert "“title” is missing from 1 of 2" in warning
    assert "“nope” is missing from 2 of 2" in warning


# --- stringifying -----------------------------------------------------------------------------------


def test_stringify_values_reports_each_key() -> None:
    prepared = stringify_values(
        ["s", {"text": "a", "year": 2024, "tags": ["x", "y"]}, {"year": 1.5, "ok": True}]
    )
    assert prepared.documents == [
        "s",
        {"text": "a", "year": "2024", "tags": '["x", "y"]'},
        {"year": "1.5", "ok": "true"},
    ]
    assert [str(note) for note in prepared.notes] == [
        "“year”: 2 non-string values sent as text (first at documents[1])",
        "“tags”: 1 non-string value sent as text (first at documents[1])",
        "“ok”: 1 non-string value sent as text (first at documents[2])",
    ]


def test_stringify_values_changes_nothing_for_strings() -> None:
    prepared = stringify_values(["a", {"text": "b"}])
    assert prepared.documents == ["a", {"text": "b"}]
    assert prepared.notes == []


# --- token estimate -------------------------------------------------------------------------------


def test_estimate_tokens_follows_the_documented_heuristic() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens("abcdefgh") == 2  # 8 chars / 4
    assert estimate_tokens("a b c d e f") == 8  # 6 words * 4/3 beats 11 chars / 4
    assert estimate_tokens("東京都庁") == 4  # one token per CJK character


def test_query_over_the_limit_is_flagged() -> None:
    assert query_token_note("word " * 100) == (134, False)
    tokens, over = query_token_note("x" * (QUERY_TOKEN_LIMIT * 4 + 4))
    assert (tokens, over) == (QUERY_TOKEN_LIMIT + 1, True)


# --- preview ----------------------------------------------------------------------------------------


def test_preview_puts_ranked_fields_first_and_emphasised() -> None:
    doc = {"title": "T", "text": "body\nline", "year": 2020}
    pieces = preview_segments(doc, ["text"])
    assert pieces == [
        ("text: ", False),
        ("body line", True),
        ("  ", False),
        ("title: ", False),
        ("T", False),
        ("  ", False),
        ("year: ", False),
        ("2020", False),
    ]
    assert (
        "".join(t for t, _ in preview_segments(doc, ["year", "title"], limit=12)) == "year: 2020  "
    )


def test_preview_of_a_string_is_emphasised_whole() -> None:
    assert preview_segments("a  b", ["text"]) == [("a b", True)]
    assert preview_segments(None, []) == []


# --- files ------------------------------------------------------------------------------------------


def test_json_file_errors_name_line_and_column() -> None:
    with pytest.raises(InputError) as caught:
        read_documents('[\n  "a",\n  "b" "c"\n]', DocFormat.JSON)
    assert caught.value.where == "line 3, column 7"


def test_jsonl_reads_objects_and_strings_and_names_bad_line() -> None:
    assert read_documents('{"text": "a"}\n\n"b"\n', DocFormat.JSONL) == [{"text": "a"}, "b"]
    with pytest.raises(InputError) as caught:
        read_documents('{"text": "a"}\n{"text": }\n', DocFormat.JSONL)
    assert caught.value.where == "line 2, column 10"
    with pytest.raises(InputError) as caught:
        read_documents('"a"\n42\n', DocFormat.JSONL)
    assert caught.value.where == "line 2"


def test_csv_rows_become_objects_and_ragged_rows_name_their_line() -> None:
    text = 'title,text\nA,"multi\nline"\nB,plain\n'
    assert read_documents(text, DocFormat.CSV) == [
        {"title": "A", "text": "multi\nline"},
        {"title": "B", "text": "plain"},
    ]
    with pytest.raises(InputError) as caught:
        read_documents(text + "C,x,extra\n", DocFormat.CSV)
    assert caught.value.where == "line 5"
    assert "Expected 2 fields, found 3" in caught.value.title


def test_csv_with_semicolons_is_sniffed() -> None:
    assert read_documents("a;b\n1;2\n", DocFormat.CSV) == [{"a": "1", "b": "2"}]


def test_plain_text_by_line_and_by_paragraph() -> None:
    text = "one\ntwo\n\nthree\n"
    assert read_documents(text, DocFormat.LINES) == ["one", "two", "three"]
    assert read_documents(text, DocFormat.PARAGRAPHS) == ["one\ntwo", "three"]


def test_empty_input_is_an_error() -> None:
    with pytest.raises(InputError, match="No documents"):
        read_documents("\n\n", DocFormat.LINES)


@pytest.mark.parametrize("fmt", list(DocFormat))
def test_export_then_import_round_trips_strings(fmt: DocFormat) -> None:
    docs: list[Document] = ["alpha beta", "gamma", "δ ü 😀"]
    exported = write_documents(docs, fmt)
    expected: list[Document] = [{"text": d} for d in docs] if fmt is DocFormat.CSV else docs
    assert read_documents(exported.text, fmt) == expected
    assert exported.notes == []


def test_export_objects_to_csv_and_jsonl() -> None:
    docs: list[Document] = [{"title": "A", "text": "x, y"}, {"text": "z", "n": 3}]
    exported = write_documents(docs, DocFormat.CSV)
    assert exported.text == 'title,text,n\nA,"x, y",\n,z,3\n'
    assert [str(note) for note in exported.notes] == ["Non-string values were written as JSON text"]
    assert read_documents(write_documents(docs, DocFormat.JSONL).text, DocFormat.JSONL) == docs
    pasted: list[Document] = [{"text": "from a PDF\u2028next line\u2029para\x85end"}, "b"]
    again = read_documents(write_documents(pasted, DocFormat.JSONL).text, DocFormat.JSONL)
    assert again == pasted  # the separators ended a line, and the file was refused


def test_export_lines_flattens_line_breaks_and_says_so() -> None:
    exported = write_documents(["a\nb", "c"], DocFormat.LINES)
    assert exported.text == "a b\nc\n"
    assert [str(note) for note in exported.notes] == [
        "1 document had line breaks, joined with spaces"
    ]
    two = write_documents(["a\nb", "c\nd"], DocFormat.LINES)
    assert [str(note) for note in two.notes] == ["2 documents had line breaks, joined with spaces"]


def test_format_guessing_and_decoding() -> None:
    assert format_for_name("Docs.JSONL") is DocFormat.JSONL
    assert format_for_name("notes.md") is DocFormat.LINES
    assert sniff_format('  [{"a": 1}]') is DocFormat.JSON
    assert sniff_format('{"a": 1}\n{"a": 2}') is DocFormat.JSONL
    assert sniff_format('{\n "documents": []}') is DocFormat.JSON
    assert sniff_format("p1\n\np2") is DocFormat.PARAGRAPHS
    assert decode_bytes("\ufeffhé".encode()) == "hé"
    with pytest.raises(InputError) as caught:
        decode_bytes(b"abc\xff")
    assert caught.value.where == "byte 3"


# --- comparison -------------------------------------------------------------------------------------


def test_kendall_tau_against_hand_computed_values() -> None:
    assert kendall_tau([0, 1, 2, 3], [0, 1, 2, 3]) == 1.0
    assert kendall_tau([0, 1, 2, 3], [3, 2, 1, 0]) == -1.0
    # Pairs (0,1) and (2,3) swap, the other four keep order: (4 - 2) / 6.
    assert kendall_tau([0, 1, 2, 3], [1, 0, 3, 2]) == pytest.approx(1 / 3)
    # Shared in A order sit at B positions 1, 0, 4, 2, 3: 7 concordant, 3 discordant of 10 pairs.
    assert kendall_tau([3, 1, 4, 0, 2], [1, 3, 0, 2, 4]) == pytest.approx(0.4)
    # Only shared documents count: 0, 1, 2 are fully reversed.
    assert kendall_tau([0, 1, 2, 5], [2, 1, 0, 9]) == -1.0
    assert kendall_tau([0], [0]) is None
    assert kendall_tau([0, 1], [2, 3]) is None


def test_overlap_at_k() -> None:
    a, b = [3, 1, 4, 0, 2], [1, 3, 0, 2, 4]
    assert overlap_at_k(a, b, 2) == 2
    assert overlap_at_k(a, b, 3) == 2
    assert overlap_at_k(a, b, 5) == 5


def test_compare_rankings_gives_each_documents_movement() -> None:
    comparison = compare_rankings([3, 1, 4, 0, 2], [1, 3, 0, 2], k=3)
    moves = {m.index: (m.rank_a, m.rank_b, m.delta) for m in comparison.movements}
    assert moves == {
        1: (2, 1, 1),
        3: (1, 2, -1),
        0: (4, 3, 1),
        2: (5, 4, 1),
        4: (3, None, None),
    }
    assert [m.index for m in comparison.movements] == [1, 3, 0, 2, 4]
    assert (comparison.k, comparison.overlap, comparison.common) == (3, 2, 4)
    assert comparison.overlap_fraction == pytest.approx(2 / 3)
    # Shared 3, 1, 0, 2 in A's order sit at B positions 1, 0, 2, 3: 5 concordant, 1 discordant.
    assert comparison.tau == pytest.approx(4 / 6)


def test_compare_caps_k_at_the_shorter_ranking() -> None:
    assert compare_rankings([0, 1], [1, 0, 2], k=10).k == 2


# --- batches ----------------------------------------------------------------------------------------


def test_batch_size_respects_both_limits() -> None:
    assert batch_size() == 999  # 10 chunks: 999 * 10 < 10,000
    assert batch_size(1) == 1000
    assert batch_size(40) == 249


def test_split_batches_covers_everything() -> None:
    assert split_batches(2500, 1000) == [range(0, 1000), range(1000, 2000), range(2000, 2500)]
    assert split_batches(0, 1000) == []


def _response(hits: list[tuple[int, float]], units: float, ms: float) -> RerankResponse:
    return RerankResponse(
        results=[RerankHit(index=i, relevance_score=s) for i, s in hits],
        billed_units={"search_units": units},
        latency_ms=ms,
    )


def test_merge_batches_shifts_indexes_and_orders_by_score() -> None:
    merged = merge_batches(
        [
            (range(0, 3), _response([(2, 0.9), (0, 0.5), (1, 0.1)], 1, 10)),
            (range(3, 5), _response([(1, 0.7), (0, 0.5)], 1, 20)),
        ],
        top_n=4,
    )
    assert [(h.index, h.relevance_score) for h in merged.results] == [
        (2, 0.9),
        (4, 0.7),
        (0, 0.5),
        (3, 0.5),
    ]
    assert merged.billed_units == {"search_units": 2}
    assert merged.latency_ms == 30


# --- messy real-world input ------------------------------------------------------------------------


def test_csv_keeps_doubled_quotes_when_the_sniffer_misses_them() -> None:
    # csv.Sniffer reports doublequote=False for this; "" inside a quoted cell must still be a quote.
    text = 'id,title,body,n\n0,"T; x","Line one, with ""quotes""\nsecond 東京 🎉",0.0\n1,"T; y","plain",1.5\n'
    assert read_documents(text, DocFormat.CSV) == [
        {"id": "0", "title": "T; x", "body": 'Line one, with "quotes"\nsecond 東京 🎉', "n": "0.0"},
        {"id": "1", "title": "T; y", "body": "plain", "n": "1.5"},
    ]


def test_pasted_csv_is_recognised_and_prose_with_commas_is_not() -> None:
    csv_text = 'title,text\nA,"multi\nline, with comma"\nB,plain\n'
    assert sniff_format(csv_text) is DocFormat.CSV
    assert sniff_format("a;b;c\n1;2;3\n4;5;6") is DocFormat.CSV
    assert sniff_format("name\tbody\nx\ty\n") is DocFormat.CSV
    prose = "Paris is big, old and busy.\nRome, too.\nBerlin has no comma\n"
    assert sniff_format(prose) is DocFormat.LINES
    assert sniff_format("one line, only") is DocFormat.LINES
