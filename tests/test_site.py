import pytest

from timeline import site
from timeline.errors import OutputError
from timeline.site import MARKER, write_site


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_files_and_marker(tmp_path):
    out = write_site({"index.html": b"<p>hi</p>", "assets/a.css": b"x"}, tmp_path / "build")
    assert tree(out) == {"index.html": b"<p>hi</p>", "assets/a.css": b"x",
                         MARKER: site.MARKER_TEXT}


def test_replaces_its_own_previous_build_whole(tmp_path):
    out = tmp_path / "build"
    write_site({"old.html": b"old", "index.html": b"1"}, out)
    write_site({"index.html": b"2"}, out)
    assert tree(out) == {"index.html": b"2", MARKER: site.MARKER_TEXT}
    # No staging or retired folders are left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_refuses_a_folder_it_did_not_make(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.tex").write_text("years of work")
    with pytest.raises(OutputError, match="not empty and was not made by timeline"):
        write_site({"index.html": b"x"}, home)
    assert (home / "thesis.tex").read_text() == "years of work"


def test_accepts_an_empty_folder_and_refuses_a_file(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    write_site({"index.html": b"x"}, empty)
    assert (empty / MARKER).is_file()
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(OutputError, match="is not a folder"):
        write_site({"index.html": b"x"}, afile)


def test_a_failure_midway_leaves_the_previous_build_untouched(tmp_path, monkeypatch):
    out = tmp_path / "build"
    write_site({"index.html": b"good", "assets/a.css": b"good"}, out)
    before = tree(out)
    calls = []

    def failing_write(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    monkeypatch.setattr(site, "_write_file", failing_write)
    with pytest.raises(OutputError, match="previous build, if any, is unchanged"):
        write_site({"index.html": b"new", "assets/a.css": b"new", "z.txt": b"new"}, out)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_an_interrupt_midway_also_cleans_up(tmp_path, monkeypatch):
    out = tmp_path / "build"

    def interrupted(path, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(site, "_write_file", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_site({"index.html": b"x"}, out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["../escape.html", "/etc/passwd", "a/../../b"])
def test_refuses_paths_outside_the_output(tmp_path, name):
    with pytest.raises(OutputError, match="outside the output folder"):
        write_site({name: b"x"}, tmp_path / "build")
    assert not (tmp_path / "build").exists()


def test_an_output_path_the_system_refuses_is_one_clear_error(tmp_path):
    from timeline.errors import OutputError
    from timeline.site import check_output_folder

    with pytest.raises(OutputError, match="cannot be used as the output folder"):
        check_output_folder(tmp_path / ("x" * 300) / "build")
