<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Rates</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>(not dispatched)</source>
        <translation>（未交办）</translation>
    </message>
    <message>
        <source>(no town)</source>
        <translation>（未填镇街）</translation>
    </message>
    <message>
        <source>(unknown officer)</source>
        <translation>（未知联络员）</translation>
    </message>
    <message>
        <source>Three rates</source>
        <translation>三率</translation>
    </message>
    <message>
        <source>Requests accepted {start} to {end}</source>
        <translation>{start} 至 {end} 受理的诉求</translation>
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
        <source>Dispatched</source>
        <translation>已交办</translation>
    </message>
    <message>
        <source>Responded in time</source>
        <translation>按时响应</translation>
    </message>
    <message>
        <source>Response counted</source>
        <translation>应响应</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>响应率</translation>
    </message>
    <message>
        <source>Confirmed resolved</source>
        <translation>确认解决</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
    <message>
        <source>Proxy items done</source>
        <translation>代办事项办结数</translation>
    </message>
    <message>
        <source>Usual days</source>
        <translation>常规天数</translation>
    </message>
    <message>
        <source>Days taken</source>
        <translation>实际天数</translation>
    </message>
    <message>
        <source>Days saved</source>
        <translation>节约天数</translation>
    </message>
</context>
</TS>
