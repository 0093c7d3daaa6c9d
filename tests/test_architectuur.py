"""The structure of the house: the import contracts cover every module they mean to cover."""

import datetime
import pkgutil
import re
import tomllib
from pathlib import Path

import pytest
from django.apps import apps

import agreements
from tests.conftest import is_historie

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def contract(naam_begint: str) -> dict:
    contracten = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    return next(c for c in contracten if c["name"].startswith(naam_begint))


def test_the_grip_contract_lists_every_module_of_agreements_but_grip():
    modules = {f"agreements.{m.name}" for m in pkgutil.iter_modules(agreements.__path__)}
    assert set(contract("Niets in agreements")["source_modules"]) == modules - {"agreements.grip"}


def test_grip_is_an_app_of_its_own():
    config = apps.get_app_config("grip")
    assert config.name == "agreements.grip"
    assert {m._meta.db_table for m in config.get_models()} == {
        f"grip_{m._meta.model_name}" for m in config.get_models()
    }
    # 11 models, and the history model of each (registry/protocol.py).
    assert len([m for m in config.get_models() if not is_historie(m)]) == 11
    assert len(list(config.get_models())) == 22


def test_agreements_has_no_grip_modules_left():
    assert sorted(Path(agreements.__file__).parent.glob("grip_*.py")) == []


def sleutels(waarde) -> set[str]:
    """Every key of the dicts in ``waarde``, however deep."""
    if isinstance(waarde, dict):
        return set(waarde) | set().union(*(sleutels(v) for v in waarde.values()))
    if isinstance(waarde, list | tuple):
        return set().union(*(sleutels(v) for v in waarde))
    return set()


@pytest.mark.django_db
def test_selectors_return_snake_case_keys_and_leave_camel_case_to_the_serializers(voorbeelddata):
    from agreements import selectors
    from agreements.grip import selectors as grip
    from municipalities.models import Gemeente, Partner

    peildatum = datetime.date(2019, 6, 1)
    voorschoten = Gemeente.objects.get(code="GM0626")
    uitkomsten = [
        selectors.gemeente_overzicht(gemeente=voorschoten, peildatum=peildatum),
        selectors.netwerk(peildatum=peildatum),
        selectors.statistieken_per_thema(peildatum=peildatum),
        selectors.statistieken_per_provincie(peildatum=peildatum),
        selectors.art27_register(gemeente=voorschoten, peildatum=peildatum),
        selectors.provincie_overzicht(
            provincie=Partner.objects.get(code="pv28"), peildatum=peildatum
        ),
        selectors.scan(
            **selectors.scan_argumenten({"gemeenten": "GM0017,GM0009", "datum": "2019-01-01"})
        ),
        grip.dashboard(gemeente=voorschoten, peildatum=datetime.date(2026, 3, 1)),
        grip.verbonden_partijen(gemeente=voorschoten, jaar=2025),
    ]
    alle = set().union(*(sleutels(u) for u in uitkomsten))
    assert "aantal_regelingen" in alle
    assert {s for s in alle if not re.fullmatch(r"[a-z0-9_]+", s)} == set()
