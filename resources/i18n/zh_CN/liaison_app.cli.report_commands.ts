<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Report</name>
    <message>
        <source>“{text}” is not a date; write it as YYYY-MM-DD.</source>
        <translation>“{text}”不是日期，请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>统计期的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>响应率</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Three rates of requests accepted {start} to {end}</source>
        <translation>{start} 至 {end} 受理诉求的三率</translation>
    </message>
</context>
</TS>
