"""Sign-in through the organisation's identity provider (OpenID Connect, with
mozilla-django-oidc; settings in registry/settings.py). A user is found by the claim
``OIDC_CLAIM_GEBRUIKERSNAAM``, made a staff member in the group Redacteuren on first sign-in,
and, when ``OIDC_CLAIM_ORGANISATIES`` names a claim, linked to the organisations it lists (CBS
codes such as GM0626, or regeling:<identificatie>) at every sign-in."""

from django.conf import settings
from django.contrib.auth.models import Group
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from agreements.models import Regeling
from municipalities.models import Gemeente
from registry.houders import gemeentecodes, regelingen

from .models import Redacteur
from .rollen import REDACTEUREN


def als_lijst(waarde) -> list[str]:
    if isinstance(waarde, str):
        return waarde.replace(",", " ").split()
    if isinstance(waarde, list | tuple):
        return [str(item) for item in waarde]
    return []


class OrganisatieBackend(OIDCAuthenticationBackend):
    def gebruikersnaam(self, claims) -> str:
        return str(claims.get(settings.OIDC_CLAIM_GEBRUIKERSNAAM) or "")[:150]

    def verify_claims(self, claims):
        return bool(self.gebruikersnaam(claims))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username=self.gebruikersnaam(claims))

    def create_user(self, claims):
        user = self.UserModel.objects.create_user(
            self.gebruikersnaam(claims),
            email=claims.get("email", ""),
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
            is_staff=True,
        )
        user.groups.add(Group.objects.get_or_create(name=REDACTEUREN)[0])
        self.koppel_organisaties(user, claims)
        return user

    def update_user(self, user, claims):
        self.koppel_organisaties(user, claims)
        return user

    def koppel_organisaties(self, user, claims):
        if not settings.OIDC_CLAIM_ORGANISATIES:
            return
        sleutels = als_lijst(claims.get(settings.OIDC_CLAIM_ORGANISATIES))
        redacteur, _ = Redacteur.objects.get_or_create(gebruiker=user)
        redacteur.gemeenten.set(
            Gemeente.objects.filter(code__in=[c.upper() for c in gemeentecodes(sleutels)])
        )
        redacteur.regelingen.set(Regeling.objects.filter(slug__in=regelingen(sleutels)))
