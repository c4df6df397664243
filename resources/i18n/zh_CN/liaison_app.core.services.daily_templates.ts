<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyTemplates</name>
    <message>
        <source>Every enterprise</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <source>Enterprises of chosen towns/streets</source>
        <translation>所选镇街的企业</translation>
    </message>
    <message>
        <source>Key enterprises</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <source>Enterprises chosen by hand</source>
        <translation>逐一选定的企业</translation>
    </message>
    <message>
        <source>This report template no longer exists.</source>
        <extracomment>The seeds&apos; first version applies from this day, so they cover any period a county sets. (name, description, fields): what counties asked of enterprises in 2020 and in safety campaigns. Labels are the county&apos;s words, printed and shown as they are.</extracomment>
        <translation>该日报模板已不存在。</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <extracomment>The day from which changed fields or audience apply.</extracomment>
        <translation>请填写模板名称。</translation>
    </message>
    <message>
        <source>The name is longer than 60 characters.</source>
        <translation>名称超过 60 个字。</translation>
    </message>
    <message>
        <source>Another template is already named {name}.</source>
        <translation>已有名为{name}的模板。</translation>
    </message>
    <message>
        <source>The reporting period ends before it starts.</source>
        <translation>填报期的截止日期早于开始日期。</translation>
    </message>
    <message>
        <source>Choose which enterprises report.</source>
        <translation>请选择由哪些企业填报。</translation>
    </message>
    <message>
        <source>Choose at least one town/street.</source>
        <translation>请至少选择一个镇街。</translation>
    </message>
    <message>
        <source>Choose at least one enterprise.</source>
        <translation>请至少选择一家企业。</translation>
    </message>
    <message>
        <source>Only the service centre can change report templates.</source>
        <translation>只有服务中心可以修改日报模板。</translation>
    </message>
    <message>
        <source>The template as it stands already applies from {date}, and reports may have been entered against it. Choose a later day for the change, so what was reported stays as it was.</source>
        <translation>现行模板自 {date} 起已经适用，可能已有企业按它填报。请为修改选择更晚的生效日期，已填报的内容保持不变。</translation>
    </message>
</context>
</TS>
