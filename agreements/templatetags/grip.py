"""Template pieces of grip op samenwerking: the grip section of a regeling page, which the
page includes with one line, and amounts in euros."""

from decimal import Decimal

from django import template

from agreements import grip

register = template.Library()


@register.simple_tag
def regeling_grip(regeling, peildatum):
    return grip.regeling_grip(regeling=regeling, peildatum=peildatum)


@register.filter
def bedrag(waarde) -> str:
    """An amount as Dutch readers write it: € 1.234.567,89; empty when unknown."""
    if waarde is None or waarde == "":
        return ""
    getal = Decimal(waarde)
    tekst = f"{abs(getal):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {'-' if getal < 0 else ''}{tekst}"
