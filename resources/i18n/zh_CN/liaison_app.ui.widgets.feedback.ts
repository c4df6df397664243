<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FieldFeedback</name>
    <message>
        <source>Open it</source>
        <translation>打开该企业</translation>
    </message>
</context>
</TS>
