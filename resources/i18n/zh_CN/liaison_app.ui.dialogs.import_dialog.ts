<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Columns in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Show only rows with problems</source>
        <translation>只显示有问题的行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Row {row}: {problems}</source>
        <translation>第 {row} 行：{problems}</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>正在读取并检查文件…</translation>
    </message>
    <message>
        <source>Checking the rows again…</source>
        <translation>正在重新检查各行…</translation>
    </message>
    <message>
        <source>{total} data rows in the file; none can be imported until the problem above is fixed.</source>
        <translation>文件共有 {total} 行数据；上面的问题解决之前，这些行都无法导入。</translation>
    </message>
    <message>
        <source>{total} rows in the file: {ok} can be imported, {warning} with warnings, {error} with errors (these are not imported).</source>
        <translation>文件共 {total} 行：可导入 {ok} 行，有警告 {warning} 行，有错误 {error} 行（有错误的行不会导入）。</translation>
    </message>
    <message>
        <source>{update} rows update an enterprise with the same credit code, {unchanged} match it already, {new} are new.</source>
        <translation>其中 {update} 行将更新同一信用代码的企业，{unchanged} 行与现有记录一致，{new} 行为新企业。</translation>
    </message>
    <message>
        <source>Also import the {n} rows with warnings</source>
        <translation>同时导入有警告的 {n} 行</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Columns not recognised (not imported unless you choose them above): {names}</source>
        <translation>未识别的列（除非在上方选择，否则不导入）：{names}</translation>
    </message>
    <message>
        <source>Import the {n} valid rows</source>
        <translation>导入有效的 {n} 行</translation>
    </message>
    <message>
        <source>Importing {n} enterprises…</source>
        <extracomment>What a successful import changed, for screens to refresh.</extracomment>
        <translation>正在导入 {n} 家企业…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
</TS>
