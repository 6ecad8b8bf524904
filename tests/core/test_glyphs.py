"""Characters the PDF's font lacks are reported at export, with the field they are in."""

from desktop.cli import main
from desktop.core.agreement.glyphs import missing_characters
from desktop.core.document import from_document
from desktop.core.example import OLTRE, example_document


def with_foreign_scripts():
    document = example_document()
    oltre = next(m for m in document["members"]["organizations"] if m["id"] == OLTRE)
    oltre["contact_person"]["surname"] = "Volcan 🌱"
    document["objectives"]["mission"] = "Una rete solidale — شراكة — שותפות"
    document["members"]["organizations"][0]["name"] = "Comun General de Fascia, Ladin: Sèn Jan"
    return document


def test_the_example_lacks_nothing():
    assert missing_characters(example_document(), "it") == []


def test_each_field_with_characters_the_font_lacks_is_named():
    found = dict(missing_characters(with_foreign_scripts(), "it"))
    assert found["Membri › Cooperativa Oltre › Referente › Cognome"] == "🌱"
    assert set(found["Obiettivi › Missione del distretto"]) == set("شراكةשותפ")
    assert len(found) == 2  # Latin letters, dashes and Ladin accents are drawn
    english = dict(missing_characters(with_foreign_scripts(), "en"))
    assert "Members › Cooperativa Oltre › Contact person › Surname" in english


def test_the_export_command_warns_with_the_field(tmp_path, capsys):
    district = from_document(with_foreign_scripts(), tmp_path / "d.des")
    district.close()
    code = main(["export", str(tmp_path / "d.des"), "--lang", "en", "-o",
                 str(tmp_path / "a.pdf")])
    err = capsys.readouterr().err
    assert code == 0
    lines = [line for line in err.splitlines() if "cannot draw" in line]
    assert len(lines) == 2
    assert all(line.startswith("warning: ") for line in lines)
    assert any("Objectives › Mission of the district" in line for line in lines)
    assert (tmp_path / "a.pdf").exists()
