<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PdfPreview</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit the page to the width</source>
        <translation>按宽度显示整页</translation>
    </message>
    <message>
        <source>The page could not be shown: {reason}</source>
        <translation>无法显示该页：{reason}</translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation>第 {n} 页 共 {total} 页</translation>
    </message>
</context>
</TS>
