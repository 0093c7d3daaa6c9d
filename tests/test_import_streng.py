"""The ROO import is strict about what it reads: another namespace is refused, a partial export
removes nothing it merely left out, what it does remove it names, and a dry run shows what
would change without writing anything."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Publicatie, Regeling, RegelingVersie, RooImport
from tests.test_importeer_roo import BASIS, GEWIJZIGD, belastingen, importeer, register

__all__ = ["register"]  # the fixture, shared with tests/test_importeer_roo.py

pytestmark = pytest.mark.django_db


def opdracht(pad, *args) -> str:
    uit = io.StringIO()
    call_command("importeer_roo", str(pad), *args, stdout=uit)
    return uit.getvalue()


@pytest.mark.parametrize(
    "namespace",
    [
        "urn:iets-anders",
        "https://organisaties.overheid.nl/static/schema/andere/export/2.6.9",
        "https://example.org/static/schema/oo/export/2.6.9",
        "",
    ],
)
def test_an_export_with_another_namespace_is_refused(register, tmp_path, stand, namespace):
    voor = stand()
    tekst = BASIS.read_text()
    tekst = tekst.replace(
        'xmlns:p="https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"',
        f'xmlns:p="{namespace}"' if namespace else "",
    )
    if not namespace:
        tekst = re.sub(r"(</?)p:", r"\1", tekst).replace(" p:", " ")
    pad = tmp_path / "ander.xml"
    pad.write_text(tekst)
    with pytest.raises(CommandError, match="geen ROO-export: de namespace is") as fout:
        call_command("importeer_roo", str(pad), stdout=io.StringIO())
    assert "Er is niets veranderd" in str(fout.value)
    assert stand() == voor
    assert not RooImport.objects.exists()


def test_the_command_exits_nonzero_on_another_namespace(register, tmp_path):
    from django.core.management import ManagementUtility

    pad = tmp_path / "ander.xml"
    pad.write_text(BASIS.read_text().replace("organisaties.overheid.nl", "example.org"))
    with pytest.raises(SystemExit) as einde:
        ManagementUtility(["manage.py", "importeer_roo", str(pad)]).execute()
    assert einde.value.code != 0


def zonder_versie(tekst: str, systeem_id: str) -> str:
    """The export without the record of one version (its neighbours still name it)."""
    return re.sub(
        rf'<p:regeling p:systeemId="{systeem_id}">.*?</p:regeling>', "", tekst, flags=re.S
    )


def test_a_partial_export_removes_no_version_or_publicatie_and_says_so(register, tmp_path, stand):
    importeer(GEWIJZIGD)
    voor = stand()
    versies = set(belastingen().versies.values_list("roo_id", flat=True))
    assert {"1001", "1002", "1003"} <= versies
    pad = tmp_path / "deel.xml"
    pad.write_text(zonder_versie(GEWIJZIGD.read_text(), "1001"))
    resultaat = importeer(pad)
    assert set(belastingen().versies.values_list("roo_id", flat=True)) == versies
    assert stand()["agreements.Publicatie"] == voor["agreements.Publicatie"]
    assert stand()["agreements.RegelingVersie"] == voor["agreements.RegelingVersie"]
    assert stand()["agreements.Deelname"] == voor["agreements.Deelname"]
    assert "verwijderd" not in resultaat.aantallen.get("versies", {})
    assert any("onvolledig" in m and "1001" in m for m in resultaat.meldingen)


def test_what_a_complete_export_removes_is_named(register):
    importeer(GEWIJZIGD)
    resultaat = importeer(BASIS)
    assert resultaat.aantallen["versies"]["verwijderd"] == 1
    assert any(
        "versie 1003 staat niet meer in de export en is verwijderd" in m
        for m in resultaat.meldingen
    )


def test_a_dry_run_shows_what_would_change_and_writes_nothing(register, stand):
    importeer(BASIS)
    voor = stand()
    imports = RooImport.objects.count()
    uit = opdracht(GEWIJZIGD, "--dry-run")
    assert stand() == voor
    assert RooImport.objects.count() == imports
    assert "Proefimport (--dry-run): er is niets opgeslagen." in uit
    assert re.search(r"versies: .*1 aangemaakt", uit)
    per_regeling = uit.split("Per regeling", 1)[1]
    assert "versie 1003 nieuw" in per_regeling
    naam = belastingen().naam
    assert any(regel.strip().startswith(naam) for regel in per_regeling.splitlines())


def test_a_dry_run_on_an_empty_register_lists_every_new_regeling(register, stand):
    voor = stand()
    uit = opdracht(BASIS, "--dry-run")
    assert stand() == voor
    assert not Regeling.objects.exists()
    assert not RegelingVersie.objects.exists() and not Publicatie.objects.exists()
    nieuw = [regel for regel in uit.splitlines() if ": nieuw, met " in regel]
    assert len(nieuw) >= 2


def test_a_dry_run_of_the_same_export_changes_nothing(register):
    importeer(BASIS)
    uit = opdracht(BASIS, "--dry-run")
    assert "Geen wijzigingen." in uit
    assert "Geen regeling zou veranderen." in uit
