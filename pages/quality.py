"""Chapter: service quality — RATER, SERVQUAL and the gaps model."""
from book import shell
from book.exhibits import quality

chapter = shell("quality")
chapter.section("judged-by-customers")
chapter.section("rater")
chapter.section("servqual")
chapter.section("scoring")
quality.servqual_calculator(chapter.settings)
chapter.section("servperf")
chapter.section("gaps-model")
quality.service_gaps_model(chapter.settings)
chapter.section("standards")
chapter.section("blueprint")
chapter.section("summary")
chapter.close()
