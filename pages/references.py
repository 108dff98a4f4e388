"""Study tool: the references."""
from book import shell, tools

page = shell("references")
tools.references_page(page.settings)
