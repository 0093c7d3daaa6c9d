"""Sections that one app contributes to a page of another app.

A page of ``agreements`` (the regeling page) may show what a higher layer knows about the same
object (grip op samenwerking) without importing it: the higher app registers a function for the
page in its ``AppConfig.ready()``, and the page renders what ``sections()`` returns, in the order
of registration, each as ``{% include section.template %}`` with ``section.context``.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    template: str
    context: dict


_contributors: dict[str, list[Callable[..., Section]]] = defaultdict(list)


def contribute(page: str, function: Callable[..., Section]) -> None:
    """Have ``function(**context)`` add a section to every rendering of ``page``."""
    if function not in _contributors[page]:
        _contributors[page].append(function)


def sections(page: str, **context) -> list[Section]:
    return [function(**context) for function in _contributors[page]]
