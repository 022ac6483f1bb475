#include "DemoScripts.h"

// Reply scripts every demo department starts with: the wording officers reach for daily
// (acknowledging, progress, closing, referring elsewhere, asking for details) and two policy
// answers with a "valid until" date, one of them already past, so the outdated flag shows.
QList<DemoScript> demoScripts()
{
    const QString acknowledge = QStringLiteral("受理答复");
    const QString referral = QStringLiteral("转办与补充");
    const QString policy = QStringLiteral("政策解读");
    return {
        {acknowledge,
         QStringLiteral("已收到咨询"),
         QStringLiteral("{代表姓名}{称谓}，您好！您的咨询（编号{编号}）我们已收到，{部门}正在"
                        "研究办理，将尽快答复您。"),
         {QStringLiteral("受理")},
         {}},
        {acknowledge,
         QStringLiteral("办理进度说明"),
         QStringLiteral("{代表姓名}{称谓}，您好！关于您咨询的事项，我们已会同相关处室研究，目前"
                        "正在办理中，预计5个工作日内给您正式答复。"),
         {QStringLiteral("进度")},
         {}},
        {acknowledge,
         QStringLiteral("答复结束语"),
         QStringLiteral("以上答复如有不清楚之处，欢迎随时联系。感谢您对{部门}工作的关心和支持！\n"
                        "承办人：{承办人}\n{日期}"),
         {QStringLiteral("结束语")},
         {}},
        {referral,
         QStringLiteral("转交其他部门"),
         QStringLiteral("{代表姓名}{称谓}，您好！经核实，您咨询的事项主要由其他部门负责，我们已"
                        "将咨询转交相关部门办理，请留意后续答复。"),
         {QStringLiteral("转办")},
         {}},
        {referral,
         QStringLiteral("请补充情况"),
         QStringLiteral("{代表姓名}{称谓}，您好！为便于准确答复，请补充说明涉及的具体地点、时间"
                        "和影响范围，我们收到后立即办理。"),
         {QStringLiteral("补充材料")},
         {}},
        {policy,
         QStringLiteral("医保异地就医备案"),
         QStringLiteral("{代表姓名}{称谓}，您好！参保人员异地就医可通过国家医保服务平台APP办理"
                        "备案，备案后在就医地直接结算。具体以最新政策为准。"),
         {QStringLiteral("医保"), QStringLiteral("异地就医")},
         QStringLiteral("2026-06-30")},
        {policy,
         QStringLiteral("建议办理时限"),
         QStringLiteral("{代表姓名}{称谓}，您好！按照代表建议办理工作规定，承办单位应当自交办之"
                        "日起三个月内答复，{部门}将按时限要求办理并及时与您沟通。"),
         {QStringLiteral("办理时限")},
         QStringLiteral("2027-12-31")},
    };
}
