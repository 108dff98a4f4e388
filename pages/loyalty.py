"""Chapter: customer loyalty and customer value."""
from book import shell
from book.exhibits import loyalty

chapter = shell("loyalty")
chapter.section("loyalty")
chapter.section("satisfaction-loyalty")
chapter.section("economics")
loyalty.profit_build(chapter.settings)
chapter.section("lifetime-value")
loyalty.clv_exhibit(chapter.settings)
chapter.section("switching")
loyalty.switching(chapter.settings)
chapter.section("customer-value")
chapter.section("value-process")
chapter.section("customer-types")
chapter.section("pyramid")
loyalty.pyramid_exhibit(chapter.settings)
chapter.section("summary")
chapter.close()
