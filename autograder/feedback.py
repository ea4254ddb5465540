"""Feedback pages for students: one self-contained HTML page each, readable offline.

Built from what grading stored (``results.json``) and the student's own notebook: the score of
each function, every failed case with what was expected and what came (and the hint), and the
student's own code. Nothing of the hidden tests or the reference solution is on the page: the
failed-case messages are the ones the grader already shows, and only the student's own cells are
copied. Jinja2 (already installed with nbconvert) escapes every student-written text.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2

from autograder.messages import message
from autograder.notebook import NotGradable, ReleaseCells, find_notebook, student_cells
from autograder.results import StudentResult, stored_results, write_atomically

LABELS = {
    "ko": {"title": "채점 결과", "score": "점수", "function": "함수", "points": "점수",
           "cases": "통과한 case", "failed": "틀린 case", "code": "내가 제출한 코드", "none": "없음",
           "notes": "알림", "all_passed": "모든 case 를 통과했습니다."},
    "en": {"title": "Grading feedback", "score": "Score", "function": "Function", "points": "Points",
           "cases": "Cases passed", "failed": "Failed cases", "code": "Your code", "none": "none",
           "notes": "Notes", "all_passed": "Every case passed."},
}

PAGE = jinja2.Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="{{ language }}"><head><meta charset="utf-8">
<title>{{ labels.title }}: {{ assignment }} ({{ student }})</title>
<style>
body { font-family: system-ui, "Noto Sans KR", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }
.full { color: #1a7f37; } .partial { color: #b35900; } .zero { color: #cf222e; }
pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; white-space: pre-wrap; }
li { margin: .5rem 0; } .hint { background: #fff8c5; border-left: 3px solid #d4a72c; padding: .2rem .5rem; margin-top: .2rem; }
</style></head><body>
<h1>{{ labels.title }}: {{ assignment }}</h1>
<p><strong>{{ student }}</strong> — {{ labels.score }} <strong>{{ total }} / {{ max_score }}</strong></p>
{% if notes %}<h2>{{ labels.notes }}</h2><ul>{% for note in notes %}<li>{{ note }}</li>{% endfor %}</ul>{% endif %}
<table><tr><th>{{ labels.function }}</th><th>{{ labels.points }}</th><th>{{ labels.cases }}</th></tr>
{% for f in functions %}<tr><td><a href="#{{ f.name }}"><code>{{ f.name }}</code></a></td>
<td class="{{ f.grade }}">{{ f.score }} / {{ f.max_score }}</td><td>{{ f.passed }} / {{ f.total }}</td></tr>
{% endfor %}</table>
{% for f in functions %}<h2 id="{{ f.name }}"><code>{{ f.name }}</code> <span class="{{ f.grade }}">{{ f.score }} / {{ f.max_score }}</span></h2>
{% if f.failures %}<h3>{{ labels.failed }}</h3><ul>{% for failure in f.failures %}<li><strong>{{ failure.label }}</strong>: {{ failure.message }}
{% if failure.hint %}<div class="hint">{{ failure.hint }}</div>{% endif %}</li>{% endfor %}</ul>
{% else %}<p class="full">{{ labels.all_passed }}</p>{% endif %}
{% endfor %}
<h2>{{ labels.code }}</h2>
{% for cell in code %}<pre><code>{{ cell }}</code></pre>{% else %}<p>{{ labels.none }}</p>{% endfor %}
</body></html>
""")


def page(results: dict, code: list[str], language: str) -> str:
    functions = []
    for test in results["tests"]:
        passed, total = results["extra_data"]["cases"][test["name"]]
        functions.append({
            "name": test["name"], "score": f"{test['score']:g}", "max_score": f"{test['max_score']:g}",
            "passed": passed, "total": total,
            "grade": "full" if passed == total else "zero" if passed == 0 else "partial",
            "failures": [{"label": failure["label"], "message": failure[language],
                          "hint": message("hint", hint=failure["hint"][language]).in_(language)
                          if failure.get("hint", {}).get(language) else ""}
                         for failure in results["extra_data"]["failures"][test["name"]]]})
    extra = results["extra_data"]
    stored = StudentResult.from_gradescope(results)  # reads every stored format, in both languages
    notes = [text.in_(language) for text in (
        *([stored.error] if stored.error else []), *stored.notes, *stored.cell_errors)]
    return PAGE.render(language=language, labels=LABELS[language], assignment=extra["assignment"],
                       student=extra["student_id"], total=f"{results['score']:g}",
                       max_score=f"{results['max_score']:g}", notes=notes, functions=functions,
                       code=code)


def submission_folder(results: dict) -> str:
    """The student's folder under submitted/, as grading recorded it (nbgrader hands feedback out
    from feedback/<that folder>/); empty when not recorded or not a plain folder name."""
    extra = results.get("extra_data", {})
    parts = Path(extra.get("notebook") or "").parts
    name = parts[0] if len(parts) > 1 else extra.get("student_id", "")
    return name if isinstance(name, str) and name not in ("", ".", "..") and "/" not in name \
        and "\0" not in name else ""


def write_feedback(results_dir: Path, submissions: Path, out: Path, assignment, release: ReleaseCells,
                   language: str) -> list[Path]:
    """One page per stored result: ``out/<student>/<assignment>/index.html``."""
    written = []
    for stored in stored_results(results_dir):
        results = json.loads(stored.read_text(encoding="utf-8"))
        folder = submission_folder(results) or stored.parent.name
        try:
            notebook, _ = find_notebook(submissions / folder / assignment.name, assignment.notebook)
            code = student_cells(notebook, release)
        except (NotGradable, OSError, ValueError):
            code = []
        target = out / folder / assignment.name / "index.html"
        write_atomically(target, page(results, code, language))
        written.append(target)
    return written
