"""Chapter: service value theory."""
from book import shell
from book.exhibits import service_value

chapter = shell("service-value")
chapter.section("use-value")
chapter.section("value")
service_value.value_composition(chapter.settings)
chapter.section("utility")
service_value.utility_split(chapter.settings)
chapter.section("factor-intensity")
chapter.section("four-links")
chapter.section("comparative-advantage")
service_value.trade_advantage(chapter.settings)
chapter.section("services-trade")
chapter.section("industry-chain")
chapter.section("value-innovation")
chapter.section("summary")
chapter.close()
