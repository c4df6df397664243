<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyImportDialog</name>
    <message>
        <source>Import {name} of {date}</source>
        <translation>导入 {date} 的{name}</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Importing {n} reports…</source>
        <translation>正在导入 {n} 份日报…</translation>
    </message>
    <message>
        <source>{n} of them were already reported that day and will be updated, not added twice.</source>
        <translation>其中 {n} 份当天已填报，将更新原日报，不会重复。</translation>
    </message>
</context>
</TS>
