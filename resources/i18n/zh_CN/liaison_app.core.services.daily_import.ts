<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyImport</name>
    <message>
        <source>Enterprise name</source>
        <extracomment>Other headers people give the ready templates&apos; fields.</extracomment>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>No enterprise has the credit code {code}.</source>
        <extracomment>Row number -&gt; (enterprise id, day) of a row that can be written. Row numbers whose report already exists and will be updated, not doubled.</extracomment>
        <translation>没有统一社会信用代码为 {code} 的企业。</translation>
    </message>
    <message>
        <source>No enterprise is named “{name}”; write its name as in the enterprise list, or add its credit code.</source>
        <translation>没有名为“{name}”的企业；请按企业名录填写名称，或补上统一社会信用代码。</translation>
    </message>
    <message>
        <source>Several enterprises are named “{name}”; add the credit code.</source>
        <translation>有多家企业名为“{name}”，请补上统一社会信用代码。</translation>
    </message>
    <message>
        <source>{name} is not among the enterprises asked to report this template.</source>
        <translation>{name}不在本模板要求填报的企业之列。</translation>
    </message>
    <message>
        <source>Row {row} of this file already reports this enterprise for {date}.</source>
        <translation>本文件第 {row} 行已填报该企业 {date} 的日报。</translation>
    </message>
    <message>
        <source>This template has no fields for that day yet.</source>
        <translation>该模板在这一天还没有填报项。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Row {row} ({name}) cannot be saved: {problem} Nothing was imported.</source>
        <translation>第 {row} 行（{name}）无法保存：{problem} 本次未导入任何数据。</translation>
    </message>
</context>
</TS>
