"""Keeping a long document's peak memory that of one window.

Two things made RSS creep up by about 1.5 MB a window (86 MB over a 600 k-character document): each
window's Doc sits in reference cycles that only a full garbage collection frees, and glibc's allocator keeps
what was freed in its heaps. `long_document_memory` freezes the objects alive before the document (the
loaded models: a full collection over them takes ~0.3 s) so that a collection after each window scans only
that window's objects, then trims the allocator's free heap back to the system (glibc `malloc_trim`; a no-op
elsewhere).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache


@cache
def _malloc_trim():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)


def release_free_memory() -> None:
    """Collect the cyclic garbage of unfrozen objects and give the allocator's free heap back to the system."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@contextmanager
def long_document_memory() -> Iterator[None]:
    """While processing one long document: what was alive before is frozen out of the collections."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
