"""Study tool: the search."""
from book import shell, tools

page = shell("search")
tools.search_page(page.settings)
