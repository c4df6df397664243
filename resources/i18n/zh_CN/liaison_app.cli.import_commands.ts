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
        <source>Import enterprises. Exit status 0 only when every row was imported.</source>
        <translation>导入企业。每一行都导入成功时退出状态才为 0。</translation>
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
<context>
    <name>Import</name>
    <message>
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>imported despite warnings</source>
        <translation>已导入（有警告）</translation>
    </message>
    <message>
        <source>not imported: has warnings</source>
        <translation>未导入：有警告</translation>
    </message>
    <message>
        <source>Row {row} {title}: {state}</source>
        <translation>第 {row} 行 {title}：{state}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>{imported} of {total} rows imported ({errors} with errors, {warnings} with warnings).</source>
        <translation>共 {total} 行，已导入 {imported} 行（{errors} 行有错误，{warnings} 行有警告）。</translation>
    </message>
</context>
</TS>
