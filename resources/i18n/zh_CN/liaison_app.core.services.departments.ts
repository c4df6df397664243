<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Department</name>
    <message>
        <source>Service centre</source>
        <translation>企业服务中心</translation>
    </message>
    <message>
        <source>Approval bureau</source>
        <translation>行政审批服务局</translation>
    </message>
    <message>
        <source>County department</source>
        <translation>县直部门</translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Utility company</source>
        <translation>公用事业单位</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>A typical county (1 centre + 9 towns/streets + the approval bureau + X departments).</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Choose what kind of unit this is.</source>
        <translation>请选择单位类型。</translation>
    </message>
    <message>
        <source>The directory already has a unit named {name}.</source>
        <translation>名录中已有名为“{name}”的单位。</translation>
    </message>
    <message>
        <source>This unit is not in the directory.</source>
        <translation>名录中没有这个单位。</translation>
    </message>
</context>
</TS>
