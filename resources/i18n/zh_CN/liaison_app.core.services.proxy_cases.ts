<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Proxy</name>
    <message>
        <source>Documents being collected</source>
        <translation>收件中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已报件</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批复</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Every catalogue item needs a name and a usual duration of 0 days or more.</source>
        <translation>目录中的每个事项都要有名称，常规办理时限不能小于 0 天。</translation>
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
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Item {n} has no name.</source>
        <translation>第 {n} 个事项没有名称。</translation>
    </message>
    <message>
        <source>Item {n}: choose its status.</source>
        <translation>第 {n} 个事项：请选择状态。</translation>
    </message>
    <message>
        <source>Item {n}: enter the date the documents were submitted.</source>
        <translation>第 {n} 个事项：请填写报件日期。</translation>
    </message>
    <message>
        <source>Item {n}: enter the date it was approved.</source>
        <translation>第 {n} 个事项：请填写批复日期。</translation>
    </message>
    <message>
        <source>Item {n} cannot be approved before it was submitted.</source>
        <translation>第 {n} 个事项的批复日期早于报件日期。</translation>
    </message>
    <message>
        <source>Item {n}: the usual duration cannot be negative.</source>
        <translation>第 {n} 个事项：常规时限不能为负数。</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>代办立项</translation>
    </message>
    <message>
        <source>Item added</source>
        <translation>新增事项</translation>
    </message>
    <message>
        <source>Item removed</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>Item back to collecting documents</source>
        <translation>事项退回收件</translation>
    </message>
    <message>
        <source>Item submitted</source>
        <translation>事项已报件</translation>
    </message>
    <message>
        <source>Item approved</source>
        <translation>事项已批复</translation>
    </message>
    <message>
        <source>Item rejected</source>
        <translation>事项未通过</translation>
    </message>
    <message>
        <source>Item withdrawn</source>
        <translation>事项已撤回</translation>
    </message>
    <message>
        <source>Case done</source>
        <translation>代办办结</translation>
    </message>
    <message>
        <source>Case reopened</source>
        <translation>代办重新办理</translation>
    </message>
    <message>
        <source>Case cancelled</source>
        <translation>代办终止</translation>
    </message>
    <message>
        <source>This proxy case no longer exists.</source>
        <translation>这个代办项目已不存在。</translation>
    </message>
</context>
</TS>
