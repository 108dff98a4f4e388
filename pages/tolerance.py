"""Chapter: customer expectations and the zone of tolerance."""
from book import exhibits, shell

chapter = shell("tolerance")
chapter.section("expectations")
chapter.section("levels")
chapter.section("zone")
chapter.section("measures")
chapter.section("dimensions")
exhibits.tolerance_zone(chapter.settings)
chapter.section("factors")
exhibits.zone_factors(chapter.settings)
chapter.section("same-industry")
chapter.section("sources")
chapter.section("summary")
chapter.close()
