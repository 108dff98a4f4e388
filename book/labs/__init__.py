"""Data labs: readers analyse their own survey or customer files with the models the chapters teach.

`reading` turns an upload (CSV in several encodings and separators, or .xlsx) into a table of text
cells or a `LabError` in the reader's language; `ui` holds the parts every lab page shares (upload box
with the sample data, template and result downloads, the notice of rows left out); one module per lab
draws its page.
"""
