"""The check of bench/belasting.py: every acknowledged write present and logged, no lost update,
no trace of a refused write. A pure function over the recorded results and the database
afterwards; the load itself is a bench (make belasting), not a test."""

import importlib.util
from pathlib import Path

import pytest

PAD = Path(__file__).resolve().parent.parent / "bench" / "belasting.py"
spec = importlib.util.spec_from_file_location("belasting", PAD)
belasting = importlib.util.module_from_spec(spec)
spec.loader.exec_module(belasting)
S = belasting.Schrijfactie

U = "7f1c0a52-0000-4000-8000-000000000001"
V = "7f1c0a52-0000-4000-8000-000000000002"


@pytest.fixture
def twee_writes():
    """Two acknowledged writes of one deelname, the second on the version of the first, and one
    of another deelname; with the history they made."""
    acties = [
        S(U, "w1", "a1", '"1-10"', '"1-11"'),
        S(U, "w2", "a2", '"1-11"', '"1-12"'),
        S(V, "w3", "b", '"2-20"', '"2-21"'),
    ]
    historie = {
        U: [(10, "", "import", ""), (11, "w1", "api", "a1"), (12, "w2", "api", "a2")],
        V: [(20, "", "import", ""), (21, "w3", "api", "b")],
    }
    return acties, {U: "w2", V: "w3"}, historie


def test_alles_in_orde(twee_writes):
    acties, huidig, historie = twee_writes
    uitkomst = belasting.controleer(acties, huidig, historie, [(U, "geweigerd")])
    assert (uitkomst.bevestigd, uitkomst.aanwezig, uitkomst.gelogd) == (3, 3, 3)
    assert (uitkomst.verloren, uitkomst.toch_geschreven, uitkomst.fouten) == (0, 0, [])
    assert uitkomst.in_orde


def test_verdwenen_write(twee_writes):
    """The current value is neither the last write nor replaced by a later one: w2 is gone."""
    acties, huidig, historie = twee_writes
    uitkomst = belasting.controleer(acties, {**huidig, U: "iets anders"}, historie)
    assert uitkomst.aanwezig == 2
    assert not uitkomst.in_orde
    assert "'w2': niet aanwezig" in uitkomst.fouten[0]


def test_write_zonder_historie_of_met_verkeerde_naam(twee_writes):
    acties, huidig, historie = twee_writes
    historie = {
        U: [(10, "", "import", ""), (12, "w2", "api", "a1")],  # w1 not logged, w2 by a1
        V: [(21, "w3", "api", "b"), (22, "w3", "api", "b")],  # logged twice
    }
    uitkomst = belasting.controleer(acties, huidig, historie)
    assert uitkomst.gelogd == 0
    assert not uitkomst.in_orde


def test_twee_writes_op_dezelfde_versie_is_een_verloren_update(twee_writes):
    acties, huidig, historie = twee_writes
    acties[1] = S(U, "w2", "a2", '"1-10"', '"1-12"')  # also on version 10, like w1
    uitkomst = belasting.controleer(acties, huidig, historie)
    assert uitkomst.aanwezig == uitkomst.gelogd == 3
    assert uitkomst.verloren == 1
    assert not uitkomst.in_orde


def test_write_op_een_oudere_versie_is_een_verloren_update(twee_writes):
    acties, huidig, historie = twee_writes
    acties.append(S(U, "w4", "a1", '"1-11"', '"1-13"'))  # on w1's version, after w2
    historie[U].append((13, "w4", "api", "a1"))
    uitkomst = belasting.controleer(acties, {**huidig, U: "w4"}, historie)
    assert uitkomst.verloren == 1
    assert '\'w4\': gebaseerd op "1-11", niet op "1-12"' in uitkomst.fouten[-1]


def test_geweigerde_write_mag_geen_spoor_laten(twee_writes):
    acties, huidig, historie = twee_writes
    uitkomst = belasting.controleer(acties, huidig, historie, [(U, "w2")])
    assert uitkomst.toch_geschreven == 1
    assert not uitkomst.in_orde
