<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TodayPage</name>
    <message>
        <source>Visits this week</source>
        <translation>本周走访</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Follow-up actions due</source>
        <translation>待办跟进事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Requests overdue or due soon</source>
        <extracomment>Enterprises named in the daily-report reminder line; the 日报 page lists them all.</extracomment>
        <translation>逾期和即将到期的诉求</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Enterprises due for a visit</source>
        <translation>逾期未走访企业</translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>最近动态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>{name} ({n} days)</source>
        <translation>{name}（{n}天）</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation>等 {n} 家</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b26a00&apos;&gt;&lt;b&gt;Daily reports not in yet today ({n}):&lt;/b&gt;&lt;/span&gt; {names}{more} &lt;a href=&apos;{target}&apos;&gt;Enter them…&lt;/a&gt;</source>
        <translation>&lt;span style=&apos;color:#b26a00&apos;&gt;&lt;b&gt;今日未报日报（{n} 家）：&lt;/b&gt;&lt;/span&gt;{names}{more} &lt;a href=&apos;{target}&apos;&gt;去填报…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>There are no enterprises yet. Add the enterprises you look after, import them from a spreadsheet, or load demo data to try the app.</source>
        <translation>还没有企业。请添加您负责的企业、从表格导入，或载入演示数据试用本软件。</translation>
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
        <source>Load demo data…</source>
        <translation>载入演示数据…</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>工作台 · {date}</translation>
    </message>
    <message>
        <source>No visits logged this week yet.</source>
        <translation>本周还没有走访记录。</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>No follow-up actions are due.</source>
        <translation>暂无到期的跟进事项。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>No enterprises yet.</source>
        <translation>还没有企业。</translation>
    </message>
    <message>
        <source>Every enterprise has been visited on schedule.</source>
        <translation>所有企业均已按期走访。</translation>
    </message>
    <message>
        <source>No request is overdue or due soon.</source>
        <translation>没有逾期或即将到期的诉求。</translation>
    </message>
    <message>
        <source>Visit: </source>
        <translation>走访：</translation>
    </message>
    <message>
        <source>Enterprise: </source>
        <translation>企业：</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>暂无记录。</translation>
    </message>
</context>
</TS>
