"""Sum the JUnit XML reports of one CI run into its closing line.

Every test runner of the run (pytest on SQLite and PostgreSQL, schemathesis) writes a JUnit
report; this prints ``tests: N passed, F failed, S skipped`` over all of them, counted per
test case, and exits non-zero when a report is missing or unreadable, or when nothing ran.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def count(path: Path) -> tuple[int, int, int]:
    passed = failed = skipped = 0
    for case in ET.parse(path).iter("testcase"):
        tags = {child.tag for child in case}
        if tags & {"failure", "error"}:
            failed += 1
        elif "skipped" in tags:
            skipped += 1
        else:
            passed += 1
    return passed, failed, skipped


def main(paths: list[str]) -> int:
    totals = [0, 0, 0]
    for name in paths:
        try:
            for i, n in enumerate(count(Path(name))):
                totals[i] += n
        except (OSError, ET.ParseError) as error:
            print(f"testtelling: {name}: {error}", file=sys.stderr)
            return 2
    passed, failed, skipped = totals
    print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
