"""``show`` prints a figure's value as a reader writes it (#16): grouped by thousands, no ".0",
money with its currency; a date's clock time with its zone."""

from __future__ import annotations

from rich.console import Console

import newsdistill
from newsdistill.show import figure_value, render_extracted


def test_figure_value():
    assert figure_value({"value": 20000.0}) == "20,000"
    assert figure_value({"value": 3000000, "currency": "EUR"}) == "3,000,000 EUR"
    assert figure_value({"value": 6.5}) == "6.5"
    assert figure_value({"value": 1234.5}) == "1,234.5"
    assert figure_value({"value": None, "qualifier": "dozens"}) == ""


def test_show_tables_print_values_and_times(tmp_path):
    doc = newsdistill.distill("Farmers in Kenya paid 3,000 shillings for maize, and the county will spend about €3 million, "
                              "the clerk said. The council will vote on Thursday at 6:45 p.m. EDT.",
                              published="2024-05-07", attribution_model="fast")
    console = Console(width=140, record=True, color_system=None)
    render_extracted(doc, console)
    out = console.export_text()
    assert "3,000 KES" in out and "3,000,000 EUR" in out and "3000000" not in out
    assert "18:45:00-04:00" in out
