"""The whole register exports to one JSON file and imports back exactly: every row of every model,
ids, many-to-many links, moments to the microsecond and decimals included."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Regeling, RooImport
from tests.test_importeer_roo import BASIS


@pytest.fixture
def gevuld(voorbeelddata):
    """The voorbeelddata with their herindelingen applied, and a small ROO sample."""
    call_command("importeer_roo", str(BASIS), stdout=io.StringIO())
    assert RooImport.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_export_flush_import_reproduces_every_row(gevuld, stand, tmp_path):
    voor = stand()
    assert sum(len(rijen) for rijen in voor.values()) > 500
    assert voor["agreements.Regeling_themas"]
    pad = tmp_path / "register.json"
    call_command("exporteer_register", str(pad), stdout=io.StringIO())
    call_command("flush", "--noinput")
    assert not Regeling.objects.exists()
    uit = io.StringIO()
    call_command("importeer_register", str(pad), stdout=uit)
    assert "rijen ingelezen" in uit.getvalue()
    assert stand() == voor
    # New rows get new ids after the import, not ones already taken.
    nieuw = Regeling.objects.create(naam="Na de import", slug="na-de-import", bron="test")
    assert nieuw.pk > max(rij["id"] for rij in voor["agreements.Regeling"])


def test_a_register_that_holds_rows_is_replaced_only_when_asked(gevuld, stand, tmp_path):
    pad = tmp_path / "register.json"
    call_command("exporteer_register", str(pad), stdout=io.StringIO())
    voor = stand()
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("importeer_register", str(pad), stdout=io.StringIO())
    Regeling.objects.filter(pk=Regeling.objects.first().pk).update(naam="Gewijzigd")
    call_command("importeer_register", str(pad), "--vervang", stdout=io.StringIO())
    assert stand() == voor


@pytest.mark.parametrize(
    "inhoud, melding",
    [
        ("geen json", "geen geldige JSON"),
        ("[]", "geen export van het Samenwerkingsregister"),
        ('{"formaat": "samenwerkingsregister", "versie": 99, "rijen": []}', "versie 99"),
        (
            '{"formaat": "samenwerkingsregister", "versie": 1, '
            '"rijen": [{"model": "auth.user", "pk": 1, "fields": {}}]}',
            "niet kent: auth.user",
        ),
    ],
)
def test_a_wrong_file_is_refused_and_changes_nothing(db, stand, tmp_path, inhoud, melding):
    voor = stand()
    pad = tmp_path / "fout.json"
    pad.write_text(inhoud)
    with pytest.raises(CommandError, match=melding):
        call_command("importeer_register", str(pad), stdout=io.StringIO())
    assert stand() == voor


def test_the_export_says_what_it_is(gevuld, tmp_path):
    pad = tmp_path / "register.json"
    call_command("exporteer_register", str(pad), stdout=io.StringIO())
    inhoud = json.loads(pad.read_text())
    assert (inhoud["formaat"], inhoud["versie"]) == ("samenwerkingsregister", 1)
    assert inhoud["aantallen"]["agreements.Regeling"] == Regeling.objects.count()
