"""`autograder collect-zip FILE` turns a Canvas bulk download, several attempts per student, into
the submitted/ layout with the newest attempt each, logging every decision; the result grades.
Names unsafe as folders, Korean Windows zips and damaged or oversized downloads are handled."""

from __future__ import annotations

import csv
import json
import struct
import unicodedata
import zipfile

import nbformat
import pytest
from conftest import run_autograder, student_notebook
from samples import CORRECT, SAMPLES, expected_total

from autograder import collect
from autograder.collect import CollectError, collect_zip, read_roster


def test_the_newest_attempt_of_each_student_is_kept_and_graded(tmp_path):
    wrong = nbformat.writes(student_notebook({**CORRECT, "relu": "def relu(z):\n    return z"}))
    right = nbformat.writes(student_notebook(CORRECT))
    download = tmp_path / "submissions.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("doejane_12345_67890_forward_pass.ipynb", wrong)
        archive.writestr("doejane_late_12345_67891_forward_pass-2.ipynb", right)
        archive.writestr("kimminsu_22222_67000_forward_pass.ipynb", wrong)
        archive.writestr("readme.txt", "not a submission")
        archive.writestr("../../escape_1_2_forward_pass.ipynb", right)
    into = tmp_path / "submitted"
    result = run_autograder("collect-zip", str(download), "--into", str(into))
    assert "doejane: took doejane_late_12345_67891_forward_pass-2.ipynb (late); older attempts not " \
           "used: doejane_12345_67890_forward_pass.ipynb" in result.stdout
    assert "skipped readme.txt" in result.stdout
    assert (into / ".collect-forward_pass.log").read_text().count("\n") == 6  # a header, 4, a summary
    assert sorted(p.name for p in into.iterdir() if not p.name.startswith(".")) == [
        "doejane", "escape", "kimminsu"]  # a member's folders are never followed out of --into
    assert not (tmp_path.parent / "escape").exists()
    graded = run_autograder("grade", "forward_pass", "--submissions", str(into), "--csv",
                            str(tmp_path / "g.csv"), "--quiet")
    assert "doejane" in graded.stdout
    rows = {line.split(",")[0]: line.split(",")[1:-2] for line in (tmp_path / "g.csv").read_text().splitlines()}
    full = [f"{points:g}" for points in SAMPLES["kim_correct"].scores.values()]
    assert rows["doejane"] == full and rows["kimminsu"] != full


def test_a_file_that_is_not_a_zip_is_a_clear_error(tmp_path):
    bogus = tmp_path / "download.zip"
    bogus.write_text("no")
    result = run_autograder("collect-zip", str(bogus), "--into", str(tmp_path / "s"), check=False)
    assert result.returncode == 2 and "not a readable zip file" in result.stderr


def test_two_canvas_users_with_one_name_stay_two_students(tmp_path):
    right = nbformat.writes(student_notebook(CORRECT))
    wrong = nbformat.writes(student_notebook({**CORRECT, "relu": "def relu(z):\n    return z"}))
    download = tmp_path / "submissions.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("kimminsu_12345_678950_forward_pass-1.ipynb", right)
        archive.writestr("kimminsu_99999_678960_forward_pass.ipynb", wrong)
        archive.writestr("leejia_55555_678970_forward_pass.ipynb", right)
    into = tmp_path / "submitted"
    result = run_autograder("collect-zip", str(download), "--into", str(into))
    assert sorted(p.name for p in into.iterdir() if not p.name.startswith(".")) == [
        "kimminsu_12345", "kimminsu_99999", "leejia"]
    assert "kimminsu_99999: took kimminsu_99999_678960_forward_pass.ipynb (Canvas user 99999; " \
           "another user is also named kimminsu)" in result.stdout
    assert "collected 3 students" in result.stdout
    # the Canvas export fills in each collected student's Canvas user id, so Canvas can match it
    run_autograder("grade", "forward_pass", "--submissions", str(into), "--csv", str(tmp_path / "g.csv"),
                   "--quiet")
    run_autograder("export", "forward_pass", "--to", "canvas", "--results", str(tmp_path / "g"),
                   "--submissions", str(into), "--out", str(tmp_path / "canvas.csv"))
    with open(tmp_path / "canvas.csv", newline="") as stream:
        ids = {row["Student"]: (row["ID"], row["forward_pass"]) for row in csv.DictReader(stream)}
    full = f"{expected_total(SAMPLES['kim_correct']):g}"
    assert ids["kimminsu_12345"] == ("12345", full) and ids["leejia"] == ("55555", full)
    assert ids["kimminsu_99999"][0] == "99999" and ids["kimminsu_99999"][1] != full


def test_a_zip_without_canvas_named_notebooks_writes_nothing_and_says_what_was_expected(tmp_path):
    download = tmp_path / "submissions.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("forward_pass.ipynb", "{}")
        archive.writestr("notes.txt", "hello")
    into = tmp_path / "submitted"
    result = run_autograder("collect-zip", str(download), "--into", str(into), check=False)
    assert result.returncode == 2
    assert "holds no notebook named as Canvas names submissions" in result.stderr
    assert "doejane_12345_67890_forward_pass.ipynb" in result.stderr and "notes.txt" in result.stderr
    assert not into.exists()


RIGHT = nbformat.writes(student_notebook(CORRECT))
WRONG = nbformat.writes(student_notebook({**CORRECT, "relu": "def relu(z):\n    return z"}))


def canvas_zip(path, members, compression=zipfile.ZIP_STORED):
    """A zip holding ``members``, (name, text) pairs in order (a name may repeat)."""
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, text in members:
            archive.writestr(name, text)
    return path


def test_a_file_named_as_the_notebook_wins_over_a_newer_other_notebook(tmp_path):
    download = canvas_zip(tmp_path / "submissions.zip", [
        ("doejane_12345_100_forward_pass.ipynb", WRONG),
        ("doejane_12345_101_forward_pass-2.ipynb", RIGHT),
        ("doejane_12345_101_forward_pass-1.ipynb", WRONG),
        ("doejane_12345_102_scratch.ipynb", WRONG),  # newest, but not the assignment's notebook
        ("kimminsu_22222_200_notes.ipynb", RIGHT),  # nothing better: taken, and said so
    ])
    into = tmp_path / "submitted"
    result = run_autograder("collect-zip", str(download), "--into", str(into))
    assert (into / "doejane" / "forward_pass" / "forward_pass.ipynb").read_text() == RIGHT
    assert "doejane: took doejane_12345_101_forward_pass-2.ipynb; older attempts not used: " \
           "doejane_12345_100_forward_pass.ipynb, doejane_12345_101_forward_pass-1.ipynb; not used, " \
           "as only forward_pass.ipynb or forward_pass-N.ipynb is graded: " \
           "doejane_12345_102_scratch.ipynb" in result.stdout
    assert (into / "kimminsu" / "forward_pass" / "forward_pass.ipynb").read_text() == RIGHT
    assert "kimminsu: took kimminsu_22222_200_notes.ipynb (no file named forward_pass.ipynb or " \
           "forward_pass-N.ipynb: took the newest notebook)" in result.stdout


@pytest.mark.parametrize("first, second", [(RIGHT, WRONG), (WRONG, RIGHT)])
def test_a_tie_takes_the_later_entry_and_says_it_was_a_tie(tmp_path, first, second):
    download = canvas_zip(tmp_path / "submissions.zip", [
        ("doejane_12345_500_forward_pass-3.ipynb", first),
        ("again/doejane_late_12345_500_forward_pass-3.ipynb", second),
    ])
    into = tmp_path / "submitted"
    log = collect_zip(download, into, "forward_pass", "forward_pass.ipynb")
    assert (into / "doejane" / "forward_pass" / "forward_pass.ipynb").read_text() == second
    assert "; tie: doejane_12345_500_forward_pass-3.ipynb (entry 1) and again/doejane_late_12345_" \
           "500_forward_pass-3.ipynb (entry 2) have the same submission id 500 and -3: took the " \
           "later entry in the zip, entry 2" in log[0]


def test_a_name_unsafe_as_a_folder_becomes_user_and_the_canvas_user_id(tmp_path):
    unsafe = ["..", ".", ".hidden", "a:b*c", "dots.", "tab\tbell\a"]
    download = canvas_zip(tmp_path / "submissions.zip", [
        *((f"{name}_{100 + i}_1_forward_pass.ipynb", RIGHT) for i, name in enumerate(unsafe)),
        ("x\\..\\.._200_1_forward_pass.ipynb", RIGHT),  # a Windows zip's folders
        ("leejia_300_1_forward_pass.ipynb", WRONG),
    ])
    into = tmp_path / "submitted"
    result = run_autograder("collect-zip", str(download), "--into", str(into))
    students = [f"user_{100 + i}" for i in range(len(unsafe))] + ["user_200", "leejia"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["submissions.zip", "submitted"]
    assert sorted(p.name for p in into.iterdir()) == sorted(
        [*students, ".canvas-users-forward_pass.csv", ".collect-forward_pass.log"])
    assert "user_100: took .._100_1_forward_pass.ipynb (Canvas user 100; its name '..' is not " \
           "safe as a folder name)" in result.stdout
    assert "user_105: took tab\tbell\a_105_1_forward_pass.ipynb (Canvas user 105; its name " \
           "'tab\\tbell\\x07' is not safe" in result.stdout
    assert read_roster(into, "forward_pass")["user_102"] == "102"
    run_autograder("grade", "forward_pass", "--submissions", str(into), "--csv",
                   str(tmp_path / "g.csv"), "--quiet")  # every folder graded, none hidden
    with open(tmp_path / "g.csv", newline="") as stream:
        totals = {row["student_id"]: row["total"] for row in csv.DictReader(stream)}
    assert sorted(totals) == sorted(students)
    assert len({totals[s] for s in students[:-1]}) == 1 and totals["leejia"] != totals["user_100"]


def _damage(path, member, how):
    """Flip a byte in ``member``'s data, or give it a compression method zipfile lacks."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info, central = archive.getinfo(member), archive.start_dir
        for _ in range(archive.infolist().index(info)):
            central = data.index(b"PK\x01\x02", central + 4)
    if how == "unsupported":  # zipfile takes the method from the central directory
        data[central + 10:central + 12] = struct.pack("<H", 99)
    else:
        names, extra = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
        data[info.header_offset + 30 + names + extra + info.compress_size // 2] ^= 0x55
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("compression, how", [(zipfile.ZIP_STORED, "flip"), (zipfile.ZIP_DEFLATED, "flip"),
                                              (zipfile.ZIP_STORED, "unsupported")])
def test_a_damaged_member_is_an_error_and_nothing_is_written(tmp_path, compression, how):
    download = canvas_zip(tmp_path / "submissions.zip", [
        ("doejane_12345_100_forward_pass.ipynb", RIGHT),
        ("kimminsu_22222_200_forward_pass.ipynb", RIGHT),
    ], compression)
    _damage(download, "kimminsu_22222_200_forward_pass.ipynb", how)
    into = tmp_path / "submitted"
    result = run_autograder("collect-zip", str(download), "--into", str(into), check=False)
    assert result.returncode == 2
    assert "kimminsu_22222_200_forward_pass.ipynb in" in result.stderr
    assert "the download is damaged or incomplete, and nothing was written. Download it again" \
           in result.stderr
    assert not into.exists()


def _as_made_on_windows(path, names):
    """Rewrite each placeholder name (ASCII, so without the UTF-8 flag) to the given raw bytes."""
    data = path.read_bytes()
    for placeholder, raw in names.items():
        assert len(placeholder) == len(raw) and data.count(placeholder) == 2  # local + central
        data = data.replace(placeholder, raw)
    path.write_bytes(data)


def test_names_from_korean_windows_are_read_as_cp949_or_utf8(tmp_path):
    kim, lee = "김민수".encode("cp949"), "이지아".encode()
    download = canvas_zip(tmp_path / "submissions.zip", [
        ("K" * len(kim) + "_111_1_forward_pass.ipynb", RIGHT),
        ("L" * len(lee) + "_222_1_forward_pass.ipynb", RIGHT),
        ("plain_333_1_forward_pass.ipynb", RIGHT),
    ])
    _as_made_on_windows(download, {b"K" * len(kim): kim, b"L" * len(lee): lee})
    with zipfile.ZipFile(download) as archive:  # the mojibake zipfile gives on its own
        assert not any(info.flag_bits & 0x800 for info in archive.infolist())
        assert "김민수" not in archive.namelist()[0]
    into = tmp_path / "submitted"
    log = collect_zip(download, into, "forward_pass", "forward_pass.ipynb")
    assert sorted(p.name for p in into.iterdir() if not p.name.startswith(".")) == [
        "plain", "김민수", "이지아"]
    assert "김민수: took 김민수_111_1_forward_pass.ipynb -> " in "\n".join(log)
    assert read_roster(into, "forward_pass") == {"김민수": "111", "이지아": "222", "plain": "333"}


def test_the_nfc_and_nfd_spellings_of_a_name_are_one_name(tmp_path):
    nfc, nfd = "김민수", unicodedata.normalize("NFD", "김민수")
    assert nfc != nfd
    download = canvas_zip(tmp_path / "submissions.zip", [
        (f"{nfd}_111_1_forward_pass.ipynb", WRONG),  # macOS spells names decomposed
        (f"{nfc}_111_2_forward_pass.ipynb", RIGHT),  # one user, two spellings: one student
        (f"{nfd}_222_3_forward_pass.ipynb", RIGHT),  # another user of that name
        ("Kim_333_4_forward_pass.ipynb", RIGHT),  # and names alike but for case, which macOS
        ("kim_444_5_forward_pass.ipynb", RIGHT),  # and Windows would write to one folder
    ])
    into = tmp_path / "submitted"
    collect_zip(download, into, "forward_pass", "forward_pass.ipynb")
    assert sorted(p.name for p in into.iterdir() if not p.name.startswith(".")) == [
        "Kim_333", "kim_444", f"{nfc}_111", f"{nfc}_222"]
    assert (into / f"{nfc}_111" / "forward_pass" / "forward_pass.ipynb").read_text() == RIGHT


def test_more_than_the_total_size_limit_is_an_error_and_nothing_is_written(tmp_path, monkeypatch):
    download = canvas_zip(tmp_path / "submissions.zip", [
        ("doejane_12345_100_forward_pass.ipynb", "x" * 600),
        ("kimminsu_22222_200_forward_pass.ipynb", "x" * 600),
        ("kimminsu_22222_100_forward_pass.ipynb", "x" * 600),  # not chosen: not counted
    ])
    assert collect.MAX_TOTAL == 2 * 1024 ** 3 and collect.MAX_MEMBER < collect.MAX_TOTAL
    monkeypatch.setattr(collect, "MAX_TOTAL", 1200)
    collect_zip(download, tmp_path / "fits", "forward_pass", "forward_pass.ipynb")
    monkeypatch.setattr(collect, "MAX_TOTAL", 1199)
    into = tmp_path / "submitted"
    with pytest.raises(CollectError, match=r"the 2 notebooks chosen from .* come to 1200 bytes, "
                                           r"over the 1199-byte limit; nothing was written"):
        collect_zip(download, into, "forward_pass", "forward_pass.ipynb")
    assert not into.exists()


def test_a_second_download_keeps_each_canvas_user_in_its_folder_and_grows_the_roster(tmp_path):
    right = nbformat.writes(student_notebook(CORRECT))
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    with zipfile.ZipFile(first, "w") as archive:
        archive.writestr("parkjisoo_10003_500_forward_pass.ipynb", right)
        archive.writestr("parkjisoo_10004_501_forward_pass.ipynb", right)
        archive.writestr("leejia_10005_502_forward_pass.ipynb", right)
    with zipfile.ZipFile(second, "w") as archive:  # a late resubmission, and a new student
        archive.writestr("parkjisoo_late_10004_600_forward_pass-2.ipynb", right)
        archive.writestr("leejia_10006_601_forward_pass.ipynb", right)  # another user, same name
    into = tmp_path / "submitted"
    run_autograder("collect-zip", str(first), "--into", str(into))
    result = run_autograder("collect-zip", str(second), "--into", str(into))
    assert "parkjisoo_10004: took parkjisoo_late_10004_600_forward_pass-2.ipynb (late)" in result.stdout
    assert sorted(p.name for p in into.iterdir() if not p.name.startswith(".")) == [
        "leejia", "leejia_10006", "parkjisoo_10003", "parkjisoo_10004"]
    with open(into / ".canvas-users-forward_pass.csv", newline="") as stream:
        roster = {row["student_id"]: (row["canvas_user_id"], row["late"]) for row in csv.DictReader(stream)}
    assert roster == {"leejia": ("10005", ""), "leejia_10006": ("10006", ""),
                      "parkjisoo_10003": ("10003", ""), "parkjisoo_10004": ("10004", "late")}
    log = (into / ".collect-forward_pass.log").read_text()
    assert log.count("collect-zip ") == 2 and "already holding 3 Canvas users" in log
    # the grade says what Canvas said: the late attempt, in the table and the student's result
    graded = run_autograder("grade", "forward_pass", "--submissions", str(into), "--csv",
                            str(tmp_path / "g.csv"), "--quiet")
    row = next(line for line in graded.stdout.splitlines() if line.startswith("parkjisoo_10004"))
    assert "Canvas 가 늦은 제출(late)로 표시했습니다" in row
    result = json.loads((tmp_path / "g" / "parkjisoo_10004" / "results.json").read_text())
    assert result["extra_data"]["notes"] == [
        "Canvas marked this submission late: parkjisoo_late_10004_600_forward_pass-2.ipynb"]
    result = json.loads((tmp_path / "g" / "leejia" / "results.json").read_text())
    assert result["extra_data"]["notes"] == []
