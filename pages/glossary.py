"""Study tool: the glossary."""
from book import shell, tools

page = shell("glossary")
tools.glossary_page(page.settings)
