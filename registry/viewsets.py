"""The base of every resource of the API: strict query parameters, filters on lists only,
exports of lists and overviews, and only the methods of the NL API Design Rules."""

import datetime
import itertools
from collections.abc import Iterator

from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, views, viewsets
from rest_framework.negotiation import DefaultContentNegotiation

from .api import Pagination
from .exports import FORMATEN, Tabel, stream
from .filters import FilterBackend, PeildatumFilterSet, selectie
from .peildatum import parse_peildatum
from .serializers import ChoiceMethodField

EXPORT_DEEL = 500


def batched(rows: Iterator, size: int) -> Iterator[list]:
    """Consecutive lists of at most ``size`` items (itertools.batched, Python 3.12)."""
    while batch := list(itertools.islice(rows, size)):
        yield batch


class StrictQueryParamsMixin:
    """Refuse query parameters a view does not know, or without a value (400), instead of
    ignoring them."""

    extra_query_params: tuple[str, ...] = ()

    def toegestane_parameters(self) -> set[str]:
        toegestaan = {"format", *self.extra_query_params}
        if getattr(self, "action", None) == "list":
            toegestaan |= {Pagination.page_query_param, Pagination.page_size_query_param}
            filterset_class = getattr(self, "filterset_class", None)
            if filterset_class is not None:
                toegestaan |= set(filterset_class.base_filters)
        return toegestaan

    def initial(self, request, *args, **kwargs):
        # A method this address does not offer is a 405, also before authentication.
        if request.method not in self.allowed_methods:
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        fouten = {}
        for naam, waarden in request.query_params.lists():
            if naam not in self.toegestane_parameters():
                fouten[naam] = "Onbekende parameter."
            elif len(waarden) > 1:
                fouten[naam] = "Geef deze parameter één keer."
            elif waarden[0] == "":
                fouten[naam] = "Geef een waarde of laat de parameter weg."
        if fouten:
            raise exceptions.ValidationError(
                {
                    naam: [exceptions.ErrorDetail(reden, "invalid")]
                    for naam, reden in sorted(fouten.items())
                }
            )


class ExportMixin:
    """Which export the request asked for, if any (``format`` or the Accept header)."""

    def export_formaat(self) -> str | None:
        renderer = getattr(self.request, "accepted_renderer", None)  # none in the OpenAPI schema
        formaat = getattr(renderer, "format", None)
        return formaat if formaat in FORMATEN else None


class ExportNegotiation(DefaultContentNegotiation):
    """``format`` outside json/csv/xlsx, or one an endpoint does not offer, is a 400."""

    def filter_renderers(self, renderers, format):
        gekozen = [renderer for renderer in renderers if renderer.format == format]
        if not gekozen:
            formaten = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError(
                {"format": [exceptions.ErrorDetail(f"Kies uit: {formaten}.", "invalid_choice")]}
            )
        return gekozen


class RegisterViewSet(StrictQueryParamsMixin, ExportMixin, viewsets.ModelViewSet):
    # A resource of the register: filters apply to lists only (a former gemeente stays
    # retrievable), lists also export to CSV and Excel, and only the methods of the NL API
    # Design Rules are allowed. (Comments, not a docstring: the OpenAPI document would show it.)

    http_method_names = ["get", "head", "post", "put", "patch", "delete"]
    content_negotiation_class = ExportNegotiation
    filter_backends = [FilterBackend]
    filterset = None  # the FilterSet of a list, left by FilterBackend
    export_naam = ""
    # Fields (by name) that hold a percentage: 100 when in percent, 1 when a fraction.
    export_percentages: dict[str, int] = {}
    # A fast export: the fields to read with values_list, and ``export_rij`` that turns one
    # tuple into the row of the serializer's columns (without url). Empty: the serializer.
    export_velden: tuple[str, ...] = ()

    def export_rijen(self, queryset):
        return map(
            self.export_rij,
            queryset.values_list(*self.export_velden).iterator(chunk_size=EXPORT_DEEL * 4),
        )

    def export_rij(self, waarden: tuple) -> list:
        raise NotImplementedError

    def lookup_value(self, value: str) -> str:
        """The identifier in the address as the register keeps it; a resource whose code
        people write in another case says how to read it (gm0626 is GM0626)."""
        return value

    def get_object(self):
        kwarg = self.lookup_url_kwarg or self.lookup_field
        self.kwargs[kwarg] = self.lookup_value(self.kwargs[kwarg])
        return super().get_object()

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            return renderers
        return [renderer for renderer in renderers if renderer.format not in FORMATEN]

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def list(self, request, *args, **kwargs):
        formaat = self.export_formaat()
        if formaat is None:
            return super().list(request, *args, **kwargs)
        Pagination().valideer(request)  # an export holds every row, but page must still be valid
        queryset = self.export_queryset(self.filter_queryset(self.get_queryset()))
        serializer = self.get_serializer()
        velden = {naam: veld for naam, veld in serializer.fields.items() if naam != "url"}
        if self.export_velden:
            # Straight from the database: one tuple per row, one plain function, no
            # serializer and no url (the columns and labels are the serializer's).
            rijen = self.export_rijen(queryset)
        else:
            labels = {naam: keuzelabels(veld) for naam, veld in velden.items()}
            rijen = (
                [als_label(data[naam], labels[naam]) for naam in velden]
                for deel in batched(queryset.iterator(chunk_size=EXPORT_DEEL), EXPORT_DEEL)
                for data in self.get_serializer(deel, many=True).data
            )
        tabel = Tabel(
            [str(veld.label) for veld in velden.values()],
            rijen,
            self.export_naam,
            percentages={
                str(velden[naam].label): schaal
                for naam, schaal in self.export_percentages.items()
                if naam in velden
            },
            adres=request.build_absolute_uri(),
        )
        if self.filterset is not None:
            tabel.filters = selectie(self.filterset.form)
            tabel.jaar = self.filterset.form.cleaned_data.get("jaar")
            if isinstance(self.filterset, PeildatumFilterSet):
                tabel.datum = self.filterset.peildatum_waarde()
        return stream(tabel, formaat)

    def export_queryset(self, queryset):
        """The rows of an export: the filtered list, with what its export needs besides."""
        return queryset


class OverzichtView(StrictQueryParamsMixin, ExportMixin, views.APIView):
    # An overview on a peildatum (default today), as JSON, CSV or Excel.

    http_method_names = ["get", "head"]
    content_negotiation_class = ExportNegotiation
    extra_query_params: tuple[str, ...] = ("peildatum",)
    export_naam = ""
    selectie = ()  # what the parameters select, for the export (see parameters)

    def parameters(self, form_class) -> dict:
        """The parameters of the overview, read by a Django form (``form_class``): what it
        refuses is a 400 naming the parameter; what it selects, ``self.selectie``."""
        form = form_class(self.request.query_params)
        if not form.is_valid():
            raise translate_validation(form.errors)
        self.selectie = selectie(form)
        return form.cleaned_data

    def peildatum(self) -> datetime.date:
        return parse_peildatum(self.request.query_params.get("peildatum"))

    def tabel(self, kolommen: list[str], rijen, **kwargs) -> Tabel:
        """The export of this overview: named after it, on its peildatum when it has one, with
        the filters its parameters selected (``kwargs`` may say otherwise)."""
        if "peildatum" in self.extra_query_params:
            kwargs.setdefault("datum", self.peildatum())
        kwargs.setdefault("filters", list(self.selectie))
        return Tabel(kolommen, rijen, self.export_naam, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(getattr(response, "data", None), Tabel):  # an export: a named download
            response.data.adres = request.build_absolute_uri()
            naam = response.data.bestandsnaam(response.accepted_renderer.format)
            response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response


def keuzelabels(veld) -> dict:
    """The labels of the choices of a serializer field (a ChoiceField, or a field that names
    its ``choices``), by code; empty for any other field. (Not ``choices`` of a related field:
    that would read every row it can point to.)"""
    if isinstance(veld, (serializers.ChoiceField, ChoiceMethodField)):
        return {str(code): str(label) for code, label in veld.choices.items()}
    return {}


def als_label(waarde, labels: dict):
    """A value of the API as an export shows it: a code of a choice by its label ("OL" is
    "Openbaar lichaam"), each item of a list too; anything else as it is."""
    if not labels:
        return waarde
    if isinstance(waarde, (list, tuple)):
        return [labels.get(item, item) if isinstance(item, str) else item for item in waarde]
    return labels.get(waarde, waarde) if isinstance(waarde, str) else waarde


def crud_schema(meervoud: str, enkelvoud: str, beschrijving: str = ""):
    return extend_schema_view(
        list=extend_schema(summary=meervoud.capitalize(), description=beschrijving),
        retrieve=extend_schema(
            summary=f"Eén {enkelvoud}", description=f"Eén {enkelvoud} op zijn identificatie."
        ),
        create=extend_schema(
            summary=f"{enkelvoud.capitalize()} toevoegen",
            description=f"Voeg een {enkelvoud} toe (alleen voor beheerders).",
        ),
        update=extend_schema(
            summary=f"{enkelvoud.capitalize()} vervangen",
            description=f"Vervang alle gegevens van een {enkelvoud} (alleen voor beheerders).",
        ),
        partial_update=extend_schema(
            summary=f"{enkelvoud.capitalize()} wijzigen",
            description=f"Wijzig de meegestuurde gegevens van een {enkelvoud} (alleen voor "
            "beheerders).",
        ),
        destroy=extend_schema(
            summary=f"{enkelvoud.capitalize()} verwijderen",
            description=f"Verwijder een {enkelvoud} (alleen voor beheerders); 409 als andere "
            "gegevens ernaar verwijzen.",
        ),
    )
