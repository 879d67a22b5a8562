"""Build ``seeds/sample.jsonl``: the curated, bilingual sample ecosystem of the GX2040 report.

Run ``python seeds/build_sample.py`` to rewrite the file, or ``--check`` to fail when it is stale.
Every row is validated against the domain models, the endpoint kinds of ``REL_ENDPOINTS`` and
uniqueness before anything is written; any problem exits with status 1.

Source: GX2040 Leaders Panel, "新しいイノベーション・エコシステムの必要性" (July 2024). Pages are the
slide order of the text: p.2 summary, p.3 creative destruction, p.4 Japan in the GII 2023, p.5 success
cases, p.6 partner institutions and selection criteria, p.7 partnership diagram, p.8 technology map.

Honesty rules, enforced in ``validate``:

* a row is ``illustrative`` exactly when its source starts with ``"illustrative:"``; every invented
  entity or figure (sample companies, patents, TRLs, CAGRs, valuations, dates, scores) is illustrative;
* the report names no partner institutions, so they appear as archetypes; real companies appear only
  where the report names them (Toyota, Apple, GAFA, BATH) and carry no invented figures;
* STRONG_IN scores of report-cited strengths encode the report's wording on a fixed scale (see SCALE).

Deliberate patterns (tests pin these ids):

1. commercialisation gap: GAP_TECHS have >= 150 patents from Japanese developers, no case study
   deployed by a Japanese company, and foreign deployments; COMMERCIALISED_TECHS are the contrast;
2. world-class fields without a Japanese partner: the Middle-East authority (cybersecurity, venture
   creation), the Asian incubator network (quantum, fintech, edtech, 5G) and the European network
   (biochemistry, medicine, CS) have no *active* partnership that includes a Japanese company;
3. active partnerships: the company coalition, the US university ecosystem, the US AI ecosystem and the
   Indonesian replication; proposed replications in India, Kenya and Viet Nam;
4. experts: EXPERT_IN + AFFILIATED_WITH answer "who knows what" (cybersecurity -> exp-me-01, exp-me-02);
5. brokers: the secretariat and the international organisations join regions through partnerships.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import Node
from gxgraph.domain.relationships import Relationship
from gxgraph.domain.schema import REL_ENDPOINTS

Row = dict[str, Any]
OUT = Path(__file__).with_name("sample.jsonl")

REPORT = "GX2040 Leaders Panel report (2024-07)"
GII = f"WIPO Global Innovation Index 2023, as quoted in {REPORT}, p.4"
SAMPLE = "illustrative: secretariat sample data, not a sourced figure"
TAXONOMY = "secretariat taxonomy: a classification, not a figure and not from the report"
GENERAL = "general knowledge: headquarters country (no figures attached)"
ISO = "ISO 3166-1 country; region grouping by the secretariat"
SOURCED = (REPORT, GII, TAXONOMY, GENERAL, ISO)

# STRONG_IN scale for strengths the report states in words (p.6).
SCALE = {"world_leading": 0.95, "leading_edge": 0.9, "ahead": 0.85, "strength": 0.8}

INDUSTRIES = {
    "energy": "エネルギー", "manufacturing": "製造", "mobility": "モビリティ", "healthcare": "ヘルスケア",
    "finance": "金融", "education": "教育", "agriculture": "農業", "buildings": "建築・不動産",
}
DIGITAL = {
    "ai": ("AI", "AI"), "iot_5g": ("IoT/5G", "IoT・5G"), "blockchain": ("Blockchain", "ブロックチェーン"),
    "quantum": ("Quantum", "量子"), "cybersecurity": ("Cybersecurity", "サイバーセキュリティ"),
    "digital_twin": ("Digital twin", "デジタルツイン"), "cloud_data": ("Cloud & data", "クラウド・データ"),
}

GAP_TECHS = (
    "tech-perovskite-pv", "tech-solid-state-battery", "tech-green-hydrogen-electrolysis",
    "tech-battery-materials", "tech-ai-materials-discovery", "tech-factory-digital-twin",
)
COMMERCIALISED_TECHS = (
    "tech-fuel-cell-vehicles", "tech-heat-pumps", "tech-carbon-fibre", "tech-sic-power-semiconductors",
    "tech-collaborative-robots",
)

# Who contributes an illustrative row, by node kind or relationship type (cited rows: the secretariat).
CONTRIBUTOR = {
    "institution": "academia", "expert": "academia", "field": "academia", "STRONG_IN": "academia",
    "EXPERT_IN": "academia", "AFFILIATED_WITH": "academia", "company": "company", "case_study": "company",
    "investor": "company", "DEVELOPS": "company", "DEPLOYED_BY": "company", "USES": "company",
    "INVESTS_IN": "company", "country": "government",
}


def cite(page: int, what: str) -> str:
    """A citation of the report: ``GX2040 Leaders Panel report (2024-07), p.6: what``."""
    return f"{REPORT}, p.{page}: {what}"


# --- countries: (iso, English, Japanese, region, page naming it or 0) --------------------------------
COUNTRIES = [
    ("jp", "Japan", "日本", "japan", 4), ("us", "United States", "アメリカ合衆国", "north_america", 6),
    ("gb", "United Kingdom", "イギリス", "europe", 6), ("de", "Germany", "ドイツ", "europe", 0),
    ("il", "Israel", "イスラエル", "middle_east", 6), ("cn", "China", "中国", "asia", 6),
    ("kr", "Republic of Korea", "韓国", "asia", 0), ("sg", "Singapore", "シンガポール", "asia", 0),
    ("in", "India", "インド", "global_south", 0), ("br", "Brazil", "ブラジル", "global_south", 0),
    ("id", "Indonesia", "インドネシア", "global_south", 0), ("ke", "Kenya", "ケニア", "global_south", 0),
    ("vn", "Viet Nam", "ベトナム", "global_south", 0), ("za", "South Africa", "南アフリカ", "global_south", 0),
]
JP_GII_2023 = [
    ("rd_investment", 5), ("patents", 3), ("ip_receipts", 1), ("ict_services_exports", 83),
    ("labour_productivity_growth", 111), ("creative_services_exports", 58), ("unicorn_valuation", 46),
]
# Illustrative only: 2023 ranks (R&D, patents, ICT services exports, unicorn valuation) and the firm
# entry / exit rates (% of firms) whose sum is the report's creative-destruction index (p.3).
SAMPLE_RANKS = {
    "us": (3, 6, 12, 1), "gb": (12, 18, 9, 4), "de": (7, 5, 25, 8), "il": (1, 10, 3, 6),
    "cn": (13, 1, 40, 2), "kr": (2, 4, 55, 15), "sg": (20, 25, 5, 9), "in": (50, 30, 2, 7),
    "br": (35, 60, 70, 20), "id": (80, 85, 75, 25), "ke": (70, 90, 30, 45), "vn": (60, 70, 65, 50),
    "za": (55, 65, 50, 40),
}
ENTRY_EXIT = {
    "jp": (4.4, 3.5), "us": (9.5, 8.2), "gb": (12.5, 10.0), "de": (7.5, 7.0), "il": (11.0, 8.5),
    "cn": (13.0, 7.5), "kr": (14.0, 11.0), "sg": (10.5, 8.0), "in": (12.0, 6.5), "br": (13.5, 11.5),
    "id": (11.5, 7.0), "ke": (14.5, 9.5), "vn": (12.5, 8.0), "za": (10.0, 9.0),
}
YEAR_SHIFT = {2019: (0.0, 0.0), 2020: (-1.1, 0.6), 2021: (0.3, -0.2), 2022: (0.2, 0.1), 2023: (-0.4, 0.0)}

# --- institutions ------------------------------------------------------------------------------------
# Cited: (id, English, Japanese, type, country, region, page, what the report says)
CITED_INSTITUTIONS = [
    ("inst-us-east-univ-ecosystem", "US East-Coast University Innovation Ecosystem (Institution 1)",
     "米国東海岸 大学イノベーション・エコシステム（機関①）", "university", "US", "north_america", 6,
     "university-wide ecosystem sharing knowledge and running joint research across computer science, "
     "environmental science, medicine, blockchain and information"),
    ("inst-us-ai-commercialisation", "US AI-Commercialisation Ecosystem (Institution 2)",
     "米国 AI商業化エコシステム（機関②）", "university", "US", "north_america", 6,
     "uses all existing faculty resources to create innovation in existing fields x AI"),
    ("inst-eu-tech-transfer-network", "European Membership Network of Tech-Transfer Professionals",
     "欧州 技術移転プロフェッショナル会員制ネットワーク", "tech_transfer_network", None, "europe", 6,
     "membership industry-academia network of European researchers, inventors and tech-transfer staff; "
     "strengths in biochemistry, medicine and computer science"),
    ("inst-asia-incubator-network", "Asian Business-Incubator Network", "アジアのビジネスインキュベーター"
     "ネットワーク", "incubator_network", None, "asia", 6,
     "open-innovation network of local universities and companies; ahead of the US in some 5G-based "
     "business creation; world-leading in fintech, edtech and quantum computing"),
    ("inst-me-innovation-authority", "Middle-East Innovation Authority", "中東のイノベーション機関"
     "（イノベーション庁）", "innovation_agency", None, "middle_east", 6,
     "innovation authority converting military technology to civil use (AI, autonomous driving, "
     "information security); world-leading in cybersecurity and new-business creation"),
    ("inst-intl-orgs", "International Organisations (archetype)", "国際機関等", "international_org", None,
     "global", 7, "partnerships with other investment bodies and international organisations (国際機関等)"),
    ("inst-jp-government", "Government of Japan (GX/DX departments)", "日本政府（GX/DX関係部局）",
     "government_body", "JP", "japan", 7, "government departments run operations with the secretariat"),
    ("inst-jp-secretariat", "Partnership Secretariat (Japan window)", "外務事務局（日本窓口・事務局）",
     "secretariat", "JP", "japan", 7,
     "a trusted external secretariat is the network's Japan window and runs operations with government"),
]
# Illustrative archetypes: (id, English, Japanese, type, country, region)
SAMPLE_INSTITUTIONS = [
    ("inst-intl-climate-tech-body", "International climate-technology cooperation body (archetype)",
     "国際気候技術協力機関（類型）", "international_org", None, "global"),
    ("inst-intl-south-south-forum", "South-South innovation forum (archetype)", "南南イノベーション・"
     "フォーラム（類型）", "international_org", None, "global"),
    ("inst-jp-univ-a", "Japanese Research University A", "日本の研究大学A", "university", "JP", "japan"),
    ("inst-jp-univ-b", "Japanese Research University B", "日本の研究大学B", "university", "JP", "japan"),
    ("inst-jp-energy-materials", "Japanese National Energy & Materials Institute", "日本の国立エネルギー・"
     "材料研究所", "research_institute", "JP", "japan"),
    ("inst-jp-digital-research", "Japanese Digital Manufacturing Research Institute", "日本のデジタル製造"
     "研究所", "research_institute", "JP", "japan"),
    ("inst-de-applied-research", "German applied-research institute (archetype)", "ドイツの応用研究機関"
     "（類型）", "research_institute", "DE", "europe"),
    ("inst-kr-5g-testbed", "Korean 5G testbed centre (archetype)", "韓国5Gテストベッドセンター（類型）",
     "research_institute", "KR", "asia"),
    ("inst-sg-fintech-sandbox", "Singapore fintech sandbox programme (archetype)", "シンガポール・フィン"
     "テック・サンドボックス（類型）", "innovation_agency", "SG", "asia"),
    ("inst-cn-quantum-lab", "Chinese quantum-information laboratory (archetype)", "中国の量子情報研究所"
     "（類型）", "research_institute", "CN", "asia"),
    ("inst-in-tech-consortium", "Indian technical-university consortium (archetype)", "インド工科系大学"
     "コンソーシアム（類型）", "university", "IN", "global_south"),
    ("inst-br-bioeconomy", "Brazilian bioeconomy research network (archetype)", "ブラジル・バイオエコノ"
     "ミー研究ネットワーク（類型）", "research_institute", "BR", "global_south"),
    ("inst-id-energy-transition", "Indonesian energy-transition institute (archetype)", "インドネシア・"
     "エネルギー転換研究所（類型）", "research_institute", "ID", "global_south"),
    ("inst-ke-digital-hub", "Kenyan digital-innovation hub (archetype)", "ケニア・デジタルイノベーション"
     "ハブ（類型）", "incubator_network", "KE", "global_south"),
    ("inst-vn-tech-incubator", "Vietnamese technology incubator (archetype)", "ベトナム・テクノロジー・"
     "インキュベーター（類型）", "incubator_network", "VN", "global_south"),
    ("inst-za-decarbonisation", "South African mining-decarbonisation centre (archetype)", "南アフリカ"
     "鉱業脱炭素センター（類型）", "research_institute", "ZA", "global_south"),
]
# The report does not place these networks; the host country is an assumption from matching strengths.
ASSUMED_HOME = {
    "inst-eu-tech-transfer-network": ("gb", "UK"), "inst-asia-incubator-network": ("cn", "China"),
    "inst-me-innovation-authority": ("il", "Israel"),
}

# --- fields: (slug, English, Japanese, parent slugs, page naming it or 0) -----------------------------
FIELDS = [
    ("computer-science", "Computer science", "コンピューターサイエンス", "", 6),
    ("information", "Information science", "情報学", "computer-science", 6),
    ("ai", "Artificial intelligence", "人工知能", "computer-science", 6),
    ("blockchain", "Blockchain", "ブロックチェーン", "computer-science", 6),
    ("cybersecurity", "Cybersecurity / information security", "サイバーセキュリティー・情報セキュリティ",
     "computer-science", 6),
    ("quantum-computing", "Quantum computing", "量子コンピューター", "physics computer-science", 6),
    ("5g", "5G communications", "5G通信", "electronic-engineering", 6),
    ("autonomous-driving", "Autonomous driving", "自動運転", "ai", 6),
    ("environmental-science", "Environmental science", "環境科学", "", 7),
    ("engineering", "Engineering", "工学", "", 7),
    ("electronic-engineering", "Electronic engineering", "電子工学", "engineering", 7),
    ("physics", "Physics", "物理学", "", 7), ("chemistry", "Chemistry", "化学", "", 7),
    ("biology", "Biology", "生物学", "", 7), ("medicine", "Medicine", "医学", "", 6),
    ("law", "Law", "法学", "", 7), ("biochemistry", "Biochemistry", "生物化学", "chemistry biology", 6),
    ("business-innovation", "Business & innovation management", "ビジネス・イノベーション経営", "", 0),
    ("venture-creation", "Venture / new-business creation", "ベンチャー・新規事業創出", "business-innovation", 6),
    ("fintech", "Fintech", "フィンテック", "business-innovation computer-science", 6),
    ("edtech", "Edtech", "教育テック", "business-innovation computer-science", 6),
    ("materials-science", "Materials science", "材料科学", "chemistry physics", 0),
    ("electrochemistry", "Electrochemistry", "電気化学", "chemistry", 0),
    ("photovoltaics", "Photovoltaics", "太陽光発電工学", "physics electronic-engineering", 0),
    ("power-systems", "Power systems engineering", "電力システム工学", "electronic-engineering", 0),
    ("iot", "Internet of Things", "IoT（モノのインターネット）", "electronic-engineering computer-science", 0),
    ("robotics", "Robotics", "ロボティクス", "engineering ai", 0),
    ("climate-science", "Climate science", "気候科学", "environmental-science", 0),
    ("carbon-management", "Carbon capture & management", "炭素回収・管理", "environmental-science chemistry", 0),
    ("data-science", "Data science", "データサイエンス", "computer-science", 0),
    ("medical-informatics", "Medical informatics", "医療情報学", "medicine information", 0),
    ("synthetic-biology", "Synthetic biology", "合成生物学", "biology biochemistry", 0),
    ("climate-law", "Climate & carbon-market law", "気候・カーボン市場法", "law", 0),
    ("agricultural-science", "Agricultural science", "農学", "biology environmental-science", 0),
]

# --- technologies --------------------------------------------------------------------------------------
# (slug, English, Japanese, domain, TRL, industry, digital technology or "", covering fields,
#  developers "org-id=patents ...", enabled business models). All figures are illustrative.
TECHNOLOGIES = [
    ("perovskite-pv", "Perovskite photovoltaics", "ペロブスカイト太陽電池", "gx", 6, "energy", "",
     "photovoltaics materials-science", "co-jp-hoshikawa=180 co-jp-kaito=120 inst-jp-univ-a=95 "
     "co-cn-sunrise=60 co-us-helioperov=25", "ppa product-sales"),
    ("green-hydrogen-electrolysis", "Green hydrogen by water electrolysis", "グリーン水素（水電解）", "gx", 7,
     "energy", "", "electrochemistry", "co-jp-minatogawa=150 inst-jp-energy-materials=80 co-de-elektrolyse=60 "
     "co-cn-tianlan=45 inst-de-applied-research=30", "offtake"),
    ("solid-state-battery", "All-solid-state batteries", "全固体電池", "gx", 5, "mobility", "",
     "electrochemistry materials-science", "co-jp-tsubasa=210 inst-jp-energy-materials=110 co-cn-lianxin=70",
     "battery-as-a-service product-sales"),
    ("battery-materials", "Next-generation battery materials", "次世代電池材料", "gx", 7, "mobility", "",
     "materials-science electrochemistry", "co-jp-yamabiko=140 co-jp-kaito=90 co-cn-lianxin=80 "
     "co-us-northbeam=20", "product-sales"),
    ("ccus", "Carbon capture, utilisation and storage (CCUS)", "CO2回収・利用・貯留（CCUS）", "gx", 6,
     "energy", "", "carbon-management chemistry", "co-jp-yamabiko=45 co-za-ukhanyo=20 "
     "inst-za-decarbonisation=15", "carbon-credit-marketplace"),
    ("direct-air-capture", "Direct air capture (DAC)", "直接空気回収（DAC）", "gx", 4, "energy", "",
     "carbon-management climate-science", "inst-us-east-univ-ecosystem=25 co-za-ukhanyo=10",
     "carbon-credit-marketplace"),
    ("ammonia-cofiring", "Ammonia co-firing in thermal power", "アンモニア混焼発電", "gx", 6, "energy", "",
     "chemistry power-systems", "co-jp-shiranami=95 inst-jp-energy-materials=35", "product-sales"),
    ("fuel-cell-vehicles", "Fuel-cell vehicles", "燃料電池自動車", "gx", 8, "mobility", "",
     "electrochemistry engineering", "co-jp-hayate=260 co-jp-akatsuki=30", "product-sales"),
    ("floating-offshore-wind", "Floating offshore wind", "浮体式洋上風力発電", "gx", 6, "energy", "",
     "power-systems engineering", "co-jp-kazamidori=35 inst-de-applied-research=25", "ppa"),
    ("green-steel", "Hydrogen direct-reduction steelmaking", "水素還元製鉄", "gx", 5, "manufacturing", "",
     "materials-science chemistry", "co-jp-tetsurei=85 co-de-elektrolyse=20 inst-de-applied-research=15",
     "product-sales offtake"),
    ("heat-pumps", "High-efficiency heat pumps", "高効率ヒートポンプ", "gx", 9, "buildings", "",
     "engineering", "co-jp-yukimura=190 co-jp-irodori=20", "energy-as-a-service product-sales"),
    ("sustainable-aviation-fuel", "Sustainable aviation fuel (SAF)", "持続可能な航空燃料（SAF）", "gx", 6,
     "mobility", "", "chemistry synthetic-biology", "co-br-bioenergia=40 inst-br-bioeconomy=30 "
     "co-jp-yamabiko=20", "offtake"),
    ("biochar", "Biochar soil-carbon removal", "バイオ炭による土壌炭素貯留", "gx", 7, "agriculture", "",
     "agricultural-science carbon-management", "co-jp-inaho=15 co-br-agrogemeo=10 inst-br-bioeconomy=12",
     "carbon-credit-marketplace"),
    ("carbon-fibre", "Carbon-fibre composites for lightweighting", "炭素繊維複合材による軽量化", "gx", 8,
     "manufacturing", "", "materials-science", "co-jp-orizuru=230 co-jp-kaito=40", "product-sales"),
    ("sic-power-semiconductors", "SiC power semiconductors", "SiCパワー半導体", "gx", 7, "energy", "",
     "electronic-engineering materials-science", "co-jp-tsumugi=170 inst-jp-univ-b=40",
     "ip-licensing product-sales"),
    ("smart-grid-vpp", "Smart grid / virtual power plant (VPP)", "スマートグリッド・仮想発電所（VPP）", "both",
     7, "energy", "iot_5g", "power-systems iot", "co-us-gridwise=55 co-jp-shiranami=40 co-in-gridsetu=15 "
     "inst-us-east-univ-ecosystem=10", "energy-as-a-service"),
    ("ai-grid-forecasting", "AI demand and renewable forecasting", "AIによる電力需給予測", "both", 8, "energy",
     "ai", "ai power-systems climate-science", "co-us-gridwise=30 inst-us-ai-commercialisation=20 "
     "co-jp-fumoto=10", "saas"),
    ("blockchain-carbon-credits", "Blockchain carbon-credit registry", "ブロックチェーン型カーボンクレジット",
     "both", 6, "finance", "blockchain", "blockchain climate-law", "co-us-ledgerleaf=30 "
     "inst-us-east-univ-ecosystem=20 co-sg-greenpay=5", "carbon-credit-marketplace transaction-fee"),
    ("quantum-chemistry-simulation", "Quantum chemistry simulation for materials", "量子化学シミュレーション",
     "both", 4, "manufacturing", "quantum", "quantum-computing chemistry materials-science",
     "co-jp-hiiragi=25 inst-jp-univ-b=35 co-us-quantaforge=30 inst-cn-quantum-lab=45 "
     "inst-asia-incubator-network=10", "saas"),
    ("battery-passport", "Battery digital passport", "電池デジタルパスポート", "both", 5, "mobility",
     "blockchain", "blockchain data-science", "co-de-fabrikdigital=10 co-jp-tsubasa=8 co-us-ledgerleaf=6",
     "data-platform"),
    ("ev-charging-optimisation", "EV fleet charging optimisation", "EVフリート充電最適化", "both", 7,
     "mobility", "cloud_data", "data-science power-systems", "co-jp-tsukushi=12 co-us-gridwise=15",
     "energy-as-a-service saas"),
    ("building-energy-management", "Building energy management systems (BEMS)", "ビルエネルギー管理システム"
     "（BEMS）", "both", 9, "buildings", "iot_5g", "iot engineering", "co-jp-irodori=60 co-jp-yukimura=25",
     "energy-as-a-service saas"),
    ("precision-agriculture", "Precision agriculture with IoT sensing", "IoTによるスマート農業", "both", 7,
     "agriculture", "iot_5g", "agricultural-science iot", "co-jp-minori=20 co-in-solarkisan=15 "
     "co-br-agrogemeo=15", "saas data-platform"),
    ("green-fintech-platform", "Green-finance fintech platform", "グリーンファイナンス・フィンテック基盤",
     "both", 7, "finance", "cloud_data", "fintech climate-law", "co-sg-greenpay=25 co-in-paygreen=12 "
     "co-jp-kanade=6 inst-asia-incubator-network=8", "transaction-fee"),
    ("carbon-accounting-saas", "Carbon-accounting SaaS (Scope 1-3)", "炭素会計SaaS（スコープ1〜3）", "both",
     8, "finance", "cloud_data", "data-science climate-law", "co-jp-komorebi=10 co-us-ledgerleaf=8", "saas"),
    ("ot-security-grid", "OT security for power grids", "電力網のOTセキュリティ", "both", 7, "energy",
     "cybersecurity", "cybersecurity power-systems", "co-il-shieldot=45 inst-me-innovation-authority=30 "
     "co-jp-tomoshibi=5", "saas"),
    ("quantum-grid-optimisation", "Quantum optimisation of grid operations", "量子最適化による電力系統運用",
     "both", 3, "energy", "quantum", "quantum-computing power-systems", "inst-cn-quantum-lab=25 "
     "co-cn-qubitlink=20 co-us-quantaforge=10", "saas"),
    ("satellite-methane-monitoring", "AI satellite methane monitoring", "AI衛星メタン監視", "both", 7,
     "energy", "ai", "ai climate-science", "inst-us-east-univ-ecosystem=15 co-in-gridsetu=5", "data-platform"),
    ("ai-hvac-control", "AI HVAC control", "AI空調制御", "both", 8, "buildings", "ai", "ai engineering",
     "co-jp-yukimura=35 co-jp-irodori=15 co-us-atlastwin=10", "energy-as-a-service"),
    ("city-digital-twin", "City-scale digital twin", "都市デジタルツイン", "both", 6, "buildings",
     "digital_twin", "data-science environmental-science", "co-jp-ishizue=25 inst-kr-5g-testbed=10 "
     "co-id-nusantara=5", "data-platform"),
    ("hydrogen-supply-chain-twin", "Hydrogen supply-chain digital twin", "水素サプライチェーン・デジタルツイン",
     "both", 5, "energy", "digital_twin", "data-science electrochemistry", "co-jp-kirameki=15 "
     "co-jp-minatogawa=12", "data-platform"),
    ("autonomous-ev-logistics", "Autonomous EV logistics", "自動運転EV物流", "both", 6, "mobility", "ai",
     "autonomous-driving", "co-il-roadmind=20 co-jp-wadachi=10", "mobility-as-a-service"),
    ("edtech-green-skills", "Green-skills edtech platform", "グリーン人材育成エドテック", "both", 7,
     "education", "cloud_data", "edtech environmental-science", "co-sg-learnloop=8 co-jp-manabiya=4",
     "subscription-learning"),
    ("battery-ai-bms", "AI battery management system", "AIバッテリーマネジメント", "both", 7, "mobility",
     "ai", "ai electrochemistry", "co-jp-tsubasa=45 co-cn-lianxin=30", "battery-as-a-service"),
    ("microgrid-pay-as-you-go", "Pay-as-you-go solar microgrids", "従量課金型ソーラーマイクログリッド",
     "both", 8, "energy", "cloud_data", "power-systems fintech", "co-ke-jua=12 co-in-gridsetu=6",
     "energy-as-a-service transaction-fee"),
    ("ot-cybersecurity", "OT / critical-infrastructure cybersecurity", "OT・重要インフラのサイバーセキュリティ",
     "dx", 8, "manufacturing", "cybersecurity", "cybersecurity", "co-il-shieldot=70 "
     "inst-me-innovation-authority=55 co-jp-tomoshibi=8 co-jp-kasumi=6", "saas"),
    ("zero-trust-security", "Zero-trust network security", "ゼロトラスト・セキュリティ", "dx", 8, "finance",
     "cybersecurity", "cybersecurity", "co-il-zerogate=60 inst-me-innovation-authority=20", "saas"),
    ("ai-threat-detection", "AI cyber-threat detection", "AIサイバー脅威検知", "dx", 8, "finance",
     "cybersecurity", "cybersecurity ai", "co-il-zerogate=35 inst-me-innovation-authority=25 "
     "inst-us-east-univ-ecosystem=10", "saas"),
    ("autonomous-driving-l4", "Level-4 autonomous driving", "レベル4自動運転", "dx", 6, "mobility", "ai",
     "autonomous-driving ai", "co-il-roadmind=80 inst-me-innovation-authority=40 co-jp-hayate=60 "
     "inst-us-ai-commercialisation=20", "mobility-as-a-service"),
    ("v2x-5g", "5G V2X connected vehicles", "5G V2X（車車間・路車間通信）", "dx", 7, "mobility", "iot_5g",
     "5g autonomous-driving", "co-kr-hanbit5g=35 inst-kr-5g-testbed=20 co-jp-hibiki=25 "
     "inst-asia-incubator-network=15", "data-platform"),
    ("5g-private-networks", "Private 5G networks", "ローカル5G", "dx", 8, "manufacturing", "iot_5g", "5g",
     "co-kr-hanbit5g=50 inst-asia-incubator-network=30 co-jp-hibiki=30", "saas"),
    ("5g-industrial-iot", "5G industrial IoT", "5G産業IoT", "dx", 7, "manufacturing", "iot_5g", "5g iot",
     "inst-asia-incubator-network=25 co-kr-hanbit5g=30 co-vn-songxanh=5 co-jp-hibiki=15",
     "outcome-based-maintenance"),
    ("quantum-computer", "Superconducting quantum computers", "超伝導量子コンピューター", "dx", 5,
     "manufacturing", "quantum", "quantum-computing physics", "inst-cn-quantum-lab=90 co-cn-qubitlink=60 "
     "inst-asia-incubator-network=35 co-us-quantaforge=55 inst-jp-univ-b=30", "saas"),
    ("post-quantum-cryptography", "Post-quantum cryptography", "耐量子計算機暗号", "dx", 6, "finance",
     "quantum", "quantum-computing cybersecurity", "inst-asia-incubator-network=20 "
     "inst-me-innovation-authority=15 co-il-zerogate=10 inst-us-east-univ-ecosystem=12", "ip-licensing"),
    ("ai-drug-discovery", "AI drug discovery", "AI創薬", "dx", 5, "healthcare", "ai",
     "ai biochemistry medicine", "co-gb-thamesbio=40 inst-eu-tech-transfer-network=45 co-jp-sorairo=50 "
     "inst-us-ai-commercialisation=25", "ip-licensing"),
    ("medical-imaging-ai", "Medical imaging AI", "医療画像AI", "dx", 8, "healthcare", "ai",
     "ai medicine medical-informatics", "co-gb-medvision=35 inst-eu-tech-transfer-network=30 "
     "co-jp-nagisa=20 inst-us-east-univ-ecosystem=15", "saas"),
    ("remote-care-5g", "5G remote healthcare", "5G遠隔医療", "dx", 6, "healthcare", "iot_5g", "5g medicine",
     "inst-asia-incubator-network=15 co-kr-hanbit5g=10 co-jp-nagisa=5", "saas"),
    ("genomics-data-platform", "Genomics data platform", "ゲノムデータ基盤", "dx", 7, "healthcare",
     "cloud_data", "biochemistry medical-informatics data-science", "co-gb-thamesbio=25 "
     "inst-eu-tech-transfer-network=35", "data-platform"),
    ("adaptive-learning-ai", "Adaptive-learning AI", "アダプティブ学習AI", "dx", 8, "education", "ai",
     "edtech ai", "co-sg-learnloop=20 inst-asia-incubator-network=15 co-jp-manabiya=6",
     "subscription-learning"),
    ("mobile-payments", "Mobile payments", "モバイル決済", "dx", 9, "finance", "cloud_data", "fintech",
     "co-sg-greenpay=30 co-in-paygreen=25 co-ke-jua=5 inst-asia-incubator-network=10", "transaction-fee"),
    ("digital-identity-blockchain", "Blockchain digital identity", "ブロックチェーン型デジタルID", "dx", 6,
     "finance", "blockchain", "blockchain cybersecurity", "inst-us-east-univ-ecosystem=20 "
     "co-us-ledgerleaf=10 co-in-paygreen=5", "data-platform"),
    ("collaborative-robots", "Collaborative robots", "協働ロボット", "dx", 8, "manufacturing", "ai",
     "robotics ai", "co-jp-karakuri=200 co-jp-akatsuki=25 inst-jp-univ-b=30",
     "product-sales outcome-based-maintenance"),
    ("factory-digital-twin", "Digital twins for factories", "工場デジタルツイン", "both", 7, "manufacturing",
     "digital_twin", "engineering data-science", "co-jp-aoba=130 co-jp-karakuri=50 inst-jp-digital-research=40 "
     "co-de-fabrikdigital=55 co-us-atlastwin=40", "outcome-based-maintenance saas"),
    ("ai-materials-discovery", "AI-driven materials discovery", "AI駆動型材料探索（マテリアルズ・インフォマ"
     "ティクス）", "both", 6, "manufacturing", "ai", "materials-science ai data-science",
     "inst-jp-univ-a=70 co-jp-kaito=60 co-jp-kotoha=40 co-us-northbeam=35 inst-us-ai-commercialisation=30",
     "saas ip-licensing"),
    ("edge-ai-chips", "Edge AI chips", "エッジAI半導体", "dx", 6, "manufacturing", "ai",
     "electronic-engineering ai", "co-jp-tsumugi=40 co-kr-hanbit5g=15 inst-jp-digital-research=25",
     "product-sales"),
]
EXTRA_SEGMENTS = {
    "blockchain-carbon-credits": "energy-blockchain", "battery-passport": "manufacturing-blockchain",
    "carbon-accounting-saas": "manufacturing-cloud_data", "ot-cybersecurity": "energy-cybersecurity",
    "green-fintech-platform": "energy-cloud_data", "city-digital-twin": "mobility-digital_twin",
    "post-quantum-cryptography": "finance-cybersecurity", "5g-industrial-iot": "energy-iot_5g",
}
# Illustrative technology map: industry size (USD bn) and digital share / CAGR (%).
INDUSTRY_SIZE_BN = {"energy": 60, "manufacturing": 80, "mobility": 55, "healthcare": 50, "finance": 70,
                    "education": 12, "agriculture": 15, "buildings": 30}
INDUSTRY_CAGR_ADJ = {"energy": 4.0, "manufacturing": 0.0, "mobility": 3.0, "healthcare": 2.0, "finance": -1.0,
                     "education": 1.0, "agriculture": 2.0, "buildings": 1.0}
DIGITAL_SHARE_CAGR = {"ai": (1.0, 28.0), "iot_5g": (0.8, 22.0), "blockchain": (0.15, 35.0),
                      "quantum": (0.05, 40.0), "cybersecurity": (0.5, 14.0), "digital_twin": (0.3, 30.0),
                      "cloud_data": (0.9, 16.0)}

# --- business models: (slug, English, Japanese, revenue model, page or 0, what) ----------------------
BUSINESS_MODELS = [
    ("kaizen", "Kaizen continuous improvement", "カイゼン（品質管理手法）", "operational_efficiency", 5,
     "Toyota's Kaizen raised production efficiency and quality"),
    ("global-supply-chain-product", "Revolutionary product on a global supply chain", "グローバル・サプライ"
     "チェーンを活用した革新的製品", "product_sales", 5, "Apple's iPhone used a global supply chain"),
    ("import-and-improve", "Import and improve foreign technology", "海外技術の導入と改良", "product_sales", 5,
     "post-war Japan and today's China absorbed and improved foreign technology"),
    ("talent-attraction-ecosystem", "Ecosystem attracting the best talent", "最優秀人材が集まる仕組み",
     "ecosystem", 5, "the US built a system that gathers the best talent"),
    ("know-how-purchase", "Buying technology and business-model know-how", "海外からノウハウを購入する仕組み",
     "licensing", 2, "a mechanism to buy know-how from abroad"),
    ("commercialisation-alliance", "Commercialisation alliance with innovation institutions", "商業化に強い"
     "イノベーション機関との連携", "partnership", 2, "comprehensive alliances focused on commercialisation"),
    ("military-to-civil", "Military-to-civil technology conversion", "軍需技術の民生化", "licensing", 6,
     "the Middle-East authority converts military technology to civil use"),
    ("5g-business-creation", "5G-based business creation", "5Gを前提にしたビジネス創出", "platform", 6,
     "the Asian network creates businesses premised on 5G"),
    ("venture-creation", "Venture / new-business creation know-how", "新規事業創出のノウハウ", "equity", 6,
     "the Middle-East authority is world-leading in new-business creation"),
    ("ppa", "Power purchase agreement (PPA)", "電力購入契約（PPA）", "usage_based", 0, ""),
    ("energy-as-a-service", "Energy-as-a-service", "エネルギー・アズ・ア・サービス", "subscription", 0, ""),
    ("battery-as-a-service", "Battery-as-a-service", "バッテリー・アズ・ア・サービス", "subscription", 0, ""),
    ("offtake", "Long-term offtake contract (hydrogen, fuels)", "長期引取契約（水素・燃料）", "product_sales",
     0, ""),
    ("carbon-credit-marketplace", "Carbon-credit marketplace", "カーボンクレジット取引市場", "transaction_fee",
     0, ""),
    ("saas", "Software-as-a-service subscription", "SaaS型サブスクリプション", "subscription", 0, ""),
    ("outcome-based-maintenance", "Outcome-based / predictive maintenance contract", "成果報酬型・予知保全"
     "契約", "outcome_based", 0, ""),
    ("ip-licensing", "IP licensing", "知的財産ライセンス", "licensing", 0, ""),
    ("transaction-fee", "Transaction-fee payments platform", "決済手数料型プラットフォーム", "transaction_fee",
     0, ""),
    ("subscription-learning", "Subscription learning platform", "サブスクリプション型学習サービス",
     "subscription", 0, ""),
    ("data-platform", "Data platform / marketplace", "データプラットフォーム・マーケットプレイス", "data_sales",
     0, ""),
    ("mobility-as-a-service", "Mobility-as-a-service", "MaaS（サービスとしての移動）", "usage_based", 0, ""),
    ("product-sales", "Hardware product sales", "製品販売", "product_sales", 0, ""),
]

# --- companies -----------------------------------------------------------------------------------------
# Named in the report: (slug, English, Japanese, country, sector, what the report says)
REAL_COMPANIES = [
    ("toyota", "Toyota", "トヨタ", "JP", "mobility", "introduced the Kaizen quality-management method"),
    ("apple", "Apple", "アップル", "US", "electronics", "launched the iPhone using a global supply chain"),
    ("google", "Google", "グーグル", "US", "it_services", "GAFA, the model BATH first imitated"),
    ("amazon", "Amazon", "アマゾン", "US", "it_services", "GAFA, the model BATH first imitated"),
    ("facebook", "Facebook (Meta)", "フェイスブック（メタ）", "US", "it_services", "GAFA, the model BATH first "
     "imitated"),
    ("baidu", "Baidu", "百度（バイドゥ）", "CN", "it_services", "BATH: from imitating GAFA to new value"),
    ("alibaba", "Alibaba", "阿里巴巴（アリババ）", "CN", "it_services", "BATH: from imitating GAFA to new value"),
    ("tencent", "Tencent", "騰訊（テンセント）", "CN", "it_services", "BATH: from imitating GAFA to new value"),
    ("huawei", "Huawei", "華為（ファーウェイ）", "CN", "telecom", "BATH: from imitating GAFA to new value"),
]
# Fictional Japanese coalition members: (slug, English, Japanese, sector, size)
JP_COMPANIES = [
    ("kaito", "Kaito Green Materials", "海斗グリーンマテリアル", "materials", "large"),
    ("hoshikawa", "Hoshikawa Solar Devices", "星川ソーラーデバイス", "energy", "large"),
    ("minatogawa", "Minatogawa Hydrogen Works", "湊川水素工業", "energy", "large"),
    ("tsubasa", "Tsubasa Battery Systems", "翼バッテリーシステムズ", "mobility", "large"),
    ("tetsurei", "Tetsurei Steel", "鉄嶺製鋼", "manufacturing", "large"),
    ("aoba", "Aoba Digital Factory", "青葉デジタルファクトリー", "manufacturing", "large"),
    ("shiranami", "Shiranami Electric Power", "白波電力", "energy", "large"),
    ("kazamidori", "Kazamidori Offshore Wind", "風見鶏洋上風力", "energy", "sme"),
    ("yukimura", "Yukimura Heat Systems", "雪村ヒートシステムズ", "buildings", "large"),
    ("hayate", "Hayate Motors", "疾風モーターズ", "mobility", "large"),
    ("orizuru", "Orizuru Carbon Fibre", "折鶴カーボンファイバー", "materials", "large"),
    ("karakuri", "Karakuri Robotics", "からくりロボティクス", "manufacturing", "large"),
    ("kotoha", "Kotoha Materials AI", "ことはマテリアルズAI", "materials", "startup"),
    ("hiiragi", "Hiiragi Quantum Technologies", "柊量子テクノロジーズ", "it_services", "startup"),
    ("tsumugi", "Tsumugi Semiconductor", "紡セミコンダクター", "manufacturing", "large"),
    ("irodori", "Irodori Building Energy", "彩ビルエネルギー", "buildings", "sme"),
    ("minori", "Minori Agritech", "実りアグリテック", "agriculture", "startup"),
    ("wadachi", "Wadachi Logistics", "轍ロジスティクス", "mobility", "large"),
    ("kanade", "Kanade Fintech", "奏フィンテック", "finance", "startup"),
    ("shizuku", "Shizuku Financial Group", "雫フィナンシャルグループ", "finance", "large"),
    ("hibiki", "Hibiki Telecom", "響テレコム", "telecom", "large"),
    ("nagisa", "Nagisa Medical AI", "渚メディカルAI", "healthcare", "startup"),
    ("sorairo", "Sorairo Pharma", "空色製薬", "healthcare", "large"),
    ("manabiya", "Manabiya Edtech", "学び舎エドテック", "education", "startup"),
    ("tomoshibi", "Tomoshibi Security", "灯セキュリティ", "it_services", "sme"),
    ("kasumi", "Kasumi IT Services", "霞ITサービス", "it_services", "large"),
    ("hamakaze", "Hamakaze Shipping", "浜風海運", "mobility", "large"),
    ("ishizue", "Ishizue Construction", "礎建設", "buildings", "large"),
    ("yamabiko", "Yamabiko Chemicals", "山彦化学", "materials", "large"),
    ("inaho", "Inaho Foods", "稲穂フーズ", "agriculture", "large"),
    ("kirameki", "Kirameki Trading", "煌商事", "trading", "large"),
    ("fumoto", "Fumoto Gas & Power", "麓ガス・パワー", "energy", "large"),
    ("sazanami", "Sazanami Airlines", "漣エアラインズ", "mobility", "large"),
    ("komorebi", "Komorebi Data", "木漏れ日データ", "it_services", "startup"),
    ("tsukushi", "Tsukushi EV Charge", "つくしEVチャージ", "mobility", "startup"),
    ("akatsuki", "Akatsuki Auto Parts", "暁オートパーツ", "mobility", "sme"),
]
# Fictional foreign companies: (cc-slug, English, Japanese, sector, size, valuation USD m or 0)
FOREIGN_COMPANIES = [
    ("us-northbeam", "Northbeam AI Inc.", "ノースビームAI", "materials", "startup", 2400),
    ("us-gridwise", "Gridwise Energy Inc.", "グリッドワイズ・エナジー", "energy", "sme", 0),
    ("us-helioperov", "HelioPerov Inc.", "ヘリオペロブ", "energy", "startup", 0),
    ("us-atlastwin", "Atlas Twin Software Inc.", "アトラス・ツイン・ソフトウェア", "it_services", "sme", 0),
    ("us-ledgerleaf", "LedgerLeaf Carbon Inc.", "レジャーリーフ・カーボン", "finance", "startup", 0),
    ("us-quantaforge", "QuantaForge Inc.", "クオンタフォージ", "it_services", "startup", 0),
    ("de-elektrolyse", "Elektrolysewerk Nord GmbH", "エレクトロリーゼヴェルク・ノルト", "energy", "large", 0),
    ("de-fabrikdigital", "FabrikDigital GmbH", "ファブリクデジタル", "it_services", "sme", 0),
    ("gb-thamesbio", "Thames BioData Ltd", "テムズ・バイオデータ", "healthcare", "startup", 0),
    ("gb-medvision", "MedVision Analytics Ltd", "メドビジョン・アナリティクス", "healthcare", "sme", 0),
    ("il-shieldot", "ShieldOT Ltd", "シールドOT", "it_services", "startup", 1200),
    ("il-zerogate", "ZeroGate Security Ltd", "ゼロゲート・セキュリティ", "it_services", "startup", 1800),
    ("il-roadmind", "RoadMind Autonomy Ltd", "ロードマインド・オートノミー", "mobility", "startup", 1300),
    ("il-negev-studio", "Negev Dual-Use Venture Studio", "ネゲブ・デュアルユース・ベンチャースタジオ",
     "finance", "sme", 0),
    ("cn-sunrise", "Sunrise Perovskite Co.", "サンライズ・ペロブスカイト", "energy", "large", 0),
    ("cn-qubitlink", "QubitLink Co.", "キュービットリンク", "it_services", "startup", 2100),
    ("cn-tianlan", "Tianlan Hydrogen Co.", "天藍水素", "energy", "large", 0),
    ("cn-lianxin", "Lianxin Solid-State Battery Co.", "聯芯全固体電池", "mobility", "large", 0),
    ("kr-hanbit5g", "Hanbit 5G Factory Co.", "ハンビット5Gファクトリー", "telecom", "large", 0),
    ("sg-greenpay", "GreenPay Asia Pte Ltd", "グリーンペイ・アジア", "finance", "startup", 1600),
    ("sg-learnloop", "LearnLoop Pte Ltd", "ラーンループ", "education", "startup", 0),
    ("in-solarkisan", "SolarKisan Pvt Ltd", "ソーラーキサン", "agriculture", "startup", 0),
    ("in-paygreen", "PayGreen India Pvt Ltd", "ペイグリーン・インディア", "finance", "startup", 1100),
    ("in-gridsetu", "GridSetu Energy Pvt Ltd", "グリッドセトゥ・エナジー", "energy", "sme", 0),
    ("br-bioenergia", "BioEnergia Verde S.A.", "ビオエネルジア・ヴェルデ", "energy", "large", 0),
    ("br-agrogemeo", "AgroGemeo Ltda", "アグロジェメオ", "agriculture", "startup", 0),
    ("id-nusantara", "Nusantara Energi Digital PT", "ヌサンタラ・エネルギ・デジタル", "energy", "sme", 0),
    ("ke-jua", "Jua Microgrid Ltd", "ジュア・マイクログリッド", "energy", "startup", 0),
    ("vn-songxanh", "Song Xanh Manufacturing JSC", "ソンサイン・マニュファクチャリング", "manufacturing", "sme", 0),
    ("za-ukhanyo", "Ukhanyo Carbon Capture (Pty) Ltd", "ウカニョ・カーボンキャプチャー", "energy", "sme", 0),
]
JP_UNICORNS = {"komorebi": 1000}

# --- investors: (id, English, Japanese, type, country or None, page or 0) -----------------------------
INVESTORS = [
    ("inv-jp-private-funds", "Private funds (archetype)", "民間ファンド等", "private_fund", "JP", 7),
    ("inv-jp-gx-growth", "GX Growth Partners Fund I", "GXグロース・パートナーズ1号ファンド", "private_fund", "JP", 0),
    ("inv-jp-dx-ventures", "Kizuna DX Ventures", "絆DXベンチャーズ", "vc", "JP", 0),
    ("inv-jp-public-gx-fund", "Japanese public GX transition fund (archetype)", "日本の公的GX移行ファンド"
     "（類型）", "public_fund", "JP", 0),
    ("inv-us-deep-tech-vc", "Harborline Deep-Tech Ventures", "ハーバーライン・ディープテック・ベンチャーズ",
     "vc", "US", 0),
    ("inv-us-climate-vc", "Cedar Climate Capital", "シーダー・クライメート・キャピタル", "vc", "US", 0),
    ("inv-il-cyber-vc", "Tzafon Cyber Ventures", "ツァフォン・サイバー・ベンチャーズ", "vc", "IL", 0),
    ("inv-sg-frontier", "Straits Frontier Capital", "ストレイツ・フロンティア・キャピタル", "vc", "SG", 0),
    ("inv-cn-tech-fund", "Jinghua Technology Fund", "京華テクノロジーファンド", "private_fund", "CN", 0),
    ("inv-eu-green-fund", "European public green-innovation fund (archetype)", "欧州の公的グリーン・"
     "イノベーション基金（類型）", "public_fund", "DE", 0),
    ("inv-dev-bank-asia", "Regional development bank, Asia-Pacific (archetype)", "アジア太平洋の地域開発"
     "銀行（類型）", "development_bank", None, 0),
    ("inv-dev-bank-africa", "Regional development bank, Africa (archetype)", "アフリカの地域開発銀行（類型）",
     "development_bank", None, 0),
]
# investor -> "target:USD millions:year ..."; all illustrative.
INVESTMENTS = {
    "inv-jp-private-funds": "co-jp-kotoha:12:2024 co-jp-hiiragi:8:2024 co-jp-minori:5:2023",
    "inv-jp-gx-growth": "co-jp-komorebi:30:2023 co-jp-tsukushi:10:2024 tech-perovskite-pv:25:2024 "
                        "tech-solid-state-battery:20:2023",
    "inv-jp-dx-ventures": "co-jp-kanade:6:2023 co-jp-manabiya:3:2022 co-jp-nagisa:7:2024 co-jp-kotoha:5:2023",
    "inv-jp-public-gx-fund": "tech-perovskite-pv:150:2024 tech-green-hydrogen-electrolysis:200:2024 "
                             "tech-ammonia-cofiring:120:2023 tech-solid-state-battery:180:2023 "
                             "co-jp-minatogawa:60:2024",
    "inv-us-deep-tech-vc": "co-us-northbeam:250:2023 co-us-quantaforge:90:2024 co-us-atlastwin:60:2022 "
                           "tech-ai-materials-discovery:40:2024",
    "inv-us-climate-vc": "co-us-helioperov:80:2024 co-us-gridwise:70:2022 co-us-ledgerleaf:35:2023 "
                         "co-in-gridsetu:20:2024 co-br-agrogemeo:12:2024",
    "inv-il-cyber-vc": "co-il-shieldot:120:2023 co-il-zerogate:200:2022 co-il-roadmind:150:2024 "
                       "co-il-negev-studio:25:2021",
    "inv-sg-frontier": "co-sg-greenpay:180:2023 co-sg-learnloop:40:2022 co-in-paygreen:90:2024",
    "inv-cn-tech-fund": "co-cn-sunrise:140:2023 co-cn-qubitlink:220:2024 co-cn-lianxin:160:2023 "
                        "co-cn-tianlan:110:2022",
    "inv-eu-green-fund": "co-de-elektrolyse:130:2023 co-de-fabrikdigital:45:2022 co-gb-thamesbio:50:2023 "
                         "tech-green-hydrogen-electrolysis:90:2024 co-br-bioenergia:60:2024",
    "inv-dev-bank-asia": "co-id-nusantara:40:2024 co-vn-songxanh:25:2023 co-in-solarkisan:18:2023",
    "inv-dev-bank-africa": "co-ke-jua:30:2023 co-za-ukhanyo:45:2024",
}

# --- case studies --------------------------------------------------------------------------------------
# Cited: (slug, English, Japanese, country, outcome, business models, deployers, what the report says)
CITED_CASES = [
    ("toyota-kaizen", "Toyota's Kaizen in the car industry", "トヨタの「カイゼン」", "JP",
     "Production efficiency and quality rose sharply; for a time dominated the world", "kaizen",
     "co-toyota", "after learning core technology from abroad, Toyota introduced Kaizen"),
    ("apple-iphone", "Apple iPhone on a global supply chain", "グローバル・サプライチェーンによるiPhone", "US",
     "A revolutionary product brought to market", "global-supply-chain-product", "co-apple",
     "Apple launched the iPhone using a global supply chain"),
    ("bath-imitation-to-innovation", "BATH: from imitating GAFA to creating new value", "BATH：GAFAの模倣"
     "から新たな価値創造へ", "CN", "Each company now creates new value", "import-and-improve",
     "co-baidu co-alibaba co-tencent co-huawei", "BATH first imitated GAFA's businesses and technology"),
    ("postwar-japan-technology-import", "Post-war Japan: importing and improving foreign technology",
     "戦後日本：海外技術の導入と改良", "JP", "Engine of high economic growth in cars and consumer electronics",
     "import-and-improve", "", "post-war Japan imported and improved foreign technology"),
    ("china-technology-absorption", "China: absorbing technology and inviting expert talent", "中国：技術の"
     "徹底的な吸収と人材の招へい", "CN", "From the world's factory to a technology power",
     "import-and-improve talent-attraction-ecosystem", "", "China absorbed technology and invited talent"),
    ("us-silicon-valley-ecosystem", "US: the Silicon Valley ecosystem", "米国：シリコンバレーのエコシステム",
     "US", "New technologies and business models one after another", "talent-attraction-ecosystem", "",
     "the US gathers the best talent; Silicon Valley keeps producing new business models"),
]
# Illustrative: (slug, English, Japanese, country, year, business models, technologies, deployers)
SAMPLE_CASES = [
    ("cn-perovskite-rooftop", "Perovskite rooftop PV roll-out", "ペロブスカイト屋根置き太陽光の展開", "CN",
     2023, "ppa", "perovskite-pv", "co-cn-sunrise"),
    ("us-perovskite-bipv", "Perovskite building-integrated PV", "ペロブスカイト建材一体型太陽光", "US", 2024,
     "ppa", "perovskite-pv", "co-us-helioperov"),
    ("cn-solid-state-pilot", "Solid-state battery pilot line for EVs", "EV向け全固体電池パイロットライン",
     "CN", 2024, "battery-as-a-service", "solid-state-battery battery-ai-bms", "co-cn-lianxin"),
    ("de-hydrogen-steel-hub", "Green-hydrogen steel hub", "グリーン水素製鉄ハブ", "DE", 2023, "offtake",
     "green-hydrogen-electrolysis green-steel", "co-de-elektrolyse"),
    ("cn-desert-electrolysis", "Desert solar-to-hydrogen plant", "砂漠型太陽光水電解プラント", "CN", 2022,
     "offtake", "green-hydrogen-electrolysis", "co-cn-tianlan"),
    ("in-solar-hydrogen-cluster", "Solar-hydrogen industrial cluster", "太陽光・水素産業クラスター", "IN",
     2024, "offtake", "green-hydrogen-electrolysis smart-grid-vpp", "co-in-gridsetu"),
    ("us-ai-battery-cathode", "AI-discovered battery cathode commercialised", "AI探索による電池正極材の商業化",
     "US", 2023, "ip-licensing saas", "ai-materials-discovery battery-materials", "co-us-northbeam"),
    ("de-twin-automotive-plant", "Digital twin of an automotive plant", "自動車工場のデジタルツイン", "DE",
     2022, "outcome-based-maintenance", "factory-digital-twin 5g-private-networks", "co-de-fabrikdigital"),
    ("us-twin-gigafactory", "Battery gigafactory digital twin", "電池ギガファクトリーのデジタルツイン", "US",
     2024, "saas", "factory-digital-twin battery-materials", "co-us-atlastwin"),
    ("vn-twin-electronics", "Electronics-assembly digital twin", "電子機器組立工場のデジタルツイン", "VN",
     2024, "outcome-based-maintenance", "factory-digital-twin 5g-industrial-iot", "co-vn-songxanh"),
    ("il-grid-ot-security", "Grid OT-security operations centre", "電力網OTセキュリティ監視センター", "IL",
     2023, "saas", "ot-security-grid ot-cybersecurity", "co-il-shieldot"),
    ("il-zero-trust-bank", "Zero-trust security for a retail bank", "リテール銀行のゼロトラスト化", "IL",
     2022, "saas", "zero-trust-security ai-threat-detection", "co-il-zerogate"),
    ("il-autonomous-shuttle", "Autonomous urban shuttle service", "自動運転都市シャトル", "IL", 2024,
     "mobility-as-a-service", "autonomous-driving-l4 autonomous-ev-logistics", "co-il-roadmind"),
    ("il-dual-use-venture-studio", "Dual-use venture-studio spin-outs", "デュアルユース・ベンチャースタジオ"
     "からのスピンアウト", "IL", 2021, "venture-creation military-to-civil", "ai-threat-detection",
     "co-il-negev-studio"),
    ("sg-green-payments", "Green payments and green-loan platform", "グリーン決済・グリーンローン基盤", "SG",
     2023, "transaction-fee", "green-fintech-platform mobile-payments", "co-sg-greenpay"),
    ("sg-adaptive-learning", "Adaptive green-skills learning", "アダプティブ型グリーンスキル学習", "SG", 2022,
     "subscription-learning", "adaptive-learning-ai edtech-green-skills", "co-sg-learnloop"),
    ("cn-quantum-grid", "Quantum grid-dispatch pilot", "量子計算による系統運用パイロット", "CN", 2024, "saas",
     "quantum-grid-optimisation quantum-computer", "co-cn-qubitlink"),
    ("kr-5g-smart-factory", "5G smart factory", "5Gスマート工場", "KR", 2023, "5g-business-creation",
     "5g-private-networks 5g-industrial-iot v2x-5g", "co-kr-hanbit5g"),
    ("gb-genomics-drug-discovery", "Genomics-led AI drug discovery", "ゲノム主導のAI創薬", "GB", 2023,
     "ip-licensing", "genomics-data-platform ai-drug-discovery", "co-gb-thamesbio"),
    ("gb-imaging-ai", "Hospital imaging-AI service", "病院向け画像診断AIサービス", "GB", 2022, "saas",
     "medical-imaging-ai", "co-gb-medvision"),
    ("us-blockchain-credits", "Blockchain carbon-credit exchange", "ブロックチェーン型カーボンクレジット取引所",
     "US", 2023, "carbon-credit-marketplace", "blockchain-carbon-credits carbon-accounting-saas",
     "co-us-ledgerleaf"),
    ("us-vpp-aggregator", "Residential VPP aggregator", "家庭用VPPアグリゲーター", "US", 2022,
     "energy-as-a-service", "smart-grid-vpp ai-grid-forecasting", "co-us-gridwise"),
    ("ke-solar-microgrid", "Pay-as-you-go solar microgrids", "従量課金型ソーラーマイクログリッド", "KE", 2023,
     "energy-as-a-service transaction-fee", "microgrid-pay-as-you-go mobile-payments", "co-ke-jua"),
    ("in-precision-agri", "Smallholder precision agriculture", "小規模農家向けスマート農業", "IN", 2023,
     "data-platform", "precision-agriculture", "co-in-solarkisan"),
    ("in-green-finance-app", "Green micro-finance app", "グリーン・マイクロファイナンスアプリ", "IN", 2024,
     "transaction-fee", "green-fintech-platform mobile-payments", "co-in-paygreen"),
    ("br-saf-sugarcane", "Sugarcane-based SAF", "サトウキビ由来SAF", "BR", 2023, "offtake",
     "sustainable-aviation-fuel", "co-br-bioenergia"),
    ("br-farm-twin-biochar", "Farm sensing with biochar credits", "農場センシングとバイオ炭クレジット", "BR",
     2024, "carbon-credit-marketplace", "precision-agriculture biochar", "co-br-agrogemeo"),
    ("id-island-grid-forecasting", "Island-grid renewable forecasting", "離島系統の再エネ予測", "ID", 2024,
     "saas", "ai-grid-forecasting smart-grid-vpp", "co-id-nusantara"),
    ("za-mine-ccus", "Mine-site carbon capture", "鉱山サイトの炭素回収", "ZA", 2024,
     "carbon-credit-marketplace", "ccus direct-air-capture", "co-za-ukhanyo"),
    ("jp-heat-pump-retrofit", "Heat-pump retrofit with AI HVAC", "ヒートポンプ改修とAI空調", "JP", 2022,
     "energy-as-a-service", "heat-pumps ai-hvac-control", "co-jp-yukimura co-jp-irodori"),
    ("jp-fcv-logistics", "Fuel-cell truck logistics", "燃料電池トラック物流", "JP", 2021, "product-sales",
     "fuel-cell-vehicles", "co-jp-hayate co-jp-wadachi"),
    ("jp-cfrp-aircraft", "CFRP aircraft components", "CFRP航空機部材", "JP", 2020, "product-sales",
     "carbon-fibre", "co-jp-orizuru co-jp-sazanami"),
    ("jp-cobot-line", "Cobot assembly line run with Kaizen", "カイゼンで運用する協働ロボットライン", "JP", 2022,
     "kaizen outcome-based-maintenance", "collaborative-robots", "co-jp-karakuri co-jp-akatsuki"),
    ("jp-sic-licensing", "SiC power-device IP licensing", "SiCパワーデバイスの知財ライセンス", "JP", 2023,
     "ip-licensing", "sic-power-semiconductors", "co-jp-tsumugi"),
    ("jp-bems-office", "Office-tower BEMS", "オフィスビルのBEMS", "JP", 2023, "energy-as-a-service",
     "building-energy-management", "co-jp-irodori co-jp-ishizue"),
    ("jp-vpp-pilot", "Regional VPP pilot", "地域VPP実証", "JP", 2023, "energy-as-a-service",
     "smart-grid-vpp ai-grid-forecasting", "co-jp-shiranami co-jp-fumoto"),
    ("jp-ammonia-cofiring-demo", "Ammonia co-firing demonstration", "アンモニア混焼実証", "JP", 2024,
     "product-sales", "ammonia-cofiring", "co-jp-shiranami"),
    ("jp-carbon-accounting", "Supply-chain carbon accounting", "サプライチェーン炭素会計", "JP", 2024, "saas",
     "carbon-accounting-saas", "co-jp-komorebi co-jp-kirameki"),
    ("jp-ev-charging", "EV fleet charging service", "EVフリート充電サービス", "JP", 2024, "energy-as-a-service",
     "ev-charging-optimisation", "co-jp-tsukushi co-jp-wadachi"),
    ("jp-green-loan-platform", "Green-loan platform for SMEs", "中小企業向けグリーンローン基盤", "JP", 2024,
     "transaction-fee", "green-fintech-platform", "co-jp-shizuku co-jp-kanade"),
]

# --- STRONG_IN ---------------------------------------------------------------------------------------
# Cited: (org, fields, SCALE key, what the report says), all p.6.
CITED_STRENGTHS = [
    ("inst-us-east-univ-ecosystem", "computer-science environmental-science medicine blockchain information",
     "leading_edge", "Institution 1's cutting-edge fields; the US east coast is world-top level"),
    ("inst-us-ai-commercialisation", "ai", "leading_edge", "Institution 2: AI commercialisation ecosystem"),
    ("inst-eu-tech-transfer-network", "biochemistry medicine computer-science", "strength",
     "strengths in biochemistry, medicine and computer science"),
    ("inst-asia-incubator-network", "fintech edtech quantum-computing", "world_leading",
     "world-leading in fintech, edtech and quantum computing"),
    ("inst-asia-incubator-network", "5g", "ahead", "ahead of the US in some 5G-based business creation"),
    ("inst-me-innovation-authority", "cybersecurity venture-creation", "world_leading",
     "world-leading in cybersecurity and new-business creation know-how"),
    ("inst-me-innovation-authority", "ai autonomous-driving", "strength",
     "a treasure trove of AI, autonomous driving and information security"),
    ("country-us", "computer-science ai physics chemistry biology medicine environmental-science engineering "
     "quantum-computing 5g", "ahead", "US: comprehensively high in every field"),
    ("country-cn", "quantum-computing 5g", "leading_edge", "China: surpasses the US in quantum and 5G"),
    ("country-il", "cybersecurity venture-creation", "world_leading",
     "Israel: world-top level in cybersecurity and venture creation"),
    ("country-gb", "biochemistry medicine computer-science", "strength",
     "UK: strengths in biochemistry, medicine and computer science"),
]
# Illustrative: org -> "field:score ..."
SAMPLE_STRENGTHS = {
    "country-jp": "materials-science:0.9 electrochemistry:0.9 photovoltaics:0.85 chemistry:0.85 physics:0.8 "
                  "robotics:0.85 ai:0.5 cybersecurity:0.35 venture-creation:0.2 fintech:0.3 edtech:0.3 "
                  "quantum-computing:0.5",
    "country-de": "engineering:0.85 electrochemistry:0.75 power-systems:0.8",
    "country-kr": "5g:0.9 electronic-engineering:0.85", "country-sg": "fintech:0.9 edtech:0.8",
    "country-cn": "ai:0.85 materials-science:0.8", "country-il": "ai:0.85",
    "country-in": "computer-science:0.7 fintech:0.75", "country-br": "agricultural-science:0.75 synthetic-biology:0.6",
    "country-id": "power-systems:0.5", "country-ke": "fintech:0.7", "country-vn": "electronic-engineering:0.55",
    "country-za": "carbon-management:0.6",
    "inst-us-east-univ-ecosystem": "climate-science:0.8 carbon-management:0.75",
    "inst-us-ai-commercialisation": "computer-science:0.85 data-science:0.85 medicine:0.6",
    "inst-eu-tech-transfer-network": "medical-informatics:0.75 synthetic-biology:0.7",
    "inst-asia-incubator-network": "iot:0.8", "inst-me-innovation-authority": "robotics:0.7",
    "inst-intl-orgs": "environmental-science:0.7 climate-law:0.75",
    "inst-intl-climate-tech-body": "climate-science:0.8 carbon-management:0.7",
    "inst-intl-south-south-forum": "business-innovation:0.6 agricultural-science:0.5",
    "inst-jp-univ-a": "materials-science:0.9 photovoltaics:0.9 chemistry:0.85",
    "inst-jp-univ-b": "physics:0.8 quantum-computing:0.6 electronic-engineering:0.75",
    "inst-jp-energy-materials": "electrochemistry:0.95 materials-science:0.85",
    "inst-jp-digital-research": "data-science:0.7 robotics:0.75 iot:0.65",
    "inst-jp-government": "climate-law:0.6", "inst-jp-secretariat": "business-innovation:0.7",
    "inst-de-applied-research": "engineering:0.85 electrochemistry:0.8", "inst-kr-5g-testbed": "5g:0.9 iot:0.8",
    "inst-sg-fintech-sandbox": "fintech:0.9", "inst-cn-quantum-lab": "quantum-computing:0.9 physics:0.85",
    "inst-in-tech-consortium": "computer-science:0.75 power-systems:0.7",
    "inst-br-bioeconomy": "synthetic-biology:0.75 agricultural-science:0.8",
    "inst-id-energy-transition": "power-systems:0.65 carbon-management:0.6",
    "inst-ke-digital-hub": "fintech:0.7 venture-creation:0.6",
    "inst-vn-tech-incubator": "electronic-engineering:0.6 venture-creation:0.5",
    "inst-za-decarbonisation": "carbon-management:0.75",
}

# --- experts: (code, affiliation, country, title, role, "target:level ...") -- all fictional --------
EXPERTS = [
    ("ME-01", "inst-me-innovation-authority", "IL", "Head of OT-security programme", "programme_director",
     "field-cybersecurity:0.95 tech-ot-cybersecurity:0.95 tech-ot-security-grid:0.9"),
    ("ME-02", "inst-me-innovation-authority", "IL", "Lead, cyber-defence to civil transfer", "staff",
     "field-cybersecurity:0.9 tech-ai-threat-detection:0.9 tech-zero-trust-security:0.85"),
    ("ME-03", "inst-me-innovation-authority", "IL", "Venture-creation programme manager", "staff",
     "field-venture-creation:0.95 field-business-innovation:0.8"),
    ("ME-04", "inst-me-innovation-authority", "IL", "Autonomous-driving researcher", "researcher",
     "field-autonomous-driving:0.85 tech-autonomous-driving-l4:0.85 field-ai:0.8"),
    ("ME-05", "inst-me-innovation-authority", "IL", "AI scientist", "researcher",
     "field-ai:0.85 tech-ai-threat-detection:0.7"),
    ("ILC-01", "co-il-shieldot", "IL", "Chief technology officer", "employee",
     "field-cybersecurity:0.9 tech-ot-security-grid:0.9"),
    ("ILC-02", "co-il-negev-studio", "IL", "Managing partner", "employee", "field-venture-creation:0.9"),
    ("US1-01", "inst-us-east-univ-ecosystem", "US", "Professor of computer science", "faculty",
     "field-computer-science:0.9 field-information:0.85"),
    ("US1-02", "inst-us-east-univ-ecosystem", "US", "Environmental-science faculty lead", "faculty",
     "field-environmental-science:0.9 field-climate-science:0.8 tech-direct-air-capture:0.8"),
    ("US1-03", "inst-us-east-univ-ecosystem", "US", "Medical-innovation director", "faculty",
     "field-medicine:0.9 tech-medical-imaging-ai:0.75"),
    ("US1-04", "inst-us-east-univ-ecosystem", "US", "Blockchain research lead", "faculty",
     "field-blockchain:0.9 tech-blockchain-carbon-credits:0.85 tech-digital-identity-blockchain:0.8"),
    ("US1-05", "inst-us-east-univ-ecosystem", "US", "Cross-university knowledge-sharing coordinator", "staff",
     "field-business-innovation:0.7 field-information:0.7"),
    ("US2-01", "inst-us-ai-commercialisation", "US", "AI-commercialisation director", "staff",
     "field-ai:0.95 field-venture-creation:0.7"),
    ("US2-02", "inst-us-ai-commercialisation", "US", "AI x materials researcher", "researcher",
     "tech-ai-materials-discovery:0.9 field-materials-science:0.7"),
    ("US2-03", "inst-us-ai-commercialisation", "US", "AI x energy researcher", "researcher",
     "tech-ai-grid-forecasting:0.85 field-ai:0.85"),
    ("US2-04", "inst-us-ai-commercialisation", "US", "AI x medicine researcher", "researcher",
     "tech-ai-drug-discovery:0.8 field-medicine:0.7"),
    ("EU-01", "inst-eu-tech-transfer-network", "GB", "Tech-transfer manager, biochemistry", "member",
     "field-biochemistry:0.9 tech-genomics-data-platform:0.8"),
    ("EU-02", "inst-eu-tech-transfer-network", "GB", "Medical tech-transfer lead", "member",
     "field-medicine:0.85 tech-ai-drug-discovery:0.8"),
    ("EU-03", "inst-eu-tech-transfer-network", "DE", "Computer-science licensing officer", "member",
     "field-computer-science:0.85 tech-medical-imaging-ai:0.6"),
    ("EU-04", "inst-eu-tech-transfer-network", "GB", "Membership director", "staff",
     "field-business-innovation:0.75"),
    ("AS-01", "inst-asia-incubator-network", "SG", "5G venture programme lead", "staff",
     "field-5g:0.9 tech-5g-private-networks:0.85"),
    ("AS-02", "inst-asia-incubator-network", "SG", "Fintech incubator lead", "staff",
     "field-fintech:0.95 tech-green-fintech-platform:0.85 tech-mobile-payments:0.9"),
    ("AS-03", "inst-asia-incubator-network", "SG", "Edtech incubator lead", "staff",
     "field-edtech:0.9 tech-adaptive-learning-ai:0.85"),
    ("AS-04", "inst-asia-incubator-network", "CN", "Quantum-computing researcher", "researcher",
     "field-quantum-computing:0.95 tech-quantum-computer:0.9"),
    ("AS-05", "inst-asia-incubator-network", "KR", "5G network-infrastructure engineer", "researcher",
     "field-5g:0.9 tech-v2x-5g:0.8"),
    ("CNQ-01", "inst-cn-quantum-lab", "CN", "Quantum-chemistry lead", "researcher",
     "tech-quantum-chemistry-simulation:0.9 field-quantum-computing:0.85"),
    ("DE-01", "inst-de-applied-research", "DE", "Head of electrolysis research", "researcher",
     "tech-green-hydrogen-electrolysis:0.85 field-electrochemistry:0.8"),
    ("KR-01", "inst-kr-5g-testbed", "KR", "Testbed director", "staff", "field-5g:0.85 tech-5g-industrial-iot:0.8"),
    ("SG-01", "inst-sg-fintech-sandbox", "SG", "Sandbox programme head", "staff", "field-fintech:0.85"),
    ("IN-01", "inst-in-tech-consortium", "IN", "Professor of power systems", "faculty",
     "field-power-systems:0.8 tech-smart-grid-vpp:0.75"),
    ("BR-01", "inst-br-bioeconomy", "BR", "Bioeconomy researcher", "researcher",
     "tech-sustainable-aviation-fuel:0.8 field-synthetic-biology:0.75"),
    ("ID-01", "inst-id-energy-transition", "ID", "Energy-transition analyst", "researcher",
     "field-power-systems:0.7 tech-ai-grid-forecasting:0.6"),
    ("KE-01", "inst-ke-digital-hub", "KE", "Hub director", "staff",
     "field-fintech:0.75 tech-microgrid-pay-as-you-go:0.8"),
    ("ZA-01", "inst-za-decarbonisation", "ZA", "CCUS engineer", "researcher",
     "tech-ccus:0.8 field-carbon-management:0.8"),
    ("INT-01", "inst-intl-orgs", "JP", "Technology-cooperation programme officer", "staff",
     "field-environmental-science:0.7 field-business-innovation:0.7"),
    ("INT-02", "inst-intl-climate-tech-body", "ID", "Climate-technology transfer specialist", "staff",
     "field-climate-science:0.8 tech-blockchain-carbon-credits:0.6"),
    ("INT-03", "inst-intl-south-south-forum", "KE", "South-South innovation coordinator", "staff",
     "field-venture-creation:0.6 field-edtech:0.5"),
    ("JP-01", "inst-jp-univ-a", "JP", "Professor of materials science", "faculty",
     "field-materials-science:0.95 tech-perovskite-pv:0.95 tech-ai-materials-discovery:0.85"),
    ("JP-02", "inst-jp-energy-materials", "JP", "Electrochemistry group leader", "researcher",
     "field-electrochemistry:0.95 tech-solid-state-battery:0.95 tech-green-hydrogen-electrolysis:0.85"),
    ("JP-03", "inst-jp-univ-b", "JP", "Professor of quantum physics", "faculty",
     "field-quantum-computing:0.7 tech-quantum-chemistry-simulation:0.75"),
    ("JP-04", "inst-jp-digital-research", "JP", "Digital-twin researcher", "researcher",
     "tech-factory-digital-twin:0.9 field-data-science:0.75"),
    ("JPC-01", "co-jp-hoshikawa", "JP", "Chief engineer, perovskite modules", "employee", "tech-perovskite-pv:0.9"),
    ("JPC-02", "co-jp-tsubasa", "JP", "R&D fellow", "employee",
     "tech-solid-state-battery:0.9 tech-battery-ai-bms:0.7"),
    ("JPC-03", "co-jp-aoba", "JP", "Head of smart factory", "employee",
     "tech-factory-digital-twin:0.85 tech-5g-industrial-iot:0.5"),
    ("JPC-04", "co-jp-tomoshibi", "JP", "Security architect", "employee",
     "field-cybersecurity:0.55 tech-ot-cybersecurity:0.5"),
    ("SEC-01", "inst-jp-secretariat", "JP", "Partnership director (Japan window)", "staff",
     "field-business-innovation:0.8 field-venture-creation:0.5"),
    ("SEC-02", "inst-jp-secretariat", "JP", "Technology-map analyst", "staff",
     "field-data-science:0.7 field-environmental-science:0.6"),
    ("GOV-01", "inst-jp-government", "JP", "GX policy officer", "official",
     "field-climate-law:0.7 field-environmental-science:0.6"),
]
EXTRA_AFFILIATIONS = [
    ("exp-int-01", "inst-jp-secretariat", "advisor"), ("exp-us1-05", "inst-intl-orgs", "advisor"),
    ("exp-sec-01", "inst-intl-orgs", "liaison"), ("exp-eu-04", "inst-intl-climate-tech-body", "advisor"),
]

# --- partnerships: (slug, English, Japanese, status, start, end, parties "id=role ...", page or 0, scope)
COALITION = "part-jp-company-coalition"
PARTNERSHIPS = [
    ("knowledge-network-model", "GX x DX Knowledge Network model (report proposal)", "GX x DX「智のネット"
     "ワーク」提携モデル（報告書の提案）", "proposed", None, None,
     "inst-jp-government=government_sponsor inst-jp-secretariat=japan_window "
     "inst-intl-orgs=international_partner inv-jp-private-funds=investor", 7,
     "Japan window by an external secretariat with government; a Japanese company coalition; co-investment "
     "with private funds; replication to other countries including the Global South"),
    ("jp-company-coalition", "Japanese Company Coalition (GX/DX)", "日本企業連合（GX/DX）", "active",
     "2024-10-01", None, "inst-jp-secretariat=japan_window inst-jp-government=government_sponsor", 0,
     "Japanese companies with strong GX/DX interest, embedded in partner ecosystems"),
    ("us-univ-ecosystem", "Knowledge Network with the US East-Coast University Ecosystem", "米国東海岸大学"
     "エコシステムとの智のネットワーク", "active", "2024-10-01", None,
     "inst-us-east-univ-ecosystem=academic_partner inst-jp-secretariat=japan_window "
     "inst-jp-government=government_sponsor inst-jp-univ-a=research_partner inv-jp-private-funds=investor "
     "inv-jp-gx-growth=investor co-jp-kaito=company_member co-jp-hoshikawa=company_member "
     "co-jp-minatogawa=company_member co-jp-tsubasa=company_member co-jp-aoba=company_member "
     "co-jp-shiranami=company_member co-jp-yamabiko=company_member co-jp-kirameki=company_member "
     "co-jp-komorebi=company_member co-jp-ishizue=company_member", 0,
     "Technology-map updates, business-model know-how and case feedback; joint research and investment"),
    ("us-ai-commercialisation", "AI x GX commercialisation programme with US Institution 2", "米国機関②との"
     "AI x GX商業化プログラム", "active", "2025-01-15", None,
     "inst-us-ai-commercialisation=academic_partner inst-jp-secretariat=japan_window "
     "inv-jp-dx-ventures=investor co-jp-kotoha=company_member co-jp-aoba=company_member "
     "co-jp-nagisa=company_member co-jp-sorairo=company_member co-jp-kasumi=company_member", 0,
     "Existing fields x AI: materials, factories, medicine"),
    ("eu-tech-transfer", "Membership of the European tech-transfer network", "欧州技術移転ネットワークへの"
     "加盟", "proposed", None, None,
     "inst-eu-tech-transfer-network=academic_partner inst-jp-secretariat=japan_window", 0,
     "Access to biochemistry, medicine and computer-science inventions"),
    ("me-authority-dialogue", "Dialogue with the Middle-East innovation authority", "中東イノベーション機関"
     "との対話", "proposed", None, None, "inst-me-innovation-authority=innovation_partner "
     "inst-jp-secretariat=japan_window inst-jp-government=government_sponsor", 0,
     "Cybersecurity and venture-creation know-how; no Japanese company yet"),
    ("asia-5g-pilot", "5G business-creation pilot with the Asian incubator network", "アジアのインキュベーター"
     "網との5G事業創出パイロット", "ended", "2021-04-01", "2023-03-31",
     "inst-asia-incubator-network=incubator_partner co-jp-hibiki=company_member", 0,
     "One-company pilot; ended without follow-on"),
    ("de-hydrogen-research", "Joint electrolysis research with a German institute", "ドイツ研究機関との水電解"
     "共同研究", "ended", "2019-04-01", "2022-03-31", "inst-de-applied-research=research_partner "
     "inst-jp-energy-materials=research_partner co-jp-minatogawa=company_member", 0,
     "Technology development only; no commercialisation track"),
    ("replication-id", "Replication of the model in Indonesia", "インドネシアへの提携モデル複製", "active",
     "2025-04-01", None, "inst-intl-climate-tech-body=international_partner inst-jp-secretariat=japan_window "
     "inst-id-energy-transition=academic_partner inv-dev-bank-asia=investor co-jp-kirameki=company_member "
     "co-jp-shiranami=company_member", 0, "Grid forecasting and hydrogen supply chains"),
    ("replication-ke", "Replication of the model in Kenya", "ケニアへの提携モデル複製", "proposed", None, None,
     "inst-intl-south-south-forum=international_partner inst-jp-secretariat=japan_window "
     "inst-ke-digital-hub=academic_partner inv-dev-bank-africa=investor", 0, "Microgrids and fintech"),
    ("replication-in", "Replication of the model in India", "インドへの提携モデル複製", "proposed", None, None,
     "inst-intl-orgs=international_partner inst-jp-secretariat=japan_window "
     "inst-in-tech-consortium=academic_partner", 0, "Power systems and computer science"),
    ("replication-vn", "Replication of the model in Viet Nam", "ベトナムへの提携モデル複製", "proposed", None,
     None, "inst-intl-orgs=international_partner inst-jp-secretariat=japan_window "
     "inst-vn-tech-incubator=incubator_partner", 0, "Electronics manufacturing and venture creation"),
]


def pairs(spec: str) -> list[tuple[str, str]]:
    """``"a=1 b=2"`` or ``"a:1 b:2"`` -> ``[("a", "1"), ("b", "2")]``."""
    return [tuple(item.replace("=", ":").rsplit(":", 1)) for item in spec.split()]  # type: ignore[misc]


class Sample:
    """The rows being built, keyed for duplicate detection."""

    def __init__(self) -> None:
        self.nodes: dict[str, Row] = {}
        self.rels: dict[tuple[str, str, str], Row] = {}
        self.problems: list[str] = []

    @staticmethod
    def _provenance(key: str, source: str, confidence: float | None) -> Row:
        illustrative = source.startswith("illustrative:")
        return {
            "source": source,
            "contributed_by": CONTRIBUTOR.get(key, "secretariat") if illustrative else "secretariat",
            "confidence": confidence if confidence is not None else (0.5 if illustrative else 0.9),
            "illustrative": illustrative,
        }

    def node(self, kind: str, node_id: str, en: str, ja: str, source: str, *,
             confidence: float | None = None, **fields: Any) -> None:
        if node_id in self.nodes:
            self.problems.append(f"duplicate node id {node_id}")
            return
        if source.startswith("illustrative:") and kind not in ("market_segment", "technology", "country"):
            en, ja = f"{en} (sample)", f"{ja}（サンプル）"
        row = {"kind": kind, "id": node_id, "name_en": en, "name_ja": ja}
        row |= self._provenance(kind, source, confidence)
        self.nodes[node_id] = row | {k: v for k, v in fields.items() if v is not None}

    def rel(self, rel_type: str, src: str, dst: str, source: str, *,
            confidence: float | None = None, **props: Any) -> None:
        key = (src, rel_type, dst)
        if key in self.rels:
            self.problems.append(f"duplicate relationship {key}")
            return
        row = {"type": rel_type, "from": src, "to": dst} | self._provenance(rel_type, source, confidence)
        self.rels[key] = row | {k: v for k, v in props.items() if v is not None}


def add_countries(s: Sample) -> None:
    for iso, en, ja, region, page in COUNTRIES:
        indicators: list[Row] = []
        if iso == "jp":
            indicators += [{"indicator": ind, "year": 2023, "rank": rank, "source": f"{GII} ({ind})"}
                           for ind, rank in JP_GII_2023]
        for ind, rank in zip(("rd_investment", "patents", "ict_services_exports", "unicorn_valuation"),
                             SAMPLE_RANKS.get(iso, ()), strict=False):
            indicators.append({"indicator": ind, "year": 2023, "rank": rank, "source": SAMPLE, "illustrative": True})
        entry, exit_ = ENTRY_EXIT[iso]
        for year, (d_entry, d_exit) in YEAR_SHIFT.items():
            for ind, value in (("firm_entry_rate", entry + d_entry), ("firm_exit_rate", exit_ + d_exit)):
                indicators.append({"indicator": ind, "year": year, "value": round(value, 1),
                                   "unit": "% of firms", "source": SAMPLE, "illustrative": True})
        source = cite(page, f"{en} named in the report") if page else ISO
        s.node("country", f"country-{iso}", en, ja, source, iso_code=iso.upper(), region=region,
               indicators=indicators, description=f"{en}; indicators are GII 2023 ranks as quoted by the "
               "report (Japan) or illustrative sample values (flagged per indicator).")


def add_institutions(s: Sample) -> None:
    for iid, en, ja, itype, cc, region, page, what in CITED_INSTITUTIONS:
        s.node("institution", iid, en, ja, cite(page, what), institution_type=itype, country=cc,
               region=region, description=what[0].upper() + what[1:] + ".")
        if cc:
            s.rel("LOCATED_IN", iid, f"country-{cc.lower()}", cite(page, what))
    for iid, en, ja, itype, cc, region in SAMPLE_INSTITUTIONS:
        s.node("institution", iid, en, ja, SAMPLE, institution_type=itype, country=cc, region=region,
               description="Archetype institution invented for the sample; not a real organisation.")
        if cc:
            s.rel("LOCATED_IN", iid, f"country-{cc.lower()}", SAMPLE)
    for iid, (iso, name) in ASSUMED_HOME.items():
        s.rel("LOCATED_IN", iid, f"country-{iso}", f"illustrative: secretariat assumption; strengths match "
              f"the report's {name} criterion (p.6), but the report does not name the host country",
              confidence=0.6)


def add_fields(s: Sample) -> None:
    for slug, en, ja, parents, page in FIELDS:
        source = cite(page, f"field named: {ja}") if page else TAXONOMY
        s.node("field", f"field-{slug}", en, ja, source)
        for parent in parents.split():
            s.rel("SUBFIELD_OF", f"field-{slug}", f"field-{parent}", TAXONOMY, confidence=0.9)


def add_business_models(s: Sample) -> None:
    for slug, en, ja, revenue, page, what in BUSINESS_MODELS:
        source = cite(page, what) if page else "secretariat taxonomy: generic business model, no figures"
        s.node("business_model", f"bm-{slug}", en, ja, source, revenue_model=revenue,
               confidence=None if page else 0.8)


def add_market_segments(s: Sample) -> None:
    for industry, ind_ja in INDUSTRIES.items():
        for digital, (dig_en, dig_ja) in DIGITAL.items():
            share, cagr = DIGITAL_SHARE_CAGR[digital]
            s.node("market_segment", f"seg-{industry}-{digital}", f"{industry.capitalize()} × {dig_en}",
                   f"{ind_ja} × {dig_ja}", SAMPLE, industry=industry, digital_technology=digital,
                   cagr_pct=round(cagr + INDUSTRY_CAGR_ADJ[industry], 1),
                   market_size_usd=round(INDUSTRY_SIZE_BN[industry] * share, 2) * 1e9, year=2023,
                   description="Technology-map cell (industry axis x digital-technology axis, report p.8); "
                   "CAGR and size are illustrative.")


def add_companies(s: Sample) -> None:
    for slug, en, ja, cc, sector, what in REAL_COMPANIES:
        s.node("company", f"co-{slug}", en, ja, cite(5, what), country=cc, is_japanese=cc == "JP",
               sector=sector, description=f"Named in the report: {what}. No figures attached.")
        s.rel("LOCATED_IN", f"co-{slug}", f"country-{cc.lower()}", GENERAL, confidence=0.95)
    for slug, en, ja, sector, size in JP_COMPANIES:
        valuation = JP_UNICORNS.get(slug)
        s.rel("LOCATED_IN", f"co-jp-{slug}", "country-jp", SAMPLE)
        s.node("company", f"co-jp-{slug}", f"{en} K.K.", f"{ja}株式会社", SAMPLE, country="JP",
               is_japanese=True, sector=sector, size=size, is_unicorn=valuation is not None,
               valuation_usd=valuation * 1e6 if valuation else None,
               description="Fictional member of the Japanese company coalition (GX/DX interest).")
    for slug, en, ja, sector, size, valuation in FOREIGN_COMPANIES:
        cc = slug[:2].upper()
        s.rel("LOCATED_IN", f"co-{slug}", f"country-{cc.lower()}", SAMPLE)
        s.node("company", f"co-{slug}", en, ja, SAMPLE, country=cc, sector=sector, size=size,
               is_unicorn=valuation > 0, valuation_usd=valuation * 1e6 if valuation else None,
               description=f"Fictional {size} {sector} company in {cc}.")


def add_technologies(s: Sample) -> None:
    for slug, en, ja, domain, trl, industry, digital, fields, devs, bms in TECHNOLOGIES:
        tid = f"tech-{slug}"
        patents = pubs = 0
        for org, count in pairs(devs):
            n = int(count)
            n_pubs = n * 4 if org.startswith("inst-") else n // 2
            patents, pubs = patents + n, pubs + n_pubs
            s.rel("DEVELOPS", org, tid, SAMPLE, patents=n, publications=n_pubs)
        s.node("technology", tid, en, ja, SAMPLE, domain=domain, trl=trl, patent_families=patents,
               patent_citations=patents * 3, publications=pubs, industry=industry,
               digital_technology=digital or None,
               description=f"{domain.upper()} technology ({industry}{' x ' + digital if digital else ''}); "
               "TRL, patent and publication counts are illustrative.")
        for field in fields.split():
            s.rel("COVERS", f"field-{field}", tid, TAXONOMY, confidence=0.8)
        for bm in bms.split():
            s.rel("ENABLES", tid, f"bm-{bm}", "secretariat taxonomy: technology enables business model",
                  confidence=0.7)
        for segment in filter(None, (f"{industry}-{digital}" if digital else "", EXTRA_SEGMENTS.get(slug))):
            s.rel("IN_SEGMENT", tid, f"seg-{segment}", TAXONOMY, confidence=0.8)


def add_case_studies(s: Sample) -> None:
    for slug, en, ja, cc, outcome, bms, deployers, what in CITED_CASES:
        source = cite(5, what)
        s.node("case_study", f"cs-{slug}", en, ja, source, country=cc, outcome=outcome)
        _link_case(s, f"cs-{slug}", cc, bms, "", deployers, source)
    for slug, en, ja, cc, year, bms, techs, deployers in SAMPLE_CASES:
        s.node("case_study", f"cs-{slug}", en, ja, SAMPLE, country=cc, year=year,
               outcome="Illustrative deployment outcome (sample data).")
        _link_case(s, f"cs-{slug}", cc, bms, techs, deployers, SAMPLE)


def _link_case(s: Sample, cid: str, cc: str, bms: str, techs: str, deployers: str, source: str) -> None:
    s.rel("LOCATED_IN", cid, f"country-{cc.lower()}", source)
    for bm in bms.split():
        s.rel("PROVEN_BY", f"bm-{bm}", cid, source)
    for tech in techs.split():
        s.rel("USES", cid, f"tech-{tech}", source)
    for company in deployers.split():
        s.rel("DEPLOYED_BY", cid, company, source)


def add_investors(s: Sample) -> None:
    for iid, en, ja, itype, cc, page in INVESTORS:
        source = cite(page, "co-investment with private funds (民間ファンド等)") if page else SAMPLE
        s.node("investor", iid, en, ja, source, investor_type=itype, country=cc)
        if cc:
            s.rel("LOCATED_IN", iid, f"country-{cc.lower()}", source)
        for target, musd, year in (item.split(":") for item in INVESTMENTS.get(iid, "").split()):
            s.rel("INVESTS_IN", iid, target, SAMPLE, amount_usd=float(musd) * 1e6, year=int(year))


def add_strengths(s: Sample) -> None:
    for org, fields, level, what in CITED_STRENGTHS:
        source = cite(6, f"{what} (score = '{level}' on the secretariat's fixed wording scale)")
        for field in fields.split():
            s.rel("STRONG_IN", org, f"field-{field}", source, score=SCALE[level], confidence=0.8)
    for org, spec in SAMPLE_STRENGTHS.items():
        for field, score in pairs(spec):
            s.rel("STRONG_IN", org, f"field-{field}", SAMPLE, score=float(score))


def add_experts(s: Sample) -> None:
    for code, org, cc, title, role, spec in EXPERTS:
        eid = f"exp-{code.lower()}"
        s.node("expert", eid, f"Expert {code}", f"専門家 {code}", SAMPLE, title=title, country=cc,
               description=f"Fictional expert: {title}.")
        s.rel("AFFILIATED_WITH", eid, org, SAMPLE, role=role)
        s.rel("LOCATED_IN", eid, f"country-{cc.lower()}", SAMPLE)
        for target, level in pairs(spec):
            s.rel("EXPERT_IN", eid, target, SAMPLE, level=float(level))
    for eid, org, role in EXTRA_AFFILIATIONS:
        s.rel("AFFILIATED_WITH", eid, org, SAMPLE, role=role)


def add_partnerships(s: Sample) -> None:
    for slug, en, ja, status, start, end, parties, page, scope in PARTNERSHIPS:
        pid = f"part-{slug}"
        source = cite(page, "the proposed partnership model (A-G diagram)") if page else SAMPLE
        s.node("partnership", pid, en, ja, source, status=status, start_date=start, end_date=end, scope=scope)
        members = pairs(parties)
        if pid == COALITION:
            members += [(f"co-jp-{slug}", "company_member") for slug, *_ in JP_COMPANIES]
        for party, role in members:
            s.rel("PARTY", pid, party, source, role=role)


def build() -> Sample:
    s = Sample()
    for step in (add_countries, add_fields, add_business_models, add_market_segments, add_institutions,
                 add_companies, add_investors, add_technologies, add_case_studies, add_strengths,
                 add_experts, add_partnerships):
        step(s)
    return s


def _dump(model: Any, first: tuple[str, ...]) -> Row:
    data: Row = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return {key: data[key] for key in first} | {k: v for k, v in data.items() if k not in first}


def validate(s: Sample) -> tuple[list[Row], list[Row], list[str]]:
    """Validate every row; return the normalised nodes, relationships and the problems found."""
    node_adapter: TypeAdapter[Any] = TypeAdapter(Node)
    rel_adapter: TypeAdapter[Any] = TypeAdapter(Relationship)
    problems = list(s.problems)
    nodes: list[Row] = []
    for row in s.nodes.values():
        try:
            nodes.append(_dump(node_adapter.validate_python(row), ("kind", "id")))
        except ValidationError as exc:
            problems.append(f"node {row['id']}: {exc}")
        problems += _honesty(row, row["id"])
        for ind in row.get("indicators", []):
            problems += _honesty({"illustrative": False} | ind, f"{row['id']} {ind['indicator']}")
        if row["kind"] == "company" and row["is_japanese"] != (row.get("country") == "JP"):
            problems.append(f"{row['id']}: is_japanese disagrees with country")
        if row["kind"] == "technology" and (row["industry"] not in INDUSTRIES
                                            or row.get("digital_technology", "ai") not in DIGITAL):
            problems.append(f"{row['id']}: axis value outside the fixed vocabulary")
    kinds = {row["id"]: NodeKind(row["kind"]) for row in s.nodes.values()}
    rels: list[Row] = []
    for (src, rel_type, dst), row in s.rels.items():
        try:
            rels.append(_dump(rel_adapter.validate_python(row), ("type", "from", "to")))
        except ValidationError as exc:
            problems.append(f"{rel_type} {src}->{dst}: {exc}")
        problems += _honesty(row, f"{rel_type} {src}->{dst}")
        allowed_from, allowed_to = REL_ENDPOINTS[RelType(rel_type)]
        for end, allowed in ((src, allowed_from), (dst, allowed_to)):
            if end not in kinds:
                problems.append(f"{rel_type} {src}->{dst}: unknown node {end}")
            elif kinds[end] not in allowed:
                problems.append(f"{rel_type} {src}->{dst}: {end} is a {kinds[end]}, not allowed")
    nodes.sort(key=lambda r: (r["kind"], r["id"]))
    rels.sort(key=lambda r: (r["type"], r["from"], r["to"]))
    return nodes, rels, problems


def _honesty(row: Row, label: str) -> list[str]:
    """Illustrative exactly when the source says so; everything else cites a known source."""
    source = row.get("source") or ""
    if row.get("illustrative", False) != source.startswith("illustrative:"):
        return [f"{label}: illustrative flag disagrees with source {source!r}"]
    if not source.startswith(("illustrative:", *SOURCED)):
        return [f"{label}: unknown source {source!r}"]
    return []


def render(nodes: list[Row], rels: list[Row]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in [*nodes, *rels])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the checked-in file is stale")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    nodes, rels, problems = validate(build())
    if problems:
        print(f"{len(problems)} problem(s):", *problems[:50], sep="\n  ", file=sys.stderr)
        return 1
    text = render(nodes, rels)
    if args.check:
        if not args.out.exists() or args.out.read_text(encoding="utf-8") != text:
            print(f"{args.out} is stale: run python seeds/build_sample.py", file=sys.stderr)
            return 1
    else:
        args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(nodes)} nodes, {len(rels)} relationships (all valid)")
    for title, counts in (("nodes", Counter(r["kind"] for r in nodes)), ("rels", Counter(r["type"] for r in rels))):
        print(f"{title}:", ", ".join(f"{key} {n}" for key, n in sorted(counts.items())))
    illustrative = sum(r["illustrative"] for r in [*nodes, *rels])
    print(f"illustrative rows: {illustrative}; sourced rows: {len(nodes) + len(rels) - illustrative}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
