"""`autograder report` writes an instructor's page: a histogram image of the totals, the pass rate
of each function and case, and the most frequent mistakes seen."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from conftest import REPO, run_autograder


def test_the_report_shows_what_to_teach_again(tmp_path):
    run_autograder("grade", "forward_pass", "--submissions", str(REPO / "examples" / "submitted"),
                   "--csv", str(tmp_path / "g.csv"), "--quiet")
    run_autograder("report", "forward_pass", "--results", str(tmp_path / "g"), "--out",
                   str(tmp_path / "report"))
    svg = ElementTree.parse(tmp_path / "report" / "histogram.svg").getroot()
    bars = [int(rect.find("{http://www.w3.org/2000/svg}title").text)
            for rect in svg.iter("{http://www.w3.org/2000/svg}rect")]
    assert sum(bars) == 8 and bars[0] == 1  # eight students; the untouched release in the lowest bin
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "8 students" in page and '<img src="histogram.svg"' in page
    assert "x @ W (또는 W.T @ x)" in page  # park's mistake, named by its hint
    assert "<code>layer_forward</code>" in page and "non-square W, 2 x 3, sigmoid" in page
