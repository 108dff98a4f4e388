"""Data lab: analyse your own Kano survey."""
from book import shell
from book.labs import kano

page = shell("kano-lab")
kano.lab(page.settings)
