"""The entity and source commands: listing, showing, adding, aliases, and storing articles from files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from csto_kb.text import sha256_text
from tests.corpus import DEV, require
from tests.helpers import Run, count, ok, one_line_error, table_counts

Cli = Callable[..., Run]

URDUPOINT = DEV / "16_en_urdupoint_kazakh_mod_csto.txt"
ASHARQ = DEV / "13_ar_asharq_csto_mini_nato.txt"


def row(engine: Engine, sql: str, **params: Any) -> dict[str, Any]:
    with engine.connect() as connection:
        found = connection.execute(text(sql), params).mappings().one()
    return dict(found)


def names_of(engine: Engine, key: str) -> set[tuple[str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT n.name, n.lang FROM entity_name n JOIN entity e ON e.id = n.entity_id WHERE e.key = :key"
            ),
            {"key": key},
        )
        return {(r[0], r[1]) for r in rows}


def front_matter(path: Path) -> tuple[str, str]:
    """The front matter block and the body of a corpus file, split as `source add` splits them."""
    content = path.read_text(encoding="utf-8")
    assert content.startswith("---\n")
    end = content.find("\n---\n", 4)
    return content[4:end], content[end + len("\n---\n") :]


# --- entity list / show ---------------------------------------------------------------------------------


def test_entity_list_shows_the_twenty_seeded_entities(cli: Cli, db_url: str) -> None:
    run = ok(cli("entity", "list"))
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["Id", "Key", "Kind", "English", "Arabic"]
    rows = lines[2:]
    assert len(rows) == 20
    keys = {r.split()[1] for r in rows}
    assert {"csto", "nato", "stanislav-zas", "kazakhstan-defence-ministry", "sky-news-arabia"} <= keys
    zas = next(r for r in rows if r.split()[1] == "stanislav-zas")
    assert "Stanislav Zas" in zas
    assert "ستانيسلاف زاس" in zas
    assert "person" in zas


def test_entity_list_of_one_kind(cli: Cli, db_url: str) -> None:
    rows = ok(cli("entity", "list", "--kind", "person")).stdout.splitlines()[2:]
    assert sorted(r.split()[1] for r in rows) == [
        "irina-tsukerman",
        "mitchell-belfer",
        "nikol-pashinyan",
        "stanislav-zas",
    ]
    countries = ok(cli("entity", "list", "--kind", "country")).stdout.splitlines()[2:]
    assert len(countries) == 9


def test_entity_list_as_json_carries_every_name(cli: Cli, db_url: str) -> None:
    found = json.loads(ok(cli("entity", "list", "--format", "json")).stdout)
    assert len(found) == 20
    by_key = {e["key"]: e for e in found}
    csto = by_key["csto"]
    assert (csto["kind"], csto["name_en"], csto["name_ar"]) == (
        "alliance",
        "Collective Security Treaty Organization",
        "منظمة معاهدة الأمن الجماعي",
    )
    assert {"name": "CSTO", "lang": "en", "is_primary": False} in csto["names"]
    assert by_key["kazakhstan-defence-ministry"]["part_of_key"] == "kazakhstan"
    people = json.loads(ok(cli("entity", "list", "--kind", "person", "-f", "json")).stdout)
    assert {e["kind"] for e in people} == {"person"}
    assert len(people) == 4


def test_entity_list_refuses_an_unknown_kind(cli: Cli, db_url: str) -> None:
    one_line_error(cli("entity", "list", "--kind", "planet"), 2, "kind", "planet")


@pytest.mark.parametrize("name", ["ستانيسلاف زاس", "زاس", "ستانيسلاف زَاس", "Stanislau Zas", "stanislav-zas"])
def test_entity_show_finds_an_entity_by_any_name(cli: Cli, db_url: str, name: str) -> None:
    run = ok(cli("entity", "show", name))
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Stanislav Zas [stanislav-zas], person, id ")
    assert "Name (ar, primary): ستانيسلاف زاس" in lines
    assert "Name (en): Stanislau Zas" in lines


def test_entity_show_names_the_parent(cli: Cli, db_url: str) -> None:
    run = ok(cli("entity", "show", "وزارة الدفاع الكازاخستانية"))
    assert run.stdout.startswith("Ministry of Defence of Kazakhstan [kazakhstan-defence-ministry], ministry")
    assert "Part of:  kazakhstan" in run.stdout


def test_entity_show_as_json(cli: Cli, db_url: str) -> None:
    shown = json.loads(ok(cli("entity", "show", "الناتو", "--format", "json")).stdout)
    assert shown["key"] == "nato"
    assert len(shown["names"]) == 9


def test_entity_show_of_an_unknown_name_exits_1_with_the_closest(cli: Cli, db_url: str) -> None:
    message = one_line_error(cli("entity", "show", "Stanislav Zass"), 1, "Stanislav Zass")
    assert "closest known" in message
    assert "Stanislav Zas" in message


# --- entity add / alias ---------------------------------------------------------------------------------


def test_entity_add_stores_a_person_findable_by_each_of_its_names(cli: Cli, engine: Engine) -> None:
    run = ok(
        cli(
            "entity",
            "add",
            "Sergei Shoigu",
            "--kind",
            "person",
            "--alias",
            "سيرغي شويغو",
            "--alias",
            "Shoigu",
            "--description",
            "Defence minister of Russia.",
        )
    )
    assert run.stdout.startswith("added entity sergei-shoigu (id ")
    assert count(engine, "entity") == 21
    assert names_of(engine, "sergei-shoigu") == {
        ("Sergei Shoigu", "en"),
        ("Shoigu", "en"),
        ("سيرغي شويغو", "ar"),
    }
    for name in ("سيرغي شويغو", "Shoigu", "sergei shoigu"):
        shown = ok(cli("entity", "show", name)).stdout
        assert shown.startswith("Sergei Shoigu [sergei-shoigu], person, id ")
        assert "About:    Defence minister of Russia." in shown
        assert "Name (ar, primary): سيرغي شويغو" in shown


def test_entity_add_with_a_key_and_parent(cli: Cli, engine: Engine) -> None:
    ok(
        cli(
            "entity",
            "add",
            "Russian Ministry of Defence",
            "--kind",
            "ministry",
            "--key",
            "ru-mod",
            "--part-of",
            "روسيا",
        )
    )
    stored = row(
        engine,
        "SELECT e.kind, p.key AS parent FROM entity e JOIN entity p ON p.id = e.part_of_id WHERE e.key = 'ru-mod'",
    )
    assert stored == {"kind": "ministry", "parent": "russia"}
    shown = ok(cli("entity", "show", "ru-mod")).stdout
    assert "Part of:  russia" in shown


def test_entity_add_of_an_existing_name_and_kind_exits_1_and_writes_nothing(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    one_line_error(cli("entity", "add", "Stanislav Zas", "--kind", "person"), 1, "stanislav-zas")
    one_line_error(cli("entity", "add", "ستانيسلاف زاس", "--kind", "person"), 1, "stanislav-zas")
    assert table_counts(engine) == before


def test_entity_add_with_a_taken_key_exits_1(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    one_line_error(cli("entity", "add", "Someone Else", "--kind", "person", "--key", "csto"), 1, "csto")
    assert table_counts(engine) == before


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("Foo", "--kind", "planet"), ("kind", "planet")),
        (("   ", "--kind", "person"), ("name",)),
        (("Foo",), ("--kind",)),
    ],
)
def test_entity_add_refuses_bad_input_with_exit_2_and_writes_nothing(
    cli: Cli, engine: Engine, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    before = table_counts(engine)
    one_line_error(cli("entity", "add", *args), 2, *needles)
    assert table_counts(engine) == before


def test_entity_add_of_a_name_without_letters_or_digits_exits_2_and_writes_nothing(
    cli: Cli, engine: Engine
) -> None:
    before = table_counts(engine)
    one_line_error(cli("entity", "add", "!!!", "--kind", "person"), 2, "name")
    assert table_counts(engine) == before


def test_entity_add_with_an_unknown_parent_exits_2_and_writes_nothing(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    one_line_error(
        cli("entity", "add", "X Ministry", "--kind", "ministry", "--part-of", "Atlantis"), 2, "part_of"
    )
    assert table_counts(engine) == before


def test_entity_alias_adds_a_name_that_finds_the_entity(cli: Cli, engine: Engine) -> None:
    assert one_line_error(cli("entity", "show", "Stanislaw Zas"), 1)
    run = ok(cli("entity", "alias", "Zas", "Stanislaw Zas"))
    assert run.stdout == "stanislav-zas is now also called 'Stanislaw Zas'\n"
    assert ("Stanislaw Zas", "en") in names_of(engine, "stanislav-zas")
    assert ok(cli("entity", "show", "Stanislaw Zas")).stdout.startswith("Stanislav Zas [stanislav-zas]")
    found = json.loads(ok(cli("who-said", "--speaker", "stanislaw zas", "--format", "json")).stdout)
    assert [s["id"] for s in found] == [11, 12]


def test_entity_alias_in_arabic_script_is_stored_as_arabic(cli: Cli, engine: Engine) -> None:
    ok(cli("entity", "alias", "Tsukerman", "ايرينا تسوكرمن"))
    assert ("ايرينا تسوكرمن", "ar") in names_of(engine, "irina-tsukerman")
    found = json.loads(ok(cli("who-said", "--speaker", "ايرينا تسوكرمن", "--format", "json")).stdout)
    assert [s["id"] for s in found] == [8, 9, 10]


def test_entity_alias_already_used_by_another_entity_exits_1(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    one_line_error(cli("entity", "alias", "Belfer", "Tsukerman"), 1, "alias", "irina-tsukerman")
    one_line_error(cli("entity", "alias", "Belfer", "تسوكرمان"), 1, "irina-tsukerman")
    assert table_counts(engine) == before
    # Tsukerman is still Tsukerman's.
    assert ok(cli("entity", "show", "Tsukerman")).stdout.startswith("Irina Tsukerman [irina-tsukerman]")


def test_entity_alias_the_entity_already_has_exits_1(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    one_line_error(cli("entity", "alias", "Belfer", "MITCHELL BELFER"), 1, "alias")
    assert table_counts(engine) == before


def test_entity_alias_of_an_unknown_entity_or_an_empty_alias_exits_2(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    one_line_error(cli("entity", "alias", "Atlantis", "Atlantida"), 2, "Atlantis")
    one_line_error(cli("entity", "alias", "Zas", "  "), 2, "alias")
    assert table_counts(engine) == before


# --- source list / show ---------------------------------------------------------------------------------


def test_source_list_shows_the_seeded_article(cli: Cli, db_url: str) -> None:
    lines = ok(cli("source", "list")).stdout.splitlines()
    assert lines[0].split() == ["Id", "Source", "Lang", "Statements", "URL"]
    assert len(lines) == 3
    assert lines[2].split() == ["1", "Sky", "News", "Arabia,", "2022-04-15", "(inferred)", "ar", "12"]
    found = json.loads(ok(cli("source", "list", "--format", "json")).stdout)
    assert [(s["id"], s["statements"], s["lang"]) for s in found] == [(1, 12, "ar")]


def test_source_show_prints_the_inferred_date_and_the_checksum(cli: Cli, db_url: str) -> None:
    body = (Path(__file__).parent.parent / "seeds" / "000_a04cb8df2fb7d647.txt").read_text(encoding="utf-8")
    run = ok(cli("source", "show", "1"))
    assert run.stdout.startswith("Source 1: Sky News Arabia, 2022-04-15 (inferred)\n")
    assert "Published: 2022-04-15 (inferred)" in run.stdout
    assert "most likely published the following day" in run.stdout  # how the date was worked out
    assert f"SHA-256 {sha256_text(body)}" in run.stdout
    assert f"Text:      {len(body)} characters" in run.stdout
    assert "12 statements" in run.stdout
    assert body[:40] not in run.stdout


def test_source_show_text_prints_the_stored_body(cli: Cli, db_url: str) -> None:
    body = (Path(__file__).parent.parent / "seeds" / "000_a04cb8df2fb7d647.txt").read_text(encoding="utf-8")
    run = ok(cli("source", "show", "1", "--text"))
    assert body.strip() in run.stdout
    shown = json.loads(ok(cli("source", "show", "1", "--text", "--format", "json")).stdout)
    assert shown["body"] == body
    assert shown["sha256"] == sha256_text(body)


def test_source_show_of_an_unknown_id_exits_1(cli: Cli, db_url: str) -> None:
    one_line_error(cli("source", "show", "99"), 1, "99")
    one_line_error(cli("source", "show", "one"), 2)


# --- source add -----------------------------------------------------------------------------------------


def test_source_add_reads_the_metadata_from_front_matter(cli: Cli, engine: Engine) -> None:
    require(URDUPOINT)
    _, body = front_matter(URDUPOINT)
    run = ok(cli("source", "add", str(URDUPOINT)))
    assert (
        run.stdout
        == f"added source 2: UrduPoint (Sputnik wire copy), 2022-04-15 (full text, {len(body)} characters)\n"
    )
    stored = row(
        engine,
        "SELECT url, publisher, published_on, published_basis, lang, body, sha256, file_name "
        "FROM source WHERE id = 2",
    )
    assert stored == {
        "url": "https://www.urdupoint.com/en/world/request-to-send-kazakh-military-to-ukraine-no-1497537.html",
        "publisher": "UrduPoint (Sputnik wire copy)",
        "published_on": "2022-04-15",
        "published_basis": "stated",
        "lang": "en",
        "body": body,  # the front matter is not part of the stored text
        "sha256": sha256_text(body),
        "file_name": URDUPOINT.name,
    }
    shown = ok(cli("source", "show", "2")).stdout
    assert "Published: 2022-04-15 (stated)" in shown
    assert "URL:       https://www.urdupoint.com/en/world/" in shown
    assert "0 statements" in shown


def test_source_add_keeps_an_inferred_date_from_front_matter(cli: Cli, engine: Engine) -> None:
    require(URDUPOINT)
    ok(cli("source", "add", str(ASHARQ)))
    stored = row(engine, "SELECT published_on, published_basis, lang, publisher FROM source WHERE id = 2")
    assert stored == {
        "published_on": "2022-05-16",
        "published_basis": "inferred",
        "lang": "ar",
        "publisher": "Asharq News (الشرق)",
    }


def test_source_add_options_override_the_front_matter(cli: Cli, engine: Engine) -> None:
    require(URDUPOINT)
    run = ok(
        cli(
            "source",
            "add",
            str(ASHARQ),
            "--url",
            "https://example.org/mini-nato",
            "--publisher",
            "سكاي نيوز عربية",
            "--published",
            "2022-05-17",
            "--stated",
            "--title",
            "Mini NATO",
            "--lang",
            "en",
            "--date-note",
            "Checked on the page.",
        )
    )
    assert run.stdout.startswith("added source 2: Sky News Arabia, “Mini NATO”, 2022-05-17 (")
    stored = row(
        engine,
        "SELECT url, publisher, published_on, published_basis, published_note, lang, title, publisher_id "
        "FROM source WHERE id = 2",
    )
    sky = row(engine, "SELECT id FROM entity WHERE key = 'sky-news-arabia'")["id"]
    assert stored == {
        "url": "https://example.org/mini-nato",
        "publisher": "Sky News Arabia",  # a known media entity, named by its Arabic name
        "published_on": "2022-05-17",
        "published_basis": "stated",
        "published_note": "Checked on the page.",
        "lang": "en",
        "title": "Mini NATO",
        "publisher_id": sky,
    }


def test_source_add_of_the_same_file_twice_exits_1_naming_the_existing_id(cli: Cli, engine: Engine) -> None:
    require(URDUPOINT)
    ok(cli("source", "add", str(URDUPOINT)))
    before = table_counts(engine)
    one_line_error(cli("source", "add", str(URDUPOINT)), 1, "source 2")
    # The same text under other metadata is the same source too.
    one_line_error(cli("source", "add", str(URDUPOINT), "--url", "https://elsewhere.example"), 1, "source 2")
    assert table_counts(engine) == before


def test_source_add_of_the_seeded_text_exits_1_naming_source_1(cli: Cli, engine: Engine) -> None:
    before = table_counts(engine)
    seeded = Path(__file__).parent.parent / "seeds" / "000_a04cb8df2fb7d647.txt"
    one_line_error(cli("source", "add", str(seeded), "--lang", "ar"), 1, "source 1")
    assert table_counts(engine) == before


def test_source_add_of_plain_text_with_lang(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    article = tmp_path / "plain.txt"
    article.write_text("The CSTO met in Yerevan.\n", encoding="utf-8")
    run = ok(cli("source", "add", str(article), "--lang", "en"))
    assert run.stdout == "added source 2: source 2 (full text, 25 characters)\n"
    stored = row(engine, "SELECT body, lang, published_on, published_basis FROM source WHERE id = 2")
    assert stored == {
        "body": "The CSTO met in Yerevan.\n",
        "lang": "en",
        "published_on": None,
        "published_basis": "unknown",
    }


def test_source_add_of_a_file_that_is_not_utf8_exits_2_and_writes_nothing(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe bad")
    before = table_counts(engine)
    one_line_error(cli("source", "add", str(bad), "--lang", "en"), 2, "UTF-8")
    assert table_counts(engine) == before


@pytest.mark.parametrize(
    "content", ["", "   \n\n", "---\nlang: en\nurl: https://example.org\n---\n", "---\nlang: en\n---\n \n"]
)
def test_source_add_of_an_empty_body_exits_2_and_writes_nothing(
    cli: Cli, engine: Engine, tmp_path: Path, content: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(content, encoding="utf-8")
    before = table_counts(engine)
    one_line_error(cli("source", "add", str(empty), "--lang", "en"), 2, "empty.txt")
    assert table_counts(engine) == before


def test_source_add_without_lang_or_front_matter_exits_2(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    article = tmp_path / "nolang.txt"
    article.write_text("Some article text.\n", encoding="utf-8")
    before = table_counts(engine)
    one_line_error(cli("source", "add", str(article)), 2, "lang")
    assert table_counts(engine) == before


@pytest.mark.parametrize(
    ("content", "args", "needles"),
    [
        ("---\nlang: en\nno closing line\n", (), ("front matter",)),
        ("---\nlang: [en\n---\nbody\n", (), ("front matter",)),
        ("---\n- a list\n---\nbody\n", ("--lang", "en"), ("front matter",)),
        ("---\nlang: en\npublished: 2022-13\n---\nbody\n", (), ("published",)),
        ("body\n", ("--lang", "en", "--published", "15 April 2022"), ("published",)),
    ],
)
def test_source_add_refuses_bad_metadata_with_exit_2_and_writes_nothing(
    cli: Cli, engine: Engine, tmp_path: Path, content: str, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    article = tmp_path / "meta.txt"
    article.write_text(content, encoding="utf-8")
    before = table_counts(engine)
    one_line_error(cli("source", "add", str(article), *args), 2, *needles)
    assert table_counts(engine) == before


def test_source_add_with_an_impossible_date_in_front_matter_exits_2_and_writes_nothing(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    article = tmp_path / "baddate.txt"
    article.write_text("---\nlang: en\npublished: 2022-02-30\n---\nbody\n", encoding="utf-8")
    before = table_counts(engine)
    try:
        run = cli("source", "add", str(article))
    except Exception as error:  # the cli fixture re-raises what escaped the app: a user would see a traceback
        pytest.fail(f"the CLI let {type(error).__name__}({error}) escape as a traceback")
    one_line_error(run, 2, "published")
    assert table_counts(engine) == before


def test_source_add_of_a_missing_file_exits_2(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    before = table_counts(engine)
    one_line_error(cli("source", "add", str(tmp_path / "missing.txt"), "--lang", "en"), 2, "missing.txt")
    assert table_counts(engine) == before
