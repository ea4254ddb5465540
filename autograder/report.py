"""The instructor's report: what the class got right and wrong, to see what to teach again.

From the stored results: the score distribution (a histogram, as an SVG image beside the page),
the pass rate of each function and of each case, and the most frequent mistakes seen (the hints
students were given, which name catalogued mistakes, and the commonest kinds of failure).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import jinja2

from autograder.results import write_atomically

PAGE = jinja2.Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>Report: {{ assignment }}</title>
<style>body { font-family: system-ui, "Noto Sans KR", sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; margin-bottom: 1.5rem; } td, th { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; }
td.n { text-align: right; } .low { color: #cf222e; font-weight: bold; }</style></head><body>
<h1>{{ assignment }}: {{ students }} students</h1>
<p>mean {{ mean }} / {{ max_score }}, median {{ median }}; full marks: {{ full }}; zero: {{ zero }}</p>
<h2>Score distribution</h2><img src="histogram.svg" alt="histogram of total scores" width="640">
<h2>Pass rate per function</h2>
<table><tr><th>function</th><th>students with full points</th><th>cases passed</th></tr>
{% for f in functions %}<tr><td><code>{{ f.name }}</code></td><td class="n {{ 'low' if f.full_rate < 0.6 }}">{{ '%.0f' % (100 * f.full_rate) }}%</td>
<td class="n">{{ '%.0f' % (100 * f.case_rate) }}%</td></tr>{% endfor %}</table>
<h2>Pass rate per case (lowest first)</h2>
<table><tr><th>function</th><th>case</th><th>passed</th></tr>
{% for c in cases %}<tr><td><code>{{ c.function }}</code></td><td>{{ c.label }}</td><td class="n {{ 'low' if c.rate < 0.6 }}">{{ '%.0f' % (100 * c.rate) }}%</td></tr>{% endfor %}</table>
<h2>Most frequent mistakes seen</h2>
<table><tr><th>failed cases</th><th>function</th><th>hint given</th></tr>
{% for (function, hint), n in hints %}<tr><td class="n">{{ n }}</td><td><code>{{ function }}</code></td><td>{{ hint }}</td></tr>{% else %}<tr><td colspan="3">none</td></tr>{% endfor %}</table>
<h2>Most frequent kinds of failure</h2>
<table><tr><th>failed cases</th><th>function</th><th>kind</th></tr>
{% for (function, kind), n in kinds %}<tr><td class="n">{{ n }}</td><td><code>{{ function }}</code></td><td>{{ kind }}</td></tr>{% endfor %}</table>
</body></html>
""")


def histogram_svg(totals: list[float], max_score: float, bins: int = 10) -> str:
    counts = [0] * bins
    for total in totals:
        counts[min(int(total / max_score * bins), bins - 1) if max_score else 0] += 1
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


def write_report(results_dir: Path, assignment, out: Path) -> Path:
    stored = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(results_dir.glob("*/results.json"))]
    totals = sorted(r["score"] for r in stored)
    functions, cases, hints, kinds = [], [], Counter(), Counter()
    for graded in assignment.functions:
        tests = [next(t for t in r["tests"] if t["name"] == graded.name) for r in stored]
        failed = Counter()
        for test in tests:
            for line in test["output"].splitlines()[1:]:
                label, _, text = line[2:].partition(": ")
                failed[label] += 1
                hint = re.search(r"(?:힌트\(hint\)|Hint): (.*)$", text)
                if hint:
                    hints[graded.name, hint.group(1)] += 1
                kinds[graded.name, _kind(text)] += 1
        counts = [r["extra_data"]["cases"][graded.name] for r in stored]
        functions.append({"name": graded.name,
                          "full_rate": sum(p == t for p, t in counts) / max(len(stored), 1),
                          "case_rate": sum(p for p, _ in counts) / max(sum(t for _, t in counts), 1)})
        cases += [{"function": graded.name, "label": case.label,
                   "rate": 1 - failed[case.label] / max(len(stored), 1)} for case in graded.cases]
    cases.sort(key=lambda c: c["rate"])
    out.mkdir(parents=True, exist_ok=True)
    write_atomically(out / "histogram.svg", histogram_svg(totals, assignment.max_score))
    middle = len(totals) // 2
    median = (totals[middle] if len(totals) % 2 else (totals[middle - 1] + totals[middle]) / 2) if totals else 0
    write_atomically(out / "index.html", PAGE.render(
        assignment=assignment.name, students=len(stored), max_score=f"{assignment.max_score:g}",
        mean=f"{sum(totals) / max(len(totals), 1):.2f}", median=f"{median:g}",
        full=sum(t == assignment.max_score for t in totals), zero=sum(t == 0 for t in totals),
        functions=functions, cases=cases[:30], hints=hints.most_common(15),
        kinds=kinds.most_common(15)))
    return out / "index.html"


def _kind(text: str) -> str:
    """A failure's kind: its message up to the first specific detail."""
    text = re.sub(r"힌트\(hint\): .*|Hint: .*", "", text)
    return re.split(r"[:(\[0-9]", text, maxsplit=1)[0].strip()[:80] or text[:80]
