"""Every model of our apps has a factory, and every factory (with each of its traits) makes a
row that passes the model's validation and is saved."""

import inspect

import factory
import pytest
from django.apps import apps
from factory.django import DjangoModelFactory

from tests import factories

ONZE_APPS = ["municipalities", "agreements", "grip"]

FACTORIES = [
    klasse
    for _, klasse in inspect.getmembers(factories, inspect.isclass)
    if issubclass(klasse, DjangoModelFactory) and klasse.__module__ == factories.__name__
]


def concrete_modellen() -> list:
    return [
        model
        for label in ONZE_APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.proxy
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


def test_every_model_of_our_apps_has_a_factory():
    zonder = {model.__name__ for model in concrete_modellen()} - {
        klasse._meta.model.__name__ for klasse in FACTORIES
    }
    assert not zonder, f"Geen factory voor: {', '.join(sorted(zonder))}"


@pytest.mark.django_db
@pytest.mark.parametrize(("klasse", "trait"), varianten())
def test_each_factory_makes_a_valid_saved_row(klasse, trait):
    obj = klasse(**({trait: True} if trait else {}))
    obj.full_clean()
    model = klasse._meta.model
    assert model.objects.filter(pk=obj.pk).exists()
    assert str(obj)
