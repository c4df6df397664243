<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Visit time</source>
        <translation>走访时间</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <source>Liaison officers</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
</TS>
