<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Evaluation</name>
    <message>
        <source>Anonymous round: * marks a group of fewer than 3 sheets, whose figures are not shown.</source>
        <extracomment>Said under the figures wherever they are shown (page, command line).</extracomment>
        <translation>匿名测评：不足 3 份测评表的分组以“*”表示，不显示分数。</translation>
    </message>
    <message>
        <source>This computer holds the sheets of your enterprises only; the centre&apos;s figures cover the whole county.</source>
        <translation>本机只保存您负责企业的测评表；全县数据以服务中心为准。</translation>
    </message>
    <message>
        <source>(no town)</source>
        <extracomment>Lower bounds of the distribution bands, best first. A total under this, or a dimension under this share of the top, is a low score. Enterprises invited (for a unit: each may return one sheet for it). Enterprises that returned at least one sheet. Dimension key -&gt; mean answer in the scale&apos;s points (None: none, or hidden). Mean sheet total, 0-100. An anonymous round&apos;s group too small to show. Mean answer in the scale&apos;s points, and as a share of the top (0-100). Enterprises that returned at least one sheet, and all sheets received. True on a device that holds only some enterprises&apos; sheets (an officer&apos;s laptop).</extracomment>
        <translation>（未填镇街）</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Only the service centre turns evaluation comments into requests.</source>
        <extracomment>Mean total (0-100) of the unit in that round; None when not evaluated or hidden. &quot;服务态度 8&quot; for each dimension under the low mark.</extracomment>
        <translation>只有服务中心可以将测评意见转为诉求。</translation>
    </message>
    <message>
        <source>The sheet no longer exists.</source>
        <translation>该测评表已不存在。</translation>
    </message>
    <message>
        <source>The round is anonymous: a request would tell who complained. Ask the enterprises to raise the matter as a request themselves.</source>
        <translation>本轮为匿名测评，转为诉求会暴露提意见的企业。请企业自行提出诉求。</translation>
    </message>
    <message>
        <source>This comment has already been made a request.</source>
        <translation>该意见已转为诉求。</translation>
    </message>
    <message>
        <source>Rank</source>
        <extracomment>Column headings, translated when a table is made.</extracomment>
        <translation>排名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>被测评单位</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>测评表</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>参评率</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
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
        <source>Answers</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Out of 100</source>
        <translation>百分制</translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>参评</translation>
    </message>
    <message>
        <source>Low scores</source>
        <translation>低分项目</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见和建议</translation>
    </message>
    <message>
        <source>By unit</source>
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
        <source>Distribution of sheet totals</source>
        <translation>测评表总分分布</translation>
    </message>
    <message>
        <source>Trend of the total across rounds</source>
        <translation>历次测评总分趋势</translation>
    </message>
    <message>
        <source>{name} ({date}): {invited} enterprises invited, {responded} responded ({rate}), {sheets} sheets; total {total} of 100.</source>
        <translation>{name}（{date}）：邀请企业 {invited} 家，参评 {responded} 家（{rate}），测评表 {sheets} 份；总分 {total}（百分制）。</translation>
    </message>
</context>
</TS>
