"""The base of every resource of the API: strict query parameters, filters on lists only,
exports of lists and overviews, and only the methods of the NL API Design Rules."""

import datetime
import itertools
from collections.abc import Iterator

from django.db import transaction
from django_filters.utils import translate_validation
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, views, viewsets
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response

from .api import GewijzigdSindsLezen, IfMatchOntbreekt, Pagination
from .exports import FORMATEN, Tabel, stream
from .filters import FilterBackend, PeildatumFilterSet, selectie
from .peildatum import parse_peildatum
from .protocol import laatste_versie
from .serializers import ChoiceMethodField

EXPORT_DEEL = 500
VOORWAARDELIJK = ("PUT", "PATCH", "DELETE")


def etag(obj) -> str:
    """The ETag of the version of ``obj``: its newest history row (every write makes one)."""
    return f'"{obj.pk}-{laatste_versie(obj)}"'


def if_match(waarde: str | None) -> list[str]:
    """The entity tags of an If-Match header (RFC 9110 13.1.1)."""
    return [tag.strip() for tag in (waarde or "").split(",") if tag.strip()]


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

    def select_renderer(self, request, renderers, format_suffix=None):
        if request.method == "OPTIONS":
            # The description of an address is JSON, whatever format the query asks for.
            beschrijving = next(r for r in renderers if r.format not in FORMATEN)
            return beschrijving, beschrijving.media_type
        return super().select_renderer(request, renderers, format_suffix)

    def filter_renderers(self, renderers, format):
        gekozen = [renderer for renderer in renderers if renderer.format == format]
        if not gekozen:
            formaten = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError(
                {"format": [exceptions.ErrorDetail(f"Kies uit: {formaten}.", "invalid_choice")]}
            )
        return gekozen


class VersieMixin:
    """No lost update: a single resource is read with its ETag, and PUT, PATCH and DELETE
    need it back in If-Match (428 without, 412 when it is no longer current). The row is
    locked before the check (SELECT ... FOR UPDATE), so that of two writes with the same ETag
    the second waits, finds a newer version and gets the 412."""

    bewaard = None

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.request.method in VOORWAARDELIJK:
            queryset = queryset.select_for_update(of=("self",))
        return queryset

    def get_object(self):
        obj = super().get_object()
        if self.request.method in VOORWAARDELIJK:
            tags = if_match(self.request.headers.get("If-Match"))
            if not tags or tags == ["*"]:
                raise IfMatchOntbreekt()
            if etag(obj) not in tags:
                raise GewijzigdSindsLezen()
        return obj

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response["ETag"] = etag(instance)
        return response

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        response["ETag"] = etag(self.bewaard)
        return response

    def perform_create(self, serializer):
        super().perform_create(serializer)
        self.bewaard = serializer.instance

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().update(request, *args, **kwargs)
            response["ETag"] = etag(self.bewaard)
        return response

    def perform_update(self, serializer):
        super().perform_update(serializer)
        self.bewaard = serializer.instance

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().destroy(request, *args, **kwargs)


class RegisterViewSet(StrictQueryParamsMixin, ExportMixin, VersieMixin, viewsets.ModelViewSet):
    # A resource of the register: filters apply to lists only (a former gemeente stays
    # retrievable), lists also export to CSV and Excel, and only the methods of the NL API
    # Design Rules are allowed. (Comments, not a docstring: the OpenAPI document would show it.)

    http_method_names = ["get", "head", "options", "post", "put", "patch", "delete"]
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

    def perform_create(self, serializer):
        super().perform_create(serializer)
        self.check_new_object_permissions(serializer.instance)

    def perform_update(self, serializer):
        super().perform_update(serializer)
        self.check_new_object_permissions(serializer.instance)

    def check_new_object_permissions(self, obj):
        """Permissions that judge an object as it was saved (a redacteur may create or change
        only what their organisation keeps) say so with ``has_new_object_permission``; a
        refusal rolls the request's transaction back."""
        for permission in self.get_permissions():
            check = getattr(permission, "has_new_object_permission", None)
            if check is not None and not check(self.request, self, obj):
                self.permission_denied(self.request, message=getattr(permission, "message", None))

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

    http_method_names = ["get", "head", "options"]
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


WIE_WIJZIGT = (
    " Met een persoonlijke token: een beheerder, of een redacteur van een organisatie die het "
    "gegeven bijhoudt (voor en na de wijziging); anders 401 of 403. Identificaties liggen vast."
)


def crud_schema(
    meervoud: str, enkelvoud: str, beschrijving: str = "", voorbeeld: OpenApiExample | None = None
):
    """Summaries and descriptions of the operations of a resource, and ``voorbeeld`` (a real
    row of the seed data) as the example of its list and its retrieve."""
    voorbeelden = [voorbeeld] if voorbeeld else None
    return extend_schema_view(
        list=extend_schema(
            summary=meervoud.capitalize(), description=beschrijving, examples=voorbeelden
        ),
        retrieve=extend_schema(
            summary=f"Eén {enkelvoud}",
            description=f"Eén {enkelvoud} op zijn identificatie.",
            examples=voorbeelden,
        ),
        create=extend_schema(
            summary=f"{enkelvoud.capitalize()} toevoegen",
            description=f"Voeg een {enkelvoud} toe." + WIE_WIJZIGT,
        ),
        update=extend_schema(
            summary=f"{enkelvoud.capitalize()} vervangen",
            description=f"Vervang alle gegevens van een {enkelvoud}." + WIE_WIJZIGT,
        ),
        partial_update=extend_schema(
            summary=f"{enkelvoud.capitalize()} wijzigen",
            description=f"Wijzig de meegestuurde gegevens van een {enkelvoud}." + WIE_WIJZIGT,
        ),
        destroy=extend_schema(
            summary=f"{enkelvoud.capitalize()} verwijderen",
            description=f"Verwijder een {enkelvoud}; 409 als andere gegevens ernaar verwijzen "
            "(beëindig een regeling dan met een einddatum)." + WIE_WIJZIGT,
        ),
    )
