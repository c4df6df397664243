<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Evaluation</name>
    <message>
        <source>The round is not open for scoring yet.</source>
        <extracomment>The unit key of the service centre itself; other units are department ids. Fewer sheets than this in an anonymous round: no figure is shown for the group. (label, points), best first; empty for a points scale. One sentence per problem; the app translates them, the server answers in ``_ZH``.</extracomment>
        <translation>本轮测评尚未开放。</translation>
    </message>
    <message>
        <source>The round is closed; no more sheets can be entered.</source>
        <translation>本轮测评已结束，不能再录入测评表。</translation>
    </message>
    <message>
        <source>The sheet belongs to another round.</source>
        <translation>该测评表属于其他轮次。</translation>
    </message>
    <message>
        <source>This unit is not evaluated in the round.</source>
        <translation>本轮未测评该单位。</translation>
    </message>
    <message>
        <source>The enterprise is not invited to the round.</source>
        <translation>该企业未被邀请参加本轮测评。</translation>
    </message>
    <message>
        <source>The scores could not be read.</source>
        <translation>无法读取评分。</translation>
    </message>
    <message>
        <source>“{field}” is not a dimension of this round.</source>
        <translation>“{field}”不是本轮的测评项目。</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not a score.</source>
        <translation>{field}：“{value}”不是分数。</translation>
    </message>
    <message>
        <source>{field}: {value} is outside the scale ({scale}).</source>
        <translation>{field}：{value} 超出评分范围（{scale}）。</translation>
    </message>
    <message>
        <source>{field}: {value} is not one of the levels ({scale}).</source>
        <translation>{field}：{value} 不是评价等级之一（{scale}）。</translation>
    </message>
    <message>
        <source>Choose how the sheet was collected.</source>
        <translation>请选择测评表的收集方式。</translation>
    </message>
</context>
</TS>
