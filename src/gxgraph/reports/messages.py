"""Every string a report prints, in English and Japanese, in one catalogue.

:func:`text` looks a key up for a language and fills its ``{placeholders}``; a missing key or
language is a ``KeyError`` at once, and ``tests/reports`` checks that every key has both languages.
Node names are not here: they come from the graph (``name_ja`` in Japanese reports, where present).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

__all__ = ["MESSAGES", "Lang", "text"]


class Lang(StrEnum):
    """The languages a report is written in."""

    JA = "ja"
    EN = "en"


# key -> (English, Japanese)
MESSAGES: dict[str, tuple[str, str]] = {
    "title": ("Partnership-gap report", "パートナーシップ・ギャップ報告書"),
    "subtitle": (
        "GX × DX innovation ecosystem: where Japan's partnerships are missing",
        "GX × DX イノベーション・エコシステム：日本に欠けている連携",
    ),
    "graph_version": ("Graph version", "グラフ版数"),
    "generated_at": ("Generated", "作成日時"),
    "filters": ("Scope", "対象範囲"),
    "filters_all": ("the whole graph", "グラフ全体"),
    "filter_region": ("region {value}", "地域 {value}"),
    "filter_domain": ("domain {value}", "領域 {value}"),
    "filter_industry": ("industry {value}", "産業 {value}"),
    "projection": (
        "{nodes} nodes and {relationships} relationships",
        "ノード {nodes} 件、関係 {relationships} 件",
    ),
    "contents": ("Contents", "目次"),
    "page": ("Page", "ページ"),
    "illustrative_mark": ("illustrative", "例示"),
    "illustrative_legend": (
        "† marks an illustrative figure: invented sample data, not a sourced fact.",
        "† は例示の数値（架空のサンプルデータで、出典のある事実ではない）を示す。",
    ),
    "yes": ("yes", "はい"),
    "none": ("none", "なし"),
    "no_rows": ("Nothing to report.", "該当なし。"),
    # sections
    "s_summary": ("Executive summary", "要旨"),
    "s_profile": ("Innovation profile", "イノベーション・プロファイル"),
    "s_techmap": ("Technology map", "技術マップ"),
    "s_commercialisation": ("Commercialisation gaps", "事業化ギャップ"),
    "s_partnership": (
        "Partnership gaps by region and institution",
        "地域・機関別のパートナーシップ・ギャップ",
    ),
    "s_brokers": ("Brokers and communities", "ブローカーとコミュニティ"),
    "s_partners": ("Partner selection by the report's criteria", "報告書の基準によるパートナー選定"),
    "partners_intro": (
        "A partner must be world-class both in science and technology and in converting them into business, "
        "and the content of the partnership matters most. Each foreign institution is placed on its best "
        "STRONG_IN score (science) against its commercialisation strength (spin-outs, licences, incubated "
        "ventures and deployed case studies). The actionable list is the partner-now quadrant without an "
        "active partnership that transfers know-how structurally.",
        "パートナーは科学技術とそのビジネスへの転用の両方で世界トップクラスでなければならず、"
        "連携の内容が最も重要である。各海外機関を、最高の STRONG_IN スコア（科学技術）と"
        "事業化の強さ（スピンアウト、ライセンス、インキュベーション、展開された事例）で配置する。"
        "行動リストは、ノウハウを構造的に獲得する有効な連携がない「今すぐ連携」象限である。",
    ),
    "partners_actionable": ("Actionable: {names}.", "行動リスト：{names}。"),
    "partners_none": ("No institution is actionable.", "該当する機関はない。"),
    "t_partners": ("Candidate partners", "パートナー候補"),
    "c_quadrant": ("quadrant", "象限"),
    "c_science": ("science", "科学技術"),
    "c_commercialisation": ("commercialisation", "事業化"),
    "c_partnered": ("active Japanese partner", "日本との有効な連携"),
    "c_know_how": ("transfers know-how", "ノウハウ移転"),
    "c_actionable": ("actionable", "行動対象"),
    "quadrant_partner_now": ("partner now", "今すぐ連携"),
    "quadrant_science_only": ("science only", "科学技術のみ"),
    "quadrant_business_only": ("business only", "事業化のみ"),
    "quadrant_neither": ("neither", "いずれもなし"),
    "chart_science": ("science strength (STRONG_IN)", "科学技術の強さ（STRONG_IN）"),
    "chart_commercialisation": ("commercialisation strength", "事業化の強さ"),
    "s_changes": ("What changed", "前回からの変化"),
    "s_provenance": ("Data provenance", "データの出典"),
    # executive summary sentences
    "summary_intro": (
        "This report reflects graph version {version} ({size}). It lists {partnership} partnership gaps "
        "and {commercialisation} commercialisation gaps; the five most important partnership gaps are:",
        "本報告書はグラフ版数 {version}（{size}）に基づく。パートナーシップ・ギャップ {partnership} 件、"
        "事業化ギャップ {commercialisation} 件を挙げる。"
        "最も重要な 5 件のパートナーシップ・ギャップは次のとおり。",
    ),
    "summary_gap": (
        "{institution} ({country}) is world-class in {field} (STRONG_IN {strength}) and has no active "
        "partnership with a Japanese company; gap score {score}.",
        "{institution}（{country}）は{field}で世界トップ水準（STRONG_IN {strength}）だが、日本企業との"
        "有効な連携がない。ギャップ・スコア {score}。",
    ),
    "summary_partners": (
        "Partnerships that would close it: {partners}.",
        "このギャップを埋める連携候補：{partners}。",
    ),
    "summary_no_partners": (
        "No Japanese company shares its fields or technologies yet.",
        "分野や技術を共有する日本企業はまだない。",
    ),
    "summary_partner": ("{company} (shares {shared})", "{company}（共有：{shared}）"),
    "summary_commercialisation": (
        "The largest commercialisation gap is {technology}: score {score}, strength {strength}, "
        "Japanese deployment {deployment}.",
        "最大の事業化ギャップは{technology}：スコア {score}、強み {strength}、日本での展開 {deployment}。",
    ),
    "summary_profile": (
        "{country} ranks {input} on average on innovation inputs but {output} on outputs (gap {gap} places).",
        "{country}はイノベーションの投入指標で平均 {input} 位だが、成果指標では {output} 位（差 {gap}）。",
    ),
    "summary_illustrative": (
        "Figures marked † are illustrative sample data and must not be quoted as facts.",
        "† の付いた数値は例示のサンプルデータであり、事実として引用してはならない。",
    ),
    # innovation profile
    "profile_intro": (
        "Mean rank of the innovation inputs (R&D investment, patents, IP receipts) against the mean rank of "
        "the outputs (ICT services exports, labour productivity growth, creative services exports, unicorn "
        "valuation), country by country; lower is better.",
        "各国のイノベーション投入指標（研究開発投資、特許、知的財産収入）の平均順位と、成果指標（ICTサービス輸出、"
        "労働生産性の伸び、クリエイティブ・サービス輸出、ユニコーン評価額）の平均順位の比較。順位は小さいほど良い。",
    ),
    "chart_profile": ("Input rank vs output rank", "投入指標の順位と成果指標の順位"),
    "mean_input_rank": ("mean input rank", "投入指標の平均順位"),
    "mean_output_rank": ("mean output rank", "成果指標の平均順位"),
    "rank": ("rank", "順位"),
    "destruction_intro": (
        "Creative-destruction index (firm entry rate + firm exit rate) by year, where the data exists.",
        "創造的破壊指数（企業の参入率＋退出率）の年次推移（データがある国のみ）。",
    ),
    "destruction_none": (
        "No country has firm entry and exit rates in the graph yet.",
        "企業の参入率・退出率のデータを持つ国はまだない。",
    ),
    "chart_destruction": ("Creative-destruction index", "創造的破壊指数"),
    # technology map
    "techmap_intro": (
        "Each bubble is an industry × digital-technology cell: market CAGR against market size, sized by "
        "market size and coloured by the share of its deployments made by Japanese companies (grey: no "
        "deployment). Dashed outlines and † mark illustrative figures.",
        "各バブルは産業×デジタル技術のセル。横軸は市場規模、縦軸は市場の年平均成長率（CAGR）、大きさは市場規模、"
        "色は日本企業による展開の割合（灰色は展開なし）。破線と † は例示の数値を示す。",
    ),
    "chart_techmap": ("Technology map", "技術マップ"),
    "cagr": ("CAGR (%)", "年平均成長率（%）"),
    "market_size": ("market size (USD)", "市場規模（米ドル）"),
    "japanese_share": ("Japanese deployment share", "日本企業の展開割合"),
    "industry": ("industry", "産業"),
    "digital_technology": ("digital technology", "デジタル技術"),
    "technologies": ("technologies", "技術数"),
    "deployments": ("deployments", "展開数"),
    "gap_count": ("gaps", "ギャップ数"),
    # tables
    "t_profile": ("Innovation profiles", "イノベーション・プロファイル"),
    "t_destruction": ("Creative destruction", "創造的破壊指数"),
    "t_techmap": ("Technology map cells", "技術マップのセル"),
    "t_commercialisation": ("Commercialisation gaps", "事業化ギャップ"),
    "t_partnership": ("Partnership gaps", "パートナーシップ・ギャップ"),
    "t_brokers": ("Brokers", "ブローカー"),
    "t_communities": ("Communities", "コミュニティ"),
    "t_changes": ("Changes", "変化"),
    "t_contributors": ("Contributors", "提供者"),
    "t_sources": ("Sources", "出典"),
    "t_illustrative": ("Illustrative figures", "例示の数値"),
    "c_rank": ("#", "順位"),
    "c_name": ("name", "名称"),
    "c_country": ("country", "国"),
    "c_region": ("region", "地域"),
    "c_year": ("year", "年"),
    "c_gap": ("gap", "差"),
    "c_score": ("score", "スコア"),
    "c_strength": ("strength", "強み"),
    "c_deployment": ("deployment", "展開"),
    "c_market": ("market", "市場"),
    "c_readiness": ("readiness", "成熟度"),
    "c_patents": ("patents", "特許"),
    "c_publications": ("publications", "論文"),
    "c_trl": ("TRL", "TRL"),
    "c_evidence": ("evidence", "根拠"),
    "c_illustrative": ("illustrative", "例示"),
    "c_institution": ("institution", "機関"),
    "c_field": ("field", "分野"),
    "c_breadth": ("breadth", "広がり"),
    "c_interest": ("Japanese interest", "日本の関心"),
    "c_partners": ("recommended Japanese partners and reasons", "推奨する日本の連携先と理由"),
    "c_kind": ("kind", "種別"),
    "c_betweenness": ("betweenness", "媒介中心性"),
    "c_constraint": ("constraint", "制約度"),
    "c_regions_bridged": ("regions bridged", "橋渡しする地域"),
    "c_community": ("community", "コミュニティ"),
    "c_size": ("size", "規模"),
    "c_fields": ("dominant fields", "主な分野"),
    "c_regions": ("dominant regions", "主な地域"),
    "c_members": ("best-connected members", "つながりの多いメンバー"),
    "c_entry": ("entry rate", "参入率"),
    "c_exit": ("exit rate", "退出率"),
    "c_index": ("index", "指数"),
    "c_change": ("change", "変化"),
    "c_item": ("item", "項目"),
    "c_before": ("before", "前回"),
    "c_after": ("now", "今回"),
    "c_contributor": ("contributed by", "提供者"),
    "c_nodes": ("nodes", "ノード"),
    "c_relationships": ("relationships", "関係"),
    "c_illustrative_count": ("illustrative", "例示"),
    "c_latest": ("latest update", "最終更新"),
    "c_source": ("source", "出典"),
    "c_uses": ("uses", "件数"),
    # commercialisation and partnership sections
    "commercialisation_intro": (
        "Technologies with strong patents, publications or research but weak Japanese deployment; "
        "score = strength × (1 − deployment) × (0.5 + 0.5 market) × (0.5 + 0.5 readiness).",
        "特許・論文・研究は強いが日本での展開が弱い技術。"
        "スコア＝強み×（1−展開）×（0.5＋0.5 市場）×（0.5＋0.5 成熟度）。",
    ),
    "partnership_intro": (
        "World-class foreign institutions (STRONG_IN at least {min_score}) with no active partnership with "
        "a Japanese company, grouped by region and institution, each with the Japanese companies best placed "
        "to partner and what they share; score = strength × (0.5 + 0.25 breadth + 0.25 Japanese interest).",
        "世界トップ水準（STRONG_IN {min_score} 以上）でありながら日本企業との有効な連携がない"
        "海外機関を、地域・機関別に示す。各行に連携に最適な日本企業と共有する分野・技術を付す。"
        "スコア＝強み×（0.5＋0.25 広がり＋0.25 日本の関心）。",
    ),
    "partner_reason": ("{company}: {shared}", "{company}：{shared}"),
    "brokers_intro": (
        "Actors that bridge regions and communities (betweenness; low constraint means the actor spans "
        "structural holes), then the communities they bridge.",
        "地域やコミュニティを橋渡しする主体（媒介中心性。制約度が低いほど構造的空隙をまたぐ）と、そのコミュニティ。",
    ),
    # changes
    "changes_intro": (
        "Compared with the report of graph version {version} (generated {generated}).",
        "グラフ版数 {version} の報告書（{generated} 作成）との比較。",
    ),
    "changes_none": (
        "No baseline: pass --since-version N or --since FILE (a previous report) to list what changed.",
        "比較対象なし：変化を示すには --since-version N または --since FILE（前回の報告書）を指定する。",
    ),
    "changes_nothing": ("Nothing changed since then.", "前回から変化はない。"),
    "change_new_gap": ("new gap", "新たなギャップ"),
    "change_closed_gap": ("closed gap", "解消したギャップ"),
    "change_moved_gap": ("moved gap", "順位が動いたギャップ"),
    "change_new_case_study": ("new case study", "新たな事例"),
    "change_new_partnership": ("new partnership", "新たな連携"),
    "change_partnership_status": ("partnership status changed", "連携の状況が変化"),
    "changes_summary": (
        "{new} new, {closed} closed and {moved} moved gaps; {cases} new case studies and {partnerships} "
        "new or changed partnerships.",
        "新たなギャップ {new} 件、解消 {closed} 件、順位変動 {moved} 件。"
        "新たな事例 {cases} 件、新規または状況が変わった連携 {partnerships} 件。",
    ),
    "kind_partnership_gap": ("partnership gap", "パートナーシップ・ギャップ"),
    "kind_commercialisation_gap": ("commercialisation gap", "事業化ギャップ"),
    # provenance
    "provenance_intro": (
        "Every fact in the graph carries its source, who contributed it and whether it is illustrative. "
        "{illustrative} of {total} nodes are illustrative; the newest update is {latest}.",
        "グラフのすべての事実は出典、提供者、例示かどうかを持つ。"
        "ノード {total} 件のうち {illustrative} 件が例示。"
        "最終更新は {latest}。",
    ),
    "provenance_unknown_date": ("not recorded", "記録なし"),
    "illustrative_list_intro": (
        "Figures in this report that are illustrative (invented sample data):",
        "本報告書で例示（架空のサンプルデータ）の数値：",
    ),
    "contributor_government": ("government", "政府"),
    "contributor_academia": ("academia", "学術機関"),
    "contributor_company": ("company", "企業"),
    "contributor_secretariat": ("secretariat", "事務局"),
    "contributor_unknown": ("not recorded", "記録なし"),
    # regions
    "region_japan": ("Japan", "日本"),
    "region_north_america": ("North America", "北米"),
    "region_europe": ("Europe", "欧州"),
    "region_middle_east": ("Middle East", "中東"),
    "region_asia": ("Asia", "アジア"),
    "region_global_south": ("Global South", "グローバルサウス"),
    "region_global": ("Global", "グローバル"),
    "region_unknown": ("region not recorded", "地域不明"),
    # relationship types in evidence paths
    "rel_STRONG_IN": ("is strong in", "が強い分野："),
    "rel_COVERS": ("covers", "が含む技術："),
    "rel_DEVELOPS": ("develops", "が開発："),
    "rel_USES": ("uses", "が利用："),
    "rel_DEPLOYED_BY": ("deployed by", "の展開企業："),
    "rel_IN_SEGMENT": ("in segment", "の市場区分："),
    "rel_PARTY": ("has party", "の当事者："),
    "rel_AFFILIATED_WITH": ("affiliated with", "の所属："),
    "rel_EXPERT_IN": ("expert in", "の専門："),
    "rel_LOCATED_IN": ("located in", "の所在："),
    "rel_INVESTS_IN": ("invests in", "の投資先："),
    "rel_ENABLES": ("enables", "が可能にする："),
    "rel_PROVEN_BY": ("proven by", "の実証事例："),
    "rel_SUBFIELD_OF": ("subfield of", "の上位分野："),
}


def text(lang: Lang | str, key: str, **values: Any) -> str:
    """The message ``key`` in ``lang``, with ``values`` filled in.

    Parameters
    ----------
    lang : Lang or str
        ``"ja"`` or ``"en"``.
    key : str
        A key of :data:`MESSAGES`.
    **values
        The placeholders of the message.

    Returns
    -------
    str
        The filled message. Cost: O(length of the message).

    Examples
    --------
    >>> text("ja", "title")
    'パートナーシップ・ギャップ報告書'
    >>> text("en", "filter_region", value="asia")
    'region asia'
    """
    english, japanese = MESSAGES[key]
    template = japanese if Lang(lang) is Lang.JA else english
    return template.format(**values) if values else template
