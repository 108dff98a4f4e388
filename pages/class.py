"""Live class: the lecturer starts an activity and projects the class's results; students join and answer."""
from book import shell
from book.classroom import page as live_class

page = shell("class")
live_class.class_page(page.settings)
