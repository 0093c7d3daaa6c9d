"""The sections that grip op samenwerking adds to the pages of ``agreements``."""

import datetime

from agreements.models import Regeling
from municipalities.models import Gemeente
from registry.sections import Section, contribute

from . import selectors


def besluitvorming(*, regeling: Regeling, peildatum: datetime.date) -> Section:
    """Procedure, jaarcyclus, vertegenwoordiging, financiën and evaluaties of one regeling."""
    return Section(
        "grip/includes/besluitvorming.html",
        selectors.regeling_grip(regeling=regeling, peildatum=peildatum),
    )


def lopende_besluitvorming(*, gemeente: Gemeente, peildatum: datetime.date) -> Section:
    """Regelingen in voorbereiding and open procedure steps of one gemeente."""
    return Section(
        "grip/includes/lopende_besluitvorming_sectie.html",
        {
            "gemeente": gemeente,
            "regelingen": selectors.lopende_besluitvorming(gemeente=gemeente, peildatum=peildatum),
        },
    )


contribute("regeling", besluitvorming)
contribute("gemeente", lopende_besluitvorming)
