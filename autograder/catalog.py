"""Catalog entries: known wrong and known right ways to write a graded function.

An assignment may keep a mistake catalog (``exercises/<name>/mistakes.py``: ``MISTAKES``) and a
correct-variant catalog (``exercises/<name>/correct_variants.py``: ``VARIANTS``). The test suite
grades every entry through the real grading path: each mistake must lose points, each variant
must get full marks. A mistake with a hint also teaches: when a student's wrong answer equals
what the mistake computes on the same case, the student sees the hint.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mistake:
    function: str  # the graded function it replaces
    id: str  # short, unique, snake_case
    description: str  # one line: what the student did wrong
    code: str  # the whole solution cell: a def of ``function`` (helpers allowed)
    hint_ko: str = ""  # shown when a student's answer matches this mistake's (lecture terms)
    hint_en: str = ""


@dataclass(frozen=True)
class CorrectVariant:
    function: str
    id: str
    description: str
    code: str
