<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RequestActionDialog</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Lead department *</source>
        <translation>主办单位 *</translation>
    </message>
    <message>
        <source>Co-departments</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <source>How it was resolved *</source>
        <translation>办理结果 *</translation>
    </message>
    <message>
        <source>Problem solved? *</source>
        <translation>问题是否解决 *</translation>
    </message>
    <message>
        <source>Satisfaction *</source>
        <translation>满意程度 *</translation>
    </message>
    <message>
        <source>New deadline *</source>
        <translation>新的办结时限 *</translation>
    </message>
    <message>
        <source>Addressed to *</source>
        <translation>收信领导 *</translation>
    </message>
    <message>
        <source>The enterprise&apos;s words</source>
        <translation>企业意见</translation>
    </message>
    <message>
        <source>Why it was returned *</source>
        <translation>退回理由 *</translation>
    </message>
    <message>
        <source>Why more time is needed *</source>
        <translation>延期理由 *</translation>
    </message>
    <message>
        <source>Note *</source>
        <translation>备注 *</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
</TS>
