"""The explorer's one message catalogue: every text a page shows, in English and Japanese.

Templates and scripts ask for a message by key (``t("nav.search")``); kinds, relationship types and
regions have keys of their own (``kind.company``, ``rel.DEVELOPS``, ``region.europe``) so the same
vocabulary reads the same on every page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

Language = Literal["en", "ja"]
LANGUAGES: tuple[Language, ...] = ("en", "ja")

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (English, Japanese)
    "app.title": ("gxgraph explorer", "gxgraph エクスプローラー"),
    "app.tagline": (
        "Who knows what, who commercialises it, and where the gaps are.",
        "誰が何を知り、誰が事業化し、どこにギャップがあるか。",
    ),
    "nav.home": ("Home", "ホーム"),
    "nav.search": ("Search", "検索"),
    "nav.paths": ("Path finder", "経路探索"),
    "nav.commercialisation": ("Commercialisation gaps", "事業化ギャップ"),
    "nav.partnerships": ("Partnership gaps", "連携ギャップ"),
    "nav.who_knows": ("Who knows what", "誰が何を知るか"),
    "nav.technology_map": ("Technology map", "技術マップ"),
    "nav.structure": ("Brokers & communities", "ブローカーとコミュニティ"),
    "nav.countries": ("Country profiles", "国別イノベーション・プロファイル"),
    "nav.partner_matrix": ("Partner selection", "パートナー選定"),
    "matrix.intro": (
        "The report's criteria: a partner must be world-class both in science and in converting it into "
        "business. Every foreign institution of the field is placed on both axes; the actionable list is "
        "the partner-now quadrant without an active partnership that transfers know-how structurally.",
        "報告書の基準：パートナーは科学技術とビジネスへの転用の両方で世界トップクラスであること。"
        "分野の海外機関を両軸に配置し、ノウハウを構造的に獲得する有効な連携がない「今すぐ連携」象限を"
        "行動リストとして示す。",
    ),
    "matrix.field": ("Field", "分野"),
    "matrix.all_fields": ("All fields (best STRONG_IN)", "全分野（最高の STRONG_IN）"),
    "matrix.science": ("Science", "科学技術"),
    "matrix.commercialisation": ("Commercialisation", "事業化"),
    "matrix.quadrant": ("Quadrant", "象限"),
    "matrix.quadrant.partner_now": ("Partner now", "今すぐ連携"),
    "matrix.quadrant.science_only": ("Science only", "科学技術のみ"),
    "matrix.quadrant.business_only": ("Business only", "事業化のみ"),
    "matrix.quadrant.neither": ("Neither", "いずれもなし"),
    "matrix.partnered": ("Active Japanese partner", "日本との有効な連携"),
    "matrix.know_how": ("Transfers know-how", "ノウハウ移転"),
    "matrix.actionable": ("Actionable: whom to approach", "行動リスト：働きかける相手"),
    "matrix.none_actionable": ("No institution is actionable here.", "該当する機関はありません。"),
    "matrix.points": ("Every candidate", "全候補"),
    "nav.reports": ("Reports", "レポート"),
    "nav.api_docs": ("API docs", "API ドキュメント"),
    "nav.skip": ("Skip to content", "本文へ移動"),
    "nav.main": ("Main navigation", "メインナビゲーション"),
    "lang.switch": ("日本語", "English"),
    "lang.switch_label": ("Switch to Japanese", "英語に切り替える"),
    "auth.sign_in": ("Sign in", "サインイン"),
    "auth.sign_out": ("Sign out", "サインアウト"),
    "auth.api_key": ("API key", "API キー"),
    "auth.key_help": (
        "Paste your API key once; the browser then keeps a session cookie instead of the key. "
        "On a local install, `gxgraph keys dev` prints one.",
        "API キーを一度貼り付けてください。以降はキーではなくセッション Cookie を使います。"
        "ローカル環境では `gxgraph keys dev` で表示できます。",
    ),
    "auth.signed_in_as": ("Signed in: {name} ({role})", "サインイン中: {name}（{role}）"),
    "auth.anonymous": ("Demo access ({role}), no key", "デモ閲覧（{role}）・キーなし"),
    "auth.invalid": ("That API key is not valid.", "この API キーは無効です。"),
    "auth.needs_role": (
        "This view needs the {role} role. Sign in with a key that has it.",
        "この画面には {role} 権限が必要です。その権限を持つキーでサインインしてください。",
    ),
    "home.questions": ("Start with a question", "質問から始める"),
    "home.q_cyber": (
        "Who knows cybersecurity, and how do we get introduced?",
        "サイバーセキュリティに詳しいのは誰か、どうすれば紹介してもらえるか？",
    ),
    "home.q_gaps": (
        "Which strong Japanese technologies are not deployed?",
        "日本が強いのに実装されていない技術はどれか？",
    ),
    "home.q_partners": (
        "Which world-class institutions have no Japanese partner?",
        "日本企業の連携先がない世界トップ機関はどこか？",
    ),
    "home.q_map": ("Where are the growing markets and the gaps?", "成長市場とギャップはどこにあるか？"),
    "home.stats": ("The graph", "グラフの規模"),
    "home.nodes": ("nodes", "ノード"),
    "home.relationships": ("relationships", "リレーション"),
    "search.label": ("Search every kind, in English or Japanese", "すべての種類を英語・日本語で検索"),
    "search.placeholder": ("e.g. cybersecurity, 量子, hydrogen", "例: サイバーセキュリティ、quantum、水素"),
    "search.button": ("Search", "検索"),
    "search.results": ("Results for “{q}”", "「{q}」の検索結果"),
    "search.none": ("Nothing matches “{q}”.", "「{q}」に一致するものはありません。"),
    "search.suggestions": ("Suggestions", "候補"),
    "node.properties": ("Properties", "プロパティ"),
    "node.provenance": ("Provenance", "出典情報"),
    "node.source": ("Source", "出典"),
    "node.contributed_by": ("Contributed by", "提供元"),
    "node.confidence": ("Confidence", "確からしさ"),
    "node.updated": ("Updated", "更新日時"),
    "node.relationships": ("Relationships", "リレーション"),
    "node.neighbourhood": ("Neighbourhood", "近傍グラフ"),
    "node.graph_help": (
        "Click a node to expand it, double-click (or Enter on a list item) to open it; drag to move, "
        "scroll to zoom. Every node in the graph is also listed under Relationships.",
        "ノードをクリックで展開、ダブルクリックで開きます。ドラッグで移動、スクロールで拡大縮小。"
        "グラフのノードはすべて「リレーション」にも一覧されています。",
    ),
    "node.depth": ("Depth", "深さ"),
    "node.kind_filter": ("Kinds shown", "表示する種類"),
    "node.rel_filter": ("Relationship types followed", "たどるリレーション"),
    "node.apply": ("Apply", "適用"),
    "node.all": ("all", "すべて"),
    "node.outgoing": ("outgoing", "出"),
    "node.incoming": ("incoming", "入"),
    "node.truncated": ("Limits cut the neighbourhood short.", "上限により近傍が途中で打ち切られました。"),
    "node.indicators": ("Indicators", "指標"),
    "node.find_path_from": ("Find a path from here", "ここから経路を探す"),
    "illustrative.mark": ("illustrative", "例示値"),
    "illustrative.help": (
        "An invented figure for illustration, not a sourced fact.",
        "説明用に作成した値で、出典のある事実ではありません。",
    ),
    "paths.from": ("From", "出発"),
    "paths.to": ("To", "到着"),
    "paths.max_hops": ("Most hops", "最大ホップ数"),
    "paths.find": ("Find paths", "経路を探す"),
    "paths.none": ("No path within {hops} hops.", "{hops} ホップ以内に経路はありません。"),
    "paths.found": (
        "{count} shortest path(s), {length} hop(s) each",
        "最短経路 {count} 本（各 {length} ホップ）",
    ),
    "paths.path": ("Path {n}", "経路 {n}"),
    "paths.pick": ("Pick both ends with the search boxes.", "検索ボックスで両端を選んでください。"),
    "table.score": ("Score", "スコア"),
    "table.name": ("Name", "名称"),
    "table.details": ("Details", "詳細"),
    "table.show": ("Show score components and evidence", "スコアの内訳と根拠を表示"),
    "table.components": ("Score components", "スコアの内訳"),
    "table.evidence": ("Evidence paths", "根拠となる経路"),
    "table.sort_by": ("Sort by {column}", "{column}で並べ替え"),
    "filter.apply": ("Apply filters", "絞り込む"),
    "filter.reset": ("Reset", "リセット"),
    "filter.any": ("any", "指定なし"),
    "gaps.perspective": ("Perspective", "観点"),
    "gaps.perspective.japan": ("Japan", "日本"),
    "gaps.perspective.global": ("Global", "世界"),
    "gaps.domain": ("Domain", "領域"),
    "gaps.industry": ("Industry", "産業"),
    "gaps.digital_technology": ("Digital technology", "デジタル技術"),
    "gaps.min_trl": ("Least TRL", "最小 TRL"),
    "gaps.country": ("Developer country (ISO)", "開発者の国（ISO）"),
    "gaps.trl": ("TRL", "TRL"),
    "gaps.patents": ("Patents", "特許"),
    "gaps.publications": ("Publications", "論文"),
    "gaps.deployments": ("Deployments", "実装事例"),
    "gaps.intro": (
        "Technologies with strong patents, publications or research but weak deployment. "
        "score = strength × (1 − deployment) × (0.5 + 0.5 market) × (0.5 + 0.5 readiness).",
        "特許・論文・研究は強いが実装が弱い技術。"
        "スコア = 強さ × (1 − 実装) × (0.5 + 0.5 市場) × (0.5 + 0.5 成熟度)。",
    ),
    "partners.intro": (
        "World-class foreign institutions with no active partnership with a Japanese company, by region, "
        "with the Japanese companies best placed to partner and why.",
        "日本企業と有効な連携のない世界トップクラスの海外機関を地域別に示し、"
        "連携に最適な日本企業とその理由を挙げます。",
    ),
    "partners.region": ("Region", "地域"),
    "partners.min_score": ("World-class from (STRONG_IN score)", "世界トップの基準（STRONG_IN スコア）"),
    "partners.field": ("Field", "分野"),
    "partners.recommended": ("Recommended Japanese partners", "推奨される日本の連携先"),
    "partners.because": ("shared", "共通点"),
    "partners.none": ("No gaps with these filters.", "この条件ではギャップはありません。"),
    "who.intro": (
        "Institutions, experts and companies ranked by evidence, with the warmest introduction path "
        "from your company.",
        "根拠に基づいて機関・専門家・企業を順位付けし、自社からの最も温かい紹介経路を示します。",
    ),
    "who.topic": ("Topic (English or Japanese)", "テーマ（英語または日本語）"),
    "who.from": ("Introduce from (a Japanese company)", "紹介元（日本企業）"),
    "who.ask": ("Ask", "調べる"),
    "who.targets": ("Topics matched", "該当したテーマ"),
    "who.introduction": ("Warm introduction", "紹介経路"),
    "who.show_intro": ("Draw this introduction", "この紹介経路を描く"),
    "who.no_intro": ("No introduction path within reach.", "到達可能な紹介経路はありません。"),
    "who.hops": ("{hops} hop(s)", "{hops} ホップ"),
    "map.intro": (
        "Industry × digital technology. Bubble size: market size; colour: CAGR. Hover a cell for its "
        "figures, click it to list its technologies.",
        "産業 × デジタル技術。円の大きさは市場規模、色は年平均成長率（CAGR）。"
        "セルにカーソルを合わせると数値、クリックすると技術一覧を表示します。",
    ),
    "map.cagr": ("CAGR %", "CAGR（%）"),
    "map.size": ("Market size (USD)", "市場規模（USD）"),
    "map.technologies": ("Technologies", "技術"),
    "map.gaps": ("Gaps", "ギャップ"),
    "map.japanese_share": ("Japanese share of deployments", "実装に占める日本の割合"),
    "map.cell": ("Cell", "セル"),
    "map.cell_technologies": ("Technologies in {cell}", "{cell}の技術"),
    "map.gap": ("gap", "ギャップ"),
    "map.table": ("Every cell", "全セル"),
    "map.illustrative_note": (
        "CAGR and market sizes in the sample are illustrative figures.",
        "サンプルの CAGR と市場規模は例示値です。",
    ),
    "structure.brokers": ("Brokers", "ブローカー"),
    "structure.brokers_intro": (
        "Actors that join otherwise distant parts of the network (betweenness, regions bridged).",
        "離れたネットワークをつなぐ主体（媒介中心性、橋渡しする地域）。",
    ),
    "structure.regions_bridged": ("Regions bridged", "橋渡しする地域"),
    "structure.communities": ("Communities", "コミュニティ"),
    "structure.size": ("Members", "メンバー数"),
    "structure.dominant_fields": ("Dominant fields", "主要分野"),
    "structure.dominant_regions": ("Dominant regions", "主要地域"),
    "structure.top_members": ("Best-connected members", "つながりの多いメンバー"),
    "countries.intro": (
        "Input ranks (R&D, patents, IP receipts) against output ranks (ICT exports, productivity "
        "growth, creative exports, unicorns) and their gap.",
        "投入指標の順位（研究開発、特許、知財収入）と成果指標の順位（ICT サービス輸出、労働生産性の伸び、"
        "創造的サービス輸出、ユニコーン）とのギャップ。",
    ),
    "countries.country": ("Country", "国"),
    "countries.year": ("Year", "年"),
    "countries.mean_input": ("Mean input rank", "投入順位の平均"),
    "countries.mean_output": ("Mean output rank", "成果順位の平均"),
    "countries.gap": ("Gap", "ギャップ"),
    "countries.inputs": ("Inputs", "投入"),
    "countries.outputs": ("Outputs", "成果"),
    "countries.indicator": ("Indicator", "指標"),
    "countries.rank": ("Rank", "順位"),
    "countries.value": ("Value", "値"),
    "countries.creative_destruction": (
        "Creative destruction (entry + exit rate)",
        "創造的破壊（参入率＋退出率）",
    ),
    "countries.missing": ("No rank that year", "当該年の順位なし"),
    "reports.intro": ("Generate a report and download it.", "レポートを作成してダウンロードします。"),
    "reports.generate": ("Generate and download", "作成してダウンロード"),
    "reports.kind": ("Report", "レポート"),
    "reports.format": ("Format", "形式"),
    "reports.language": ("Report language", "レポートの言語"),
    "reports.partnership_gaps": ("Partnership and commercialisation gaps", "連携ギャップと事業化ギャップ"),
    "reports.queued": ("Queued…", "待機中…"),
    "reports.running": ("Writing the report: {step}", "レポート作成中: {step}"),
    "reports.done": ("Ready: {name}", "完成: {name}"),
    "reports.failed": ("The report failed: {message}", "レポートの作成に失敗しました: {message}"),
    "reports.download": ("Download {name}", "{name} をダウンロード"),
    "error.title": ("Something went wrong", "エラーが発生しました"),
    "error.not_found": ("Not found", "見つかりません"),
    "common.version": ("graph version {version}", "グラフ版 {version}"),
    "common.computed": ("computed in {ms} ms", "計算時間 {ms} ms"),
    "common.open": ("Open", "開く"),
    "common.loading": ("Loading…", "読み込み中…"),
    "common.none": ("—", "—"),
    "kind.institution": ("Institution", "機関"),
    "kind.field": ("Field", "分野"),
    "kind.technology": ("Technology", "技術"),
    "kind.business_model": ("Business model", "ビジネスモデル"),
    "kind.case_study": ("Case study", "事例"),
    "kind.company": ("Company", "企業"),
    "kind.investor": ("Investor", "投資家"),
    "kind.expert": ("Expert", "専門家"),
    "kind.partnership": ("Partnership", "連携"),
    "kind.country": ("Country", "国"),
    "kind.market_segment": ("Market segment", "市場セグメント"),
    "region.japan": ("Japan", "日本"),
    "region.north_america": ("North America", "北米"),
    "region.europe": ("Europe", "欧州"),
    "region.middle_east": ("Middle East", "中東"),
    "region.asia": ("Asia", "アジア"),
    "region.global_south": ("Global South", "グローバルサウス"),
    "region.global": ("Global", "グローバル"),
    "role.viewer": ("viewer", "閲覧者"),
    "role.analyst": ("analyst", "アナリスト"),
    "role.secretariat": ("secretariat", "事務局"),
    "role.admin": ("admin", "管理者"),
}


def translate(language: Language, key: str, **values: object) -> str:
    """The message ``key`` in ``language``, with ``{name}`` placeholders filled; the key when unknown
    (so a missing message shows up on the page rather than as an error)."""
    pair = MESSAGES.get(key)
    text = key if pair is None else pair[LANGUAGES.index(language)]
    return text.format(**values) if values else text


def translator(language: Language) -> Callable[..., str]:
    """``translate`` bound to one language, for templates (``t("nav.search")``)."""

    def t(key: str, **values: object) -> str:
        return translate(language, key, **values)

    return t
