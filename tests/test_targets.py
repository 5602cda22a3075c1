"""Numeric-target extraction: one test (or parametrized case) per rule and per exclusion.

Sentences are written for the purpose in the genre of provincial health work plans; the last
tests run the cleaned seed texts.
"""

from pathlib import Path

import pytest

from pipeline.text.clean import clean_text
from pipeline.text.targets.extract import COMPARATORS, KINDS, Target, excluded_spans, extract_targets, find_programmes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _targets(text: str) -> list[Target]:
    targets = extract_targets(text)
    for t in targets:
        assert text[t.start : t.end] == t.raw_text
        assert t.comparator in COMPARATORS
        assert t.kind in KINDS
        assert (t.value_max is not None) == (t.comparator == "range")
        assert t.kind != "change" or t.is_change
        assert (t.flag is not None and "no_unit" in t.flag) == (t.unit is None)
        assert t.raw_text.count("“") == t.raw_text.count("”"), t.raw_text  # never cut across a quote
    starts = [t.start for t in targets]
    assert starts == sorted(starts)
    return targets


def _only(text: str) -> Target:
    targets = _targets(text)
    assert len(targets) == 1, targets
    return targets[0]


def _seed(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return clean_text(path.read_text(encoding="utf-8")).text


# --- values and units -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("全市新增床位1.5万张。", 15000, "张"),  # 万 multiplied out
        ("力争健康产业规模突破千亿元。", 1e11, "元"),  # Chinese multiplier numeral
        ("为全省70万名老年人免费体检。", 700000, "名"),
        ("全省医疗卫生机构门诊量达到3.2亿人次。", 3.2e8, "人次"),
        ("公共卫生服务经费人均补助标准提高到94元。", 94, "元"),
        ("城乡居民健康素养水平达到32%。", 32, "%"),  # a percentage is the number before %
        ("核酸检测能力达到2000管/日。", 2000, "管/日"),  # a capacity per day
        ("建设十五个县域医疗次中心。", 15, "个"),  # Chinese numeral
        ("招聘1,200名乡村医生。", 1200, "名"),  # digit groups
        ("每千人口拥有执业医师3.6人。", 3.6, "人"),
        ("孕产妇死亡率控制在12/10万以下。", 12, "/10万"),  # a rate per population
        ("婴儿死亡率降至5‰以下。", 5, "‰"),
        ("人均预期寿命达到79.5岁。", 79.5, "岁"),  # a level in years of age, not an age qualifier
        ("招募百分之八十以上的签约医生参加培训。", 80, "%"),
    ],
)
def test_value_and_unit(text: str, value: float, unit: str) -> None:
    t = _only(text)
    assert t.value == pytest.approx(value)
    assert t.unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("新增托位3000个。", "个"),
        ("建成社区医院20家。", "家"),
        ("配置救护车100台。", "台"),
        ("培养全科医生500名。", "名"),
        ("每万人口全科医生数达到4人。", "人"),
        ("新建乡镇卫生院12所。", "所"),
        ("推出惠民举措6项。", "项"),
        ("人均财政补助标准提高6元。", "元"),
        ("门诊量增长8%。", "%"),
        ("签约率提升2个百分点。", "百分点"),
        ("急救平均反应时间缩短至12分钟。", "分钟"),
        ("远程医疗服务覆盖86县区。", "县区"),
        ("新建3家医院。", "家"),  # 家 before 医院 is a measure word (家医 alone is 家庭医生)
        ("建成120个急救站点。", "个"),  # a count that looks like a service number is still a count
        ("新建12000个家庭医生工作室。", "个"),
        ("出生缺陷发生率控制在60/万以下。", "/万"),  # a rate per population with a scale alone
        ("孕产妇死亡率控制在12/10万以下。", "/10万"),
        ("人均补助标准达到80元/人。", "元"),  # a price per person is no rate per population
    ],
)
def test_unit_is_the_measure_word_or_sign(text: str, unit: str) -> None:
    assert _only(text).unit == unit


def test_no_unit_is_never_guessed_and_flagged() -> None:
    t = _only("为30万农村妇女提供免费筛查。")
    assert (t.value, t.unit, t.flag) == (300000, None, "no_unit")
    assert (t.indicator, t.kind) == ("农村妇女免费筛查", "count")
    t = _only("为12万适龄女生免费接种HPV疫苗。")
    assert (t.indicator, t.kind, t.value) == ("适龄女生免费接种HPV疫苗", "count", 120000)


def test_range_gives_value_and_value_max() -> None:
    t = _only("力争参保率提高1~2个百分点。")
    assert (t.value, t.value_max, t.unit, t.comparator) == (1, 2, "百分点", "range")
    t = _only("支持建设三至五个省级区域医疗中心。")
    assert (t.value, t.value_max, t.unit, t.comparator) == (3, 5, "个", "range")


@pytest.mark.parametrize(
    "text, lower, upper, unit",
    [
        # s16: "one or two" of a count (一至两个, 1－2个) is an approximation, no target (targets.toml one_or_two; the keys
        # of tune12 wp_unnamedcity_keygroups and holdout15 wp_zhuhai leave it out): the ranges here go to three
        ("每县建成一至三个示范乡镇卫生院。", 1, 3, "个"),  # a bare 一 is the lower bound of a range
        ("每个街道设置一到三所社区卫生服务中心。", 1, 3, "所"),
        ("各乡镇建设1－3个村卫生室示范点。", 1, 3, "个"),  # a full-width hyphen, kept by cleaning
        ("全年开展2－3次督导检查。", 2, 3, "次"),
    ],
)
def test_range_from_one_and_with_a_full_width_hyphen(text: str, lower: int, upper: int, unit: str) -> None:
    t = _only(text)
    assert (t.value, t.value_max, t.unit, t.comparator) == (lower, upper, unit, "range")


@pytest.mark.parametrize(
    "text, value",
    [
        ("逐一到三个乡镇开展督导检查。", 3),  # 逐一 is a word: the 一 is no lower bound
        ("将数据统一到两个平台。", 2),
    ],
)
def test_a_one_inside_a_word_opens_no_range(text: str, value: int) -> None:
    t = _only(text)
    assert (t.value, t.value_max, t.comparator) == (value, None, "eq")


# --- comparators ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("健康教育覆盖率达到95%以上。", "ge"),
        ("每个县招聘医学毕业生不少于50名。", "ge"),
        ("每个乡镇至少建成1家标准化卫生院。", "ge"),
        ("床位使用率不低于85%。", "ge"),
        ("二级医院日间手术占比达到10%及以上。", "ge"),
        ("中药材种植面积过百万亩。", "gt"),
        ("中医类别医师占比超过25%。", "gt"),
        ("医疗器械产业营业收入突破500亿元。", "gt"),
        ("基层诊疗量占比高于60%。", "ge"),  # CONVENTIONS 6: 高于 is ge, as 以上 and 不低于
        ("个人卫生支出占比控制在27%以内。", "le"),
        ("抗菌药物使用强度不超过40。", "le"),
        ("药占比不高于30%。", "le"),
        ("剖宫产率低于40%。", "lt"),
        ("遴选20个左右临床重点专科。", "approx"),
        ("建设近200家社区医院。", "approx"),
        ("培训基层医务人员约3万人次。", "approx"),
        ("提升签约率2~4个百分点。", "range"),
        ("家庭医生签约率达到75%。", "eq"),
        ("县域就诊率达90%。", "eq"),
        ("县域内住院量占比保持在85%。", "eq"),
        ("传染病报告及时率为100%。", "eq"),
        ("新增托位5000个。", "eq"),
    ],
)
def test_comparator_from_the_wording(text: str, comparator: str) -> None:
    assert _only(text).comparator == comparator


def test_suffix_cue_beats_an_equal_cue_and_words_that_only_look_like_cues_are_ignored() -> None:
    assert _only("县域就诊率保持在90%以上。").comparator == "ge"
    assert _only("通过3家医院牵头组建医联体。").comparator == "eq"  # 通过 is not 过
    assert _only("签约100万人。").comparator == "eq"  # 签约 is not 约


# --- changes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("全省托位数新增2万个。", "新增"),
        ("基本公共卫生服务经费人均财政补助标准提高5元。", "提高"),
        ("家庭医生签约率提升3个百分点。", "提升"),
        ("增加儿科床位2000张。", "增加"),
        ("扩大农村订单定向免费医学生招生规模300名。", "扩大"),
        ("减少不合理住院1万人次。", "减少"),
        ("门诊次均费用增幅降低2个百分点。", "降低"),
    ],
)
def test_increments_and_decrements_are_changes(text: str, action: str) -> None:
    t = _only(text)
    assert (t.is_change, t.kind, t.action) == (True, "change", action)


def test_a_target_level_is_not_a_change() -> None:
    t = _only("将家庭医生签约率提高到80%。")
    assert (t.is_change, t.kind, t.value, t.indicator) == (False, "level", 80, "家庭医生签约率")
    t = _only("招聘800名医学类毕业生。")
    assert (t.is_change, t.kind, t.action) == (False, "count", "招聘")


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("在地铁站增配300台自动体外除颤器。", "增配"),
        ("新建15家区域医疗中心。", "新建"),
        # 打造 and 建设 N家 are new builds like 新建
        ("打造20家社区标准化门诊手术室。", "打造"),
        ("建设30家中医药特色巡诊服务站。", "建设"),
        ("确保3所省级区域医疗中心建成。", "建成"),
    ],
)
def test_things_to_build_are_counts_that_add_to_what_exists(text: str, action: str) -> None:
    t = _only(text)
    assert (t.kind, t.is_change, t.action) == ("count", True, action)


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("招聘600名乡村医生。", "招聘"),
        ("培养300名农村订单定向医学生。", "培养"),
        ("遴选20个左右省级临床重点专科。", "遴选"),
        ("3所省级区域医疗中心投用。", "投用"),
    ],
)
def test_things_to_train_select_or_deliver_are_counts_without_change(text: str, action: str) -> None:
    t = _only(text)
    assert (t.kind, t.is_change, t.action) == ("count", False, action)


def test_a_radius_built_is_a_level_not_a_change() -> None:
    for t in _targets("加快建成“城区15分钟、山区40分钟”急救圈。"):
        assert (t.kind, t.is_change, t.comparator) == ("level", False, "le")


def test_a_list_continues_the_previous_items_verb() -> None:
    first, second, third = _targets("新建30家社区护理站、12家安宁疗护中心、5家康复医院。")
    assert [t.action for t in (first, second, third)] == ["新建", "新建", "新建"]
    assert all(t.is_change and t.kind == "count" for t in (first, second, third))
    assert [t.indicator for t in (first, second, third)] == ["社区护理站", "安宁疗护中心", "康复医院"]
    assert [t.raw_text for t in (first, second, third)] == [
        "新建30家社区护理站",
        "12家安宁疗护中心",
        "5家康复医院",
    ]


def test_respectively_pairs_subjects_with_numbers() -> None:
    first, second = _targets("孕产妇死亡率和婴儿死亡率分别控制在10/10万和4‰以下。")
    assert (first.indicator, first.value, first.unit) == ("孕产妇死亡率", 10, "/10万")
    assert (second.indicator, second.value, second.unit) == ("婴儿死亡率", 4, "‰")
    targets = _targets("孕产妇死亡率、婴儿死亡率、5岁以下儿童死亡率分别降至10/10万、4‰、6‰以内。")
    assert [t.indicator for t in targets] == ["孕产妇死亡率", "婴儿死亡率", "5岁以下儿童死亡率"]
    assert [t.comparator for t in targets] == ["le", "le", "le"]  # one cue for the whole run
    assert [t.flag for t in targets] == [None, None, None]


# --- indicators -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # subject before a level verb, frame words stripped
        ("全市二级以上医院预约诊疗率保持在80%以上。", "二级以上医院预约诊疗率"),
        ("确保每千人口执业（助理）医师数达到3.4人。", "执业（助理）医师数"),
        ("全省1岁以下儿童免疫规划疫苗接种率达到95%。", "1岁以下儿童免疫规划疫苗接种率"),
        ("力争到2026年底县域内就诊率达到90%。", "县域内就诊率"),
        ("推动紧密型医联体网格化覆盖率达到100%。", "紧密型医联体网格化覆盖率"),
        ("年底前全省普惠托位数新增8000个。", "普惠托位数"),
        ("高血压、糖尿病患者规范管理率均达到70%。", "高血压、糖尿病患者规范管理率"),
        ("重大慢性病过早死亡率较2015年降低20%。", "重大慢性病过早死亡率"),  # baseline stripped
        # 提升X至N, verb X N
        ("提升居民健康素养水平至33%。", "居民健康素养水平"),
        ("提升签约率1个百分点。", "签约率"),
        ("引进高层次医学人才不少于200名。", "高层次医学人才"),
        # the counted noun after the unit, with a modifier when it names the thing
        ("增配500台移动式DR设备。", "移动式DR设备"),
        ("每万人口拥有3.5名全科医生。", "全科医生"),
        ("每个县区至少要有一个实验室核酸检测能力达到2000管/日。", "实验室核酸检测能力"),
        ("在高新区新建6万管/日的核酸检测基地。", "核酸检测基地"),  # right after its verb: the thing built
        # an action right before the number names what is counted; an earlier verb is the commitment's
        ("完成适龄妇女宫颈癌筛查12万人。", "适龄妇女宫颈癌筛查"),
        ("全年流感疫苗接种50万剂次。", "流感疫苗接种"),
        # a subject naming a measure needs no verb
        ("基层诊疗量占比65%。", "基层诊疗量占比"),
        # what each counted thing must reach
        ("每个县至少1家县医院达到三级医院水平。", "县医院达到三级医院水平"),
        # who or what is served, not the population alone
        ("对全市30家三级医院周边交通进行整治。", "三级医院周边交通整治"),
        # a percentage followed by what it is a share of
        ("85%以上的乡镇卫生院达到服务能力基本标准。", "乡镇卫生院达到服务能力基本标准"),
        ("推动80%的县医院建成胸痛中心。", "县医院建成胸痛中心"),
        ("确保年底前85%的县建成紧密型医共体。", "县建成紧密型医共体"),
    ],
)
def test_indicator(text: str, indicator: str) -> None:
    t = _only(text)
    assert t.indicator == indicator
    assert t.flag is None


def test_quoted_level_inside_a_name_is_a_target_with_the_named_thing_as_indicator() -> None:
    first, second = _targets("加快构建“城区10分钟、郊区20分钟”急救服务圈。")
    assert [(t.value, t.unit) for t in (first, second)] == [(10, "分钟"), (20, "分钟")]
    assert [t.indicator for t in (first, second)] == ["城区急救服务圈", "郊区急救服务圈"]


def test_short_indicator_is_flagged() -> None:
    t = _only("新增2个。")
    assert t.indicator is None
    assert t.flag == "indicator_uncertain"


# --- coverage ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "indicator", "value", "unit", "action"),
    [
        # <subject>实现N<unit><noun>全覆盖
        ("省级胸痛中心建设项目实现21个市（州）全覆盖。", "省级胸痛中心建设项目覆盖市（州）", 21, "个", None),
        ("远程心电诊断中心实现58个县全覆盖。", "远程心电诊断中心覆盖县", 58, "个", None),
        ("推动县域慢病管理中心实现全省90个县（区）全覆盖。", "县域慢病管理中心覆盖县（区）", 90, "个", None),
        ("城市医疗集团网格化布局实现11个地市的全覆盖。", "城市医疗集团网格化布局覆盖地市", 11, "个", None),
        ("智慧随访系统实现45县全覆盖。", "智慧随访系统覆盖县", 45, "县", None),  # the unit is what is covered
        # <subject>覆盖N<unit><noun>
        ("心理援助热线覆盖16个市州。", "心理援助热线覆盖市州", 16, "个", "覆盖"),
        ("家庭医生签约服务覆盖全省120万名重点人群。", "家庭医生签约服务覆盖重点人群", 1.2e6, "名", "覆盖"),
        ("加快推进远程病理会诊覆盖39县区。", "远程病理会诊覆盖县区", 39, "县区", "覆盖"),
    ],
)
def test_coverage_indicator_is_the_subject_covering_the_counted_noun(
    text: str, indicator: str, value: float, unit: str, action: str | None
) -> None:
    t = _only(text)
    assert (t.indicator, t.value, t.unit, t.comparator, t.kind, t.action) == (
        indicator,
        value,
        unit,
        "eq",
        "level",
        action,
    )
    assert t.flag is None
    assert t.raw_text.startswith(indicator[:4])


def test_two_coverage_clauses_each_keep_their_own_subject() -> None:
    text = "推进省级医学中心建设，市级影像云平台实现14个市全覆盖，基层检验共享中心实现102个乡镇全覆盖。"
    first, second = _targets(text)
    assert (first.indicator, first.value, first.raw_text) == (
        "市级影像云平台覆盖市",
        14,
        "市级影像云平台实现14个市全覆盖",
    )
    assert (second.indicator, second.value, second.unit) == ("基层检验共享中心覆盖乡镇", 102, "个")
    assert first.flag is None and second.flag is None


def test_coverage_without_a_subject_stays_uncertain() -> None:
    t = _only("实现16个市全覆盖。")
    assert (t.indicator, t.flag) == ("覆盖市", "indicator_uncertain")


def test_not_a_coverage() -> None:
    # 覆盖 before a number of people has no covered noun: the subject stays the indicator.
    t = _only("签约服务覆盖800万人。")
    assert (t.indicator, t.action) == ("签约服务", "覆盖")
    # A verb acting on the counted objects is no coverage, even before 全覆盖.
    t = _only("新建12家社区医院。")
    assert (t.indicator, t.action, t.kind) == ("社区医院", "新建", "count")
    # A coverage rate is a level of its own.
    t = _only("村卫生室医保结算覆盖率达到100%。")
    assert t.indicator == "村卫生室医保结算覆盖率"


# --- programmes: a number in a programme's name is never a target --------------------------


@pytest.mark.parametrize(
    ("text", "name", "n_parts"),
    [
        ("实施10项为民服务实事。", "10项为民服务实事", 10),
        ("深入开展健康中原12个专项行动。", "健康中原12个专项行动", 12),
        ("全面落实母婴安全五项制度。", "母婴安全五项制度", 5),
        ("实施出生缺陷防治、心理健康促进、老年人体检三项民生工程。", "三项民生工程", 3),
        ("推出儿科诊疗、夜间门诊等8项便民惠民服务行动。", "8项便民惠民服务行动", 8),
        ("办好12件卫生健康民生实事。", "12件卫生健康民生实事", 12),
        ("深入实施人均预期寿命提升8个专项行动。", "人均预期寿命提升8个专项行动", 8),
        ("新增5项服务事项。", "5项服务事项", 5),
        ("全面实施中医药产业发展“十大行动”。", "中医药产业发展“十大行动”", 10),
        ("推进智慧医疗四大工程。", "智慧医疗四大工程", 4),
        ("完成6个“两年行动计划”。", "6个“两年行动计划”", 6),
        ("推进公立医院“4+1”改革。", "公立医院“4+1”改革", 5),
        ("实施“银发关爱”三年行动。", "“银发关爱”三年行动", None),
        ("持续实施医疗卫生强基工程，提升基层能力。", "医疗卫生强基工程", None),
        ("推进卫生强基工程和乡村医疗服务提质三年行动。", "卫生强基工程", None),
    ],
)
def test_programmes_keep_their_name_and_count_of_parts_and_give_no_target(
    text: str, name: str, n_parts: int | None
) -> None:
    assert _targets(text) == []
    programmes = find_programmes(text)
    assert (programmes[0].name, programmes[0].n_parts) == (name, n_parts)
    assert text[programmes[0].start : programmes[0].end] == name


def test_names_listed_after_a_programme_are_programmes_too() -> None:
    names = [p.name for p in find_programmes("推进卫生强基工程和乡村医疗服务提质三年行动。")]
    assert names == ["卫生强基工程", "乡村医疗服务提质三年行动"]


def test_a_programme_credited_to_another_issuer_says_so() -> None:
    p = find_programmes("认真完成国家层面8项民生实事任务。")[0]
    assert (p.name, p.n_parts, p.quoted_from) == ("国家层面8项民生实事任务", 8, "国家层面")
    p = find_programmes("在全面落实国家推出的6项惠民服务事项基础上，新增4项服务事项。")[0]
    assert (p.n_parts, p.quoted_from) == (6, "国家推出")


def test_a_count_announcing_a_list_is_no_programme() -> None:
    assert find_programmes("全力推进“十大攻坚突破”和“十大重点任务”：") == []
    assert find_programmes("十大重点任务：") == []


def test_not_a_programme() -> None:
    # slogans, policies and named sets that are not initiatives
    for text in (
        "巩固“长处方”政策。",
        "落实十大功能定位。",
        "围绕“2+5+11”布局。",
        "推进紧密型医共体建设。",
        "认真组织实施本行动计划。",  # the document itself
        "实施攻坚行动，推动协同发展。",  # a bare noun names nothing
    ):
        assert find_programmes(text) == [], text


def test_counted_things_that_are_not_programme_items_are_counts() -> None:
    assert _only("建设20个县域医疗卫生次中心。").kind == "count"


# --- target year ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("到2027年底，全省至少80%的村卫生室纳入医保定点。", 2027),
        ("2026年前建成10个区域医疗中心。", 2026),
        ("力争2025年新增托位1万个。", 2025),
        ("2025年，全省新增托位1万个。", None),  # a dateline, not a deadline
        ("年底前建成10个区域医疗中心。", None),
    ],
)
def test_target_year(text: str, year: int | None) -> None:
    assert _only(text).year == year


# --- exclusions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # years and dates
        "2025年是规划收官之年。",
        "实施2025-2027年行动方案。",
        "到2025年底全面完成。",
        "十一月一日起施行。",
        "会议于1月8日至9日召开。",
        "二零二六年是开局之年。",
        # ages
        "加强3岁以下婴幼儿照护。",
        "为65岁以上老年人提供体检。",
        "开展0~6岁儿童眼保健。",
        # list ordinals
        "一是加强领导，二要完善机制。",
        "公布第三批试点名单，启动第一轮评审。",
        "（二）加强基层能力。",
        # names and slogans in quotes
        "推进“4+1”改革。",
        "围绕“2+5+11”布局。",
        "实施“十大工程”。",
        "按照“1836”工作思路推进。",
        "坚决做到“两个维护”。",
        "推动“三医”协同。",
        "打造“7个功能区”。",
        # N大 phrases that name a set, not facilities to build
        "落实十大功能定位。",
        "聚焦6大领域。",
        # a count of kinds that no verb governs says which things are meant
        "推动县级三类医疗机构能力提升。",
        "将患有三种以上慢性病的老年人纳入重点管理。",  # a comparator, but inside a noun phrase
        "全市三种以上慢性病患者纳入管理。",
        # counts of things the clause has just named
        "以甲市、乙市、丙市3个示范市为牵引推进改革。",
        "建设临床研究中心、成果转化中心和推广应用示范中心等三大中心。",
        "把好婚检、孕检、产检、新生儿疾病筛查四个关口。",
        # numbers inside a 以…为 frame, and baselines 在…基础上
        "以打造12个区域医疗高地为抓手。",
        "在全面落实国家推出的8项惠民事项基础上，扩大服务范围。",
        # hospital and administrative grades
        "三级医院对口帮扶县医院。",
        "所有二级以上医院开设儿科。",
        "建强五级医疗卫生服务体系。",
        "完善四级专科服务体系。",
        "二、三级医院下沉专家。",
        # party and session names, planning periods
        "贯彻党的二十大和二十届三中全会精神。",
        "贯彻省委十一届二次全会暨经济工作会议精神。",
        "谋划“十五五”规划，总结十四五成效。",
        # versions, anniversaries, durations
        "迭代健康码3.0版，建设医共体2.0版。",
        "迎接自治区成立60周年，纪念建院20周年。",
        "开展三年行动，连续3年开展义诊。",
        # phone numbers
        "拨打12345热线或0471-1234567咨询。",
        "畅通120急救电话。",
        "提升12320卫生热线服务水平。",  # a service number named before its line
        "开通12356心理援助热线。",
        "用好12345政务服务便民热线。",
        # page furniture counting the page's words
        "投稿人：佚名 全文2482字",
        "本文共1200字，仅供会员参考。",
        "……（来源网站省略1200字，正式会员可完整阅读）……",
        # commemoration days written with a middle dot
        "举办5·12护士节和3·15宣传日活动。",
        # a count of named things: priorities, the titles just listed, a slogan of drivers
        "紧盯医改和健康促进两个重点，持续用力。",
        "以健康扶贫为重点，落实三个一批。",
        "解读了《规划》《意见》《方案》三个指导性文件。",
        "推动医疗医药医保三轮驱动。",
        # a city's size, not a quantity to reach
        "服务150万人口主城区建设。",
        # per-capita denominators
        "每万名人口全科医生数稳步提高。",
        "每千人口床位数稳步增加。",
        # idioms with numerals
        "推进一体化管理，进一步优化流程。",
        "推出一批举措，统一标准，落实一揽子政策。",
        "加强一老一小服务，做好两癌筛查。",
        "学习推广三明医改经验。",
        "深入推进千县工程和百强县建设。",
        "健康科普进万家。",
        "育儿补贴让千万家庭受益。",
        # anaphoric references and model names
        "在这两个学科上给予支持。",
        "推进5G远程医疗和COVID-19防控。",
        # bare Chinese 一 is an article, not a value
        "建立一个长效机制。",
        # fractions, ratios and rankings
        "约三分之一的县完成改革。",
        "1/3以上的乡镇卫生院达标。",
        "医护比达到1:1.2。",
        "综合排名进入全国前10位。",
        # book titles
        "实施《健康中国行动（2019—2030年）》。",
    ],
)
def test_not_a_target(text: str) -> None:
    assert _targets(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "2026年，全市卫生健康系统将重点抓好以下六件事：",
        "做好今年工作，要着力落实以下九项任务：\n一、深化医改",
        "重点做好以下三个方面工作：一是强基层；二是补短板。",
        "今年要完成以下5项重点任务。",
        "主要从如下四个方面推进。",
        "按照下列3类情形分别处理。",
        # without 以下: the sentence announcing the list ends in a colon
        "按照“2468”工作思路，抓好十项重点工作，奋力推进医疗高地建设：",
        "十大重点任务：",
        "会议要求，今年要重点做好八个方面工",  # a text cut off before its list
        "着力抓好六个方面工作：",
        "重点抓好十个方面的工作。一是强基层。二是补短板。",
        "坚持稳中求进，聚力抓好十项重点工作，奋力谱写卫生健康事业新篇章。",  # the opening the list follows
    ],
)
def test_a_number_announcing_the_list_that_follows_is_not_a_target(text: str) -> None:
    assert _targets(text) == []
    assert "list_announcements" in {reason for _, _, reason in excluded_spans(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a count of things to do that is not followed by its list
        ("抓好六项重点工作，新建社区医院20家。", 20),
        # 以下 meaning "below" does not announce a list
        ("为5岁以下2万名儿童免费开展视力筛查。", 20000),
        ("乡镇以下300个村卫生室纳入医保定点。", 300),
    ],
)
def test_counts_not_announcing_a_list_are_kept(text: str, value: float) -> None:
    assert _only(text).value == value


def test_each_exclusion_kind_is_reported() -> None:
    text = "2025年为65岁以上老人，一是落实三级医院十大功能，实施“4+1”改革，迭代3.0版，每万名人口，三明。"
    reasons = {reason for _, _, reason in excluded_spans(text)}
    assert {
        "years_and_dates",
        "ages",
        "ordinals",
        "grades",
        "n_da",
        "quotes",
        "versions",
        "per_capita",
        "idioms",
    } <= reasons


def test_unbalanced_quote_spans_at_most_to_the_next_colon() -> None:
    # The opening quote never closes: it must not swallow the numbers after the colon.
    t = _only("实施卫生健康“强基提质工程：推进36个基层综合试验区建设。")
    assert (t.value, t.unit, t.indicator) == (36, "个", "基层综合试验区")


def test_a_quote_without_a_level_unit_masks_its_numbers_but_not_the_text_after_it() -> None:
    t = _only("围绕“十大工程30项行动”，新建8所医院。")
    assert (t.value, t.unit, t.action) == (8, "所", "新建")


def test_an_age_inside_an_indicator_is_kept_in_words_but_not_read_as_a_value() -> None:
    t = _only("全省3岁以下婴幼儿托位数新增2万个。")
    assert (t.value, t.indicator) == (20000, "3岁以下婴幼儿托位数")


# --- seed texts -------------------------------------------------------------------------------


def _find(targets: list[Target], fragment: str) -> Target:
    matches = [t for t in targets if fragment in t.raw_text]
    assert len(matches) >= 1, fragment
    return matches[0]


def test_round_up_of_provincial_plans() -> None:
    text = _seed("003")
    targets = _targets(text)
    assert 40 <= len(targets) <= 55

    t = _find(targets, "提升签约率1~3个百分点")
    assert (t.value, t.value_max, t.unit, t.comparator, t.is_change, t.indicator) == (
        1,
        3,
        "百分点",
        "range",
        True,
        "签约率",
    )
    t = _find(targets, "托位数新增1.5万个")
    assert (t.value, t.unit, t.kind, t.indicator) == (15000, "个", "change", "3岁以下婴幼儿托位数")
    t = _find(targets, "全科医生数达到4.33人")
    assert (t.value, t.unit, t.comparator, t.indicator, t.per_unit) == (4.33, "人", "eq", "全科医生数", "每万名人口")
    t = _find(targets, "县域就诊率保持在90%以上")
    assert (t.value, t.unit, t.comparator, t.indicator) == (90, "%", "ge", "县域就诊率")
    t = _find(targets, "补助标准提高5元")
    assert (t.value, t.unit, t.kind, t.indicator, t.per_unit) == (
        5,
        "元",
        "change",
        "基本公共卫生服务经费人均财政补助标准",
        "人均",
    )
    t = _find(targets, "突破中医药全产业链千亿元")
    assert (t.value, t.unit, t.comparator) == (1e11, "元", "gt")
    t = _find(targets, "增配7500台自动式体外除颤仪")
    assert (t.value, t.unit, t.kind, t.action, t.indicator) == (
        7500,
        "台",
        "count",
        "增配",
        "自动式体外除颤仪",
    )
    t = _find(targets, "招引高层次人才不少于1000名")
    assert (t.value, t.unit, t.comparator, t.action, t.indicator) == (1000, "名", "ge", "招引", "高层次人才")
    t = _find(targets, "遴选15个左右省级临床重点专科")
    assert (t.value, t.unit, t.comparator) == (15, "个", "approx")
    # a size threshold describing a class of entity, and a count of an enumeration just named: no targets
    assert not [t for t in targets if "50亿元" in t.raw_text or "7个应用" in t.raw_text]
    t = _find(targets, "70万城乡妇女")
    assert (t.value, t.unit, t.flag, t.indicator) == (700000, None, "no_unit", "城乡妇女宫颈癌、乳腺癌免费检查")
    t = _find(targets, "覆盖107县区")
    assert (t.value, t.unit, t.indicator) == (107, "县区", "精神卫生服务覆盖县区")
    t = _find(targets, "13个市（地）全覆盖")
    assert (t.value, t.unit, t.comparator, t.kind, t.indicator, t.flag) == (
        13,
        "个",
        "eq",
        "level",
        "国家级临床重点专科建设项目覆盖市（地）",
        None,
    )
    t = _find(targets, "67个县全覆盖")
    assert (t.value, t.indicator, t.flag) == (67, "省级临床重点专科建设项目覆盖县", None)
    assert not [t for t in targets if "以下八件事" in t.raw_text]  # announces the list that follows
    first, second = _find(targets, "新建40家社区护理中心"), _find(targets, "10家社区康复中心")
    assert (first.action, second.action, first.is_change, second.is_change) == ("新建", "新建", True, True)
    for first in ("打造40家", "建设50家"):
        t = _find(targets, first)
        assert (t.kind, t.is_change) == ("count", True)
    twelve, thirty = _find(targets, "城市12分钟"), _find(targets, "农村30分钟”应急救援圈")
    assert (twelve.value, thirty.value, twelve.unit, twelve.comparator, thirty.comparator) == (
        12,
        30,
        "分钟",
        "le",
        "le",
    )
    t = _find(targets, "每个市至少")
    assert (t.value, t.comparator, t.per_unit, t.kind, t.is_change) == (1, "ge", "每个市", "count", True)
    t = _find(targets, "四大省级儿童区域医疗中心")
    assert (t.value, t.kind, t.indicator) == (4, "count", "省级儿童区域医疗中心")
    three, nine = (t for t in targets if "3+9" in t.raw_text)
    assert (three.value, nine.value, three.flag) == (3, 9, "no_unit;formula_part")
    t = _find(targets, "90%的乡镇卫生院")
    assert (t.value, t.comparator, t.year) == (90, "ge", 2025)

    # Nothing excluded slips through.
    # The round-up has only age qualifiers (3岁以下, 65岁以上, 0~6岁) and no year is a value.
    for t in targets:
        assert t.unit not in ("年", "岁"), t
        assert not 1900 <= t.value <= 2100, t
    assert not {60.0, 20.0, 0.0, 65.0} & {t.value for t in targets}  # 60周年, 20周年, 0~6岁, 65岁以上
    raw = " ".join(t.raw_text for t in targets)
    # No programme count, context count, baseline or list announcement is a target.
    assert not [t for t in targets if t.kind not in ("level", "change", "count")]
    for words in ("专项行动", "五项制度", "民生工程", "民生实事", "服务事项", "丽水", "十项重点工作", "三大中心"):
        assert not [t for t in targets if words in t.raw_text], words
    excluded = "4+1 2+5+11 1836 十大 三大中心 6大领域 五级 四级 第三批 第一轮 周年 3.0版 2.0版 十四五 十五五 二十大 二十届 连续3年 三明 百县"
    for word in excluded.split():
        assert word not in raw, word


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_national_conference_reports(prefix: str) -> None:
    # The national reports state programmes (8项为民服务实事), anniversaries and years, no targets.
    text = _seed(prefix)
    assert _targets(text) == []
    counts = {p.name: p.n_parts for p in find_programmes(text) if p.n_parts}
    expected = {"000": {"8项为民服务实事": 8}, "002": {}, "004": {"10项为民服务实事": 10}}[prefix]
    assert expected.items() <= counts.items()


# --- issue 22: thresholds and counts of enumerations are not targets -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "加快培育年营业收入过50亿元的中医药龙头企业。",
        "引进主营业务收入超过10亿元的医药企业。",
        "加快培育年销售额过20亿元的中药企业。",
        "支持床位超过1000张的县级医院提质扩容。",
        "持续迭代新生儿出生“一件事”、医检互认、疫智防控等7个应用。",
        "推广三明医改、县域医共体等10项经验。",
        "用好健康档案、电子病历等5个平台。",
    ],
)
def test_thresholds_and_counts_of_enumerations_are_not_targets(text: str) -> None:
    assert _targets(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("培育3家年营业收入超过10亿元的企业。", 3),  # the count of firms stays; the threshold does not
        ("医疗器械产业营业收入突破500亿元。", 5e10),  # a level to reach, not a threshold of a class
        ("力争超过90%的县达到标准。", 90),  # a share to reach
        ("编制人才队伍建设、数智健康发展等7个专项规划。", 7),  # new deliverables, named in part
        ("新建急救站、献血屋等20个服务点。", 20),
    ],
)
def test_quantities_to_reach_stay_targets(text: str, value: float) -> None:
    assert [t.value for t in _targets(text)] == [value]


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "comparator"),
    [
        ("大病专项救治病种不少于30种。", 30, "种", "ge"),
        ("免费筛查的遗传病种类达到12种以上，覆盖全县新生儿。", 12, "种", "ge"),
        ("纳入集中带量采购的耗材不低于8类；", 8, "类", "ge"),
    ],
)
def test_a_count_of_kinds_bounded_by_a_comparator_that_closes_its_clause_is_a_target(
    sentence: str, value: float, unit: str, comparator: str
) -> None:
    found = [(t.value, t.unit, t.comparator) for t in extract_targets(sentence)]
    assert found == [(value, unit, comparator)]
