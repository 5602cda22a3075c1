"""Hostile but fair input (issue 13, cases 5-8 and 10): every case gives a clear answer, never a crash or a
silent corruption. Unit tests on texts written for the purpose, then builds of small hostile folders."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from pipeline import schema
from pipeline.cli.main import main
from pipeline.documents.seeds import SeedError, check_seeds, discover
from pipeline.package import csv_policy
from pipeline.text.clean import clean_text
from pipeline.text.html import html_to_text, looks_like_html
from tests.conftest import made_once, release_problems

REPORT = (
    "2025年全市卫生健康工作会议召开\n2月5日，2025年全市卫生健康工作会议在长沙召开。会议总结2024年工作，"
    "部署2025年重点工作。市卫生健康委主任张三作工作报告。\n会议强调，一是加强基层医疗卫生服务能力建设；"
    "二是新增托位1000个；三是深化公立医院改革。\n"
)


# --- case 6: dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize("printed", ["2025-02-30", "2025年13月01日", "2025.00.10"])
def test_an_impossible_published_date_is_left_empty_with_a_note(printed: str):
    cleaned = clean_text(f"发布时间：{printed}\n{REPORT}")
    assert cleaned.published_date is None
    assert any(printed in note and "not a valid date" in note for note in cleaned.notes)
    assert printed not in cleaned.text  # the metadata line is still removed


# 14/02/2025 is read since session 15 (a day over 12 is a day: tests/test_day_first_dates_s15.py); 05/04/2025 is not
@pytest.mark.parametrize("printed", ["02/14/2025", "05/04/2025", "2/14/25"])
def test_a_date_not_in_year_month_day_order_is_never_read_as_one(printed: str):
    cleaned = clean_text(f"发布时间：{printed}\n{REPORT}")
    assert cleaned.published_date is None
    assert any(printed in note for note in cleaned.notes)


def test_a_valid_published_date_is_still_read():
    assert clean_text(f"发布时间：2025年2月4日\n{REPORT}").published_date == "2025-02-04"
    assert clean_text(f"日期：2024/12/31 09:30\n{REPORT}").published_date == "2024-12-31"


# --- case 8: file names and extensions ------------------------------------------------------------------


def _manifest(folder: Path, names: list[str]) -> None:
    lines = ["doc_id,file,sha256,kind,title,source,source_attribution,published_date,url,retrieved_date,rights"]
    for name in names:
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        lines.append(f"{Path(name).stem},{name},{digest},municipal_conference_report,标题,,,,,,test")
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_upper_case_extensions_are_texts_too_and_a_manifest_may_name_them(tmp_path: Path):
    (tmp_path / "a.TXT").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.Md").write_text(REPORT.replace("长沙", "株洲"), encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")  # not a text extension: ignored
    _manifest(tmp_path, ["a.TXT"])
    found = {doc.doc_id: doc for doc in check_seeds(tmp_path)}
    assert sorted(found) == ["a", "b"]
    assert found["a"].entry is not None and found["b"].entry is None


@pytest.mark.parametrize(
    "name", ["two words.txt", "it's.txt", 'say"hi".txt', "line\nbreak.txt", "-dash.txt", "中文.txt"]
)
def test_a_file_name_that_cannot_be_a_doc_id_is_refused_naming_the_file(tmp_path: Path, name: str):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / name).write_text(REPORT.replace("长沙", "株洲"), encoding="utf-8")
    with pytest.raises(SeedError) as error:
        discover(tmp_path)
    assert repr(name) in str(error.value) and "doc_id" in str(error.value)


def test_two_files_differing_only_in_extension_case_are_one_doc_id(tmp_path: Path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "a.TXT").write_text(REPORT.replace("长沙", "株洲"), encoding="utf-8")
    with pytest.raises(SeedError, match="same doc_id 'a'"):
        discover(tmp_path)


# --- case 10: HTML, control characters, boilerplate --------------------------------------------------


def test_html_is_converted_by_a_parser_and_noted():
    page = (
        "<!DOCTYPE html><html><head><title>x</title><style>p {color: red}</style></head><body>"
        "<div class='nav'>首页 &gt; 新闻</div><h1>2025年全市卫生健康工作会议召开</h1>"
        "<p>2月5日，2025年全市卫生健康工作会议在长沙召开。</p><p>会议强调，一是加强基层&amp;社区服务；<br>二是新增托位。</p>"
        "<script>document.write('<p>not text</p>')</script></body></html>"
    )
    cleaned = clean_text(page)
    assert "<" not in cleaned.text and ">" not in cleaned.text.replace("首页 > 新闻", "")
    assert "not text" not in cleaned.text and "color" not in cleaned.text
    assert "一是加强基层&社区服务；\n二是新增托位。" in cleaned.text
    assert any("HTML" in note for note in cleaned.notes)


def test_prose_with_angle_brackets_is_not_taken_for_html():
    text = "指标控制在<5%，且床位数>3000张。"
    assert not looks_like_html(text)
    assert clean_text(text).text == text


def test_html_fragments_inside_a_plain_text_keep_the_texts_line_breaks():
    assert html_to_text("第一段<br>\n第二段<p>第三段</p>")[0] == "第一段\n第二段\n第三段"


def test_control_and_invisible_format_characters_are_removed_and_counted():
    hostile = REPORT.replace("会议强调", "会议\x07\x1b强调\u202e") + "\x00\u2066".join("" for _ in range(3))
    hostile = hostile.replace("部署", "部\u200b署" + "\x08" * 3000)
    cleaned = clean_text(hostile)
    assert cleaned.text == clean_text(REPORT).text
    notes = [note for note in cleaned.notes if "control" in note]
    assert len(notes) == 1 and "3008" in notes[0]


def test_a_paragraph_that_merely_mentions_copyright_is_content_and_kept():
    content = "各地要加强知识产权保护，严厉打击侵犯版权所有人合法权益的行为。"
    cleaned = clean_text(
        f"{REPORT}{content}\n版权所有：某某市卫生健康委员会\n某某网 © 2022 版权所有 沪ICP备17004559号-5\n"
    )
    assert content in cleaned.text
    assert "某某市卫生健康委员会" not in cleaned.text and "ICP" not in cleaned.text


def test_a_long_dropped_paragraph_is_named_in_the_notes():
    notice = "特别声明：本网转载其他网站内容，出于传递更多信息而非盈利之目的，内容仅供参考。版权归原作者所有，若有侵权，请联系我们删除。"
    cleaned = clean_text(f"{REPORT}{notice}\n")
    assert "特别声明" not in cleaned.text
    assert any("boilerplate" in note and "特别声明" in note for note in cleaned.notes)


# --- case 5: CSV formula injection ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["=1+1", "+86 10", "-2", "@SUM(A1)", "\tx", "\rx", "'quoted", "普通", "", "a=b"])
def test_the_csv_rule_is_reversible(value: str):
    encoded = csv_policy.encode(value)
    assert not encoded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert csv_policy.decode(encoded) == value
    con = duckdb.connect()
    sql = con.execute(f"SELECT {csv_policy.encode_sql('v')} FROM (SELECT ? AS v)", [value]).fetchone()[0]
    assert sql == encoded
    assert con.execute(f"SELECT {csv_policy.decode_sql('v')} FROM (SELECT ? AS v)", [encoded]).fetchone()[0] == value


# --- builds of hostile folders ------------------------------------------------------------------------------

HOSTILE_REPORT = (
    "<p>2025年全市卫生健康工作会议召开</p>\n"
    "<p>发布时间：2025-02-30 来源：某某网</p>\n"
    '=HYPERLINK("http://example.com/x","click me")\n'
    "@SUM(1+1)\n"
    "2月6日，2025年全市卫生健康工作会议在湘潭召开。会议总结2024年工作，部署2025年重点工作。"
    "市卫生健康委主任王五作工作报告。\x07\u202e\n"
    "会议强调，一是加强基层医疗卫生服务能力建设；二是新增托位500个；三是深化公立医院改革。\n"
    "各地要加强知识产权保护，严厉打击侵犯版权所有人合法权益的行为。\n"
)


BARE_ITEMS = (
    "2025年全市卫生健康工作会议召开\n2月5日，2025年全市卫生健康工作会议在株洲召开。会议总结2024年工作，"
    "部署2025年重点工作。市卫生健康委主任李四作工作报告。\n会议要求，2025年重点抓好以下工作：\n一、\n"
    "加强基层医疗卫生服务能力建设。\n二、深化公立医院改革。\n三、\n"
)
ROUNDUP_TWICE = (
    "2025年各地卫生健康工作要点汇总\n近日，多地召开卫生健康工作会议，部署2025年重点工作。\n"
    "北京：推进国家医学中心建设\n北京市将加快建设国家医学中心，推动优质医疗资源扩容下沉，新增托位1000个。\n"
    "河北：加强基层服务能力\n河北省将实施基层医疗卫生服务能力提升行动，建设县域医共体。\n"
    "北京：深化公立医院改革\n北京市将深化以公益性为导向的公立医院改革，推进三医协同发展。\n"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder (path with an apostrophe) with an upper-case .TXT named by the manifest, an HTML fragment,
    formula-like lines, an impossible date and control characters, a bare list marker and a round-up
    naming one province twice, published (one publish for every case: each costs a Dagster run); made once
    per session."""

    def publish(folder: Path) -> None:
        root = folder / "it's here"
        seeds = root / "seeds"
        seeds.mkdir(parents=True)
        (seeds / "city_a.TXT").write_text(REPORT, encoding="utf-8")
        (seeds / "city_b.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
        (seeds / "bare_items.txt").write_text(BARE_ITEMS, encoding="utf-8")
        (seeds / "roundup_twice.txt").write_text(ROUNDUP_TWICE, encoding="utf-8")
        _manifest(seeds, ["city_a.TXT"])
        args = ["--seeds", str(seeds), "--out", str(root / "out"), "--datasets", str(root / "datasets")]
        assert main(["publish", *args]) == 0

    return made_once(tmp_path_factory, "hostile", publish) / "it's here"


def _release(root: Path) -> Path:
    return root / "datasets" / "china-health-work-plans" / "1.0.0"


def test_the_hostile_folder_publishes_a_valid_release(hostile: Path):
    assert release_problems(_release(hostile)) == []  # Frictionless ran when it was published
    documents = (
        duckdb.connect()
        .execute(
            "SELECT doc_id, file, published_date, cleaning_notes, text FROM read_parquet(?) ORDER BY doc_id",
            [str(_release(hostile) / "data" / "documents.parquet")],
        )
        .fetchall()
    )
    assert [row[:2] for row in documents] == [
        ("bare_items", "bare_items.txt"),
        ("city_a", "city_a.TXT"),
        ("city_b", "city_b.txt"),
        ("roundup_twice", "roundup_twice.txt"),
    ]
    _, _, published, notes, text = documents[2]
    assert published is None and "2025-02-30" in notes and "HTML" in notes and "control" in notes
    assert "<p>" not in text and "\x07" not in text and "版权所有人" in text


def test_no_published_csv_cell_can_run_as_a_formula_and_values_stay_exact(hostile: Path):
    data = _release(hostile) / "data"
    con = duckdb.connect()
    seen_escaped = 0
    for table in schema.table_names():
        types = {field["name"]: field["type"] for field in schema.table_schema(table)["fields"]}
        with (data / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            for column, cell in row.items():
                if types[column] == "string":
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (table, column, cell)
                    seen_escaped += cell.startswith("'")
                elif cell.startswith("-"):
                    float(cell)  # a negative number, never text
        decoded = ", ".join(csv_policy.decode_sql(c) if t == "string" else f'"{c}"' for c, t in types.items())
        differing = con.execute(
            f"SELECT count(*) FROM (SELECT {decoded} FROM read_csv(?, all_varchar = true) EXCEPT ALL "
            "SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet(?))",
            [str(data / f"{table}.csv"), str(data / f"{table}.parquet")],
        ).fetchone()[0]
        assert differing == 0, table
    assert seen_escaped >= 2  # the =HYPERLINK and @SUM lines at least
    sentences = [
        row[0] for row in con.execute("SELECT text FROM read_parquet(?)", [str(data / "sentences.parquet")]).fetchall()
    ]
    assert any(s.startswith('=HYPERLINK("http://example.com/x"') for s in sentences)  # exact in Parquet


def test_the_data_dictionary_states_the_csv_rule(hostile: Path):
    readme = (_release(hostile) / "README.md").read_text(encoding="utf-8")
    assert csv_policy.RULE in readme
    descriptor = json.loads((_release(hostile) / "datapackage.json").read_text(encoding="utf-8"))
    assert all(r.get("formulaEscape") == csv_policy.DESCRIPTOR_VALUE for r in descriptor["resources"])


@pytest.mark.slow
def test_an_unexpected_error_in_one_document_names_its_file(tmp_path: Path, monkeypatch, capsys):
    """Case 6's other half, and issue 25: whatever goes wrong inside the parsers on one text, the build goes
    on with that text kept as a flagged document and ends with a warning naming the file and the error;
    `--strict` makes it a failed run (in the Dagster job: checked_package's `strict` config) naming it."""
    import pipeline.documents.extract as per_document

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "strange_one.txt").write_text(REPORT + "（解析出错的文本）\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise ValueError("day is out of range for month")

    monkeypatch.setattr(per_document, "extract_document", broken)
    args = ["--seeds", str(seeds), "--datasets", str(tmp_path / "ds")]
    assert main(["publish", "--strict", *args, "--out", str(tmp_path / "strict")]) == 1
    err = capsys.readouterr().err
    assert "strict" in err and f"{seeds}/strange_one.txt: ValueError: day is out of range for month" in err
    assert not (tmp_path / "ds" / "china-health-work-plans").exists()  # nothing published

    assert main(["build", *args, "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {seeds}/strange_one.txt: ValueError: day is out of range for month" in err
    flag = (
        duckdb.connect()
        .execute("SELECT flag FROM read_parquet(?)", [str(tmp_path / "out" / "package" / "data" / "documents.parquet")])
        .fetchone()[0]
    )
    assert flag == "extraction_error:ValueError: day is out of range for month"


def test_a_bare_list_marker_and_a_province_named_twice_give_a_clear_answer(hostile: Path):
    """Case 7: a bare `一、` line and a round-up naming one province twice publish a valid release (the
    fixture's publish succeeded; the first test validates the release), with the doubtful rows flagged,
    instead of an anonymous check failure or a primary-key crash."""
    release = _release(hostile)
    con = duckdb.connect()
    flags = con.execute(
        "SELECT string_agg(flag, ';') FROM read_parquet(?) WHERE doc_id = 'roundup_twice'",
        [str(release / "data" / "plan_sources.parquet")],
    ).fetchone()[0]
    assert "duplicate_province" in flags
    bare = con.execute(
        "SELECT flag FROM read_parquet(?) WHERE doc_id = 'bare_items'", [str(release / "data" / "plan_sources.parquet")]
    ).fetchall()
    assert bare == [("tasks_from_list_reader",)]  # its plan is published, saying how its tasks were read
    titles = con.execute(
        "SELECT title FROM read_parquet(?) WHERE doc_id = 'bare_items' ORDER BY char_start",
        [str(release / "data" / "tasks.parquet")],
    ).fetchall()
    # the bare 一、 takes the words on the next line; the bare 三、 at the end, with none, is left out
    assert titles == [("加强基层医疗卫生服务能力建设",), ("深化公立医院改革",)]
