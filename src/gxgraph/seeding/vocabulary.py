"""Static vocabulary of the synthetic graphs: countries and regions, industries, digital technologies.

Also the English and Japanese name stems of each node kind, revenue models and job titles. These
tables are data only; :mod:`gxgraph.seeding.synthetic` draws from them. The order of the tuples
matters: the generator indexes them, so reordering one changes every synthetic graph.

Examples
--------
>>> len(INDUSTRIES) * len(DIGITAL_TECHNOLOGIES)  # the industry x digital-technology cells
80
>>> COUNTRIES[0][:3], COUNTRIES[0][3].value
(('JP', 'Japan', '日本'), 'japan')
"""

from __future__ import annotations

from gxgraph.domain.kinds import NodeKind, Region

__all__ = [
    "COUNTRIES",
    "DIGITAL_JA",
    "DIGITAL_TECHNOLOGIES",
    "GREEN_INDUSTRIES",
    "INDUSTRIES",
    "INDUSTRIES_JA",
    "NAME_STEMS",
    "REVENUE_MODELS",
    "TITLES",
]

K = NodeKind

# fmt: off
INDUSTRIES = ("energy", "manufacturing", "mobility", "healthcare", "finance",
              "education", "agriculture", "buildings", "materials", "logistics")
INDUSTRIES_JA = ("エネルギー", "製造", "モビリティ", "ヘルスケア", "金融",
                 "教育", "農業", "建築", "素材", "物流")
DIGITAL_TECHNOLOGIES = ("ai", "iot_5g", "blockchain", "quantum", "cybersecurity",
                        "digital_twin", "cloud_data", "robotics")
DIGITAL_JA = ("AI", "IoT・5G", "ブロックチェーン", "量子", "サイバーセキュリティ",
              "デジタルツイン", "クラウド・データ", "ロボティクス")
# fmt: on
GREEN_INDUSTRIES = frozenset({"energy", "mobility", "agriculture", "buildings", "materials"})
"""Industries of the green transformation; their technologies lean towards GX."""

# fmt: off
_J, _NA, _EU, _ME, _AS, _GS = (Region.JAPAN, Region.NORTH_AMERICA, Region.EUROPE,
                               Region.MIDDLE_EAST, Region.ASIA, Region.GLOBAL_SOUTH)
COUNTRIES: tuple[tuple[str, str, str, Region], ...] = (
    ("JP", "Japan", "日本", _J), ("US", "United States", "米国", _NA),
    ("CN", "China", "中国", _AS), ("DE", "Germany", "ドイツ", _EU),
    ("GB", "United Kingdom", "英国", _EU), ("KR", "South Korea", "韓国", _AS),
    ("FR", "France", "フランス", _EU), ("CH", "Switzerland", "スイス", _EU),
    ("SE", "Sweden", "スウェーデン", _EU), ("NL", "Netherlands", "オランダ", _EU),
    ("SG", "Singapore", "シンガポール", _AS), ("IL", "Israel", "イスラエル", _ME),
    ("CA", "Canada", "カナダ", _NA), ("FI", "Finland", "フィンランド", _EU),
    ("DK", "Denmark", "デンマーク", _EU), ("TW", "Taiwan", "台湾", _AS),
    ("IN", "India", "インド", _GS), ("AU", "Australia", "オーストラリア", _AS),
    ("IT", "Italy", "イタリア", _EU), ("ES", "Spain", "スペイン", _EU),
    ("NO", "Norway", "ノルウェー", _EU), ("EE", "Estonia", "エストニア", _EU),
    ("AE", "United Arab Emirates", "アラブ首長国連邦", _ME), ("SA", "Saudi Arabia", "サウジアラビア", _ME),
    ("BR", "Brazil", "ブラジル", _GS), ("ID", "Indonesia", "インドネシア", _GS),
    ("VN", "Viet Nam", "ベトナム", _GS), ("MY", "Malaysia", "マレーシア", _AS),
    ("TH", "Thailand", "タイ", _AS), ("PH", "Philippines", "フィリピン", _GS),
    ("MX", "Mexico", "メキシコ", _GS), ("CL", "Chile", "チリ", _GS),
    ("AR", "Argentina", "アルゼンチン", _GS), ("CO", "Colombia", "コロンビア", _GS),
    ("ZA", "South Africa", "南アフリカ", _GS), ("KE", "Kenya", "ケニア", _GS),
    ("NG", "Nigeria", "ナイジェリア", _GS), ("EG", "Egypt", "エジプト", _GS),
    ("RW", "Rwanda", "ルワンダ", _GS), ("BD", "Bangladesh", "バングラデシュ", _GS),
)
# fmt: on
"""ISO code, English and Japanese names, region; JP first, the rest in rough innovation order,
which is also the power-law rank that places non-Japanese organisations."""

# fmt: off
NAME_STEMS: dict[NodeKind, tuple[str, str]] = {
    K.INSTITUTION: ("Synthetic Institution", "合成研究機関"), K.FIELD: ("Synthetic Field", "合成研究分野"),
    K.TECHNOLOGY: ("Synthetic Technology", "合成技術"), K.CASE_STUDY: ("Synthetic Case Study", "合成事例"),
    K.BUSINESS_MODEL: ("Synthetic Business Model", "合成ビジネスモデル"),
    K.COMPANY: ("Synthetic Company", "合成企業"), K.INVESTOR: ("Synthetic Investor", "合成投資家"),
    K.EXPERT: ("Synthetic Expert", "合成専門家"), K.PARTNERSHIP: ("Synthetic Partnership", "合成連携"),
}
"""Node kind -> English and Japanese name stems; a node's names add its number ("Synthetic Company 7")."""
REVENUE_MODELS = ("subscription", "licensing", "pay_per_use", "hardware_sales", "platform_fee",
                  "service_contract", "carbon_credits", "data_monetisation")
TITLES = ("Professor", "Associate Professor", "Senior Researcher", "Research Scientist", "CTO",
          "Principal Engineer", "Director of R&D", "Programme Manager")
# fmt: on
