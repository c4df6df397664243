<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyBoardView</name>
    <message>
        <source>By town/street</source>
        <extracomment>The figures&apos; columns (people, capacity, days without a report), aligned right. What is wrong: also the line&apos;s tooltip, escaped (a tooltip may be read as rich text). An enterprise was activated (its id): the page shows its trend. Town/officer grouping changed: the page reads the board again.</extracomment>
        <translation>按镇街</translation>
    </message>
    <message>
        <source>By officer</source>
        <translation>按联络员</translation>
    </message>
    <message>
        <source>All enterprises</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <source>With anomalies</source>
        <translation>报告异常的</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报</translation>
    </message>
    <message>
        <source>Not reported for 2 days or more</source>
        <translation>连续两日及以上未报</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>No enterprise was due to report {name} on {date}: the day is outside its reporting period, or no enterprise matches who must report.</source>
        <translation>{date} 没有企业需要填报{name}：该日不在填报期内，或没有符合填报范围的企业。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{date}&lt;/b&gt;: {due} enterprises due, &lt;b&gt;{reported}&lt;/b&gt; reported ({late} late), &lt;b style=&apos;color:#8a6d00&apos;&gt;{missing} not reported&lt;/b&gt;, reporting rate {rate}; &lt;b&gt;{people}&lt;/b&gt; people on site ({change} since the day before); &lt;b style=&apos;color:#c62828&apos;&gt;{anomalies} with anomalies&lt;/b&gt;; {long} silent for 2 days or more.</source>
        <translation>&lt;b&gt;{date}&lt;/b&gt;：应报 {due} 家，&lt;b&gt;已报 {reported} 家&lt;/b&gt;（迟报 {late} 家），&lt;b style=&apos;color:#8a6d00&apos;&gt;未报 {missing} 家&lt;/b&gt;，报送率 {rate}；在岗 &lt;b&gt;{people}&lt;/b&gt; 人（较前一日 {change}）；&lt;b style=&apos;color:#c62828&apos;&gt;报告异常 {anomalies} 家&lt;/b&gt;；连续两日及以上未报 {long} 家。</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>People on site</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>Capacity %</source>
        <translation>产能%</translation>
    </message>
    <message>
        <source>Days without a report</source>
        <translation>连续未报天数</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>异常情况及需求</translation>
    </message>
</context>
</TS>
