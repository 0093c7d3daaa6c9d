"""The structure of the house: the import contracts cover every module they mean to cover."""

import pkgutil
import tomllib
from pathlib import Path

from django.apps import apps

import agreements

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
    assert len(list(config.get_models())) == 11


def test_agreements_has_no_grip_modules_left():
    assert sorted(Path(agreements.__file__).parent.glob("grip_*.py")) == []
