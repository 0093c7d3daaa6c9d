"""The form "Klopt er iets niet?": what is wrong, optionally where, and who says so; with a
honeypot and a signed timestamp against bots instead of a third-party captcha."""

import time

from django import forms
from django.conf import settings
from django.core import signing

from .constants import MAXIMALE_LENGTE, ONDERDELEN

# A field that people do not see (hidden by the stylesheet, labelled "leave empty" for those
# without it) and that bots fill in.
HONINGPOT = "website"
TOKEN = "formulier"
ZOUT = "meldingen.formulier"
# A form older than this is refused (and shown again with a fresh token).
MAXIMALE_LEEFTIJD = 24 * 3600


def formulier_token(sleutel: str, *, tijdstip: float | None = None) -> str:
    """A signed token that says which page the form was made for and when."""
    tijdstip = time.time() if tijdstip is None else tijdstip
    return signing.dumps({"o": sleutel, "t": tijdstip}, salt=ZOUT)


class MeldingFormulier(forms.Form):
    onderdeel = forms.ChoiceField(label="Over welk onderdeel gaat het?", required=False)
    tekst = forms.CharField(
        label="Wat klopt er niet?",
        max_length=MAXIMALE_LENGTE,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Wat staat er, wat moet het zijn, en waar staat dat (een besluit, een "
        "publicatie, een website)? Zet hier geen persoonsgegevens in. Hoogstens "
        f"{MAXIMALE_LENGTE} tekens.",
        error_messages={"required": "Beschrijf wat er niet klopt."},
    )
    naam = forms.CharField(label="Uw naam", max_length=200, required=False)
    email = forms.EmailField(
        label="Uw e-mailadres",
        required=False,
        help_text="Alleen nodig als u antwoord wilt of als wij u iets willen "
        "vragen over uw melding.",
        error_messages={"invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."},
    )
    peildatum = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, soort: str, sleutel: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.sleutel = sleutel
        self.fields["onderdeel"].choices = [
            ("", "Weet ik niet of kies later"),
            *((o.value, o.label) for o in ONDERDELEN[soort]),
        ]

    def markeer_fouten(self) -> None:
        """Mark the fields with an error, and link each to its message and help text."""
        for naam in self.errors:
            if naam not in self.fields:
                continue
            veld = self[naam]
            beschrijving = [f"{veld.auto_id}_fout"]
            if veld.help_text:
                beschrijving.append(f"{veld.auto_id}_helptext")
            veld.field.widget.attrs.update(  # historie: a widget's attributes
                {"aria-invalid": "true", "aria-describedby": " ".join(beschrijving)}
            )

    def clean(self):
        data = super().clean()
        try:
            token = signing.loads(self.data.get(TOKEN, ""), salt=ZOUT)
        except signing.BadSignature as fout:
            raise forms.ValidationError(
                "Het formulier is niet compleet aangekomen. Verstuur uw melding opnieuw.",
                code="ongeldig",
            ) from fout
        if not isinstance(token, dict) or token.get("o") != self.sleutel:
            raise forms.ValidationError(
                "Dit formulier hoort bij een andere pagina. Verstuur uw melding opnieuw.",
                code="ongeldig",
            )
        leeftijd = time.time() - float(token.get("t", 0))
        if leeftijd > MAXIMALE_LEEFTIJD:
            raise forms.ValidationError(
                "Het formulier stond te lang open. Controleer uw melding en verstuur haar opnieuw.",
                code="verlopen",
            )
        if leeftijd < settings.MELDINGEN_MINIMALE_SECONDEN:
            raise forms.ValidationError(
                "Dat ging erg snel. Controleer uw melding en verstuur haar opnieuw.",
                code="te_snel",
            )
        return data
