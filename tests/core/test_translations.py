import pytest

import i18n
from i18n.catalog import PLACEHOLDER, problems
from wizard_steps import STEPS
from wizard_steps.fields import Kind


def test_the_catalogs_are_complete_and_compiled():
    assert problems() == []


@pytest.mark.parametrize(("msgid", "msgstr", "same"), [
    ("Saved at {time}", "Salvato alle {time}", True),
    ("Saved at {time}", "Salvato alle {ora}", False),
    ("page {page} of {pages}", "pagina {page}", False),
    ("%(n)s members", "%(n)s membri", True),
])
def test_placeholders_are_compared(msgid, msgstr, same):
    assert (sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr))) is same


def labels():
    for step in STEPS:
        yield step.title
        yield step.help
        for declared in step.fields:
            for field in (declared, *declared.row_fields):
                yield field.label
                for choice in field.choices:
                    yield choice.label
                if field.kind is Kind.PERSON:
                    yield from (sub.label for sub in field.row_fields)


@pytest.mark.parametrize("label", sorted(set(labels())))
def test_every_declared_text_is_translated_into_italian(label):
    translated = i18n.translator("it").gettext(label)
    assert translated
    # Words that are the same in both languages are few; anything longer must differ.
    if len(label) > 12:
        assert translated != label
