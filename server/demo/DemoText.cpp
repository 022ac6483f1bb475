#include "DemoText.h"

#include <iterator>

// Departments, people, places, organizations and 界别. Institutions are real public bodies;
// companies, people, phone numbers and addresses are made up.

namespace DemoText {

namespace {

// The 42 departments (委办局) of the 2022 online consultation. The order is the catalog order.
const Department kDepartments[] = {
    {"fgw", "市发展改革委", "Shanghai Municipal Development and Reform Commission", 5, 5},
    {"jxw", "市经济信息化委", "Shanghai Municipal Commission of Economy and Informatization", 4, 4},
    {"sww", "市商务委", "Shanghai Municipal Commission of Commerce", 4, 4},
    {"jw", "市教委", "Shanghai Municipal Education Commission", 5, 10},
    {"kw", "市科委", "Science and Technology Commission of Shanghai Municipality", 4, 4},
    {"mzzjw", "市民族宗教委", "Shanghai Municipal Commission for Ethnic and Religious Affairs", 3,
     1},
    {"gaj", "市公安局", "Shanghai Municipal Public Security Bureau", 5, 7},
    {"mzj", "市民政局", "Shanghai Municipal Civil Affairs Bureau", 5, 8},
    {"sfj", "市司法局", "Shanghai Municipal Bureau of Justice", 3, 2},
    {"czj", "市财政局", "Shanghai Municipal Finance Bureau", 3, 2},
    {"rsj", "市人力资源社会保障局", "Shanghai Municipal Human Resources and Social Security Bureau",
     5, 8},
    {"ghzyj", "市规划资源局", "Shanghai Municipal Bureau of Planning and Natural Resources", 4, 4},
    {"sthjj", "市生态环境局", "Shanghai Municipal Bureau of Ecology and Environment", 4, 5},
    {"zjw", "市住房城乡建设管理委",
     "Shanghai Municipal Commission of Housing and Urban-Rural Development", 5, 7},
    {"jtw", "市交通委", "Shanghai Municipal Transportation Commission", 5, 8},
    {"nyw", "市农业农村委", "Shanghai Municipal Agriculture and Rural Affairs Commission", 3, 2},
    {"swj", "市水务局", "Shanghai Water Authority", 3, 3},
    {"whlyj", "市文化旅游局", "Shanghai Municipal Administration of Culture and Tourism", 4, 3},
    {"wjw", "市卫生健康委", "Shanghai Municipal Health Commission", 5, 10},
    {"tyjrj", "市退役军人局", "Shanghai Municipal Bureau of Veterans Affairs", 3, 1},
    {"yjglj", "市应急局", "Shanghai Municipal Emergency Management Bureau", 3, 2},
    {"sjj", "市审计局", "Shanghai Municipal Audit Bureau", 3, 1},
    {"wb", "市政府外办", "Foreign Affairs Office of the Shanghai Municipal People's Government", 3,
     1},
    {"gzw", "市国资委",
     "State-owned Assets Supervision and Administration Commission of Shanghai Municipality", 3, 2},
    {"scjgj", "市市场监管局", "Shanghai Municipal Administration for Market Regulation", 5, 6},
    {"tyj", "市体育局", "Shanghai Municipal Sports Bureau", 3, 2},
    {"tjj", "市统计局", "Shanghai Municipal Statistics Bureau", 3, 1},
    {"ybj", "市医保局", "Shanghai Municipal Healthcare Security Administration", 4, 7},
    {"lhsrj", "市绿化市容局",
     "Shanghai Municipal Administration of Landscaping and City Appearance", 4, 3},
    {"fgj", "市房屋管理局", "Shanghai Municipal Housing Administration Bureau", 4, 6},
    {"jgj", "市机管局", "Government Offices Administration of Shanghai Municipality", 3, 1},
    {"jrj", "市地方金融监管局", "Shanghai Local Financial Supervision and Administration Bureau", 3,
     2},
    {"hzjlb", "市合作交流办", "Shanghai Municipal Cooperation and Exchange Office", 3, 1},
    {"qb", "市政府侨办",
     "Overseas Chinese Affairs Office of the Shanghai Municipal People's Government", 3, 1},
    {"dsjzx", "市大数据中心", "Shanghai Big Data Center", 3, 3},
    {"cgzfj", "市城管执法局", "Shanghai Municipal Urban Management and Law Enforcement Bureau", 4,
     3},
    {"lsj", "市粮食和物资储备局", "Shanghai Municipal Food and Strategic Reserves Administration",
     3, 1},
    {"ypjgj", "市药品监管局", "Shanghai Municipal Medical Products Administration", 3, 2},
    {"zscqj", "市知识产权局", "Shanghai Intellectual Property Administration", 3, 2},
    {"mfb", "市民防办", "Shanghai Civil Defense Office", 3, 1},
    {"xfzd", "市消防救援总队", "Shanghai Fire and Rescue Corps", 3, 2},
    {"sjglj", "市数据局", "Shanghai Municipal Data Administration", 3, 2},
};

// The 16 districts: weights follow the resident population roughly.
const District kDistricts[] = {
    {"黄浦区", 4, false,
     "南京东路|外滩|半淞园路|小东门|豫园|老西门|五里桥|打浦桥|淮海中路|瑞金二路",
     "淮海中路|西藏中路|复兴中路|南京东路|河南南路|打浦路|陆家浜路"},
    {"徐汇区", 6, false,
     "天平路|湖南路|斜土路|枫林路|长桥|田林|虹梅路|康健新村|徐家汇|凌云路|龙华|漕河泾|华泾镇",
     "漕溪北路|天钥桥路|斜土路|龙华中路|虹桥路|宜山路|田林路"},
    {"长宁区", 4, false, "华阳路|江苏路|新华路|周家桥|天山路|仙霞新村|虹桥|程家桥|北新泾|新泾镇",
     "延安西路|天山路|仙霞路|长宁路|愚园路|娄山关路"},
    {"静安区", 5, false,
     "江宁路|石门二路|南京西路|静安寺|曹家渡|天目西路|北站|宝山路|共和新路|大宁路|彭浦新村|临汾路|"
     "芷江西路|彭浦镇",
     "南京西路|常德路|共和新路|延长中路|西康路|天目中路|万荣路"},
    {"普陀区", 6, false, "曹杨新村|长风新村|宜川路|甘泉路|石泉路|真如镇|万里|长寿路|长征镇|桃浦镇",
     "曹杨路|真如路|中山北路|金沙江路|铜川路|武宁路|大渡河路"},
    {"虹口区", 4, false, "欧阳路|曲阳路|广中路|嘉兴路|凉城新村|四川北路|北外滩|江湾镇",
     "四川北路|曲阳路|大连路|东江湾路|海宁路|临平路"},
    {"杨浦区", 6, false,
     "定海路|平凉路|江浦路|四平路|控江路|长白新村|延吉新村|殷行|大桥|五角场|新江湾城|长海路",
     "国定路|控江路|黄兴路|长阳路|淞沪路|四平路|政立路"},
    {"闵行区", 11, true,
     "江川路|古美|新虹|浦锦|莘庄镇|七宝镇|颛桥镇|华漕镇|虹桥镇|梅陇镇|吴泾镇|马桥镇|浦江镇",
     "沪闵路|七莘路|都市路|虹井路|莘建东路|剑川路|浦锦路"},
    {"宝山区", 9, true,
     "友谊路|吴淞|张庙|庙行镇|淞南镇|高境镇|大场镇|杨行镇|月浦镇|罗店镇|顾村镇|罗泾镇",
     "牡丹江路|友谊路|同济路|淞宝路|共和新路|沪太路|长江西路"},
    {"嘉定区", 8, true, "新成路|真新|嘉定镇|南翔镇|安亭镇|马陆镇|徐行镇|华亭镇|外冈镇|江桥镇",
     "博乐路|城中路|沪宜公路|塔城路|墨玉路|曹安公路"},
    {"浦东新区", 23, true,
     "潍坊新村|陆家嘴|周家渡|塘桥|上钢新村|南码头路|沪东新村|金杨新村|洋泾|浦兴路|东明路|花木|"
     "川沙新镇|高桥镇|北蔡镇|合庆镇|唐镇|曹路镇|金桥镇|高行镇|张江镇|三林镇|惠南镇|周浦镇|新场镇|"
     "康桥镇|航头镇|祝桥镇|泥城镇|书院镇",
     "世纪大道|张杨路|锦绣路|杨高中路|东方路|川沙路|浦东南路|丁香路|沪南公路|科苑路"},
    {"金山区", 3, true, "石化|朱泾镇|枫泾镇|张堰镇|亭林镇|吕巷镇|廊下镇|金山卫镇|漕泾镇|山阳镇",
     "卫清西路|龙航路|蒙山路|金山大道|朱平公路"},
    {"松江区", 8, true,
     "岳阳|永丰|方松|中山|广富林|九里亭|泗泾镇|佘山镇|车墩镇|新桥镇|洞泾镇|九亭镇|泖港镇|"
     "石湖荡镇|新浜镇|叶榭镇|小昆山镇",
     "人民北路|中山中路|谷阳北路|荣乐东路|新松江路|文诚路"},
    {"青浦区", 5, true,
     "夏阳|盈浦|香花桥|朱家角镇|练塘镇|金泽镇|赵巷镇|徐泾镇|华新镇|重固镇|白鹤镇",
     "公园路|城中北路|华青南路|外青松公路|淀山湖大道|崧泽大道"},
    {"奉贤区", 5, true, "西渡|奉浦|金海|南桥镇|奉城镇|庄行镇|金汇镇|四团镇|青村镇|柘林镇|海湾镇",
     "解放东路|望园路|南桥路|环城东路|金海公路|航南公路"},
    {"崇明区", 3, true,
     "城桥镇|堡镇|新河镇|庙镇|竖新镇|向化镇|三星镇|港沿镇|中兴镇|陈家镇|绿华镇|港西镇|建设镇|"
     "新海镇|"
     "东平镇|长兴镇|新村乡|横沙乡",
     "八一路|人民路|翠竹路|北门路|陈海公路"},
};

const Surname kSurnames[] = {
    {"王", "wang", 10},    {"张", "zhang", 10},  {"陈", "chen", 10}, {"李", "li", 8},
    {"徐", "xu", 7},       {"朱", "zhu", 6},     {"周", "zhou", 6},  {"沈", "shen", 6},
    {"吴", "wu", 6},       {"刘", "liu", 6},     {"陆", "lu", 5},    {"顾", "gu", 5},
    {"杨", "yang", 5},     {"黄", "huang", 5},   {"金", "jin", 4},   {"胡", "hu", 4},
    {"孙", "sun", 4},      {"钱", "qian", 3},    {"蔡", "cai", 3},   {"赵", "zhao", 3},
    {"郑", "zheng", 3},    {"姚", "yao", 3},     {"唐", "tang", 3},  {"马", "ma", 3},
    {"曹", "cao", 3},      {"施", "shi", 3},     {"何", "he", 3},    {"高", "gao", 3},
    {"许", "xu", 3},       {"蒋", "jiang", 3},   {"范", "fan", 2},   {"汪", "wang", 2},
    {"袁", "yuan", 2},     {"潘", "pan", 2},     {"倪", "ni", 2},    {"叶", "ye", 2},
    {"宋", "song", 2},     {"戴", "dai", 2},     {"丁", "ding", 2},  {"方", "fang", 2},
    {"谢", "xie", 2},      {"冯", "feng", 2},    {"邵", "shao", 2},  {"龚", "gong", 2},
    {"俞", "yu", 2},       {"严", "yan", 2},     {"董", "dong", 2},  {"郭", "guo", 2},
    {"林", "lin", 2},      {"邱", "qiu", 1},     {"杜", "du", 1},    {"薛", "xue", 1},
    {"秦", "qin", 1},      {"罗", "luo", 1},     {"梁", "liang", 1}, {"孔", "kong", 1},
    {"卢", "lu", 1},       {"姜", "jiang", 1},   {"魏", "wei", 1},   {"夏", "xia", 1},
    {"石", "shi", 1},      {"毛", "mao", 1},     {"贺", "he", 1},    {"邹", "zou", 1},
    {"欧阳", "ouyang", 1}, {"诸葛", "zhuge", 1},
};

const OrganizationKind kOrganizationKinds[] = {
    {"hospital",
     "复旦大学附属中山医院|复旦大学附属华山医院|复旦大学附属肿瘤医院|"
     "上海交通大学医学院附属瑞金医院|"
     "上海交通大学医学院附属仁济医院|上海交通大学医学院附属新华医院|上海市第一人民医院|"
     "上海市第六人民医院|上海市第十人民医院|同济大学附属东方医院|上海中医药大学附属龙华医院|"
     "上海市儿童医院|复旦大学附属儿科医院|上海市精神卫生中心|上海市疾病预防控制中心|{D}中心医院|"
     "{D}{street}社区卫生服务中心|{D}{street}社区卫生服务中心|{D}妇幼保健院",
     "医疗卫生|医疗卫生|医疗保障|养老服务|食品药品安全"},
    {"university",
     "复旦大学|上海交通大学|同济大学|华东师范大学|上海大学|上海财经大学|华东理工大学|东华大学|"
     "上海外国语大学|上海理工大学|上海师范大学|上海中医药大学|上海海事大学|上海应用技术大学|"
     "华东政法大学|上海体育大学|上海音乐学院|上海戏剧学院|上海电力大学|上海开放大学",
     "教育|科技创新|科技创新|知识产权保护|经济发展"},
    {"school",
     "上海中学|华东师范大学第二附属中学|复旦大学附属中学|上海交通大学附属中学|上海市实验学校|"
     "上海市格致中学|上海市大同中学|上海市市西中学|上海市七宝中学|上海市建平中学|上海市{D}实验小学|"
     "上海市{D}实验学校|上海市{D}第一中心小学|上海市{D}教育学院|{D}{street}幼儿园",
     "教育|教育|体育健身|社会治理"},
    {"street", "{D}{street}{office}|{D}{street}{neighbourhood}居民区|{D}{street}社区党群服务中心",
     "社会治理|养老服务|城市建设与管理|住房保障|社会治理"},
    {"village", "{D}{town}{village}村|{D}{town}{village}村|{D}{town}农业服务中心",
     "乡村振兴|乡村振兴|生态环境|养老服务"},
    {"company", "上海{brand}{trade}{form}", "经济发展|营商环境|科技创新|就业创业|金融服务"},
    {"soe",
     "上海汽车集团股份有限公司|中国宝武钢铁集团有限公司|上海电气集团股份有限公司|"
     "上海申通地铁集团有限公司|上海城投（集团）有限公司|东方国际（集团）有限公司|"
     "上海建工集团股份有限公司|光明食品（集团）有限公司|上海国际港务（集团）股份有限公司|"
     "上海久事（集团）有限公司|上海华谊控股集团有限公司|百联集团有限公司",
     "经济发展|国资国企|交通出行|城市建设与管理|营商环境"},
    {"research",
     "中国科学院上海有机化学研究所|中国科学院上海微系统与信息技术研究所|中国科学院上海药物研究所|"
     "中国科学院上海光学精密机械研究所|上海市农业科学院|上海社会科学院|上海市科学学研究所|"
     "上海市环境科学研究院",
     "科技创新|科技创新|知识产权保护|生态环境|数字化转型"},
    {"culture",
     "上海歌剧院|上海话剧艺术中心|上海京剧院|上海越剧院|上海交响乐团|上海博物馆|上海图书馆|"
     "上海电影集团有限公司|上海杂技团|上海昆剧团|上海评弹团|上海中国画院",
     "文化旅游|文化旅游|教育"},
    {"media",
     "解放日报社|文汇报社|新民晚报社|上海广播电视台|上海世纪出版（集团）有限公司|上海报业集团",
     "文化旅游|社会治理|数字化转型"},
    {"sports",
     "上海市竞技体育训练管理中心|上海体育大学|上海市体育科学研究所|上海市青少年体育选材育才中心|"
     "上海市体育总会",
     "体育健身|体育健身|教育"},
    {"religion",
     "上海市佛教协会|上海市道教协会|上海市伊斯兰教协会|上海市天主教爱国会|"
     "上海市基督教三自爱国运动委员会|上海玉佛禅寺|上海静安寺|上海城隍庙",
     "民族宗教与侨务外事|社会治理|文化旅游"},
    {"law", "上海{brand}律师事务所|上海{brand}律师事务所|上海市律师协会|上海市{D}公证处",
     "法治建设|法治建设|社会治理|营商环境"},
    {"social",
     "上海市慈善基金会|上海市残疾人联合会|上海市妇女联合会|上海市总工会|共青团上海市委员会|"
     "上海市红十字会|上海市老年基金会|{D}社会组织服务中心",
     "社会保障|养老服务|就业创业|社会治理"},
    {"finance",
     "上海银行股份有限公司|上海农村商业银行股份有限公司|国泰君安证券股份有限公司|"
     "上海浦东发展银行股份有限公司|中国太平洋保险（集团）股份有限公司|上海证券交易所|"
     "上海{brand}融资担保有限公司",
     "金融服务|经济发展|营商环境"},
    {"hk", "香港{brand}{trade}集团有限公司|香港{brand}控股有限公司",
     "经济发展|金融服务|民族宗教与侨务外事|营商环境"},
};

const Sector kSectors[] = {
    {"中国共产党", 10, "university hospital soe company street social"},
    {"中国国民党革命委员会", 4, "law company university culture"},
    {"中国民主同盟", 5, "university school research culture"},
    {"中国民主建国会", 5, "company finance soe"},
    {"中国民主促进会", 5, "school university culture media"},
    {"中国农工民主党", 5, "hospital hospital research"},
    {"中国致公党", 3, "company research university"},
    {"九三学社", 5, "research university hospital"},
    {"台湾民主自治同盟", 2, "company university"},
    {"无党派民主人士", 3, "university research hospital law"},
    {"共青团", 2, "social company"},
    {"总工会", 3, "social soe company"},
    {"妇联", 3, "social street"},
    {"青联", 2, "company culture sports"},
    {"工商联", 4, "company company finance"},
    {"科协", 3, "research university"},
    {"台联", 1, "company social"},
    {"侨联", 2, "company social"},
    {"文化艺术界", 4, "culture"},
    {"科学技术界", 4, "research university"},
    {"社会科学界", 3, "university research"},
    {"经济界", 6, "company soe finance"},
    {"农业界", 2, "village research"},
    {"教育界", 5, "school university"},
    {"体育界", 2, "sports"},
    {"新闻出版界", 3, "media"},
    {"医药卫生界", 6, "hospital"},
    {"对外友好界", 2, "company university"},
    {"社会福利和社会保障界", 3, "social street"},
    {"少数民族界", 2, "company hospital school street"},
    {"宗教界", 2, "religion"},
    {"特邀香港人士", 3, "hk"},
    {"特邀澳门人士", 1, "hk"},
    {"特别邀请人士", 2, "university hospital company"},
};

template<typename T, int N> Table<T> table(const T (&array)[N])
{
    return Table<T>{array, N};
}

} // namespace

Table<Department> departments()
{
    return table(kDepartments);
}

Table<District> districts()
{
    return table(kDistricts);
}

const char *extraDelegations()
{
    return "解放军代表团";
}

const char *npcOrganizationKinds()
{
    return "company:20 soe:8 hospital:10 university:7 school:10 street:18 village:6 research:4 "
           "law:4 social:4 finance:3 culture:2 media:1 sports:1";
}

Table<Surname> surnames()
{
    return table(kSurnames);
}

// Characters used in given names as "汉字:pinyin:g", g being m (male), f (female) or n (either).
const char *givenNameChars()
{
    return "伟:wei:m|强:qiang:m|磊:lei:m|军:jun:m|勇:yong:m|杰:jie:m|涛:tao:m|明:ming:m|"
           "超:chao:m|刚:gang:m|建:jian:m|国:guo:m|辉:hui:m|俊:jun:m|峰:feng:m|斌:bin:m|"
           "鹏:peng:m|浩:hao:m|宇:yu:m|东:dong:m|海:hai:m|忠:zhong:m|荣:rong:m|庆:qing:m|"
           "德:de:m|志:zhi:m|骏:jun:m|翔:xiang:m|毅:yi:m|雷:lei:m|健:jian:m|瑞:rui:m|"
           "祥:xiang:m|凯:kai:m|亮:liang:m|炜:wei:m|昊:hao:m|韬:tao:m|铭:ming:m|伦:lun:m|"
           "彬:bin:m|正:zheng:m|宏:hong:m|永:yong:m|兴:xing:m|卫:wei:m|良:liang:m|泉:quan:m|"
           "晖:hui:m|坚:jian:m|政:zheng:m|敏:min:f|静:jing:f|丽:li:f|艳:yan:f|娟:juan:f|"
           "秀:xiu:f|霞:xia:f|桂:gui:f|英:ying:f|红:hong:f|燕:yan:f|玲:ling:f|芳:fang:f|"
           "萍:ping:f|琳:lin:f|婷:ting:f|雪:xue:f|颖:ying:f|婕:jie:f|瑜:yu:f|蕾:lei:f|"
           "倩:qian:f|琪:qi:f|怡:yi:f|欣:xin:f|慧:hui:f|莉:li:f|梅:mei:f|蓉:rong:f|"
           "雯:wen:f|菁:jing:f|珺:jun:f|蓓:bei:f|昕:xin:f|曦:xi:f|洁:jie:f|岚:lan:f|"
           "虹:hong:f|璐:lu:f|佩:pei:f|华:hua:n|文:wen:n|晨:chen:n|嘉:jia:n|立:li:n|"
           "江:jiang:n|春:chun:n|平:ping:n|林:lin:n|新:xin:n|晓:xiao:n|佳:jia:n|君:jun:n|"
           "青:qing:n|逸:yi:n|捷:jie:n|元:yuan:n|勤:qin:n|安:an:n|宁:ning:n|一:yi:n|"
           "之:zhi:n|思:si:n|云:yun:n";
}

const char *responderLeadTitles()
{
    return "处长|处长|处长|副处长";
}

const char *responderTitles()
{
    return "副处长|科长|副科长|一级主任科员|二级主任科员|三级主任科员|四级主任科员|一级科员|科长|"
           "二级主任科员";
}

Table<OrganizationKind> organizationKinds()
{
    return table(kOrganizationKinds);
}

const char *companyBrands()
{
    return "申华|沪创|浦联|恒拓|嘉禾|远航|瑞丰|启明|新源|明德|鼎盛|华睿|兆丰|天合|博源|致远|德力|"
           "广信|永新|宏达|申衡|海纳|汇智|中诚|东昇|凯润|金泓|安澜";
}

const char *companyTrades()
{
    return "科技|信息技术|智能制造|生物医药|集成电路|新材料|物流|建设工程|文化传媒|餐饮管理|"
           "环境科技|医疗器械|汽车零部件|电子|国际贸易|人工智能|新能源|物业管理";
}

const char *companyForms()
{
    return "有限公司|有限公司|股份有限公司|集团有限公司";
}

const char *neighbourhoods()
{
    return "康乐|和平|阳光|绿苑|新华|兰花|梅园|桃园|翠竹|春晖|曙光|锦华|丽水|金桥|东方|华林|"
           "景苑|明珠|长安|银杏";
}

const char *villages()
{
    return "前进|新光|向阳|永丰|联合|东风|民主|胜利|建设|红星|新农|南新|北庄|东海|团结|金星";
}

Table<Sector> sectors()
{
    return table(kSectors);
}

const char *mobilePrefixes()
{
    return "130|131|132|133|135|136|137|138|139|150|151|152|153|155|156|158|159|180|181|183|186|"
           "187|188|189";
}

const char *emailDomains()
{
    return "163.com|126.com|qq.com|sina.com|139.com|yeah.net|aliyun.com";
}

} // namespace DemoText
