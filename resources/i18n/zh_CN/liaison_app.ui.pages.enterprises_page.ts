<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EnterpriseDetail</name>
    <message>
        <source>Select an enterprise on the left to see its details.</source>
        <extracomment>Visits listed under an enterprise; older ones are on the 走访 page (kept short: the list is filled again whenever the enterprise is shown or a sync brings records).</extracomment>
        <translation>在左侧选择一家企业，即可查看详细信息。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Worker roster</source>
        <translation>员工花名册</translation>
    </message>
    <message>
        <source>Liaison officers</source>
        <translation>驻企联络员</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>No visits recorded yet.</source>
        <translation>暂无走访记录。</translation>
    </message>
    <message>
        <source>{days} (default)</source>
        <translation>{days}（默认）</translation>
    </message>
    <message>
        <source>Visit history ({n})</source>
        <translation>走访记录（{n}）</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>New enterprise</source>
        <translation>新建企业</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Name, credit code or contact</source>
        <translation>搜索企业名称、信用代码或联系人</translation>
    </message>
    <message>
        <source>Key enterprises only</source>
        <translation>仅重点企业</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>{n} enterprises</source>
        <translation>共 {n} 家企业</translation>
    </message>
    <message>
        <source>No enterprise matches these filters.</source>
        <translation>没有符合筛选条件的企业。</translation>
    </message>
    <message>
        <source>There are no enterprises yet. Click “New enterprise” or “Import…” to begin.</source>
        <translation>还没有企业。点击“新建企业”或“导入…”开始。</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>已删除“{name}”。</translation>
    </message>
    <message>
        <source>Imported {n} enterprises.</source>
        <translation>已导入 {n} 家企业。</translation>
    </message>
</context>
</TS>
