<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyEntryModel</name>
    <message>
        <source>Enterprise</source>
        <extracomment>The columns before the template&apos;s fields. Field key -&gt; text typed and not yet saved. A person typed in a line (its row): the page&apos;s editor contract drafts the lines.</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Type 是 or 否 (1 or 0); in order: {answer}</source>
        <translation>填“是”或“否”（1 或 0）；正常为“{answer}”</translation>
    </message>
    <message>
        <source>A whole number from {low} to {high}</source>
        <translation>{low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>{name}, {town}; employees: {n}</source>
        <translation>{name}，{town}；职工人数：{n}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报</translation>
    </message>
    <message>
        <source>same as yesterday</source>
        <translation>同昨日</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>→ request</source>
        <translation>已转诉求</translation>
    </message>
    <message>
        <source>Not asked in the version this report was entered against.</source>
        <translation>该日报所依据的模板版本没有此项。</translation>
    </message>
    <message>
        <source>Yesterday: {value}</source>
        <translation>昨日：{value}</translation>
    </message>
</context>
</TS>
