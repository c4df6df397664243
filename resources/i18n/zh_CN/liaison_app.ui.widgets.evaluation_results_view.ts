<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FollowUpView</name>
    <message>
        <source>Unit</source>
        <translation>被测评单位</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Low scores</source>
        <translation>低分项目</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见和建议</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Make it a request for the department</source>
        <translation>转为诉求交办部门</translation>
    </message>
    <message>
        <source>Anonymous round: comments are listed without their enterprise, and only for units with 3 sheets or more.</source>
        <translation>匿名测评：意见不显示所属企业，且只列出测评表达到 3 份及以上的单位。</translation>
    </message>
    <message>
        <source>Sheets with a total under 60 or a dimension under 60% of the top, and every comment; the lowest first.</source>
        <translation>总分低于 60 分或有项目低于满分 60% 的测评表，以及所有意见；按分数从低到高排列。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>已转诉求</translation>
    </message>
    <message>
        <source>Only the service centre turns evaluation comments into requests.</source>
        <translation>只有服务中心可以将测评意见转为诉求。</translation>
    </message>
    <message>
        <source>The request is recorded (and dispatched to the department); it is on the Requests page.</source>
        <translation>诉求已登记（并已交办部门），可在“诉求”页查看。</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>By unit</source>
        <extracomment>Bars for at most this many groups (the best first); the table lists them all.</extracomment>
        <translation>按被测评单位</translation>
    </message>
    <message>
        <source>By dimension</source>
        <translation>按测评项目</translation>
    </message>
    <message>
        <source>By town/street</source>
        <translation>按镇街</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Print results report…</source>
        <translation>打印结果通报…</translation>
    </message>
    <message>
        <source>Total by unit (out of 100)</source>
        <translation>各单位总分（百分制）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Dimensions (out of 100)</source>
        <translation>各测评项目得分（百分制）</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Total by town/street (out of 100)</source>
        <translation>各镇街总分（百分制）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Trend of the total across rounds</source>
        <translation>历次测评总分趋势</translation>
    </message>
</context>
</TS>
