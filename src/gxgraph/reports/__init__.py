"""Reports for people who do not read JSON: the partnership-gap report in PDF, HTML, XLSX, CSV and
Markdown, in Japanese and English, built on the analyses registry.

``data`` assembles the analyses' answers, ``changes`` compares with a previous report, ``document`` lays
the report out once in one language (words from ``messages``, charts from ``charts``), and one
``render_*`` module per format writes it; ``build.write_report`` runs the whole chain.
"""
