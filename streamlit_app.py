"""Home page: what the site is, how to use it, and the course map."""
from book import shell

home = shell("home")
home.section("welcome")
home.course_map()
home.section("how-to-use")
