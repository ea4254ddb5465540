"""The instructor's report: what the class got right and wrong, to see what to teach again.

From the stored results: the score distribution (a histogram, as an SVG image beside the page),
the pass rate of each function and of each case, and the most frequent mistakes seen (the hints
students were given, which name catalogued mistakes, and the commonest kinds of failure).

Every figure comes from the structured part of each ``results.json`` (``extra_data.cases`` and
``extra_data.failures``: per failed case its label, the kind of failure and the hint, as the
grader recorded them) checked against the assignment's own cases; never from the human
``output`` text, in which a student's exception message can say anything. Kinds are shown as
the grader's message templates, so no student-written text reaches the page.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import jinja2

from autograder.messages import MESSAGES
from autograder.results import stored_results, write_atomically

LABELS = {
    "ko": {"title": "보고서(report)", "students": "학생 {n} 명 ({n} students)",
           "summary": "평균(mean) {mean} / {max_score}, 중앙값(median) {median}; 만점(full marks): {full}; "
                      "0 점(zero): {zero}",
           "distribution": "점수 분포 (score distribution)",
           "histogram": "총점 히스토그램 (histogram of total scores)",
           "per_function": "함수별 통과율 (pass rate per function)", "function": "함수 (function)",
           "full_points": "만점 받은 학생 (students with full points)",
           "cases_passed": "통과한 case (cases passed)",
           "per_case": "case 별 통과율, 낮은 순 (pass rate per case, lowest first)", "case": "case",
           "passed": "통과 (passed)", "mistakes": "자주 나온 실수 (most frequent mistakes seen)",
           "failed_cases": "틀린 case 수 (failed cases)", "hint": "보여 준 힌트 (hint given)",
           "students_col": "학생 수 (students)",
           "kinds": "자주 나온 실패 종류 (most frequent kinds of failure)", "kind": "종류 (kind)",
           "none": "없음 (none)", "other": "기타 (other)"},
    "en": {"title": "Report", "students": "{n} students",
           "summary": "mean {mean} / {max_score}, median {median}; full marks: {full}; zero: {zero}",
           "distribution": "Score distribution", "histogram": "histogram of total scores",
           "per_function": "Pass rate per function", "function": "function",
           "full_points": "students with full points", "cases_passed": "cases passed",
           "per_case": "Pass rate per case (lowest first)", "case": "case", "passed": "passed",
           "mistakes": "Most frequent mistakes seen", "failed_cases": "failed cases",
           "students_col": "students",
           "hint": "hint given", "kinds": "Most frequent kinds of failure", "kind": "kind",
           "none": "none", "other": "other"},
}

PAGE = jinja2.Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="{{ language }}"><head><meta charset="utf-8"><title>{{ labels.title }}: {{ assignment }}</title>
<style>body { font-family: system-ui, "Noto Sans KR", sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; margin-bottom: 1.5rem; } td, th { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; }
td.n { text-align: right; } .low { color: #cf222e; font-weight: bold; }</style></head><body>
<h1>{{ assignment }}: {{ students }}</h1>
<p>{{ summary }}</p>
<h2>{{ labels.distribution }}</h2><img src="histogram.svg" alt="{{ labels.histogram }}" width="640">
<h2>{{ labels.per_function }}</h2>
<table><tr><th>{{ labels.function }}</th><th>{{ labels.full_points }}</th><th>{{ labels.cases_passed }}</th></tr>
{% for f in functions %}<tr><td><code>{{ f.name }}</code></td><td class="n {{ 'low' if f.full_rate < 0.6 }}">{{ '%.0f' % (100 * f.full_rate) }}%</td>
<td class="n">{{ '%.0f' % (100 * f.case_rate) }}%</td></tr>{% endfor %}</table>
<h2>{{ labels.per_case }}</h2>
<table><tr><th>{{ labels.function }}</th><th>{{ labels.case }}</th><th>{{ labels.passed }}</th></tr>
{% for c in cases %}<tr><td><code>{{ c.function }}</code></td><td>{{ c.label }}</td>{% if c.rate is none %}<td class="n">–</td>{% else %}<td class="n {{ 'low' if c.rate < 0.6 }}">{{ '%.0f' % (100 * c.rate) }}%</td>{% endif %}</tr>{% endfor %}</table>
<h2>{{ labels.mistakes }}</h2>
<table><tr><th>{{ labels.students_col }}</th><th>{{ labels.failed_cases }}</th><th>{{ labels.function }}</th><th>{{ labels.hint }}</th></tr>
{% for (function, hint), students, n in hints %}<tr><td class="n">{{ students }}</td><td class="n">{{ n }}</td><td><code>{{ function }}</code></td><td>{{ hint }}</td></tr>{% else %}<tr><td colspan="4">{{ labels.none }}</td></tr>{% endfor %}</table>
<h2>{{ labels.kinds }}</h2>
<table><tr><th>{{ labels.students_col }}</th><th>{{ labels.failed_cases }}</th><th>{{ labels.function }}</th><th>{{ labels.kind }}</th></tr>
{% for (function, kind), students, n in kinds %}<tr><td class="n">{{ students }}</td><td class="n">{{ n }}</td><td><code>{{ function }}</code></td><td>{{ kind }}</td></tr>{% else %}<tr><td colspan="4">{{ labels.none }}</td></tr>{% endfor %}</table>
</body></html>
""")


def histogram_svg(totals: list[float], max_score: float, bins: int = 10) -> str:
    counts = [0] * bins
    for total in totals:
        counts[min(max(int(total / max_score * bins), 0), bins - 1) if max_score else 0] += 1
    width, height, top = 640, 240, max(counts + [1])
    bar, margin = (width - 60) / bins, 20  # margin: room above the tallest bar for its count
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + margin + 30}" '
             'font-family="sans-serif" font-size="12">']
    for index, count in enumerate(counts):
        h = height * count / top
        x = 40 + index * bar
        parts.append(f'<rect x="{x:.1f}" y="{height - h + margin:.1f}" width="{bar - 4:.1f}" '
                     f'height="{h:.1f}" fill="#3b82f6"><title>{count}</title></rect>')
        parts.append(f'<text x="{x + bar / 2 - 4:.1f}" y="{height - h + margin - 5:.1f}">{count}</text>')
        parts.append(f'<text x="{x:.1f}" y="{height + margin + 18}">{max_score * index / bins:g}</text>')
    parts.append(f'<text x="{width - 30}" y="{height + margin + 18}">{max_score:g}</text></svg>')
    return "\n".join(parts)


def write_report(results_dir: Path, assignment, out: Path, language: str = "ko") -> Path:
    language = language if language in LABELS else "en"
    labels = LABELS[language]
    stored = [json.loads(p.read_text(encoding="utf-8")) for p in stored_results(results_dir)]
    totals = sorted(float(r["score"]) for r in stored)
    functions, cases = [], []
    hints, kinds = Counter(), Counter()  # failed cases, by (function, hint or kind)
    hint_students, kind_students = defaultdict(set), defaultdict(set)  # ... and who made them
    for graded in assignment.functions:
        failed, known = [0] * len(graded.cases), 0
        full, passed_sum, total_sum = 0, 0, 0
        for student, result in enumerate(stored):
            extra = result.get("extra_data", {})
            passed, total = _counts(extra.get("cases", {}).get(graded.name), len(graded.cases))
            full += passed == total
            passed_sum, total_sum = passed_sum + passed, total_sum + total
            failures = extra.get("failures", {}).get(graded.name, [])
            matched = _match(graded.cases, failures)
            if len(matched) == total - passed or passed in (0, total):
                # every case's outcome is known (an old results.json may lack the failures)
                known += 1
                outcome = (set(matched) if len(matched) == total - passed
                           else set(range(len(graded.cases))) if passed == 0 else set())
                for index in outcome:
                    failed[index] += 1
            for failure in matched.values():  # kind and hint as the grader recorded them
                hint = failure.get("hint")
                if isinstance(hint, dict) and isinstance(hint.get(language), str) and hint[language]:
                    hints[graded.name, hint[language]] += 1
                    hint_students[graded.name, hint[language]].add(student)
                kind = failure.get("kind")
                shown = _shown(kind, language) if isinstance(kind, str) else ""
                kinds[graded.name, shown or labels["other"]] += 1
                kind_students[graded.name, shown or labels["other"]].add(student)
        functions.append({"name": graded.name, "full_rate": full / max(len(stored), 1),
                          "case_rate": passed_sum / max(total_sum, 1)})
        cases += [{"function": graded.name, "label": case.label,
                   "rate": 1 - failed[index] / known if known else None}
                  for index, case in enumerate(graded.cases)]
    cases.sort(key=lambda c: 2 if c["rate"] is None else c["rate"])
    out.mkdir(parents=True, exist_ok=True)
    write_atomically(out / "histogram.svg", histogram_svg(totals, assignment.max_score))
    middle = len(totals) // 2
    median = (totals[middle] if len(totals) % 2 else (totals[middle - 1] + totals[middle]) / 2) if totals else 0
    summary = labels["summary"].format(
        mean=f"{sum(totals) / max(len(totals), 1):.2f}", max_score=f"{assignment.max_score:g}",
        median=f"{median:g}", full=sum(t == assignment.max_score for t in totals),
        zero=sum(t == 0 for t in totals))
    write_atomically(out / "index.html", PAGE.render(
        language=language, labels=labels, assignment=assignment.name,
        students=labels["students"].format(n=len(stored)), summary=summary,
        functions=functions, cases=cases, hints=_most_frequent(hints, hint_students),
        kinds=_most_frequent(kinds, kind_students)))
    return out / "index.html"


def _most_frequent(cases: Counter, students: dict, most: int = 15) -> list[tuple]:
    """(key, students, failed cases) by how many students, then cases: one student's bug that
    fails many cases counts once in the first column."""
    keys = sorted(cases, key=lambda key: (-len(students[key]), -cases[key], key))
    return [(key, len(students[key]), cases[key]) for key in keys[:most]]


def _counts(stored, cases: int) -> tuple[int, int]:
    """A function's [passed, total] as stored, made sound: 0 <= passed <= total (none stored:
    none passed)."""
    try:
        passed, total = int(stored[0]), int(stored[1])
    except (TypeError, ValueError, IndexError, KeyError):
        return 0, cases
    total = max(total, 0)
    return min(max(passed, 0), total), total


def _match(cases, failures: list) -> dict[int, dict]:
    """The stored failures by the index of the assignment's case they name. The grader lists them
    in case order, so each is matched to the next case of its label: a label no case has, or a
    case named twice, counts once at most."""
    matched, start = {}, 0
    for failure in failures:
        if not isinstance(failure, dict):
            continue
        label = failure.get("label")
        index = next((i for i in range(start, len(cases)) if cases[i].label == label), None)
        if index is None:
            continue
        matched[index], start = failure, index + 1
    return matched


def _shown(key: str, language: str) -> str:
    """A kind of failure as the instructor reads it: the grader's message ``key`` with its details
    as "…" (the optional list of cells that raised left out); "" for an unknown key."""
    if key not in MESSAGES or key in ("hint", "cases_passed"):
        return ""
    return _FIELD.sub(lambda m: "" if m.group(1) == "cell_errors" else "…", MESSAGES[key][language])


_FIELD = re.compile(r"\{(\w+)(?::[^{}]*)?\}")
