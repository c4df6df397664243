<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Liaison</source>
        <extracomment>Screens up to this size (laptops, full HD monitors) give the window all of themselves; on larger ones it opens at ``PREFERRED_SIZE``. Room left for the window&apos;s frame and title bar, which ``geometry()`` does not include.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <extracomment>&quot;module:Class&quot; of the page, or a note for an area a later version fills.</extracomment>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Daily reports</source>
        <translation>日报</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Proxy cases</source>
        <translation>代办</translation>
    </message>
    <message>
        <source>Applications &amp; printing</source>
        <translation>申请与打印</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>测评</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Enterprise liaison record book</source>
        <translation>驻企联络员工作台账</translation>
    </message>
    <message>
        <source>Search enterprises, visits, requests and proxy cases (Ctrl+F): name, credit code, phone, any words</source>
        <translation>搜索企业、走访、诉求、代办（Ctrl+F）：名称、信用代码、电话或任意词语</translation>
    </message>
    <message>
        <source>驻企通 Liaison</source>
        <translation>驻企通</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Export my data…</source>
        <translation>导出我的数据(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Restore from file…</source>
        <translation>从文件恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Load &amp;demo data…</source>
        <translation>载入演示数据(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Verify a pass…</source>
        <translation>验证通行证(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>This page has no new record to create.</source>
        <translation>此页面没有可新建的记录。</translation>
    </message>
    <message>
        <source>Nothing to save here.</source>
        <translation>此处没有需要保存的内容。</translation>
    </message>
    <message>
        <source>About Liaison</source>
        <translation>关于驻企通</translation>
    </message>
    <message>
        <source>&lt;h3&gt;驻企通 Liaison {version}&lt;/h3&gt;&lt;p&gt;The record book of enterprise liaison officers: visits, enterprises&apos; requests, applications and forms, offline, synced with the county centre.&lt;/p&gt;&lt;p&gt;Data folder: {path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;驻企通 {version}&lt;/h3&gt;&lt;p&gt;驻企联络员工作台账：走访记录、企业诉求、申请与表格打印，离线可用，与县企业服务中心同步。&lt;/p&gt;&lt;p&gt;数据文件夹：{path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Data: {path}</source>
        <translation>数据位置：{path}</translation>
    </message>
</context>
</TS>
