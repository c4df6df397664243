<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyCli</name>
    <message>
        <source>There is no report template named “{name}”; the templates are: {names}.</source>
        <translation>没有名为“{name}”的日报模板；现有模板：{names}。</translation>
    </message>
    <message>
        <source>{name}, {date}</source>
        <translation>{name}，{date}</translation>
    </message>
    <message>
        <source>The day is outside the template&apos;s reporting period; no enterprise was due to report.</source>
        <translation>该日不在模板的填报期内，没有企业需要填报。</translation>
    </message>
    <message>
        <source>Not reported for two days or more: {n}</source>
        <translation>连续两日及以上未报：{n} 家</translation>
    </message>
    <message>
        <source>  {name} ({town}): {days} days</source>
        <translation>  {name}（{town}）：{days} 天</translation>
    </message>
    <message>
        <source>Anomalies reported: {n}</source>
        <translation>报告异常：{n} 家</translation>
    </message>
    <message>
        <source>{imported} of {total} rows imported, {updated} of them updating a report already entered.</source>
        <translation>共 {total} 行，已导入 {imported} 行，其中 {updated} 行更新了已填报的日报。</translation>
    </message>
</context>
</TS>
