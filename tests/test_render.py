"""book.render: glossary spans, citations and reference-list formats."""
import pytest

from book import render

GLOSSARY = {
    "zone-of-tolerance": {"zh": "容忍区域", "en": "zone of tolerance", "def_zh": "理想服务与适当服务之间的范围。",
                          "def_en": "The band between desired and adequate service <b>.", "source": "x"},
}
ARTICLE = {"type": "article", "year": 1993, "title": "The nature and determinants of customer expectations of service",
           "venue": "Journal of the Academy of Marketing Science", "volume": "21", "issue": "1", "pages": "1–12",
           "doi": "10.1177/0092070393211001",
           "authors": [{"family": "Zeithaml", "given": "V. A."}, {"family": "Berry", "given": "L. L."},
                       {"family": "Parasuraman", "given": "A."}]}
BOOK = {"type": "book", "year": 1991, "title": "Marketing services: Competing through quality", "venue": "Free Press",
        "place": "New York", "authors": [{"family": "Berry", "given": "L. L."}, {"family": "Parasuraman", "given": "A."}]}


def test_first_use_is_bilingual_and_later_uses_are_not():
    seen = set()
    text = render.render_terms("[[zone-of-tolerance]] 与 [[zone-of-tolerance]]", GLOSSARY, "zh", seen)
    assert text.count("容忍区域（zone of tolerance）") == 1
    assert text.count('class="term"') == 2
    assert seen == {"zone-of-tolerance"}
    again = render.render_terms("[[zone-of-tolerance]]", GLOSSARY, "zh", seen)
    assert "zone of tolerance）" not in again.split('<span class="term-def"')[0]


def test_english_term_shows_chinese_name_at_first_use_and_escapes_the_definition():
    text = render.render_terms("the [[zone-of-tolerance|zone]]", GLOSSARY, "en", set())
    assert "zone (容忍区域)" in text
    assert "&lt;b&gt;" in text and "<b>" not in text
    assert 'tabindex="0"' in text and 'role="tooltip"' in text


def test_unknown_term_is_an_error_naming_it():
    with pytest.raises(KeyError, match="no-such-term"):
        render.render_terms("[[no-such-term]]", GLOSSARY, "zh", set())


def test_citations_in_both_languages():
    refs = {"a": ARTICLE, "b": BOOK}
    assert render.render_citations("见 [@a; @b]。", refs, "zh") == "见（Zeithaml 等，1993；Berry 和 Parasuraman，1991）。"
    assert render.render_citations("see [@a]", refs, "en") == "see (Zeithaml et al., 1993)"
    assert render.render_citations("[@b]", refs, "en") == "(Berry & Parasuraman, 1991)"
    assert render.citation_keys("x [@a; @b] y [@a]") == {"a", "b"}
    with pytest.raises(KeyError, match="missing"):
        render.render_citations("[@missing]", refs, "en")


def test_apa_entries():
    assert render.apa(ARTICLE) == (
        "Zeithaml, V. A., Berry, L. L., & Parasuraman, A. (1993). The nature and determinants of customer "
        "expectations of service. *Journal of the Academy of Marketing Science*, *21*(1), 1–12. "
        "https://doi.org/10.1177/0092070393211001")
    assert render.apa(BOOK) == "Berry, L. L., & Parasuraman, A. (1991). *Marketing services: Competing through quality*. Free Press."


def test_gbt7714_entries():
    assert render.gbt7714(ARTICLE) == (
        "ZEITHAML V A, BERRY L L, PARASURAMAN A. The nature and determinants of customer expectations of "
        "service[J]. Journal of the Academy of Marketing Science, 1993, 21(1): 1-12. DOI:10.1177/0092070393211001.")
    assert render.gbt7714(BOOK) == "BERRY L L, PARASURAMAN A. Marketing services: Competing through quality[M]. New York: Free Press, 1991."
    four = dict(ARTICLE, authors=ARTICLE["authors"] + [{"family": "Gremler", "given": "D. D."}])
    assert render.gbt7714(four).startswith("ZEITHAML V A, BERRY L L, PARASURAMAN A, 等. ")


def test_reference_list_is_sorted_by_first_author_and_deduplicated():
    refs = {"a": ARTICLE, "b": BOOK}
    entries = render.reference_list(["a", "b", "a"], refs, "en")
    assert len(entries) == 2 and entries[0].startswith("Berry") and entries[1].startswith("Zeithaml")


def test_exhibit_data_table_formats_numbers_and_escapes_pipes():
    from book.exhibits.common import markdown_table
    rows = [{"name": "a|b", "value": 6.8, "n": 3}]
    assert markdown_table(rows, {"name": "Name", "value": "Value", "n": "N"}) == (
        "| Name | Value | N |\n|---|---|---|\n| a\\|b | 6.8 | 3 |")


def test_literal_escapes_markdown_and_shortens():
    assert render.literal("a*b_c") == r"a\*b\_c"
    assert render.literal("x" * 100) == "x" * 40 + "…"
    assert render.literal("[t](u)") == r"\[t\]\(u\)"


CHAPTER = {"type": "chapter", "year": 1981, "title": "How consumer evaluation processes differ between goods and services",
           "book": "Marketing of services", "venue": "American Marketing Association", "place": "Chicago",
           "pages": "186–190", "authors": [{"family": "Zeithaml", "given": "V. A."}],
           "editors": [{"family": "Donnelly", "given": "J. H."}, {"family": "George", "given": "W. R."}]}


def test_a_chapter_in_an_edited_book_in_both_styles():
    assert render.apa(CHAPTER) == (
        "Zeithaml, V. A. (1981). How consumer evaluation processes differ between goods and services. "
        "In J. H. Donnelly & W. R. George (Eds.), *Marketing of services* (pp. 186–190). American Marketing Association.")
    assert render.gbt7714(CHAPTER) == (
        "ZEITHAML V A. How consumer evaluation processes differ between goods and services[M]//DONNELLY J H, "
        "GEORGE W R. Marketing of services. Chicago: American Marketing Association, 1981: 186-190.")


def test_a_conference_paper_is_marked_c_in_gbt7714():
    paper = {"type": "chapter", "year": 2001, "title": "Life cycle and creation of attractive quality",
             "venue": "Proceedings of the 4th International QMOD Conference", "place": "Linköping",
             "authors": [{"family": "Kano", "given": "N."}]}
    assert render.gbt7714(paper) == ("KANO N. Life cycle and creation of attractive quality[C]//Proceedings of the "
                                     "4th International QMOD Conference. Linköping, 2001.")
    assert render.apa(paper) == ("Kano, N. (2001). Life cycle and creation of attractive quality. "
                                 "In *Proceedings of the 4th International QMOD Conference*.")


def test_a_section_body_becomes_html_and_keeps_terms_tables_lists_and_quotations():
    body = render.render_terms("The [[zone-of-tolerance]] & more.", GLOSSARY, "en", set())
    body += "\n\n| Dimension | Gap |\n|---|---|\n| Reliability | −1.5 |\n\n- first\n- second\n\n> A quoted line"
    page = render.section_html(body)
    assert page.startswith('<div class="prose"><p>The <span class="term" tabindex="0" data-term="zone-of-tolerance">')
    assert "&lt;b&gt;" in page and "<b>" not in page           # the definition stays escaped
    assert "&amp; more" in page
    assert "<td>Reliability</td>" in page and "<td>−1.5</td>" in page
    assert "<li>first</li>" in page and "<blockquote>" in page
    assert page.endswith("</div>")
