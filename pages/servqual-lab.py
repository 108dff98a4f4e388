"""Data lab: SERVQUAL from the reader's own survey data."""
from book import shell
from book.labs.servqual import servqual_lab

page = shell("servqual-lab")
servqual_lab(page.settings)
