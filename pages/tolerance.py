"""Chapter: customer expectations and the zone of tolerance."""
from book import shell
from book.exhibits import tolerance

chapter = shell("tolerance")
chapter.section("expectations")
chapter.section("levels")
chapter.section("zone")
chapter.section("measures")
chapter.section("dimensions")
tolerance.tolerance_zone(chapter.settings)
chapter.section("factors")
tolerance.zone_factors(chapter.settings)
chapter.section("same-industry")
chapter.section("sources")
chapter.section("summary")
chapter.close()
