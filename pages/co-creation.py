"""Chapter: value co-creation."""
from book import shell
from book.exhibits import co_creation

chapter = shell("co-creation")
chapter.section("logic")
chapter.section("premises")
chapter.section("process")
chapter.section("dart")
co_creation.dart_assessment(chapter.settings)
chapter.section("spheres")
co_creation.value_spheres(chapter.settings)
chapter.section("applications")
co_creation.value_in_use(chapter.settings)
chapter.section("summary")
chapter.close()
