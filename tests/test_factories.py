"""Every model of our apps has a factory, and every factory (with each of its traits) makes a
row that passes the model's validation and is saved."""

import inspect

import factory
import pytest
from factory.django import DjangoModelFactory

from tests import factories

FACTORIES = [
    klasse
    for _, klasse in inspect.getmembers(factories, inspect.isclass)
    if issubclass(klasse, DjangoModelFactory) and klasse.__module__ == factories.__name__
]


def varianten() -> list:
    """Each factory plain and with each of its traits."""
    return [
        pytest.param(klasse, trait, id=f"{klasse.__name__}-{trait}" if trait else klasse.__name__)
        for klasse in FACTORIES
        for trait in [
            None,
            *(
                naam
                for naam, waarde in klasse._meta.parameters.items()
                if isinstance(waarde, factory.Trait)
            ),
        ]
    ]


def test_every_model_of_our_apps_has_a_factory(onze_modellen):
    zonder = set(onze_modellen) - {klasse._meta.model for klasse in FACTORIES}
    assert not zonder, f"Geen factory voor: {', '.join(sorted(m._meta.label for m in zonder))}"


@pytest.mark.django_db
@pytest.mark.parametrize(("klasse", "trait"), varianten())
def test_each_factory_makes_a_valid_saved_row(klasse, trait):
    obj = klasse(**({trait: True} if trait else {}))
    obj.full_clean()
    model = klasse._meta.model
    assert model.objects.filter(pk=obj.pk).exists()
    assert str(obj)
