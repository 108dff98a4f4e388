"""Chapter: the service-profit chain."""
from book import shell
from book.exhibits import profit_chain

chapter = shell("profit-chain")
chapter.section("idea")
chapter.section("links")
profit_chain.chain_builder(chapter.settings)
chapter.section("employee-satisfaction")
chapter.section("simulator")
profit_chain.chain_simulator(chapter.settings)
chapter.section("evidence")
chapter.section("restaurants")
chapter.section("limits")
chapter.section("summary")
chapter.close()
