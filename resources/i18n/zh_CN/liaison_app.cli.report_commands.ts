<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>reports: the three rates, satisfaction, the day&apos;s daily reports</source>
        <translation>报表：三率、满意度测评、当日日报</translation>
    </message>
    <message>
        <source>response, resolution and satisfaction rates</source>
        <translation>响应率、解决率和满意率</translation>
    </message>
    <message>
        <source>The three rates of the requests accepted in a period, the same numbers as the 报表 page.</source>
        <translation>某一期间受理的诉求的三率，与“报表”页面的数字相同。</translation>
    </message>
    <message>
        <source>first day of the period (YYYY-MM-DD)</source>
        <translation>期间第一天（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>last day of the period (YYYY-MM-DD)</source>
        <translation>期间最后一天（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>one row per lead department, town or officer</source>
        <translation>按主办部门、镇街或联络员分行统计</translation>
    </message>
    <message>
        <source>count unanswered requests as late from this day (default today)</source>
        <translation>以这一天为准计算未答复诉求是否逾期（默认今天）</translation>
    </message>
    <message>
        <source>results of a satisfaction evaluation round</source>
        <translation>一轮满意度测评的结果</translation>
    </message>
    <message>
        <source>The results of an evaluation round, the same numbers as the 测评 page: per unit (ranked), per dimension or per town/street.</source>
        <translation>一轮测评的结果，与“测评”页面的数字一致：按被测评单位（排名）、按维度或按镇街。</translation>
    </message>
    <message>
        <source>the round&apos;s id (or its first 8 characters) or its name</source>
        <translation>轮次编号（或其前 8 位）或名称</translation>
    </message>
    <message>
        <source>one row per evaluated unit (default), dimension or town/street</source>
        <translation>每行一个被测评单位（默认）、维度或镇街</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>“{text}” is not a date; write it as YYYY-MM-DD.</source>
        <translation>“{text}”不是日期，请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>统计期的结束日期早于开始日期。</translation>
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
        <source>Three rates of requests accepted {start} to {end}</source>
        <translation>{start} 至 {end} 受理诉求的三率</translation>
    </message>
</context>
</TS>
