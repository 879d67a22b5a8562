"""read_ahead reads the next page while the caller works, and lets go when the caller stops."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from gxgraph.services.prefetch import read_ahead


def test_the_next_page_is_read_while_the_caller_works_on_this_one() -> None:
    second_read = threading.Event()

    def pages() -> Iterator[int]:
        yield 1
        second_read.set()
        yield 2

    reader = read_ahead(pages())
    assert next(reader) == 1
    assert second_read.wait(timeout=10)  # before the caller asked for it
    assert list(reader) == [2]


def test_a_caller_that_stops_early_closes_the_pages_and_the_thread() -> None:
    closed = threading.Event()

    def pages() -> Iterator[int]:
        try:
            yield from range(1000)
        finally:
            closed.set()

    reader = read_ahead(pages())
    assert next(reader) == 0
    reader.close()
    assert closed.is_set()
    assert not any(thread.name == "gxgraph-read-ahead" for thread in threading.enumerate())
