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
        "ko": "함수 {function} 가 정의되어 있지 않습니다.{cell_errors} 함수 이름을 바꾸거나 셀을 지우지 않았는지도 확인하세요.",
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
