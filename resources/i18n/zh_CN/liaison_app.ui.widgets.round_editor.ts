<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RoundEditor</name>
    <message>
        <source>evaluation round</source>
        <extracomment>The editor contract&apos;s kind of this editor&apos;s drafts (see ``DRAFT_KINDS``). The round saved (its id); the page refreshes its list. Closed through the contract (Esc, 关闭): the page shows no round.</extracomment>
        <translation>测评轮次</translation>
    </message>
    <message>
        <source>No round is open. Choose one in the list, or start one with “New round”.</source>
        <translation>没有打开的测评轮次。请在左侧列表中选择，或点“新建测评轮次”。</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>测评轮次</translation>
    </message>
    <message>
        <source>e.g. 2026年上半年企业满意度测评</source>
        <translation>例如：2026年上半年企业满意度测评</translation>
    </message>
    <message>
        <source>Anonymous round</source>
        <translation>匿名测评</translation>
    </message>
    <message>
        <source>Results then show only totals of 3 sheets or more, never who gave which score.</source>
        <translation>结果只显示 3 份及以上测评表的汇总，不显示哪家企业打了多少分。</translation>
    </message>
    <message>
        <source>Enterprises may also score on their phones</source>
        <translation>允许企业用手机测评</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Evaluated units</source>
        <translation>被测评单位</translation>
    </message>
    <message>
        <source>Invited enterprises</source>
        <translation>邀请企业</translation>
    </message>
    <message>
        <source>All enterprises</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <source>Key-industry enterprises only</source>
        <translation>仅重点企业</translation>
    </message>
    <message>
        <source>Or by town/street:</source>
        <translation>或按镇街：</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>不邀请</translation>
    </message>
    <message>
        <source>By hand:</source>
        <translation>逐个指定：</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>测评项目</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>测评项目</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>The five defaults</source>
        <translation>默认五项</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <source>Points, from 0 to</source>
        <translation>分数，0 到</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>删除等级</translation>
    </message>
    <message>
        <source>Default levels</source>
        <translation>默认等级</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(round without a name)</source>
        <translation>（未命名的测评轮次）</translation>
    </message>
    <message>
        <source>Save round</source>
        <translation>保存测评轮次</translation>
    </message>
    <message>
        <source>{n} enterprises will be invited.</source>
        <translation>将邀请 {n} 家企业。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>+ {name}</source>
        <translation>+ {name}</translation>
    </message>
    <message>
        <source>− {name}</source>
        <translation>− {name}</translation>
    </message>
    <message>
        <source>Double-click an enterprise to take it off this list.</source>
        <translation>双击企业可将其从此名单中移除。</translation>
    </message>
</context>
</TS>
