<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>VisitsPage</name>
    <message>
        <source>Visits</source>
        <extracomment>The date filters show &quot;any&quot; at their minimum: QDateEdit cannot be empty.</extracomment>
        <translation>走访</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建走访</translation>
    </message>
    <message>
        <source>Log a new visit (Ctrl+N)</source>
        <translation>登记一次新的走访（Ctrl+N）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Choose a visit in the list to see it here, or click “New visit”.</source>
        <translation>在左侧列表中选择一条走访记录查看，或点击“新建走访”。</translation>
    </message>
    <message>
        <source>All enterprises</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <source>Show the visits of one enterprise</source>
        <translation>只看某个企业的走访记录</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>全部联络员</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
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
        <source>Officer</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>{n} visits match</source>
        <translation>符合条件 {n} 条</translation>
    </message>
    <message>
        <source>{n} visits in all</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>No visit matches these filters.
Clear the filters to see every visit.</source>
        <translation>没有符合筛选条件的走访记录。
清除筛选即可查看全部走访记录。</translation>
    </message>
    <message>
        <source>No visits have been logged yet.
Click “New visit” to log the first one.</source>
        <translation>还没有走访记录。
点击“新建走访”登记第一次走访。</translation>
    </message>
    <message>
        <source>The visit was deleted.</source>
        <translation>走访记录已删除。</translation>
    </message>
</context>
</TS>
