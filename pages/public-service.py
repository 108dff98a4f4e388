"""Chapter: New Public Service theory — citizens, not customers; Arnstein's ladder; a service centre."""
from book import shell
from book.exhibits import public_service

chapter = shell("public-service")
chapter.section("origins")
chapter.section("principles")
chapter.section("paradigms")
public_service.paradigm_compare(chapter.settings)
chapter.section("participation")
public_service.participation_ladder(chapter.settings)
chapter.section("transparency")
chapter.section("service-centre")
public_service.service_centre(chapter.settings)
chapter.section("challenges")
chapter.section("prospects")
chapter.section("summary")
chapter.close()
