"""Chapter: service encounters and moments of truth."""
from book import shell
from book.exhibits import encounters

chapter = shell("encounters")
chapter.section("moments")
encounters.moments_of_truth(chapter.settings)
chapter.section("customer-service")
chapter.section("internal-customers")
chapter.section("service-qualities")
chapter.section("challenges")
chapter.section("recovery")
encounters.service_recovery(chapter.settings)
chapter.section("dissatisfaction")
chapter.section("summary")
chapter.close()
