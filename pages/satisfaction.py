"""Chapter: customer satisfaction and the Kano model."""
from book import shell
from book.exhibits import satisfaction

chapter = shell("satisfaction")
chapter.section("what-is-satisfaction")
chapter.section("disconfirmation")
satisfaction.satisfaction_index(chapter.settings)
chapter.section("index")
satisfaction.acsi_model(chapter.settings)
chapter.section("kano-model")
chapter.section("categories")
satisfaction.kano_diagram(chapter.settings)
chapter.section("questionnaire")
satisfaction.kano_questionnaire(chapter.settings)
chapter.section("classification")
satisfaction.kano_better_worse(chapter.settings)
chapter.section("life-cycle")
satisfaction.kano_life_cycle(chapter.settings)
chapter.section("managing")
chapter.section("summary")
chapter.close()
