<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>import records from an Excel (.xlsx) or CSV file</source>
        <extracomment>Exit statuses: 0 every row imported; 1 some rows were not (the rest were); 2 nothing was.</extracomment>
        <translation>从 Excel（.xlsx）或 CSV 文件导入记录</translation>
    </message>
    <message>
        <source>Import records from an Excel (.xlsx) or CSV (UTF-8 or GBK) file. Each row is checked first; the report lists what is wrong.</source>
        <translation>从 Excel（.xlsx）或 CSV（UTF-8 或 GBK 编码）文件导入记录。先逐行检查，报告列出有问题的地方。</translation>
    </message>
    <message>
        <source>import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <source>Import enterprises. An enterprise already there (same credit code) is updated from its row. Exit status 0 only when every row was imported.</source>
        <translation>导入企业。已有的企业（信用代码相同）按该行内容更新。只有每一行都导入成功时退出状态才为 0。</translation>
    </message>
    <message>
        <source>.xlsx or .csv file</source>
        <translation>.xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>sheet name in an .xlsx file (default: the first sheet)</source>
        <translation>.xlsx 文件中的工作表名称（默认：第一个工作表）</translation>
    </message>
    <message>
        <source>also import rows that have only warnings (e.g. a credit code whose check character does not match)</source>
        <translation>只有警告的行也导入（例如统一社会信用代码校验位不符）</translation>
    </message>
</context>
</TS>
