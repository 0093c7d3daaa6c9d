"""Serializer pieces shared by the apps."""

import copy
from collections.abc import Mapping

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from .slugs import DerivedSlug


def identiteit(view_name: str, lookup_field: str) -> serializers.HyperlinkedIdentityField:
    """The ``url`` of a resource: its address by its identificatie (``lookup_field``)."""
    return serializers.HyperlinkedIdentityField(
        view_name=view_name, lookup_field=lookup_field, lookup_url_kwarg="identificatie"
    )


def bron_url_veld(**kwargs) -> serializers.URLField:
    """``bronUrl``: the address of the source of a sourced record, empty when it has none."""
    return serializers.URLField(source="bron_url", allow_blank=True, label="Adres bron", **kwargs)


class ChoiceMethodField(serializers.SerializerMethodField):
    """A SerializerMethodField whose value is the code of one of ``choices``: the code in the
    JSON, its label in an export."""

    def __init__(self, choices, **kwargs):
        self.choices = dict(choices)
        super().__init__(**kwargs)


class BooleanLijstField(serializers.MultipleChoiceField):
    # A list of options in the API, one boolean field per option in the model; ``opties`` maps
    # each option to its model field. Reads and writes the whole object (``source="*"``).

    def __init__(self, opties: dict[str, str], **kwargs):
        self.opties = opties
        super().__init__(choices=list(opties), source="*", **kwargs)

    def to_representation(self, instance):
        return [optie for optie, veld in self.opties.items() if getattr(instance, veld)]

    def to_internal_value(self, data):
        gekozen = super().to_internal_value(data)
        return {veld: optie in gekozen for optie, veld in self.opties.items()}


# Fields whose JSON value is an array (DRF would also take an object, as an empty list).
LIJSTVELDEN = (serializers.ManyRelatedField, serializers.MultipleChoiceField, serializers.ListField)


class ModelValidatieMixin:
    # Runs the model's own validation (full_clean) so that a serializer refuses with the same
    # Dutch messages as the admin, before the database has to. (A comment, not a docstring:
    # the OpenAPI document would show it as the description of every resource.)

    def to_internal_value(self, data):
        # As strict as the OpenAPI document: a text is a JSON string (DRF would turn 0 into
        # "0"), a boolean true or false (not 0), an integer a JSON number, and a reference an
        # identificatie or null, not "" (DRF would read it as null).
        request = self.context.get("request")
        json = request is None or (request.content_type or "").startswith("application/json")
        if json and isinstance(data, Mapping):  # a form sends every value as text
            fouten = {}
            for naam, veld in self.fields.items():
                if veld.read_only or naam not in data:
                    continue
                waarde = data[naam]
                if waarde is None:
                    continue
                if isinstance(veld, serializers.CharField) and not isinstance(waarde, str):
                    fouten[naam] = ["Geef een tekst."]
                elif isinstance(veld, serializers.BooleanField) and not isinstance(waarde, bool):
                    fouten[naam] = ["Geef true of false."]
                elif isinstance(veld, serializers.IntegerField) and (
                    isinstance(waarde, bool) or not isinstance(waarde, int)
                ):
                    fouten[naam] = ["Geef een geheel getal."]
                elif isinstance(veld, LIJSTVELDEN) and not isinstance(waarde, list):
                    fouten[naam] = ["Geef een lijst."]
                elif isinstance(veld, serializers.ManyRelatedField) and any(
                    not isinstance(w, str) for w in waarde
                ):
                    fouten[naam] = ["Geef identificaties als tekst."]
                elif isinstance(veld, serializers.SlugRelatedField) and not isinstance(waarde, str):
                    fouten[naam] = ["Geef een identificatie als tekst."]
                elif isinstance(veld, serializers.RelatedField) and waarde == "":
                    fouten[naam] = ["Geef een identificatie, of null voor geen."]
            if fouten:
                raise serializers.ValidationError(fouten)
        return super().to_internal_value(data)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        velden = {f.name for f in self.Meta.model._meta.concrete_fields}
        # A copy, so that a refused change leaves the instance as it was.
        instance = copy.copy(self.instance) if self.instance else self.Meta.model()
        for naam, waarde in attrs.items():
            if naam in velden:
                setattr(instance, naam, waarde)
        if isinstance(instance, DerivedSlug):
            instance.vul_aan()
        try:
            instance.full_clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(self._api_namen(error.message_dict)) from error
        # What clean() normalised (a lower-case partner code, say) is what gets saved.
        return {
            naam: getattr(instance, naam) if naam in velden else waarde
            for naam, waarde in attrs.items()
        }

    def _api_namen(self, fouten: dict) -> dict:
        namen = {veld.source: naam for naam, veld in self.fields.items()}
        return {
            namen.get(naam, "nonFieldErrors" if naam == "__all__" else naam): berichten
            for naam, berichten in fouten.items()
        }
