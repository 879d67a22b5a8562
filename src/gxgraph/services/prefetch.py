"""Reading the next page of a store's answer while the caller works on this one."""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterable
from typing import TypeVar

T = TypeVar("T")

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def read_ahead(pages: Iterable[T], depth: int = 1) -> Generator[T, None, None]:
    """The items of ``pages``, each read on a thread while the caller works on the one before (at
    most ``depth`` waiting): the store answers, and the network waits, in the caller's time.

    The pages are read on one thread only, in order; an error reading them is raised here, in the
    caller's thread. A caller that stops early stops the reading after the page under way.

    >>> list(read_ahead(range(5)))
    [0, 1, 2, 3, 4]
    >>> def broken():
    ...     yield 1
    ...     raise ValueError("lost")
    >>> reader = read_ahead(broken())
    >>> next(reader), next(reader, None)
    Traceback (most recent call last):
    ValueError: lost
    """
    waiting: queue.Queue[object] = queue.Queue(maxsize=depth)
    stopped = threading.Event()

    def offer(item: object) -> bool:
        while not stopped.is_set():
            try:
                waiting.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        iterator = iter(pages)
        try:
            for page in iterator:
                if not offer(page):
                    return
        except BaseException as error:  # handed to the caller's thread
            offer(_Failed(error))
            return
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()  # a generator stopped early lets go of its store connection here
        offer(_DONE)

    reader = threading.Thread(target=read, name="gxgraph-read-ahead", daemon=True)
    reader.start()
    try:
        while (item := waiting.get()) is not _DONE:
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stopped.set()
        reader.join()
