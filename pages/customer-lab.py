"""Data lab: the customer pyramid from the reader's own transactions or customer list."""
from book import shell
from book.labs.customers import customer_lab

page = shell("customer-lab")
customer_lab(page.settings)
