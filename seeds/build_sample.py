"""Build ``seeds/sample.jsonl``: the curated, bilingual sample ecosystem of the GX2040 report.

Run ``python seeds/build_sample.py`` to rewrite the file, or ``--check`` to fail when it is stale.
Every row is validated (domain models, ``REL_ENDPOINTS`` kinds, uniqueness, honesty) before anything
is written; any problem exits with status 1. Output is sorted and has no timestamps.

Source: GX2040 Leaders Panel, 「新しいイノベーション・エコシステムの必要性」 (July 2024). Pages are the
slide order of the text: p.2 summary, p.3 creative destruction, p.4 Japan in the GII 2023, p.5 success
cases, p.6 partner institutions and selection criteria, p.7 partnership diagram, p.8 technology map.

Honesty: a row is ``illustrative`` exactly when its source starts with ``"illustrative:"``. Every
invented entity or figure (sample companies and experts, patents, TRLs, CAGRs, sizes, valuations,
dates, sample scores) is illustrative. The report names no partner institution, so they are
archetypes; real companies appear only where the report names them, with no figures attached.
Report-cited STRONG_IN scores encode the report's wording on the fixed ``SCALE``.

Deliberate patterns (tests may pin these ids):

1. commercialisation gap: ``GAP_TECHS`` get >= 150 patents from Japanese developers, no case study
   deployed by a Japanese company, and foreign deployments; ``COMMERCIALISED_TECHS`` are the contrast;
2. world-class fields without a Japanese partner: ``inst-me-innovation-authority`` (cybersecurity,
   venture creation 0.95), ``inst-asia-incubator-network`` (quantum, fintech, edtech 0.95; 5G 0.85),
   ``inst-eu-tech-transfer-network`` (biochemistry, medicine, CS 0.8): no *active* partnership of
   theirs includes a Japanese company;
3. active partnerships to learn from: the company coalition, the US university ecosystem, the US AI
   ecosystem and the Indonesian replication; replications proposed in India, Kenya and Viet Nam;
4. "who knows what": cybersecurity -> exp-me-01, exp-me-02 (Middle-East authority), exp-ilc-01;
5. brokers: ``inst-jp-secretariat`` and the international organisations join regions.
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

# STRONG_IN score for the report's wording (p.6): 世界最先端 / 世界TOPレベル -> world_leading;
# 最先端分野 of a 世界最高レベル ecosystem, or 米国を凌駕 -> leading_edge; 米国より進んでいる or
# 包括的に高い -> ahead; 強み / 宝庫 -> strength.
SCALE = {"world_leading": 0.95, "leading_edge": 0.9, "ahead": 0.85, "strength": 0.8}

# Technology-map axes (fixed vocabulary) with illustrative economics for the segment cells:
# industry | Japanese | size in USD bn | CAGR shift (points)
INDUSTRY_AXIS = """
energy | エネルギー | 60 | 4.0
manufacturing | 製造 | 80 | 0.0
mobility | モビリティ | 55 | 3.0
healthcare | ヘルスケア | 50 | 2.0
finance | 金融 | 70 | -1.0
education | 教育 | 12 | 1.0
agriculture | 農業 | 15 | 2.0
buildings | 建築・不動産 | 30 | 1.0
"""
# digital technology | English | Japanese | share of the industry's size | base CAGR %
DIGITAL_AXIS = """
ai | AI | AI | 1.0 | 28.0
iot_5g | IoT/5G | IoT・5G | 0.8 | 22.0
blockchain | Blockchain | ブロックチェーン | 0.15 | 35.0
quantum | Quantum | 量子 | 0.05 | 40.0
cybersecurity | Cybersecurity | サイバーセキュリティ | 0.5 | 14.0
digital_twin | Digital twin | デジタルツイン | 0.3 | 30.0
cloud_data | Cloud & data | クラウド・データ | 0.9 | 16.0
"""

GAP_TECHS = (
    "tech-perovskite-pv",
    "tech-solid-state-battery",
    "tech-green-hydrogen-electrolysis",
    "tech-battery-materials",
    "tech-ai-materials-discovery",
    "tech-factory-digital-twin",
)
COMMERCIALISED_TECHS = (
    "tech-fuel-cell-vehicles",
    "tech-heat-pumps",
    "tech-carbon-fibre",
    "tech-sic-power-semiconductors",
    "tech-collaborative-robots",
)

# Who contributes an illustrative row, by node kind or relationship type; cited rows: the secretariat.
CONTRIBUTOR = {
    key: who
    for who, keys in (
        ("academia", "institution expert STRONG_IN EXPERT_IN AFFILIATED_WITH"),
        ("company", "company case_study investor DEVELOPS DEPLOYED_BY USES INVESTS_IN"),
        ("government", "country"),
    )
    for key in keys.split()
}


def cite(page: int | str, what: str) -> str:
    """A citation of the report: ``GX2040 Leaders Panel report (2024-07), p.6: what``."""
    return f"{REPORT}, p.{page}: {what}"


def table(text: str, width: int) -> list[list[str]]:
    """Parse ``|``-separated rows; an indented line continues the row above. ``-`` means empty."""
    records: list[str] = []
    for line in text.strip("\n").splitlines():
        if line[:1].isspace() and records:
            records[-1] += " " + line.strip()
        elif line.strip():
            records.append(line.strip())
    rows = [[cell.strip() for cell in record.split("|")] for record in records]
    for row in rows:
        if len(row) != width:
            raise ValueError(f"expected {width} cells: {row}")
    return rows


def opt(cell: str) -> str | None:
    return None if cell == "-" else cell


def pairs(spec: str) -> list[tuple[str, str]]:
    """``"a=1 b:2"`` -> ``[("a", "1"), ("b", "2")]``."""
    return [(k, v) for k, v in (item.replace("=", ":").rsplit(":", 1) for item in spec.split())]


# iso | English | Japanese | region | page naming it (0: none) | illustrative 2023 ranks: R&D, patents,
# ICT services exports, unicorn valuation | illustrative firm entry, exit rate % (2019 base)
COUNTRIES = """
jp | Japan | 日本 | japan | 4 | - | 4.4 3.5
us | United States | アメリカ合衆国 | north_america | 6 | 3 6 12 1 | 9.5 8.2
gb | United Kingdom | イギリス | europe | 6 | 12 18 9 4 | 12.5 10.0
de | Germany | ドイツ | europe | 0 | 7 5 25 8 | 7.5 7.0
il | Israel | イスラエル | middle_east | 6 | 1 10 3 6 | 11.0 8.5
cn | China | 中国 | asia | 6 | 13 1 40 2 | 13.0 7.5
kr | Republic of Korea | 韓国 | asia | 0 | 2 4 55 15 | 14.0 11.0
sg | Singapore | シンガポール | asia | 0 | 20 25 5 9 | 10.5 8.0
in | India | インド | global_south | 0 | 50 30 2 7 | 12.0 6.5
br | Brazil | ブラジル | global_south | 0 | 35 60 70 20 | 13.5 11.5
id | Indonesia | インドネシア | global_south | 0 | 80 85 75 25 | 11.5 7.0
ke | Kenya | ケニア | global_south | 0 | 70 90 30 45 | 14.5 9.5
vn | Viet Nam | ベトナム | global_south | 0 | 60 70 65 50 | 12.5 8.0
za | South Africa | 南アフリカ | global_south | 0 | 55 65 50 40 | 10.0 9.0
"""
JP_GII_2023 = {
    "rd_investment": 5,
    "patents": 3,
    "ip_receipts": 1,
    "ict_services_exports": 83,
    "labour_productivity_growth": 111,
    "creative_services_exports": 58,
    "unicorn_valuation": 46,
}
GII_NOTES = {"ip_receipts": ": intellectual property receipts, % of total trade"}
SAMPLE_RANK_INDICATORS = ("rd_investment", "patents", "ict_services_exports", "unicorn_valuation")
YEAR_SHIFT = {2019: (0.0, 0.0), 2020: (-1.1, 0.6), 2021: (0.3, -0.2), 2022: (0.2, 0.1), 2023: (-0.4, 0.0)}

# id | English | Japanese | type country region | page (0: illustrative archetype) | what the report says
INSTITUTIONS = """
inst-us-east-univ-ecosystem | US East-Coast University Innovation Ecosystem (Institution 1)
  | 米国東海岸 大学イノベーション・エコシステム（機関①） | university US north_america | 6
  | university-wide ecosystem sharing knowledge and running joint research across computer science,
  environmental science, medicine, blockchain and information
inst-us-ai-commercialisation | US AI-Commercialisation Ecosystem (Institution 2)
  | 米国 AI商業化エコシステム（機関②） | university US north_america | 6
  | uses all existing faculty resources to create innovation in existing fields x AI
inst-eu-tech-transfer-network | European Membership Network of Tech-Transfer Professionals
  | 欧州 技術移転プロフェッショナル会員制ネットワーク | tech_transfer_network - europe | 6
  | membership network of European university researchers, inventors and tech-transfer staff;
  strengths in biochemistry, medicine and computer science
inst-asia-incubator-network | Asian Business-Incubator Network | アジアのビジネスインキュベーターネットワーク
  | incubator_network - asia | 6 | open-innovation network of local universities and companies; ahead
  of the US in some 5G-based business creation; world-leading in fintech, edtech and quantum computing
inst-me-innovation-authority | Middle-East Innovation Authority | 中東のイノベーション機関（イノベーション庁）
  | innovation_agency - middle_east | 6 | innovation authority also converting military technology to
  civil use (AI, autonomous driving, information security); world-leading in cybersecurity and
  new-business creation know-how
inst-intl-orgs | International Organisations (archetype) | 国際機関等 | international_org - global | 7
  | partnerships with other investment bodies and international organisations (国際機関等)
inst-jp-government | Government of Japan (GX/DX departments) | 日本政府（GX/DX関係部局）
  | government_body JP japan | 7 | government departments run operations together with the secretariat
inst-jp-secretariat | Partnership Secretariat (Japan window) | 外務事務局（日本窓口・事務局） | secretariat JP
  japan
  | 7 | a trusted external secretariat is the network's Japan window and runs operations with government
inst-intl-climate-tech-body | International climate-technology cooperation body (archetype)
  | 国際気候技術協力機関（類型） | international_org - global | 0 | -
inst-intl-south-south-forum | South-South innovation forum (archetype) |
  南南イノベーション・フォーラム（類型）
  | international_org - global | 0 | -
inst-jp-univ-a | Japanese Research University A | 日本の研究大学A | university JP japan | 0 | -
inst-jp-univ-b | Japanese Research University B | 日本の研究大学B | university JP japan | 0 | -
inst-jp-energy-materials | Japanese National Energy & Materials Institute | 日本の国立エネルギー・材料研究所
  | research_institute JP japan | 0 | -
inst-jp-digital-research | Japanese Digital Manufacturing Research Institute | 日本のデジタル製造研究所
  | research_institute JP japan | 0 | -
inst-de-applied-research | German applied-research institute (archetype) | ドイツの応用研究機関（類型）
  | research_institute DE europe | 0 | -
inst-kr-5g-testbed | Korean 5G testbed centre (archetype) | 韓国5Gテストベッドセンター（類型）
  | research_institute KR asia | 0 | -
inst-sg-fintech-sandbox | Singapore fintech sandbox programme (archetype)
  | シンガポール・フィンテック・サンドボックス（類型） | innovation_agency SG asia | 0 | -
inst-cn-quantum-lab | Chinese quantum-information laboratory (archetype) | 中国の量子情報研究所（類型）
  | research_institute CN asia | 0 | -
inst-in-tech-consortium | Indian technical-university consortium (archetype)
  | インド工科系大学コンソーシアム（類型） | university IN global_south | 0 | -
inst-br-bioeconomy | Brazilian bioeconomy research network (archetype)
  | ブラジル・バイオエコノミー研究ネットワーク（類型） | research_institute BR global_south | 0 | -
inst-id-energy-transition | Indonesian energy-transition institute (archetype)
  | インドネシア・エネルギー転換研究所（類型） | research_institute ID global_south | 0 | -
inst-ke-digital-hub | Kenyan digital-innovation hub (archetype) | ケニア・デジタルイノベーションハブ（類型）
  | incubator_network KE global_south | 0 | -
inst-vn-tech-incubator | Vietnamese technology incubator (archetype)
  | ベトナム・テクノロジー・インキュベーター（類型） | incubator_network VN global_south | 0 | -
inst-za-decarbonisation | South African mining-decarbonisation centre (archetype)
  | 南アフリカ鉱業脱炭素センター（類型） | research_institute ZA global_south | 0 | -
"""
# The report does not place these networks; the host country is assumed from matching strengths (p.6).
ASSUMED_HOME = {
    "inst-eu-tech-transfer-network": ("gb", "UK"),
    "inst-asia-incubator-network": ("cn", "China"),
    "inst-me-innovation-authority": ("il", "Israel"),
}

# slug | English | Japanese | parent slugs | page naming it (0: secretariat taxonomy)
FIELDS = """
computer-science | Computer science | コンピューターサイエンス | - | 7
information | Information science | 情報学 | computer-science | 6
ai | Artificial intelligence | 人工知能 | computer-science | 6
blockchain | Blockchain | ブロックチェーン | computer-science | 6
cybersecurity | Cybersecurity / information security | サイバーセキュリティー・情報セキュリティ |
  computer-science | 6
quantum-computing | Quantum computing | 量子コンピューター | physics computer-science | 6
5g | 5G communications | 5G通信 | electronic-engineering | 6
autonomous-driving | Autonomous driving | 自動運転 | ai | 6
environmental-science | Environmental science | 環境科学 | - | 7
engineering | Engineering | 工学 | - | 7
electronic-engineering | Electronic engineering | 電子工学 | engineering | 7
physics | Physics | 物理学 | - | 7
chemistry | Chemistry | 化学 | - | 7
biology | Biology | 生物学 | - | 7
medicine | Medicine | 医学 | - | 7
law | Law | 法学 | - | 7
biochemistry | Biochemistry | 生物化学 | chemistry biology | 6
venture-creation | Venture / new-business creation | ベンチャー・新規事業創出 | business-innovation | 6
fintech | Fintech | フィンテック | business-innovation computer-science | 6
edtech | Edtech | 教育テック | business-innovation computer-science | 6
business-innovation | Business & innovation management | ビジネス・イノベーション経営 | - | 0
materials-science | Materials science | 材料科学 | chemistry physics | 0
electrochemistry | Electrochemistry | 電気化学 | chemistry | 0
photovoltaics | Photovoltaics | 太陽光発電工学 | physics electronic-engineering | 0
power-systems | Power systems engineering | 電力システム工学 | electronic-engineering | 0
iot | Internet of Things | IoT（モノのインターネット） | electronic-engineering computer-science | 0
robotics | Robotics | ロボティクス | engineering ai | 0
climate-science | Climate science | 気候科学 | environmental-science | 0
carbon-management | Carbon capture & management | 炭素回収・管理 | environmental-science chemistry | 0
data-science | Data science | データサイエンス | computer-science | 0
medical-informatics | Medical informatics | 医療情報学 | medicine information | 0
synthetic-biology | Synthetic biology | 合成生物学 | biology biochemistry | 0
climate-law | Climate & carbon-market law | 気候・カーボン市場法 | law | 0
agricultural-science | Agricultural science | 農学 | biology environmental-science | 0
"""

# slug | English | Japanese | domain TRL industry digital | covering fields | developers org=patents |
# enabled business models. Every figure is illustrative.
TECHNOLOGIES = """
perovskite-pv | Perovskite photovoltaics | ペロブスカイト太陽電池 | gx 6 energy - | photovoltaics
  materials-science
  | co-jp-hoshikawa=180 co-jp-kaito=120 inst-jp-univ-a=95 co-cn-sunrise=60 co-us-helioperov=25 | ppa
  product-sales
green-hydrogen-electrolysis | Green hydrogen by water electrolysis | グリーン水素（水電解） | gx 7 energy -
  | electrochemistry | co-jp-minatogawa=150 inst-jp-energy-materials=80 co-de-elektrolyse=60 co-cn-tianlan=45
  inst-de-applied-research=30 | offtake
solid-state-battery | All-solid-state batteries | 全固体電池 | gx 5 mobility - | electrochemistry
  materials-science
  | co-jp-tsubasa=210 inst-jp-energy-materials=110 co-cn-lianxin=70 | battery-as-a-service product-sales
battery-materials | Next-generation battery materials | 次世代電池材料 | gx 7 mobility -
  | materials-science electrochemistry | co-jp-yamabiko=140 co-jp-kaito=90 co-cn-lianxin=80 co-us-northbeam=20
  | product-sales
ccus | Carbon capture, utilisation and storage (CCUS) | CO2回収・利用・貯留（CCUS） | gx 6 energy -
  | carbon-management chemistry | co-jp-yamabiko=45 co-za-ukhanyo=20 inst-za-decarbonisation=15
  | carbon-credit-marketplace
direct-air-capture | Direct air capture (DAC) | 直接空気回収（DAC） | gx 4 energy - | carbon-management
  climate-science | inst-us-east-univ-ecosystem=25 co-za-ukhanyo=10 | carbon-credit-marketplace
ammonia-cofiring | Ammonia co-firing in thermal power | アンモニア混焼発電 | gx 6 energy - | chemistry
  power-systems
  | co-jp-shiranami=95 inst-jp-energy-materials=35 | product-sales
fuel-cell-vehicles | Fuel-cell vehicles | 燃料電池自動車 | gx 8 mobility - | electrochemistry engineering
  | co-jp-hayate=260 co-jp-akatsuki=30 | product-sales
floating-offshore-wind | Floating offshore wind | 浮体式洋上風力発電 | gx 6 energy - | power-systems
  engineering
  | co-jp-kazamidori=35 inst-de-applied-research=25 | ppa
green-steel | Hydrogen direct-reduction steelmaking | 水素還元製鉄 | gx 5 manufacturing - | materials-science
  chemistry | co-jp-tetsurei=85 co-de-elektrolyse=20 inst-de-applied-research=15 | product-sales offtake
heat-pumps | High-efficiency heat pumps | 高効率ヒートポンプ | gx 9 buildings - | engineering
  | co-jp-yukimura=190 co-jp-irodori=20 | energy-as-a-service product-sales
sustainable-aviation-fuel | Sustainable aviation fuel (SAF) | 持続可能な航空燃料（SAF） | gx 6 mobility -
  | chemistry synthetic-biology | co-br-bioenergia=40 inst-br-bioeconomy=30 co-jp-yamabiko=20 | offtake
biochar | Biochar soil-carbon removal | バイオ炭による土壌炭素貯留 | gx 7 agriculture - | agricultural-science
  carbon-management | co-jp-inaho=15 co-br-agrogemeo=10 inst-br-bioeconomy=12 | carbon-credit-marketplace
carbon-fibre | Carbon-fibre composites for lightweighting | 炭素繊維複合材による軽量化 | gx 8 manufacturing -
  | materials-science | co-jp-orizuru=230 co-jp-kaito=40 | product-sales
sic-power-semiconductors | SiC power semiconductors | SiCパワー半導体 | gx 7 energy - | electronic-engineering
  materials-science | co-jp-tsumugi=170 inst-jp-univ-b=40 | ip-licensing product-sales
smart-grid-vpp | Smart grid / virtual power plant (VPP) | スマートグリッド・仮想発電所（VPP） | both 7 energy
  iot_5g
  | power-systems iot | co-us-gridwise=55 co-jp-shiranami=40 co-in-gridsetu=15 inst-us-east-univ-ecosystem=10
  | energy-as-a-service
ai-grid-forecasting | AI demand and renewable forecasting | AIによる電力需給予測 | both 8 energy ai
  | ai power-systems climate-science | co-us-gridwise=30 inst-us-ai-commercialisation=20 co-jp-fumoto=10 |
  saas
blockchain-carbon-credits | Blockchain carbon-credit registry | ブロックチェーン型カーボンクレジット
  | both 6 finance blockchain | blockchain climate-law | co-us-ledgerleaf=30 inst-us-east-univ-ecosystem=20
  co-sg-greenpay=5 | carbon-credit-marketplace transaction-fee
quantum-chemistry-simulation | Quantum chemistry simulation for materials | 量子化学シミュレーション
  | both 4 manufacturing quantum | quantum-computing chemistry materials-science | co-jp-hiiragi=25
  inst-jp-univ-b=35 co-us-quantaforge=30 inst-cn-quantum-lab=45 inst-asia-incubator-network=10 | saas
battery-passport | Battery digital passport | 電池デジタルパスポート | both 5 mobility blockchain
  | blockchain data-science | co-de-fabrikdigital=10 co-jp-tsubasa=8 co-us-ledgerleaf=6 | data-platform
ev-charging-optimisation | EV fleet charging optimisation | EVフリート充電最適化 | both 7 mobility cloud_data
  | data-science power-systems | co-jp-tsukushi=12 co-us-gridwise=15 | energy-as-a-service saas
building-energy-management | Building energy management systems (BEMS) | ビルエネルギー管理システム（BEMS）
  | both 9 buildings iot_5g | iot engineering | co-jp-irodori=60 co-jp-yukimura=25 | energy-as-a-service saas
precision-agriculture | Precision agriculture with IoT sensing | IoTによるスマート農業 | both 7 agriculture
  iot_5g
  | agricultural-science iot | co-jp-minori=20 co-in-solarkisan=15 co-br-agrogemeo=15 | saas data-platform
green-fintech-platform | Green-finance fintech platform | グリーンファイナンス・フィンテック基盤
  | both 7 finance cloud_data | fintech climate-law | co-sg-greenpay=25 co-in-paygreen=12 co-jp-kanade=6
  inst-asia-incubator-network=8 | transaction-fee
carbon-accounting-saas | Carbon-accounting SaaS (Scope 1-3) | 炭素会計SaaS（スコープ1〜3） | both 8 finance
  cloud_data
  | data-science climate-law | co-jp-komorebi=10 co-us-ledgerleaf=8 | saas
ot-security-grid | OT security for power grids | 電力網のOTセキュリティ | both 7 energy cybersecurity
  | cybersecurity power-systems | co-il-shieldot=45 inst-me-innovation-authority=30 co-jp-tomoshibi=5 | saas
quantum-grid-optimisation | Quantum optimisation of grid operations | 量子最適化による電力系統運用
  | both 3 energy quantum | quantum-computing power-systems | inst-cn-quantum-lab=25 co-cn-qubitlink=20
  co-us-quantaforge=10 | saas
satellite-methane-monitoring | AI satellite methane monitoring | AI衛星メタン監視 | both 7 energy ai
  | ai climate-science | inst-us-east-univ-ecosystem=15 co-in-gridsetu=5 | data-platform
ai-hvac-control | AI HVAC control | AI空調制御 | both 8 buildings ai | ai engineering
  | co-jp-yukimura=35 co-jp-irodori=15 co-us-atlastwin=10 | energy-as-a-service
city-digital-twin | City-scale digital twin | 都市デジタルツイン | both 6 buildings digital_twin
  | data-science environmental-science | co-jp-ishizue=25 inst-kr-5g-testbed=10 co-id-nusantara=5 |
  data-platform
hydrogen-supply-chain-twin | Hydrogen supply-chain digital twin | 水素サプライチェーン・デジタルツイン
  | both 5 energy digital_twin | data-science electrochemistry | co-jp-kirameki=15 co-jp-minatogawa=12
  | data-platform
autonomous-ev-logistics | Autonomous EV logistics | 自動運転EV物流 | both 6 mobility ai | autonomous-driving
  | co-il-roadmind=20 co-jp-wadachi=10 | mobility-as-a-service
edtech-green-skills | Green-skills edtech platform | グリーン人材育成エドテック | both 7 education cloud_data
  | edtech environmental-science | co-sg-learnloop=8 co-jp-manabiya=4 | subscription-learning
battery-ai-bms | AI battery management system | AIバッテリーマネジメント | both 7 mobility ai | ai
  electrochemistry
  | co-jp-tsubasa=45 co-cn-lianxin=30 | battery-as-a-service
microgrid-pay-as-you-go | Pay-as-you-go solar microgrids | 従量課金型ソーラーマイクログリッド
  | both 8 energy cloud_data | power-systems fintech | co-ke-jua=12 co-in-gridsetu=6
  | energy-as-a-service transaction-fee
factory-digital-twin | Digital twins for factories | 工場デジタルツイン | both 7 manufacturing digital_twin
  | engineering data-science | co-jp-aoba=130 co-jp-karakuri=50 inst-jp-digital-research=40
  co-de-fabrikdigital=55 co-us-atlastwin=40 | outcome-based-maintenance saas
ai-materials-discovery | AI-driven materials discovery | AI駆動型材料探索（マテリアルズ・インフォマティクス）
  | both 6 manufacturing ai | materials-science ai data-science | inst-jp-univ-a=70 co-jp-kaito=60
  co-jp-kotoha=40 co-us-northbeam=35 inst-us-ai-commercialisation=30 | saas ip-licensing
ot-cybersecurity | OT / critical-infrastructure cybersecurity | OT・重要インフラのサイバーセキュリティ
  | dx 8 manufacturing cybersecurity | cybersecurity | co-il-shieldot=70 inst-me-innovation-authority=55
  co-jp-tomoshibi=8 co-jp-kasumi=6 | saas
zero-trust-security | Zero-trust network security | ゼロトラスト・セキュリティ | dx 8 finance cybersecurity
  | cybersecurity | co-il-zerogate=60 inst-me-innovation-authority=20 | saas
ai-threat-detection | AI cyber-threat detection | AIサイバー脅威検知 | dx 8 finance cybersecurity
  | cybersecurity ai | co-il-zerogate=35 inst-me-innovation-authority=25 inst-us-east-univ-ecosystem=10 | saas
autonomous-driving-l4 | Level-4 autonomous driving | レベル4自動運転 | dx 6 mobility ai | autonomous-driving
  ai
  | co-il-roadmind=80 inst-me-innovation-authority=40 co-jp-hayate=60 inst-us-ai-commercialisation=20
  | mobility-as-a-service
v2x-5g | 5G V2X connected vehicles | 5G V2X（車車間・路車間通信） | dx 7 mobility iot_5g | 5g
  autonomous-driving
  | co-kr-hanbit5g=35 inst-kr-5g-testbed=20 co-jp-hibiki=25 inst-asia-incubator-network=15 | data-platform
5g-private-networks | Private 5G networks | ローカル5G | dx 8 manufacturing iot_5g | 5g
  | co-kr-hanbit5g=50 inst-asia-incubator-network=30 co-jp-hibiki=30 | saas
5g-industrial-iot | 5G industrial IoT | 5G産業IoT | dx 7 manufacturing iot_5g | 5g iot
  | inst-asia-incubator-network=25 co-kr-hanbit5g=30 co-vn-songxanh=5 co-jp-hibiki=15 |
  outcome-based-maintenance
quantum-computer | Superconducting quantum computers | 超伝導量子コンピューター | dx 5 manufacturing quantum
  | quantum-computing physics | inst-cn-quantum-lab=90 co-cn-qubitlink=60 inst-asia-incubator-network=35
  co-us-quantaforge=55 inst-jp-univ-b=30 | saas
post-quantum-cryptography | Post-quantum cryptography | 耐量子計算機暗号 | dx 6 finance quantum
  | quantum-computing cybersecurity | inst-asia-incubator-network=20 inst-me-innovation-authority=15
  co-il-zerogate=10 inst-us-east-univ-ecosystem=12 | ip-licensing
ai-drug-discovery | AI drug discovery | AI創薬 | dx 5 healthcare ai | ai biochemistry medicine
  | co-gb-thamesbio=40 inst-eu-tech-transfer-network=45 co-jp-sorairo=50 inst-us-ai-commercialisation=25
  | ip-licensing
medical-imaging-ai | Medical imaging AI | 医療画像AI | dx 8 healthcare ai | ai medicine medical-informatics
  | co-gb-medvision=35 inst-eu-tech-transfer-network=30 co-jp-nagisa=20 inst-us-east-univ-ecosystem=15 | saas
remote-care-5g | 5G remote healthcare | 5G遠隔医療 | dx 6 healthcare iot_5g | 5g medicine
  | inst-asia-incubator-network=15 co-kr-hanbit5g=10 co-jp-nagisa=5 | saas
genomics-data-platform | Genomics data platform | ゲノムデータ基盤 | dx 7 healthcare cloud_data
  | biochemistry medical-informatics data-science | co-gb-thamesbio=25 inst-eu-tech-transfer-network=35
  | data-platform
adaptive-learning-ai | Adaptive-learning AI | アダプティブ学習AI | dx 8 education ai | edtech ai
  | co-sg-learnloop=20 inst-asia-incubator-network=15 co-jp-manabiya=6 | subscription-learning
mobile-payments | Mobile payments | モバイル決済 | dx 9 finance cloud_data | fintech
  | co-sg-greenpay=30 co-in-paygreen=25 co-ke-jua=5 inst-asia-incubator-network=10 | transaction-fee
digital-identity-blockchain | Blockchain digital identity | ブロックチェーン型デジタルID | dx 6 finance
  blockchain
  | blockchain cybersecurity | inst-us-east-univ-ecosystem=20 co-us-ledgerleaf=10 co-in-paygreen=5
  | data-platform
collaborative-robots | Collaborative robots | 協働ロボット | dx 8 manufacturing ai | robotics ai
  | co-jp-karakuri=200 co-jp-akatsuki=25 inst-jp-univ-b=30 | product-sales outcome-based-maintenance
edge-ai-chips | Edge AI chips | エッジAI半導体 | dx 6 manufacturing ai | electronic-engineering ai
  | co-jp-tsumugi=40 co-kr-hanbit5g=15 inst-jp-digital-research=25 | product-sales
"""
EXTRA_SEGMENTS = dict(
    pairs(
        "blockchain-carbon-credits:energy-blockchain battery-passport:manufacturing-blockchain "
        "carbon-accounting-saas:manufacturing-cloud_data ot-cybersecurity:energy-cybersecurity "
        "green-fintech-platform:energy-cloud_data city-digital-twin:mobility-digital_twin "
        "post-quantum-cryptography:finance-cybersecurity 5g-industrial-iot:energy-iot_5g"
    )
)

# slug | English | Japanese | revenue model | page | what the report says (page 0: generic model)
BUSINESS_MODELS = """
kaizen | Kaizen continuous improvement | カイゼン（品質管理手法） | operational_efficiency | 5
  | Toyota's Kaizen raised production efficiency and quality
global-supply-chain-product | Revolutionary product on a global supply chain
  | グローバル・サプライチェーンを活用した革新的製品 | product_sales | 5 | Apple's iPhone used a global supply
  chain
import-and-improve | Import and improve foreign technology | 海外技術の導入と改良 | product_sales | 5
  | post-war Japan and today's China absorbed and improved foreign technology
talent-attraction-ecosystem | Ecosystem attracting the best talent | 最優秀人材が集まる仕組み | ecosystem | 5
  | the US built a system that gathers the best talent
know-how-purchase | Buying technology and business-model know-how | 海外からノウハウを購入する仕組み |
  licensing
  | 2 | a mechanism to buy know-how from abroad
commercialisation-alliance | Commercialisation alliance with innovation institutions
  | 商業化に強いイノベーション機関との連携 | partnership | 2 | comprehensive alliances focused on
  commercialisation
military-to-civil | Military-to-civil technology conversion | 軍需技術の民生化 | licensing | 6
  | the Middle-East authority converts military technology to civil use
5g-business-creation | 5G-based business creation | 5Gを前提にしたビジネス創出 | platform | 6
  | the Asian network creates businesses premised on 5G
venture-creation | Venture / new-business creation know-how | 新規事業創出のノウハウ | equity | 6
  | the Middle-East authority is world-leading in new-business creation know-how
ppa | Power purchase agreement (PPA) | 電力購入契約（PPA） | usage_based | 0 | -
energy-as-a-service | Energy-as-a-service | エネルギー・アズ・ア・サービス | subscription | 0 | -
battery-as-a-service | Battery-as-a-service | バッテリー・アズ・ア・サービス | subscription | 0 | -
offtake | Long-term offtake contract (hydrogen, fuels) | 長期引取契約（水素・燃料） | product_sales | 0 | -
carbon-credit-marketplace | Carbon-credit marketplace | カーボンクレジット取引市場 | transaction_fee | 0 | -
saas | Software-as-a-service subscription | SaaS型サブスクリプション | subscription | 0 | -
outcome-based-maintenance | Outcome-based / predictive maintenance contract | 成果報酬型・予知保全契約
  | outcome_based | 0 | -
ip-licensing | IP licensing | 知的財産ライセンス | licensing | 0 | -
transaction-fee | Transaction-fee payments platform | 決済手数料型プラットフォーム | transaction_fee | 0 | -
subscription-learning | Subscription learning platform | サブスクリプション型学習サービス | subscription | 0 |
  -
data-platform | Data platform / marketplace | データプラットフォーム・マーケットプレイス | data_sales | 0 | -
mobility-as-a-service | Mobility-as-a-service | MaaS（サービスとしての移動） | usage_based | 0 | -
product-sales | Hardware product sales | 製品販売 | product_sales | 0 | -
"""

# id | English | Japanese | country sector size valuation (USD m, 0: none) | what the report says
# ('-': a fictional company invented for the sample; Japanese ones form the company coalition)
COMPANIES = """
co-toyota | Toyota | トヨタ | JP mobility - 0 | introduced the Kaizen quality-management method
co-apple | Apple | アップル | US electronics - 0 | launched the iPhone using a global supply chain
co-google | Google | グーグル | US it_services - 0 | GAFA, whose businesses BATH first imitated
co-amazon | Amazon | アマゾン | US it_services - 0 | GAFA, whose businesses BATH first imitated
co-facebook | Facebook (Meta) | フェイスブック（メタ） | US it_services - 0 | GAFA, whose businesses BATH
  first imitated
co-baidu | Baidu | 百度（バイドゥ） | CN it_services - 0 | BATH: from imitating GAFA to creating new value
co-alibaba | Alibaba | 阿里巴巴（アリババ） | CN it_services - 0 | BATH: from imitating GAFA to creating new
  value
co-tencent | Tencent | 騰訊（テンセント） | CN it_services - 0 | BATH: from imitating GAFA to creating new
  value
co-huawei | Huawei | 華為（ファーウェイ） | CN telecom - 0 | BATH: from imitating GAFA to creating new value
co-jp-kaito | Kaito Green Materials K.K. | 海斗グリーンマテリアル株式会社 | JP materials large 0 | -
co-jp-hoshikawa | Hoshikawa Solar Devices K.K. | 星川ソーラーデバイス株式会社 | JP energy large 0 | -
co-jp-minatogawa | Minatogawa Hydrogen Works K.K. | 湊川水素工業株式会社 | JP energy large 0 | -
co-jp-tsubasa | Tsubasa Battery Systems K.K. | 翼バッテリーシステムズ株式会社 | JP mobility large 0 | -
co-jp-tetsurei | Tetsurei Steel K.K. | 鉄嶺製鋼株式会社 | JP manufacturing large 0 | -
co-jp-aoba | Aoba Digital Factory K.K. | 青葉デジタルファクトリー株式会社 | JP manufacturing large 0 | -
co-jp-shiranami | Shiranami Electric Power K.K. | 白波電力株式会社 | JP energy large 0 | -
co-jp-kazamidori | Kazamidori Offshore Wind K.K. | 風見鶏洋上風力株式会社 | JP energy sme 0 | -
co-jp-yukimura | Yukimura Heat Systems K.K. | 雪村ヒートシステムズ株式会社 | JP buildings large 0 | -
co-jp-hayate | Hayate Motors K.K. | 疾風モーターズ株式会社 | JP mobility large 0 | -
co-jp-orizuru | Orizuru Carbon Fibre K.K. | 折鶴カーボンファイバー株式会社 | JP materials large 0 | -
co-jp-karakuri | Karakuri Robotics K.K. | からくりロボティクス株式会社 | JP manufacturing large 0 | -
co-jp-kotoha | Kotoha Materials AI K.K. | ことはマテリアルズAI株式会社 | JP materials startup 0 | -
co-jp-hiiragi | Hiiragi Quantum Technologies K.K. | 柊量子テクノロジーズ株式会社 | JP it_services startup 0 |
  -
co-jp-tsumugi | Tsumugi Semiconductor K.K. | 紡セミコンダクター株式会社 | JP manufacturing large 0 | -
co-jp-irodori | Irodori Building Energy K.K. | 彩ビルエネルギー株式会社 | JP buildings sme 0 | -
co-jp-minori | Minori Agritech K.K. | 実りアグリテック株式会社 | JP agriculture startup 0 | -
co-jp-wadachi | Wadachi Logistics K.K. | 轍ロジスティクス株式会社 | JP mobility large 0 | -
co-jp-kanade | Kanade Fintech K.K. | 奏フィンテック株式会社 | JP finance startup 0 | -
co-jp-shizuku | Shizuku Financial Group K.K. | 雫フィナンシャルグループ株式会社 | JP finance large 0 | -
co-jp-hibiki | Hibiki Telecom K.K. | 響テレコム株式会社 | JP telecom large 0 | -
co-jp-nagisa | Nagisa Medical AI K.K. | 渚メディカルAI株式会社 | JP healthcare startup 0 | -
co-jp-sorairo | Sorairo Pharma K.K. | 空色製薬株式会社 | JP healthcare large 0 | -
co-jp-manabiya | Manabiya Edtech K.K. | 学び舎エドテック株式会社 | JP education startup 0 | -
co-jp-tomoshibi | Tomoshibi Security K.K. | 灯セキュリティ株式会社 | JP it_services sme 0 | -
co-jp-kasumi | Kasumi IT Services K.K. | 霞ITサービス株式会社 | JP it_services large 0 | -
co-jp-hamakaze | Hamakaze Shipping K.K. | 浜風海運株式会社 | JP mobility large 0 | -
co-jp-ishizue | Ishizue Construction K.K. | 礎建設株式会社 | JP buildings large 0 | -
co-jp-yamabiko | Yamabiko Chemicals K.K. | 山彦化学株式会社 | JP materials large 0 | -
co-jp-inaho | Inaho Foods K.K. | 稲穂フーズ株式会社 | JP agriculture large 0 | -
co-jp-kirameki | Kirameki Trading K.K. | 煌商事株式会社 | JP trading large 0 | -
co-jp-fumoto | Fumoto Gas & Power K.K. | 麓ガス・パワー株式会社 | JP energy large 0 | -
co-jp-sazanami | Sazanami Airlines K.K. | 漣エアラインズ株式会社 | JP mobility large 0 | -
co-jp-komorebi | Komorebi Data K.K. | 木漏れ日データ株式会社 | JP it_services startup 1000 | -
co-jp-tsukushi | Tsukushi EV Charge K.K. | つくしEVチャージ株式会社 | JP mobility startup 0 | -
co-jp-akatsuki | Akatsuki Auto Parts K.K. | 暁オートパーツ株式会社 | JP mobility sme 0 | -
co-us-northbeam | Northbeam AI Inc. | ノースビームAI | US materials startup 2400 | -
co-us-gridwise | Gridwise Energy Inc. | グリッドワイズ・エナジー | US energy sme 0 | -
co-us-helioperov | HelioPerov Inc. | ヘリオペロブ | US energy startup 0 | -
co-us-atlastwin | Atlas Twin Software Inc. | アトラス・ツイン・ソフトウェア | US it_services sme 0 | -
co-us-ledgerleaf | LedgerLeaf Carbon Inc. | レジャーリーフ・カーボン | US finance startup 0 | -
co-us-quantaforge | QuantaForge Inc. | クオンタフォージ | US it_services startup 0 | -
co-de-elektrolyse | Elektrolysewerk Nord GmbH | エレクトロリーゼヴェルク・ノルト | DE energy large 0 | -
co-de-fabrikdigital | FabrikDigital GmbH | ファブリクデジタル | DE it_services sme 0 | -
co-gb-thamesbio | Thames BioData Ltd | テムズ・バイオデータ | GB healthcare startup 0 | -
co-gb-medvision | MedVision Analytics Ltd | メドビジョン・アナリティクス | GB healthcare sme 0 | -
co-il-shieldot | ShieldOT Ltd | シールドOT | IL it_services startup 1200 | -
co-il-zerogate | ZeroGate Security Ltd | ゼロゲート・セキュリティ | IL it_services startup 1800 | -
co-il-roadmind | RoadMind Autonomy Ltd | ロードマインド・オートノミー | IL mobility startup 1300 | -
co-il-negev-studio | Negev Dual-Use Venture Studio | ネゲブ・デュアルユース・ベンチャースタジオ | IL finance
  sme 0 | -
co-cn-sunrise | Sunrise Perovskite Co. | サンライズ・ペロブスカイト | CN energy large 0 | -
co-cn-qubitlink | QubitLink Co. | キュービットリンク | CN it_services startup 2100 | -
co-cn-tianlan | Tianlan Hydrogen Co. | 天藍水素 | CN energy large 0 | -
co-cn-lianxin | Lianxin Solid-State Battery Co. | 聯芯全固体電池 | CN mobility large 0 | -
co-kr-hanbit5g | Hanbit 5G Factory Co. | ハンビット5Gファクトリー | KR telecom large 0 | -
co-sg-greenpay | GreenPay Asia Pte Ltd | グリーンペイ・アジア | SG finance startup 1600 | -
co-sg-learnloop | LearnLoop Pte Ltd | ラーンループ | SG education startup 0 | -
co-in-solarkisan | SolarKisan Pvt Ltd | ソーラーキサン | IN agriculture startup 0 | -
co-in-paygreen | PayGreen India Pvt Ltd | ペイグリーン・インディア | IN finance startup 1100 | -
co-in-gridsetu | GridSetu Energy Pvt Ltd | グリッドセトゥ・エナジー | IN energy sme 0 | -
co-br-bioenergia | BioEnergia Verde S.A. | ビオエネルジア・ヴェルデ | BR energy large 0 | -
co-br-agrogemeo | AgroGemeo Ltda | アグロジェメオ | BR agriculture startup 0 | -
co-id-nusantara | Nusantara Energi Digital PT | ヌサンタラ・エネルギ・デジタル | ID energy sme 0 | -
co-ke-jua | Jua Microgrid Ltd | ジュア・マイクログリッド | KE energy startup 0 | -
co-vn-songxanh | Song Xanh Manufacturing JSC | ソンサイン・マニュファクチャリング | VN manufacturing sme 0 | -
co-za-ukhanyo | Ukhanyo Carbon Capture (Pty) Ltd | ウカニョ・カーボンキャプチャー | ZA energy sme 0 | -
"""

# id | English | Japanese | type country | page (0: invented) | investments target:USD m:year (illustrative)
INVESTORS = """
inv-jp-private-funds | Private funds (archetype) | 民間ファンド等 | private_fund JP | 7
  | co-jp-kotoha:12:2024 co-jp-hiiragi:8:2024 co-jp-minori:5:2023
inv-jp-gx-growth | GX Growth Partners Fund I | GXグロース・パートナーズ1号ファンド | private_fund JP | 0
  | co-jp-komorebi:30:2023 co-jp-tsukushi:10:2024 tech-perovskite-pv:25:2024 tech-solid-state-battery:20:2023
inv-jp-dx-ventures | Kizuna DX Ventures | 絆DXベンチャーズ | vc JP | 0
  | co-jp-kanade:6:2023 co-jp-manabiya:3:2022 co-jp-nagisa:7:2024 co-jp-kotoha:5:2023
inv-jp-public-gx-fund | Japanese public GX transition fund (archetype) | 日本の公的GX移行ファンド（類型）
  | public_fund JP | 0 | tech-perovskite-pv:150:2024 tech-green-hydrogen-electrolysis:200:2024
  tech-ammonia-cofiring:120:2023 tech-solid-state-battery:180:2023 co-jp-minatogawa:60:2024
inv-us-deep-tech-vc | Harborline Deep-Tech Ventures | ハーバーライン・ディープテック・ベンチャーズ | vc US | 0
  | co-us-northbeam:250:2023 co-us-quantaforge:90:2024 co-us-atlastwin:60:2022
  tech-ai-materials-discovery:40:2024
inv-us-climate-vc | Cedar Climate Capital | シーダー・クライメート・キャピタル | vc US | 0
  | co-us-helioperov:80:2024 co-us-gridwise:70:2022 co-us-ledgerleaf:35:2023 co-in-gridsetu:20:2024
  co-br-agrogemeo:12:2024
inv-il-cyber-vc | Tzafon Cyber Ventures | ツァフォン・サイバー・ベンチャーズ | vc IL | 0
  | co-il-shieldot:120:2023 co-il-zerogate:200:2022 co-il-roadmind:150:2024 co-il-negev-studio:25:2021
inv-sg-frontier | Straits Frontier Capital | ストレイツ・フロンティア・キャピタル | vc SG | 0
  | co-sg-greenpay:180:2023 co-sg-learnloop:40:2022 co-in-paygreen:90:2024
inv-cn-tech-fund | Jinghua Technology Fund | 京華テクノロジーファンド | private_fund CN | 0
  | co-cn-sunrise:140:2023 co-cn-qubitlink:220:2024 co-cn-lianxin:160:2023 co-cn-tianlan:110:2022
inv-eu-green-fund | European public green-innovation fund (archetype) |
  欧州の公的グリーン・イノベーション基金（類型）
  | public_fund DE | 0 | co-de-elektrolyse:130:2023 co-de-fabrikdigital:45:2022 co-gb-thamesbio:50:2023
  tech-green-hydrogen-electrolysis:90:2024 co-br-bioenergia:60:2024
inv-dev-bank-asia | Regional development bank, Asia-Pacific (archetype) | アジア太平洋の地域開発銀行（類型）
  | development_bank - | 0 | co-id-nusantara:40:2024 co-vn-songxanh:25:2023 co-in-solarkisan:18:2023
inv-dev-bank-africa | Regional development bank, Africa (archetype) | アフリカの地域開発銀行（類型）
  | development_bank - | 0 | co-ke-jua:30:2023 co-za-ukhanyo:45:2024
"""

# slug | English | Japanese | country year | business models | technologies | deployers |
# what the report says (p.5), or '-' for an illustrative case
CASES = """
toyota-kaizen | Toyota's Kaizen in the car industry | トヨタの「カイゼン」 | JP - | kaizen | - | co-toyota
  | after learning core technology from abroad, Toyota introduced Kaizen and for a time dominated the world
apple-iphone | Apple iPhone on a global supply chain | グローバル・サプライチェーンによるiPhone | US -
  | global-supply-chain-product | - | co-apple | Apple launched the revolutionary iPhone using a global supply
  chain
bath-imitation-to-innovation | BATH: from imitating GAFA to creating new value |
  BATH：GAFAの模倣から新たな価値創造へ
  | CN - | import-and-improve | - | co-baidu co-alibaba co-tencent co-huawei
  | BATH first imitated GAFA's businesses and technology; each now creates new value
postwar-japan-technology-import | Post-war Japan: importing and improving foreign technology
  | 戦後日本：海外技術の導入と改良 | JP - | import-and-improve know-how-purchase | - | - | post-war Japan
  imported and improved
  foreign technology in cars and consumer electronics as the engine of growth
china-technology-absorption | China: absorbing technology and inviting expert talent |
  中国：技術の吸収と人材の招へい
  | CN - | import-and-improve talent-attraction-ecosystem know-how-purchase | - | - | China absorbed and
  applied technology,
  invited expert talent and became a technology power
us-silicon-valley-ecosystem | US: the Silicon Valley ecosystem | 米国：シリコンバレーのエコシステム | US -
  | talent-attraction-ecosystem | - | - | the US gathers the best talent; Silicon Valley keeps producing
  new technologies and business models
cn-perovskite-rooftop | Perovskite rooftop PV roll-out | ペロブスカイト屋根置き太陽光の展開 | CN 2023 | ppa
  | perovskite-pv | co-cn-sunrise | -
us-perovskite-bipv | Perovskite building-integrated PV | ペロブスカイト建材一体型太陽光 | US 2024 | ppa
  | perovskite-pv | co-us-helioperov | -
cn-solid-state-pilot | Solid-state battery pilot line for EVs | EV向け全固体電池パイロットライン | CN 2024
  | battery-as-a-service | solid-state-battery battery-ai-bms | co-cn-lianxin | -
de-hydrogen-steel-hub | Green-hydrogen steel hub | グリーン水素製鉄ハブ | DE 2023 | offtake
  | green-hydrogen-electrolysis green-steel | co-de-elektrolyse | -
cn-desert-electrolysis | Desert solar-to-hydrogen plant | 砂漠型太陽光水電解プラント | CN 2022 | offtake
  | green-hydrogen-electrolysis | co-cn-tianlan | -
in-solar-hydrogen-cluster | Solar-hydrogen industrial cluster | 太陽光・水素産業クラスター | IN 2024 | offtake
  | green-hydrogen-electrolysis smart-grid-vpp | co-in-gridsetu | -
us-ai-battery-cathode | AI-discovered battery cathode commercialised | AI探索による電池正極材の商業化 | US
  2023
  | ip-licensing saas commercialisation-alliance | ai-materials-discovery battery-materials | co-us-northbeam
  | -
de-twin-automotive-plant | Digital twin of an automotive plant | 自動車工場のデジタルツイン | DE 2022
  | outcome-based-maintenance | factory-digital-twin 5g-private-networks | co-de-fabrikdigital | -
us-twin-gigafactory | Battery gigafactory digital twin | 電池ギガファクトリーのデジタルツイン | US 2024 | saas
  | factory-digital-twin battery-materials | co-us-atlastwin | -
vn-twin-electronics | Electronics-assembly digital twin | 電子機器組立工場のデジタルツイン | VN 2024
  | outcome-based-maintenance | factory-digital-twin 5g-industrial-iot | co-vn-songxanh | -
il-grid-ot-security | Grid OT-security operations centre | 電力網OTセキュリティ監視センター | IL 2023 | saas
  | ot-security-grid ot-cybersecurity | co-il-shieldot | -
il-zero-trust-bank | Zero-trust security for a retail bank | リテール銀行のゼロトラスト化 | IL 2022 | saas
  | zero-trust-security ai-threat-detection | co-il-zerogate | -
il-autonomous-shuttle | Autonomous urban shuttle service | 自動運転都市シャトル | IL 2024 |
  mobility-as-a-service
  | autonomous-driving-l4 autonomous-ev-logistics | co-il-roadmind | -
il-dual-use-venture-studio | Dual-use venture-studio spin-outs | デュアルユース・ベンチャースタジオの事業創出
  | IL 2021 | venture-creation military-to-civil commercialisation-alliance | ai-threat-detection |
  co-il-negev-studio | -
sg-green-payments | Green payments and green-loan platform | グリーン決済・グリーンローン基盤 | SG 2023
  | transaction-fee | green-fintech-platform mobile-payments | co-sg-greenpay | -
sg-adaptive-learning | Adaptive green-skills learning | アダプティブ型グリーンスキル学習 | SG 2022
  | subscription-learning | adaptive-learning-ai edtech-green-skills | co-sg-learnloop | -
cn-quantum-grid | Quantum grid-dispatch pilot | 量子計算による系統運用パイロット | CN 2024 | saas
  | quantum-grid-optimisation quantum-computer | co-cn-qubitlink | -
kr-5g-smart-factory | 5G smart factory | 5Gスマート工場 | KR 2023 | 5g-business-creation
  | 5g-private-networks 5g-industrial-iot v2x-5g | co-kr-hanbit5g | -
gb-genomics-drug-discovery | Genomics-led AI drug discovery | ゲノム主導のAI創薬 | GB 2023 | ip-licensing
  | genomics-data-platform ai-drug-discovery | co-gb-thamesbio | -
gb-imaging-ai | Hospital imaging-AI service | 病院向け画像診断AIサービス | GB 2022 | saas | medical-imaging-ai
  | co-gb-medvision | -
us-blockchain-credits | Blockchain carbon-credit exchange | ブロックチェーン型カーボンクレジット取引所 | US
  2023
  | carbon-credit-marketplace | blockchain-carbon-credits carbon-accounting-saas | co-us-ledgerleaf | -
us-vpp-aggregator | Residential VPP aggregator | 家庭用VPPアグリゲーター | US 2022 | energy-as-a-service
  | smart-grid-vpp ai-grid-forecasting | co-us-gridwise | -
ke-solar-microgrid | Pay-as-you-go solar microgrids | 従量課金型ソーラーマイクログリッド | KE 2023
  | energy-as-a-service transaction-fee | microgrid-pay-as-you-go mobile-payments | co-ke-jua | -
in-precision-agri | Smallholder precision agriculture | 小規模農家向けスマート農業 | IN 2023 | data-platform
  | precision-agriculture | co-in-solarkisan | -
in-green-finance-app | Green micro-finance app | グリーン・マイクロファイナンスアプリ | IN 2024 |
  transaction-fee
  | green-fintech-platform mobile-payments | co-in-paygreen | -
br-saf-sugarcane | Sugarcane-based SAF | サトウキビ由来SAF | BR 2023 | offtake | sustainable-aviation-fuel
  | co-br-bioenergia | -
br-farm-sensing-biochar | Farm sensing with biochar credits | 農場センシングとバイオ炭クレジット | BR 2024
  | carbon-credit-marketplace | precision-agriculture biochar | co-br-agrogemeo | -
id-island-grid-forecasting | Island-grid renewable forecasting | 離島系統の再エネ予測 | ID 2024 | saas
  | ai-grid-forecasting smart-grid-vpp | co-id-nusantara | -
za-mine-ccus | Mine-site carbon capture | 鉱山サイトの炭素回収 | ZA 2024 | carbon-credit-marketplace
  | ccus direct-air-capture | co-za-ukhanyo | -
jp-heat-pump-retrofit | Heat-pump retrofit with AI HVAC | ヒートポンプ改修とAI空調 | JP 2022 |
  energy-as-a-service
  | heat-pumps ai-hvac-control | co-jp-yukimura co-jp-irodori | -
jp-fcv-logistics | Fuel-cell truck logistics | 燃料電池トラック物流 | JP 2021 | product-sales |
  fuel-cell-vehicles
  | co-jp-hayate co-jp-wadachi | -
jp-cfrp-aircraft | CFRP aircraft components | CFRP航空機部材 | JP 2020 | product-sales | carbon-fibre
  | co-jp-orizuru co-jp-sazanami | -
jp-cobot-line | Cobot assembly line run with Kaizen | カイゼンで運用する協働ロボットライン | JP 2022
  | kaizen outcome-based-maintenance | collaborative-robots | co-jp-karakuri co-jp-akatsuki | -
jp-sic-licensing | SiC power-device IP licensing | SiCパワーデバイスの知財ライセンス | JP 2023 | ip-licensing
  | sic-power-semiconductors | co-jp-tsumugi | -
jp-bems-office | Office-tower BEMS | オフィスビルのBEMS | JP 2023 | energy-as-a-service |
  building-energy-management
  | co-jp-irodori co-jp-ishizue | -
jp-vpp-pilot | Regional VPP pilot | 地域VPP実証 | JP 2023 | energy-as-a-service | smart-grid-vpp
  ai-grid-forecasting
  | co-jp-shiranami co-jp-fumoto | -
jp-ammonia-cofiring-demo | Ammonia co-firing demonstration | アンモニア混焼実証 | JP 2024 | product-sales
  | ammonia-cofiring | co-jp-shiranami | -
jp-carbon-accounting | Supply-chain carbon accounting | サプライチェーン炭素会計 | JP 2024 | saas
  | carbon-accounting-saas | co-jp-komorebi co-jp-kirameki | -
jp-ev-charging | EV fleet charging service | EVフリート充電サービス | JP 2024 | energy-as-a-service
  | ev-charging-optimisation | co-jp-tsukushi co-jp-wadachi | -
jp-green-loan-platform | Green-loan platform for SMEs | 中小企業向けグリーンローン基盤 | JP 2024 |
  transaction-fee
  | green-fintech-platform | co-jp-shizuku co-jp-kanade | -
"""

# org | fields, each field:score or field:SCALE-key | what the report says (p.6), '-': illustrative
STRENGTHS = """
inst-us-east-univ-ecosystem | computer-science environmental-science medicine blockchain
  information:leading_edge | Institution 1's cutting-edge fields; the US east coast is world-top level
inst-us-ai-commercialisation | ai:leading_edge | Institution 2 is an AI-commercialisation ecosystem
inst-eu-tech-transfer-network | biochemistry medicine computer-science:strength
  | strengths in biochemistry, medicine and computer science
inst-asia-incubator-network | fintech edtech quantum-computing:world_leading
  | world-leading in fintech, edtech and quantum computing
inst-asia-incubator-network | 5g:ahead | ahead of the US in some 5G-based business creation
inst-me-innovation-authority | cybersecurity venture-creation:world_leading
  | world-leading in cybersecurity and new-business creation know-how
inst-me-innovation-authority | ai autonomous-driving:strength
  | a treasure trove of AI, autonomous driving and information security
country-us | computer-science ai physics chemistry biology medicine environmental-science engineering
  quantum-computing 5g:ahead | US: comprehensively high in every field
country-cn | quantum-computing 5g:leading_edge | China: technology surpassing the US in quantum and 5G
country-il | cybersecurity venture-creation:world_leading
  | Israel: world-top level in cybersecurity and the venture-creation ecosystem
country-gb | biochemistry medicine computer-science:strength
  | UK: strengths in biochemistry, medicine and computer science
country-jp | materials-science:0.9 electrochemistry:0.9 photovoltaics:0.85 chemistry:0.85 physics:0.8
  robotics:0.85 ai:0.5 cybersecurity:0.35 venture-creation:0.2 fintech:0.3 edtech:0.3 quantum-computing:0.5 |
  -
country-de | engineering:0.85 electrochemistry:0.75 power-systems:0.8 | -
country-kr | 5g:0.9 electronic-engineering:0.85 | -
country-sg | fintech:0.9 edtech:0.8 | -
country-cn | ai:0.85 materials-science:0.8 | -
country-il | ai:0.85 | -
country-in | computer-science:0.7 fintech:0.75 | -
country-br | agricultural-science:0.75 synthetic-biology:0.6 | -
country-id | power-systems:0.5 | -
country-ke | fintech:0.7 | -
country-vn | electronic-engineering:0.55 | -
country-za | carbon-management:0.6 | -
inst-us-east-univ-ecosystem | climate-science:0.8 carbon-management:0.75 | -
inst-us-ai-commercialisation | computer-science:0.85 data-science:0.85 medicine:0.6 | -
inst-eu-tech-transfer-network | medical-informatics:0.75 synthetic-biology:0.7 | -
inst-asia-incubator-network | iot:0.8 | -
inst-me-innovation-authority | robotics:0.7 | -
inst-intl-orgs | environmental-science:0.7 climate-law:0.75 | -
inst-intl-climate-tech-body | climate-science:0.8 carbon-management:0.7 | -
inst-intl-south-south-forum | business-innovation:0.6 agricultural-science:0.5 | -
inst-jp-univ-a | materials-science:0.9 photovoltaics:0.9 chemistry:0.85 | -
inst-jp-univ-b | physics:0.8 quantum-computing:0.6 electronic-engineering:0.75 | -
inst-jp-energy-materials | electrochemistry:0.95 materials-science:0.85 | -
inst-jp-digital-research | data-science:0.7 robotics:0.75 iot:0.65 | -
inst-jp-government | climate-law:0.6 | -
inst-jp-secretariat | business-innovation:0.7 | -
inst-de-applied-research | engineering:0.85 electrochemistry:0.8 | -
inst-kr-5g-testbed | 5g:0.9 iot:0.8 | -
inst-sg-fintech-sandbox | fintech:0.9 | -
inst-cn-quantum-lab | quantum-computing:0.9 physics:0.85 | -
inst-in-tech-consortium | computer-science:0.75 power-systems:0.7 | -
inst-br-bioeconomy | synthetic-biology:0.75 agricultural-science:0.8 | -
inst-id-energy-transition | power-systems:0.65 carbon-management:0.6 | -
inst-ke-digital-hub | fintech:0.7 venture-creation:0.6 | -
inst-vn-tech-incubator | electronic-engineering:0.6 venture-creation:0.5 | -
inst-za-decarbonisation | carbon-management:0.75 | -
"""

# code | affiliation country role | title | expertise target:level. All experts are fictional.
EXPERTS = """
ME-01 | inst-me-innovation-authority IL programme_director | Head of OT-security programme
  | field-cybersecurity:0.95 tech-ot-cybersecurity:0.95 tech-ot-security-grid:0.9
ME-02 | inst-me-innovation-authority IL staff | Lead, cyber-defence to civil transfer
  | field-cybersecurity:0.9 tech-ai-threat-detection:0.9 tech-zero-trust-security:0.85
ME-03 | inst-me-innovation-authority IL staff | Venture-creation programme manager
  | field-venture-creation:0.95 field-business-innovation:0.8
ME-04 | inst-me-innovation-authority IL researcher | Autonomous-driving researcher
  | field-autonomous-driving:0.85 tech-autonomous-driving-l4:0.85 field-ai:0.8
ME-05 | inst-me-innovation-authority IL researcher | AI scientist | field-ai:0.85 tech-ai-threat-detection:0.7
ILC-01 | co-il-shieldot IL employee | Chief technology officer | field-cybersecurity:0.9
  tech-ot-security-grid:0.9
ILC-02 | co-il-negev-studio IL employee | Managing partner | field-venture-creation:0.9
US1-01 | inst-us-east-univ-ecosystem US faculty | Professor of computer science
  | field-computer-science:0.9 field-information:0.85
US1-02 | inst-us-east-univ-ecosystem US faculty | Environmental-science faculty lead
  | field-environmental-science:0.9 field-climate-science:0.8 tech-direct-air-capture:0.8
US1-03 | inst-us-east-univ-ecosystem US faculty | Medical-innovation director
  | field-medicine:0.9 tech-medical-imaging-ai:0.75
US1-04 | inst-us-east-univ-ecosystem US faculty | Blockchain research lead
  | field-blockchain:0.9 tech-blockchain-carbon-credits:0.85 tech-digital-identity-blockchain:0.8
US1-05 | inst-us-east-univ-ecosystem US staff | Cross-university knowledge-sharing coordinator
  | field-business-innovation:0.7 field-information:0.7
US2-01 | inst-us-ai-commercialisation US staff | AI-commercialisation director
  | field-ai:0.95 field-venture-creation:0.7
US2-02 | inst-us-ai-commercialisation US researcher | AI x materials researcher
  | tech-ai-materials-discovery:0.9 field-materials-science:0.7
US2-03 | inst-us-ai-commercialisation US researcher | AI x energy researcher
  | tech-ai-grid-forecasting:0.85 field-ai:0.85
US2-04 | inst-us-ai-commercialisation US researcher | AI x medicine researcher
  | tech-ai-drug-discovery:0.8 field-medicine:0.7
EU-01 | inst-eu-tech-transfer-network GB member | Tech-transfer manager, biochemistry
  | field-biochemistry:0.9 tech-genomics-data-platform:0.8
EU-02 | inst-eu-tech-transfer-network GB member | Medical tech-transfer lead
  | field-medicine:0.85 tech-ai-drug-discovery:0.8
EU-03 | inst-eu-tech-transfer-network DE member | Computer-science licensing officer
  | field-computer-science:0.85 tech-medical-imaging-ai:0.6
EU-04 | inst-eu-tech-transfer-network GB staff | Membership director | field-business-innovation:0.75
AS-01 | inst-asia-incubator-network SG staff | 5G venture programme lead
  | field-5g:0.9 tech-5g-private-networks:0.85
AS-02 | inst-asia-incubator-network SG staff | Fintech incubator lead
  | field-fintech:0.95 tech-green-fintech-platform:0.85 tech-mobile-payments:0.9
AS-03 | inst-asia-incubator-network SG staff | Edtech incubator lead | field-edtech:0.9
  tech-adaptive-learning-ai:0.85
AS-04 | inst-asia-incubator-network CN researcher | Quantum-computing researcher
  | field-quantum-computing:0.95 tech-quantum-computer:0.9
AS-05 | inst-asia-incubator-network KR researcher | 5G network-infrastructure engineer
  | field-5g:0.9 tech-v2x-5g:0.8
CNQ-01 | inst-cn-quantum-lab CN researcher | Quantum-chemistry lead
  | tech-quantum-chemistry-simulation:0.9 field-quantum-computing:0.85
DE-01 | inst-de-applied-research DE researcher | Head of electrolysis research
  | tech-green-hydrogen-electrolysis:0.85 field-electrochemistry:0.8
KR-01 | inst-kr-5g-testbed KR staff | Testbed director | field-5g:0.85 tech-5g-industrial-iot:0.8
SG-01 | inst-sg-fintech-sandbox SG staff | Sandbox programme head | field-fintech:0.85
IN-01 | inst-in-tech-consortium IN faculty | Professor of power systems
  | field-power-systems:0.8 tech-smart-grid-vpp:0.75
BR-01 | inst-br-bioeconomy BR researcher | Bioeconomy researcher
  | tech-sustainable-aviation-fuel:0.8 field-synthetic-biology:0.75
ID-01 | inst-id-energy-transition ID researcher | Energy-transition analyst
  | field-power-systems:0.7 tech-ai-grid-forecasting:0.6
KE-01 | inst-ke-digital-hub KE staff | Hub director | field-fintech:0.75 tech-microgrid-pay-as-you-go:0.8
ZA-01 | inst-za-decarbonisation ZA researcher | CCUS engineer | tech-ccus:0.8 field-carbon-management:0.8
INT-01 | inst-intl-orgs JP staff | Technology-cooperation programme officer
  | field-environmental-science:0.7 field-business-innovation:0.7
INT-02 | inst-intl-climate-tech-body ID staff | Climate-technology transfer specialist
  | field-climate-science:0.8 tech-blockchain-carbon-credits:0.6
INT-03 | inst-intl-south-south-forum KE staff | South-South innovation coordinator
  | field-venture-creation:0.6 field-edtech:0.5
JP-01 | inst-jp-univ-a JP faculty | Professor of materials science
  | field-materials-science:0.95 tech-perovskite-pv:0.95 tech-ai-materials-discovery:0.85
JP-02 | inst-jp-energy-materials JP researcher | Electrochemistry group leader
  | field-electrochemistry:0.95 tech-solid-state-battery:0.95 tech-green-hydrogen-electrolysis:0.85
JP-03 | inst-jp-univ-b JP faculty | Professor of quantum physics
  | field-quantum-computing:0.7 tech-quantum-chemistry-simulation:0.75
JP-04 | inst-jp-digital-research JP researcher | Digital-twin researcher
  | tech-factory-digital-twin:0.9 field-data-science:0.75
JPC-01 | co-jp-hoshikawa JP employee | Chief engineer, perovskite modules | tech-perovskite-pv:0.9
JPC-02 | co-jp-tsubasa JP employee | R&D fellow | tech-solid-state-battery:0.9 tech-battery-ai-bms:0.7
JPC-03 | co-jp-aoba JP employee | Head of smart factory | tech-factory-digital-twin:0.85
  tech-5g-industrial-iot:0.5
JPC-04 | co-jp-tomoshibi JP employee | Security architect | field-cybersecurity:0.55 tech-ot-cybersecurity:0.5
SEC-01 | inst-jp-secretariat JP staff | Partnership director (Japan window)
  | field-business-innovation:0.8 field-venture-creation:0.5
SEC-02 | inst-jp-secretariat JP staff | Technology-map analyst | field-data-science:0.7
  field-environmental-science:0.6
GOV-01 | inst-jp-government JP official | GX policy officer | field-climate-law:0.7
  field-environmental-science:0.6
"""
# Second affiliations that make experts bridges between regions: expert | organisation | role
EXTRA_AFFILIATIONS = """
exp-int-01 | inst-jp-secretariat | advisor
exp-us1-05 | inst-intl-orgs | advisor
exp-sec-01 | inst-intl-orgs | liaison
exp-eu-04 | inst-intl-climate-tech-body | advisor
exp-in-01 | inst-intl-orgs | advisor
exp-me-03 | inst-intl-south-south-forum | advisor
exp-as-02 | inst-intl-south-south-forum | advisor
exp-ke-01 | inst-intl-south-south-forum | member
exp-br-01 | inst-intl-climate-tech-body | advisor
exp-za-01 | inst-intl-climate-tech-body | member
"""

# slug | English | Japanese | status start end | page (0: illustrative) | parties id=role | scope
COALITION = "part-jp-company-coalition"
PARTNERSHIPS = """
knowledge-network-model | GX x DX Knowledge Network model (report proposal)
  | GX x DX「智のネットワーク」提携モデル（報告書の提案） | proposed - - | 7
  | inst-jp-government=government_sponsor inst-jp-secretariat=japan_window
  inst-intl-orgs=international_partner inv-jp-private-funds=investor | Japan window run by an external
  secretariat with government; a Japanese company coalition; co-investment with private funds;
  replication to other countries including the Global South
jp-company-coalition | Japanese Company Coalition (GX/DX) | 日本企業連合（GX/DX） | active 2024-10-01 - | 0
  | inst-jp-secretariat=japan_window inst-jp-government=government_sponsor
  | Japanese companies with strong GX/DX interest, embedded in the partner ecosystems
us-univ-ecosystem | Knowledge Network with the US East-Coast University Ecosystem
  | 米国東海岸大学エコシステムとの智のネットワーク | active 2024-10-01 - | 0
  | inst-us-east-univ-ecosystem=academic_partner inst-jp-secretariat=japan_window
  inst-jp-government=government_sponsor inst-jp-univ-a=research_partner inv-jp-private-funds=investor
  inv-jp-gx-growth=investor co-jp-kaito=company_member co-jp-hoshikawa=company_member
  co-jp-minatogawa=company_member co-jp-tsubasa=company_member co-jp-aoba=company_member
  co-jp-shiranami=company_member co-jp-yamabiko=company_member co-jp-kirameki=company_member
  co-jp-komorebi=company_member co-jp-ishizue=company_member
  | Technology-map updates, business-model know-how and case feedback; joint research and investment
us-ai-commercialisation | AI x GX commercialisation programme with US Institution 2
  | 米国機関②とのAI x GX商業化プログラム | active 2025-01-15 - | 0
  | inst-us-ai-commercialisation=academic_partner inst-jp-secretariat=japan_window
  inv-jp-dx-ventures=investor co-jp-kotoha=company_member co-jp-aoba=company_member
  co-jp-nagisa=company_member co-jp-sorairo=company_member co-jp-kasumi=company_member
  | Existing fields x AI: materials, factories, medicine
eu-tech-transfer | Membership of the European tech-transfer network | 欧州技術移転ネットワークへの加盟
  | proposed - - | 0 | inst-eu-tech-transfer-network=academic_partner inst-jp-secretariat=japan_window
  | Access to biochemistry, medicine and computer-science inventions
me-authority-dialogue | Dialogue with the Middle-East innovation authority | 中東イノベーション機関との対話
  | proposed - - | 0 | inst-me-innovation-authority=innovation_partner inst-jp-secretariat=japan_window
  inst-jp-government=government_sponsor | Cybersecurity and venture-creation know-how; no Japanese company yet
asia-incubator-network | Open-innovation membership with the Asian incubator network
  | アジアのインキュベーター網とのオープンイノベーション提携 | proposed - - | 0
  | inst-asia-incubator-network=incubator_partner inst-jp-secretariat=japan_window
  | Fintech, edtech, quantum computing and 5G business creation; no Japanese company yet
asia-5g-pilot | 5G business-creation pilot with the Asian incubator network
  | アジアのインキュベーター網との5G事業創出パイロット | ended 2021-04-01 2023-03-31 | 0
  | inst-asia-incubator-network=incubator_partner co-jp-hibiki=company_member
  | One-company pilot; ended without follow-on
de-hydrogen-research | Joint electrolysis research with a German institute | ドイツ研究機関との水電解共同研究
  | ended 2019-04-01 2022-03-31 | 0 | inst-de-applied-research=research_partner
  inst-jp-energy-materials=research_partner co-jp-minatogawa=company_member
  | Technology development only; no commercialisation track
replication-id | Replication of the model in Indonesia | インドネシアへの提携モデル複製 | active 2025-04-01 -
  | 0
  | inst-intl-climate-tech-body=international_partner inst-jp-secretariat=japan_window
  inst-id-energy-transition=academic_partner inv-dev-bank-asia=investor co-jp-kirameki=company_member
  co-jp-shiranami=company_member | Grid forecasting and hydrogen supply chains
replication-ke | Replication of the model in Kenya | ケニアへの提携モデル複製 | proposed - - | 0
  | inst-intl-south-south-forum=international_partner inst-jp-secretariat=japan_window
  inst-ke-digital-hub=academic_partner inv-dev-bank-africa=investor | Microgrids and fintech
replication-in | Replication of the model in India | インドへの提携モデル複製 | proposed - - | 0
  | inst-intl-orgs=international_partner inst-jp-secretariat=japan_window
  inst-in-tech-consortium=academic_partner | Power systems and computer science
replication-vn | Replication of the model in Viet Nam | ベトナムへの提携モデル複製 | proposed - - | 0
  | inst-intl-orgs=international_partner inst-jp-secretariat=japan_window
  inst-vn-tech-incubator=incubator_partner | Electronics manufacturing and venture creation
"""


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

    def node(
        self,
        kind: str,
        node_id: str,
        en: str,
        ja: str,
        source: str,
        *,
        confidence: float | None = None,
        **fields: Any,
    ) -> None:
        if node_id in self.nodes:
            self.problems.append(f"duplicate node id {node_id}")
            return
        if source.startswith("illustrative:") and kind not in ("market_segment", "technology"):
            en, ja = f"{en} (sample)", f"{ja}（サンプル）"
        row = {"kind": kind, "id": node_id, "name_en": en, "name_ja": ja}
        row |= self._provenance(kind, source, confidence)
        self.nodes[node_id] = row | {k: v for k, v in fields.items() if v is not None}

    def rel(
        self, rel_type: str, src: str, dst: str, source: str, *, confidence: float | None = None, **props: Any
    ) -> None:
        key = (src, rel_type, dst)
        if key in self.rels:
            self.problems.append(f"duplicate relationship {key}")
            return
        row = {"type": rel_type, "from": src, "to": dst} | self._provenance(rel_type, source, confidence)
        self.rels[key] = row | {k: v for k, v in props.items() if v is not None}

    def located(self, node_id: str, country: str | None, source: str) -> None:
        if country:
            self.rel("LOCATED_IN", node_id, f"country-{country.lower()}", source)


def add_countries(s: Sample) -> None:
    for iso, en, ja, region, page, ranks, entry_exit in table(COUNTRIES, 7):
        indicators: list[Row] = [
            {"indicator": ind, "year": 2023, "rank": rank, "source": f"{GII} ({ind}{GII_NOTES.get(ind, '')})"}
            for ind, rank in JP_GII_2023.items()
            if iso == "jp"
        ]
        for ind, rank in zip(SAMPLE_RANK_INDICATORS, (opt(ranks) or "").split(), strict=False):
            indicators.append(
                {"indicator": ind, "year": 2023, "rank": int(rank), "source": SAMPLE, "illustrative": True}
            )
        entry, exit_ = (float(x) for x in entry_exit.split())
        for year, (d_entry, d_exit) in YEAR_SHIFT.items():
            for ind, value in (("firm_entry_rate", entry + d_entry), ("firm_exit_rate", exit_ + d_exit)):
                indicators.append(
                    {
                        "indicator": ind,
                        "year": year,
                        "value": round(value, 1),
                        "unit": "% of firms",
                        "source": SAMPLE,
                        "illustrative": True,
                    }
                )
        s.node(
            "country",
            f"country-{iso}",
            en,
            ja,
            cite(page, f"{en} in the report") if page != "0" else ISO,
            iso_code=iso.upper(),
            region=region,
            indicators=indicators,
            description="GII 2023 ranks as quoted by the report (Japan) and illustrative sample values; "
            "each indicator carries its own source and illustrative flag.",
        )


def add_institutions(s: Sample) -> None:
    for iid, en, ja, axes, page, what in table(INSTITUTIONS, 6):
        itype, country, region = (opt(x) for x in axes.split())
        source = cite(page, what) if page != "0" else SAMPLE
        s.node(
            "institution",
            iid,
            en,
            ja,
            source,
            institution_type=itype,
            country=country,
            region=region,
            description=f"Report archetype: {what}." if page != "0" else "Invented archetype institution.",
        )
        s.located(iid, country, source)
    for iid, (iso, name) in ASSUMED_HOME.items():
        s.rel(
            "LOCATED_IN",
            iid,
            f"country-{iso}",
            f"illustrative: secretariat assumption; strengths match "
            f"the report's {name} criterion (p.6), but the report names no host country",
            confidence=0.6,
        )


def add_fields(s: Sample) -> None:
    for slug, en, ja, parents, page in table(FIELDS, 5):
        source = cite(page, f"field named: {ja}") if page != "0" else TAXONOMY
        s.node("field", f"field-{slug}", en, ja, source)
        for parent in (opt(parents) or "").split():
            s.rel("SUBFIELD_OF", f"field-{slug}", f"field-{parent}", TAXONOMY, confidence=0.9)


def add_business_models(s: Sample) -> None:
    for slug, en, ja, revenue, page, what in table(BUSINESS_MODELS, 6):
        source = cite(page, what) if page != "0" else f"{TAXONOMY} (generic business model)"
        s.node("business_model", f"bm-{slug}", en, ja, source, revenue_model=revenue)


def add_market_segments(s: Sample) -> None:
    for industry, ind_ja, size_bn, cagr_shift in table(INDUSTRY_AXIS, 4):
        for digital, dig_en, dig_ja, share, cagr in table(DIGITAL_AXIS, 5):
            s.node(
                "market_segment",
                f"seg-{industry}-{digital}",
                f"{industry.capitalize()} × {dig_en}",
                f"{ind_ja} × {dig_ja}",
                SAMPLE,
                industry=industry,
                digital_technology=digital,
                cagr_pct=round(float(cagr) + float(cagr_shift), 1),
                market_size_usd=round(float(size_bn) * float(share), 2) * 1e9,
                year=2023,
                description="Technology-map cell: industry axis x digital-technology axis "
                "(report p.8). CAGR and market size are illustrative.",
            )


def add_companies(s: Sample) -> None:
    for cid, en, ja, axes, what in table(COMPANIES, 5):
        country, sector, size, valuation = axes.split()
        real = what != "-"
        s.node(
            "company",
            cid,
            en,
            ja,
            cite(5, what) if real else SAMPLE,
            country=country,
            is_japanese=country == "JP",
            sector=sector,
            size=opt(size),
            is_unicorn=valuation != "0",
            valuation_usd=float(valuation) * 1e6 if valuation != "0" else None,
            description=f"Named in the report: {what}; no figures attached."
            if real
            else "Fictional company" + (" in the Japanese company coalition." if country == "JP" else "."),
        )
        s.located(cid, country, GENERAL if real else SAMPLE)


def add_investors(s: Sample) -> None:
    for iid, en, ja, axes, page, investments in table(INVESTORS, 6):
        itype, country = (opt(x) for x in axes.split())
        source = cite(page, "co-investment with private funds (民間ファンド等)") if page != "0" else SAMPLE
        s.node("investor", iid, en, ja, source, investor_type=itype, country=country)
        s.located(iid, country, source)
        for target, musd, year in (item.split(":") for item in investments.split()):
            s.rel("INVESTS_IN", iid, target, SAMPLE, amount_usd=float(musd) * 1e6, year=int(year))


def add_technologies(s: Sample) -> None:
    for slug, en, ja, axes, fields, developers, models in table(TECHNOLOGIES, 7):
        tid, (domain, trl, industry, digital) = f"tech-{slug}", axes.split()
        patents = publications = 0
        for org, count in pairs(developers):
            n = int(count)
            n_pubs = n * 4 if org.startswith("inst-") else n // 2
            patents, publications = patents + n, publications + n_pubs
            s.rel("DEVELOPS", org, tid, SAMPLE, patents=n, publications=n_pubs)
        s.node(
            "technology",
            tid,
            en,
            ja,
            SAMPLE,
            domain=domain,
            trl=int(trl),
            patent_families=patents,
            patent_citations=patents * 3,
            publications=publications,
            industry=industry,
            digital_technology=opt(digital),
            description=f"{domain.upper()} technology; TRL, patents and publications are illustrative.",
        )
        for field in fields.split():
            s.rel("COVERS", f"field-{field}", tid, TAXONOMY, confidence=0.8)
        for model in models.split():
            s.rel("ENABLES", tid, f"bm-{model}", TAXONOMY, confidence=0.7)
        for segment in (f"{industry}-{digital}" if digital != "-" else None, EXTRA_SEGMENTS.get(slug)):
            if segment:
                s.rel("IN_SEGMENT", tid, f"seg-{segment}", TAXONOMY, confidence=0.8)


def add_case_studies(s: Sample) -> None:
    for slug, en, ja, axes, models, techs, deployers, what in table(CASES, 8):
        cid, (country, year) = f"cs-{slug}", axes.split()
        source = cite(5, what) if what != "-" else SAMPLE
        s.node(
            "case_study",
            cid,
            en,
            ja,
            source,
            country=country,
            year=int(year) if year != "-" else None,
            outcome=what[0].upper() + what[1:] + "." if what != "-" else "Illustrative deployment.",
        )
        s.located(cid, country, source)
        for model in models.split():
            s.rel("PROVEN_BY", f"bm-{model}", cid, source)
        for tech in (opt(techs) or "").split():
            s.rel("USES", cid, f"tech-{tech}", source)
        for company in (opt(deployers) or "").split():
            s.rel("DEPLOYED_BY", cid, company, source)


def add_strengths(s: Sample) -> None:
    for org, spec, what in table(STRENGTHS, 3):
        *fields, last = spec.split()
        field, level = last.rsplit(":", 1)
        if level in SCALE:  # "a b c:level" gives every listed field the same cited level
            source = cite(6, f"{what} (score: '{level}' on the fixed wording scale)")
            items = [(f, str(SCALE[level])) for f in [*fields, field]]
        else:
            source, items = SAMPLE, pairs(spec)
        for name, score in items:
            s.rel(
                "STRONG_IN",
                org,
                f"field-{name}",
                source,
                score=float(score),
                confidence=0.8 if what != "-" else None,
            )


def add_experts(s: Sample) -> None:
    for code, axes, title, expertise in table(EXPERTS, 4):
        eid, (org, country, role) = f"exp-{code.lower()}", axes.split()
        s.node(
            "expert",
            eid,
            f"Expert {code}",
            f"専門家 {code}",
            SAMPLE,
            title=title,
            country=country,
            description=f"Fictional expert: {title}.",
        )
        s.rel("AFFILIATED_WITH", eid, org, SAMPLE, role=role)
        s.located(eid, country, SAMPLE)
        for target, level in pairs(expertise):
            s.rel("EXPERT_IN", eid, target, SAMPLE, level=float(level))
    for eid, org, role in table(EXTRA_AFFILIATIONS, 3):
        s.rel("AFFILIATED_WITH", eid, org, SAMPLE, role=role)


def add_partnerships(s: Sample) -> None:
    members = " ".join(f"{cid}=company_member" for cid, *_ in table(COMPANIES, 5) if cid.startswith("co-jp-"))
    for slug, en, ja, axes, page, parties, scope in table(PARTNERSHIPS, 7):
        pid, (status, start, end) = f"part-{slug}", axes.split()
        source = cite(page, "the proposed partnership model (A-G diagram)") if page != "0" else SAMPLE
        s.node(
            "partnership",
            pid,
            en,
            ja,
            source,
            status=status,
            start_date=opt(start),
            end_date=opt(end),
            scope=scope,
        )
        for party, role in pairs(parties + (" " + members if pid == COALITION else "")):
            s.rel("PARTY", pid, party, source, role=role)


def build() -> Sample:
    s = Sample()
    for step in (
        add_countries,
        add_fields,
        add_business_models,
        add_market_segments,
        add_institutions,
        add_companies,
        add_investors,
        add_technologies,
        add_case_studies,
        add_strengths,
        add_experts,
        add_partnerships,
    ):
        step(s)
    return s


PROVENANCE = ("source", "contributed_by", "confidence", "illustrative")


def _dump(model: Any, first: tuple[str, ...]) -> Row:
    """The model as JSON: identifying keys first, then its own fields, then provenance."""
    data: Row = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    middle = {k: v for k, v in data.items() if k not in first and k not in PROVENANCE}
    return {k: data[k] for k in first if k in data} | middle | {k: data[k] for k in PROVENANCE}


def _honesty(row: Row, label: str) -> list[str]:
    """Illustrative exactly when the source says so; anything else must cite a known source."""
    source = row.get("source") or ""
    if row.get("illustrative", False) != source.startswith("illustrative:"):
        return [f"{label}: illustrative flag disagrees with source {source!r}"]
    if not source.startswith(("illustrative:", *SOURCED)):
        return [f"{label}: unknown source {source!r}"]
    return []


def validate(s: Sample) -> tuple[list[Row], list[Row], list[str]]:
    """Validate every row; return the sorted, normalised nodes and relationships and the problems."""
    node_adapter: TypeAdapter[Any] = TypeAdapter(Node)
    rel_adapter: TypeAdapter[Any] = TypeAdapter(Relationship)
    problems, nodes, rels = list(s.problems), [], []
    axes = {row[0] for row in [*table(INDUSTRY_AXIS, 4), *table(DIGITAL_AXIS, 5)]}
    for row in s.nodes.values():
        try:
            nodes.append(_dump(node_adapter.validate_python(row), ("kind", "id", "name_en", "name_ja")))
        except ValidationError as exc:
            problems.append(f"node {row['id']}: {exc}")
        problems += _honesty(row, row["id"])
        for ind in row.get("indicators", []):
            problems += _honesty(ind, f"{row['id']} {ind['indicator']} {ind['year']}")
        if row["kind"] == "technology" and not axes >= {row["industry"], row.get("digital_technology", "ai")}:
            problems.append(f"{row['id']}: axis value outside the fixed vocabulary")
    kinds = {row["id"]: NodeKind(row["kind"]) for row in s.nodes.values()}
    for (src, rel_type, dst), row in s.rels.items():
        label = f"{rel_type} {src}->{dst}"
        try:
            rels.append(_dump(rel_adapter.validate_python(row), ("type", "from", "to")))
        except ValidationError as exc:
            problems.append(f"{label}: {exc}")
        problems += _honesty(row, label)
        for end, allowed in zip((src, dst), REL_ENDPOINTS[RelType(rel_type)], strict=True):
            if end not in kinds:
                problems.append(f"{label}: unknown node {end}")
            elif kinds[end] not in allowed:
                problems.append(f"{label}: {end} is a {kinds[end]}, which {rel_type} does not allow there")
    nodes.sort(key=lambda r: (r["kind"], r["id"]))
    rels.sort(key=lambda r: (r["type"], r["from"], r["to"]))
    return nodes, rels, problems


def render(nodes: list[Row], rels: list[Row]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in [*nodes, *rels])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the sample ecosystem JSONL.")
    parser.add_argument("--check", action="store_true", help="fail if the file differs from a fresh build")
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
    print(f"{args.out}: {len(nodes)} nodes, {len(rels)} relationships, all valid")
    for title, key, rows in (("nodes", "kind", nodes), ("relationships", "type", rels)):
        counts = Counter(row[key] for row in rows)
        print(f"{title}: " + ", ".join(f"{name} {n}" for name, n in sorted(counts.items())))
    illustrative = sum(row["illustrative"] for row in [*nodes, *rels])
    print(f"illustrative rows {illustrative}, sourced rows {len(nodes) + len(rels) - illustrative}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
