"""The sections that grip op samenwerking adds to the pages of ``agreements``."""

import datetime

from agreements.models import Regeling
from registry.sections import Section, contribute

from . import selectors


def besluitvorming(*, regeling: Regeling, peildatum: datetime.date) -> Section:
    """Procedure, jaarcyclus, vertegenwoordiging, financiën and evaluaties of one regeling."""
    return Section(
        "grip/includes/besluitvorming.html",
        selectors.regeling_grip(regeling=regeling, peildatum=peildatum),
    )


contribute("regeling", besluitvorming)
