<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <extracomment>Bars for at most this many groups (the largest); the table shows them all.</extracomment>
        <translation>报表</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <source>By town/street</source>
        <translation>按镇街</translation>
    </message>
    <message>
        <source>By officer</source>
        <translation>按联络员</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出电子表格…</translation>
    </message>
    <message>
        <source>Accepted from</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
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
        <source>&lt;b&gt;By category:&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;按类别：&lt;/b&gt;{text}</translation>
    </message>
    <message>
        <source>&lt;b&gt;By status:&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;按状态：&lt;/b&gt;{text}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Proxy handling:&lt;/b&gt; {done} items approved; {taken} days taken against {usual} usual, {saved} days saved</source>
        <translation>&lt;b&gt;领办代办：&lt;/b&gt;批复事项 {done} 项；实际用时 {taken} 天，常规 {usual} 天，节约 {saved} 天</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Three rates, {start} to {end}</source>
        <translation>三率（{start} 至 {end}）</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出电子表格</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
</TS>
