<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>the day&apos;s daily reports by town or officer (the printed summary)</source>
        <translation>按镇街或联络员汇总当日日报（即打印的汇总表）</translation>
    </message>
    <message>
        <source>The day&apos;s daily reports: due, reported, late, missing, people on site and anomalies by town or officer, the same numbers as the 日报 page, its printed summary and its Excel export.</source>
        <translation>当日日报：按镇街或联络员列出应报、已报、迟报、未报、在岗人数和异常企业，与“日报”页、打印的汇总表和导出的电子表格数字一致。</translation>
    </message>
    <message>
        <source>the day (YYYY-MM-DD)</source>
        <translation>日期（年-月-日，如 2024-03-05）</translation>
    </message>
    <message>
        <source>one row per town/street (default) or per officer</source>
        <translation>每个镇街一行（默认）或每个联络员一行</translation>
    </message>
    <message>
        <source>the report template (default: the first one in use)</source>
        <translation>日报模板（默认：第一个已启用的模板）</translation>
    </message>
    <message>
        <source>import a day&apos;s reports from an enterprise&apos;s or a town&apos;s sheet</source>
        <translation>从企业或镇街报来的表格导入当日日报</translation>
    </message>
    <message>
        <source>Import daily reports. A row for an enterprise and day already reported updates that report. Exit status 0 only when every row was imported.</source>
        <translation>导入日报。企业当天已填报的，更新原日报而不重复。仅当所有行都导入时退出码为 0。</translation>
    </message>
    <message>
        <source>.xlsx or .csv file</source>
        <translation>.xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>the day reported, for rows without a date of their own</source>
        <translation>所报日期（用于没有日期列的行）</translation>
    </message>
    <message>
        <source>sheet name in an .xlsx file (default: the first sheet)</source>
        <translation>.xlsx 文件中的工作表名称（默认：第一个工作表）</translation>
    </message>
    <message>
        <source>also import rows that have only warnings (this confirms them, e.g. more people on site than employees)</source>
        <translation>同时导入只有警告的行（即确认这些警告，例如在岗人数超过职工人数）</translation>
    </message>
</context>
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
