"""Long plain texts on a page as they were written: paragraphs, line breaks and lists."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from registry.text import Item, ListBlock, Paragraph, text_blocks

register = template.Library()


def _lines(lines: list[str]) -> str:
    return "<br>".join(escape(line) for line in lines)


def _list(lijst: ListBlock) -> str:
    if lijst.kind == "bullet":
        tag, attrs = "ul", ""
    else:
        tag = "ol"
        attrs = "" if lijst.kind == "1" else f' type="{lijst.kind}"'
        if lijst.start and lijst.start != 1:
            attrs += f' start="{lijst.start}"'
    return f"<{tag}{attrs}>{''.join(_item(item) for item in lijst.items)}</{tag}>"


def _item(item: Item) -> str:
    return f"<li>{_lines(item.lines)}{''.join(_list(sub) for sub in item.lists)}</li>"


@register.filter(is_safe=False)
def paragraphs(tekst) -> str:
    """A text as paragraphs (``<p>``, a newline as ``<br>``) and its numbered and bulleted
    items as ordered and unordered lists, nested where an item holds a list. Every piece of
    the text is escaped, whatever autoescape says; only the tags around them are markup."""
    html = [
        f"<p>{_lines(blok.lines)}</p>" if isinstance(blok, Paragraph) else _list(blok)
        for blok in text_blocks("" if tekst is None else str(tekst))
    ]
    return mark_safe("".join(html))
