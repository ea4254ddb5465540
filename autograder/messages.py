"""Every sentence the grader shows a student or instructor, in Korean (default) and English.

Korean sentences keep the English technical terms, as the lecture does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MESSAGES: dict[str, dict[str, str]] = {
    "raised": {
        "ko": "실행 중 오류(exception)가 났습니다: {error}",
        "en": "the call raised an exception: {error}",
    },
    "not_implemented": {
        "ko": "아직 구현하지 않았습니다 (NotImplementedError): `raise NotImplementedError()` 줄을 지우고 코드를 작성하세요.",
        "en": "not implemented yet (NotImplementedError): delete the `raise NotImplementedError()` line and write the code.",
    },
    "timeout": {
        "ko": "시간 제한 {seconds:g}초 안에 끝나지 않았습니다 (무한 루프(infinite loop)인지 확인하세요).",
        "en": "did not finish within the time limit of {seconds:g} s (check for an infinite loop).",
    },
    "skipped_after_timeout": {
        "ko": "이 함수의 앞선 case 가 시간 제한을 넘어서 실행하지 않았습니다.",
        "en": "not run: an earlier case of this function exceeded its time limit.",
    },
    "out_of_time": {
        "ko": "실행하지 않았습니다: 이 제출물 전체의 시간 예산(time budget)을 다 썼습니다.",
        "en": "not run: this submission used up its whole time budget.",
    },
    "crashed": {
        "ko": "학생 코드의 프로세스가 비정상 종료했습니다 ({detail}).",
        "en": "the process running the student code ended abruptly ({detail}).",
    },
    "missing_function": {
        "ko": "함수 {function} 이(가) 정의되어 있지 않습니다.{cell_errors} 함수 이름을 바꾸거나 셀을 지우지 않았는지도 확인하세요.",
        "en": "function {function} is not defined.{cell_errors} Check also that it was not renamed or deleted.",
    },
    "not_callable": {
        "ko": "{function} 는 함수(callable)가 아닙니다 ({kind}).",
        "en": "{function} is not callable ({kind}).",
    },
    "want_array": {
        "ko": "numpy.ndarray 를 돌려주어야 하는데 {got} 를 돌려주었습니다.",
        "en": "expected a numpy.ndarray, got {got}.",
    },
    "want_number": {
        "ko": "숫자 하나 (python float, NumPy scalar 또는 0-d array) 를 돌려주어야 하는데 {got} 를 돌려주었습니다.",
        "en": "expected a single number (python float, NumPy scalar or 0-d array), got {got}.",
    },
    "want_pair": {
        "ko": "숫자 {length} 개의 tuple 을 돌려주어야 하는데 {got} 를 돌려주었습니다.",
        "en": "expected a tuple of {length} numbers, got {got}.",
    },
    "not_real": {
        "ko": "실수(real number) 값이어야 하는데 dtype {dtype} 입니다.",
        "en": "values must be real numbers, got dtype {dtype}.",
    },
    "shape": {
        "ko": "shape 이 {expected} 이어야 하는데 {got} 입니다.",
        "en": "expected shape {expected}, got {got}.",
    },
    "values": {
        "ko": "값이 다릅니다: 기대값(expected) {expected}, 받은 값(received) {got}.",
        "en": "wrong values: expected {expected}, received {got}.",
    },
    "values_worst": {
        "ko": "값이 다릅니다: {count}/{size} 개 원소가 틀렸고, 가장 큰 차이는 위치 {index} 에서 기대값 {expected}, 받은 값 {got} 입니다.",
        "en": "wrong values: {count} of {size} elements differ; the largest error is at index {index}: expected {expected}, received {got}.",
    },
    "pair_item": {
        "ko": "{position} 번째 값: {detail}",
        "en": "item {position}: {detail}",
    },
    "input_modified": {
        "ko": "입력 인자 {argument} 를 바꾸었습니다 (inputs must not be modified). 복사본(copy)을 만들어 계산하세요.",
        "en": "the input argument {argument} was modified; work on a copy instead.",
    },
    "cases_passed": {
        "ko": "{total} 개 case 중 {passed} 개 통과 ({passed}/{total} cases passed)",
        "en": "{passed}/{total} cases passed",
    },
    "hint": {
        "ko": "힌트(hint): {hint}",
        "en": "Hint: {hint}",
    },
    # why a submission cannot be graded at all (autograder.notebook.NotGradable, grading)
    "nb_link": {
        "ko": "{name} 은(는) 심볼릭 링크(symbolic link)입니다. 링크가 아닌 노트북 파일을 그대로 제출하세요.",
        "en": "{name} is a symbolic link; submit the notebook file itself, not a link",
    },
    "nb_several": {
        "ko": "{expected} 을(를) 찾았지만 노트북이 여러 개입니다 ({names}). 채점할 노트북의 이름을 {expected} 로 바꾸세요.",
        "en": "expected {expected}, found several notebooks ({names}); rename the one to grade to {expected}",
    },
    "nb_no_folder": {
        "ko": "{folder}/{expected} 을(를) 찾았지만 {folder}/ 폴더가 없습니다. 학생 폴더에 있는 것: {found}",
        "en": "expected {folder}/{expected}, found no {folder}/ folder; the student's folder holds {found}",
    },
    "nb_not_found": {
        "ko": "{expected} 을(를) 찾았지만 있는 것은 {found} 입니다. 노트북을 {expected} 라는 이름으로 제출하세요.",
        "en": "expected {expected}, found {found}; submit the notebook as {expected}",
    },
    "nb_too_big": {
        "ko": "{name} 은(는) {size} MiB 입니다. {limit} MiB 가 넘는 노트북은 채점하지 않습니다 (출력(output)을 지우고 다시 제출하세요).",
        "en": "{name} is {size} MiB; a notebook over {limit} MiB is not graded (clear its outputs)",
    },
    "nb_too_much_code": {
        "ko": "{name} 의 코드 셀(code cell)에 코드가 {limit} KiB 넘게 있습니다 (cell {cell} 에서 넘습니다). 답은 몇 KiB 면 "
              "충분합니다: 코드 셀에 붙여 넣거나 만들어 낸 데이터를 지우고 다시 제출하세요.",
        "en": "{name} holds over {limit} KiB of code (cell {cell} passes it); a solution is a few KiB: "
              "remove pasted or generated data from the code cells and submit again",
    },
    "nb_no_code": {
        "ko": "{name} 에 코드 셀(code cell)이 없습니다.",
        "en": "{name} has no code cells",
    },
    "nb_empty": {
        "ko": "{name} 은(는) 빈 파일입니다.",
        "en": "{name} is empty",
    },
    "nb_zip": {
        "ko": "{name} 은(는) 노트북이 아니라 zip 압축 파일입니다. .ipynb 파일을 그대로 제출하세요.",
        "en": "{name} is a zip archive, not a notebook; submit the .ipynb file itself",
    },
    "nb_broken_json": {
        "ko": "{name} 은(는) 노트북이 아닙니다: JSON 이 line {line}, column {column} 에서 깨졌습니다 ({detail}). "
              "파일이 잘렸을 수 있습니다.",
        "en": "{name} is not a notebook: its JSON is broken at line {line}, column {column} ({detail}); "
              "the file may be truncated",
    },
    "nb_unreadable_json": {
        "ko": "{name} 은(는) 노트북이 아닙니다: JSON 을 읽을 수 없습니다 ({kind}).",
        "en": "{name} is not a notebook: its JSON cannot be read ({kind})",
    },
    "nb_not_notebook": {
        "ko": "{name} 은(는) JSON 이지만 Jupyter 노트북이 아닙니다 ({why}).",
        "en": "{name} is JSON but not a Jupyter notebook ({why})",
    },
    "nb_unreadable": {
        "ko": "제출물을 읽을 수 없습니다: {error}",
        "en": "cannot read the submission: {error}",
    },
    "nb_malformed": {
        "ko": "{name} 은(는) 읽을 수 있는 노트북이 아닙니다 ({kind}).",
        "en": "{name} is not a readable notebook ({kind})",
    },
    "unconfined": {
        "ko": "채점하지 않았습니다: 이 채점 컴퓨터는 학생 코드를 가둘(confine) 수 없어서 ({how}) 정답(reference "
              "solution)이 학생 코드에 노출될 수 있습니다. 수업 담당자가 Landlock 이 있는 컴퓨터 (Linux 5.13+) 에서 "
              "채점해야 합니다.",
        "en": "not graded: this grading machine cannot confine student code ({how}), so the reference "
              "solutions would be within its reach; the course staff must grade it on a machine with "
              "Landlock (Linux 5.13+)",
    },
    # how a notebook was found, or what else a grader should know (StudentResult.notes)
    "note_renamed": {
        "ko": "{expected} 이(가) 아니라 {found} 을(를) 찾아 채점했습니다",
        "en": "expected {expected}, found {found}; graded it",
    },
    "note_one_level_up": {
        "ko": "{found} 을(를) {folder}/ 폴더가 아니라 한 단계 위 폴더에서 찾아 채점했습니다",
        "en": "found {found} one level above the expected {folder}/ folder; graded it",
    },
    "note_misnamed_folder": {
        "ko": "{found} 을(를) {folder}/ 가 아니라 {other}/ 폴더에서 찾아 채점했습니다",
        "en": "found {found} in {other}/ instead of {folder}/; graded it",
    },
    "note_also_found": {
        "ko": "{others} 도 있었지만 {expected} 을(를) 채점했습니다",
        "en": "also found {others}; graded {expected}",
    },
    "note_late": {
        "ko": "Canvas 가 늦은 제출(late)로 표시했습니다: {file}",
        "en": "Canvas marked this submission late: {file}",
    },
    "note_out_of_time": {
        "ko": "시간 예산 {seconds:g}초를 다 써서, 그때까지 실행하지 못한 case 는 실패로 처리했습니다",
        "en": "used up its time budget of {seconds:g} s; the cases not run by then failed",
    },
    # a student cell that failed while the submission was loaded (StudentResult.cell_errors)
    "cell_hung": {"ko": "{seconds:g}초 안에 끝나지 않았습니다", "en": "did not finish within {seconds:g} s"},
    "cell_ended": {"ko": "프로세스를 끝냈습니다 ({error})", "en": "ended the process ({error})"},
    "cell_skipped": {"ko": "{cell}: {what}; 건너뛰었습니다", "en": "{cell}: {what}; skipped"},
    "cell_top_level": {
        "ko": "{cell}: 셀의 맨 위 수준(top level)에서 {what}; 그 셀의 정의 (def, class, import, 아무것도 "
              "호출하지 않는 대입) 만 남겼습니다",
        "en": "{cell}: {what} at top level; only its definitions (def, class, import, assignments "
              "that call nothing) were kept",
    },
    # autograder validate
    "visible_test_cell": {"ko": "공개 테스트 셀 (visible-test cell)", "en": "the visible-test cell"},
    "validate_cell_errors": {
        "ko": "내 코드 셀의 오류 (이 때문에 아래 테스트가 실패할 수 있습니다):",
        "en": "errors in your own cells (the tests below may fail because of them):",
    },
    "validate_summary": {
        "ko": "공개 테스트 {total} 개 중 {passed} 개 통과 ({passed}/{total} visible tests passed)",
        "en": "{passed}/{total} visible tests passed",
    },
    "validate_more": {
        "ko": "; 채점할 때는 숨은 테스트가 더 많은 경우를 검사합니다",
        "en": "; hidden tests check more cases when graded",
    },
    "not_gradable": {
        "ko": "채점할 수 없는 제출물입니다: {reason}",
        "en": "this submission could not be graded: {reason}",
    },
    "cell_errors": {
        "ko": " 노트북 실행 중 오류가 난 셀: {cells}",
        "en": " cells that raised while the notebook ran: {cells}",
    },
}


LANGUAGES = ("ko", "en")


@dataclass(frozen=True)
class Text:
    """A sentence in every language, rendered when shown (results keep both); ``key`` names the
    message it was made from (its kind, for reports), "" for free text."""

    ko: str = ""
    en: str = ""
    key: str = field(default="", compare=False)

    def in_(self, language: str) -> str:
        return getattr(self, language) if language in LANGUAGES else self.en

    def __add__(self, other: "Text") -> "Text":
        return Text(self.ko + other.ko, self.en + other.en, self.key or other.key)

    def __bool__(self) -> bool:
        return bool(self.ko or self.en)


def message(key: str, **fields: object) -> Text:
    """The sentence ``key`` with its fields; a field that is itself a Text is taken in the same
    language."""
    templates = MESSAGES[key]
    return Text(**{language: templates[language].format(**{
        name: value.in_(language) if isinstance(value, Text) else value
        for name, value in fields.items()}) for language in LANGUAGES}, key=key)
