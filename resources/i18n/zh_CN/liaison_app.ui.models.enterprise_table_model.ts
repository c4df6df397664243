<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <source>Key</source>
        <extracomment>Loads ``limit`` records starting at ``offset``; must be cheap enough for the main thread.</extracomment>
        <translation>重点</translation>
    </message>
    <message>
        <source>Liaison officers</source>
        <translation>驻企联络员</translation>
    </message>
</context>
</TS>
