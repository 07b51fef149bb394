"""``--format json``: exactly the contract in DESIGN.md (``Report.to_json()``), pretty-printed.

Keys keep the contract's order (no sorting), non-ASCII text is written as is, and the output
ends with a newline, so the same report always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import TextIO

from numcheck.findings import Report
from numcheck.report import OutputOptions


def dumps(report: Report) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"


def write(report: Report, out: TextIO, options: OutputOptions) -> None:
    out.write(dumps(report))
