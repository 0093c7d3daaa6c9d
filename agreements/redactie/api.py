"""The roles in the API: Django's model permissions (a user without them cannot write, staff
or not), the houders of the object for a redacteur, and personal tokens instead of passwords."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissions

from .models import TOKEN_PATROON, ApiToken
from .rollen import is_beheerder, mag_houden


class RedactieRechten(DjangoModelPermissions):
    """Anyone reads; writing needs the model permission (add, change or delete) and, for a
    redacteur, an object their organisation keeps, before and after the change."""

    message = (
        "U mag dit niet wijzigen: daarvoor zijn rechten nodig op dit soort gegevens, en een "
        "redacteur wijzigt alleen wat de eigen organisatie bijhoudt."
    )

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return super().has_permission(request, view)

    def has_object_permission(self, request, view, obj):
        return request.method in SAFE_METHODS or mag_houden(request.user, obj)

    def has_new_object_permission(self, request, view, obj):
        """After a create or update (inside the request's transaction): the object as saved."""
        return mag_houden(request.user, obj)


class AlleenBeheerders(BasePermission):
    """Only a beheerder may read what is not public (the protocollering)."""

    message = "Alleen een beheerder mag dit inzien."

    def has_permission(self, request, view):
        return is_beheerder(request.user)


class TokenAuthenticatie(BaseAuthentication):
    """``Authorization: Bearer <token>`` (or ``Token <token>``) with a personal API token."""

    sleutelwoorden = (b"bearer", b"token")

    def authenticate(self, request):
        delen = get_authorization_header(request).split()
        if not delen or delen[0].lower() not in self.sleutelwoorden:
            return None
        if len(delen) != 2:
            raise exceptions.AuthenticationFailed("Geef precies één token na 'Bearer'.")
        try:
            token = delen[1].decode("ascii")
        except UnicodeDecodeError as fout:
            raise exceptions.AuthenticationFailed("Deze token bestaat niet.") from fout
        gevonden = TOKEN_PATROON.fullmatch(token)
        record = (
            ApiToken.objects.select_related("gebruiker").filter(prefix=gevonden[1]).first()
            if gevonden
            else None
        )
        if record is None or not record.past_bij(token):
            raise exceptions.AuthenticationFailed("Deze token bestaat niet.")
        if record.status != "geldig":
            raise exceptions.AuthenticationFailed(f"Deze token is {record.status}.")
        if not record.gebruiker.is_active:
            raise exceptions.AuthenticationFailed("Dit account is niet actief.")
        return record.gebruiker, record

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class TokenSchema(OpenApiAuthenticationExtension):
    target_class = TokenAuthenticatie
    name = "persoonlijkeToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Een persoonlijke API-token, aan te maken in het beheer; verloopt "
            "en is in te trekken.",
        }
