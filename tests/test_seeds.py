"""Bad input: each problem is a clear error naming the file, and nothing is built or published."""

import hashlib
import shutil
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.documents.seeds import SeedError, check_seeds, discover

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TEXT = "2025年全市卫生健康工作会议召开\n1月8日，全市卫生健康工作会议在长沙召开。\n".encode()


def _manifest(folder: Path, rows: list[tuple[str, bytes]]) -> None:
    lines = ["doc_id,file,sha256,kind,title,source,source_attribution,published_date,url,retrieved_date,rights"]
    for name, data in rows:
        digest = hashlib.sha256(data).hexdigest()
        lines.append(f"{Path(name).stem},{name},{digest},municipal_conference_report,标题,,,,,,test")
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT)
    _manifest(folder, [("a.txt", TEXT)])
    return folder


def _fails_naming(folder: Path, needle: str, file_name: str) -> None:
    with pytest.raises(SeedError) as error:
        check_seeds(folder)
    assert file_name in str(error.value)
    assert needle in str(error.value)


def test_valid_folder_passes(seeds: Path):
    assert [doc.doc_id for doc in check_seeds(seeds)] == ["a"]


def test_undecodable_bytes(seeds: Path):
    (seeds / "b.txt").write_bytes("卫生健康".encode("gbk"))
    _fails_naming(seeds, "not valid UTF-8", "b.txt")


def test_empty_file(seeds: Path):
    (seeds / "b.txt").write_bytes(b"  \n\n")
    _fails_naming(seeds, "empty", "b.txt")


def test_binary_file(seeds: Path):
    (seeds / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _fails_naming(seeds, "binary", "b.txt")


def test_sha256_mismatch(seeds: Path):
    (seeds / "a.txt").write_bytes(TEXT + "补充。".encode())
    _fails_naming(seeds, "sha256 mismatch", "a.txt")


def test_manifest_entry_with_no_file(seeds: Path):
    _manifest(seeds, [("a.txt", TEXT), ("gone.txt", b"x")])
    _fails_naming(seeds, "no file", "gone.txt")


def test_duplicate_document_same_bytes(seeds: Path):
    (seeds / "copy.txt").write_bytes(TEXT)
    _fails_naming(seeds, "duplicate document", "copy.txt")


def test_duplicate_document_same_doc_id(seeds: Path):
    (seeds / "a.md").write_bytes(TEXT + b"\n")
    _fails_naming(seeds, "duplicate document", "a.")


def test_invalid_manifest_names_the_manifest(seeds: Path):
    (seeds / "manifest.csv").write_text("doc_id,file\na,a.txt\n", encoding="utf-8")
    _fails_naming(seeds, "not valid", "manifest.csv")


def test_texts_without_manifest_are_accepted(tmp_path: Path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "x.txt").write_bytes(TEXT)
    [document] = discover(folder)
    assert document.entry is None and document.doc_id == "x"


def test_cli_refuses_bad_input_and_leaves_last_release_untouched(tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    with (seeds / "002_a1b3c1b0fa981a87.txt").open("ab") as handle:
        handle.write(b"\xff\xfe")
    datasets = tmp_path / "datasets"
    release = datasets / "china-health-work-plans" / "1.0.0"
    release.mkdir(parents=True)
    (release / "marker").write_text("last good release", encoding="utf-8")
    before = sorted(p.relative_to(datasets) for p in datasets.rglob("*"))

    code = main(["publish", "--seeds", str(seeds), "--out", str(tmp_path / "build"), "--datasets", str(datasets)])

    assert code != 0
    message = capsys.readouterr().err
    assert "002_a1b3c1b0fa981a87.txt" in message and "sha256 mismatch" in message
    assert sorted(p.relative_to(datasets) for p in datasets.rglob("*")) == before
    assert not (tmp_path / "build").exists()
