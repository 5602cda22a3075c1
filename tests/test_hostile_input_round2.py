"""Hostile input, round 2 (issue 25), the fast tier: pure functions on inputs each test writes itself.

One bad text never blocks the others (pipeline.documents.problems, pipeline.tables.screening); only files
inside the seeds folder are read and the manifest's name is matched exactly (pipeline.documents.seeds);
release files are read with their JSON shape checked and every problem names its file
(pipeline.package.json_files, pipeline.release.verify). The builds and CLI runs are in
tests/integration/test_hostile_cli_round2.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline import schema
from pipeline.cli.fingerprint import inputs_fingerprint
from pipeline.documents import stages
from pipeline.documents.extract import extract_document
from pipeline.documents.problems import EXTRACTION_ERROR, ROWS_REFUSED, problem_flag, problem_of
from pipeline.documents.record import DocumentRecord
from pipeline.documents.seeds import SeedError, check_seeds, discover
from pipeline.documents.store import DocumentStore, document_keys
from pipeline.package.checksums import verify_checksums
from pipeline.package.json_files import JsonFileError, read_changes, read_descriptor, read_json
from pipeline.package.validation import undecodable_csvs
from pipeline.release.archive import catalog_shape_problems
from pipeline.release.verify import label_problems
from pipeline.release.versions import ReleaseError, verify_latest
from pipeline.tables.meetings import build_meeting_tables
from pipeline.tables.plans import build_plan_tables
from pipeline.tables.screening import document_row_problem, row_problems, screen_records
from pipeline.text.clean import clean_text

TEXT = "2025年全市卫生健康工作会议召开\n2月8日，2025年全市卫生健康工作会议在岳阳召开。会议部署2025年重点工作。\n"
HEAD = (
    "2025年全市卫生健康工作会议召开\n3月3日，2025年全市卫生健康工作会议在常德召开。会议总结2024年工作，"
    "部署2025年重点工作。市卫生健康委主任赵六作工作报告。\n"
)
GOOD_REPORT = HEAD + "会议强调，一是提升县级医院服务能力；二是完善家庭医生签约服务；三是推进智慧医院建设。\n"
# Task lists with an empty item, as a reporter might paste them: whatever the parsers make of them, no
# row may reach the tables with an empty required value.
EMPTY_ITEMS = {
    "bare_line": HEAD + "会议要求，2025年重点抓好以下工作：\n一、提升县级医院服务能力。\n二、\n三、推进智慧医院建设。\n",
    "bare_last": HEAD + "会议要求：\n一、提升县级医院服务能力。\n二、完善家庭医生签约服务。\n四、\n",
    "empty_clause": HEAD + "会议强调，一是提升县级医院服务能力；二是；三是推进智慧医院建设。\n",
    "bare_paren": HEAD + "会议要求：\n（一）提升县级医院服务能力。\n（二）\n（三）推进智慧医院建设。\n",
    "bare_arabic": HEAD + "会议要求：\n1.提升县级医院服务能力。\n2.\n3.推进智慧医院建设。\n",
}
KIND = "municipal_conference_report"


def _record(doc_id: str, raw: str, kind: str | None = KIND) -> DocumentRecord:
    text = clean_text(raw).text
    return DocumentRecord(
        doc_id=doc_id, file=f"{doc_id}.txt", sha256=hashlib.sha256(raw.encode()).hexdigest(),
        manifest={"kind": kind, "title": "标题", "rights": "test"} if kind else None, text=text,
        cleaning_notes=(), metadata={}, payload=extract_document(text, kind=kind, published=None),
    )  # fmt: skip


# --- one bad text never blocks the others -----------------------------------------------------------------


def test_a_problem_flag_is_one_flag_of_the_documents_vocabulary():
    flag = problem_flag(ROWS_REFUSED, "tasks.title is empty;\nsee line 3 " + "长" * 400)
    assert ";" not in flag and "\n" not in flag and len(flag) < 300
    assert problem_of(f"manifest;{flag}") == (ROWS_REFUSED, flag.split(":", 1)[1])
    values = schema.field("documents", "flag")["flagValues"]
    assert schema.flag_pattern(values).fullmatch(flag)
    assert schema.flag_pattern(values).fullmatch(problem_flag(EXTRACTION_ERROR, "ValueError: x"))
    assert problem_of("no_meeting_held;no_work_points_title") is None


def test_a_task_with_an_empty_title_keeps_the_document_without_plan_rows():
    good = _record("good_report", GOOD_REPORT)
    assert good.payload["plans"] and document_row_problem(good) is None
    plan = json.loads(json.dumps(good.payload["plans"][0]))
    plan["tasks"][1]["title"] = ""
    broken = replace(good, doc_id="broken_report", file="broken_report.txt", payload={**good.payload, "plans": [plan]})
    kept, refused = screen_records([good, broken])
    assert kept is good  # a document whose rows are sound is passed on as it is
    assert refused.payload["plans"] == [] and refused.payload["meeting"] is None
    code, problem = problem_of(refused.payload["kind_flag"])
    assert code == ROWS_REFUSED and "tasks.title" in problem and "NOT NULL" in problem
    assert refused.kind == KIND and refused.text == broken.text  # still a document, with its text
    assert build_plan_tables([refused]).plans == []


def test_rows_that_cannot_even_be_built_refuse_that_document_only():
    good = _record("good_report", GOOD_REPORT)
    plan = json.loads(json.dumps(good.payload["plans"][0]))
    del plan["tasks"][0]["start"]  # a parser change leaving out a field the table builders need
    broken = replace(good, doc_id="odd", payload={**good.payload, "plans": [plan]})
    problem = document_row_problem(broken)
    assert problem is not None and "cannot be built" in problem and "KeyError" in problem


@pytest.mark.parametrize("name", sorted(EMPTY_ITEMS))
def test_no_empty_list_item_reaches_a_table_whatever_the_parsers_make_of_it(name: str):
    [screened] = screen_records([_record(name, EMPTY_ITEMS[name])])
    plans, meetings = build_plan_tables([screened]), build_meeting_tables([screened])
    for table in ("plans", "plan_sources", "tasks", "task_sources", "commentary"):
        assert row_problems(table, getattr(plans, table)) == [], table
    for table in ("meetings", "meeting_sources", "meeting_officials", "meeting_sections"):
        assert row_problems(table, getattr(meetings, table)) == [], table
    if problem_of(screened.payload["kind_flag"]):
        assert "tasks.title" in screened.payload["kind_flag"]


def test_row_problems_name_the_table_column_and_constraint():
    row = {column: None for column in schema.columns("documents")}
    row |= {"doc_id": "x", "file": "x.txt", "kind": "poem", "rights": "r", "metadata_origin": "manifest",
            "sha256": "0" * 64, "n_chars": 0, "text": "t"}  # fmt: skip
    problems = row_problems("documents", [row, dict(row)])
    assert any("documents.kind is 'poem', not one of its enum" in p for p in problems)
    assert any("documents.n_chars is 0, beyond its minimum 1" in p for p in problems)
    assert any("primary key (doc_id) is repeated" in p for p in problems)


def test_a_parser_error_is_the_documents_flag_and_the_other_documents_are_extracted(tmp_path: Path, monkeypatch):
    import pipeline.documents.extract as extract

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "fine_one.txt").write_text(GOOD_REPORT + "（用于解析错误测试）\n", encoding="utf-8")
    (seeds / "breaks_parser.txt").write_text(TEXT + "（用于解析错误测试）\n", encoding="utf-8")
    real = extract.extract_document

    def breaks_on_one(text: str, **kwargs):
        if "岳阳" in text:
            raise IndexError("list index out of range")
        return real(text, **kwargs)

    monkeypatch.setattr(extract, "extract_document", breaks_on_one)
    store = DocumentStore(tmp_path / "store")
    documents = discover(seeds)
    for stage in ("raw", "clean", "extract"):
        stages.run_stage(stage, store, documents)
    payloads = {d.doc_id: json.loads(store.read_row("extract", document_keys(d).extract)["payload"]) for d in documents}
    assert payloads["fine_one"]["plans"]
    assert payloads["breaks_parser"]["plans"] == [] and payloads["breaks_parser"]["kind"] == "other"
    assert problem_of(payloads["breaks_parser"]["kind_flag"]) == (
        EXTRACTION_ERROR, "IndexError: list index out of range"
    )  # fmt: skip


# --- only files inside the seeds folder are read ----------------------------------------------------------


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder


def _refused(folder: Path, *needles: str) -> str:
    with pytest.raises(SeedError) as error:
        check_seeds(folder)
    message = str(error.value)
    for needle in needles:
        assert needle in message, message
    return message


def test_a_link_to_a_file_outside_the_seeds_folder_is_refused_by_name(seeds: Path, tmp_path: Path):
    secret = tmp_path / "elsewhere" / "accounts.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (seeds / "linked.txt").symlink_to(secret)
    _refused(seeds, str(seeds / "linked.txt"), "outside the seeds folder")


def test_a_manifest_linked_from_outside_is_refused_too(seeds: Path, tmp_path: Path):
    outside = tmp_path / "other.csv"
    outside.write_text("doc_id,file\n", encoding="utf-8")
    (seeds / "manifest.csv").symlink_to(outside)
    _refused(seeds, str(seeds / "manifest.csv"), "outside the seeds folder")


def test_a_link_that_leads_nowhere_is_refused_by_name(seeds: Path):
    (seeds / "gone.txt").symlink_to(seeds / "never-written.txt")
    _refused(seeds, str(seeds / "gone.txt"), "symbolic link")


def test_an_unreadable_text_is_named_without_a_traceback(seeds: Path, monkeypatch):
    locked = seeds / "locked.txt"
    locked.write_text(TEXT.replace("岳阳", "衡阳"), encoding="utf-8")
    if os.geteuid() == 0:  # root reads any file: make this one unreadable for the test
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    else:
        locked.chmod(0)
    _refused(seeds, str(locked), "permission denied")


def test_a_path_too_long_for_the_file_system_is_named(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    deep = Path()
    for index in range(20):  # 20 folders of 240 characters: past PATH_MAX (4096), made one step at a time
        part = f"{index:02d}" + "d" * 238
        os.mkdir(part)
        os.chdir(part)
        deep = deep / part
    monkeypatch.chdir(tmp_path)
    message = _refused(tmp_path / deep, "path is too long")
    assert message.startswith(str(tmp_path))


def test_a_deep_folder_inside_the_seeds_folder_is_not_read(seeds: Path, monkeypatch):
    monkeypatch.chdir(seeds)
    for index in range(20):
        part = f"{index:02d}" + "d" * 238
        os.mkdir(part)
        os.chdir(part)
    Path("deep.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(seeds.parent)
    assert [doc.doc_id for doc in check_seeds(seeds)] == ["a"]
    assert inputs_fingerprint(seeds)  # only the texts and the manifest are fingerprinted


@pytest.mark.parametrize("name", ["Manifest.csv", "manifest.CSV", "MANIFEST.csv", "manifest.tsv", "manifest.xlsx"])
@pytest.mark.parametrize("with_real_manifest", [False, True])
def test_a_near_miss_of_the_manifests_name_is_an_error(seeds: Path, name: str, with_real_manifest: bool):
    row = f"a,a.txt,{hashlib.sha256(TEXT.encode()).hexdigest()},{KIND},标题,,,,,,test\n"
    header = "doc_id,file,sha256,kind,title,source,source_attribution,published_date,url,retrieved_date,rights\n"
    if with_real_manifest:
        (seeds / "manifest.csv").write_text(header + row, encoding="utf-8")
    (seeds / name).write_text(header + row, encoding="utf-8")
    _refused(seeds, str(seeds / name), "named exactly manifest.csv")


# --- decoding -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "order"),
    [("utf-16", "little-endian, with a byte-order mark"), ("utf-16-le", "little-endian"), ("utf-16-be", "big-endian")],
)
def test_a_utf16_text_is_called_utf16_with_how_to_convert_it(seeds: Path, encoding: str, order: str):
    (seeds / "wide.txt").write_bytes(TEXT.replace("岳阳", "益阳").encode(encoding))
    message = _refused(seeds, str(seeds / "wide.txt"), "UTF-16", "iconv")
    assert f"UTF-16 ({order})" in message and "NUL" not in message


@pytest.mark.parametrize(
    "data",
    ["\u3000\u3000\u3000\n\u3000".encode(), b"\xef\xbb\xbf", "\ufeff\u3000\n\t\u3000".encode(), "。，、\n".encode()],
)
def test_a_file_of_full_width_spaces_or_a_lone_bom_is_refused_when_checked(seeds: Path, data: bytes):
    (seeds / "blank.txt").write_bytes(data)
    _refused(seeds, str(seeds / "blank.txt"), "holds no text")


# --- release files: JSON shape, corruption blamed on its file ---------------------------------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [("[]", "holds a list, not an object"), ("null", "holds null, not an object"),
     ('{"name": "x", "version": "1.0.0", "created": "2026-01-31", "reso', "cut off"),
     ('{"name": "x", "created": "2026-01-31", "resources": []}', "has no 'version'"),
     ('{"name": "x", "version": 1, "created": "2026-01-31", "resources": []}', "'version' is a number, not a string"),
     ('{"name": "x", "version": "1.0.0", "created": "2026-01-31", "resources": [[]]}', "resource 1 is a list")],
)  # fmt: skip
def test_a_descriptor_of_the_wrong_shape_is_named_with_its_problem(tmp_path: Path, content: str, words: str):
    (tmp_path / "datapackage.json").write_text(content, encoding="utf-8")
    with pytest.raises(JsonFileError) as error:
        read_descriptor(tmp_path)
    assert str(error.value).startswith(str(tmp_path / "datapackage.json")) and words in str(error.value)


@pytest.mark.parametrize("content", ["[]", "null", "3", '{"summary": "x"}'])
def test_label_problems_report_a_changes_file_of_the_wrong_shape(tmp_path: Path, content: str):
    folder = tmp_path / "1.0.0"
    folder.mkdir()
    (folder / "changes.json").write_text(content, encoding="utf-8")
    (folder / "datapackage.json").write_text("[]", encoding="utf-8")
    problems = label_problems(folder)
    assert any(p.startswith(str(folder / "changes.json")) for p in problems)
    assert any(p.startswith(str(folder / "datapackage.json")) for p in problems)
    with pytest.raises(JsonFileError, match="changes.json"):
        read_changes(folder)


@pytest.mark.parametrize(
    ("catalog", "words"),
    [([], "holds a list"), ({"packages": {}}, "'packages' is an object, not a list"),
     ({"packages": [{"name": "p", "versions": [{"created": "2026-01-31"}]}]}, "version entry 1 has no 'version'"),
     ({"packages": [{"name": "p", "versions": [None]}]}, "version entry 1 is null")],
)  # fmt: skip
def test_a_catalog_of_the_wrong_shape_is_described(catalog: object, words: str):
    assert any(words in problem for problem in catalog_shape_problems(catalog))


def test_a_json_file_of_any_shape_can_be_read_and_a_broken_one_is_named(tmp_path: Path):
    (tmp_path / "catalog.json").write_text("[]", encoding="utf-8")
    assert read_json(tmp_path / "catalog.json", object) == []
    (tmp_path / "catalog.json").write_bytes(b"\xff\xfe{")
    with pytest.raises(JsonFileError, match=re.escape(str(tmp_path / "catalog.json"))):
        read_json(tmp_path / "catalog.json", object)


def test_a_checksum_line_naming_a_folder_does_not_hide_the_other_problems(tmp_path: Path):
    (tmp_path / "data").mkdir()
    (tmp_path / "open.sql").write_text("-- edited\n", encoding="utf-8")
    sums = f"{'0' * 64}  data\n{hashlib.sha256(b'original').hexdigest()}  open.sql\n"
    (tmp_path / "SHA256SUMS").write_text(sums, encoding="utf-8")
    problems = verify_checksums(tmp_path)
    assert any("names data, a folder" in p for p in problems)
    assert f"{tmp_path / 'open.sql'}: sha256 differs from SHA256SUMS" in problems


def test_a_csv_cut_mid_character_is_blamed_alone(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "documents.csv").write_bytes("doc_id,text\na,卫生健康\n".encode()[:-5])  # ends inside 康
    (data / "tasks.csv").write_text("task_id,doc_id\nt,a\n", encoding="utf-8")
    resources = [{"name": t, "path": f"data/{t}.csv"} for t in ("documents", "tasks")]
    broken = undecodable_csvs(tmp_path, {"resources": resources})
    assert list(broken) == ["data/documents.csv"]
    assert broken["data/documents.csv"].startswith(str(data / "documents.csv")) and "cut off" in broken["data/documents.csv"]


def test_a_stray_version_folder_is_not_said_to_be_restorable_with_git(tmp_path: Path):
    releases = tmp_path / "datasets" / "china-health-work-plans"
    (releases / "9.9.9").mkdir(parents=True)
    with pytest.raises(ReleaseError) as error:
        verify_latest(releases)
    message = str(error.value)
    assert str(releases / "9.9.9") in message
    assert "git does not track it" in message and "move it out of" in message
    assert "restore it (`git checkout" not in message


# --- the CLI: refused inputs are named, no traceback ------------------------------------------------------


def _link_outside(seeds: Path) -> Path:
    target = seeds.parent / "passwd"
    target.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (seeds / "passwd.txt").symlink_to(target)
    return seeds / "passwd.txt"


def _near_miss_manifest(seeds: Path) -> Path:
    (seeds / "Manifest.csv").write_text("doc_id,file\n", encoding="utf-8")
    return seeds / "Manifest.csv"


def _utf16(seeds: Path) -> Path:
    (seeds / "wide.txt").write_bytes(TEXT.replace("岳阳", "益阳").encode("utf-16"))
    return seeds / "wide.txt"


def _lone_bom(seeds: Path) -> Path:
    (seeds / "bom.txt").write_bytes(b"\xef\xbb\xbf\n")
    return seeds / "bom.txt"


@pytest.mark.parametrize("hostile", [_link_outside, _near_miss_manifest, _utf16, _lone_bom])
def test_the_cli_refuses_each_hostile_seed_naming_it(seeds: Path, tmp_path: Path, capsys, hostile):  # noqa: ANN001
    from pipeline.cli.main import main

    named = hostile(seeds)
    args = ["--seeds", str(seeds), "--out", str(tmp_path / "out"), "--datasets", str(tmp_path / "ds")]
    for command in ("build", "publish"):
        assert main([command, *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: {named}: ") and "Traceback" not in err
    assert not (tmp_path / "ds").exists()


# --- conference task lists: an item out of order is never merged silently --------------------------------

OUT_OF_ORDER = {
    "paragraphs": HEAD + "会议强调：\n一、提升县级医院服务能力。推进医共体建设。\n三、推进智慧医院建设。完善信息平台。\n"
    "二、完善家庭医生签约服务。扩大覆盖面。\n",
    "clauses": HEAD + "会议强调，一是提升县级医院服务能力；三是推进智慧医院建设；二是完善家庭医生签约服务。\n",
    "repeated": HEAD + "会议强调，一要提升县级医院服务能力；二要推进智慧医院建设；二要完善家庭医生签约服务。\n",
}


def _top_tasks(raw: str) -> list[dict]:
    payload = extract_document(clean_text(raw).text, kind=KIND, published=None)
    return [task for plan in payload["plans"] for task in plan["tasks"]]


@pytest.mark.parametrize("name", sorted(OUT_OF_ORDER))
def test_an_item_out_of_order_is_its_own_task_or_flags_the_task_that_holds_it(name: str):
    tasks = _top_tasks(OUT_OF_ORDER[name])
    assert tasks
    for task in tasks:
        held = [m for m in ("三是", "三、", "二要完善") if m in task["text"]]
        if held:  # the out-of-order item was read as part of this task: it must say so
            assert "list_out_of_order" in (task["flag"] or ""), (task["marker"], task["text"])


def test_a_list_in_order_is_not_flagged():
    tasks = _top_tasks(GOOD_REPORT)
    assert [t["marker"] for t in tasks] == ["一是", "二是", "三是"]
    assert not any("list_out_of_order" in (t["flag"] or "") for t in tasks)


def test_a_title_year_that_contradicts_the_deployed_year_is_flagged():
    raw = (
        "2025年全市卫生健康工作会议召开\n1月10日，全市卫生健康工作会议在岳阳召开。会议总结2025年工作，部署2026年重点工作。\n"
        "会议强调，一是提升县级医院服务能力；二是完善家庭医生签约服务。\n"
    )
    [plan] = extract_document(clean_text(raw).text, kind=KIND, published=None)["plans"]
    assert plan["work_year"] == 2026 and "work_year_sources_disagree" in (plan["flag"] or "")
