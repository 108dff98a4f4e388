"""Chapter: services and the service economy."""
from book import shell
from book.exhibits import service_economy

chapter = shell("service-economy")
chapter.section("definitions")
chapter.section("customer-service")
chapter.section("characteristics")
chapter.section("evaluation")
service_economy.evaluation_continuum(chapter.settings)
chapter.section("post-industrial")
chapter.section("service-share")
service_economy.service_share_trend(chapter.settings)
service_economy.sector_comparison(chapter.settings)
chapter.section("trends")
chapter.section("summary")
chapter.close()
