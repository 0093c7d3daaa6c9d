"""Admin pieces shared by the apps."""

import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from .protocol import KANALEN, laatste_rij, laatste_versie, niet_openbaar_gelezen


class VeiligeAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete widget, which looks up the submitted value to show it again: a
    value that is no id at all ("abc", a tampered form) would raise an error while rendering
    the form with its errors. Here such a value is simply not shown."""

    def optgroups(self, name, value, attr=None):
        opties = self.field.remote_field.model._meta
        doel = opties.get_field(getattr(self.field.remote_field, "field_name", opties.pk.attname))
        leesbaar = []
        for waarde in value:
            try:
                doel.to_python(waarde)
            except ValidationError:
                continue
            leesbaar.append(waarde)
        return super().optgroups(name, leesbaar, attr)


class BeheerInvoer:
    """Mixin for every ModelAdmin and inline of the register: amounts and percentages shown and
    typed as Dutch numbers, with a decimal comma (12,5; a point is read as well), and a
    tampered value in an autocomplete field a form error, not a 500."""

    formfield_overrides = {models.DecimalField: {"localize": True}}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        veld = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if type(getattr(veld, "widget", None)) is AutocompleteSelect:
            veld.widget.__class__ = VeiligeAutocompleteSelect
        return veld


class PeildatumFilter(admin.SimpleListFilter):
    """Filter a change list on "valid on a date" (the peildatum) via ``actief_op``."""

    title = "geldig op"
    parameter_name = "peildatum"

    def lookups(self, request, model_admin):
        vandaag = datetime.date.today()
        return [
            (vandaag.isoformat(), "Vandaag"),
            *[(f"{jaar}-01-01", f"1 januari {jaar}") for jaar in range(vandaag.year, 2014, -1)],
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            datum = datetime.date.fromisoformat(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters("Ongeldige peildatum.") from error
        return queryset.actief_op(datum)


class VasteIdentificatieAdmin:
    """For a ModelAdmin of a model with ``vaste_velden`` (registry/houders.py): shown, not
    editable, once the object exists."""

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            velden += [veld for veld in self.model.vaste_velden if veld not in velden]
        return velden

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else super().get_prepopulated_fields(request, obj)


VERSIE_VELD = "versie_bij_openen"


class VersieForm(forms.ModelForm):
    """A change form that refuses to save over a version that changed since it was opened:
    the version (the newest history row) travels along in a hidden field and is compared, with
    the row locked, when the form is saved."""

    versie_bij_openen = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial[VERSIE_VELD] = laatste_versie(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        instance = self.instance
        if instance.pk is None or VERSIE_VELD not in self.fields:
            return cleaned_data
        # Locked until the admin's transaction ends, so that no one saves in between.
        list(type(instance)._default_manager.select_for_update().filter(pk=instance.pk))
        geopend = cleaned_data.get(VERSIE_VELD)
        rij = laatste_rij(instance)
        if rij is not None and geopend != rij.history_id:
            wie = rij.gebruikersnaam or (
                "de " + KANALEN.get(rij.kanaal, rij.kanaal) if rij.kanaal else "iemand anders"
            )
            wanneer = timezone.localtime(rij.history_date)
            raise forms.ValidationError(
                "Dit gegeven is gewijzigd sinds u het opende: door %(wie)s op %(datum)s om "
                "%(tijd)s. Uw wijzigingen zijn niet opgeslagen; open het opnieuw om te zien wat "
                "er is veranderd.",
                code="gewijzigd",
                params={
                    "wie": wie,
                    "datum": wanneer.strftime("%d-%m-%Y"),
                    "tijd": wanneer.strftime("%H:%M:%S"),
                },
            )
        return cleaned_data


class RegisterAdmin(SimpleHistoryAdmin):
    """The admin of a model of the register: its history per object (old and new values,
    through which path, on behalf of whom; read-only) and no lost update between two
    editors (``VersieForm``)."""

    history_list_display = ["kanaal", "organisaties"]

    def render_history_view(self, request, template, context, **kwargs):
        # Who changed what is not public: reading it is recorded.
        aantal = context["page_obj"].paginator.count
        niet_openbaar_gelezen.send(type(self), request=request, aantal=aantal)
        return super().render_history_view(request, template, context, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            basis = kwargs.get("form", self.form)
            if not issubclass(basis, VersieForm):
                kwargs["form"] = type(basis.__name__, (VersieForm, basis), {})
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or any(
            VERSIE_VELD in flatten_fieldsets([fieldset]) for fieldset in fieldsets
        ):
            return fieldsets
        return [*fieldsets, (None, {"fields": [VERSIE_VELD], "classes": ["hidden"]})]
