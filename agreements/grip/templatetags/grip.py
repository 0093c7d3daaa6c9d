"""Template filters of grip op samenwerking: amounts in euros."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def bedrag(waarde) -> str:
    """An amount as Dutch readers write it: € 1.234.567,89; empty when unknown."""
    if waarde is None or waarde == "":
        return ""
    getal = Decimal(waarde)
    tekst = f"{abs(getal):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {'-' if getal < 0 else ''}{tekst}"
