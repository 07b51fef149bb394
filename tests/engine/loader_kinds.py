"""A kind without docs, for the loader test that requires rule or kind docs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from numcheck.rules.base import RuleDocs


class Undocumented:
    kind: ClassVar[str] = "test-undocumented"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs()
    params_schema: ClassVar[Mapping[str, Any]] = {"type": "object"}
