"""Screenshots for the README: a student's feedback page and the instructor's report.

Grades the sample submissions into a scratch folder, writes their feedback pages and the report
with the real commands, and photographs them in headless Debian Chromium (Playwright).
Needs `apt-get install chromium fonts-nanum` (a Korean font, or the page shows boxes).
Run: `make screenshots` (writes docs/images/*.png).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
IMAGES = REPO / "docs" / "images"
AUTOGRADER = str(Path(sys.executable).parent / "autograder")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FEEDBACK_STUDENT = "park_x_at_W"  # a student with a known mistake, so the page shows a hint


def autograder(*args: str) -> None:
    subprocess.run([AUTOGRADER, *args], cwd=REPO, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium not found: apt-get install chromium fonts-nanum")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        autograder("grade", "forward_pass", "--submissions", "examples/submitted", "--quiet",
                   "--csv", str(out / "grades.csv"), "--results", str(out / "results"))
        autograder("feedback", "forward_pass", "--results", str(out / "results"),
                   "--submissions", "examples/submitted", "--out", str(out / "feedback"))
        autograder("report", "forward_pass", "--results", str(out / "results"), "--out", str(out / "report"))
        pages = {
            "feedback-page.png": out / "feedback" / FEEDBACK_STUDENT / "forward_pass" / "index.html",
            "instructor-report.png": out / "report" / "index.html",
        }
        IMAGES.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            for name, html in pages.items():
                page.goto(html.as_uri())
                page.screenshot(path=str(IMAGES / name))
                print(f"wrote {IMAGES / name}")
            browser.close()


if __name__ == "__main__":
    main()
