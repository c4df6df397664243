<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Visit</name>
    <message>
        <source>Routine visit</source>
        <translation>日常走访</translation>
    </message>
    <message>
        <source>On-site office with departments</source>
        <translation>部门现场办公</translation>
    </message>
    <message>
        <source>Reopening check</source>
        <translation>复工复产检查</translation>
    </message>
    <message>
        <source>Special service</source>
        <translation>专项服务</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>The chosen enterprise no longer exists.</source>
        <translation>所选企业已不存在。</translation>
    </message>
    <message>
        <source>Choose the kind of visit.</source>
        <translation>请选择走访类型。</translation>
    </message>
    <message>
        <source>Write a summary of the visit or the problems found.</source>
        <translation>请填写走访情况或发现的问题。</translation>
    </message>
    <message>
        <source>The visit date is in the future. Is the date right?</source>
        <translation>走访日期晚于今天，日期是否正确？</translation>
    </message>
    <message>
        <source>Follow-up action {n} has no text.</source>
        <translation>第 {n} 项跟进事项未填写内容。</translation>
    </message>
    <message>
        <source>This visit no longer exists.</source>
        <translation>该走访记录已不存在。</translation>
    </message>
</context>
</TS>
