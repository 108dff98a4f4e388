"""A chapter as one self-contained HTML file that prints cleanly on A4: text, key terms, the exhibits'
default data as tables, and references, in the reader's language. Built with the `markdown` package."""
from __future__ import annotations

import datetime
import html
import markdown

from . import content, render
from .exhibits import chapter_function
from .exhibits.common import markdown_table
from .i18n import t

CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, Georgia, serif;
       font-size: 11pt; line-height: 1.6; color: #111; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin-bottom: 0.2em; } h2 { font-size: 14pt; margin-top: 1.6em; break-after: avoid; }
h3 { font-size: 12pt; break-after: avoid; }
table { border-collapse: collapse; margin: 0.8em 0; width: 100%; break-inside: avoid; font-size: 10pt; }
th, td { border: 1px solid #888; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; } .summary { font-style: italic; } .source { font-size: 9pt; color: #444; }
dt { font-weight: bold; margin-top: 0.5em; } dd { margin-left: 1.5em; }
footer { margin-top: 2em; font-size: 9pt; color: #555; border-top: 1px solid #aaa; padding-top: 0.5em; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def exhibit_tables(chapter_id: str, lang: str) -> list[dict]:
    """The chapter's exhibits' default data: each exhibit module may define `handout_tables(lang)`
    returning dicts with title, columns, rows and source."""
    tables = chapter_function(chapter_id, "handout_tables")
    return tables(lang) if tables else []


def build(chapter_id: str, lang: str) -> str:
    chapter = content.load_chapter(chapter_id, lang)
    glossary, references = content.glossary(), content.references()
    other = "en" if lang == "zh" else "zh"
    seen: set[str] = set()
    cited: list[str] = []
    parts = [f"# {chapter.title}", f'<p class="summary">{html.escape(chapter.summary)}</p>']
    if chapter.objectives:
        parts += [f"## {t(lang, 'chapter.objectives')}", "\n".join(f"- {o}" for o in chapter.objectives)]
    for section in chapter.sections:
        body = render.render_citations(render.render_terms(section.body, glossary, lang, seen, plain=True),
                                       references, lang)
        cited.extend(render.citation_keys(section.body))
        parts += [f"## {section.title}", body]
    tables = exhibit_tables(chapter_id, lang)
    if tables:
        parts.append(f"## {t(lang, 'handout.exhibit_data')}")
        for table in tables:
            parts += [f"### {table['title']}", markdown_table(table["rows"], table["columns"]),
                      f'<p class="source">{html.escape(table["source"])}</p>']
    if seen:
        parts.append(f"## {t(lang, 'handout.key_terms')}")
        terms = sorted(seen, key=lambda term_id: glossary[term_id][lang].lower())
        parts.append("<dl>" + "".join(
            f"<dt>{html.escape(glossary[i][lang])}（{html.escape(glossary[i][other])}）</dt>"
            f"<dd>{html.escape(glossary[i][f'def_{lang}'])}</dd>" for i in terms) + "</dl>")
    if cited:
        parts.append(f"## {t(lang, 'chapter.references')}")
        parts.append("\n".join(f"1. {entry}" for entry in render.reference_list(cited, references, lang)))
    body = markdown.markdown("\n\n".join(parts), extensions=["tables", "sane_lists"])
    footer = t(lang, "handout.footer", site=t(lang, "site.title"), date=datetime.date.today().isoformat())
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(chapter.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
            f"<footer>{html.escape(footer)}</footer>\n</body>\n</html>\n")
