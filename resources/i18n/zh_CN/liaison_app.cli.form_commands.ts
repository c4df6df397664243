<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Import</name>
    <message>
        <source>No enterprise has the credit code {code}.</source>
        <translation>没有统一社会信用代码为 {code} 的企业。</translation>
    </message>
    <message>
        <source>{imported} of {total} rows imported into the roster of {name}: {created} new, {updated} updated; {errors} with errors.</source>
        <translation>{total} 行中已有 {imported} 行导入 {name} 的花名册：新增 {created} 人，更新 {updated} 人；{errors} 行有错误。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>There is no form “{form}”; `liaison forms` lists them.</source>
        <translation>没有表单“{form}”；`liaison forms` 可列出全部表单。</translation>
    </message>
    <message>
        <source>{form}: {pages} pages written to {path} (font: {fonts}).</source>
        <translation>{form}：共 {pages} 页，已写入 {path}（字体：{fonts}）。</translation>
    </message>
    <message>
        <source>Full ID numbers were printed; the print is logged.</source>
        <translation>已打印完整身份证号；本次打印已记录在审计日志中。</translation>
    </message>
</context>
</TS>
